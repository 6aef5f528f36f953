"""The document viewer: a real PDF through QtPdf, zoom, pages, printing as the recap does, a damaged file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QSize
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import fill_up
from tests.ui.browser.sample_files import make_damaged_pdf, make_image, make_pdf
from ui import theme
from ui.browser import documents
from ui.browser.documents import DocumentViewer, paint_pdf

NO_PRINTER = "Pas d'imprimante : le document est prêt à l'accueil."


@pytest.fixture(autouse=True)
def no_printer() -> None:
    """Printing goes to the front desk's PDF only on a machine with no printer (a real one would print)."""
    if not QPrinterInfo.defaultPrinter().isNull():
        pytest.skip("this machine has a default printer: printing would reach it")


def open_viewer(qtbot: QtBot, desk: Path, shown: Path) -> DocumentViewer:
    viewer = DocumentViewer(desk)
    viewer.setStyleSheet(theme.stylesheet())
    qtbot.addWidget(viewer)
    viewer.resize(1024, 768)
    viewer.show()
    viewer.show_file(shown)
    qtbot.waitExposed(viewer)
    return viewer


def open_pdf_file(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def dark_share(image: QImage) -> float:
    """How much of the picture is the dark green band every test page has (none on a page printed blank)."""
    small = image.scaled(QSize(120, 170))
    dark = sum(
        1
        for x in range(small.width())
        for y in range(small.height())
        if QColor(small.pixel(x, y)).green() < 120 and QColor(small.pixel(x, y)).red() < 60
    )
    return dark / (small.width() * small.height())


def shown_words(viewer: DocumentViewer) -> str:
    return " ".join(label.text() for label in viewer.findChildren(QLabel) if label.isVisible())


def test_a_two_page_pdf_is_shown_to_the_width_with_pages_and_zoom(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "attestation-caf.pdf", 2)
    viewer = open_viewer(qtbot, tmp_path / "desk", pdf)
    assert viewer.readable and viewer.stack.currentWidget() is viewer.pdf_view
    assert viewer.pdf_view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert viewer.detail.text() == "PDF, 2 pages" and viewer.page_label.text() == "Page 1 sur 2"
    assert not viewer.previous_page.isEnabled()
    viewer.next_page.click()
    assert viewer.current_page() == 1 and viewer.page_label.text() == "Page 2 sur 2"
    assert not viewer.next_page.isEnabled()
    viewer.zoom_in.click()
    assert viewer.pdf_view.zoomMode() is QPdfView.ZoomMode.Custom
    assert viewer.pdf_view.zoomFactor() == pytest.approx(viewer._fit_width_factor() * 1.25)
    viewer.zoom_out.click()
    assert viewer.pdf_view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    for _ in range(5):
        viewer.zoom_out.click()
    assert not viewer.zoom_out.isEnabled(), "a limit, not a page shrunk to nothing"
    buttons = [button for button in viewer.findChildren(QPushButton) if button.isVisible()]
    assert {button.text_label.text() for button in buttons} == {  # type: ignore[attr-defined]
        "Imprimer",
        "Fermer",
        "Page d'avant",
        "Page suivante",
        "Plus petit",
        "Plus grand",
    }, "nothing else: no save-as, no folder"
    assert all(button.width() >= 64 and button.height() >= 64 for button in buttons)
    assert "attestation-caf" not in shown_words(viewer) and str(tmp_path) not in shown_words(viewer)
    assert viewer.spoken_texts() == ["Votre document", "PDF, 2 pages"]


def test_without_a_printer_the_pages_are_written_for_the_front_desk(qtbot: QtBot, tmp_path: Path) -> None:
    desk = tmp_path / "recaps"
    viewer = open_viewer(qtbot, desk, make_pdf(tmp_path / "attestation.pdf", 2))
    with qtbot.waitSignal(viewer.speak_requested) as said:
        viewer.print_button.click()
    assert viewer.result.text() == NO_PRINTER and said.args == [[NO_PRINTER]]
    assert viewer.spoken_texts()[-1] == NO_PRINTER
    [copy] = desk.glob("document-*.pdf")
    assert stat.S_IMODE(desk.stat().st_mode) == 0o700 and stat.S_IMODE(copy.stat().st_mode) == 0o600
    printed = open_pdf_file(copy)
    assert printed.pageCount() == 2
    for page in range(2):
        assert printed.pagePointSize(page).toSize() == QSize(595, 842)  # A4
        assert dark_share(printed.render(page, QSize(600, 849))) > 0.005, f"page {page + 1} printed blank"
    viewer.print_button.click()
    assert len(list(desk.glob("document-*.pdf"))) == 2, "a second copy never replaces the first"


def ruled_pdf(path: Path) -> Path:
    """An A4 page ruled every 50 points with black lines 2 points thick, edge to edge."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    for top in range(25, 842, 50):
        painter.fillRect(0, top, 595, 2, QColor("black"))
    painter.end()
    return path


def line_rows(image: QImage) -> list[int]:
    """The rows where a ruled line is drawn: more than half the row dark."""
    rows = [
        y
        for y in range(image.height())
        if sum(1 for x in range(0, image.width(), 4) if QColor(image.pixel(x, y)).lightness() < 128)
        > image.width() // 8
    ]
    return [y for y in rows if y - 1 not in rows]  # the first row of each line


def test_a_page_is_drawn_in_bands_at_the_printer_resolution_without_a_seam(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    document = open_pdf_file(ruled_pdf(tmp_path / "ruled.pdf"))
    lines = []
    for band_bytes, name in ((64 * 1024 * 1024, "whole"), (1024 * 1024, "bands")):
        monkeypatch.setattr(documents, "BAND_BYTES", band_bytes)  # 1 MB: bands of 50 rows
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # a real printer's painting, into a file
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{name}.pdf"))
        printer.setResolution(600)  # a laser printer's; the painting asks the device, never assumes
        paint_pdf(document)(printer)
        printed = open_pdf_file(tmp_path / f"{name}.pdf")
        lines.append(
            line_rows(printed.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_RGB32))
        )
    whole, bands = lines
    assert len(whole) >= 17, f"every line of the page is printed: {whole}"
    assert len(bands) == len(whole) and all(abs(a - b) <= 1 for a, b in zip(whole, bands, strict=True)), (
        f"the bands drift from the page: {whole} != {bands}"
    )


def test_an_image_is_shown_to_the_width_and_printed_on_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    desk = tmp_path / "recaps"
    viewer = open_viewer(qtbot, desk, make_image(tmp_path / "photo.jpg", 900, 600))
    assert viewer.readable and viewer.detail.text() == "Image"
    assert not viewer.page_label.isVisible() and not viewer.next_page.isVisible()
    shown = viewer.image_label.pixmap()
    assert abs(shown.width() - (viewer.image_area.viewport().width() - 8)) <= 1
    viewer.zoom_in.click()
    assert viewer.image_label.pixmap().width() > shown.width()
    viewer.print_button.click()
    [copy] = desk.glob("document-*.pdf")
    printed = open_pdf_file(copy)
    assert printed.pageCount() == 1 and dark_share(printed.render(0, QSize(600, 849))) > 0.005


def test_a_damaged_pdf_is_said_plainly_and_only_closes(qtbot: QtBot, tmp_path: Path) -> None:
    desk = tmp_path / "recaps"
    viewer = open_viewer(qtbot, desk, make_damaged_pdf(tmp_path / "attestation.pdf"))
    assert not viewer.readable and viewer.stack.currentWidget() is viewer.problem_page
    assert "ne peut pas être affiché" in viewer.problem.label.text()
    assert not viewer.print_button.isVisible() and not viewer.zoom_in.isVisible()
    assert viewer.close_button.isVisible()
    assert viewer.print_document() is None and not desk.exists()
    assert viewer.spoken_texts() == ["Votre document", viewer.problem.label.text()]
    not_a_document = tmp_path / "page.html"
    not_a_document.write_text("<html>%PDF-</html>")  # what a site may send under a PDF's name
    viewer.show_file(not_a_document)
    assert not viewer.readable
    viewer.show_file(make_pdf(tmp_path / "good.pdf", 1))
    assert viewer.readable and viewer.detail.text() == "PDF, 1 page" and not viewer.page_label.isVisible()


def test_closing_lets_go_of_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = open_viewer(qtbot, tmp_path / "desk", make_pdf(tmp_path / "attestation.pdf", 2))
    with qtbot.waitSignal(viewer.closed):
        viewer.close_button.click()
    assert viewer.pdf.status() is QPdfDocument.Status.Null and not viewer.readable


def test_a_full_disk_says_the_document_could_not_be_prepared(
    qtbot: QtBot, tmp_path: Path, tiny_disk: Path
) -> None:
    desk = tiny_disk / "recaps"
    viewer = open_viewer(qtbot, desk, make_pdf(tmp_path / "attestation.pdf", 2))
    fill_up(tiny_disk)
    viewer.print_button.click()
    assert viewer.result.text().startswith("Le document n'a pas pu être préparé")
    assert "prêt à l'accueil" not in viewer.result.text(), "never a false promise"
    assert not desk.exists() or list(desk.iterdir()) == []
