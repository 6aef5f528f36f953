"""Where a person can be: a screen, and what it shows (a theme, a procedure, a step, a question).

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
    RIGHTS_QUESTION = "rights_question"
    RIGHTS_RESULTS = "rights_results"


HELP_SCREENS = frozenset({ScreenId.HELP, ScreenId.HELP_SENT})
LEAVING_SCREENS = frozenset({ScreenId.LEAVE, ScreenId.KEPT})
# « Quelles aides pour moi ? »: its answers live in memory only, so its places are never kept for another day.
RIGHTS_SCREENS = frozenset({ScreenId.RIGHTS_QUESTION, ScreenId.RIGHTS_RESULTS})


@dataclass(frozen=True)
class Place:
    """A screen and what it shows; inside a detour, also where to come back to."""

    screen: ScreenId
    theme: str = ""
    procedure_id: str = ""
    step_index: int = 0
    return_procedure_id: str = ""
    return_step: str = ""
    question_id: str = ""  # on RIGHTS_QUESTION, the question asked (kiosk.rights.questions)

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
            question_id=str(data.get("question_id", "")),
        )

    def within(self, screen: ScreenId, procedure_id: str, step_index: int = 0) -> Place:
        """Another place of the same walkthrough, keeping where a detour returns to."""
        return replace(
            self, screen=screen, procedure_id=procedure_id, step_index=step_index, theme="", question_id=""
        )


WELCOME = Place(ScreenId.WELCOME)
