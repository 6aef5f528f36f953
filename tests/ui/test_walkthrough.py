"""A person's whole path by simulated taps: welcome to recap, and all the way back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from ui.main_window import MainWindow
from ui.widgets.blocks import PictogramButton


def tap(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def button_named(window: MainWindow, name: str) -> PictogramButton:
    matches = [
        b for b in window.findChildren(PictogramButton) if b.isVisible() and b.accessibleName() == name
    ]
    assert len(matches) == 1, (
        f"{name!r}: {[b.accessibleName() for b in window.findChildren(PictogramButton) if b.isVisible()]}"
    )
    return matches[0]


def screen(window: MainWindow) -> ScreenId:
    return window.station.visit.place.screen


def test_a_whole_procedure_by_taps_and_back_to_the_start(window: MainWindow, qtbot: QtBot) -> None:
    tap(qtbot, button_named(window, "Commencer"))
    assert screen(window) is ScreenId.LANGUAGE
    tap(qtbot, button_named(window, "Français"))
    assert screen(window) is ScreenId.HOME
    tap(qtbot, button_named(window, "Travail et emploi"))
    assert screen(window) is ScreenId.SITUATION
    tap(qtbot, button_named(window, "Dire chaque mois à France Travail que vous cherchez toujours un emploi"))
    assert screen(window) is ScreenId.INTRO
    tap(qtbot, button_named(window, "Commencer"))
    steps = 0
    while screen(window) is ScreenId.STEP:
        steps += 1
        assert window.current_screen.counter.text() == f"Étape {steps} sur 5"  # type: ignore[attr-defined]
        tap(qtbot, button_named(window, "Terminer" if steps == 5 else "Suivant"))
    assert steps == 5 and screen(window) is ScreenId.RECAP
    back = 0
    while screen(window) is not ScreenId.WELCOME:
        tap(qtbot, window.nav_bar.back_button)
        back += 1
    assert back == 10  # recap, 5 steps, intro, situation, home, language
    assert not window.nav_bar.back_button.isVisible()


def test_touching_the_welcome_screen_anywhere_starts(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    assert screen(window) is ScreenId.LANGUAGE


def test_help_keeps_the_place_and_shows_a_ticket(window: MainWindow, qtbot: QtBot) -> None:
    visit = window.station.visit
    walk_to_step(window.station, "caf-declaration-trimestrielle", 2)
    where = visit.place
    tap(qtbot, window.nav_bar.help_button)
    assert screen(window) is ScreenId.HELP
    tap(qtbot, button_named(window, "Je suis bloqué"))
    assert screen(window) is ScreenId.HELP_SENT
    assert window.current_screen.ticket.text() == "1"  # type: ignore[attr-defined]
    tap(qtbot, button_named(window, "Reprendre où j'en étais"))
    assert visit.place == where
    assert window.station.help_desk.open_requests()[0].context.step_id == "declarer"


def test_repeat_reads_the_current_screen(window: MainWindow, qtbot: QtBot) -> None:
    window.station.visit.start()
    speaker = window.speaker
    speaker.stop()
    tap(qtbot, window.nav_bar.repeat_button)
    assert speaker.last_request == (("Choisissez votre langue", window.current_screen.hint.text()), "fr")  # type: ignore[attr-defined]


def test_text_size_button_enlarges_the_content_text(window: MainWindow, qtbot: QtBot) -> None:
    window.station.visit.start()
    before = window.current_screen.title.fontInfo().pixelSize()
    tap(qtbot, window.nav_bar.text_size_button)
    assert window.current_screen.title.fontInfo().pixelSize() > before
    tap(qtbot, window.nav_bar.text_size_button)
    tap(qtbot, window.nav_bar.text_size_button)
    assert window.current_screen.title.fontInfo().pixelSize() == before


def test_language_can_change_in_the_middle_of_a_step(window: MainWindow, qtbot: QtBot) -> None:
    visit = window.station.visit
    walk_to_step(window.station, "france-travail-actualisation", 1)
    where = visit.place
    tap(qtbot, window.nav_bar.language_button)
    tap(qtbot, button_named(window, "English"))
    assert visit.place == where
    assert window.current_screen.counter.text() == "Step 1 of 5"  # type: ignore[attr-defined]
    assert window.nav_bar.help_button.accessibleName() == "Help"
    assert window.current_screen.title.text() != "Faites-le au bon moment"


def test_choosing_a_language_greets_the_person_in_it(window: MainWindow, qtbot: QtBot) -> None:
    assert window.speaker.last_request[0][:2] == ("Bonjour", "Touchez l'écran pour commencer")  # type: ignore[attr-defined]
    window.station.visit.start()
    tap(qtbot, button_named(window, "English"))
    assert window.speaker.last_request[0][:2] == ("Hello", "What is your situation?")  # type: ignore[attr-defined]
    window.station.visit.open_theme("work")
    assert window.speaker.last_request[0][0] != "Hello"  # type: ignore[attr-defined]
    window.station.end_visit()  # back to French for the next person: the welcome says Bonjour once
    assert window.speaker.last_request[0][:2] == ("Bonjour", "Touchez l'écran pour commencer")  # type: ignore[attr-defined]


def test_right_to_left_language_mirrors_the_whole_layout(window: MainWindow) -> None:
    visit = window.station.visit
    visit.start()
    visit.choose_language("fr")
    assert window.nav_bar.back_button.x() < window.nav_bar.help_button.x()
    visit.open_language_choice()
    visit.choose_language("ar")  # the direction follows the language even before its catalog is complete
    QApplication.processEvents()
    assert QApplication.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert window.nav_bar.back_button.x() > window.nav_bar.help_button.x()
    window.station.end_visit()
    assert QApplication.layoutDirection() is Qt.LayoutDirection.LeftToRight


def test_widgets_of_the_previous_step_never_stay_on_screen(window: MainWindow) -> None:
    """Rebuilt buttons are hidden at once, not left painted until Qt deletes them."""
    from ui.screens.step import StepScreen

    walk_to_step(window.station, "caf-declaration-trimestrielle", 1)
    for _ in range(3):
        QApplication.processEvents()  # shows new widgets; Qt's deferred deletions still wait
        screen = window.current_screen
        assert isinstance(screen, StepScreen)
        for group in (screen.answers, screen.words, screen.links):
            shown = [b for b in group.findChildren(PictogramButton) if b.isVisibleTo(screen)]
            assert shown == [b for b in group.buttons if b.isVisibleTo(screen)]
        window.station.visit.next()
    home = window.screen_for(ScreenId.HOME)
    window.station.visit.home()
    window.station.visit.cycle_text_size()
    home.refresh()
    QApplication.processEvents()
    tiles = [t for t in home.tiles.findChildren(PictogramButton) if t.property("role") == "tile"]
    assert [t for t in tiles if t.isVisibleTo(home)] == home.tiles.tiles
