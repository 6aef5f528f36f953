"""A station as the install script leaves it: the encrypted store created and the mediators' PIN set.

The PIN is set in a separate process, as ``kiosk store set-pin`` does at install, so
its key derivation never counts in the kiosk's own start-up or memory.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SET_PIN = """
import sys
from pathlib import Path
from kiosk.store.key import StorePaths
from kiosk.store.admin import set_pin
folder = Path(sys.argv[1])
set_pin(StorePaths.under(folder / "data", folder / "config"), lambda prompt: "482193")
"""


def install(folder: Path) -> tuple[Path, Path]:
    """Prepare a station in ``folder``; returns its data and config folders."""
    subprocess.run([sys.executable, "-c", SET_PIN, str(folder)], cwd=ROOT, check=True, capture_output=True)
    return folder / "data", folder / "config"


def open_installed_kiosk(packs: tuple[Path, ...] = ()) -> tuple[QApplication, MainWindow]:
    """The real kiosk window, shown at 1366x768 with its real speaker, on a new station as installed.

    ``packs`` are content packs loaded after the bundled one, as ``kiosk --pack`` loads them.
    """
    from kiosk.config import BUNDLED_PACK, Config
    from ui.app import create_application
    from ui.opening import build_speaker, build_window

    app = create_application()
    data_dir, config_dir = install(Path(tempfile.mkdtemp()))
    config = Config(data_dir=data_dir, config_dir=config_dir, pack_dirs=(BUNDLED_PACK, *packs))
    window = build_window(config, build_speaker(config))
    window.resize(1366, 768)
    window.show()
    return app, window
