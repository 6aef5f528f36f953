"""Help is on its way: the ticket number, a QR code of the request, and the choice to go on or cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.screens.base import Screen, action_row, must_be_seen
from ui.widgets.blocks import PictogramButton, text_label
from ui.widgets.qr import qr_pixmap

QR_SIDE_PX = 196


class HelpSentScreen(Screen):
    screen_id = ScreenId.HELP_SENT

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.layout_.addStretch(1)
        self.ticket_caption = text_label()
        self.ticket_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket = text_label("ticket")
        self.ticket.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep_going = text_label("hint")
        self.keep_going.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel()  # the request as plain text, for a mediator's phone
        must_be_seen(self.qr)
        number = QVBoxLayout()
        number.addWidget(self.ticket_caption)
        number.addWidget(self.ticket)
        ticket_row = QHBoxLayout()  # the QR code beside the number: the screen keeps its height
        ticket_row.setSpacing(48)
        ticket_row.addStretch(1)
        ticket_row.addLayout(number)
        ticket_row.addWidget(self.qr)
        ticket_row.addStretch(1)
        self.layout_.addLayout(ticket_row)
        self.qr_caption = text_label("hint")  # right under the code: what it is for, and what it holds
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.qr_caption)
        self.layout_.addWidget(self.keep_going)
        self.layout_.addStretch(1)
        self.cancel_button = PictogramButton("mdi6.close-circle-outline")
        self.cancel_button.clicked.connect(lambda: self.visit.cancel_help())
        self.continue_button = PictogramButton("mdi6.play-circle-outline", role="primary")
        self.continue_button.clicked.connect(lambda: self.visit.leave_help())
        self.layout_.addLayout(action_row(self.cancel_button, self.continue_button))

    def refresh(self) -> None:
        request = self.visit.pending_help()
        coming = request is not None and request.coming  # the desk answered « J'arrive » (kiosk/room)
        self.title.setText(
            _("Quelqu'un arrive vers vous maintenant.") if coming else _("Quelqu'un va venir vous aider.")
        )
        self.ticket_caption.setText(_("Votre numéro :"))
        self.ticket.setText(str(request.ticket) if request else "")
        self.qr.setVisible(request is not None)
        self.qr_caption.setVisible(request is not None)
        self.qr_caption.setText(_("Pour la personne qui vient vous aider : votre demande, sans vos données."))
        if request is not None:
            self.qr.setPixmap(qr_pixmap(request.summary(), QR_SIDE_PX))
        self.keep_going.setText(_("Vous pouvez continuer en attendant."))
        self.cancel_button.set_text(
            _("Annuler ma demande"), _("Plus besoin d'aide : la demande est retirée.")
        )
        self.continue_button.set_text(
            _("Reprendre où j'en étais"),
            _("Revenir à l'écran où vous étiez. La personne viendra quand même."),
        )

    def spoken_texts(self) -> list[str]:
        return [
            self.title.text(),
            self.ticket_caption.text(),
            self.ticket.text(),
            self.keep_going.text(),
        ]
