"""The set-up shared by ./run.sh and ./test.sh: what it does when it cannot install packages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bootstrap(snippet: str, user: str | None = None) -> subprocess.CompletedProcess[str]:
    script = f"cd {ROOT} && source tools/bootstrap.sh && {snippet}"
    command = ["su", user, "-s", "/bin/bash", "-c", script] if user else ["bash", "-c", script]
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
