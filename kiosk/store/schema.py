"""The store's tables, as numbered migrations: a store of any older version is brought up one step at a time.

A new table or column is a new migration at the end (never an edit of an old one),
and ``SCHEMA_VERSION`` moves with it; ``Store.open`` applies what a store lacks, each
step in one transaction. docs/PRIVACY.md says what each table keeps and for how long.
"""

from __future__ import annotations

SCHEMA_VERSION = 6

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        started_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        language TEXT NOT NULL,
        mode TEXT NOT NULL,
        outcome TEXT NOT NULL,
        autonomy TEXT,
        progress TEXT NOT NULL
    );
    CREATE TABLE help_requests (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        ticket INTEGER NOT NULL,
        kind TEXT NOT NULL,
        screen TEXT NOT NULL,
        procedure_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        language TEXT NOT NULL,
        seconds_on_step INTEGER NOT NULL,
        created_at REAL NOT NULL,
        status TEXT NOT NULL
    );
    CREATE INDEX help_requests_by_session ON help_requests (session_id);
    CREATE TABLE mediator_notes (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        written_at REAL NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE resume_records (
        digest TEXT PRIMARY KEY,
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        state TEXT NOT NULL
    );
    CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        language TEXT NOT NULL,
        mode TEXT NOT NULL,
        procedures TEXT NOT NULL,
        themes TEXT NOT NULL,
        outcome TEXT NOT NULL,
        autonomy TEXT,
        duration_bracket TEXT NOT NULL,
        help_requests INTEGER NOT NULL,
        referral TEXT
    );
    CREATE TABLE audit_journal (
        seq INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        event TEXT NOT NULL,
        detail TEXT NOT NULL,
        previous TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_journal_no_update BEFORE UPDATE ON audit_journal
    BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
    CREATE TRIGGER audit_journal_oldest_first BEFORE DELETE ON audit_journal
    WHEN OLD.seq > (SELECT min(seq) FROM audit_journal)
    BEGIN SELECT RAISE(ABORT, 'the audit journal is only purged from its oldest entry'); END;
    """,
    # 2: where a mediator sent the person (a help place of the directory), kept with the session.
    2: """
    ALTER TABLE sessions ADD COLUMN referral TEXT;
    """,
    # 3: the kinds of mistakes made in practice mode (never what was typed), in the anonymous record.
    3: """
    ALTER TABLE activity ADD COLUMN practice_mistakes TEXT NOT NULL DEFAULT '[]';
    """,
    # 4: how many digits a resume code has: the codes kept before are 6 digits, new ones 8.
    4: """
    ALTER TABLE resume_records ADD COLUMN digits INTEGER NOT NULL DEFAULT 6;
    """,
    # 5: « Quelles aides pour moi ? »: whether a simulation was made, and the ids of the aids suggested
    # (never the answers nor the amounts), in the anonymous record.
    5: """
    ALTER TABLE activity ADD COLUMN rights_simulated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE activity ADD COLUMN aids_suggested TEXT NOT NULL DEFAULT '[]';
    """,
    # 6: what mediators found of a guide on the real site (kiosk/mediation/guide_reports.py): no person in it.
    6: """
    CREATE TABLE guide_reports (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        procedure_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        verdict TEXT NOT NULL,
        step_id TEXT NOT NULL,
        note TEXT NOT NULL
    );
    """,
}
