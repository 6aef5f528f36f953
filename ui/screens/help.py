"""Asking for help: four big choices; the request keeps where the person was."""

from __future__ import annotations

from kiosk.i18n.translation import _
from kiosk.visit.help_desk import HELP_KIND_LABELS, HELP_KIND_PICTOGRAMS, HelpKind
from kiosk.visit.places import ScreenId
from ui.screens.base import TileScreen
from ui.widgets.blocks import TileItem


class HelpScreen(TileScreen):
    screen_id = ScreenId.HELP

    def texts(self) -> tuple[str, str]:
        return (
            _("Que se passe-t-il ?"),
            _("Touchez une image. Une personne de l'accueil va venir. Vous ne perdez rien."),
        )

    def tile_items(self) -> list[TileItem]:
        description = _("Appeler une personne de l'accueil.")
        return [
            TileItem(k.value, _(HELP_KIND_LABELS[k]), HELP_KIND_PICTOGRAMS[k], description) for k in HelpKind
        ]

    def choose(self, key: str) -> None:
        self.visit.ask_for_help(HelpKind(key))
