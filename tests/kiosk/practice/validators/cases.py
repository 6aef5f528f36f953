"""What the validators' tests share: the day they take as today, the spaces people paste, a site's rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kiosk.content.field_kinds import FieldKind, PasswordRules
from kiosk.practice.validators import check, normalized

TODAY = date(2026, 5, 15)
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"  # what a French number formatter puts between thousands

SITE_RULES = PasswordRules(min_length=8, max_length=20, needs_lower=True, needs_upper=True, needs_digit=True)

Case = tuple[FieldKind, str, str | None]


def family_tests(
    cases: list[Case], normalized_cases: list[tuple[FieldKind, str, str]]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two tests every family's table gets: what ``check`` says, and the canonical form kept."""

    @pytest.mark.parametrize(("kind", "value", "expected"), cases)
    def test_check(kind: FieldKind, value: str, expected: str | None) -> None:
        assert check(kind, value, today=TODAY) == expected

    @pytest.mark.parametrize(("kind", "value", "expected"), normalized_cases)
    def test_normalized(kind: FieldKind, value: str, expected: str) -> None:
        assert normalized(kind, value) == expected

    return test_check, test_normalized
