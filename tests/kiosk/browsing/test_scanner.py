"""Scanning through SANE's own ``test`` backend: real ``scanimage`` runs, real files, PDFs read by QtPdf."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.browsing.scan_pdf import A4_HEIGHT_PT, A4_WIDTH_PT, read_jpeg_info
from kiosk.browsing.scanner import (
    PDF_LIMIT_BYTES,
    DocumentFull,
    NoScanner,
    ScanCancelled,
    ScannedDocument,
    Scanner,
    ScannerBusy,
    ScannerDevice,
    ScannerFailed,
    ScannerNeedsAttention,
    ScanningUnavailable,
    ScanTimedOut,
)
from kiosk.browsing.visit_files import VisitFiles
from kiosk.errors import DiskFull
from tests.conftest import fill_up
from tests.kiosk.browsing.sane_backend import GRID, PATTERN, SLOW, Backend, use_test_backend

TEST_DEVICE = ScannerDevice("test:0", "Noname", "frontend-tester")


@pytest.fixture
def sane(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Backend:
    return use_test_backend(tmp_path / "sane.d", monkeypatch)


@pytest.fixture
def files(tmp_path: Path) -> VisitFiles:
    return VisitFiles(tmp_path / "visit-files")


def pdf_pages(path: Path) -> QPdfDocument:
    if QApplication.instance() is None:
        pytest.fail("QtPdf needs the application pytest-qt makes (use the qapp fixture)")
    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def test_the_scanners_sane_finds_are_listed_by_name_vendor_and_model(sane: Backend) -> None:
    devices = Scanner().find()
    assert [device.name for device in devices] == ["test:0", "test:1"]
    assert devices[0].label == "Noname frontend-tester"
    assert Scanner().first() == devices[0]


def test_no_scanner_is_an_empty_list_and_a_typed_error_when_one_is_needed(sane: Backend) -> None:
    sane(backends=())
    assert Scanner().find() == []
    with pytest.raises(NoScanner):
        Scanner().first()


def test_a_page_is_scanned_into_a_private_jpeg_of_the_visits_folder(sane: Backend, files: VisitFiles) -> None:
    destination = files.reserve("page.jpg")
    started = time.monotonic()
    page = Scanner().scan(TEST_DEVICE, destination, 200, colour=False)
    elapsed = time.monotonic() - started
    assert page.path == destination and destination.parent == files.folder
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600
    info = read_jpeg_info(destination.read_bytes())
    assert (info.width, info.height, info.components, info.dpi) == (1574, 1574, 1, 200.0)  # 200 mm at 200 dpi
    assert (page.dpi, page.colour, page.size_bytes) == (200, False, destination.stat().st_size)
    assert elapsed < 5
    colour = Scanner().scan(TEST_DEVICE, files.reserve("page.jpg"), 100, colour=True)
    assert colour.colour and read_jpeg_info(colour.path.read_bytes()).components == 3


def test_one_page_becomes_one_a4_pdf_and_the_page_file_goes(
    sane: Backend, files: VisitFiles, qapp: QApplication
) -> None:
    document = ScannedDocument(files, Scanner())
    page = document.add_page()
    assert page.dpi == 200 and files.files() == [page.path]
    pdf = document.finish()
    assert files.files() == [pdf] and pdf.name == "document-scanne.pdf"
    assert not page.path.exists() and document.pages == ()
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    read = pdf_pages(pdf)
    assert read.pageCount() == 1
    size = read.pagePointSize(0)
    assert (round(size.width(), 1), round(size.height(), 1)) == (
        round(A4_WIDTH_PT, 1),
        round(A4_HEIGHT_PT, 1),
    )
    # The grid is drawn: black lines on white, in the top-left 200 x 200 mm of the page.
    image = read.render(0, QSize(210, 297))
    greys = {image.pixelColor(x, y).lightness() for x in range(0, 200, 3) for y in range(0, 200, 3)}
    assert min(greys) < 60 and max(greys) > 200
    blank = image.pixelColor(205, 290)  # below and beside the glass: nothing drawn
    assert blank.alpha() == 0 or blank.lightness() > 240
    raw = pdf.read_bytes()
    assert b"/CreationDate" not in raw and b"/Producer" not in raw and b"/Author" not in raw


def test_several_pages_make_one_pdf_in_their_order(
    sane: Backend, files: VisitFiles, qapp: QApplication
) -> None:
    document = ScannedDocument(files, Scanner())
    document.add_page()
    document.add_page(colour=True)
    document.add_page()
    assert [page.colour for page in document.pages] == [False, True, False]
    pdf = document.finish()
    assert pdf_pages(pdf).pageCount() == 3
    assert files.files() == [pdf]


def test_pages_are_rescanned_lower_to_stay_under_the_size_the_sites_accept(
    sane: Backend, files: VisitFiles, qapp: QApplication
) -> None:
    sane(PATTERN)  # about 915 kB a page at 200 dpi, over a page's share
    document = ScannedDocument(files, Scanner())
    with pytest.raises(DocumentFull):
        for _ in range(10):
            document.add_page()
    pages = document.pages
    assert [page.dpi for page in pages] == [150, 150, 150, 150]  # rescanned once each, still readable
    assert all(page.size_bytes <= 600_000 for page in pages)
    assert sorted(files.files()) == sorted(page.path for page in pages)  # the refused page left nothing
    pdf = document.finish()
    assert pdf.stat().st_size <= PDF_LIMIT_BYTES
    assert pdf.stat().st_size <= document.estimated_bytes() or document.pages == ()
    assert pdf_pages(pdf).pageCount() == 4


def test_a_page_too_large_even_at_the_lowest_resolution_is_refused_and_nothing_is_kept(
    sane: Backend, files: VisitFiles
) -> None:
    sane(PATTERN)
    document = ScannedDocument(files, Scanner(), limit_bytes=150_000)  # 100 dpi weighs 212 kB
    with pytest.raises(DocumentFull):
        document.add_page()
    assert document.pages == () and files.files() == []


@pytest.mark.parametrize(
    ("status", "error", "problem"),
    [
        ("SANE_STATUS_DEVICE_BUSY", ScannerBusy, None),
        ("SANE_STATUS_COVER_OPEN", ScannerNeedsAttention, ScannerNeedsAttention.COVER_OPEN),
        ("SANE_STATUS_JAMMED", ScannerNeedsAttention, ScannerNeedsAttention.JAMMED),
        ("SANE_STATUS_NO_DOCS", ScannerNeedsAttention, ScannerNeedsAttention.NO_DOCUMENT),
        ("SANE_STATUS_IO_ERROR", ScannerFailed, None),
        ("SANE_STATUS_ACCESS_DENIED", ScannerFailed, None),
    ],
)
def test_what_the_scanner_reports_becomes_a_typed_error_and_nothing_is_kept(
    sane: Backend, files: VisitFiles, status: str, error: type[Exception], problem: str | None
) -> None:
    sane(f'{GRID}read-status-code "{status}"\n')
    # SANE's test backend deadlocks now and then after reporting an error (its two threads wait on
    # each other, in scanimage as in any frontend): the kiosk's timeout stops such a run, and the
    # test tries again rather than wait the full two minutes.
    for _attempt in range(8):
        document = ScannedDocument(files, Scanner(scan_timeout_s=2))  # a good scan here takes 0.02 s
        with pytest.raises((error, ScanTimedOut)) as raised:
            document.add_page()
        if not isinstance(raised.value, ScanTimedOut):
            break
    assert isinstance(raised.value, error)
    if problem is not None:
        assert isinstance(raised.value, ScannerNeedsAttention) and raised.value.problem == problem
    assert document.pages == () and files.files() == [] and list(files.folder.iterdir()) == []


def test_a_scanner_that_went_away_is_no_scanner(sane: Backend, files: VisitFiles) -> None:
    with pytest.raises(NoScanner):
        Scanner().scan(ScannerDevice("test:7"), files.reserve("page.jpg"), 100, colour=False)


def test_without_scanimage_scanning_is_unavailable(
    sane: Backend, files: VisitFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ScanningUnavailable):
        Scanner().find()
    document = ScannedDocument(files, Scanner())
    with pytest.raises(ScanningUnavailable):
        document.add_page()
    assert files.files() == []


def test_a_scan_that_takes_too_long_is_stopped(sane: Backend, files: VisitFiles) -> None:
    sane(SLOW)
    destination = files.reserve("page.jpg")
    started = time.monotonic()
    with pytest.raises(ScanTimedOut):
        Scanner(scan_timeout_s=1.0).scan(TEST_DEVICE, destination, 200, colour=False)
    assert time.monotonic() - started < 5
    assert destination.stat().st_size == 0  # the reservation only: not a byte of the page


def test_a_search_that_hangs_is_stopped(
    files: VisitFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fake scanimage that never answers, as a network backend waiting on a scanner that is off.
    folder = tmp_path / "bin"
    folder.mkdir()
    pid_file = tmp_path / "pid"
    fake = folder / "scanimage"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    started = time.monotonic()
    with pytest.raises(ScanTimedOut):
        Scanner(list_timeout_s=1.0).find()
    assert time.monotonic() - started < 5
    pid = int(pid_file.read_text())
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def scan_in_background(work: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - handed to the test, which checks it
            raised.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.5)  # scanimage is running, slowly
    return thread, raised


def test_cancelling_stops_the_scan_at_once_and_keeps_nothing(sane: Backend, files: VisitFiles) -> None:
    sane(SLOW)
    document = ScannedDocument(files, Scanner())
    thread, raised = scan_in_background(document.add_page)
    started = time.monotonic()
    document.cancel()
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - started < 3
    assert len(raised) == 1 and isinstance(raised[0], ScanCancelled)
    assert files.files() == [] and list(files.folder.iterdir()) == []
    with pytest.raises(ScanCancelled):
        document.add_page()


def test_a_visit_that_ends_during_a_scan_gets_no_file_back(sane: Backend, files: VisitFiles) -> None:
    sane(SLOW)
    document = ScannedDocument(files, Scanner())
    folder = files.folder
    thread, raised = scan_in_background(document.add_page)
    files.wipe()  # the visit ends while the scanner still works
    thread.join(30)
    assert len(raised) == 1 and isinstance(raised[0], ScanCancelled)
    assert not folder.exists()  # the page never made the deleted folder again


def test_recommencer_deletes_the_pages_and_the_document_goes_on(sane: Backend, files: VisitFiles) -> None:
    document = ScannedDocument(files, Scanner())
    first = document.add_page()
    document.discard()
    assert document.pages == () and not first.path.exists()
    document.add_page()
    assert len(document.pages) == 1


def test_a_full_disk_keeps_the_pages_to_try_again(tiny_disk: Path, sane: Backend, qapp: QApplication) -> None:
    files = VisitFiles(tiny_disk / "visit-files")
    document = ScannedDocument(files, Scanner())
    document.add_page()
    filler = fill_up(tiny_disk)
    with pytest.raises(DiskFull):
        document.finish()
    assert len(document.pages) == 1 and document.pages[0].path.exists()
    assert [path.suffix for path in files.files()] == [".jpg"]  # no empty or partial PDF offered
    with pytest.raises(DiskFull):
        document.add_page()
    assert len(document.pages) == 1
    filler.unlink()
    assert pdf_pages(document.finish()).pageCount() == 1
