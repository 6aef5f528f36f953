"""What the official site leaves behind: nothing on disk, nothing for the next person, no credential anywhere.

A page of the stand-in sets a cookie, local storage, IndexedDB and a cached file, each
carrying a canary; a password is typed into the site through the kiosk's own keyboard.
During the visit and after it, the canaries are looked for in every file the kiosk, its
browser and Chromium could write (the data and config folders, the home folder, the
temporary folder), in the log, and on the clipboard; the next person's site sees none of them.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.station import Station
from tests.ui.browser.local_site import STORAGE_CANARY, LocalSite
from tests.ui.browser.site_kiosk import LOAD_MS
from tests.ui.browser.test_site_panel import click_in_page, open_site, run_js, tap_in_page
from tests.ui.test_privacy import encodings, files_under
from ui.main_window import MainWindow
from ui.widgets.on_screen_keyboard import Key

PASSWORD_CANARY = "wqzkxjvbymd"  # letters every keyboard layout has, in an order no page holds


def left_on_disk(canary: str, tmp_path: Path, since: float) -> list[Path]:
    folders = (tmp_path, Path.home(), Path(tempfile.gettempdir()))
    return [path for path in files_under(*folders, since=since) if _holds(path, canary)]


def _holds(path: Path, canary: str) -> bool:
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return False  # removed between the listing and the reading: not left on disk
    return any(form in content for form in encodings(canary))


def test_cookies_storage_and_cache_live_in_memory_only_and_die_with_the_visit(
    site_window: MainWindow, site_station: Station, local_site: LocalSite, qtbot: QtBot, tmp_path: Path
) -> None:
    started = time.time() - 1
    panel = open_site(site_window, site_station, qtbot)
    assert run_js(panel, qtbot, "window.kioskFoundStored === null") is True
    qtbot.waitUntil(lambda: run_js(panel, qtbot, "window.kioskStored === true") is True, timeout=LOAD_MS)
    assert STORAGE_CANARY in str(run_js(panel, qtbot, "document.cookie"))
    assert STORAGE_CANARY in str(run_js(panel, qtbot, "localStorage.getItem('kiosk')"))
    panel.tabs.current.page.triggerAction(panel.tabs.current.page.WebAction.Reload)  # type: ignore[union-attr]
    qtbot.wait(500)  # the stylesheet now comes from the cache
    assert left_on_disk(STORAGE_CANARY, tmp_path, started) == [], "during the visit"
    site_station.end_visit()
    QApplication.processEvents()
    assert left_on_disk(STORAGE_CANARY, tmp_path, started) == [], "after the visit"

    asked_before = len(local_site.cookies)
    next_panel = open_site(site_window, site_station, qtbot)  # the next person
    assert local_site.cookies[asked_before] == "", "the next person's first request carries no cookie"
    qtbot.waitUntil(lambda: run_js(next_panel, qtbot, "window.kioskStored === true") is True, timeout=LOAD_MS)
    assert run_js(next_panel, qtbot, "window.kioskFoundStored === null") is True
    assert run_js(next_panel, qtbot, "window.kioskFoundEntries") == 0


def test_a_password_typed_with_the_kiosk_keyboard_stays_masked_and_is_found_nowhere_after(
    site_window: MainWindow, site_station: Station, qtbot: QtBot, tmp_path: Path
) -> None:
    started = time.time() - 1
    panel = open_site(site_window, site_station, qtbot)
    page = panel.tabs.current.page  # type: ignore[union-attr]
    click_in_page(panel, qtbot, "stranger-link")  # refused: the keyboard must still come up after
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.notice, timeout=LOAD_MS)
    panel.notice.buttons[0].click()  # « Revenir »
    run_js(panel, qtbot, "location.href = '/connexion'; true")
    qtbot.waitUntil(lambda: page.title() == "Connexion CAF test" and not page.isLoading(), timeout=LOAD_MS)
    keyboard = site_window.keyboard
    tap_in_page(panel, qtbot, "number")
    qtbot.waitUntil(keyboard.isVisible, timeout=LOAD_MS)
    assert keyboard.symbols_key.text() == "ABC", "a number field opens the digits"
    tap_in_page(panel, qtbot, "password")
    qtbot.waitUntil(lambda: keyboard.symbols_key.text() == "123", timeout=LOAD_MS)
    keys = {key.text(): key for key in keyboard.findChildren(Key)}
    for letter in PASSWORD_CANARY:
        keys[letter].click()
    # Key events reach the page's process on their own channel, not with the script that reads back.
    typed = "document.getElementById('password').value"
    qtbot.waitUntil(lambda: run_js(panel, qtbot, typed) == PASSWORD_CANARY, timeout=LOAD_MS)
    assert run_js(panel, qtbot, "document.getElementById('password').type") == "password"  # masked
    site_station.end_visit()
    QApplication.processEvents()
    assert not keyboard.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    assert left_on_disk(PASSWORD_CANARY, tmp_path, started) == []
