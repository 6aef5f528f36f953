"""The window paints the welcome screen first and builds each other part when it is first needed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.mediator_pin import PinLock
from kiosk.navigation import ScreenId
from kiosk.secret import Secret
from kiosk.station import Station
from ui.app import create_application
from ui.main_window import BUILT_AHEAD, MainWindow
from ui.screens import SCREENS, Screen, screen_class
from voice.speaker import SilentSpeaker


def new_window(station: Station, qtbot: QtBot) -> MainWindow:
    create_application()
    window = MainWindow(station, SilentSpeaker())
    qtbot.addWidget(window)
    return window


def test_only_the_welcome_screen_is_built_before_it_paints(stored_station: Station, qtbot: QtBot) -> None:
    assert stored_station.keeper.store is not None
    PinLock(stored_station.keeper.store).set_pin(Secret("482915"))
    window = new_window(stored_station, qtbot)
    assert [screen.screen_id for screen in window.findChildren(Screen)] == [ScreenId.WELCOME]
    assert not any(window._built(part) for part in ("voice_panel", "mediator_panel"))
    window.show()
    every_visit = {ScreenId.WELCOME, *BUILT_AHEAD}
    qtbot.waitUntil(lambda: {screen.screen_id for screen in window.findChildren(Screen)} == every_visit)
    assert not window._built("mediator_panel")
    stored_station.visit.open_help()
    assert window.screen_for(ScreenId.HELP).isVisible()  # built when first needed
    window.nav_bar.knocked.emit()  # the mediator's gesture builds the panel when it is made
    assert window._built("mediator_panel") and not window.mediator_panel.isHidden()


def test_a_touch_before_the_rest_is_built_still_leads_on(station: Station, qtbot: QtBot) -> None:
    window = new_window(station, qtbot)
    window.show()
    station.visit.start()  # what "Commencer" does, before the event loop has turned once
    QApplication.processEvents()
    assert window.current_screen.screen_id is ScreenId.LANGUAGE
    assert window.stack.currentWidget() is window.screen_for(ScreenId.LANGUAGE)


def test_a_kiosk_without_a_pin_opens_the_setup_at_once(stored_station: Station, qtbot: QtBot) -> None:
    window = new_window(stored_station, qtbot)
    assert window._built("mediator_panel") and not window.mediator_panel.isHidden()


def test_every_screen_id_has_its_screen() -> None:
    assert set(SCREENS) == set(ScreenId)
    for screen_id in ScreenId:
        assert screen_class(screen_id).screen_id is screen_id
