"""The engine the rights screens call, made by the tests: what it answers is written here, so what
the screens show can be checked exactly, and a calculation can be held or made to fail. The real
engine (OpenFisca-France in its worker) is tried by tests/kiosk/rights/test_engine.py and by one
test of tests/ui/test_rights_screens.py."""

from __future__ import annotations

import threading

from kiosk.rights.aids import Estimate, Estimates, aid
from kiosk.rights.answers import Answers
from kiosk.rights.engine import RightsUnavailable
from kiosk.rights.questions import QUESTIONS

RULES = "openfisca-france 176.1.8"
# What the made-up engine answers unless a test says otherwise: a working parent who rents.
FOUR_AIDS = (
    Estimate(aid("ppa"), 582),
    Estimate(aid("aide_logement"), 448),
    Estimate(aid("css_participation"), 44),
    Estimate(aid("af"), 153),
)


class MadeUpEngine:
    """The engine the screens call, answering what the test set; it can hold a calculation or fail."""

    def __init__(self) -> None:
        self.items: tuple[Estimate, ...] = FOUR_AIDS
        self.failing = False
        self.hold = threading.Event()
        self.hold.set()
        self.started = self.warmed = self.closed = 0
        self.asked: list[dict[str, str | int | None]] = []  # what each calculation was given
        self.given: list[Answers] = []

    def __call__(self) -> MadeUpEngine:  # the calculator's factory: a new engine is this one again
        return self

    def start(self) -> None:
        self.started += 1

    def warm(self) -> None:
        self.warmed += 1

    def estimate(self, answers: Answers, month: str, timeout_s: float = 30.0) -> Estimates:
        self.given.append(answers)
        self.asked.append({question.id: answers.get(question.id) for question in QUESTIONS})
        self.hold.wait(timeout_s)
        if self.failing:
            raise RightsUnavailable("the test made it fail")
        return Estimates(self.items, f"{RULES}, {month}")

    def close(self) -> None:
        self.closed += 1
