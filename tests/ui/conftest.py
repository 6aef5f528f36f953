"""A real kiosk window on the offscreen platform, with a clock the tests control."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.station import Station
from ui.app import create_application
from ui.main_window import MainWindow
from voice.speaker import SilentSpeaker


def open_window(station: Station, qtbot: QtBot) -> MainWindow:
    create_application()
    main_window = MainWindow(station, SilentSpeaker())
    qtbot.addWidget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    QApplication.processEvents()
    return main_window


@pytest.fixture
def window(station: Station, qtbot: QtBot) -> Iterator[MainWindow]:
    yield open_window(station, qtbot)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def stored_window(stored_station: Station, qtbot: QtBot) -> Iterator[MainWindow]:
    """A kiosk window whose station keeps records in a real encrypted store."""
    yield open_window(stored_station, qtbot)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
