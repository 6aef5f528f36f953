"""The publisher's side: a TUF repository folder of content packs, and the keys that sign it.

A repository is a plain folder (``metadata/`` and ``targets/``) that any static web
server or a USB stick can carry. Its four roles each have a key: ``root`` says which
keys are trusted and stays offline (its own folder, on a stick in a drawer);
``targets`` (what pack is offered), ``snapshot`` and ``timestamp`` (how fresh the
offer is) sign each publication. Snapshots are consistent: every file is written
under a new name (``N.targets.json``, ``<hash>.pack.tar.gz``) before ``timestamp.json``
points at it, so a kiosk reading the folder mid-publication sees the old offer or
the new one, never half of each.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, Signer
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from kiosk.data_dir import write_private
from kiosk.errors import KioskError

PACK_TARGET = "pack.tar.gz"  # the one target of a repository: the newest pack, its version in ``custom``
ONLINE_ROLES = (Targets.type, Snapshot.type, Timestamp.type)
ROOT_DAYS = 365
DEFAULT_DAYS = 30  # how long a publication stays fresh: a kiosk offline longer is told the guides are old
_SERIALIZER = JSONSerializer(compact=False)


class PublishingError(KioskError):
    """The repository or the keys are not as publishing needs them; says what to do."""


@dataclass(frozen=True)
class PublisherKeys:
    """Where the keys are: the online roles' in one folder, root's in another (kept offline)."""

    online: Path
    root: Path

    def path(self, role: str) -> Path:
        return (self.root if role == Root.type else self.online) / f"{role}.pem"

    def signer(self, role: str) -> Signer:
        path = self.path(role)
        try:
            private = load_pem_private_key(path.read_bytes(), password=None)
        except FileNotFoundError:
            raise PublishingError(f"the {role} key is missing: {path}") from None
        except (OSError, ValueError, TypeError) as error:
            raise PublishingError(f"{path} is not a usable private key ({error})") from None
        return CryptoSigner(private)

    def generate(self, role: str) -> Signer:
        """A new Ed25519 key for ``role``, written owner-only (the old one, if any, kept as .old)."""
        signer = CryptoSigner.generate_ed25519()
        path = self.path(role)
        if path.exists():
            path.replace(path.with_suffix(".pem.old"))
        write_private(path, signer.private_bytes)
        return signer


def _expiry(days: int) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)


class Repository:
    """One publisher's repository folder."""

    def __init__(self, folder: Path, keys: PublisherKeys) -> None:
        self.folder = folder
        self.keys = keys
        self.metadata = folder / "metadata"
        self.targets = folder / "targets"

    # Reading -----------------------------------------------------------------------------
    def _read(self, role: str) -> Metadata:  # type: ignore[type-arg]
        name = f"{role}.json"
        if role != Timestamp.type:  # the newest version of each role is the one timestamp leads to
            versions = sorted(int(p.name.split(".")[0]) for p in self.metadata.glob(f"*.{name}"))
            if not versions:
                raise PublishingError(f"{self.folder} is not a content repository: run 'kiosk pack init'")
            name = f"{versions[-1]}.{name}"
        try:
            return Metadata.from_file(str(self.metadata / name))
        except FileNotFoundError:
            raise PublishingError(
                f"{self.folder} is not a content repository: run 'kiosk pack init'"
            ) from None

    def offered(self) -> dict[str, str] | None:
        """What the repository offers now (pack, version, date), or None before the first publication."""
        targets = self._read(Targets.type).signed
        target = targets.targets.get(PACK_TARGET)
        return dict(target.custom) if target is not None and isinstance(target.custom, dict) else None

    # Writing -----------------------------------------------------------------------------
    def _write(self, metadata: Metadata, role: str, versioned: bool) -> None:  # type: ignore[type-arg]
        self.metadata.mkdir(parents=True, exist_ok=True)
        name = f"{metadata.signed.version}.{role}.json" if versioned else f"{role}.json"
        metadata.to_file(str(self.metadata / name), _SERIALIZER)

    def _sign(self, metadata: Metadata, role: str) -> None:  # type: ignore[type-arg]
        metadata.signatures.clear()
        metadata.sign(self.keys.signer(role), append=True)

    def init(self, days: int = DEFAULT_DAYS) -> None:
        """A new repository: four keys made (root's apart), root 1 and an empty offer, all signed."""
        if (self.metadata / "1.root.json").exists():
            raise PublishingError(f"{self.folder} already holds a repository; nothing was changed")
        root = Root(expires=_expiry(ROOT_DAYS), consistent_snapshot=True)
        for role in (Root.type, *ONLINE_ROLES):
            signer = self.keys.generate(role)
            root.add_key(signer.public_key, role)
        root_metadata = Metadata(root)
        self._sign(root_metadata, Root.type)
        self._write(root_metadata, Root.type, versioned=True)
        self._write(root_metadata, Root.type, versioned=False)  # the trusted root a kiosk ships
        self.targets.mkdir(parents=True, exist_ok=True)
        self._publish_online(Metadata(Targets(expires=_expiry(days))), days, first=True)

    def _publish_online(self, targets: Metadata, days: int, first: bool = False) -> None:  # type: ignore[type-arg]
        """Sign and write targets, then snapshot, then timestamp: the order a kiosk reads them backwards."""
        targets.signed.expires = _expiry(days)
        self._sign(targets, Targets.type)
        self._write(targets, Targets.type, versioned=True)
        snapshot = self._next(Snapshot, first, days)
        snapshot.signed.meta[f"{Targets.type}.json"] = MetaFile(version=targets.signed.version)
        self._sign(snapshot, Snapshot.type)
        self._write(snapshot, Snapshot.type, versioned=True)
        timestamp = self._next(Timestamp, first, days)
        timestamp.signed.snapshot_meta = MetaFile(version=snapshot.signed.version)
        self._sign(timestamp, Timestamp.type)
        self._write(timestamp, Timestamp.type, versioned=False)

    def _next(self, role: type[Snapshot] | type[Timestamp], first: bool, days: int) -> Metadata:  # type: ignore[type-arg]
        """The role's next version (its first in a new repository), fresh for ``days``."""
        metadata = Metadata(role(expires=_expiry(days))) if first else self._read(role.type)  # type: ignore[type-var]
        if not first:
            metadata.signed.version += 1
        metadata.signed.expires = _expiry(days)
        return metadata

    def publish(self, archive: Path, custom: dict[str, str], days: int = DEFAULT_DAYS) -> None:
        """Offer ``archive`` as the repository's pack; ``custom`` says its pack id, version and date."""
        targets = self._read(Targets.type)
        target = TargetFile.from_file(PACK_TARGET, str(archive))
        target.unrecognized_fields["custom"] = dict(custom)
        stored = self.targets / f"{target.hashes['sha256']}.{PACK_TARGET}"
        self.targets.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(archive, stored)  # before any metadata names it
        targets.signed.targets[PACK_TARGET] = target
        targets.signed.version += 1
        self._publish_online(targets, days)

    def refresh(self, days: int = DEFAULT_DAYS) -> None:
        """The same offer, signed again with a new expiry: what keeps kiosks from calling it stale."""
        targets = self._read(Targets.type)
        targets.signed.version += 1
        self._publish_online(targets, days)

    def rotate(self, role: str, days: int = DEFAULT_DAYS) -> None:
        """Replace ``role``'s key: a new root version, signed by the old root key and the new one,
        names it; kiosks follow the chain of roots. Needs the root key."""
        root = self._read(Root.type)
        old_root_signer = self.keys.signer(Root.type)
        for keyid in list(root.signed.roles[role].keyids):
            root.signed.revoke_key(keyid, role)
        new_signer = self.keys.generate(role)
        root.signed.add_key(new_signer.public_key, role)
        root.signed.version += 1
        root.signed.expires = _expiry(ROOT_DAYS)
        root.signatures.clear()
        root.sign(old_root_signer, append=True)
        if role == Root.type:  # the kiosks trust the new version only if both old and new keys sign it
            root.sign(new_signer, append=True)
        self._write(root, Root.type, versioned=True)
        self._write(root, Root.type, versioned=False)
        self.refresh(days)


def root_of(folder: Path) -> bytes:
    """The newest root of a repository folder: what a kiosk is given to trust it (``trusted-roots``)."""
    versions = sorted(folder.glob("metadata/*.root.json"), key=lambda p: int(p.name.split(".")[0]))
    if not versions:
        raise PublishingError(f"{folder} is not a content repository")
    newest = versions[-1].read_bytes()
    json.loads(newest)  # a readable root, or an error here rather than at a kiosk
    return newest
