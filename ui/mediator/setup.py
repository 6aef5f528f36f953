"""The set-up page: asked at the first start (there is no default PIN), and again to change the PIN."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from kiosk.mediation.pin import MIN_PIN_DIGITS, valid_pin
from kiosk.secret import Secret
from kiosk.visit.recap import STRUCTURE_NAME
from ui.mediator.keypad_page import KeypadPage
from ui.mediator.parts import button
from ui.widgets.blocks import text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


class SetupPage(KeypadPage):
    """The one-time set-up: the structure's name and the mediators' PIN (typed twice)."""

    def __init__(self, panel: MediatorPanel) -> None:
        self.name_label = text_label()
        self.name_label.setText("Nom de la structure (il figure sur les récapitulatifs) :")
        self.name = QLineEdit()
        self.name.setMinimumHeight(64)
        self.save_button = button("mdi6.check-bold", "Continuer", "Passer à l'étape suivante.", "primary")
        super().__init__(panel, self.save_button, (self.name_label, self.name))
        self.save_button.clicked.connect(self.submit)
        self._first: Secret | None = None

    def start(self) -> None:
        self.name.setText(self.panel.station.keeper.setting(STRUCTURE_NAME, ""))
        self._first = None
        self.pad.clear()
        self.problem.set_text("")
        self.prompt.setText(
            f"Choisissez le PIN des médiateurs ({MIN_PIN_DIGITS} chiffres ou plus). "
            "Il n'y a pas de PIN par défaut : sans lui, personne ne peut ouvrir le mode médiateur."
        )

    def submit(self) -> None:
        lock = self.panel.lock
        store = self.panel.station.keeper.store
        if lock is None or store is None:
            return
        typed = self.pad.take()
        if self._first is None:
            if not self.name.text().strip():
                typed.wipe()
                self.problem.set_text("Indiquez le nom de la structure.")
                return
            if not valid_pin(typed):
                typed.wipe()
                self.problem.set_text(
                    f"Le PIN doit avoir au moins {MIN_PIN_DIGITS} chiffres, pas tous identiques."
                )
                return
            self._first = typed
            self.problem.set_text("")
            self.prompt.setText("Tapez le même PIN une seconde fois.")
            return
        first, self._first = self._first, None
        same = first.matches(typed)
        typed.wipe()
        if not same:
            first.wipe()
            self.problem.set_text("Les deux PIN sont différents. Recommencez.")
            self.prompt.setText("Choisissez le PIN des médiateurs.")
            return
        store.change_setting(STRUCTURE_NAME, self.name.text().strip(), time.time())
        lock.set_pin(first)
        self.panel.unlocked()
