"""Mediator mode closes itself: after a minute without a touch, and always before a person's visit would end.

A mediator called away leaves the panel open over the public screen; the next
person must never find the settings, « Quitter le kiosque » or the exports there.
"""

from __future__ import annotations

MEDIATOR_IDLE_S = 60


def mediator_idle_s(person_idle_s: float) -> float:
    """Seconds without a touch after which mediator mode closes: never later than the person's warning."""
    return min(MEDIATOR_IDLE_S, person_idle_s)
