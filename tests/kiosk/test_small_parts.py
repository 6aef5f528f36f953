"""Idle timing, help tickets, settings, the data folder and the content extractor."""

from __future__ import annotations

import io
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.extractor import extract_procedures
from kiosk.data_dir import LOG_NAME, configure_logging, prepare_data_dir
from kiosk.errors import EnvironmentFault
from kiosk.visit.help_desk import HelpContext, HelpDesk, HelpKind
from kiosk.visit.idle import IdlePhase, IdleWatch
from tests.kiosk import FIXTURE_PACK

FIXTURE = FIXTURE_PACK


def test_idle_warns_then_expires_and_a_touch_resets() -> None:
    watch = IdleWatch(120, 30, now=0)
    assert watch.state(119).phase is IdlePhase.ACTIVE
    warning = watch.state(125)
    assert warning.phase is IdlePhase.WARNING and warning.seconds_left == 25
    assert watch.state(150).phase is IdlePhase.EXPIRED
    watch.touch(149)
    assert watch.state(150).phase is IdlePhase.ACTIVE
    with pytest.raises(ValueError):
        IdleWatch(0, 30, now=0)


def test_help_tickets_count_from_1_to_99_then_wrap() -> None:
    desk = HelpDesk(clock=lambda: 0.0)
    context = HelpContext(screen="home", language="fr")
    tickets = [desk.request(HelpKind.STUCK, context).ticket for _ in range(100)]
    assert tickets[:2] == [1, 2] and tickets[98:] == [99, 1]


def test_help_summary_holds_only_the_context() -> None:
    context = HelpContext(screen="step", language="ar", procedure_id="p", step_id="s", seconds_on_step=12)
    request = HelpDesk(clock=lambda: 0.0).request(HelpKind.DONT_UNDERSTAND, context)
    assert request.summary() == (
        "Ticket 1 | dont_understand | screen=step | procedure=p | step=s | lang=ar | on_step=12s"
    )


def test_settings_have_defaults_and_descriptions(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path)
    assert config.idle_timeout_s == 120 and config.idle_warning_s == 30
    assert all(setting.metadata["description"] for setting in fields(Config))
    with pytest.raises(ValueError):
        Config(data_dir=tmp_path, idle_timeout_s=1)


def test_data_dir_is_created_private(tmp_path: Path) -> None:
    folder = prepare_data_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_data_dir_left_open_is_made_private(tmp_path: Path) -> None:
    (tmp_path / "open").mkdir(mode=0o755)
    assert stat.S_IMODE(prepare_data_dir(tmp_path / "open").stat().st_mode) == 0o700


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_dir_is_an_environment_fault(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(EnvironmentFault):
        prepare_data_dir(locked / "data")


def test_data_dir_under_a_file_is_an_environment_fault(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(EnvironmentFault, match="cannot be written"):
        prepare_data_dir(tmp_path / "file" / "data")


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """A umask that would leave files readable (022) or writable (000) by others, restored after."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    """The kiosk's log configured in a fresh data folder, and removed from the root logger after."""
    data = prepare_data_dir(tmp_path / "data")
    yield data / "logs"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(data)):
            root.removeHandler(handler)
            handler.close()


def test_the_log_and_every_file_its_rotation_makes_are_owner_only(umask: int, log_folder: Path) -> None:
    configure_logging(log_folder.parent)
    line = "x" * 1000
    for _ in range(4_000):  # 4 MB: the log rotates three times
        logging.getLogger("tests.rotation").info(line)
    files = sorted(log_folder.iterdir())
    assert [path.name for path in files] == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in (1, 2, 3))]
    modes = {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in [log_folder, *files]}
    assert modes == {"logs": "0o700", **{path.name: "0o600" for path in files}}


def test_a_log_left_open_by_an_older_version_is_made_owner_only(umask: int, log_folder: Path) -> None:
    log_folder.mkdir(mode=0o755)
    log_folder.chmod(0o755)
    for name in (LOG_NAME, f"{LOG_NAME}.1"):
        (log_folder / name).write_text("an older line\n", encoding="utf-8")
        (log_folder / name).chmod(0o644)
    configure_logging(log_folder.parent)
    files = sorted(log_folder.iterdir())
    modes = {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in [log_folder, *files]}
    assert modes == {"logs": "0o700", LOG_NAME: "0o600", f"{LOG_NAME}.1": "0o600"}


def test_extractor_yields_readable_fields_with_their_lines() -> None:
    path = FIXTURE / "procedures" / "compte.yaml"
    found = list(extract_procedures(io.BytesIO(path.read_bytes()), {}, [], {}))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert found[0][2] == "Créer un compte"
    for line, _, text, _ in found:
        assert text[:10] in lines[line - 1]
    texts = {text for _, _, text, _ in found}
    assert "compte" not in texts and "mdi6.web" not in texts and "page.svg" not in texts
    assert {"Avez-vous une adresse e-mail ?", "Oui", "Non", "Votre téléphone."} <= texts


def test_warnings_also_go_to_standard_error_for_the_journal(
    log_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(log_folder.parent)
    configure_logging(log_folder.parent)  # configured twice: each line still once
    logging.getLogger("tests.journal").info("an ordinary step")
    logging.getLogger("tests.journal").error("settings: a problem")
    assert capsys.readouterr().err == "ERROR tests.journal: settings: a problem\n"
    assert "an ordinary step" in (log_folder / LOG_NAME).read_text(encoding="utf-8")
