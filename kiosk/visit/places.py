"""Where a person can be: a screen, and what it shows (a theme, a procedure, a step).

The vocabulary every part shares; how a person moves from place to place is in
``kiosk.visit.navigation``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class ScreenId(StrEnum):
    WELCOME = "welcome"
    LANGUAGE = "language"
    HOME = "home"
    SITUATION = "situation"
    INTRO = "intro"
    STEP = "step"
    RECAP = "recap"
    HELP = "help"
    HELP_SENT = "help_sent"
    LEAVE = "leave"
    KEPT = "kept"
    RESUME = "resume"
    PRACTICE = "practice"


HELP_SCREENS = frozenset({ScreenId.HELP, ScreenId.HELP_SENT})
LEAVING_SCREENS = frozenset({ScreenId.LEAVE, ScreenId.KEPT})


@dataclass(frozen=True)
class Place:
    """A screen and what it shows; inside a detour, also where to come back to."""

    screen: ScreenId
    theme: str = ""
    procedure_id: str = ""
    step_index: int = 0
    return_procedure_id: str = ""
    return_step: str = ""

    def to_dict(self) -> dict[str, str | int]:
        return {**asdict(self), "screen": self.screen.value}

    @classmethod
    def from_dict(cls, data: dict[str, str | int]) -> Place:
        return cls(
            screen=ScreenId(str(data["screen"])),
            theme=str(data.get("theme", "")),
            procedure_id=str(data.get("procedure_id", "")),
            step_index=int(data.get("step_index", 0)),
            return_procedure_id=str(data.get("return_procedure_id", "")),
            return_step=str(data.get("return_step", "")),
        )

    def within(self, screen: ScreenId, procedure_id: str, step_index: int = 0) -> Place:
        """Another place of the same walkthrough, keeping where a detour returns to."""
        return replace(self, screen=screen, procedure_id=procedure_id, step_index=step_index, theme="")


WELCOME = Place(ScreenId.WELCOME)
