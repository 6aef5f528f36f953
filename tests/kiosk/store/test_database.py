"""The encrypted store: encryption, airlock, schema, journal, wipe and retention."""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

import pytest

from kiosk.secret import CredentialRefused, Secret
from kiosk.store import schema
from kiosk.store.database import Store, StoreFull, StoreUnreadable
from kiosk.store.schema import SCHEMA_VERSION

NOW = 1_790_000_000.0


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def store(tmp_path: Path, key: bytes) -> Store:
    opened = Store.open(tmp_path / "kiosk.db", key)
    yield opened
    opened.close()


def session(session_id: str = "s1", **progress: object) -> dict[str, object]:
    return {
        "id": session_id,
        "started_at": NOW,
        "language": "fr",
        "mode": "guide",
        "outcome": "in_progress",
        "progress": {"steps_reached": {"caf-prime-activite": ["compte"]}, "completed": [], **progress},
    }


HELP = {
    "ticket": 3,
    "kind": "stuck",
    "screen": "step",
    "procedure_id": "caf-prime-activite",
    "step_id": "compte",
    "language": "fr",
    "seconds_on_step": 42,
    "created_at": NOW,
    "status": "open",
}


def test_the_file_is_encrypted_and_private(store: Store, tmp_path: Path) -> None:
    store.save_session(session(), [HELP], NOW)
    store.checkpoint()
    raw = (tmp_path / "kiosk.db").read_bytes()
    assert b"caf-prime-activite" not in raw and not raw.startswith(b"SQLite format 3")
    assert (tmp_path / "kiosk.db").stat().st_mode & 0o777 == 0o600
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "kiosk.db").execute("SELECT * FROM sessions").fetchall()


def test_a_wrong_key_or_a_foreign_file_raises_one_typed_error(store: Store, tmp_path: Path) -> None:
    store.close()
    with pytest.raises(StoreUnreadable):
        Store.open(tmp_path / "kiosk.db", secrets.token_bytes(32))
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreUnreadable):
        Store.open(plain, secrets.token_bytes(32))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(8192))
    with pytest.raises(StoreUnreadable):
        Store.open(garbage, secrets.token_bytes(32))


def test_sessions_and_their_help_are_kept_then_wiped_with_their_session(store: Store) -> None:
    store.save_session(session(), [HELP], NOW)
    assert store.session("s1")["progress"]["steps_reached"] == {"caf-prime-activite": ["compte"]}
    activity = {
        "day": "2026-09-21",
        "language": "fr",
        "mode": "guide",
        "procedures": ["caf-prime-activite"],
        "themes": ["health"],
        "outcome": "not_completed",
        "duration_bracket": "5-15 min",
        "help_requests": 1,
    }
    store.end_session("s1", activity)
    tables = store.tables()
    assert tables["sessions"] == [] and tables["help_requests"] == [] and tables["mediator_notes"] == []
    assert store.activity()[0]["procedures"] == ["caf-prime-activite"]


@pytest.mark.parametrize(
    "progress",
    [{"typed": Secret("s3cret")}, {"password": "s3cret"}, {"fields": [{"code": "123456"}]}],
)
def test_the_store_refuses_credentials(store: Store, progress: dict[str, object]) -> None:
    with pytest.raises(CredentialRefused):
        store.save_session(session(**progress), [], NOW)
    with pytest.raises(CredentialRefused):
        store.keep_for_resume("d", {"places": [], **progress}, NOW, NOW + 10)
    with pytest.raises((CredentialRefused, ValueError)):
        store.change_setting("password", "s3cret", NOW)
    assert store.session_ids() == []


def test_resume_records_work_once_and_expire(store: Store) -> None:
    store.keep_for_resume("abc", {"language": "ar"}, NOW, NOW + 100)
    store.keep_for_resume("old", {"language": "fr"}, NOW, NOW + 100)
    assert store.take_resume("abc", NOW + 1) == {"language": "ar"}
    assert store.take_resume("abc", NOW + 2) is None
    assert store.take_resume("old", NOW + 101) is None
    store.keep_for_resume("later", {"language": "fr"}, NOW, NOW + 100)
    assert store.purge(NOW + 100)["resume_records"] == 1


def test_the_journal_is_chained_and_append_only(store: Store) -> None:
    for index in range(5):
        store.journal("visit.wiped", {"n": index}, NOW + index)
    assert store.broken_journal_entry() is None
    with pytest.raises(Exception, match="append-only"):
        store._db.execute("UPDATE audit_journal SET detail = '{}' WHERE seq = 3")
    with pytest.raises(Exception, match="oldest"):
        store._db.execute("DELETE FROM audit_journal WHERE seq = 3")
    # Someone with the key who drops the trigger and edits an entry is caught by the chain.
    store._db.execute("DROP TRIGGER audit_journal_no_update")
    store._db.execute("""UPDATE audit_journal SET detail = '{"n": 99}' WHERE seq = 3""")
    assert store.broken_journal_entry() == 3


def test_purge_follows_the_retention_settings(store: Store) -> None:
    day = 86400.0
    store.journal("old", {}, NOW - 400 * day)
    store.journal("recent", {}, NOW - 10 * day)
    assert store.purge(NOW)["audit_journal"] == 1
    assert [e.event for e in store.journal_entries()] == ["recent"]
    assert store.broken_journal_entry() is None
    store.change_setting("journal_days", 5, NOW)
    assert store.retention_days("journal_days") == 5
    assert store.purge(NOW)["audit_journal"] == 1
    assert [e.event for e in store.journal_entries()] == ["settings.changed"]


def test_rekey_keeps_everything(store: Store, tmp_path: Path) -> None:
    store.save_session(session(), [HELP], NOW)
    new_key = secrets.token_bytes(32)
    store.rekey(new_key)
    store.close()
    reopened = Store.open(tmp_path / "kiosk.db", new_key)
    assert reopened.session_ids() == ["s1"]
    reopened.close()


def test_an_older_schema_is_migrated_and_a_newer_one_refused(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "kiosk.db"
    Store.open(path, key).close()
    opened = Store.open(path, key)
    assert opened._run("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    opened._run(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    opened.close()
    with pytest.raises(StoreUnreadable, match="newer"):
        Store.open(path, key)


def test_a_full_database_is_reported_as_full_and_keeps_what_was_committed(store: Store) -> None:
    store.save_session(session("before"), [], NOW)
    pages = store._run("PRAGMA page_count")[0][0]
    store._run(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreFull):
        for index in range(200):
            store.save_session(session(f"s{index}", padding="x" * 4000), [], NOW)
    assert "before" in store.session_ids()


def test_purge_survives_a_clock_that_was_once_wrong(store: Store) -> None:
    day = 86400.0
    store.journal("before the clock was fixed", {}, NOW)
    store.journal("clock reset to 1970", {}, 0.0)
    store.journal("clock fixed again", {}, NOW + day)
    assert store.purge(NOW + 2 * day)["audit_journal"] == 0, "the oldest entry is recent: nothing goes"
    assert store.purge(NOW + 400 * day)["audit_journal"] == 3
    assert store.broken_journal_entry() is None


def test_a_version_1_store_is_migrated_without_losing_its_sessions(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    old = Store.open(path, key)
    progress = '{"steps_reached": {}, "completed": []}'
    old._db.execute(
        "INSERT INTO sessions (id, started_at, updated_at, language, mode, outcome, autonomy, progress) "
        "VALUES ('s1', 1, 2, 'fr', 'guide', 'in_progress', NULL, ?)",
        (progress,),
    )
    old._db.execute(
        "INSERT INTO activity (day, language, mode, procedures, themes, outcome, duration_bracket, "
        "help_requests) VALUES ('2026-11-02', 'fr', 'guide', '[]', '[]', 'completed', '0-5 min', 0)"
    )
    old.close()
    monkeypatch.undo()
    migrated = Store.open(path, key)
    assert migrated._run("PRAGMA user_version")[0][0] == SCHEMA_VERSION == 6
    assert migrated.activity()[0]["practice_mistakes"] == []  # version 3: an old record had none
    # version 5: an old record made no estimate of « Quelles aides pour moi ? »
    record = migrated.activity()[0]
    assert (record["rights_simulated"], record["aids_suggested"]) == (False, [])
    assert migrated.session("s1")["referral"] is None  # type: ignore[index]
    migrated.save_session({**session("s1"), "referral": "CCAS de Guéret"}, [], NOW)
    assert migrated.session("s1")["referral"] == "CCAS de Guéret"  # type: ignore[index]
    migrated.close()
