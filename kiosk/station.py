"""The terminal itself: its settings, its content, its help desk and the current visit.

The station outlives visits. Ending a visit (the person left, or stopped touching
the screen) drops everything of theirs and starts a clean one on the welcome screen.
New content (an update received) is taken between two visits: a person keeps, to the
end of their visit, the guides they started with.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from kiosk.browsing.visit_files import VisitFiles
from kiosk.config import (
    AUTO_READ_SETTING,
    HIDDEN_LANGUAGES_SETTING,
    HIDDEN_PROCEDURES_SETTING,
    IDLE_TIMEOUT_SETTING,
    Config,
)
from kiosk.content.loader import Catalog
from kiosk.content.procedures import Procedure
from kiosk.errors import EnvironmentFault
from kiosk.i18n import translation
from kiosk.secret import Secret
from kiosk.store.record_keeper import RecordKeeper
from kiosk.visit.help_desk import HelpDesk
from kiosk.visit.places import WELCOME, Place
from kiosk.visit.recap import Recap, build_recap
from kiosk.visit.visit import Visit

log = logging.getLogger(__name__)


class Station:
    def __init__(
        self,
        config: Config,
        catalog: Catalog,
        clock: Callable[[], float] = time.monotonic,
        keeper: RecordKeeper | None = None,
        missing: Sequence[str] = (),
        pack_dirs: tuple[Path, ...] | None = None,
    ) -> None:
        self.config = config
        self.catalog = catalog
        # The packs ``catalog`` was loaded from (their translations come with them).
        self.pack_dirs = config.pack_dirs if pack_dirs is None else pack_dirs
        self._waiting_content: tuple[Catalog, tuple[Path, ...]] | None = None
        # What the installed kiosk lacks (the catalog's, and ``missing``: what the layers above found,
        # a voice lexicon), each in one line, for mediator mode: the kiosk runs, but not whole.
        self.missing = [str(problem) for problem in catalog.missing] + list(missing)
        self.clock = clock
        self.keeper = keeper or RecordKeeper(None, catalog)
        self.auto_read_default = True
        self.translated_languages = translation.offered_languages()  # every language with complete catalogs
        self.languages = self.translated_languages  # those the structure offers (a setting)
        self.hidden_procedures: frozenset[str] = frozenset()
        self.default_language = translation.SOURCE_LANGUAGE
        self.apply_settings()
        self.help_desk = HelpDesk()
        VisitFiles.wipe_leftovers(self.visit_files_folder)  # a visit killed mid-way left its downloads
        self.visit_files = VisitFiles(self.visit_files_folder)
        self._listeners: list[Callable[[Place], None]] = []
        self._end_listeners: list[Callable[[], None]] = []
        self._site_listeners: list[Callable[[], None]] = []
        self._content_listeners: list[Callable[[], None]] = []
        translation.use_pack_translations(self.pack_dirs)
        self.visit = self._new_visit()

    def apply_settings(self) -> None:
        """Take the settings a mediator changed (kept in the store) over the embedded defaults."""
        timeout = self.keeper.setting(IDLE_TIMEOUT_SETTING)
        if timeout:
            self.config = replace(self.config, idle_timeout_s=int(timeout))
        self.auto_read_default = bool(self.keeper.setting(AUTO_READ_SETTING, True))
        hidden = set(self.keeper.setting(HIDDEN_LANGUAGES_SETTING, [])) - {translation.SOURCE_LANGUAGE}
        self.languages = tuple(lang for lang in self.translated_languages if lang.code not in hidden)
        self.hidden_procedures = frozenset(self.keeper.setting(HIDDEN_PROCEDURES_SETTING, []))
        offered = {language.code for language in self.languages}
        wanted = self.config.default_language
        self.default_language = wanted if wanted in offered else translation.SOURCE_LANGUAGE

    def offered_themes(self) -> set[str]:
        """The themes that have at least one procedure the structure offers."""
        return {p.theme for p in self.catalog.procedures.values() if p.id not in self.hidden_procedures}

    def offered_in_theme(self, theme_id: str) -> list[Procedure]:
        return [p for p in self.catalog.in_theme(theme_id) if p.id not in self.hidden_procedures]

    def add_listener(self, listener: Callable[[Place], None]) -> None:
        """Call ``listener`` with the new place every time the person moves."""
        self._listeners.append(listener)

    def add_end_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when a visit ends, to drop what else was kept of the person."""
        self._end_listeners.append(listener)

    def add_site_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when the person opens or closes the official site beside the guide."""
        self._site_listeners.append(listener)

    def add_content_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when new content is in use (the home screen's guides, mediator mode's list)."""
        self._content_listeners.append(listener)

    def take_content(self, catalog: Catalog, pack_dirs: tuple[Path, ...]) -> bool:
        """Use new content: now if nobody is in a visit, else when the visit ends. True when taken now."""
        self._waiting_content = (catalog, pack_dirs)
        if self.visit.started:
            log.info("new content waits for the end of the visit in progress")
            return False
        self._use_waiting_content()
        self.visit = self._new_visit()
        return True

    @property
    def content_waiting(self) -> bool:
        return self._waiting_content is not None

    def _use_waiting_content(self) -> None:
        if self._waiting_content is None:
            return
        self.catalog, self.pack_dirs = self._waiting_content
        self._waiting_content = None
        self.keeper.catalog = self.catalog
        translation.use_pack_translations(self.pack_dirs)
        log.info("new content in use: %d guides", len(self.catalog.procedures))
        for listener in self._content_listeners:
            listener()

    @property
    def recap_folder(self) -> Path:
        """Where recaps are written when there is no printer; emptied when the visit ends."""
        return self.config.data_dir / "recaps"

    @property
    def visit_files_folder(self) -> Path:
        """Where each visit's downloads and scans go, in a folder of its own deleted when it ends."""
        return self.config.data_dir / "visit-files"

    def end_visit(self) -> None:
        """Forget the current person entirely and go back to the welcome screen."""
        if self.visit.started:
            self.keeper.end(self.visit.session, kept=self.visit.kept_code is not None)
        self.visit.end()
        shutil.rmtree(self.recap_folder, ignore_errors=True)
        try:
            self.visit_files.wipe()
        except EnvironmentFault as error:
            log.error("%s", error)  # says what failed, never which files (their names may say whose)
        for listener in self._end_listeners:
            listener()
        self._use_waiting_content()
        self.visit = self._new_visit()
        # Not in the log file (INFO and up): its lines carry the time to the millisecond, and when a visit
        # ended, beside an export or a camera, points at one person. docs/STATISTICS.md says why.
        log.debug("visit ended; session data dropped")
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

    def record_practice(self, procedure_id: str, mistake_kinds: list[str]) -> None:
        """A practice run ended: note it (kinds of mistakes only) and save the session."""
        self.visit.session.record_practice(procedure_id, mistake_kinds)
        self.keeper.save(self.visit.session)

    def recap(self) -> Recap | None:
        """The take-home recap of the procedure on screen (or the last one the person was in)."""
        procedure = self.visit.last_procedure()
        if procedure is None:
            return None
        return build_recap(procedure, self.visit.session, self.keeper.structure_settings())

    def _new_visit(self) -> Visit:
        translation.set_language(self.default_language)
        visit = Visit(
            self.catalog,
            self.help_desk,
            self.default_language,
            self.clock,
            self._notify,
            self.keeper.clock,
            on_site=self._notify_site,
        )
        visit.session.auto_read = self.auto_read_default
        return visit

    def _notify_site(self) -> None:
        for listener in self._site_listeners:
            listener()

    def _notify(self, place: Place) -> None:
        log.debug("screen %s", place.screen.value)  # a person's moves, timed: not in the log file either
        if self.visit.started:
            self.keeper.save(self.visit.session)
        for listener in self._listeners:
            listener(place)
