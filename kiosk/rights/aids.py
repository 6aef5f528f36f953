"""The aids « Quelles aides pour moi ? » can estimate, and the estimates made from the engine's figures.

Each aid is one monthly variable of OpenFisca-France and, where the kiosk has one, the
walkthrough « Faire la demande » opens. Only aids with something to offer are listed: an
aid the answers rule out is never shown as a refusal. Amounts are estimates for the month
simulated, with the rules of the OpenFisca-France release the engine ran (``rules_date``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.i18n.translation import N_


class AidKind(StrEnum):
    ALLOWANCE = "allowance"  # money paid each month: ``monthly_euros`` is what the person would receive
    FREE_COVER = "free_cover"  # health costs covered at no cost: the variable is true or false, no amount
    PAID_COVER = "paid_cover"  # health costs covered for a fee: ``monthly_euros`` is the most the person pays


@dataclass(frozen=True)
class Aid:
    id: str
    variable: str  # the OpenFisca-France variable, computed for one month
    label: str  # French, marked with N_
    procedure_id: str | None  # the walkthrough « Faire la demande » opens, if the kiosk has one
    kind: AidKind = AidKind.ALLOWANCE


# The Complémentaire santé solidaire is not money paid: it covers health costs, free under one
# income ceiling (OpenFisca's ``cmu_c``, true or false) and for a small monthly fee under a higher
# one (``css_participation_forfaitaire``, the fee). The two are exclusive in OpenFisca's rules.
AIDS: tuple[Aid, ...] = (
    Aid("rsa", "rsa", N_("Revenu de solidarité active (RSA)"), "caf-demande-rsa"),
    Aid("ppa", "ppa", N_("Prime d'activité"), "caf-prime-activite"),
    Aid("aide_logement", "aide_logement", N_("Aide au logement (APL, ALS ou ALF)"), "caf-aide-logement"),
    Aid(
        "css",
        "cmu_c",
        N_("Complémentaire santé solidaire, gratuite"),
        "css-complementaire-sante-solidaire",
        AidKind.FREE_COVER,
    ),
    Aid(
        "css_participation",
        "css_participation_forfaitaire",
        N_("Complémentaire santé solidaire, avec une petite participation"),
        "css-complementaire-sante-solidaire",
        AidKind.PAID_COVER,
    ),
    # Family allowances start when the CAF knows the children: telling it is « Dire à la CAF que
    # votre situation change » (a birth, a child who comes to live with you).
    Aid("af", "af", N_("Allocations familiales"), "caf-changement-situation"),
    Aid("cf", "cf", N_("Complément familial"), "caf-changement-situation"),
    Aid(
        "paje_base",
        "paje_base",
        N_("Allocation de base de la PAJE (enfant de moins de 3 ans)"),
        "caf-changement-situation",
    ),
    Aid("asf", "asf", N_("Allocation de soutien familial"), None),
    Aid("aah", "aah", N_("Allocation aux adultes handicapés (AAH)"), None),
    Aid("aspa", "aspa", N_("Minimum vieillesse (ASPA)"), None),
)
_BY_ID = {aid.id: aid for aid in AIDS}
VARIABLES: tuple[str, ...] = tuple(dict.fromkeys(aid.variable for aid in AIDS))  # what the engine computes


def aid(aid_id: str) -> Aid:
    """The aid with this id (KeyError for an unknown one)."""
    return _BY_ID[aid_id]


@dataclass(frozen=True)
class Estimate:
    aid: Aid
    # received (an allowance), paid at most (a cover with a fee), 0 for a free cover; left out of the repr,
    # so that a log line or a traceback that shows an estimate does not carry what the person would get
    monthly_euros: int = field(repr=False)


@dataclass(frozen=True)
class Estimates:
    items: tuple[Estimate, ...]
    rules_date: str  # the OpenFisca-France release and the month simulated, as the engine said them

    def __bool__(self) -> bool:
        return bool(self.items)

    def aid_ids(self) -> tuple[str, ...]:
        """The ids of the aids suggested, in order: all the anonymous activity record may keep of them."""
        return tuple(estimate.aid.id for estimate in self.items)


def estimates_from(raw: dict[str, float], rules_date: str) -> Estimates:
    """The aids worth telling about, from the engine's monthly figures by variable.

    A variable the engine did not return, or returned as nothing, zero or not a number,
    is not listed. Amounts are rounded to the euro; an allowance under 50 cents is nothing.
    """
    items: list[Estimate] = []
    for candidate in AIDS:
        value = raw.get(candidate.variable)
        if isinstance(value, bool):
            value = float(value)  # a true-or-false variable (a free cover) sent as JSON's true
        if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            continue
        if candidate.kind is AidKind.FREE_COVER:
            items.append(Estimate(candidate, 0))
            continue
        euros = round(value)
        if euros > 0:
            items.append(Estimate(candidate, euros))
    return Estimates(tuple(items), rules_date)
