"""IBAN: the bank account a French body pays into, taken from any country of the SEPA area."""

from __future__ import annotations

import re

from kiosk.practice.validators.text import compact, is_digits

# ISO 13616: 2 letters, 2 check digits, the account; moved-to-the-end and read with A=10..Z=35, it is 1
# modulo 97. French IBAN: FR + 2 + 23 characters = 27. Lengths from the SWIFT IBAN registry (as copied in
# python-stdnum stdnum/iban.dat). Only SEPA countries are listed: a payer may not refuse an account from
# another SEPA country (EU regulation 260/2012, article 9), and French bodies pay only on SEPA accounts.
# (Vatican City, SEPA since 2019, is missing: its length is not in that copy of the registry.)
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
}  # fmt: skip


def check_iban(value: str) -> str | None:
    iban = compact(value).upper()
    if re.fullmatch(r"[0-9A-Z]+", iban) is None:
        return "iban.characters"
    if iban[:2] not in IBAN_LENGTHS:
        return "iban.country"
    if len(iban) != IBAN_LENGTHS[iban[:2]]:
        return "iban.length"
    rearranged = iban[4:] + iban[:4]
    if not is_digits(iban[2:4]) or int("".join(str(int(c, 36)) for c in rearranged)) % 97 != 1:
        return "iban.key"
    return None
