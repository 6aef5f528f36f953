from __future__ import annotations

import pytest

from kiosk.content.loader import Catalog, load_catalog
from kiosk.visit.navigation import Navigator, resolve_next
from kiosk.visit.places import WELCOME, Place, ScreenId
from tests.kiosk import FIXTURE_PACK


def test_next_from_each_fixed_place(bundled_catalog: Catalog) -> None:
    assert resolve_next(WELCOME, bundled_catalog) == Place(ScreenId.LANGUAGE)
    assert resolve_next(Place(ScreenId.LANGUAGE), bundled_catalog) == Place(ScreenId.HOME)
    assert resolve_next(Place(ScreenId.RECAP, procedure_id="x"), bundled_catalog) == Place(ScreenId.HOME)
    with pytest.raises(ValueError):
        resolve_next(Place(ScreenId.HOME), bundled_catalog)
    with pytest.raises(ValueError):
        resolve_next(Place(ScreenId.HELP), bundled_catalog)


def test_next_walks_a_straight_procedure_then_its_recap() -> None:
    catalog = load_catalog([FIXTURE_PACK])
    procedure = catalog.procedures["mail"]
    place = resolve_next(Place(ScreenId.INTRO, procedure_id="mail"), catalog)
    seen = []
    while place.screen is ScreenId.STEP:
        seen.append(procedure.steps[place.step_index].id)
        place = resolve_next(place, catalog)
    assert seen == ["choisir", "lire"]
    assert place == Place(ScreenId.RECAP, procedure_id="mail")


def test_back_stack_returns_in_reverse_order_and_reports_each_move() -> None:
    moves: list[Place] = []
    navigator = Navigator(moves.append)
    a, b = Place(ScreenId.LANGUAGE), Place(ScreenId.HOME)
    navigator.go(a)
    navigator.go(b)
    navigator.go(b)  # going where you are is not a move
    assert navigator.history == (WELCOME, a)
    assert navigator.back() and navigator.current == a
    assert navigator.back() and navigator.current == WELCOME
    assert not navigator.back()
    assert moves == [a, b, a, WELCOME]


def test_back_out_of_help_returns_to_the_place_before_it() -> None:
    navigator = Navigator(lambda place: None)
    step = Place(ScreenId.STEP, procedure_id="p", step_index=2)
    for place in (Place(ScreenId.HOME), step, Place(ScreenId.HELP), Place(ScreenId.HELP_SENT)):
        navigator.go(place)
    navigator.back_out_of(frozenset({ScreenId.HELP, ScreenId.HELP_SENT}))
    assert navigator.current == step
    assert navigator.previous == Place(ScreenId.HOME)


def test_place_round_trips_through_plain_data() -> None:
    place = Place(ScreenId.STEP, theme="work", procedure_id="p", step_index=3)
    assert Place.from_dict(place.to_dict()) == place
