"""What opens after the first paint: a store locked by a passphrase asks for it over the welcome
screen; a mediator who gives up, or an error while opening, stops the kiosk with an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.secret import Secret
from kiosk.store.record_keeper import RecordKeeper
from ui.app import create_application, open_window
from ui.opening import load_content, store_paths
from ui.unlock_dialog import UnlockDialog

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "une phrase de passe assez longue"

GIVE_UP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import create_application, main
from ui.unlock_dialog import UnlockDialog
app = create_application()

def give_up():
    asking = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, UnlockDialog)]
    if asking and asking[0].isVisible():
        print("asked", flush=True)
        asking[0].reject()
    else:
        QTimer.singleShot(20, give_up)

QTimer.singleShot(0, give_up)
sys.exit(main(["--data-dir", sys.argv[1], "--silent", "--windowed"]))
"""

BREAK_THE_OPENING = """
import sys
import ui.opening
from ui.app import main

def broken(*args, **kwargs):
    raise RuntimeError("the station cannot open")

ui.opening.build_station = broken
sys.exit(main(["--data-dir", sys.argv[1], "--silent", "--windowed"]))
"""


def lock_with_passphrase(config: Config) -> None:
    keeper = RecordKeeper.open(store_paths(config), load_content(config), Secret(PASSPHRASE))
    assert keeper.store is not None
    keeper.store.close()


def run_kiosk(program: str, data: Path, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", program, str(data)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_store_locked_by_a_passphrase_asks_for_it_over_the_welcome_screen(
    tmp_path: Path, qtbot: QtBot
) -> None:
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    lock_with_passphrase(config)
    create_application()
    window = open_window(config, silent=True)
    qtbot.addWidget(window)
    seen: list[bool] = []

    def type_passphrase() -> None:
        dialog = window.findChild(UnlockDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, type_passphrase)
            return
        seen.append(dialog.isModal() and window.welcome.isVisible())
        qtbot.keyClicks(dialog.field, PASSPHRASE)
        dialog.open_button.click()

    QTimer.singleShot(0, type_passphrase)
    window.show()
    qtbot.waitUntil(lambda: window.attached, timeout=20000)
    assert seen == [True], "asked once, in front of the painted welcome screen"
    assert window.station.keeper.store is not None


def test_giving_up_the_passphrase_stops_the_kiosk_with_an_error(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "data", config_dir=tmp_path / "home" / "france-services-kiosk")
    lock_with_passphrase(config)
    stopped = run_kiosk(GIVE_UP, config.data_dir, tmp_path / "home")
    assert stopped.stdout.split() == ["asked"] and stopped.returncode == 1


def test_an_error_while_opening_stops_the_kiosk_with_an_error_in_its_log(tmp_path: Path) -> None:
    stopped = run_kiosk(BREAK_THE_OPENING, tmp_path / "data", tmp_path / "home")
    assert stopped.returncode == 1
    log = (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "the kiosk could not start" in log and "the station cannot open" in log
