"""How the person moves: one state machine with a back stack.

The ``Navigator`` holds the current place (``kiosk.visit.places``) and the way back;
``resolve_next`` says where "Next" leads from any place. Screens never decide
where to go: they ask the visit, which asks this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.content.procedures import END, Procedure
from kiosk.content.walkthrough import target_of
from kiosk.visit.places import WELCOME, Place, ScreenId

if TYPE_CHECKING:
    from kiosk.content.loader import Catalog


def _place_of_target(origin: Place, procedure: Procedure, target: str) -> Place:
    if target == END:
        return origin.within(ScreenId.RECAP, procedure.id)
    return origin.within(ScreenId.STEP, procedure.id, procedure.step_index(target))


def resolve_next(place: Place, catalog: Catalog, answer_index: int | None = None) -> Place:
    """Where "Next" (or the answer ``answer_index`` of a question) leads from ``place``.

    Places that need another kind of choice (a theme, a procedure, a kind of help)
    raise ValueError, as does a question answered without an answer.
    """
    if place.screen is ScreenId.WELCOME:
        return Place(ScreenId.LANGUAGE)
    if place.screen is ScreenId.LANGUAGE:
        return Place(ScreenId.HOME)
    if place.screen is ScreenId.INTRO:
        return place.within(ScreenId.STEP, place.procedure_id, 0)
    if place.screen is ScreenId.STEP:
        procedure = catalog.procedures[place.procedure_id]
        step = procedure.steps[place.step_index]
        if step.question is None:
            return _place_of_target(place, procedure, target_of(procedure, step))
        if answer_index is None:
            raise ValueError(f"step {step.id!r} asks a question: answer it")
        answer = step.question.answers[answer_index]
        target = target_of(procedure, step, answer)
        if answer.detour:
            return Place(
                ScreenId.INTRO,
                procedure_id=answer.detour,
                return_procedure_id=procedure.id,
                return_step=target,
            )
        return _place_of_target(place, procedure, target)
    if place.screen is ScreenId.RECAP:
        if place.return_procedure_id:
            procedure = catalog.procedures[place.return_procedure_id]
            return _place_of_target(Place(ScreenId.HOME), procedure, place.return_step)
        return Place(ScreenId.HOME)
    raise ValueError(f"{place.screen} needs a choice, not Next")


class Navigator:
    """The current place and the stack of places to go back to."""

    def __init__(self, on_change: Callable[[Place], None]) -> None:
        self._on_change = on_change
        self.current = WELCOME
        self._history: list[Place] = []

    @property
    def history(self) -> tuple[Place, ...]:
        return tuple(self._history)

    @property
    def can_go_back(self) -> bool:
        return bool(self._history)

    @property
    def previous(self) -> Place | None:
        return self._history[-1] if self._history else None

    def go(self, place: Place) -> None:
        if place == self.current:
            return
        self._history.append(self.current)
        self._move(place)

    def back(self) -> bool:
        if not self._history:
            return False
        self._move(self._history.pop())
        return True

    def back_out_of(self, screens: frozenset[ScreenId]) -> None:
        """Return to the last place that is not one of ``screens`` (e.g. leaving help)."""
        while self._history and self.current.screen in screens:
            self._move(self._history.pop())

    def restore(self, places: list[Place]) -> None:
        """Put back a way through the screens kept from another visit; the last place is shown."""
        *self._history, current = places
        self._move(current)

    def _move(self, place: Place) -> None:
        self.current = place
        self._on_change(place)
