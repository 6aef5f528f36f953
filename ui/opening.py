"""What the kiosk opens once its welcome screen is painted: the content, the encrypted store, the voice.

Kept apart from ``ui.app`` so that none of it (YAML, SQLCipher, Qt Multimedia, the
store's key derivation) loads before the first picture a person sees. A store
locked by a passphrase asks a mediator for it here, over the welcome screen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from kiosk.content.loader import Catalog, load_catalog
from kiosk.i18n import translation
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.key import StorePaths, WrongPassphrase
from kiosk.store.record_keeper import RecordKeeper
from kiosk.updates.service import ContentUpdates
from ui import theme
from ui.kiosk_lock import show_full_screen
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.voice_player import QtSpeaker
from voice.lexicon import lexicon_problems
from voice.speaker import SilentSpeaker, Speaker

log = logging.getLogger(__name__)


def load_content(config: Config, pack_dirs: tuple[Path, ...] | None = None) -> Catalog:
    catalog = load_catalog(config.pack_dirs if pack_dirs is None else pack_dirs)
    for problem in catalog.problems:
        log.warning("content skipped: %s", problem)
    for problem in catalog.missing:  # a broken installation, never a silent fallback
        log.error("installed kiosk incomplete: %s", problem)
    return catalog


def missing_lexicons() -> list[str]:
    """The voice lexicons missing for the languages the kiosk offers, each logged as an error."""
    problems = lexicon_problems(language.code for language in translation.offered_languages())
    for problem in problems:
        log.error("installed kiosk incomplete: %s", problem)
    return problems


def store_paths(config: Config) -> StorePaths:
    return StorePaths.under(config.data_dir, config.config_dir)


def build_station(config: Config, passphrase: Secret | None = None) -> Station:
    """The station with its content and its encrypted store (a wrong passphrase raises WrongPassphrase)."""
    packs = ContentUpdates(config).packs_in_use()  # the bundled pack, the updates received, the structure's
    catalog = load_content(config, packs)
    keeper = RecordKeeper.open(store_paths(config), catalog, passphrase)
    return Station(config, catalog, keeper=keeper, missing=missing_lexicons(), pack_dirs=packs)


def unlock_station(config: Config, over: QWidget | None = None) -> Station | None:
    """Ask a mediator for the store's passphrase, then build the station (None if they gave up)."""
    opened: list[Station] = []

    def attempt(passphrase: Secret) -> bool:
        try:
            opened.append(build_station(config, passphrase))
        except WrongPassphrase:
            return False
        return True

    dialog = UnlockDialog(attempt, over)
    dialog.setStyleSheet(theme.stylesheet(1.0))
    show_full_screen(dialog)
    dialog.exec()
    return opened[0] if opened else None


def build_speaker(config: Config) -> Speaker:
    """The real voice: espeak-ng in its own process, audio cached in the data folder."""
    pack = config.data_dir / "voice-pack"
    return QtSpeaker(config.data_dir / "voice-cache", pack if pack.is_dir() else None)


def build_window(
    config: Config, speaker: Speaker | None = None, station: Station | None = None
) -> MainWindow:
    """The whole window at once, its station open (screenshots, benchmarks of touches)."""
    return MainWindow(station or build_station(config), speaker or SilentSpeaker())


def open_station(window: MainWindow, config: Config, silent: bool) -> None:
    """Open the station (asking for its passphrase if it has one) and the voice, and attach them to
    the window; quit with an error if the mediator gives up on the passphrase."""
    if store_paths(config).keys.needs_passphrase:
        station = unlock_station(config, window)
        if station is None:
            QCoreApplication.exit(1)
            return
    else:
        station = build_station(config)
    window.attach(station, SilentSpeaker() if silent else build_speaker(config))
