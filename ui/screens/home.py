"""Home: the life situations (themes) for which the kiosk has procedures, as big pictogram tiles."""

from __future__ import annotations

from kiosk.i18n import _
from kiosk.navigation import ScreenId
from kiosk.station import Station
from kiosk.themes import THEMES
from ui.screens.base import Screen
from ui.widgets import TileGrid, TileItem, text_label


class HomeScreen(Screen):
    screen_id = ScreenId.HOME

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.layout_.addWidget(self.hint)
        self.tiles = TileGrid(columns=3, rows=2)
        self.tiles.chosen.connect(lambda theme_id: self.visit.open_theme(theme_id))
        self.layout_.addWidget(self.tiles, 1)

    def refresh(self) -> None:
        self.title.setText(_("Quelle est votre situation ?"))
        self.hint.setText(_("Touchez l'image qui correspond à votre besoin."))
        available = self.station.catalog.themes_with_procedures()
        self.tiles.set_items([TileItem(t.id, _(t.label), t.pictogram) for t in THEMES if t.id in available])

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text(), *(t.text_shown() for t in self.tiles.tiles)]
