"""The rights engine (OpenFisca-France, in a process of its own) called off the GUI thread.

``kiosk.rights.engine.RightsEngine`` blocks while the rules compute; a screen never
waits for it. ``RightsCalculator`` makes the engine's calls one after the other on a
thread of its own and reports on the GUI thread through Qt signals: ``finished`` with
the estimates of the last request, ``failed`` when the engine cannot answer. An answer
the person has moved on from (a newer request, the end of the visit) is never reported.

The engine starts when the questionnaire opens and warms while the person answers; it
is closed, and its memory released, when the visit ends (``calculator_for`` registers
that with the station). What is sent is a copy of the answers, owned by the request and
wiped once computed: the visit's own answers are never read from another thread.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from kiosk.rights.answers import Answers
from kiosk.rights.engine import RightsEngine, RightsUnavailable
from kiosk.rights.questions import QUESTIONS

if TYPE_CHECKING:
    from kiosk.rights.aids import Estimates
    from kiosk.station import Station

log = logging.getLogger(__name__)


class Engine(Protocol):
    """What the calculator needs of ``kiosk.rights.engine.RightsEngine``."""

    def start(self) -> None: ...
    def warm(self) -> None: ...
    def estimate(self, answers: Answers, month: str, timeout_s: float = ...) -> Estimates: ...
    def close(self) -> None: ...


def copy_of(answers: Answers) -> Answers:
    """The answers given so far, in an object of their own (wiped by whoever holds it)."""
    copy = Answers()
    for question in QUESTIONS:
        value = answers.get(question.id)
        if value is not None:
            copy.set(question.id, value)
    return copy


class RightsCalculator(QObject):
    finished = Signal(object)  # the Estimates of the last request
    failed = Signal()  # the engine could not answer the last request
    _answered = Signal(int, object)  # from the engine's thread: the request and its Estimates, or None

    def __init__(
        self, engine_factory: Callable[[], Engine] = RightsEngine, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one worker process: its calls go one after the other
        self._request = 0
        self._pending = 0  # the request whose answer is awaited, 0 when none is
        self._answered.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """A calculation the person waits for is under way."""
        return self._pending != 0

    def _engine_now(self) -> Engine:
        if self._engine is None:
            self._engine = self._engine_factory()
            self._on_engine(self._engine, self._engine.start)
        return self._engine

    def _on_engine(self, engine: Engine, call: Callable[[], None]) -> None:
        """Run ``call`` on the engine's thread, unless ``engine`` was closed before its turn came."""

        def run() -> None:
            try:
                if engine is self._engine:
                    call()
            finally:
                if engine is not self._engine:
                    engine.close()  # closed while this ran: the worker it may have started goes too

        self._pool.start(run)

    def prepare(self) -> None:
        """Start the engine and let it warm up while the person answers (nothing of theirs is computed)."""
        if self._engine is None:
            engine = self._engine_now()
            self._on_engine(engine, engine.warm)

    def calculate(self, answers: Answers, month: str) -> None:
        """Estimate the aids for ``answers`` in ``month`` ("YYYY-MM"); ``finished`` or ``failed`` follows."""
        self._request += 1
        self._pending = number = self._request
        engine = self._engine_now()
        request = copy_of(answers)
        self._pool.start(lambda: self._estimate(engine, number, request, month))

    def cancel(self) -> None:
        """The person moved on: the answer under way is dropped when it comes."""
        self._request += 1
        self._pending = 0

    def close(self) -> None:
        """The visit ended: its answer is dropped and the worker killed now, its memory released (a
        calculation under way stops; the next person's first use starts a new worker)."""
        self.cancel()
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()  # never waits for the call under way: it gives up

    def wait(self, msecs: int = -1) -> bool:
        """Block until every call made so far is done (tests, and the kiosk closing)."""
        return self._pool.waitForDone(msecs)

    def _estimate(self, engine: Engine, number: int, answers: Answers, month: str) -> None:
        """On the engine's thread."""
        estimates: Estimates | None = None
        try:
            # Not closed since it was asked, and still awaited: a request the person left is not computed.
            if engine is self._engine and number == self._pending:
                estimates = engine.estimate(answers, month)
        except RightsUnavailable as error:
            log.warning("the rights engine could not answer: %s", error)
        finally:
            answers.wipe()
            if engine is not self._engine:
                engine.close()
            self._answered.emit(number, estimates)  # a bug too: the person is told, not left waiting

    def _deliver(self, number: int, estimates: Estimates | None) -> None:
        """On the GUI thread."""
        if number != self._pending:
            return
        self._pending = 0
        if estimates is None:
            self.failed.emit()
        else:
            self.finished.emit(estimates)


_CALCULATORS: weakref.WeakKeyDictionary[Station, RightsCalculator] = weakref.WeakKeyDictionary()


def calculator_for(station: Station, engine_factory: Callable[[], Engine] = RightsEngine) -> RightsCalculator:
    """The station's calculator, made on first use (``engine_factory`` then makes its engine); the
    station closes the engine when a visit ends."""
    calculator = _CALCULATORS.get(station)
    if calculator is None:
        calculator = _CALCULATORS[station] = RightsCalculator(engine_factory)
        station.add_end_listener(calculator.close)
        application = QCoreApplication.instance()
        if application is not None and not _CLOSED_ON_QUIT:  # quitting never waits for a calculation
            application.aboutToQuit.connect(close_all)
            _CLOSED_ON_QUIT.append(application)
    return calculator


_CLOSED_ON_QUIT: list[QCoreApplication] = []


def close_all() -> None:
    """Close every engine: the kiosk is quitting."""
    for calculator in list(_CALCULATORS.values()):
        calculator.close()
