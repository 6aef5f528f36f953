"""Welcome: a greeting that cycles through the offered languages; touch anywhere to start.

It needs no station: the window paints it first, while the station opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent

from kiosk.i18n import translation
from kiosk.i18n.translation import N_, Language, Translator, _
from kiosk.visit.places import Place, ScreenId
from ui.screens.base import MARGIN, Page
from ui.widgets.blocks import PictogramButton, text_label

GREETING_PERIOD_MS = 2500
TOUCH_TO_START = N_("Touchez l'écran pour commencer")
START = N_("Commencer")


@cache
def _translator(code: str) -> Translator:
    return Translator(code)


class WelcomeScreen(Page):
    screen_id = ScreenId.WELCOME
    start_requested = Signal()  # the person touched the screen

    def __init__(self, languages: Callable[[], Sequence[Language]]) -> None:
        super().__init__()
        self.title.hide()
        self._languages = languages
        self._index = 0
        self.layout_.addStretch(2)
        self.greeting = text_label("greeting")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.invitation = text_label("title")
        self.invitation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.greeting)
        self.layout_.addWidget(self.invitation)
        self.layout_.addStretch(1)
        self.start_button = PictogramButton("mdi6.gesture-tap", role="primary", icon_px=56)
        self.start_button.setMinimumWidth(360)
        self.start_button.clicked.connect(self._start)
        self.layout_.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addStretch(2)
        self._timer = QTimer(self)
        self._timer.setInterval(GREETING_PERIOD_MS)
        self._timer.timeout.connect(self._next_greeting)

    def refresh(self) -> None:
        self.start_button.set_text(_(START), _("Choisir sa langue, puis sa démarche."))
        self._reserve_room()
        self._show_greeting()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._reserve_room()

    def _reserve_room(self) -> None:
        """Room for the tallest greeting: Arabic and Persian lines are taller, and « Commencer »
        jumped about 16 px each time they came round."""
        width = self.width() - 2 * MARGIN
        tallest = {self.greeting: 0, self.invitation: 0}
        for language in self.languages:
            texts = {
                self.greeting: language.greeting,
                self.invitation: _translator(language.code).translate(TOUCH_TO_START),
            }
            for label, text in texts.items():
                label.setText(text)
                tallest[label] = max(tallest[label], label.heightForWidth(width))
        for label, height in tallest.items():
            label.setMinimumHeight(height)

    def enter(self, place: Place) -> None:
        self._index = 0
        super().enter(place)
        self._timer.start()

    def leave(self) -> None:
        self._timer.stop()

    def spoken_texts(self) -> list[str]:
        return [self.greeting.text(), self.invitation.text()]

    @property
    def languages(self) -> Sequence[Language]:
        return self._languages()

    def greet_from(self, languages: Callable[[], Sequence[Language]]) -> None:
        """Cycle through what ``languages()`` gives: those the structure offers, as it changes them."""
        self._languages = languages

    def _next_greeting(self) -> None:
        self._index = (self._index + 1) % len(self.languages)
        self._show_greeting()

    def _show_greeting(self) -> None:
        language = self.languages[self._index % len(self.languages)]
        direction = (
            Qt.LayoutDirection.RightToLeft
            if translation.is_rtl(language.code)
            else Qt.LayoutDirection.LeftToRight
        )
        for label in (self.greeting, self.invitation):
            label.setLayoutDirection(direction)
        self.greeting.setText(language.greeting)
        self.invitation.setText(_translator(language.code).translate(TOUCH_TO_START))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._start()
        event.accept()

    def _start(self) -> None:
        self.start_requested.emit()
