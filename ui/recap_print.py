"""Paper for the person: the system printer through Qt's print support, or a PDF for the front desk.

``print_or_keep_for_desk`` is the one way anything is printed (the recap here, a
site's document from ``ui.browser.documents``): on the default printer when there is
one, otherwise as a PDF in a folder of the data directory that is emptied when the
visit ends, like everything else of the person's visit; the folder and the file are
their owner's only, whatever the umask.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.data_dir import write_private
from kiosk.errors import EnvironmentFault
from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.visit.recap import Recap
from ui.widgets.qr import qr_pixmap

log = logging.getLogger(__name__)

QR_PRINT_PX = 220
PRINT_POINTS = 12  # body text on paper; headings are larger
# Not the screen's Naskh: Noto Sans Arabic's ligatures map back to their letters in a PDF, so the
# recap's text can still be searched, copied or read aloud by a phone's screen reader.
FONTS = '"Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif'


# Lays a document out on a printer or a PDF writer, a page after another (``device.newPage()``).
Paint = Callable[[QPagedPaintDevice], None]


@dataclass(frozen=True)
class PrintResult:
    printer: str = ""  # the printer's name when it went to paper
    pdf: Path | None = None  # the file written when there is no printer
    failed: bool = False  # neither: the PDF could not be written (a full disk)


def recap_html(recap: Recap) -> str:
    direction = "rtl" if translation.is_rtl(translation.active_language()) else "ltr"
    parts = [
        f"<html><body dir='{direction}' style='font-family: {FONTS};'>",
        f"<h1>{escape(recap.title)}</h1>",
        # The structure's name and address and the help places are the structure's French
        # words: isolated in a right-to-left recap like every translated line (bidi.py).
        f"<p>{escape(translation.shown(f'{recap.structure} — {recap.day}'))}</p>",
    ]
    for heading, lines in recap.sections():
        parts.append(f"<h2>{escape(heading)}</h2><ul>")
        parts += [f"<li>{escape(translation.shown(line))}</li>" for line in lines]
        parts.append("</ul>")
    parts.append(f"<p><img src='qr' width='{QR_PRINT_PX}' height='{QR_PRINT_PX}'></p>")
    scan = _("Scannez ce code avec votre téléphone pour garder ce récapitulatif.")
    parts.append(f"<p>{escape(scan)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def recap_document(recap: Recap) -> QTextDocument:
    document = QTextDocument()
    # In points, not the screen's pixels: laid out on a 600 or 1200 dpi page, the application's
    # 24 px font would come out a millimetre high.
    font = QFont()
    font.setPointSizeF(PRINT_POINTS)
    document.setDefaultFont(font)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qr_pixmap(recap.qr_text(), QR_PRINT_PX).save(buffer, "PNG")
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("qr"), QByteArray(buffer.data()))
    document.setHtml(recap_html(recap))
    return document


def paint_recap(recap: Recap) -> Paint:
    # Laid out by Qt for the device's own page and resolution, the same way on paper and in a PDF.
    return lambda device: recap_document(recap).print_(device)


def pdf_bytes(paint: Paint, title: str, resolution: int = 0) -> bytes:
    """A PDF of A4 pages laid out by ``paint``, made in memory (``resolution`` in dots per inch, 0 for
    Qt's own): nothing touches the disk until it is whole."""
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    if resolution:
        writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator("France Services")
    paint(writer)
    del writer  # the PDF is finished when its writer goes
    return bytes(pdf.data().data())


def write_pdf(recap: Recap, path: Path) -> Path:
    """Lay the recap out as a PDF in memory, then write it owner-only and whole, or not at all
    (``DiskFull``, ``EnvironmentFault``): a full disk never leaves half a file or an empty one."""
    write_private(path, pdf_bytes(paint_recap(recap), recap.title))
    return path


def _free_pdf_path(folder: Path, stem: str) -> Path:
    """A new file name in ``folder``: two papers asked for in the same second never replace each other."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{stem}-{stamp}.pdf"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{stamp}-{number}.pdf"
        number += 1
    return path


def print_or_keep_for_desk(
    paint: Paint, title: str, pdf_folder: Path, file_stem: str, pdf_resolution: int = 0
) -> PrintResult:
    """Print on the default printer if there is one; otherwise write a PDF for the front desk into
    ``pdf_folder`` (``<file_stem>-<date-time>.pdf``); a full disk gives ``failed``, never half a file."""
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull():
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        try:
            paint(printer)
        except EnvironmentFault as error:
            log.error("the %s could not be printed (%s)", file_stem, error)
            return PrintResult(failed=True)
        return PrintResult(printer=info.printerName())
    try:
        pdf_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        pdf_folder.chmod(0o700)  # also a folder that was already there, made by something else
        pdf = _free_pdf_path(pdf_folder, file_stem)
        write_private(pdf, pdf_bytes(paint, title, pdf_resolution))
    except (EnvironmentFault, OSError) as error:
        log.error("the %s could not be written (%s)", file_stem, error)
        return PrintResult(failed=True)
    return PrintResult(pdf=pdf)


def print_recap(recap: Recap, pdf_folder: Path) -> PrintResult:
    """Print on the default printer if there is one; otherwise write a PDF into ``pdf_folder``."""
    return print_or_keep_for_desk(paint_recap(recap), recap.title, pdf_folder, "recapitulatif")
