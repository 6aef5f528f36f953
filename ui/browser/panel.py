"""The official site in the kiosk: its tabs, big zoom buttons, the webmail, the visit's documents.

Built when the person first asks for the site and destroyed when the visit ends
(``forget``): every page, then the private profile, so nothing of the person stays
in memory or on disk. Everything the site cannot be trusted to show (a page outside
its allow-list, no network, an untrusted certificate) is a ``SiteNotice`` in the
person's language; downloads land in the visit's own folder and open in the kiosk;
uploads choose among those files only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest, QWebEngineLoadingInfo, QWebEngineProfile
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.browsing.allow_list import AllowList
from kiosk.browsing.scanner import Scanner
from kiosk.browsing.visit_files import TooManyFiles, VisitFiles
from kiosk.content.procedures import Procedure
from kiosk.i18n.translation import _, content
from kiosk.station import Station
from ui.browser.notices import NoticeAction, SiteNotice, Trouble
from ui.browser.page import SitePage
from ui.browser.profile import private_profile
from ui.browser.tabs import SiteTabs, Tab
from ui.widgets.blocks import PictogramButton, text_label

if TYPE_CHECKING:
    from ui.browser.file_picker import FilePicker
    from ui.browser.scan_panel import ScanPanel


LoadStatus = QWebEngineLoadingInfo.LoadStatus
BLOCKED_BY_KIOSK = -20  # Chromium's ERR_BLOCKED_BY_CLIENT: the profile's frame guard refused the address
LOAD_TIMEOUT_MS = 30_000  # a page that has not loaded by then: the site is said not to answer
MAX_DOWNLOAD_BYTES = 30 * 1024 * 1024  # an attestation or a notice is well under this
OPENED_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
WEBMAIL_COLUMNS = 2
TOOL_MIN_PX = 104  # as the kiosk's bar


def tool_button(pictogram: str) -> PictogramButton:
    """A button of the panel's bar: pictogram above a short word, like the kiosk's own bar."""
    button = PictogramButton(pictogram, role="bar", vertical=True, icon_px=32)
    button.setMinimumWidth(TOOL_MIN_PX)
    return button


class SitePanel(QWidget):
    page_changed = Signal(str, str)  # address and title of the page on screen, for the guide to follow
    speak_requested = Signal(list)
    help_requested = Signal()
    practice_requested = Signal()
    close_requested = Signal()

    def __init__(self, station: Station, procedure: Procedure, files: VisitFiles) -> None:
        super().__init__()
        self.setObjectName("SitePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.station = station
        self.procedure = procedure
        self.files = files
        self.allow_list = AllowList.for_procedure(procedure, station.catalog.browser_hosts)
        profile, guard = private_profile(self.allow_list, files.folder, self)
        self.profile: QWebEngineProfile | None = profile
        # Held here: Qt keeps the guard's C++ half alive, but without a Python reference its
        # interceptRequest override would be collected, and every frame let through unchecked.
        self.guard = guard
        guard.refused.connect(self._refused_by_guard)
        self.profile.downloadRequested.connect(self._download)
        self._waiting: QEventLoop | None = None  # the person is choosing a file or answering the site
        self.scanner = Scanner()
        self.scanning: ScanPanel | None = None  # built the first time the person scans
        self._picked: list[str] = []
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(LOAD_TIMEOUT_MS)
        self._load_timer.timeout.connect(self._timed_out)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        tools = QHBoxLayout()
        self.zoom_out = tool_button("mdi6.magnify-minus-outline")
        self.zoom_in = tool_button("mdi6.magnify-plus-outline")
        self.webmail_button = tool_button("mdi6.email-outline")
        self.documents_button = tool_button("mdi6.file-document-multiple-outline")
        self.close_button = tool_button("mdi6.close-box-outline")
        self.webmail_button.clicked.connect(self.show_webmail_choice)
        self.documents_button.clicked.connect(self.show_documents)
        self.close_button.clicked.connect(self.close_requested)
        for button in (self.zoom_out, self.zoom_in, self.webmail_button, self.documents_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.close_button)
        layout.addLayout(tools)
        strip = QWidget()
        layout.addWidget(strip)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.tabs = SiteTabs(self.stack, strip)
        self.zoom_out.clicked.connect(lambda: self.tabs.zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.tabs.zoom(+1))
        self.tabs.current_changed.connect(self._report_page)
        self.field_focused = self.tabs.field_focused  # (the view's focus proxy, the field's kind)
        self.field_left = self.tabs.field_left
        self.notice = SiteNotice()
        self.stack.addWidget(self.notice)
        self.webmail = self._webmail_choice()
        self.stack.addWidget(self.webmail)
        self.retranslate()
        self.open_tab(procedure.urls[0])

    # The site's pages ----------------------------------------------------------------
    def open_tab(self, address: str) -> Tab:
        page = self._new_page()
        tab = self.tabs.add(page)
        page.load(QUrl(address))
        return tab

    def _new_page(self) -> SitePage:
        if self.profile is None:
            raise RuntimeError("the site panel was forgotten")
        page = SitePage(self.profile, self.allow_list, self._choose_files, self._ask, self)
        self._watch(page)
        return page

    def _watch(self, page: SitePage) -> None:
        page.blocked.connect(lambda _address: self._show_trouble(Trouble.BLOCKED))
        page.certificate_refused.connect(lambda: self._show_trouble(Trouble.UNTRUSTED))
        page.tab_requested.connect(self._adopt)
        page.loadingChanged.connect(lambda loading, p=page: self._loading_changed(p, loading))
        page.urlChanged.connect(lambda _url, p=page: self._report_page(p))
        page.titleChanged.connect(lambda _title, p=page: self._report_page(p))

    def _adopt(self, page: SitePage) -> None:
        """A page the site opened in a new window becomes a tab."""
        self._watch(page)
        self.tabs.add(page)

    def _loading_changed(self, page: SitePage, loading: QWebEngineLoadingInfo) -> None:
        """Each navigation of the page on screen: started, done, or failed (and why, said plainly)."""
        if self.tabs.current is None or page is not self.tabs.current.page:
            return
        status = loading.status()
        if status is LoadStatus.LoadStartedStatus:
            self._load_timer.start()
            return
        self._load_timer.stop()
        showing_trouble = self.stack.currentWidget() is self.notice
        if status is LoadStatus.LoadSucceededStatus:
            if showing_trouble and self.notice.trouble is Trouble.UNREACHABLE:
                self.show_site()  # « Réessayer » worked
        elif status is LoadStatus.LoadFailedStatus and not showing_trouble:
            refused = loading.errorCode() == BLOCKED_BY_KIOSK or not self.allow_list.allows(
                loading.url().toString()
            )
            self._show_trouble(Trouble.BLOCKED if refused else Trouble.UNREACHABLE)

    def _timed_out(self) -> None:
        if self.tabs.current is not None:
            self.tabs.current.page.triggerAction(SitePage.WebAction.Stop)
        self._show_trouble(Trouble.UNREACHABLE)

    def _report_page(self, page: SitePage | None = None) -> None:
        current = self.tabs.current
        if current is None or (page is not None and page is not current.page):
            return
        self.page_changed.emit(current.page.url().toString(), current.page.title())

    def show_site(self) -> None:
        if self.tabs.current is not None:
            self.stack.setCurrentWidget(self.tabs.current.view)

    # What went wrong, said plainly ---------------------------------------------------
    def _show_trouble(self, trouble: Trouble) -> None:
        back = NoticeAction(
            "mdi6.arrow-u-left-top",
            _("Revenir"),
            _("Revenir à la page d'avant du site."),
            self._back,
            "primary",
        )
        help_ = NoticeAction(
            "mdi6.hand-wave-outline",
            _("Aide"),
            _("Appeler une personne de l'accueil."),
            self.help_requested.emit,
            "help",
        )
        actions = [back, help_]
        extra = ""
        if trouble is Trouble.UNREACHABLE:
            retry = NoticeAction(
                "mdi6.refresh", _("Réessayer"), _("Charger la page encore une fois."), self._retry, "primary"
            )
            actions = [retry, help_]
            if self.procedure.id in self.station.catalog.practice:
                actions.insert(
                    1,
                    NoticeAction(
                        "mdi6.school-outline",
                        _("S'exercer en attendant"),
                        _("Essayer sur un faux site, où les erreurs ne comptent pas."),
                        self.practice_requested.emit,
                    ),
                )
            ways = [content(channel.text) for channel in self.procedure.channels]
            if ways:
                extra = "\n".join([_("Vous pouvez aussi le faire autrement :"), *ways])
        self.notice.present(trouble, actions, extra)
        self.stack.setCurrentWidget(self.notice)
        self.speak_requested.emit(self.notice.spoken_texts())

    def _refused_by_guard(self) -> None:
        if self.stack.currentWidget() is not self.notice:
            self._show_trouble(Trouble.BLOCKED)

    def _back(self) -> None:
        """« Revenir »: the page the person was on, which the refused address never replaced."""
        self.show_site()

    def _retry(self) -> None:
        current = self.tabs.current
        if current is None:
            return
        self.show_site()
        if current.page.url().isEmpty():
            current.page.load(QUrl(self.procedure.urls[0]))
        else:
            current.page.triggerAction(SitePage.WebAction.Reload)

    # The person's webmail, for the code the site sends -----------------------------------
    def _webmail_choice(self) -> QWidget:
        choice = QWidget()
        layout = QVBoxLayout(choice)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        self.webmail_title = text_label("title")
        self.webmail_hint = text_label()
        layout.addWidget(self.webmail_title)
        layout.addWidget(self.webmail_hint)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.webmail_buttons: list[PictogramButton] = []
        for index, webmail in enumerate(self.station.catalog.browser_hosts.webmail):
            button = PictogramButton("mdi6.email-open-outline")
            button.clicked.connect(lambda _=False, address=webmail.address: self._open_webmail(address))
            grid.addWidget(button, index // WEBMAIL_COLUMNS, index % WEBMAIL_COLUMNS)
            self.webmail_buttons.append(button)
        layout.addLayout(grid)
        self.webmail_back = PictogramButton("mdi6.arrow-u-left-top")
        self.webmail_back.clicked.connect(self.show_site)
        layout.addWidget(self.webmail_back, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addStretch(1)
        return choice

    def show_webmail_choice(self) -> None:
        self.stack.setCurrentWidget(self.webmail)
        self.speak_requested.emit([self.webmail_title.text(), self.webmail_hint.text()])

    def _open_webmail(self, address: str) -> None:
        self.open_tab(address)
        self.show_site()

    # Documents: downloads in, uploads out, only the visit's own files -------------------------
    def _download(self, download: QWebEngineDownloadRequest) -> None:
        if download.page() is None or download.mimeType() not in OPENED_TYPES:
            download.cancel()
            return
        if download.totalBytes() > MAX_DOWNLOAD_BYTES:
            download.cancel()
            return
        try:
            path = self.files.reserve(download.downloadFileName() or "document")
            path.unlink()  # the name is the visit's; Chromium writes the file itself
        except TooManyFiles:
            download.cancel()
            return
        download.setDownloadDirectory(str(path.parent))
        download.setDownloadFileName(path.name)
        download.receivedBytesChanged.connect(lambda: _cap(download))
        download.isFinishedChanged.connect(lambda: self._downloaded(download, path))
        download.accept()

    def _downloaded(self, download: QWebEngineDownloadRequest, path: Path) -> None:
        if download.state() is QWebEngineDownloadRequest.DownloadState.DownloadCompleted:
            self.show_document(path)
        else:
            path.unlink(missing_ok=True)

    def show_documents(self) -> None:
        """The visit's files (what the site gave, what was scanned): touch one to see or print it."""
        picker = self._picker([], multiple=False)
        picker.chosen.connect(lambda paths: self._replace(picker, lambda: self.show_document(Path(paths[0]))))
        picker.cancelled.connect(lambda: self._close_widget(picker))

    def scan(self, then: Callable[[], None]) -> None:
        """« Scanner un document »: the pages go into one PDF of the visit's folder, then ``then()``."""
        from ui.browser.scan_panel import ScanPanel

        panel = self.scanning = ScanPanel(self.files, self.scanner)
        panel.speak_requested.connect(self.speak_requested)
        panel.finished.connect(lambda _pdf: self._done_scanning(panel, then))
        panel.cancelled.connect(lambda: self._done_scanning(panel, then))
        self._push(panel)
        self.speak_requested.emit(panel.spoken_texts())

    def _done_scanning(self, panel: ScanPanel, then: Callable[[], None]) -> None:
        self.scanning = None
        self._replace(panel, then)

    def show_document(self, path: Path) -> None:
        from ui.browser.documents import DocumentViewer  # QtPdf, when a document is first shown

        viewer = DocumentViewer(self.station.recap_folder)
        viewer.closed.connect(lambda: self._close_widget(viewer))
        viewer.speak_requested.connect(self.speak_requested)
        self._push(viewer)
        viewer.show_file(path)
        self.speak_requested.emit(viewer.spoken_texts())

    def _picker(self, accepted: list[str], multiple: bool) -> FilePicker:
        from ui.browser.file_picker import FilePicker

        picker = FilePicker()
        picker.choose(self.files.files(), accepted, multiple)
        picker.scan_requested.connect(lambda: self.scan(lambda: self._back_to(picker, accepted, multiple)))
        self._push(picker)
        self.speak_requested.emit(picker.spoken_texts())
        return picker

    def _back_to(self, picker: FilePicker, accepted: list[str], multiple: bool) -> None:
        """From the scanner back to the picker, with the new document among the visit's files."""
        picker.choose(self.files.files(), accepted, multiple)
        self.stack.setCurrentWidget(picker)

    def _push(self, widget: QWidget) -> None:
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def _replace(self, widget: QWidget, then: Callable[[], None]) -> None:
        self.stack.removeWidget(widget)
        widget.deleteLater()
        then()

    def _close_widget(self, widget: QWidget) -> None:
        self._replace(widget, self.show_site)

    def _choose_files(self, accepted: list[str], multiple: bool) -> list[str]:
        """The site asks for a file: the kiosk's own picker, over the site, until the person chooses."""
        picker = self._picker(accepted, multiple)
        self._picked = []
        loop = self._waiting = QEventLoop(self)
        picker.chosen.connect(lambda paths: self._end_picking(list(paths)))
        picker.cancelled.connect(lambda: self._end_picking([]))
        loop.exec()
        self._waiting = None
        self._close_widget(picker)
        return self._picked

    def _ask(self, message: str, yes_or_no: bool) -> bool:
        """The site says something (or asks yes or no): over the site, large, read aloud, until answered."""
        answer: list[bool] = []
        loop = self._waiting = QEventLoop(self)

        def reply(value: bool) -> None:
            answer.append(value)
            loop.quit()

        actions = [
            NoticeAction(
                "mdi6.check-bold", _("OK"), _("Répondre oui au site."), lambda: reply(True), "primary"
            )
        ]
        if yes_or_no:
            actions.append(
                NoticeAction(
                    "mdi6.close-thick", _("Annuler"), _("Répondre non au site."), lambda: reply(False)
                )
            )
        self.notice.trouble = None
        self.notice.present_text("mdi6.message-alert-outline", _("Le site vous dit :"), message, actions)
        self.stack.setCurrentWidget(self.notice)
        self.speak_requested.emit(self.notice.spoken_texts())
        loop.exec()
        self._waiting = None
        self.show_site()
        return bool(answer and answer[0])

    def _end_picking(self, paths: list[str]) -> None:
        self._picked = paths
        if self._waiting is not None:
            self._waiting.quit()

    def retranslate(self) -> None:
        self.zoom_out.set_text(_("Plus petit"), _("Afficher le site en plus petit."))
        self.zoom_in.set_text(_("Plus grand"), _("Afficher le site en plus grand."))
        self.webmail_button.set_text(_("E-mails"), _("Ouvrir votre messagerie, pour lire un code reçu."))
        self.documents_button.set_text(_("Documents"), _("Voir les documents de cette visite."))
        self.close_button.set_text(_("Fermer"), _("Fermer le site. Le guide reste ouvert."))
        self.webmail_title.setText(_("Ouvrir votre messagerie"))
        self.webmail_hint.setText(
            _(
                "Le site vous envoie parfois un code par e-mail. Choisissez votre messagerie : "
                "elle s'ouvre dans une autre page, le site vous attend."
            )
        )
        for button, webmail in zip(
            self.webmail_buttons, self.station.catalog.browser_hosts.webmail, strict=True
        ):
            button.set_text(webmail.name, _("Ouvrir {name}.").format(name=webmail.name))
        self.webmail_back.set_text(_("Revenir au site"), _("Revenir à la page du site."))

    def forget(self) -> None:
        """Destroy every page, then the profile: what the person did on the site is gone."""
        if self._waiting is not None:
            self._end_picking([])
        if self.scanning is not None:
            self.scanning.stop()  # a scan in progress is killed, its pages deleted
        self._load_timer.stop()
        self.tabs.forget()
        if self.profile is not None:
            shiboken6.delete(self.profile)  # now: its cookies, cache and storage go with it
            self.profile = None


def _cap(download: QWebEngineDownloadRequest) -> None:
    """A download that grows past the limit is stopped (its size was not announced)."""
    if download.receivedBytes() > MAX_DOWNLOAD_BYTES:
        download.cancel()
