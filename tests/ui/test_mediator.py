"""Mediator mode: set up once, opened by a gesture and a PIN, the session at a glance, hand back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.mediation.pin import PIN_SETTING, PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.visit.help_desk import HELP_KIND_LABELS, HelpKind, HelpStatus
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from ui.main_window import MainWindow

PIN = "482193"
PROCEDURE = "caf-prime-activite"


def type_pin(window: MainWindow, digits: str) -> None:
    page = window.mediator_panel.pin_page
    for digit in digits:
        page.pad.digit_buttons[digit].click()
    page.open_button.click()
    QApplication.processEvents()


def knock(window: MainWindow, qtbot: QtBot) -> None:
    """Five touches on the empty middle of the bar, between its buttons."""
    bar = window.nav_bar
    middle = QPoint((bar.leave_button.geometry().right() + bar.repeat_button.geometry().left()) // 2, 20)
    assert bar.childAt(middle) is None, "the knock lands on the bar, not on a button"
    for _ in range(5):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=middle)


@pytest.fixture
def configured(stored_window: MainWindow) -> MainWindow:
    store = stored_window.station.keeper.store
    assert store is not None
    PinLock(store).set_pin(Secret(PIN))
    stored_window.mediator_panel.hide()
    return stored_window


def test_the_first_start_asks_for_the_structure_and_a_pin(stored_window: MainWindow) -> None:
    panel = stored_window.mediator_panel
    assert panel.isVisible() and panel.pages.currentWidget() is panel.setup_page
    assert not panel.back_button.isVisible(), "no way around the set-up"
    setup = panel.setup_page
    setup.name.setText("France Services de Guéret")
    for digits in ("111111", PIN, "482194", PIN, PIN):  # too weak, then two that differ, then twice the same
        for digit in digits:
            setup.pad.digit_buttons[digit].click()
        setup.save_button.click()
    assert panel.pages.currentWidget() is panel.session_page
    assert "Guéret" in panel.heading.text()
    store = stored_window.station.keeper.store
    assert store is not None and store.setting(PIN_SETTING) is not None
    assert PIN not in repr(store.tables())


def test_the_gesture_and_the_pin_open_the_session_and_hand_back_to_the_same_place(
    configured: MainWindow, qtbot: QtBot
) -> None:
    station = configured.station
    walk_to_step(station, PROCEDURE, 2)
    station.visit.open_help()
    station.visit.ask_for_help(HelpKind.STUCK)
    where = station.visit.place
    knock(configured, qtbot)
    panel = configured.mediator_panel
    assert panel.isVisible() and panel.pages.currentWidget() is panel.pin_page
    type_pin(configured, "000000")
    assert "Encore 4" in panel.pin_page.problem.label.text()
    type_pin(configured, PIN)
    session = panel.session_page
    assert panel.pages.currentWidget() is session
    procedure = station.catalog.procedures[PROCEDURE]
    assert (
        procedure.steps[0].title in session.lines.text() and procedure.steps[1].title in session.lines.text()
    )
    assert f"Ticket 1 : {HELP_KIND_LABELS[HelpKind.STUCK]}" in session.lines.text()
    session.resolve_button.click()
    assert station.visit.session.help_requests[0].status is HelpStatus.RESOLVED
    session.autonomy_buttons[next(iter(session.autonomy_buttons))].click()
    session.note.setText("Revenir avec l'avis d'imposition")
    session.note_button.click()
    assert "avis d'imposition" in session.notes.text()
    panel.back_button.click()
    assert not panel.isVisible() and station.visit.place == where
    store = station.keeper.store
    assert store is not None and store.notes(station.visit.session.id)
    station.end_visit()
    assert store.tables()["mediator_notes"] == []
    assert store.activity()[-1]["autonomy"] == "alone"


@pytest.mark.parametrize(
    "kind", [HelpKind.DONT_UNDERSTAND, HelpKind.STUCK, HelpKind.WANT_PERSON, HelpKind.SCREEN_PROBLEM]
)
def test_a_help_request_from_each_kind_of_screen_reaches_mediator_mode(
    configured: MainWindow, kind: HelpKind
) -> None:
    station = configured.station
    visit = station.visit
    visit.start()
    visit.choose_language("ar")
    places = {
        ScreenId.HOME: lambda: None,
        ScreenId.SITUATION: lambda: visit.open_theme("health"),
        ScreenId.INTRO: lambda: visit.open_procedure(PROCEDURE),
        ScreenId.STEP: visit.next,
        ScreenId.LEAVE: visit.open_leave,
    }
    for ticket, (screen, go) in enumerate(places.items(), start=1):
        go()
        assert visit.place.screen is screen
        visit.open_help()
        request = visit.ask_for_help(kind)
        visit.leave_help()
        assert request.context.screen == screen.value and request.context.language == "ar"
        configured.mediator_panel.open_mode()
        type_pin(configured, PIN)
        shown = configured.mediator_panel.session_page.lines.text()
        assert f"Ticket {ticket} : {HELP_KIND_LABELS[kind]}" in shown
        configured.mediator_panel.back_button.click()
        assert visit.place.screen is screen, "handed back where the person was"


def test_five_wrong_pins_lock_mediator_mode(configured: MainWindow) -> None:
    configured.mediator_panel.open_mode()
    for _ in range(5):
        type_pin(configured, "000000")
    assert "bloqué" in configured.mediator_panel.pin_page.problem.label.text()
    type_pin(configured, PIN)
    assert configured.mediator_panel.pages.currentWidget() is configured.mediator_panel.pin_page


def test_without_a_store_mediator_mode_says_why_it_cannot_open(window: MainWindow) -> None:
    window.mediator_panel.open_mode()
    assert "stockage" in window.mediator_panel.pin_page.problem.label.text()
    assert not window.mediator_panel.pin_page.pad.isVisible()


def test_activity_is_exported_and_journaled(configured: MainWindow) -> None:
    station: Station = configured.station
    walk_to_step(station, PROCEDURE, 1)
    station.end_visit()
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    panel = configured.mediator_panel
    panel.show_page(panel.activity_page)
    assert panel.activity_page.totals.text().startswith("1 visite, 0 démarche menée")
    panel.activity_page.csv_button.click()
    written = Path(panel.activity_page.exported.text().removeprefix("Écrit : "))
    assert written.read_text(encoding="utf-8").splitlines()[1].split(",")[3] == PROCEDURE
    store = station.keeper.store
    assert store is not None and store.journal_entries()[-1].event == "activity.exported"


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


def test_a_referral_to_a_place_of_the_directory_reaches_the_activity_record(configured: MainWindow) -> None:
    station = configured.station
    station.keeper.change_setting("help_places", [{"name": "CCAS de Guéret"}, {"name": "Mission locale"}])
    walk_to_step(station, PROCEDURE, 1)
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    session = configured.mediator_panel.session_page
    assert [b.text_shown() for b in session.referral_buttons] == ["CCAS de Guéret", "Mission locale"]
    session.referral_buttons[1].click()
    configured.mediator_panel.back_button.click()
    station.end_visit()
    store = station.keeper.store
    assert store is not None and store.activity()[-1]["referral"] == "Mission locale"


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
