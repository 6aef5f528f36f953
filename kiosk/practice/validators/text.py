"""The clean-up the checks share: the spaces, dots and dashes people type between groups, and plain digits."""

from __future__ import annotations

import re

# Spaces (any Unicode space: NBSP U+00A0, narrow NBSP U+202F...), dots and dashes typed between groups.
GROUP_SEPARATORS = re.compile(r"[\s.\-]+")
SPACES = re.compile(r"\s+")
ASCII_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() would also take ² or Arabic-Indic digits


def compact(value: str) -> str:
    """The value without the spaces, dots and dashes typed between its groups."""
    return GROUP_SEPARATORS.sub("", value)


def is_digits(text: str) -> bool:
    """Whether the text is one or more of the digits 0 to 9, and nothing else."""
    return ASCII_DIGITS.fullmatch(text) is not None
