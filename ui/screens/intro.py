"""Before you start: what the procedure is, how long it takes, and what to have with you."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from kiosk.i18n import _, content
from kiosk.navigation import ScreenId
from kiosk.procedures import Procedure
from kiosk.station import Station
from ui import pictograms
from ui.screens.base import PictogramLine, Screen, action_row, scrolling_body
from ui.widgets import PictogramButton, text_label


class IntroScreen(Screen):
    screen_id = ScreenId.INTRO

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        body = scrolling_body(self)
        self.summary = text_label()
        self.facts = text_label("hint")
        self.need = text_label("title")
        self.checklist = QVBoxLayout()
        self.checklist.setSpacing(12)
        self.checklist_lines: list[PictogramLine] = []
        self.checked = text_label("hint")
        for widget in (self.summary, self.facts, self.need):
            body.addWidget(widget)
        body.addLayout(self.checklist)
        body.addWidget(self.checked)
        body.addStretch(1)
        self.start_button = PictogramButton(role="primary")
        self.start_button.setMinimumWidth(280)
        self.start_button.clicked.connect(lambda: self.visit.next())
        self.layout_.addLayout(action_row(self.start_button))

    @property
    def procedure(self) -> Procedure:
        return self.station.catalog.procedures[self.place.procedure_id]

    def refresh(self) -> None:
        procedure = self.procedure
        self.title.setText(content(procedure.title))
        self.summary.setText(content(procedure.summary))
        self.facts.setText(
            _("{organisation} · environ {minutes} minutes · {steps} étapes").format(
                organisation=procedure.organisation,
                minutes=procedure.estimated_minutes,
                steps=len(procedure.steps),
            )
        )
        self.need.setText(_("Avant de commencer, préparez :"))
        for line in self.checklist_lines:
            self.checklist.removeWidget(line)
            line.deleteLater()
        self.checklist_lines = [
            PictogramLine(e.pictogram, content(e.text)) for e in procedure.before_you_start
        ]
        for line in self.checklist_lines:
            self.checklist.addWidget(line)
        self.checked.setText(
            _("Informations vérifiées sur le vrai site le {date}.").format(date=procedure.last_checked)
            if procedure.last_checked
            else _(
                "Ce guide n'a pas encore été vérifié sur le vrai site. En cas de doute, demandez à l'accueil."
            )
        )
        self.start_button.set_text(_("Commencer"), _("Aller à la première étape."))
        self.start_button.set_pictogram(
            pictograms.directional("mdi6.arrow-right-bold", "mdi6.arrow-left-bold", self.layoutDirection())
        )

    def spoken_texts(self) -> list[str]:
        items = [content(entry.text) for entry in self.procedure.before_you_start]
        return [self.title.text(), self.summary.text(), self.need.text(), *items]
