"""The mediator's discreet way into mediator mode: a knock on the bar of the screen."""

from __future__ import annotations


class KnockGesture:
    """Five touches within four seconds on an empty part of the bar: the discreet way in.

    Nobody does it by chance while following a procedure, and it needs no precision.
    """

    TAPS = 5
    WITHIN_S = 4.0

    def __init__(self) -> None:
        self._times: list[float] = []

    def tap(self, now: float) -> bool:
        """Record a touch; True when it completes the gesture (which then starts again)."""
        self._times = [t for t in self._times if now - t <= self.WITHIN_S] + [now]
        if len(self._times) >= self.TAPS:
            self._times.clear()
            return True
        return False
