"""A copy of the structure's choices and the mediators' PIN hash, kept outside the store.

A store set aside (damaged, or its key lost) must not turn the public kiosk into a
set-up screen where whoever stands there chooses the PIN. So, in the default key mode,
what a structure chose (its name, address and help places, the idle delay, reading
aloud, the languages and procedures it hides, retention delays) and the PIN's salted
hash are copied into the config folder beside the station secret, owner-only, and a
fresh store takes them back. Never the PIN itself, never anything of a person. With a
passphrase nothing is copied: outside the store, the PIN's hash would be readable
without the passphrase, and a mediator is at the kiosk at every start anyway.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from kiosk.config import (
    AUTO_READ_SETTING,
    HIDDEN_LANGUAGES_SETTING,
    HIDDEN_PROCEDURES_SETTING,
    IDLE_TIMEOUT_SETTING,
)
from kiosk.data_dir import write_private
from kiosk.errors import EnvironmentFault
from kiosk.mediation.pin import PIN_SETTING
from kiosk.store.database import RETENTION_DEFAULTS, Store
from kiosk.visit.recap import HELP_PLACES, STRUCTURE_ADDRESS, STRUCTURE_NAME

log = logging.getLogger(__name__)

CHOSEN_SETTINGS = (
    PIN_SETTING,
    STRUCTURE_NAME,
    STRUCTURE_ADDRESS,
    HELP_PLACES,
    IDLE_TIMEOUT_SETTING,
    AUTO_READ_SETTING,
    HIDDEN_LANGUAGES_SETTING,
    HIDDEN_PROCEDURES_SETTING,
    *RETENTION_DEFAULTS,
)


def back_up(store: Store, path: Path) -> None:
    """Copy what the structure chose (and the PIN's hash) to ``path``; a failure only costs the copy."""
    chosen = {key: value for key in CHOSEN_SETTINGS if (value := store.setting(key)) is not None}
    copy = json.dumps(chosen, ensure_ascii=False, sort_keys=True).encode("utf-8")
    try:
        if path.read_bytes() == copy:
            return  # as at the last start or change: no write, no fsync
    except OSError:
        pass  # none yet, or unreadable: written anew
    try:
        write_private(path, copy)
    except EnvironmentFault as error:
        log.warning("the copy of the structure's settings could not be written (%s)", error)


def restore(store: Store, path: Path, now: float) -> list[str]:
    """Give a fresh store the settings copied before; the names of those taken back."""
    try:
        saved: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        log.warning("the copy of the structure's settings cannot be read (%s)", error)
        return []
    if not isinstance(saved, dict):
        return []
    taken = [key for key in CHOSEN_SETTINGS if key in saved]
    for key in taken:
        store.change_setting(key, saved[key], now, journal_value=False)
    if taken:
        store.journal("settings.restored", {"settings": taken}, now)
    return taken


def forget(path: Path) -> None:
    """No copy in passphrase mode: the PIN's hash would be readable without the passphrase."""
    path.unlink(missing_ok=True)
