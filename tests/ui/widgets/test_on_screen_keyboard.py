"""The on-screen keyboard: it appears for a text field, types into it (French and Arabic), and hides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.i18n import translation
from kiosk.i18n.keyboard_layouts import LAYOUTS, SYMBOLS
from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.widgets.on_screen_keyboard import OnScreenKeyboard


def press(keyboard: OnScreenKeyboard, letters: str) -> None:
    by_text = {key.text(): key for key in keyboard.letter_keys}
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
    [dot_fr] = [key for key in keyboard.shortcut_keys if key.text() == ".fr"]
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
        assert keyboard.layout_ is LAYOUTS["ar"] and keyboard.layoutDirection().name == "RightToLeft"
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
