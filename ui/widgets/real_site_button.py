"""« Faire la démarche sur le vrai site »: opens the procedure's official site in the kiosk, beside the guide.

Shown on the introduction, on every step and on the recap of a procedure that has
an official site, until the site is open (then the site is there, beside the guide).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.i18n.translation import _
from ui.widgets.blocks import PictogramButton

if TYPE_CHECKING:
    from kiosk.visit.visit import Visit


class RealSiteButton(PictogramButton):
    def __init__(self, visit: Callable[[], Visit]) -> None:
        super().__init__("mdi6.web")
        self._visit = visit
        self.clicked.connect(lambda: self._visit().open_site())

    def refresh(self) -> None:
        visit = self._visit()
        procedure = visit.procedure()
        open_already = procedure is not None and visit.site_procedure_id == procedure.id
        self.setVisible(procedure is not None and bool(procedure.urls) and not open_already)
        self.set_text(
            _("Faire la démarche sur le vrai site"),
            _("Ouvrir le site officiel dans le kiosque, avec ce guide à côté."),
        )
