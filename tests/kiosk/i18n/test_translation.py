from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale, numbers
from babel.messages.pofile import read_po

from kiosk.i18n import bidi, translation
from kiosk.i18n.catalogs import compile_catalogs, untranslated_count

LOCALES = Path(__file__).resolve().parents[3] / "locales"


def test_right_to_left_agrees_with_babel_for_every_language() -> None:
    assert translation.is_rtl("ar") and translation.is_rtl("fa")
    for language in translation.LANGUAGES:
        babel_rtl = Locale.parse(language.code).text_direction == "rtl"
        assert translation.is_rtl(language.code) == babel_rtl, language


def test_ten_languages_each_named_in_its_own_script() -> None:
    codes = [language.code for language in translation.LANGUAGES]
    assert codes == ["fr", "en", "ar", "es", "pt", "ro", "tr", "uk", "ru", "fa"]
    assert translation.language("ar").native_name == "العربية"
    with pytest.raises(ValueError):
        translation.language("xx")


def test_only_complete_catalogs_are_offered(tmp_path: Path) -> None:
    for lang, complete in (("en", True), ("es", False)):
        for domain in translation.DOMAINS:
            folder = tmp_path / "src" / lang / "LC_MESSAGES"
            folder.mkdir(parents=True, exist_ok=True)
            msgstr = 'msgstr "Hello"' if complete else 'msgstr ""'
            header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            (folder / f"{domain}.po").write_text(f'{header}msgid "Bonjour"\n{msgstr}\n')
    report = compile_catalogs(tmp_path / "src", tmp_path / "out")
    assert len(report.compiled) == 2 and len(report.incomplete) == 2
    offered = [language.code for language in translation.offered_languages(tmp_path / "out")]
    assert offered == ["fr", "en"]


def test_shipped_catalogs_are_complete_and_offered() -> None:
    offered = {language.code for language in translation.offered_languages()}
    for po_path in LOCALES.glob("*/LC_MESSAGES/*.po"):
        with po_path.open("rb") as handle:
            assert untranslated_count(read_po(handle)) == 0, po_path
        assert po_path.parent.parent.name in offered


def test_shipped_translations_keep_their_placeholders() -> None:
    for po_path in LOCALES.glob("*/LC_MESSAGES/*.po"):
        with po_path.open("rb") as handle:
            for message in read_po(handle):
                if message.id:
                    found = translation.placeholders(message.string)
                    assert found == translation.placeholders(message.id), message.id


def test_a_translation_with_wrong_placeholders_falls_back_to_french(tmp_path: Path) -> None:
    folder = tmp_path / "src" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    body = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Étape {number} sur {total}"\nmsgstr "Step {numbr} of {total}"\n\n'
        'msgid "Aide"\nmsgstr "Help"\n'
    )
    (folder / "kiosk.po").write_text(body)
    compile_catalogs(tmp_path / "src", tmp_path / "out")
    translator = translation.Translator("en", tmp_path / "out")
    assert translator.translate("Aide") == "Help"
    assert translator.translate("Étape {number} sur {total}") == "Étape {number} sur {total}"


def test_switching_language_translates_interface_and_content() -> None:
    try:
        translation.set_language("en")
        assert translation._("Aide") == "Help"
        assert translation.content("Ouvrez l'actualisation") != ""
        assert translation.active_language() == "en"
    finally:
        translation.set_language("fr")
    assert translation._("Aide") == "Aide"


def test_dates_and_numbers_follow_the_language() -> None:
    try:
        assert translation.format_date("2026-11-23") == "23 novembre 2026"
        # a narrow no-break space, as French writes it
        assert translation.format_number(1234.5) == "1\u202f234,5"
        translation.set_language("en")
        assert (translation.format_date("2026-11-23"), translation.format_number(1234.5)) == (
            "November 23, 2026",
            "1,234.5",
        )
        assert translation.format_date("not a date") == "not a date"
    finally:
        translation.set_language("fr")


def test_small_counts_are_written_as_babel_writes_them_in_every_language() -> None:
    try:
        for language in translation.LANGUAGES:
            translation.set_language(language.code)
            for value in (0, 7, 42, 999):
                assert translation.format_number(value) == numbers.format_decimal(value, locale=language.code)
            # Past the fast path the groups are isolated in right-to-left (bidi.left_to_right).
            assert bidi.strip_marks(translation.format_number(1000)) == numbers.format_decimal(
                1000, locale=language.code
            )
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)
