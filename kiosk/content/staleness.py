"""How old a guide is: past an age a structure chooses, the person is told to ask when in doubt.

A guide's age is the date of its last check (``last_checked.date``), whether that
check was on the real site or only in writing: sites change every few months.
"""

from __future__ import annotations

from datetime import date, datetime

from kiosk.content.loader import Catalog
from kiosk.content.procedures import Procedure


def local_today() -> date:
    """The kiosk's own day, as its clock on the wall says it: a guide's age is counted in days there."""
    return datetime.now().astimezone().date()


def age_days(procedure: Procedure, today: date) -> int:
    """Days since the guide was last checked (0 for a date that cannot be read: not called stale)."""
    try:
        return max(0, (today - date.fromisoformat(procedure.last_checked.date)).days)
    except ValueError:
        return 0


def is_stale(procedure: Procedure, today: date, max_age_days: int) -> bool:
    return age_days(procedure, today) > max_age_days


def stale_guides(catalog: Catalog, today: date, max_age_days: int) -> list[Procedure]:
    """The guides past the age, the oldest first."""
    stale = [p for p in catalog.procedures.values() if is_stale(p, today, max_age_days)]
    return sorted(stale, key=lambda p: (p.last_checked.date, p.id))
