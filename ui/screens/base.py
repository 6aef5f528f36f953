"""The contract every screen keeps: enter a place, leave it, re-translate itself, say what to read.

Screens never show each other: they call an action of the visit, and the main
window shows whatever place the visit reports. A ``Page`` keeps the contract
without the station (the welcome screen, painted before the station opens); a
``Screen`` is a page that works on the station and its visit.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.visit.places import Place, ScreenId
from ui import theme
from ui.widgets import pictograms
from ui.widgets.blocks import ListenButton, TileGrid, TileItem, discard, text_label

if TYPE_CHECKING:
    from kiosk.station import Station
    from kiosk.visit.visit import Visit

MARGIN = 32


class Page(QWidget):
    screen_id: ScreenId
    speaks_personal_data = False  # True when what is read out must not outlive the visit (a code)
    speak_requested = Signal(list)  # texts to read aloud now (an explanation that just opened)

    def __init__(self) -> None:
        super().__init__()
        self.place = Place(self.screen_id)
        self.setObjectName(type(self).__name__)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(MARGIN, 24, MARGIN, 24)
        self.layout_.setSpacing(20)
        self.title = text_label("title")
        self.layout_.addWidget(self.title)
        self._listen_buttons: list[ListenButton] = []

    def enter(self, place: Place) -> None:
        self.place = place
        self.retranslate()

    def leave(self) -> None:
        """Stop whatever the screen runs while shown (timers, animations)."""

    def touched(self) -> None:
        """The person touched the window while this screen shows (the main window reports every touch)."""

    def retranslate(self) -> None:
        for button in self._listen_buttons:
            button.retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Fill every text of the screen, in the active language, from ``self.place``.

        Every screen overrides this; the base screen has only its title.
        """

    def spoken_texts(self) -> list[str]:
        """What is read aloud when the screen is entered or Repeat is touched."""
        return [self.title.text()]

    def listen_button(self, texts: Callable[[], list[str]]) -> ListenButton:
        """An "Écouter" button beside a block of text, reading ``texts()`` aloud."""
        button = ListenButton(texts)
        button.clicked.connect(lambda: self.speak_requested.emit(button.texts()))
        self._listen_buttons.append(button)
        return button

    def highlight(self, sentence: str) -> None:
        """Mark the sentence being heard (subtitles); "" removes the mark."""
        for label in self.findChildren(QLabel):
            shown = label.property("highlighted_html")
            if shown is not None:
                if label.text() == shown:  # untouched since: put the plain text back
                    label.setText(label.property("plain_text"))
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setProperty("highlighted_html", None)
        if not sentence:
            return
        for label in self.findChildren(QLabel):
            text = label.text()
            start = text.find(sentence)
            if start < 0 or not label.isVisible() or label.textFormat() != Qt.TextFormat.PlainText:
                continue
            end = start + len(sentence)
            html = (
                f"{escape(text[:start])}<span style='background-color:{theme.HIGHLIGHT}'>"
                f"{escape(sentence)}</span>{escape(text[end:])}"
            )
            label.setProperty("plain_text", text)
            label.setProperty("highlighted_html", html)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(html)
            return


class Screen(Page):
    """A page of the visit: it reads and acts on the station's current visit."""

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.station = station

    @property
    def visit(self) -> Visit:
        return self.station.visit


MUST_BE_SEEN = "must_be_seen"


def must_be_seen(widget: QWidget) -> QWidget:
    """Mark what a person needs to see without scrolling (an answer, a QR code, « Montrez-moi »).

    Buttons of the "primary" role need it always; the screen checks (tests/ui/screen_checks.py)
    prove, in every language at 1024x768 and 1366x768, that what is marked is fully in view.
    """
    widget.setProperty(MUST_BE_SEEN, True)
    return widget


def scroll_area(content: QWidget) -> QScrollArea:
    """A scroll area for text that may not fit at large text sizes; swipe or use the big bar."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


def action_row(*buttons: QWidget, leading: QWidget | None = None) -> QHBoxLayout:
    """The row of big actions at the bottom of a screen, the main one at the reading end."""
    row = QHBoxLayout()
    row.setSpacing(16)
    if leading is not None:
        row.addWidget(leading)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class PictogramLine(QWidget):
    """A pictogram beside a wrapped text: a checklist item, a fact, a line of a recap."""

    def __init__(self, pictogram: str, text: str, icon_px: int = 40) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        icon = QLabel()
        icon.setPixmap(pictograms.pixmap(pictogram, theme.TEXT, icon_px))
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = text_label()
        self.label.setText(text)
        layout.addWidget(self.label, 1)


class TileScreen(Screen):
    """A title, a one-line hint and big tiles to choose from (situations, procedures, help)."""

    columns = 2
    rows = 2
    larger_text_columns = 0  # the columns at a larger text size (0: the same as ``columns``)

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.layout_.addWidget(self.hint)
        self.tiles = TileGrid(self.columns, self.rows, self.larger_text_columns)
        self.tiles.chosen.connect(self.choose)
        self.layout_.addWidget(self.tiles, 1)

    def refresh(self) -> None:
        title, hint = self.texts()
        self.title.setText(title)
        self.hint.setText(hint)
        self.tiles.fit_text_scale(self.visit.session.text_scale)
        self.tiles.set_items(self.tile_items())

    def texts(self) -> tuple[str, str]:
        """The title and the hint, translated."""
        return self.title.text(), self.hint.text()

    def tile_items(self) -> list[TileItem]:
        return []

    def choose(self, key: str) -> None:
        """What touching the tile ``key`` does (a Visit action)."""

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text(), *(tile.text_shown() for tile in self.tiles.tiles)]


def scrolling_body(screen: Screen) -> QVBoxLayout:
    """Add a scrolling area for the screen's content and return the layout to fill."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(16)
    screen.layout_.addWidget(scroll_area(body), 1)
    return layout


class PictogramList(QWidget):
    """Lines of pictogram and text, refilled for each procedure (a checklist, other channels)."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.lines: list[PictogramLine] = []

    def fill(self, entries: list[tuple[str, str]]) -> None:
        """Entries are (pictogram, text)."""
        discard(self.lines, self._layout)
        self.lines = [PictogramLine(pictogram, text) for pictogram, text in entries]
        for line in self.lines:
            self._layout.addWidget(line)
