"""A panel over the whole screen with a title, a message and one big button.

Used for the idle question ("Are you still there?") and for explaining a hard word.
Any touch on its button closes it; what else a touch does is up to its owner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.widgets.blocks import PictogramButton, text_label


def area_of(host: QWidget) -> QRect:
    """The part of the window a panel covers: all of it, less the on-screen keyboard when it shows."""
    free_area = getattr(host, "free_area", None)
    return free_area() if callable(free_area) else host.rect()


class OverlayPanel(QWidget):
    def __init__(self, host: QWidget, pictogram: str) -> None:
        super().__init__(host)
        self._host = host
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        panel = QFrame()
        panel.setProperty("role", "panel")
        panel.setMaximumWidth(820)
        layout = self.panel_layout = QVBoxLayout(panel)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        self.heading = text_label("title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = text_label()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = PictogramButton(pictogram, role="primary", icon_px=48)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.button.clicked.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    def present(self, heading: str, message: str, button: str, button_description: str) -> None:
        self.heading.setText(heading)
        self.message.setText(message)
        self.button.set_text(button, button_description)
        self.setGeometry(area_of(self._host))
        self.raise_()
        self.show()

    def spoken_texts(self) -> list[str]:
        return [self.heading.text(), self.message.text()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(area_of(self._host))
        return False
