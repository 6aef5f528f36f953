"""What espeak-ng should actually read: acronyms, names, phone numbers and addresses said right.

Each language has a lexicon file in voice/lexicons/ (words and symbols). Phone numbers
are read in pairs, as people say them in France ("39 49", "08 09 40 14 01"); web and
e-mail addresses are read part by part ("caf point fr"). Years and other numbers are
left alone. Every language the kiosk offers has its lexicon file: one that is missing or
unreadable (an incomplete installation) is an error in the log, reported at start by
``lexicon_problems`` for mediator mode, and the language is then read as written.

A lexicon may also hold ``spoken`` forms: a whole text as shown on screen, and the same
text with its vowel marks, which espeak-ng reads far better in Arabic. A spoken form may
only add marks: once they are taken away it must be the shown text, letter for letter,
so a slip of the pen can never make the voice say another word (such an entry is logged
and ignored). Bidirectional controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066
to U+2069) set the order of what is seen and are never given to the engine.
"""

from __future__ import annotations

import logging
import re
import unicodedata
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
_PHONE = re.compile(r"(?<!\d)(?<!\d\s)\b0(?:\s?\d){9}\b(?!\s?\d)")
# ...or a short service number (39 49, 3230, 36 46, 33 700): 4 or 5 digits starting with 3.
# Neither is a part of a longer run of digit groups (a social security number, an IBAN).
_SERVICE = re.compile(r"(?<!\d)(?<!\d\s)\b3\d\s?\d{2}\d?\b(?!\s?\d)")
SHORT_NUMBER_DIGITS = 4  # said in pairs ("39 49"); a 5-digit one as its first pair and the rest
# Marks that set the visual order (LRM, RLM, ALM, embeddings, overrides, isolates): seen, never said.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Arabic-script vowel marks a spoken form may add (fathatan to sukun, the small high marks, superscript alef).
_VOWEL_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    spoken: dict[str, str] = field(default_factory=dict)  # a whole shown text -> the same text vowelled

    def symbol(self, name: str) -> str:
        return self.symbols.get(name, name)

    def spoken_form(self, text: str) -> str:
        """The vowelled form of ``text`` when the lexicon holds one, else ``text`` itself."""
        return self.spoken.get(_shown(text), text)


def _shown(text: str) -> str:
    """A text as a lexicon key: its letters as seen, without bidirectional controls or outer spaces."""
    return unicodedata.normalize("NFC", BIDI_CONTROLS.sub("", text)).strip()


def unvowelled(text: str) -> str:
    """``text`` without its Arabic-script vowel marks: the letters a spoken form must keep."""
    return _VOWEL_MARKS.sub("", unicodedata.normalize("NFC", text))


def _spoken_forms(data: object, path: Path) -> dict[str, str]:
    """The ``spoken`` entries that only add vowel marks; any other is logged and left out."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TypeError("spoken: expected a mapping of shown text to vowelled text")
    forms = {}
    for written, said in data.items():
        # Canonical order of the marks (NFC): espeak-ng was checked reading the forms written so.
        shown, vowelled = _shown(str(written)), unicodedata.normalize("NFC", str(said)).strip()
        if unvowelled(vowelled) != unvowelled(shown):
            # The form would make the voice say other letters than the screen shows: never trusted.
            log.error("voice lexicon %s: spoken form of %r ignored: it changes letters", path, shown)
            continue
        forms[shown] = vowelled
    return forms


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
        spoken = _spoken_forms(data.get("spoken"), path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError, ValueError) as error:
        # The kiosk still speaks, less well ("RSA" as a word): the installation has to be repaired.
        log.error("voice lexicon %s cannot be used, read as written: %s", path, error)
        return Lexicon()
    return Lexicon(
        {str(k): str(v) for k, v in words.items()}, {str(k): str(v) for k, v in symbols.items()}, spoken
    )


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


def say_addresses_and_phones(text: str, language: str) -> str:
    """Web and e-mail addresses spelled part by part in ``language``, phone numbers in pairs."""
    lex = lexicon(language)
    text = _EMAIL.sub(
        lambda m: f" {lex.symbol('at')} ".join(_spell_address(part, lex) for part in m.group(0).split("@")),
        text,
    )
    text = _URL.sub(lambda m: _spell_address(m.group(1), lex), text)
    text = _PHONE.sub(_say_phone, text)
    return _SERVICE.sub(_say_service, text)


def say_words(text: str, language: str) -> str:
    """The lexicon's words of ``language`` replaced by how they are said; quotes and spare spaces gone."""
    for written, said in sorted(lexicon(language).words.items(), key=lambda item: len(item[0]), reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(written)}(?![\w-])", said, text)
    text = re.sub(r"«\s*|\s*»", "", text)  # quotes are seen, not said
    return re.sub(r"[ \t]+", " ", text).strip()


def speakable(text: str, language: str) -> str:
    """The text as espeak-ng should read it in ``language``, all in that language's voice."""
    text = BIDI_CONTROLS.sub("", text)
    return say_words(say_addresses_and_phones(lexicon(language).spoken_form(text), language), language)
