"""What espeak-ng is given to read, and (with its phonemes) that it then says it right."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from babel.messages.mofile import read_mo

from kiosk.i18n import translation
from voice import lexicon as lexicon_module
from voice.lexicon import lexicon_problems, speakable, unvowelled
from voice.sentences import split_sentences


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Appelez le 3949.", "Appelez le 39 49."),
        ("Par téléphone : 0 809 401 401.", "Par téléphone : 08 09 40 14 01."),
        ("Au 01 02 03 04 05 ou au 33 700.", "Au 01 02 03 04 05 ou au 33 700."),
        (
            "Sur https://www.caf.fr/allocataires, touchez « Mon Compte ».",
            "Sur caf point fr, touchez Mon Compte.",
        ),
        ("Écrivez à marie.dupont@exemple.fr", "Écrivez à marie point dupont arobase exemple point fr"),
        ("Le RSA et l'APL.", "Le èr èss a et l'a pé èl."),
        ("Le site ameli et FranceConnect.", "Le site amélie et France Connect."),
        ("En 2026, 13 chiffres, 120 secondes.", "En 2026, 13 chiffres, 120 secondes."),
        # A social security number or an IBAN is not cut into a phone number's pairs.
        ("Le 2 86 03 75 112 047 02.", "Le 2 86 03 75 112 047 02."),
        ("FR76 9999 9000 0112 3456 7890 152", "FR76 9999 9000 0112 3456 7890 152"),
        ("Le 1 38 12 44 et le \u20660 809 401 401\u2069.", "Le 1 38 12 44 et le 08 09 40 14 01."),
    ],
)
def test_french_text_is_made_speakable(written: str, said: str) -> None:
    assert speakable(written, "fr") == said


def test_each_language_has_its_own_words_for_addresses() -> None:
    assert (
        speakable("Go to caf.fr or write to a.b@c.fr", "en")
        == "Go to caf dot fr or write to a dot b at c dot fr"
    )
    assert speakable("ameli", "en") == "ah-meh-lee"
    assert (
        speakable("Text in a language without a lexicon, 3949.", "ro")
        == "Text in a language without a lexicon, 39 49."
    )


def test_words_are_replaced_whole_only() -> None:
    assert speakable("RSAs et XRSA", "fr") == "RSAs et XRSA"


def test_sentences_are_cut_at_their_ends_but_not_inside_addresses() -> None:
    assert split_sentences("Allez sur caf.fr. Puis touchez « OK » ! Ensuite : attendez…  Fin") == [
        "Allez sur caf.fr.",
        "Puis touchez « OK » !",
        "Ensuite :",
        "attendez…",
        "Fin",
    ]


def _phonemes(text: str, voice: str) -> str:
    return subprocess.run(
        ["espeak-ng", "-v", voice, "-q", "-x", text], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="the espeak-ng command is not installed")
@pytest.mark.parametrize(
    ("written", "wrong", "right"),
    [
        ("APL", "(en)", "a p'e 'El"),  # read as the English word "apple" without the lexicon
        ("RSA", "rs'a", "'Er 'Es 'a"),  # one word without it; three letters with it
        ("3949", "mil", "trA~tn'Wf karA~tn'Wf"),  # "three thousand…" without it; "39 49" with it
        ("e-mail", "(en)", "im'El"),  # switches to an English voice without it
    ],
)
def test_espeak_says_the_french_lexicon_right(written: str, wrong: str, right: str) -> None:
    assert wrong in _phonemes(written, "fr")
    assert _phonemes(speakable(written, "fr"), "fr") == right


def test_the_lexicons_of_an_installed_kiosk_are_all_there() -> None:
    assert lexicon_problems(["fr", "en", "ar", "es", "pt", "ro", "tr", "uk", "ru", "fa"]) == []


def test_a_missing_lexicon_file_is_an_error_never_a_silent_fallback(
    lexicons_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (lexicons_copy / "fr.yaml").unlink()
    (problem,) = lexicon_problems(["fr", "en"])
    assert str(lexicons_copy / "fr.yaml") in problem
    with caplog.at_level(logging.ERROR, logger="voice.lexicon"):
        assert speakable("Le RSA.", "fr") == "Le RSA.", "the kiosk still speaks, the word as written"
    assert [r.levelno for r in caplog.records] == [logging.ERROR] and "fr.yaml" in caplog.text
    assert speakable("ameli", "en") == "ah-meh-lee", "the other languages keep theirs"


def test_a_missing_lexicon_folder_is_one_error_for_every_language(lexicons_copy: Path) -> None:
    shutil.rmtree(lexicons_copy)
    (problem,) = lexicon_problems(["fr", "en"])
    assert str(lexicons_copy) in problem and "every language" in problem


def test_an_unreadable_lexicon_is_an_error_and_the_voice_still_speaks(
    lexicons_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (lexicons_copy / "fr.yaml").write_text("words: [RSA, APL\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="voice.lexicon"):
        assert speakable("Le RSA au 3949.", "fr") == "Le RSA au 39 49."
    assert "fr.yaml" in caplog.text


def _arabic_texts_shown() -> set[str]:
    """Every Arabic text of the kiosk's compiled catalogs (interface and procedures)."""
    folder = Path(translation.__file__).parent / "locale" / "ar" / "LC_MESSAGES"
    shown: set[str] = set()
    for catalog in folder.glob("*.mo"):
        with catalog.open("rb") as file:
            shown |= {str(message.string) for message in read_mo(file) if isinstance(message.string, str)}
    return shown


def test_every_arabic_spoken_form_is_a_shown_text_with_vowel_marks_only() -> None:
    written = yaml.safe_load((lexicon_module.LEXICON_DIR / "ar.yaml").read_text(encoding="utf-8"))["spoken"]
    forms = lexicon_module.lexicon("ar").spoken
    assert len(forms) == len(written) >= 10, "an entry was refused: see the log"
    assert set(forms) - _arabic_texts_shown() == set(), "a spoken form of a text the kiosk never shows"
    for shown, said in forms.items():
        assert said != shown and unvowelled(said) == unvowelled(shown)


def test_a_spoken_form_that_changes_a_letter_is_refused(
    lexicons_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (lexicons_copy / "ar.yaml").write_text(
        'spoken:\n  "حقوق الأجانب": "حُقُوق الأَجَانِب"\n  "أنا عالق": "أَنَا عَاشِق"\n', encoding="utf-8"
    )
    with caplog.at_level(logging.ERROR, logger="voice.lexicon"):
        forms = lexicon_module.lexicon("ar").spoken
    assert forms == {"حقوق الأجانب": "حُقُوق الأَجَانِب"}
    assert "أنا عالق" in caplog.text and "changes letters" in caplog.text
    assert speakable("أنا عالق", "ar") == "أنا عالق", "read as shown, never as the wrong form"
