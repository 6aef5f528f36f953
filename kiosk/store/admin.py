"""``kiosk store``: the store's state, how it is locked, its key, old records, the mediators' PIN.

For the person who looks after the station (a volunteer, a mediator) at a
terminal. Every change goes into the audit journal. Passphrases are asked
without echo and never written anywhere.

When standard input is not a terminal (a fleet script, Ansible), each answer is
one line read from it, without a prompt: ``set-pin`` then reads the PIN once
(after the store's passphrase, when it is locked with one), and refuses a weak
PIN as it does at the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.config import default_config_dir, default_data_dir
from kiosk.data_dir import prepare_data_dir
from kiosk.errors import KioskError
from kiosk.mediation.pin import MIN_PIN_DIGITS, PinLock, valid_pin
from kiosk.secret import Secret
from kiosk.store import settings_backup
from kiosk.store.database import Store
from kiosk.store.key import MIN_PASSPHRASE_LENGTH, KeyMode, StorePaths
from kiosk.store.record_keeper import open_with

Ask = Callable[[str], str]


def ask_new_passphrase(ask: Ask) -> Secret:
    first = Secret(ask(f"New passphrase (at least {MIN_PASSPHRASE_LENGTH} characters): "))
    second = Secret(ask("Type it again: "))
    try:
        if not first.matches(second):
            raise KioskError("the two passphrases differ; nothing was changed")
        if len(first) < MIN_PASSPHRASE_LENGTH:
            raise KioskError(f"a passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters")
    finally:
        second.wipe()
    return first


def open_store(paths: StorePaths, ask: Ask) -> Store:
    """The store as it is: nothing moved aside, no session erased (the kiosk may be running)."""
    passphrase = Secret(ask("Current passphrase: ")) if paths.keys.needs_passphrase else None
    try:
        store = open_with(paths, paths.keys.unlock(passphrase))
    finally:
        if passphrase is not None:
            passphrase.wipe()
    if store is None:
        raise KioskError(
            f"{paths.database} cannot be read with this key; the kiosk will move it aside at its start"
        )
    return store


def change_key(paths: StorePaths, mode: KeyMode, ask: Ask) -> str:
    store = open_store(paths, ask)
    passphrase = ask_new_passphrase(ask) if mode is KeyMode.PASSPHRASE else None
    try:
        new_key = paths.keys.prepare_change(mode, passphrase)
    finally:
        if passphrase is not None:
            passphrase.wipe()
    store.rekey(new_key)
    paths.keys.finish_change()
    store.journal("store.rekeyed", {"mode": mode.value}, time.time())
    store.close()
    lock = "a passphrase" if mode is KeyMode.PASSPHRASE else "the station secret"
    return f"the store is now locked with {lock}"


def status(paths: StorePaths, ask: Ask) -> str:
    store = open_store(paths, ask)
    tables = store.tables()
    broken = store.broken_journal_entry()
    lines = [
        f"store:        {paths.database}",
        f"locked with:  {'passphrase' if paths.keys.needs_passphrase else 'station secret'}",
        f"mediator PIN: {'set' if PinLock(store).configured else 'not set'}",
        f"sessions in progress: {len(tables['sessions'])}",
        f"kept for later:       {len(tables['resume_records'])}",
        f"activity records:     {len(tables['activity'])}",
        f"audit journal:        {len(tables['audit_journal'])} entries, "
        + ("chain intact" if broken is None else f"BROKEN at entry {broken}"),
    ]
    store.close()
    return "\n".join(lines)


def answer_from_stdin(prompt: str) -> str:
    """One answer for automation: a line of standard input, without its line end (no prompt, no echo)."""
    line = sys.stdin.readline() if sys.stdin is not None else ""  # None: started without a standard input
    if not line:
        raise KioskError(f"standard input ended before the answer to {prompt.strip().rstrip(':')!r}")
    return line.removesuffix("\n").removesuffix("\r")


def set_pin(paths: StorePaths, ask: Ask, confirm: bool = True) -> str:
    """Set the mediators' PIN: typed twice at a terminal (the install script asks for it this way),
    or given once by a script (``confirm=False``: there is no typing to mistake)."""
    store = open_store(paths, ask)
    first = Secret(ask(f"Mediator PIN ({MIN_PIN_DIGITS} digits or more): "))
    second = Secret(ask("Type it again: ")) if confirm else None
    try:
        if second is not None and not first.matches(second):
            raise KioskError("the two PINs differ; nothing was changed")
        if not valid_pin(first):
            raise KioskError(f"a PIN has at least {MIN_PIN_DIGITS} digits, not all the same")
        PinLock(store).set_pin(first)
        if not paths.keys.needs_passphrase:
            settings_backup.back_up(store, paths.settings_backup)
    finally:
        first.wipe()
        if second is not None:
            second.wipe()
        store.close()
    return "the mediator PIN is set"


def purge(paths: StorePaths, ask: Ask) -> str:
    store = open_store(paths, ask)
    counts = store.purge(time.time())
    store.close()
    return "deleted past their retention delay: " + ", ".join(f"{n} {table}" for table, n in counts.items())


def main(argv: list[str] | None = None, ask: Ask | None = None) -> int:
    """``ask`` answers the questions; by default getpass at a terminal, else standard input's lines."""
    parser = argparse.ArgumentParser(prog="kiosk store", description="The kiosk's encrypted store.")
    parser.add_argument(
        "action",
        choices=("status", "use-passphrase", "use-station-secret", "rekey", "purge", "set-pin"),
        help="status; lock with a passphrase typed at each start; lock with the station secret (default); "
        "change the key in the same mode; delete what is past its retention delay; set the mediators' PIN",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help=f"default: {default_data_dir()}")
    parser.add_argument("--config-dir", type=Path, default=None, help=f"default: {default_config_dir()}")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    paths = StorePaths.under(data_dir, args.config_dir or default_config_dir())
    at_terminal = ask is not None or (sys.stdin is not None and sys.stdin.isatty())
    if ask is None:
        ask = getpass.getpass if at_terminal else answer_from_stdin
    try:
        prepare_data_dir(data_dir)  # private from the start, even when set-pin comes before the first start
        if args.action == "status":
            message = status(paths, ask)
        elif args.action == "purge":
            message = purge(paths, ask)
        elif args.action == "set-pin":
            message = set_pin(paths, ask, confirm=at_terminal)
        else:
            if args.action == "rekey":
                mode = KeyMode.PASSPHRASE if paths.keys.needs_passphrase else KeyMode.STATION_SECRET
            else:
                mode = KeyMode.PASSPHRASE if args.action == "use-passphrase" else KeyMode.STATION_SECRET
            message = change_key(paths, mode, ask)
    except KioskError as error:
        print(f"kiosk store: {error}", file=sys.stderr)
        return 1
    print(message)
    return 0
