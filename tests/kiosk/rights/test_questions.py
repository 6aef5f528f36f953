"""The questions: what each accepts, which ones are skipped, and how many a person is asked."""

from __future__ import annotations

import pytest

from kiosk.content.pictogram_names import exists
from kiosk.rights import questions as q
from kiosk.rights.answers import Answers
from kiosk.rights.questions import (
    DONT_KNOW,
    QUESTIONS,
    AnswerKind,
    Question,
    asked,
    next_question,
    previous_question,
    question,
)


def _walk(values: dict[str, str | int]) -> list[str]:
    """Answer question after question as a person would; the ids of the questions asked, in order."""
    answers = Answers()
    seen: list[str] = []
    current = next_question(answers, None)
    while current is not None:
        seen.append(current.id)
        answers.set(current.id, values.get(current.id, DONT_KNOW))
        current = next_question(answers, current.id)
    return seen


def test_ids_are_unique_and_every_question_is_complete() -> None:
    assert len({candidate.id for candidate in QUESTIONS}) == len(QUESTIONS)
    for candidate in QUESTIONS:
        assert candidate.text.strip() and candidate.text.endswith("?"), candidate.id
        if candidate.kind is AnswerKind.CHOICE:
            assert len(candidate.choices) >= 2, candidate.id
            assert len({choice.id for choice in candidate.choices}) == len(candidate.choices)
            assert DONT_KNOW not in {choice.id for choice in candidate.choices}
        else:
            assert candidate.choices == (), candidate.id
        if candidate.kind in (AnswerKind.COUNT, AnswerKind.AMOUNT):
            assert 0 <= candidate.minimum < candidate.maximum


def test_every_pictogram_exists_in_the_icon_font() -> None:
    missing = [c.pictogram for qu in QUESTIONS for c in qu.choices if not exists(c.pictogram)]
    assert missing == []


def test_the_issue_s_order() -> None:
    order = [candidate.id for candidate in QUESTIONS]
    for earlier, later in [
        ("couple", "children"),
        ("children", "child_age_1"),
        ("child_age_6", "activity"),
        ("activity", "salary"),
        ("other_income", "housing"),
        ("housing", "rent"),
        ("rent", "postal_code"),
        ("postal_code", "zone_city"),
        ("zone_city", "disability"),
    ]:
        assert order.index(earlier) < order.index(later)


@pytest.mark.parametrize(
    ("question_id", "good", "bad"),
    [
        ("age", [15, 40, 120, DONT_KNOW], [14, 121, "40", True, 40.0]),
        ("children", [0, 3, 15], [-1, 16]),
        ("child_age_1", [0, 24], [25]),
        ("salary", [0, 1500, 99_999], [-5, 100_000, "1500"]),
        ("couple", ["alone", "couple", DONT_KNOW], ["seul", "", 1]),
        (
            "postal_code",
            ["59000", "75011", "20090", "20200", "97400", DONT_KNOW],
            ["5900", "590000", "98000", "00100", "96100", "97700", "ab123", "\uff15\uff19000", 59000],
        ),
    ],
)
def test_what_each_kind_of_question_accepts(question_id: str, good: list[object], bad: list[object]) -> None:
    asking = question(question_id)
    assert all(asking.accepts(value) for value in good)  # type: ignore[arg-type]
    assert not any(asking.accepts(value) for value in bad)  # type: ignore[arg-type]


def test_a_single_person_with_no_child_who_rents_is_asked_eleven_questions_at_most() -> None:
    seen = _walk(
        {
            "age": 30,
            "couple": q.ALONE,
            "children": 0,
            "activity": q.WORK,
            "salary": 1200,
            "other_income": 0,
            "housing": q.TENANT_PRIVATE,
            "rent": 500,
            "postal_code": "59000",
            "zone_city": q.YES,
            "disability": "no",
        }
    )
    assert seen == [
        "age",
        "couple",
        "children",
        "activity",
        "salary",
        "other_income",
        "housing",
        "rent",
        "postal_code",
        "zone_city",
        "disability",
    ]


def test_no_children_no_ages_and_each_child_s_age_when_there_are() -> None:
    assert not any(step.startswith("child_age") for step in _walk({"children": 0}))
    assert [step for step in _walk({"children": 2}) if step.startswith("child_age")] == [
        "child_age_1",
        "child_age_2",
    ]
    assert [step for step in _walk({"children": 9}) if step.startswith("child_age")] == list(q.CHILD_AGE_IDS)
    assert not any(step.startswith("child_age") for step in _walk({"children": DONT_KNOW}))


def test_each_activity_asks_for_its_own_income_only() -> None:
    for activity, income in [
        (q.WORK, "salary"),
        (q.JOB_SEEKER, "unemployment_benefit"),
        (q.RETIRED, "pension"),
    ]:
        seen = _walk({"activity": activity})
        incomes = {"salary", "unemployment_benefit", "pension"}
        assert incomes & set(seen) == {income}
    assert not {"salary", "unemployment_benefit", "pension"} & set(_walk({"activity": q.OTHER}))
    assert not {"salary", "unemployment_benefit", "pension"} & set(_walk({"activity": DONT_KNOW}))


def test_the_partner_is_asked_about_only_in_a_couple() -> None:
    alone = _walk({"couple": q.ALONE})
    assert not [step for step in alone if step.startswith("partner_")]
    couple = _walk({"couple": q.COUPLE, "partner_activity": q.JOB_SEEKER})
    assert [step for step in couple if step.startswith("partner_")] == [
        "partner_activity",
        "partner_unemployment_benefit",
    ]
    assert not [s for s in _walk({"couple": DONT_KNOW}) if s.startswith("partner_")]


@pytest.mark.parametrize("housing", [q.OWNER, q.HOSTED, q.HOMELESS, DONT_KNOW])
def test_not_a_tenant_no_rent_and_no_zone(housing: str) -> None:
    seen = _walk({"housing": housing, "postal_code": "59000"})
    assert "rent" not in seen and "zone_city" not in seen and "zone_paris" not in seen
    assert "postal_code" in seen  # overseas and Île-de-France change other aids too


@pytest.mark.parametrize(
    ("postal_code", "follow_up"),
    [
        ("75011", None),  # Paris: zone 1 throughout
        ("23000", None),  # Creuse: zone 3 throughout
        ("97400", None),  # La Réunion: one zone
        ("59000", "zone_city"),  # Nord: zones 2 and 3
        ("13001", "zone_city"),
        ("77000", "zone_paris"),  # Seine-et-Marne: zones 1 and 2
        ("95000", "zone_paris"),
        (DONT_KNOW, None),
    ],
)
def test_the_zone_is_asked_only_where_the_departement_does_not_settle_it(
    postal_code: str, follow_up: str | None
) -> None:
    seen = _walk({"housing": q.TENANT_SOCIAL, "rent": 400, "postal_code": postal_code})
    asked_zones = [step for step in seen if step.startswith("zone_")]
    assert asked_zones == ([follow_up] if follow_up else [])
    if follow_up:
        assert seen.index(follow_up) == seen.index("postal_code") + 1


def test_about_a_dozen_questions_even_for_a_large_family_in_a_couple() -> None:
    family = {
        "age": 35,
        "couple": q.COUPLE,
        "children": 3,
        "activity": q.WORK,
        "partner_activity": q.WORK,
        "housing": q.TENANT_SOCIAL,
        "postal_code": "59000",
    }
    seen = _walk(family)
    assert len(seen) - len([s for s in seen if s.startswith("child_age")]) <= 14


def test_previous_question_walks_back_the_way_next_question_came() -> None:
    answers = Answers()
    values: dict[str, str | int] = {
        "children": 1,
        "couple": q.COUPLE,
        "partner_activity": q.RETIRED,
        "activity": q.RETIRED,
        "housing": q.TENANT_PRIVATE,
        "postal_code": "69001",
    }
    forward: list[str] = []
    current: Question | None = next_question(answers, None)
    while current is not None:
        forward.append(current.id)
        answers.set(current.id, values.get(current.id, DONT_KNOW))
        current = next_question(answers, current.id)
    backward = [forward[-1]]
    while (earlier := previous_question(answers, backward[-1])) is not None:
        backward.append(earlier)
    assert backward == list(reversed(forward))
    assert previous_question(answers, QUESTIONS[0].id) is None
    assert [candidate.id for candidate in asked(answers)] == forward


def test_skipping_follows_a_changed_answer() -> None:
    answers = Answers()
    answers.set("children", 2)
    assert next_question(answers, "children") == question("child_age_1")
    answers.set("children", 0)
    assert next_question(answers, "children") == question("activity")
    assert "child_age_1" not in {candidate.id for candidate in asked(answers)}
