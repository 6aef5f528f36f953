"""French postal codes, overseas and Monaco included."""

from __future__ import annotations

from kiosk.content.field_kinds import FieldKind
from tests.kiosk.practice.validators.cases import family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # Postal code
    (FieldKind.POSTAL_CODE, "35000", None),
    (FieldKind.POSTAL_CODE, "01000", None),
    (FieldKind.POSTAL_CODE, "75 001", None),
    (FieldKind.POSTAL_CODE, " 95000 ", None),
    (FieldKind.POSTAL_CODE, "20000", None),  # Ajaccio: Corsica's postal codes start with 20
    (FieldKind.POSTAL_CODE, "20200", None),  # Bastia
    (FieldKind.POSTAL_CODE, "97100", None),  # Guadeloupe
    (FieldKind.POSTAL_CODE, "97133", None),  # Saint-Barthélemy
    (FieldKind.POSTAL_CODE, "97400", None),  # La Réunion
    (FieldKind.POSTAL_CODE, "97500", None),  # Saint-Pierre-et-Miquelon
    (FieldKind.POSTAL_CODE, "97600", None),  # Mayotte
    (FieldKind.POSTAL_CODE, "98000", None),  # Monaco
    (FieldKind.POSTAL_CODE, "98600", None),  # Wallis-et-Futuna
    (FieldKind.POSTAL_CODE, "98714", None),  # Papeete
    (FieldKind.POSTAL_CODE, "98800", None),  # Nouméa
    (FieldKind.POSTAL_CODE, "2A000", "postal_code.corsica"),
    (FieldKind.POSTAL_CODE, "2b200", "postal_code.corsica"),
    (FieldKind.POSTAL_CODE, "3500", "postal_code.length"),
    (FieldKind.POSTAL_CODE, "350000", "postal_code.length"),
    (FieldKind.POSTAL_CODE, "35OOO", "postal_code.letters"),
    (FieldKind.POSTAL_CODE, "F-35000", "postal_code.letters"),
    (FieldKind.POSTAL_CODE, "00100", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "96000", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "97700", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "98100", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "99000", "postal_code.department"),
    # Date
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.POSTAL_CODE, " 75 001 ", "75001"),
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)
