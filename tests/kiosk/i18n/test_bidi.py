"""Which characters the kiosk inserts for direction, and where (the voice reads them too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.i18n import bidi, translation
from kiosk.i18n.bidi import FSI, LRI, PDI, RLM


@pytest.fixture
def persian() -> Iterator[None]:
    translation.set_language("fa")
    yield
    translation.set_language(translation.SOURCE_LANGUAGE)


def test_a_number_in_groups_is_one_left_to_right_isolate_in_a_right_to_left_paragraph() -> None:
    shown = bidi.right_to_left("مثال : 2 86 03 75 112 047 02")
    assert shown == f"{RLM}مثال : {LRI}2 86 03 75 112 047 02{PDI}"


def test_a_french_label_is_isolated_inside_its_guillemets_which_stay_in_the_sentence() -> None:
    assert bidi.right_to_left("« Faire une demande » (…) را لمس کنید") == (
        f"{RLM}« {LRI}Faire une demande{PDI} » (…) را لمس کنید"
    )
    # Two labels apart in one sentence stay two runs, each in its place.
    assert bidi.right_to_left("« Faire » ثم « une simulation »") == (
        f"{RLM}« {LRI}Faire{PDI} » ثم « {LRI}une simulation{PDI} »"
    )


@pytest.mark.parametrize(
    ("written", "isolated"),
    [
        ("12,50 €", "12,50 €"),  # the amount keeps its currency
        ("20 %", "20 %"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),  # the sign leads the number
        ("FR76 3000 6000 0112 3456 7890 189", "FR76 3000 6000 0112 3456 7890 189"),
        ("camille.martin@exemple.fr", "camille.martin@exemple.fr"),
        ("12 rue des Lilas, 75011 Paris", "12 rue des Lilas, 75011 Paris"),
        ("Numéro (13 chiffres + clé)", "Numéro (13 chiffres + clé)"),  # its bracket closed inside
        ("\u06f1\u06f2\u066b\u06f5", "\u06f1\u06f2\u066b\u06f5"),  # Persian 12.5: one number
    ],
)
def test_codes_amounts_addresses_and_e_mails_are_whole_runs(written: str, isolated: str) -> None:
    assert bidi.right_to_left(f"اینجا {written} است.") == f"{RLM}اینجا {LRI}{isolated}{PDI} است."


def test_punctuation_around_a_run_stays_in_the_sentence() -> None:
    assert bidi.right_to_left("مبلغ (RSA) را بنویسید: caf.fr.") == (
        f"{RLM}مبلغ ({LRI}RSA{PDI}) را بنویسید: {LRI}caf.fr{PDI}."
    )
    # An Arabic comma separates a list: two numbers, read right to left.
    assert bidi.right_to_left("الأرقام 12، 13") == f"{RLM}الأرقام {LRI}12{PDI}، {LRI}13{PDI}"


def test_placeholders_isolate_what_replaces_them() -> None:
    template = bidi.right_to_left("مثال : {example}", placeholders=True)
    assert template == f"{RLM}مثال : {FSI}{{example}}{PDI}"
    assert bidi.right_to_left("{count:d} فایل", placeholders=True) == f"{RLM}{FSI}{{count:d}}{PDI} فایل"
    assert translation.placeholders(template) == {"example"}


def test_a_text_without_a_right_to_left_letter_is_one_isolate_and_each_line_a_paragraph() -> None:
    assert bidi.right_to_left("Mot de passe oublié ?") == f"{RLM}{LRI}Mot de passe oublié ?{PDI}"
    assert bidi.right_to_left("سلام 1\nCAF\n") == f"{RLM}سلام {LRI}1{PDI}\n{RLM}{LRI}CAF{PDI}\n"
    assert bidi.right_to_left("") == ""


@pytest.mark.parametrize(
    "text",
    ["« Faire » ثم « une simulation »", "مثال : {x}", "Bonjour", "a\nب 12", f"قبل {LRI}0 1{PDI} بعد"],
)
def test_applying_it_twice_changes_nothing_and_existing_isolates_are_kept(text: str) -> None:
    once = bidi.right_to_left(text, placeholders=True)
    assert bidi.right_to_left(once, placeholders=True) == once
    assert bidi.strip_marks(once) == bidi.strip_marks(text)


def test_left_to_right_languages_are_untouched_and_site_texts_are_one_isolate() -> None:
    assert bidi.shown("« Faire une demande » 12", rtl=False) == "« Faire une demande » 12"
    assert bidi.left_to_right("Se connecter") == f"{LRI}Se connecter{PDI}"
    assert bidi.left_to_right(bidi.left_to_right("Se connecter")) == f"{LRI}Se connecter{PDI}"


def test_translation_applies_it_in_right_to_left_languages_only(persian: None) -> None:
    step = translation._("Étape {number} sur {total}")
    assert step.startswith(RLM) and f"{FSI}{{number}}{PDI}" in step and f"{FSI}{{total}}{PDI}" in step
    assert translation.format_number(1234) == f"{LRI}{bidi.strip_marks(translation.format_number(1234))}{PDI}"
    assert translation.shown("شماره : 2 86 03") == f"{RLM}شماره : {LRI}2 86 03{PDI}"
    # The Persian step the voice reads with the French voice for « Faire une simulation ».
    step = translation.content(
        "Sur le site de la CAF, ouvrez la page de la prime d'activité. Touchez « Faire une simulation ». "
        "Répondez aux questions."
    )
    assert step.startswith(f"{RLM}در سایت {LRI}CAF{PDI}، صفحه پاداش کار ({LRI}prime d'activité{PDI}) را")
    assert f"« {LRI}Faire une simulation{PDI} » (انجام محاسبه آزمایشی)" in step
    assert step.count(RLM) == 1 and step.count(LRI) == step.count(PDI) == 3
    translation.set_language("ar")
    assert translation.content("Un texte qu'aucun catalogue ne traduit.") == (
        f"{RLM}{LRI}Un texte qu'aucun catalogue ne traduit.{PDI}"
    )
    translation.set_language("en")
    assert translation._("Étape {number} sur {total}") == "Step {number} of {total}"
    assert translation.shown("12 34") == "12 34"
