"""The set-up page: asked at the first start (there is no default PIN), and to change the PIN."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from kiosk.mediation.pin import MIN_PIN_DIGITS, PinAnswer, PinCheck, valid_pin
from kiosk.secret import Secret
from kiosk.visit.recap import STRUCTURE_NAME
from ui.mediator.keypad_page import KeypadPage
from ui.mediator.parts import button
from ui.widgets.blocks import text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


class SetupPage(KeypadPage):
    """The structure's name and the mediators' PIN (typed twice); to change the PIN, the current one first."""

    def __init__(self, panel: MediatorPanel) -> None:
        self.name_label = text_label()
        self.name_label.setText("Nom de la structure (il figure sur les récapitulatifs) :")
        self.name = QLineEdit()
        self.name.setMinimumHeight(64)
        self.save_button = button("mdi6.check-bold", "Continuer", "Passer à l'étape suivante.", "primary")
        super().__init__(panel, self.save_button, (self.name_label, self.name))
        self.save_button.clicked.connect(self.submit)
        self._first: Secret | None = None
        self._current_checked = False

    def start(self) -> None:
        """Begin again: the current PIN first if there is one, then the new PIN twice."""
        self.forget()
        self.name.setText(self.panel.station.keeper.setting(STRUCTURE_NAME, ""))
        lock = self.panel.lock
        self._current_checked = lock is None or not lock.configured
        if self._current_checked:
            self._ask_new_pin()
        else:
            self.say("Pour changer le PIN, tapez d'abord le PIN actuel des médiateurs.")

    def forget(self) -> None:
        super().forget()
        if self._first is not None:
            self._first.wipe()
        self._first = None
        self._current_checked = False
        self.name.clear()

    def _ask_new_pin(self) -> None:
        self.say(
            f"Choisissez le PIN des médiateurs ({MIN_PIN_DIGITS} chiffres ou plus). "
            "Il n'y a pas de PIN par défaut : sans lui, personne ne peut ouvrir le mode médiateur."
        )

    def submit(self) -> None:
        lock = self.panel.lock
        store = self.panel.station.keeper.store
        if lock is None or store is None:
            return
        typed = self.pad.take()
        if not self._current_checked:
            self._check_current(lock.check(typed))
            return
        if self._first is None:
            if not self.name.text().strip():
                typed.wipe()
                self.warn("Indiquez le nom de la structure.")
                return
            if not valid_pin(typed):
                typed.wipe()
                self.warn(f"Le PIN doit avoir au moins {MIN_PIN_DIGITS} chiffres, pas tous identiques.")
                return
            self._first = typed
            self.problem.set_text("")
            self.say("Tapez le même PIN une seconde fois.")
            return
        first, self._first = self._first, None
        same = first.matches(typed)
        typed.wipe()
        if not same:
            first.wipe()
            self.say("Choisissez le PIN des médiateurs.")
            self.warn("Les deux PIN sont différents. Recommencez.")
            return
        store.change_setting(STRUCTURE_NAME, self.name.text().strip(), time.time())
        lock.set_pin(first)
        self.panel.station.keeper.back_up_settings()  # a store set aside later keeps this PIN
        self.panel.unlocked()

    def _check_current(self, answer: PinAnswer) -> None:
        """The same lock as the PIN page: wrong tries count toward the same five."""
        if answer.result is PinCheck.ACCEPTED:
            self._current_checked = True
            self.problem.set_text("")
            self._ask_new_pin()
        else:
            self.refuse_pin(answer, "PIN actuel incorrect.", "le changement de PIN est bloqué")
