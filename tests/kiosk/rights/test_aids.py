"""The aids: each opens a walkthrough the kiosk has, and only aids with something to offer are listed."""

from __future__ import annotations

import math

import pytest

from kiosk.content.loader import Catalog
from kiosk.rights.aids import AIDS, VARIABLES, AidKind, Estimate, Estimates, aid, estimates_from

RULES = "openfisca-france 176.1.8, 2026-12"


def test_ids_and_variables() -> None:
    assert len({candidate.id for candidate in AIDS}) == len(AIDS)
    assert tuple(candidate.variable for candidate in AIDS) == VARIABLES
    for required in ("rsa", "ppa", "aide_logement", "css", "af"):
        assert aid(required).id == required
    assert aid("css").kind is AidKind.FREE_COVER and aid("css_participation").kind is AidKind.PAID_COVER
    with pytest.raises(KeyError):
        aid("unknown")


def test_faire_la_demande_opens_a_walkthrough_of_the_bundled_pack(bundled_catalog: Catalog) -> None:
    expected = {
        "rsa": "caf-demande-rsa",
        "ppa": "caf-prime-activite",
        "aide_logement": "caf-aide-logement",
        "css": "css-complementaire-sante-solidaire",
    }
    for aid_id, procedure_id in expected.items():
        assert aid(aid_id).procedure_id == procedure_id
    for candidate in AIDS:
        assert candidate.procedure_id is None or candidate.procedure_id in bundled_catalog.procedures


def test_only_aids_with_something_to_offer_are_listed_in_order() -> None:
    raw = {
        "rsa": 0.0,
        "ppa": 289.4,
        "aide_logement": 136.6,
        "cmu_c": 0.0,
        "css_participation_forfaitaire": 14.0,
        "af": -3.0,
        "asf": float("nan"),
        "aah": math.inf,
        "paje_base": 0.4,  # rounds to nothing
    }
    estimates = estimates_from(raw, RULES)
    assert estimates.items == (
        Estimate(aid("ppa"), 289),
        Estimate(aid("aide_logement"), 137),
        Estimate(aid("css_participation"), 14),
    )
    assert estimates.rules_date == RULES and estimates.aid_ids() == (
        "ppa",
        "aide_logement",
        "css_participation",
    )


def test_a_free_cover_is_listed_without_an_amount() -> None:
    for sent in (1.0, True, 1):
        estimates = estimates_from({"rsa": 573.49, "cmu_c": sent}, RULES)
        assert estimates.items == (Estimate(aid("rsa"), 573), Estimate(aid("css"), 0))


def test_nothing_to_offer_is_an_empty_result_not_refusals() -> None:
    estimates = estimates_from(dict.fromkeys(VARIABLES, 0.0), RULES)
    assert estimates == Estimates((), RULES) and not estimates
    assert not estimates_from({}, RULES)
    assert not estimates_from({"rsa": "573"}, RULES)  # type: ignore[dict-item]  # not a number: not trusted


def test_an_estimate_shows_no_amount_in_its_repr() -> None:
    estimates = estimates_from({"ppa": 289.4, "aide_logement": 136.2}, RULES)
    assert "289" not in repr(estimates) and "136" not in repr(estimates)
    assert "ppa" in repr(estimates) and estimates.items[0].monthly_euros == 289
