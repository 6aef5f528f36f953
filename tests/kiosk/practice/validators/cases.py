"""What the validators' tests share: the day they take as today, the spaces people paste, a site's rules."""

from __future__ import annotations

from datetime import date

from kiosk.content.field_kinds import PasswordRules

TODAY = date(2026, 5, 15)
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"  # what a French number formatter puts between thousands

SITE_RULES = PasswordRules(min_length=8, max_length=20, needs_lower=True, needs_upper=True, needs_digit=True)
