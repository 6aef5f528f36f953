"""The locked kiosk: full screen and frameless on a real X server, deaf to close and quitting keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent

from ui.kiosk_lock import KioskLock
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def key(code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, code, modifiers)


def test_the_lock_swallows_closing_quitting_keys_and_context_menus(window: MainWindow) -> None:
    lock = KioskLock(window)
    window.show()
    assert not window.close() and window.isVisible()
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    for blocked in (
        key(Qt.Key.Key_Escape),
        key(Qt.Key.Key_F4, alt),
        key(Qt.Key.Key_Q, ctrl),
        key(Qt.Key.Key_W, ctrl),
    ):
        assert lock.eventFilter(window, blocked), blocked.key()
    assert not lock.eventFilter(window, key(Qt.Key.Key_A)), "ordinary typing goes through"
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert lock.eventFilter(window.nav_bar, menu)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    lock.release()
    assert window.close()


def test_leaving_is_only_possible_from_mediator_mode(window: MainWindow) -> None:
    lock = KioskLock(window)
    window.mediator_panel.quit_requested.connect(lock.release)
    window.show()
    window.mediator_panel.settings_page.quit_kiosk()
    assert lock.released and window.close()


CHECK = """
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui.app import create_application, main
from ui.main_window import MainWindow

app = create_application()

def check():
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    closed = window.close()
    print(json.dumps({
        "full_screen": bool(window.windowState() & Qt.WindowState.WindowFullScreen),
        "frameless": bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint),
        "on_top": bool(window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint),
        "closed": closed,
        "visible_after_close": window.isVisible(),
        "size": [window.width(), window.height()],
    }), flush=True)
    window.mediator_panel.quit_requested.emit()

QTimer.singleShot(2500, check)
sys.exit(main(["--data-dir", sys.argv[1], "--silent"]))
"""


@pytest.mark.xvfb
def test_the_real_kiosk_is_full_screen_frameless_and_ignores_close_on_xcb(
    tmp_path: Path, xvfb_display: str
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": xvfb_display,
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["full_screen"] and state["frameless"] and state["on_top"]
    assert not state["closed"] and state["visible_after_close"]
    assert state["size"] == [1366, 768], "the whole Xvfb screen"
