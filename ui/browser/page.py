"""One page of the official site: what it may open, and everything it may not ask the kiosk for.

A navigation outside the allow-list (a link, a redirect, a form posting elsewhere,
``window.open``) is refused and reported, so the panel shows the person why in
their language; a frame from elsewhere stays empty. Certificate errors are never
bypassed. Camera, microphone, location, notifications, clipboard, screen capture,
full screen, file-system access and protocol handlers are refused without asking.
The page's console messages are dropped: what a site logs may carry what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineDesktopMediaRequest,
    QWebEngineFileSystemAccessRequest,
    QWebEngineFullScreenRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineRegisterProtocolHandlerRequest,
)

from kiosk.browsing.allow_list import AllowList

# (accepted MIME types, several files allowed) -> the chosen files' paths, [] when the person cancelled
FileChooser = Callable[[list[str], bool], list[str]]
# (what the site says, whether it asks yes or no) -> True for « OK », False for « Annuler »
SiteQuestion = Callable[[str, bool], bool]


class SitePage(QWebEnginePage):
    blocked = Signal(str)  # the address refused, for the panel to explain (never logged)
    certificate_refused = Signal()
    tab_requested = Signal(object)  # a new SitePage the site opened (window.open, target=_blank)

    def __init__(
        self,
        profile: QWebEngineProfile,
        allow_list: AllowList,
        choose_files: FileChooser,
        ask: SiteQuestion,
        parent: QObject,
    ) -> None:
        super().__init__(profile, parent)
        self.owner = parent  # the panel: it owns every page of the site, and destroys them
        self.allow_list = allow_list
        self.choose_files = choose_files
        self.ask = ask
        self.permissionRequested.connect(lambda permission: permission.deny())
        self.fullScreenRequested.connect(self._refuse_full_screen)
        self.certificateError.connect(self._refuse_certificate)
        self.desktopMediaRequested.connect(self._refuse_screen_capture)
        self.fileSystemAccessRequested.connect(self._refuse_file_system)
        self.registerProtocolHandlerRequested.connect(self._refuse_protocol_handler)

    def acceptNavigationRequest(  # noqa: N802 - Qt override
        self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        address = url.toString() if isinstance(url, QUrl) else url
        if self.allow_list.allows(address):
            return True
        if is_main_frame:
            self.blocked.emit(address)
        return False

    def createWindow(self, window_type: QWebEnginePage.WebWindowType) -> QWebEnginePage:  # noqa: N802
        """A new window of the site opens as a tab of the panel (its address is checked like any other)."""
        page = SitePage(self.profile(), self.allow_list, self.choose_files, self.ask, self.owner)
        self.tab_requested.emit(page)
        return page

    def chooseFiles(  # noqa: N802 - Qt override
        self,
        mode: QWebEnginePage.FileSelectionMode,
        old_files: Sequence[str],
        accepted_mime_types: Sequence[str],
    ) -> list[str]:
        """Only the visit's own files, through the kiosk's picker: never the system's file dialog."""
        multiple = mode is QWebEnginePage.FileSelectionMode.FileSelectOpenMultiple
        return self.choose_files(list(accepted_mime_types), multiple)

    def javaScriptAlert(self, origin: QUrl | str, message: str) -> None:  # noqa: N802 - Qt override
        """What the site says in a box: in the kiosk's own large panel, not a small system window."""
        self.ask(message, False)

    def javaScriptConfirm(self, origin: QUrl | str, message: str) -> bool:  # noqa: N802 - Qt override
        return self.ask(message, True)

    def javaScriptPrompt(  # noqa: N802 - Qt override
        self, origin: QUrl | str, message: str, default: str
    ) -> tuple[bool, str]:
        """Refused: a site asks for typing in its own fields, where the kiosk's keyboard comes up."""
        return False, ""

    def javaScriptConsoleMessage(  # noqa: N802 - Qt override
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        """Dropped: a site's console may echo what was typed; the kiosk's log keeps nothing personal."""

    def _refuse_full_screen(self, request: QWebEngineFullScreenRequest) -> None:
        request.reject()

    def _refuse_certificate(self, error: QWebEngineCertificateError) -> None:
        error.rejectCertificate()
        if error.isMainFrame():
            self.certificate_refused.emit()

    def _refuse_screen_capture(self, request: QWebEngineDesktopMediaRequest) -> None:
        request.cancel()

    def _refuse_file_system(self, request: QWebEngineFileSystemAccessRequest) -> None:
        request.reject()

    def _refuse_protocol_handler(self, request: QWebEngineRegisterProtocolHandlerRequest) -> None:
        request.reject()
