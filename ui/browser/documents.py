"""A document of the visit shown in the kiosk: a PDF or an image, « Imprimer » and « Fermer », nothing else.

What a site gives (an attestation, a notice, a receipt) and what the person scans is
shown here rather than in a file manager: no path, no "save as", nothing else to open.
« Imprimer » is the recap's printing (``ui.recap_print.print_or_keep_for_desk``): the
system's default printer, or a PDF for the front desk in the recap's folder, emptied
when the visit ends. A PDF page is drawn on the printer by QtPdf at the printer's own
resolution, in bands: a whole A4 page at 1200 dpi would be a half-gigabyte image.

A file that cannot be read (a damaged or truncated PDF, a broken image) is said plainly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPagedPaintDevice, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import EnvironmentFault
from kiosk.i18n.translation import _
from ui import theme
from ui.recap_print import Paint, PrintResult, print_or_keep_for_desk
from ui.widgets.blocks import PictogramButton, WarningBox, text_label

PDF_TYPE = "application/pdf"
PNG_TYPE = "image/png"
JPEG_TYPE = "image/jpeg"
SHOWN_TYPES = (PDF_TYPE, PNG_TYPE, JPEG_TYPE)
PDF_SEARCH_BYTES = 1024  # a PDF's header may come after some bytes of junk; readers look this far
MAX_IMAGE_SIDE = 4000  # a 12-megapixel photo is read smaller: an A4 page at 300 dpi is 3508 px high
DESK_PDF_DPI = 300  # the front desk's copy of a document: a page image sharp on paper, a few MB at most
BAND_BYTES = 32 * 1024 * 1024  # the largest piece of a page rendered at once for the printer
ZOOM_STEP = 1.25
ZOOM_STEPS = range(-2, 6)  # from a little smaller than the width to three times it
# The kiosk's style makes the vertical scroll bar a finger wide; an enlarged page scrolls sideways too.
WIDE_SCROLL_BAR = f"""
    QScrollBar:horizontal {{ height: {theme.MIN_TOUCH}px; background: {theme.BAR}; }}
    QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0px; border: none; }}
    QScrollBar::handle:horizontal {{
        background: {theme.SCROLL_HANDLE}; min-width: {theme.MIN_TOUCH}px; border-radius: 8px;
    }}
"""


def file_type(path: Path) -> str:
    """A visit's file's type, from its first bytes, never from its name: one of SHOWN_TYPES, or ""."""
    try:
        with path.open("rb") as handle:
            head = handle.read(PDF_SEARCH_BYTES)
    except OSError:
        return ""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG_TYPE
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG_TYPE
    return PDF_TYPE if b"%PDF-" in head else ""


def describe(kind: str, pages: int) -> str:
    """What a document is, in plain words: « PDF, 2 pages », « image »."""
    if kind != PDF_TYPE:
        return _("image")
    return _("PDF, 1 page") if pages == 1 else _("PDF, {pages} pages").format(pages=pages)


def open_pdf(path: Path, into: QPdfDocument | None = None) -> QPdfDocument | None:
    """The PDF loaded (into ``into``, or a new document), or None when it cannot be read (damaged,
    truncated, locked by a password)."""
    document = into if into is not None else QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        document.close()
        return None
    return document


def read_image(path: Path, longest_side: int = MAX_IMAGE_SIDE) -> QImage:
    """The image upright (a phone's photo says how it was held), its longest side at most ``longest_side``;
    a null image when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest_side:
        reader.setScaledSize(size.scaled(longest_side, longest_side, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _fitted(content: QSizeF, area: QSize) -> QRect:
    """Where ``content`` goes on a page of ``area``: as large as fits, never larger than itself,
    centred across and from the top."""
    scale = min(1.0, area.width() / content.width(), area.height() / content.height())
    width, height = max(1, round(content.width() * scale)), max(1, round(content.height() * scale))
    return QRect((area.width() - width) // 2, 0, width, height)


def _on_white(image: QImage) -> QImage:
    """The rendered band laid on white paper: a PDF page's background is transparent."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def _begin(painter: QPainter, device: QPagedPaintDevice) -> None:
    if not painter.begin(device):
        raise EnvironmentFault("the printer or the PDF cannot be drawn on")


def paint_pdf(document: QPdfDocument) -> Paint:
    """Each page of ``document`` on a page of the device, rendered at the device's resolution."""

    def paint(device: QPagedPaintDevice) -> None:
        painter = QPainter()
        _begin(painter, device)
        try:
            dpi = device.logicalDpiX()  # the printer's or the PDF writer's resolution
            area = QSize(device.width(), device.height())
            for page in range(document.pageCount()):
                if page:
                    device.newPage()
                points = document.pagePointSize(page)
                target = _fitted(QSizeF(points.width() * dpi / 72, points.height() * dpi / 72), area)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(target.size())
                band = max(1, BAND_BYTES // (4 * target.width()))
                for top in range(0, target.height(), band):
                    height = min(band, target.height() - top)
                    # Qt scales a clipped render by the rectangle's right() - left(), one less than its
                    # width: a rectangle one pixel larger than the band gives the page's true scale.
                    options.setScaledClipRect(QRect(0, top, target.width() + 1, height + 1))
                    image = document.render(page, QSize(target.width(), height), options)
                    place = QRect(target.x(), target.y() + top, target.width(), height)
                    painter.drawImage(place, _on_white(image))
        finally:
            painter.end()

    return paint


def paint_image(image: QImage) -> Paint:
    """The image on one page, as large as the page allows."""

    def paint(device: QPagedPaintDevice) -> None:
        painter = QPainter()
        _begin(painter, device)
        try:
            area = QSize(device.width(), device.height())
            # A photo or a scan fills the page's width or height, whatever its pixel count.
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = _fitted(QSizeF(image.width() * scale, image.height() * scale), area)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        finally:
            painter.end()

    return paint


class DocumentViewer(QWidget):
    """One file of the visit on screen, to read and print; « Fermer » emits ``closed``."""

    closed = Signal()
    speak_requested = Signal(list)  # what happened when « Imprimer » was touched, to read aloud

    def __init__(self, desk_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.desk_folder = desk_folder
        self.kind = ""
        self.pdf = QPdfDocument(self)
        self.image = QImage()
        self._zoom = 0
        self._readable = False
        self._pages = 0
        self._printed = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.heading = text_label("title")
        self.detail = text_label("hint")
        words.addWidget(self.heading)
        words.addWidget(self.detail)
        top.addLayout(words, 1)
        self.print_button = PictogramButton("mdi6.printer-outline", role="primary")
        self.close_button = PictogramButton("mdi6.close-box-outline")
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.close_document)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.result = text_label()
        self.result.hide()
        layout.addWidget(self.result)

        self.stack = QStackedWidget()
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page_number())
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.image_area.viewport().installEventFilter(self)  # the image follows the width it is given
        for area in (self.pdf_view, self.image_area):
            # The document is the site's, never mirrored: a French attestation starts at its left edge.
            area.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            area.setStyleSheet(WIDE_SCROLL_BAR)
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.problem = WarningBox()
        self.problem_page = QWidget()
        problem_layout = QVBoxLayout(self.problem_page)
        problem_layout.addWidget(self.problem)
        problem_layout.addStretch(1)
        for page in (self.pdf_view, self.image_area, self.problem_page):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        self.previous_page = PictogramButton("mdi6.arrow-up-bold-outline", icon_px=32)
        self.page_label = text_label("hint", wrap=False)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_page = PictogramButton("mdi6.arrow-down-bold-outline", icon_px=32)
        self.zoom_out = PictogramButton("mdi6.magnify-minus-outline", icon_px=32)
        self.zoom_in = PictogramButton("mdi6.magnify-plus-outline", icon_px=32)
        self.previous_page.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out.clicked.connect(lambda: self.zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.zoom(+1))
        bottom.addWidget(self.previous_page)
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.next_page)
        bottom.addStretch(1)
        bottom.addWidget(self.zoom_out)
        bottom.addWidget(self.zoom_in)
        layout.addLayout(bottom)
        self.retranslate()

    # What is shown ------------------------------------------------------------------
    def show_file(self, path: Path) -> None:
        """Show ``path``, a file of the visit: a PDF, a PNG or JPEG image, or plain words if unreadable."""
        self.release()
        self.kind = file_type(path)
        self._printed = ""
        self._zoom = 0
        if self.kind == PDF_TYPE and open_pdf(path, self.pdf) is not None:
            self._readable = True
            self._pages = self.pdf.pageCount()
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.pageNavigator().jump(0, QPointF())
            self.stack.setCurrentWidget(self.pdf_view)
        elif self.kind in (PNG_TYPE, JPEG_TYPE):
            self.image = read_image(path)
            self._readable = not self.image.isNull()
            self._pages = 1
            self.stack.setCurrentWidget(self.image_area)
            self._show_image()
        if not self._readable:
            self.stack.setCurrentWidget(self.problem_page)
        self.retranslate()

    def release(self) -> None:
        """Let go of the file shown, so nothing of it stays open once the visit's files are deleted."""
        self.pdf.close()
        self.image = QImage()
        self.image_label.clear()
        self._readable = False
        self._pages = 0

    def close_document(self) -> None:
        self.release()
        self.closed.emit()

    @property
    def readable(self) -> bool:
        return self._readable

    # Pages and size -----------------------------------------------------------------
    def current_page(self) -> int:
        return self.pdf_view.pageNavigator().currentPage() if self.kind == PDF_TYPE else 0

    def go_to_page(self, page: int) -> None:
        if self.kind == PDF_TYPE and self._readable:
            self.pdf_view.pageNavigator().jump(min(max(0, page), self._pages - 1), QPointF())
            self._show_page_number()

    def zoom(self, steps: int) -> None:
        """Larger or smaller by steps, from "the page's width fills the screen" (step 0)."""
        self._zoom = min(max(ZOOM_STEPS.start, self._zoom + steps), ZOOM_STEPS.stop - 1)
        if self.kind == PDF_TYPE and self._readable:
            if self._zoom == 0:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            else:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
                self.pdf_view.setZoomFactor(self._fit_width_factor() * ZOOM_STEP**self._zoom)
        elif self._readable:
            self._show_image()
        self._enable_controls()

    def _fit_width_factor(self) -> float:
        """The zoom factor at which the widest page fills the view's width (what FitToWidth shows)."""
        margins = self.pdf_view.documentMargins()
        free = self.pdf_view.viewport().width() - margins.left() - margins.right()
        widest = max(self.pdf.pagePointSize(page).width() for page in range(self._pages))
        return max(0.1, free / (widest * self.pdf_view.logicalDpiX() / 72))

    def _show_image(self) -> None:
        if self.image.isNull() or self.kind == PDF_TYPE:
            return
        width = max(1, round((self.image_area.viewport().width() - 8) * ZOOM_STEP**self._zoom))
        smooth = Qt.TransformationMode.SmoothTransformation
        self.image_label.setPixmap(QPixmap.fromImage(self.image).scaledToWidth(width, smooth))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.image_area.viewport() and event.type() == QEvent.Type.Resize and self._readable:
            self._show_image()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.kind == PDF_TYPE and self._readable and self._zoom:
            self.pdf_view.setZoomFactor(self._fit_width_factor() * ZOOM_STEP**self._zoom)

    # Printing -----------------------------------------------------------------------
    def print_document(self) -> PrintResult | None:
        """The document on the printer, or a PDF for the front desk; what happened is shown and read."""
        if not self._readable:
            return None
        paint = paint_pdf(self.pdf) if self.kind == PDF_TYPE else paint_image(self.image)
        result = print_or_keep_for_desk(paint, _("Document"), self.desk_folder, "document", DESK_PDF_DPI)
        if result.failed:
            self._printed = _("Le document n'a pas pu être préparé. Demandez à une personne de l'accueil.")
        elif result.pdf is None:
            self._printed = _("Envoyé à l'imprimante {name}.").format(name=result.printer)
        else:
            self._printed = _("Pas d'imprimante : le document est prêt à l'accueil.")
        self.retranslate()
        self.speak_requested.emit([self._printed])
        return result

    # Words --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Votre document"))
        detail = describe(self.kind, self._pages) if self._readable else ""
        self.detail.setText(detail[:1].upper() + detail[1:])  # « Image » on a line of its own
        self.detail.setVisible(self._readable)
        self.problem.set_text(
            _(
                "Ce document ne peut pas être affiché : il est peut-être abîmé ou incomplet. "
                "Demandez à une personne de l'accueil."
            )
        )
        self.result.setText(self._printed)
        self.result.setVisible(bool(self._printed))
        self.print_button.set_text(_("Imprimer"), _("Imprimer ce document, ou le préparer pour l'accueil."))
        self.close_button.set_text(_("Fermer"), _("Fermer le document et revenir au site."))
        self.previous_page.set_text(_("Page d'avant"), _("Voir la page d'avant du document."))
        self.next_page.set_text(_("Page suivante"), _("Voir la page suivante du document."))
        self.zoom_out.set_text(_("Plus petit"), _("Voir le document plus petit."))
        self.zoom_in.set_text(_("Plus grand"), _("Voir le document plus grand."))
        self._show_page_number()
        self._enable_controls()

    def _show_page_number(self) -> None:
        shown = self.kind == PDF_TYPE and self._readable
        if shown:
            self.page_label.setText(
                _("Page {page} sur {pages}").format(page=self.current_page() + 1, pages=self._pages)
            )
        self._enable_controls()

    def _enable_controls(self) -> None:
        paged = self.kind == PDF_TYPE and self._readable and self._pages > 1
        for widget in (self.previous_page, self.next_page, self.page_label):
            widget.setVisible(paged)
        self.previous_page.setEnabled(paged and self.current_page() > 0)
        self.next_page.setEnabled(paged and self.current_page() < self._pages - 1)
        for button in (self.zoom_out, self.zoom_in, self.print_button):
            button.setVisible(self._readable)
        self.zoom_out.setEnabled(self._zoom > ZOOM_STEPS.start)
        self.zoom_in.setEnabled(self._zoom < ZOOM_STEPS.stop - 1)

    def spoken_texts(self) -> list[str]:
        texts = [self.heading.text(), self.detail.text() if self._readable else self.problem.label.text()]
        if self._printed:
            texts.append(self._printed)
        return [text for text in texts if text]
