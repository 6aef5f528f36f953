"""When something unexpected breaks: a calm screen, the person's data erased, back to the start.

Installed as ``sys.excepthook`` (PySide6 hands exceptions raised in slots to it).
The error goes to the log with its traceback, which names code, not people; the
person sees, in their language, that something went wrong, that their data has
been erased, and that a staff member can help. An error before the station is
open (while the kiosk starts) leaves nothing to erase and no kiosk to go back to:
the kiosk quits with an error, and its service starts it again.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from kiosk.i18n import translation
from kiosk.i18n.translation import _
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class CrashGuard:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.crashes = 0
        self._previous = sys.excepthook
        self._handling = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or self._handling:
            self._previous(kind, error, trace)
            return
        self._handling = True
        try:
            self.crashes += 1
            if not self.window.attached:
                log.critical("the kiosk could not start", exc_info=(kind, error, trace))
                QCoreApplication.exit(1)
                return
            log.error("unexpected error; the visit is erased", exc_info=(kind, error, trace))
            # The words come in the person's language, before the visit (and its language) is dropped.
            language = translation.active_language()
            texts = (
                _("Quelque chose ne s'est pas bien passé."),
                _("Vos données ont été effacées. Demandez à une personne de l'accueil."),
                _("D'accord"),
                _("Revenir au début."),
            )
            try:
                self.window.station.end_visit()
            except Exception:
                log.exception("erasing the visit after an error failed too")
            self.window.close_mediator_mode()  # even if erasing the visit failed before its listeners ran
            self.window.calm_panel.present(*texts)
            self.window.speaker.speak(list(texts[:2]), language)
        finally:
            self._handling = False
