"""Sums of money in euros, written the French way: decimal comma, spaces between thousands."""

from __future__ import annotations

import re

from kiosk.practice.validators.text import SPACES

# French writing: decimal comma, spaces (or non-breaking spaces) between thousands: "1 234,56".
# A € sign before or after is taken and dropped: it changes nothing to the sum.
_AMOUNT = re.compile(r"([0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
CENT_DIGITS = 2  # a third decimal would be a fraction of a cent


def _amount_parts(value: str) -> tuple[bool, str, str] | str:
    """(negative, euros, cents) as typed, or the mistake code."""
    text = SPACES.sub(" ", value.strip())
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


def check_amount(value: str) -> str | None:
    parts = _amount_parts(value)
    if isinstance(parts, str):
        return parts
    negative, _euros, cents = parts
    if negative:
        return "amount.negative"
    if len(cents) > CENT_DIGITS:
        return "amount.cents"
    return None


def normalized_amount(value: str) -> str:
    """The amount as "1234,56" (or "1234" without cents); what is not an amount only loses its spaces."""
    parts = _amount_parts(value)
    if isinstance(parts, str):
        return SPACES.sub("", value.strip())
    negative, euros, cents = parts
    euros = euros.lstrip("0") or "0"
    sign = "-" if negative else ""
    return f"{sign}{euros},{cents.ljust(CENT_DIGITS, '0')}" if cents else f"{sign}{euros}"
