"""Mediator mode never outlives a visit: it closes, forgetting what was typed, when the visit ends,
after its own idle delay (shorter than the person's) and on the crash screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.mediation.idle import MEDIATOR_IDLE_S, mediator_idle_s
from kiosk.visit.places import ScreenId
from tests.conftest import FakeClock, walk_to_step
from tests.ui.mediator.helpers import PIN, PROCEDURE, type_pin
from ui.crash_guard import CrashGuard
from ui.main_window import MainWindow

UNSENT = "Rappeler Mme Martin au 06 39 98 12 34"


def open_with_an_unsent_note(window: MainWindow) -> None:
    panel = window.mediator_panel
    panel.open_mode()
    type_pin(window, PIN)
    panel.show_page(panel.settings_page)
    panel.settings_page.address.setText("12 rue de la Paix")  # typed, never saved
    panel.show_page(panel.session_page)
    panel.session_page.note.setText(UNSENT)
    assert panel.isVisible()


def assert_closed_and_forgotten(window: MainWindow) -> None:
    panel = window.mediator_panel
    assert panel.isHidden(), "the next person would find the settings and « Quitter le kiosque »"
    assert panel.session_page.note.text() == ""
    assert panel.settings_page.address.text() == ""
    assert panel.pin_page.pad.masked() == ""
    panel.open_mode()
    assert panel.pages.currentWidget() is panel.pin_page, "the PIN is asked again"
    panel.hand_back()


def test_the_end_of_a_visit_closes_mediator_mode(configured: MainWindow) -> None:
    walk_to_step(configured.station, PROCEDURE, 2)
    open_with_an_unsent_note(configured)
    configured.station.end_visit()
    assert_closed_and_forgotten(configured)


def test_the_idle_end_of_a_visit_closes_mediator_mode(configured: MainWindow, clock: FakeClock) -> None:
    walk_to_step(configured.station, PROCEDURE, 2)
    open_with_an_unsent_note(configured)
    config = configured.station.config
    clock.advance(config.idle_timeout_s + config.idle_warning_s + 1)
    configured.check_idle()
    assert configured.station.visit.place.screen is ScreenId.WELCOME
    assert_closed_and_forgotten(configured)


def test_mediator_mode_closes_on_its_own_delay_before_the_person_is_asked(
    configured: MainWindow, clock: FakeClock
) -> None:
    walk_to_step(configured.station, PROCEDURE, 2)
    open_with_an_unsent_note(configured)
    delay = mediator_idle_s(configured.station.config.idle_timeout_s)
    assert delay == MEDIATOR_IDLE_S < configured.station.config.idle_timeout_s
    clock.advance(delay - 1)
    configured.check_idle()
    assert configured.mediator_panel.isVisible(), "a mediator reading for a while keeps the panel"
    clock.advance(1)
    configured.check_idle()
    assert_closed_and_forgotten(configured)
    assert configured.station.visit.place.screen is ScreenId.STEP, "the person's visit goes on"


def test_a_short_idle_delay_for_people_shortens_the_mediators_too() -> None:
    assert mediator_idle_s(30) == 30 < 30 + 1  # the person is warned after 30 s, then has the warning
    assert mediator_idle_s(600) == MEDIATOR_IDLE_S


def broken_slot() -> None:
    raise RuntimeError("a bug while mediator mode is open")


@pytest.mark.qt_no_exception_capture
def test_the_crash_screen_closes_mediator_mode(configured: MainWindow, qtbot: QtBot) -> None:
    walk_to_step(configured.station, PROCEDURE, 2)
    open_with_an_unsent_note(configured)
    guard = CrashGuard(configured)
    guard.install()
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: guard.crashes == 1, timeout=2000)
    finally:
        guard.uninstall()
    QApplication.processEvents()
    assert configured.calm_panel.isVisible()
    assert_closed_and_forgotten(configured)


def test_a_kiosk_without_a_pin_goes_back_to_its_set_up_rather_than_to_the_public(
    stored_window: MainWindow,
) -> None:
    panel = stored_window.mediator_panel
    assert panel.isVisible() and panel.pages.currentWidget() is panel.setup_page
    stored_window.station.end_visit()
    assert panel.isVisible() and panel.pages.currentWidget() is panel.setup_page


def test_a_closed_window_leaves_its_closed_store_alone(configured: MainWindow, clock: FakeClock) -> None:
    """A window closed with mediator mode open (a test's end, the kiosk quitting) keeps its idle
    timer until Qt deletes it: its checks must not reach the store its station has closed."""
    open_with_an_unsent_note(configured)
    clock.advance(mediator_idle_s(configured.station.config.idle_timeout_s) + 1)
    configured.close()
    store = configured.station.keeper.store
    assert store is not None
    store.close()
    configured.check_idle()  # raised StoreError: Cannot operate on a closed database
