"""The step graph: branches, detours, progress along the path taken, and every path walked."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.content.loader import Catalog, load_catalog
from kiosk.content.procedures import END
from kiosk.content.walkthrough import (
    Move,
    all_paths,
    cannot_finish,
    most_remaining_steps,
    moves,
    reachable,
    remaining_steps,
)
from kiosk.station import Station
from kiosk.visit.navigation import resolve_next
from kiosk.visit.places import Place, ScreenId
from tests.kiosk import FIXTURE_PACK

FIXTURE = FIXTURE_PACK


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog([FIXTURE])
    assert loaded.problems == []
    return loaded


@pytest.fixture
def fixture_station(catalog: Catalog, tmp_path: Path) -> Station:
    station = Station(Config(data_dir=tmp_path), catalog, clock=lambda: 0.0)
    station.visit.start()
    station.visit.choose_language("fr")
    return station


def test_the_graph_of_a_branching_procedure(catalog: Catalog) -> None:
    compte = catalog.procedures["compte"]
    first = compte.steps[0]
    assert [(m.target, m.detour) for m in moves(compte, first)] == [("site", ""), ("site", "mail")]
    assert reachable(compte) == {"adresse", "site", "choix", "creation", "connexion"}
    assert remaining_steps(compte) == {"connexion": 0, "creation": 1, "choix": 1, "site": 2, "adresse": 3}
    assert cannot_finish(compte) == set()
    paths = list(all_paths(compte))
    assert len(paths) == 4
    assert all(path[-1].target == END for path in paths)


def test_an_answer_leads_where_the_content_says(catalog: Catalog) -> None:
    at_choice = Place(ScreenId.STEP, procedure_id="compte", step_index=2)
    with pytest.raises(ValueError, match="answer it"):
        resolve_next(at_choice, catalog)
    assert resolve_next(at_choice, catalog, 0).step_index == 4
    assert resolve_next(at_choice, catalog, 1).step_index == 3
    assert (
        resolve_next(Place(ScreenId.STEP, procedure_id="compte", step_index=4), catalog).screen
        is ScreenId.RECAP
    )


def test_a_detour_goes_through_the_other_procedure_and_comes_back(fixture_station: Station) -> None:
    visit = fixture_station.visit
    visit.open_theme("papers")
    visit.open_procedure("compte")
    visit.next()
    visit.answer(1)  # no e-mail address: create one first
    assert visit.place == Place(
        ScreenId.INTRO, procedure_id="mail", return_procedure_id="compte", return_step="site"
    )
    visit.next()
    visit.next()
    visit.next()
    assert visit.place.screen is ScreenId.RECAP and visit.returns_to() is not None
    assert visit.session.completed == ["mail"]
    visit.next()  # "Reprendre : Créer un compte"
    assert visit.place == Place(ScreenId.STEP, procedure_id="compte", step_index=1)
    assert visit.progress() == (2, 5)
    assert visit.returns_to() is None


def test_back_undoes_a_detour(fixture_station: Station) -> None:
    visit = fixture_station.visit
    visit.open_theme("papers")
    visit.open_procedure("compte")
    visit.next()
    question = visit.place
    visit.answer(1)
    visit.back()
    assert visit.place == question


def test_progress_counts_the_path_actually_taken(fixture_station: Station) -> None:
    visit = fixture_station.visit
    visit.open_theme("papers")
    visit.open_procedure("compte")
    visit.next()
    assert visit.progress() == (1, 5)  # counted on the longest way: the total never grows
    visit.answer(0)
    assert visit.progress() == (2, 5)
    visit.next()
    visit.answer(1)  # no account yet: the longest way it was counted on
    assert visit.progress() == (4, 5)
    visit.next()
    assert visit.progress() == (5, 5)
    visit.back()
    assert visit.progress() == (4, 5)


def test_the_total_of_steps_never_grows_on_any_way_through_any_bundled_guide(
    bundled_catalog: Catalog,
) -> None:
    """« 2 sur 3 » then « 3 sur 6 » told a person they were going backwards."""
    for procedure in bundled_catalog.procedures.values():
        for path in all_paths(procedure):
            station_steps = [procedure.steps[0].id, *(m.target for m in path[:-1])]
            totals = [
                number + most_remaining_steps(procedure, step_id)
                for number, step_id in enumerate(station_steps, start=1)
            ]
            assert totals == sorted(totals, reverse=True), (procedure.id, station_steps, totals)
            assert totals[-1] == len(station_steps)  # the last step says « n sur n »


def test_the_place_with_its_detour_round_trips_as_plain_data() -> None:
    place = Place(
        ScreenId.STEP, procedure_id="mail", step_index=1, return_procedure_id="compte", return_step=END
    )
    assert Place.from_dict(place.to_dict()) == place


def _replay(station: Station, path: list[Move]) -> None:
    """Answer or go on, move by move; a detour is walked along its own first path."""
    visit = station.visit
    for move in path:
        visit.take(move)
        if move.detour:
            origin = visit.place.return_procedure_id
            assert visit.place == Place(
                ScreenId.INTRO, procedure_id=move.detour, return_procedure_id=origin, return_step=move.target
            )
            visit.next()
            _replay(station, next(all_paths(station.catalog.procedures[move.detour])))
            assert visit.place.screen is ScreenId.RECAP and visit.place.return_procedure_id == origin
            visit.next()


def _walk(station: Station, procedure_id: str, path: list[Move]) -> None:
    visit = station.visit
    visit.open_procedure(procedure_id)
    visit.next()
    _replay(station, path)
    assert visit.place.screen is ScreenId.RECAP and visit.place.procedure_id == procedure_id


def test_every_path_of_every_bundled_procedure_reaches_its_end(tmp_path: Path) -> None:
    catalog = load_catalog()
    walked = 0
    for procedure in catalog.procedures.values():
        for path in all_paths(procedure):
            station = Station(Config(data_dir=tmp_path), catalog, clock=lambda: 0.0)
            station.visit.start()
            station.visit.choose_language("fr")
            _walk(station, procedure.id, path)
            walked += 1
    assert walked >= len(catalog.procedures)


def test_every_path_of_the_fixture_is_walked(catalog: Catalog, tmp_path: Path) -> None:
    for path in all_paths(catalog.procedures["compte"]):
        station = Station(Config(data_dir=tmp_path), catalog, clock=lambda: 0.0)
        station.visit.start()
        station.visit.choose_language("fr")
        _walk(station, "compte", path)
