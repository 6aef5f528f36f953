"""Where received packs live on the kiosk: each source's current pack, the one before it, and what happened.

``<data>/content-updates/<source>/`` holds the source's TUF metadata (``metadata/``,
what protects against an old or replayed offer) and its packs (``packs/<version>/``).
A pack is unpacked and checked in a folder of its own, then switched to by one
atomic write of ``state.json``: a kiosk killed at any moment starts on the old pack
or the new one, never between. The previous pack stays for « Revenir à la version
précédente »; older ones are removed. Nothing here is about a person.
"""

from __future__ import annotations

import fcntl
import json
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content.loader import load_manifest
from kiosk.data_dir import write_private
from kiosk.errors import ContentError, EnvironmentFault
from kiosk.updates.pack_archive import remove_tree, unpack_archive

SHELF_FOLDER = "content-updates"
STATE_FILE = "state.json"


@dataclass
class Outcome:
    """The end of one check of one source, in plain French for mediator mode, and its kind."""

    kind: str  # "installed", "up-to-date", "refused", "unreachable"
    message: str
    at: float = field(default_factory=time.time)
    version: str = ""


@dataclass
class SourceState:
    current: str = ""  # the version in use ("" before the first update: the bundled guides alone)
    previous: str = ""
    set_aside: str = ""  # a version a mediator went back from: not installed again by itself
    installed_at: float = 0.0
    pack_date: str = ""  # the date the publisher gave the current pack
    last_check: float = 0.0
    last_success: float = 0.0  # the last check that reached the source and verified its offer
    last_outcome: Outcome | None = None
    changes: dict[str, Any] = field(default_factory=dict)  # what the current pack changed (changes.py)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceState:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        outcome = known.pop("last_outcome", None)
        state = cls(**known)
        if isinstance(outcome, dict):
            state.last_outcome = Outcome(**outcome)
        return state


class Shelf:
    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / SHELF_FOLDER

    # Reading -------------------------------------------------------------------------------
    def _states(self) -> dict[str, SourceState]:
        try:
            data = json.loads((self.root / STATE_FILE).read_text(encoding="utf-8"))
            return {name: SourceState.from_dict(value) for name, value in data.get("sources", {}).items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, AttributeError):
            # A broken state is read as "no update installed": the bundled guides, never a crash.
            return {}

    def state(self, name: str) -> SourceState:
        return self._states().get(name, SourceState())

    def pack_dir(self, name: str, version: str) -> Path:
        return self.root / name / "packs" / version

    def metadata_dir(self, name: str) -> Path:
        return self.root / name / "metadata"

    def incoming_dir(self, name: str) -> Path:
        return self.root / name / "incoming"

    def current_packs(self) -> tuple[Path, ...]:
        """The packs in use, one per source that has one, in the order of the sources' names."""
        return tuple(
            self.pack_dir(name, state.current)
            for name, state in sorted(self._states().items())
            if state.current and self.pack_dir(name, state.current).is_dir()
        )

    # Writing -------------------------------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[dict[str, SourceState]]:
        """The states, to change; written back at once when the block ends (the kiosk and the
        ``kiosk pack`` command may both write: one at a time)."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o755)
        with (self.root / ".lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            states = self._states()
            yield states
            data = {"sources": {name: asdict(state) for name, state in states.items()}}
            write_private(self.root / STATE_FILE, json.dumps(data, indent=1).encode())

    def record(self, name: str, outcome: Outcome, reached: bool) -> None:
        with self._locked() as states:
            state = states.setdefault(name, SourceState())
            state.last_check = outcome.at
            state.last_outcome = outcome
            if reached:
                state.last_success = outcome.at

    def install(
        self,
        name: str,
        archive: Path,
        problems_of: Callable[[Path], list[str]],
        changes_of: Callable[[Path], dict[str, Any]],
    ) -> Path:
        """Unpack ``archive`` beside the current pack, check it, then switch to it.

        ``problems_of(folder)`` says what is wrong with the unpacked pack (an empty list: nothing);
        ``changes_of(folder)`` what it changes compared with the pack in use. Raises ContentError
        (with every problem) or EnvironmentFault, and then nothing has changed.
        """
        from kiosk.i18n.catalogs import compile_pack_catalogs  # Babel's message tools: only to install

        staging = self.root / name / "packs" / f".incoming-{secrets.token_hex(4)}"
        staging.parent.mkdir(parents=True, exist_ok=True)
        try:
            unpack_archive(archive, staging)
            problems = compile_pack_catalogs(staging) + problems_of(staging)
            if problems:
                raise ContentError(str(archive), "; ".join(problems[:5]))
            manifest = load_manifest(staging)
            changes = changes_of(staging)
            final = self.pack_dir(name, manifest.version)
            with self._locked() as states:
                state = states.setdefault(name, SourceState())
                if final.exists() and manifest.version not in (state.current, state.previous):
                    remove_tree(final)  # left by a kiosk killed before it switched
                if not final.exists():
                    staging.replace(final)
                state.previous, state.current = state.current, manifest.version
                state.set_aside = ""
                state.installed_at = time.time()
                state.pack_date = manifest.date
                state.changes = changes
        except OSError as error:
            raise EnvironmentFault(f"{self.root} cannot be written: {error.strerror}") from None
        finally:
            remove_tree(staging)
        self._remove_old(name)
        return final

    def roll_back(self, name: str) -> str:
        """Go back to the previous pack (or to the bundled guides alone); returns the version now in use."""
        with self._locked() as states:
            state = states.get(name)
            if state is None or not state.current:
                raise ContentError(name, "no update is installed: there is nothing to go back from")
            state.set_aside = state.current
            state.current, state.previous = state.previous, ""
            state.pack_date = ""
            state.changes = {"rolled_back_from": state.set_aside}
            now_in_use = state.current
        self._remove_old(name)
        return now_in_use

    def _remove_old(self, name: str) -> None:
        state = self.state(name)
        keep = {state.current, state.previous, state.set_aside} - {""}
        packs = self.root / name / "packs"
        for folder in packs.iterdir() if packs.is_dir() else ():
            if folder.name not in keep and not folder.name.startswith(".incoming-"):
                remove_tree(folder)
