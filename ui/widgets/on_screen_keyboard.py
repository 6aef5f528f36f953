"""A keyboard on the screen for touch-only kiosks: large keys, the person's alphabet, no memory.

It appears when a text field gets the focus and types into that field by sending
it ordinary key events, so the field behaves as with a real keyboard (a password
field shows no echo). Into a field of a web page (the official site), it types as
an input method commits text, which the page treats the same way. It predicts
nothing and keeps nothing: there is no history to leak. Its keys never take the focus away from the field.

Layouts come from ``kiosk.i18n.keyboard_layouts``: the person's language, the French
AZERTY one (for e-mail and web addresses) and digits with symbols.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import translation
from kiosk.i18n.keyboard_layouts import LAYOUTS, SHORTCUTS, SYMBOLS, Layout, layout_for
from kiosk.i18n.translation import _
from ui import theme
from ui.widgets import pictograms

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
KEY_PX = 64
LATIN_FIELDS = frozenset({"password", "email"})  # the kinds of a web page's fields (ui.browser.field_bridge)


class Key(QPushButton):
    """A key: never takes the focus, at least 64 px, with an accessible name."""

    def __init__(self, label: str, description: str, pictogram: str = "") -> None:
        super().__init__(label if not pictogram else "")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(KEY_PX)
        self.setFixedHeight(KEY_PX)
        self.setProperty("role", "key")
        self.setAccessibleName(label)
        self.setAccessibleDescription(description)
        if pictogram:
            self.setIcon(QIcon(pictograms.pixmap(pictogram, theme.TEXT, 32)))
            self.setIconSize(QSize(32, 32))


class OnScreenKeyboard(QFrame):
    shown_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        language: Callable[[], str] = translation.active_language,
        follow_focus: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._language = language
        self.layout_ = layout_for(language())
        self.shifted = False
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
        self.set_layout(self.layout_)
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
            key.deleteLater()
        self.letter_keys = []
        for row, letters in enumerate(layout.rows):
            for column, letter in enumerate(letters):
                key = Key(letter, letter)
                key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.text()))
                self.rows.addWidget(key, row, column)
                self.letter_keys.append(key)
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if layout.right_to_left else Qt.LayoutDirection.LeftToRight
        )
        self.shift_key.setVisible(layout.has_case)
        self._label_switch_keys()

    def _build_bottom_row(self) -> None:
        self.shift_key = Key(
            _("Majuscule"), _("Taper la lettre suivante en majuscule."), "mdi6.apple-keyboard-shift"
        )
        self.shift_key.clicked.connect(self.toggle_shift)
        self.symbols_key = Key("123", _("Chiffres et signes."))
        self.symbols_key.clicked.connect(self._switch_symbols)
        self.latin_key = Key("AZERTY", _("Clavier français, pour les adresses e-mail et les sites."))
        self.latin_key.clicked.connect(self._switch_latin)
        self.shortcut_keys = [Key(text, text) for text in SHORTCUTS]
        for key in self.shortcut_keys:
            key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.text()))
        self.space_key = Key(_("Espace"), _("Un espace entre deux mots."))
        self.space_key.clicked.connect(lambda: self.type_text(" "))
        self.backspace_key = Key(_("Effacer"), _("Effacer le dernier caractère."), "mdi6.backspace-outline")
        self.backspace_key.clicked.connect(lambda: self._press(Qt.Key.Key_Backspace))
        self.enter_key = Key(_("Valider"), _("Valider ce qui est écrit."), "mdi6.keyboard-return")
        self.enter_key.clicked.connect(lambda: self._press(Qt.Key.Key_Return))
        self.hide_key = Key(_("Masquer le clavier"), _("Cacher le clavier."), "mdi6.keyboard-off-outline")
        self.hide_key.clicked.connect(self.hide)
        for key in (self.shift_key, self.symbols_key, self.latin_key, *self.shortcut_keys):
            self.bottom.addWidget(key)
        self.bottom.addWidget(self.space_key, 1)
        for key in (self.backspace_key, self.enter_key, self.hide_key):
            self.bottom.addWidget(key)

    def _label_switch_keys(self) -> None:
        own = layout_for(self._language())
        self.symbols_key.setText("ABC" if self.layout_ is SYMBOLS else "123")
        # The "other alphabet" key goes to French AZERTY, or back to the person's own layout.
        back_to_own = self.layout_ is not own
        self.latin_key.setText(own.name if back_to_own else LAYOUTS["fr"].name)
        self.latin_key.setVisible(back_to_own or own is not LAYOUTS["fr"])

    def _switch_symbols(self) -> None:
        self.set_layout(layout_for(self._language()) if self.layout_ is SYMBOLS else SYMBOLS)

    def _switch_latin(self) -> None:
        own = layout_for(self._language())
        self.set_layout(own if self.layout_ is not own else LAYOUTS["fr"])

    def toggle_shift(self) -> None:
        self.shifted = not self.shifted
        for key in self.letter_keys:
            key.setText(key.text().upper() if self.shifted else key.text().lower())

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
        if kind == "number":
            self.set_layout(SYMBOLS)
        elif kind in LATIN_FIELDS:
            self.set_layout(LAYOUTS["fr"])
        else:
            self.set_layout(layout_for(self._language()))
        self.show()

    def page_field_left(self) -> None:
        if self._page_target is not None:
            self._page_target = None
            self.hide()

    # Showing -----------------------------------------------------------------------------
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_FIELDS) and new.window() is self.window():
            own = layout_for(self._language())
            if self.layout_ is not own and self.layout_ is not SYMBOLS:
                self.set_layout(own)
            self.show()
        elif new is not None and new is self._page_target:
            return  # the page says itself which of its fields has the focus (ui.browser.field_bridge)
        elif new is not None and new.window() is self.window() and not isinstance(new, Key):
            self._page_target = None
            self.hide()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.shown_changed.emit(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.shown_changed.emit(False)
