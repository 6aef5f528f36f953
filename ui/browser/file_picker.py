"""The kiosk's own file picker: when a site asks for a file, the person chooses among the visit's files only.

Never the system's file dialog, which would show the machine's folders: the choice is
the visit's downloads and scans (``VisitFiles.files()``), as large tiles with a picture
of the first page and a plain name (« Document 1 (PDF, 2 pages) »), never a path. A file
of a type the site does not take stays on screen, greyed, with the reason. « Scanner un
document » asks for the scanner panel (``scan_requested``); « Annuler » sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from ui import theme
from ui.browser.documents import JPEG_TYPE, PDF_TYPE, PNG_TYPE, describe, file_type, open_pdf, read_image
from ui.widgets import pictograms
from ui.widgets.blocks import PageButtons, PictogramButton, discard, text_label

COLUMNS = 3
ROWS = 2
THUMBNAIL = QSize(150, 120)  # a page's picture on a tile: enough to recognise a form or a photo
TILE_HEIGHT = 250
TICK_PX = 48
EXTENSION_TYPES = {
    ".pdf": PDF_TYPE,
    ".png": PNG_TYPE,
    ".jpg": JPEG_TYPE,
    ".jpeg": JPEG_TYPE,
    ".jfif": JPEG_TYPE,
}
# Tiles the site does not take: another background and a dashed border, the text as readable as ever.
PICKER_STYLE = f"""
    QPushButton[refused="true"] {{ background: {theme.BAR}; border: 3px dashed {theme.HINT}; }}
"""


@dataclass(frozen=True)
class Offered:
    """One file of the visit as the picker shows it."""

    path: Path
    name: str  # « Document 1 (PDF, 2 pages) »
    kind: str  # its type, read from its first bytes ("" when the kiosk cannot read it)
    thumbnail: QImage
    reason: str = ""  # why it cannot be sent here; empty when it can


def accepts(kind: str, accepted: list[str]) -> bool:
    """Whether a site whose file field says ``accept=accepted`` takes a file of this type.

    The list holds MIME types ("application/pdf", "image/*") or extensions (".pdf"), as
    HTML allows; an empty list takes anything."""
    wanted = [entry.strip().lower() for entry in accepted if entry.strip()]
    if not wanted:
        return bool(kind)
    for entry in wanted:
        target = EXTENSION_TYPES.get(entry, "") if entry.startswith(".") else entry
        if (
            target in ("*", "*/*")
            or target == kind
            or (target.endswith("/*") and kind.startswith(target[:-1]))
        ):
            return bool(kind)
    return False


def accepted_words(accepted: list[str]) -> str:
    """What the site takes, in plain words: « PDF », « image », « PDF ou image »; "" when it takes anything
    the kiosk has, or nothing the kiosk has."""
    pdf = accepts(PDF_TYPE, accepted)
    image = accepts(PNG_TYPE, accepted) or accepts(JPEG_TYPE, accepted)
    if pdf == image:
        return ""
    return _("PDF") if pdf else _("image")


def thumbnail_of(path: Path, kind: str) -> QImage:
    """A small picture of the file: its first page, or the image; null when it cannot be read."""
    if kind == PDF_TYPE:
        document = open_pdf(path)
        if document is None:
            return QImage()
        page = document.pagePointSize(0).toSize().scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
        rendered = document.render(0, page)
        document.close()
        # A PDF page is transparent: lay it on white paper, with an edge to tell it from the white tile.
        paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, rendered)
        painter.setPen(QColor(theme.HINT))
        painter.drawRect(paper.rect().adjusted(0, 0, -1, -1))
        painter.end()
        return paper
    if kind in (PNG_TYPE, JPEG_TYPE):
        image = read_image(path, max(THUMBNAIL.width(), THUMBNAIL.height()))
        return image.scaled(
            THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return QImage()


def _faded(image: QImage) -> QImage:
    """The picture of a file the site does not take: grey and pale, so the eye passes over it."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(grey)
    painter.fillRect(grey.rect(), QColor(236, 232, 222, 150))
    painter.end()
    return grey


class FilePicker(QWidget):
    """The visit's files as large tiles, a page at a time; ``chosen`` sends the paths chosen."""

    chosen = Signal(list)  # the chosen files' paths, as str
    cancelled = Signal()
    scan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilePicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(PICKER_STYLE)
        self.offered: list[Offered] = []
        self.accepted: list[str] = []
        self.multiple = False
        self.selected: list[Path] = []
        self.tiles: list[PictogramButton] = []
        self._page = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.heading = text_label("title")
        self.hint = text_label("hint")
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)  # tiles of one width, whatever their picture
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.pager = PageButtons()
        self.pager.moved.connect(lambda step: self._show_page(self._page + step))
        self.previous_page, self.page_label, self.next_page = self.pager.buttons()
        layout.addWidget(self.pager)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.scan_button = PictogramButton("mdi6.scanner")
        self.cancel_button = PictogramButton("mdi6.close-box-outline")
        self.send_button = PictogramButton("mdi6.upload-outline", role="primary")
        self.scan_button.clicked.connect(self.scan_requested)
        self.cancel_button.clicked.connect(self.cancelled)
        self.send_button.clicked.connect(self._send_selected)
        actions.addWidget(self.scan_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.send_button)
        layout.addLayout(actions)
        self.retranslate()

    def choose(self, files: list[Path], accepted_mime_types: list[str], multiple: bool) -> None:
        """Offer ``files`` (the visit's, oldest first) for a site field taking ``accepted_mime_types``."""
        self.accepted = list(accepted_mime_types)
        self.multiple = multiple
        self.selected = []
        self.offered = []
        for number, path in enumerate((path for path in files if path.is_file()), start=1):
            kind = file_type(path)
            thumbnail = thumbnail_of(path, kind)
            readable = not thumbnail.isNull()
            pages = 0
            if kind == PDF_TYPE and readable:
                document = open_pdf(path)
                pages = document.pageCount() if document is not None else 0
                if document is not None:
                    document.close()
            self.offered.append(Offered(path, self._name(number, kind, pages, readable), kind, thumbnail))
        self._page = 0
        self.retranslate()

    @staticmethod
    def _name(number: int, kind: str, pages: int, readable: bool) -> str:
        if not readable:
            return _("Document {number} (illisible)").format(number=number)
        return _("Document {number} ({kind})").format(number=number, kind=describe(kind, pages))

    def _reason(self, item: Offered) -> str:
        if item.thumbnail.isNull():
            return _("Ce fichier ne peut pas être ouvert.")
        if not accepts(item.kind, self.accepted):
            words = accepted_words(self.accepted)
            if words:
                return _("Ce site demande : {kinds}.").format(kinds=words)
            return _("Ce site ne prend pas ce type de document.")
        return ""

    # Pages of tiles -----------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.offered) // (COLUMNS * ROWS)))

    def _show_page(self, page: int) -> None:
        self._page = min(max(0, page), self.page_count - 1)
        discard(self.tiles, self.grid)
        self.tiles = []
        start = self._page * COLUMNS * ROWS
        for index, item in enumerate(self.offered[start : start + COLUMNS * ROWS]):
            tile = self._tile(item)
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        self.pager.show_position(self._page, self.page_count)

    def _tile(self, item: Offered) -> PictogramButton:
        reason = self._reason(item)
        chosen = item.path in self.selected
        tile = PictogramButton(
            "" if not item.thumbnail.isNull() else "mdi6.file-alert-outline", vertical=True
        )
        tile.setProperty("refused", "true" if reason else "false")
        if not item.thumbnail.isNull():
            picture = QPixmap.fromImage(_faded(item.thumbnail) if reason else item.thumbnail)
            if chosen:  # a tick on the picture, beside the thick border and the word « Choisi »
                painter = QPainter(picture)
                tick = pictograms.pixmap("mdi6.check-circle", theme.PRIMARY, TICK_PX)
                painter.drawPixmap(picture.width() - TICK_PX, picture.height() - TICK_PX, tick)
                painter.end()
            tile.icon_label.setPixmap(picture)
            tile.icon_label.setVisible(True)
        lines = [item.name]
        if reason:
            lines.append(reason)
        elif chosen:
            lines.append(_("Choisi"))
        tile.set_text(
            "\n".join(lines),
            reason or (_("Envoyer ce document au site.") if not self.multiple else _("Choisir ce document.")),
        )
        tile.set_selected(chosen)
        tile.setEnabled(not reason)
        tile.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        tile.setMaximumHeight(TILE_HEIGHT)
        tile.clicked.connect(lambda _=False, path=item.path: self._touched(path))
        return tile

    def _touched(self, path: Path) -> None:
        if not self.multiple:
            self.chosen.emit([str(path)])
            return
        if path in self.selected:
            self.selected.remove(path)
        else:
            self.selected.append(path)
        self.retranslate()

    def _send_selected(self) -> None:
        if self.selected:
            self.chosen.emit([str(path) for path in self.selected])

    # Words --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(
            _("Choisissez les documents à envoyer")
            if self.multiple
            else _("Choisissez le document à envoyer")
        )
        words = accepted_words(self.accepted)
        if not self.offered:
            sentences = [
                _("Vous n'avez pas encore de document dans cette visite. Vous pouvez scanner un papier.")
            ]
        else:
            sentences = [_("Ce site demande : {kinds}.").format(kinds=words)] if words else []
            sentences.append(
                _("Touchez chaque document à envoyer, puis « Envoyer ».")
                if self.multiple
                else _("Touchez un document pour l'envoyer.")
            )
        hint = " ".join(sentences)
        self.hint.setText(hint)
        self.scan_button.set_text(
            _("Scanner un document"), _("Scanner un papier avec le scanner de l'accueil.")
        )
        self.cancel_button.set_text(_("Annuler"), _("Revenir au site sans rien envoyer."))
        self.send_button.set_text(
            _("Envoyer ({count})").format(count=len(self.selected)),
            _("Envoyer les documents choisis au site."),
        )
        self.send_button.setVisible(self.multiple)
        # With nothing to choose yet, scanning a paper is the way forward: the button says so.
        role = "normal" if self.offered else "primary"
        if self.scan_button.property("role") != role:
            self.scan_button.setProperty("role", role)
            for widget in (self.scan_button, self.scan_button.text_label):  # the label's colour follows
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            self.scan_button.set_pictogram("mdi6.scanner")
        self.send_button.setEnabled(bool(self.selected))
        self._show_page(self._page)

    def spoken_texts(self) -> list[str]:
        return [self.heading.text(), self.hint.text()]
