"""Questions, detours, hard words and links on the step screen, by taps, on the fixture pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.content.loader import load_catalog
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from tests.kiosk import FIXTURE_PACK
from ui.app import create_application
from ui.main_window import MainWindow
from ui.screens.step import StepScreen
from voice.speaker import SilentSpeaker

from .test_walkthrough import button_named, tap

FIXTURE = FIXTURE_PACK


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    create_application()
    station = Station(Config(data_dir=tmp_path), load_catalog([FIXTURE]), clock=lambda: 0.0)
    main_window = MainWindow(station, SilentSpeaker())
    qtbot.addWidget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    visit = station.visit
    visit.start()
    visit.choose_language("fr")
    visit.open_theme("papers")
    visit.open_procedure("compte")
    visit.next()
    QApplication.processEvents()
    yield main_window


def step_screen(window: MainWindow) -> StepScreen:
    screen = window.current_screen
    assert isinstance(screen, StepScreen)
    return screen


def test_a_question_shows_its_answers_instead_of_next(window: MainWindow) -> None:
    screen = step_screen(window)
    assert screen.answers.caption.text() == "Avez-vous une adresse e-mail ?"
    assert [b.text_shown() for b in screen.answers.buttons] == ["Oui", "Non"]
    assert not screen.next_button.isVisible()
    assert "Avez-vous une adresse e-mail ?" in screen.spoken_texts()


def test_a_detour_by_taps_and_back_to_the_same_step(window: MainWindow, qtbot: QtBot) -> None:
    tap(qtbot, button_named(window, "Non"))
    assert window.station.visit.place.screen is ScreenId.INTRO
    assert window.current_screen.title.text() == "Créer une adresse e-mail"
    tap(qtbot, button_named(window, "Commencer"))
    tap(qtbot, button_named(window, "Suivant"))
    tap(qtbot, button_named(window, "Terminer"))
    assert window.station.visit.place.screen is ScreenId.RECAP
    assert not button_named_or_none(window, "J'ai fini")
    tap(qtbot, button_named(window, "Reprendre : Créer un compte"))
    assert step_screen(window).title.text() == "Ouvrez le site"
    assert step_screen(window).counter.text() == "Étape 2 sur 5"  # counted on the longest way


def button_named_or_none(window: MainWindow, name: str) -> bool:
    return any(
        b.isVisible() and b.accessibleName() == name
        for b in window.findChildren(type(window.nav_bar.help_button))
    )


def test_a_hard_word_is_explained_over_the_screen_and_read_aloud(window: MainWindow, qtbot: QtBot) -> None:
    tap(qtbot, button_named(window, "Oui"))
    screen = step_screen(window)
    assert [b.text_shown() for b in screen.words.buttons] == ["identifiant"]
    tap(qtbot, screen.words.buttons[0])
    assert screen.explanation.isVisible()
    assert screen.explanation.message.text() == "Le nom qui sert à entrer dans un compte."
    assert window.speaker.last_request == (  # type: ignore[attr-defined]
        ("identifiant", "Le nom qui sert à entrer dans un compte."),
        "fr",
    )
    tap(qtbot, window.nav_bar.repeat_button)
    assert window.speaker.last_request[0][0] == "identifiant"  # type: ignore[attr-defined]
    qtbot.mouseClick(screen.explanation.button, Qt.MouseButton.LeftButton)
    assert not screen.explanation.isVisible()


def test_a_link_opens_the_other_guide_and_back_returns(window: MainWindow, qtbot: QtBot) -> None:
    tap(qtbot, button_named(window, "Oui"))
    where = window.station.visit.place
    assert step_screen(window).illustration.isVisible()
    tap(qtbot, button_named(window, "Créer une adresse e-mail"))
    assert window.station.visit.place.screen is ScreenId.INTRO
    tap(qtbot, window.nav_bar.back_button)
    assert window.station.visit.place == where


def test_the_intro_says_how_else_and_whether_it_was_checked(window: MainWindow) -> None:
    window.station.visit.open_procedure("mail")
    texts = [label.text() for label in window.current_screen.findChildren(type(window.current_screen.title))]
    assert "Par téléphone : 01 02 03 04 05." in texts
    assert "Vérifié sur le vrai site le 23 novembre 2026." in texts
