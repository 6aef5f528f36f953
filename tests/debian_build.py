"""The .deb built by packaging/build-deb.sh from small stand-ins for the wheels (the real ones: ~280 MB, and
PySide6 alone takes a minute to install): a real, installable kiosk wheel with its `kiosk` command, two
dependencies with the platform tags of the real ones, and a lock with their hashes. The build does with them
exactly what it does with the real wheels: a Python environment made with this system's Python, the lock
installed with hash checking, the kiosk, the paths moved to /usr/lib/france-services-kiosk."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "france-services-kiosk"
# What the stand-ins stand for: an abi3 wheel that needs glibc 2.34 (PySide6's) and a pure-Python one.
DEPENDENCIES = {
    "pyside6_essentials-6.11.3-cp310-abi3-manylinux_2_34_x86_64.whl": "pyside6_essentials_standin",
    "qrcode-8.2-py3-none-any.whl": "qrcode_standin",
}


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def write_wheel(path: Path, files: dict[str, str], metadata: list[str]) -> None:
    """A wheel pip installs: the files, METADATA, WHEEL and a RECORD with their hashes."""
    name, version = path.name.split("-")[:2]
    dist_info = f"{name}-{version}.dist-info"
    tag = "-".join(path.name[: -len(".whl")].split("-")[2:])
    entries = {
        **files,
        f"{dist_info}/METADATA": "\n".join(
            ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *metadata]
        )
        + "\n",
        f"{dist_info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: {tag}\n",
    }
    record = []
    with zipfile.ZipFile(path, "w") as wheel:
        for member, text in entries.items():
            data = text.encode()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{member},sha256={digest},{len(data)}")
            wheel.writestr(zipfile.ZipInfo(member, (2020, 1, 1, 0, 0, 0)), data)
        record.append(f"{dist_info}/RECORD,,")
        wheel.writestr(
            zipfile.ZipInfo(f"{dist_info}/RECORD", (2020, 1, 1, 0, 0, 0)), "\n".join(record) + "\n"
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stand_in_wheels(folder: Path, version: str, content: str = "VALUE = 1\n") -> Path:
    """The wheels in `folder` and the lock of their dependencies (returned); `content`: their module."""
    folder.mkdir(parents=True, exist_ok=True)
    write_wheel(
        folder / f"france_services_kiosk-{version}-py3-none-any.whl",
        {
            "kiosk_standin/__init__.py": "def main() -> None:\n    print('kiosk stand-in')\n",
            f"france_services_kiosk-{version}.dist-info/entry_points.txt": (
                "[console_scripts]\nkiosk = kiosk_standin:main\n"
            ),
        },
        ["Requires-Dist: pyside6-essentials", "Requires-Dist: qrcode"],
    )
    lock_lines = []
    for wheel_name, module in DEPENDENCIES.items():
        wheel = folder / wheel_name
        write_wheel(wheel, {f"{module}.py": content}, [])
        name, dependency_version = wheel_name.split("-")[:2]
        lock_lines.append(f"{name.replace('_', '-')}=={dependency_version} --hash=sha256:{sha256(wheel)}")
    lock = folder.parent / "requirements.lock"
    lock.write_text("\n".join(lock_lines) + "\n")
    return lock


def run_build(
    tmp: Path,
    version: str | None = None,
    lock: Path | None = None,
    content: str = "VALUE = 1\n",
    **environment: str,
) -> subprocess.CompletedProcess[str]:
    """build-deb.sh on stand-in wheels of `version` (the project's by default) into tmp/out, with their own
    lock or `lock`."""
    wheels = tmp / "wheels"
    made_lock = stand_in_wheels(wheels, version or project_version(), content)
    return subprocess.run(
        [
            "bash",
            "packaging/build-deb.sh",
            "--wheels",
            wheels,
            "--lock",
            lock or made_lock,
            "--out",
            tmp / "out",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb", **environment},
        timeout=120,
    )


def build(tmp: Path, **environment: str) -> Path:
    result = run_build(tmp, **environment)
    assert result.returncode == 0, result.stderr
    (deb,) = (tmp / "out").glob("*.deb")
    return deb


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def member(deb: Path, path: str) -> bytes:
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    return subprocess.run(["tar", "-xOf", "-", path], input=tar, capture_output=True, check=True).stdout


def listing(deb: Path) -> str:
    return subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
