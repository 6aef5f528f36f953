"""Before you start: what the procedure is, how long it takes, and what to have with you."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kiosk.content.procedures import ChannelKind, Procedure
from kiosk.content.staleness import is_stale, local_today
from kiosk.content.walkthrough import remaining_steps
from kiosk.i18n.translation import _, content, format_date, format_number
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.screens.base import PictogramList, Screen, action_row, scrolling_body
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, WarningBox, text_label
from ui.widgets.real_site_button import RealSiteButton

CHANNEL_PICTOGRAMS = {
    ChannelKind.PHONE: "mdi6.phone-outline",
    ChannelKind.IN_PERSON: "mdi6.account-tie-outline",
    ChannelKind.PAPER: "mdi6.file-document-edit-outline",
    ChannelKind.APP: "mdi6.cellphone",
}


class IntroScreen(Screen):
    screen_id = ScreenId.INTRO

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        body = scrolling_body(self)
        self.summary = text_label()
        self.facts = text_label("hint")
        self.stale = WarningBox()  # a guide past its age: said near the top, and aloud
        self.need = text_label("title")
        self.checklist = PictogramList()
        self.listen_checklist = self.listen_button(
            lambda: [self.need.text(), *(line.label.text() for line in self.checklist.lines)]
        )
        self.other_ways = text_label("title")
        self.channels = PictogramList()
        self.checked = text_label("hint")
        need_row = QHBoxLayout()
        need_row.addWidget(self.need, 1)
        need_row.addWidget(self.listen_checklist)
        body.addWidget(self.summary)
        body.addWidget(self.facts)
        body.addWidget(self.stale)
        body.addLayout(need_row)
        for block in (self.checklist, self.other_ways, self.channels):
            body.addWidget(block)
        body.addWidget(self.checked)
        body.addStretch(1)
        self.start_button = PictogramButton(role="primary")
        self.start_button.setMinimumWidth(280)
        self.start_button.clicked.connect(lambda: self.visit.next())
        self.practice_button = PictogramButton("mdi6.school-outline")
        self.practice_button.clicked.connect(lambda: self.visit.open_practice())
        # Its own row above the actions, always in sight: three buttons do not fit one row at 1024 px.
        self.site_button = RealSiteButton(lambda: self.visit)
        self.layout_.addWidget(self.site_button)  # the whole width: one line of text at every size
        self.layout_.addLayout(action_row(self.start_button, leading=self.practice_button))

    @property
    def procedure(self) -> Procedure:
        return self.station.catalog.procedures[self.place.procedure_id]

    def refresh(self) -> None:
        procedure = self.procedure
        self.title.setText(content(procedure.title))
        self.summary.setText(content(procedure.summary))
        fewest_steps = remaining_steps(procedure).get(procedure.steps[0].id, 0) + 1
        self.facts.setText(
            _("{organisation} · environ {minutes} minutes · {steps} étapes").format(
                organisation=procedure.organisation,
                minutes=format_number(procedure.estimated_minutes),
                steps=format_number(fewest_steps),
            )
        )
        self.need.setText(_("Avant de commencer, préparez :"))
        self.checklist.fill([(item.pictogram, content(item.text)) for item in procedure.before_you_start])
        self.other_ways.setText(_("Vous pouvez aussi le faire autrement :"))
        self.other_ways.setVisible(bool(procedure.channels))
        self.channels.fill([(CHANNEL_PICTOGRAMS[c.kind], content(c.text)) for c in procedure.channels])
        checked = procedure.last_checked
        stale = is_stale(procedure, local_today(), self.station.config.guide_max_age_days)
        self.stale.set_text(
            _("Ce guide date du {date} : en cas de doute, demandez à l'accueil.").format(
                date=format_date(checked.date)
            )
            if stale
            else ""
        )
        notice = (
            _("Vérifié sur le vrai site le {date}.")
            if checked.verified_on_site
            else _(
                "Écrit le {date}. Pas encore vérifié sur le vrai site : "
                "en cas de doute, demandez à l'accueil."
            )
        )
        self.checked.setText(notice.format(date=format_date(checked.date)))
        self.start_button.set_text(_("Commencer"), _("Aller à la première étape."))
        self.site_button.refresh()
        self.practice_button.setVisible(procedure.id in self.station.catalog.practice)
        self.practice_button.set_text(
            _("S'exercer d'abord"), _("Essayer sur un faux site, où les erreurs ne comptent pas.")
        )
        self.start_button.set_pictogram(
            pictograms.directional("mdi6.arrow-right-bold", "mdi6.arrow-left-bold", self.layoutDirection())
        )

    def spoken_texts(self) -> list[str]:
        items = [content(entry.text) for entry in self.procedure.before_you_start]
        stale = [self.stale.label.text()] if not self.stale.isHidden() else []
        return [self.title.text(), self.summary.text(), *stale, self.need.text(), *items]
