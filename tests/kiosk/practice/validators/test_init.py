"""The package's own entry points: ``check`` and ``normalized`` for every kind, and the mistake codes."""

from __future__ import annotations

import pytest

from kiosk.content import field_kinds
from kiosk.content.field_kinds import MISTAKE_CODES, FieldKind
from kiosk.practice.validators import check, normalized
from tests.kiosk.practice.validators.cases import NARROW_NBSP, NBSP, SITE_RULES, TODAY
from tests.kiosk.practice.validators.test_amounts import CASES as AMOUNT_CASES
from tests.kiosk.practice.validators.test_dates import CASES as DATE_CASES
from tests.kiosk.practice.validators.test_email_address import CASES as EMAIL_CASES
from tests.kiosk.practice.validators.test_iban import CASES as IBAN_CASES
from tests.kiosk.practice.validators.test_passwords import PASSWORD_CASES
from tests.kiosk.practice.validators.test_phone import CASES as PHONE_CASES
from tests.kiosk.practice.validators.test_postal_code import CASES as POSTAL_CODE_CASES
from tests.kiosk.practice.validators.test_social_numbers import CASES as SOCIAL_NUMBER_CASES
from tests.kiosk.practice.validators.test_uploads import UPLOAD_CASES

# (kind, typed value, expected code or None): any text is taken.
CASES: list[tuple[FieldKind, str, str | None]] = [
    (FieldKind.TEXT, "Camille", None),
    (FieldKind.TEXT, "x", None),
    (FieldKind.TEXT, "12 rue des Lilas", None),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.TEXT, f"  Camille{NBSP} Martin  ", "Camille Martin"),
    (FieldKind.PASSWORD, " Exercice-2026 ", " Exercice-2026 "),  # never touched
]
# The cases of every kind, for the properties of normalized() and the codes reached.
# Every code of MISTAKE_CODES appears at least once.
ALL_CASES = (
    SOCIAL_NUMBER_CASES
    + IBAN_CASES
    + EMAIL_CASES
    + PHONE_CASES
    + POSTAL_CODE_CASES
    + DATE_CASES
    + AMOUNT_CASES
    + CASES
)
EMPTY_VALUES = ["", " ", "   ", NBSP, f" {NBSP}\t{NARROW_NBSP} "]


@pytest.mark.parametrize(("kind", "value", "expected"), CASES)
def test_check(kind: FieldKind, value: str, expected: str | None) -> None:
    assert check(kind, value, today=TODAY) == expected


@pytest.mark.parametrize("kind", list(FieldKind))
@pytest.mark.parametrize("value", EMPTY_VALUES)
def test_nothing_typed_is_empty_for_every_kind(kind: FieldKind, value: str) -> None:
    assert check(kind, value, today=TODAY, password_rules=SITE_RULES) == "empty"


def test_kinds_are_taken_as_plain_strings_too() -> None:
    assert check(FieldKind("nir"), "1 85 05 78 006 084 91") is None
    assert check("iban", "FR76 3000 6000 0112 3456 7890 198") == "iban.key"  # type: ignore[arg-type]


def test_every_mistake_code_is_reached_by_a_case_and_documented() -> None:
    reached = {expected for _, _, expected in ALL_CASES if expected}
    reached |= {expected for _, _, expected in PASSWORD_CASES if expected}
    reached |= {expected for *_, expected in UPLOAD_CASES if expected}
    reached.add("empty")
    assert reached == MISTAKE_CODES
    doc = field_kinds.__doc__ or ""
    assert all(f"``{code}``" in doc for code in MISTAKE_CODES)


def test_mistake_codes_are_dotted_after_their_kind() -> None:
    prefixes = {kind.value for kind in FieldKind} | {"phone", "date", "upload"}
    for code in MISTAKE_CODES - {"empty"}:
        prefix, _, what = code.partition(".")
        assert prefix in prefixes and what, code


def test_the_kinds_keep_their_names() -> None:
    assert {kind.name: kind.value for kind in FieldKind} == {
        "TEXT": "text",
        "NIR": "nir",
        "TAX_NUMBER": "tax_number",
        "CAF_NUMBER": "caf_number",
        "FRANCE_TRAVAIL_ID": "france_travail_id",
        "IBAN": "iban",
        "EMAIL": "email",
        "MOBILE_PHONE": "mobile_phone",
        "PHONE": "phone",
        "POSTAL_CODE": "postal_code",
        "DATE": "date",
        "BIRTH_DATE": "birth_date",
        "AMOUNT": "amount",
        "PASSWORD": "password",
    }


@pytest.mark.parametrize(("kind", "value", "expected"), NORMALIZED_CASES)
def test_normalized(kind: FieldKind, value: str, expected: str) -> None:
    assert normalized(kind, value) == expected


@pytest.mark.parametrize(("kind", "value", "_expected"), ALL_CASES)
def test_an_accepted_value_stays_accepted_once_normalized(
    kind: FieldKind, value: str, _expected: str | None
) -> None:
    if check(kind, value, today=TODAY) is None:
        canonical = normalized(kind, value)
        assert check(kind, canonical, today=TODAY) is None
        assert normalized(kind, canonical) == canonical


@pytest.mark.parametrize(("kind", "value", "_expected"), ALL_CASES)
def test_normalized_never_raises(kind: FieldKind, value: str, _expected: str | None) -> None:
    assert isinstance(normalized(kind, value), str)
