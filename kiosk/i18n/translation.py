"""Languages the kiosk knows, which ones it offers, and translation of text.

Interface strings are marked with ``N_()`` where they are declared and translated
with ``_()`` when shown, so a change of language re-translates everything in
place. Procedure content is translated through its own gettext domain with
``content()``. A translation whose ``{placeholders}`` differ from the French
source is refused and the French is shown instead of a broken sentence.

What ``_()``, ``content()`` and ``format_number()`` return in Arabic or Persian is
ready to be shown: a right-to-left paragraph whose numbers, codes and French words are
left-to-right isolates, and whose placeholders isolate what replaces them
(``kiosk/i18n/bidi.py`` says which characters are inserted). A value the code writes
into a sentence without a placeholder goes through ``shown()``.
"""

from __future__ import annotations

import gettext
import itertools
import string
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.i18n import bidi

SOURCE_LANGUAGE = "fr"
COMPILED_ROOT = Path(__file__).resolve().parent / "locale"
PACK_COMPILED = "locale"  # a content pack's own translations (``catalogs.compile_pack_catalogs``)


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    greeting: str
    espeak_voice: str
    right_to_left: bool = False


# Each language named and greeting in its own script; no flags (languages are not countries).
LANGUAGES: tuple[Language, ...] = (
    Language("fr", "Français", "Bonjour", "roa/fr"),
    Language("en", "English", "Hello", "gmw/en"),
    Language("ar", "العربية", "مرحبا", "sem/ar", right_to_left=True),
    Language("es", "Español", "Hola", "roa/es"),
    Language("pt", "Português", "Olá", "roa/pt"),
    Language("ro", "Română", "Bună ziua", "roa/ro"),
    Language("tr", "Türkçe", "Merhaba", "trk/tr"),
    Language("uk", "Українська", "Вітаємо", "zle/uk"),
    Language("ru", "Русский", "Здравствуйте", "zle/ru"),
    Language("fa", "فارسی", "سلام", "ira/fa", right_to_left=True),
)
_BY_CODE = {language.code: language for language in LANGUAGES}
DOMAINS = ("kiosk", "procedures")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for extraction; it is translated later, when shown."""
    return message


def language(code: str) -> Language:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown language code: {code!r}") from None


def is_rtl(code: str) -> bool:
    """True for languages written right to left (Arabic, Persian).

    Declared with each language rather than read from Babel's locale data, which
    would cost 80 ms at start-up; a test checks the two agree.
    """
    return language(code).right_to_left


def offered_languages(compiled_root: Path | None = None) -> tuple[Language, ...]:
    """French, then every language whose interface and content catalogs are both compiled
    (under ``compiled_root``, by default the kiosk's own ``locale`` folder).

    The build compiles only complete catalogs, so "compiled" means "complete".
    """
    compiled_root = COMPILED_ROOT if compiled_root is None else compiled_root
    return tuple(
        lang
        for lang in LANGUAGES
        if lang.code == SOURCE_LANGUAGE
        or all((compiled_root / lang.code / "LC_MESSAGES" / f"{domain}.mo").is_file() for domain in DOMAINS)
    )


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a message (empty for plain text)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<malformed>"}


def _pack_layers(code: str, pack_dirs: tuple[Path, ...]) -> list[gettext.GNUTranslations]:
    """The content translations the packs bring for ``code``, the last pack's first."""
    layers = []
    for pack_dir in reversed(pack_dirs):
        path = pack_dir / PACK_COMPILED / code / "LC_MESSAGES" / "procedures.mo"
        try:
            with path.open("rb") as handle:
                layers.append(gettext.GNUTranslations(handle))
        except FileNotFoundError:
            continue
        except (OSError, ValueError, UnicodeDecodeError):  # a broken file: the kiosk's own, then French
            continue
    return layers


class Translator:
    """The interface and content translations of one language.

    Content is looked up in the packs' own translations (the last pack first), then in the
    kiosk's: a pack that corrects a sentence brings its translations with it.
    """

    def __init__(
        self, code: str, compiled_root: Path = COMPILED_ROOT, pack_dirs: tuple[Path, ...] = ()
    ) -> None:
        self.code = code
        known = _BY_CODE.get(code)
        self.right_to_left = known is not None and known.right_to_left
        # What shown() made of each message: 45 µs a text in Persian, paid once per language.
        # Bounded by the catalogs' own messages (interface literals and the packs' texts).
        self._shown: dict[tuple[str, str], str] = {}
        self._domains: dict[str, gettext.NullTranslations] = {}
        for domain in DOMAINS:
            path = compiled_root / code / "LC_MESSAGES" / f"{domain}.mo"
            if code == SOURCE_LANGUAGE or not path.is_file():
                self._domains[domain] = gettext.NullTranslations()
            else:
                with path.open("rb") as handle:
                    self._domains[domain] = gettext.GNUTranslations(handle)
        self._chains: dict[str, list[gettext.NullTranslations]] = {
            domain: [
                *(
                    _pack_layers(code, pack_dirs)
                    if domain == "procedures" and code != SOURCE_LANGUAGE
                    else []
                ),
                self._domains[domain],
            ]
            for domain in DOMAINS
        }
        for domain, chain in self._chains.items():
            for upper, lower in itertools.pairwise(chain):
                upper.add_fallback(lower)
            self._domains[domain] = chain[0]

    def has(self, message: str, domain: str = "kiosk") -> bool:
        """True when a catalog holds a translation of ``message`` (always, for French)."""
        if self.code == SOURCE_LANGUAGE:
            return True
        return any(message in getattr(layer, "_catalog", {}) for layer in self._chains[domain])

    def translate(self, message: str, domain: str = "kiosk") -> str:
        if not message:
            return message
        translated = self._domains[domain].gettext(message)
        if placeholders(translated) != placeholders(message):
            return message
        return translated

    def shown(self, message: str, domain: str = "kiosk") -> str:
        """``translate()``, made ready to be shown in this language's direction (``bidi``)."""
        key = (message, domain)
        if key not in self._shown:
            translated = self.translate(message, domain)
            self._shown[key] = bidi.shown(translated, self.right_to_left, placeholders=True)
        return self._shown[key]


_active = Translator(SOURCE_LANGUAGE)
_pack_dirs: tuple[Path, ...] = ()  # the content packs in use, whose own translations come first


def use_pack_translations(pack_dirs: tuple[Path, ...]) -> None:
    """Take the translations of these packs (the content in use) from the next ``set_language`` on."""
    global _pack_dirs  # noqa: PLW0603 - the content in use is the whole kiosk's, as the language
    _pack_dirs = tuple(pack_dirs)


def set_language(code: str, compiled_root: Path = COMPILED_ROOT) -> None:
    """Make ``code`` the language of everything shown from now on."""
    global _active  # noqa: PLW0603 - one language at a time for the whole kiosk, as gettext's install()
    language(code)
    _active = Translator(code, compiled_root, _pack_dirs)


def active_language() -> str:
    return _active.code


def _(message: str) -> str:
    """Translate an interface string into the active language."""
    return _active.shown(message, "kiosk")


def content(message: str) -> str:
    """Translate a piece of procedure content into the active language."""
    return _active.shown(message, "procedures")


def shown(text: str) -> str:
    """A text the code composed (a label and a value, a site's name), ready to be shown in
    the active language: in Arabic or Persian its numbers, codes and French words are
    isolated left-to-right runs in a right-to-left paragraph. Applying it twice changes
    nothing, so a sentence already translated can go through it again."""
    return bidi.shown(text, _active.right_to_left)


def format_date(iso_date: str) -> str:
    """A date written YYYY-MM-DD, as people write it in the active language ("23 novembre 2026")."""
    try:
        day = date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    from babel import dates  # loaded when first needed: 11 ms less before the welcome screen paints

    return str(dates.format_date(day, format="long", locale=_active.code))


def format_number(value: float) -> str:
    """A number with the active language's digits and separators.

    A count under 1000 is written the same in every language offered (Latin digits,
    no separator), so it skips loading the language's number data (20 ms the
    first time, inside a touch); a test checks the two agree.
    """
    if isinstance(value, int) and 0 <= value < 1000:  # noqa: PLR2004 below a thousand, no group separator
        return str(value)
    from babel import numbers  # loaded when first needed, as dates are

    written = str(numbers.format_decimal(value, locale=_active.code))
    # Its groups keep their order in a right-to-left sentence (« 1 234 », never « 234 1 »).
    return bidi.left_to_right(written) if _active.right_to_left else written
