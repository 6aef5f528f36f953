"""IBAN: French and other SEPA accounts, typed as printed on a RIB."""

from __future__ import annotations

from kiosk.content.field_kinds import FieldKind
from tests.kiosk.practice.validators.cases import NBSP, family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # IBAN
    (FieldKind.IBAN, "FR7630006000011234567890189", None),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 189", None),  # grouped by 4 as on the RIB
    (FieldKind.IBAN, "fr76 3000 6000 0112 3456 7890 189", None),  # lower case
    (FieldKind.IBAN, f"FR76{NBSP}3000{NBSP}6000{NBSP}0112{NBSP}3456{NBSP}7890{NBSP}189", None),
    (FieldKind.IBAN, "FR14 2004 1010 0505 0001 3M02 606", None),  # letters inside the account number
    (FieldKind.IBAN, "FR76 9999 9000 0112 3456 7890 152", None),  # the practice person's
    (FieldKind.IBAN, "DE89 3704 0044 0532 0130 00", None),  # SEPA accounts must be taken too
    (FieldKind.IBAN, "BE68 5390 0754 7034", None),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 198", "iban.key"),
    (FieldKind.IBAN, "FR67 3000 6000 0112 3456 7890 189", "iban.key"),
    (FieldKind.IBAN, "FR76 3OOO 6OOO 0112 3456 7890 189", "iban.key"),  # letter O for zero
    (FieldKind.IBAN, "FRAB 3000 6000 0112 3456 7890 189", "iban.key"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 18", "iban.length"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 1899", "iban.length"),
    (FieldKind.IBAN, "30006 00001 12345678901 89", "iban.country"),  # the RIB without FR76
    (FieldKind.IBAN, "TN59 1000 6035 1835 9847 8831", "iban.country"),  # an IBAN, but outside SEPA
    (FieldKind.IBAN, "XX76 3000 6000 0112 3456 7890 189", "iban.country"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 18*", "iban.characters"),
    (FieldKind.IBAN, "FR76_3000_6000_0112_3456_7890_189", "iban.characters"),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.IBAN, "fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)
