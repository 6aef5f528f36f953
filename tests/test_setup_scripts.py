"""The set-up shared by ./run.sh and ./test.sh: what it does when it cannot install packages."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parent.parent
QT = Path(PySide6.__file__).parent / "Qt"
# What the official site's browser (QtWebEngine), its pages (QtWebEngineProcess) and the PDF viewer
# (QtPdf) load: the Qt libraries in the wheel and the Python modules that bind them.
BROWSER_AND_PDF = [
    QT / "libexec" / "QtWebEngineProcess",
    *(
        QT / "lib" / f"libQt6{name}.so.6"
        for name in ("WebEngineCore", "WebEngineWidgets", "WebChannel", "Pdf")
    ),
    *(QT.parent / f"{name}.abi3.so" for name in ("QtWebEngineCore", "QtWebEngineWidgets", "QtPdf")),
]
# The C and C++ runtime: every Debian and Ubuntu has them (apt itself needs them).
ALWAYS_THERE = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


def _bootstrap(snippet: str, user: str | None = None) -> subprocess.CompletedProcess[str]:
    if user is None:
        script = f"cd {ROOT} && source tools/bootstrap.sh && {snippet}"
        return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    # Another user may not enter the clone (made by root in a `mktemp -d`, or in /root): the functions
    # are handed over as text and run from /, so the test does not depend on where the clone is.
    functions = (ROOT / "tools" / "bootstrap.sh").read_text()
    script = f"cd / || exit 1\n{functions}\n{snippet}"
    command = ["su", user, "-s", "/bin/bash", "-c", script]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_scripts_are_valid_bash_and_executable() -> None:
    for name in ("run.sh", "test.sh", ".ci/run", "tools/bootstrap.sh", "tools/update_catalogs.sh"):
        assert subprocess.run(["bash", "-n", str(ROOT / name)]).returncode == 0, name
    for name in ("run.sh", "test.sh", ".ci/run"):
        assert os.access(ROOT / name, os.X_OK), name


def test_ci_runs_the_readme_test_command() -> None:
    assert "./test.sh" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "./run.sh" in readme and "./test.sh" in readme


def test_a_python_of_at_least_3_11_is_found() -> None:
    result = _bootstrap('"$(pick_python)" -c "import sys; print(sys.version_info >= (3, 11))"')
    assert result.stdout.strip() == "True"


def test_installed_packages_are_not_installed_again() -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    result = _bootstrap("install_system_packages libc6 && echo fine")
    assert result.stdout.strip() == "fine" and "Installing" not in result.stderr


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("sudo") is not None, reason="needs root and no sudo")
def test_a_user_without_root_or_sudo_gets_the_exact_command_to_ask_for() -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    result = _bootstrap("install_system_packages libc6 kiosk-test-not-a-package", user="nobody")
    assert result.returncode == 1
    assert "sudo apt-get install kiosk-test-not-a-package" in result.stderr


def needed_libraries(binary: Path) -> list[str]:
    """The libraries an ELF file names as DT_NEEDED (what it loads itself, not what those load)."""
    data = binary.read_bytes()
    assert data[:6] == b"\x7fELF\x02\x01", f"{binary} is not a 64-bit little-endian ELF file"
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + index * entry_size) for index in range(count)
    ]
    dynamic = next(section for section in sections if section[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]]  # its sh_link: the string table of the names
    names = []
    for position in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, position)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            start = strings[4] + value
            names.append(data[start : data.index(b"\0", start)].decode())
    return names


def package_of(library: Path) -> str:
    """The Debian package that installed ``library`` (found under /lib or /usr/lib: they are one)."""
    merged = Path("/usr") / library.relative_to("/") if library.parts[1] == "lib" else library
    for candidate in (library, merged):
        result = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0]
    raise AssertionError(f"no package holds {library}")


def test_the_system_libraries_the_browser_and_the_pdf_viewer_load_are_installed_by_the_scripts() -> None:
    if shutil.which("dpkg") is None:
        pytest.skip("not a Debian system")
    listed = set(_bootstrap("echo $KIOSK_APT_RUN").stdout.split())
    for binary in BROWSER_AND_PDF:
        resolved = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in resolved, resolved
        paths = dict(re.findall(r"^\s*(\S+) => (/\S+)", resolved, re.MULTILINE))
        for name in needed_libraries(binary):
            if name.startswith(("libQt6", "libpyside6", "libshiboken6")) or name.startswith("ld-linux"):
                continue  # in the wheel, or the loader itself
            package = package_of(Path(paths[name]))
            assert package in listed | ALWAYS_THERE, (
                f"{binary.name} loads {name}, from {package}: not in KIOSK_APT_RUN"
            )


def test_run_sh_switches_the_browsers_sandbox_off_only_as_root_and_says_why() -> None:
    run_sh = (ROOT / "run.sh").read_text()
    assert run_sh.index("sandbox_off_for_root") < run_sh.index("exec .venv/bin/kiosk")
    as_root = _bootstrap('sandbox_off_for_root; echo "[$QTWEBENGINE_DISABLE_SANDBOX]"')
    if os.geteuid() == 0:
        assert as_root.stdout.strip() == "[1]"
        assert len(as_root.stderr.strip().splitlines()) == 1 and "sandbox" in as_root.stderr
    if shutil.which("su") is not None and os.geteuid() == 0:
        as_a_user = _bootstrap(
            # A user's own run: nothing in its environment (pytest's, as root, holds the switch).
            "unset QTWEBENGINE_DISABLE_SANDBOX; sandbox_off_for_root; "
            'echo "[${QTWEBENGINE_DISABLE_SANDBOX:-}]"',
            user="nobody",
        )
        assert as_a_user.stdout.strip() == "[]" and as_a_user.stderr == ""
