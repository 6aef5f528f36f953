"""Dates typed day first, and birth dates, which cannot be in the future."""

from __future__ import annotations

from datetime import date

from kiosk.content.field_kinds import FieldKind
from kiosk.practice.validators import check
from tests.kiosk.practice.validators.cases import family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    (FieldKind.DATE, "14/03/2026", None),
    (FieldKind.DATE, "29/02/2024", None),  # 2024 is a leap year
    (FieldKind.DATE, "29/02/2000", None),  # 2000 too (divisible by 400)
    (FieldKind.DATE, "1/3/2026", None),
    (FieldKind.DATE, "14-03-2026", None),
    (FieldKind.DATE, "14.03.2026", None),
    (FieldKind.DATE, "14 03 2026", None),
    (FieldKind.DATE, "14 / 03 / 2026", None),
    (FieldKind.DATE, "14032026", None),  # typed without the slashes
    (FieldKind.DATE, " 14/03/2026 ", None),
    (FieldKind.DATE, "01/01/1900", None),
    (FieldKind.DATE, "31/12/2100", None),
    (FieldKind.DATE, "01/01/2030", None),  # a plain date may be in the future
    (FieldKind.DATE, "29/02/2023", "date.impossible"),  # 2023 is not a leap year
    (FieldKind.DATE, "29/02/1900", "date.impossible"),  # 1900 was not one either
    (FieldKind.DATE, "31/02/2024", "date.impossible"),
    (FieldKind.DATE, "31/04/2024", "date.impossible"),
    (FieldKind.DATE, "00/03/2024", "date.impossible"),
    (FieldKind.DATE, "14/13/2024", "date.impossible"),
    (FieldKind.DATE, "03/14/2024", "date.impossible"),  # month and day swapped (American order)
    (FieldKind.DATE, "14/03/86", "date.short_year"),
    (FieldKind.DATE, "140386", "date.short_year"),
    (FieldKind.DATE, "2024-03-14", "date.format"),  # year first
    (FieldKind.DATE, "14/03/986", "date.format"),
    (FieldKind.DATE, "14 mars 2024", "date.format"),
    (FieldKind.DATE, "14/03", "date.format"),
    (FieldKind.DATE, "31/12/1899", "date.too_old"),
    (FieldKind.DATE, "01/01/0000", "date.too_old"),
    (FieldKind.DATE, "01/01/2101", "date.too_far"),
    (FieldKind.DATE, "14/03/2204", "date.too_far"),
    # Birth date (today is 15/05/2026)
    (FieldKind.BIRTH_DATE, "14/03/1986", None),  # the practice person's
    (FieldKind.BIRTH_DATE, "15/05/2026", None),  # born today
    (FieldKind.BIRTH_DATE, "01/01/1900", None),
    (FieldKind.BIRTH_DATE, "16/05/2026", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/2086", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/2186", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/1886", "date.too_old"),
    (FieldKind.BIRTH_DATE, "31/06/1986", "date.impossible"),
    (FieldKind.BIRTH_DATE, "14/03/86", "date.short_year"),
    (FieldKind.BIRTH_DATE, "14 03 1986 ", None),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.DATE, "1/3/2026", "01/03/2026"),
    (FieldKind.DATE, "14-03-2026", "14/03/2026"),
    (FieldKind.BIRTH_DATE, "14031986", "14/03/1986"),
    (FieldKind.DATE, " 31/02/2024 ", "31/02/2024"),  # refused: only trimmed
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)


def test_a_birth_date_is_compared_with_the_day_given() -> None:
    assert check(FieldKind.BIRTH_DATE, "16/05/2026", today=date(2026, 5, 15)) == "date.future"
    assert check(FieldKind.BIRTH_DATE, "16/05/2026", today=date(2026, 5, 16)) is None


def test_a_birth_date_defaults_to_the_machine_date() -> None:
    assert check(FieldKind.BIRTH_DATE, "01/01/2099") == "date.future"
    assert check(FieldKind.BIRTH_DATE, "01/01/1990") is None
