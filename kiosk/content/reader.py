"""Read one mapping of a content file: its allowed keys, and typed values that name their line.

Every content file (procedures, glossary, practice sites) is read through
``ContentReader``, so every mistake an author makes is reported the same way:
the file, the line, the field and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kiosk.content.yaml_source import LineDict
from kiosk.errors import ContentError

IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A message quotes the wrong value; a hostile file's value may be a megabyte, and the
# message goes to the log and to mediator mode.
MAX_PROBLEM_CHARS = 300


class ContentReader:
    """Checks one mapping against its declared keys and reads typed values from it."""

    def __init__(
        self, source: str, data: object, keys: Mapping[str, bool], where: str, line: int = 0
    ) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, dict):
            raise ContentError(source, f"expected a mapping, found {_kind(data)}", where or None, line)
        self.data: dict[str, Any] = data
        self.line = data.line if isinstance(data, LineDict) else line
        for key in data:
            if key not in keys:
                raise self.error(str(key), f"unknown key (allowed: {', '.join(keys)})")
        for key, required in keys.items():
            if required and key not in data:
                raise self.error(key, "missing")

    def error(self, key: str, problem: str) -> ContentError:
        line = self.data.line_of(key) if isinstance(self.data, LineDict) else self.line
        if len(problem) > MAX_PROBLEM_CHARS:  # keep the start of the value and what is wrong with it
            half = MAX_PROBLEM_CHARS // 2
            problem = f"{problem[:half]} … {problem[-half:]}"
        return ContentError(self.source, problem, self.at(key), line)

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str) -> str:
        value = self.data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.error(key, f"expected text, found {_kind(value)}")
        return value.strip()

    def required_text(self, key: str) -> str:
        value = self.text(key)
        if not value:
            raise self.error(key, "must not be empty")
        return value

    def identifier(self, key: str) -> str:
        value = self.required_text(key)
        if not IDENTIFIER.match(value):
            raise self.error(key, f"{value!r} must use only a-z, 0-9 and dashes")
        return value

    def flag(self, key: str) -> bool:
        """A true/false value; a missing optional key is false."""
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false")
        return value

    def positive_int(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.error(key, f"expected a whole number above 0, found {value!r}")
        return value

    def items(self, key: str, required: bool = True) -> list[Any]:
        value = self.data.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            raise self.error(key, "expected a non-empty list" if required else "expected a list")
        return value

    def identifiers(self, key: str) -> tuple[str, ...]:
        values = self.items(key, required=False)
        for value in values:
            if not isinstance(value, str) or not IDENTIFIER.match(value):
                raise self.error(key, f"{value!r} is not an id (a-z, 0-9 and dashes)")
        return tuple(values)

    def each(self, key: str, keys: Mapping[str, bool], required: bool = True) -> list[ContentReader]:
        return [
            ContentReader(self.source, item, keys, f"{self.at(key)}[{index}]", self.line)
            for index, item in enumerate(self.items(key, required))
        ]


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)
