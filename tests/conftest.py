"""Shared fixtures; the whole suite runs offscreen (set before any Qt import)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from kiosk import i18n
from kiosk.config import Config
from kiosk.content_loader import Catalog, load_catalog
from kiosk.station import Station


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
    i18n.set_language(i18n.SOURCE_LANGUAGE)
