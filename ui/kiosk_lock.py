"""Nobody wanders out of the kiosk: no closing, no quitting keys, no context menus, no drag and drop.

Leaving the kiosk is only possible from mediator mode ("Quitter le kiosque"). In
development (``--windowed``) the lock is off and the window closes normally.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.window_events import watch_window

BLOCKED_EVENTS = frozenset(
    {QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
)
MOUSE_PRESSES = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}
)


def show_full_screen(widget: QWidget) -> None:
    """Show ``widget`` over the whole screen, also in a bare X session, which has no window manager
    to grant full screen."""
    widget.setGeometry(widget.screen().geometry())
    widget.showFullScreen()


class KioskLock(QObject):
    """A filter on the kiosk's window; ``release()`` lets the window close (mediator mode).

    Context menus are refused where they start: a right button or the menu key, on the
    window (``ui.window_events`` says why the filter is not application-wide).
    """

    def __init__(self, window: QWidget, hide_pointer: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.released = False
        window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        window.setAcceptDrops(False)
        watch_window(window, self)
        if hide_pointer:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)

    def release(self) -> None:
        self.released = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.released:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close:
            if watched is self.window:
                event.ignore()
                return True
            return False
        if kind in BLOCKED_EVENTS:
            return True
        if kind in MOUSE_PRESSES and isinstance(event, QMouseEvent):
            return event.button() == Qt.MouseButton.RightButton
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            return self._blocked_key(event)
        return False

    @staticmethod
    def _blocked_key(event: QKeyEvent) -> bool:
        """Escape, Alt+F4, Ctrl+Q, Ctrl+W and Alt+Tab: the keys that close, quit or switch away."""
        modifiers = event.modifiers()
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Menu):
            return True
        if key == Qt.Key.Key_F4 and modifiers & Qt.KeyboardModifier.AltModifier:
            return True
        if key in (Qt.Key.Key_Q, Qt.Key.Key_W) and modifiers & Qt.KeyboardModifier.ControlModifier:
            return True
        return key == Qt.Key.Key_Tab and bool(modifiers & Qt.KeyboardModifier.AltModifier)
