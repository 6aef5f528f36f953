"""Coming back another day: a short code that brings a person back where they left off.

Only what is needed to carry on is kept (language, reading preferences, the way
through the screens, the steps reached), never anything typed. The code is a
``Secret``: the store keeps only a keyed digest of it, and a code works once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from kiosk.secret import Secret
from kiosk.visit.places import HELP_SCREENS, LEAVING_SCREENS, Place, ScreenId
from kiosk.visit.session import Session

CODE_DIGITS = 6


def new_code() -> Secret:
    return Secret(f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}")


def code_digest(code: Secret, pepper: bytes) -> str:
    """What the store keeps instead of the code."""
    digits = "".join(ch for ch in code.reveal() if ch.isdigit())
    return hmac.new(pepper, digits.encode("ascii"), hashlib.sha256).hexdigest()


def spaced(code: Secret) -> str:
    """The code as it is shown and read out: 123 456."""
    digits = code.reveal()
    return f"{digits[:3]} {digits[3:]}"


def resume_state(session: Session, history: tuple[Place, ...], current: Place) -> dict[str, Any]:
    """What is kept to carry on: the way ends at the last place outside help, leaving and resuming."""
    places = [*history, current]
    while places and places[-1].screen in HELP_SCREENS | LEAVING_SCREENS | {ScreenId.RESUME}:
        places.pop()
    if not places or places[-1].screen in (ScreenId.WELCOME, ScreenId.LANGUAGE):
        places = [Place(ScreenId.WELCOME), Place(ScreenId.HOME)]
    return {
        "language": session.language,
        "text_size": session.text_size,
        "auto_read": session.auto_read,
        "slow_speech": session.slow_speech,
        "volume": session.volume,
        "muted": session.muted,
        "steps_reached": {k: list(v) for k, v in session.steps_reached.items()},
        "completed": list(session.completed),
        "places": [place.to_dict() for place in places],
    }


def apply_preferences(session: Session, state: dict[str, Any]) -> None:
    session.language = str(state["language"])
    session.text_size = int(state["text_size"])
    session.auto_read = bool(state["auto_read"])
    session.slow_speech = bool(state["slow_speech"])
    session.volume = int(state["volume"])
    session.muted = bool(state["muted"])
    session.steps_reached = {str(k): [str(s) for s in v] for k, v in state["steps_reached"].items()}
    session.completed = [str(p) for p in state["completed"]]


def places_of(state: dict[str, Any]) -> list[Place]:
    return [Place.from_dict(place) for place in state["places"]]
