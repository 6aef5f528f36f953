"""RightsEngine with the real OpenFisca-France in its worker: reference households, rules written out,
monotonic checks, the person's answers, and a worker that dies, hangs or is closed mid-calculation.

Reference households come from OpenFisca-France's own published tests (its repository's ``tests/``
folder, not shipped in the package), as of commit a7038ee (release 176.0.7); they pass unchanged with
the pinned 176.1.8, checked here through the kiosk's worker. Where a figure is written out instead,
the text it comes from is named beside it. One worker serves the reference, rule and answer tests;
the failure tests each start a worker of their own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.rights import questions as q
from kiosk.rights.answers import Answers
from kiosk.rights.engine import RightsEngine, RightsUnavailable
from kiosk.rights.questions import DONT_KNOW, next_question

ROOT = Path(__file__).resolve().parents[3]
RULES = "openfisca-france 176.1.8"
# Loading the rules takes about 5 s and a first household of a new month as much again; a machine
# busy with other tests can take three times that. Only the failure tests time anything.
TIMEOUT_S = 180.0


@pytest.fixture(scope="module")
def engine() -> Iterator[RightsEngine]:
    engine = RightsEngine()
    engine.start()
    yield engine
    engine.close()


def figures(engine: RightsEngine, situation: dict[str, Any], month: str, *variables: str) -> dict[str, float]:
    values, rules = engine.calculate(situation, month, variables, timeout_s=TIMEOUT_S)
    assert rules == RULES
    return values


def alive(pid: int) -> bool:
    """Whether ``pid`` is still a process (a zombie not yet reaped counts: its memory is not all back)."""
    return Path(f"/proc/{pid}").exists()


# Reference households of OpenFisca-France's tests (inputs copied as they are written there: values
# given by year for monthly variables are spread over the months by OpenFisca, as its test runner does).

YEARS = ("2022", "2023", "2024")


def each_year(value: object) -> dict[str, object]:
    return dict.fromkeys(YEARS, value)


def leximpact_hosted_alone(person: dict[str, Any]) -> dict[str, Any]:
    """The one-person households of tests/leximpact/2024/rsa_04 and rsa_06: housed free, Bourghelles (59)."""
    return {
        "individus": {
            "adulte_1": {
                "activite": each_year("inactif"),
                "invalidite": each_year(False),
                "statut_marital": each_year("celibataire"),
                **person,
            }
        },
        "familles": {"famille_n_1": {"parents": ["adulte_1"]}},
        "foyers_fiscaux": {
            "declaration_d_impots_n_1": {"declarants": ["adulte_1"], "depcom_foyer": each_year("59036")}
        },
        "menages": {
            "logement_principal_n_1": {
                "personne_de_reference": ["adulte_1"],
                "depcom": each_year("59036"),
                "statut_occupation_logement": each_year("loge_gratuitement"),
            }
        },
    }


def test_leximpact_rsa_01_a_parent_alone_with_a_child_in_social_housing(engine: RightsEngine) -> None:
    # tests/leximpact/2024/rsa_01_seuil_rsa_inactif_d1.yml: a parent of 27 without work, alone with a
    # child of 11, renting 400 € a month from a social landlord in Perpignan (66136). Its margin: 1 €.
    household = {
        "individus": {
            "adulte_1": {
                "activite": each_year("inactif"),
                "date_naissance": {"2024": "1997-01-01"},
                "invalidite": each_year(False),
                "statut_marital": each_year("celibataire"),
            },
            "enfant_1": {
                "categorie_salarie": each_year("non_pertinent"),
                "contrat_de_travail": each_year("sans_objet"),
                "date_naissance": {"2024": "2013-01-01"},
                "garde_alternee": {"2024": False},
                "rempli_obligation_scolaire": each_year(True),
            },
        },
        "familles": {"famille_n_1": {"parents": ["adulte_1"], "enfants": ["enfant_1"]}},
        "foyers_fiscaux": {
            "declaration_d_impots_n_1": {
                "declarants": ["adulte_1"],
                "personnes_a_charge": ["enfant_1"],
                "depcom_foyer": each_year("66136"),
            }
        },
        "menages": {
            "logement_principal_n_1": {
                "personne_de_reference": ["adulte_1"],
                "enfants": ["enfant_1"],
                "depcom": each_year("66136"),
                "loyer": {f"{year}-{month:02d}": 400 for year in YEARS for month in range(1, 13)},
                "statut_occupation_logement": each_year("locataire_hlm"),
            }
        },
    }
    got = figures(engine, household, "2024-06", "rsa", "aide_logement", "asf")
    expected = {"rsa": 696.05, "aide_logement": 344.42, "asf": 196.84}
    assert got == pytest.approx(expected, abs=1)


def test_leximpact_rsa_04_a_young_person_housed_free(engine: RightsEngine) -> None:
    # tests/leximpact/2024/rsa_04_rsa_jeune.yml: 22 years old, the RSA's condition for under-25s met.
    household = leximpact_hosted_alone(
        {
            "date_naissance": {"2024": "2002-01-01"},
            "rsa_jeune_condition_heures_travail_remplie": each_year(True),
        }
    )
    assert figures(engine, household, "2024-06", "rsa") == pytest.approx({"rsa": 559.42}, abs=1)


def test_leximpact_rsa_06_a_pregnant_woman_alone_gets_the_raised_rsa(engine: RightsEngine) -> None:
    # tests/leximpact/2024/rsa_06_femme_enceinte_isolee.yml
    pregnant = {"date_naissance": {"2024": "2001-01-01"}, "enceinte": each_year(True)}
    household = leximpact_hosted_alone(pregnant)
    assert figures(engine, household, "2024-06", "rsa") == pytest.approx({"rsa": 740.04}, abs=1)


@pytest.mark.parametrize(("experimentation", "ppa"), [(False, 244.0), (True, 366.0)])
def test_ppa_a_couple_earning_300_euros_each(engine: RightsEngine, experimentation: bool, ppa: float) -> None:
    # tests/formulas/ppa/ppa.yaml, « Cas PPA period > Oct 2024 et département hors expérimentation » and
    # « ... et ressource sur M-2 M-4 »: since October 2024 the prime d'activité of a month reads the incomes
    # of months M-2 to M-4. Its margin: half a cent.
    three_months = {"2024-09": 300, "2024-10": 300, "2024-11": 300}
    household = {
        "individus": {
            "parent1": {"age": {"2025-01": 40}, "salaire_net": three_months},
            "parent2": {"age": {"2025-01": 40}, "salaire_net": dict(three_months)},
        },
        "familles": {
            "famille": {
                "parents": ["parent1", "parent2"],
                "ppa_eligibilite": {"2025-01": True},
                "departement_experimentation_rsa": {"2025-01": experimentation},
                "aide_logement": {month: 200 for month in ("2024-10", "2024-11", "2024-12", "2025-01")},
            }
        },
        "foyers_fiscaux": {
            "foyer_fiscal_0": {"declarants": ["parent1"]},
            "foyer_fiscal_1": {"declarants": ["parent2"]},
        },
        "menages": {
            "menage_0": {"personne_de_reference": ["parent1"]},
            "menage_1": {"personne_de_reference": ["parent2"]},
        },
    }
    assert figures(engine, household, "2025-01", "ppa") == pytest.approx({"ppa": ppa}, abs=0.005)


# Rules written out, for June 2025, on a household built here.

MONTH = "2025-06"
HISTORY = [f"2024-{month:02d}" for month in range(1, 13)] + [f"2025-{month:02d}" for month in range(1, 7)]
RSA_ALONE = 646.52  # montant forfaitaire for one person from 1 April 2025: décret n° 2025-293 du 29 mars 2025
FORFAIT_LOGEMENT_ALONE = 0.12  # art. R262-9 CASF: housed free, or paid a housing aid; one person
BMAF = 474.37  # base mensuelle des allocations familiales, 1 April 2025: instruction DSS/2A/2C/2025/32


def alone_in_lille(
    salary: float = 0.0, housing: str = "loge_gratuitement", rent: float = 0.0, children: tuple[int, ...] = ()
) -> dict[str, Any]:
    """A person of 40 in Lille (zone 2 of housing aid), the same every month since January 2024."""
    kids = {
        f"enfant_{number}": {"date_naissance": {"ETERNITY": f"{2025 - age}-01-01"}}
        for number, age in enumerate(children, 1)
    }
    home: dict[str, Any] = {
        "personne_de_reference": ["demandeur"],
        "enfants": list(kids),
        "depcom": {MONTH: "59350"},
        "statut_occupation_logement": dict.fromkeys(HISTORY, housing),
    }
    if rent:
        home["loyer"] = dict.fromkeys(HISTORY, rent)
    person = {"date_naissance": {"ETERNITY": "1985-01-01"}, "salaire_net": dict.fromkeys(HISTORY, salary)}
    return {
        "individus": {"demandeur": person, **kids},
        "familles": {"famille": {"parents": ["demandeur"], "enfants": list(kids)}},
        "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur"], "personnes_a_charge": list(kids)}},
        "menages": {"menage": home},
    }


def test_rsa_alone_without_income_housed_free_is_the_montant_forfaitaire_less_the_forfait_logement(
    engine: RightsEngine,
) -> None:
    # Art. L262-2 CASF: the RSA is the montant forfaitaire less the household's resources, among which
    # the forfait logement of a person housed free (art. R262-9).
    expected = round(RSA_ALONE * (1 - FORFAIT_LOGEMENT_ALONE), 2)
    assert expected == 568.94
    assert figures(engine, alone_in_lille(), MONTH, "rsa") == {"rsa": expected}


def test_rsa_less_a_net_salary_of_300_euros(engine: RightsEngine) -> None:
    expected = round(RSA_ALONE - 300 - RSA_ALONE * FORFAIT_LOGEMENT_ALONE, 2)
    assert figures(engine, alone_in_lille(salary=300), MONTH, "rsa") == {"rsa": expected}


def test_family_allowances_for_two_children_are_32_percent_of_the_bmaf(engine: RightsEngine) -> None:
    # Art. D521-1 CSS: 32 % of the BMAF for two children, the full rate under the income ceiling.
    got = figures(engine, alone_in_lille(children=(8, 12)), MONTH, "af")
    assert got == {"af": round(0.32 * BMAF, 2)} == {"af": 151.80}


# Monotonic checks: each household alone, everything else equal.


def test_more_income_never_raises_the_rsa(engine: RightsEngine) -> None:
    salaries = (0, 150, 300, 450, 600, 750)
    rsa = [figures(engine, alone_in_lille(salary=salary), MONTH, "rsa")["rsa"] for salary in salaries]
    assert rsa == sorted(rsa, reverse=True), dict(zip(salaries, rsa, strict=True))
    assert rsa[0] > rsa[2] > rsa[4] and rsa[-1] == 0, "it falls with the income, to nothing past the amount"


def test_more_rent_never_lowers_housing_aid_within_the_ceilings(engine: RightsEngine) -> None:
    # Zone 2, one person, 2025: the rent taken into account stops at 287.35 € (the ceiling), and from 2.5
    # times that (718.38 €) the aid decreases until 3.1 times (art. D823-16 CCH): the rents stay below.
    rents = (100, 200, 280, 400, 700)
    tenants = [alone_in_lille(housing="locataire_vide", rent=rent) for rent in rents]
    aid = [figures(engine, tenant, MONTH, "aide_logement")["aide_logement"] for tenant in tenants]
    assert aid == sorted(aid), dict(zip(rents, aid, strict=True))
    assert aid[0] < aid[1] < aid[2] < aid[3], "it rises with the rent up to the ceiling"
    assert aid[3] == aid[4] > 0, "past the ceiling, more rent changes nothing"


# The person's answers (kiosk.rights.situation makes the household).


def answered(values: dict[str, str | int]) -> Answers:
    answers = Answers()
    for question_id, value in values.items():
        answers.set(question_id, value)
    return answers


def test_a_low_wage_tenant_learns_of_the_prime_d_activite_and_housing_aid(engine: RightsEngine) -> None:
    person = answered(
        {
            "age": 35,
            "couple": q.ALONE,
            "children": 0,
            "activity": q.WORK,
            "salary": 900,
            "other_income": 0,
            "housing": q.TENANT_PRIVATE,
            "rent": 550,
            "postal_code": "59000",
            "zone_city": q.YES,
            "disability": q.DISABILITY_NONE,
        }
    )
    estimates = engine.estimate(person, MONTH, timeout_s=TIMEOUT_S)
    assert estimates.rules_date == f"{RULES}, {MONTH}"
    amounts = {estimate.aid.id: estimate.monthly_euros for estimate in estimates.items}
    assert amounts["ppa"] > 0 and amounts["aide_logement"] > 0, amounts
    assert "rsa" not in amounts, "900 € of salary is above the RSA of one person"


def test_i_dont_know_to_every_question_is_estimated_as_nothing_known(engine: RightsEngine) -> None:
    answers = Answers()
    question = next_question(answers, None)
    while question is not None:
        answers.set(question.id, DONT_KNOW)
        question = next_question(answers, question.id)
    assert len(answers) >= 5
    nothing_said = engine.estimate(Answers(), MONTH, timeout_s=TIMEOUT_S)
    assert engine.estimate(answers, MONTH, timeout_s=TIMEOUT_S) == nothing_said
    assert nothing_said.rules_date == f"{RULES}, {MONTH}"


def test_a_household_the_rules_refuse_is_unavailable_naming_the_place_not_the_value(
    engine: RightsEngine,
) -> None:
    pid = engine.pid
    with pytest.raises(RightsUnavailable, match="no variable 'aide_a_la_lune'"):
        engine.calculate(alone_in_lille(), MONTH, ["aide_a_la_lune"], timeout_s=TIMEOUT_S)
    typed = alone_in_lille()
    typed["individus"]["demandeur"]["salaire_net"][MONTH] = "987654 euros"
    with pytest.raises(RightsUnavailable) as refused:
        engine.calculate(typed, MONTH, ["rsa"], timeout_s=TIMEOUT_S)
    assert "individus/demandeur/salaire_net/2025-06" in str(refused.value)
    assert "987654" not in str(refused.value)
    assert engine.pid == pid and pid is not None, "a refusal is an answer: the worker goes on"


def test_a_worker_killed_mid_calculation_is_replaced_and_the_household_computed(engine: RightsEngine) -> None:
    figures(engine, alone_in_lille(), MONTH, "rsa")  # warm: the next one computes at once
    first = engine.pid
    assert first is not None
    restarts = engine.restarts
    result: list[dict[str, float]] = []
    earning = alone_in_lille(salary=300)
    call = threading.Thread(target=lambda: result.append(figures(engine, earning, MONTH, "rsa")))
    call.start()
    time.sleep(0.3)  # the request is sent; a warm household takes about a second
    assert call.is_alive(), "the calculation was already over: nothing was killed mid-way"
    os.kill(first, signal.SIGKILL)
    call.join(TIMEOUT_S)
    assert result == [{"rsa": 268.94}]
    assert engine.restarts == restarts + 1 and engine.pid not in (None, first)
    assert not alive(first)


# Failures, each on a worker of its own. These households need no rule: their figure is an input.

TRIVIAL = {
    "individus": {"demandeur": {"salaire_net": {MONTH: 1234.0}}},
    "familles": {"famille": {"parents": ["demandeur"]}},
    "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur"]}},
    "menages": {"menage": {"personne_de_reference": ["demandeur"]}},
}


def test_a_hung_worker_is_killed_at_the_time_allowed_and_the_next_call_starts_another() -> None:
    engine = RightsEngine(variables=())
    try:
        assert figures(engine, TRIVIAL, MONTH, "salaire_net") == {"salaire_net": 1234.0}
        hung = engine.pid
        assert hung is not None
        os.kill(hung, signal.SIGSTOP)
        began = time.monotonic()
        with pytest.raises(RightsUnavailable, match="no answer in 2 s"):
            engine.calculate(TRIVIAL, MONTH, ["salaire_net"], timeout_s=2)
        assert 2 <= time.monotonic() - began < 10
        assert engine.pid is None and not alive(hung)
        assert figures(engine, TRIVIAL, MONTH, "salaire_net") == {"salaire_net": 1234.0}
        assert engine.pid not in (None, hung)
    finally:
        engine.close()


def test_a_worker_that_dies_twice_on_one_call_makes_the_rights_unavailable() -> None:
    engine = RightsEngine(variables=())
    killed: set[int] = set()
    done = threading.Event()

    def kill_every_worker() -> None:
        while not done.is_set():
            pid = engine.pid
            if pid is not None and pid not in killed:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            time.sleep(0.01)

    killer = threading.Thread(target=kill_every_worker)
    killer.start()
    try:
        with pytest.raises(RightsUnavailable, match="failed twice"):
            engine.calculate(TRIVIAL, MONTH, ["salaire_net"], timeout_s=TIMEOUT_S)
    finally:
        done.set()
        killer.join()
        engine.close()
    assert len(killed) == 2 and engine.restarts == 1
    assert not any(alive(pid) for pid in killed)


def test_start_does_not_wait_and_close_stops_a_call_under_way_and_gives_the_memory_back() -> None:
    engine = RightsEngine(variables=())
    began = time.monotonic()
    engine.start()
    assert time.monotonic() - began < 1, "start() only spawns the worker: loading the rules takes seconds"
    pid = engine.pid
    assert pid is not None
    failures: list[BaseException] = []

    def wait_for_the_rules() -> None:
        try:
            engine.calculate(TRIVIAL, MONTH, ["salaire_net"], timeout_s=TIMEOUT_S)
        except RightsUnavailable as error:
            failures.append(error)

    call = threading.Thread(target=wait_for_the_rules)
    call.start()
    time.sleep(0.5)
    engine.close()
    call.join(10)
    assert not call.is_alive(), "the call under way gave up when the engine closed"
    assert [str(error) for error in failures] == ["the rights engine was closed"]
    assert engine.pid is None and engine.restarts == 0
    assert not alive(pid), "the worker and its memory are gone once close() returns"


def test_a_worker_that_cannot_be_started_is_reported_by_the_call_never_by_start_or_warm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "executable", str(ROOT / "no-such-python"))
    engine = RightsEngine()
    engine.start()
    engine.warm(MONTH)
    with pytest.raises(RightsUnavailable, match="cannot be started"):
        engine.estimate(Answers(), MONTH)


# The kiosk's own process


def test_the_kiosk_process_never_imports_openfisca_even_while_the_engine_computes() -> None:
    program = """
import importlib, json, pkgutil, sys
for package in ("kiosk", "voice", "ui"):
    for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if not info.name.endswith("__main__"):  # ui.__main__ runs the kiosk
            importlib.import_module(info.name)
from kiosk.rights.engine import RightsEngine
engine = RightsEngine()
engine.start()
print(json.dumps(engine.calculate(json.loads(sys.argv[1]), "2025-06", ["salaire_net"], timeout_s=180)[0]))
engine.close()
print(" ".join(sorted(sys.modules)))
"""
    run = subprocess.run(
        [sys.executable, "-c", program, json.dumps(TRIVIAL)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    answer, modules = run.stdout.splitlines()
    assert json.loads(answer) == {"salaire_net": 1234.0}
    loaded = set(modules.split())
    assert {"kiosk.rights.engine", "kiosk.rights.engine_worker", "ui.app"} <= loaded
    engine_modules = {"openfisca_core", "openfisca_france", "numpy", "numexpr", "pendulum"}
    assert {module for module in loaded if module.split(".")[0] in engine_modules} == set()
