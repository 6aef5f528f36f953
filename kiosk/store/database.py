"""The encrypted store (SQLCipher): the one module that holds the database connection.

It keeps sessions while they last, resume records a person asked for, help
requests, anonymous activity records, settings, and an append-only, hash-chained
audit journal (mediator notes stay in memory: ``RecordKeeper.add_note``; their old
table stays empty). Every value written goes through
``refuse_credentials`` first: a Secret or a credential field never reaches the disk.

Failures come out as three typed errors: the file cannot be read with this key
(``StoreUnreadable``), the disk is full (``StoreFull``), or anything else the
machine refuses (``StoreError``).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from kiosk.errors import DiskFull, EnvironmentFault
from kiosk.mediation.guide_reports import REPORT_FIELDS as GUIDE_REPORT_FIELDS
from kiosk.mediation.statistics import ACTIVITY_FIELDS
from kiosk.secret import CREDENTIAL_FIELDS, refuse_credentials
from kiosk.store import schema
from kiosk.visit.resume import CODE_DIGITS

log = logging.getLogger(__name__)

KEY_BYTES = 32  # a raw 256-bit SQLCipher key
_GENESIS = "0" * 64

# Retention delays, in days; each is a setting a structure can change.
RETENTION_DEFAULTS: dict[str, int] = {
    "resume_days": 30,
    "activity_days": 730,
    "journal_days": 365,
}


class StoreError(EnvironmentFault):
    """The store could not do what was asked (the machine refused)."""


class StoreUnreadable(StoreError):
    """The file cannot be read with this key: wrong key, damaged, or not a kiosk store."""


class StoreFull(StoreError, DiskFull):
    """The disk is full: nothing more can be saved until space is freed."""


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    at: float
    event: str
    detail: dict[str, Any]


def _translate(error: Exception) -> StoreError:
    name = getattr(error, "sqlite_errorname", "")
    message = str(error)
    if name == "SQLITE_FULL" or "disk is full" in message or getattr(error, "errno", None) == errno.ENOSPC:
        return StoreFull(f"the disk is full: {message}")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in message or "malformed" in message:
        return StoreUnreadable(f"the store cannot be read: {message}")
    return StoreError(f"the store failed: {message}")


def _dumps(value: object, where: str) -> str:
    refuse_credentials(value, where)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """An open, unlocked store. Use ``Store.open``; close it with ``close()``."""

    def __init__(self, connection: Any, path: Path) -> None:
        self._db = connection
        self.path = path

    # Opening ---------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, key: bytes) -> Store:
        """Open (or create) the store at ``path`` with a raw 256-bit key; migrate it if it is older."""
        if len(key) != KEY_BYTES:
            raise ValueError("the store key must be 32 bytes")
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            connection = sqlcipher3.connect(str(path), isolation_level=None, timeout=5.0)
        except sqlcipher3.dbapi2.Error as error:
            raise _translate(error) from None
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            connection.execute("PRAGMA cipher_memory_security = ON")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            store = cls(connection, path)
            store._migrate()
            if store._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StoreUnreadable(f"{path}: the store is damaged")
        except sqlcipher3.dbapi2.Error as error:
            connection.close()
            raise _translate(error) from None
        except StoreError:
            connection.close()
            raise
        for name in (path.name, path.name + "-wal", path.name + "-shm"):
            if (path.parent / name).exists():
                (path.parent / name).chmod(0o600)
        return store

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            raise StoreUnreadable(f"{self.path}: written by a newer kiosk (schema {version})")
        for target in range(version + 1, schema.SCHEMA_VERSION + 1):
            with self._transaction():
                for statement in schema.MIGRATIONS[target].split(";\n"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")
            log.info("store schema migrated to version %d", target)

    def close(self) -> None:
        with suppress(sqlcipher3.dbapi2.Error):  # closing anyway: the WAL is replayed at the next open
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()

    def rekey(self, key: bytes) -> None:
        """Re-encrypt the whole store with a new raw key."""
        self._run(f"PRAGMA rekey = \"x'{key.hex()}'\"")
        self.checkpoint()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database and empty it (deleted rows leave no copy there)."""
        self._run("PRAGMA wal_checkpoint(TRUNCATE)")

    # Plumbing ----------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All of the block is written, or none of it (SQLite may already have rolled back on a full disk)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            if self._db.in_transaction:
                with suppress(sqlcipher3.dbapi2.Error):  # the original error is the one to report
                    self._db.execute("ROLLBACK")
            if isinstance(error, sqlcipher3.dbapi2.Error | OSError):
                raise _translate(error) from None
            raise

    def _run(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._db.execute(sql, parameters).fetchall())
        except sqlcipher3.dbapi2.Error as error:
            raise _translate(error) from None

    def tables(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, decrypted (for audits and tests)."""
        names = [row[0] for row in self._run("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: self._run(f'SELECT * FROM "{name}"') for name in names}  # noqa: S608 - names from sqlite_master

    # Sessions ------------------------------------------------------------------
    def save_session(self, record: dict[str, Any], help_requests: list[dict[str, Any]], now: float) -> None:
        """Write the current state of a session (one transaction: all of it or nothing)."""
        progress = _dumps(record["progress"], "session.progress")
        for index, request in enumerate(help_requests):
            refuse_credentials(request, f"help_requests[{index}]")
        with self._transaction():
            self._db.execute(
                """INSERT INTO sessions
                    (id, started_at, updated_at, language, mode, outcome, autonomy, referral, progress)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at,
                    language = excluded.language, mode = excluded.mode, outcome = excluded.outcome,
                    autonomy = excluded.autonomy, referral = excluded.referral,
                    progress = excluded.progress""",
                (
                    record["id"],
                    record["started_at"],
                    now,
                    record["language"],
                    record["mode"],
                    record["outcome"],
                    record.get("autonomy"),
                    record.get("referral"),
                    progress,
                ),
            )
            self._db.execute("DELETE FROM help_requests WHERE session_id = ?", (record["id"],))
            self._db.executemany(
                """INSERT INTO help_requests (session_id, ticket, kind, screen, procedure_id, step_id,
                    language, seconds_on_step, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    (
                        record["id"],
                        r["ticket"],
                        r["kind"],
                        r["screen"],
                        r["procedure_id"],
                        r["step_id"],
                        r["language"],
                        r["seconds_on_step"],
                        r["created_at"],
                        r["status"],
                    )
                    for r in help_requests
                ],
            )

    def session_ids(self) -> list[str]:
        return [row[0] for row in self._run("SELECT id FROM sessions ORDER BY started_at")]

    def session(self, session_id: str) -> dict[str, Any] | None:
        rows = self._run(
            "SELECT id, started_at, updated_at, language, mode, outcome, autonomy, referral, progress "
            "FROM sessions WHERE id = ?",
            (session_id,),
        )
        if not rows:
            return None
        keys = (
            "id",
            "started_at",
            "updated_at",
            "language",
            "mode",
            "outcome",
            "autonomy",
            "referral",
            "progress",
        )
        record = dict(zip(keys, rows[0], strict=True))
        record["progress"] = json.loads(record["progress"])
        return record

    def end_session(self, session_id: str, activity: dict[str, Any] | None) -> None:
        """Delete everything of a session (its help requests too) and keep its anonymous record."""
        with self._transaction():
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if activity is not None:
                self._insert_activity(activity)

    # Resume records ---------------------------------------------------------------
    def keep_for_resume(
        self, digest: str, state: dict[str, Any], now: float, expires_at: float, digits: int = CODE_DIGITS
    ) -> None:
        encoded = _dumps(state, "resume")
        with self._transaction():
            self._db.execute(
                "INSERT INTO resume_records (digest, created_at, expires_at, state, digits) "
                "VALUES (?, ?, ?, ?, ?)",
                (digest, now, expires_at, encoded, digits),
            )

    def has_resume(self, digest: str) -> bool:
        return bool(self._run("SELECT 1 FROM resume_records WHERE digest = ?", (digest,)))

    def live_resumes(self, now: float) -> dict[int, int]:
        """How many codes can still be taken back, by their number of digits."""
        rows = self._run(
            "SELECT digits, count(*) FROM resume_records WHERE expires_at > ? GROUP BY digits", (now,)
        )
        return {int(digits): int(count) for digits, count in rows}

    def take_resume(self, digest: str, now: float) -> dict[str, Any] | None:
        """The kept state for this code, removed from the store (a code works once); None if unknown."""
        with self._transaction():
            row = self._db.execute(
                "SELECT state FROM resume_records WHERE digest = ? AND expires_at > ?", (digest, now)
            ).fetchone()
            self._db.execute("DELETE FROM resume_records WHERE digest = ?", (digest,))
        return json.loads(row[0]) if row else None

    # Anonymous activity -----------------------------------------------------------------
    def _insert_activity(self, activity: dict[str, Any]) -> None:
        refuse_credentials(activity, "activity")
        self._db.execute(
            """INSERT INTO activity (day, language, mode, procedures, themes, outcome, autonomy,
                duration_bracket, help_requests, referral, practice_mistakes, rights_simulated,
                aids_suggested)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                activity["day"],
                activity["language"],
                activity["mode"],
                json.dumps(activity["procedures"]),
                json.dumps(activity["themes"]),
                activity["outcome"],
                activity.get("autonomy"),
                activity["duration_bracket"],
                activity["help_requests"],
                activity.get("referral"),
                json.dumps(activity.get("practice_mistakes", [])),
                int(bool(activity.get("rights_simulated", False))),
                json.dumps(activity.get("aids_suggested", [])),
            ),
        )

    def add_activity(self, activity: dict[str, Any]) -> None:
        """Keep an activity record made elsewhere: a kiosk of the room, counted by the desk's console."""
        with self._transaction():
            self._insert_activity(activity)

    def activity(self) -> list[dict[str, Any]]:
        columns = ", ".join(ACTIVITY_FIELDS)  # our own constant column names, nothing typed
        rows = self._run(f"SELECT {columns} FROM activity ORDER BY id")  # noqa: S608 - constant columns
        records = [dict(zip(ACTIVITY_FIELDS, row, strict=True)) for row in rows]
        for record in records:
            record["procedures"] = json.loads(record["procedures"])
            record["themes"] = json.loads(record["themes"])
            record["practice_mistakes"] = json.loads(record["practice_mistakes"])
            record["rights_simulated"] = bool(record["rights_simulated"])
            record["aids_suggested"] = json.loads(record["aids_suggested"])
        return records

    # What mediators found of the guides ---------------------------------------------------
    def add_guide_report(self, report: dict[str, Any]) -> None:
        refuse_credentials(report, "guide report")
        with self._transaction():
            self._db.execute(
                """INSERT INTO guide_reports (day, procedure_id, pack_version, verdict, step_id, note)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                tuple(report[name] for name in GUIDE_REPORT_FIELDS),
            )

    def guide_reports(self) -> list[dict[str, Any]]:
        rows = self._run(
            "SELECT day, procedure_id, pack_version, verdict, step_id, note FROM guide_reports ORDER BY id"
        )
        return [dict(zip(GUIDE_REPORT_FIELDS, row, strict=True)) for row in rows]

    # Settings --------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._run("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def station_token(self, name: str) -> bytes:
        """A random value made once for this store (never journaled, never shown)."""
        key = f"token.{name}"
        value = self.setting(key)
        if value is None:
            value = secrets.token_hex(32)
            self.remember(key, value)
        return bytes.fromhex(value)

    def remember(self, key: str, value: Any) -> None:
        """Keep a value of the station's own (a counter, a token): not a setting, not journaled."""
        encoded = _dumps(value, f"settings.{key}")
        with self._transaction():
            self._put_setting(key, encoded)

    def _put_setting(self, key: str, encoded: str) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, encoded),
        )

    def retention_days(self, key: str) -> int:
        return int(self.setting(key, RETENTION_DEFAULTS[key]))

    def change_setting(self, key: str, value: Any, now: float, journal_value: bool = True) -> None:
        """Change a setting; the change goes into the audit journal (a credential is refused).

        ``journal_value=False`` journals only which setting changed (a PIN's hash, for one).
        """
        if key.lower() in CREDENTIAL_FIELDS:
            raise ValueError(f"{key!r} is a credential and cannot be a setting")
        encoded = _dumps(value, f"settings.{key}")
        with self._transaction():
            self._put_setting(key, encoded)
            detail = {"key": key, "value": value} if journal_value else {"key": key}
            self._append_journal("settings.changed", detail, now)

    # Audit journal ---------------------------------------------------------------------
    def journal(self, event: str, detail: dict[str, Any], now: float) -> None:
        """Append an entry (mediator unlocks, exports, wipes, settings); never personal data."""
        with self._transaction():
            self._append_journal(event, detail, now)

    def _append_journal(self, event: str, detail: dict[str, Any], now: float) -> None:
        encoded = _dumps(detail, f"journal.{event}")
        last = self._db.execute("SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1").fetchone()
        seq, previous = (last[0] + 1, last[1]) if last else (1, _GENESIS)
        digest = _journal_hash(previous, seq, now, event, encoded)
        self._db.execute(
            "INSERT INTO audit_journal (seq, at, event, detail, previous, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, now, event, encoded, previous, digest),
        )

    def journal_entries(self) -> list[JournalEntry]:
        rows = self._run("SELECT seq, at, event, detail FROM audit_journal ORDER BY seq")
        return [JournalEntry(seq, at, event, json.loads(detail)) for seq, at, event, detail in rows]

    def broken_journal_entry(self) -> int | None:
        """The first entry whose hash or link does not match, or None if the chain holds."""
        rows = self._run("SELECT seq, at, event, detail, previous, hash FROM audit_journal ORDER BY seq")
        expected_previous: str | None = None  # the oldest kept entry anchors the chain after a purge
        for seq, at, event, detail, previous, digest in rows:
            if expected_previous is not None and previous != expected_previous:
                return int(seq)
            if _journal_hash(previous, seq, at, event, detail) != digest:
                return int(seq)
            expected_previous = digest
        return None

    # Retention ---------------------------------------------------------------------------
    def purge(self, now: float) -> dict[str, int]:
        """Delete what has outlived its retention delay; returns how many rows went, per table."""
        day = 86400.0
        activity_limit = now - self.retention_days("activity_days") * day
        journal_limit = now - self.retention_days("journal_days") * day
        with self._transaction():
            counts = {
                "resume_records": self._db.execute(
                    "DELETE FROM resume_records WHERE expires_at <= ?", (now,)
                ).rowcount,
                "activity": self._db.execute(
                    "DELETE FROM activity WHERE julianday(day) < julianday(?, 'unixepoch')",
                    (activity_limit,),
                ).rowcount,
                "guide_reports": self._db.execute(  # kept as long as the activity, for the publisher
                    "DELETE FROM guide_reports WHERE julianday(day) < julianday(?, 'unixepoch')",
                    (activity_limit,),
                ).rowcount,
                # From the oldest entry up to the first recent one: a clock that was once wrong
                # (a flat CMOS battery) leaves entries out of time order, and the chain must hold.
                "audit_journal": self._db.execute(
                    """DELETE FROM audit_journal WHERE seq < coalesce(
                        (SELECT min(seq) FROM audit_journal WHERE at >= ?),
                        (SELECT max(seq) + 1 FROM audit_journal))""",
                    (journal_limit,),
                ).rowcount,
            }
        return counts


def _journal_hash(previous: str, seq: int, at: float, event: str, detail: str) -> str:
    payload = json.dumps([previous, seq, at, event, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
