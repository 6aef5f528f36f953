"""What the tests of mediator mode share: the mediators' PIN, a procedure to walk, typing the PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

PIN = "482193"
PROCEDURE = "caf-prime-activite"


def type_pin(window: MainWindow, digits: str) -> None:
    page = window.mediator_panel.pin_page
    for digit in digits:
        page.pad.digit_buttons[digit].click()
    page.open_button.click()
    QApplication.processEvents()
