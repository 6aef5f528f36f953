"""French phone numbers, mobile or any: the national plan's 10 digits, typed with +33, 0033 or an overseas
prefix as people read them on letterheads.
"""

from __future__ import annotations

import re

from kiosk.practice.validators.text import is_digits

# ARCEP national numbering plan (decision 2018-0881 as amended by 2022-1583): 10 digits; 06 and 073 to
# 079 are mobiles; 01 to 05 and 09 are landlines ("polyvalents"); 08 are paid or free service numbers;
# 0700 is for machines (14 digits). Overseas departments have numbers of the same plan (0262, 0590,
# 0692...) whose international prefix is +262, +590, +594 or +596 instead of +33.
_FRENCH_CALLING_CODES = ("33", "262", "590", "594", "596")
PHONE_DIGITS = 10  # the national form, 0 included
_PHONE_SEPARATORS = re.compile(r"[\s.\-/]")


def _national_phone(value: str) -> tuple[str, str | None]:
    """The number in its 10-digit national form, or what is wrong with its international prefix."""
    number = _PHONE_SEPARATORS.sub("", value)
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
    if rest.startswith("0") and len(rest) == PHONE_DIGITS:  # the national 0 kept after the prefix
        return number, "phone.extra_zero"
    return "0" + rest, None


def check_phone(value: str, mobile_only: bool) -> str | None:
    number, problem = _national_phone(value)
    if problem is not None:
        return problem
    if not is_digits(number):
        return "phone.format"
    if len(number) != PHONE_DIGITS:
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


def normalized_phone(value: str) -> str:
    """The 10-digit national form ("0612345678"); a number with a wrong prefix only loses its separators."""
    number, problem = _national_phone(value)
    return number if problem is None else _PHONE_SEPARATORS.sub("", value)
