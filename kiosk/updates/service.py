"""A running kiosk's content updates: which packs are in use, checking the sources, going back.

The station asks it for the packs to load; mediator mode and the daily check ask it
to check (online, or on the USB sticks plugged in) and to go back one version. Each
check may take a while (a slow network): the UI runs it off the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.content.loader import Catalog, load_catalog
from kiosk.updates.removable_media import mounted_media
from kiosk.updates.shelf import Outcome, Shelf, SourceState
from kiosk.updates.sources import STICK_FOLDER, TrustedSource, trusted_sources

if TYPE_CHECKING:
    from kiosk.updates.receive import Receiver

DAY_S = 86400.0


@dataclass(frozen=True)
class SourceReport:
    source: TrustedSource
    state: SourceState


class ContentUpdates:
    def __init__(self, config: Config, find_media: Callable[[], list[Path]] = mounted_media) -> None:
        self.config = config
        self.shelf = Shelf(config.data_dir)
        self.sources, self.problems = trusted_sources(config.settings_dir, config.content_repository)
        self.find_media = find_media  # the USB sticks plugged in

    @cached_property
    def receiver(self) -> Receiver:
        from kiosk.updates.receive import (
            Receiver,  # TUF and its cryptography: at the first check, not at start
        )

        return Receiver(self.shelf, below=self.config.pack_dirs[:1])

    def packs_in_use(self) -> tuple[Path, ...]:
        """The bundled pack, the received ones, then the structure's own (which win over both)."""
        first, rest = self.config.pack_dirs[:1], self.config.pack_dirs[1:]
        return (*first, *self.shelf.current_packs(), *rest)

    def load(self) -> tuple[Catalog, tuple[Path, ...]]:
        packs = self.packs_in_use()
        return load_catalog(packs), packs

    def reports(self) -> list[SourceReport]:
        return [SourceReport(source, self.shelf.state(source.name)) for source in self.sources]

    def due_online(self, now: float | None = None) -> list[TrustedSource]:
        """The sources with an address not checked for a day."""
        now = time.time() if now is None else now
        return [s for s in self.sources if s.url and now - self.shelf.state(s.name).last_check >= DAY_S]

    def check_online(self, sources: list[TrustedSource] | None = None) -> list[tuple[str, Outcome]]:
        chosen = [s for s in (self.sources if sources is None else sources) if s.url]
        return [(source.name, self.receiver.check_online(source)) for source in chosen]

    def check_sticks(self) -> list[tuple[str, Outcome]]:
        """Check every source whose repository copy is on a plugged-in stick (``kiosk-guides/<name>``)."""
        found = []
        for medium in self.find_media():
            for source in self.sources:
                folder = medium / STICK_FOLDER / source.name
                if (folder / "metadata").is_dir():
                    found.append((source.name, self.receiver.check_folder(source, folder)))
        if not found:
            message = (
                "Aucune clé USB avec des guides n'est branchée (un dossier « kiosk-guides » à la racine)."
                if self.sources
                else "Aucun éditeur de guides n'est enregistré sur ce kiosque (docs/CONTENT.md)."
            )
            return [("", Outcome("unreachable", message))]
        return found

    def roll_back(self, name: str) -> str:
        return self.shelf.roll_back(name)
