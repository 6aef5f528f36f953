"""Render every screen to PNG, the way the kiosk is reviewed: ``python -m ui.screenshots --out DIR``.

Runs offscreen unless a display platform is chosen (QT_QPA_PLATFORM).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.content.procedures import Procedure
from kiosk.content.walkthrough import Move, all_paths
from kiosk.i18n import translation
from kiosk.visit.help_desk import HelpKind
from kiosk.visit.resume import FREE_WRONG_CODES

DEFAULT_SIZES = ((1366, 768),)


def _tour_path(catalog: Catalog) -> tuple[Procedure, list[Move]]:
    """A procedure and a path through it that shows the most: a detour, a question, a warning."""
    best: tuple[int, Procedure, list[Move]] | None = None
    for procedure in catalog.procedures.values():
        for path in all_paths(procedure):
            steps = [
                procedure.steps[0],
                *(procedure.steps[procedure.step_index(m.target)] for m in path[:-1]),
            ]
            score = 4 * any(m.detour for m in path) + 2 * any(s.question for s in steps)
            score += any(s.warning for s in steps) + any(s.explain_more for s in steps)
            if best is None or score > best[0]:
                best = (score, procedure, path)
    assert best is not None, "no procedure to show"
    return best[1], best[2]


def tour(window: object, language: str) -> Iterator[str]:
    """Walk a fresh visit through every screen, yielding a name for each one reached."""
    from ui.main_window import MainWindow
    from ui.screens.resume import ResumeScreen
    from ui.screens.step import StepScreen

    assert isinstance(window, MainWindow)
    station = window.station
    visit = station.visit
    panel = window.mediator_panel
    if panel.isVisible():  # a first start: the structure sets its name and PIN
        yield "mediator-setup"
        panel.setup_page.name.setText("France Services de Guéret")
        for _ in range(2):
            for digit in SCREENSHOT_PIN:
                panel.setup_page.pad.type_digit(digit)
            panel.setup_page.submit()
        panel.hand_back()
    yield "welcome"
    visit.start()
    yield "language"
    visit.choose_language(language)
    yield "home"
    yield from rights_questions(window)  # the rules engine warms up while the tour goes on
    procedure, path = _tour_path(station.catalog)
    visit.open_theme(procedure.theme)
    yield "situation"
    visit.open_procedure(procedure.id)
    yield "intro"
    visit.next()
    yield "step-first"
    shown: set[str] = set()
    for move in path:
        screen = window.current_screen
        assert isinstance(screen, StepScreen)
        step = screen.step
        if step.question is not None and "step-question" not in shown:
            shown.add("step-question")
            yield "step-question"
        if screen.words.buttons and "glossary" not in shown:
            shown.add("glossary")
            screen.words.buttons[0].click()
            yield "glossary"
            screen.explanation.button.click()
        if (step.warning or step.explain_more) and "step-warning" not in shown:
            shown.add("step-warning")
            screen.more_button.setChecked(bool(step.explain_more))
            yield "step-warning"
        visit.take(move)
        if move.detour:
            visit.next()
            for detour_move in next(all_paths(station.catalog.procedures[move.detour])):
                visit.take(detour_move)
            yield "recap-detour"
            visit.next()
    yield "recap"
    visit.show_rights_results()
    wait_for_estimates(window)
    yield "rights-results"
    window.nav_bar.voice_button.click()
    yield "voice-panel"
    window.voice_panel.button.click()
    visit.open_help()
    yield "help"
    visit.ask_for_help(HelpKind.STUCK)
    yield "help-sent"
    visit.leave_help()
    window.idle.touch(station.clock() - station.config.idle_timeout_s - 5)
    window.check_idle()
    yield "idle-warning"
    window.idle.touch(station.clock())
    window.check_idle()
    visit.open_leave()
    yield "leave"
    if station.keep_progress():
        yield "kept"
    station.end_visit()
    visit = station.visit
    visit.start()
    visit.choose_language(language)
    visit.open_resume()
    resume_screen = window.current_screen
    assert isinstance(resume_screen, ResumeScreen)
    station.keeper.forget_wrong_codes()  # the same screens at every run: no wait left by an earlier one
    for wrong in range(FREE_WRONG_CODES + 1):
        for digit in f"{wrong:0{resume_screen.pad.max_digits}d}":
            resume_screen.pad.type_digit(digit)
        resume_screen.submit()  # a code nobody was given: the screen explains
        if wrong == 0:
            yield "resume-wrong-code"
    resume_screen.submit()  # a few more, and whoever tries next is told how long to wait
    yield "resume-wait"
    station.keeper.forget_wrong_codes()
    if PRACTICE_TOUR in station.catalog.practice:
        yield from _practice_tour(window)
    if panel.lock is not None and language == "fr":  # mediator mode is in French only
        panel.open_mode()
        yield "mediator-pin"
        for digit in SCREENSHOT_PIN:
            panel.pin_page.pad.type_digit(digit)
        panel.pin_page.submit()
        yield "mediator-session"
        for page, name in (
            (panel.activity_page, "mediator-activity"),
            (panel.mandate_page, "mediator-mandate"),
            (panel.guides_page, "mediator-guides"),
            (panel.settings_page, "mediator-settings"),
        ):
            panel.show_page(page)
            yield name
        panel.hand_back()


# « Quelles aides pour moi ? » answered for a couple with two children, one working, the other looking
# for work, renting near Lille: most questions are asked, and several aids come out. A question not
# named here is answered « Je ne sais pas ».
RIGHTS_TOUR: dict[str, str | int] = {
    "age": 34,
    "couple": "couple",
    "children": 2,
    "child_age_1": 2,
    "child_age_2": 7,
    "activity": "work",
    "salary": 1150,
    "partner_activity": "job_seeker",
    "partner_unemployment_benefit": 620,
    "other_income": 0,
    "housing": "tenant_private",
    "rent": 640,
    "postal_code": "59000",
    "zone_city": "yes",
    "disability": "no",
}
ESTIMATES_WAIT_S = 180.0  # a cold worker on a slow machine: loading the rules, warming, then the household


def rights_questions(window: object) -> Iterator[str]:
    """« Quelles aides pour moi ? » from its tile, each question answered by touch, to « Je calcule… »."""
    from kiosk.i18n.translation import _
    from kiosk.rights.questions import DONT_KNOW, AnswerKind
    from kiosk.visit.places import ScreenId
    from ui.main_window import MainWindow
    from ui.screens.home import HomeScreen
    from ui.screens.rights_question import RightsQuestionScreen

    assert isinstance(window, MainWindow)
    visit = window.station.visit
    home = window.current_screen
    assert isinstance(home, HomeScreen)
    next(tile for tile in home.tiles.tiles if tile.accessibleName() == _("Quelles aides pour moi ?")).click()
    while visit.place.screen is ScreenId.RIGHTS_QUESTION:
        screen = window.current_screen
        assert isinstance(screen, RightsQuestionScreen)
        question = screen.question
        value = RIGHTS_TOUR.get(question.id, DONT_KNOW)
        if question.kind is AnswerKind.CHOICE:
            yield f"rights-{question.id}"
            values = [choice.id for choice in question.choices] + [DONT_KNOW]
            screen.choice_buttons[values.index(str(value))].click()
        elif value == DONT_KNOW:
            yield f"rights-{question.id}"
            screen.dont_know_button.click()
        else:
            for digit in str(value):
                screen.pad.digit_buttons[digit].click()
            yield f"rights-{question.id}"  # with the number typed
            screen.confirm_button.click()
    assert visit.place.screen is ScreenId.RIGHTS_RESULTS, visit.place
    yield "rights-calculating"


def wait_for_estimates(window: object) -> None:
    """Let the results screen receive the engine's answer (or its failure)."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.rights_engine import calculator_for

    assert isinstance(window, MainWindow)
    calculator = calculator_for(window.station)
    deadline = time.monotonic() + ESTIMATES_WAIT_S
    while calculator.busy and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    assert not calculator.busy, "the rights engine gave no answer, not even a failure"


SCREENSHOT_PIN = "482193"
PRACTICE_TOUR = "caf-declaration-trimestrielle"


def _practice_tour(window: object) -> Iterator[str]:
    """A practice run: the site, a mistake explained, "show me", then right to the review."""
    from kiosk.content.practice_sites import PracticeKind
    from kiosk.practice.run import PHONE_PHOTOS
    from ui.main_window import MainWindow
    from ui.practice.screen import PracticeScreen
    from ui.practice.site import CHECKED

    assert isinstance(window, MainWindow)
    visit = window.station.visit
    visit.open_procedure(PRACTICE_TOUR)
    visit.open_practice()
    screen = window.current_screen
    assert isinstance(screen, PracticeScreen) and screen.site_page is not None
    yield "practice"
    screen.use_practice_person()
    screen.site_page.fields["identifiant"].set_value("2 86 03 75 112 047 03")  # a wrong key
    screen.send()
    yield "practice-mistake"
    screen.show_me_where()
    yield "practice-show-me"
    while screen.run is not None and screen.site_page is not None:
        run = screen.run
        screen.use_practice_person()
        for view in screen.site_page.fields.values():
            if view.field.expect:
                view.set_value(run.person.detail(view.field.expect))
            elif view.field.kind == PracticeKind.CHECKBOX and not view.field.optional:
                view.set_value(CHECKED)
            elif view.field.kind == PracticeKind.CONFIRMATION_CODE and run.mailbox:
                view.set_value(run.mailbox[-1].code.reveal())
            elif view.field.kind == PracticeKind.CAPTCHA:
                view.set_value(run.captcha)
            elif view.field.kind == PracticeKind.CHOICE:
                view.choices[0].setChecked(True)
            elif view.field.kind == PracticeKind.UPLOAD:
                screen.request_upload(view.field.id)
                screen.browser.gallery.buttons[PHONE_PHOTOS[0].file_name].click()
        screen.send()
    yield "practice-review"


def render(out: Path, languages: list[str], sizes: list[tuple[int, int]], data_dir: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.opening import build_window

    app = create_application()
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for language in languages:
        for width, height in sizes:
            window = build_window(Config(data_dir=data_dir, config_dir=data_dir / "config"))
            window.resize(width, height)
            window.show()
            for index, name in enumerate(tour(window, language)):
                QApplication.processEvents()
                path = out / f"{language}-{width}x{height}-{index:02d}-{name}.png"
                window.grab().save(str(path))
                written.append(path)
            window.station.end_visit()
            window.close()
            window.deleteLater()
            app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", action="append", help="a language (repeatable); default: every offered one")
    parser.add_argument("--size", action="append", help="WxH (repeatable); default: 1366x768")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "kiosk-screenshots",
    )
    args = parser.parse_args(argv)
    languages = args.lang or [language.code for language in translation.offered_languages()]
    sizes = (
        [tuple(int(v) for v in size.lower().split("x")) for size in args.size]
        if args.size
        else list(DEFAULT_SIZES)
    )
    paths = render(args.out, languages, sizes, args.data_dir)  # type: ignore[arg-type]
    print(f"{len(paths)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
