"""The small contract every page of mediator mode keeps, and the helpers the pages share.

A page is built with the panel, may have a tab (its label and pictogram), is refreshed each time it shows
and forgets what was typed on it each time the panel closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.widgets.blocks import PictogramButton

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


class MediatorPage(QWidget):
    """A page of the panel. Without a tab label, only the panel opens it (the PIN, the set-up)."""

    TAB_LABEL = ""
    TAB_PICTOGRAM = ""

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__()
        self.panel = panel

    def refresh(self) -> None:
        """Show the station as it is now: the panel calls it each time it switches to the page."""

    def forget(self) -> None:
        """Drop whatever was typed on the page and not kept: the panel calls it each time it closes."""


def plural(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count <= 1 else many or one + 's'}"


def button(pictogram: str, text: str, description: str, role: str = "") -> PictogramButton:
    widget = PictogramButton(pictogram, role=role)
    widget.set_text(text, description)
    return widget
