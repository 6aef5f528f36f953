"""« Quelles aides pour moi ? » in a visit: the way through the questions, Back, the results, and nothing
of the answers left once the person has gone (the canary test)."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from pathlib import Path

import pytest

from kiosk.content.loader import Catalog
from kiosk.mediation.statistics import summarize, to_csv, to_json
from kiosk.rights import questions as q
from kiosk.rights.aids import Estimates, estimates_from
from kiosk.rights.questions import DONT_KNOW
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.visit.help_desk import HelpKind
from kiosk.visit.places import Place, ScreenId
from tests.conftest import FakeClock
from tests.kiosk.store.test_record_keeper import open_station

CANARY_SALARY = 48_271  # a monthly income no other figure of the kiosk has
CANARY_RENT = 7_391

# A person alone, who works and rents in Lille: eleven questions.
ANSWERS: list[tuple[str, str | int]] = [
    ("age", 34),
    ("couple", q.ALONE),
    ("children", 0),
    ("activity", q.WORK),
    ("salary", 1100),
    ("other_income", 0),
    ("housing", q.TENANT_PRIVATE),
    ("rent", 520),
    ("postal_code", "59000"),
    ("zone_city", q.YES),
    ("disability", q.DISABILITY_NONE),
]
RULES = "openfisca-france 176.1.8, 2026-12"
ESTIMATES = estimates_from({"ppa": 289.4, "aide_logement": 136.2, "rsa": 0.0}, RULES)


def _home(station: Station) -> None:
    station.visit.start()
    station.visit.choose_language("fr")


def _question(station: Station) -> str:
    place = station.visit.place
    assert place.screen is ScreenId.RIGHTS_QUESTION
    return place.question_id


def _answer_all(station: Station, answers: list[tuple[str, str | int]] = ANSWERS) -> None:
    for question_id, value in answers:
        assert _question(station) == question_id
        station.visit.answer_rights(value)


def test_from_home_through_every_question_to_the_results(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    assert station.visit.place == Place(ScreenId.RIGHTS_QUESTION, question_id="age")
    assert station.visit.rights_question() == q.question("age")
    _answer_all(station)
    assert station.visit.place == Place(ScreenId.RIGHTS_RESULTS)
    assert station.visit.rights_question() is None and station.visit.rights_complete()
    assert station.visit.rights_answers.get("salary") == 1100
    assert station.visit.rights_answers.answered() == tuple(question_id for question_id, _ in ANSWERS)


def test_back_goes_through_the_questions_with_the_answers_kept(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    seen = []
    while station.visit.back() and station.visit.place.screen is ScreenId.RIGHTS_QUESTION:
        seen.append(station.visit.place.question_id)
    assert seen == [question_id for question_id, _ in reversed(ANSWERS)]
    assert station.visit.place == Place(ScreenId.HOME)
    assert len(station.visit.rights_answers) == len(ANSWERS)  # Back forgets nothing


def test_a_changed_answer_forgets_the_ones_after_it_and_the_way_follows_it(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station, ANSWERS[:4])  # up to the activity: work
    assert _question(station) == "salary"
    station.visit.answer_rights(1100)
    station.visit.back()
    station.visit.back()
    assert _question(station) == "activity"
    station.visit.answer_rights(q.WORK)  # the same answer: nothing is forgotten
    assert station.visit.rights_answers.get("salary") == 1100
    station.visit.back()
    station.visit.answer_rights(q.RETIRED)
    assert _question(station) == "pension" and "salary" not in station.visit.rights_answers
    assert station.visit.rights_answers.answered() == ("age", "couple", "children", "activity")
    # Back still goes the way actually taken.
    station.visit.back()
    assert _question(station) == "activity"


def test_a_value_the_question_does_not_take_is_refused_without_being_repeated(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    for wrong in (CANARY_SALARY * 100, "59000", 7):
        with pytest.raises(ValueError, match="'age'") as refused:
            station.visit.answer_rights(wrong)
        assert str(wrong) not in str(refused.value)
    assert not station.visit.rights_answers and _question(station) == "age"
    station.visit.answer_rights(DONT_KNOW)
    assert _question(station) == "couple"
    station.visit.home()
    with pytest.raises(ValueError, match="no question"):
        station.visit.answer_rights(34)


def test_the_results_need_every_question_answered(station: Station) -> None:
    _home(station)
    with pytest.raises(ValueError, match="not all answered"):
        station.visit.show_rights_results()
    station.visit.open_rights()
    _answer_all(station, ANSWERS[:5])
    with pytest.raises(ValueError, match="not all answered"):
        station.visit.show_rights_results()
    assert station.visit.place.screen is ScreenId.RIGHTS_QUESTION


def test_opening_the_questions_again_starts_afresh(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    station.visit.record_rights_estimates(ESTIMATES)
    first_round = station.visit.rights_answers._values["salary"]
    station.visit.home()
    station.visit.open_rights()
    assert not station.visit.rights_answers and station.visit.rights_estimates is None
    assert set(bytes(first_round)) <= {0}
    assert station.visit.session.rights_simulated  # what was made stays counted


def test_an_answer_makes_the_estimates_stale(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    station.visit.record_rights_estimates(ESTIMATES)
    assert station.visit.rights_estimates == ESTIMATES
    station.visit.back()
    station.visit.answer_rights(q.DISABILITY_80)
    assert station.visit.rights_estimates is None and station.visit.place.screen is ScreenId.RIGHTS_RESULTS


def test_the_session_notes_the_simulation_and_the_aid_ids_only(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    station.visit.record_rights_estimates(ESTIMATES)
    station.visit.record_rights_estimates(estimates_from({"aide_logement": 90.0, "cmu_c": 1.0}, RULES))
    session = station.visit.session
    assert session.rights_simulated and session.aids_suggested == ["ppa", "aide_logement", "css"]
    stored = json.dumps(session.to_dict())
    assert "289" not in stored and "1100" not in stored and "59000" not in stored


def test_changing_language_returns_to_the_same_question(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station, ANSWERS[:3])
    where = station.visit.place
    station.visit.open_language_choice()
    station.visit.choose_language("ar")
    assert station.visit.place == where and len(station.visit.rights_answers) == 3


def test_a_help_request_says_where_never_what_was_answered(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station, ANSWERS[:5])
    where = station.visit.place
    station.visit.open_help()
    request = station.visit.ask_for_help(HelpKind.STUCK)
    assert request.context.screen == "rights_question"
    assert (request.context.procedure_id, request.context.step_id) == ("", "")
    assert "1100" not in repr(request) and "salary" not in repr(request)
    station.visit.leave_help()
    assert station.visit.place == where


def test_ending_the_visit_wipes_the_answers_and_the_estimates(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    station.visit.record_rights_estimates(ESTIMATES)
    visit = station.visit
    buffers = list(visit.rights_answers._values.values())
    station.end_visit()
    assert not visit.rights_answers and visit.rights_estimates is None
    assert all(set(bytes(buffer)) <= {0} for buffer in buffers)
    assert station.visit is not visit and not station.visit.rights_answers
    assert not station.visit.session.rights_simulated


def _files_under(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            found += [Path(root) / name for name in names]
    return found


def test_nothing_answered_outlives_the_visit_but_the_anonymous_count(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """The canary test: a distinctive income and rent, answered, estimated, kept for later, left."""
    station = open_station(tmp_path, bundled_catalog, clock)
    canary_answers = [
        (
            question_id,
            CANARY_SALARY if question_id == "salary" else CANARY_RENT if question_id == "rent" else value,
        )
        for question_id, value in ANSWERS
    ]
    with caplog.at_level(logging.DEBUG):
        _home(station)
        station.visit.open_rights()
        _answer_all(station, canary_answers)
        station.visit.record_rights_estimates(ESTIMATES)
        clock.advance(120)
        station.visit.back()  # on the last question: the person keeps their progress from here
        station.visit.open_leave()
        assert station.keep_progress()
        assert station.visit.kept_code is not None
        code = station.visit.kept_code.reveal()
        station.end_visit()
        # The code brings the person back where they were before the questions, without them.
        station.visit.start()
        assert station.resume(Secret(code))
        assert station.visit.place == Place(ScreenId.HOME)
        assert not station.visit.rights_answers
        station.end_visit()

    store = station.keeper.store
    assert store is not None
    decrypted = repr(store.tables())
    for canary in (CANARY_SALARY, CANARY_RENT):
        assert str(canary) not in decrypted, f"{canary} in a table"
        assert str(canary) not in caplog.text
        for path in _files_under(tmp_path):
            assert str(canary).encode() not in path.read_bytes(), f"{canary} in {path}"
    assert "59000" not in decrypted  # nor the postal code
    assert "rights_question" not in decrypted  # nor the way through the questions

    records = store.activity()
    simulated = [record for record in records if record["rights_simulated"]]
    assert len(records) == 2 and len(simulated) == 1
    assert simulated[0]["aids_suggested"] == ["ppa", "aide_logement"]
    assert simulated[0]["outcome"] == "kept_for_later"
    summary = summarize(records)
    assert summary.rights_simulations == 1
    assert summary.per_aid_suggested == {"ppa": 1, "aide_logement": 1}
    rows = list(csv.DictReader(io.StringIO(to_csv(records))))
    assert sorted((row["rights_simulated"], row["aids_suggested"]) for row in rows) == [
        ("0", ""),
        ("1", "ppa|aide_logement"),
    ]
    exported = json.loads(to_json(records))
    assert exported["rights_simulations"] == 1 and exported["per_aid_suggested"] == {
        "aide_logement": 1,
        "ppa": 1,
    }
    store.close()


def test_a_visit_without_the_questions_counts_no_simulation(
    tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock
) -> None:
    station = open_station(tmp_path, bundled_catalog, clock)
    _home(station)
    station.visit.open_rights()
    _answer_all(station)  # answered, but the engine gave nothing (unavailable): no estimate was made
    station.end_visit()
    assert station.keeper.store is not None
    (record,) = station.keeper.store.activity()
    assert (record["rights_simulated"], record["aids_suggested"]) == (False, [])
    station.keeper.store.close()


def test_an_estimate_with_nothing_to_offer_still_counts_a_simulation(station: Station) -> None:
    _home(station)
    station.visit.open_rights()
    _answer_all(station)
    station.visit.record_rights_estimates(Estimates((), RULES))
    assert station.visit.session.rights_simulated and station.visit.session.aids_suggested == []
