"""The settings page: what the mediator sets reaches the recap, the idle delay, and the languages and
procedures offered."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import BUNDLED_PACK, Config
from kiosk.content import loader
from kiosk.i18n import translation
from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from tests.conftest import walk_to_step
from tests.ui.conftest import open_window
from tests.ui.mediator.helpers import PIN, PROCEDURE, type_pin
from ui.main_window import MainWindow
from ui.opening import build_station
from voice import lexicon


def test_settings_reach_the_recap_and_the_idle_delay(configured: MainWindow) -> None:
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    page = panel.settings_page
    panel.show_page(page)
    page.name.setText("France Services de Guéret")
    page.address.setText("1 place Bonnyaud")
    page.help_places.setPlainText("CCAS ; 2 rue de la Mairie ; lun-ven 9h-12h ; RSA, logement\n\n")
    page.save_button.click()
    page.idle_buttons[300].click()
    page.auto_read.click()
    station = configured.station
    assert configured.idle.timeout_s == 300 and station.config.idle_timeout_s == 300
    assert not station.auto_read_default
    panel.back_button.click()
    station.end_visit()
    assert not station.visit.session.auto_read, "the next person's screens are not read aloud unasked"
    walk_to_step(station, PROCEDURE, 1)
    recap = station.recap()
    assert recap is not None and recap.structure == "France Services de Guéret, 1 place Bonnyaud"
    assert recap.help_places[0].line() == "CCAS — 2 rue de la Mairie — lun-ven 9h-12h — RSA, logement"
    events = [entry.event for entry in station.keeper.store.journal_entries()]  # type: ignore[union-attr]
    assert events.count("settings.changed") >= 5


def test_languages_and_procedures_offered_are_settings(configured: MainWindow) -> None:
    station = configured.station
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(panel.settings_page)
    page = panel.settings_page
    assert not page.language_buttons["fr"].isEnabled(), "French, the source, is always offered"
    page.language_buttons["ru"].click()
    page.procedure_buttons[PROCEDURE].click()
    panel.back_button.click()
    station.visit.start()
    language_screen = configured.current_screen
    shown = [code for code, b in language_screen.buttons.items() if b.isVisibleTo(language_screen)]  # type: ignore[attr-defined]
    assert "ru" not in shown and "uk" in shown and len(shown) == len(station.translated_languages) - 1
    station.visit.choose_language("fr")
    station.visit.open_theme("health")
    titles = [tile.text_shown() for tile in configured.current_screen.tiles.tiles]  # type: ignore[attr-defined]
    assert station.catalog.procedures[PROCEDURE].title not in titles and titles
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(page)
    page.language_buttons["ru"].click()
    assert "ru" in {language.code for language in station.languages}


def _mediator_sees(station: Station, qtbot: QtBot) -> tuple[str, str]:
    """What the session page's notices and the settings page's content report say."""
    assert station.keeper.store is not None
    PinLock(station.keeper.store).set_pin(Secret(PIN))
    window = open_window(station, qtbot)
    panel = window.mediator_panel
    panel.hide()
    panel.open_mode()
    type_pin(window, PIN)
    notices = panel.session_page.notices.label.text()
    panel.show_page(panel.settings_page)
    return notices, panel.settings_page.problems.text()


def test_an_incomplete_installation_is_an_error_in_the_log_and_a_notice_in_mediator_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    pack = tmp_path / "bundled_pack"  # the kiosk's own pack, installed without its practice sites
    shutil.copytree(BUNDLED_PACK, pack, ignore=shutil.ignore_patterns("practice"))
    monkeypatch.setattr(loader, "BUNDLED_PACK", pack)
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path / "lexicons")  # and without the voice's lexicons
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config", pack_dirs=(pack,))
    with caplog.at_level(logging.ERROR):
        station = build_station(config)
    try:
        errors = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
        assert len(errors) == 2, errors
        assert str(pack / "practice") in errors[0] and str(tmp_path / "lexicons") in errors[1]
        assert station.catalog.procedures and not station.catalog.practice, "the kiosk still runs"
        notices, report = _mediator_sees(station, qtbot)
        for shown in (notices, report):
            assert shown.count("Kiosque installé incomplet") == 2
            assert str(pack / "practice") in shown and str(tmp_path / "lexicons") in shown
    finally:
        assert station.keeper.store is not None
        station.keeper.store.close()
        lexicon.lexicon.cache_clear()


def test_a_complete_installation_is_no_error_and_no_notice(
    tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        station = build_station(Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config"))
    try:
        assert station.missing == [] and caplog.records == []
        notices, report = _mediator_sees(station, qtbot)
        assert "incomplet" not in notices + report
    finally:
        assert station.keeper.store is not None
        station.keeper.store.close()


def test_the_text_boxes_keep_to_the_left_while_a_person_reads_right_to_left(configured: MainWindow) -> None:
    walk_to_step(configured.station, PROCEDURE, 1, language="fa")
    assert QApplication.layoutDirection() is Qt.LayoutDirection.RightToLeft
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(panel.settings_page)
    page = panel.settings_page
    page.name.setText("France Services de Guéret")
    QApplication.processEvents()
    for box in (page.name, page.address, page.help_places):
        image = box.grab().toImage()
        inked = [
            x
            for x in range(6, image.width() - 6)
            for y in range(6, min(image.height(), 56) - 6)
            if image.pixelColor(x, y).lightness() < 200
        ]
        assert not inked or min(inked) < 40, f"a French page's text box reads from the left ({min(inked)} px)"


def test_the_languages_offered_are_named_in_french_for_the_mediator(configured: MainWindow) -> None:
    """Mediator mode is French: « persan », with the name the person knows beside it."""
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    page = configured.mediator_panel.settings_page
    persian = translation.language("fa").native_name
    assert page.language_buttons["fa"].text_shown() == f"persan (\u2068{persian}\u2069)"
    assert page.language_buttons["fr"].text_shown() == "français"
