"""A real kiosk window on the offscreen platform, with a clock the tests control."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from kiosk.station import Station
from ui.app import create_application
from ui.main_window import MainWindow
from ui.screenshots import SCREENSHOT_PIN
from voice.speaker import SilentSpeaker

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "127.0.0.2", "localhost"})


# As ui.app does before the application exists (pytest-qt makes it): the site's browser shares contexts.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


@pytest.fixture(autouse=True)
def widgets_deleted_after_each_test() -> Iterator[None]:
    """Each test's closed windows are destroyed when it ends, not all at once in a later test's event loop.

    qtbot closes a test's widgets with deleteLater, which runs only inside an event loop: the
    thousands left by the tests before it were destroyed in the first one of test_crash_guard
    (38 s of a 10 minute suite, and a test that looked slow for nothing of its own).
    """
    yield
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_real_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever reaches a real site: the browser may only load from this machine's loopback.

    Tests that open a bundled procedure's site (caf.fr...) see the kiosk's "the site does not
    answer" notice instead; the browser tests serve their own site on 127.0.0.1.
    """
    from ui.browser import profile

    guard = profile.FrameGuard.interceptRequest

    def loopback_only(self: profile.FrameGuard, info: profile.QWebEngineUrlRequestInfo) -> None:
        if info.requestUrl().host() not in LOOPBACK_HOSTS:
            info.block(True)
            return
        guard(self, info)

    monkeypatch.setattr(profile.FrameGuard, "interceptRequest", loopback_only)


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
def installed_window(stored_station: Station, qtbot: QtBot) -> Iterator[MainWindow]:
    """A kiosk window as the install script leaves it: its real store, the mediators' PIN set
    (so it opens on the welcome screen, with everything a store brings: "I have a code"...)."""
    assert stored_station.keeper.store is not None
    PinLock(stored_station.keeper.store).set_pin(Secret(SCREENSHOT_PIN))
    yield open_window(stored_station, qtbot)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def stored_window(stored_station: Station, qtbot: QtBot) -> Iterator[MainWindow]:
    """A kiosk window whose station keeps records in a real encrypted store."""
    yield open_window(stored_station, qtbot)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (./test.sh installs it)")
    display = f":{os.getpid() % 400 + 100}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.fail("Xvfb did not start")
    yield display
    server.terminate()
    server.wait(timeout=10)


from tests.room_broker import room  # noqa: E402,F401 - the fixture of a real broker, for the kiosk in its room
