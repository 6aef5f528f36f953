"""The "Imprimer le récapitulatif" button with the sentence that says what happened to the paper.

Used at the end of a procedure and when the person leaves in the middle of one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.recap import Recap
from ui.recap_print import print_recap
from ui.widgets.blocks import PictogramButton, text_label


class RecapPrintBlock(QWidget):
    def __init__(self, station: Station, say: Callable[[list[str]], None]) -> None:
        super().__init__()
        self.station = station
        self._say = say
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.print_button = PictogramButton("mdi6.printer-outline")
        self.print_button.clicked.connect(self.print_recap)
        self.printed = text_label("hint")
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.printed)

    def refresh(self) -> None:
        self.print_button.set_text(
            _("Imprimer le récapitulatif"), _("Une feuille avec ce qu'il faut faire ensuite, à emporter.")
        )
        self.printed.setText("")
        self.setVisible(self.station.visit.last_procedure() is not None)

    def recap(self) -> Recap | None:
        """What goes on paper: the recap of the procedure on screen, or the last one the person was in."""
        return self.station.recap()

    def print_recap(self) -> None:
        recap = self.recap()
        if recap is None:
            return
        result = print_recap(recap, self.station.recap_folder)
        if result.failed:
            self.printed.setText(
                _(
                    "Le récapitulatif n'a pas pu être préparé. Scannez le code avec votre téléphone, "
                    "ou demandez à une personne de l'accueil."
                )
            )
        elif result.pdf is None:
            self.printed.setText(_("C'est imprimé : demandez votre feuille à l'accueil."))
        else:
            self.printed.setText(
                _(
                    "Il n'y a pas d'imprimante ici : le récapitulatif est prêt pour l'accueil. "
                    "Vous pouvez aussi scanner le code avec votre téléphone."
                )
            )
        self._say([self.printed.text()])
