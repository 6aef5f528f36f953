"""\"Are you still there?\": shown over any screen when nobody has touched it for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.i18n import _
from ui.widgets import PictogramButton, text_label


class IdleOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        panel = QFrame()
        panel.setProperty("role", "panel")
        panel.setMaximumWidth(820)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        self.question = text_label("title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = text_label()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.here_button = PictogramButton("mdi6.hand-back-right-outline", role="primary", icon_px=48)
        layout.addWidget(self.question)
        layout.addWidget(self.countdown)
        layout.addWidget(self.here_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.here_button.clicked.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_countdown(self, seconds_left: int) -> None:
        self.question.setText(_("Êtes-vous toujours là ?"))
        self.countdown.setText(
            _("Touchez l'écran. Sinon, tout sera effacé dans {seconds} secondes.").format(
                seconds=seconds_left
            )
        )
        self.here_button.set_text(_("Oui, je suis là"), _("Garder ce que vous avez fait et continuer."))
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._host.rect())
        return False
