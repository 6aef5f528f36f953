"""Idle timing, help tickets, settings, the data folder and the content extractor."""

from __future__ import annotations

import io
import os
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.extractor import extract_procedures
from kiosk.data_dir import prepare_data_dir
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
