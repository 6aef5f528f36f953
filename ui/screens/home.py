"""Home: the life situations (themes) for which the kiosk has procedures, as big pictogram tiles."""

from __future__ import annotations

from kiosk.content.themes import THEMES
from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from ui.screens.base import MARGIN, TileScreen, action_row
from ui.widgets.blocks import PictogramButton, TileItem

RIGHTS_TILE = "rights"  # « Quelles aides pour moi ? », first among the themes (no theme has this id)


class HomeScreen(TileScreen):
    screen_id = ScreenId.HOME
    columns = 4  # 8 tiles a page: every theme of the bundled pack at once, no page 2 to find
    larger_text_columns = 3  # « Logement » in large letters needs a third of the width

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        # Closer than other screens: at 1024x768 two rows of four tiles keep room for three lines each.
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(MARGIN, 16, MARGIN, 16)
        self.resume_button = PictogramButton("mdi6.numeric")
        self.resume_button.clicked.connect(lambda: self.visit.open_resume())
        self.layout_.addLayout(action_row(leading=self.resume_button))

    def refresh(self) -> None:
        super().refresh()
        self.resume_button.set_text(
            _("J'ai un code pour reprendre"), _("Reprendre là où vous étiez à une autre visite.")
        )
        self.resume_button.setVisible(self.station.keeper.keeps_records)

    def texts(self) -> tuple[str, str]:
        return _("Quelle est votre situation ?"), _("Touchez l'image qui correspond à votre besoin.")

    def tile_items(self) -> list[TileItem]:
        available = self.station.offered_themes()
        description = _("Voir les démarches de cette situation.")
        rights = TileItem(
            RIGHTS_TILE,
            _("Quelles aides pour moi ?"),
            "mdi6.hand-coin-outline",
            _("Quelques questions, puis les aides que vous pourriez demander."),
        )
        themes = [TileItem(t.id, _(t.label), t.pictogram, description) for t in THEMES if t.id in available]
        return [rights, *themes]

    def choose(self, key: str) -> None:
        if key == RIGHTS_TILE:
            self.visit.open_rights()
        else:
            self.visit.open_theme(key)
