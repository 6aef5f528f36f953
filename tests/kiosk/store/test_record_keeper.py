"""The station keeps records as the person moves, forgets them when they leave, and survives a bad store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.key import StorePaths, WrongPassphrase
from kiosk.store.record_keeper import RecordKeeper
from kiosk.visit.places import ScreenId
from kiosk.visit.resume import CODE_DIGITS, FREE_WRONG_CODES
from tests.conftest import FakeClock, fill_up, walk_to_step

PROCEDURE = "caf-prime-activite"


def open_station(tmp_path: Path, catalog: Catalog, clock: FakeClock) -> Station:
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    return Station(config, catalog, clock=clock, keeper=RecordKeeper.open(paths, catalog, clock=clock))


def keep_a_code_and_leave(station: Station) -> str:
    """A person reaches the first step, keeps their progress and leaves; returns their code."""
    walk_to_step(station, PROCEDURE, 1)
    station.visit.open_leave()
    assert station.keep_progress()
    code = station.visit.kept_code.reveal()  # type: ignore[union-attr]
    station.end_visit()
    return code


def test_a_session_is_saved_as_the_person_moves_and_erased_when_they_leave(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    walk_to_step(station, PROCEDURE, 2, language="ar")
    store = station.keeper.store
    assert store is not None
    [session_id] = store.session_ids()
    assert store.session(session_id)["language"] == "ar"
    assert len(store.session(session_id)["progress"]["steps_reached"][PROCEDURE]) == 2
    station.end_visit()
    assert store.session_ids() == []
    [activity] = store.activity()
    assert activity["procedures"] == [PROCEDURE] and activity["language"] == "ar"
    assert activity["outcome"] == "not_completed" and activity["help_requests"] == 0
    wal = store.path.with_name("kiosk.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the erased session left no copy in the log"


def test_progress_kept_for_later_comes_back_once_with_its_code(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    walk_to_step(station, PROCEDURE, 2, language="ru")
    where = station.visit.place
    station.visit.cycle_text_size()
    station.visit.open_leave()
    assert station.keep_progress()
    code = station.visit.kept_code
    assert code is not None and station.visit.place.screen is ScreenId.KEPT
    typed = code.reveal()
    station.end_visit()
    assert code.wiped
    station.visit.start()
    assert station.resume(Secret(typed))
    assert station.visit.place == where and station.visit.session.language == "ru"
    assert station.visit.session.text_size == 1 and station.visit.navigator.can_go_back
    station.visit.back()
    assert station.visit.place.screen is ScreenId.STEP
    station.end_visit()
    assert not station.resume(Secret(typed)), "a code works once"


def test_wrong_codes_slow_resuming_down_for_a_while(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    code = keep_a_code_and_leave(station)
    wrong = f"{(int(code) + 1) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"
    for _ in range(FREE_WRONG_CODES + 1):
        assert not station.resume(Secret(wrong))
    assert station.keeper.resume_wait_s() == 60.0
    assert not station.resume(Secret(code)), "even the right code waits while the wait runs"
    clock.advance(60)
    assert station.resume(Secret(code))
    assert "resume.slowed" in [e.event for e in station.keeper.store.journal_entries()]  # type: ignore[union-attr]


def test_sessions_left_by_a_crash_are_erased_at_the_next_start(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    walk_to_step(station, PROCEDURE, 2)
    assert station.keeper.store is not None  # the process dies here, the store is never closed
    again = open_station(tmp_path, bundled_catalog, clock)
    assert again.keeper.store is not None and again.keeper.store.session_ids() == []
    assert [a["procedures"] for a in again.keeper.store.activity()] == [[PROCEDURE]]


def test_a_damaged_store_is_moved_aside_and_a_fresh_one_started(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    RecordKeeper.open(paths, bundled_catalog, clock=clock).store.close()  # type: ignore[union-attr]
    damaged = bytearray(paths.database.read_bytes())
    damaged[100:4000] = os.urandom(3900)
    paths.database.write_bytes(bytes(damaged))
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    assert keeper.store is not None and keeper.keeps_records
    [aside] = paths.database.parent.glob("kiosk.db.unreadable-*")
    assert aside.read_bytes() == bytes(damaged), "never deleted, never changed"
    assert len(keeper.notices) == 1 and "mises de côté" in keeper.notices[0].message
    assert [e.event for e in keeper.store.journal_entries()][-1] == "store.moved_aside"


def test_a_lost_station_secret_moves_the_store_aside_with_its_key_settings(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    RecordKeeper.open(paths, bundled_catalog, clock=clock).store.close()  # type: ignore[union-attr]
    paths.keys.station_secret.unlink()
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    assert keeper.store is not None and keeper.notices
    assert len(list(paths.database.parent.glob("*.unreadable-*"))) == 2


def test_a_wrong_passphrase_never_moves_the_store(paths: StorePaths, bundled_catalog: Catalog) -> None:
    RecordKeeper.open(paths, bundled_catalog, Secret("la bonne phrase de passe")).store.close()  # type: ignore[union-attr]
    with pytest.raises(WrongPassphrase):
        RecordKeeper.open(paths, bundled_catalog, Secret("une mauvaise phrase de passe"))
    assert not list(paths.database.parent.glob("*.unreadable-*"))


def test_a_full_disk_lets_the_kiosk_go_on_without_saving_and_tells_the_mediator(
    tiny_disk: Path, tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    config = Config(data_dir=tiny_disk, config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    station = Station(config, bundled_catalog, clock=clock, keeper=keeper)
    filler = fill_up(tiny_disk)
    walk_to_step(station, PROCEDURE, 2)  # every move tries to save; none raises
    assert station.visit.place.screen is ScreenId.STEP
    assert not keeper.keeps_records and len(keeper.notices) == 1 and "plein" in keeper.notices[0].message
    station.visit.open_leave()
    assert not station.keep_progress(), "no code is promised when it cannot be kept"
    filler.unlink()
    station.visit.back()
    assert keeper.keeps_records


def test_a_code_expires_after_the_retention_delay_and_its_record_is_purged(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    code = keep_a_code_and_leave(station)
    clock.advance(30 * 86400 + 1)
    walk_to_step(station, PROCEDURE, 1)
    station.end_visit()
    assert station.keeper.store.tables()["resume_records"] == []  # type: ignore[union-attr]
    assert not station.resume(Secret(code))
