"""``kiosk-console``: the desk's console of the room, opened with the mediators' PIN.

The console keeps its own encrypted store (the PIN, its lock-out, the room's activity) in its
data folder; its PIN is chosen with ``kiosk store set-pin --data-dir DIR --config-dir DIR``,
and the same rules hold as on a kiosk: 6 digits or more, five wrong tries lock it five minutes,
across restarts. Its identity for the broker is in ``/etc/france-services-kiosk/room``
(``packaging/install.sh --room-console``), or the folder given with ``--identity``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from kiosk.config import SETTINGS_FILE, read_install_settings
from kiosk.content.loader import load_catalog
from kiosk.data_dir import configure_logging, prepare_data_dir
from kiosk.errors import KioskError
from kiosk.mediation.pin import PinCheck, PinLock
from kiosk.room.broker_client import read_identity
from kiosk.room.console_link import ConsoleLink
from kiosk.room.room_model import RoomModel
from kiosk.secret import Secret
from kiosk.store.database import Store
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from ui.console.chime import Chime
from ui.console.window import ConsoleEvents, ConsoleWindow

log = logging.getLogger(__name__)
CONSOLE_DIR = "france-services-console"


def ask_pin(lock: PinLock, parent: QWidget | None = None) -> bool:
    """Ask for the mediators' PIN until it is right, locked out, or given up."""
    while True:
        text, given = QInputDialog.getText(
            parent, "Console de la salle", "PIN des médiateurs :", QLineEdit.EchoMode.Password
        )
        if not given:
            return False
        answer = lock.check(Secret(text))
        if answer.result is PinCheck.ACCEPTED:
            return True
        if answer.result is PinCheck.LOCKED:
            QMessageBox.warning(
                parent, "Console verrouillée", f"Trop d'essais : réessayez dans {answer.seconds_locked} s."
            )
            return False
        QMessageBox.warning(parent, "PIN incorrect", f"PIN incorrect : encore {answer.tries_left} essai(s).")


def open_store(data_dir: Path, config_dir: Path) -> Store | None:
    keeper = RecordKeeper.open(StorePaths.under(data_dir, config_dir), load_catalog(()))
    return keeper.store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-console", description=__doc__)
    home = Path.home() / ".local" / "share" / CONSOLE_DIR
    parser.add_argument("--data-dir", type=Path, default=home, help=f"default: {home}")
    parser.add_argument("--config-dir", type=Path, default=Path.home() / ".config" / CONSOLE_DIR)
    parser.add_argument("--identity", type=Path, default=SETTINGS_FILE.parent / "room")
    parser.add_argument("--broker", help="HOST[:PORT] (default: room_broker in kiosk.conf)")
    args = parser.parse_args(argv)
    try:
        prepare_data_dir(args.data_dir)
        broker = args.broker or read_install_settings(SETTINGS_FILE)[0].room_broker
        if not broker:
            raise KioskError("no broker: give --broker HOST or set room_broker in kiosk.conf")
        identity = read_identity(args.identity, broker)
    except KioskError as error:
        print(f"kiosk-console: {error}", file=sys.stderr)
        return 1
    configure_logging(args.data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(args.data_dir, args.config_dir)
    lock = PinLock(store) if store is not None else None
    if lock is None or not lock.configured:
        print(
            f"kiosk-console: choose the mediators' PIN first: kiosk store set-pin --data-dir {args.data_dir} "
            f"--config-dir {args.config_dir}",
            file=sys.stderr,
        )
        return 1
    if not ask_pin(lock):
        return 1
    events = ConsoleEvents()
    link = ConsoleLink(identity, events.message.emit, events.connection.emit)
    chime = Chime(args.data_dir)
    exports = args.data_dir / "exports"
    window = ConsoleWindow(RoomModel(), link.send, store, load_catalog(), exports, alert=chime)
    events.message.connect(window.receive)
    events.connection.connect(window.set_connected)
    link.start()
    window.resize(1280, 800)
    window.show()
    code = app.exec()
    link.stop()
    return int(code)
