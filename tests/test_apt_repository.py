"""The fleet's signed apt repository (packaging/repo-publish.sh) and the kiosk's side of it
(packaging/repo-client.sh), with the real reprepro, gpg, apt and unattended-upgrades' own origin matching:
version N published and seen, N+1 published and offered, nothing else taken from the repository, and a
repository signed by another key refused."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.debian_build import build

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "france-services-kiosk"

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("reprepro", "gpg", "apt-get", "dpkg-deb")),
    reason="reprepro, gpg, apt-get and dpkg-deb are needed (apt-get install reprepro)",
)


@pytest.fixture
def gnupg(tmp_path: Path) -> Iterator[dict[str, str]]:
    home = tmp_path / "g"
    home.mkdir(mode=0o700)
    environment = {**os.environ, "GNUPGHOME": str(home), "TERM": "dumb"}
    yield environment
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=environment, check=False)


def run(*command: str | Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def with_version(deb: Path, version: str, folder: Path, package: str = PACKAGE) -> Path:
    """The same package under another version (and name): a release N+1, or a package not the kiosk's."""
    tree = folder / f"{package}-{version}"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN" / "control"
    lines = control.read_text().splitlines()
    replaced = [
        f"Version: {version}"
        if line.startswith("Version:")
        else f"Package: {package}"
        if line.startswith("Package:")
        else line
        for line in lines
    ]
    control.write_text("\n".join(replaced) + "\n")
    out = folder / f"{package}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-b", str(tree), str(out)],
        check=True,
        capture_output=True,
    )
    return out


class Kiosk:
    """A kiosk's apt, in a folder: the files repo-client.sh writes, and apt reading only them."""

    def __init__(self, root: Path, environment: dict[str, str]) -> None:
        self.root = root
        self.environment = environment
        for folder in ("var/lib/apt/lists/partial", "var/cache/apt/archives/partial", "var/lib/dpkg"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        (root / "var/lib/dpkg/status").touch()
        (root / "apt.conf").write_text(
            f'Dir "{root}/";\nDir::State::status "{root}/var/lib/dpkg/status";\n'
            'APT::Architecture "amd64";\nAPT::Architectures { "amd64"; };\n'
            'APT::Sandbox::User "root";\nDebug::NoLocking "true";\n'
        )
        self.apt = {**environment, "APT_CONFIG": str(root / "apt.conf")}

    def set_up(self, repository: Path) -> None:
        result = run(
            "bash", "packaging/repo-client.sh", "--root", self.root, "--url", f"file://{repository}",
            "--key", repository / "kiosk.gpg", environment=self.environment,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        sources = self.root / f"etc/apt/sources.list.d/{PACKAGE}.sources"
        text = sources.read_text()
        assert f"Signed-By: /etc/apt/keyrings/{PACKAGE}.gpg\n" in text
        # The kiosk's /etc is this folder's: the key is looked for there.
        sources.write_text(text.replace("Signed-By: /etc/", f"Signed-By: {self.root}/etc/"))

    def update(self) -> subprocess.CompletedProcess[str]:
        return run("apt-get", "update", environment=self.apt)

    def candidate(self, package: str) -> str:
        policy = run("apt-cache", "policy", package, environment=self.apt).stdout
        # An unknown package has no policy at all: no candidate either.
        return next(
            (line.split(":", 1)[1].strip() for line in policy.splitlines() if "Candidate:" in line), "(none)"
        )


def publish(repository: Path, environment: dict[str, str], *debs: Path) -> subprocess.CompletedProcess[str]:
    return run(
        "bash",
        "packaging/repo-publish.sh",
        "--repo",
        repository,
        "--key",
        "kiosks@example.org",
        *debs,
        environment=environment,
    )


def publish_with_a_new_key(
    repository: Path, environment: dict[str, str], deb: Path, name: str = "Test kiosks <kiosks@example.org>"
) -> subprocess.CompletedProcess[str]:
    return run(
        "bash",
        "packaging/repo-publish.sh",
        "--repo",
        repository,
        "--new-key",
        name,
        deb,
        environment=environment,
    )


def test_a_kiosk_sees_version_n_then_n_plus_1_and_nothing_else_from_the_repository(
    tmp_path: Path, gnupg: dict[str, str]
) -> None:
    deb = build(tmp_path / "build")
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True
    ).stdout.strip()
    repository = tmp_path / "repo"
    result = publish_with_a_new_key(repository, gnupg, deb)
    assert result.returncode == 0, result.stderr
    kiosk = Kiosk(tmp_path / "kiosk", gnupg)
    kiosk.set_up(repository)
    result = kiosk.update()
    assert result.returncode == 0 and "W:" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert kiosk.candidate(PACKAGE) == version

    # N+1, and a package that is not the kiosk's, published together: only the kiosk's is taken.
    newer = with_version(deb, f"{version}+1", tmp_path)
    intruder = with_version(deb, "99", tmp_path, package="login")
    result = publish(repository, gnupg, newer, intruder)
    assert result.returncode == 0, result.stderr
    assert kiosk.update().returncode == 0
    assert kiosk.candidate(PACKAGE) == f"{version}+1"
    assert kiosk.candidate("login") == "(none)"
    # A version already published is refused: each release raises it.
    result = publish(repository, gnupg, deb)
    assert result.returncode != 0 and "is not newer than the published" in result.stderr


def test_a_repository_signed_by_another_key_is_refused(tmp_path: Path, gnupg: dict[str, str]) -> None:
    deb = build(tmp_path / "build")
    trusted, other = tmp_path / "trusted", tmp_path / "other"
    for repository, name in (
        (trusted, "Test kiosks <kiosks@example.org>"),
        (other, "Someone <x@example.org>"),
    ):
        result = publish_with_a_new_key(repository, gnupg, deb, name)
        assert result.returncode == 0, result.stderr
    kiosk = Kiosk(tmp_path / "kiosk", gnupg)
    kiosk.set_up(trusted)
    sources = tmp_path / f"kiosk/etc/apt/sources.list.d/{PACKAGE}.sources"
    sources.write_text(sources.read_text().replace(f"file://{trusted}", f"file://{other}"))
    result = kiosk.update()
    assert "NO_PUBKEY" in result.stdout + result.stderr and "is not signed" in result.stdout + result.stderr
    assert kiosk.candidate(PACKAGE) == "(none)"


UNATTENDED_ORIGIN_CHECK = """
import importlib.machinery, importlib.util, apt, apt_pkg
loader = importlib.machinery.SourceFileLoader("uu", "/usr/bin/unattended-upgrade")
spec = importlib.util.spec_from_loader("uu", loader)
uu = importlib.util.module_from_spec(spec)
loader.exec_module(uu)
apt_pkg.init_config()
apt_pkg.init_system()
allowed = uu.get_allowed_origins()
for version in apt.Cache()["france-services-kiosk"].versions:
    print(version.version, all(uu.is_allowed_origin(origin, allowed) for origin in version.origins))
"""


def test_unattended_upgrades_takes_the_kiosk_from_that_origin(tmp_path: Path, gnupg: dict[str, str]) -> None:
    if not Path("/usr/bin/unattended-upgrade").exists():
        pytest.skip("unattended-upgrades is not installed")
    deb = build(tmp_path / "build")
    repository = tmp_path / "repo"
    result = publish_with_a_new_key(repository, gnupg, deb)
    assert result.returncode == 0, result.stderr
    kiosk = Kiosk(tmp_path / "kiosk", gnupg)
    kiosk.set_up(repository)
    assert kiosk.update().returncode == 0
    # unattended-upgrades' own matching (the distribution's python3 with python3-apt, as it runs).
    result = run("/usr/bin/python3", "-c", UNATTENDED_ORIGIN_CHECK, environment=kiosk.apt)
    assert result.returncode == 0, result.stderr
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True
    ).stdout.strip()
    assert result.stdout.split() == [version, "True"]
    configuration = (tmp_path / f"kiosk/etc/apt/apt.conf.d/52{PACKAGE}").read_text()
    assert (
        'Dpkg::Options:: "--force-confold";' in configuration
    )  # a changed kiosk.conf never stops an upgrade
