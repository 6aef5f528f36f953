"""What espeak-ng is given to read, and (with its phonemes) that it then says it right."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from voice.lexicon import speakable
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
