"""``kiosk store``: status, switching to a passphrase and back, re-keying, purging."""

from __future__ import annotations

import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.mediation.pin import PinCheck, PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.admin import main
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper, open_with
from tests.conftest import FakeClock, walk_to_step

PASSPHRASE = "trois mots et 1 nombre"
ROOT = Path(__file__).resolve().parents[3]


def answers(*replies: str) -> Callable[[str], str]:
    queue = list(replies)
    return lambda prompt: queue.pop(0)


@pytest.fixture
def folders(tmp_path: Path, bundled_catalog: Catalog) -> list[str]:
    paths = StorePaths.under(tmp_path / "data", tmp_path / "config")
    keeper = RecordKeeper.open(paths, bundled_catalog)
    keeper.store.journal("kept", {}, time.time())  # type: ignore[union-attr]
    keeper.store.close()  # type: ignore[union-attr]
    return ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]


def test_status_says_how_the_store_is_locked(folders: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", *folders], ask=answers()) == 0
    out = capsys.readouterr().out
    assert "station secret" in out and "chain intact" in out and "mediator PIN: not set" in out


def test_switch_to_a_passphrase_and_back(
    folders: list[str], tmp_path: Path, bundled_catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["use-passphrase", *folders], ask=answers(PASSPHRASE, PASSPHRASE)) == 0
    paths = StorePaths.under(tmp_path / "data", tmp_path / "config")
    assert paths.keys.needs_passphrase and not paths.keys.station_secret.exists()
    assert main(["status", *folders], ask=answers("pas la bonne phrase")) == 1
    assert "passphrase" in capsys.readouterr().err
    other = "une autre phrase longue"
    assert main(["rekey", *folders], ask=answers(PASSPHRASE, other, other)) == 0
    assert main(["use-station-secret", *folders], ask=answers(other)) == 0
    keeper = RecordKeeper.open(paths, bundled_catalog)
    events = [entry.event for entry in keeper.store.journal_entries()]  # type: ignore[union-attr]
    assert events[0] == "kept" and events.count("store.rekeyed") == 3
    assert keeper.store.broken_journal_entry() is None  # type: ignore[union-attr]


def test_mismatched_or_short_passphrases_change_nothing(folders: list[str], tmp_path: Path) -> None:
    assert main(["use-passphrase", *folders], ask=answers(PASSPHRASE, PASSPHRASE + "x")) == 1
    assert main(["use-passphrase", *folders], ask=answers("court", "court")) == 1
    assert not StorePaths.under(tmp_path / "data", tmp_path / "config").keys.needs_passphrase
    keeper = RecordKeeper.open(StorePaths.under(tmp_path / "data", tmp_path / "config"), Catalog())
    assert keeper.store is not None and not keeper.notices


def test_purge_runs(folders: list[str]) -> None:
    assert main(["purge", *folders], ask=answers()) == 0


def test_set_pin_from_the_terminal(folders: list[str], tmp_path: Path, bundled_catalog: Catalog) -> None:
    assert main(["set-pin", *folders], ask=answers("482193", "482194")) == 1
    assert main(["set-pin", *folders], ask=answers("111111", "111111")) == 1
    assert main(["set-pin", *folders], ask=answers("482193", "482193")) == 0
    keeper = RecordKeeper.open(StorePaths.under(tmp_path / "data", tmp_path / "config"), bundled_catalog)
    assert keeper.store is not None
    assert PinLock(keeper.store).check(Secret("482193")).result is PinCheck.ACCEPTED


def test_set_pin_before_the_first_start_makes_a_private_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "home" / ".local" / "share" / "france-services-kiosk"
    folders = ["--data-dir", str(data), "--config-dir", str(tmp_path / "config")]
    assert main(["set-pin", *folders], ask=answers("482193", "482193")) == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_status_while_the_kiosk_runs_erases_nobody(tmp_path: Path, bundled_catalog: Catalog) -> None:

    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    station = Station(config, bundled_catalog, FakeClock(), RecordKeeper.open(paths, bundled_catalog))
    walk_to_step(station, "caf-prime-activite", 1)
    folders = ["--data-dir", str(config.data_dir), "--config-dir", str(config.config_dir)]
    assert main(["status", *folders], ask=answers()) == 0
    assert station.keeper.store is not None and len(station.keeper.store.session_ids()) == 1


# `kiosk store` as a fleet script runs it: the answers on standard input, which is not a terminal.
STORE_COMMAND = "import sys; from kiosk.store.admin import main; sys.exit(main(sys.argv[1:]))"


def store_command(folders: list[str], *arguments: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", STORE_COMMAND, *arguments, *folders],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def pin_accepted(tmp_path: Path, catalog: Catalog, pin: str) -> bool:
    keeper = RecordKeeper.open(StorePaths.under(tmp_path / "data", tmp_path / "config"), catalog)
    assert keeper.store is not None
    try:
        return PinLock(keeper.store).check(Secret(pin)).result is PinCheck.ACCEPTED
    finally:
        keeper.store.close()


def test_set_pin_reads_the_pin_from_standard_input_when_it_is_not_a_terminal(
    folders: list[str], tmp_path: Path, bundled_catalog: Catalog
) -> None:
    result = store_command(folders, "set-pin", stdin="482193\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "the mediator PIN is set\n"
    assert "482193" not in result.stdout + result.stderr  # no echo, no prompt holding it
    assert pin_accepted(tmp_path, bundled_catalog, "482193")


@pytest.mark.parametrize(
    ("stdin", "refusal"),
    [
        ("111111\n", "a PIN has at least 6 digits, not all the same"),
        ("4821\n", "a PIN has at least 6 digits, not all the same"),
        ("", "standard input ended before the answer to 'Mediator PIN (6 digits or more)'"),
    ],
)
def test_set_pin_from_standard_input_still_refuses_weak_pins(
    folders: list[str], tmp_path: Path, bundled_catalog: Catalog, stdin: str, refusal: str
) -> None:
    result = store_command(folders, "set-pin", stdin=stdin)
    assert result.returncode == 1
    assert result.stderr == f"kiosk store: {refusal}\n"
    assert not pin_accepted(tmp_path, bundled_catalog, stdin.strip() or "482193")


def test_set_pin_from_standard_input_on_a_store_locked_with_a_passphrase(
    folders: list[str], tmp_path: Path, bundled_catalog: Catalog
) -> None:
    assert main(["use-passphrase", *folders], ask=answers(PASSPHRASE, PASSPHRASE)) == 0
    result = store_command(folders, "set-pin", stdin=f"{PASSPHRASE}\r\n482193\r\n")  # also from Windows
    assert result.returncode == 0, result.stderr
    paths = StorePaths.under(tmp_path / "data", tmp_path / "config")
    store = open_with(paths, paths.keys.unlock(Secret(PASSPHRASE)))
    assert store is not None
    assert PinLock(store).check(Secret("482193")).result is PinCheck.ACCEPTED
    store.close()
