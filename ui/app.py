"""The ``kiosk`` command: read the options, prepare the data folder, open the kiosk window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

import kiosk
from kiosk import i18n
from kiosk.config import Config, default_data_dir
from kiosk.content_loader import BUNDLED_PACK, Catalog, load_catalog
from kiosk.data_dir import configure_logging, prepare_data_dir
from kiosk.errors import KioskError
from kiosk.record_keeper import RecordKeeper, StorePaths
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store_key import WrongPassphrase
from ui import theme
from ui.crash_guard import CrashGuard
from ui.kiosk_lock import KioskLock
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.voice_player import QtSpeaker
from voice.speaker import SilentSpeaker, Speaker

log = logging.getLogger(__name__)
WINDOWED_SIZE = (1366, 768)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="France Services kiosk",
        epilog="Also: 'kiosk content check [PACK]' validates procedure content; "
        "'kiosk i18n status' shows each language's catalogs; "
        "'kiosk store status|use-passphrase|use-station-secret|rekey|purge' manages the encrypted store.",
    )
    parser.add_argument("--windowed", action="store_true", help="run in a normal window (development)")
    parser.add_argument("--lang", help="language shown first, e.g. fr, en")
    parser.add_argument("--data-dir", type=Path, help=f"data folder (default: {default_data_dir()})")
    parser.add_argument("--silent", action="store_true", help="no voice (for a machine without speech)")
    parser.add_argument(
        "--pack",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a content pack loaded after the bundled one (a structure's own, or an update); repeatable",
    )
    parser.add_argument(
        "--idle-timeout",
        type=int,
        default=Config.idle_timeout_s,
        metavar="SECONDS",
        help="seconds without a touch before asking if someone is there (default: %(default)s)",
    )
    parser.add_argument(
        "--hide-pointer", action="store_true", help="hide the mouse pointer (touch-only screens)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {kiosk.__version__}")
    return parser.parse_args(argv)


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("france-services-kiosk")
    font = QFont()
    font.setFamilies(list(theme.FONT_FAMILIES))
    font.setPixelSize(theme.BODY_PX)
    app.setFont(font)
    return app


def load_content(config: Config) -> Catalog:
    catalog = load_catalog(config.pack_dirs)
    for problem in catalog.problems:
        log.warning("content skipped: %s", problem)
    return catalog


def build_station(config: Config, passphrase: Secret | None = None) -> Station:
    """The station with its content and its encrypted store (a wrong passphrase raises WrongPassphrase)."""
    catalog = load_content(config)
    return Station(config, catalog, keeper=RecordKeeper.open(store_paths(config), catalog, passphrase))


def store_paths(config: Config) -> StorePaths:
    return StorePaths.under(config.data_dir, config.config_dir)


def unlock_station(config: Config) -> Station | None:
    """Ask a mediator for the store's passphrase, then build the station (None if they gave up)."""
    opened: list[Station] = []

    def attempt(passphrase: Secret) -> bool:
        try:
            opened.append(build_station(config, passphrase))
        except WrongPassphrase:
            return False
        return True

    dialog = UnlockDialog(attempt)
    dialog.setStyleSheet(theme.stylesheet(1.0))
    dialog.showFullScreen()
    dialog.exec()
    return opened[0] if opened else None


def build_speaker(config: Config) -> Speaker:
    """The real voice: espeak-ng in its own process, audio cached in the data folder."""
    pack = config.data_dir / "voice-pack"
    return QtSpeaker(config.data_dir / "voice-cache", pack if pack.is_dir() else None)


def build_window(
    config: Config, speaker: Speaker | None = None, station: Station | None = None
) -> MainWindow:
    return MainWindow(station or build_station(config), speaker or SilentSpeaker())


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    offered = {language.code for language in i18n.offered_languages()}
    if args.lang and args.lang not in offered:
        print(
            f"kiosk: language {args.lang!r} is not offered (offered: {', '.join(sorted(offered))})",
            file=sys.stderr,
        )
        return 2
    try:
        config = Config(
            data_dir=args.data_dir or default_data_dir(),
            default_language=args.lang or "fr",
            idle_timeout_s=args.idle_timeout,
            pack_dirs=(BUNDLED_PACK, *args.pack),
        )
        prepare_data_dir(config.data_dir)
    except (KioskError, ValueError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    configure_logging(config.data_dir)
    app = create_application()
    station = None
    if store_paths(config).keys.needs_passphrase:
        station = unlock_station(config)
        if station is None:
            return 1
    window = build_window(config, None if args.silent else build_speaker(config), station)
    guard = CrashGuard(window)
    guard.install()
    if args.windowed:
        window.resize(*WINDOWED_SIZE)
        window.show()
        window.quit_requested.connect(app.quit)
    else:
        lock = KioskLock(window, hide_pointer=args.hide_pointer)
        window.quit_requested.connect(lock.release)
        window.quit_requested.connect(app.quit)
        # A bare X session has no window manager to grant full screen: take the whole screen too.
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    log.info("kiosk started")
    return app.exec()
