"""The PIN page: five wrong PINs lock mediator mode, and without a store it says why it cannot open."""

from __future__ import annotations

import pytest

from tests.ui.mediator.helpers import PIN, fits, in_view, type_pin
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


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_pin_page_fits_the_screen_with_its_button_in_view(
    configured: MainWindow, size: tuple[int, int]
) -> None:
    configured.resize(*size)
    configured.mediator_panel.open_mode()
    page = configured.mediator_panel.pin_page
    assert fits(configured), "« Ouvrir » without scrolling through empty space"
    assert in_view(configured, page.open_button) and in_view(configured, page.prompt)
    type_pin(configured, "000000")
    assert in_view(configured, page.problem), "why the PIN was refused, where the eyes are"
