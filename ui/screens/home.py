"""Home: the life situations (themes) for which the kiosk has procedures, as big pictogram tiles."""

from __future__ import annotations

from kiosk.i18n import _
from kiosk.navigation import ScreenId
from kiosk.themes import THEMES
from ui.screens.base import TileScreen
from ui.widgets import TileItem


class HomeScreen(TileScreen):
    screen_id = ScreenId.HOME
    columns = 3

    def texts(self) -> tuple[str, str]:
        return _("Quelle est votre situation ?"), _("Touchez l'image qui correspond à votre besoin.")

    def tile_items(self) -> list[TileItem]:
        available = self.station.catalog.themes_with_procedures()
        description = _("Voir les démarches de cette situation.")
        return [TileItem(t.id, _(t.label), t.pictogram, description) for t in THEMES if t.id in available]

    def choose(self, key: str) -> None:
        self.visit.open_theme(key)
