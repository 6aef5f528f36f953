"""« Scanner un document »: the structure's scanner, one page or several into ONE PDF for the site.

The person lays a sheet on the glass and touches « Scanner une page »; each page scanned shows
as a preview; « Ajouter une page » scans the next one, « Recommencer » throws them away,
« Terminer » writes the PDF into the visit's folder (``finished(Path)``), « Annuler » stops and
keeps nothing (``cancelled()``). Scanning runs on a worker thread, so the screen never freezes;
every problem is said plainly, with whose fault it is (never the person's), and read aloud.

The owner calls :meth:`ScanPanel.stop` when the visit ends, before the visit's folder is wiped:
it stops a scan in progress (its page is never written) and deletes the pages not yet in a PDF.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.browsing.scanner import (
    PDF_LIMIT_BYTES,
    DocumentFull,
    NoScanner,
    ScanCancelled,
    ScannedDocument,
    ScannedPage,
    Scanner,
    ScannerBusy,
    ScannerNeedsAttention,
    ScanningUnavailable,
    ScanTimedOut,
)
from kiosk.browsing.visit_files import TooManyFiles, VisitFiles
from kiosk.errors import DiskFull, EnvironmentFault
from kiosk.i18n.translation import _, format_number
from ui import theme
from ui.widgets.blocks import PictogramButton, WarningBox, discard, text_label

PREVIEW_HEIGHT = 220  # px: a whole A4 page, small, several side by side at 1024 px
MARGIN = 24
SPACING = 16
MEGABYTE = 1_000_000  # as the sites count a "Mo"


def problem_text(error: BaseException) -> str:
    """What to tell the person about a failed scan, in plain words, in the active language."""
    if isinstance(error, ScanningUnavailable):
        return _(
            "Le scanner n'est pas installé sur ce kiosque. Ce n'est pas de votre faute. "
            "Demandez à l'accueil : on peut scanner votre document pour vous."
        )
    if isinstance(error, NoScanner):
        return _(
            "Le kiosque ne trouve pas le scanner. Vérifiez qu'il est branché et allumé, "
            "puis réessayez. Sinon, demandez à l'accueil."
        )
    if isinstance(error, ScannerBusy):
        return _("Le scanner est occupé. Attendez un moment, puis réessayez.")
    if isinstance(error, ScannerNeedsAttention):
        if error.problem == ScannerNeedsAttention.COVER_OPEN:
            return _("Le capot du scanner est ouvert. Fermez-le, puis réessayez.")
        if error.problem == ScannerNeedsAttention.NO_DOCUMENT:
            return _("Le scanner ne trouve pas de feuille. Posez votre feuille, puis réessayez.")
        return _("Une feuille est coincée dans le scanner. Demandez à l'accueil de l'enlever.")
    if isinstance(error, ScanTimedOut):
        return _(
            "Le scanner ne répond pas. Vérifiez qu'il est allumé, puis réessayez. "
            "Sinon, demandez à l'accueil."
        )
    if isinstance(error, DocumentFull):
        return _(
            "Ce document a atteint la taille que les sites acceptent. Touchez « Terminer » : "
            "vous pourrez scanner la suite dans un autre document."
        )
    if isinstance(error, TooManyFiles):
        return _(
            "Cette visite a déjà beaucoup de documents : le kiosque ne peut pas en garder plus. "
            "Demandez à l'accueil."
        )
    if isinstance(error, DiskFull):
        return _(
            "Le kiosque n'a plus de place pour garder votre document. Ce n'est pas de votre faute. "
            "Demandez à l'accueil."
        )
    if isinstance(error, EnvironmentFault):  # the scanner failed, or the kiosk cannot write
        return _("Le scanner ne fonctionne pas bien. Ce n'est pas de votre faute. Demandez à l'accueil.")
    return _("Le scan n'a pas marché. Ce n'est pas de votre faute. Demandez à l'accueil.")


def preview_of(page: ScannedPage) -> QImage:
    """A small picture of the page, decoded at the preview's size (cheap, on the worker thread)."""
    reader = QImageReader(str(page.path))
    size = reader.size()
    if size.isValid() and size.height() > 0:
        reader.setScaledSize(size.scaled(QSize(10_000, PREVIEW_HEIGHT), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class _Relay(QObject):
    """Brings a worker's result back to the GUI thread. One for the whole kiosk, never deleted: a scan
    stopped at the end of a visit still finishes on its thread, and must have somewhere to report to."""

    finished = Signal(object, object, object)  # the job, its result, its error


@cache
def _relay() -> _Relay:
    return _Relay()  # made on the GUI thread (by the first panel), where its signals are delivered


@dataclass(eq=False)
class _Job:
    """One piece of work off the GUI thread, and what to do with its result once back on it."""

    work: Callable[[], object]
    done: Callable[[object], None]

    def start(self) -> None:
        threading.Thread(target=self._run, name="scan", daemon=True).start()

    def _run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - every failure is told to the person by the panel
            _relay().finished.emit(self, None, error)
        else:
            _relay().finished.emit(self, result, None)


class ScanPanel(QWidget):
    finished = Signal(Path)  # the PDF, in the visit's folder
    cancelled = Signal()
    speak_requested = Signal(list)

    def __init__(self, files: VisitFiles, scanner: Scanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScanPanel")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.BACKGROUND)
        self.setPalette(palette)
        self.files = files
        self.scanner = scanner
        self.document = ScannedDocument(files, scanner)
        self._job: _Job | None = None
        _relay().finished.connect(self._job_finished)
        self._previews: list[QWidget] = []
        self._problem: BaseException | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 16, MARGIN, 16)
        layout.setSpacing(16)
        self.title = text_label("title")
        self.instruction = text_label()
        self.colour_button = PictogramButton("mdi6.checkbox-blank-outline")
        self.colour_button.setCheckable(True)
        self.colour_button.toggled.connect(self._colour_toggled)
        guidance = QHBoxLayout()
        guidance.setSpacing(16)
        guidance.addWidget(self.instruction, 1)
        guidance.addWidget(self.colour_button, 0, Qt.AlignmentFlag.AlignTop)
        self.status = text_label("hint")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # moving: the scanner is working, the kiosk is not stuck
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(24)
        self.problem = WarningBox()
        self.problem.set_text("")
        layout.addWidget(self.title)
        layout.addLayout(guidance)
        for widget in (self.status, self.progress, self.problem):
            layout.addWidget(widget)

        self.strip = QWidget()
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(16)
        self.strip_layout.addStretch(1)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setFrameShape(QFrame.Shape.NoFrame)
        self.pages_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages_area.setWidget(self.strip)
        self.pages_area.setMinimumHeight(PREVIEW_HEIGHT + 48)
        QScroller.grabGesture(self.pages_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # The strip widens for a new page only once Qt has laid it out, on a later turn: scroll to its
        # end then (the newest page, in either reading direction), or once the pages no longer fit
        # the newest stays off the screen. (QScrollArea.ensureWidgetVisible ignores right-to-left.)
        self.pages_area.horizontalScrollBar().rangeChanged.connect(self._show_newest_page)
        layout.addWidget(self.pages_area, 100)
        layout.addStretch(1)  # before the first page: the actions stay at the bottom

        self.cancel_button = PictogramButton("mdi6.close-circle-outline")
        self.restart_button = PictogramButton("mdi6.restart")
        self.scan_button = PictogramButton("mdi6.scanner", role="primary")
        self.add_button = PictogramButton("mdi6.file-document-plus-outline")
        self.finish_button = PictogramButton("mdi6.check-bold", role="primary")
        self.cancel_button.clicked.connect(self.cancel)
        self.restart_button.clicked.connect(self.restart)
        self.scan_button.clicked.connect(self.scan_page)
        self.add_button.clicked.connect(self.scan_page)
        self.finish_button.clicked.connect(self.finish)
        self.action_grid = QGridLayout()
        self.action_grid.setHorizontalSpacing(SPACING)
        self.action_grid.setVerticalSpacing(SPACING)
        layout.addLayout(self.action_grid)
        self._one_row: bool | None = None
        self.retranslate()

    # What the person sees ------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

    def retranslate(self) -> None:
        self.title.setText(_("Scanner un document"))
        self.cancel_button.set_text(_("Annuler"), _("Arrêter et ne rien garder de ce scan."))
        self.restart_button.set_text(_("Recommencer"), _("Effacer les pages scannées et recommencer."))
        self.colour_button.set_text(
            _("En couleur"), _("Scanner en couleur : pour une carte d'identité ou une photo.")
        )
        self.scan_button.set_text(_("Scanner une page"), _("Scanner la feuille posée sur le scanner."))
        self.add_button.set_text(_("Ajouter une page"), _("Scanner une autre feuille pour le même document."))
        self.finish_button.set_text(
            _("Terminer"), _("Faire un seul document avec toutes les pages, pour l'envoyer sur le site.")
        )
        self.problem.set_text(problem_text(self._problem) if self._problem is not None else "")
        self._refresh()

    def _refresh(self) -> None:
        pages = self.document.pages
        busy = self.busy
        if busy:
            self.instruction.setText(_("Le scanner travaille. Ne soulevez pas le capot."))
        elif pages:
            self.instruction.setText(
                _(
                    "Vérifiez les pages. Pour une autre page, posez-la sur la vitre "
                    "et touchez « Ajouter une page »."
                )
            )
        else:
            self.instruction.setText(
                _(
                    "Posez votre feuille sur la vitre du scanner, face écrite contre la vitre, "
                    "dans le coin marqué d'une flèche. Fermez le capot."
                )
            )
        size = self.document.estimated_bytes() / MEGABYTE
        self.status.setText(
            _(
                "Pages scannées : {count}. Taille : {size} Mo (les sites acceptent jusqu'à {limit} Mo)."
            ).format(
                count=len(pages),
                size=format_number(round(size, 1)),
                limit=format_number(PDF_LIMIT_BYTES // MEGABYTE),
            )
        )
        self.status.setVisible(bool(pages))
        self.progress.setVisible(busy)
        self.pages_area.setVisible(bool(pages))
        # While the scanner works, only « Annuler » is offered: nothing that looks touchable and is not.
        self.scan_button.setVisible(not pages and not busy)
        self.add_button.setVisible(bool(pages) and not busy)
        self.finish_button.setVisible(bool(pages) and not busy)
        self.restart_button.setVisible(bool(pages) and not busy)
        self.colour_button.setVisible(not busy)
        self._arrange_actions()
        self.colour_button.set_pictogram(
            "mdi6.checkbox-marked-outline"
            if self.colour_button.isChecked()
            else "mdi6.checkbox-blank-outline"
        )

    def _arrange_actions(self) -> None:
        """One row of actions when they fit the width (the main one at the reading end), else two:
        the person's way out and « Recommencer » above, the actions that go on below."""
        shown = [button for button in self._action_buttons() if not button.isHidden()]
        needed = sum(button.sizeHint().width() for button in shown) + SPACING * len(shown) + 2 * MARGIN
        one_row = needed <= self.width()
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for button in self._action_buttons():
            self.action_grid.removeWidget(button)
        leading, going_on = (self.cancel_button, self.restart_button), (self.scan_button, self.add_button)
        for column, button in enumerate(leading):
            self.action_grid.addWidget(button, 0, column)
        row, first = (0, 3) if one_row else (1, 1)
        for column, button in enumerate((*going_on, self.finish_button), start=first):
            self.action_grid.addWidget(button, row, column)
        for column in range(6):
            self.action_grid.setColumnStretch(column, 0)
        self.action_grid.setColumnStretch(2 if one_row else 0, 1)

    def _action_buttons(self) -> tuple[PictogramButton, ...]:
        return (
            self.cancel_button,
            self.restart_button,
            self.scan_button,
            self.add_button,
            self.finish_button,
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_actions()

    def spoken_texts(self) -> list[str]:
        texts = [self.title.text(), self.instruction.text()]
        return texts + ([self.problem.label.text()] if self._problem is not None else [])

    def _colour_toggled(self, _checked: bool) -> None:
        self._refresh()

    def _say_problem(self, error: BaseException | None) -> None:
        self._problem = error
        self.problem.set_text(problem_text(error) if error is not None else "")
        if error is not None:
            self.speak_requested.emit([self.problem.label.text()])

    # What the buttons do ---------------------------------------------------------------
    def _start(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        job = _Job(work, done)
        self._job = job
        self._say_problem(None)
        self._refresh()
        job.start()

    def _job_finished(self, job: object, result: object, error: object) -> None:
        if job is not self._job or not isinstance(job, _Job):  # another panel's, or a cancelled document's
            return
        self._job = None
        if error is None:
            job.done(result)
        elif not isinstance(error, ScanCancelled):
            self._say_problem(error if isinstance(error, BaseException) else None)
        self._refresh()

    def scan_page(self) -> None:
        """« Scanner une page » / « Ajouter une page »: scan the sheet on the glass, off the GUI thread."""
        if self.busy:
            return
        document, colour = self.document, self.colour_button.isChecked()

        def work() -> tuple[ScannedPage, QImage]:
            page = document.add_page(colour=colour)
            return page, preview_of(page)

        self._start(work, self._page_scanned)

    def _page_scanned(self, result: object) -> None:
        page, image = result if isinstance(result, tuple) else (None, QImage())
        if not isinstance(page, ScannedPage):
            return
        number = len(self._previews) + 1
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.setSpacing(4)
        picture = QLabel()
        picture.setPixmap(QPixmap.fromImage(image))
        picture.setFrameShape(QFrame.Shape.Box)
        picture.setAccessibleName(_("Page {number}").format(number=number))
        caption = text_label(wrap=False)
        caption.setText(_("Page {number}").format(number=number))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(caption)
        card_layout.addStretch(1)
        self.strip_layout.insertWidget(len(self._previews), card)
        # Shown now, not on Qt's next turn as a layout does it: the page is on screen when it is counted.
        card.show()
        self._previews.append(card)
        self._refresh()
        self.speak_requested.emit(
            [_("Page {number} scannée.").format(number=number), self.instruction.text()]
        )

    def _show_newest_page(self, _minimum: int, maximum: int) -> None:
        self.pages_area.horizontalScrollBar().setValue(maximum)

    def restart(self) -> None:
        """« Recommencer »: the pages scanned so far are deleted; the next scan starts a new document."""
        if self.busy:
            return
        self.document.discard()
        self._clear_previews()
        self._say_problem(None)
        self._refresh()

    def finish(self) -> None:
        """« Terminer »: one PDF of every page, in the visit's folder, then ``finished(path)``."""
        if self.busy or not self.document.pages:
            return
        self._start(self.document.finish, self._finished)

    def _finished(self, result: object) -> None:
        if not isinstance(result, Path):
            return
        self._fresh_document()
        self.finished.emit(result)

    def cancel(self) -> None:
        """« Annuler »: stop a scan in progress, delete every page, then ``cancelled()``."""
        self.stop()
        self.cancelled.emit()

    def stop(self) -> None:
        """Stop everything and keep nothing (the visit ends): no page of this panel outlives it."""
        self.document.cancel()
        self._fresh_document()

    def _fresh_document(self) -> None:
        self.document = ScannedDocument(self.files, self.scanner, device=self.document.device)
        self._job = None  # a job still running belongs to the old document: its result is ignored
        self._clear_previews()
        self._say_problem(None)
        self._refresh()

    def _clear_previews(self) -> None:
        discard(self._previews, self.strip_layout)
        self._previews = []
