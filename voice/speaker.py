"""The Speaker interface every part of the kiosk speaks through, and the silent speaker.

The silent speaker is what runs when there is no speech engine: the kiosk works the
same, without voice, and says so (``available``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Speaker(Protocol):
    @property
    def available(self) -> bool:
        """True when speech can actually be heard."""
        ...

    def speak(self, texts: Sequence[str], language: str, slow: bool = False, personal: bool = False) -> None:
        """Stop anything being spoken and read ``texts`` in order.

        ``personal`` texts (a code, what the person typed) are never kept after the visit.
        """
        ...

    def stop(self) -> None:
        """Stop at once; nothing stale stays queued."""
        ...


class SilentSpeaker:
    """Speaks nothing; remembers the last request so the UI can show what would be read."""

    available = False

    def __init__(self) -> None:
        self.last_request: tuple[tuple[str, ...], str] | None = None
        self.last_was_personal = False

    def speak(self, texts: Sequence[str], language: str, slow: bool = False, personal: bool = False) -> None:
        self.last_request = (tuple(texts), language)
        self.last_was_personal = personal

    def stop(self) -> None:
        self.last_request = None
