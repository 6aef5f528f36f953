"""Leaving from any screen: erase everything, or take a code and come back to the same place."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.station import Station
from kiosk.visit.places import ScreenId
from kiosk.visit.resume import spaced
from tests.conftest import walk_to_step
from ui.main_window import MainWindow
from ui.screens.kept import KeptScreen
from ui.screens.leave import LeaveScreen
from ui.screens.resume import ResumeScreen
from voice.speaker import SilentSpeaker

PROCEDURE = "caf-prime-activite"


def type_code(window: MainWindow, digits: str) -> ResumeScreen:
    window.station.visit.start()
    window.station.visit.choose_language("fr")
    window.screen_for(ScreenId.HOME).resume_button.click()  # type: ignore[attr-defined]
    screen = window.current_screen
    assert isinstance(screen, ResumeScreen)
    for digit in digits:
        screen.pad.digit_buttons[digit].click()
    screen.go_button.click()
    QApplication.processEvents()
    return screen


def test_leave_keep_and_come_back_to_the_same_step(stored_window: MainWindow) -> None:
    station = stored_window.station
    walk_to_step(station, PROCEDURE, 2, language="en")
    where = station.visit.place
    stored_window.nav_bar.leave_button.click()
    leave = stored_window.current_screen
    assert isinstance(leave, LeaveScreen) and leave.keep_button.isVisible()
    leave.keep_button.click()
    kept = stored_window.current_screen
    assert isinstance(kept, KeptScreen) and kept.qr.isVisible() and not kept.qr.pixmap().isNull()
    code = station.visit.kept_code
    assert code is not None and spaced(code) in kept.code.text()
    speaker = stored_window.speaker
    assert isinstance(speaker, SilentSpeaker) and speaker.last_was_personal
    assert ", ".join(code.reveal()) in speaker.last_request[0]  # type: ignore[index]
    digits = code.reveal()
    kept.done_button.click()
    assert station.visit.place.screen is ScreenId.WELCOME and kept.code.text() == ""
    type_code(stored_window, digits)
    assert station.visit.place == where and station.visit.session.language == "en"
    assert stored_window.current_screen.screen_id is ScreenId.STEP


def test_erase_and_leave_goes_back_to_the_start(stored_window: MainWindow) -> None:
    station = stored_window.station
    walk_to_step(station, PROCEDURE, 1)
    stored_window.nav_bar.leave_button.click()
    leave = stored_window.current_screen
    assert isinstance(leave, LeaveScreen)
    leave.erase_button.click()
    assert station.visit.place.screen is ScreenId.WELCOME and not station.visit.navigator.can_go_back
    assert station.keeper.store is not None and station.keeper.store.session_ids() == []


def test_a_wrong_code_is_explained_and_nothing_moves(stored_window: MainWindow) -> None:
    screen = type_code(stored_window, "123456")
    assert screen.problem.isVisible() and "ne marche pas" in screen.problem.label.text()
    assert stored_window.station.visit.place.screen is ScreenId.RESUME
    assert "_" in screen.shown.text(), "the digits typed are gone"
    screen = type_code(stored_window, "12")
    assert "6 chiffres" in screen.problem.label.text()


def test_without_a_store_nothing_is_promised(window: MainWindow, station: Station) -> None:
    walk_to_step(station, PROCEDURE, 1)
    window.nav_bar.leave_button.click()
    leave = window.current_screen
    assert isinstance(leave, LeaveScreen)
    assert not leave.keep_button.isVisible() and leave.erase_button.isVisible()
    station.visit.home()
    assert not window.screen_for(ScreenId.HOME).resume_button.isVisible()  # type: ignore[attr-defined]


def test_the_leave_button_is_on_every_screen_but_the_start_and_leaving(stored_window: MainWindow) -> None:
    station = stored_window.station
    assert not stored_window.nav_bar.leave_button.isVisible()
    walk_to_step(station, PROCEDURE, 1)
    assert stored_window.nav_bar.leave_button.isVisible()
    station.visit.open_help()
    assert stored_window.nav_bar.leave_button.isVisible()
    station.visit.open_leave()
    assert not stored_window.nav_bar.leave_button.isVisible()
    stored_window.nav_bar.back_button.click()
    assert stored_window.nav_bar.leave_button.isVisible()
