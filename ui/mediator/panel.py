"""Mediator mode's panel, opened over the person's screen by a discreet gesture and a PIN.

It holds the pages, registered here in one place, switches between them and hands back exactly where
the person was: the person's navigation is never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.mediation.pin import PinLock
from kiosk.station import Station
from kiosk.visit.recap import STRUCTURE_NAME
from kiosk.visit.session import TEXT_SIZES
from ui import theme
from ui.content_updates import UpdateWatcher
from ui.mediator.activity import ActivityPage
from ui.mediator.guides import GuidesPage
from ui.mediator.mandate import MandatePage
from ui.mediator.parts import MediatorPage, button
from ui.mediator.pin import PinPage
from ui.mediator.session import SessionPage
from ui.mediator.settings import SettingsPage
from ui.mediator.setup import SetupPage
from ui.screens.base import scroll_area
from ui.widgets.blocks import PictogramButton, text_label
from ui.widgets.overlay import area_of


class PageStack(QStackedWidget):
    """The pages, as tall as the page on show.

    A stack is as tall as its tallest page: the PIN and the set-up pages, in the panel's scroll
    area, took the height of the settings and their action sat below empty space, reached only
    by scrolling, even at 1366x768. Sized by the current page, they fit the screen.
    """

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.size_to_current())

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt override
        page.installEventFilter(self)  # its content changes (a timeline, a notice): the stack follows
        return super().addWidget(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutRequest and watched is self.currentWidget():
            self.size_to_current()
        return False

    def size_to_current(self) -> None:
        """Ask the scroll area around the stack to size it again.

        A scroll area hears of its content's new size hint only through its own layout request:
        the one a child posts reaches the area's viewport, which leaves it unheard.
        """
        self.updateGeometry()
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if area is not None:
            QCoreApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        # The scroll area asks this of pages with wrapped text; the stack's layout answers for the tallest.
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return page.heightForWidth(width) if page.hasHeightForWidth() else page.minimumSizeHint().height()


class MediatorPanel(QWidget):
    handed_back = Signal()
    opened = Signal()  # a page was presented: mediator mode's own idle delay starts again
    quit_requested = Signal()  # "Quitter le kiosque": the only way out of a locked kiosk

    def __init__(self, host: QWidget, station: Station, exports_dir: Path, updates: UpdateWatcher) -> None:
        super().__init__(host)
        self._host = host
        self.station = station
        self.exports_dir = exports_dir
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Staff read it at the usual size: the larger text a person chose stays on the person's screens.
        self.setStyleSheet(theme.stylesheet(TEXT_SIZES[0]))
        outer = QVBoxLayout(self)
        frame = QFrame()
        frame.setProperty("role", "panel")
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.heading = text_label("title")
        self.pages = PageStack()
        self.tabs = QHBoxLayout()
        self.tabs.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(self.tabs)
        self.page_area = scroll_area(self.pages)  # scrolls when the on-screen keyboard takes room
        layout.addWidget(self.page_area, 1)

        self.pin_page = PinPage(self)
        self.setup_page = SetupPage(self)
        self.session_page = SessionPage(self)
        self.activity_page = ActivityPage(self)
        self.mandate_page = MandatePage(self)
        self.settings_page = SettingsPage(self)
        self.guides_page = GuidesPage(self, updates)
        # The pages, registered in one place: the stack in this order, and a tab for each that has a label.
        self.registered: tuple[MediatorPage, ...] = (
            self.pin_page,
            self.setup_page,
            self.session_page,
            self.activity_page,
            self.mandate_page,
            self.guides_page,
            self.settings_page,
        )
        self.tab_buttons: dict[MediatorPage, PictogramButton] = {}
        for page in self.registered:
            if not page.TAB_LABEL:
                continue
            label = page.TAB_LABEL
            tab = PictogramButton(page.TAB_PICTOGRAM, vertical=True, icon_px=32)
            tab.set_text(label, f"Afficher : {label}")
            tab.clicked.connect(lambda _checked=False, p=page: self.show_page(p))
            tab.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # one line, never cut
            self.tabs.addWidget(tab)
            self.tab_buttons[page] = tab
        self.tabs.addStretch(1)
        self.back_button = button(
            "mdi6.hand-back-right-outline",
            "Rendre la main",
            "Revenir à l'écran de la personne, là où elle était.",
            "primary",
        )
        self.back_button.clicked.connect(self.hand_back)
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # one line
        self.tabs.addWidget(self.back_button)
        for every_page in self.registered:
            self.pages.addWidget(every_page)
        host.installEventFilter(self)
        self._lock: PinLock | None = None
        self.hide()

    @property
    def lock(self) -> PinLock | None:
        """The PIN lock of the store in use: one per store, so the tries it could not save still count."""
        store = self.station.keeper.store
        if store is None:
            return None
        if self._lock is None or self._lock.store is not store:
            self._lock = PinLock(store)
        return self._lock

    # Opening and closing ---------------------------------------------------------
    def open_mode(self) -> None:
        """The gesture was made: ask for the PIN (or set one up, the first time)."""
        lock = self.lock
        if lock is None:
            self.heading.setText("Mode médiateur indisponible")
            self.pin_page.refuse(
                "Le stockage chiffré ne fonctionne pas : le mode médiateur ne peut pas vérifier le PIN. "
                "Voir le journal du kiosque."
            )
            self._present(self.pin_page, tabs=False)
        elif not lock.configured:
            self.open_setup()
        else:
            self.heading.setText("Mode médiateur")
            self.pin_page.ask()
            self._present(self.pin_page, tabs=False)

    def open_setup(self) -> None:
        self.heading.setText("Installation du kiosque")
        self.setup_page.start()
        self._present(self.setup_page, tabs=False)

    def change_pin(self) -> None:
        self.heading.setText("Changer le PIN des médiateurs")
        self.setup_page.start()  # asks for the current PIN first
        self._present(self.setup_page, tabs=False)

    def unlocked(self) -> None:
        name = self.station.keeper.setting(STRUCTURE_NAME, "")
        self.heading.setText(f"Mode médiateur — {name}" if name else "Mode médiateur")
        self._present(self.session_page, tabs=True)
        self.show_page(self.session_page)

    def show_page(self, page: MediatorPage) -> None:
        for tab_page, tab in self.tab_buttons.items():
            tab.set_selected(tab_page is page)
        page.refresh()
        self._show(page)

    def hand_back(self) -> None:
        self.close_mode()
        self.handed_back.emit()

    def close_mode(self) -> None:
        """Close mediator mode and forget what was typed in it: the next person finds nothing of it.

        Called when the mediator hands back, when a visit ends (the person left, the idle delay,
        the crash screen) and after mediator mode's own idle delay. A kiosk with no PIN yet
        goes back to its set-up: nobody may use it before a structure has chosen one.
        """
        for page in self.registered:
            page.forget()
        self.hide()
        if self.lock is not None and not self.lock.configured:
            self.open_setup()

    def _present(self, page: MediatorPage, tabs: bool) -> None:
        for tab in self.tab_buttons.values():
            tab.setVisible(tabs)
        self.back_button.set_text(
            "Rendre la main" if tabs else "Annuler",
            "Revenir à l'écran de la personne, là où elle était.",
        )
        self.back_button.setVisible(not (page is self.setup_page and not self._pin_set()))
        self._show(page)
        self.setGeometry(area_of(self._host))
        self.raise_()
        self.show()
        self.opened.emit()

    def _show(self, page: MediatorPage) -> None:
        """A page opens at its top: where the last one was scrolled to is nothing to this one."""
        self.pages.setCurrentWidget(page)
        self.pages.size_to_current()  # refreshed just now: its text may be longer or shorter
        self.page_area.verticalScrollBar().setValue(0)

    def bring_into_view(self, widget: QWidget) -> None:
        """A prompt that changed is where the eyes are, even when the keyboard leaves little room."""
        page = self.pages.currentWidget()
        layout = page.layout() if page is not None else None
        if layout is not None:
            layout.activate()  # the new text's height, before scrolling to it
        self.page_area.ensureWidgetVisible(widget, 0, 16)

    def _pin_set(self) -> bool:
        lock = self.lock
        return lock is not None and lock.configured

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and not self.isHidden():  # also before the window shows
            self.setGeometry(area_of(self._host))
        return False
