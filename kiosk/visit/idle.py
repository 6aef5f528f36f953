"""Noticing that the person has left: a quiet period, a warning, then the end of the visit.

Pure timing logic with an injected clock; the UI feeds it touches and ticks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class IdlePhase(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleState:
    phase: IdlePhase
    seconds_left: int


class IdleWatch:
    """After ``timeout_s`` without a touch, warn for ``warning_s`` seconds, then expire."""

    def __init__(self, timeout_s: float, warning_s: float, now: float) -> None:
        if timeout_s <= 0 or warning_s <= 0:
            raise ValueError("idle timeout and warning must be positive")
        self.timeout_s = timeout_s
        self.warning_s = warning_s
        self._last_touch = now

    def touch(self, now: float) -> None:
        self._last_touch = now

    def state(self, now: float) -> IdleState:
        quiet = now - self._last_touch
        if quiet < self.timeout_s:
            return IdleState(IdlePhase.ACTIVE, int(self.timeout_s + self.warning_s - quiet))
        left = self.timeout_s + self.warning_s - quiet
        if left > 0:
            return IdleState(IdlePhase.WARNING, max(1, round(left)))
        return IdleState(IdlePhase.EXPIRED, 0)
