"""French phone numbers, mobile or any, typed with or without their international prefix."""

from __future__ import annotations

from kiosk.content.field_kinds import FieldKind
from tests.kiosk.practice.validators.cases import NBSP, family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # Mobile phone
    (FieldKind.MOBILE_PHONE, "0612345678", None),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "06.12.34.56.78", None),
    (FieldKind.MOBILE_PHONE, "06-12-34-56-78", None),
    (FieldKind.MOBILE_PHONE, f"06{NBSP}12{NBSP}34{NBSP}56{NBSP}78", None),
    (FieldKind.MOBILE_PHONE, "07 81 23 45 67", None),
    (FieldKind.MOBILE_PHONE, "07 31 23 45 67", None),
    (FieldKind.MOBILE_PHONE, "+33 6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+33612345678", None),
    (FieldKind.MOBILE_PHONE, "0033 6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+33 (0)6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+262 692 12 34 56", None),  # Réunion mobile
    (FieldKind.MOBILE_PHONE, "06 39 98 12 34", None),  # the practice person's
    (FieldKind.MOBILE_PHONE, "01 23 45 67 89", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "09 51 23 45 67", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "+33 1 23 45 67 89", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "08 00 12 34 56", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "07 01 23 45 67", "phone.format"),  # 070 to 072 are not mobile numbers
    (FieldKind.MOBILE_PHONE, "07 21 23 45 67", "phone.format"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 7", "phone.length"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 789", "phone.length"),
    (FieldKind.MOBILE_PHONE, "6 12 34 56 78", "phone.length"),  # the 0 forgotten
    (FieldKind.MOBILE_PHONE, "+33 06 12 34 56 78", "phone.extra_zero"),
    (FieldKind.MOBILE_PHONE, "0033 06 12 34 56 78", "phone.extra_zero"),
    (FieldKind.MOBILE_PHONE, "+32 470 12 34 56", "phone.foreign"),
    (FieldKind.MOBILE_PHONE, "+212 6 12 34 56 78", "phone.foreign"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 7B", "phone.format"),
    (FieldKind.MOBILE_PHONE, "+ 33 six", "phone.format"),
    (FieldKind.MOBILE_PHONE, "1612345678", "phone.format"),
    # Any phone
    (FieldKind.PHONE, "06 12 34 56 78", None),
    (FieldKind.PHONE, "01 23 45 67 89", None),
    (FieldKind.PHONE, "02 99 12 34 56", None),
    (FieldKind.PHONE, "05 90 12 34 56", None),
    (FieldKind.PHONE, "09 51 23 45 67", None),
    (FieldKind.PHONE, "+33 2 99 12 34 56", None),
    (FieldKind.PHONE, "+590 590 12 34 56", None),  # Guadeloupe landline
    (FieldKind.PHONE, "08 00 12 34 56", "phone.format"),  # a service number, not a person's
    (FieldKind.PHONE, "00 12 34 56 78", "phone.foreign"),
    (FieldKind.PHONE, "02 99 12 34 5", "phone.length"),
    (FieldKind.PHONE, "+33 02 99 12 34 56", "phone.extra_zero"),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.MOBILE_PHONE, "06 12 34 56 78", "0612345678"),
    (FieldKind.MOBILE_PHONE, "+33 6 12 34 56 78", "0612345678"),
    (FieldKind.MOBILE_PHONE, "0033 (0)6.12.34.56.78", "0612345678"),
    (FieldKind.PHONE, "+590 590 12 34 56", "0590123456"),
    (FieldKind.PHONE, "+33 06 12 34 56 78", "+330612345678"),  # refused: only cleaned
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)
