"""Coming back with a code: a big keypad of digits, the digits typed, and a clear answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.navigation import Place, ScreenId
from kiosk.resume import CODE_DIGITS
from kiosk.secret import Secret
from kiosk.station import Station
from ui.screens.base import Screen
from ui.widgets import PictogramButton, WarningBox, text_label

KEYPAD_ROWS = ("123", "456", "789")


class ResumeScreen(Screen):
    screen_id = ScreenId.RESUME

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self._typed: list[str] = []  # digits of a code: kept here only until the screen is left
        self.hint = text_label("hint")
        self.shown = text_label("ticket")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem = WarningBox()
        self.go_button = PictogramButton("mdi6.play-circle-outline", role="primary")
        self.go_button.clicked.connect(self.submit)
        typed_column = QVBoxLayout()
        typed_column.setSpacing(16)
        for widget in (self.hint, self.shown, self.problem):
            typed_column.addWidget(widget)
        typed_column.addStretch(1)
        typed_column.addWidget(self.go_button)
        keypad = QWidget()
        grid = QGridLayout(keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.digit_buttons: dict[str, PictogramButton] = {}
        for row, digits in enumerate((*KEYPAD_ROWS, "0")):
            for column, digit in enumerate(digits):
                button = PictogramButton(role="key")
                button.setMinimumSize(96, 64)
                button.clicked.connect(lambda _checked=False, d=digit: self.type_digit(d))
                self.digit_buttons[digit] = button
                grid.addWidget(button, row, 1 if digit == "0" else column)
        self.erase_button = PictogramButton("mdi6.backspace-outline")
        grid.addWidget(self.erase_button, 3, 2)
        self.erase_button.clicked.connect(self.erase)
        keypad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keypad is the same in every language
        row_layout = QHBoxLayout()
        row_layout.setSpacing(32)
        row_layout.addLayout(typed_column, 1)
        row_layout.addWidget(keypad, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row_layout, 1)

    def enter(self, place: Place) -> None:
        self._typed.clear()
        self.problem.set_text("")
        super().enter(place)

    def leave(self) -> None:
        self._typed.clear()
        self.shown.clear()

    def refresh(self) -> None:
        self.title.setText(_("Tapez votre code pour reprendre"))
        self.hint.setText(_("Le code a 6 chiffres. Il est sur votre papier ou votre photo."))
        for digit, button in self.digit_buttons.items():
            button.set_text(digit, _("Chiffre {digit}").format(digit=digit))
        self.erase_button.set_text(_("Effacer"), _("Effacer le dernier chiffre."))
        self.go_button.set_text(_("Reprendre"), _("Reprendre là où vous étiez la dernière fois."))
        self._show_typed()

    def type_digit(self, digit: str) -> None:
        if len(self._typed) < CODE_DIGITS:
            self._typed.append(digit)
        self._show_typed()

    def erase(self) -> None:
        if self._typed:
            self._typed.pop()
        self._show_typed()

    def submit(self) -> None:
        if self.station.keeper.resume_locked():
            self._say(_("Trop d'essais. Attendez quelques minutes, ou demandez à une personne de l'accueil."))
            return
        if len(self._typed) != CODE_DIGITS:
            self._say(_("Le code a 6 chiffres."))
            return
        code = Secret("".join(self._typed))
        self._typed.clear()
        if not self.station.resume(code):
            self._show_typed()
            self._say(
                _("Ce code ne marche pas. Vérifiez les chiffres, ou demandez à une personne de l'accueil.")
            )

    def _say(self, text: str) -> None:
        self.problem.set_text(text)
        self.speak_requested.emit([text])

    def _show_typed(self) -> None:
        typed = "".join(self._typed) + "_" * (CODE_DIGITS - len(self._typed))
        self.shown.setText(f"\u2066{typed[:3]} {typed[3:]}\u2069")

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text()]
