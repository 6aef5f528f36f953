"""The PDF of scanned pages: JPEG headers read without an image library, A4 pages, read back by QtPdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.browsing.scan_pdf import (
    A4_HEIGHT_PT,
    A4_WIDTH_PT,
    NotAJpeg,
    estimated_pdf_bytes,
    pdf_from_jpegs,
    placement,
    read_jpeg_info,
)

DOTS_PER_METRE_AT_200_DPI = round(200 / 0.0254)


def jpeg(width: int, height: int, grey: bool = True, dpi: int | None = 200) -> bytes:
    image = QImage(width, height, QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    if dpi:
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", 80)
    return bytes(data.data())


def test_a_jpegs_header_gives_its_size_colours_and_resolution(qapp: QApplication) -> None:
    info = read_jpeg_info(jpeg(413, 583))
    assert (info.width, info.height, info.components) == (413, 583, 1)
    assert info.dpi is not None and abs(info.dpi - 200) < 1
    assert read_jpeg_info(jpeg(10, 10, grey=False)).components == 3


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        b"\xff\xd8\xff\xe0\x00\x10JFIF",  # cut short
        b"\xff\xd8\xff\xd9",  # no image in it
        b"\xff\xd8\x00\x00\xff\xd9",  # no marker where one must be
    ],
)
def test_what_is_not_a_whole_jpeg_is_refused(data: bytes) -> None:
    with pytest.raises(NotAJpeg):
        read_jpeg_info(data)


def test_a_truncated_scan_is_refused(qapp: QApplication) -> None:
    whole = jpeg(200, 200)
    with pytest.raises(NotAJpeg):
        read_jpeg_info(whole[: len(whole) // 2])


def test_a_scan_keeps_its_real_size_in_the_top_left_corner_of_a4(qapp: QApplication) -> None:
    # An ID card (85.6 x 54 mm) at 200 dpi stays that size, where it lay on the glass.
    x, y, width, height = placement(read_jpeg_info(jpeg(674, 425)), fallback_dpi=200)
    assert (x, round(width), round(height)) == (0.0, 243, 153)
    assert round(y + height, 2) == round(A4_HEIGHT_PT, 2)
    # A legal-size glass (216 x 356 mm) is shrunk to fit the page, keeping its proportions.
    legal = read_jpeg_info(jpeg(1701, 2803))
    x, y, width, height = placement(legal, fallback_dpi=200)
    assert height == pytest.approx(A4_HEIGHT_PT) and width < A4_WIDTH_PT and y == pytest.approx(0)
    assert width / height == pytest.approx(1701 / 2803)
    # No resolution in the file: the one it was scanned at.
    no_dpi = read_jpeg_info(jpeg(300, 300, dpi=None))
    if no_dpi.dpi is None:
        assert placement(no_dpi, fallback_dpi=100)[2] == pytest.approx(216)


def test_the_pdf_has_one_a4_page_per_scan_and_weighs_what_its_jpegs_weigh(
    tmp_path: Path, qapp: QApplication
) -> None:
    pages = [jpeg(400, 560), jpeg(300, 300, grey=False), jpeg(400, 560)]
    pdf = pdf_from_jpegs(pages)
    assert sum(map(len, pages)) < len(pdf) <= estimated_pdf_bytes([len(page) for page in pages])
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 3
    for index in range(3):
        size = document.pagePointSize(index)
        assert (round(size.width()), round(size.height())) == (595, 842)
    for page in pages:
        assert page in pdf  # each JPEG as it is, never re-encoded
    assert b"/Info" not in pdf and b"Date" not in pdf


def test_an_empty_document_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        pdf_from_jpegs([])
