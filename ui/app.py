"""The ``kiosk`` command: read the options, prepare the data folder, open the kiosk window.

The window paints its welcome screen first; the content, the encrypted store and
the voice open right after (``ui.opening``), so what they load never delays the
first picture a person sees.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

import kiosk
from kiosk.config import (
    BUNDLED_PACK,
    DAYS_A_MONTH,
    DEFAULT_GUIDE_MAX_AGE_MONTHS,
    SETTINGS_FILE,
    SETTINGS_FILE_VARIABLE,
    Config,
    default_data_dir,
    read_install_settings,
    settings_file,
)
from kiosk.data_dir import configure_logging, prepare_data_dir
from kiosk.errors import KioskError
from kiosk.i18n import translation
from ui import theme
from ui.crash_guard import CrashGuard
from ui.kiosk_lock import KioskLock, show_full_screen
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
WINDOWED_SIZE = (1366, 768)
SMALLEST_WINDOW = (640, 480)  # below this no screen of the kiosk can be judged


def window_size(text: str) -> tuple[int, int]:
    """``--windowed 1024x768``: the size of the window, to try the kiosk as a given screen shows it."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: write WIDTHxHEIGHT, e.g. 1024x768")
    size = (int(width), int(height))
    if size[0] < SMALLEST_WINDOW[0] or size[1] < SMALLEST_WINDOW[1]:
        raise argparse.ArgumentTypeError(
            f"{text!r} is too small: WIDTHxHEIGHT of at least {SMALLEST_WINDOW[0]}x{SMALLEST_WINDOW[1]}"
        )
    return size


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="France Services kiosk",
        epilog="Also: 'kiosk content check [PACK]' validates procedure content; "
        "'kiosk i18n status' shows each language's catalogs; "
        "'kiosk store status|use-passphrase|use-station-secret|rekey|purge' manages the encrypted store.",
    )
    parser.add_argument(
        "--windowed",
        nargs="?",
        const=WINDOWED_SIZE,
        type=window_size,
        metavar="WIDTHxHEIGHT",
        help="run in a normal window (development), of this size (default: {}x{})".format(*WINDOWED_SIZE),
    )
    parser.add_argument("--lang", help="language shown first, e.g. fr, en")
    parser.add_argument("--data-dir", type=Path, help=f"data folder (default: {default_data_dir()})")
    parser.add_argument(
        "--config-file",
        type=Path,
        metavar="FILE",
        help=f"the settings chosen at install (default: ${SETTINGS_FILE_VARIABLE}, else {SETTINGS_FILE}); "
        "the options below win over it",
    )
    parser.add_argument(
        "--silent",
        action=argparse.BooleanOptionalAction,
        help="no voice (for a machine without speech); default: the settings file's, else no",
    )
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
        metavar="SECONDS",
        help="seconds without a touch before asking if someone is there "
        f"(default: the settings file's, else {Config.idle_timeout_s})",
    )
    parser.add_argument(
        "--hide-pointer",
        action=argparse.BooleanOptionalAction,
        help="hide the mouse pointer (touch-only screens); default: the settings file's, else no",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {kiosk.__version__}")
    return parser.parse_args(argv)


@dataclass(frozen=True)
class StartingSettings:
    config: Config
    silent: bool
    hide_pointer: bool
    problems: tuple[str, ...]  # what is wrong in the settings file or packs.d, for the log


def starting_settings(args: argparse.Namespace) -> StartingSettings:
    """The settings chosen at install, then the options, which win; the packs of both load, the options' last.

    Raises ValueError for an option out of bounds (the file's values are checked when it is read)."""
    path = args.config_file or settings_file()
    installed, problems = read_install_settings(path)
    chosen = (args.idle_timeout, installed.idle_timeout_s, Config.idle_timeout_s)
    months = installed.stale_after_months or DEFAULT_GUIDE_MAX_AGE_MONTHS
    config = Config(
        data_dir=args.data_dir or default_data_dir(),
        default_language=args.lang or "fr",
        idle_timeout_s=next(value for value in chosen if value is not None),
        pack_dirs=(BUNDLED_PACK, *installed.packs, *args.pack),
        settings_dir=path.parent,
        content_repository=installed.content_repository,
        room_broker=installed.room_broker,
        guide_max_age_days=months * DAYS_A_MONTH,
    )
    return StartingSettings(
        config=config,
        silent=bool(installed.silent if args.silent is None else args.silent),
        hide_pointer=bool(installed.hide_pointer if args.hide_pointer is None else args.hide_pointer),
        problems=tuple(problems),
    )


def create_application() -> QApplication:
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        # The official site's browser (QtWebEngine) loads only when a person asks for it, long after
        # the application started: it shares OpenGL contexts only if asked before the application exists.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("france-services-kiosk")
    font = QFont()
    font.setFamilies(list(theme.FONT_FAMILIES))
    font.setPixelSize(theme.BODY_PX)
    app.setFont(font)
    return app


def open_window(config: Config, silent: bool = False) -> MainWindow:
    """The window as the kiosk starts it: the welcome screen paints, then the station and voice open."""
    translation.set_language(config.default_language)
    window = MainWindow()

    def open_the_rest() -> None:
        from ui.opening import open_station  # content, store and voice: after the first paint

        open_station(window, config, silent)

    window.after_first_paint(open_the_rest)
    return window


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    offered = {language.code for language in translation.offered_languages()}
    if args.lang and args.lang not in offered:
        print(
            f"kiosk: language {args.lang!r} is not offered (offered: {', '.join(sorted(offered))})",
            file=sys.stderr,
        )
        return 2
    try:
        start = starting_settings(args)
        prepare_data_dir(start.config.data_dir)
    except (KioskError, ValueError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    configure_logging(start.config.data_dir)
    for problem in start.problems:
        log.error("settings: %s", problem)
    app = create_application()
    window = open_window(start.config, start.silent)
    guard = CrashGuard(window)
    guard.install()
    if args.windowed:
        window.resize(*args.windowed)
        window.show()
        window.quit_requested.connect(app.quit)
    else:
        lock = KioskLock(window, hide_pointer=start.hide_pointer)
        window.quit_requested.connect(lock.release)
        window.quit_requested.connect(app.quit)
        show_full_screen(window)
    log.info("kiosk started")
    return app.exec()
