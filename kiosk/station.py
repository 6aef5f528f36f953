"""The terminal itself: its settings, its content, its help desk and the current visit.

The station outlives visits. Ending a visit (the person left, or stopped touching
the screen) drops everything of theirs and starts a clean one on the welcome screen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kiosk import i18n
from kiosk.config import Config
from kiosk.content_loader import Catalog
from kiosk.help_desk import HelpDesk
from kiosk.navigation import WELCOME, Place
from kiosk.record_keeper import RecordKeeper
from kiosk.secret import Secret
from kiosk.visit import Visit

log = logging.getLogger(__name__)


class Station:
    def __init__(
        self,
        config: Config,
        catalog: Catalog,
        clock: Callable[[], float] = time.monotonic,
        keeper: RecordKeeper | None = None,
    ) -> None:
        self.config = config
        self.catalog = catalog
        self.clock = clock
        self.keeper = keeper or RecordKeeper(None, catalog)
        self.help_desk = HelpDesk()
        self.languages = i18n.offered_languages()
        offered = {language.code for language in self.languages}
        self.default_language = (
            config.default_language if config.default_language in offered else i18n.SOURCE_LANGUAGE
        )
        self._listeners: list[Callable[[Place], None]] = []
        self._end_listeners: list[Callable[[], None]] = []
        self.visit = self._new_visit()

    def add_listener(self, listener: Callable[[Place], None]) -> None:
        """Call ``listener`` with the new place every time the person moves."""
        self._listeners.append(listener)

    def add_end_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when a visit ends, to drop what else was kept of the person."""
        self._end_listeners.append(listener)

    def end_visit(self) -> None:
        """Forget the current person entirely and go back to the welcome screen."""
        if self.visit.started:
            self.keeper.end(self.visit.session, kept=self.visit.kept_code is not None)
        self.visit.end()
        for listener in self._end_listeners:
            listener()
        self.visit = self._new_visit()
        log.info("visit ended; session data dropped")
        self._notify(WELCOME)

    def keep_progress(self) -> bool:
        """Keep the person's progress for another day and show them their code; False if it cannot be kept."""
        visit = self.visit
        code = self.keeper.keep_for_later(visit.session, visit.navigator.history, visit.place)
        if code is None:
            return False
        visit.show_kept(code)
        return True

    def resume(self, code: Secret) -> bool:
        """Carry on from the progress kept under ``code``; the code is wiped either way."""
        state = self.keeper.resume(code)
        code.wipe()
        if state is None:
            return False
        self.visit.resume(state)
        return True

    def _new_visit(self) -> Visit:
        i18n.set_language(self.default_language)
        return Visit(
            self.catalog, self.help_desk, self.default_language, self.clock, self._notify, self.keeper.clock
        )

    def _notify(self, place: Place) -> None:
        log.info("screen %s", place.screen.value)
        if self.visit.started:
            self.keeper.save(self.visit.session)
        for listener in self._listeners:
            listener(place)
