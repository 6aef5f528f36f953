"""What goes over the room's broker, and on which topic: a kiosk's status, its help requests, its anonymous
activity, and the desk's answers. Nothing typed, no note, no credential, by construction.

Each message is a small JSON object whose keys are listed here; a message with any other key, or
a value of the wrong type, is refused on both sides (``decode``), so a kiosk running a newer
version, or a forged message, cannot put anything else in front of the agent. Topics:

    kiosk/<kiosk>/status     retained, QoS 1: online or not, in a visit or not, where, open requests
    kiosk/<kiosk>/help       QoS 1: a request made, cancelled or resolved at the kiosk (``request_id``)
    kiosk/<kiosk>/activity   QoS 1: the anonymous record of a visit that ended (docs/STATISTICS.md)
    console/<kiosk>          QoS 1: the desk's answer to a request: « coming » or « resolved »

The broker's ACL lets a kiosk write only under ``kiosk/<its name>/`` and read only ``console/<its
name>`` (docs/CONSOLE.md).
"""

from __future__ import annotations

import json
import re
from typing import Any

from kiosk.mediation.statistics import ACTIVITY_FIELDS
from kiosk.secret import refuse_credentials

KIOSK_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
# Every text of a status, a request or an order is a code the kiosk chose (an id, a screen's name, a
# language): never a sentence, so never something a person typed.
_PLAIN = re.compile(r"^[A-Za-z0-9_.:-]{0,120}$")
MAX_MESSAGE_BYTES = 8192

# Each kind of message: its keys and their types (a tuple: any of these).
_HELP_REQUEST = {
    "request_id": str, "ticket": int, "kind": str, "screen": str, "procedure_id": str, "step_id": str,
    "language": str, "seconds_on_step": int, "practice": bool, "created_at": float,
}  # fmt: skip
SCHEMAS: dict[str, dict[str, Any]] = {
    "status": {
        "kiosk": str, "online": bool, "in_visit": bool, "language": str, "procedure_id": str, "step_id": str,
        "visit_seconds": int, "open_requests": list, "at": float,
    },
    "help": {"event": str, **_HELP_REQUEST},
    "activity": {"record_id": str, **{name: object for name in ACTIVITY_FIELDS}},
    "order": {"request_id": str, "order": str, "autonomy": str, "at": float},
}  # fmt: skip
HELP_EVENTS = ("requested", "cancelled", "resolved")
ORDERS = ("coming", "resolved")


class BadMessage(ValueError):
    """A message that is not one of ours: refused, never shown."""


def status_topic(kiosk: str) -> str:
    return f"kiosk/{kiosk}/status"


def help_topic(kiosk: str) -> str:
    return f"kiosk/{kiosk}/help"


def activity_topic(kiosk: str) -> str:
    return f"kiosk/{kiosk}/activity"


def order_topic(kiosk: str) -> str:
    return f"console/{kiosk}"


def kind_of(topic: str) -> tuple[str, str]:
    """(kind, kiosk) of a topic: ("status", "k1") for ``kiosk/k1/status``; BadMessage for another topic."""
    parts = topic.split("/")
    if len(parts) == 3 and parts[0] == "kiosk" and parts[2] in ("status", "help", "activity"):  # noqa: PLR2004
        kind, kiosk = parts[2], parts[1]
    elif len(parts) == 2 and parts[0] == "console":  # noqa: PLR2004
        kind, kiosk = "order", parts[1]
    else:
        raise BadMessage(f"not a topic of the room: {topic!r}")
    if not KIOSK_NAME.match(kiosk):
        raise BadMessage(f"not a kiosk's name: {kiosk!r}")
    return kind, kiosk


def _check(kind: str, message: dict[str, Any]) -> dict[str, Any]:
    schema = SCHEMAS[kind]
    if set(message) != set(schema):
        raise BadMessage(f"{kind}: keys {sorted(set(message) ^ set(schema))} are not those of the room")
    for key, expected in schema.items():
        value = message[key]
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        wrong_type = not isinstance(value, expected) or (expected is int and isinstance(value, bool))
        if expected is not object and wrong_type:
            raise BadMessage(f"{kind}: {key} is not a {expected.__name__}")
        if kind != "activity" and isinstance(value, str) and not _PLAIN.match(value):
            raise BadMessage(f"{kind}: {key} is not a code (letters, digits, - _ . : and no space)")
    refuse_credentials(message, kind)
    if kind == "help" and message["event"] not in HELP_EVENTS:
        raise BadMessage(f"help: unknown event {message['event']!r}")
    if kind == "order" and message["order"] not in ORDERS:
        raise BadMessage(f"order: unknown order {message['order']!r}")
    if kind == "status":
        for request in message["open_requests"]:
            if not isinstance(request, dict):
                raise BadMessage("status: an open request is not an object")
            _check("help", {"event": "requested", **request})
    return message


def encode(kind: str, message: dict[str, Any]) -> bytes:
    """The message as it goes on the wire; BadMessage if it is not one of ours (a bug: never sent)."""
    data = json.dumps(_check(kind, dict(message)), ensure_ascii=False, separators=(",", ":")).encode()
    if len(data) > MAX_MESSAGE_BYTES:
        raise BadMessage(f"{kind}: {len(data)} bytes")
    return data


def decode(kind: str, payload: bytes) -> dict[str, Any]:
    if len(payload) > MAX_MESSAGE_BYTES:
        raise BadMessage(f"{kind}: {len(payload)} bytes")
    try:
        message = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadMessage(f"{kind}: not JSON ({error})") from None
    if not isinstance(message, dict):
        raise BadMessage(f"{kind}: not an object")
    return _check(kind, message)
