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
        self.erase_button = PictogramButton("mdi6.exit-run")
        self.erase_button.clicked.connect(lambda: self.station.end_visit())
        self.action_buttons = action_row(self.keep_button, self.erase_button)
        self.layout_.addLayout(self.action_buttons)

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
        self._make_primary(self._primary())
        self.never_kept.setVisible(self.station.keeper.keeps_records)
        self.cannot_keep.set_text("")
        self.take_home.refresh()  # leaving in the middle of a procedure: its recap can still go home

    def _primary(self) -> PictogramButton:
        """The action in the person's interest, shown as the main one (green, at the reading end).

        Midway through a procedure, keeping it: erasing throws away the steps already gone through,
        and the person starts again another day, often needing help again; keeping costs a code and
        nothing typed is kept. With nothing begun, or everything finished, erasing: a code would
        bring back nothing useful, and nothing of the person should stay on a public machine for 30
        days for no gain. When progress cannot be kept, erasing is the only way.
        """
        visit = self.station.visit
        if self.station.keeper.keeps_records and visit.session.has_unfinished_procedure():
            return self.keep_button
        return self.erase_button

    def _make_primary(self, primary: PictogramButton) -> None:
        """The main action green and last in the row (the reading end, where every "Next" is)."""
        for button in (self.keep_button, self.erase_button):
            role = "primary" if button is primary else "normal"
            if button.property("role") != role:
                button.setProperty("role", role)
                for widget in (button, button.text_label):  # the label's colour follows
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
        self.keep_button.set_pictogram("mdi6.bookmark-outline")  # the pictogram takes the role's colour
        self.erase_button.set_pictogram("mdi6.exit-run")
        self.action_buttons.removeWidget(primary)
        self.action_buttons.addWidget(primary)

    def _keep(self) -> None:
        if not self.station.keep_progress():
            self.keep_button.hide()
            self.never_kept.hide()
            self._make_primary(self.erase_button)  # the one way left
            self.cannot_keep.set_text(_("Votre avancement ne peut pas être gardé aujourd'hui."))
            self.speak_requested.emit([self.cannot_keep.label.text()])

    def spoken_texts(self) -> list[str]:
        texts = [self.title.text(), self.erased.text()]
        return texts + ([self.never_kept.text()] if self.never_kept.isVisibleTo(self) else [])
