"""A full disk: the PIN still opens mediator mode to read why, and an export says there is no space."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from tests.conftest import FakeClock, fill_up, walk_to_step
from tests.ui.conftest import open_window
from tests.ui.mediator.helpers import PIN, PROCEDURE, type_pin
from ui.main_window import MainWindow


@pytest.fixture
def full_window(
    tiny_disk: Path, tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, qtbot: QtBot
) -> Iterator[MainWindow]:
    config = Config(data_dir=tiny_disk, config_dir=tmp_path / "config")
    paths = StorePaths.under(config.data_dir, config.config_dir)
    keeper = RecordKeeper.open(paths, bundled_catalog, clock=clock)
    assert keeper.store is not None
    PinLock(keeper.store).set_pin(Secret(PIN))
    window = open_window(Station(config, bundled_catalog, clock=clock, keeper=keeper), qtbot)
    window.mediator_panel.hide()
    fill_up(tiny_disk)
    yield window
    keeper.store.close()


def test_the_right_pin_opens_mediator_mode_on_a_full_disk_and_says_so(full_window: MainWindow) -> None:
    walk_to_step(full_window.station, PROCEDURE, 2)  # the visit tries to save and cannot
    panel = full_window.mediator_panel
    panel.open_mode()
    type_pin(full_window, "000000")
    assert "Encore 4" in panel.pin_page.problem.label.text(), "the wrong try is counted"
    type_pin(full_window, PIN)
    assert panel.pages.currentWidget() is panel.session_page
    assert "plein" in panel.session_page.notices.label.text()


def test_an_export_on_a_full_disk_says_there_is_no_space_and_leaves_no_file(full_window: MainWindow) -> None:
    panel = full_window.mediator_panel
    panel.open_mode()
    type_pin(full_window, PIN)
    panel.show_page(panel.activity_page)
    panel.activity_page.csv_button.click()
    assert "disque est plein" in panel.activity_page.exported.text()
    exports = panel.exports_dir
    assert not exports.exists() or list(exports.iterdir()) == []
