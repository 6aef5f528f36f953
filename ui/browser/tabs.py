"""The site's tabs: one view per page the site opened, a strip of big buttons to go between them.

The first tab is the procedure's site and cannot be closed; a page the site opens
in a new window (``window.open``, a link to a new tab), and the person's webmail,
become further tabs. Every view shows its page at a readable zoom, and is always
laid out left to right: the site keeps its own direction whatever the person's
language.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from kiosk.i18n.translation import _
from ui.browser.field_bridge import FieldBridge
from ui.browser.page import SitePage
from ui.widgets.blocks import PictogramButton, discard

DEFAULT_ZOOM = 1.25  # official sites are written small; the person reads them larger
MIN_ZOOM = 1.0
MAX_ZOOM = 2.5
ZOOM_STEP = 0.25
TITLE_CHARS = 22  # a tab's label: the start of its page's title


@dataclass
class Tab:
    view: QWebEngineView
    page: SitePage
    fields: FieldBridge


class SiteTabs(QObject):
    """Owns the views and pages of the site; ``forget`` destroys them all (before the profile goes)."""

    current_changed = Signal()
    field_focused = Signal(QWidget, str)  # a field of the current page: where to type, and its kind
    field_left = Signal()

    def __init__(self, stack: QStackedWidget, strip: QWidget) -> None:
        super().__init__(strip)
        self.stack = stack
        self.strip = strip
        self._strip_layout = QHBoxLayout(strip)
        self._strip_layout.setContentsMargins(0, 0, 0, 0)
        self._strip_layout.setSpacing(8)
        self._buttons: list[PictogramButton] = []
        self.tabs: list[Tab] = []
        self.current: Tab | None = None

    def add(self, page: SitePage) -> Tab:
        view = QWebEngineView()
        view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # never mirrored: it is the site's page
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no "save as", "inspect", "copy link"
        view.setPage(page)
        page.setZoomFactor(DEFAULT_ZOOM)
        tab = Tab(view, page, FieldBridge(page, view))
        tab.fields.field_focused.connect(lambda kind, t=tab: self._field_focused(t, kind))
        tab.fields.field_left.connect(lambda t=tab: self._field_left(t))
        self.tabs.append(tab)
        self.stack.addWidget(view)
        page.titleChanged.connect(lambda _title: self._label_tabs())
        page.windowCloseRequested.connect(lambda t=tab: self.close(t))
        self.show(tab)
        return tab

    def show(self, tab: Tab) -> None:
        if self.current is not None and self.current is not tab:
            self.field_left.emit()  # the keyboard was typing into the page now hidden
        self.current = tab
        self.stack.setCurrentWidget(tab.view)
        self._label_tabs()
        self.current_changed.emit()

    def _field_focused(self, tab: Tab, kind: str) -> None:
        if tab is self.current:
            self.field_focused.emit(tab.view.focusProxy(), kind)

    def _field_left(self, tab: Tab) -> None:
        if tab is self.current:
            self.field_left.emit()

    def show_focused_field(self) -> None:
        """The keyboard came up and the page shrank: bring its focused field back in sight."""
        if self.current is not None:
            self.current.fields.show_focused_field()

    def close(self, tab: Tab) -> None:
        """Close a tab the site or the person opened; the procedure's own first tab stays."""
        if tab not in self.tabs or tab is self.tabs[0]:
            return
        index = self.tabs.index(tab)
        self.tabs.remove(tab)
        self.stack.removeWidget(tab.view)
        _destroy(tab)
        if self.current is tab:
            self.show(self.tabs[min(index, len(self.tabs) - 1)])
        else:
            self._label_tabs()

    def zoom(self, steps: int) -> None:
        if self.current is not None:
            page = self.current.page
            page.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, page.zoomFactor() + steps * ZOOM_STEP)))

    def forget(self) -> None:
        """Destroy every view and page now, not later: the profile can only go once they are gone."""
        for tab in self.tabs:
            self.stack.removeWidget(tab.view)
            shiboken6.delete(tab.view)
            shiboken6.delete(tab.page)
        self.tabs = []
        self.current = None
        discard(self._buttons, self._strip_layout)
        self._buttons = []

    def _label_tabs(self) -> None:
        """One big button per tab, shown only when the site opened more than one."""
        discard(self._buttons, self._strip_layout)
        self._buttons = []
        for number, tab in enumerate(self.tabs, start=1):
            title = tab.page.title() or _("Page {number}").format(number=number)
            label = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
            button = PictogramButton("mdi6.tab")
            button.set_text(label, _("Montrer cette page du site."))
            button.set_selected(tab is self.current)
            button.clicked.connect(lambda _=False, t=tab: self.show(t))
            self._strip_layout.addWidget(button, 1)
            self._buttons.append(button)
            if number > 1:
                close = PictogramButton("mdi6.close-thick")
                close.set_text("", _("Fermer cette page : {title}").format(title=title))
                close.setAccessibleName(_("Fermer cette page"))
                close.clicked.connect(lambda _=False, t=tab: self.close(t))
                self._strip_layout.addWidget(close)
                self._buttons.append(close)
        self.strip.setVisible(len(self.tabs) > 1)


def _destroy(tab: Tab) -> None:
    """The view, then its page, once the signal that closed the tab has returned (it may be the page's)."""
    tab.view.deleteLater()
    tab.page.deleteLater()
