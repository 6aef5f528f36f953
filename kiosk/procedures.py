"""What a procedure walkthrough is made of: checklist, steps, warnings, what comes after.

Plain immutable data, built by the content loader from a procedure file. Every
human-readable field holds the French source text; it is translated when shown
(``kiosk.i18n.content``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    pictogram: str


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    instruction: str
    pictogram: str
    explain_more: str = ""
    warning: str = ""


@dataclass(frozen=True)
class Procedure:
    id: str
    title: str
    summary: str
    theme: str
    organisation: str
    pictogram: str
    urls: tuple[str, ...]
    estimated_minutes: int
    before_you_start: tuple[ChecklistItem, ...]
    steps: tuple[Step, ...]
    after: str
    last_checked: str = ""

    def step_index(self, step_id: str) -> int:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        raise KeyError(step_id)
