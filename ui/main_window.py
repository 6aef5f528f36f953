"""The kiosk's one window: the bar, the screens, and the one way of changing screen.

The core reports every move of the person through a Qt signal (so it is always
handled on the GUI thread); ``show_screen`` leaves the old screen, enters the new
one, keeps the bar, language, direction and text size in step, and reads the
screen aloud. Idle detection lives here too, fed by every touch in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.mediation.idle import mediator_idle_s
from kiosk.visit.idle import IdlePhase, IdleWatch
from kiosk.visit.places import WELCOME, Place, ScreenId
from kiosk.visit.session import TEXT_SIZES
from ui import theme
from ui.browser.site_area import SiteArea
from ui.nav_bar import NavBar
from ui.screens import screen_class
from ui.screens.base import Page
from ui.screens.welcome import WelcomeScreen
from ui.voice_panel import VoicePanel
from ui.widgets.overlay import OverlayPanel
from ui.window_events import watch_window
from voice.speaker import SilentSpeaker, Speaker

if TYPE_CHECKING:
    from kiosk.station import Station
    from ui.mediator.panel import MediatorPanel
    from ui.voice_player import QtSpeaker
    from ui.widgets.on_screen_keyboard import OnScreenKeyboard

# Built right after the first paint; the others (practice, help, mediator mode...) when first needed.
BUILT_AHEAD = (ScreenId.LANGUAGE, ScreenId.HOME, ScreenId.SITUATION, ScreenId.INTRO, ScreenId.STEP)
PAGE_RESIZE_MS = 200  # Chromium lays the shrunk page out again within a frame or two
TOUCH_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress})


class CoreEvents(QObject):
    """Carries the core's callbacks onto the GUI thread as Qt signals."""

    place_changed = Signal(object)


def forget_clipboard() -> None:
    """Nothing a person copied stays for the next one (both the clipboard and the X selection)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


class MainWindow(QWidget):
    """Built in two steps: the bar and the welcome screen paint first, then ``attach`` opens the station.

    ``MainWindow(station, speaker)`` does both at once (tests, screenshots); the kiosk
    itself paints the welcome screen, then opens its content, store and voice
    (``after_first_paint``): what those load no longer delays the first picture.
    """

    quit_requested = Signal()  # the mediator chose "Quitter le kiosque"
    station: Station  # set by attach
    speaker: Speaker

    def __init__(self, station: Station | None = None, speaker: Speaker | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle("France Services")
        layout = self._layout = QVBoxLayout(self)
        # The window is the screen: a screen built later, or retranslated, never makes it grow past it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_bar = NavBar()
        self.stack = QStackedWidget()
        self.site_area = SiteArea(self.stack)  # the guide, and the official site beside it once opened
        layout.addWidget(self.nav_bar)
        layout.addWidget(self.site_area, 1)
        self._applied_language = ""
        self._applied_scale = 0.0
        self._after_first_paint: Callable[[], None] | None = None
        self._start_asked = False
        self.welcome = WelcomeScreen(translation.offered_languages)
        self.welcome.start_requested.connect(self._start_visit)
        self._screens: dict[ScreenId, Page] = {ScreenId.WELCOME: self.welcome}
        self.stack.addWidget(self.welcome)
        self._apply_language(translation.active_language())
        self._apply_text_scale(TEXT_SIZES[0])  # the size every visit starts with
        self.welcome.enter(WELCOME)
        self.nav_bar.update_for(WELCOME, can_go_back=False)
        if station is not None:
            self.attach(station, speaker or SilentSpeaker())

    @property
    def attached(self) -> bool:
        """True once the station is open: before that, only the welcome screen shows."""
        return self._built("station")

    def after_first_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once, as soon as the window (its welcome screen) has been painted."""
        self._after_first_paint = then

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._after_first_paint is not None:
            QTimer.singleShot(0, self, self._after_first_paint)  # once the whole window is painted
            self._after_first_paint = None

    def attach(self, station: Station, speaker: Speaker) -> None:
        """Open the kiosk on its station: from now on, every move of the visit shows its screen."""
        self.station = station
        self.speaker = speaker
        self.welcome.greet_from(lambda: station.languages)
        self._connect_bar()
        self.idle = IdleWatch(station.config.idle_timeout_s, station.config.idle_warning_s, station.clock())
        self.idle_overlay = OverlayPanel(self, "mdi6.hand-back-right-outline")
        self.calm_panel = OverlayPanel(self, "mdi6.check-bold")  # after an unexpected error
        self.keyboard = self._keyboard()
        self.keyboard.shown_changed.connect(self._make_room_for_keyboard)
        self.keyboard.field_followed.connect(self._keep_in_view)
        self._voice = self._qt_speaker(speaker)
        if self._voice is not None:
            self._voice.sentence_started.connect(lambda sentence: self.current_screen.highlight(sentence))
            station.add_end_listener(self._voice.forget_personal)
        station.add_end_listener(self.site_area.forget)  # before the clipboard: a page may still write to it
        station.add_end_listener(forget_clipboard)
        station.add_site_listener(self._site_opened_or_closed)
        self.site_area.speak_requested.connect(self.speak_texts)
        self.site_area.field_focused.connect(self._page_field_focused)
        self.site_area.field_left.connect(lambda: self.keyboard.page_field_left())
        station.add_end_listener(self.close_mediator_mode)
        from kiosk.updates.service import ContentUpdates  # after the first paint, as the station
        from ui.content_updates import UpdateWatcher

        self.content_updates = UpdateWatcher(station, ContentUpdates(station.config), self)
        self.content_updates.start()
        from ui.room_watcher import RoomWatcher  # the room's console, when the structure has one

        self.room = RoomWatcher(station, self)
        self.room.someone_coming.connect(self._someone_coming)
        self.coming_panel = OverlayPanel(self, "mdi6.check-bold")
        station.add_end_listener(self.coming_panel.hide)  # the next person never sees it
        self._mediator_touch = station.clock()
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(1000)
        self._idle_timer.timeout.connect(self.check_idle)
        self._idle_timer.start()
        watch_window(self, self)  # every touch and key, for idle detection

        self._events = CoreEvents(self)
        self._events.place_changed.connect(self.show_screen)
        station.add_listener(self._events.place_changed.emit)
        self.show_screen(station.visit.place)
        QTimer.singleShot(0, self, self._build_ahead)
        from kiosk.mediation.pin import PinLock  # its key derivation loads after the first paint

        store = station.keeper.store
        if store is not None and not PinLock(store).configured:
            self.mediator_panel.open_setup()  # no default PIN: the structure sets one before anything else
        elif self._start_asked and station.visit.place.screen is ScreenId.WELCOME:
            station.visit.start()  # a touch that came while the station was opening

    def _keyboard(self) -> OnScreenKeyboard:
        """The on-screen keyboard: it follows the focus, so it is there as soon as the station opens."""
        from ui.widgets.on_screen_keyboard import OnScreenKeyboard  # loaded after the first paint

        return OnScreenKeyboard(self)

    @staticmethod
    def _qt_speaker(speaker: Speaker) -> QtSpeaker | None:
        """The speaker if it plays through Qt (subtitles, volume); its module loads after the first paint."""
        if isinstance(speaker, SilentSpeaker):
            return None  # and Qt Multimedia is not loaded for a kiosk without voice
        from ui.voice_player import QtSpeaker

        return speaker if isinstance(speaker, QtSpeaker) else None

    def _start_visit(self) -> None:
        if self.attached:
            self.station.visit.start()
        else:
            self._start_asked = True

    # Built when first needed: the welcome screen paints sooner, and memory holds only what is used
    @cached_property
    def voice_panel(self) -> VoicePanel:
        panel = VoicePanel(self)
        panel.changed.connect(self._apply_voice_settings)
        return panel

    @cached_property
    def mediator_panel(self) -> MediatorPanel:
        from ui.mediator.panel import MediatorPanel  # loaded after the first paint: 30 ms of imports

        panel = MediatorPanel(
            self, self.station, self.station.config.data_dir / "exports", self.content_updates
        )
        panel.settings_page.settings_changed.connect(self._apply_station_settings)
        panel.handed_back.connect(lambda: self.idle.touch(self.station.clock()))
        panel.opened.connect(self._touch_mediator_mode)
        panel.quit_requested.connect(self.quit_requested)
        return panel

    def _build_ahead(self) -> None:
        """After the first paint, the screens every visit goes through, one per turn of the event loop
        (a touch in between goes first)."""
        ahead = [screen_id for screen_id in BUILT_AHEAD if screen_id not in self._screens]
        if ahead:
            self.screen_for(ahead[0])
            QTimer.singleShot(0, self, self._build_ahead)

    def _built(self, part: str) -> bool:
        return part in self.__dict__

    def screen_for(self, screen_id: ScreenId) -> Page:
        """The screen of that id, built the first time it is needed (a few ms, within the touch)."""
        if screen_id not in self._screens:
            screen = screen_class(screen_id)(self.station)
            screen.speak_requested.connect(self.speak_texts)
            self._screens[screen_id] = screen
            self.stack.addWidget(screen)
        return self._screens[screen_id]

    @property
    def current_screen(self) -> Page:
        widget = self.stack.currentWidget()
        if not isinstance(widget, Page):
            raise TypeError(f"{widget!r} in the screen stack is not a Page")
        return widget

    def show_screen(self, place: Place) -> None:
        """The one way screens change: leave the old, sync preferences, enter the new."""
        self.speaker.stop()
        if self._built("voice_panel"):
            self.voice_panel.hide()
        old = self.current_screen
        new = self.screen_for(place.screen)
        if old is not new:
            old.leave()
        # Greet only right after the person chose a language, not at start or after a visit.
        greet = old.screen_id is ScreenId.LANGUAGE and translation.active_language() != self._applied_language
        self._apply_person_preferences()
        new.enter(place)
        self.stack.setCurrentWidget(new)
        self.site_area.follow(place)
        self.nav_bar.update_for(place, self.station.visit.navigator.can_go_back)
        if self.station.visit.session.auto_read:
            greeting = [translation.language(translation.active_language()).greeting] if greet else []
            self.speak_texts([*greeting, *self.current_screen.spoken_texts()])

    def speak_screen(self) -> None:
        self.speak_texts(self.current_screen.spoken_texts())

    def speak_texts(self, texts: list[str]) -> None:
        self.speaker.speak(
            texts,
            translation.active_language(),
            slow=self.station.visit.session.slow_speech,
            personal=self.current_screen.speaks_personal_data,
        )

    def _someone_coming(self, request: object) -> None:
        """The desk answered « J'arrive »: the person hears and reads it, where they are."""
        if getattr(self.current_screen, "screen_id", None) is ScreenId.HELP_SENT:
            self.current_screen.refresh()
            self.speak_screen()
            return
        ticket = getattr(request, "ticket", "")
        self.coming_panel.present(
            _("Quelqu'un arrive"),
            _("Une personne de l'accueil vient vers vous. Votre numéro : {ticket}.").format(ticket=ticket),
            _("D'accord"),
            _("Fermer ce message."),
        )
        self.speak_texts(self.coming_panel.spoken_texts())

    def close_mediator_mode(self) -> None:
        """Mediator mode never outlives a visit: it closes and forgets what was typed in it."""
        if self._built("mediator_panel"):
            self.mediator_panel.close_mode()

    def _touch_mediator_mode(self) -> None:
        self._mediator_touch = self.station.clock()

    def _close_idle_mediator_mode(self, now: float) -> None:
        """A mediator called away: mediator mode closes after its own delay, shorter than a person's."""
        if not self._built("mediator_panel") or self.mediator_panel.isHidden():
            return
        if now - self._mediator_touch < mediator_idle_s(self.idle.timeout_s):
            return
        lock = self.mediator_panel.lock
        if lock is None or lock.configured:  # the first set-up waits for the structure, however long
            self.close_mediator_mode()

    def check_idle(self) -> None:
        """Warn, then end the visit, when nobody has touched the screen for too long."""
        if not self.isVisible():  # a closed window: its station (and store) may be closed already
            return
        now = self.station.clock()
        self._close_idle_mediator_mode(now)
        if not self.station.visit.started:
            self.idle.touch(now)
            self.idle_overlay.hide()
            return
        state = self.idle.state(now)
        if state.phase is IdlePhase.ACTIVE:
            self.idle_overlay.hide()
        elif state.phase is IdlePhase.WARNING:
            first_warning = not self.idle_overlay.isVisible()
            self.idle_overlay.present(
                _("Êtes-vous toujours là ?"),
                (
                    _(
                        "Touchez l'écran. Sinon, le site ouvert sera fermé "
                        "et tout sera effacé dans {seconds} secondes."
                    )
                    if self.station.visit.site_procedure_id
                    else _("Touchez l'écran. Sinon, tout sera effacé dans {seconds} secondes.")
                ).format(seconds=state.seconds_left),
                _("Oui, je suis là"),
                _("Garder ce que vous avez fait et continuer."),
            )
            if first_warning:
                self.speak_texts(self.idle_overlay.spoken_texts())
        else:
            self.idle_overlay.hide()
            self.idle.touch(now)
            self.station.end_visit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in TOUCH_EVENTS:
            self.idle.touch(self.station.clock())
            self._mediator_touch = self.station.clock()
            self.current_screen.touched()
            if self.idle_overlay.isVisible():
                self.idle_overlay.hide()
        return False

    def _apply_person_preferences(self) -> None:
        self._apply_language(translation.active_language())
        self._apply_text_scale(self.station.visit.session.text_scale)
        self._apply_voice_settings()

    def _apply_language(self, language: str) -> None:
        if language != self._applied_language:
            direction = (
                Qt.LayoutDirection.RightToLeft
                if translation.is_rtl(language)
                else Qt.LayoutDirection.LeftToRight
            )
            QApplication.setLayoutDirection(direction)
            self.nav_bar.retranslate()
            if self._built("keyboard"):
                self.keyboard.retranslate()
            self.site_area.retranslate()
            self._applied_language = language

    def _apply_text_scale(self, scale: float) -> None:
        if scale != self._applied_scale:
            self.setStyleSheet(theme.stylesheet(scale))
            self._applied_scale = scale

    def _apply_voice_settings(self) -> None:
        if self._voice is not None:
            session = self.station.visit.session
            self._voice.set_volume(session.volume_level)
            self._voice.set_muted(session.muted)

    def _connect_bar(self) -> None:
        bar = self.nav_bar
        bar.back.connect(lambda: self.station.visit.back())
        bar.home.connect(lambda: self.station.visit.home())
        bar.leave.connect(lambda: self.station.visit.open_leave())
        bar.language.connect(lambda: self.station.visit.open_language_choice())
        bar.help.connect(lambda: self.station.visit.open_help())
        bar.repeat.connect(self.speak_screen)
        bar.text_size.connect(self._cycle_text_size)
        bar.voice.connect(lambda: self.voice_panel.open_for(self.station.visit.session))
        bar.knocked.connect(lambda: self.mediator_panel.open_mode())

    def _site_opened_or_closed(self) -> None:
        if self.station.visit.site_procedure_id:
            self.site_area.open_site(self.station)
        else:
            self.site_area.forget()
        self.current_screen.refresh()  # its « vrai site » button shows or hides

    def _page_field_focused(self, target: QWidget, kind: str) -> None:
        """A field of the site's page took the focus: the keyboard comes up and the page makes room."""
        self.keyboard.follow_page_field(target, kind)
        panel = self.site_area.panel
        if panel is not None:  # once the page has shrunk above the keyboard
            QTimer.singleShot(PAGE_RESIZE_MS, panel.tabs.show_focused_field)

    def free_area(self) -> QRect:
        """The window less the on-screen keyboard: where panels go while it shows."""
        if self.keyboard.isHidden():
            return self.rect()
        return QRect(0, 0, self.width(), self.height() - self.keyboard.sizeHint().height())

    def _make_room_for_keyboard(self, shown: bool) -> None:
        """The keyboard covers the bottom of the window: the screen and open panels shrink above it."""
        height = self.keyboard.sizeHint().height()
        if shown:
            self.keyboard.setGeometry(0, self.height() - height, self.width(), height)
            self.keyboard.raise_()
        # Every screen, the simulated site's and the official site's page among them, is laid out
        # above the keyboard: a scroll area reaching under it would count as seen what it hides.
        self._layout.setContentsMargins(0, 0, 0, height if shown else 0)
        panels: list[QWidget] = [self.idle_overlay, self.calm_panel, self.coming_panel]
        if self._built("mediator_panel"):
            panels.append(self.mediator_panel)
        for panel in panels:
            if not panel.isHidden():
                panel.setGeometry(self.free_area())
        if shown:
            self._keep_in_view(QApplication.focusWidget())

    def _keep_in_view(self, field: QWidget | None) -> None:
        """The field being typed into is scrolled into view above the keyboard, now and once laid out."""
        from ui.widgets.on_screen_keyboard import bring_into_view  # loaded with the keyboard

        if field is None or self.keyboard.isHidden() or field.window() is not self:
            return
        self._layout.activate()  # the screen takes its height above the keyboard before it scrolls
        bring_into_view(field)
        # A page or a panel changed by the same touch is laid out in the next turn: follow it (the
        # field as context: nothing runs if it is gone by then).
        QTimer.singleShot(0, field, lambda: bring_into_view(field) if field.hasFocus() else None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.attached and not self.keyboard.isHidden():
            self._make_room_for_keyboard(True)

    def _apply_station_settings(self) -> None:
        self.idle.timeout_s = self.station.config.idle_timeout_s

    def _cycle_text_size(self) -> None:
        self.station.visit.cycle_text_size()
        self._apply_person_preferences()
        self.current_screen.refresh()
