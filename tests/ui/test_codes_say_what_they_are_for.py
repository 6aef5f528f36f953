"""The kept code and the help request's QR code say what they are for, and where to go with them."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtWidgets import QApplication

from kiosk.visit.help_desk import HelpKind
from tests.conftest import walk_to_step
from ui.main_window import MainWindow
from ui.screens.help_sent import HelpSentScreen
from ui.screens.home import HomeScreen
from ui.screens.kept import KeptScreen

LOCALES = Path(__file__).parents[2] / "locales"
HOME_BUTTON = "J'ai un code pour reprendre"
KEPT_HOW = (
    "Notez-le, ou prenez l'écran en photo. À votre retour, choisissez votre langue, "
    "puis touchez « J'ai un code pour reprendre » et tapez-le."
)


def test_the_kept_code_names_the_button_of_the_home_screen_as_it_is_written(
    stored_window: MainWindow,
) -> None:
    station = stored_window.station
    visit = station.visit
    visit.start()
    visit.choose_language("fr")
    home = stored_window.current_screen
    assert isinstance(home, HomeScreen)
    button_text = home.resume_button.text_shown()
    station.end_visit()
    walk_to_step(station, "ameli-creer-compte", 1, language="fr")
    visit.open_leave()
    assert station.keep_progress()
    QApplication.processEvents()
    kept = stored_window.current_screen
    assert isinstance(kept, KeptScreen)
    assert f"« {button_text} »" in kept.how.text()  # « J'ai un code » was not the button's name
    assert "choisissez votre langue" in kept.how.text()  # the button is on the home screen, not the start


def test_every_language_names_the_button_as_its_own_translation_says_it() -> None:
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/kiosk.po")):
        with po.open("rb") as file:
            catalog = read_po(file)
        button, how = catalog.get(HOME_BUTTON), catalog.get(KEPT_HOW)
        assert button is not None and how is not None and not how.fuzzy, po
        assert button.string and button.string in how.string, po


def test_arabic_speaks_to_the_person_in_the_singular_on_the_kept_code_screen() -> None:
    with (LOCALES / "ar" / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        catalog = read_po(file)
    # The plural « you » (-كم, the -وا imperatives) where every other screen uses the singular (-ك).
    title, qr_text = "Voici votre code pour revenir", "France Services : votre code pour reprendre : {code}"
    for msgid in (title, KEPT_HOW, qr_text):
        message = catalog.get(msgid)
        assert message is not None
        assert "كم" not in message.string and "وه" not in message.string, message.string


def test_the_help_request_qr_code_says_what_it_is_for(stored_window: MainWindow) -> None:
    visit = stored_window.station.visit
    visit.start()
    visit.choose_language("fr")
    visit.open_help()
    visit.ask_for_help(HelpKind.STUCK)
    QApplication.processEvents()
    screen = stored_window.current_screen
    assert isinstance(screen, HelpSentScreen) and screen.qr.isVisible()
    assert screen.qr_caption.isVisible()
    assert "aider" in screen.qr_caption.text() and "sans vos données" in screen.qr_caption.text()
