"""Which step of the guide the real site's page is: the guide follows the person along the site.

A step may declare the page it describes (``Step.page``: a host, a path pattern,
words of the title). When the browser shows a page, ``step_reached`` finds the
first step after the one the guide shows whose page it is; the guide only ever
moves forward by itself, so a person who went back by hand is not pulled away.

A path pattern's only special character is ``*`` (any characters, ``/``
included). It is matched by finding its fixed pieces in turn, never through a
regular expression, so no pattern and no address can make it slow.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from kiosk.content.browser_hosts import normal_host
from kiosk.content.procedures import PagePattern, Procedure

_WORD = re.compile(r"\w+")


def path_matches(pattern: str, path: str) -> bool:
    """Whether ``path`` fits ``pattern``, where ``*`` stands for any characters (none, or ``/``)."""
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return path == pattern
    first, *middle, last = pieces
    if not path.startswith(first) or not path.endswith(last) or len(path) < len(first) + len(last):
        return False
    # Each fixed piece as early as it can be: if any placement fits, the earliest does.
    position, end = len(first), len(path) - len(last)
    for piece in middle:
        found = path.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def _words(text: str) -> list[str]:
    """The words of ``text``, lower-case and without accents: "Déclarer" and "DECLARER" alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _WORD.findall(plain)


def _title_has(title: list[str], phrase: str) -> bool:
    wanted = _words(phrase)
    if not wanted:
        return False
    size = len(wanted)
    return any(title[start : start + size] == wanted for start in range(len(title) - size + 1))


def page_matches(page: PagePattern, url: str, title: str) -> bool:
    """Whether the page at ``url``, titled ``title``, is the one ``page`` describes."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme not in {"https", "http"} or "@" in parts.netloc:
        return False
    if not page.host or normal_host(parts.hostname or "") != page.host:
        return False
    if not path_matches(page.path, unquote(parts.path) or "/"):
        return False
    title_words = _words(title)
    return all(_title_has(title_words, phrase) for phrase in page.title_words)


def step_reached(procedure: Procedure, url: str, title: str, current_index: int) -> int | None:
    """The index of the first step after ``current_index`` whose page this is; None if there is none.

    ``current_index`` is the step the guide shows (-1 before the first step).
    """
    for index in range(max(current_index + 1, 0), len(procedure.steps)):
        page = procedure.steps[index].page
        if page is not None and page_matches(page, url, title):
            return index
    return None
