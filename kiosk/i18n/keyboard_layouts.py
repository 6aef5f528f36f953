"""The on-screen keyboard's layouts: rows of keys for each language the kiosk speaks.

Plain data, no Qt. French is AZERTY; the other Latin-script languages are QWERTY
(Turkish Q) with their own letters on an extra row; Arabic and Persian follow their
standard layouts, Russian and Ukrainian ЙЦУКЕН. Every layout can switch to the
French one (for e-mail addresses and web addresses) and to digits and symbols.

``Typing`` says what a field takes, and ``layouts_for`` which keys it opens on: digits for
numbers and codes, the French letters for what French sites only take in Latin letters
(e-mail addresses, passwords), the person's own letters for free text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Layout:
    code: str
    name: str  # shown on the key that switches to this layout
    rows: tuple[str, ...]
    right_to_left: bool = False  # its script is written right to left (its keys keep their places)
    has_case: bool = True


LATIN_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")

# Three rows of letters at most (with the language's own letters at the row ends), so that
# the keyboard leaves room above it on a 768-pixel-high screen.
LAYOUTS: dict[str, Layout] = {
    "fr": Layout("fr", "AZERTY", ("azertyuiopê", "qsdfghjklmô", "wxcvbnéèàçù")),
    "en": Layout("en", "QWERTY", LATIN_QWERTY),
    "es": Layout("es", "QWERTY", ("qwertyuiopá", "asdfghjklñé", "zxcvbnmíóúü")),
    "pt": Layout("pt", "QWERTY", ("qwertyuiopáâ", "asdfghjklçéê", "zxcvbnmãõíóú")),
    "ro": Layout("ro", "QWERTY", ("qwertyuiopă", "asdfghjklșț", "zxcvbnmâî")),
    "tr": Layout("tr", "Türkçe Q", ("qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç")),
    "ru": Layout("ru", "ЙЦУКЕН", ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё")),
    "uk": Layout("uk", "ЙЦУКЕН", ("йцукенгшщзхї", "фівапролджє", "ячсмитьбюґ'")),
    "ar": Layout("ar", "عربي", ("ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظذ"), True, False),
    "fa": Layout("fa", "فارسی", ("ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپوژ"), True, False),
}

SYMBOLS = Layout("123", "123", ("1234567890", "@.-_/:+'\"", "?!,;()€%&*#"), has_case=False)
SHORTCUTS = (".fr", ".com", "@")  # typed whole: e-mail and web addresses


def layout_for(language: str) -> Layout:
    """The layout of a language (French AZERTY when the language has none of its own)."""
    return LAYOUTS.get(language, LAYOUTS["fr"])


class Typing(StrEnum):
    """What a field takes, so that the keyboard opens on the keys it needs."""

    LETTERS = "letters"  # free text: the person's own alphabet
    FRENCH = "french"  # e-mail addresses, passwords, captchas: French sites take Latin letters only
    DIGITS = "digits"  # numbers and codes (a social security number, a phone, a date, an amount)


def layouts_for(language: str, typing: Typing) -> tuple[Layout, Layout]:
    """The layout a field opens on, and the letters the « ABC » key of the digits goes back to.

    A number typed on a French site may hold Latin letters (an IBAN's « FR », Corsica's
    « 2A », a France Travail identifier's last letter): from its digits, « ABC » leads to
    the French letters, never to Arabic or Cyrillic ones the site would refuse.
    """
    if typing is Typing.DIGITS:
        return SYMBOLS, LAYOUTS["fr"]
    letters = LAYOUTS["fr"] if typing is Typing.FRENCH else layout_for(language)
    return letters, letters
