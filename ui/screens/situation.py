"""The procedures of one life situation, as big tiles."""

from __future__ import annotations

from kiosk.content.themes import theme
from kiosk.i18n.translation import _, content
from kiosk.visit.places import ScreenId
from ui.screens.base import TileScreen
from ui.widgets.blocks import TileItem


class SituationScreen(TileScreen):
    screen_id = ScreenId.SITUATION

    def texts(self) -> tuple[str, str]:
        return _(theme(self.place.theme).label), _("Que voulez-vous faire ? Touchez-le.")

    def tile_items(self) -> list[TileItem]:
        procedures = self.station.offered_in_theme(self.place.theme)
        return [TileItem(p.id, content(p.title), p.pictogram, content(p.summary)) for p in procedures]

    def choose(self, key: str) -> None:
        self.visit.open_procedure(key)
