"""Pictograms by name, drawn from the icon fonts qtawesome ships (Material Design Icons)."""

from __future__ import annotations

from functools import cache

import qtawesome
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap

FALLBACK = "mdi6.help-circle-outline"


@cache
def _icon(name: str, colour: str) -> QIcon:
    try:
        return qtawesome.icon(name, color=colour)
    except Exception:  # an unknown name in content must not break the screen
        return qtawesome.icon(FALLBACK, color=colour)


def pixmap(name: str, colour: str, size: int) -> QPixmap:
    return _icon(name, colour).pixmap(QSize(size, size))


def directional(name_forward: str, name_backward: str, direction: Qt.LayoutDirection) -> str:
    """The arrow that points "forward" in reading order (right in LTR, left in RTL)."""
    return name_backward if direction == Qt.LayoutDirection.RightToLeft else name_forward
