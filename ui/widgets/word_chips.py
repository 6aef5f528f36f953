"""The hard words of a step as a compact row of chips that wraps, and the panel that lists them all.

A step may name eight hard words, in words three times longer in Russian than in French:
the row takes at most the rows it is given; when the words need more, those that do not fit
give way to one « Tous les mots » chip, which opens them all over the screen. Each chip
opens the word's plain explanation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from ui.widgets.blocks import discard, text_label
from ui.widgets.choices import Choice, WholeWordsButton, height_at, least_width, place_in, showing
from ui.widgets.fitted_scroll import FittedScroll
from ui.widgets.overlay import OverlayPanel

WORD_PICTOGRAM = "mdi6.book-open-variant"
ALL_WORDS_PICTOGRAM = "mdi6.book-multiple-outline"
CHIP_ICON_PX = 28
PANEL_MAX_WIDTH = 960

Row = list[tuple[QWidget, int, int]]  # each widget of a row, its width and its height


class Chip(WholeWordsButton):
    """A compact button (64 px high for one line of words): as narrow as its words allow."""

    slack = 8  # what a button's own size hint keeps beside its words


def chip(choice: Choice) -> Chip:
    """The chip of one hard word."""
    button = Chip(choice.pictogram, icon_px=CHIP_ICON_PX)
    button.set_compact(True)
    button.set_text(choice.text, choice.description)
    button.clicked.connect(lambda _=False, act=choice.action: act())
    return button


class FlowLayout(QLayout):
    """Widgets side by side in reading order, wrapping onto new rows.

    With ``max_rows``, the widgets that do not fit give way to ``overflow``, shown last; a
    ``lead`` widget (a caption) starts the first row, or has a row of its own (``lead_alone``).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        self._items: list[QLayoutItem] = []
        self.lead: QWidget | None = None
        self.overflow: QWidget | None = None
        self.max_rows: int | None = None
        self.lead_alone = False
        self._heights: dict[int, int] = {}

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._heights = {}
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        if width not in self._heights:
            self._heights[width] = self._height(self.arrangement(width))
        return self._heights[width]

    def flowing(self) -> list[QWidget]:
        """The widgets that flow (and may give way), in order: all but the lead and the overflow."""
        special = (self.lead, self.overflow)
        return [w for item in self._items if (w := item.widget()) is not None and w not in special]

    def _rows(self, widgets: Sequence[QWidget], width: int) -> list[Row]:
        rows: list[Row] = []
        x = width + 1  # the first widget opens a row
        gap = self.spacing()
        for widget in widgets:
            widget.ensurePolished()  # a chip just made has the theme's font only once polished
            w = min(max(widget.sizeHint().width(), least_width(widget)), width)
            after_lead = self.lead_alone and len(rows) == 1 and rows[0][-1][0] is self.lead
            if x + w > width or after_lead:
                rows.append([])
                x = 0
            rows[-1].append((widget, w, height_at(widget, w)))
            x += w + gap
        return rows

    def arrangement(self, width: int) -> list[Row]:
        """The rows at ``width``: every flowing widget, or as many as ``max_rows`` hold and the overflow."""
        lead = [self.lead] if self.lead is not None else []
        flowing = self.flowing()
        rows = self._rows([*lead, *flowing], width)
        if self.max_rows is None or self.overflow is None or len(rows) <= self.max_rows:
            return rows
        for shown in range(len(flowing) - 1, -1, -1):
            rows = self._rows([*lead, *flowing[:shown], self.overflow], width)
            if len(rows) <= self.max_rows:
                break
        return rows

    def height_in(self, width: int, max_rows: int | None) -> int:
        """The height at ``width`` with at most ``max_rows`` rows (None: every widget shown)."""
        kept, self.max_rows = self.max_rows, max_rows
        try:
            return self._height(self.arrangement(width))
        finally:
            self.max_rows = kept

    def rows_needed(self, width: int) -> int:
        """How many rows every widget takes at ``width``."""
        lead = [self.lead] if self.lead is not None else []
        return len(self._rows([*lead, *self.flowing()], width))

    def _height(self, rows: list[Row]) -> int:
        return sum(max(h for _, _, h in row) for row in rows) + self.spacing() * max(0, len(rows) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widgets = [w for item in self._items if (w := item.widget()) is not None]
        width = sum(w.sizeHint().width() for w in widgets) + self.spacing() * max(0, len(widgets) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        widgets = [w for item in self._items if (w := item.widget()) is not None]
        width = max((least_width(w) for w in widgets), default=0)
        return QSize(width, max((w.minimumSizeHint().height() for w in widgets), default=0))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        rows = self.arrangement(rect.width())
        placed = {widget for row in rows for widget, _, _ in row}
        for item in self._items:
            widget = item.widget()
            if widget is None:
                continue
            # Only a change (each one lays the row out again); a widget just added is not hidden
            # by hand yet, and would show unplaced.
            if showing(widget) != (widget in placed):
                widget.setVisible(widget in placed)
        y = rect.y()
        for row in rows:
            height = max(h for _, _, h in row)
            x = rect.x()
            for widget, width, own_height in row:
                # Buttons of a row are as tall as each other; a caption is centred on them.
                tall = own_height if widget is self.lead else height
                place = QRect(x, y + (height - tall) // 2, width, tall)
                widget.setGeometry(place_in(self.parentWidget(), rect, place))
                x += width + self.spacing()
            y += height + self.spacing()


class WordChips(QWidget):
    """« Mots expliqués : » and a chip for each hard word, in ``max_rows`` rows at most."""

    def __init__(self) -> None:
        super().__init__()
        self.flow = FlowLayout(self)
        self.caption = text_label("hint", wrap=False)
        self.flow.lead = self.caption
        self.flow.addWidget(self.caption)
        self.more_button = Chip(ALL_WORDS_PICTOGRAM, icon_px=CHIP_ICON_PX)
        self.more_button.set_compact(True)
        self.flow.overflow = self.more_button
        self.flow.addWidget(self.more_button)
        self._more_action: Callable[[], None] = lambda: None
        self.more_button.clicked.connect(lambda _=False: self._more_action())
        self.buttons: list[Chip] = []

    def fill(self, caption: str, choices: Sequence[Choice]) -> None:
        discard(self.buttons, self.flow)
        self.buttons = [chip(choice) for choice in choices]
        for button in self.buttons:
            self.flow.addWidget(button)
        self.caption.setText(caption)
        self.setVisible(bool(choices))

    def set_more(self, text: str, description: str, action: Callable[[], None]) -> None:
        """The chip that opens every word when the row cannot hold them all."""
        self.more_button.set_text(text, description)
        self._more_action = action

    def fit(self, max_rows: int | None, caption_alone: bool = False) -> None:
        """At most ``max_rows`` rows (None: as many as the words need), the caption beside or above."""
        self.flow.max_rows = max_rows
        self.flow.lead_alone = caption_alone
        self.flow.invalidate()

    def shown(self) -> list[Chip]:
        """The words' chips shown now (the others are behind « Tous les mots »)."""
        return [button for button in self.buttons if not button.isHidden()]


class WordsPanel(OverlayPanel):
    """Every hard word of the step over the screen, each opening its explanation."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, "mdi6.close-thick")
        panel = self.panel_layout.parentWidget()
        if panel is not None:
            panel.setMaximumWidth(PANEL_MAX_WIDTH)  # eight words in Russian: more on a row
        self.words = QWidget()
        self.flow = FlowLayout(self.words)
        # When even so they take more than the screen's height, they scroll; « Fermer » stays.
        self.words_scroll = FittedScroll(self.words)
        self.panel_layout.insertWidget(self.panel_layout.indexOf(self.button), self.words_scroll)
        self.message.hide()
        self.buttons: list[Chip] = []

    def present_words(self, heading: str, choices: Sequence[Choice], button: str, description: str) -> None:
        discard(self.buttons, self.flow)
        self.buttons = [
            chip(Choice(c.text, c.description, c.pictogram, partial(self._choose, c.action))) for c in choices
        ]
        for word in self.buttons:
            self.flow.addWidget(word)
        self.present(heading, "", button, description)
        self.message.hide()
        self.words_scroll.verticalScrollBar().setValue(0)

    def _choose(self, action: Callable[[], None]) -> None:
        self.hide()  # the word's explanation takes its place; « J'ai compris » goes back to the step
        action()

    def spoken_texts(self) -> list[str]:
        return [self.heading.text(), *(word.text_shown() for word in self.buttons)]
