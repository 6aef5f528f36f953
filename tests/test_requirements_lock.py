"""packaging/requirements.lock: every runtime dependency of pyproject.toml pinned to one version with the
hashes of its files, and the build scripts install from it with hash checking (reproducible builds)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements.lock"
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def runtime_dependencies() -> list[Requirement]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return [Requirement(line) for line in tomllib.load(file)["project"]["dependencies"]]


def locked() -> dict[str, tuple[Requirement, list[str]]]:
    """The lock's entries: name -> (its requirement, its hashes). Continuation lines are joined first."""
    text = re.sub(r"\\\n", " ", LOCK.read_text())
    entries: dict[str, tuple[Requirement, list[str]]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        requirement_text = line.split(" --hash=", 1)[0].strip()
        requirement = Requirement(requirement_text)
        entries[canonicalize_name(requirement.name)] = (requirement, HASH.findall(line))
    return entries


def test_the_lock_pins_every_runtime_dependency_to_a_version_pyproject_accepts() -> None:
    entries = locked()
    for dependency in runtime_dependencies():
        name = canonicalize_name(dependency.name)
        assert name in entries, f"{dependency.name} is not in packaging/requirements.lock: regenerate it"
        (specifier,) = entries[name][0].specifier
        assert specifier.operator == "==", f"{name} is not pinned to one version"
        assert dependency.specifier.contains(specifier.version, prereleases=True), (
            f"{name}=={specifier.version} in the lock, {dependency.specifier} in pyproject.toml: relock"
        )


def test_every_locked_package_is_pinned_with_the_hashes_of_its_files() -> None:
    entries = locked()
    assert len(entries) > len(runtime_dependencies())  # their own dependencies too (shiboken6, QtPy...)
    for name, (requirement, hashes) in entries.items():
        assert [spec.operator for spec in requirement.specifier] == ["=="], name
        assert hashes, f"{name} has no hash"


def test_qtawesome_is_pinned_exactly() -> None:
    # Only its MDI font and charmap are used: a new release must not change the icons behind our back.
    (qtawesome,) = (dep for dep in runtime_dependencies() if canonicalize_name(dep.name) == "qtawesome")
    assert [spec.operator for spec in qtawesome.specifier] == ["=="]


def test_the_builds_install_the_dependencies_from_the_lock_with_hash_checking() -> None:
    # build-deb.sh's check is proven by building: a changed wheel stops it (test_debian_package.py).
    deb = (ROOT / "packaging" / "build-deb.sh").read_text()
    assert 'LOCK="$SOURCE/packaging/requirements.lock"' in deb
    assert all('-r "$LOCK"' in line for line in deb.splitlines() if "--require-hashes" in line)
    for script in ("build-bundle.sh", "install.sh"):
        text = (ROOT / "packaging" / script).read_text()
        commands = [line for line in text.splitlines() if "--require-hashes" in line]
        assert commands, f"{script} does not check the hashes"
        assert all("requirements.lock" in line for line in commands), script
