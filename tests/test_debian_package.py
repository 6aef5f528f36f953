"""The .deb as a Debian admin receives it: named france-services-kiosk, clean for lintian (what it still says
is explained in an override), with a changelog and a copyright notice, and the same bytes from two builds."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.debian_build import PACKAGE, ROOT, build, field, listing, member, project_version, run_build

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is missing (not Debian)")
LIB = f"/usr/lib/{PACKAGE}"


def system_python() -> str:
    """The version of the distribution's python3: the one build-deb.sh makes the environment with."""
    return subprocess.run(
        ["/usr/bin/python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("deb"))


def test_the_package_is_france_services_kiosk_and_replaces_the_old_name(deb: Path) -> None:
    assert deb.name == f"{PACKAGE}_{project_version()}_amd64.deb"
    assert field(deb, "Package") == PACKAGE
    assert field(deb, "Conflicts") == "kiosk" and field(deb, "Replaces") == "kiosk"


def test_lintian_reports_no_error_and_no_warning_that_is_not_explained(deb: Path) -> None:
    if shutil.which("lintian") is None:
        pytest.skip("lintian is not installed (apt-get install lintian)")
    result = subprocess.run(
        ["lintian", "--pedantic", "--info", str(deb)], capture_output=True, text=True, timeout=300
    )
    tags = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "I:", "P:", "X:"}]
    # The overrides for what only the real wheels hold (Qt's images): repo-try.sh runs lintian on those.
    tags = [line for line in tags if " unused-override " not in line]
    assert tags == [], result.stdout
    assert result.returncode == 0, result.stderr
    overrides = member(deb, f"./usr/share/lintian/overrides/{PACKAGE}").decode()
    # Each override comes after the comment that gives its reason (one comment may explain a few).
    explained = False
    for line in overrides.splitlines():
        explained = line.startswith("#") or (explained and line.startswith(f"{PACKAGE}:"))
        assert explained, f"no reason given for: {line}"


def test_the_package_has_a_changelog_and_a_copyright_notice(deb: Path) -> None:
    changelog = gzip.decompress(member(deb, f"./usr/share/doc/{PACKAGE}/changelog.gz")).decode()
    assert changelog.startswith(f"{PACKAGE} ({project_version()}) ")
    assert "\n -- " in changelog and "@localhost" not in changelog
    copyright_file = member(deb, f"./usr/share/doc/{PACKAGE}/copyright").decode()
    assert "\nCopyright: 20" in copyright_file and "\nLicense: EUPL-1.2" in copyright_file


def test_the_maintainer_is_who_the_builder_says(tmp_path: Path) -> None:
    deb = build(tmp_path, DEBFULLNAME="Équipe numérique", DEBEMAIL="numerique@structure.example.org")
    assert field(deb, "Maintainer") == "Équipe numérique <numerique@structure.example.org>"


def test_two_builds_of_the_same_sources_are_the_same_bytes(tmp_path: Path, deb: Path) -> None:
    again = build(tmp_path)
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(deb.read_bytes()).digest()


def test_the_settings_are_a_conffile_that_upgrades_keep(deb: Path) -> None:
    control = subprocess.run(
        ["dpkg-deb", "-I", str(deb), "conffiles"], capture_output=True, text=True, check=True
    ).stdout
    assert control.split() == [f"/etc/{PACKAGE}/kiosk.conf"]
    assert member(deb, f"./etc/{PACKAGE}/kiosk.conf") == (ROOT / "packaging" / "kiosk.conf").read_bytes()
    assert f"./etc/{PACKAGE}/packs.d/" in listing(deb)


def test_a_removal_stops_starting_the_kiosk(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "--control", str(deb), str(tmp_path / "DEBIAN")], check=True)
    remove = (tmp_path / "DEBIAN" / "prerm").read_text().split("    remove | deconfigure)\n", 1)[1]
    remove = remove.split(";;", 1)[0]
    assert "rm -f /etc/systemd/system/graphical.target.wants/france-services-kiosk.service" in remove
    assert "rm -f /etc/systemd/system/france-services-kiosk.service" in remove


def test_dpkg_owns_every_file_of_the_kiosk_and_can_verify_it(deb: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    files = {
        str(path.relative_to(tree))
        for path in tree.rglob("*")
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts
    }
    summed = {line.split("  ", 1)[1] for line in (tree / "DEBIAN" / "md5sums").read_text().splitlines()}
    assert files == summed
    venv = tree / LIB.lstrip("/") / "venv"
    # The environment, made at build time: the kiosk's command, its modules compiled, the dependencies.
    command = (venv / "bin" / "kiosk").read_text()
    assert command.startswith(f"#!{LIB}/venv/bin/python\n"), command.splitlines()[0]
    # Its python: the distribution's, by a relative link (from /usr/lib/.../venv/bin to /usr/bin).
    python = f"python{system_python()}"
    assert (venv / "bin" / python).readlink().as_posix() == f"../../../../bin/{python}"
    assert (venv / "bin" / "python3").readlink().as_posix() == python
    libraries = [path for path in venv.rglob("*.so*") if path.is_file()]
    assert all(path.stat().st_mode & 0o111 == 0 for path in libraries)  # loaded, not run
    site = next(venv.glob("lib/python3.*/site-packages"))
    assert {"kiosk_standin", "pyside6_essentials_standin.py", "qrcode_standin.py"} <= {
        p.name for p in site.iterdir()
    }
    assert list(site.glob("kiosk_standin/__pycache__/__init__.cpython-3*.pyc"))
    assert "command = /usr/bin/python3" in (venv / "pyvenv.cfg").read_text()
    built_in = [path for path in venv.rglob("*") if path.is_file() and b"/tmp/" in path.read_bytes()]
    assert built_in == [], "files that name the build folder"
    # The session and its unit, the package's files.
    unit = (tree / "lib/systemd/system/france-services-kiosk.service").read_text()
    assert f"ExecStart=/usr/bin/cage -s -- {LIB}/bin/kiosk-session\n" in unit and "User=kiosk\n" in unit
    assert f'exec "{LIB}/venv/bin/kiosk"' in (tree / LIB.lstrip("/") / "bin" / "kiosk-session").read_text()
    assert not (tree / "opt").exists()


def test_the_package_depends_on_the_python_its_environment_was_made_with(deb: Path) -> None:
    depends = [group.strip() for group in field(deb, "Depends").replace("\n", " ").split(",")]
    assert (
        depends[0] == f"python{system_python()}"
    )  # its modules are for that version, and bin/python links to it
    assert "libc6 (>= 2.34)" in depends  # what the newest of the wheels (PySide6's, manylinux_2_34) needs
    assert "python3-venv" not in depends and "python3" not in depends
    assert (
        field(deb, "Architecture")
        == subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )


def test_a_wheel_that_is_not_the_locked_file_stops_the_build(tmp_path: Path) -> None:
    good = tmp_path / "good"
    build(good)
    lock = good / "requirements.lock"
    # The same name and version, other bytes: what a changed file on the index, or in DIR, looks like.
    result = run_build(tmp_path / "changed", lock=lock, content="VALUE = 'changed'\n")
    assert result.returncode != 0
    assert "hash" in result.stderr.lower() and not list((tmp_path / "changed").glob("out/*.deb"))


def test_a_lock_that_lacks_a_dependency_of_the_kiosk_stops_the_build(tmp_path: Path) -> None:
    lock = tmp_path / "short.lock"
    run_build(tmp_path / "first")  # makes the wheels and their lock
    whole = (tmp_path / "first" / "requirements.lock").read_text().splitlines()
    lock.write_text("\n".join(line for line in whole if not line.startswith("qrcode")) + "\n")
    result = run_build(tmp_path / "second", lock=lock)
    assert result.returncode != 0
    assert "does not give what pyproject.toml asks for" in result.stderr and "qrcode" in result.stderr
