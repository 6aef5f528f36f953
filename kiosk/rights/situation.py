"""The person's answers turned into an OpenFisca-France situation: who lives together, what they earn,
where they live.

The one place where answers meet OpenFisca's variables; docs/RIGHTS.md lists, question by
question, the variable each answer feeds and what ``ASSUMPTIONS`` assumes for « Je ne sais pas ».
The situation describes a household that has not changed over the months the rules look back
on: the monthly amounts given (an average of the last 3 months) are set on every month from
January two years before the visit's month to that month, because the RSA and the prime
d'activité read the last 3 months, the housing aid and the Complémentaire santé solidaire the
last 12, and the family benefits the income of two years before.

Nothing here imports OpenFisca: the situation is plain data, sent to the engine's worker
process. Two files of the installed openfisca-france are read by their path (the housing-aid
zones, through ``kiosk.rights.housing_zone``, and the gross minimum wage for an income of unknown
amount), so that what is assumed comes from the same release as the rules.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kiosk.errors import EnvironmentFault
from kiosk.i18n.translation import N_
from kiosk.rights.answers import Answers
from kiosk.rights.housing_zone import ILE_DE_FRANCE, OVERSEAS, departement_of, single_zone, zones_of
from kiosk.rights.questions import (
    ALONE,
    CHILD_AGE_IDS,
    COUPLE,
    DISABILITY_50,
    DISABILITY_80,
    DONT_KNOW,
    HOMELESS,
    HOSTED,
    JOB_SEEKER,
    NO,
    OTHER,
    OWNER,
    RETIRED,
    TENANT_FURNISHED,
    TENANT_PRIVATE,
    TENANT_SOCIAL,
    WORK,
    YES,
    asked,
)

# What is assumed when the person answers « Je ne sais pas », question by question: a sentence that
# can be shown or read to them. docs/RIGHTS.md gives the reasons. The rule for an unknown amount is
# cautious on purpose: an aid is not promised on the strength of an income the person did not give.
ASSUMPTIONS: dict[str, str] = {
    "age": N_("On compte 40 ans."),
    "couple": N_("On compte une personne seule."),
    "children": N_("On compte sans enfant."),
    **{question_id: N_("On compte un enfant de 10 ans.") for question_id in CHILD_AGE_IDS},
    "activity": N_("On compte une personne sans travail ni allocation chômage ni retraite."),
    "salary": N_("On compte un salaire égal au SMIC à temps plein."),
    "unemployment_benefit": N_("On compte une allocation égale au SMIC brut à temps plein."),
    "pension": N_("On compte une retraite égale au SMIC brut à temps plein."),
    "partner_activity": N_("On compte un conjoint sans travail ni allocation chômage ni retraite."),
    "partner_salary": N_("On compte un salaire égal au SMIC à temps plein."),
    "partner_unemployment_benefit": N_("On compte une allocation égale au SMIC brut à temps plein."),
    "partner_pension": N_("On compte une retraite égale au SMIC brut à temps plein."),
    "other_income": N_("On compte sans autre argent."),
    "housing": N_("On compte un logement sans loyer, chez de la famille ou des amis."),
    "rent": N_("Sans le loyer, l'aide au logement n'est pas calculée."),
    "postal_code": N_("On compte un logement en France métropolitaine, hors grande ville."),
    "zone_paris": N_("On compte un logement plus loin de Paris."),
    "zone_city": N_("On compte un logement hors grande ville."),
    "disability": N_("On compte sans handicap reconnu."),
}

ASSUMED_AGE = 40
ASSUMED_CHILD_AGE = 10  # also the age of each child after the sixth, whose age is not asked
HISTORY_YEARS = 2  # incomes are set from January of two years before the visit's month
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

SMIC_FILE = Path("parameters") / "marche_travail" / "salaire_minimum" / "smic" / "smic_b_mensuel.yaml"

_HOUSING_STATUS = {
    TENANT_SOCIAL: "locataire_hlm",
    TENANT_PRIVATE: "locataire_vide",
    TENANT_FURNISHED: "locataire_meuble",
    OWNER: "proprietaire",
    HOSTED: "loge_gratuitement",
    HOMELESS: "sans_domicile",
}
_ACTIVITY = {WORK: "actif", JOB_SEEKER: "chomeur", RETIRED: "retraite", OTHER: "inactif"}
# For each kind of income: the net variable the answer feeds, the taxable one it feeds too (the
# housing aid and the family benefits read taxable income; the net paid is taken for it), and the
# gross variable an unknown amount is set on (OpenFisca then works out the net and the taxable).
_INCOME_VARIABLES = {
    "salary": ("salaire_net", "salaire_imposable", "salaire_de_base"),
    "unemployment_benefit": ("chomage_net", "chomage_imposable", "chomage_brut"),
    "pension": ("retraite_nette", "retraite_imposable", "retraite_brute"),
}
_INCOME_OF_ACTIVITY = {WORK: "salary", JOB_SEEKER: "unemployment_benefit", RETIRED: "pension"}
_ALSACE_MOSELLE = frozenset({"57", "67", "68"})  # the local health-insurance scheme of their employees


def situation(answers: Answers, month: str) -> dict[str, Any]:
    """The OpenFisca situation of the person's household for ``month`` ("YYYY-MM", the visit's month)."""
    months = _months_up_to(month)
    values = _Answered(answers)

    age = values.number("age", ASSUMED_AGE)
    person: dict[str, Any] = {"date_naissance": {"ETERNITY": _born(age, month)}}
    _working_life(person, values, "", months)
    disability = values.text("disability", NO)
    if disability in (DISABILITY_80, DISABILITY_50):
        person["handicap"] = _each(months, True)
        person["taux_incapacite"] = _each(months, 0.8 if disability == DISABILITY_80 else 0.5)
    other_income = values.number("other_income", 0)
    if other_income:
        person["pensions_alimentaires_percues"] = _each(months, float(other_income))

    individus: dict[str, dict[str, Any]] = {"demandeur": person}
    parents = ["demandeur"]
    if values.text("couple", ALONE) == COUPLE:
        partner: dict[str, Any] = {"date_naissance": {"ETERNITY": _born(age, month)}}
        _working_life(partner, values, "partner_", months)
        individus["conjoint"] = partner
        parents.append("conjoint")

    children = []
    for number in range(1, values.number("children", 0) + 1):
        child_id = f"enfant_{number}"
        age_id = f"child_age_{number}"
        child_age = values.number(age_id, ASSUMED_CHILD_AGE) if age_id in CHILD_AGE_IDS else ASSUMED_CHILD_AGE
        individus[child_id] = {"date_naissance": {"ETERNITY": _born(child_age, month)}}
        children.append(child_id)

    menage: dict[str, Any] = {
        "personne_de_reference": ["demandeur"],
        "enfants": children,
        **_home(values, months, month),
    }
    if len(parents) > 1:
        menage["conjoint"] = ["conjoint"]
    return {
        "individus": individus,
        "familles": {"famille": {"parents": parents, "enfants": children}},
        "foyers_fiscaux": {"foyer_fiscal": {"declarants": parents, "personnes_a_charge": children}},
        "menages": {"menage": menage},
    }


class _Answered:
    """The answers that count (those to questions the answers make worth asking); « Je ne sais pas »
    and a question not answered yet both get what ``ASSUMPTIONS`` says."""

    def __init__(self, answers: Answers) -> None:
        self._answers = answers
        self._asked = {question.id for question in asked(answers)}

    def given(self, question_id: str) -> str | int | None:
        if question_id not in self._asked:
            return None
        value = self._answers.get(question_id)
        return None if value == DONT_KNOW else value

    def dont_know(self, question_id: str) -> bool:
        """Asked, and answered « Je ne sais pas » (or not answered yet, which is read the same way)."""
        return question_id in self._asked and self.given(question_id) is None

    def number(self, question_id: str, assumed: int) -> int:
        value = self.given(question_id)
        return value if isinstance(value, int) else assumed

    def text(self, question_id: str, assumed: str) -> str:
        value = self.given(question_id)
        return value if isinstance(value, str) else assumed


def _working_life(individu: dict[str, Any], values: _Answered, prefix: str, months: list[str]) -> None:
    """What the person (``prefix`` "") or their partner ("partner_") does, and the income it brings."""
    activity = values.text(f"{prefix}activity", OTHER)
    individu["activite"] = _each(months, _ACTIVITY[activity])
    income = _INCOME_OF_ACTIVITY.get(activity)
    if income is None:
        return
    net, taxable, gross = _INCOME_VARIABLES[income]
    amount = values.given(f"{prefix}{income}")
    if isinstance(amount, int):
        if amount:
            individu[net] = _each(months, float(amount))
            individu[taxable] = _each(months, float(amount))
            if income == "pension":
                # The minimum vieillesse reads gross pensions; on the low pensions it is for, no CSG
                # is taken and the net is the gross, less a few euros at most.
                individu[gross] = _each(months, float(amount))
    elif values.dont_know(f"{prefix}{income}"):
        individu[gross] = {each: smic_gross_monthly(each) for each in months}
    if activity == WORK and departement_of(str(values.given("postal_code") or "")) in _ALSACE_MOSELLE:
        individu["salarie_regime_alsace_moselle"] = _each(months, True)


def _home(values: _Answered, months: list[str], month: str) -> dict[str, Any]:
    """The household's housing: status, rent, housing-aid zone, and the région's rules that differ."""
    housing = values.text("housing", HOSTED)
    home: dict[str, Any] = {"statut_occupation_logement": _each(months, _HOUSING_STATUS[housing])}
    rent = values.number("rent", 0)
    if housing in (TENANT_SOCIAL, TENANT_PRIVATE, TENANT_FURNISHED) and rent:
        home["loyer"] = {month: float(rent)}
    postal_code = values.given("postal_code")
    departement = departement_of(postal_code) if isinstance(postal_code, str) else None
    home["zone_apl"] = {month: f"zone_{_zone(values, departement)}"}
    if departement in OVERSEAS:
        home[OVERSEAS[departement]] = _each(months, True)
    home["residence_ile_de_france"] = _each(months, departement in ILE_DE_FRANCE)
    return home


def _zone(values: _Answered, departement: str | None) -> int:
    """The housing-aid zone: the département's own when it has one, else the answer to the follow-up
    question; with nothing to go on, the highest zone (the lowest rent ceiling: a cautious estimate)."""
    if departement is None:
        return 3
    zone = single_zone(departement)
    if zone is not None:
        return zone
    zones = zones_of(departement)
    if not zones:
        return 3
    answer = values.given("zone_paris" if 1 in zones else "zone_city")
    return min(zones) if answer == YES else max(zones)


def _months_up_to(month: str) -> list[str]:
    """Every month from January ``HISTORY_YEARS`` years before ``month`` to ``month``, in order."""
    found = _MONTH.match(month)
    if found is None:
        raise ValueError(f"a month is written YYYY-MM, not {month!r}")
    year, number = int(found.group(1)), int(found.group(2))
    first = (year - HISTORY_YEARS) * 12
    last = year * 12 + number - 1
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in range(first, last + 1)]


def _born(age: int, month: str) -> str:
    """A birth date that makes the person ``age`` years old (and a half) in ``month``."""
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 - age * 12 - 6
    return dt.date(index // 12, index % 12 + 1, 1).isoformat()


def _each(months: list[str], value: Any) -> dict[str, Any]:
    return dict.fromkeys(months, value)


def openfisca_folder() -> Path | None:
    """Where the installed openfisca-france lives, found without importing it."""
    spec = importlib.util.find_spec("openfisca_france")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _smic_values() -> tuple[tuple[str, float], ...]:
    folder = openfisca_folder()
    path = folder / SMIC_FILE if folder else None
    if path is None or not path.is_file():
        raise EnvironmentFault("openfisca-france is not installed whole: its minimum wage is missing")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    values = []
    for start, entry in data["values"].items():
        value = entry.get("value") if isinstance(entry, dict) else None
        if isinstance(value, int | float):
            values.append((str(start)[:7], float(value)))
    return tuple(sorted(values))


def smic_gross_monthly(month: str) -> float:
    """The gross monthly minimum wage for full time in ``month``, from the rules of the installed
    openfisca-france (the last value known before a month it does not reach yet)."""
    found = [value for start, value in _smic_values() if start <= month]
    if not found:
        raise ValueError(f"no minimum wage before {month}")
    return found[-1]
