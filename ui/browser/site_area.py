"""Where the guide and the official site share the window: side by side when wide, one at a time when not.

From 1366 px wide the guide (the kiosk's screens) and the site stand side by side;
narrower, one shows at a time, with a large « Voir le site » / « Voir le guide »
switch above them. In right-to-left languages the guide and the kiosk's controls
mirror; the site never does. The site's panel, and QtWebEngine with it, is only
built when a person first asks for the site, and destroyed when their visit ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.visit.places import HELP_SCREENS, Place
from ui.widgets.blocks import PictogramButton

if TYPE_CHECKING:
    from kiosk.station import Station
    from ui.browser.panel import SitePanel

SIDE_BY_SIDE_MIN_PX = 1366
GUIDE_SHARE = 2  # side by side, the guide takes 2 parts of 5 and the site 3
SITE_SHARE = 3


class SiteArea(QWidget):
    """Holds the guide (the screens' stack) and, while the person uses it, the site's panel."""

    speak_requested = Signal(list)
    field_focused = Signal(QWidget, str)
    field_left = Signal()

    def __init__(self, guide: QWidget) -> None:
        super().__init__()
        self.guide = guide
        self.panel: SitePanel | None = None
        self.station: Station | None = None
        self.showing_site = True  # narrow: which of the two shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.switch = PictogramButton(role="primary")
        self.switch.clicked.connect(self.toggle)
        layout.addWidget(self.switch)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._row.addWidget(guide, GUIDE_SHARE)
        layout.addLayout(self._row, 1)
        self.switch.hide()

    @property
    def side_by_side(self) -> bool:
        return self.width() >= SIDE_BY_SIDE_MIN_PX

    @property
    def site_shown(self) -> bool:
        """True when the person sees the site (beside the guide, or instead of it)."""
        return self.panel is not None and not self.panel.isHidden()

    def open_site(self, station: Station) -> None:
        """Build the site's panel for the procedure the visit opened it for (QtWebEngine loads here)."""
        procedure = station.catalog.procedures[station.visit.site_procedure_id]
        if self.panel is not None and self.panel.procedure.id == procedure.id:
            return
        self.forget()
        from ui.browser.panel import SitePanel  # the first time only: about 100 ms of imports

        self.station = station
        self.panel = SitePanel(station, procedure, station.visit_files)
        self.panel.page_changed.connect(lambda url, title: station.visit.site_page(url, title))
        self.panel.speak_requested.connect(self.speak_requested)
        self.panel.help_requested.connect(lambda: self._guide_does(station.visit.open_help))
        self.panel.practice_requested.connect(lambda: self._guide_does(station.visit.open_practice))
        self.panel.close_requested.connect(lambda: station.visit.close_site())
        self.panel.field_focused.connect(self.field_focused)
        self.panel.field_left.connect(self.field_left)
        self._row.addWidget(self.panel, SITE_SHARE)
        self.showing_site = True
        self.follow(station.visit.place)

    def _guide_does(self, action: Callable[[], None]) -> None:
        """An action of the guide asked from the site's panel: show the guide, then act."""
        self.showing_site = False
        action()
        self._lay_out()

    def follow(self, place: Place) -> None:
        """Show the site beside the guide while the guide is on its procedure (or helping with it)."""
        self._lay_out(place)

    def toggle(self) -> None:
        self.showing_site = not self.showing_site
        self._lay_out()
        if self.showing_site and self.panel is not None:
            self.panel.show_site()

    def _lay_out(self, place: Place | None = None) -> None:
        panel = self.panel
        station = self.station
        if panel is None or station is None:
            self.switch.hide()
            self.guide.show()
            return
        place = place or station.visit.place
        relevant = place.procedure_id == panel.procedure.id or place.screen in HELP_SCREENS
        if not relevant:
            panel.hide()
            self.guide.show()
            self.switch.hide()
            return
        if self.side_by_side:
            panel.show()
            self.guide.show()
            self.switch.hide()
            return
        panel.setVisible(self.showing_site)
        self.guide.setVisible(not self.showing_site)
        self.switch.show()
        self.retranslate()

    def retranslate(self) -> None:
        if self.panel is None:
            return
        self.panel.retranslate()
        if self.showing_site:
            self.switch.set_pictogram("mdi6.book-open-page-variant-outline")
            self.switch.set_text(_("Voir le guide"), _("Montrer le guide de la démarche, étape par étape."))
        else:
            self.switch.set_pictogram("mdi6.web")
            self.switch.set_text(
                # The French name keeps its order inside Arabic or Persian (U+2068 FSI ... U+2069 PDI).
                _("Voir le site : {site}").format(site=f"\u2068{self.panel.procedure.organisation}\u2069"),
                _("Montrer le vrai site, là où vous en étiez."),
            )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._lay_out()

    def forget(self) -> None:
        """The visit ended: the site's pages and profile are destroyed, the guide takes the whole window."""
        panel = self.panel
        self.panel = None
        self.station = None
        if panel is not None:
            panel.forget()
            self._row.removeWidget(panel)
            panel.hide()
            panel.deleteLater()
        self._lay_out()
