"""The install and uninstall scripts: shellcheck-clean, and a dry run that says what it would do."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ["packaging/install.sh", "packaging/uninstall.sh", "packaging/build-bundle.sh"]


def test_the_scripts_pass_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (./test.sh installs it)")
    result = subprocess.run(["shellcheck", "-x", *SCRIPTS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def dry_run(script: str, *arguments: str) -> str:
    result = subprocess.run(
        ["bash", script, "--dry-run", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_a_dry_install_says_everything_it_would_do_and_does_none_of_it() -> None:
    before = set(Path("/opt").iterdir()) if Path("/opt").exists() else set()
    out = dry_run("packaging/install.sh", "--user", "kiosk-dry-run-test")
    for step in (
        "apt-get install -y -q libegl1",
        " cage ",
        "adduser --disabled-password",
        "usermod -a -G video,render,input,audio kiosk-dry-run-test",
        "python3 -m venv /opt/france-services-kiosk/venv",
        "write /etc/systemd/system/getty@tty1.service.d/france-services-kiosk.conf",
        "--autologin kiosk-dry-run-test",
        "exec cage -s -- /opt/france-services-kiosk/bin/kiosk-session",
        "kiosk store set-pin",
    ):
        assert step in out, step
    assert "sudo" not in out.split("apt-get")[0], "no privilege escalation inside the script"
    assert (set(Path("/opt").iterdir()) if Path("/opt").exists() else set()) == before
    assert subprocess.run(["id", "kiosk-dry-run-test"], capture_output=True).returncode != 0


def test_the_session_restarts_the_kiosk_after_a_crash_but_not_after_a_clean_exit(tmp_path: Path) -> None:
    out = dry_run("packaging/install.sh", "--no-pin")
    session = out.split("kiosk-session (mode 755):\n", 1)[1].split("\n[", 1)[0].split("\n+ ", 1)[0]
    script = "\n".join(line[4:] for line in session.splitlines())
    fake = tmp_path / "fake-kiosk"
    counter = tmp_path / "runs"
    # The kiosk "crashes" twice, then is quit from mediator mode.
    fake.write_text(f'#!/bin/sh\necho x >> {counter}\n[ "$(wc -l < {counter})" -ge 3 ]\n')
    fake.chmod(0o755)
    session_file = tmp_path / "kiosk-session"
    session_file.write_text(
        script.replace("/opt/france-services-kiosk/venv/bin/kiosk", str(fake)).replace("sleep 2", "true")
    )
    session_file.chmod(0o755)
    result = subprocess.run([str(session_file)], timeout=30)
    assert result.returncode == 0 and counter.read_text().count("x") == 3


def test_a_dry_uninstall_removes_the_user_with_its_home_and_the_app() -> None:
    out = dry_run("packaging/uninstall.sh", "--user", "root")  # a user that exists: its removal is shown
    assert "rm -rf /opt/france-services-kiosk" in out
    assert "userdel --remove root" in out
    assert "getty@tty1.service.d/france-services-kiosk.conf" in out
