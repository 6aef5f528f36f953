"""« Scanner un document »: the panel, driven by touches, against SANE's own test backend."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.browsing.scanner import Scanner
from kiosk.browsing.visit_files import VisitFiles
from kiosk.i18n import translation
from tests.kiosk.browsing.sane_backend import PATTERN, SLOW, Backend, use_test_backend
from ui import theme
from ui.app import create_application
from ui.browser.scan_panel import ScanPanel

SCAN_WAIT_MS = 15_000


@pytest.fixture
def sane(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Backend:
    return use_test_backend(tmp_path / "sane.d", monkeypatch)


@pytest.fixture
def files(tmp_path: Path) -> VisitFiles:
    return VisitFiles(tmp_path / "visit-files")


@pytest.fixture
def panel(files: VisitFiles, qtbot: QtBot) -> Iterator[ScanPanel]:
    create_application()
    scan_panel = ScanPanel(files, Scanner())
    scan_panel.setStyleSheet(theme.stylesheet())
    qtbot.addWidget(scan_panel)
    scan_panel.resize(1024, 768)
    scan_panel.show()
    QApplication.processEvents()
    yield scan_panel
    scan_panel.stop()
    translation.set_language(translation.SOURCE_LANGUAGE)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def touch(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def scan(qtbot: QtBot, panel: ScanPanel, button: QAbstractButton) -> None:
    pages = len(panel.document.pages)
    touch(qtbot, button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=SCAN_WAIT_MS)
    assert len(panel.document.pages) == pages + 1, panel.problem.label.text()


def shown_previews(panel: ScanPanel) -> list[QLabel]:
    return [
        label
        for label in panel.strip.findChildren(QLabel)
        if label.isVisibleTo(panel) and not label.pixmap().isNull()
    ]


def in_sight(panel: ScanPanel, preview: QLabel) -> bool:
    """The whole preview is in the part of the strip the scroll area shows."""
    viewport = panel.pages_area.viewport()
    return viewport.rect().contains(preview.rect().translated(preview.mapTo(viewport, QPoint(0, 0))))


def shown_problem(panel: ScanPanel) -> str:
    return panel.problem.label.text() if panel.problem.isVisible() else ""


def test_the_panel_starts_with_one_big_button_and_says_what_to_do(panel: ScanPanel) -> None:
    assert panel.scan_button.isVisible() and panel.cancel_button.isVisible()
    for hidden in (panel.add_button, panel.finish_button, panel.restart_button, panel.progress):
        assert not hidden.isVisible()
    assert "vitre" in panel.instruction.text()
    for button in panel.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.width() >= theme.MIN_TOUCH and button.height() >= theme.MIN_TOUCH
            assert button.accessibleName() and button.accessibleDescription()
    for label in panel.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.fontInfo().pixelSize() >= 22, label.text()


def test_pages_are_scanned_previewed_and_made_into_one_pdf(
    sane: Backend, panel: ScanPanel, files: VisitFiles, qtbot: QtBot, qapp: QApplication
) -> None:
    spoken: list[list[str]] = []
    shown_when_said: list[int] = []

    def said(texts: list[str]) -> None:
        spoken.append(texts)
        shown_when_said.append(len(shown_previews(panel)))

    panel.speak_requested.connect(said)
    scan(qtbot, panel, panel.scan_button)
    assert (
        panel.add_button.isVisible() and panel.finish_button.isVisible() and not panel.scan_button.isVisible()
    )
    scan(qtbot, panel, panel.add_button)
    previews = shown_previews(panel)
    assert len(previews) == 2 and all(preview.pixmap().height() == 220 for preview in previews)
    assert "Pages scannées : 2" in panel.status.text()
    assert spoken[0][:1] == ["Page 1 scannée."] and spoken[1][:1] == ["Page 2 scannée."]
    assert shown_when_said == [1, 2]  # « Page 2 scannée » is said with page 2 on the screen
    with qtbot.waitSignal(panel.finished, timeout=SCAN_WAIT_MS) as finished:
        touch(qtbot, panel.finish_button)
    pdf = finished.args[0]
    assert isinstance(pdf, Path) and files.files() == [pdf]
    document = QPdfDocument(None)
    assert document.load(str(pdf)) == QPdfDocument.Error.None_ and document.pageCount() == 2
    # Ready for another document.
    assert panel.scan_button.isVisible() and panel.document.pages == ()
    assert not shown_previews(panel)


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_the_newest_page_is_on_the_screen_when_the_pages_no_longer_fit(
    sane: Backend, panel: ScanPanel, qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    QApplication.setLayoutDirection(direction)  # in Arabic or Persian the pages run to the left
    for button in (panel.scan_button, *[panel.add_button] * 5):  # four fit at 1024 px
        scan(qtbot, panel, button)
        page = f"Page {len(panel.document.pages)}"
        (newest,) = [preview for preview in shown_previews(panel) if preview.accessibleName() == page]
        qtbot.waitUntil(partial(in_sight, panel, newest), timeout=1000)  # once Qt has laid the strip out
    assert panel.pages_area.horizontalScrollBar().maximum() > 0  # the last pages did not fit


def test_the_screen_never_freezes_while_the_scanner_works(
    sane: Backend, panel: ScanPanel, qtbot: QtBot
) -> None:
    sane(SLOW)  # 2.2 s a page
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()

    def tick() -> None:
        gaps.append(clock.restart())

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    touch(qtbot, panel.scan_button)
    assert panel.busy and panel.progress.isVisible() and not panel.scan_button.isVisible()
    assert "Ne soulevez pas le capot" in panel.instruction.text()
    qtbot.waitUntil(lambda: not panel.busy, timeout=SCAN_WAIT_MS)
    timer.stop()
    assert len(panel.document.pages) == 1
    assert len(gaps) > 50 and max(gaps[1:]) < 250, max(gaps)  # the event loop kept turning


def test_annuler_stops_the_scan_and_keeps_nothing(
    sane: Backend, panel: ScanPanel, files: VisitFiles, qtbot: QtBot
) -> None:
    scan(qtbot, panel, panel.scan_button)
    sane(SLOW)
    touch(qtbot, panel.add_button)
    assert panel.busy
    started = time.monotonic()
    with qtbot.waitSignal(panel.cancelled, timeout=1000):
        touch(qtbot, panel.cancel_button)
    assert time.monotonic() - started < 1
    assert not panel.busy and panel.document.pages == () and panel.scan_button.isVisible()
    qtbot.wait(500)  # the stopped scan comes back: it must neither write nor show anything
    assert files.files() == [] and list(files.folder.iterdir()) == []
    assert not shown_problem(panel)


def test_recommencer_deletes_the_pages(
    sane: Backend, panel: ScanPanel, files: VisitFiles, qtbot: QtBot
) -> None:
    scan(qtbot, panel, panel.scan_button)
    touch(qtbot, panel.restart_button)
    assert panel.document.pages == () and files.files() == []
    assert panel.scan_button.isVisible() and not shown_previews(panel)


def test_colour_is_chosen_before_scanning(sane: Backend, panel: ScanPanel, qtbot: QtBot) -> None:
    touch(qtbot, panel.colour_button)
    assert panel.colour_button.isChecked()
    scan(qtbot, panel, panel.scan_button)
    assert panel.document.pages[0].colour


def test_no_scanner_is_said_plainly_and_read_aloud(sane: Backend, panel: ScanPanel, qtbot: QtBot) -> None:
    sane(backends=())
    spoken: list[list[str]] = []
    panel.speak_requested.connect(spoken.append)
    touch(qtbot, panel.scan_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=SCAN_WAIT_MS)
    assert "ne trouve pas le scanner" in shown_problem(panel)
    assert spoken == [[shown_problem(panel)]]
    assert panel.scan_button.isEnabled()  # trying again is one touch away


def test_without_scanimage_the_person_is_sent_to_the_desk(
    panel: ScanPanel, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    touch(qtbot, panel.scan_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=SCAN_WAIT_MS)
    assert "n'est pas installé" in shown_problem(panel) and "Ce n'est pas de votre faute" in shown_problem(
        panel
    )


def test_a_full_document_says_to_finish_it(sane: Backend, panel: ScanPanel, qtbot: QtBot) -> None:
    sane(PATTERN)  # 493 kB a page once rescanned at 150 dpi: four pages fill 2 MB
    for button in (panel.scan_button, *[panel.add_button] * 3):
        scan(qtbot, panel, button)
    touch(qtbot, panel.add_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=SCAN_WAIT_MS)
    assert len(panel.document.pages) == 4
    assert "Touchez « Terminer »" in shown_problem(panel)
    assert panel.finish_button.isEnabled()


def test_right_to_left_mirrors_the_panel(sane: Backend, panel: ScanPanel, qtbot: QtBot) -> None:
    translation.set_language("ar")
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    panel.retranslate()
    scan(qtbot, panel, panel.scan_button)
    QApplication.processEvents()
    # The main action at the reading end: on the left in Arabic; Annuler at the start, on the right.
    assert panel.finish_button.x() < panel.add_button.x() < panel.cancel_button.x()
