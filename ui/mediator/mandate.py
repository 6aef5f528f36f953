"""The mandate page: why a mediator may not use a person's credentials, and how an Aidants Connect mandate
lets a professional act for the person lawfully."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from ui.mediator.parts import MediatorPage
from ui.widgets.blocks import text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel

MANDATE_TEXT = (
    "Faire une démarche à la place d'une personne avec ses identifiants, même si elle vous les "
    "donne, n'est pas permis. La façon légale d'agir pour elle s'appelle Aidants Connect.\n\n"
    "• Qui : un aidant professionnel salarié d'une structure habilitée (les France services peuvent "
    "l'être). Les bénévoles, services civiques, élus et proches ne peuvent pas.\n"
    "• Comment : l'aidant crée un mandat sur aidantsconnect.beta.gouv.fr ; il dit quelles démarches "
    "et pour combien de temps (un an au plus). La personne le signe en se connectant avec "
    "FranceConnect. L'aidant se connecte ensuite avec son propre compte et sa carte Aidants Connect "
    "(physique ou application).\n"
    "• Ensuite : le mandat peut être changé ou arrêté à tout moment.\n\n"
    "Le kiosque ne garde rien de ce mandat. Sans mandat : guidez la personne et laissez-la taper "
    "elle-même ses mots de passe."
)


class MandatePage(MediatorPage):
    TAB_LABEL = "Mandat"
    TAB_PICTOGRAM = "mdi6.file-sign"

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__(panel)
        layout = QVBoxLayout(self)
        text = text_label()
        text.setText(MANDATE_TEXT)
        layout.addWidget(text)
        layout.addStretch(1)
