"""Big buttons to choose from, laid out by the room their words need: a question's answers, links.

A step's answers come from the content, in ten languages: « Oui » and « Non » go side by
side, five long answers go where they take the least height. Each button gets the height
its wrapped words need at the width it is given (height-for-width), and is never narrower
than its longest word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QVBoxLayout, QWidget

from ui.widgets.blocks import PictogramButton, discard, text_label

MAX_COLUMNS = 3
STYLE_PADDING_PX = 16 + 3  # a button's padding and border in the theme, each side


@dataclass(frozen=True)
class Choice:
    text: str
    description: str
    pictogram: str
    action: Callable[[], None]


class WholeWordsButton(PictogramButton):
    """A button of a group that is never narrower than its longest word (a grid squeezed
    « Assurance » to « Assuranc »): a word wider than its room is cut, never wrapped."""

    slack = 2 * STYLE_PADDING_PX  # room kept beside the longest word

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The theme's min-width is set when it is applied, again at each change of text size:
            # it would win over a size hint. Its font is applied to the words' label too.
            self.text_label.ensurePolished()
            self._keep_words_whole()
        elif event.type() == QEvent.Type.LayoutRequest:
            self._keep_words_whole()  # a larger text size reaches the words after the button
        return handled

    def set_text(self, text: str, description: str) -> None:
        super().set_text(text, description)
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self._keep_words_whole()

    def set_compact(self, compact: bool) -> None:
        """64 px high for a line of words, the least a finger needs, rather than the theme's 86."""
        if (self.property("compact") == "true") == compact:
            return
        self.setProperty("compact", "true" if compact else "false")
        self.style().unpolish(self)
        self.style().polish(self)  # the theme's min-width again: see event()
        self._keep_words_whole()
        self.updateGeometry()

    def _keep_words_whole(self) -> None:
        self.setMinimumWidth(self.longest_word_width())

    def longest_word_width(self) -> int:
        """The narrowest this button can be without cutting a word, in the font it has now."""
        metrics = self.text_label.fontMetrics()
        word = max((metrics.horizontalAdvance(word) for word in self.text_shown().split()), default=0)
        margins = self._box.contentsMargins()
        icon = self.icon_label.sizeHint().width() + self._box.spacing() if self._pictogram else 0
        return word + icon + margins.left() + margins.right() + self.slack


def showing(widget: QWidget) -> bool:
    """Shown, or about to be: a widget just put in a shown parent is shown by Qt a moment later."""
    return not (widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide))


def least_width(widget: QWidget) -> int:
    widget.ensurePolished()
    if isinstance(widget, WholeWordsButton):
        return max(widget.minimumWidth(), widget.longest_word_width())
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def height_at(widget: QWidget, width: int) -> int:
    """The height ``widget`` needs at ``width``: its wrapped words, never under its minimum."""
    widget.ensurePolished()
    wanted = widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()
    return max(wanted, widget.minimumHeight(), widget.minimumSizeHint().height())


def place_in(parent: QWidget | None, area: QRect, place: QRect) -> QRect:
    """``place`` mirrored inside ``area`` when the parent is laid out right to left."""
    direction = parent.layoutDirection() if parent is not None else Qt.LayoutDirection.LeftToRight
    return QStyle.visualRect(direction, area, place)


class ChoiceLayout(QLayout):
    """Equal cells in one to ``max_columns`` columns: the count that takes the least height
    (wider buttons among equals), each row as tall as its tallest words need."""

    def __init__(self, max_columns: int = MAX_COLUMNS, spacing: int = 12) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._max_columns = max_columns
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.arrangement(width)[1]

    def _widgets(self) -> list[QWidget]:
        return [w for item in self._items if (w := item.widget()) is not None and showing(w)]

    def columns(self) -> int:
        """How many columns the buttons take at the width they have now."""
        return self.arrangement(self.geometry().width())[0]

    def arrangement(self, width: int) -> tuple[int, int, list[int]]:
        """The columns, the total height and each row's height at ``width``."""
        widgets = self._widgets()
        if not widgets:
            return 1, 0, []
        gap = self.spacing()
        best: tuple[int, int, list[int]] = (0, 0, [])
        for columns in range(1, min(len(widgets), self._max_columns) + 1):
            cell = (width - (columns - 1) * gap) // columns
            if columns > 1 and any(least_width(w) > cell for w in widgets):
                break  # more columns only make cells narrower
            rows = [
                max(height_at(w, cell) for w in widgets[start : start + columns])
                for start in range(0, len(widgets), columns)
            ]
            height = sum(rows) + gap * (len(rows) - 1)
            if not best[0] or height < best[1]:
                best = (columns, height, rows)
        return best

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widgets = self._widgets()
        width = max((w.sizeHint().width() for w in widgets), default=0)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        widgets = self._widgets()
        width = max((least_width(w) for w in widgets), default=0)
        height = max((w.minimumSizeHint().height() for w in widgets), default=0)
        return QSize(width, height)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        columns, _height, rows = self.arrangement(rect.width())
        gap = self.spacing()
        cell = (rect.width() - (columns - 1) * gap) // columns
        y = rect.y()
        for index, widget in enumerate(self._widgets()):
            row, column = divmod(index, columns)
            if column == 0 and row > 0:
                y += rows[row - 1] + gap
            place = QRect(rect.x() + column * (cell + gap), y, cell, rows[row])
            widget.setGeometry(place_in(self.parentWidget(), rect, place))


class ChoiceGroup(QWidget):
    """A caption above big buttons rebuilt for each step (a question and its answers, links)."""

    def __init__(self, caption_role: str = "hint", max_columns: int = MAX_COLUMNS) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.caption = text_label(caption_role)
        layout.addWidget(self.caption)
        self.grid = ChoiceLayout(max_columns)
        layout.addLayout(self.grid)
        self.buttons: list[WholeWordsButton] = []

    def fill(self, caption: str, choices: Sequence[Choice], show_caption: bool = True) -> None:
        discard(self.buttons, self.grid)
        self.buttons = []
        for choice in choices:
            button = WholeWordsButton(choice.pictogram)
            button.set_text(choice.text, choice.description)
            button.clicked.connect(lambda _=False, act=choice.action: act())
            self.grid.addWidget(button)
            self.buttons.append(button)
        self.caption.setText(caption)
        self.caption.setVisible(show_caption and bool(caption))
        self.setVisible(bool(choices))

    def set_compact(self, compact: bool) -> None:
        """Buttons 64 px high for a line of words, when the room is short."""
        for button in self.buttons:
            button.set_compact(compact)
