"""The session timeline a mediator reads: what the person actually did, not the way back on screen."""

from __future__ import annotations

from kiosk.i18n import translation
from kiosk.mediation.timeline import LANGUAGE_NAMES_IN_FRENCH, language_for_mediator, timeline
from kiosk.station import Station
from kiosk.visit.help_desk import HelpKind
from kiosk.visit.places import ScreenId
from tests.conftest import FakeClock, walk_to_step

PROCEDURE = "caf-declaration-trimestrielle"


def test_steps_walked_then_back_to_practice_then_help_all_show_with_their_time(
    station: Station, clock: FakeClock
) -> None:
    visit = station.visit
    procedure = station.catalog.procedures[PROCEDURE]
    walk_to_step(station, PROCEDURE, 0)  # the introduction
    visit.next()
    for _ in range(3):  # about a minute on each of steps 1 to 4
        clock.advance(60)
        visit.next()
    clock.advance(55)
    while visit.place.screen is not ScreenId.INTRO:  # "Retour" all the way to the introduction
        visit.back()
    visit.open_practice()
    visit.start_practice_run()
    clock.advance(30)
    visit.open_help()
    visit.ask_for_help(HelpKind.STUCK)
    entries = timeline(visit, clock())
    steps = [f"{procedure.title} — {step.title}" for step in procedure.steps[:4]]
    assert [entry.what for entry in entries[:4]] == steps, "every step walked, in order"
    assert [entry.seconds for entry in entries[:4]] == [60, 60, 60, 55]
    practice = entries[4]
    assert practice.what.startswith("Exercice : ") and practice.seconds == 30
    ticket = entries[5]
    assert ticket.is_help and ticket.open_help and ticket.seconds == 30, "the time spent where help was asked"
    assert len(entries) == 6


def test_a_step_seen_twice_shows_once_with_all_its_time(station: Station, clock: FakeClock) -> None:
    visit = station.visit
    walk_to_step(station, PROCEDURE, 1)
    clock.advance(20)
    visit.next()
    clock.advance(5)
    visit.back()  # back to step 1 for 10 more seconds
    clock.advance(10)
    entries = timeline(visit, clock())
    assert [entry.seconds for entry in entries] == [30, 5]


def test_the_persons_language_is_named_in_french_with_its_own_name_beside_it() -> None:
    for code, french in (("fa", "persan"), ("uk", "ukrainien"), ("ar", "arabe")):
        native = translation.language(code).native_name
        assert language_for_mediator(code) == f"{french} (\u2068{native}\u2069)"
    assert language_for_mediator("fr") == "français"
    for language in translation.LANGUAGES:  # a language added to the kiosk is named for mediators too
        assert language.code in LANGUAGE_NAMES_IN_FRENCH, language.code
