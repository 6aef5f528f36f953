"""The few building blocks every screen is made of: big pictogram buttons, text, paged tiles.

Each button shows a pictogram and a text label (never an icon alone), is at least
64 x 64 px, and carries an accessible name so a screen reader can announce it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.translation import _
from ui import theme
from ui.widgets import pictograms


def discard(widgets: Iterable[QWidget], layout: QLayout) -> None:
    """Take widgets out of a layout and off the screen now; Qt frees them later."""
    for widget in widgets:
        layout.removeWidget(widget)
        widget.hide()  # deleteLater waits for the event loop: never show stale widgets meanwhile
        widget.deleteLater()


def text_label(role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    return label


ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """Let long addresses wrap after @, dots and slashes, so a narrow column never clips them."""
    return re.sub(r"([@./])(?=\S)", rf"\1{ZERO_WIDTH_SPACE}", text)


MAX_TEXT_WIDTH = 520  # beyond this a button's text wraps onto more lines


class PictogramButton(QPushButton):
    """A large button with a pictogram and a wrapped text label."""

    def __init__(
        self,
        pictogram: str = "",
        role: str = "",
        vertical: bool = False,
        icon_px: int = 40,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", role or "normal")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._icon_px = icon_px
        self._vertical = vertical
        direction = QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        layout = self._box = QBoxLayout(direction, self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(12)
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label = text_label()
        align = Qt.AlignmentFlag.AlignCenter if vertical else Qt.AlignmentFlag.AlignVCenter
        self.text_label.setAlignment(
            align | (Qt.AlignmentFlag.AlignHCenter if vertical else Qt.AlignmentFlag.AlignLeading)
        )
        for child in (self.icon_label, self.text_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if vertical:
            layout.addStretch(1)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.text_label, 0 if vertical else 1)
        if vertical:
            layout.addStretch(1)
        self.set_pictogram(pictogram)

    def set_pictogram(self, name: str) -> None:
        self._pictogram = name
        self.icon_label.setVisible(bool(name))
        if name:
            colour = theme.text_colour_for(str(self.property("role")))
            self.icon_label.setPixmap(pictograms.pixmap(name, colour, self._icon_px))

    def set_text(self, text: str, description: str) -> None:
        """The label shown and read by screen readers, and what touching it does."""
        self.text_label.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(description)

    def text_shown(self) -> str:
        return self.text_label.text()

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", "true" if selected else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self._box.sizeHint()
        if not self._vertical:
            # Ask for the width the text needs on one line (up to a limit), and the height
            # that width gives: QLabel alone would pick a narrow width and wrap short texts.
            one_line = self.text_label.fontMetrics().horizontalAdvance(self.text_label.text()) + 8
            extra = hint.width() - self.text_label.sizeHint().width()
            width = max(hint.width(), min(one_line, MAX_TEXT_WIDTH) + extra)
            hint = QSize(width, self._box.totalHeightForWidth(width))
        return hint.expandedTo(QSize(theme.MIN_TOUCH, theme.MIN_TOUCH))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._box.minimumSize().expandedTo(QSize(theme.MIN_TOUCH, theme.MIN_TOUCH))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(theme.MIN_TOUCH, self._box.totalHeightForWidth(width))


TILE_MAX_HEIGHT = 240


@dataclass(frozen=True)
class TileItem:
    key: str
    text: str
    pictogram: str
    description: str


class TileGrid(QWidget):
    """Big tiles in a grid, a page at a time, with large buttons to see more (no scrolling)."""

    chosen = Signal(str)

    def __init__(
        self, columns: int = 3, rows: int = 2, larger_text_columns: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._normal_columns = columns
        self._larger_text_columns = larger_text_columns or columns  # wider tiles for larger words
        self._columns = columns
        self._rows = rows
        self._per_page = columns * rows
        self._tile_max_height = TILE_MAX_HEIGHT
        self._items: list[TileItem] = []
        self._page = 0
        self.tiles: list[PictogramButton] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        outer.addLayout(self._grid)
        outer.addStretch(1)
        self.pager = PageButtons()
        self.pager.moved.connect(lambda step: self._show_page(self._page + step))
        self.previous_page, self.page_label, self.next_page = self.pager.buttons()
        outer.addWidget(self.pager)

    def fit_text_scale(self, scale: float) -> None:
        """Fewer, taller tiles when the text is larger, so every tile keeps room for its words."""
        columns = self._normal_columns if scale <= 1 else self._larger_text_columns
        per_page = columns * max(1, int(self._rows / scale))
        self._tile_max_height = int(TILE_MAX_HEIGHT * scale)
        if (per_page, columns) != (self._per_page, self._columns):
            self._per_page, self._columns = per_page, columns
            self._show_page(0)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._items) // self._per_page))

    def set_items(self, items: Sequence[TileItem]) -> None:
        keep_page = [item.key for item in items] == [item.key for item in self._items]
        self._items = list(items)
        self._show_page(self._page if keep_page else 0)

    def _show_page(self, page: int) -> None:
        self._page = min(max(0, page), self.page_count - 1)
        discard(self.tiles, self._grid)
        self.tiles = []
        for column in range(max(self._normal_columns, self._larger_text_columns)):
            # Tiles of one width: a long label does not squeeze its neighbours' words.
            self._grid.setColumnStretch(column, 1 if column < self._columns else 0)
        start = self._page * self._per_page
        for index, item in enumerate(self._items[start : start + self._per_page]):
            tile = PictogramButton(item.pictogram, role="tile", vertical=True, icon_px=72)
            tile.set_text(item.text, item.description)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.setMaximumHeight(self._tile_max_height)
            tile.clicked.connect(lambda _=False, key=item.key: self.chosen.emit(key))
            self._grid.addWidget(tile, index // self._columns, index % self._columns)
            self.tiles.append(tile)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_page.set_text(_("Précédent"), _("Voir les images d'avant."))
        self.next_page.set_text(_("Suite"), _("Voir les autres images."))
        self.pager.show_position(self._page, self.page_count)


class PageButtons(QWidget):
    """« Précédent », « Page k sur n », « Suite » under a grid of tiles; hidden while one page holds all."""

    moved = Signal(int)  # -1 or +1

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.previous_page = PictogramButton("mdi6.chevron-double-up", icon_px=32)
        self.page_label = text_label("hint", wrap=False)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_page = PictogramButton("mdi6.chevron-double-down", icon_px=32)
        self.previous_page.clicked.connect(lambda: self.moved.emit(-1))
        self.next_page.clicked.connect(lambda: self.moved.emit(+1))
        row.addWidget(self.previous_page)
        row.addWidget(self.page_label, 1)
        row.addWidget(self.next_page)

    def buttons(self) -> tuple[PictogramButton, QLabel, PictogramButton]:
        return self.previous_page, self.page_label, self.next_page

    def show_position(self, page: int, pages: int) -> None:
        """Where the person is among ``pages`` pages (``page`` counts from 0)."""
        self.setVisible(pages > 1)
        self.previous_page.setEnabled(page > 0)
        self.next_page.setEnabled(page < pages - 1)
        self.page_label.setText(_("Page {page} sur {pages}").format(page=page + 1, pages=pages))


class WarningBox(QFrame):
    """A framed warning with its pictogram: where people lose their rights."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "warning")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(16)
        icon = QLabel()
        icon.setPixmap(pictograms.pixmap("mdi6.alert-outline", theme.TEXT, 48))
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = text_label()
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class ListenButton(PictogramButton):
    """ "Écouter": reads one block of text aloud, for whoever needs it again or cannot read it."""

    def __init__(self, texts: Callable[[], list[str]]) -> None:
        super().__init__("mdi6.volume-high", vertical=True, icon_px=32)
        self.texts = texts
        self.retranslate()

    def retranslate(self) -> None:
        self.set_text(_("Écouter"), _("Lire ce texte à voix haute."))
