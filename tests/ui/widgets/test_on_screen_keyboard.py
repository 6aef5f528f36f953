"""The on-screen keyboard: it appears for a text field, types into it (French and Arabic), and hides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit
from pytestqt.qtbot import QtBot

from kiosk.i18n import translation
from kiosk.i18n.keyboard_layouts import LAYOUTS, SYMBOLS
from kiosk.i18n.translation import _
from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from kiosk.visit.session import TEXT_SIZES
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.widgets.on_screen_keyboard import TEXT_FIELDS, Key, OnScreenKeyboard


def press(keyboard: OnScreenKeyboard, letters: str) -> None:
    by_text = {key.typed: key for key in keyboard.letter_keys}
    for letter in letters:
        by_text[letter].click()


@pytest.fixture
def note_field(stored_window: MainWindow) -> QLineEdit:
    store = stored_window.station.keeper.store
    assert store is not None
    PinLock(store).set_pin(Secret("482193"))
    panel = stored_window.mediator_panel
    panel.unlocked()
    stored_window.activateWindow()
    field = panel.session_page.note
    field.setFocus()
    QApplication.processEvents()
    return field


def test_the_keyboard_appears_for_a_text_field_and_types_french(
    stored_window: MainWindow, note_field: QLineEdit
) -> None:
    keyboard = stored_window.keyboard
    assert keyboard.isVisible() and keyboard.layout_ is LAYOUTS["fr"]
    keyboard.shift_key.click()
    press(keyboard, "L")
    press(keyboard, "éa")
    keyboard.space_key.click()
    press(keyboard, "ça")
    keyboard.backspace_key.click()
    [dot_fr] = [key for key in keyboard.shortcut_keys if key.typed == ".fr"]
    dot_fr.click()
    assert note_field.text() == "Léa ç.fr"
    field_bottom = note_field.mapTo(stored_window, QPoint(0, note_field.height())).y()
    assert field_bottom <= keyboard.geometry().top(), "the field stays visible above the keyboard"
    for key in [*keyboard.letter_keys, keyboard.space_key, keyboard.hide_key]:
        assert key.height() >= 64 and key.width() >= 64
    keyboard.hide_key.click()
    assert not keyboard.isVisible()


def test_the_keyboard_types_arabic_and_switches_to_latin_and_digits(
    stored_window: MainWindow, qtbot: QtBot
) -> None:
    translation.set_language("ar")
    try:
        store = stored_window.station.keeper.store
        assert store is not None
        PinLock(store).set_pin(Secret("482193"))
        stored_window.mediator_panel.unlocked()
        stored_window.activateWindow()
        field = stored_window.mediator_panel.session_page.note
        field.setFocus()
        QApplication.processEvents()
        keyboard = stored_window.keyboard
        assert keyboard.layout_ is LAYOUTS["ar"]
        # Not mirrored, as on every Arabic keyboard: « ض » top left, « د » at the end of its row.
        first, last = keyboard.letter_keys[0], keyboard.letter_keys[len(LAYOUTS["ar"].rows[0]) - 1]
        assert (first.typed, last.typed) == ("ض", "د")
        assert first.mapTo(keyboard, QPoint(0, 0)).x() < last.mapTo(keyboard, QPoint(0, 0)).x()
        press(keyboard, "سلام")
        keyboard.latin_key.click()
        assert keyboard.layout_ is LAYOUTS["fr"]
        press(keyboard, "ok")
        keyboard.symbols_key.click()
        assert keyboard.layout_ is SYMBOLS
        press(keyboard, "42")
        assert field.text() == "سلامok42"  # noqa: RUF001 - Persian typed on the keyboard
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def test_leaving_the_field_hides_the_keyboard(stored_window: MainWindow, note_field: QLineEdit) -> None:
    assert stored_window.keyboard.isVisible()
    stored_window.mediator_panel.back_button.setFocus()
    QApplication.processEvents()
    assert not stored_window.keyboard.isVisible()


def test_the_passphrase_is_typed_without_echo_on_the_unlock_screen(qtbot: QtBot) -> None:
    tried: list[str] = []

    def attempt(passphrase: Secret) -> bool:
        tried.append(passphrase.reveal())
        return True

    dialog = UnlockDialog(attempt)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.field.setFocus()
    QApplication.processEvents()
    press(dialog.keyboard, "motdepasse")
    assert dialog.field.displayText() != "motdepasse" and dialog.field.text() == "motdepasse"
    dialog.keyboard.enter_key.click()
    assert tried == ["motdepasse"] and dialog.field.text() == ""


@pytest.mark.parametrize(
    ("kind", "expected"), [("text", "ar"), ("number", "symbols"), ("password", "fr"), ("email", "fr")]
)
def test_a_web_page_field_gets_the_letters_its_site_takes(
    stored_window: MainWindow, kind: str, expected: str
) -> None:
    """On an official site a password or an e-mail is written in Latin letters, a number in digits."""
    stored_window.station.visit.start()
    stored_window.station.visit.choose_language("ar")
    keyboard = stored_window.keyboard
    page_view = QLineEdit()  # stands for the view's focus proxy: any widget the page types through
    keyboard.follow_page_field(page_view, kind)
    assert keyboard.isVisible()
    layouts = {"ar": LAYOUTS["ar"], "fr": LAYOUTS["fr"], "symbols": SYMBOLS}
    assert keyboard.layout_ is layouts[expected]
    keyboard.page_field_left()
    assert not keyboard.isVisible()


def test_the_keys_are_labelled_again_when_the_language_changes(
    stored_window: MainWindow, note_field: QLineEdit
) -> None:
    keyboard = stored_window.keyboard
    assert keyboard.isVisible() and keyboard.space_key.text() == "Espace"
    visit = stored_window.station.visit
    visit.start()
    visit.choose_language("ar")  # the window re-translates what shows, the keyboard with it
    try:
        assert keyboard.isVisible()
        assert keyboard.space_key.text() == _("Espace") != "Espace"
        assert keyboard.backspace_key.accessibleName() == _("Effacer") != "Effacer"
        assert keyboard.layout_ is LAYOUTS["ar"], "the person's letters follow their language"
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def grab_caps(language: str, direction: Qt.LayoutDirection, qtbot: QtBot) -> dict[str, QImage]:
    """Every sign key and shortcut of a keyboard in ``language``, painted as the window would."""
    QApplication.setLayoutDirection(direction)  # as the window does for the person's language
    keyboard = OnScreenKeyboard(language=lambda: language, follow_focus=False)
    qtbot.addWidget(keyboard)
    keyboard.resize(1024, keyboard.sizeHint().height())
    keyboard.set_layout(SYMBOLS)
    keyboard.show()
    QApplication.processEvents()
    return {key.typed: key.grab().toImage() for key in [*keyboard.letter_keys, *keyboard.shortcut_keys]}


def test_key_caps_read_left_to_right_in_arabic_and_the_ampersand_shows(qtbot: QtBot) -> None:
    """« .com » not « com. », « ( » not turned round, « & » not blank: compared pixel for pixel."""
    try:
        arabic = grab_caps("ar", Qt.LayoutDirection.RightToLeft, qtbot)
        french = grab_caps("fr", Qt.LayoutDirection.LeftToRight, qtbot)
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert arabic.keys() == french.keys()
    differ = [cap for cap in french if arabic[cap] != french[cap]]
    assert differ == [], "these caps show otherwise in a right-to-left kiosk"
    key = french["&"]
    inner = key.copy(8, 8, key.width() - 16, key.height() - 16)  # inside the key's border
    colours = {inner.pixelColor(x, y).name() for x in range(inner.width()) for y in range(inner.height())}
    assert len(colours) > 1, "the « & » key shows its sign"


def test_every_key_is_at_least_64_px_at_1024_in_every_language_layout_and_text_size(
    stored_window: MainWindow,
) -> None:
    window = stored_window
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    keyboard = window.keyboard
    try:
        for language in translation.LANGUAGES:
            visit.choose_language(language.code)
            for _size in TEXT_SIZES:
                window.nav_bar.text_size.emit()
                for layout in (LAYOUTS[language.code], LAYOUTS["fr"], SYMBOLS):
                    keyboard.set_layout(layout)
                    keyboard.show()
                    QApplication.processEvents()
                    assert window.rect().contains(keyboard.geometry())
                    for key in keyboard.findChildren(Key):
                        if key.isVisible():
                            where = f"{language.code} {layout.code} {key.accessibleName()}"
                            assert key.width() >= 64 and key.height() >= 64, where
                            assert keyboard.rect().contains(key.geometry()), where
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def test_switching_layouts_leaves_no_old_key_to_show_or_touch(stored_window: MainWindow) -> None:
    keyboard = stored_window.keyboard
    keyboard.show()
    keyboard.set_layout(LAYOUTS["ar"])
    keyboard.set_layout(SYMBOLS)
    QApplication.processEvents()
    shown = {key for key in keyboard.findChildren(Key) if key.isVisible()}
    assert shown - {*keyboard.letter_keys} == {
        key for key in (keyboard.symbols_key, keyboard.latin_key, *keyboard.shortcut_keys) if key.isVisible()
    } | {keyboard.space_key, keyboard.backspace_key, keyboard.enter_key, keyboard.hide_key}
    assert {key.typed for key in shown & set(keyboard.letter_keys)} == set("".join(SYMBOLS.rows))


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        (Qt.InputMethodHint.ImhDigitsOnly, "symbols"),
        (Qt.InputMethodHint.ImhEmailCharactersOnly, "fr"),
        (Qt.InputMethodHint.ImhNone, "ar"),
    ],
)
def test_a_field_of_the_kiosk_opens_the_keys_its_hints_ask_for(
    stored_window: MainWindow, note_field: QLineEdit, hints: Qt.InputMethodHint, expected: str
) -> None:
    visit = stored_window.station.visit
    visit.start()
    visit.choose_language("ar")
    try:
        stored_window.mediator_panel.back_button.setFocus()
        note_field.setInputMethodHints(hints)
        note_field.setFocus()
        QApplication.processEvents()
        keyboard = stored_window.keyboard
        layouts = {"ar": LAYOUTS["ar"], "fr": LAYOUTS["fr"], "symbols": SYMBOLS}
        assert keyboard.isVisible() and keyboard.layout_ is layouts[expected]
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def test_every_field_of_mediator_mode_shows_above_the_keyboard_at_1024(
    stored_window: MainWindow, note_field: QLineEdit
) -> None:
    """What shows of each field (clipped by the page's scroll area) is clear of the keyboard, with
    the text cursor in it: the line being written is never typed blind."""
    window = stored_window
    window.resize(1024, 768)
    panel = window.mediator_panel
    keyboard = window.keyboard
    checked = 0
    for page in panel.tab_buttons:
        panel.show_page(page)
        QApplication.processEvents()
        fields = [field for kind in TEXT_FIELDS for field in page.findChildren(kind) if field.isVisible()]
        for field in fields:
            field.setFocus()
            QApplication.processEvents()
            where = f"{type(page).__name__} {field.accessibleName()}"
            view = field.parentWidget()
            while view is not None and not isinstance(view, QScrollArea):
                view = view.parentWidget()
            assert view is not None, where
            viewport = view.viewport()
            shows = QRect(field.mapTo(window, QPoint(0, 0)), field.size()).intersected(
                QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
            )
            if isinstance(field, (QPlainTextEdit, QTextEdit)):
                cursor_at = field.viewport().mapTo(window, field.cursorRect().center())
            else:
                assert isinstance(field, QLineEdit)
                cursor_at = field.mapTo(window, field.cursorRect().center())
            assert keyboard.isVisible(), where
            assert not shows.isEmpty() and not shows.intersects(keyboard.geometry()), where
            assert shows.contains(cursor_at), f"{where}: the text cursor is out of sight"
            checked += 1
    assert checked >= 3
