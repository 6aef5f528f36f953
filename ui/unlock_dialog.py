"""At start-up, when the store is locked with a passphrase: a mediator types it, nothing else opens.

The field never echoes, offers no copy, paste or context menu, and asks input
methods for no prediction or history. The typed text becomes a ``Secret`` and the
field is emptied at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.secret import Secret
from ui.widgets.blocks import PictogramButton, text_label
from ui.widgets.on_screen_keyboard import OnScreenKeyboard


def secret_field() -> QLineEdit:
    """A line edit for a credential: no echo, no clipboard, no prediction, no undo history."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    field.setDragEnabled(False)
    field.setAcceptDrops(False)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )
    field.setMinimumHeight(64)
    return field


def take_secret(field: QLineEdit) -> Secret:
    """The field's text as a Secret; the field (and its undo history) is emptied."""
    secret = Secret(field.text())
    field.setText("")  # unlike clear(), setText also empties the undo history
    return secret


class UnlockDialog(QDialog):
    def __init__(self, try_passphrase: Callable[[Secret], bool], over: QWidget | None = None) -> None:
        super().__init__(over)  # over the kiosk window, it stays in front of it
        self._try = try_passphrase
        self.setObjectName("UnlockDialog")
        self.setWindowTitle("France Services")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(20)
        title = text_label("title")
        title.setText(_("Phrase de passe du kiosque"))
        hint = text_label("hint")
        hint.setText(_("Une personne de l'accueil tape la phrase de passe pour ouvrir le kiosque."))
        self.field = secret_field()
        self.field.returnPressed.connect(self.submit)
        self.problem = text_label()
        self.open_button = PictogramButton("mdi6.lock-open-variant-outline", role="primary")
        self.open_button.set_text(_("Ouvrir"), _("Ouvrir le kiosque avec cette phrase de passe."))
        self.open_button.clicked.connect(self.submit)
        self.keyboard = OnScreenKeyboard(self, follow_focus=False)  # touch-only screens have no other
        for widget in (title, hint, self.field, self.problem, self.open_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.keyboard)
        self.field.setFocus()

    def submit(self) -> None:
        secret = take_secret(self.field)
        try:
            opened = self._try(secret)
        finally:
            secret.wipe()
        if opened:
            self.accept()
        else:
            self.problem.setText(_("Ce n'est pas la bonne phrase de passe. Essayez encore."))
