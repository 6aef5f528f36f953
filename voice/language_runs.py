"""Which voice reads which part of a sentence, and the SSML that tells espeak-ng so.

A sentence in Arabic, Persian, Ukrainian or Russian often carries French that the person
will meet on the real site: a button's label in « … », a name (CAF, prime d'activité),
an acronym. Read by that language's voice, espeak-ng hands Latin letters to its English
voice (« Faire une simulation » as `f'e@ j'u:n s,ImjUl'eIS@n`), and the person does not
recognise the button. So, in a language not written in Latin letters, every run of Latin
letters is French and read by the French voice:

- a span in « … » or in a Unicode isolate (FSI, LRI or RLI … PDI, which the kiosk puts
  around left-to-right runs of a right-to-left text) whose letters are all Latin is one
  French run, digits and punctuation included (« Étape 2 sur 3 »);
- elsewhere, each run of Latin words (letters, with inner apostrophes, hyphens and
  dots, separated by spaces) is French.

In a language written in Latin letters (en, es, pt, ro, tr), « … » may hold a French label
or a translated one (« Next »), and nothing tells them apart here: the whole sentence
stays in the person's voice.

A number to copy (groups of digits separated by plain spaces: a social security number,
a phone number, an IBAN's digits) is read group by group, in the person's language,
with a short pause between groups, even inside a French run: "2 86 03 75 112 047 02" is
seven numbers to type, not "two, eighty-six million…". Numbers the kiosk formats
itself (1 234,56 €) are grouped with no-break spaces and read as one number.

Bidirectional controls and quotes are seen, never said. The lexicon is applied to each
run in that run's language (« RSA » said by the French voice as three letters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from kiosk.i18n import translation
from voice.lexicon import BIDI_CONTROLS, lexicon, say_addresses_and_phones, say_words

FRENCH = "fr"
GROUP_PAUSE = '<break time="200ms"/>'  # between the groups of a number to copy: heard apart, typed apart

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_LETTER = re.compile(f"[{_LATIN}]")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_WORD = f"[{_LATIN}](?:[{_LATIN}0-9'’.-]*[{_LATIN}0-9])?"
_LATIN_WORDS = re.compile(f"{_LATIN_WORD}(?: +{_LATIN_WORD})*")
# A « … » span, or an isolate (LRI, RLI or FSI) up to its PDI.
_SPAN = re.compile("«[^«»]*»|[\u2066-\u2068][^\u2066-\u2069]*\u2069")
# Digit groups separated by plain spaces, not glued to a letter or another digit.
_NUMBER_TO_COPY = re.compile(r"(?<![\w])\d+(?: \d+)+(?![\w])")


@dataclass(frozen=True)
class Run:
    """A part of a sentence read by one voice; ``pause_after`` a short silence after it."""

    text: str
    language: str
    pause_after: bool = False


@cache
def writes_in_latin(language: str) -> bool:
    """Whether ``language`` is written in Latin letters: its own name (Français, Türkçe, العربية) says so."""
    letters = _LETTER.findall(translation.language(language).native_name)
    return all(_LATIN_LETTER.fullmatch(letter) for letter in letters)


def _all_latin(text: str) -> bool:
    letters = _LETTER.findall(text)
    return bool(letters) and all(_LATIN_LETTER.fullmatch(letter) for letter in letters)


def _numbers_apart(text: str, text_language: str, number_language: str) -> list[Run]:
    """``text`` in ``text_language``, its numbers to copy cut into groups read in ``number_language``."""
    runs: list[Run] = []
    start = 0
    for match in _NUMBER_TO_COPY.finditer(text):
        runs.append(Run(text[start : match.start()], text_language))
        groups = match.group(0).split(" ")
        last = len(groups) - 1
        runs.extend(Run(group, number_language, pause_after=i < last) for i, group in enumerate(groups))
        start = match.end()
    runs.append(Run(text[start:], text_language))
    return runs


def _french_words_apart(text: str, language: str) -> list[Run]:
    """``text`` in ``language``, each run of Latin words in it French."""
    runs: list[Run] = []
    start = 0
    for match in _LATIN_WORDS.finditer(text):
        runs.extend(_numbers_apart(text[start : match.start()], language, language))
        runs.extend(_numbers_apart(match.group(0), FRENCH, language))
        start = match.end()
    runs.extend(_numbers_apart(text[start:], language, language))
    return runs


def _part_runs(part: str, language: str, span: bool) -> list[Run]:
    # Addresses and phone numbers are said with the person's words ("caf نقطة fr"), before any split.
    text = say_addresses_and_phones(BIDI_CONTROLS.sub("", part), language)
    if writes_in_latin(language):
        return _numbers_apart(text, language, language)
    inner = re.sub(r"^\s*«|»\s*$", "", text)
    if span and _all_latin(inner):
        return [Run(" ", language), *_numbers_apart(inner, FRENCH, language), Run(" ", language)]
    return _french_words_apart(text, language)


def language_runs(text: str, language: str) -> list[Run]:
    """``text`` (one sentence, as shown) cut into the runs each voice reads, lexicon applied, none empty."""
    text = lexicon(language).spoken_form(text)
    pieces: list[Run] = []
    start = 0
    for match in _SPAN.finditer(text):
        pieces.extend(_part_runs(text[start : match.start()], language, span=False))
        pieces.extend(_part_runs(match.group(0), language, span=True))
        start = match.end()
    pieces.extend(_part_runs(text[start:], language, span=False))
    runs: list[Run] = []
    for piece in pieces:
        if runs and runs[-1].language == piece.language and not runs[-1].pause_after:
            runs[-1] = Run(runs[-1].text + piece.text, piece.language, piece.pause_after)
        else:
            runs.append(piece)
    said = [Run(say_words(run.text, run.language), run.language, run.pause_after) for run in runs]
    return [run for run in said if run.text]


def espeak_markup(text: str, language: str) -> str:
    """``text`` as the SSML espeak-ng reads in ``language``'s voice: French runs in the French voice."""
    parts = []
    for run in language_runs(text, language):
        said = escape(run.text)
        if run.language != language:
            said = f'<voice name="{translation.language(run.language).espeak_voice}">{said}</voice>'
        parts.append(said + (GROUP_PAUSE if run.pause_after else ""))
    return " ".join(parts)
