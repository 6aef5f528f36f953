"""E-mail addresses, and the provider names people misspell."""

from __future__ import annotations

import pytest

from kiosk.content.field_kinds import FieldKind
from kiosk.practice.validators import email_suggestion
from tests.kiosk.practice.validators.cases import NBSP, family_tests

# (kind, typed value, expected code or None).
CASES: list[tuple[FieldKind, str, str | None]] = [
    # E-mail
    (FieldKind.EMAIL, "jean.dupont@gmail.com", None),
    (FieldKind.EMAIL, "  jean.dupont@gmail.com  ", None),
    (FieldKind.EMAIL, "Jean.Dupont@Gmail.COM", None),
    (FieldKind.EMAIL, "jean.dupont@yahoo.fr", None),
    (FieldKind.EMAIL, "jean.dupont@orange.fr", None),
    (FieldKind.EMAIL, "jean.dupont@wanadoo.fr", None),
    (FieldKind.EMAIL, "jean.dupont@outlook.fr", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.fr", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.com", None),
    (FieldKind.EMAIL, "jean.dupont@laposte.net", None),
    (FieldKind.EMAIL, "jean.dupont@free.fr", None),
    (FieldKind.EMAIL, "jean.dupont@sfr.fr", None),
    (FieldKind.EMAIL, "jean.dupont@ymail.com", None),  # one letter from gmail, and real
    (FieldKind.EMAIL, "jean.dupont@mail.com", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.de", None),  # another country's Hotmail
    (FieldKind.EMAIL, "jean+caf@etu.univ-rennes2.fr", None),
    (FieldKind.EMAIL, "o'brien@example.org", None),
    (FieldKind.EMAIL, "camille.martin@exercice.simulation", None),  # the practice mailbox
    (FieldKind.EMAIL, "jean.dupont@gmial.com", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmai.com", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmail.fr", "email.domain_typo"),  # Gmail has no .fr
    (FieldKind.EMAIL, "jean.dupont@gmail.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmail.co", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@hotmial.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@hotmail.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@yahooo.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@ornage.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@wanado.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@outlok.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@laposte.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@orange.ft", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@exemple.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupontgmail.com", "email.no_at"),
    (FieldKind.EMAIL, "jean.dupont", "email.no_at"),
    (FieldKind.EMAIL, "jean dupont@gmail.com", "email.space"),
    (FieldKind.EMAIL, "jean.dupont@gmail. com", "email.space"),
    (FieldKind.EMAIL, f"jean.dupont@gmail.com{NBSP}x", "email.space"),
    (FieldKind.EMAIL, "jean.dupont@", "email.no_domain"),
    (FieldKind.EMAIL, "jean.dupont@gmail", "email.no_domain"),
    (FieldKind.EMAIL, "élodie.martin@orange.fr", "email.accent"),
    (FieldKind.EMAIL, "francois@orangé.fr", "email.accent"),
    (FieldKind.EMAIL, "françois@gmail.com", "email.accent"),
    (FieldKind.EMAIL, "jean@@gmail.com", "email.format"),
    (FieldKind.EMAIL, "@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail,com", "email.format"),
    (FieldKind.EMAIL, ".jean@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean..dupont@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.com.", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@-gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.c", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.123", "email.format"),
    (FieldKind.EMAIL, "jean(dupont)@gmail.com", "email.format"),
]
NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.EMAIL, "  Jean.Dupont@Gmail.COM ", "jean.dupont@gmail.com"),
]


test_check, test_normalized = family_tests(CASES, NORMALIZED_CASES)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("jean.dupont@gmial.com", "jean.dupont@gmail.com"),
        ("jean.dupont@gmail.fr", "jean.dupont@gmail.com"),
        ("Jean.Dupont@Gmial.con", "Jean.Dupont@gmail.com"),
        ("jean.dupont@hotmial.fr", "jean.dupont@hotmail.fr"),
        ("jean.dupont@hotmail.con", "jean.dupont@hotmail.com"),
        ("jean.dupont@laposte.fr", "jean.dupont@laposte.net"),
        ("jean.dupont@icloud.fr", "jean.dupont@icloud.com"),
        ("jean.dupont@yahou.fr", "jean.dupont@yahoo.fr"),
        ("jean.dupont@exemple.con", "jean.dupont@exemple.com"),
        ("jean.dupont@gmail.com", None),
        ("jean.dupont@yahoo.fr", None),
        ("jean.dupont@ymail.com", None),
        ("jean.dupont@hotmail.de", None),
        ("jean.dupont@orange.fr", None),
        ("jean.dupontgmail.com", None),
        ("a@b@gmial.com", None),
    ],
)
def test_email_suggestion(typed: str, suggestion: str | None) -> None:
    assert email_suggestion(typed) == suggestion
