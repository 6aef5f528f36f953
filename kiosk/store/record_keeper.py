"""The station's use of the store: save as the person moves, forget them when they leave.

This is where the store's failures become decisions. A store that cannot be read
is moved aside (never deleted) and a fresh one started; a full disk means the
kiosk goes on without saving. Either way the person is not interrupted, and a
notice is left for the mediator.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kiosk.content.loader import Catalog
from kiosk.errors import EnvironmentFault
from kiosk.secret import Secret
from kiosk.store import settings_backup
from kiosk.store.database import RETENTION_DEFAULTS, Store, StoreError, StoreFull, StoreUnreadable
from kiosk.store.key import StationSecretMismatch, StorePaths
from kiosk.store.records import activity_record, help_request_rows, session_record
from kiosk.visit.places import Place
from kiosk.visit.recap import HELP_PLACES, STRUCTURE_ADDRESS, STRUCTURE_NAME
from kiosk.visit.resume import (
    CODE_DIGITS,
    FREE_WRONG_CODES,
    LIVE_CODES_MAX,
    SHORT_CODE_DIGITS,
    WRONG_CODES_MAX,
    WrongCodes,
    code_digest,
    new_code,
    resume_state,
    short_code_weight,
    typed_digits,
)
from kiosk.visit.session import Session

log = logging.getLogger(__name__)

DAY = 86400.0
_PEPPER = "resume_code_pepper"
_WRONG_CODES = "resume_wrong_codes"
T = TypeVar("T")


def open_with(paths: StorePaths, keys: list[tuple[bytes, bool]]) -> Store | None:
    """Open the store with whichever candidate key it really has, finishing or dropping a key change.

    None when no key opens it (damaged, foreign, or locked with a key that is gone).
    """
    for key, pending in keys:
        try:
            store = Store.open(paths.database, key)
        except StoreUnreadable:
            continue
        if pending:
            paths.keys.finish_change()
        elif paths.keys.pending_params.exists():
            paths.keys.abandon_change()
        return store
    return None


def _unused_name(path: Path, stamp: str) -> Path:
    """``kiosk.db.unreadable-<stamp>``, or with ``-2``, ``-3``... when that name is taken."""
    candidate = path.with_name(f"{path.name}.unreadable-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.unreadable-{stamp}-{number}")
    return candidate


@dataclass(frozen=True)
class Notice:
    """Something the mediator must know about the station (not about a person)."""

    at: float
    message: str


@dataclass
class RecordKeeper:
    store: Store | None
    catalog: Catalog
    clock: Callable[[], float] = time.time
    notices: list[Notice] = field(default_factory=list)
    _failing: bool = False
    _notes: dict[str, list[str]] = field(default_factory=dict)  # by session; in memory only
    _settings_copy: Path | None = None  # where the structure's choices are copied (None: not copied)
    _wrong_codes: WrongCodes = field(default_factory=WrongCodes)  # also when the store cannot keep them
    _codes_full_told: bool = False
    # Told of each visit's anonymous activity record as it is kept (the room's console).
    activity_listeners: list[Callable[[dict[str, Any]], None]] = field(default_factory=list)

    @property
    def keeps_records(self) -> bool:
        """True when progress can be saved (a store is open and the disk takes writes)."""
        return self.store is not None and not self._failing

    # Opening -------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        paths: StorePaths,
        catalog: Catalog,
        passphrase: Secret | None = None,
        clock: Callable[[], float] = time.time,
    ) -> RecordKeeper:
        """Open the store, or start a fresh one beside an unreadable one; never stops the kiosk.

        A wrong or missing passphrase is the one error that comes out (the mediator
        types it again): ``PassphraseNeeded`` or ``WrongPassphrase``.
        """
        keeper = cls(None, catalog, clock)
        try:
            keeper.store = keeper._open_or_replace(paths, passphrase)
        except StoreFull as error:
            keeper._tell("Le disque est plein : le kiosque fonctionne sans rien enregistrer.", error)
        except (StoreError, EnvironmentFault) as error:
            keeper._tell("Le stockage est indisponible : le kiosque fonctionne sans rien enregistrer.", error)
        if keeper.store is not None:
            keeper._forget_leftover_sessions()
            keeper._purge()
            if paths.keys.needs_passphrase:
                settings_backup.forget(paths.settings_backup)
            else:
                keeper._settings_copy = paths.settings_backup
                keeper.back_up_settings()
        return keeper

    def _open_or_replace(self, paths: StorePaths, passphrase: Secret | None) -> Store:
        try:
            keys = paths.keys.unlock(passphrase)
        except StationSecretMismatch as error:
            self._move_aside(paths, error, with_key=True)
            keys = paths.keys.unlock(passphrase)
        store = open_with(paths, keys)
        if store is None:
            self._move_aside(paths, StoreUnreadable(f"{paths.database} cannot be read"), with_key=False)
            store = Store.open(paths.database, keys[0][0])
        for notice in self.notices:  # what was set aside, in the journal of the store that follows
            store.journal("store.moved_aside", {"notice": notice.message}, notice.at)
        if self.notices and settings_backup.restore(store, paths.settings_backup, self.clock()):
            self.notices.append(
                Notice(
                    self.clock(),
                    "Le PIN des médiateurs et les réglages de la structure ont été repris de leur copie.",
                )
            )
        return store

    def _move_aside(self, paths: StorePaths, error: Exception, with_key: bool) -> None:
        """Keep an unreadable store under another name (its data may still be recovered) and say so.

        With its key settings when they cannot open it, and a station secret that is not one
        (a valid secret stays: it is the only key to the store set aside). Nothing is ever
        overwritten: a second store set aside in the same second gets a name of its own.
        """
        stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(self.clock()))
        database = paths.database
        files = [database, *(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm"))]
        if with_key:
            files.append(paths.keys.params)
            if paths.keys.station_secret_damaged:
                files.append(paths.keys.station_secret)
        moved = False
        for path in files:
            if path.exists():
                path.rename(_unused_name(path, stamp))
                moved = True
        if moved:
            self._tell(
                "Les données enregistrées ne pouvaient pas être lues : elles sont mises de côté, "
                "le kiosque repart avec un stockage neuf.",
                error,
            )

    def _tell(self, message: str, error: Exception) -> None:
        log.error("%s (%s)", message, error)
        self.notices.append(Notice(self.clock(), message))

    # While the person is here ------------------------------------------------------
    def save(self, session: Session) -> None:
        """Write the session as it is now (called on every move)."""
        self._attempt(
            lambda store: store.save_session(
                session_record(session), help_request_rows(session), self.clock()
            )
        )

    def keep_for_later(self, session: Session, history: tuple[Place, ...], current: Place) -> Secret | None:
        """Keep what is needed to carry on another day; returns the code, or None if nothing can be kept.

        Nothing is kept, and no code promised, when the store cannot write or when
        ``LIVE_CODES_MAX`` codes are already waiting to be taken back (then the mediator is told).
        """
        if not self.keeps_records:
            return None
        state = resume_state(session, history, current)
        now = self.clock()
        live = self._attempt(lambda store: sum(store.live_resumes(now).values()), reads_only=True)
        if live is None:
            return None
        if live >= LIVE_CODES_MAX:
            self._tell_codes_full(live, now)
            return None

        def keep(store: Store) -> Secret:
            expires = now + store.retention_days("resume_days") * DAY
            pepper = self._pepper(store)
            code = new_code()
            while store.has_resume(code_digest(code, pepper)):
                code = new_code()
            store.keep_for_resume(code_digest(code, pepper), state, now, expires, CODE_DIGITS)
            return code

        code = self._attempt(keep)
        if code is not None:
            self._codes_full_told = False
        return code

    def _tell_codes_full(self, live: int, now: float) -> None:
        """Once for each time the bound is reached: a notice for the mediator and a line in the journal."""
        if self._codes_full_told:
            return
        self._codes_full_told = True
        message = (
            f"{LIVE_CODES_MAX} codes pour revenir attendent déjà : le kiosque ne donne plus de code "
            "tant que certains n'ont pas servi ou expiré. La personne voit « Votre avancement ne peut "
            "pas être gardé aujourd'hui ». Beaucoup de codes gardés en peu de temps peuvent venir "
            "de quelqu'un qui les prend en série."
        )
        log.warning("resume codes: %d live codes, the bound: no new code is given", LIVE_CODES_MAX)
        self.notices.append(Notice(now, message))
        self._attempt(lambda store: store.journal("resume.codes_full", {"live": live}, now))

    def resume_until(self) -> str:
        """The day (YYYY-MM-DD) until which progress kept now can be taken back."""
        days = int(self.setting("resume_days", RETENTION_DEFAULTS["resume_days"]))
        return dt.date.fromtimestamp(self.clock() + days * DAY).isoformat()  # noqa: DTZ012 - the local day

    def resume(self, code: Secret) -> dict[str, object] | None:
        """The state kept under this code, or None; while ``resume_wait_s()`` runs, no code is checked.

        Every wrong code counts, whoever types it, and a right one changes nothing
        (kiosk.visit.resume says how the waits grow and fade). The count is written
        before the answer is given, in the store so a restart keeps it, and in memory
        so a store that cannot write still counts (the stricter of the two is used).
        """
        if self.store is None or self.resume_wait_s() > 0:
            return None
        now = self.clock()
        live = self._attempt(lambda store: store.live_resumes(now), reads_only=True) or {}
        # A wrong code takes nothing back, so its answer says nothing of whether the disk takes writes.
        state = self._attempt(
            lambda store: store.take_resume(code_digest(code, self._pepper(store)), now), reads_only=True
        )
        if self.store is None:
            return None  # the store failed meanwhile: nothing can be taken back any more
        if state is None:  # a wrong code, or one the store could not take back: counted the same
            short = len(typed_digits(code)) == SHORT_CODE_DIGITS
            weight = short_code_weight(live.get(SHORT_CODE_DIGITS, 0)) if short else 1
            self._count_wrong_code(self._wrong_codes_now(), weight, now)
        return state

    def forget_wrong_codes(self) -> None:
        """Start counting wrong codes afresh (journaled): a mediator lifts a wait for the person in
        front of them (mediator mode, behind the PIN); nothing a person can reach does it."""
        self._wrong_codes = WrongCodes()
        now = self.clock()
        self._attempt(lambda store: store.remember(_WRONG_CODES, None))
        self._attempt(lambda store: store.journal("resume.wrong_codes_forgotten", {}, now))

    def resume_wait_s(self) -> float:
        """How long before a code can be tried again, in seconds (0: now)."""
        return self._wrong_codes_now().wait_s(self.clock())

    def resume_lengths(self) -> tuple[int, ...]:
        """How many digits a code may have: 8, and 6 while a code kept before can still be taken back."""
        now = self.clock()
        live = self._attempt(lambda store: store.live_resumes(now), reads_only=True) or {}
        return (SHORT_CODE_DIGITS, CODE_DIGITS) if live.get(SHORT_CODE_DIGITS) else (CODE_DIGITS,)

    def _wrong_codes_now(self) -> WrongCodes:
        kept = WrongCodes.from_dict(self._attempt(lambda store: store.setting(_WRONG_CODES), reads_only=True))
        return self._wrong_codes.worse(kept)

    def _count_wrong_code(self, before: WrongCodes, weight: int, now: float) -> None:
        """Remember a wrong code in memory first, then in the store if the disk lets us.

        The journal says when waits begin and when they reach the longest (someone is guessing),
        not every wrong code.
        """
        wrong = before.after_wrong(now, weight)
        self._wrong_codes = wrong
        self._attempt(lambda store: store.remember(_WRONG_CODES, wrong.to_dict()))
        was = before.count_at(now)
        if (was <= FREE_WRONG_CODES < wrong.count) or (was < WRONG_CODES_MAX <= wrong.count):
            detail = {"wrong_codes": wrong.count, "seconds": wrong.wait_until - now}
            self._attempt(lambda store: store.journal("resume.slowed", detail, now))

    # When the person leaves ------------------------------------------------------------
    def end(self, session: Session, kept: bool = False) -> None:
        """Delete everything of the session and keep only its anonymous activity record."""
        self._notes.pop(session.id, None)
        record = session_record(session)
        activity = activity_record(record, self.clock(), self.catalog, kept)
        for listener in self.activity_listeners:  # the room's console counts it too
            listener(dict(activity))

        def forget(store: Store) -> None:
            store.end_session(session.id, activity)
            store.checkpoint()

        self._attempt(forget)
        self._purge()  # a kiosk may run for weeks: expired records go at the end of each visit too

    # For the mediator ---------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """A setting kept in the store, or ``default`` (also when there is no store)."""
        value = self._attempt(lambda store: store.setting(key), reads_only=True)
        return default if value is None else value

    def change_setting(self, key: str, value: Any) -> bool:
        """Change a setting (journaled); False when it could not be saved."""

        def change(store: Store) -> bool:
            store.change_setting(key, value, self.clock())
            return True

        changed = bool(self._attempt(change))
        if changed:
            self.back_up_settings()
        return changed

    def back_up_settings(self) -> None:
        """Copy the structure's choices and the PIN's hash outside the store (not in passphrase mode)."""
        if self.store is not None and self._settings_copy is not None:
            settings_backup.back_up(self.store, self._settings_copy)

    def structure_settings(self) -> dict[str, Any]:
        """The structure's name, address and directory of help places (empty without a store)."""
        keys = (STRUCTURE_NAME, STRUCTURE_ADDRESS, HELP_PLACES)
        settings = self._attempt(lambda store: {key: store.setting(key) for key in keys}, reads_only=True)
        return settings or {}

    def add_note(self, session: Session, text: str) -> bool:
        """Keep a mediator's note with the session, in memory only: it is handed over between the
        mediators of this visit and goes when the visit goes, leaving nothing on the disk (not even
        in the freed pages of the store's journal) should a password have been typed in it."""
        self._notes.setdefault(session.id, []).append(text)
        return True

    def notes(self, session: Session) -> list[str]:
        return list(self._notes.get(session.id, []))

    def _forget_leftover_sessions(self) -> None:
        """Sessions still in the store at start-up belong to people gone when the kiosk stopped."""

        def forget_all(store: Store) -> int:
            session_ids = store.session_ids()
            for session_id in session_ids:
                record = store.session(session_id)
                if record is not None:
                    store.end_session(session_id, activity_record(record, record["updated_at"], self.catalog))
            store.checkpoint()
            return len(session_ids)

        if self._attempt(forget_all):
            log.info("sessions left by an earlier stop were erased")

    def _purge(self) -> None:
        counts = self._attempt(lambda store: store.purge(self.clock()))
        if counts and any(counts.values()):
            log.info("retention: purged %s", counts)

    @staticmethod
    def _pepper(store: Store) -> bytes:
        return store.station_token(_PEPPER)

    def _attempt(self, action: Callable[[Store], T], reads_only: bool = False) -> T | None:
        """Run a store action; on failure the kiosk goes on without saving and the mediator is told.

        A write that succeeds shows the disk takes writes again; a read that succeeds shows
        nothing of the kind (``reads_only``), so a full disk stays told once.
        """
        store = self.store
        if store is None:
            return None
        try:
            result = action(store)
        except StoreFull as error:
            if not self._failing:
                self._tell("Le disque est plein : le kiosque continue sans rien enregistrer.", error)
            self._failing = True
            return None
        except StoreError as error:
            self._tell("Le stockage a une panne : le kiosque continue sans rien enregistrer.", error)
            self.store = None
            return None
        if not reads_only:
            self._failing = False
        return result
