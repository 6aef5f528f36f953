"""Help requests: what the person needs, where they were, and a ticket number.

A request carries context a mediator can act on (procedure, step, language, time
spent) and never anything personal, so it can be shown, printed or sent as is.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.i18n.translation import N_


class HelpKind(StrEnum):
    DONT_UNDERSTAND = "dont_understand"
    STUCK = "stuck"
    WANT_PERSON = "want_person"
    SCREEN_PROBLEM = "screen_problem"


HELP_KIND_LABELS: dict[HelpKind, str] = {
    HelpKind.DONT_UNDERSTAND: N_("Je ne comprends pas"),
    HelpKind.STUCK: N_("Je suis bloqué"),
    HelpKind.WANT_PERSON: N_("Je voudrais parler à une personne"),
    HelpKind.SCREEN_PROBLEM: N_("L'écran a un problème"),
}
HELP_KIND_PICTOGRAMS: dict[HelpKind, str] = {
    HelpKind.DONT_UNDERSTAND: "mdi6.help-circle-outline",
    HelpKind.STUCK: "mdi6.sign-direction-remove",
    HelpKind.WANT_PERSON: "mdi6.account-voice",
    HelpKind.SCREEN_PROBLEM: "mdi6.monitor-off",
}


class HelpStatus(StrEnum):
    OPEN = "open"
    CANCELLED = "cancelled"
    RESOLVED = "resolved"


@dataclass(frozen=True)
class HelpContext:
    screen: str
    language: str
    procedure_id: str = ""
    step_id: str = ""
    seconds_on_step: int = 0
    practice_page: str = ""  # the page of the simulated site, when practising
    practice_mistakes: tuple[str, ...] = ()  # the kinds of mistakes made on that page, each once
    site_host: str = ""  # the official site's host when it is open (never its address or query)


@dataclass
class HelpRequest:
    ticket: int
    kind: HelpKind
    context: HelpContext
    created_at: float
    status: HelpStatus = HelpStatus.OPEN
    # Its own id, for the room's console (kiosk/room): the same request sent twice is known as one.
    id: str = field(default_factory=lambda: secrets.token_hex(8))
    coming: bool = False  # the desk answered « J'arrive »

    def summary(self) -> str:
        """Plain text for a mediator: no personal data by construction."""
        parts = [f"Ticket {self.ticket}", self.kind.value, f"screen={self.context.screen}"]
        if self.context.procedure_id:
            parts.append(f"procedure={self.context.procedure_id}")
        if self.context.step_id:
            parts.append(f"step={self.context.step_id}")
        if self.context.practice_page:
            parts.append(f"practice_page={self.context.practice_page}")
        if self.context.site_host:
            parts.append(f"site={self.context.site_host}")
        if self.context.practice_mistakes:
            parts.append(f"mistakes={','.join(self.context.practice_mistakes)}")
        parts += [f"lang={self.context.language}", f"on_step={self.context.seconds_on_step}s"]
        return " | ".join(parts)


@dataclass
class HelpDesk:
    """The station's queue of help requests, with short ticket numbers (1 to 99)."""

    clock: Callable[[], float] = time.time
    requests: list[HelpRequest] = field(default_factory=list)
    _last_ticket: int = 0
    # Told of each request made, cancelled or resolved (the room's console): (the event, the request).
    listeners: list[Callable[[str, HelpRequest], None]] = field(default_factory=list)

    def request(self, kind: HelpKind, context: HelpContext) -> HelpRequest:
        self._last_ticket = self._last_ticket % 99 + 1
        request = HelpRequest(self._last_ticket, kind, context, self.clock())
        self.requests.append(request)
        self._tell("requested", request)
        return request

    def cancel(self, request: HelpRequest) -> None:
        if request.status is HelpStatus.OPEN:
            request.status = HelpStatus.CANCELLED
            self._tell("cancelled", request)

    def resolve(self, request: HelpRequest) -> None:
        if request.status is HelpStatus.OPEN:
            request.status = HelpStatus.RESOLVED
            self._tell("resolved", request)

    def find(self, request_id: str) -> HelpRequest | None:
        return next((r for r in self.requests if r.id == request_id), None)

    def _tell(self, event: str, request: HelpRequest) -> None:
        for listener in self.listeners:
            listener(event, request)

    def open_requests(self) -> list[HelpRequest]:
        return [r for r in self.requests if r.status is HelpStatus.OPEN]
