"""Nothing of a person outlives their visit: the canary test and the next-person test.

The canary test types distinctive credentials through every credential field the
kiosk has (the store's passphrase, set with ``kiosk store use-passphrase`` and typed
at start-up, the resume code on its keypad, a password on a simulated site in
practice mode),
copies one to the clipboard, ends the visit, and then looks for them everywhere
the kiosk could have left them: the raw database, its WAL and SHM files, every
table of the decrypted database, the data and config folders (logs, key files,
audio cache), the temporary folder and the clipboard.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.data_dir import LOG_NAME, configure_logging, prepare_data_dir
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.store.admin import main as store_admin
from kiosk.store.key import WrongPassphrase
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from tests.ui.conftest import open_window
from ui.main_window import MainWindow
from ui.opening import build_station, store_paths
from ui.practice.screen import PracticeScreen
from ui.screens.leave import LeaveScreen
from ui.screens.resume import ResumeScreen
from ui.unlock_dialog import UnlockDialog

PASSPHRASE_CANARY = "canary-PASSPHRASE-7f3a9c2e"
WRONG_CANARY = "canary-WRONG-b41d07e5aa"
CLIPBOARD_CANARY = "canary-CLIPBOARD-5e8f1b"
PRACTICE_CANARY = "canary-PRACTICE-Pw2026"  # meets the simulated site's password rules
PROCEDURE = "caf-prime-activite"


def encodings(canary: str) -> list[bytes]:
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def files_under(*folders: Path, since: float) -> Iterator[Path]:
    for folder in folders:
        # os.walk, not rglob: a folder another process removes meanwhile (another test's temporary
        # folder) is passed over instead of ending the search.
        for root, _folders, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    if path.is_file() and path.stat().st_mtime >= since and path.stat().st_size < 64 * 2**20:
                        yield path
                except OSError:
                    continue  # a file another process removed meanwhile


def widget_texts(window: MainWindow) -> str:
    """Every text the window holds: its screens, panels and keyboard, shown or not."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    texts += [field.text() for field in window.findChildren(QLineEdit)]
    return "\n".join(texts)


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    data = prepare_data_dir(tmp_path / "data")
    configure_logging(data)
    yield data
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(data)):
            root.removeHandler(handler)
            handler.close()


def test_no_credential_is_left_anywhere(tmp_path: Path, logged: Path, qtbot: QtBot) -> None:
    started = time.time() - 1
    config = Config(data_dir=logged, config_dir=tmp_path / "config")
    paths = store_paths(config)
    # The kiosk's first start makes a store locked by the station secret; then the structure locks it
    # with a passphrase, as a volunteer would: `kiosk store use-passphrase`, typing the passphrase twice.
    build_station(config).keeper.store.close()  # type: ignore[union-attr]
    asked = iter([PASSPHRASE_CANARY, PASSPHRASE_CANARY])
    use_passphrase = ["use-passphrase", "--data-dir", str(logged), "--config-dir", str(config.config_dir)]
    assert store_admin(use_passphrase, ask=lambda _prompt: next(asked)) == 0
    assert paths.keys.needs_passphrase and not paths.keys.station_secret.exists()

    # A mediator opens the kiosk: one wrong passphrase, then the right one, typed in the real field.
    opened: list[Station] = []
    refused: list[str] = []

    def attempt(passphrase: Secret) -> bool:
        try:
            opened.append(build_station(config, passphrase))
        except WrongPassphrase as error:
            refused.append(str(error))
            return False
        return True

    dialog = UnlockDialog(attempt)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, WRONG_CANARY)
    dialog.open_button.click()
    assert not opened and len(refused) == 1, "the wrong passphrase opens nothing"
    assert dialog.isVisible() and dialog.field.text() == ""
    qtbot.keyClicks(dialog.field, PASSPHRASE_CANARY)
    dialog.open_button.click()
    assert dialog.field.text() == ""
    assert len(opened) == 1 and dialog.result() == UnlockDialog.DialogCode.Accepted
    station = opened[0]
    window = open_window(station, qtbot)

    # A person walks through a procedure, keeps a code, comes back with it, copies something, leaves.
    walk_to_step(station, PROCEDURE, 2)
    station.visit.open_leave()
    assert station.keep_progress()
    code = station.visit.kept_code.reveal()  # type: ignore[union-attr]
    station.end_visit()
    station.visit.start()
    station.visit.choose_language("fr")
    station.visit.open_resume()
    resume = window.current_screen
    assert isinstance(resume, ResumeScreen)
    for digit in code:
        resume.pad.digit_buttons[digit].click()
    resume.go_button.click()
    assert station.visit.place.screen is ScreenId.STEP
    QGuiApplication.clipboard().setText(CLIPBOARD_CANARY)

    # Then practises on a simulated site, typing a password there (it is accepted: the next page opens).
    station.visit.open_procedure("caf-declaration-trimestrielle")
    station.visit.open_practice()
    practice = window.current_screen
    assert isinstance(practice, PracticeScreen) and practice.site_page is not None
    practice.use_practice_person()
    password = practice.site_page.fields["mot-de-passe"].editor
    assert password is not None and password.echoMode() == QLineEdit.EchoMode.Password
    password.clear()
    qtbot.keyClicks(password, PRACTICE_CANARY)
    practice.site_page.submit.click()
    assert practice.run is not None and practice.run.page.id == "code-connexion"
    station.end_visit()
    QApplication.processEvents()

    # Nothing is found anywhere.
    assert QGuiApplication.clipboard().text() == ""
    assert code not in widget_texts(window) and f"{code[:4]} {code[4:]}" not in widget_texts(window)
    store = station.keeper.store
    assert store is not None
    decrypted = repr(store.tables())
    for canary in (PASSPHRASE_CANARY, WRONG_CANARY, CLIPBOARD_CANARY, PRACTICE_CANARY, code):
        assert canary not in decrypted, f"{canary} in a table"
    searched = list(files_under(logged, tmp_path / "config", Path(tempfile.gettempdir()), since=started))
    assert any(p.name == "kiosk.db" for p in searched) and any(p.name == "kiosk.log" for p in searched)
    assert any(p.name.endswith("-wal") for p in searched), "the WAL file is searched too"
    for path in searched:
        content = path.read_bytes()
        for canary in (PASSPHRASE_CANARY, WRONG_CANARY, CLIPBOARD_CANARY, PRACTICE_CANARY):
            assert not any(form in content for form in encodings(canary)), f"{canary} found in {path}"
        if path.suffix in (".log", ".json", ".secret", ".txt", ".yaml") or path.name.startswith("kiosk.log"):
            assert code.encode() not in content, f"the resume code is in {path}"


def test_a_visit_writes_nothing_in_the_log_that_tells_when_it_began_or_ended(
    tmp_path: Path, logged: Path, qtbot: QtBot
) -> None:
    """Every log line is timed to the millisecond: a line for a visit's start or end, read beside an
    export, the appointment book or a camera, could tell who made which visit."""
    station = build_station(Config(data_dir=logged, config_dir=tmp_path / "config"))
    window = open_window(station, qtbot)
    log_file = logged / "logs" / LOG_NAME
    before = log_file.read_text(encoding="utf-8")
    for keep in (False, True):  # a person who erases everything and leaves, then one who keeps a code
        walk_to_step(station, PROCEDURE, 2, language="ar" if keep else "fr")
        window.nav_bar.leave_button.click()
        leave = window.current_screen
        assert isinstance(leave, LeaveScreen)
        if keep:
            leave.keep_button.click()
            window.current_screen.done_button.click()  # type: ignore[attr-defined]
        else:
            leave.erase_button.click()
        QApplication.processEvents()
    assert station.visit.place.screen is ScreenId.WELCOME
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text(encoding="utf-8")[len(before) :]
    assert written == "", f"visits wrote in the log:\n{written}"


def test_the_next_person_sees_no_trace_of_the_one_before(stored_window: MainWindow) -> None:
    station = stored_window.station
    walk_to_step(station, PROCEDURE, 2, language="ar")
    station.visit.cycle_text_size()
    station.visit.open_help()
    station.visit.open_leave()
    station.keep_progress()
    code = station.visit.kept_code.reveal()  # type: ignore[union-attr]
    stored_window.current_screen.done_button.click()  # type: ignore[attr-defined]
    QApplication.processEvents()

    visit = station.visit
    assert visit.place.screen is ScreenId.WELCOME and not visit.navigator.can_go_back
    assert visit.session.language == "fr" and visit.session.text_size == 0 and visit.kept_code is None
    assert visit.session.steps_reached == {} and visit.pending_help() is None
    assert QApplication.layoutDirection() == QApplication.layoutDirection().LeftToRight
    assert station.keeper.store is not None and station.keeper.store.session_ids() == []
    # The second person goes through every kind of screen: none shows the first one's code or choices.
    visit.start()
    visit.choose_language("fr")
    for action in (
        lambda: visit.open_theme(station.catalog.procedures[PROCEDURE].theme),
        lambda: visit.open_procedure(PROCEDURE),
        visit.next,
        visit.open_help,
        visit.leave_help,
        visit.open_leave,
        visit.home,
        visit.open_resume,
    ):
        action()
        QApplication.processEvents()
        shown = widget_texts(stored_window)
        assert code not in shown.replace(" ", "")
        assert stored_window.nav_bar.back_button.text_shown() == "Retour", "the interface is back in French"
    resume = stored_window.current_screen
    assert isinstance(resume, ResumeScreen)
    assert resume.shown.text().count("_") == 8
