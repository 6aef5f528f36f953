"""A big keypad of digits with an erase key, holding what was typed until it is taken.

Used for the resume code and the mediator's PIN. The digits are laid out the same
in every language (a keypad is not mirrored). ``take()`` returns the digits as a
``Secret`` and empties the pad.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.secret import Secret
from ui.widgets.blocks import PictogramButton

KEYPAD_ROWS = ("123", "456", "789")


class DigitPad(QWidget):
    changed = Signal()

    def __init__(self, max_digits: int, translated: bool = True) -> None:
        super().__init__()
        self.max_digits = max_digits
        self._translated = translated
        self._typed: list[str] = []
        grid = QGridLayout(self)
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
        self.erase_button.clicked.connect(self.erase)
        grid.addWidget(self.erase_button, 3, 2)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.retranslate()

    def retranslate(self) -> None:
        if self._translated:
            for digit, button in self.digit_buttons.items():
                button.set_text(digit, _("Chiffre {digit}").format(digit=digit))
            self.erase_button.set_text(_("Effacer"), _("Effacer le dernier chiffre."))
        else:  # mediator mode is in French whatever the person's language
            for digit, button in self.digit_buttons.items():
                button.set_text(digit, f"Chiffre {digit}")
            self.erase_button.set_text("Effacer", "Effacer le dernier chiffre.")

    @property
    def count(self) -> int:
        return len(self._typed)

    def type_digit(self, digit: str) -> None:
        if len(self._typed) < self.max_digits:
            self._typed.append(digit)
        self.changed.emit()

    def erase(self) -> None:
        if self._typed:
            self._typed.pop()
        self.changed.emit()

    def shown(self) -> str:
        """The digits typed so far, with a line for each one still to type."""
        return "".join(self._typed) + "_" * (self.max_digits - len(self._typed))

    def masked(self) -> str:
        return "•" * len(self._typed)

    def take(self) -> Secret:
        secret = Secret("".join(self._typed))
        self.clear()
        return secret

    def clear(self) -> None:
        self._typed.clear()
        self.changed.emit()
