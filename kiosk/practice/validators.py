"""What a French administrative site would say about a typed value, as a stable mistake code.

The practice mode simulates real sites (ameli, CAF, impots.gouv, France Travail,
ANTS...). Each simulated field has a ``FieldKind``; ``check`` says whether a typed
value would be taken, and if not returns one short code that the practice engine
turns into a plain-language explanation. ``normalized`` gives the canonical form
of an accepted value (to compare it with the practice card). Nothing here does
I/O or imports Qt.

The checks are forgiving where real people are right and real sites are lenient:
spaces typed between groups (as printed on the carte Vitale or a RIB), non-breaking
spaces pasted from a document, leading and trailing spaces, lowercase letters in an
IBAN or a Corsica social security number, +33 and 0033 phone numbers.

The mistake codes are listed in ``kiosk.content.field_kinds``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from kiosk.content.field_kinds import FieldKind, PasswordRules

# Spaces (any Unicode space: NBSP U+00A0, narrow NBSP U+202F...), dots and dashes typed between groups.
_GROUP_SEPARATORS = re.compile(r"[\s.\-]+")
_SPACES = re.compile(r"\s+")
_ASCII_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() would also take ² or Arabic-Indic digits


def _compact(value: str) -> str:
    return _GROUP_SEPARATORS.sub("", value)


def _digits(text: str) -> bool:
    return _ASCII_DIGITS.fullmatch(text) is not None


# NIR ------------------------------------------------------------------------------------------------
# 13 characters + a 2-digit key, key = 97 - (number mod 97), 2A -> 19 and 2B -> 18 first:
# python-stdnum stdnum/fr/nir.py; the Assurance maladie's rules (assurance-maladie-digital/nir-validation).
_NIR_SEXES = frozenset("123478")  # 1/2, 3/4 and 7/8 (provisional): les-emplois itou/utils/france_standards.py
_CORSICA_FOR_KEY = {"2A": "19", "2B": "18"}


def _nir_month_ok(month: int) -> bool:
    # 01-12, 20-42, 50-99 (unknown or provisional month): les-emplois france_standards.py, after fr.wikipedia.
    return 1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99


def _check_nir(value: str) -> str | None:
    nir = _compact(value).upper()
    if any(c not in "0123456789AB" for c in nir):
        return "nir.letters"
    if len(nir) != 15:
        return "nir.length"
    department = nir[5:7]
    if not _digits(nir[:5] + nir[7:]) or not (_digits(department) or department in _CORSICA_FOR_KEY):
        return "nir.letters"
    if nir[0] not in _NIR_SEXES:
        return "nir.sex"
    if not _nir_month_ok(int(nir[3:5])):
        return "nir.month"
    body = nir[:5] + _CORSICA_FOR_KEY.get(department, department) + nir[7:13]
    if 97 - int(body) % 97 != int(nir[13:]):
        return "nir.key"
    return None


# Numéro fiscal --------------------------------------------------------------------------------------
# 13 digits, the first 0, 1, 2 or 3; the last 3 are the first 10 modulo 511: European Commission
# "TIN algorithms" specification, as implemented by python-stdnum stdnum/fr/nif.py (pull request #426).
def _check_tax_number(value: str) -> str | None:
    number = _compact(value)
    if not _digits(number):
        return "tax_number.letters"
    if len(number) != 13:
        return "tax_number.length"
    if number[0] not in "0123":
        return "tax_number.start"
    if int(number[:10]) % 511 != int(number[10:]):
        return "tax_number.key"
    return None


# Numéro d'allocataire CAF ---------------------------------------------------------------------------
# 7 digits, zero-padded in the State's own API ("identifiant numérique de 7 chiffres", example 0000354:
# betagouv/api-particulier, CAF documentation). Letters print it with its zeros or without them, and the
# CAF's own login took "7 chiffres maximum" (konnectors/caf manifest: max 7), so 1 to 7 digits are taken
# and normalized() puts the zeros back.
CAF_NUMBER_DIGITS = 7


def _check_caf_number(value: str) -> str | None:
    number = _compact(value)
    if not _digits(number):
        return "caf_number.letters"
    if len(number) > CAF_NUMBER_DIGITS:
        return "caf_number.length"
    return None


# Identifiant France Travail -------------------------------------------------------------------------
# Old regional identifier: 8 characters, 7 digits then a letter or a digit; new national one (2025):
# 11 digits. Both are taken by the State's "emplois de l'inclusion" (gip-inclusion/les-emplois
# itou/utils/validators.py, pull requests #6106 and #6419).
def _check_france_travail_id(value: str) -> str | None:
    identifier = _compact(value).upper()
    if len(identifier) not in (8, 11):
        return "france_travail_id.length"
    if len(identifier) == 8 and _digits(identifier[:7]) and re.fullmatch(r"[0-9A-Z]", identifier[7]):
        return None
    if len(identifier) == 11 and _digits(identifier):
        return None
    return "france_travail_id.format"


# IBAN -----------------------------------------------------------------------------------------------
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


def _check_iban(value: str) -> str | None:
    iban = _compact(value).upper()
    if re.fullmatch(r"[0-9A-Z]+", iban) is None:
        return "iban.characters"
    if iban[:2] not in IBAN_LENGTHS:
        return "iban.country"
    if len(iban) != IBAN_LENGTHS[iban[:2]]:
        return "iban.length"
    rearranged = iban[4:] + iban[:4]
    if not _digits(iban[2:4]) or int("".join(str(int(c, 36)) for c in rearranged)) % 97 != 1:
        return "iban.key"
    return None


# E-mail ---------------------------------------------------------------------------------------------
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")  # RFC 5322 "atext" and dots
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
# The mailboxes most people at the kiosk have, with the endings their addresses really use.
_MAIL_PROVIDERS: dict[str, frozenset[str]] = {
    "gmail": frozenset({"com"}),  # Gmail addresses end in gmail.com only: there is no gmail.fr
    "laposte": frozenset({"net"}),  # La Poste's free mailbox is laposte.net (laposte.fr is the company's)
    "icloud": frozenset({"com"}),  # Apple's mail is icloud.com (and the old me.com, mac.com)
    "hotmail": frozenset({"fr", "com"}),
    "outlook": frozenset({"fr", "com"}),
    "yahoo": frozenset({"fr", "com"}),
    "orange": frozenset({"fr"}),
    "wanadoo": frozenset({"fr"}),
}
# Providers whose addresses use no other ending: any other one is a slip.
_SINGLE_ENDING = frozenset({"gmail", "laposte", "icloud"})
# Real mail domains one letter away from a provider above: never "corrected".
_REAL_DOMAINS = frozenset(
    {"ymail.com", "mail.com", "email.com", "gmx.fr", "gmx.com", "me.com", "mac.com", "live.fr", "live.com"}
)
_REAL_NAMES = frozenset({"ymail", "mail", "email", "gmx"})
# Endings that are slips for .com or .fr (none of them is a country's ending).
_ENDING_SLIPS = {
    "con": "com",
    "cpm": "com",
    "vom": "com",
    "xom": "com",
    "comm": "com",
    "cmo": "com",
    "ocm": "com",
    "co": "com",
    "frr": "fr",
    "ft": "fr",
    "rf": "fr",
}


def _slips(a: str, b: str) -> int:
    """Typing distance (optimal string alignment): a swapped pair of letters counts as one slip."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


def _provider(name: str) -> str | None:
    if name in _MAIL_PROVIDERS:
        return name
    if name in _REAL_NAMES:
        return None
    return next((p for p in _MAIL_PROVIDERS if _slips(name, p) == 1), None)


def _corrected_domain(domain: str) -> str | None:
    name, dot, ending = domain.rpartition(".")
    if not dot or domain in _REAL_DOMAINS:
        return None
    provider = _provider(name)
    if provider is None:
        fixed_ending = _ENDING_SLIPS.get(ending)
        return f"{name}.{fixed_ending}" if fixed_ending else None
    endings = _MAIL_PROVIDERS[provider]
    if ending not in endings:
        if provider in _SINGLE_ENDING:
            ending = next(iter(endings))
        elif _ENDING_SLIPS.get(ending) in endings:
            ending = _ENDING_SLIPS[ending]
    corrected = f"{provider}.{ending}"
    return None if corrected == domain else corrected


def _check_email(value: str) -> str | None:
    address = value.strip()
    if any(c.isspace() for c in address):
        return "email.space"
    if "@" not in address:
        return "email.no_at"
    if address.count("@") > 1:
        return "email.format"
    if any(ord(c) > 127 and c.isalpha() for c in address):
        return "email.accent"
    local, domain = address.split("@")
    domain = domain.lower()
    if not domain:
        return "email.no_domain"
    if (
        not local
        or _LOCAL_PART.fullmatch(local) is None
        or ".." in local
        or local[0] == "."
        or local[-1] == "."
    ):
        return "email.format"
    if re.fullmatch(r"[a-z0-9.-]+", domain) is None:
        return "email.format"
    if "." not in domain:
        return "email.no_domain"
    labels = domain.split(".")
    if (
        not all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        or re.fullmatch(r"[a-z]{2,}", labels[-1]) is None
    ):
        return "email.format"
    if _corrected_domain(domain) is not None:
        return "email.domain_typo"
    return None


def email_suggestion(value: str) -> str | None:
    """The address with a well-known provider's name spelled right (``gmial.com`` -> ``gmail.com``)."""
    address = value.strip()
    if address.count("@") != 1:
        return None
    local, domain = address.split("@")
    corrected = _corrected_domain(domain.lower())
    return f"{local}@{corrected}" if corrected else None


# Phone ----------------------------------------------------------------------------------------------
# ARCEP national numbering plan (decision 2018-0881 as amended by 2022-1583): 10 digits; 06 and 073 to
# 079 are mobiles; 01 to 05 and 09 are landlines ("polyvalents"); 08 are paid or free service numbers;
# 0700 is for machines (14 digits). Overseas departments have numbers of the same plan (0262, 0590,
# 0692...) whose international prefix is +262, +590, +594 or +596 instead of +33.
_FRENCH_CALLING_CODES = ("33", "262", "590", "594", "596")


def _national_phone(value: str) -> tuple[str, str | None]:
    """The number in its 10-digit national form, or what is wrong with its international prefix."""
    number = re.sub(r"[\s.\-/]", "", value)
    if number.startswith("+"):
        international = number[1:]
    elif number.startswith("00"):
        international = number[2:]
    else:
        return number, None
    code = next((c for c in _FRENCH_CALLING_CODES if international.startswith(c)), None)
    if code is None:
        return number, "phone.foreign" if international[:1].isdigit() else "phone.format"
    rest = international[len(code) :]
    rest = rest.removeprefix("(0)")  # "+33 (0)6 12 34 56 78", as printed on letterheads
    if rest.startswith("0") and len(rest) == 10:
        return number, "phone.extra_zero"
    return "0" + rest, None


def _check_phone(value: str, mobile_only: bool) -> str | None:
    number, problem = _national_phone(value)
    if problem is not None:
        return problem
    if not _digits(number):
        return "phone.format"
    if len(number) != 10:
        return "phone.length"
    if number[0] != "0":
        return "phone.format"
    is_mobile = number[1] == "6" or (number[1] == "7" and number[2] in "3456789")
    is_landline = number[1] in "123459"
    if is_mobile:
        return None
    if mobile_only:
        return "phone.not_mobile" if is_landline or number[1] == "8" else "phone.format"
    return None if is_landline else "phone.format"


# Postal code ----------------------------------------------------------------------------------------
# 5 digits; 01 to 95 (Corsica's are 20xxx: 2A and 2B are not used in postal codes), 971 to 976 overseas
# departments and Saint-Pierre-et-Miquelon, 980 Monaco, 986 Wallis-et-Futuna, 987 French Polynesia,
# 988 New Caledonia. Sources: La Poste ranges as summed up in lukehaas/RegexHub pull request #42, and
# Graham Rhind's Global Sourcebook (986xx for Wallis-et-Futuna).
def _check_postal_code(value: str) -> str | None:
    code = _SPACES.sub("", value).upper()
    if code[:2] in ("2A", "2B"):
        return "postal_code.corsica"
    if not _digits(code):
        return "postal_code.letters"
    if len(code) != 5:
        return "postal_code.length"
    department = int(code[:2])
    if 1 <= department <= 95:
        return None
    if department == 97 and code[2] in "123456":
        return None
    if department == 98 and code[2] in "0678":
        return None
    return "postal_code.department"


# Dates ----------------------------------------------------------------------------------------------
_DATE_SEPARATOR = r"(?:\s*[/.\-]\s*|\s+)"
_DATE = re.compile(rf"([0-9]{{1,2}}){_DATE_SEPARATOR}([0-9]{{1,2}}){_DATE_SEPARATOR}([0-9]+)")
FIRST_YEAR = 1900
LAST_YEAR = 2100


def _date_parts(value: str) -> tuple[int, int, str] | None:
    text = value.strip()
    if _ASCII_DIGITS.fullmatch(text) and len(text) in (6, 8):  # 14031986 typed without the slashes
        return int(text[:2]), int(text[2:4]), text[4:]
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.group(3)


def _parse_date(value: str) -> date | str:
    """The date typed, or the mistake code that stops it being one."""
    parts = _date_parts(value)
    if parts is None:
        return "date.format"
    day, month, year_text = parts
    if len(year_text) == 2:
        return "date.short_year"
    if len(year_text) != 4:
        return "date.format"
    year = int(year_text)
    if year == 0:
        return "date.too_old"
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return "date.impossible"
    return date(year, month, day)


def _check_date(value: str, birth: bool, today: date | None) -> str | None:
    typed = _parse_date(value)
    if isinstance(typed, str):
        return typed
    if typed.year < FIRST_YEAR:
        return "date.too_old"
    if birth and typed > (today or date.today()):
        return "date.future"
    if typed.year > LAST_YEAR:
        return "date.too_far"
    return None


# Amounts --------------------------------------------------------------------------------------------
# French writing: decimal comma, spaces (or non-breaking spaces) between thousands: "1 234,56".
# A € sign before or after is taken and dropped: it changes nothing to the sum.
_AMOUNT = re.compile(r"([0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:,([0-9]+))?")


def _amount_parts(value: str) -> tuple[bool, str, str] | str:
    """(negative, euros, cents) as typed, or the mistake code."""
    text = _SPACES.sub(" ", value.strip())
    text = re.sub(r"^€\s*|\s*(?:€|EUR|euros?)$", "", text, flags=re.IGNORECASE)
    negative = text[:1] in ("-", "\u2212")
    if negative:
        text = text[1:].lstrip()
    if "." in text:
        return (
            "amount.decimal_point"
            if re.fullmatch(r"[0-9]+\.[0-9]{1,2}", text.replace(" ", ""))
            else "amount.format"
        )
    match = _AMOUNT.fullmatch(text)
    if match is None:
        return "amount.format"
    return negative, match.group(1).replace(" ", ""), match.group(2) or ""


def _check_amount(value: str) -> str | None:
    parts = _amount_parts(value)
    if isinstance(parts, str):
        return parts
    negative, _euros, cents = parts
    if negative:
        return "amount.negative"
    if len(cents) > 2:
        return "amount.cents"
    return None


# Passwords ------------------------------------------------------------------------------------------
def _check_password(value: str, rules: PasswordRules | None) -> str | None:
    if rules is None:
        raise ValueError("a password field needs the site's PasswordRules")
    if len(value) < rules.min_length:
        return "password.too_short"
    if len(value) > rules.max_length:
        return "password.too_long"
    if rules.digits_only and not _digits(value):
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


# The API --------------------------------------------------------------------------------------------
def check(
    kind: FieldKind,
    value: str,
    *,
    today: date | None = None,
    password_rules: PasswordRules | None = None,
) -> str | None:
    """None when acceptable, else a mistake code from MISTAKE_CODES.

    ``today`` is the day birth dates are compared with (default: the machine's date);
    ``password_rules`` is required for ``FieldKind.PASSWORD`` (ValueError otherwise).
    """
    if not value.strip():
        return "empty"
    match kind:
        case FieldKind.TEXT:
            return None
        case FieldKind.NIR:
            return _check_nir(value)
        case FieldKind.TAX_NUMBER:
            return _check_tax_number(value)
        case FieldKind.CAF_NUMBER:
            return _check_caf_number(value)
        case FieldKind.FRANCE_TRAVAIL_ID:
            return _check_france_travail_id(value)
        case FieldKind.IBAN:
            return _check_iban(value)
        case FieldKind.EMAIL:
            return _check_email(value)
        case FieldKind.MOBILE_PHONE:
            return _check_phone(value, mobile_only=True)
        case FieldKind.PHONE:
            return _check_phone(value, mobile_only=False)
        case FieldKind.POSTAL_CODE:
            return _check_postal_code(value)
        case FieldKind.DATE:
            return _check_date(value, birth=False, today=today)
        case FieldKind.BIRTH_DATE:
            return _check_date(value, birth=True, today=today)
        case FieldKind.AMOUNT:
            return _check_amount(value)
        case FieldKind.PASSWORD:
            return _check_password(value, password_rules)
    raise ValueError(f"unknown field kind {kind!r}")


def check_upload(
    file_name: str, size_bytes: int, accepted_extensions: Sequence[str], max_bytes: int
) -> str | None:
    """None when a site would take the file, else "upload.type", "upload.empty" or "upload.size".

    Extensions compare without case and with or without their dot ("pdf", ".PDF");
    only the last one counts ("scan.pdf.exe" is an .exe).
    """
    if size_bytes < 0 or max_bytes <= 0:
        raise ValueError("sizes must be positive")
    wanted = {extension.lower().lstrip(".") for extension in accepted_extensions}
    stem, dot, extension = file_name.strip().rpartition(".")
    if not dot or not stem or extension.lower() not in wanted:
        return "upload.type"
    if size_bytes == 0:
        return "upload.empty"
    if size_bytes > max_bytes:
        return "upload.size"
    return None


def _normalized_amount(value: str) -> str:
    parts = _amount_parts(value)
    if isinstance(parts, str):
        return _SPACES.sub("", value.strip())
    negative, euros, cents = parts
    euros = euros.lstrip("0") or "0"
    sign = "-" if negative else ""
    return f"{sign}{euros},{cents.ljust(2, '0')}" if cents else f"{sign}{euros}"


def normalized(kind: FieldKind, value: str) -> str:
    """The canonical form of a value: what a site stores, to compare two ways of typing the same thing.

    Meant for accepted values; any other value comes back cleaned as well as it can be, never raising.
    NIR, IBAN, France Travail identifier: upper case, no spaces. Tax and CAF numbers: digits only, the CAF
    number with its leading zeros (7 digits). Phones: 10-digit national form ("0612345678"). Dates:
    "DD/MM/YYYY". Amounts: "1234,56" (or "1234" without cents). E-mail: trimmed, lower case. Text:
    trimmed, runs of spaces made one. Passwords: unchanged.
    """
    match kind:
        case FieldKind.PASSWORD:
            return value
        case FieldKind.TEXT:
            return _SPACES.sub(" ", value).strip()
        case FieldKind.NIR | FieldKind.IBAN | FieldKind.FRANCE_TRAVAIL_ID:
            return _compact(value).upper()
        case FieldKind.TAX_NUMBER:
            return _compact(value)
        case FieldKind.CAF_NUMBER:
            number = _compact(value)
            return number.zfill(CAF_NUMBER_DIGITS) if _digits(number) else number
        case FieldKind.EMAIL:
            return value.strip().lower()
        case FieldKind.MOBILE_PHONE | FieldKind.PHONE:
            number, problem = _national_phone(value)
            return number if problem is None else re.sub(r"[\s.\-/]", "", value)
        case FieldKind.POSTAL_CODE:
            return _SPACES.sub("", value)
        case FieldKind.DATE | FieldKind.BIRTH_DATE:
            typed = _parse_date(value)
            return (
                f"{typed.day:02}/{typed.month:02}/{typed.year:04}"
                if isinstance(typed, date)
                else value.strip()
            )
        case FieldKind.AMOUNT:
            return _normalized_amount(value)
    raise ValueError(f"unknown field kind {kind!r}")
