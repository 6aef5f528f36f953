"""What a mediator sees of the person's session, and what they record about the help given.

The timeline is built from the visit as it is (the way through the steps, the
time on each, the help asked), in the content's source language: mediators read
French whatever the person's language. Nothing here is shown to the next person:
it all goes with the visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.practice.explanations import for_mediator
from kiosk.visit.help_desk import HELP_KIND_LABELS, HelpRequest, HelpStatus
from kiosk.visit.places import ScreenId

if TYPE_CHECKING:
    from kiosk.visit.visit import Visit


class Autonomy(StrEnum):
    """How the procedure was done: the levels mediators already report."""

    ALONE = "alone"
    PARTLY_HELPED = "partly_helped"
    DONE_BY_MEDIATOR = "done_by_mediator"


AUTONOMY_LABELS: dict[Autonomy, str] = {
    Autonomy.ALONE: "La personne l'a fait seule",
    Autonomy.PARTLY_HELPED: "La personne a été aidée en partie",
    Autonomy.DONE_BY_MEDIATOR: "Je l'ai fait pour elle",
}


@dataclass(frozen=True)
class TimelineEntry:
    what: str  # "Prime d'activité — Créer votre compte", "Aide demandée : Je suis bloqué"
    seconds: int
    is_help: bool = False
    open_help: bool = False


def timeline(visit: Visit, now: float) -> list[TimelineEntry]:
    """The steps in the order the person went through them, then each help request."""
    session = visit.session
    entries: list[TimelineEntry] = []
    seen: set[tuple[str, int]] = set()
    for place in (*visit.navigator.history, visit.place):
        if place.screen is not ScreenId.STEP or (place.procedure_id, place.step_index) in seen:
            continue
        seen.add((place.procedure_id, place.step_index))
        procedure = visit.catalog.procedures[place.procedure_id]
        step = procedure.steps[place.step_index]
        seconds = session.seconds_per_step.get(f"{procedure.id}/{step.id}", 0.0)
        if place == visit.place_outside_help():
            seconds = session.seconds_on_current_step(now)
        entries.append(TimelineEntry(f"{procedure.title} — {step.title}", int(seconds)))
    run = visit.practice_run
    if run is not None and visit.place_outside_help().screen is ScreenId.PRACTICE and not run.finished:
        entries.append(TimelineEntry(f"Exercice : {run.site.name} — page « {run.page.heading} »", 0))
    for request in session.help_requests:
        entries.append(
            TimelineEntry(
                f"Ticket {request.ticket} : {HELP_KIND_LABELS[request.kind]}"
                f"{_on_practice(visit, request)}{_on_site(request)}",
                request.context.seconds_on_step,
                is_help=True,
                open_help=request.status is HelpStatus.OPEN,
            )
        )
    return entries


def _on_practice(visit: Visit, request: HelpRequest) -> str:
    """Where on the practice site the person asked for help, and what went wrong there."""
    context = request.context
    site = visit.catalog.practice.get(context.procedure_id)
    if not context.practice_page or site is None:
        return ""
    where = f", pendant l'exercice, page « {site.page(context.practice_page).heading} »"
    if not context.practice_mistakes:
        return where
    return where + ". Erreurs : " + " ".join(for_mediator(code) for code in context.practice_mistakes)


def _on_site(request: HelpRequest) -> str:
    """The official site the person was on: its host only, never the page's address."""
    host = request.context.site_host
    return f", sur le vrai site {host}" if host else ""


def minutes_and_seconds(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{seconds} s"
