"""The PIN page: five wrong PINs lock mediator mode, and without a store it says why it cannot open."""

from __future__ import annotations

from tests.ui.mediator.helpers import PIN, type_pin
from ui.main_window import MainWindow


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
