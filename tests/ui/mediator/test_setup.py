"""The set-up: the first start asks for the structure's name and a PIN, with no way around it; changing
the PIN asks for the current one first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.mediation.pin import PIN_SETTING, PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from tests.conftest import FakeClock
from tests.ui.conftest import open_window
from tests.ui.mediator.helpers import PIN, fits, in_view, type_pin
from ui.main_window import MainWindow
from ui.mediator.keypad_page import KeypadPage
from ui.widgets.blocks import PictogramButton


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


def type_on(page: KeypadPage, digits: str, submit: PictogramButton) -> None:
    for digit in digits:
        page.pad.digit_buttons[digit].click()
    submit.click()


def test_changing_the_pin_asks_for_the_current_one_first(configured: MainWindow) -> None:
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(panel.settings_page)
    panel.settings_page.pin_button.click()
    setup = panel.setup_page
    assert panel.pages.currentWidget() is setup and "PIN actuel" in setup.prompt.text()
    setup.name.setText("France Services de Guéret")
    type_on(setup, "135792", setup.save_button)  # someone who found the panel open does not know it
    assert "incorrect" in setup.problem.label.text() and "PIN actuel" in setup.prompt.text()
    store = configured.station.keeper.store
    assert store is not None
    before = store.setting(PIN_SETTING)
    type_on(setup, PIN, setup.save_button)
    assert "Choisissez" in setup.prompt.text()
    for digits in ("735194", "735194"):
        type_on(setup, digits, setup.save_button)
    assert store.setting(PIN_SETTING) != before
    panel.hand_back()
    panel.open_mode()
    type_pin(configured, "735194")
    assert panel.pages.currentWidget() is panel.session_page


def test_wrong_current_pins_count_toward_the_same_lock_out(configured: MainWindow) -> None:
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.change_pin()
    setup = panel.setup_page
    for _ in range(5):
        type_on(setup, "135792", setup.save_button)
    assert "bloqué" in setup.problem.label.text()
    type_on(setup, PIN, setup.save_button)
    assert "PIN actuel" in setup.prompt.text(), "locked: even the right PIN waits"


def test_a_store_set_aside_does_not_offer_the_set_up_to_whoever_is_there(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, qtbot: QtBot
) -> None:
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    first = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    assert first.store is not None
    PinLock(first.store).set_pin(Secret(PIN))
    first.back_up_settings()
    first.store.close()
    paths.database.write_bytes(os.urandom(8192))  # damaged: the next start sets it aside
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    window = open_window(Station(config, bundled_catalog, clock=clock, keeper=keeper), qtbot)
    assert window.mediator_panel.isHidden(), "the welcome screen, not the set-up"
    window.mediator_panel.open_mode()
    assert window.mediator_panel.pages.currentWidget() is window.mediator_panel.pin_page
    type_pin(window, PIN)
    assert "repris" in window.mediator_panel.session_page.notices.label.text()
    assert keeper.store is not None
    keeper.store.close()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_set_up_fits_the_screen_and_each_prompt_shows_where_the_eyes_are(
    stored_window: MainWindow, size: tuple[int, int]
) -> None:
    stored_window.resize(*size)
    panel = stored_window.mediator_panel
    setup = panel.setup_page
    assert fits(stored_window), "« Continuer » without scrolling through empty space"
    assert all(in_view(stored_window, widget) for widget in (setup.name, setup.prompt, setup.save_button))
    setup.name.setFocus()  # the on-screen keyboard comes up and takes the bottom of the screen
    QApplication.processEvents()
    assert not stored_window.keyboard.isHidden()
    setup.name.setText("France Services de Guéret")
    panel.page_area.verticalScrollBar().setValue(panel.page_area.verticalScrollBar().maximum())
    for digit in PIN:
        setup.pad.digit_buttons[digit].click()
    QApplication.processEvents()
    assert stored_window.keyboard.isHidden(), (
        "typing on the pad: the name is done, the keyboard gives the room back"
    )
    setup.save_button.click()
    QApplication.processEvents()
    assert setup.prompt.text() == "Tapez le même PIN une seconde fois."
    assert in_view(stored_window, setup.prompt) and in_view(stored_window, setup.save_button)
    for digit in PIN:
        setup.pad.digit_buttons[digit].click()
    setup.save_button.click()
    QApplication.processEvents()
    assert panel.pages.currentWidget() is panel.session_page
    assert panel.page_area.verticalScrollBar().value() == 0, "mediator mode opens at its top"
    assert fits(stored_window)
