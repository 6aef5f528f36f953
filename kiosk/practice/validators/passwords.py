"""Passwords against one site's rules (length, kinds of characters), given as a ``PasswordRules``."""

from __future__ import annotations

from kiosk.content.field_kinds import PasswordRules
from kiosk.practice.validators.text import is_digits


def check_password(value: str, rules: PasswordRules | None) -> str | None:
    if rules is None:
        raise ValueError("a password field needs the site's PasswordRules")
    if len(value) < rules.min_length:
        return "password.too_short"
    if len(value) > rules.max_length:
        return "password.too_long"
    if rules.digits_only and not is_digits(value):
        return "password.digits_only"
    if rules.needs_lower and not any(c.islower() for c in value):
        return "password.needs_lower"
    if rules.needs_upper and not any(c.isupper() for c in value):
        return "password.needs_upper"
    if rules.needs_digit and not any(c in "0123456789" for c in value):
        return "password.needs_digit"
    if rules.needs_special and all(c.isalnum() for c in value):
        return "password.needs_special"
    return None
