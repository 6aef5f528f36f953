"""Shared fixtures; the whole suite runs offscreen (set before any Qt import)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.geteuid() == 0:
    # Chromium's sandbox cannot run as root: only the tests (and CI) running as root switch it off.
    # The kiosk itself runs as the unprivileged kiosk user, sandbox on (docs/INSTALL.md).
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest

from kiosk.config import Config
from kiosk.content.loader import Catalog, load_catalog
from kiosk.i18n import translation
from kiosk.station import Station
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper


class FakeClock:
    """A monotonic clock the tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def bundled_catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(data_dir=tmp_path / "data")


@pytest.fixture
def station(config: Config, bundled_catalog: Catalog, clock: FakeClock) -> Iterator[Station]:
    yield Station(config, bundled_catalog, clock=clock)
    translation.set_language(translation.SOURCE_LANGUAGE)


@pytest.fixture
def stored_station(tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock) -> Iterator[Station]:
    """A station with its real encrypted store (station-secret mode) in a private temporary folder."""
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    keeper = RecordKeeper.open(
        StorePaths.under(config.data_dir, config.config_dir), bundled_catalog, clock=clock
    )
    yield Station(config, bundled_catalog, clock=clock, keeper=keeper)
    if keeper.store is not None:
        keeper.store.close()
    translation.set_language(translation.SOURCE_LANGUAGE)


def walk_to_step(station: Station, procedure_id: str, step_number: int, language: str = "fr") -> None:
    """From the welcome screen to step ``step_number`` (1-based) of a procedure, as a person would."""
    visit = station.visit
    visit.start()
    visit.choose_language(language)
    visit.open_theme(station.catalog.procedures[procedure_id].theme)
    visit.open_procedure(procedure_id)
    for _ in range(step_number):
        visit.next()


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes into the real user's data or config folders (the station secret lives there)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system, to fill up for real (needs root and mount)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], check=False)
    if result.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_up(disk: Path) -> Path:
    """Fill ``disk`` to its last byte; remove the file returned to free it again."""
    filler = disk / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


@contextmanager
def umask_set(umask: int) -> Iterator[None]:
    """Files made meanwhile get this umask (022: readable by others; 000: writable too); restored after."""
    old = os.umask(umask)
    try:
        yield
    finally:
        os.umask(old)
