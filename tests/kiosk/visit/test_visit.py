"""Every path a person can take through the bundled procedures, headless."""

from __future__ import annotations

import json

import pytest

from kiosk.i18n import translation
from kiosk.mediation.timeline import timeline
from kiosk.station import Station
from kiosk.visit.help_desk import HelpKind, HelpStatus
from kiosk.visit.places import Place, ScreenId
from tests.conftest import FakeClock, walk_to_step


def _to_home(station: Station) -> None:
    station.visit.start()
    station.visit.choose_language("fr")


def test_language_choice_from_welcome_leads_home(station: Station) -> None:
    _to_home(station)
    assert station.visit.place == Place(ScreenId.HOME)
    assert station.visit.navigator.history == (Place(ScreenId.WELCOME), Place(ScreenId.LANGUAGE))


@pytest.mark.parametrize("procedure_id", ["france-travail-actualisation", "caf-declaration-trimestrielle"])
def test_walk_every_step_forward_and_all_the_way_back(station: Station, procedure_id: str) -> None:
    visit = station.visit
    _to_home(station)
    procedure = station.catalog.procedures[procedure_id]
    visit.open_theme(procedure.theme)
    visit.open_procedure(procedure_id)
    visit.next()
    for number in range(1, len(procedure.steps) + 1):
        assert visit.progress() == (number, len(procedure.steps))
        visit.next()
    assert visit.place == Place(ScreenId.RECAP, procedure_id=procedure_id)
    assert visit.session.completed == [procedure_id]
    assert visit.session.steps_reached[procedure_id] == [s.id for s in procedure.steps]
    while visit.back():
        pass
    assert visit.place.screen is ScreenId.WELCOME


def test_home_then_back_returns_to_the_same_step(station: Station) -> None:
    visit = station.visit
    walk_to_step(station, "france-travail-actualisation", 2)
    where = visit.place
    visit.home()
    assert visit.place.screen is ScreenId.HOME
    visit.back()
    assert visit.place == where


def test_changing_language_mid_procedure_keeps_the_place(station: Station) -> None:
    visit = station.visit
    walk_to_step(station, "france-travail-actualisation", 1)
    where = visit.place
    visit.open_language_choice()
    visit.choose_language("en")
    assert visit.place == where
    assert translation.active_language() == "en" == visit.session.language


def test_help_request_carries_where_the_person_was(station: Station, clock: FakeClock) -> None:
    visit = station.visit
    walk_to_step(station, "caf-declaration-trimestrielle", 2)
    clock.advance(42)
    where = visit.place
    visit.open_help()
    request = visit.ask_for_help(HelpKind.STUCK)
    assert request.context.procedure_id == "caf-declaration-trimestrielle"
    assert request.context.step_id == "declarer"
    assert request.context.seconds_on_step == 42
    assert visit.place.screen is ScreenId.HELP_SENT
    visit.leave_help()
    assert visit.place == where
    assert request.status is HelpStatus.OPEN
    assert station.help_desk.open_requests() == [request]


def test_help_asked_while_practising_says_the_page_and_the_mistakes_made_there(station: Station) -> None:
    visit = station.visit
    walk_to_step(station, "caf-declaration-trimestrielle", 0)
    visit.open_practice()
    run = visit.start_practice_run()
    run.type("identifiant", "2 86 03 75 112 047 03")  # a wrong key
    run.type("mot-de-passe", "Exercice-2026")
    assert not run.send().accepted
    visit.open_help()
    request = visit.ask_for_help(HelpKind.STUCK)
    assert (request.context.practice_page, request.context.practice_mistakes) == ("connexion", ("nir.key",))
    summary = request.summary()
    assert "practice_page=connexion" in summary and "mistakes=nir.key" in summary
    assert "047 03" not in summary and "Exercice-2026" not in summary
    entries = [entry.what for entry in timeline(visit, 0.0)]
    assert "Exercice : Mon Compte allocataire (exercice) — page « Connexion à Mon Compte »" in entries
    assert entries[-1] == (
        "Ticket 1 : Je suis bloqué, pendant l'exercice, page « Connexion à Mon Compte ». "
        "Erreurs : Les 2 derniers chiffres (la clé) ne vont pas avec le reste du numéro."
    )
    visit.leave_help()
    assert visit.practice_run is run  # help brings the person back to the same page


def test_the_end_of_a_visit_forgets_the_practice_run(station: Station) -> None:
    visit = station.visit
    walk_to_step(station, "caf-declaration-trimestrielle", 0)
    visit.open_practice()
    run = visit.start_practice_run()
    run.type("mot-de-passe", "Exercice-2026")
    station.end_visit()
    assert run.values == {} and station.visit.practice_run is None


def test_help_asked_straight_from_a_step_uses_that_step(station: Station) -> None:
    visit = station.visit
    walk_to_step(station, "france-travail-actualisation", 2)
    request = visit.ask_for_help(HelpKind.DONT_UNDERSTAND)
    assert request.context.step_id == "connexion"


def test_cancelling_help_closes_the_request_and_returns(station: Station) -> None:
    visit = station.visit
    _to_home(station)
    visit.open_help()
    request = visit.ask_for_help(HelpKind.WANT_PERSON)
    visit.cancel_help()
    assert request.status is HelpStatus.CANCELLED
    assert visit.place == Place(ScreenId.HOME)
    assert visit.pending_help() is None


def test_ending_the_visit_forgets_the_person(station: Station) -> None:
    visit = station.visit
    _to_home(station)
    visit.open_language_choice()
    visit.choose_language("en")
    visit.cycle_text_size()
    visit.open_help()
    request = visit.ask_for_help(HelpKind.STUCK)
    old_id = visit.session.id
    station.end_visit()
    fresh = station.visit
    assert fresh is not visit
    assert fresh.session.id != old_id
    assert fresh.place.screen is ScreenId.WELCOME and not fresh.navigator.can_go_back
    assert fresh.session.steps_reached == {} and fresh.session.help_requests == []
    assert fresh.session.text_size == 0
    assert translation.active_language() == "fr"
    assert request.status is HelpStatus.CANCELLED


def test_opening_an_unknown_procedure_is_refused(station: Station) -> None:
    _to_home(station)
    with pytest.raises(KeyError):
        station.visit.open_procedure("does-not-exist")
    assert station.visit.place == Place(ScreenId.HOME)


def test_time_is_counted_per_step(station: Station, clock: FakeClock) -> None:
    visit = station.visit
    walk_to_step(station, "france-travail-actualisation", 1)
    clock.advance(30)
    visit.next()
    clock.advance(10)
    visit.back()
    assert visit.session.seconds_per_step["france-travail-actualisation/quand"] == 30
    assert visit.session.seconds_per_step["france-travail-actualisation/connexion"] == 10


def test_the_session_is_plain_data_for_the_store(station: Station, clock: FakeClock) -> None:
    walk_to_step(station, "france-travail-actualisation", 2)
    clock.advance(5)
    station.visit.ask_for_help(HelpKind.STUCK)
    data = json.loads(json.dumps(station.visit.session.to_dict()))
    assert data["steps_reached"] == {"france-travail-actualisation": ["quand", "connexion"]}
    assert data["help_tickets"] == [1] and data["language"] == "fr"
    assert set(data) == {
        "id",
        "started_at",
        "language",
        "steps_reached",
        "completed",
        "help_tickets",
        "seconds_per_step",
        "practised",
        "practice_mistakes",
        "rights_simulated",
        "aids_suggested",
    }


ANTS = "ants-carte-identite-passeport"


def test_the_real_site_opens_from_the_intro_at_the_first_step_and_the_window_is_told(
    station: Station,
) -> None:
    told: list[str] = []
    station.add_site_listener(lambda: told.append(station.visit.site_procedure_id))
    _to_home(station)
    station.visit.open_theme(station.catalog.procedures[ANTS].theme)
    station.visit.open_procedure(ANTS)
    station.visit.open_site()
    assert station.visit.place == Place(ScreenId.STEP, procedure_id=ANTS, step_index=0)
    assert told == [ANTS]
    station.visit.close_site()
    assert told == [ANTS, ""] and station.visit.place.screen is ScreenId.STEP  # the guide stays


def test_the_guide_follows_the_site_forward_never_back_and_keeps_only_the_host(
    station: Station, clock: FakeClock
) -> None:
    walk_to_step(station, ANTS, 1)
    visit = station.visit
    visit.open_site()
    procedure = station.catalog.procedures[ANTS]
    timbre = procedure.step_index("timbre")
    visit.site_page("https://timbres.impots.gouv.fr/achat?numero=123456789&nom=DUPONT", "Achat de timbre")
    assert visit.place.step_index == timbre
    visit.ask_for_help(HelpKind.STUCK)
    request = visit.session.help_requests[-1]
    assert request.context.site_host == "timbres.impots.gouv.fr"
    assert "DUPONT" not in request.summary() and "123456789" not in request.summary()
    assert "site=timbres.impots.gouv.fr" in request.summary()
    assert any("sur le vrai site timbres.impots.gouv.fr" in entry.what for entry in timeline(visit, clock()))
    visit.leave_help()
    visit.site_page("https://ants.gouv.fr/", "ANTS")  # an earlier step's page: the guide stays
    assert visit.place.step_index == timbre


def test_the_guide_is_not_pulled_away_from_help_or_another_procedure(station: Station) -> None:
    walk_to_step(station, ANTS, 1)
    visit = station.visit
    visit.open_site()
    visit.open_help()
    visit.site_page("https://timbres.impots.gouv.fr/", "Timbre")
    assert visit.place.screen is ScreenId.HELP
    assert visit.site_host == "timbres.impots.gouv.fr"
    station.end_visit()
    assert station.visit.site_procedure_id == "" and station.visit.site_host == ""
