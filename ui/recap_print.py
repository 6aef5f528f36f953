"""The recap on paper: the system printer through Qt's print support, or a PDF when there is none.

The PDF goes into a folder of the data directory that is emptied when the visit
ends, like everything else of the person's visit; the folder and the file are
their owner's only, whatever the umask.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.data_dir import write_private
from kiosk.errors import EnvironmentFault
from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.visit.recap import Recap
from ui.widgets.qr import qr_pixmap

log = logging.getLogger(__name__)

QR_PRINT_PX = 220
# Not the screen's Naskh: Noto Sans Arabic's ligatures map back to their letters in a PDF, so the
# recap's text can still be searched, copied or read aloud by a phone's screen reader.
FONTS = '"Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif'


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
        f"<p>{escape(recap.structure)} — {escape(recap.day)}</p>",
    ]
    for heading, lines in recap.sections():
        parts.append(f"<h2>{escape(heading)}</h2><ul>")
        parts += [f"<li>{escape(line)}</li>" for line in lines]
        parts.append("</ul>")
    parts.append(f"<p><img src='qr' width='{QR_PRINT_PX}' height='{QR_PRINT_PX}'></p>")
    scan = _("Scannez ce code avec votre téléphone pour garder ce récapitulatif.")
    parts.append(f"<p>{escape(scan)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def recap_document(recap: Recap) -> QTextDocument:
    document = QTextDocument()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qr_pixmap(recap.qr_text(), QR_PRINT_PX).save(buffer, "PNG")
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("qr"), QByteArray(buffer.data()))
    document.setHtml(recap_html(recap))
    return document


def write_pdf(recap: Recap, path: Path) -> Path:
    """Lay the recap out as a PDF in memory, then write it owner-only and whole, or not at all
    (``DiskFull``, ``EnvironmentFault``): a full disk never leaves half a file or an empty one."""
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    writer.setTitle(recap.title)
    writer.setCreator("France Services")
    document = recap_document(recap)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # the PDF is finished when its writer goes
    write_private(path, bytes(pdf.data().data()))
    return path


def print_recap(recap: Recap, pdf_folder: Path) -> PrintResult:
    """Print on the default printer if there is one; otherwise write a PDF into ``pdf_folder``."""
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull():
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        recap_document(recap).print_(printer)
        return PrintResult(printer=info.printerName())
    pdf_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    pdf_folder.chmod(0o700)  # also a folder that was already there, made by something else
    try:
        pdf = write_pdf(recap, pdf_folder / f"recapitulatif-{time.strftime('%Y%m%d-%H%M%S')}.pdf")
    except EnvironmentFault as error:
        log.error("the recap could not be written (%s)", error)
        return PrintResult(failed=True)
    return PrintResult(pdf=pdf)
