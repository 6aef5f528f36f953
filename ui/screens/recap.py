"""End of a procedure: what happens next, where the real site is, and how to leave cleanly."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import _, content
from kiosk.navigation import ScreenId
from kiosk.station import Station
from ui.screens.base import PictogramLine, Screen, action_row, scroll_area
from ui.widgets import PictogramButton, text_label


class RecapScreen(Screen):
    screen_id = ScreenId.RECAP

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(16)
        self.next_title = text_label("title")
        self.body_layout.addWidget(self.next_title)
        self.after = PictogramLine("mdi6.calendar-clock", "")
        self.site = PictogramLine("mdi6.web", "")
        self.body_layout.addWidget(self.after)
        self.body_layout.addWidget(self.site)
        self.body_layout.addStretch(1)
        self.layout_.addWidget(scroll_area(body), 1)
        self.home_button = PictogramButton("mdi6.view-grid-outline")
        self.home_button.clicked.connect(lambda: self.visit.home())
        self.finish_button = PictogramButton("mdi6.exit-run", role="primary")
        self.finish_button.clicked.connect(lambda: self.station.end_visit())
        self.layout_.addLayout(action_row(self.home_button, self.finish_button))

    def refresh(self) -> None:
        procedure = self.station.catalog.procedures[self.place.procedure_id]
        self.title.setText(_("Vous êtes arrivé à la fin de ce guide."))
        self.next_title.setText(_("Et après ?"))
        self.after.label.setText(content(procedure.after))
        # Addresses stay left-to-right, even in Arabic or Persian (U+2066 LRI ... U+2069 PDI).
        urls = ", ".join(f"\u2066{url}\u2069" for url in procedure.urls)
        self.site.label.setText(_("Le vrai site : {address}").format(address=urls))
        self.home_button.set_text(_("Une autre démarche"))
        self.finish_button.set_text(
            _("J'ai fini"), _("Efface tout ce que vous avez fait ici et revient au début.")
        )

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.next_title.text(), self.after.label.text()]
