"""Checks of what a person actually sees: touch target sizes, contrast from pixels, text that fits.

Nothing a person needs is below the fold: the primary buttons and whatever a screen marks
with ``must_be_seen`` (answers, hard words, QR codes, « Montrez-moi ») are whole on screen
without scrolling. No words are ever cut sideways: horizontal scrolling is always off, so a
label or a button's caption wider than its room is simply lost.
"""

from __future__ import annotations

from array import array
from collections import Counter

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from ui import theme
from ui.main_window import MainWindow
from ui.screens.base import MUST_BE_SEEN
from ui.widgets.overlay import OverlayPanel

MIN_CONTRAST = 7.0
MIN_TEXT_PX = 22


def _rgb(pixel: int) -> tuple[int, int, int]:
    return (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF


def text_contrast(image: QImage, rect: QRect) -> float:
    """Contrast between the most common colour (background) and the strongest other colour (ink)."""
    region = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(region.constBits()))  # type: ignore[call-overload]
    counts = Counter(pixels)
    background = _rgb(counts.most_common(1)[0][0])
    return max(theme.contrast_ratio(background, _rgb(colour)) for colour in counts)


def covering_panels(window: MainWindow) -> list[QWidget]:
    """What can cover the screens: the overlays (idle, calm, voice) and, once built, mediator mode."""
    panels: list[QWidget] = list(window.findChildren(OverlayPanel))
    if window._built("mediator_panel"):
        panels.append(window.mediator_panel)
    return panels


def visible_root(window: MainWindow) -> QWidget:
    """The part of the window a person can touch: a panel when one covers the screen."""
    panels = [panel for panel in covering_panels(window) if panel.isVisible()]
    return panels[0] if panels else window


def _hidden_by_a_panel(widget: QWidget, window: MainWindow, root: QWidget) -> bool:
    return root is window and any(panel.isAncestorOf(widget) for panel in covering_panels(window))


def must_be_seen(widget: QWidget) -> bool:
    """A primary button, or what a screen marked as needed without scrolling."""
    return bool(widget.property(MUST_BE_SEEN)) or widget.property("role") == "primary"


def hidden_part(widget: QWidget) -> QRect:
    """The bounding box of what the window's edges or a scroll area's viewport hide of ``widget``."""
    return (QRegion(widget.rect()) - widget.visibleRegion()).boundingRect()


def wrapped_width(label: QLabel, width: int) -> int:
    """The width the label's words take once wrapped to ``width``: more when a word cannot be broken."""
    flags = Qt.TextFlag.TextWordWrap | label.alignment()
    return label.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), int(flags), label.text()).width()


def inked_part(label: QLabel) -> QRect:
    """Where the label's words are drawn (all of its contents for rich text)."""
    contents = label.contentsRect()
    if label.textFormat() != Qt.TextFormat.PlainText:
        return contents
    flags = label.alignment().value | (Qt.TextFlag.TextWordWrap.value if label.wordWrap() else 0)
    return label.fontMetrics().boundingRect(contents, flags, label.text()) & contents


def _within(label: QLabel, parent: QWidget) -> bool:
    """Whether ``label`` lies inside ``parent``; a scroll area's text may run below its viewport
    (that part is scrolled to, not lost) but never past its sides (horizontal scrolling is off)."""
    room, place = parent.rect(), label.geometry()
    if isinstance(parent.parentWidget(), QScrollArea):
        return room.left() <= place.left() and place.right() <= room.right()
    return room.contains(place)


def settle() -> None:
    """Let every pending layout and paint happen, as before a person looks."""
    for _ in range(3):
        QApplication.processEvents()


def problems(window: MainWindow, whole_in_view: bool = True) -> list[str]:
    """What is wrong on the screen shown; ``whole_in_view``: the rule of the default text size,
    that what a person needs is seen without scrolling (at larger sizes, scrolling is the way)."""
    settle()
    found: list[str] = []
    root = visible_root(window)
    image = window.grab().toImage()
    for widget in root.findChildren(QWidget) if whole_in_view else ():
        if widget.isVisible() and must_be_seen(widget) and not _hidden_by_a_panel(widget, window, root):
            hidden = hidden_part(widget)
            if not hidden.isEmpty():
                name = widget.accessibleName() or type(widget).__name__
                size = f"{hidden.width()}x{hidden.height()} px"
                found.append(f"{name!r}: {size} of it hidden until one scrolls")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or _hidden_by_a_panel(button, window, root):
            continue
        name = button.accessibleName() or type(button).__name__
        if button.width() < theme.MIN_TOUCH or button.height() < theme.MIN_TOUCH:
            found.append(f"{name!r}: {button.width()}x{button.height()} px is under {theme.MIN_TOUCH} px")
        if not button.accessibleName():
            found.append(f"a {type(button).__name__} has no accessible name")
        if not button.accessibleDescription():
            found.append(f"{name!r} has no accessible description")
        if button.text():
            # Qt paints a button's own words centred and clips them on both sides: its narrowest
            # (a line, or for a button that wraps its longest word) must fit, and its lines' height.
            least = button.minimumSizeHint()
            if least.width() > button.width() + 1:
                found.append(f"{name!r}: its words need {least.width()} px, it has {button.width()}")
            elif button.hasHeightForWidth() and button.heightForWidth(button.width()) > button.height() + 1:
                found.append(f"{name!r}: its lines need {button.heightForWidth(button.width())} px of height")
        cut = hidden_part(button)
        if cut.width() < button.width() and cut.height() == button.height() and not cut.isEmpty():
            found.append(f"{name!r}: {cut.width()} px of it cut sideways")
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or _hidden_by_a_panel(label, window, root):
            continue
        visible = label.visibleRegion().boundingRect()
        if (visible & inked_part(label)).height() < label.fontInfo().pixelSize():
            # Scrolled almost out of view: less than a line of its words to judge (a button's
            # words are centred in a taller label: its top in view may hold no ink at all).
            continue
        text = label.text()[:40]
        if label.fontInfo().pixelSize() < MIN_TEXT_PX:
            found.append(f"{text!r}: text is {label.fontInfo().pixelSize()} px")
        ratio = text_contrast(
            image, visible.translated(label.mapTo(window, visible.topLeft()) - visible.topLeft())
        )
        if ratio < MIN_CONTRAST:
            found.append(f"{text!r}: contrast {ratio:.1f}:1")
        contents = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(contents.width())
            if needed > label.height() + 1:
                found.append(f"{text!r}: needs {needed} px of height, has {label.height()}")
            if label.textFormat() == Qt.TextFormat.PlainText:
                width = wrapped_width(label, contents.width())
                if width > contents.width() + 1:
                    found.append(f"{text!r}: a word needs {width} px, the label has {contents.width()}")
        elif label.fontMetrics().horizontalAdvance(label.text()) > contents.width() + 1:
            found.append(f"{text!r}: wider than its {contents.width()} px")
        if visible.width() < label.width() - 1:
            found.append(f"{text!r}: {label.width() - visible.width()} px of it cut sideways")
        parent = label.parentWidget()
        if parent is not None and not _within(label, parent):
            found.append(f"{text!r}: cut by the edges of its {type(parent).__name__}")
    return found
