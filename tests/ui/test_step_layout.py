"""How the step screen makes room for any step at 1024x768: the answers in the columns their words
allow, the hard words in the rows left (the others behind « Tous les mots »), the text scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n.translation import format_number
from kiosk.visit.places import Place, ScreenId
from ui.main_window import MainWindow
from ui.screens.step import StepScreen

from .screen_checks import problems
from .test_walkthrough import tap

MOST_WORDS = ("ants-permis-conduire", "documents")  # eight hard words and a question


def open_step(window: MainWindow, language: str, procedure_id: str, step_id: str) -> StepScreen:
    window.resize(1024, 768)
    visit = window.station.visit
    if visit.place.screen is ScreenId.WELCOME:
        visit.start()
    visit.choose_language(language)
    procedure = window.station.catalog.procedures[procedure_id]
    index = [step.id for step in procedure.steps].index(step_id)
    visit.navigator.go(Place(ScreenId.STEP, procedure.theme, procedure.id, index))
    for _ in range(3):
        QApplication.processEvents()
    screen = window.current_screen
    assert isinstance(screen, StepScreen)
    return screen


@pytest.mark.parametrize("language", ["fr", "ar", "ru"])
def test_words_the_row_cannot_hold_are_all_behind_one_chip(
    installed_window: MainWindow, qtbot: QtBot, language: str
) -> None:
    window = installed_window
    screen = open_step(window, language, *MOST_WORDS)
    words = screen.words
    assert len(words.shown()) < len(words.buttons) == 8
    more = words.more_button
    assert more.isVisible() and format_number(8) in more.text_shown()
    tap(qtbot, more)
    assert screen.word_list.isVisible()
    assert [b.text_shown() for b in screen.word_list.buttons] == [b.text_shown() for b in words.buttons]
    assert problems(window) == []  # the list over the screen: every word whole, in sight
    assert window.speaker.last_request[0] == tuple(screen.word_list.spoken_texts())  # type: ignore[attr-defined]
    tap(qtbot, screen.word_list.buttons[-1])
    assert not screen.word_list.isVisible() and screen.explanation.isVisible()
    assert screen.explanation.heading.text() == words.buttons[-1].text_shown()
    tap(qtbot, screen.explanation.button)
    assert not screen.explanation.isVisible() and problems(window) == []


def test_words_that_fit_are_all_shown_right_under_the_text(installed_window: MainWindow) -> None:
    screen = open_step(installed_window, "fr", "franceconnect-se-connecter", "choisir")
    assert screen.words.shown() == screen.words.buttons and not screen.words.more_button.isVisible()
    text_end = screen.body_scroll.geometry().bottom()
    assert screen.words.geometry().top() - text_end <= screen.layout_.spacing() + 1  # no gap


def test_answers_take_the_columns_their_words_allow(installed_window: MainWindow) -> None:
    screen = open_step(installed_window, "fr", "ameli-attestation-vitale-medecin", "compte")
    yes, no = screen.answers.buttons
    assert screen.answers.grid.columns() == 2 and yes.y() == no.y()  # « Oui » and « Non » side by side
    screen = open_step(installed_window, "fr", "caf-changement-situation", "declarer")
    assert len(screen.answers.buttons) == 5 and screen.answers.grid.columns() > 1
    for button in screen.answers.buttons:
        assert button.height() >= button.heightForWidth(button.width())
    assert problems(installed_window) == []


def test_a_question_worded_as_the_title_is_written_and_said_once(installed_window: MainWindow) -> None:
    screen = open_step(installed_window, "fr", "ameli-attestation-vitale-medecin", "besoin")
    assert screen.title.text() == "Que voulez-vous faire ?"
    assert not screen.answers.caption.isVisible()
    assert screen.spoken_texts().count("Que voulez-vous faire ?") == 1
    screen = open_step(installed_window, "fr", "ameli-attestation-vitale-medecin", "choix")
    assert screen.answers.caption.isVisible()
    assert screen.answers.caption.text() == "Que voulez-vous faire dans votre compte ?"


def test_at_a_larger_text_size_every_word_and_answer_scrolls_with_the_text(
    installed_window: MainWindow,
) -> None:
    visit = installed_window.station.visit
    visit.start()
    visit.cycle_text_size()
    screen = open_step(installed_window, "fr", *MOST_WORDS)
    assert screen.body.isAncestorOf(screen.words) and screen.body.isAncestorOf(screen.answers)
    assert screen.words.shown() == screen.words.buttons and not screen.words.more_button.isVisible()
    assert problems(installed_window, whole_in_view=False) == []
    visit.cycle_text_size()
    visit.cycle_text_size()  # back to the default size: in sight again, below the text
    screen.refresh()
    QApplication.processEvents()
    assert not screen.body.isAncestorOf(screen.words) and not screen.body.isAncestorOf(screen.answers)
