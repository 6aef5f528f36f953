"""Coming back another day: a short code that brings a person back where they left off.

Only what is needed to carry on is kept (language, reading preferences, the way
through the screens, the steps reached), never anything typed. The code is a
``Secret``: the store keeps only a keyed digest of it, and a code works once.

Guessing is slowed down, for everyone at this kiosk at once (nobody can tell who
types a code): the first wrong codes cost nothing, then each one makes the next
try wait longer, up to ``LONGEST_WAIT_S``; a quiet hour halves the count. A right
code changes nothing, so a code of one's own does not buy more guesses. With at
most ``LIVE_CODES_MAX`` codes live among 10^8, finding one takes an attacker about
25,000 hours on average, three times the mediators' PIN (docs/PRIVACY.md has the
arithmetic).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from typing import Any

from kiosk.secret import Secret
from kiosk.visit.places import HELP_SCREENS, LEAVING_SCREENS, RIGHTS_SCREENS, Place, ScreenId
from kiosk.visit.session import Session

CODE_DIGITS = 8
# Codes given before codes had 8 digits had 6. They are taken back until the last one
# expires (30 days at most), each wrong 6-digit try weighing ``short_code_weight``.
SHORT_CODE_DIGITS = 6
LIVE_CODES_MAX = 1000  # no new code beyond this: 33 codes kept a day, every day of the 30 a code lives

FREE_WRONG_CODES = 3  # wrong codes in a row that cost no wait (a typo, then another)
FIRST_WAIT_S = 60.0  # the wait after the next one; it doubles with each further wrong code...
LONGEST_WAIT_S = 900.0  # ...up to 15 minutes: at most 4 guesses an hour, sustained
QUIET_HALVING_S = 3600.0  # each full hour without a wrong code (after the wait) halves the count
WRONG_CODES_MAX = 8  # the count at which the longest wait is reached: more would only slow the decay
SHORT_CODE_WEIGHT_MAX = 12  # a wrong 6-digit code never costs more than 3 hours

# The bar: the mediators' PIN (kiosk/mediation/pin.py) has 10^6 values and 60 guesses an hour,
# an expected (10^6 + 1) / 2 / 60 = 8,333 hours to find it.
_PIN_VALUES = 10**6
_PIN_GUESSES_PER_HOUR = 60
_GUESSES_PER_HOUR = 3600.0 / LONGEST_WAIT_S


def new_code() -> Secret:
    return Secret(f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}")


def typed_digits(code: Secret) -> str:
    return "".join(ch for ch in code.reveal() if ch.isdigit())


def code_digest(code: Secret, pepper: bytes) -> str:
    """What the store keeps instead of the code (the same for a 6-digit code kept before)."""
    return hmac.new(pepper, typed_digits(code).encode("ascii"), hashlib.sha256).hexdigest()


def spaced(code: Secret) -> str:
    """The code as it is shown and read out, in two halves: 1234 5678 (an old code: 123 456)."""
    digits = code.reveal()
    half = len(digits) // 2
    return f"{digits[:half]} {digits[half:]}"


def short_code_weight(short_codes_live: int) -> int:
    """How many wrong codes one wrong 6-digit code counts for, while 6-digit codes are live.

    A 6-digit guess is likelier to hit than an 8-digit one, and likelier the more short
    codes are still live; it weighs as many wrong codes in a row as keep the expected
    time to a hit at or above the PIN's: (10^6 + 1) / (live + 1) guesses, at 4 an hour
    divided by the weight, against (10^6 + 1) / 2 guesses at 60 an hour. That is one
    more for every 30 short codes live, at most ``SHORT_CODE_WEIGHT_MAX``.
    """
    needed = (short_codes_live + 1) * _GUESSES_PER_HOUR / (2 * _PIN_GUESSES_PER_HOUR)
    return max(1, min(SHORT_CODE_WEIGHT_MAX, math.ceil(needed - 1e-9)))


def wait_after(count: int) -> float:
    """The wait after the ``count``-th wrong code in a row."""
    if count <= FREE_WRONG_CODES:
        return 0.0
    return min(LONGEST_WAIT_S, FIRST_WAIT_S * 2.0 ** (count - FREE_WRONG_CODES - 1))


@dataclass(frozen=True)
class WrongCodes:
    """The wrong codes typed lately at this kiosk, whoever typed them; a right code changes nothing.

    ``count`` is the count after the last wrong code, typed at ``last_at``; no code is
    checked before ``wait_until``. Each full hour after the wait without another wrong
    code halves the count.
    """

    count: int = 0
    last_at: float = 0.0
    wait_until: float = 0.0

    def count_at(self, now: float) -> int:
        quiet = now - self.wait_until
        if quiet < QUIET_HALVING_S:
            return self.count
        return self.count >> min(64, int(quiet // QUIET_HALVING_S))

    def wait_s(self, now: float) -> float:
        """How long before the next code can be checked (0: now).

        A clock set back (a flat CMOS battery) never makes the wait longer than it was given.
        """
        if now >= self.wait_until:
            return 0.0
        return min(self.wait_until - now, self.wait_until - self.last_at)

    def after_wrong(self, now: float, weight: int = 1) -> WrongCodes:
        """The count after one more wrong code, counting as ``weight`` wrong codes in a row.

        The waits of all of them are served at once, so a heavy guess gains nothing over
        ``weight`` light ones.
        """
        count, wait = self.count_at(now), 0.0
        for _ in range(weight):
            count = min(WRONG_CODES_MAX, count + 1)
            wait += wait_after(count)
        return WrongCodes(count, now, now + wait)

    def worse(self, other: WrongCodes) -> WrongCodes:
        """The stricter of two records (what memory saw and what the store could keep)."""
        return WrongCodes(
            max(self.count, other.count),
            max(self.last_at, other.last_at),
            max(self.wait_until, other.wait_until),
        )

    def to_dict(self) -> dict[str, float]:
        return {"count": self.count, "last_at": self.last_at, "wait_until": self.wait_until}

    @classmethod
    def from_dict(cls, value: Any) -> WrongCodes:
        """Read what the store kept; anything unreadable counts as the most wrong codes (failing closed)."""
        if value is None:
            return cls()
        try:
            count, last_at = int(value["count"]), float(value["last_at"])
            wait_until = float(value["wait_until"])
            if not (math.isfinite(last_at) and math.isfinite(wait_until)):
                raise ValueError("not a time")
        except (KeyError, TypeError, ValueError):
            return cls(WRONG_CODES_MAX)
        return cls(max(0, min(WRONG_CODES_MAX, count)), last_at, wait_until)


def resume_state(session: Session, history: tuple[Place, ...], current: Place) -> dict[str, Any]:
    """What is kept to carry on: the way ends at the last place outside help, leaving and resuming."""
    places: list[Place] = []
    for place in (*history, current):
        # The questions of « Quelles aides pour moi ? » are not kept: their answers never are.
        if place.screen not in RIGHTS_SCREENS and (not places or places[-1] != place):
            places.append(place)
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
