"""Watching every touch and key of the kiosk's window, without an application-wide event filter.

Every mouse, touch and key event of a top-level window reaches its ``QWindow`` before
Qt hands it to a widget, so a filter there sees them all. A filter on the whole
application would also be handed QtWebEngine's internal objects (the official site's
page), and PySide crashes wrapping those into Python objects (an endless
``getWrapperForQObject`` recursion), so the kiosk never installs one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget


def watch_window(window: QWidget, watcher: QObject) -> None:
    """Let ``watcher`` filter the events of ``window`` itself and of its native window."""
    window.winId()  # makes the native window now, if the widget has not been shown yet
    handle = window.windowHandle()
    if handle is None:
        raise RuntimeError("the kiosk's window has no native window to watch")
    handle.installEventFilter(watcher)
    window.installEventFilter(watcher)
