"""A keyboard on the screen for touch-only kiosks: large keys, the person's alphabet, no memory.

It appears when a text field gets the focus and types into that field by sending
it ordinary key events, so the field behaves as with a real keyboard (a password
field shows no echo). Into a field of a web page (the official site), it types as
an input method commits text, which the page treats the same way. It predicts
nothing and keeps nothing: there is no history to leak. Its keys never take the focus away from the field.

Layouts come from ``kiosk.i18n.keyboard_layouts``: the person's language, the French
AZERTY one (for e-mail and web addresses) and digits with symbols. Which one a field
opens on follows the field: a field of the kiosk's own says what it takes with Qt's
input-method hints (as for any virtual keyboard: ``typing_of``), a field of a web page
with its kind (``follow_page_field``). Like every keyboard people know, it is not
mirrored in Arabic or Persian: « ض » stays top left, and each cap reads left to right.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QInputMethodEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import translation
from kiosk.i18n.keyboard_layouts import LAYOUTS, SHORTCUTS, SYMBOLS, Layout, Typing, layout_for, layouts_for
from kiosk.i18n.translation import _
from ui import theme
from ui.widgets import pictograms

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
KEY_PX = 64
LRI, PDI = "\u2066", "\u2069"  # a left-to-right isolate and its end
FIELD_MARGIN_PX = 16  # room kept around a field scrolled into view, so its frame shows whole
Hint = Qt.InputMethodHint
# What a field of the kiosk's own declares it takes (setInputMethodHints), read as a phone's keyboard does.
DIGIT_HINTS = (
    Hint.ImhDigitsOnly
    | Hint.ImhFormattedNumbersOnly
    | Hint.ImhDialableCharactersOnly
    | Hint.ImhPreferNumbers
    | Hint.ImhDate
    | Hint.ImhTime
)
FRENCH_HINTS = (
    Hint.ImhEmailCharactersOnly | Hint.ImhUrlCharactersOnly | Hint.ImhLatinOnly | Hint.ImhPreferLatin
)
# The kinds of a web page's fields (ui.browser.field_bridge): official sites take passwords and
# e-mail addresses in Latin letters only.
PAGE_FIELD_TYPING = {
    "number": Typing.DIGITS,
    "email": Typing.FRENCH,
    "password": Typing.FRENCH,
    "text": Typing.LETTERS,
}


def typing_of(field: QWidget) -> Typing:
    """What a field of the kiosk's own takes, read from the input-method hints it declares."""
    hints = field.inputMethodHints()
    if hints & DIGIT_HINTS:
        return Typing.DIGITS
    if hints & FRENCH_HINTS:
        return Typing.FRENCH
    return Typing.LETTERS


def direction_of(language: str) -> Qt.LayoutDirection:
    """The direction a word of ``language`` is written in."""
    return Qt.LayoutDirection.RightToLeft if translation.is_rtl(language) else Qt.LayoutDirection.LeftToRight


def _show_whole(area: QScrollArea, content: QWidget, widget: QWidget) -> None:
    """Scroll ``area`` up or down until ``widget`` shows whole, with a margin when there is room.

    Not ``ensureWidgetVisible``: for a field with the focus, Qt makes only its text cursor
    visible, and the field's lower edge stayed under the page's edge.
    """
    centre = widget.mapTo(content, widget.rect().center())
    area.ensureVisible(centre.x(), centre.y(), 0, widget.height() // 2 + FIELD_MARGIN_PX)


def bring_into_view(field: QWidget) -> None:
    """Scroll every scroll area the field sits in, the innermost first, until the field shows whole.

    With its label too when there is room: the widget holding the field (a form's row, a
    simulated site's field with its label) is shown first when it fits in the area.
    """
    areas: list[tuple[QScrollArea, QWidget]] = []
    parent = field.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and content is not None:
            areas.append((parent, content))
        parent = parent.parentWidget()
    holder = field.parentWidget()
    for area, content in areas:
        sideways = area.horizontalScrollBar().value()
        room = area.viewport().height() - 2 * FIELD_MARGIN_PX
        if holder is not None and holder is not content and 0 < holder.height() <= room:
            _show_whole(area, content, holder)
        _show_whole(area, content, field)
        if field.height() > room and isinstance(field, (QPlainTextEdit, QTextEdit)):
            # Taller than what shows: the line being written, where the text cursor is.
            cursor = field.cursorRect()
            where = field.viewport().mapTo(content, cursor.center())
            area.ensureVisible(where.x(), where.y(), 0, cursor.height() // 2 + FIELD_MARGIN_PX)
        if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            # Up or down only: with no bar to scroll back, a page moved sideways would stay cut.
            area.horizontalScrollBar().setValue(sideways)


def cap_text(cap: str) -> str:
    """What a key shows for ``cap``: signs read left to right, and a lone « & » shows.

    A button paints its text in the application's direction, so in Arabic or Persian
    « .com » would show as « com. » and « ( » turned round: a cap holding a sign is a
    left-to-right isolate (U+2066 LRI ... U+2069 PDI). Letters and digits read the same
    either way and are left as they are. A « & » marks a button's shortcut and would
    show nothing: it is doubled.
    """
    shown = cap.replace("&", "&&")
    if all(char.isalnum() for char in cap):
        return shown
    return f"{LRI}{shown}{PDI}"


class Key(QPushButton):
    """A key: never takes the focus, at least 64 px, with an accessible name.

    Its cap reads left to right whatever the language (``cap_text``). ``typed`` is what
    the key types, whatever its cap shows.
    """

    def __init__(self, cap: str, description: str, pictogram: str = "") -> None:
        super().__init__()
        self.typed = cap
        self._pictogram = pictogram
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setMinimumWidth(KEY_PX)
        self.setFixedHeight(KEY_PX)
        self.setProperty("role", "key")
        self.set_cap(cap, description)
        if pictogram:
            self.setIcon(QIcon(pictograms.pixmap(pictogram, theme.TEXT, 32)))
            self.setIconSize(QSize(32, 32))

    def set_label(self, label: str, description: str) -> None:
        """A word of the person's language (« Espace »): shown as written, unless the key has a pictogram."""
        if not self._pictogram:
            self.setText(label.replace("&", "&&"))  # a lone « & » would mark a shortcut and show nothing
        self.setAccessibleName(label)
        self.setAccessibleDescription(description)

    def set_cap(self, cap: str, description: str = "") -> None:
        """Characters (a letter, « .com », « 123 », a layout's name): what it types is what it shows."""
        self.typed = cap
        if not self._pictogram:
            self.setText(cap_text(cap))
        self.setAccessibleName(cap)
        self.setAccessibleDescription(description or cap)


class OnScreenKeyboard(QFrame):
    shown_changed = Signal(bool)
    field_followed = Signal(object)  # the kiosk's own field it now types into (a QWidget)

    def __init__(
        self,
        parent: QWidget | None = None,
        language: Callable[[], str] = translation.active_language,
        follow_focus: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The keys keep their places in every language, as on the person's own keyboards.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._language = language
        self._labelled_language = ""
        self.typing = Typing.LETTERS
        self.layout_ = layout_for(language())
        self._letters = self.layout_  # where « ABC » goes back to from the digits
        self.shifted = False
        self._field: QWidget | None = None  # the kiosk's own field last followed
        self._page_target: QWidget | None = None  # the web view whose page has a field focused
        self._page_kind = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        self.rows = QGridLayout()
        self.rows.setSpacing(6)
        outer.addLayout(self.rows)
        self.bottom = QHBoxLayout()
        self.bottom.setSpacing(6)
        outer.addLayout(self.bottom)
        self.letter_keys: list[Key] = []
        self._build_bottom_row()
        self.retranslate()
        if follow_focus:
            app = QApplication.instance()
            if not isinstance(app, QApplication):
                raise TypeError("the on-screen keyboard needs a widgets QApplication")
            app.focusChanged.connect(self._focus_changed)
            self.hide()

    # Layouts --------------------------------------------------------------------------
    def set_layout(self, layout: Layout) -> None:
        self.layout_ = layout
        self.shifted = False
        for key in self.letter_keys:
            self.rows.removeWidget(key)
            key.hide()  # until it is deleted, back in the event loop, it must neither show nor take a touch
            key.deleteLater()
        self.letter_keys = []
        for row, letters in enumerate(layout.rows):
            for column, letter in enumerate(letters):
                key = Key(letter, letter)
                key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.typed))
                self.rows.addWidget(key, row, column)
                self.letter_keys.append(key)
        self.shift_key.setVisible(layout.has_case)
        self._label_switch_keys()

    def follow(self, typing: Typing) -> None:
        """Open on the keys a field takes: its digits, the French letters or the person's own."""
        self.typing = typing
        first, self._letters = layouts_for(self._language(), typing)
        self.set_layout(first)

    def _build_bottom_row(self) -> None:
        self.shift_key = Key("", "", "mdi6.apple-keyboard-shift")
        self.shift_key.clicked.connect(self.toggle_shift)
        self.symbols_key = Key("123", "")
        self.symbols_key.clicked.connect(self._switch_symbols)
        self.latin_key = Key("AZERTY", "")
        self.latin_key.clicked.connect(self._switch_latin)
        self.shortcut_keys = [Key(text, text) for text in SHORTCUTS]
        for key in self.shortcut_keys:
            key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.typed))
        self.space_key = Key("", "")
        self.space_key.clicked.connect(lambda: self.type_text(" "))
        self.backspace_key = Key("", "", "mdi6.backspace-outline")
        self.backspace_key.clicked.connect(lambda: self._press(Qt.Key.Key_Backspace))
        self.enter_key = Key("", "", "mdi6.keyboard-return")
        self.enter_key.clicked.connect(lambda: self._press(Qt.Key.Key_Return))
        self.hide_key = Key("", "", "mdi6.keyboard-off-outline")
        self.hide_key.clicked.connect(self.hide)
        for key in (self.shift_key, self.symbols_key, self.latin_key, *self.shortcut_keys):
            self.bottom.addWidget(key)
        self.bottom.addWidget(self.space_key, 1)
        for key in (self.backspace_key, self.enter_key, self.hide_key):
            self.bottom.addWidget(key)

    def retranslate(self) -> None:
        """Every label in the active language; the person's letters follow a change of language."""
        language = self._language()
        self.shift_key.set_label(_("Majuscule"), _("Taper la lettre suivante en majuscule."))
        self.space_key.set_label(_("Espace"), _("Un espace entre deux mots."))
        self.space_key.setLayoutDirection(direction_of(language))  # a word of the person's language
        self.backspace_key.set_label(_("Effacer"), _("Effacer le dernier caractère."))
        self.enter_key.set_label(_("Valider"), _("Valider ce qui est écrit."))
        self.hide_key.set_label(_("Masquer le clavier"), _("Cacher le clavier."))
        if language != self._labelled_language:
            self._labelled_language = language
            self.follow(self.typing)
        else:
            self._label_switch_keys()

    def _label_switch_keys(self) -> None:
        own = layout_for(self._language())
        self.symbols_key.set_cap("ABC" if self.layout_ is SYMBOLS else "123", _("Chiffres et signes."))
        # The "other alphabet" key goes to French AZERTY, or back to the person's own layout.
        back_to_own = self.layout_ is not own
        self.latin_key.set_cap(
            own.name if back_to_own else LAYOUTS["fr"].name,
            _("Clavier français, pour les adresses e-mail et les sites."),
        )
        self.latin_key.setVisible(back_to_own or own is not LAYOUTS["fr"])

    def _switch_symbols(self) -> None:
        self.set_layout(self._letters if self.layout_ is SYMBOLS else SYMBOLS)

    def _switch_latin(self) -> None:
        own = layout_for(self._language())
        self.set_layout(own if self.layout_ is not own else LAYOUTS["fr"])

    def toggle_shift(self) -> None:
        self.shifted = not self.shifted
        for key in self.letter_keys:
            key.set_cap(key.typed.upper() if self.shifted else key.typed.lower())

    # Typing -----------------------------------------------------------------------------
    def type_text(self, text: str) -> None:
        target = self.target()
        if target is None:
            return
        if target is self._page_target:
            commit = QInputMethodEvent()
            commit.setCommitString(text)
            QApplication.sendEvent(target, commit)
        else:
            QApplication.sendEvent(
                target,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text),
            )
        if self.shifted:
            self.toggle_shift()

    def _press(self, key: Qt.Key) -> None:
        target = self.target()
        if target is not None:
            kinds = [QEvent.Type.KeyPress]
            if target is self._page_target:
                kinds.append(QEvent.Type.KeyRelease)  # a web page acts on the key's release too
            for kind in kinds:
                QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))

    def target(self) -> QWidget | None:
        focused = QApplication.focusWidget()
        if focused is not None and focused is self._page_target:
            return focused
        return focused if isinstance(focused, TEXT_FIELDS) else None

    # Fields of a web page ------------------------------------------------------------------
    def follow_page_field(self, target: QWidget, kind: str) -> None:
        """A field of the site's page has the focus (``target`` is the view's focus proxy): come up.

        Digits for a number; the French letters for a password or an e-mail address, which
        official sites only take in Latin letters; the person's own letters for the rest.
        """
        if target is self._page_target and kind == self._page_kind and self.isVisible():
            return  # the same field, asked again: the layout the person chose stays
        self._page_target = target
        self._page_kind = kind
        self.follow(PAGE_FIELD_TYPING.get(kind, Typing.LETTERS))
        self.show()

    def page_field_left(self) -> None:
        if self._page_target is not None:
            self._page_target = None
            self.hide()

    # Showing -----------------------------------------------------------------------------
    def follow_field(self, field: QWidget) -> None:
        """A field of the kiosk's own has the focus: its keys, shown, and the field kept in view."""
        if field is not self._field or self.isHidden():
            self._field = field  # a field focused again keeps the keys the person chose for it
            self.follow(typing_of(field))
        self.show()
        self.field_followed.emit(field)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_FIELDS) and new.window() is self.window():
            self.follow_field(new)
        elif new is not None and new is self._page_target:
            return  # the page says itself which of its fields has the focus (ui.browser.field_bridge)
        elif new is not None and new.window() is self.window() and not isinstance(new, Key):
            self._page_target = None
            self._field = None
            self.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._labelled_language != self._language():
            self.retranslate()  # the language changed while it was hidden
        self.shown_changed.emit(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.shown_changed.emit(False)
