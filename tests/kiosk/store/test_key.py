"""The store's key: a private station secret, or a passphrase; key changes that survive a crash."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kiosk.secret import Secret
from kiosk.store.database import Store, StoreUnreadable
from kiosk.store.key import (
    Derivation,
    KeyFiles,
    KeyMode,
    KeyParams,
    PassphraseNeeded,
    StationSecretMismatch,
    WrongPassphrase,
    hkdf_sha256,
)

PASSPHRASE = "cheval agrafe 47 batterie"


@pytest.fixture
def files(tmp_path: Path) -> KeyFiles:
    return KeyFiles(tmp_path / "data" / "kiosk.key.json", tmp_path / "config" / "station.secret")


def test_the_first_start_creates_a_private_station_secret(files: KeyFiles) -> None:
    [(key, pending)] = files.unlock()
    assert len(key) == 32 and not pending
    for path in (files.station_secret, files.params):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(files.station_secret.parent.stat().st_mode) == 0o700
    assert key.hex() not in files.params.read_text() and files.station_secret.read_text().strip() not in (
        files.params.read_text()
    )
    assert files.unlock() == [(key, False)]


def test_hkdf_gives_the_rfc_5869_output() -> None:
    # RFC 5869, appendix A.1: the first 32 bytes of the 42-byte output.
    derived = hkdf_sha256(b"\x0b" * 22, bytes(range(13)), bytes(range(0xF0, 0xFA)))
    assert derived.hex() == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"


def test_only_a_passphrase_is_stretched_with_scrypt(files: KeyFiles, tmp_path: Path) -> None:
    files.unlock()
    station = json.loads(files.params.read_text())
    assert station["kdf"] == "hkdf-sha256" and "n" not in station
    passphrase = KeyFiles(tmp_path / "p.json", tmp_path / "p.secret")
    passphrase.unlock(Secret(PASSPHRASE))
    settings = json.loads(passphrase.params.read_text())
    assert (settings["kdf"], settings["n"], settings["r"], settings["p"]) == ("scrypt", 2**15, 8, 3)


def test_a_station_secret_derived_with_scrypt_before_still_opens(files: KeyFiles) -> None:
    material = bytes(range(32))
    files.station_secret.parent.mkdir(parents=True)
    files.station_secret.write_text(material.hex() + "\n")
    older = KeyParams(KeyMode.STATION_SECRET, salt=b"s" * 16, kdf=Derivation.SCRYPT, n=2**10)
    key = older.derive(material)
    files.params.parent.mkdir(parents=True)
    files.params.write_text(older.with_check(key).to_json())
    assert files.unlock() == [(key, False)]


def test_a_lost_station_secret_is_told_apart(files: KeyFiles) -> None:
    files.unlock()
    files.station_secret.unlink()
    with pytest.raises(StationSecretMismatch):
        files.unlock()


def test_passphrase_mode_keeps_nothing_on_disk_that_opens_the_store(files: KeyFiles, tmp_path: Path) -> None:
    [(key, _)] = files.unlock(Secret(PASSPHRASE))
    assert not files.station_secret.exists()
    with pytest.raises(PassphraseNeeded):
        files.unlock()
    with pytest.raises(WrongPassphrase):
        files.unlock(Secret("cheval agrafe 47 batteries"))
    assert files.unlock(Secret(PASSPHRASE)) == [(key, False)]
    # The same words typed with a decomposed accent give the same key.
    accented = KeyFiles(tmp_path / "b.json", tmp_path / "b.secret")
    [(first, _)] = accented.unlock(Secret("caf\u00e9 crème brûlée 2026"))
    assert accented.unlock(Secret("cafe\u0301 crème brûlée 2026"))[0][0] == first


def test_switching_to_a_passphrase_and_back(files: KeyFiles, tmp_path: Path) -> None:
    database = tmp_path / "data" / "kiosk.db"
    [(key, _)] = files.unlock()
    store = Store.open(database, key)
    store.journal("kept", {}, 1.0)
    new_key = files.prepare_change(KeyMode.PASSPHRASE, Secret(PASSPHRASE))
    store.rekey(new_key)
    files.finish_change()
    store.close()
    assert not files.station_secret.exists()
    [(key, _)] = files.unlock(Secret(PASSPHRASE))
    store = Store.open(database, key)
    store.rekey(files.prepare_change(KeyMode.STATION_SECRET, None))
    files.finish_change()
    store.close()
    [(key, _)] = files.unlock()
    assert [e.event for e in Store.open(database, key).journal_entries()] == ["kept"]


def test_a_too_short_passphrase_is_refused(files: KeyFiles) -> None:
    files.unlock()
    with pytest.raises(ValueError, match="12"):
        files.prepare_change(KeyMode.PASSPHRASE, Secret("court"))


@pytest.mark.parametrize("rekeyed", [False, True], ids=["before-rekey", "after-rekey"])
def test_a_key_change_interrupted_by_a_crash_still_opens(
    files: KeyFiles, tmp_path: Path, rekeyed: bool
) -> None:
    database = tmp_path / "data" / "kiosk.db"
    [(key, _)] = files.unlock()
    store = Store.open(database, key)
    store.journal("kept", {}, 1.0)
    new_key = files.prepare_change(KeyMode.STATION_SECRET, None)
    if rekeyed:
        store.rekey(new_key)
    store.close()  # the process dies here: finish_change never ran
    opened = None
    for candidate, _pending in files.unlock():
        try:
            opened = Store.open(database, candidate)
            break
        except StoreUnreadable:
            continue
    assert opened is not None and [e.event for e in opened.journal_entries()] == ["kept"]
