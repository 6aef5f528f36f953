"""The .deb as a Debian admin receives it: named france-services-kiosk, clean for lintian (what it still says
is explained in an override), with a changelog and a copyright notice, and the same bytes from two builds."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "france-services-kiosk"
# Empty stand-ins for the wheels (the real ones: ~280 MB), as in test_packaging_scripts.py.
FAKE_WHEELS = [
    "france_services_kiosk-{version}-py3-none-any.whl",
    "pyside6_essentials-6.11.3-cp310-abi3-manylinux_2_34_x86_64.whl",
    "sqlcipher3-0.6.4-cp311-cp311-manylinux_2_28_x86_64.whl",
]

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is missing (not Debian)")


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def build(tmp: Path, **environment: str) -> Path:
    wheels = tmp / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    for name in FAKE_WHEELS:
        (wheels / name.format(version=project_version())).write_bytes(b"")
    out = tmp / "out"
    subprocess.run(
        ["bash", "packaging/build-deb.sh", "--arch", "amd64", "--wheels", wheels, "--out", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb", **environment},
        timeout=60,
        check=True,
    )
    (deb,) = out.glob("*.deb")
    return deb


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("deb"))


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def member(deb: Path, path: str) -> bytes:
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    return subprocess.run(["tar", "-xOf", "-", path], input=tar, capture_output=True, check=True).stdout


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
    assert tags == [], result.stdout
    assert result.returncode == 0, result.stderr
    overrides = member(deb, f"./usr/share/lintian/overrides/{PACKAGE}").decode()
    lines = overrides.splitlines()
    for index, line in enumerate(lines):
        if line.startswith(f"{PACKAGE}:"):
            assert index > 0 and lines[index - 1].startswith("#"), f"no reason given for: {line}"


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
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert f"./etc/{PACKAGE}/packs.d/" in listing
    # install.sh, run by the postinst, finds the pristine copy if the admin deleted the configured one.
    assert f"./usr/lib/{PACKAGE}/packaging/kiosk.conf" in listing


def test_a_removal_stops_starting_the_kiosk(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "--control", str(deb), str(tmp_path / "DEBIAN")], check=True)
    remove = (tmp_path / "DEBIAN" / "prerm").read_text().split("    remove | deconfigure)\n", 1)[1]
    remove = remove.split(";;", 1)[0]
    assert "rm -f /etc/systemd/system/graphical.target.wants/france-services-kiosk.service" in remove
    assert "rm -f /etc/systemd/system/france-services-kiosk.service" in remove
