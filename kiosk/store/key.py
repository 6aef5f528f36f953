"""The key of the encrypted store: where it comes from, how it is derived, how it changes.

Two modes. By default a random station secret is created at first start in the
kiosk's config folder (owner-only), so the kiosk needs no set-up. With a
passphrase, a mediator types it at start-up and nothing on disk opens the store.
A passphrase is stretched with scrypt, which makes guessing it slow; the station
secret is 256 random bits that no one can guess, so its key comes from HKDF-SHA256,
which costs nothing at start-up (scrypt would add 0.2 s and 32 MiB to every start
for no protection). The salt and the derivation's settings sit next to the database
in a small public file, with a check value that tells a wrong passphrase apart from
a damaged database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.data_dir import write_private
from kiosk.errors import KioskError
from kiosk.secret import Secret

# OWASP's scrypt settings (N=2^15, r=8, p=3): 32 MiB and about 0.2 s on a 2-core PC.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 3
KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 12
_CHECK_LABEL = b"france-services-kiosk store key check"
_HKDF_INFO = b"france-services-kiosk store key"


class Derivation(StrEnum):
    SCRYPT = "scrypt"  # for a passphrase: slow on purpose
    HKDF = "hkdf-sha256"  # for the station secret: already 256 random bits


class KeyMode(StrEnum):
    STATION_SECRET = "station-secret"  # noqa: S105 - the name of a key mode, not a secret
    PASSPHRASE = "passphrase"  # noqa: S105 - the name of a key mode, not a secret


class PassphraseNeeded(KioskError):
    """The store is locked with a passphrase and none was given."""


class WrongPassphrase(KioskError):
    """The passphrase typed is not the one that locks the store."""


class StationSecretMismatch(KioskError):
    """The station secret on disk is not the one the store was locked with (lost or replaced)."""


@dataclass(frozen=True)
class KeyParams:
    """How the key is derived; public (it is stored in clear next to the database)."""

    mode: KeyMode
    salt: bytes
    kdf: Derivation = Derivation.SCRYPT
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    check: bytes = b""

    @classmethod
    def fresh(cls, mode: KeyMode) -> KeyParams:
        kdf = Derivation.SCRYPT if mode is KeyMode.PASSPHRASE else Derivation.HKDF
        return cls(mode=mode, salt=secrets.token_bytes(16), kdf=kdf)

    def derive(self, material: bytes) -> bytes:
        """The raw 256-bit key for SQLCipher."""
        if self.kdf is Derivation.HKDF:
            return hkdf_sha256(material, self.salt, _HKDF_INFO)
        return hashlib.scrypt(
            material,
            salt=self.salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=256 * self.n * self.r * self.p + 16 * 1024 * 1024,
            dklen=KEY_BYTES,
        )

    def with_check(self, key: bytes) -> KeyParams:
        return KeyParams(self.mode, self.salt, self.kdf, self.n, self.r, self.p, key_check(key))

    def accepts(self, key: bytes) -> bool:
        return hmac.compare_digest(self.check, key_check(key))

    def to_json(self) -> str:
        work = {"n": self.n, "r": self.r, "p": self.p} if self.kdf is Derivation.SCRYPT else {}
        fields = {"mode": self.mode.value, "kdf": self.kdf.value, "salt": self.salt.hex(), **work}
        return json.dumps({**fields, "check": self.check.hex()}, indent=2)

    @classmethod
    def from_json(cls, text: str, source: Path) -> KeyParams:
        try:
            data = json.loads(text)
            kdf = Derivation(data.get("kdf"))
            mode = KeyMode(data["mode"])
            salt, check = bytes.fromhex(data["salt"]), bytes.fromhex(data["check"])
            if kdf is Derivation.HKDF:
                return cls(mode=mode, salt=salt, kdf=kdf, check=check)
            work = {"n": int(data["n"]), "r": int(data["r"]), "p": int(data["p"])}
            return cls(mode=mode, salt=salt, kdf=kdf, check=check, **work)
        except (ValueError, KeyError, TypeError) as error:
            raise StationSecretMismatch(f"{source}: the key settings cannot be read ({error})") from None


def hkdf_sha256(material: bytes, salt: bytes, info: bytes) -> bytes:
    """HKDF (RFC 5869) with SHA-256, for one 32-byte output block."""
    pseudo_random_key = hmac.new(salt, material, hashlib.sha256).digest()
    return hmac.new(pseudo_random_key, info + b"\x01", hashlib.sha256).digest()


def key_check(key: bytes) -> bytes:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).digest()[:16]


def passphrase_material(passphrase: Secret) -> bytes:
    """The same passphrase gives the same key however its accents were typed (NFC)."""
    return unicodedata.normalize("NFC", passphrase.reveal()).encode("utf-8")


def shred(path: Path) -> None:
    """Overwrite a small secret file before removing it."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except FileNotFoundError:
        pass


@dataclass(frozen=True)
class KeyFiles:
    """The two files behind the key: the public settings and, in the default mode, the station secret."""

    params: Path
    station_secret: Path

    @property
    def needs_passphrase(self) -> bool:
        """True when the settings say a passphrase locks the store (damaged settings cannot say so:
        the store they belonged to is set aside at the opening)."""
        try:
            params = self.read_params()
        except StationSecretMismatch:
            return False
        return params is not None and params.mode is KeyMode.PASSPHRASE

    @property
    def pending_params(self) -> Path:
        """Settings of a key change that may not have finished (kept until it is known to have)."""
        return self.params.with_name(self.params.name + ".new")

    def read_params(self, path: Path | None = None) -> KeyParams | None:
        path = path or self.params
        try:
            return KeyParams.from_json(path.read_text(encoding="utf-8"), path)
        except FileNotFoundError:
            return None
        except (UnicodeDecodeError, OSError) as error:
            raise StationSecretMismatch(f"{path}: the key settings cannot be read ({error})") from None

    @property
    def pending_station_secret(self) -> Path:
        return self.station_secret.with_name(self.station_secret.name + ".new")

    def station_material(self, path: Path, create: bool) -> bytes:
        try:
            material = bytes.fromhex(path.read_text(encoding="ascii").strip())
        except FileNotFoundError:
            if not create:
                raise StationSecretMismatch(f"{path} is missing") from None
        except (ValueError, OSError):  # not hex, not text, not a file
            raise StationSecretMismatch(f"{path} is damaged") from None
        else:
            if len(material) != KEY_BYTES:
                raise StationSecretMismatch(f"{path} is damaged") from None
            return material
        material = secrets.token_bytes(KEY_BYTES)
        write_private(path, material.hex().encode("ascii") + b"\n")
        return material

    def material(self, params: KeyParams, passphrase: Secret | None, pending: bool = False) -> bytes:
        if params.mode is KeyMode.PASSPHRASE:
            if passphrase is None:
                raise PassphraseNeeded("the store is locked with a passphrase")
            return passphrase_material(passphrase)
        return self.station_material(self.pending_station_secret if pending else self.station_secret, False)

    @property
    def station_secret_damaged(self) -> bool:
        """A station secret is there but is not one (garbage, cut short): it opens nothing."""
        if not self.station_secret.exists():
            return False
        try:
            self.station_material(self.station_secret, create=False)
        except StationSecretMismatch:
            return True
        return False

    def unlock(self, passphrase: Secret | None = None) -> list[tuple[bytes, bool]]:
        """The keys to try, most likely first, each with whether it belongs to an unfinished change.

        Creates the station secret on a first start. A key change interrupted
        half-way leaves two candidates: the store opens with whichever key it has.
        """
        params = self.read_params()
        if params is None:
            params = KeyParams.fresh(KeyMode.PASSPHRASE if passphrase is not None else KeyMode.STATION_SECRET)
            if passphrase is None:
                material = self.station_material(self.station_secret, create=True)
            else:
                material = passphrase_material(passphrase)
            key = params.derive(material)
            write_private(self.params, params.with_check(key).to_json().encode())
            return [(key, False)]
        keys = []
        for candidate, pending in ((params, False), (self.read_params(self.pending_params), True)):
            if candidate is None:
                continue
            try:
                key = candidate.derive(self.material(candidate, passphrase, pending))
            except StationSecretMismatch:
                continue
            if candidate.accepts(key):
                keys.append((key, pending))
        if not keys:
            if params.mode is KeyMode.PASSPHRASE:
                raise WrongPassphrase("this passphrase does not open the store")
            raise StationSecretMismatch(f"{self.station_secret} does not open the store")
        return keys

    def prepare_change(self, mode: KeyMode, passphrase: Secret | None) -> bytes:
        """Write the settings of a new key beside the current ones and return the new key."""
        if mode is KeyMode.PASSPHRASE:
            if passphrase is None or len(passphrase) < MIN_PASSPHRASE_LENGTH:
                raise ValueError(f"a passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters")
            material = passphrase_material(passphrase)
        else:
            material = secrets.token_bytes(KEY_BYTES)
        params = KeyParams.fresh(mode)
        key = params.derive(material)
        write_private(self.pending_params, params.with_check(key).to_json().encode())
        if mode is KeyMode.STATION_SECRET:
            write_private(self.pending_station_secret, material.hex().encode("ascii") + b"\n")
        return key

    def finish_change(self) -> None:
        """The store has its new key: make the new settings the current ones."""
        params = self.read_params(self.pending_params)
        if params is None:
            return
        if params.mode is KeyMode.STATION_SECRET:
            self.pending_station_secret.replace(self.station_secret)
        else:
            shred(self.station_secret)
        self.pending_params.replace(self.params)

    def abandon_change(self) -> None:
        """A key change that never reached the store: drop its settings."""
        self.pending_params.unlink(missing_ok=True)
        shred(self.pending_station_secret)

    def forget(self) -> None:
        """Remove the key settings and the station secret (the store they opened is gone)."""
        for path in (self.params, self.pending_params):
            path.unlink(missing_ok=True)
        shred(self.station_secret)
        shred(self.pending_station_secret)


@dataclass(frozen=True)
class StorePaths:
    """Where the store of a station lives: its database and its key files."""

    database: Path
    keys: KeyFiles

    @property
    def settings_backup(self) -> Path:
        """The structure's choices and the PIN's hash, beside the station secret (outside the store)."""
        return self.keys.station_secret.with_name("settings-backup.json")

    @classmethod
    def under(cls, data_dir: Path, config_dir: Path) -> StorePaths:
        folder = data_dir / "store"
        return cls(folder / "kiosk.db", KeyFiles(folder / "kiosk.key.json", config_dir / "station.secret"))
