"""Estimate a person's aids with OpenFisca-France, run in a worker process of its own; survive its failures.

One ``RightsEngine`` owns one worker (``python -m kiosk.rights.engine_worker``). ``start()``
spawns it without waiting: loading the rules takes seconds, so it starts when the questionnaire
opens, never with the kiosk. ``warm()`` then computes a household of assumptions alone for this
month, which loads the rules' parameters for the months a real estimate reads: the person's own
estimate, once they answered, takes about a second instead of several. ``estimate()`` blocks, so
it belongs on a background thread, never on the GUI thread (``ui/rights_engine.py``). A worker that
dies is restarted once within the same call; one that takes longer than the call allows is killed.
``close()`` kills the worker at the end of the visit, which gives back all its memory (about 200 MB).

The answers reach the worker through its pipe only: nothing here logs, stores or repeats them, and
the worker's errors name variables, never values.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.errors import EnvironmentFault
from kiosk.i18n.translation import N_

if TYPE_CHECKING:
    from kiosk.rights.aids import Estimates
    from kiosk.rights.answers import Answers

log = logging.getLogger(__name__)

ATTEMPTS = 2  # a worker that dies twice on one household is not restarted for it a third time
WARM_TIMEOUT_S = 120.0  # loading the rules, then a first simulation, on a slow kiosk PC


class RightsUnavailable(EnvironmentFault):
    """The aids cannot be estimated now: the worker does not start, died twice, took too long, or
    refused the household. The kiosk says ``PLAIN`` and goes on; the reason is in the message."""

    PLAIN = N_("Le calcul des aides ne marche pas en ce moment. Un conseiller peut vous aider.")


class _Worker:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.rules = ""  # set by the worker's greeting: it is ready once this is known


class RightsEngine:
    def __init__(self, variables: Sequence[str] | None = None) -> None:
        """``variables``: what ``estimate()`` asks the rules for; each aid's by default (``VARIABLES``)."""
        if variables is None:
            from kiosk.rights.aids import VARIABLES

            variables = VARIABLES
        self.variables = tuple(variables)
        self.restarts = 0
        self._requests = threading.Lock()  # one household at a time: the worker computes one
        self._state = threading.Lock()  # the worker's handle: held briefly, so close() never waits
        self._worker: _Worker | None = None
        self._closes = 0  # how many times close() was called: a call under way then gives up
        self._next_id = 0

    # The worker's life

    def start(self) -> None:
        """Spawn the worker if none runs, without waiting for it to load the rules. Never raises: a
        worker that cannot start is reported by the next ``estimate()``."""
        try:
            self._running_worker()
        except RightsUnavailable as error:
            log.warning("the rights engine does not start: %s", error)

    def close(self) -> None:
        """Kill the worker (its memory goes with it), stopping a call under way; ``start()`` makes another."""
        with self._state:
            self._closes += 1
            worker, self._worker = self._worker, None
        if worker is not None:
            _kill(worker)

    @property
    def pid(self) -> int | None:
        worker = self._worker
        return worker.process.pid if worker is not None and worker.process.poll() is None else None

    # What it computes

    def warm(self, month: str | None = None) -> None:
        """Start the worker if needed, and compute a household of assumptions alone (no answer of
        anyone's) for ``month`` ("YYYY-MM", this month by default), so the rules a real estimate
        needs are loaded. Blocks; never raises: this only saves time later."""
        from kiosk.rights.answers import Answers
        from kiosk.rights.situation import situation

        month = month or datetime.now().astimezone().strftime("%Y-%m")
        nobody = Answers()
        try:
            self.calculate(situation(nobody, month), month, self.variables, timeout_s=WARM_TIMEOUT_S)
        except RightsUnavailable as error:
            log.warning("the rights engine could not warm up: %s", error)

    def estimate(self, answers: Answers, month: str, timeout_s: float = 30.0) -> Estimates:
        """The aids ``answers`` probably give in ``month`` ("YYYY-MM"), with their monthly amounts.

        Blocks until the worker answered (starting it, or a new one if it died, within the same
        ``timeout_s``). Raises ``RightsUnavailable`` when no answer comes in time or at all.
        """
        from kiosk.rights.aids import estimates_from
        from kiosk.rights.situation import situation

        values, rules = self.calculate(situation(answers, month), month, self.variables, timeout_s)
        return estimates_from(values, f"{rules}, {month}")

    def calculate(
        self, situation: dict[str, Any], month: str, variables: Sequence[str], timeout_s: float = 30.0
    ) -> tuple[dict[str, float], str]:
        """Each variable's monthly figure for the household of the OpenFisca ``situation`` in ``month``,
        and the rules that computed them (« openfisca-france 176.1.8 »). A true-or-false variable
        comes as 1.0 or 0.0. Blocks; raises ``RightsUnavailable`` as ``estimate()`` does."""
        deadline = time.monotonic() + timeout_s
        with self._requests:
            closes = self._closes
            for attempt in range(1, ATTEMPTS + 1):
                if self._closes != closes:  # closed between two attempts: no new worker for this call
                    raise RightsUnavailable("the rights engine was closed")
                worker = self._running_worker()
                self._next_id += 1
                request = {
                    "id": self._next_id,
                    "situation": situation,
                    "month": month,
                    "variables": list(variables),
                }
                try:
                    if not worker.rules:
                        greeting = _read_answer(worker, deadline)
                        if not greeting.get("ready"):
                            raise ValueError("the worker did not say it was ready")
                        worker.rules = str(greeting.get("rules") or "")
                    if worker.process.stdin is None:
                        raise RuntimeError("the rights worker was started without a pipe")
                    worker.process.stdin.write(json.dumps(request) + "\n")
                    worker.process.stdin.flush()
                    answer = _read_answer(worker, deadline)
                    if answer.get("id") != request["id"]:
                        raise ValueError("the worker answered another request")
                except TimeoutError:
                    self._forget(worker)
                    raise RightsUnavailable(f"the rights worker gave no answer in {timeout_s:g} s") from None
                except (OSError, ValueError) as error:
                    self._forget(worker)
                    if self._closes != closes:
                        raise RightsUnavailable("the rights engine was closed") from None
                    if attempt == ATTEMPTS:
                        raise RightsUnavailable(f"the rights worker failed twice: {error}") from None
                    if time.monotonic() >= deadline:
                        raise RightsUnavailable(f"the rights worker failed, no time left: {error}") from None
                    log.warning("the rights worker failed (%s); restarting it", type(error).__name__)
                    self.restarts += 1
                    continue
                if not answer.get("ok"):
                    raise RightsUnavailable(f"the rules refused the household: {answer.get('error')}")
                raw = answer.get("values")
                if not isinstance(raw, dict):
                    raise RightsUnavailable("the rights worker sent no values")
                return {str(name): float(value) for name, value in raw.items()}, worker.rules
        raise AssertionError("unreachable: the last attempt returns or raises")

    # Inside

    def _running_worker(self) -> _Worker:
        with self._state:
            worker = self._worker
            if worker is not None and worker.process.poll() is None:
                return worker
            if worker is not None:  # it died on its own: close its pipes before replacing it
                _kill(worker)
                self.restarts += 1
            env = {**os.environ, "PYTHONUNBUFFERED": "1"}
            try:
                process = subprocess.Popen(
                    [sys.executable, "-m", "kiosk.rights.engine_worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    # What the rules print is of no use on a kiosk, and a traceback could quote a value.
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                    env=env,
                    cwd=str(Path(__file__).resolve().parent.parent.parent),
                )
            except OSError as error:
                self._worker = None
                raise RightsUnavailable(f"the rights worker cannot be started: {error}") from None
            self._worker = _Worker(process)
            return self._worker

    def _forget(self, worker: _Worker) -> None:
        """Kill ``worker``, and forget it if it is still the engine's."""
        with self._state:
            if self._worker is worker:
                self._worker = None
        _kill(worker)


def _read_answer(worker: _Worker, deadline: float) -> dict[str, Any]:
    stdout = worker.process.stdout
    if stdout is None:
        raise RuntimeError("the rights worker was started without a pipe")
    with selectors.DefaultSelector() as selector:
        selector.register(stdout, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            if selector.select(left):
                line = stdout.readline()
                if not line:
                    raise OSError("the rights worker exited")
                answer = json.loads(line)
                if not isinstance(answer, dict):
                    raise ValueError("the rights worker's answer is not an object")
                return answer


def _kill(worker: _Worker) -> None:
    process = worker.process
    if process.poll() is None:
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            # A request still buffered for a worker that died cannot be flushed (broken pipe):
            # nobody will read it, and the worker is replaced anyway.
            with contextlib.suppress(OSError):
                stream.close()
