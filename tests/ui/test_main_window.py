"""The window paints the welcome screen first, then opens the station, and builds each other part
when it is first needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import HIDDEN_LANGUAGES_SETTING, Config
from kiosk.i18n import translation
from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.app import create_application, open_window
from ui.main_window import BUILT_AHEAD, MainWindow
from ui.screens import SCREENS, screen_class
from ui.screens.base import Page
from voice.speaker import SilentSpeaker

ROOT = Path(__file__).resolve().parents[2]

# Painting the welcome screen must not wait for these: the content, the store, the voice, Babel's data.
LOADED_AFTER_THE_FIRST_PAINT = (
    "kiosk.content.loader",
    "kiosk.practice.run",
    "kiosk.store.record_keeper",
    "sqlcipher3",
    "yaml",
    "babel",
    "PySide6.QtMultimedia",
    "ui.voice_player",
    "ui.mediator",
    "PySide6.QtWebEngineCore",  # the official site's browser: only when a person asks for the site
    "PySide6.QtWebEngineWidgets",
    "ui.browser.panel",
)

PAINT_THEN_LIST_MODULES = """
import sys
from pathlib import Path
from kiosk.config import Config
from ui.app import create_application, open_window
app = create_application()
window = open_window(Config(data_dir=Path(sys.argv[1]), config_dir=Path(sys.argv[1]) / "config"), silent=True)
window.resize(1366, 768)
window.show()
window.grab()
print(" ".join(sorted(sys.modules)))
"""


def new_window(station: Station, qtbot: QtBot) -> MainWindow:
    create_application()
    window = MainWindow(station, SilentSpeaker())
    qtbot.addWidget(window)
    return window


def pages(window: MainWindow) -> list[ScreenId]:
    return [page.screen_id for page in window.findChildren(Page)]


def test_the_welcome_screen_paints_before_the_content_the_store_and_the_voice_load(tmp_path: Path) -> None:
    painted = subprocess.run(
        [sys.executable, "-c", PAINT_THEN_LIST_MODULES, str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded = set(painted.stdout.split())
    assert "ui.screens.welcome" in loaded
    assert [module for module in LOADED_AFTER_THE_FIRST_PAINT if module in loaded] == []


def test_the_station_opens_right_after_the_first_paint(stored_station: Station, qtbot: QtBot) -> None:
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.after_first_paint(lambda: window.attach(stored_station, SilentSpeaker()))
    assert pages(window) == [ScreenId.WELCOME] and not window.attached
    assert window.welcome.invitation.text() == "Touchez l'écran pour commencer"
    QApplication.processEvents()
    assert not window.attached, "nothing opens before the window is painted"
    window.show()
    qtbot.waitUntil(lambda: window.attached)
    assert window.station is stored_station and window.current_screen is window.welcome


def test_a_touch_while_the_station_opens_starts_the_visit_once_it_is_open(
    station: Station, qtbot: QtBot
) -> None:
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.welcome.start_button.click()  # before the station is there
    assert not window.attached
    window.attach(station, SilentSpeaker())
    assert station.visit.place.screen is ScreenId.LANGUAGE
    QApplication.processEvents()
    assert window.current_screen.screen_id is ScreenId.LANGUAGE


def test_the_welcome_screen_greets_only_in_the_languages_the_structure_offers(
    stored_station: Station, qtbot: QtBot
) -> None:
    assert stored_station.keeper.store is not None
    PinLock(stored_station.keeper.store).set_pin(Secret("482915"))
    assert stored_station.keeper.change_setting(HIDDEN_LANGUAGES_SETTING, ["ar", "fa", "ru"])
    stored_station.apply_settings()
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert {language.code for language in window.welcome.languages} >= {"ar", "fa", "ru"}
    window.attach(stored_station, SilentSpeaker())
    assert [language.code for language in window.welcome.languages] == [
        language.code for language in stored_station.languages
    ]
    assert not {"ar", "fa", "ru"} & {language.code for language in window.welcome.languages}


def test_a_language_hidden_while_the_kiosk_runs_leaves_the_welcome_greeting(
    stored_station: Station, qtbot: QtBot
) -> None:
    assert stored_station.keeper.store is not None
    PinLock(stored_station.keeper.store).set_pin(Secret("482915"))
    window = new_window(stored_station, qtbot)
    assert "ar" in {language.code for language in window.welcome.languages}
    assert stored_station.keeper.change_setting(HIDDEN_LANGUAGES_SETTING, ["ar"])
    stored_station.apply_settings()  # what mediator mode does when a language is switched off
    assert "ar" not in {language.code for language in window.welcome.languages}


def test_the_kiosk_opens_in_the_language_of_its_settings(tmp_path: Path, qtbot: QtBot) -> None:
    create_application()
    window = open_window(Config(data_dir=tmp_path, config_dir=tmp_path / "config", default_language="en"))
    qtbot.addWidget(window)
    try:
        assert translation.active_language() == "en"
        assert window.welcome.start_button.text() != "Commencer"
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def test_only_the_welcome_screen_is_built_before_it_paints(stored_station: Station, qtbot: QtBot) -> None:
    assert stored_station.keeper.store is not None
    PinLock(stored_station.keeper.store).set_pin(Secret("482915"))
    window = new_window(stored_station, qtbot)
    assert pages(window) == [ScreenId.WELCOME]
    assert not any(window._built(part) for part in ("voice_panel", "mediator_panel"))
    window.show()
    every_visit = {ScreenId.WELCOME, *BUILT_AHEAD}
    qtbot.waitUntil(lambda: set(pages(window)) == every_visit)
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
    assert set(SCREENS) | {ScreenId.WELCOME} == set(ScreenId)
    for screen_id in SCREENS:
        assert screen_class(screen_id).screen_id is screen_id
