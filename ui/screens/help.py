"""Asking for help: four big choices; the request keeps where the person was."""

from __future__ import annotations

from kiosk.help_desk import HELP_KIND_LABELS, HELP_KIND_PICTOGRAMS, HelpKind
from kiosk.i18n import _
from kiosk.navigation import ScreenId
from kiosk.station import Station
from ui.screens.base import Screen
from ui.widgets import TileGrid, TileItem, text_label


class HelpScreen(Screen):
    screen_id = ScreenId.HELP

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.layout_.addWidget(self.hint)
        self.tiles = TileGrid(columns=2, rows=2)
        self.tiles.chosen.connect(lambda kind: self.visit.ask_for_help(HelpKind(kind)))
        self.layout_.addWidget(self.tiles, 1)

    def refresh(self) -> None:
        self.title.setText(_("Que se passe-t-il ?"))
        self.hint.setText(_("Touchez une image. Une personne de l'accueil va venir. Vous ne perdez rien."))
        self.tiles.set_items(
            [TileItem(kind.value, _(HELP_KIND_LABELS[kind]), HELP_KIND_PICTOGRAMS[kind]) for kind in HelpKind]
        )

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text(), *(t.text_shown() for t in self.tiles.tiles)]
