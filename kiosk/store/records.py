"""What the store keeps of a session while it lasts, and the anonymous record it leaves behind.

The session record carries progress and help requests, never anything typed. The
activity record is what a structure reports: the day (not the hour), the
procedures and themes, the language, the outcome and a duration bracket, whether
« Quelles aides pour moi ? » was used and which aids it suggested; nothing that
leads back to a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from kiosk.content.loader import Catalog
from kiosk.visit.session import Session

GUIDE = "guide"  # the person followed a walkthrough for the real site
PRACTICE = "practice"  # the person only rehearsed on a simulated site
GUIDE_AND_PRACTICE = "guide_and_practice"


def mode_of(session: Session) -> str:
    if not session.practised:
        return GUIDE
    return GUIDE_AND_PRACTICE if session.steps_reached else PRACTICE


DURATION_BRACKETS: tuple[tuple[float, str], ...] = (
    (5 * 60, "0-5 min"),
    (15 * 60, "5-15 min"),
    (30 * 60, "15-30 min"),
    (60 * 60, "30-60 min"),
)
LONGEST_BRACKET = "60+ min"


def session_record(session: Session) -> dict[str, Any]:
    """The session as the store keeps it while the person is here."""
    state = session.to_dict()
    return {
        "id": state["id"],
        "started_at": state["started_at"],
        "language": state["language"],
        "mode": mode_of(session),
        "outcome": "completed" if session.completed else "in_progress",
        "autonomy": session.autonomy,
        "referral": session.referral,
        "progress": {
            "steps_reached": state["steps_reached"],
            "completed": state["completed"],
            "seconds_per_step": state["seconds_per_step"],
            "help_requests": len(session.help_requests),
            "practised": state["practised"],
            "practice_mistakes": state["practice_mistakes"],
            "rights_simulated": state["rights_simulated"],
            "aids_suggested": state["aids_suggested"],
        },
    }


def help_request_rows(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "ticket": request.ticket,
            "kind": request.kind.value,
            **asdict(request.context),
            "created_at": request.created_at,
            "status": request.status.value,
        }
        for request in session.help_requests
    ]


def duration_bracket(seconds: float) -> str:
    for limit, label in DURATION_BRACKETS:
        if seconds < limit:
            return label
    return LONGEST_BRACKET


def activity_record(
    record: dict[str, Any], ended_at: float, catalog: Catalog, kept: bool = False
) -> dict[str, Any]:
    """The anonymous trace of a finished session (``record`` as made by ``session_record``)."""
    progress = record["progress"]
    practised = progress.get("practised", [])
    procedures = sorted(set(progress["steps_reached"]) | set(progress["completed"]) | set(practised))
    themes = sorted({catalog.procedures[p].theme for p in procedures if p in catalog.procedures})
    outcome = "kept_for_later" if kept else "not_completed"
    if progress["completed"]:
        outcome = "completed"
    return {
        "day": dt.date.fromtimestamp(ended_at).isoformat(),  # noqa: DTZ012 - the structure's local day
        "language": record["language"],
        "mode": record["mode"],
        "procedures": procedures,
        "themes": themes,
        "outcome": outcome,
        "autonomy": record.get("autonomy"),
        "duration_bracket": duration_bracket(max(0.0, ended_at - record["started_at"])),
        "help_requests": int(progress.get("help_requests", 0)),
        "referral": record.get("referral"),
        "practice_mistakes": list(progress.get("practice_mistakes", [])),
        "rights_simulated": bool(progress.get("rights_simulated", False)),
        "aids_suggested": list(progress.get("aids_suggested", [])),
    }
