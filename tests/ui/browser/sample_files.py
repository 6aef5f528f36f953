"""Real files of a visit for the tests: PDFs written by QPdfWriter, images by QImage, a damaged PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

from ui.app import create_application

PAGE_WORDS = ("Attestation de paiement", "Montant versé")


def make_pdf(path: Path, pages: int, words: tuple[str, ...] = PAGE_WORDS) -> Path:
    """A real A4 PDF of ``pages`` pages, each with a heading ("<word> — page N") and a few lines."""
    create_application()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    heading, line = QFont("Noto Sans"), QFont("Noto Sans")
    heading.setPointSize(24)
    line.setPointSize(12)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.setFont(heading)
        title = f"{words[0]} — page {page + 1}"
        painter.drawText(QRect(0, 0, writer.width(), 120), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(line)
        for row in range(12):
            painter.drawText(0, 200 + row * 60, f"{words[1]} {row + 1} : {120 + row * 7},00 €")
        painter.fillRect(QRect(0, writer.height() - 200, writer.width() // 2, 100), QColor("#0F5132"))
    painter.end()
    return path


def make_image(path: Path, width: int = 600, height: int = 800) -> Path:
    """A real image, PNG or JPEG as its name ends."""
    create_application()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFF1D6"))
    painter = QPainter(image)
    painter.fillRect(QRect(40, 40, width - 80, height // 4), QColor("#0F5132"))
    painter.setFont(QFont("Noto Sans", 28))
    words = "Bulletin de salaire"
    painter.drawText(QRect(40, height // 2, width - 80, 80), Qt.AlignmentFlag.AlignCenter, words)
    painter.end()
    assert image.save(str(path))
    return path


def make_damaged_pdf(path: Path) -> Path:
    """The first 400 bytes of a real PDF: a download cut short, with a PDF's header and nothing readable."""
    whole = make_pdf(path.with_name(f"whole-{path.name}"), 1).read_bytes()
    path.write_bytes(whole[:400])
    path.with_name(f"whole-{path.name}").unlink()
    return path
