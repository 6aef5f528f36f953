"""The install, uninstall and packaging scripts: shellcheck-clean, dry runs that say what they would do,
and the .deb's control fields and maintainer scripts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.debian_build import build, field, listing, project_version, run_build

ROOT = Path(__file__).resolve().parents[1]
# Every script in packaging/, so that a new one is checked too.
SCRIPTS = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "packaging").glob("*.sh"))


# The groups the kiosk user joins, of those this machine has (a minimal system lacks some).
SCREEN_INPUT_SOUND_AND_SCANNER = ",".join(
    group
    for group in ("video", "render", "input", "audio", "scanner")
    if subprocess.run(["getent", "group", group], capture_output=True).returncode == 0
)


def test_the_scripts_pass_shellcheck() -> None:
    assert {"packaging/install.sh", "packaging/uninstall.sh", "packaging/build-deb.sh"} <= set(SCRIPTS)
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (./test.sh installs it)")
    result = subprocess.run(["shellcheck", "-x", *SCRIPTS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def dry_run(script: str, *arguments: str, os_release: Path | None = None, **system: str) -> str:
    if os_release:
        system["OS_RELEASE"] = str(os_release)
    result = subprocess.run(
        ["bash", script, "--dry-run", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb", **system},
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
        f"usermod -a -G {SCREEN_INPUT_SOUND_AND_SCANNER} kiosk-dry-run-test",
        "python3 -m venv /opt/france-services-kiosk/venv",
        "write /etc/systemd/system/france-services-kiosk.service",
        "User=kiosk-dry-run-test",
        "ExecStart=/usr/bin/cage -s -- /opt/france-services-kiosk/bin/kiosk-session",
        "ln -sfn /etc/systemd/system/france-services-kiosk.service"
        " /etc/systemd/system/graphical.target.wants/france-services-kiosk.service",
        "mkdir -p /etc/france-services-kiosk/packs.d",
        "kiosk store set-pin",
    ):
        assert step in out, step
    assert "sudo" not in out.split("apt-get")[0], "no privilege escalation inside the script"
    assert "getty" not in out.replace("getty@tty1.service\n", "") and ".bash_profile" not in out
    assert (set(Path("/opt").iterdir()) if Path("/opt").exists() else set()) == before
    assert subprocess.run(["id", "kiosk-dry-run-test"], capture_output=True).returncode != 0


@pytest.mark.parametrize(
    ("system", "arguments", "python"),
    [
        ('ID=debian\nVERSION_ID="12"', (), "python3"),
        ('ID=ubuntu\nVERSION_ID="24.04"', (), "python3"),
        ('ID=ubuntu\nVERSION_ID="22.04"', (), "python3.11"),  # its python3 is 3.10
        ('ID=ubuntu\nVERSION_ID="22.04"', ("--python", "/opt/python3.12"), "/opt/python3.12"),
    ],
)
def test_the_venv_is_made_with_a_python_of_3_11_or_newer(
    tmp_path: Path, system: str, arguments: tuple[str, ...], python: str
) -> None:
    os_release = tmp_path / "os-release"
    os_release.write_text(system + "\n")
    out = dry_run("packaging/install.sh", "--no-pin", *arguments, os_release=os_release)
    assert f"+ {python} -m venv /opt/france-services-kiosk/venv" in out
    apt_line = next(line for line in out.splitlines() if "apt-get install" in line)
    assert ("python3.11-venv" in apt_line.split()) is (python == "python3.11")


def session_unit(out: str) -> str:
    written = "/etc/systemd/system/france-services-kiosk.service (mode 644):\n"
    unit = out.split(written, 1)[1].split("\n+ ", 1)[0]
    return "\n".join(line[4:] for line in unit.splitlines()) + "\n"


def test_a_systemd_unit_runs_the_session_restarts_it_after_a_crash_and_logs_to_the_journal(
    tmp_path: Path,
) -> None:
    unit = session_unit(dry_run("packaging/install.sh", "--no-pin"))
    for line in (
        "User=kiosk",
        "PAMName=login",
        "TTYPath=/dev/tty1",
        "Conflicts=getty@tty1.service",
        "Restart=on-failure",  # a crash restarts it; "Quitter le kiosque" (a clean exit) does not
        "StartLimitIntervalSec=300",
        "StartLimitBurst=5",
        "StandardOutput=journal",  # with StandardInput=tty, the output would go to the screen otherwise
        "StandardError=journal",
        "WantedBy=graphical.target",
    ):
        assert f"\n{line}\n" in unit, line
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is missing")
    # Checked as systemd reads it, with programs that exist here in place of cage and the session.
    checked = tmp_path / "france-services-kiosk.service"
    session = "/usr/bin/cage -s -- /opt/france-services-kiosk/bin/kiosk-session"
    checked.write_text(unit.replace(session, "/bin/true"))
    result = subprocess.run(["systemd-analyze", "verify", str(checked)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_upgrade_replaces_the_old_automatic_login_and_keeps_the_settings(tmp_path: Path) -> None:
    systemd = tmp_path / "systemd"
    (systemd / "getty@tty1.service.d").mkdir(parents=True)
    (systemd / "getty@tty1.service.d" / "france-services-kiosk.conf").write_text("[Service]\n")
    settings = tmp_path / "etc"
    settings.mkdir()
    (settings / "kiosk.conf").write_text("idle_timeout = 90\n")
    out = dry_run("packaging/install.sh", "--no-pin", SYSTEMD_DIR=str(systemd), SETTINGS_DIR=str(settings))
    assert f"+ rm -f {systemd}/getty@tty1.service.d/france-services-kiosk.conf" in out
    assert f"{settings}/kiosk.conf exists: kept as it is" in out
    assert f"install -m 644 {ROOT}/packaging/kiosk.conf" not in out
    # A first install writes the documented template.
    out = dry_run("packaging/install.sh", "--no-pin", SETTINGS_DIR=str(tmp_path / "new"))
    assert f"+ install -m 644 {ROOT}/packaging/kiosk.conf {tmp_path}/new/kiosk.conf" in out


def test_the_session_script_runs_the_kiosk_once_systemd_restarts_it(tmp_path: Path) -> None:
    out = dry_run("packaging/install.sh", "--no-pin")
    session = out.split("kiosk-session (mode 755):\n", 1)[1].split("\n[", 1)[0].split("\n+ ", 1)[0]
    script = "\n".join(line[4:] for line in session.splitlines())
    fake = tmp_path / "fake-kiosk"
    counter = tmp_path / "runs"
    fake.write_text(f"#!/bin/sh\necho x >> {counter}\nexit 3\n")  # a crash: its status reaches systemd
    fake.chmod(0o755)
    session_file = tmp_path / "kiosk-session"
    session_file.write_text(script.replace("/opt/france-services-kiosk/venv/bin/kiosk", str(fake)))
    session_file.chmod(0o755)
    result = subprocess.run([str(session_file)], timeout=30)
    assert result.returncode == 3 and counter.read_text().count("x") == 1


def test_the_session_never_passes_a_sandbox_switch_to_the_kiosk(tmp_path: Path) -> None:
    out = dry_run("packaging/install.sh", "--no-pin")
    session = out.split("kiosk-session (mode 755):\n", 1)[1].split("\n[", 1)[0].split("\n+ ", 1)[0]
    script = "\n".join(line[4:] for line in session.splitlines())
    seen = tmp_path / "environment"
    fake = tmp_path / "fake-kiosk"
    fake.write_text(f"#!/bin/sh\nenv > {seen}\n")
    fake.chmod(0o755)
    session_file = tmp_path / "kiosk-session"
    session_file.write_text(script.replace("/opt/france-services-kiosk/venv/bin/kiosk", str(fake)))
    session_file.chmod(0o755)
    left_by_someone = {"QTWEBENGINE_DISABLE_SANDBOX": "1", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    subprocess.run([str(session_file)], env={**os.environ, **left_by_someone}, timeout=30, check=True)
    environment = seen.read_text()
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in environment and "no-sandbox" not in environment


def test_where_apparmor_restricts_user_namespaces_the_browser_gets_a_profile_for_its_sandbox(
    tmp_path: Path,
) -> None:
    apparmor = tmp_path / "apparmor.d"
    apparmor.mkdir()
    restriction = tmp_path / "apparmor_restrict_unprivileged_userns"
    restriction.write_text("1\n")
    out = dry_run(
        "packaging/install.sh", "--no-pin", APPARMOR_DIR=str(apparmor), USERNS_RESTRICTION=str(restriction)
    )
    profile = out.split(f"+ write {apparmor}/france-services-kiosk (mode 644):\n", 1)[1].split("\n+ ", 1)[0]
    assert "abi <abi/4.0>," in profile
    kiosk = "profile france-services-kiosk /opt/france-services-kiosk/venv/bin/kiosk flags=(unconfined) {"
    assert kiosk in profile
    assert (
        "/opt/france-services-kiosk/venv/lib/python3*/site-packages/PySide6/Qt/libexec/QtWebEngineProcess"
        " flags=(unconfined) {" in profile
    )
    assert profile.count("userns,") == 2
    assert f"+ apparmor_parser -r {apparmor}/france-services-kiosk" in out
    # Debian 12 and Ubuntu 22.04: no restriction, no profile.
    out = dry_run("packaging/install.sh", "--no-pin", APPARMOR_DIR=str(apparmor), USERNS_RESTRICTION="/none")
    assert str(apparmor) not in out and "apparmor_parser" not in out
    assert "needs no AppArmor profile" in out
    # And the uninstall removes it.
    (apparmor / "france-services-kiosk").write_text("profile\n")
    out = dry_run("packaging/uninstall.sh", "--user", "kiosk-dry-run-test", APPARMOR_DIR=str(apparmor))
    assert f"rm -f {apparmor}/france-services-kiosk" in out


def test_a_dry_uninstall_removes_the_user_with_its_home_and_the_app() -> None:
    out = dry_run("packaging/uninstall.sh", "--user", "root")  # a user that exists: its removal is shown
    assert "rm -rf /opt/france-services-kiosk" in out
    assert "userdel --remove root" in out
    assert "getty@tty1.service.d/france-services-kiosk.conf" in out  # from versions before the unit
    assert "systemctl stop france-services-kiosk.service" in out.split("pkill")[0]  # else systemd restarts it
    assert "rm -f /etc/systemd/system/graphical.target.wants/france-services-kiosk.service" in out
    assert "rm -rf /etc/france-services-kiosk" in out


def test_an_install_by_the_package_neither_calls_apt_nor_asks_anything() -> None:
    out = dry_run("packaging/install.sh", "--no-packages", "--no-pin", "--python", "/usr/bin/python3.11")
    assert "apt-get" not in out
    assert "/usr/bin/python3.11 -m venv /opt/france-services-kiosk/venv" in out
    assert "set-pin" not in out
    assert "User=kiosk\n" in out and "france-services-kiosk.service" in out


def test_installed_by_the_package_it_sets_up_the_packaged_kiosk_and_replaces_an_older_install(
    tmp_path: Path,
) -> None:
    systemd = tmp_path / "systemd"
    systemd.mkdir()
    # The unit an earlier install.sh wrote in /etc would hide the package's in /lib.
    (systemd / "france-services-kiosk.service").write_text(
        "# France Services kiosk (written by install.sh)\n"
    )
    out = dry_run("packaging/install.sh", "--packaged", "--no-packages", "--no-pin", SYSTEMD_DIR=str(systemd))
    assert " -m venv " not in out and "pip" not in out and "write " not in out  # the package's files
    assert (
        f"+ ln -sfn /lib/systemd/system/france-services-kiosk.service"
        f" {systemd}/graphical.target.wants/france-services-kiosk.service"
    ) in out
    assert f"+ rm -f {systemd}/france-services-kiosk.service" in out
    assert "apt-get" not in out and "set-pin" not in out
    # A unit the administrator wrote is not the kiosk's: left alone.
    (systemd / "france-services-kiosk.service").write_text("[Service]\nExecStart=/usr/local/bin/other\n")
    out = dry_run("packaging/install.sh", "--packaged", "--no-packages", "--no-pin", SYSTEMD_DIR=str(systemd))
    assert f"rm -f {systemd}/france-services-kiosk.service" not in out


def test_an_offline_bundle_installs_its_wheels_with_the_locks_hashes_checked(tmp_path: Path) -> None:
    bundle = tmp_path / "france-services-kiosk"
    shutil.copytree(ROOT / "packaging", bundle / "packaging")
    shutil.copytree(ROOT / "tools", bundle / "tools")
    (bundle / "packaging" / "wheels").mkdir()
    (bundle / "packaging" / "wheels" / "france_services_kiosk-1.0-py3-none-any.whl").write_bytes(b"")
    result = subprocess.run(
        ["bash", str(bundle / "packaging" / "install.sh"), "--dry-run", "--no-pin", "--no-packages"],
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lock = f"--require-hashes -r {bundle}/packaging/requirements.lock"
    installs = [line for line in result.stdout.splitlines() if " install " in line and "pip" in line]
    assert len(installs) == 2 and lock in installs[0] and "--no-index" in installs[0]
    assert "--no-deps" in installs[1]  # the kiosk itself, after its checked dependencies


# The .deb, built in seconds from small stand-ins for the wheels (tests/debian_build.py).
@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing (not a Debian or Ubuntu system)")
    return build(tmp_path_factory.mktemp("deb"))


@pytest.fixture(scope="module")
def control(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("control") / "DEBIAN"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(folder)], check=True)
    return folder


def test_the_package_is_named_and_versioned_from_pyproject(deb: Path) -> None:
    assert deb.name == f"france-services-kiosk_{project_version()}_amd64.deb"
    assert field(deb, "Package").strip() == "france-services-kiosk"
    assert field(deb, "Version").strip() == project_version()
    assert field(deb, "Architecture").strip() == "amd64"


def test_the_package_depends_on_every_system_package_the_kiosk_needs(deb: Path) -> None:
    depends = [group.strip() for group in field(deb, "Depends").replace("\n", " ").split(",")]
    needed = subprocess.run(
        ["bash", "-c", "source tools/bootstrap.sh && echo $KIOSK_APT_RUN"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"libespeak-ng1", "espeak-ng-data", "libegl1", "libxcb-cursor0"} <= set(needed)
    assert {"libnss3", "libxcomposite1", "libxkbfile1", "sane-utils"} <= set(needed)  # browser, scanner
    for package in [*needed, "cage", "xwayland", "adduser"]:
        assert package in depends, package
    assert re.fullmatch(r"python3\.\d+", depends[0])  # the environment's Python (test_debian_package.py)


def test_the_package_holds_the_install_script_and_nothing_in_opt(deb: Path) -> None:
    files = listing(deb)
    lib = "./usr/lib/france-services-kiosk"
    assert re.search(rf"^-rwxr-xr-x root/root .* {lib}/packaging/install.sh$", files, re.M)
    assert f"{lib}/tools/bootstrap.sh" in files
    assert f"{lib}/venv/bin/kiosk" in files
    assert "wheels" not in files  # installed at build time, not carried
    assert "./usr/share/doc/france-services-kiosk/copyright" in files
    assert "./opt/" not in files, "a package's files are not in /opt (Debian policy)"


def test_the_maintainer_scripts_pass_shellcheck(control: Path) -> None:
    scripts = [str(control / name) for name in ("postinst", "prerm", "postrm")]
    for script in scripts:
        assert os.access(script, os.X_OK), script
        assert subprocess.run(["sh", "-n", script]).returncode == 0, script
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (./test.sh installs it)")
    result = subprocess.run(["shellcheck", *scripts], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_the_postinst_runs_install_sh_for_the_packaged_kiosk_and_asks_nothing(control: Path) -> None:
    postinst = (control / "postinst").read_text()
    assert 'install.sh" --packaged --no-packages --no-pin' in postinst
    assert "venv" not in postinst.split("set_up() {", 1)[1].split("install.sh", 1)[0]  # made at build time
    assert "PySide6.QtWebEngineCore, PySide6.QtPdf" in postinst  # the browser's libraries, checked at install
    said = [line.strip() for line in postinst.splitlines() if "store set-pin" in line]
    assert said and all(line.startswith(("echo ", "#")) for line in said), said  # said, never run
    assert "</dev/null" in postinst.split("store status")[1].split("\n")[0]


def test_a_purge_is_uninstall_sh_and_a_removal_keeps_the_data(control: Path) -> None:
    postrm = (control / "postrm").read_text()
    remove = postrm.split("    remove)\n", 1)[1].split(";;", 1)[0]
    assert "rm -rf /usr/lib/france-services-kiosk /opt/france-services-kiosk/venv" in remove
    assert "rm -f /etc/apparmor.d/france-services-kiosk" in remove
    assert "userdel" not in remove and "/home" not in remove
    embedded = postrm.split("<<'UNINSTALL_SH'\n", 1)[1].split("\nUNINSTALL_SH\n", 1)[0] + "\n"
    assert embedded == (ROOT / "packaging/uninstall.sh").read_text()
    assert 'bash -c "$uninstall_sh" uninstall.sh\n' in postrm.split("    purge)\n", 1)[1]
    result = subprocess.run(
        ["bash", "-c", embedded, "uninstall.sh", "--dry-run", "--user", "root"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "rm -rf /opt/france-services-kiosk" in result.stdout
    assert "userdel --remove root" in result.stdout
    prerm = (control / "prerm").read_text()
    assert "rm -f /etc/systemd/system/getty@tty1.service.d/france-services-kiosk.conf" in prerm


def test_the_build_refuses_wheels_of_another_version(tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing (not a Debian or Ubuntu system)")
    result = run_build(tmp_path, version="0.0.0.dev1")
    assert result.returncode != 0
    assert f"is not version {project_version()}" in result.stderr
    assert not list(tmp_path.glob("out/*.deb"))


def test_usb_sticks_are_mounted_read_only_for_the_guides(tmp_path: Path) -> None:
    rules = tmp_path / "rules.d"
    out = dry_run("packaging/install.sh", "--no-packages", "--no-pin", UDEV_RULES_DIR=str(rules))
    assert f"+ write {rules}/90-france-services-kiosk-usb.rules (mode 644):" in out
    assert "--options=ro,nosuid,nodev,noexec $devnode /media/kiosk-usb/%k" in out
    packaged = dry_run(
        "packaging/install.sh", "--packaged", "--no-packages", "--no-pin", UDEV_RULES_DIR=str(rules)
    )
    assert "90-france-services-kiosk-usb.rules" not in packaged  # the package's own file, in /lib/udev
    deb = (ROOT / "packaging" / "build-deb.sh").read_text()
    assert '"$ROOT/lib/udev/rules.d/90-france-services-kiosk-usb.rules"' in deb


def test_the_room_broker_role_sets_up_mosquitto_and_nothing_of_the_kiosk(tmp_path: Path) -> None:
    out = dry_run(
        "packaging/install.sh", "--room-broker", "accueil.local", "--no-packages",
        SETTINGS_DIR=str(tmp_path / "etc"), MOSQUITTO_DIR=str(tmp_path / "mosquitto"),
    )  # fmt: skip
    assert f"room-ca.sh init {tmp_path}/etc/room-ca" in out
    broker = f"{tmp_path}/mosquitto/france-services-kiosk"
    assert f"room-ca.sh broker {tmp_path}/etc/room-ca accueil.local {broker}" in out
    assert f"+ write {tmp_path}/mosquitto/conf.d/france-services-kiosk.conf" in out
    assert f"room-ca.sh console {tmp_path}/etc/room-ca console-accueil {tmp_path}/etc/room" in out
    assert "systemctl restart mosquitto" in out
    assert "-m venv" not in out and "cage" not in out  # the desk PC does not become a kiosk


def test_a_kiosk_is_enrolled_in_its_room(tmp_path: Path) -> None:
    identity = tmp_path / "identity"
    identity.mkdir()
    for name in ("ca.crt", "identity.crt", "identity.key"):
        (identity / name).write_text("x")
    out = dry_run(
        "packaging/install.sh", "--no-packages", "--no-pin", "--room", "accueil.local",
        "--room-identity", str(identity), SETTINGS_DIR=str(tmp_path / "etc"),
    )  # fmt: skip
    assert f"install -m 640 -g kiosk {identity}/identity.key {tmp_path}/etc/room/identity.key" in out
    assert f"+ set room_broker = accueil.local in {tmp_path}/etc/kiosk.conf" in out
    result = subprocess.run(
        ["bash", "packaging/install.sh", "--dry-run", "--no-packages", "--room", "accueil.local"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SETTINGS_DIR": str(tmp_path / "etc")},
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 1 and "--room needs --room-identity" in result.stderr
