"""The mediator's PIN: stored only as a slow salted hash; five wrong tries lock it for five minutes.

There is no default PIN. Every unlock, wrong try and lock-out goes into the audit
journal (without the PIN). The count of wrong tries is kept in the store, so
restarting the kiosk does not give a thief five more tries; it is also kept in
memory, so a store that cannot be written (a full disk) still counts them and the
lock fails closed, while the right PIN still opens mediator mode to read why.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from kiosk.errors import EnvironmentFault
from kiosk.secret import Secret

log = logging.getLogger(__name__)

PIN_SETTING = "mediator_pin_hash"
_FAILURES_SETTING = "mediator_pin_failures"
MIN_PIN_DIGITS = 6
MAX_TRIES = 5
LOCK_S = 300.0
# A PIN has few possible values: the hash must be slow (about 0.1 s) so a copy of it is slow to test.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PinKeeping(Protocol):
    """Where the PIN's hash and the count of wrong tries are kept: the encrypted store."""

    def setting(self, key: str, default: Any = None) -> Any: ...
    def change_setting(self, key: str, value: Any, now: float, journal_value: bool = True) -> None: ...
    def remember(self, key: str, value: Any) -> None: ...
    def journal(self, event: str, detail: dict[str, Any], now: float) -> None: ...


class PinCheck(StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class PinAnswer:
    result: PinCheck
    tries_left: int = 0
    seconds_locked: int = 0


def valid_pin(pin: Secret) -> bool:
    value = pin.reveal()
    return value.isdigit() and len(value) >= MIN_PIN_DIGITS and len(set(value)) > 1


def _hash(pin: Secret, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.reveal_bytes(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


@dataclass(frozen=True)
class _Failures:
    count: int = 0
    locked_until: float = 0.0

    def worse(self, other: _Failures) -> _Failures:
        return _Failures(max(self.count, other.count), max(self.locked_until, other.locked_until))


class PinLock:
    """The PIN of one store. Keep one per store: it remembers wrong tries the store could not write."""

    def __init__(self, store: PinKeeping, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._failures = _Failures()  # what this process has seen, whatever the store could keep

    @property
    def configured(self) -> bool:
        return self.store.setting(PIN_SETTING) is not None

    def set_pin(self, pin: Secret) -> None:
        """Set or change the PIN (6 digits or more, not all the same); the PIN itself is wiped."""
        try:
            if not valid_pin(pin):
                raise ValueError(f"a PIN has at least {MIN_PIN_DIGITS} digits, not all the same")
            salt = secrets.token_bytes(16)
            record = {"salt": salt.hex(), **_SCRYPT, "hash": _hash(pin, salt, **_SCRYPT).hex()}
        finally:
            pin.wipe()
        self.store.change_setting(PIN_SETTING, record, self.clock(), journal_value=False)

    def check(self, pin: Secret) -> PinAnswer:
        """Compare with the stored hash; the PIN is wiped either way."""
        now = self.clock()
        stored = self.store.setting(_FAILURES_SETTING, {"count": 0, "locked_until": 0.0})
        failures = self._failures.worse(_Failures(int(stored["count"]), float(stored["locked_until"])))
        if now < failures.locked_until:
            pin.wipe()
            return PinAnswer(PinCheck.LOCKED, seconds_locked=int(failures.locked_until - now) + 1)
        record = self.store.setting(PIN_SETTING)
        try:
            accepted = record is not None and hmac.compare_digest(
                _hash(pin, bytes.fromhex(record["salt"]), record["n"], record["r"], record["p"]),
                bytes.fromhex(record["hash"]),
            )
        finally:
            pin.wipe()
        if accepted:
            self._record(_Failures(), "mediator.unlocked", {}, now)
            return PinAnswer(PinCheck.ACCEPTED)
        count = (0 if failures.locked_until else failures.count) + 1  # a lock served gives five new tries
        if count >= MAX_TRIES:
            self._record(_Failures(0, now + LOCK_S), "mediator.locked_out", {"seconds": LOCK_S}, now)
            return PinAnswer(PinCheck.LOCKED, seconds_locked=int(LOCK_S))
        self._record(_Failures(count, 0.0), "mediator.wrong_pin", {"try": count}, now)
        return PinAnswer(PinCheck.WRONG, tries_left=MAX_TRIES - count)

    def _record(self, failures: _Failures, event: str, detail: dict[str, Any], now: float) -> None:
        """Remember the tries in memory first, then in the store and its journal if the disk lets us."""
        self._failures = failures
        try:
            kept = {"count": failures.count, "locked_until": failures.locked_until}
            self.store.remember(_FAILURES_SETTING, kept)
            self.store.journal(event, detail, now)
        except EnvironmentFault as error:
            log.warning("the PIN's tries could not be saved (%s); they are counted in memory", error)
