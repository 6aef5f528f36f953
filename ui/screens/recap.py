"""End of a procedure: what happens next, where the real site is, and how to leave cleanly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.translation import _, content
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.screens.base import PictogramLine, Screen, action_row, must_be_seen, scroll_area
from ui.widgets.blocks import PictogramButton, text_label
from ui.widgets.qr import qr_pixmap
from ui.widgets.real_site_button import RealSiteButton
from ui.widgets.recap_button import RecapPrintBlock

QR_SIDE_PX = 240


class RecapScreen(Screen):
    screen_id = ScreenId.RECAP

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        self.next_title = text_label("title")
        self.after = PictogramLine("mdi6.calendar-clock", "")
        self.site = PictogramLine("mdi6.web", "")
        self.listen_after = self.listen_button(lambda: [self.next_title.text(), self.after.label.text()])
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_title, 1)
        next_row.addWidget(self.listen_after)
        body.addLayout(next_row)
        self.take_home = RecapPrintBlock(station, self.speak_requested.emit)
        self.qr = QLabel()  # the recap as plain text, for the person's phone
        must_be_seen(self.qr)
        self.site_button = RealSiteButton(lambda: self.visit)
        for widget in (self.after, self.site):
            body.addWidget(widget)
        body.addWidget(self.site_button, 0, Qt.AlignmentFlag.AlignLeading)
        body.addWidget(self.take_home)
        body.addStretch(1)
        # The QR code beside the text, outside what scrolls: at the foot of the text it was cut at 1024x768.
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(scroll_area(content), 1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row, 1)
        self.home_button = PictogramButton("mdi6.view-grid-outline")
        self.home_button.clicked.connect(lambda: self.visit.home())
        self.finish_button = PictogramButton("mdi6.exit-run", role="primary")
        self.finish_button.clicked.connect(lambda: self.visit.open_leave())
        self.resume_button = PictogramButton("mdi6.keyboard-return", role="primary")
        self.resume_button.clicked.connect(lambda: self.visit.next())
        self.layout_.addLayout(action_row(self.home_button, self.finish_button, self.resume_button))

    def refresh(self) -> None:
        procedure = self.station.catalog.procedures[self.place.procedure_id]
        self.title.setText(_("Vous êtes arrivé à la fin de ce guide."))
        self.next_title.setText(_("Et après ?"))
        self.after.label.setText(content(procedure.after))
        # Addresses stay left-to-right, even in Arabic or Persian (U+2066 LRI ... U+2069 PDI).
        urls = ", ".join(f"\u2066{url}\u2069" for url in procedure.urls)
        self.site.label.setText(_("Le vrai site : {address}").format(address=urls))
        self.home_button.set_text(_("Une autre démarche"), _("Revenir à la liste des situations."))
        origin = self.visit.returns_to()
        for button in (self.home_button, self.finish_button):
            button.setVisible(origin is None)
        self.resume_button.setVisible(origin is not None)
        if origin is not None:
            self.resume_button.set_text(
                _("Reprendre : {title}").format(title=content(origin.title)),
                _("Revenir au guide que vous aviez commencé, là où vous étiez."),
            )
        self.site_button.refresh()
        self.take_home.refresh()
        recap = self.station.recap()
        if recap is not None:
            self.qr.setPixmap(qr_pixmap(recap.qr_text(), QR_SIDE_PX))
        self.finish_button.set_text(
            _("J'ai fini"), _("Partir : tout effacer, ou garder un code pour revenir.")
        )

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.next_title.text(), self.after.label.text()]
