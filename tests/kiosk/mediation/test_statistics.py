"""Scripted days of visits: the records add up, and the exports say the same but not in the visits' order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kiosk.content.loader import Catalog
from kiosk.mediation.statistics import summarize, to_csv, to_json
from kiosk.mediation.timeline import Autonomy
from kiosk.visit.help_desk import HelpKind
from tests.conftest import FakeClock, walk_to_step
from tests.kiosk.store.test_record_keeper import open_station

DAY = [
    # procedure, language, steps walked, ask help, autonomy, minutes spent
    ("caf-prime-activite", "fr", 2, True, Autonomy.PARTLY_HELPED, 12),
    ("caf-prime-activite", "ar", 1, False, None, 3),
    ("france-travail-actualisation", "fr", 1, True, Autonomy.DONE_BY_MEDIATOR, 40),
    ("ameli-creer-compte", "uk", 1, False, Autonomy.ALONE, 20),
]


def test_a_day_of_visits_adds_up(tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    for procedure, language, steps, ask_help, autonomy, minutes in DAY:
        walk_to_step(station, procedure, steps, language=language)
        if ask_help:
            station.visit.open_help()
            station.visit.ask_for_help(HelpKind.STUCK)
            station.visit.leave_help()
        if autonomy is not None:
            station.visit.session.autonomy = autonomy.value
        clock.advance(minutes * 60)
        station.end_visit()
    records = station.keeper.store.activity()  # type: ignore[union-attr]
    summary = summarize(records)
    assert summary.visits == 4 and summary.help_requests == 2 and summary.with_help == 2
    assert summary.per_procedure["caf-prime-activite"] == 2
    assert summary.per_language == {"fr": 2, "ar": 1, "uk": 1}
    assert summary.per_autonomy == {"partly_helped": 1, "not_recorded": 1, "done_by_mediator": 1, "alone": 1}
    assert summary.per_duration == {"5-15 min": 1, "0-5 min": 1, "30-60 min": 1, "15-30 min": 1}
    # the prime d'activité is money, where a person looks for it; ameli is health
    assert (summary.per_theme["money"], summary.per_theme["work"], summary.per_theme["health"]) == (2, 1, 1)
    assert sum(summary.per_day.values()) == 4

    rows = list(csv.DictReader(io.StringIO(to_csv(records))))
    assert len(rows) == 4 and sorted(r["procedures"] for r in rows).count("caf-prime-activite") == 2
    assert sorted(r["autonomy"] for r in rows) == ["", "alone", "done_by_mediator", "partly_helped"]
    exported = json.loads(to_json(records))
    assert exported["visits"] == 4 and exported["per_language"]["fr"] == 2
    assert len(exported["records"]) == 4


def test_no_visit_no_division_by_zero() -> None:
    summary = summarize([])
    assert summary.visits == 0 and summary.completion_percent == 0


def test_exports_list_visits_day_by_day_in_an_order_that_says_nothing_of_their_time(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    procedures = sorted(bundled_catalog.procedures)[:10]
    for _day in range(2):  # on each of two days, one visit per procedure: every record is told apart
        for procedure in procedures:
            walk_to_step(station, procedure, 1)
            clock.advance(60)
            station.end_visit()
        clock.advance(24 * 3600)
    records = station.keeper.store.activity()  # type: ignore[union-attr]
    # The store lists the records in the order the visits ended.
    ended = [(record["day"], record["procedures"][0]) for record in records]
    assert len(set(ended)) == 20 and len({day for day, _ in ended}) == 2

    orders = []
    for _ in range(10):
        rows = csv.DictReader(io.StringIO(to_csv(records)))
        orders.append([(row["day"], row["procedures"]) for row in rows])
        exported = json.loads(to_json(records))["records"]
        orders.append([(record["day"], record["procedures"][0]) for record in exported])
    for order in orders:
        assert sorted(order) == sorted(ended), "every visit is exported, once"
        assert [day for day, _ in order] == sorted(day for day, _ in ended), "day by day"
        assert order != ended, "not in the order the visits ended"
    assert len({tuple(order) for order in orders}) > 1, "not in any fixed order either"

    # The totals do not follow the order of the visits either (ties are listed by name).
    def totals(exported: str) -> str:
        return json.dumps({key: value for key, value in json.loads(exported).items() if key != "records"})

    assert totals(to_json(records)) == totals(to_json(list(reversed(records))))
