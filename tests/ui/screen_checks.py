"""Checks of what a person actually sees: touch target sizes, contrast from pixels, text that fits."""

from __future__ import annotations

from array import array
from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ui import theme
from ui.main_window import MainWindow
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


def settle() -> None:
    """Let every pending layout and paint happen, as before a person looks."""
    for _ in range(3):
        QApplication.processEvents()


def problems(window: MainWindow) -> list[str]:
    settle()
    found: list[str] = []
    root = visible_root(window)
    image = window.grab().toImage()
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
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or _hidden_by_a_panel(label, window, root):
            continue
        visible = label.visibleRegion().boundingRect()
        if visible.height() < label.fontInfo().pixelSize():
            continue  # scrolled almost out of view: less than a line to judge
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
        elif label.fontMetrics().horizontalAdvance(label.text()) > contents.width() + 1:
            found.append(f"{text!r}: wider than its {contents.width()} px")
        parent = label.parentWidget()
        if parent is not None and not parent.rect().contains(label.geometry()):
            found.append(f"{text!r}: cut by the edges of its {type(parent).__name__}")
    return found
