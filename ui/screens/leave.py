"""Leaving: erase everything now, or keep the progress for another day with a code."""

from __future__ import annotations

from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.screens.base import Screen, action_row
from ui.widgets.blocks import PictogramButton, WarningBox, text_label
from ui.widgets.recap_button import RecapPrintBlock


class LeaveScreen(Screen):
    screen_id = ScreenId.LEAVE

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.erased = text_label()
        self.never_kept = text_label("hint")
        self.cannot_keep = WarningBox()
        self.take_home = RecapPrintBlock(station, self.speak_requested.emit)
        for widget in (self.erased, self.never_kept, self.cannot_keep, self.take_home):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.keep_button = PictogramButton("mdi6.bookmark-outline")
        self.keep_button.clicked.connect(self._keep)
        self.erase_button = PictogramButton("mdi6.exit-run", role="primary")
        self.erase_button.clicked.connect(lambda: self.station.end_visit())
        self.layout_.addLayout(action_row(self.keep_button, self.erase_button))

    def refresh(self) -> None:
        self.title.setText(_("Vous partez ?"))
        self.erased.setText(_("Tout ce que vous avez fait ici va être effacé."))
        self.never_kept.setText(
            _(
                "Vous pouvez garder votre avancement pour revenir un autre jour. "
                "Vos mots de passe ne sont jamais gardés."
            )
        )
        self.keep_button.set_text(
            _("Garder pour revenir"), _("Vous recevez un code pour reprendre ici un autre jour.")
        )
        self.erase_button.set_text(_("Tout effacer et partir"), _("Efface tout et revient au début."))
        self.keep_button.setVisible(self.station.keeper.keeps_records)
        self.never_kept.setVisible(self.station.keeper.keeps_records)
        self.cannot_keep.set_text("")
        self.take_home.refresh()  # leaving in the middle of a procedure: its recap can still go home

    def _keep(self) -> None:
        if not self.station.keep_progress():
            self.keep_button.hide()
            self.never_kept.hide()
            self.cannot_keep.set_text(_("Votre avancement ne peut pas être gardé aujourd'hui."))
            self.speak_requested.emit([self.cannot_keep.label.text()])

    def spoken_texts(self) -> list[str]:
        texts = [self.title.text(), self.erased.text()]
        return texts + ([self.never_kept.text()] if self.never_kept.isVisibleTo(self) else [])
