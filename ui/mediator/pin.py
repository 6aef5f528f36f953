"""The PIN page: mediator mode opens only with the mediators' PIN, and locks a while after five wrong ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.mediation.pin import PinCheck
from ui.mediator.keypad_page import KeypadPage
from ui.mediator.parts import button

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


class PinPage(KeypadPage):
    def __init__(self, panel: MediatorPanel) -> None:
        self.open_button = button("mdi6.lock-open-variant-outline", "Ouvrir", "Vérifier le PIN.", "primary")
        super().__init__(panel, self.open_button)
        self.open_button.clicked.connect(self.submit)

    def ask(self) -> None:
        self.pad.clear()
        self.prompt.setText("Tapez le PIN des médiateurs.")
        self.problem.set_text("")
        self.pad.show()
        self.open_button.show()

    def refuse(self, message: str) -> None:
        self.prompt.setText("")
        self.problem.set_text(message)
        self.pad.hide()
        self.open_button.hide()

    def submit(self) -> None:
        lock = self.panel.lock
        if lock is None:
            return
        answer = lock.check(self.pad.take())
        if answer.result is PinCheck.ACCEPTED:
            self.panel.unlocked()
        else:
            self.refuse_pin(answer, "PIN incorrect.", "le mode médiateur est bloqué")
