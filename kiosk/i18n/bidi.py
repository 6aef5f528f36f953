"""Text direction: right-to-left paragraphs, and the left-to-right runs inside them.

Qt, like every renderer, guesses a paragraph's direction from its first strong letter:
a Persian sentence that begins with « Faire une demande » was laid out left to right,
and a number written in groups (« 2 86 03 75 112 047 02 ») was shown with its groups
in reverse order inside Arabic, since the spaces between groups take the Arabic
direction. The kiosk knows the person's language, so it decides instead, here, once,
for every text it translates (``translation._()``, ``translation.content()``) and for
the values it writes into a sentence (``shown()``):

- a text in a right-to-left language starts with RIGHT-TO-LEFT MARK (U+200F), and so
  does each line after a line break: the paragraph is right to left whatever comes first;
- every left-to-right run inside it (Latin words such as a French button's name,
  numbers, codes, phone numbers, IBANs, amounts with their « € », e-mail and web
  addresses, postal addresses) is wrapped in LEFT-TO-RIGHT ISOLATE (U+2066) … POP
  DIRECTIONAL ISOLATE (U+2069): its letters and digit groups read left to right, in
  the order they are typed, and it cannot pull its neighbours along;
- a ``{placeholder}`` of a translated sentence is wrapped in FIRST STRONG ISOLATE
  (U+2068) … POP DIRECTIONAL ISOLATE: what the code puts there takes its own direction
  (a number or a French name left to right, an Arabic title right to left);
- a text with no right-to-left letter at all (a French text a translation lacks, a
  site's name) is one left-to-right isolate inside the right-to-left paragraph.

Guillemets, brackets and the punctuation around a run stay outside it, in the
sentence's direction, so they mirror as Arabic and Persian write them. Isolates
already in a text are kept as they are: applying this twice changes nothing.
Left-to-right languages get their text back unchanged.
"""

from __future__ import annotations

import re
import unicodedata

LRM = "\u200e"  # LEFT-TO-RIGHT MARK (not inserted here; named for the readers of these texts)
RLM = "\u200f"  # RIGHT-TO-LEFT MARK: opens every right-to-left paragraph
LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE: opens a left-to-right run
RLI = "\u2067"  # RIGHT-TO-LEFT ISOLATE
FSI = "\u2068"  # FIRST STRONG ISOLATE: opens a placeholder
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE: closes any of the three
ISOLATE_OPENERS = frozenset((LRI, RLI, FSI))
DIRECTION_MARKS = frozenset((LRM, RLM, LRI, RLI, FSI, PDI))

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[!:][^{}]*)?\}")
_LINE_BREAKS = frozenset("\n\u2028\u2029")
_STRONG_RTL = frozenset(("R", "AL"))
_LTR_UNITS = frozenset(("L", "EN", "AN"))  # Latin (and other left-to-right) letters, digits
_DIGITS = frozenset(("EN", "AN"))
_SIGNS = frozenset(("ES", "ET"))  # + - before a number; € % ° $ after it
_OPENING = {"(": ")", "[": "]"}
# Quotation marks stay in the sentence's direction (they mirror as Arabic writes them),
# so a run never crosses one; nor does Arabic punctuation (« 12، 13 » is a list, read
# right to left), save the Arabic decimal and group separators, which are inside numbers.
_QUOTES = frozenset('«»"“”„\u2039\u203a')  # the last two: single angle quotation marks
_NUMBER_SEPARATORS = frozenset("\u066b\u066c")
# Arabic; its supplement and extended-A/B; its presentation forms A and B.
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _ends_run(char: str) -> bool:
    if char in _QUOTES:
        return True
    code = ord(char)
    arabic_block = any(first <= code <= last for first, last in _ARABIC_BLOCKS)
    return arabic_block and char not in _NUMBER_SEPARATORS


def _direction(char: str) -> str:
    return unicodedata.bidirectional(char)


def has_right_to_left_letter(text: str) -> bool:
    """True when ``text`` holds an Arabic or Hebrew-script letter outside its isolates."""
    depth = 0
    for char in text:
        if char in ISOLATE_OPENERS:
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif depth == 0 and _direction(char) in _STRONG_RTL:
            return True
    return False


def left_to_right(text: str) -> str:
    """``text`` as one left-to-right isolate: a French text that keeps its order anywhere
    (a simulated site's button inside the mirrored kiosk, a value to copy)."""
    if not text or (text.startswith(LRI) and text.endswith(PDI)):
        return text
    return f"{LRI}{text}{PDI}"


def strip_marks(text: str) -> str:
    """``text`` without the direction marks and isolates this module inserts."""
    return "".join(char for char in text if char not in DIRECTION_MARKS)


def _isolate_end(text: str, start: int) -> int:
    """The index just past the PDI matching the isolate opened at ``start`` (or the end)."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in ISOLATE_OPENERS:
            depth += 1
        elif text[index] == PDI:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _starts_run(text: str, index: int) -> bool:
    kind = _direction(text[index])
    if kind in _LTR_UNITS:
        return True
    # A sign is part of the number it leads: « +33 6 … », « -5 », « €12 ».
    return kind in _SIGNS and index + 1 < len(text) and _direction(text[index + 1]) in _DIGITS


def _run_end(text: str, start: int) -> int:
    """The index just past the left-to-right run starting at ``start``."""
    last = start  # the last letter or digit of the run
    index = start
    while index < len(text):
        char = text[index]
        if char in _LINE_BREAKS or char in ISOLATE_OPENERS or char in (PDI, "{"):
            break
        kind = _direction(char)
        if kind in _LTR_UNITS:
            last = index
        elif kind in _STRONG_RTL or kind in ("B", "S") or _ends_run(char):
            break
        index += 1
    end = last + 1
    # Marks on the last letter, then what belongs to a number: « 12,50 € », « 20 % ».
    while end < len(text) and _direction(text[end]) in ("NSM", "BN") and text[end] not in DIRECTION_MARKS:
        end += 1
    if _direction(text[last]) in _DIGITS:
        probe = end
        while probe < len(text) and text[probe] in " \u00a0\u202f":
            probe += 1
        if probe < len(text) and _direction(text[probe]) == "ET":
            end = probe + 1
    # A bracket opened inside the run is closed inside it, or it would mirror alone.
    run = text[start:end]
    for opening, closing in _OPENING.items():
        missing = run.count(opening) - run.count(closing)
        while missing > 0 and end < len(text) and text[end] == closing:
            end += 1
            missing -= 1
    return end


def _isolate_runs(text: str, placeholders: bool) -> str:
    pieces: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in ISOLATE_OPENERS:  # already isolated: kept whole
            end = _isolate_end(text, index)
            pieces.append(text[index:end])
            index = end
            continue
        if char == "{" and placeholders:
            match = _PLACEHOLDER.match(text, index)
            if match is not None:
                pieces.append(f"{FSI}{match.group()}{PDI}")
                index = match.end()
                continue
        if _starts_run(text, index):
            end = _run_end(text, index)
            pieces.append(f"{LRI}{text[index:end]}{PDI}")
            index = end
            continue
        pieces.append(char)
        index += 1
    return "".join(pieces)


def _isolate_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(lambda match: f"{FSI}{match.group()}{PDI}", text)


def _line(text: str, placeholders: bool) -> str:
    """One line, opened by an RLM, its left-to-right runs isolated."""
    if not text:
        return text
    if has_right_to_left_letter(text):
        body = _isolate_runs(text, placeholders)
    else:
        # No Arabic or Persian letter: a French text (or a value) kept whole, left to right.
        inner = _isolate_placeholders(text) if placeholders else text
        body = inner if inner.startswith(LRI) and inner.endswith(PDI) else left_to_right(inner)
    return body if body.startswith(RLM) else RLM + body


def right_to_left(text: str, placeholders: bool = False) -> str:
    """``text`` as it is shown in a right-to-left language (see the module's docstring).

    ``placeholders``: ``text`` is a sentence still to be formatted, whose ``{names}``
    are isolated for what will replace them. Each line is a paragraph of its own.
    """
    parts = re.split(r"([\n\u2028\u2029])", text)
    return "".join(part if part in _LINE_BREAKS else _line(part, placeholders) for part in parts)


def shown(text: str, rtl: bool, placeholders: bool = False) -> str:
    """``text`` ready to be shown in a language written right to left (``rtl``) or not."""
    return right_to_left(text, placeholders) if rtl else text
