"""The mediator sees where the facts on the person's screen were checked."""

from __future__ import annotations

from kiosk.mediation.sources import source_line, sources_in_view, sources_text
from kiosk.station import Station
from tests.conftest import walk_to_step


def test_on_a_step_the_mediator_sees_its_sources_then_the_procedures(station: Station) -> None:
    procedure = station.catalog.procedures["anef-titre-sejour"]
    index = 0  # « Faites la demande à temps »: 4 to 2 months before the end, the 180 € tax
    walk_to_step(station, procedure.id, index + 1)
    assert station.visit.step() is procedure.steps[index]
    shown = sources_in_view(station.visit)
    assert shown == (*procedure.steps[index].sources, *procedure.sources)
    assert len(procedure.steps[index].sources) == 2 and procedure.sources == ()
    assert all(source.url.startswith("https://") for source in shown)
    text = sources_text(station.visit)
    assert text.startswith("Sources de ce que la personne lit :")
    for source in shown:
        assert source_line(source) in text
        day = "/".join(reversed(source.date.split("-")))
        assert f"(page lue le {day})" in text


def test_away_from_a_procedure_nothing_is_shown(station: Station) -> None:
    station.visit.start()
    assert sources_in_view(station.visit) == ()
    assert sources_text(station.visit) == ""
