"""What espeak-ng should actually read: acronyms, names, phone numbers and addresses said right.

Each language has a lexicon file in voice/lexicons/ (words and symbols). Phone numbers
are read in pairs, as people say them in France ("39 49", "08 09 40 14 01"); web and
e-mail addresses are read part by part ("caf point fr"). Years and other numbers are
left alone. Every language the kiosk offers has its lexicon file: one that is missing or
unreadable (an incomplete installation) is an error in the log, reported at start by
``lexicon_problems`` for mediator mode, and the language is then read as written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(
    r"\b(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})(?:/[^\s,;)»]*[^\s,;)».])?", re.IGNORECASE
)
# A French phone number: 10 digits starting with 0, written with or without spaces...
_PHONE = re.compile(r"\b0(?:\s?\d){9}\b")
# ...or a short service number (39 49, 3230, 36 46, 33 700): 4 or 5 digits starting with 3.
_SERVICE = re.compile(r"\b3\d\s?\d{2}\d?\b")
SHORT_NUMBER_DIGITS = 4  # said in pairs ("39 49"); a 5-digit one as its first pair and the rest


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)

    def symbol(self, name: str) -> str:
        return self.symbols.get(name, name)


def lexicon_problems(languages: Iterable[str]) -> list[str]:
    """What is missing of the lexicons of ``languages``, each said in one line (none when all are there).

    Only looks whether the files are there (start-up reads none of them); what is wrong inside a
    file is logged when it is first read.
    """
    if not LEXICON_DIR.is_dir():
        return [f"{LEXICON_DIR}: the voice's lexicons are missing; every language is read as written"]
    return [
        f"{LEXICON_DIR / f'{code}.yaml'}: the voice's lexicon is missing; this language is read as written"
        for code in languages
        if not (LEXICON_DIR / f"{code}.yaml").is_file()
    ]


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language``; an empty one, logged as an error, if its file is missing or unreadable."""
    path = LEXICON_DIR / f"{language}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        words, symbols = dict(data.get("words") or {}), dict(data.get("symbols") or {})
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError, ValueError) as error:
        # The kiosk still speaks, less well ("RSA" as a word): the installation has to be repaired.
        log.error("voice lexicon %s cannot be used, read as written: %s", path, error)
        return Lexicon()
    return Lexicon({str(k): str(v) for k, v in words.items()}, {str(k): str(v) for k, v in symbols.items()})


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def _spell_address(text: str, lex: Lexicon) -> str:
    spoken = text.replace(".", f" {lex.symbol('dot')} ").replace("-", f" {lex.symbol('dash')} ")
    spoken = spoken.replace("_", f" {lex.symbol('underscore')} ")
    return re.sub(r"\s+", " ", spoken).strip()


def _say_phone(match: re.Match[str]) -> str:
    return _pairs(re.sub(r"\s", "", match.group(0)))


def _say_service(match: re.Match[str]) -> str:
    digits = re.sub(r"\s", "", match.group(0))
    return _pairs(digits) if len(digits) == SHORT_NUMBER_DIGITS else f"{digits[:2]} {digits[2:]}"


def speakable(text: str, language: str) -> str:
    """The text as espeak-ng should read it in ``language``."""
    lex = lexicon(language)
    text = _EMAIL.sub(
        lambda m: f" {lex.symbol('at')} ".join(_spell_address(part, lex) for part in m.group(0).split("@")),
        text,
    )
    text = _URL.sub(lambda m: _spell_address(m.group(1), lex), text)
    text = _PHONE.sub(_say_phone, text)
    text = _SERVICE.sub(_say_service, text)
    for written, said in sorted(lex.words.items(), key=lambda item: len(item[0]), reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(written)}(?![\w-])", said, text)
    text = re.sub(r"«\s*|\s*»", "", text)  # quotes are seen, not said
    return re.sub(r"[ \t]+", " ", text).strip()
