"""The on-screen keyboard on the simulated sites: the keys each field takes, and the field never hidden.

Every field of every page of every practice site, at 1024x768: the field is focused as a
touch would, and its rectangle in the window must stay clear of the keyboard's and show
whole, top to bottom, in the scroll area it sits in.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.field_kinds import FieldKind
from kiosk.content.practice_sites import PracticeField, PracticeKind, PracticeLink
from kiosk.i18n.keyboard_layouts import LAYOUTS, SYMBOLS, Layout, Typing
from ui.main_window import MainWindow
from ui.practice.screen import PracticeScreen
from ui.practice.site import TYPED_WITH, SiteField
from ui.widgets.on_screen_keyboard import typing_of

DIGITS = {
    FieldKind.NIR,
    FieldKind.TAX_NUMBER,
    FieldKind.CAF_NUMBER,
    FieldKind.FRANCE_TRAVAIL_ID,
    FieldKind.IBAN,
    FieldKind.MOBILE_PHONE,
    FieldKind.PHONE,
    FieldKind.POSTAL_CODE,
    FieldKind.DATE,
    FieldKind.BIRTH_DATE,
    FieldKind.AMOUNT,
    PracticeKind.CONFIRMATION_CODE,
}
FRENCH_LETTERS = {FieldKind.EMAIL, FieldKind.PASSWORD, PracticeKind.CAPTCHA}
OWN_LETTERS = {FieldKind.TEXT}


def in_window(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def every_practice_field(
    window: MainWindow, language: str, also: Callable[[str, str], None] = lambda where, kind: None
) -> list[str]:
    """Walks every page of every practice site in ``language``; each field focused as a touch would,
    checked in view, then ``also(where, kind)`` while its page shows. Returns the kinds typed into."""
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language(language)
    seen: list[str] = []
    for procedure_id in sorted(window.station.catalog.practice):
        visit.home()
        visit.open_procedure(procedure_id)
        visit.open_practice()
        QApplication.processEvents()
        screen = window.current_screen
        assert isinstance(screen, PracticeScreen)
        for page in screen.site.pages:
            screen.follow(PracticeLink("", page.id))
            QApplication.processEvents()
            assert screen.site_page is not None
            for field_id, view in screen.site_page.fields.items():
                if view.editor is None:
                    continue  # a box to tick, a choice, a photo: nothing to type
                window.activateWindow()
                view.editor.setFocus()
                QApplication.processEvents()
                where = f"{language} {procedure_id} {page.id} {field_id}"
                check_in_view(window, screen, view.editor, where)
                also(where, view.field.kind)
                seen.append(view.field.kind)
    return seen


def check_in_view(window: MainWindow, screen: PracticeScreen, field: QLineEdit, where: str) -> None:
    keyboard = window.keyboard
    assert keyboard.isVisible(), where
    assert window.rect().contains(keyboard.geometry()), where
    shown = in_window(field, window)
    assert not shown.intersects(keyboard.geometry()), f"{where}: {shown} under the keyboard"
    assert screen.browser.page_area.horizontalScrollBar().value() == 0, f"{where}: the page moved sideways"
    viewport = in_window(screen.browser.page_area.viewport(), window)
    assert viewport.top() <= shown.top() and shown.bottom() <= viewport.bottom(), (
        f"{where}: {shown} not whole in the page's view {viewport}"
    )


@pytest.mark.parametrize(("language", "larger_text"), [("fr", 0), ("ar", 0), ("fa", 2)])
def test_every_field_of_every_practice_site_stays_in_view_above_the_keyboard(
    window: MainWindow, language: str, larger_text: int
) -> None:
    for _touch in range(larger_text):  # the largest text size: taller labels and fields
        window.nav_bar.text_size.emit()
    fields = every_practice_field(window, language)
    assert len(fields) > 100  # every site's every page was walked


def test_each_practice_field_opens_the_keys_it_takes(window: MainWindow) -> None:
    """Digits for numbers and codes, French letters for e-mail and passwords, Persian letters for a name."""
    expected: dict[str, Layout] = {
        **dict.fromkeys(DIGITS, SYMBOLS),
        **dict.fromkeys(FRENCH_LETTERS, LAYOUTS["fr"]),
        **dict.fromkeys(OWN_LETTERS, LAYOUTS["fa"]),
    }

    def opens_its_keys(where: str, kind: str) -> None:
        assert window.keyboard.layout_ is expected[kind], where

    kinds_typed = set(every_practice_field(window, "fa", opens_its_keys))
    assert len(kinds_typed) > 10


def test_every_kind_of_field_typed_into_says_which_keys_it_takes(qtbot: QtBot) -> None:
    """A new kind of field must say it, and the keyboard reads it from the field's input-method hints."""
    assert set(TYPED_WITH) == DIGITS | FRENCH_LETTERS | OWN_LETTERS
    without_typing = {PracticeKind.CHECKBOX, PracticeKind.CHOICE, PracticeKind.UPLOAD}
    assert set(TYPED_WITH) | without_typing == {*FieldKind, *PracticeKind}
    typing: dict[str, Typing] = {
        **dict.fromkeys(DIGITS, Typing.DIGITS),
        **dict.fromkeys(FRENCH_LETTERS, Typing.FRENCH),
        **dict.fromkeys(OWN_LETTERS, Typing.LETTERS),
    }
    for kind in TYPED_WITH:
        view = SiteField(PracticeField(id="champ", label="Champ", kind=kind), captcha="ABCDE")
        qtbot.addWidget(view)
        assert view.editor is not None and typing_of(view.editor) is typing[kind], kind


def test_a_number_is_typed_on_digits_and_an_iban_gets_french_letters(window: MainWindow) -> None:
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language("ar")
    visit.open_procedure("caf-prime-activite")
    visit.open_practice()
    screen = window.current_screen
    assert isinstance(screen, PracticeScreen) and screen.site_page is not None
    screen.follow(PracticeLink("", "envoi"))
    assert screen.site_page is not None
    iban = screen.site_page.fields["iban"].editor
    assert iban is not None
    window.activateWindow()
    iban.setFocus()
    QApplication.processEvents()
    keyboard = window.keyboard
    assert keyboard.layout_ is SYMBOLS
    keyboard.symbols_key.click()  # « ABC »: the letters a French site takes, not Arabic ones
    assert keyboard.layout_ is LAYOUTS["fr"]
    keyboard.shift_key.click()
    {key.typed: key for key in keyboard.letter_keys}["F"].click()
    keyboard.shift_key.click()
    {key.typed: key for key in keyboard.letter_keys}["R"].click()
    keyboard.symbols_key.click()
    for digit in "76":
        {key.typed: key for key in keyboard.letter_keys}[digit].click()
    assert iban.text() == "FR76"
