"""The procedures of one life situation, as big tiles."""

from __future__ import annotations

from kiosk.i18n import _, content
from kiosk.navigation import ScreenId
from kiosk.station import Station
from kiosk.themes import theme
from ui.screens.base import Screen
from ui.widgets import TileGrid, TileItem, text_label


class SituationScreen(Screen):
    screen_id = ScreenId.SITUATION

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.layout_.addWidget(self.hint)
        self.tiles = TileGrid(columns=2, rows=2)
        self.tiles.chosen.connect(lambda procedure_id: self.visit.open_procedure(procedure_id))
        self.layout_.addWidget(self.tiles, 1)

    def refresh(self) -> None:
        self.title.setText(_(theme(self.place.theme).label))
        self.hint.setText(_("Que voulez-vous faire ? Touchez-le."))
        procedures = self.station.catalog.in_theme(self.place.theme)
        self.tiles.set_items(
            [TileItem(p.id, content(p.title), p.pictogram, content(p.summary)) for p in procedures]
        )

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text(), *(t.text_shown() for t in self.tiles.tiles)]
