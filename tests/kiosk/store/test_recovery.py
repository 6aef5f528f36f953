"""Bad luck with the store's files: a damaged store or key file is set aside, never deleted, and the
kiosk starts again at once with a fresh store that keeps the PIN and the structure's choices, tells the
mediator and writes it in the journal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.config import IDLE_TIMEOUT_SETTING
from kiosk.content.loader import Catalog
from kiosk.mediation.pin import PIN_SETTING, PinCheck, PinLock
from kiosk.secret import Secret
from kiosk.store.admin import set_pin
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from kiosk.visit.recap import STRUCTURE_NAME
from tests.conftest import FakeClock


def first_start(paths: StorePaths, catalog: Catalog, clock: FakeClock) -> None:
    keeper = RecordKeeper.open(paths, catalog, clock=clock)
    assert keeper.store is not None
    keeper.store.close()


def start_again(paths: StorePaths, catalog: Catalog, clock: FakeClock) -> RecordKeeper:
    """A start of the kiosk as ``ui.opening`` does it: ask whether a passphrase is needed, then open."""
    assert not paths.keys.needs_passphrase
    keeper = RecordKeeper.open(paths, catalog, clock=clock)
    assert keeper.store is not None and keeper.keeps_records, "the kiosk must start, every time"
    return keeper


def aside(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.unreadable-*"))


@pytest.mark.parametrize(
    "garbage", [b"not hex at all\n", b"", b"00ff", os.urandom(64)], ids=["text", "empty", "short", "bytes"]
)
def test_a_damaged_station_secret_is_set_aside_and_the_kiosk_starts_fresh(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock, garbage: bytes
) -> None:
    first_start(paths, bundled_catalog, clock)
    paths.keys.station_secret.write_bytes(garbage)
    keeper = start_again(paths, bundled_catalog, clock)
    assert keeper.notices and "mises de côté" in keeper.notices[0].message
    assert keeper.store is not None
    assert "store.moved_aside" in [entry.event for entry in keeper.store.journal_entries()]
    assert len(aside(paths.database.parent)) == 2, "the store and its key settings, kept"
    [secret_aside] = aside(paths.keys.station_secret.parent)
    assert (paths.keys.station_secret.parent / secret_aside).read_bytes() == garbage, "never changed"
    keeper.store.close()
    clock.advance(1)
    again = start_again(paths, bundled_catalog, clock)
    assert again.notices == [], "and the next start is an ordinary one"


@pytest.mark.parametrize(
    "garbage",
    [b"{not json", b"", b'{"mode": "station-secret"}', os.urandom(64)],
    ids=["json", "empty", "incomplete", "bytes"],
)
def test_damaged_key_settings_are_set_aside_and_the_kiosk_starts_fresh(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock, garbage: bytes
) -> None:
    first_start(paths, bundled_catalog, clock)
    paths.keys.params.write_bytes(garbage)
    keeper = start_again(paths, bundled_catalog, clock)
    assert keeper.notices and keeper.store is not None
    assert "store.moved_aside" in [entry.event for entry in keeper.store.journal_entries()]
    assert "kiosk.key.json.unreadable-" in " ".join(aside(paths.database.parent))
    keeper.store.close()
    clock.advance(1)
    assert start_again(paths, bundled_catalog, clock).notices == []


def test_a_lost_station_secret_is_written_in_the_journal(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    first_start(paths, bundled_catalog, clock)
    paths.keys.station_secret.unlink()
    keeper = start_again(paths, bundled_catalog, clock)
    assert keeper.store is not None
    assert "store.moved_aside" in [entry.event for entry in keeper.store.journal_entries()]


def test_two_stores_moved_aside_in_the_same_second_are_both_kept(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    contents = []
    for _ in range(2):
        first_start(paths, bundled_catalog, clock)
        damaged = os.urandom(8192)
        paths.database.write_bytes(damaged)
        contents.append(damaged)
        keeper = start_again(paths, bundled_catalog, clock)  # the clock has not moved: the same second
        assert keeper.store is not None
        keeper.store.close()
    kept = [path.read_bytes() for path in paths.database.parent.glob("kiosk.db.unreadable-*")]
    assert sorted(kept) == sorted(contents), "the second never overwrites the first"


def damage(database: Path) -> None:
    database.write_bytes(os.urandom(8192))


def test_a_store_set_aside_keeps_the_mediators_pin_and_the_structures_choices(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    assert keeper.store is not None
    PinLock(keeper.store).set_pin(Secret("482193"))
    keeper.back_up_settings()  # as the set-up page does once the PIN is chosen
    keeper.change_setting(STRUCTURE_NAME, "France Services de Guéret")
    keeper.change_setting(IDLE_TIMEOUT_SETTING, 180)
    keeper.store.close()
    copy = paths.settings_backup
    assert copy.stat().st_mode & 0o777 == 0o600
    assert "482193" not in copy.read_text(encoding="utf-8"), "the PIN's hash only"
    damage(paths.database)
    again = start_again(paths, bundled_catalog, clock)
    assert again.store is not None
    assert PinLock(again.store).configured, "no set-up screen for whoever stands at the kiosk"
    assert PinLock(again.store).check(Secret("482193")).result is PinCheck.ACCEPTED
    assert again.setting(STRUCTURE_NAME) == "France Services de Guéret"
    assert again.setting(IDLE_TIMEOUT_SETTING) == 180
    assert "settings.restored" in [entry.event for entry in again.store.journal_entries()]
    assert any("repris" in notice.message for notice in again.notices)


def test_in_passphrase_mode_no_copy_is_kept_outside_the_store(
    paths: StorePaths, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    phrase = "une phrase de passe assez longue"
    keeper = RecordKeeper.open(paths, bundled_catalog, Secret(phrase), clock=clock)
    assert keeper.store is not None
    PinLock(keeper.store).set_pin(Secret("482193"))
    keeper.back_up_settings()
    keeper.change_setting(STRUCTURE_NAME, "France Services de Guéret")
    assert not paths.settings_backup.exists(), "outside the store, the PIN's hash needs no passphrase"


def test_the_pin_set_from_a_terminal_is_copied_too(paths: StorePaths, bundled_catalog: Catalog) -> None:
    answers = iter(["482193", "482193"])
    set_pin(paths, lambda prompt: next(answers))
    saved = json.loads(paths.settings_backup.read_text(encoding="utf-8"))
    assert PIN_SETTING in saved and "482193" not in json.dumps(saved)
