"""Dates typed the French way, day first (DD/MM/YYYY), and birth dates, which cannot be in the future."""

from __future__ import annotations

import calendar
import re
from datetime import date

from kiosk.practice.validators.text import ASCII_DIGITS

_DATE_SEPARATOR = r"(?:\s*[/.\-]\s*|\s+)"
_DATE = re.compile(rf"([0-9]{{1,2}}){_DATE_SEPARATOR}([0-9]{{1,2}}){_DATE_SEPARATOR}([0-9]+)")
FIRST_YEAR = 1900
LAST_YEAR = 2100
YEAR_DIGITS = 4
SHORT_YEAR_DIGITS = 2  # "86" for 1986: the site cannot tell the century
MONTHS = 12


def _date_parts(value: str) -> tuple[int, int, str] | None:
    text = value.strip()
    if ASCII_DIGITS.fullmatch(text) and len(text) in (6, 8):  # 14031986 typed without the slashes
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
    if len(year_text) == SHORT_YEAR_DIGITS:
        return "date.short_year"
    if len(year_text) != YEAR_DIGITS:
        return "date.format"
    year = int(year_text)
    if year == 0:
        return "date.too_old"
    if not 1 <= month <= MONTHS or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return "date.impossible"
    return date(year, month, day)


def check_date(value: str, birth: bool, today: date | None) -> str | None:
    typed = _parse_date(value)
    if isinstance(typed, str):
        return typed
    if typed.year < FIRST_YEAR:
        return "date.too_old"
    if birth and typed > (today or date.today()):  # noqa: DTZ011 - the local day, as the French site the person uses counts it
        return "date.future"
    if typed.year > LAST_YEAR:
        return "date.too_far"
    return None


def normalized_date(value: str) -> str:
    """The date as "DD/MM/YYYY"; what is not a date comes back only trimmed."""
    typed = _parse_date(value)
    return f"{typed.day:02}/{typed.month:02}/{typed.year:04}" if isinstance(typed, date) else value.strip()
