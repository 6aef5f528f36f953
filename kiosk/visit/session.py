"""The person at the terminal, for this visit only: language, progress, help asked, timing.

Nothing here is a credential and nothing here outlives the visit unless the
person chooses to keep it (the encrypted store persists ``to_dict()``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from kiosk.visit.help_desk import HelpRequest

TEXT_SIZES = (1.0, 1.25, 1.5)
VOLUMES = (0.25, 0.5, 0.75, 1.0)


@dataclass
class Session:
    language: str
    id: str = field(default_factory=lambda: os.urandom(16).hex())  # random, tied to nobody
    started_at: float = field(default_factory=time.time)
    text_size: int = 0
    auto_read: bool = True  # read each screen aloud when it opens
    slow_speech: bool = False
    volume: int = len(VOLUMES) - 1
    muted: bool = False
    steps_reached: dict[str, list[str]] = field(default_factory=dict)
    completed: list[str] = field(default_factory=list)
    help_requests: list[HelpRequest] = field(default_factory=list)
    seconds_per_step: dict[str, float] = field(default_factory=dict)
    autonomy: str | None = None  # recorded by a mediator: see kiosk.mediation.timeline.Autonomy
    referral: str | None = None  # the help place a mediator sent the person to (from the directory)
    practised: list[str] = field(default_factory=list)  # procedures rehearsed on a simulated site
    practice_mistakes: list[str] = field(default_factory=list)  # kinds of mistakes made there, never values
    # What the person did, in the order they first did it: (procedure, step) for a step of a guide,
    # (procedure, "") for practice on its simulated site. Going back never removes anything from it:
    # the mediator's timeline is read from here, not from the way back on screen.
    walked: list[tuple[str, str]] = field(default_factory=list)
    seconds_practising: dict[str, float] = field(default_factory=dict)
    # « Quelles aides pour moi ? »: whether a simulation was made, and the ids of the aids it suggested,
    # each once. Never the answers nor the amounts: those stay with the visit, in memory.
    rights_simulated: bool = False
    aids_suggested: list[str] = field(default_factory=list)
    _doing: tuple[str, str] | None = None
    _entered_at: float = 0.0

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    def cycle_text_size(self) -> None:
        self.text_size = (self.text_size + 1) % len(TEXT_SIZES)

    @property
    def volume_level(self) -> float:
        return VOLUMES[self.volume]

    def change_volume(self, step: int) -> None:
        self.volume = min(max(self.volume + step, 0), len(VOLUMES) - 1)

    def enter(self, procedure_id: str, step_id: str, now: float, practising: bool = False) -> None:
        """Note that a place was entered (a step, or ``practising`` a procedure).

        The time on the one before is added up.
        """
        if self._doing is not None:
            self._add_time(self._doing, now - self._entered_at)
        doing = (procedure_id, step_id) if step_id or (practising and procedure_id) else None
        self._doing = doing
        self._entered_at = now
        if doing is not None and doing not in self.walked:
            self.walked.append(doing)
        if step_id:
            reached = self.steps_reached.setdefault(procedure_id, [])
            if step_id not in reached:
                reached.append(step_id)

    def _add_time(self, doing: tuple[str, str], spent: float) -> None:
        procedure_id, step_id = doing
        if step_id:
            key = f"{procedure_id}/{step_id}"
            self.seconds_per_step[key] = self.seconds_per_step.get(key, 0) + spent
        else:
            self.seconds_practising[procedure_id] = self.seconds_practising.get(procedure_id, 0) + spent

    def seconds_on(self, procedure_id: str, step_id: str, now: float) -> int:
        """All the time spent on a step (``step_id`` empty: practising), the stretch going on included."""
        if step_id:
            seconds = self.seconds_per_step.get(f"{procedure_id}/{step_id}", 0.0)
        else:
            seconds = self.seconds_practising.get(procedure_id, 0.0)
        if self._doing == (procedure_id, step_id):
            seconds += now - self._entered_at
        return max(0, int(seconds))

    def seconds_on_current_step(self, now: float) -> int:
        """Time on the step (or the practice) the person is on, all visits to it together."""
        if self._doing is None:
            return 0
        return self.seconds_on(*self._doing, now)

    def has_unfinished_procedure(self) -> bool:
        """A procedure begun (a step reached, or practised) and not finished: what a code brings back."""
        begun = (*self.steps_reached, *self.practised)
        return any(procedure_id not in self.completed for procedure_id in begun)

    def mark_completed(self, procedure_id: str) -> None:
        if procedure_id not in self.completed:
            self.completed.append(procedure_id)

    def record_practice(self, procedure_id: str, mistake_kinds: list[str]) -> None:
        """Note a practice run: which procedure, and the kinds of mistakes made (each once)."""
        if procedure_id not in self.practised:
            self.practised.append(procedure_id)
        for kind in mistake_kinds:
            if kind not in self.practice_mistakes:
                self.practice_mistakes.append(kind)

    def record_rights(self, aid_ids: list[str]) -> None:
        """Note a simulation of « Quelles aides pour moi ? » and the aids it suggested (each once)."""
        self.rights_simulated = True
        for aid_id in aid_ids:
            if aid_id not in self.aids_suggested:
                self.aids_suggested.append(aid_id)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "language": self.language,
            "steps_reached": {k: list(v) for k, v in self.steps_reached.items()},
            "completed": list(self.completed),
            "help_tickets": [r.ticket for r in self.help_requests],
            "seconds_per_step": dict(self.seconds_per_step),
            "practised": list(self.practised),
            "practice_mistakes": list(self.practice_mistakes),
            "rights_simulated": self.rights_simulated,
            "aids_suggested": list(self.aids_suggested),
        }
