"""The numbers the State gives a person: NIR, numéro fiscal, numéro d'allocataire CAF, France Travail id."""

from __future__ import annotations

from kiosk.content.field_kinds import FieldKind
from tests.kiosk.practice.validators.cases import NBSP, family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # Numéro de sécurité sociale
    (FieldKind.NIR, "185057800608491", None),
    (FieldKind.NIR, "1 85 05 78 006 084 91", None),  # copied from the carte Vitale, with its spaces
    (FieldKind.NIR, f"1{NBSP}85{NBSP}05{NBSP}78{NBSP}006{NBSP}084{NBSP}91", None),  # pasted from a PDF
    (FieldKind.NIR, "  185057800608491  ", None),
    (FieldKind.NIR, "1.85.05.78.006.084.91", None),
    (FieldKind.NIR, "2 86 03 75 112 047 02", None),  # the practice person's
    (FieldKind.NIR, "2 53 07 2A 073 004 43", None),  # born in Corse-du-Sud: 2A counts as 19 for the key
    (FieldKind.NIR, "2 53 07 2B 073 004 70", None),  # born in Haute-Corse: 2B counts as 18
    (FieldKind.NIR, "2 53 07 2a 073 004 43", None),  # lower case a
    (FieldKind.NIR, "2 53 07 20 073 004 16", None),  # born in Corsica before 1976: department 20
    (FieldKind.NIR, "7 85 05 78 006 084 82", None),  # provisional number (7, 8)
    (FieldKind.NIR, "3 85 05 78 006 084 88", None),  # 3 and 4 are sexes too
    (FieldKind.NIR, "1 85 20 99 350 001 03", None),  # month 20: birth month unknown
    (FieldKind.NIR, "1 85 42 99 350 001 64", None),  # month 42
    (FieldKind.NIR, "1 85 50 99 350 001 95", None),  # month 50
    (FieldKind.NIR, "1 85 05 78 006 084 36", "nir.key"),  # one digit wrong somewhere
    (FieldKind.NIR, "1 85 05 78 006 048 91", "nir.key"),  # two digits swapped
    (FieldKind.NIR, "2 53 07 2A 073 004 70", "nir.key"),  # 2A with the 2B key
    (FieldKind.NIR, "2 53 07 2B 073 004 43", "nir.key"),
    (FieldKind.NIR, "1 85 05 78 006 084", "nir.length"),  # the key forgotten
    (FieldKind.NIR, "1 85 05 78 006 084 911", "nir.length"),
    (FieldKind.NIR, "1 85 O5 78 006 084 91", "nir.letters"),  # letter O for zero
    (FieldKind.NIR, "1 85 05 78 OO6 084 91", "nir.letters"),
    (FieldKind.NIR, "1 85 05 78 006 084 9l", "nir.letters"),  # letter l for one
    (FieldKind.NIR, "2 53 07 2C 073 004 43", "nir.letters"),  # only 2A and 2B exist
    (FieldKind.NIR, "2 53 0A 72 073 004 43", "nir.letters"),  # A out of the department's place
    (FieldKind.NIR, "1/85/05/78/006/084/91", "nir.letters"),
    (FieldKind.NIR, "5 85 05 78 006 084 91", "nir.sex"),
    (FieldKind.NIR, "0 85 05 78 006 084 91", "nir.sex"),
    (FieldKind.NIR, "1 85 13 78 006 084 91", "nir.month"),
    (FieldKind.NIR, "1 85 00 78 006 084 91", "nir.month"),
    (FieldKind.NIR, "1 85 45 78 006 084 91", "nir.month"),
    # Numéro fiscal
    (FieldKind.TAX_NUMBER, "3023217600053", None),
    (FieldKind.TAX_NUMBER, "30 23 217 600 053", None),  # grouped as on the avis d'impôt
    (FieldKind.TAX_NUMBER, f"30{NBSP}23{NBSP}217{NBSP}600{NBSP}053 ", None),
    (FieldKind.TAX_NUMBER, "0123456789211", None),  # may start with 0
    (FieldKind.TAX_NUMBER, "1000000000083", None),
    (FieldKind.TAX_NUMBER, "3012345678167", None),
    (FieldKind.TAX_NUMBER, "3023217600054", "tax_number.key"),
    (FieldKind.TAX_NUMBER, "3012345678901", "tax_number.key"),
    (FieldKind.TAX_NUMBER, "3023271600053", "tax_number.key"),  # two digits swapped
    (FieldKind.TAX_NUMBER, "302321760005", "tax_number.length"),
    (FieldKind.TAX_NUMBER, "30232176000530", "tax_number.length"),
    (FieldKind.TAX_NUMBER, "9701987765432", "tax_number.start"),
    (FieldKind.TAX_NUMBER, "4023217600053", "tax_number.start"),
    (FieldKind.TAX_NUMBER, "30232176OOO53", "tax_number.letters"),
    (FieldKind.TAX_NUMBER, "FR3023217600053", "tax_number.letters"),
    # Numéro d'allocataire CAF
    (FieldKind.CAF_NUMBER, "1234567", None),
    (FieldKind.CAF_NUMBER, "0000354", None),  # printed with its zeros
    (FieldKind.CAF_NUMBER, "354", None),  # or without them
    (FieldKind.CAF_NUMBER, " 123 4567 ", None),
    (FieldKind.CAF_NUMBER, "12345678", "caf_number.length"),
    (FieldKind.CAF_NUMBER, "286037511204702", "caf_number.length"),  # the social security number instead
    (FieldKind.CAF_NUMBER, "123456A", "caf_number.letters"),
    (FieldKind.CAF_NUMBER, "n° 1234567", "caf_number.letters"),
    # Identifiant France Travail
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567A", None),  # old format: 7 digits and a letter
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567a", None),
    (FieldKind.FRANCE_TRAVAIL_ID, "12345678", None),  # ... or a digit
    (FieldKind.FRANCE_TRAVAIL_ID, "12345678901", None),  # new national format: 11 digits
    (FieldKind.FRANCE_TRAVAIL_ID, "123 456 789 01", None),
    (FieldKind.FRANCE_TRAVAIL_ID, " 1234567A ", None),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567AB", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567890", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "A1234567", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "123456AB", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567É", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567890A", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567/", "france_travail_id.format"),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.NIR, "1 85 05 78 006 084 91", "185057800608491"),
    (FieldKind.NIR, f"2{NBSP}53 07 2a 073 004 43", "253072A07300443"),
    (FieldKind.TAX_NUMBER, "30 23 217 600 053", "3023217600053"),
    (FieldKind.CAF_NUMBER, "354", "0000354"),
    (FieldKind.CAF_NUMBER, "0000354", "0000354"),
    (FieldKind.CAF_NUMBER, " 123 4567 ", "1234567"),
    (FieldKind.FRANCE_TRAVAIL_ID, " 1234567a ", "1234567A"),
    (FieldKind.FRANCE_TRAVAIL_ID, "123 456 789 01", "12345678901"),
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)
