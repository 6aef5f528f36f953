"""What a French administrative site would say about a typed value, as a stable mistake code.

The practice mode simulates real sites (ameli, CAF, impots.gouv, France Travail,
ANTS...). Each simulated field has a ``FieldKind``; ``check`` says whether a typed
value would be taken, and if not returns one short code that the practice engine
turns into a plain-language explanation. ``normalized`` gives the canonical form
of an accepted value (to compare it with the practice card). Nothing here does
I/O or imports Qt.

The checks are forgiving where real people are right and real sites are lenient:
spaces typed between groups (as printed on the carte Vitale or a RIB), non-breaking
spaces pasted from a document, leading and trailing spaces, lowercase letters in an
IBAN or a Corsica social security number, +33 and 0033 phone numbers.

This module only sends each kind to its family's module, where the rules and their
sources are:

- ``social_numbers``: social security number (NIR), numéro fiscal, numéro
  d'allocataire CAF, identifiant France Travail;
- ``iban``: IBAN of the SEPA area;
- ``email_address``: e-mail addresses, and the provider names people misspell
  (``email_suggestion``);
- ``phone``: mobile and any French phone numbers;
- ``postal_code``: French postal codes;
- ``dates``: dates and birth dates;
- ``amounts``: sums in euros;
- ``passwords``: passwords against a site's ``PasswordRules``;
- ``uploads``: files sent to a site (``check_upload``);
- ``text``: the clean-up they share (separators between groups, plain digits).

A new kind gets its check in the family's module (or a new one), and a line in
``check`` and in ``normalized`` below. The mistake codes are listed in
``kiosk.content.field_kinds``.
"""

from __future__ import annotations

from datetime import date

from kiosk.content.field_kinds import FieldKind, PasswordRules
from kiosk.practice.validators.amounts import check_amount, normalized_amount
from kiosk.practice.validators.dates import check_date, normalized_date
from kiosk.practice.validators.email_address import check_email, email_suggestion
from kiosk.practice.validators.iban import check_iban
from kiosk.practice.validators.passwords import check_password
from kiosk.practice.validators.phone import check_phone, normalized_phone
from kiosk.practice.validators.postal_code import check_postal_code
from kiosk.practice.validators.social_numbers import (
    check_caf_number,
    check_france_travail_id,
    check_nir,
    check_tax_number,
    normalized_caf_number,
)
from kiosk.practice.validators.text import SPACES, compact
from kiosk.practice.validators.uploads import check_upload

__all__ = ["check", "check_upload", "email_suggestion", "normalized"]


def check(
    kind: FieldKind,
    value: str,
    *,
    today: date | None = None,
    password_rules: PasswordRules | None = None,
) -> str | None:
    """None when acceptable, else a mistake code from MISTAKE_CODES.

    ``today`` is the day birth dates are compared with (default: the machine's date);
    ``password_rules`` is required for ``FieldKind.PASSWORD`` (ValueError otherwise).
    """
    if not value.strip():
        return "empty"
    match kind:
        case FieldKind.TEXT:
            return None
        case FieldKind.NIR:
            return check_nir(value)
        case FieldKind.TAX_NUMBER:
            return check_tax_number(value)
        case FieldKind.CAF_NUMBER:
            return check_caf_number(value)
        case FieldKind.FRANCE_TRAVAIL_ID:
            return check_france_travail_id(value)
        case FieldKind.IBAN:
            return check_iban(value)
        case FieldKind.EMAIL:
            return check_email(value)
        case FieldKind.MOBILE_PHONE:
            return check_phone(value, mobile_only=True)
        case FieldKind.PHONE:
            return check_phone(value, mobile_only=False)
        case FieldKind.POSTAL_CODE:
            return check_postal_code(value)
        case FieldKind.DATE:
            return check_date(value, birth=False, today=today)
        case FieldKind.BIRTH_DATE:
            return check_date(value, birth=True, today=today)
        case FieldKind.AMOUNT:
            return check_amount(value)
        case FieldKind.PASSWORD:
            return check_password(value, password_rules)
    raise ValueError(f"unknown field kind {kind!r}")


def normalized(kind: FieldKind, value: str) -> str:
    """The canonical form of a value: what a site stores, to compare two ways of typing the same thing.

    Meant for accepted values; any other value comes back cleaned as well as it can be, never raising.
    NIR, IBAN, France Travail identifier: upper case, no spaces. Tax and CAF numbers: digits only, the CAF
    number with its leading zeros (7 digits). Phones: 10-digit national form ("0612345678"). Dates:
    "DD/MM/YYYY". Amounts: "1234,56" (or "1234" without cents). E-mail: trimmed, lower case. Text:
    trimmed, runs of spaces made one. Passwords: unchanged.
    """
    match kind:
        case FieldKind.PASSWORD:
            return value
        case FieldKind.TEXT:
            return SPACES.sub(" ", value).strip()
        case FieldKind.NIR | FieldKind.IBAN | FieldKind.FRANCE_TRAVAIL_ID:
            return compact(value).upper()
        case FieldKind.TAX_NUMBER:
            return compact(value)
        case FieldKind.CAF_NUMBER:
            return normalized_caf_number(value)
        case FieldKind.EMAIL:
            return value.strip().lower()
        case FieldKind.MOBILE_PHONE | FieldKind.PHONE:
            return normalized_phone(value)
        case FieldKind.POSTAL_CODE:
            return SPACES.sub("", value)
        case FieldKind.DATE | FieldKind.BIRTH_DATE:
            return normalized_date(value)
        case FieldKind.AMOUNT:
            return normalized_amount(value)
    raise ValueError(f"unknown field kind {kind!r}")
