"""A scroll area as tall as its content when there is room, and shorter (scrolling) when not.

The step's text is one: what follows it, the hard words and the answers, comes right under
the text, and stays in sight however long the text. The list of a step's hard words is another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QWidget


class FittedScroll(QScrollArea):
    """Set up as every scroll area of the kiosk (no horizontal scrolling, swiped by touch)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        height = content.heightForWidth(self.width()) if content.hasHeightForWidth() else -1
        return QSize(hint.width(), height if height >= 0 else content.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Its scroll bar would ask for 206 px: what must be seen beside it comes first.
        return QSize(super().minimumSizeHint().width(), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the content wraps anew: another height

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed: another height
        return super().eventFilter(watched, event)
