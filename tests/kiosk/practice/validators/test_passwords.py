"""Passwords against a site's rules."""

from __future__ import annotations

import pytest

from kiosk.content.field_kinds import FieldKind, PasswordRules
from kiosk.practice.validators import check
from tests.kiosk.practice.validators.cases import SITE_RULES

PASSWORD_CASES: list[tuple[PasswordRules, str, str | None]] = [
    (SITE_RULES, "Exercice-2026", None),
    (SITE_RULES, "Abcdefg1", None),  # exactly 8
    (SITE_RULES, "Abcdefghijklmnopqrs1", None),  # exactly 20
    (SITE_RULES, "Été2026abc", None),  # accented capitals count as capitals
    (SITE_RULES, "Abcdef1", "password.too_short"),
    (SITE_RULES, "Abcdefghijklmnopqrst1", "password.too_long"),
    (SITE_RULES, "ABCDEFG1", "password.needs_lower"),
    (SITE_RULES, "abcdefg1", "password.needs_upper"),
    (SITE_RULES, "Abcdefgh", "password.needs_digit"),
    (SITE_RULES, "Abc1", "password.too_short"),  # the length is said first
    (PasswordRules(8, 50, needs_special=True), "motdepasse!", None),
    (PasswordRules(8, 50, needs_special=True), "mot de passe", None),  # a space is a special sign
    (PasswordRules(8, 50, needs_special=True), "motdepasse", "password.needs_special"),
    (PasswordRules(8, 50, needs_special=True), "motdepasse2026", "password.needs_special"),
    (PasswordRules(8, 8, digits_only=True), "12345678", None),  # a code made of digits (old CAF code)
    (PasswordRules(8, 8, digits_only=True), "1234567a", "password.digits_only"),
    (PasswordRules(8, 8, digits_only=True), "1234 678", "password.digits_only"),
    (PasswordRules(8, 8, digits_only=True), "1234567", "password.too_short"),
    (PasswordRules(12, 50, True, True, True, True), "Exercice-2026", None),
    (PasswordRules(12, 50, True, True, True, True), "Exercice2026", "password.needs_special"),
]


@pytest.mark.parametrize(("rules", "value", "expected"), PASSWORD_CASES)
def test_password(rules: PasswordRules, value: str, expected: str | None) -> None:
    assert check(FieldKind.PASSWORD, value, password_rules=rules) == expected


def test_a_password_field_needs_rules() -> None:
    with pytest.raises(ValueError):
        check(FieldKind.PASSWORD, "Exercice-2026")
