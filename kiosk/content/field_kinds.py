"""The kinds of field a simulated site can ask for, a site's password rules, and every mistake code.

A practice site's YAML names them (``kind: nir``, ``mistake: iban.key``); the
checks themselves are in ``kiosk.practice.validators``.

Mistake codes (``MISTAKE_CODES`` holds them all). A value with several problems gets
one code, the one to fix first: mostly the first that applies in the order below.

- ``empty``: rien n'est écrit dans la case (toutes les sortes de case).
- ``nir.letters``: le numéro de sécurité sociale contient une lettre ou un signe (sauf 2A/2B, la Corse).
- ``nir.length``: le numéro de sécurité sociale n'a pas 15 caractères (13 + clé de 2 chiffres).
- ``nir.sex``: le premier chiffre n'est ni 1 ni 2 (ni 3, 4, 7, 8 des numéros provisoires).
- ``nir.month``: les 4e et 5e chiffres ne sont pas un mois possible (01 à 12, ou 20 à 42, 50 à 99).
- ``nir.key``: la clé (2 derniers chiffres) ne va pas avec les 13 premiers : un chiffre est mal recopié.
- ``tax_number.letters``: le numéro fiscal contient une lettre ou un signe.
- ``tax_number.length``: le numéro fiscal n'a pas 13 chiffres.
- ``tax_number.start``: le numéro fiscal ne commence pas par 0, 1, 2 ou 3.
- ``tax_number.key``: les 3 derniers chiffres (la clé) ne vont pas avec les 10 premiers.
- ``caf_number.letters``: le numéro d'allocataire CAF contient une lettre ou un signe.
- ``caf_number.length``: le numéro d'allocataire CAF a plus de 7 chiffres (souvent le n° de sécu à la place).
- ``france_travail_id.length``: l'identifiant n'a ni 8 caractères (ancien) ni 11 chiffres (nouveau).
- ``france_travail_id.format``: la bonne longueur, mais pas 7 chiffres + 1 lettre/chiffre, ni 11 chiffres.
- ``iban.characters``: l'IBAN contient un signe qui n'est ni une lettre ni un chiffre.
- ``iban.country``: l'IBAN ne commence pas par les 2 lettres d'un pays de la zone SEPA (FR pour la France).
- ``iban.length``: l'IBAN n'a pas le bon nombre de signes pour son pays (27 pour FR).
- ``iban.key``: les 2 chiffres de contrôle (3e et 4e signes) ne vont pas avec le reste.
- ``email.space``: l'adresse e-mail contient un espace.
- ``email.no_at``: il manque le signe @ (arobase).
- ``email.accent``: l'adresse contient une lettre accentuée (é, è, ç...).
- ``email.no_domain``: rien après le @, ou pas de point après (« @gmail » au lieu de « @gmail.com »).
- ``email.format``: l'adresse est mal formée (deux @, virgule, point au début ou à la fin...).
- ``email.domain_typo``: faute de frappe dans un fournisseur connu (gmial.com, hotmial.fr, gmail.fr...).
- ``phone.format``: ce n'est pas un numéro français utilisable (lettres, 08, ne commence pas par 0...).
- ``phone.foreign``: un indicatif étranger (+32, +212...) : le site veut un numéro français.
- ``phone.extra_zero``: un 0 en trop après +33 (« +33 06... » au lieu de « +33 6... »).
- ``phone.length``: le numéro n'a pas 10 chiffres.
- ``phone.not_mobile``: un numéro fixe (01 à 05, 09) ou spécial (08) là où il faut un portable (06, 07).
- ``postal_code.corsica``: 2A ou 2B tapé dans un code postal : en Corse, le code postal commence par 20.
- ``postal_code.letters``: le code postal contient une lettre ou un signe.
- ``postal_code.length``: le code postal n'a pas 5 chiffres.
- ``postal_code.department``: les premiers chiffres ne sont pas ceux d'un département ou d'une collectivité.
- ``date.format``: la date n'est pas écrite jour/mois/année (JJ/MM/AAAA).
- ``date.short_year``: l'année n'a que 2 chiffres : il en faut 4.
- ``date.impossible``: cette date n'existe pas (31/02, 29/02 d'une année non bissextile, mois 13...).
- ``date.too_old``: la date est avant 1900.
- ``date.future``: une date de naissance dans le futur.
- ``date.too_far``: la date est après 2100 (faute de frappe dans l'année).
- ``amount.decimal_point``: un point pour les centimes (1234.56) : en France, c'est une virgule (1234,56).
- ``amount.format``: la somme n'est pas écrite en chiffres (lettres, espaces mal placés, virgule seule...).
- ``amount.negative``: la somme est négative.
- ``amount.cents``: plus de 2 chiffres après la virgule.
- ``password.too_short``: le mot de passe est trop court.
- ``password.too_long``: le mot de passe est trop long.
- ``password.digits_only``: le site veut un code fait seulement de chiffres.
- ``password.needs_lower``: il manque une lettre minuscule.
- ``password.needs_upper``: il manque une lettre majuscule.
- ``password.needs_digit``: il manque un chiffre.
- ``password.needs_special``: il manque un signe spécial (! - ? # ...).
- ``upload.type``: le site n'accepte pas ce genre de fichier (extension).
- ``upload.empty``: le fichier est vide (0 octet).
- ``upload.size``: le fichier est trop lourd pour le site.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    TEXT = "text"  # any non-empty text
    NIR = "nir"  # numéro de sécurité sociale
    TAX_NUMBER = "tax_number"  # numéro fiscal
    CAF_NUMBER = "caf_number"  # numéro d'allocataire CAF
    FRANCE_TRAVAIL_ID = "france_travail_id"
    IBAN = "iban"
    EMAIL = "email"
    MOBILE_PHONE = "mobile_phone"
    PHONE = "phone"  # mobile or landline
    POSTAL_CODE = "postal_code"
    DATE = "date"  # DD/MM/YYYY, any plausible date (1900..2100)
    BIRTH_DATE = "birth_date"  # DD/MM/YYYY, not in the future, not before 1900
    AMOUNT = "amount"  # euros, decimal comma
    PASSWORD = "password"  # noqa: S105 - a kind of field, checked against PasswordRules


@dataclass(frozen=True)
class PasswordRules:
    """A site's password rules, as written under its password field."""

    min_length: int
    max_length: int
    needs_lower: bool = False
    needs_upper: bool = False
    needs_digit: bool = False
    needs_special: bool = False
    digits_only: bool = False


MISTAKE_CODES: frozenset[str] = frozenset(
    {
        "empty",
        "nir.letters",
        "nir.length",
        "nir.sex",
        "nir.month",
        "nir.key",
        "tax_number.letters",
        "tax_number.length",
        "tax_number.start",
        "tax_number.key",
        "caf_number.letters",
        "caf_number.length",
        "france_travail_id.length",
        "france_travail_id.format",
        "iban.characters",
        "iban.country",
        "iban.length",
        "iban.key",
        "email.space",
        "email.no_at",
        "email.accent",
        "email.no_domain",
        "email.format",
        "email.domain_typo",
        "phone.format",
        "phone.foreign",
        "phone.extra_zero",
        "phone.length",
        "phone.not_mobile",
        "postal_code.corsica",
        "postal_code.letters",
        "postal_code.length",
        "postal_code.department",
        "date.format",
        "date.short_year",
        "date.impossible",
        "date.too_old",
        "date.too_far",
        "date.future",
        "amount.decimal_point",
        "amount.format",
        "amount.negative",
        "amount.cents",
        "password.too_short",
        "password.too_long",
        "password.digits_only",
        "password.needs_lower",
        "password.needs_upper",
        "password.needs_digit",
        "password.needs_special",
        "upload.type",
        "upload.empty",
        "upload.size",
    }
)
