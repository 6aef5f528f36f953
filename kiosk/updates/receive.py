"""Check one trusted source for a new pack, online or from a folder, and install it if every check passes.

TUF (``tuf.ngclient``) verifies the offer: signatures against the trusted root and
its rotations, expiry, versions never going back, the pack's length and hash. The
kiosk then checks the pack itself (``kiosk content check``: a signed pack can still
be wrong) before the shelf switches to it. Every refusal is an ``Outcome`` whose
message says, in plain French for the mediator, what happened and that nothing changed.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tuf.api import exceptions
from tuf.ngclient import Updater, UpdaterConfig
from tuf.ngclient.fetcher import FetcherInterface

from kiosk.config import BUNDLED_PACK
from kiosk.content.check import check
from kiosk.content.loader import load_catalog, load_manifest
from kiosk.errors import ContentError, DiskFull, EnvironmentFault
from kiosk.i18n.translation import LANGUAGES
from kiosk.updates import changes
from kiosk.updates.fetchers import CHECK_DEADLINE_S, FolderFetcher, WebFetcher
from kiosk.updates.repository import PACK_TARGET
from kiosk.updates.shelf import Outcome, Shelf
from kiosk.updates.sources import TrustedSource

log = logging.getLogger(__name__)
# TUF's bounds, tightened: metadata of a few kilobytes, a single pack target.
_CONFIG = UpdaterConfig(max_root_rotations=32, max_delegations=0, targets_max_length=512_000)
NOTHING_CHANGED = "Rien n'a été changé : les guides actuels restent en place."


def version_key(version: str) -> tuple[int, ...]:
    """``2026.12.1`` as numbers, to compare; ValueError for a version that is not dotted numbers."""
    return tuple(int(part) for part in version.split("."))


def _refusal(error: Exception) -> tuple[str, str]:
    """(kind, French message) for what TUF or the network raised."""
    if isinstance(error, exceptions.ExpiredMetadataError):
        return "refused", (
            "Les guides proposés ont dépassé leur date de validité : l'éditeur ne les a pas "
            f"renouvelés. {NOTHING_CHANGED}"
        )
    if isinstance(error, exceptions.UnsignedMetadataError):
        return "refused", (
            f"La signature ne vient pas de l'éditeur de confiance : mise à jour refusée. {NOTHING_CHANGED}"
        )
    if isinstance(error, exceptions.BadVersionNumberError):
        return "refused", (
            "Ces guides sont plus anciens que ceux déjà reçus (un retour en arrière) : mise à jour "
            f"refusée. {NOTHING_CHANGED}"
        )
    if isinstance(error, exceptions.LengthOrHashMismatchError | exceptions.DownloadLengthMismatchError):
        return "refused", (
            "Le fichier reçu n'est pas celui que l'éditeur a signé (abîmé, coupé ou modifié) : "
            f"mise à jour refusée. {NOTHING_CHANGED}"
        )
    if isinstance(error, exceptions.RepositoryError):
        return "refused", f"Les informations de l'éditeur sont incohérentes ({error}). {NOTHING_CHANGED}"
    if isinstance(error, exceptions.SlowRetrievalError):
        return "unreachable", "L'adresse des guides répond trop lentement : nouvel essai plus tard."
    return "unreachable", f"Les guides n'ont pas pu être lus ({error}) : nouvel essai plus tard."


class Receiver:
    """Checks sources against one shelf; ``below`` are the packs loaded before the received ones."""

    def __init__(
        self, shelf: Shelf, below: tuple[Path, ...] = (BUNDLED_PACK,), deadline_s: float = CHECK_DEADLINE_S
    ) -> None:
        self.shelf = shelf
        self.below = below
        self.deadline_s = deadline_s  # a whole online check, however slowly the server answers

    def packs_with(self, name: str, candidate: Path | None) -> tuple[Path, ...]:
        """The packs in use, with ``candidate`` in the place of source ``name``'s (or without it)."""
        own = self.shelf.root / name
        others = tuple(p for p in self.shelf.current_packs() if not p.is_relative_to(own))
        mine = (candidate,) if candidate is not None else ()
        return tuple(sorted((*others, *mine), key=lambda p: p.parents[1].name))

    def check_online(self, source: TrustedSource) -> Outcome:
        if not source.url:
            return Outcome("unreachable", "Cette source n'a pas d'adresse : elle se met à jour par clé USB.")
        base = source.url.rstrip("/")
        return self._check(source, WebFetcher(self.deadline_s), f"{base}/metadata/", f"{base}/targets/")

    def check_folder(self, source: TrustedSource, folder: Path) -> Outcome:
        fetcher = FolderFetcher(folder)
        if not (folder / "metadata").is_dir():
            return Outcome("unreachable", f"Aucun guide de « {source.name} » sur ce support.")
        return self._check(source, fetcher, fetcher.url("metadata"), fetcher.url("targets"))

    def _check(
        self, source: TrustedSource, fetcher: FetcherInterface, metadata: str, targets: str
    ) -> Outcome:
        incoming = self.shelf.incoming_dir(source.name)
        reached = False
        try:
            self.shelf.metadata_dir(source.name).mkdir(parents=True, exist_ok=True)
            incoming.mkdir(parents=True, exist_ok=True)
            updater = Updater(
                str(self.shelf.metadata_dir(source.name)), metadata, str(incoming), targets,
                fetcher=fetcher, config=_CONFIG, bootstrap=source.root,
            )  # fmt: skip
            updater.refresh()
            info = updater.get_targetinfo(PACK_TARGET)
            reached = True
            outcome = self._offer(source, updater, info)
        except (exceptions.RepositoryError, exceptions.DownloadError) as error:
            kind, message = _refusal(error)
            outcome = Outcome(kind, message)
        except DiskFull:
            outcome = Outcome("refused", f"Le disque du kiosque est plein. {NOTHING_CHANGED}")
        except (OSError, EnvironmentFault) as error:
            outcome = Outcome(
                "refused", f"Le kiosque n'a pas pu écrire les guides ({error}). {NOTHING_CHANGED}"
            )
        finally:
            shutil.rmtree(incoming, ignore_errors=True)
        log.info("content source %s: %s (%s)", source.name, outcome.kind, outcome.version or "-")
        try:
            self.shelf.record(source.name, outcome, reached)
        except (OSError, EnvironmentFault) as error:
            log.error("the content check of %s could not be recorded: %s", source.name, error)
        return outcome

    def _offer(self, source: TrustedSource, updater: Updater, info: Any) -> Outcome:
        if info is None:
            return Outcome("up-to-date", "L'éditeur n'a encore publié aucun guide.")
        custom = info.custom if isinstance(info.custom, dict) else {}
        version = str(custom.get("version", ""))
        state = self.shelf.state(source.name)
        try:
            offered = version_key(version)
            newer = not state.current or offered > version_key(state.current)
        except ValueError:
            return Outcome(
                "refused", f"Le pack proposé n'a pas de numéro de version lisible. {NOTHING_CHANGED}"
            )
        if version in (state.current, state.set_aside) or not newer:
            return Outcome("up-to-date", "Les guides sont à jour.", version=state.current)
        archive = Path(updater.download_target(info))
        try:
            folder = self.shelf.install(
                source.name,
                archive,
                lambda staged: self._problems(staged, custom),
                lambda staged: self._changes(source.name, staged),
            )
        except ContentError as error:
            return Outcome(
                "refused",
                f"Les guides reçus (version {version}) ont des erreurs et ne sont pas installés : "
                f"{error.problem}. {NOTHING_CHANGED}",
                version=version,
            )
        manifest = load_manifest(folder)
        return Outcome(
            "installed", f"Guides mis à jour : version {version} du {manifest.date}.", version=version
        )

    def _problems(self, staged: Path, custom: dict[str, Any]) -> list[str]:
        try:
            manifest = load_manifest(staged)
        except ContentError as error:
            return [str(error)]
        if (manifest.id, manifest.version) != (custom.get("pack"), custom.get("version")):
            return [f"the pack is {manifest.id} {manifest.version}, the signed offer says "
                    f"{custom.get('pack')} {custom.get('version')}"]  # fmt: skip
        catalog = load_catalog((*self.below, *self.packs_with(staged.parents[1].name, staged)))
        return [f.message for f in check(catalog, only_under=staged) if f.severity == "error"]

    def _changes(self, name: str, staged: Path) -> dict[str, Any]:
        before_packs = (*self.below, *self.shelf.current_packs())
        after_packs = (*self.below, *self.packs_with(name, staged))
        return changes.compare(
            load_catalog(before_packs), load_catalog(after_packs), [lang.code for lang in LANGUAGES],
            before_packs, after_packs,
        )  # fmt: skip


def verify_only(shelf: Shelf, source: TrustedSource, folder: Path | None) -> Outcome:
    """What a check would do, on a copy of the kiosk's TUF state: nothing of the kiosk changes."""
    with tempfile.TemporaryDirectory(prefix="kiosk-verify-") as scratch:
        copy = Shelf(Path(scratch))
        if shelf.metadata_dir(source.name).is_dir():
            shutil.copytree(shelf.metadata_dir(source.name), copy.metadata_dir(source.name))
        if (shelf.root / "state.json").is_file():
            copy.root.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shelf.root / "state.json", copy.root / "state.json")
        receiver = Receiver(copy)
        return receiver.check_folder(source, folder) if folder else receiver.check_online(source)
