"""The base of the pages typed on the digit pad (the PIN, the set-up): text and one action beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.mediation.pin import PinAnswer, PinCheck
from ui.mediator.parts import MediatorPage
from ui.widgets.blocks import PictogramButton, WarningBox, text_label
from ui.widgets.digit_pad import DigitPad

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


class KeypadPage(MediatorPage):
    """Text and one action beside the digit pad; the digits typed show as dots."""

    def __init__(
        self, panel: MediatorPanel, action: PictogramButton, above: tuple[QWidget, ...] = ()
    ) -> None:
        super().__init__(panel)
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        self.prompt = text_label()
        self.shown = text_label("ticket")
        self.problem = WarningBox()
        for widget in (*above, self.prompt, self.shown, self.problem):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(action)
        self.pad = DigitPad(12, translated=False)
        self.pad.changed.connect(self._typed)
        layout.addLayout(column, 1)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)

    def _typed(self) -> None:
        self.shown.setText(self.pad.masked())
        if self.focusWidget() is not None and self.focusWidget() is not self.pad:
            # Typing on the pad: the text field before it (the structure's name) is done, and the
            # on-screen keyboard it brought up, following the focus, goes and gives the room back.
            self.pad.setFocus()

    def say(self, prompt: str) -> None:
        """What to type next, brought into view: the mediator's eyes are on the pad and the action,
        and a prompt changing out of sight (the keyboard up, the page scrolled) looks like nothing."""
        self.prompt.setText(prompt)
        self.panel.bring_into_view(self.prompt)

    def warn(self, problem: str) -> None:
        """Why what was typed was not taken, brought into view like a prompt."""
        self.problem.set_text(problem)
        self.panel.bring_into_view(self.problem)

    def refuse_pin(self, answer: PinAnswer, wrong: str, blocked: str) -> None:
        """Say why a PIN was not taken: how many tries are left, or how long the lock lasts."""
        if answer.result is PinCheck.WRONG:
            left = answer.tries_left
            self.warn(f"{wrong} Encore {left} essai(s) avant un blocage de 5 minutes.")
        else:
            minutes = max(1, round(answer.seconds_locked / 60))
            self.warn(f"Trop d'essais : {blocked} pendant {minutes} min.")

    def forget(self) -> None:
        self.pad.clear()
        self.problem.set_text("")
