"""The code to come back: shown big in two halves, read out digit by digit, and as a QR code to photograph."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk.i18n.translation import _, format_date
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from kiosk.visit.resume import spaced
from ui.screens.base import Screen, action_row, must_be_seen
from ui.widgets.blocks import PictogramButton, text_label
from ui.widgets.qr import qr_pixmap

QR_SIDE_PX = 240


class KeptScreen(Screen):
    screen_id = ScreenId.KEPT
    speaks_personal_data = True  # the code is read out: its audio is never kept after the visit

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.code = text_label("ticket")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel()
        must_be_seen(self.qr)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.qr)
        self.layout_.addLayout(row, 1)
        self.how = text_label()
        self.until = text_label("hint")
        self.layout_.addWidget(self.how)
        self.layout_.addWidget(self.until)
        self.done_button = PictogramButton("mdi6.exit-run", role="primary")
        self.done_button.clicked.connect(lambda: self.station.end_visit())
        self.layout_.addLayout(action_row(self.done_button))

    def refresh(self) -> None:
        code = self.visit.kept_code
        self.title.setText(_("Voici votre code pour revenir"))
        shown = spaced(code) if code is not None else ""
        self.code.setText(f"\u2066{shown}\u2069")  # digits stay in order in Arabic and Persian
        self.qr.setVisible(code is not None)
        if code is not None:
            self.qr.setPixmap(qr_pixmap(self._qr_text(shown), QR_SIDE_PX))
        self.how.setText(
            # « J'ai un code pour reprendre » is on the home screen, once a language is chosen: say the way
            # there, not « the start screen » (the welcome screen has no such button).
            _(
                "Notez-le, ou prenez l'écran en photo. À votre retour, choisissez votre langue, "
                "puis touchez « J'ai un code pour reprendre » et tapez-le."
            )
        )
        until = format_date(self.station.keeper.resume_until())
        self.until.setText(_("Ce code marche une seule fois, jusqu'au {date}.").format(date=until))
        self.done_button.set_text(_("C'est noté, je pars"), _("Efface tout le reste et revient au début."))

    def leave(self) -> None:
        """The code leaves the screen with the person: nothing of it stays in the widgets."""
        self.code.clear()
        self.qr.clear()

    def _qr_text(self, shown: str) -> str:
        return _("France Services : votre code pour reprendre : {code}").format(code=shown)

    def spoken_texts(self) -> list[str]:
        code = self.visit.kept_code
        # Digit by digit, with a pause between the two halves, as the code is shown: "1234 5678".
        digits = "; ".join(", ".join(half) for half in spaced(code).split()) if code is not None else ""
        return [self.title.text(), digits, digits, self.how.text(), self.until.text()]
