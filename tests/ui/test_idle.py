"""Nobody touching: a question with a countdown, then everything of the person is cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.visit.places import ScreenId
from tests.conftest import FakeClock, walk_to_step
from ui.main_window import MainWindow


def _in_a_procedure(window: MainWindow) -> None:
    walk_to_step(window.station, "france-travail-actualisation", 1, language="en")
    window.station.visit.cycle_text_size()


def test_idle_warns_then_clears_the_person(window: MainWindow, clock: FakeClock) -> None:
    _in_a_procedure(window)
    old_session = window.station.visit.session.id
    clock.advance(119)
    window.check_idle()
    assert not window.idle_overlay.isVisible()
    clock.advance(2)
    window.check_idle()
    assert window.idle_overlay.isVisible()
    assert "29" in window.idle_overlay.message.text()
    clock.advance(29)
    window.check_idle()
    visit = window.station.visit
    assert not window.idle_overlay.isVisible()
    assert visit.place.screen is ScreenId.WELCOME and not visit.navigator.can_go_back
    assert visit.session.id != old_session and visit.session.steps_reached == {}
    assert visit.session.language == "fr" and visit.session.text_size == 0
    assert window.nav_bar.help_button.accessibleName() == "Aide"


def test_a_touch_during_the_warning_keeps_the_person_where_they_were(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    _in_a_procedure(window)
    where = window.station.visit.place
    clock.advance(125)
    window.check_idle()
    assert window.idle_overlay.isVisible()
    button = window.idle_overlay.button  # touched through the window, as a real touch arrives
    where_on_screen = button.mapTo(window, button.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=where_on_screen)
    QApplication.processEvents()
    assert not window.idle_overlay.isVisible()
    clock.advance(60)
    window.check_idle()
    assert window.station.visit.place == where


def test_the_welcome_screen_never_times_out(window: MainWindow, clock: FakeClock) -> None:
    clock.advance(10_000)
    window.check_idle()
    assert not window.idle_overlay.isVisible()
    assert window.station.visit.place.screen is ScreenId.WELCOME


def test_idle_timeout_erases_the_stored_session_too(stored_window: MainWindow, clock: FakeClock) -> None:
    _in_a_procedure(stored_window)
    store = stored_window.station.keeper.store
    assert store is not None and len(store.session_ids()) == 1
    clock.advance(121)
    stored_window.check_idle()
    clock.advance(31)
    stored_window.check_idle()
    assert stored_window.station.visit.place.screen is ScreenId.WELCOME
    assert store.session_ids() == [] and len(store.activity()) == 1
