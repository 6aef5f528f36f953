"""What a mediator sees of the person's session, and what they record about the help given.

The timeline is built from what the person did (every step walked and every practice,
even those gone back over, the time on each, the help asked), in the content's source
language: mediators read French whatever the person's language. Nothing here is shown to the next person:
it all goes with the visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.i18n import translation
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


# The languages as a French-speaking mediator names them: « فارسی » alone tells most of them nothing.
LANGUAGE_NAMES_IN_FRENCH: dict[str, str] = {
    "fr": "français",
    "en": "anglais",
    "ar": "arabe",
    "es": "espagnol",
    "pt": "portugais",
    "ro": "roumain",
    "tr": "turc",
    "uk": "ukrainien",
    "ru": "russe",
    "fa": "persan",
}


def language_for_mediator(code: str) -> str:
    """« persan (فارسی) »: the name the mediator reads, and beside it the one the person knows.

    The person's own name is isolated (U+2068 … U+2069), so a right-to-left name keeps the
    French sentence around it in order.
    """
    native = translation.language(code).native_name
    french = LANGUAGE_NAMES_IN_FRENCH.get(code, native)
    if native.casefold() == french.casefold():
        return french
    return f"{french} (\u2068{native}\u2069)"


@dataclass(frozen=True)
class TimelineEntry:
    what: str  # "Prime d'activité — Créer votre compte", "Aide demandée : Je suis bloqué"
    seconds: int
    is_help: bool = False
    open_help: bool = False


def timeline(visit: Visit, now: float) -> list[TimelineEntry]:
    """What the person did, in the order they first did it (steps and practice), then each help request.

    Read from the session, which keeps every step walked: the back stack forgets the steps a
    person went back over ("Retour"), and a mediator must see them all, with their time.
    """
    session = visit.session
    entries: list[TimelineEntry] = []
    for procedure_id, step_id in session.walked:
        procedure = visit.catalog.procedures.get(procedure_id)
        if procedure is None:
            continue
        seconds = session.seconds_on(procedure_id, step_id, now)
        if step_id:
            step = next((step for step in procedure.steps if step.id == step_id), None)
            if step is not None:
                entries.append(TimelineEntry(f"{procedure.title} — {step.title}", seconds))
        elif procedure_id in visit.catalog.practice:
            entries.append(TimelineEntry(_practice(visit, procedure_id), seconds))
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


def _practice(visit: Visit, procedure_id: str) -> str:
    """Practice on a simulated site; the page on screen if the person is on it now."""
    site = visit.catalog.practice[procedure_id]
    run = visit.practice_run
    where = visit.place_outside_help()
    on_it = where.screen is ScreenId.PRACTICE and where.procedure_id == procedure_id
    if run is None or run.finished or not on_it:
        return f"Exercice : {site.name}"
    return f"Exercice : {site.name} — page « {run.page.heading} »"


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
