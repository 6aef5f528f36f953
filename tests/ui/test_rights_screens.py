"""« Quelles aides pour moi ? » on screen: the questions by taps, the results, « Faire la demande ».

Most tests give the screens an engine made here (the edge the UI calls, ``ui.rights_engine``):
what it returns is written in each test, so what the screens show can be checked exactly,
and a calculation can be held or made to fail. One test runs the real engine (OpenFisca-France
in its worker process) through the screens; tests/kiosk/rights/test_engine.py checks its figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n.translation import offered_languages
from kiosk.rights.aids import Estimate, aid
from kiosk.rights.engine import RightsUnavailable
from kiosk.rights.questions import DONT_KNOW, QUESTIONS
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from tests.ui.conftest import open_window
from tests.ui.made_up_engine import FOUR_AIDS, RULES, MadeUpEngine
from tests.ui.screen_checks import problems
from tests.ui.test_recap_print import pdf_text
from tests.ui.test_walkthrough import button_named, screen, tap
from ui.main_window import MainWindow
from ui.rights_engine import RightsCalculator, calculator_for
from ui.screens.rights_question import RightsQuestionScreen
from ui.screens.rights_results import AidRow, RightsResultsScreen, this_month
from voice.speaker import SilentSpeaker


@pytest.fixture
def engine() -> MadeUpEngine:
    return MadeUpEngine()


@pytest.fixture
def rights_window(station: Station, engine: MadeUpEngine, qtbot: QtBot) -> Iterator[MainWindow]:
    calculator = calculator_for(station, engine)  # before the screens ask for it
    window = open_window(station, qtbot)
    yield window
    engine.hold.set()
    station.end_visit()
    assert calculator.wait(10_000)


def calculator(window: MainWindow) -> RightsCalculator:
    return calculator_for(window.station)


def settle(window: MainWindow, qtbot: QtBot) -> None:
    """Wait for the calculation under way to be shown."""
    qtbot.waitUntil(lambda: not calculator(window).busy, timeout=10_000)
    QApplication.processEvents()


def question_screen(window: MainWindow) -> RightsQuestionScreen:
    shown = window.current_screen
    assert isinstance(shown, RightsQuestionScreen), shown
    return shown


def results_screen(window: MainWindow) -> RightsResultsScreen:
    shown = window.current_screen
    assert isinstance(shown, RightsResultsScreen), shown
    return shown


def type_number(window: MainWindow, qtbot: QtBot, number: str) -> None:
    pad = question_screen(window).pad
    for digit in number:
        tap(qtbot, pad.digit_buttons[digit])
    tap(qtbot, button_named(window, "Valider"))


def open_questions(window: MainWindow, qtbot: QtBot) -> None:
    tap(qtbot, button_named(window, "Commencer"))
    tap(qtbot, button_named(window, "Français"))
    tap(qtbot, button_named(window, "Quelles aides pour moi ?"))


def answer_everything(window: MainWindow, answers: dict[str, str | int] | None = None) -> None:
    """Answer each question on screen from ``answers``, « Je ne sais pas » where they say nothing."""
    visit = window.station.visit
    while visit.place.screen is ScreenId.RIGHTS_QUESTION:
        visit.answer_rights((answers or {}).get(visit.place.question_id, DONT_KNOW))


# The way through, by taps ------------------------------------------------------------------


def test_the_questions_by_taps_lead_to_the_aids_and_their_amounts(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    window = rights_window
    open_questions(window, qtbot)
    assert question_screen(window).title.text() == "Quel âge avez-vous ?"
    qtbot.waitUntil(lambda: engine.warmed == 1)  # the rules load while the person answers
    type_number(window, qtbot, "34")
    tap(qtbot, button_named(window, "Seul ou seule"))
    type_number(window, qtbot, "1")
    type_number(window, qtbot, "4")  # the child's age
    tap(qtbot, button_named(window, "Je travaille"))
    type_number(window, qtbot, "1150")
    tap(qtbot, button_named(window, "Je ne sais pas"))  # other money
    tap(qtbot, button_named(window, "Je loue à un propriétaire ou à une agence"))
    type_number(window, qtbot, "640")
    type_number(window, qtbot, "59000")
    assert question_screen(window).title.text() == "Habitez-vous dans une grande ville, ou juste à côté ?"
    tap(qtbot, button_named(window, "Oui, une grande ville ou sa banlieue"))
    tap(qtbot, button_named(window, "Non"))
    assert screen(window) is ScreenId.RIGHTS_RESULTS
    settle(window, qtbot)

    asked = engine.asked[0]
    assert (asked["age"], asked["children"], asked["child_age_1"], asked["salary"]) == (34, 1, 4, 1150)
    assert (asked["other_income"], asked["postal_code"], asked["housing"]) == (
        DONT_KNOW,
        "59000",
        "tenant_private",
    )
    assert not engine.given[0], "the copy sent to the engine is wiped once computed"
    shown = results_screen(window)
    assert shown.title.text() == "Les aides que vous pourriez avoir"
    assert [(row.name.text(), row.amount.text()) for row in shown.rows] == [
        ("Prime d'activité", "Environ 582 € par mois"),
        ("Aide au logement (APL, ALS ou ALF)", "Environ 448 € par mois"),
        ("Complémentaire santé solidaire, avec une petite participation", "Vous payez au plus 44 € par mois"),
        ("Allocations familiales", "Environ 153 € par mois"),
    ]
    assert shown.notice.text().startswith(
        "C'est une estimation, pas une décision. L'organisme décide. Règles du 1 "
    )
    assert shown.notice.isVisible()
    assert window.station.visit.session.aids_suggested == ["ppa", "aide_logement", "css_participation", "af"]


def test_the_results_are_read_aloud_with_each_amount_as_personal_audio(
    rights_window: MainWindow, qtbot: QtBot
) -> None:
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.choose_language("fr")
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    speaker = window.speaker
    assert isinstance(speaker, SilentSpeaker) and speaker.last_request is not None
    said = speaker.last_request[0]
    assert said[:3] == ("Les aides que vous pourriez avoir", "Prime d'activité", "Environ 582 € par mois")
    assert "Vous payez au plus 44 € par mois" in said and said[-1] == results_screen(window).notice.text()
    assert speaker.last_was_personal, "amounts tell about an income: their audio goes with the visit"


def test_back_goes_through_the_questions_with_each_answer_shown(
    rights_window: MainWindow, qtbot: QtBot
) -> None:
    window = rights_window
    open_questions(window, qtbot)
    type_number(window, qtbot, "34")
    tap(qtbot, button_named(window, "En couple"))
    assert question_screen(window).title.text() == "Combien d'enfants vivent avec vous ?"
    tap(qtbot, window.nav_bar.back_button)
    selected = [
        b.text_shown() for b in question_screen(window).choice_buttons if b.property("selected") == "true"
    ]
    assert selected == ["En couple"]
    tap(qtbot, window.nav_bar.back_button)
    assert question_screen(window).typed.text() == "\u206634\u2069"  # the age given, on the keypad again
    for _digit in "34":
        tap(qtbot, button_named(window, "Effacer"))
    type_number(window, qtbot, "40")  # changed: what was answered after it may no longer fit
    assert question_screen(window).question.id == "couple"
    assert not [b for b in question_screen(window).choice_buttons if b.property("selected") == "true"]
    assert window.station.visit.rights_answers.answered() == ("age",)


def test_numbers_that_do_not_fit_are_explained_and_not_taken(rights_window: MainWindow, qtbot: QtBot) -> None:
    window = rights_window
    open_questions(window, qtbot)
    tap(qtbot, button_named(window, "Valider"))
    problem = question_screen(window).problem
    assert problem.label.text() == "Tapez un nombre avec les touches, ou touchez « Je ne sais pas »."
    type_number(window, qtbot, "200")
    assert problem.label.text() == "Tapez un nombre entre 15 et 120."
    assert "age" not in window.station.visit.rights_answers
    type_number(window, qtbot, "34")
    assert question_screen(window).question.id == "couple"
    window.station.visit.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id="postal_code"))
    type_number(window, qtbot, "5900")
    assert question_screen(window).problem.label.text() == "Un code postal a 5 chiffres, par exemple 59000."
    type_number(window, qtbot, "0")  # the digit missing: the four typed were kept
    assert window.station.visit.rights_answers.get("postal_code") == "59000"
    window.station.visit.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id="postal_code"))
    for _digit in "59000":
        tap(qtbot, button_named(window, "Effacer"))
    type_number(window, qtbot, "99999")
    said = question_screen(window).problem.label.text()
    assert said == "Ce code postal n'existe pas. Vérifiez les chiffres."
    assert question_screen(window).question.id == "postal_code"
    tap(qtbot, question_screen(window).pad.digit_buttons["5"])
    assert not question_screen(window).problem.isVisible(), "typing again puts it right"


def test_faire_la_demande_opens_the_walkthrough_and_back_returns_to_the_same_aids(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.choose_language("fr")
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    row = next(row for row in results_screen(window).rows if row.estimate.aid.id == "ppa")
    tap(qtbot, row.ask_button)
    assert visit.place == Place(ScreenId.INTRO, procedure_id="caf-prime-activite")
    tap(qtbot, window.nav_bar.back_button)
    assert screen(window) is ScreenId.RIGHTS_RESULTS
    assert not calculator(window).busy and len(engine.asked) == 1, "shown again, not computed again"
    assert len(results_screen(window).rows) == len(FOUR_AIDS)


def test_an_aid_the_kiosk_has_no_walkthrough_for_says_who_can_help(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    engine.items = (Estimate(aid("asf"), 199), Estimate(aid("css"), 0))
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    asf, css = results_screen(window).rows
    assert not asf.ask_button.isVisible() and asf.ask_elsewhere.text() == (
        "Pour la demander, un conseiller peut vous aider."
    )
    assert css.amount.text() == "Vos soins sans rien payer" and css.ask_button.isVisible()


def test_the_screen_never_waits_for_the_engine(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    engine.hold.clear()
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    shown = results_screen(window)
    assert shown.title.text() == "Je calcule…" and shown.working.isVisible() and not shown.rows
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(300)  # the calculation is under way all along
    timer.stop()
    assert len(ticks) >= 10, "the event loop kept turning while the engine computed"
    assert calculator(window).busy
    engine.hold.set()
    settle(window, qtbot)
    assert shown.title.text() == "Les aides que vous pourriez avoir" and len(shown.rows) == len(FOUR_AIDS)


def test_an_answer_for_a_screen_left_is_never_shown_nor_recorded(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    engine.hold.clear()
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    qtbot.waitUntil(lambda: len(engine.asked) == 1)
    tap(qtbot, window.nav_bar.back_button)  # back to the last question before the answer came
    engine.hold.set()
    qtbot.waitUntil(lambda: calculator(window).wait(0))
    QApplication.processEvents()
    assert visit.rights_estimates is None and not visit.session.rights_simulated


def test_an_engine_that_cannot_answer_says_so_plainly_and_tries_again(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    engine.failing = True
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    shown = results_screen(window)
    assert shown.problem.label.text() == RightsUnavailable.PLAIN and not shown.rows
    assert not shown.notice.isVisible()
    engine.failing = False
    tap(qtbot, button_named(window, "Réessayer"))
    settle(window, qtbot)
    assert not shown.problem.isVisible() and len(shown.rows) == len(FOUR_AIDS)


def test_no_aid_found_is_said_plainly_never_as_a_refusal(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    engine.items = ()
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    shown = results_screen(window)
    assert not shown.rows and shown.none_found.isVisible()
    assert "un conseiller peut regarder avec vous" in shown.none_found.text()
    assert shown.notice.isVisible() and not shown.take_home.isVisible()


def test_what_is_assumed_for_je_ne_sais_pas_is_explained(rights_window: MainWindow, qtbot: QtBot) -> None:
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    shown = results_screen(window)
    assert shown.assumed_button.isVisible()
    tap(qtbot, shown.assumed_button)
    assert shown.explanation.isVisible()
    assert shown.explanation.message.text().splitlines()[0] == "On compte 40 ans."


def test_the_aids_printed_carry_their_amounts_never_the_answers(
    rights_window: MainWindow, qtbot: QtBot
) -> None:
    window = rights_window
    open_questions(window, qtbot)
    distinctive = {"age": 37, "activity": "work", "salary": 1987, "housing": "tenant_private", "rent": 743}
    answer_everything(window, distinctive)
    settle(window, qtbot)
    tap(qtbot, button_named(window, "Imprimer ces aides"))
    assert results_screen(window).take_home.printed.isVisible()
    folder = window.station.recap_folder
    (pdf,) = folder.glob("*.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Prime d'activité" in text and "582" in text and "Règles du" in text and "176.1.8" in text
    for value in ("1987", "1 987", "1\u202f987", "743", "37"):
        assert value not in text, value
    window.station.end_visit()
    assert not folder.exists() or not list(folder.iterdir())


def test_the_end_of_the_visit_closes_the_engine_and_forgets_what_was_shown(
    rights_window: MainWindow, engine: MadeUpEngine, qtbot: QtBot
) -> None:
    window = rights_window
    visit = window.station.visit
    visit.start()
    visit.open_rights()
    answer_everything(window)
    settle(window, qtbot)
    shown = results_screen(window)
    assert shown.rows
    visit.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id="rent"))
    for digit in "743":
        tap(qtbot, question_screen(window).pad.digit_buttons[digit])  # typed, not yet given
    asking = question_screen(window)
    assert asking.typed.text() == "\u2066743 €\u2069"
    window.station.end_visit()
    assert engine.closed == 1
    assert shown.rows == [] and asking.pad.count == 0 and asking.typed.text() == ""
    assert not window.station.visit.rights_answers


# What a person sees, in every language -------------------------------------------------------


@pytest.mark.parametrize("language", [language.code for language in offered_languages()])
def test_every_question_and_result_screen_passes_the_checks_at_1024(
    rights_window: MainWindow, engine: MadeUpEngine, language: str, qtbot: QtBot
) -> None:
    window = rights_window
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language(language)
    found: list[str] = []
    for question in QUESTIONS:
        visit.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id=question.id))
        found += [f"{question.id}: {problem}" for problem in problems(window)]
    visit.open_rights()
    engine.hold.clear()
    answer_everything(window)
    found += [f"calculating: {problem}" for problem in problems(window)]
    engine.hold.set()
    settle(window, qtbot)
    assert len(results_screen(window).rows) == len(FOUR_AIDS)
    found += [f"four aids: {problem}" for problem in problems(window)]
    tap(qtbot, results_screen(window).assumed_button)
    found += [f"what is assumed: {problem}" for problem in problems(window)]
    for items, failing, name in (((), False, "no aid"), (FOUR_AIDS, True, "engine unavailable")):
        engine.items, engine.failing = items, failing
        visit.open_rights()
        answer_everything(window)
        settle(window, qtbot)
        found += [f"{name}: {problem}" for problem in problems(window)]
    assert found == [], "\n".join(found)


# The real engine ------------------------------------------------------------------------------


def test_the_real_engine_answers_through_the_screens_and_goes_with_the_visit(
    station: Station, qtbot: QtBot
) -> None:
    """OpenFisca-France in its worker: a single person earning 1,100 € and renting in Lille for 500 €
    probably gets the prime d'activité and housing aid (tests/kiosk/rights/test_engine.py checks how much)."""
    window = open_window(station, qtbot)
    visit = station.visit
    visit.start()
    visit.open_rights()
    answers = {
        "age": 35, "couple": "alone", "children": 0, "activity": "work", "salary": 1100,
        "other_income": 0, "housing": "tenant_private", "rent": 500, "postal_code": "59000",
        "zone_city": "yes", "disability": "no",
    }  # fmt: skip
    while visit.place.screen is ScreenId.RIGHTS_QUESTION:
        visit.answer_rights(answers.get(visit.place.question_id, DONT_KNOW))
    qtbot.waitUntil(lambda: not calculator(window).busy, timeout=180_000)
    QApplication.processEvents()
    shown = results_screen(window)
    assert {row.estimate.aid.id for row in shown.rows} >= {"ppa", "aide_logement"}, shown.problem.label.text()
    assert all(row.amount.text().startswith("Environ ") for row in shown.rows if row.estimate.aid.id == "ppa")
    assert (
        visit.rights_estimates is not None and visit.rights_estimates.rules_date == f"{RULES}, {this_month()}"
    )
    assert "Règles du 1 " in shown.notice.text()
    engine = calculator(window)._engine
    pid = getattr(engine, "pid", None)
    assert pid is not None and Path(f"/proc/{pid}").exists()
    station.end_visit()
    assert not Path(f"/proc/{pid}").exists(), "the worker and its memory go with the visit"
    assert calculator(window).wait(10_000)
    window.close()


def test_the_rows_name_the_aid_and_what_it_brings(station: Station, qtbot: QtBot) -> None:
    row = AidRow(Estimate(aid("aide_logement"), 1234), station)
    qtbot.addWidget(row)
    assert row.name.text() == "Aide au logement (APL, ALS ou ALF)"
    assert row.amount.text() == "Environ 1\u202f234 € par mois"
