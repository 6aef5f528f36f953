"""The desk's view of the room: every kiosk's state, the help requests waiting (oldest first), the activity.

Built only from the messages the broker delivers, in any order and any number of times: a
request is known by its id, and once cancelled or resolved it never opens again (a late
duplicate of « requested » changes nothing). A console that starts for the first time learns the
requests still open from each kiosk's retained status; afterwards the broker keeps its session,
and what happened while it was closed (a request cancelled, resolved) is delivered when it opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.room import messages

WAITING = ("open", "coming")
CLOSED = ("cancelled", "resolved")


@dataclass
class KioskState:
    name: str
    online: bool = False
    in_visit: bool = False
    language: str = ""
    procedure_id: str = ""
    step_id: str = ""
    visit_seconds: int = 0
    at: float = 0.0  # the kiosk's clock when it said so


@dataclass
class Request:
    request_id: str
    kiosk: str
    ticket: int
    kind: str
    screen: str
    procedure_id: str
    step_id: str
    language: str
    seconds_on_step: int
    practice: bool
    created_at: float
    state: str = "open"  # "open", "coming" (someone said « J'arrive »), "cancelled", "resolved"


@dataclass
class RoomModel:
    kiosks: dict[str, KioskState] = field(default_factory=dict)
    requests: dict[str, Request] = field(default_factory=dict)
    activity: list[dict[str, Any]] = field(default_factory=list)
    _activity_ids: set[str] = field(default_factory=set)

    def receive(self, topic: str, payload: bytes) -> str:
        """Take one message; returns what it was: "new request", "closed", "status", "activity" or ""
        (nothing new: a duplicate). BadMessage for a message that is not one of the room's."""
        kind, kiosk = messages.kind_of(topic)
        if kind == "order":
            return ""
        message = messages.decode(kind, payload)
        if kind == "status":
            return self._status(kiosk, message)
        if kind == "help":
            return self._help(kiosk, message)
        if message["record_id"] in self._activity_ids:
            return ""
        self._activity_ids.add(message["record_id"])
        self.activity.append({name: message[name] for name in message if name != "record_id"})
        return "activity"

    def _status(self, kiosk: str, message: dict[str, Any]) -> str:
        if message["kiosk"] != kiosk:
            raise messages.BadMessage(f"status of {message['kiosk']!r} on {kiosk!r}'s topic")
        state = self.kiosks.setdefault(kiosk, KioskState(kiosk))
        if not message["online"]:  # its Last Will, written when it connected: its time says nothing
            state.online, state.in_visit = False, False
            return "status"
        if message["at"] < state.at:
            return ""  # an older status arriving late
        for name in ("online", "in_visit", "language", "procedure_id", "step_id", "visit_seconds", "at"):
            setattr(state, name, message[name])
        new = False
        for request in message["open_requests"]:
            new = self._open(kiosk, request) or new
        return "new request" if new else "status"

    def _open(self, kiosk: str, request: dict[str, Any]) -> bool:
        if request["request_id"] in self.requests:
            return False
        fields = {name: request[name] for name in Request.__dataclass_fields__ if name in request}
        self.requests[request["request_id"]] = Request(kiosk=kiosk, **fields)
        return True

    def _help(self, kiosk: str, message: dict[str, Any]) -> str:
        known = self.requests.get(message["request_id"])
        if message["event"] == "requested":
            return "new request" if self._open(kiosk, message) else ""
        if known is None:  # closed before the console ever heard of it
            self._open(kiosk, message)
            known = self.requests[message["request_id"]]
        elif known.state in CLOSED:
            return ""
        known.state = message["event"]
        return "closed"

    def waiting(self) -> list[Request]:
        """The requests someone must see to, oldest first."""
        return sorted((r for r in self.requests.values() if r.state in WAITING), key=lambda r: r.created_at)

    def order(self, request_id: str, order: str, autonomy: str, now: float) -> tuple[str, bytes]:
        """The desk's answer to a request, and the topic it goes on; the request changes state here too."""
        request = self.requests[request_id]
        request.state = "coming" if order == "coming" else "resolved"
        message = {"request_id": request_id, "order": order, "autonomy": autonomy, "at": now}
        return messages.order_topic(request.kiosk), messages.encode("order", message)
