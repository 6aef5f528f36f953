"""What the tests of mediator mode share: the mediators' PIN, a procedure to walk, typing the PIN."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow

PIN = "482193"
PROCEDURE = "caf-prime-activite"


def type_pin(window: MainWindow, digits: str) -> None:
    page = window.mediator_panel.pin_page
    for digit in digits:
        page.pad.digit_buttons[digit].click()
    page.open_button.click()
    QApplication.processEvents()


def in_view(window: MainWindow, widget: QWidget) -> bool:
    """The whole of ``widget`` is in the panel's visible part, as the panel is scrolled now."""
    viewport = window.mediator_panel.page_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


def fits(window: MainWindow) -> bool:
    """The page on show needs no scrolling (the on-screen keyboard down)."""
    QApplication.processEvents()
    return window.mediator_panel.page_area.verticalScrollBar().maximum() == 0
