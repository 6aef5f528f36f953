"""Pictograms by name, drawn from the Material Design Icons font.

The font is loaded once, on the first pictogram; each pixmap is drawn once per
name, colour and size. An unknown name in content draws a question mark rather than
breaking the screen; a missing font draws nothing rather than stopping the kiosk.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPainter, QPixmap

from kiosk.content.pictogram_names import character, font_file

FALLBACK = "mdi6.help-circle-outline"
GLYPH_SHARE = 0.875  # the glyph is a little smaller than its square, for the font's bearing

log = logging.getLogger(__name__)


@cache
def _family() -> str | None:
    path = font_file()
    font_id = QFontDatabase.addApplicationFont(str(path)) if path else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
    if not families:
        log.error("the pictogram font cannot be loaded (%s): pictograms are not drawn", path)
        return None
    return families[0]


@cache
def pixmap(name: str, colour: str, size: int) -> QPixmap:
    """The pictogram ``name`` (``mdi6.<name>``) in ``colour``, ``size`` pixels square."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    image = QPixmap(round(size * ratio), round(size * ratio))
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    family = _family()
    drawn = character(name) or character(FALLBACK)
    if family is None or drawn is None:
        return image
    font = QFont(family)
    font.setPixelSize(round(GLYPH_SHARE * size))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, drawn)
    painter.end()
    return image


def directional(name_forward: str, name_backward: str, direction: Qt.LayoutDirection) -> str:
    """The arrow that points "forward" in reading order (right in LTR, left in RTL)."""
    return name_backward if direction == Qt.LayoutDirection.RightToLeft else name_forward
