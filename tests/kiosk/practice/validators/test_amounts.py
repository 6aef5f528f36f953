"""Sums in euros, written the French way."""

from __future__ import annotations

from kiosk.content.field_kinds import FieldKind
from tests.kiosk.practice.validators.cases import NARROW_NBSP, NBSP, family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # Amount
    (FieldKind.AMOUNT, "1234,56", None),
    (FieldKind.AMOUNT, "1 234,56", None),
    (FieldKind.AMOUNT, f"1{NBSP}234,56", None),
    (FieldKind.AMOUNT, f"1{NARROW_NBSP}234,56", None),
    (FieldKind.AMOUNT, "1 234 567", None),
    (FieldKind.AMOUNT, "1234", None),
    (FieldKind.AMOUNT, "0", None),
    (FieldKind.AMOUNT, "0,5", None),
    (FieldKind.AMOUNT, "612,40", None),
    (FieldKind.AMOUNT, " 612,40 ", None),
    (FieldKind.AMOUNT, "612,40 €", None),
    (FieldKind.AMOUNT, "612,40€", None),
    (FieldKind.AMOUNT, "€ 612", None),
    (FieldKind.AMOUNT, "612 euros", None),
    (FieldKind.AMOUNT, "1234.56", "amount.decimal_point"),
    (FieldKind.AMOUNT, "1 234.5", "amount.decimal_point"),
    (FieldKind.AMOUNT, "0.50 €", "amount.decimal_point"),
    (FieldKind.AMOUNT, "1.234,56", "amount.format"),  # a dot between thousands
    (FieldKind.AMOUNT, "1,234.56", "amount.format"),  # the English way
    (FieldKind.AMOUNT, "1.234", "amount.format"),
    (FieldKind.AMOUNT, "12 34", "amount.format"),  # spaces in the wrong place
    (FieldKind.AMOUNT, "1234,", "amount.format"),
    (FieldKind.AMOUNT, ",50", "amount.format"),
    (FieldKind.AMOUNT, "douze", "amount.format"),
    (FieldKind.AMOUNT, "12,50,3", "amount.format"),
    (FieldKind.AMOUNT, "-50", "amount.negative"),
    (FieldKind.AMOUNT, "\u221250,00", "amount.negative"),  # the minus sign from a PDF
    (FieldKind.AMOUNT, "- 1 234,56 €", "amount.negative"),
    (FieldKind.AMOUNT, "1234,567", "amount.cents"),
    (FieldKind.AMOUNT, "0,001", "amount.cents"),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.AMOUNT, "1 234,56", "1234,56"),
    (FieldKind.AMOUNT, f"1{NARROW_NBSP}234,5 €", "1234,50"),
    (FieldKind.AMOUNT, "612,40", "612,40"),
    (FieldKind.AMOUNT, "1234", "1234"),
    (FieldKind.AMOUNT, "0", "0"),
    (FieldKind.AMOUNT, "007", "7"),
    (FieldKind.AMOUNT, "-12,5", "-12,50"),
    (FieldKind.AMOUNT, "1234.56", "1234.56"),  # refused: only cleaned
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)
