"""From answers to an OpenFisca situation: who is in the household, which months, what is assumed."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from kiosk.rights import questions as q
from kiosk.rights.answers import Answers
from kiosk.rights.questions import DONT_KNOW, QUESTIONS
from kiosk.rights.situation import ASSUMPTIONS, situation, smic_gross_monthly

MONTH = "2026-12"


def answered(values: dict[str, str | int]) -> Answers:
    answers = Answers()
    for question_id, value in values.items():
        answers.set(question_id, value)
    return answers


def household(values: dict[str, str | int], month: str = MONTH) -> dict[str, Any]:
    built = situation(answered(values), month)
    json.dumps(built)  # plain data, ready for the worker
    return built


SINGLE_TENANT = {
    "age": 30,
    "couple": q.ALONE,
    "children": 0,
    "activity": q.WORK,
    "salary": 1100,
    "other_income": 0,
    "housing": q.TENANT_PRIVATE,
    "rent": 520,
    "postal_code": "59000",
    "zone_city": q.YES,
    "disability": "no",
}


def test_every_question_has_its_assumption() -> None:
    assert set(ASSUMPTIONS) == {question.id for question in QUESTIONS}
    assert all(text.strip().endswith(".") for text in ASSUMPTIONS.values())


def test_a_single_tenant() -> None:
    built = household(SINGLE_TENANT)
    assert set(built) == {"individus", "familles", "foyers_fiscaux", "menages"}
    assert list(built["individus"]) == ["demandeur"]
    person = built["individus"]["demandeur"]
    assert person["date_naissance"] == {"ETERNITY": "1996-06-01"}  # 30 years and a half in December 2026
    # The salary of the last 3 months on every month from January two years before.
    assert list(person["salaire_net"]) == [
        f"{year}-{month:02d}" for year in (2024, 2025, 2026) for month in range(1, 13)
    ]
    assert (
        set(person["salaire_net"].values()) == {1100.0}
        and person["salaire_imposable"] == person["salaire_net"]
    )
    assert set(person["activite"].values()) == {"actif"}
    assert "handicap" not in person and "pensions_alimentaires_percues" not in person
    assert built["familles"] == {"famille": {"parents": ["demandeur"], "enfants": []}}
    assert built["foyers_fiscaux"] == {
        "foyer_fiscal": {"declarants": ["demandeur"], "personnes_a_charge": []}
    }
    menage = built["menages"]["menage"]
    assert menage["personne_de_reference"] == ["demandeur"] and "conjoint" not in menage
    assert menage["loyer"] == {MONTH: 520.0} and menage["zone_apl"] == {MONTH: "zone_2"}
    assert set(menage["statut_occupation_logement"].values()) == {"locataire_vide"}
    assert set(menage["residence_ile_de_france"].values()) == {False}


def test_a_couple_with_children_of_every_age_asked_and_beyond() -> None:
    values: dict[str, str | int] = {
        "age": 38,
        "couple": q.COUPLE,
        "children": 8,
        "child_age_1": 0,
        "child_age_2": 17,
        "child_age_3": DONT_KNOW,
        **{f"child_age_{n}": 5 for n in range(4, 7)},
        "activity": q.JOB_SEEKER,
        "unemployment_benefit": 900,
        "partner_activity": q.RETIRED,
        "partner_pension": 650,
        "other_income": 150,
        "housing": q.TENANT_SOCIAL,
        "rent": 480,
        "postal_code": "77100",
        "zone_paris": q.YES,
        "disability": q.DISABILITY_80,
    }
    built = household(values)
    children = [f"enfant_{n}" for n in range(1, 9)]
    assert list(built["individus"]) == ["demandeur", "conjoint", *children]
    births = {name: built["individus"][name]["date_naissance"]["ETERNITY"] for name in children}
    assert births["enfant_1"] == "2026-06-01" and births["enfant_2"] == "2009-06-01"
    assert (
        births["enfant_3"] == births["enfant_7"] == births["enfant_8"] == "2016-06-01"
    )  # 10: the assumption
    assert built["familles"]["famille"] == {"parents": ["demandeur", "conjoint"], "enfants": children}
    assert built["foyers_fiscaux"]["foyer_fiscal"]["personnes_a_charge"] == children
    person, partner = built["individus"]["demandeur"], built["individus"]["conjoint"]
    assert set(person["chomage_net"].values()) == {900.0} and set(person["activite"].values()) == {"chomeur"}
    assert set(person["pensions_alimentaires_percues"].values()) == {150.0}
    assert set(person["taux_incapacite"].values()) == {0.8} and set(person["handicap"].values()) == {True}
    assert partner["date_naissance"] == person["date_naissance"]  # the partner's age is not asked
    assert set(partner["retraite_nette"].values()) == {650.0} == set(partner["retraite_brute"].values())
    assert "handicap" not in partner and "pensions_alimentaires_percues" not in partner
    menage = built["menages"]["menage"]
    assert menage["conjoint"] == ["conjoint"] and menage["enfants"] == children
    assert menage["zone_apl"] == {MONTH: "zone_1"} and set(menage["residence_ile_de_france"].values()) == {
        True
    }
    assert set(menage["statut_occupation_logement"].values()) == {"locataire_hlm"}


def test_everything_unknown_gives_the_cautious_household_of_the_assumptions() -> None:
    built = household({question.id: DONT_KNOW for question in QUESTIONS})
    assert list(built["individus"]) == ["demandeur"]  # alone, no child
    person = built["individus"]["demandeur"]
    assert person["date_naissance"] == {"ETERNITY": "1986-06-01"}  # 40
    assert set(person["activite"].values()) == {"inactif"}
    assert not {"salaire_net", "salaire_de_base", "chomage_net", "pensions_alimentaires_percues"} & set(
        person
    )
    menage = built["menages"]["menage"]
    assert (
        set(menage["statut_occupation_logement"].values()) == {"loge_gratuitement"} and "loyer" not in menage
    )
    assert menage["zone_apl"] == {MONTH: "zone_3"}


@pytest.mark.parametrize(
    ("activity", "question_id", "gross"),
    [
        (q.WORK, "salary", "salaire_de_base"),
        (q.JOB_SEEKER, "unemployment_benefit", "chomage_brut"),
        (q.RETIRED, "pension", "retraite_brute"),
    ],
)
def test_an_income_of_unknown_amount_is_the_gross_minimum_wage_of_each_month(
    activity: str, question_id: str, gross: str
) -> None:
    person = household({"activity": activity, question_id: DONT_KNOW})["individus"]["demandeur"]
    assert person[gross]["2024-01"] == 1766.92 and person[gross]["2024-11"] == 1801.80
    assert person[gross]["2026-12"] == smic_gross_monthly("2026-12") == 1867.02
    assert not {"salaire_net", "chomage_net", "retraite_nette"} & set(person)  # OpenFisca works the net out


def test_the_minimum_wage_comes_from_the_installed_rules() -> None:
    assert smic_gross_monthly("2026-01") == 1823.03  # openfisca-france's smic_b_mensuel.yaml
    assert smic_gross_monthly("2025-12") == 1801.80
    assert smic_gross_monthly("2031-04") == 1867.02  # the last value known carries on


def test_an_income_of_zero_sets_nothing() -> None:
    person = household({"activity": q.WORK, "salary": 0})["individus"]["demandeur"]
    assert "salaire_net" not in person and "salaire_de_base" not in person


def test_answers_of_questions_no_longer_asked_are_ignored() -> None:
    answers = answered(
        {
            "children": 2,
            "child_age_1": 3,
            "child_age_2": 5,
            "activity": q.WORK,
            "salary": 2000,
            "housing": q.TENANT_PRIVATE,
            "rent": 700,
        }
    )
    answers.set("children", 0)
    answers.set("activity", q.RETIRED)
    answers.set("housing", q.OWNER)
    built = situation(answers, MONTH)
    assert list(built["individus"]) == ["demandeur"]
    person = built["individus"]["demandeur"]
    assert "salaire_net" not in person and "retraite_brute" in person  # the pension, not yet given: unknown
    assert "loyer" not in built["menages"]["menage"]


@pytest.mark.parametrize(
    ("postal_code", "follow_up", "zone"),
    [
        ("75011", {}, "zone_1"),
        ("23000", {}, "zone_3"),
        ("59000", {"zone_city": q.YES}, "zone_2"),
        ("59000", {"zone_city": q.NO}, "zone_3"),
        ("59000", {"zone_city": DONT_KNOW}, "zone_3"),
        ("91000", {"zone_paris": q.YES}, "zone_1"),
        ("91000", {"zone_paris": DONT_KNOW}, "zone_2"),
        ("97500", {}, "zone_3"),  # Saint-Pierre-et-Miquelon: not in the table
        (DONT_KNOW, {}, "zone_3"),
    ],
)
def test_the_housing_aid_zone(postal_code: str, follow_up: dict[str, str], zone: str) -> None:
    built = household({"housing": q.TENANT_PRIVATE, "rent": 500, "postal_code": postal_code, **follow_up})
    assert built["menages"]["menage"]["zone_apl"] == {MONTH: zone}


def test_overseas_and_the_alsace_moselle_scheme() -> None:
    reunion = household({"postal_code": "97410", "activity": q.WORK, "salary": 900})
    menage = reunion["menages"]["menage"]
    assert set(menage["residence_reunion"].values()) == {True}
    assert "salarie_regime_alsace_moselle" not in reunion["individus"]["demandeur"]
    strasbourg = household({"postal_code": "67000", "activity": q.WORK, "salary": 900})
    assert set(strasbourg["individus"]["demandeur"]["salarie_regime_alsace_moselle"].values()) == {True}
    assert "residence_reunion" not in strasbourg["menages"]["menage"]


def test_the_month_is_checked() -> None:
    for wrong in ("2026-13", "2026-1", "december", ""):
        with pytest.raises(ValueError, match="YYYY-MM"):
            situation(Answers(), wrong)
    january = household({"activity": q.WORK, "salary": 1000}, "2027-01")["individus"]["demandeur"]
    assert next(iter(january["salaire_net"])) == "2025-01" and list(january["salaire_net"])[-1] == "2027-01"


def test_building_a_situation_never_imports_openfisca() -> None:
    code = (
        "import sys\n"
        "from kiosk.rights.answers import Answers\n"
        "from kiosk.rights.situation import situation\n"
        "answers = Answers()\n"
        "for key, value in (('activity', 'work'), ('salary', 'dont-know'), ('housing', 'tenant_private'),"
        " ('postal_code', '59000'), ('zone_city', 'yes')):\n"
        "    answers.set(key, value)\n"
        "situation(answers, '2026-12')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('openfisca', 'numpy'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
