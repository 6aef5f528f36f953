"""An unexpected error: a calm screen in the person's language, their data erased, the start screen."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from ui.crash_guard import CrashGuard
from ui.main_window import MainWindow


def broken_slot() -> None:
    raise RuntimeError("a bug in a screen")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_screen_erases_the_visit_and_says_so_calmly(
    stored_window: MainWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    station = stored_window.station
    walk_to_step(station, "caf-prime-activite", 2, language="ar")
    expected = _("Quelque chose ne s'est pas bien passé.")
    assert expected != "Quelque chose ne s'est pas bien passé.", "the Arabic catalog is loaded"
    guard = CrashGuard(stored_window)
    guard.install()
    try:
        with caplog.at_level(logging.ERROR):
            QTimer.singleShot(0, broken_slot)
            qtbot.waitUntil(lambda: guard.crashes == 1, timeout=2000)
    finally:
        guard.uninstall()
    QApplication.processEvents()
    assert stored_window.calm_panel.isVisible() and stored_window.calm_panel.heading.text() == expected
    assert stored_window.speaker.last_request[1] == "ar", "read out with the person's voice"  # type: ignore[attr-defined]
    assert station.visit.place.screen is ScreenId.WELCOME and not station.visit.navigator.can_go_back
    assert station.keeper.store is not None and station.keeper.store.session_ids() == []
    assert "a bug in a screen" in caplog.text and "caf-prime-activite" not in caplog.text
    stored_window.calm_panel.button.click()
    assert not stored_window.calm_panel.isVisible()
    translation.set_language(translation.SOURCE_LANGUAGE)


@pytest.mark.qt_no_exception_capture
def test_an_error_while_handling_an_error_does_not_loop(stored_window: MainWindow, qtbot: QtBot) -> None:
    guard = CrashGuard(stored_window)
    seen: list[str] = []
    guard._previous = lambda kind, error, trace: seen.append(str(error))  # type: ignore[method-assign]
    guard.install()
    try:
        guard._handling = True  # as if the guard itself were failing
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    finally:
        guard._handling = False
        guard.uninstall()
    assert seen == ["a bug in a screen"] and guard.crashes == 0
