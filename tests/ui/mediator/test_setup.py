"""The set-up: the first start asks for the structure's name and a PIN, with no way around it."""

from __future__ import annotations

from kiosk.mediation.pin import PIN_SETTING
from tests.ui.mediator.helpers import PIN
from ui.main_window import MainWindow


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
