"""The numbers the State gives a person: social security number (NIR), numéro fiscal, numéro d'allocataire
CAF and identifiant France Travail.
"""

from __future__ import annotations

import re

from kiosk.practice.validators.text import compact, is_digits

# NIR ------------------------------------------------------------------------------------------------
# 13 characters + a 2-digit key, key = 97 - (number mod 97), 2A -> 19 and 2B -> 18 first:
# python-stdnum stdnum/fr/nir.py; the Assurance maladie's rules (assurance-maladie-digital/nir-validation).
NIR_LENGTH = 15
_NIR_SEXES = frozenset("123478")  # 1/2, 3/4 and 7/8 (provisional): les-emplois itou/utils/france_standards.py
_CORSICA_FOR_KEY = {"2A": "19", "2B": "18"}
# 01-12, 20-42, 50-99 (unknown or provisional month): les-emplois france_standards.py, after fr.wikipedia.
_NIR_MONTHS = (range(1, 13), range(20, 43), range(50, 100))


def _nir_month_ok(month: int) -> bool:
    return any(month in months for months in _NIR_MONTHS)


def check_nir(value: str) -> str | None:
    nir = compact(value).upper()
    if any(c not in "0123456789AB" for c in nir):
        return "nir.letters"
    if len(nir) != NIR_LENGTH:
        return "nir.length"
    department = nir[5:7]
    if not is_digits(nir[:5] + nir[7:]) or not (is_digits(department) or department in _CORSICA_FOR_KEY):
        return "nir.letters"
    if nir[0] not in _NIR_SEXES:
        return "nir.sex"
    if not _nir_month_ok(int(nir[3:5])):
        return "nir.month"
    body = nir[:5] + _CORSICA_FOR_KEY.get(department, department) + nir[7:13]
    if 97 - int(body) % 97 != int(nir[13:]):
        return "nir.key"
    return None


# Numéro fiscal --------------------------------------------------------------------------------------
# 13 digits, the first 0, 1, 2 or 3; the last 3 are the first 10 modulo 511: European Commission
# "TIN algorithms" specification, as implemented by python-stdnum stdnum/fr/nif.py (pull request #426).
TAX_NUMBER_LENGTH = 13


def check_tax_number(value: str) -> str | None:
    number = compact(value)
    if not is_digits(number):
        return "tax_number.letters"
    if len(number) != TAX_NUMBER_LENGTH:
        return "tax_number.length"
    if number[0] not in "0123":
        return "tax_number.start"
    if int(number[:10]) % 511 != int(number[10:]):
        return "tax_number.key"
    return None


# Numéro d'allocataire CAF ---------------------------------------------------------------------------
# 7 digits, zero-padded in the State's own API ("identifiant numérique de 7 chiffres", example 0000354:
# betagouv/api-particulier, CAF documentation). Letters print it with its zeros or without them, and the
# CAF's own login took "7 chiffres maximum" (konnectors/caf manifest: max 7), so 1 to 7 digits are taken
# and normalized_caf_number() puts the zeros back.
CAF_NUMBER_DIGITS = 7


def check_caf_number(value: str) -> str | None:
    number = compact(value)
    if not is_digits(number):
        return "caf_number.letters"
    if len(number) > CAF_NUMBER_DIGITS:
        return "caf_number.length"
    return None


def normalized_caf_number(value: str) -> str:
    """The number with its leading zeros (7 digits); anything else only compacted."""
    number = compact(value)
    return number.zfill(CAF_NUMBER_DIGITS) if is_digits(number) else number


# Identifiant France Travail -------------------------------------------------------------------------
# Old regional identifier: 8 characters, 7 digits then a letter or a digit; new national one (2025):
# 11 digits. Both are taken by the State's "emplois de l'inclusion" (gip-inclusion/les-emplois
# itou/utils/validators.py, pull requests #6106 and #6419).
REGIONAL_FRANCE_TRAVAIL_ID_LENGTH = 8
NATIONAL_FRANCE_TRAVAIL_ID_LENGTH = 11


def check_france_travail_id(value: str) -> str | None:
    identifier = compact(value).upper()
    if len(identifier) not in (REGIONAL_FRANCE_TRAVAIL_ID_LENGTH, NATIONAL_FRANCE_TRAVAIL_ID_LENGTH):
        return "france_travail_id.length"
    if (
        len(identifier) == REGIONAL_FRANCE_TRAVAIL_ID_LENGTH
        and is_digits(identifier[:7])
        and re.fullmatch(r"[0-9A-Z]", identifier[7])
    ):
        return None
    if len(identifier) == NATIONAL_FRANCE_TRAVAIL_ID_LENGTH and is_digits(identifier):
        return None
    return "france_travail_id.format"
