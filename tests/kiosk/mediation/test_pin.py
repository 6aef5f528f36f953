"""The mediators' PIN: no default, a slow salted hash, five wrong tries lock it, across restarts."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from kiosk.mediation.pin import LOCK_S, MAX_TRIES, PIN_SETTING, PinCheck, PinLock
from kiosk.secret import Secret
from kiosk.store.database import Store, StoreFull
from tests.conftest import FakeClock, fill_up


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "kiosk.db", secrets.token_bytes(32))
    yield opened
    opened.close()


def test_there_is_no_default_pin(store: Store) -> None:
    lock = PinLock(store)
    assert not lock.configured
    assert lock.check(Secret("000000")).result is PinCheck.WRONG


@pytest.mark.parametrize("weak", ["12345", "111111", "12a456", ""])
def test_weak_pins_are_refused(store: Store, weak: str) -> None:
    with pytest.raises(ValueError):
        PinLock(store).set_pin(Secret(weak))


def test_the_pin_is_stored_only_as_a_salted_hash(store: Store) -> None:
    pin = Secret("482193")
    PinLock(store).set_pin(pin)
    assert pin.wiped
    assert "482193" not in repr(store.tables())
    record = store.setting(PIN_SETTING)
    assert set(record) == {"salt", "n", "r", "p", "hash"} and record["n"] >= 2**14
    PinLock(store).set_pin(Secret("482193"))
    assert store.setting(PIN_SETTING)["hash"] != record["hash"], "a new salt each time"


def test_five_wrong_tries_lock_for_five_minutes_even_after_a_restart(store: Store) -> None:
    clock = FakeClock()
    PinLock(store, clock).set_pin(Secret("482193"))
    for attempt in range(1, MAX_TRIES):
        answer = PinLock(store, clock).check(Secret("000000"))
        assert answer.result is PinCheck.WRONG and answer.tries_left == MAX_TRIES - attempt
    assert PinLock(store, clock).check(Secret("000000")).result is PinCheck.LOCKED
    restarted = PinLock(store, clock)  # the kiosk restarts: the lock holds
    answer = restarted.check(Secret("482193"))
    assert answer.result is PinCheck.LOCKED and 0 < answer.seconds_locked <= LOCK_S + 1
    clock.advance(LOCK_S + 1)
    assert restarted.check(Secret("482193")).result is PinCheck.ACCEPTED
    events = [entry.event for entry in store.journal_entries()]
    assert events.count("mediator.wrong_pin") == MAX_TRIES - 1
    assert "mediator.locked_out" in events and events[-1] == "mediator.unlocked"
    assert "482193" not in repr(store.journal_entries()) and "000000" not in repr(store.journal_entries())


def test_a_right_pin_resets_the_count(store: Store) -> None:
    lock = PinLock(store)
    lock.set_pin(Secret("482193"))
    for _ in range(MAX_TRIES - 1):
        lock.check(Secret("000000"))
    assert lock.check(Secret("482193")).result is PinCheck.ACCEPTED
    assert lock.check(Secret("000000")).tries_left == MAX_TRIES - 1


def test_a_full_disk_still_counts_wrong_pins_and_lets_the_right_one_in(
    tiny_disk: Path, clock: FakeClock
) -> None:
    store = Store.open(tiny_disk / "kiosk.db", secrets.token_bytes(32))
    try:
        lock = PinLock(store, clock)
        lock.set_pin(Secret("482193"))
        fill_up(tiny_disk)
        with pytest.raises(StoreFull):
            store.remember("probe", "x" * 100_000)  # the disk really refuses what the lock writes
        assert lock.check(Secret("482193")).result is PinCheck.ACCEPTED, "to read the « disque plein » notice"
        answers = [lock.check(Secret("000000")).result for _ in range(MAX_TRIES)]
        assert answers == [PinCheck.WRONG] * (MAX_TRIES - 1) + [PinCheck.LOCKED]
        assert lock.check(Secret("482193")).result is PinCheck.LOCKED, "the lock fails closed"
        clock.advance(LOCK_S + 1)
        assert lock.check(Secret("482193")).result is PinCheck.ACCEPTED
    finally:
        store.close()
