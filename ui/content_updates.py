"""The kiosk's content updates in the window: checks off the GUI thread, new guides taken between visits.

A check (network, USB stick, unpacking, ``kiosk content check``) runs on a thread of
its own, one at a time, so that a server that hangs or answers garbage never delays
the kiosk's start or a person's touch. The online sources are checked a little after
the start and then each hour for those not checked for a day.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.loader import Catalog
from kiosk.station import Station
from kiosk.updates.service import ContentUpdates
from kiosk.updates.shelf import Outcome

log = logging.getLogger(__name__)
FIRST_CHECK_MS = 20_000  # after the start: the first person's screens come first
CHECK_EVERY_MS = 3_600_000  # each hour, the sources not checked for a day


class UpdateWatcher(QObject):
    finished = Signal(object)  # the outcomes, [(source name, Outcome)], on the GUI thread
    _done = Signal(object, object)  # from the worker thread: outcomes, and the new content or None

    def __init__(self, station: Station, updates: ContentUpdates, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.updates = updates
        self.busy = False
        self._done.connect(self._take)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_due)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        for problem in self.updates.problems:  # said once, by the running kiosk
            log.error("content updates: %s", problem)
        if not any(source.url for source in self.updates.sources):
            return  # nothing is ever contacted without an address
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_due)
        self._timer.start(CHECK_EVERY_MS)

    def check_due(self) -> None:
        due = self.updates.due_online()
        if due:
            self._run(lambda: self.updates.check_online(due))

    def check_online(self) -> bool:
        return self._run(self.updates.check_online)

    def check_sticks(self) -> bool:
        return self._run(self.updates.check_sticks)

    def roll_back(self, name: str) -> bool:
        return self._run(lambda: [(name, Outcome("installed", self._rolled_back(name)))])

    def _rolled_back(self, name: str) -> str:
        version = self.updates.roll_back(name)
        return f"Retour à la version précédente : {version or 'les guides livrés avec le kiosque'}."

    def _run(self, check: Callable[[], list[tuple[str, Outcome]]]) -> bool:
        """Run ``check`` on a thread; False when one is already running (the mediator is told)."""
        if self.busy:
            return False
        self.busy = True

        def work() -> None:
            content: tuple[Catalog, tuple[object, ...]] | None = None
            try:
                outcomes = check()
                if any(outcome.kind == "installed" for _name, outcome in outcomes):
                    content = self.updates.load()
            except Exception as error:  # a bug must not leave the watcher busy forever
                log.exception("content check failed")
                outcomes = [("", Outcome("refused", f"La vérification a échoué ({type(error).__name__})."))]
            self._done.emit(outcomes, content)

        self._thread = threading.Thread(target=work, name="content-check", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout_s: float) -> bool:
        """Wait for the running check (tests, and the window closing); True when none is left."""
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    def _take(self, outcomes: list[tuple[str, Outcome]], content: object) -> None:
        self.busy = False
        if isinstance(content, tuple):
            catalog, packs = content
            self.station.take_content(catalog, packs)
        self.finished.emit(outcomes)
