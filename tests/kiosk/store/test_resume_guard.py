"""Guessing resume codes is slowed down for good: across restarts, whatever codes one holds, and in numbers.

The figures checked here are the ones docs/PRIVACY.md gives: at most 11 guesses in the
first hour and 4 an hour after that, 1,000 live codes of 8 digits, and codes of 6 digits
kept before still taken back (each wrong one weighing as much as the PIN's bar asks).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store import schema
from kiosk.store.database import Store
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from kiosk.visit.places import Place, ScreenId
from kiosk.visit.resume import (
    CODE_DIGITS,
    FREE_WRONG_CODES,
    LIVE_CODES_MAX,
    LONGEST_WAIT_S,
    SHORT_CODE_DIGITS,
    SHORT_CODE_WEIGHT_MAX,
    WrongCodes,
    code_digest,
    resume_state,
    short_code_weight,
)
from kiosk.visit.session import Session
from tests.conftest import FakeClock, fill_up, walk_to_step
from tests.kiosk.store.test_record_keeper import PROCEDURE, keep_a_code_and_leave, open_station

HOUR = 3600.0
FIRST_HOUR_GUESSES = 11  # 3 free, then after 1, 2, 4, 8 and 15 minutes, then every 15 minutes
GUESSES_PER_HOUR = 4


def wrong_code(number: int, digits: int = CODE_DIGITS) -> Secret:
    return Secret(f"{number:0{digits}d}")


def test_new_codes_have_eight_digits(tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    code = keep_a_code_and_leave(station)
    assert len(code) == CODE_DIGITS == 8 and code.isdigit()
    assert station.keeper.resume_lengths() == (8,), "no code of 6 digits is live: only 8 are taken"


def test_the_count_survives_a_restart(tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    code = keep_a_code_and_leave(station)
    for number in range(FREE_WRONG_CODES + 1):
        assert not station.resume(wrong_code(number))
    assert station.keeper.store is not None
    station.keeper.store.close()  # the kiosk restarts (or is made to)
    again = open_station(tmp_path, bundled_catalog, clock)
    assert again.keeper.resume_wait_s() == 60.0, "4 wrong codes: a minute's wait, after a restart too"
    assert not again.resume(Secret(code)), "even the right code waits"
    clock.advance(60)
    assert again.resume(Secret(code))
    assert "resume.slowed" in [e.event for e in again.keeper.store.journal_entries()]  # type: ignore[union-attr]


def test_a_right_code_does_not_reset_the_count(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    mine = [keep_a_code_and_leave(station) for _ in range(2)]
    for number in range(FREE_WRONG_CODES):
        assert not station.resume(wrong_code(number))
    assert station.keeper.resume_wait_s() == 0, "three wrong codes cost nothing"
    assert station.resume(Secret(mine[0])), "a right code works"
    station.end_visit()
    assert not station.resume(wrong_code(99))
    assert station.keeper.resume_wait_s() == 60.0, "the fourth wrong code makes the next try wait"
    assert not station.resume(Secret(mine[1]))


def test_ten_thousand_guesses_with_codes_of_ones_own_go_no_faster_than_four_an_hour(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    """The attack that got through: guess, and use a code of one's own now and then to reset the count."""
    station = open_station(tmp_path, bundled_catalog, clock)
    started = clock()
    mine = keep_a_code_and_leave(station)
    guesses = waits = 0
    while guesses < 10_000:
        wait = station.keeper.resume_wait_s()
        if wait > 0:
            assert not station.resume(wrong_code(guesses)), "nothing is checked while the wait runs"
            clock.advance(wait)  # the fastest an attacker can go: try again the moment it ends
            waits += 1
            continue
        if guesses % 500 == 499:  # a right code of one's own, and a new one kept for later
            assert station.resume(Secret(mine))
            station.end_visit()
            mine = keep_a_code_and_leave(station)
        assert not station.resume(wrong_code(guesses))
        guesses += 1
    hours = (clock() - started) / HOUR
    assert hours >= 1 + (guesses - FIRST_HOUR_GUESSES) / GUESSES_PER_HOUR, f"10,000 guesses in {hours:.0f} h"
    assert hours == pytest.approx(2_498.25), "and the fastest way to make them takes exactly that long"
    assert waits >= guesses - FIRST_HOUR_GUESSES


@functools.cache
def most_guesses(minutes_left: int, count: int, wait_min: int, weight: int) -> int:
    """The most guesses an attacker makes in the time left, after a guess that left ``count`` and a wait.

    Every strategy is tried: guess the moment the wait ends, or rest a whole number of
    hours for the count to halve first (resting any other time changes nothing).
    """
    best = 0
    for rest_hours in range(6):  # a count of 8 or less halves to nothing in 4 hours
        delay = wait_min + 60 * rest_hours
        if delay > minutes_left:
            break
        after = WrongCodes(count, 0.0, wait_min * 60.0).after_wrong(delay * 60.0, weight)
        next_wait = round((after.wait_until - after.last_at) / 60)
        best = max(best, 1 + most_guesses(minutes_left - delay, after.count, next_wait, weight))
    return best


def first_guess_then_most(hours: int, weight: int = 1) -> int:
    first = WrongCodes().after_wrong(0.0, weight)
    return 1 + most_guesses(hours * 60, first.count, round(first.wait_until / 60), weight)


def test_no_way_of_guessing_beats_eleven_the_first_hour_and_four_an_hour_after() -> None:
    assert first_guess_then_most(1) == FIRST_HOUR_GUESSES
    assert first_guess_then_most(48) == FIRST_HOUR_GUESSES + GUESSES_PER_HOUR * 47
    for weight in (2, 4, SHORT_CODE_WEIGHT_MAX):  # a heavy guess gains nothing over as many light ones
        assert first_guess_then_most(48, weight) <= math.ceil(first_guess_then_most(48) / weight)


def test_a_quiet_hour_halves_the_count_and_a_clock_set_back_never_lengthens_a_wait() -> None:
    wrong = WrongCodes()
    for _ in range(20):
        wrong = wrong.after_wrong(wrong.wait_until)
    assert wrong.count == 8 and wrong.wait_s(wrong.last_at) == LONGEST_WAIT_S
    assert wrong.count_at(wrong.wait_until + HOUR) == 4 and wrong.count_at(wrong.wait_until + 3 * HOUR) == 1
    assert wrong.wait_s(wrong.last_at - 86400) == LONGEST_WAIT_S, "a clock set back a day: still 15 minutes"
    assert WrongCodes.from_dict({"count": "many"}) == WrongCodes(8), "an unreadable count fails closed"


def test_the_number_of_live_codes_is_bounded_and_the_mediator_told(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    store = station.keeper.store
    assert store is not None
    expires = clock() + 30 * 86400
    for number in range(LIVE_CODES_MAX - 1):
        store.keep_for_resume(f"someone-{number}", {"language": "fr"}, clock(), expires)
    last = keep_a_code_and_leave(station)
    walk_to_step(station, PROCEDURE, 1)
    station.visit.open_leave()
    assert not station.keep_progress(), "the thousand-and-first code is not promised"
    assert station.visit.kept_code is None and station.keeper.keeps_records
    assert not station.keep_progress()
    [notice] = station.keeper.notices
    assert "1000 codes pour revenir" in notice.message and "ne peut pas être gardé" in notice.message
    assert [e.detail for e in store.journal_entries() if e.event == "resume.codes_full"] == [{"live": 1000}]
    station.end_visit()
    assert station.resume(Secret(last))
    station.end_visit()
    keep_a_code_and_leave(station)  # one was taken back: there is room for one again


def old_store_with_a_short_code(
    data: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    """A store as the kiosk left it before codes had 8 digits (schema 3), holding one code of 6."""
    config = Config(data_dir=data / "data", config_dir=data / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    old = Store.open(paths.database, paths.keys.unlock(None)[0][0])
    pepper = old.station_token("resume_code_pepper")
    state = json.dumps(resume_state(Session("uk"), (), Place(ScreenId.HOME)))
    old._db.execute(
        "INSERT INTO resume_records (digest, created_at, expires_at, state) VALUES (?, ?, ?, ?)",
        (code_digest(Secret(code), pepper), clock(), clock() + 30 * 86400, state),
    )
    old.close()
    monkeypatch.undo()


def test_a_six_digit_code_kept_before_is_still_taken_back(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_store_with_a_short_code(tmp_path, clock, monkeypatch, "123456")
    station = open_station(tmp_path, bundled_catalog, clock)
    assert station.keeper.resume_lengths() == (SHORT_CODE_DIGITS, CODE_DIGITS)
    assert len(keep_a_code_and_leave(station)) == 8, "new codes have 8 digits"
    station.visit.start()
    assert station.resume(Secret("123456"))
    assert station.visit.session.language == "uk"
    assert station.keeper.resume_lengths() == (CODE_DIGITS,), "the last short code is gone: 8 digits only"


def test_a_wrong_six_digit_code_weighs_as_the_pins_bar_asks(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [short_code_weight(live) for live in (0, 29, 30, 100, 359, 5000)] == [1, 1, 2, 4, 12, 12]
    old_store_with_a_short_code(tmp_path, clock, monkeypatch, "123456")
    station = open_station(tmp_path, bundled_catalog, clock)
    assert station.keeper.store is not None
    for number in range(99):  # 100 short codes live
        station.keeper.store.keep_for_resume(f"old-{number}", {}, clock(), clock() + 86400, SHORT_CODE_DIGITS)
    assert not station.resume(wrong_code(1, SHORT_CODE_DIGITS))
    assert station.keeper.resume_wait_s() == 60.0, "one wrong short code counts as four wrong codes"
    # Expected time to a hit: (10^6 + 1) / 101 guesses at 4 / 4 an hour, 9,901 hours; the PIN's is 8,333.
    assert (10**6 + 1) / 101 / (GUESSES_PER_HOUR / 4) > (10**6 + 1) / 2 / 60


def test_a_full_disk_still_counts_wrong_codes_in_memory(
    tiny_disk: Path, tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    config = Config(data_dir=tiny_disk, config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    station = Station(config, bundled_catalog, clock=clock, keeper=keeper)
    code = keep_a_code_and_leave(station)
    filler = fill_up(tiny_disk)
    for number in range(FREE_WRONG_CODES + 1):
        assert not station.resume(wrong_code(number))
    assert not station.keeper.keeps_records, "the store could not write the count"
    assert station.keeper.resume_wait_s() == 60.0, "counted in memory all the same: the wait fails closed"
    assert len(station.keeper.notices) == 1, "the mediator is told once that the disk is full"
    filler.unlink()
    clock.advance(60)
    assert station.resume(Secret(code))
