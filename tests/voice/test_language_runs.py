"""Each run of a sentence in its own voice, checked by the phonemes of the real espeak-ng engine.

What the narrator gives the engine is taken from the narrator itself (the real worker
synthesizes it), then read back with ``espeak-ng -x``: the phonemes say which voice
reads what, and where the pauses fall.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from kiosk.content.practice_person import PRACTICE_PERSON
from kiosk.i18n import translation
from tests.voice.test_narrator import Listener
from tests.voice.test_synthesis import measure
from voice.audio_cache import AudioCache
from voice.language_runs import Run, espeak_markup, language_runs
from voice.narrator import Narrator, SpeechRequest, Utterance
from voice.recordings import VoicePack
from voice.synthesizer import EspeakSynthesizer

SIMULATION_STEP = (
    "Sur le site de la CAF, ouvrez la page de la prime d'activité. "
    "Touchez « Faire une simulation ». Répondez aux questions."
)
FRENCH_BUTTON = "f'Er yn simylasj'O~"  # « Faire une simulation » said by the French voice
FRENCH_NAME = "pr'im daktivit'e"  # « prime d'activité » said by the French voice
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


class HeardByEspeak(EspeakSynthesizer):
    """The real engine, noting what the narrator gives it to read."""

    def __init__(self) -> None:
        super().__init__(timeout_s=10)
        self.given: list[tuple[str, str, bool]] = []

    def synthesize(self, text: str, voice: str, rate: int, out: Path, ssml: bool = False) -> None:
        self.given.append((text, voice, ssml))
        super().synthesize(text, voice, rate, out, ssml)


class Voice:
    """A narrator on the real engine, and what it gave the engine for each request."""

    def __init__(self, folder: Path) -> None:
        self.engine = HeardByEspeak()
        self.listener = Listener()
        self.heard: list[Utterance] = []
        self.narrator = Narrator(
            self.engine,
            AudioCache(folder),
            VoicePack(None),
            self.heard.append,
            self.listener.finished,
            self.listener.failed,
        )

    def read(self, text: str, language: str) -> list[tuple[str, str, bool]]:
        """What the engine was given for ``text`` read in ``language``, sentence by sentence."""
        self.engine.given.clear()
        self.heard.clear()
        assert self.listener.wait_for(self.narrator.say(SpeechRequest((text,), language)))
        assert self.listener.failures == []
        return list(self.engine.given)

    def phonemes(self, text: str, language: str) -> list[str]:
        """The phonemes espeak-ng says for ``text`` in ``language``, one line per clause or voice run."""
        lines = []
        for given, voice, ssml in self.read(text, language):
            lines += phonemes(given, voice, ssml)
        return lines


def phonemes(text: str, voice: str, ssml: bool = False) -> list[str]:
    command = ["espeak-ng", "-v", voice, "-q", "-x", *(["-m"] if ssml else []), text]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Voice]:
    spoken = Voice(tmp_path_factory.mktemp("voice-cache"))
    yield spoken
    spoken.narrator.close()


@pytest.mark.parametrize("language", ["fa", "ar", "uk", "ru"])
def test_the_french_button_and_name_are_said_by_the_french_voice(voice: Voice, language: str) -> None:
    step = translation.Translator(language).translate(SIMULATION_STEP, "procedures")
    assert "« Faire une simulation »" in step and "prime d'activité" in step, "the step is not translated so"
    said = " ".join(voice.phonemes(step, language))
    assert FRENCH_BUTTON in said, said
    assert FRENCH_NAME in said, said
    assert "(en)" not in said, f"the English voice still reads a part: {said}"
    assert all(measure(utterance.audio)[1] > 0.02 for utterance in voice.heard), "a sentence is silent"


def test_the_persons_own_words_stay_in_their_voice_and_quotes_are_not_said() -> None:
    assert language_runs("Нажмите «Далее», затем « Faire une simulation ».", "ru") == [
        Run("Нажмите Далее, затем", "ru"),
        Run("Faire une simulation", "fr"),
        Run(".", "ru"),
    ]
    # A language written in Latin letters keeps one voice: « … » may hold a translated label there.
    assert language_runs("Touch « Faire une simulation ».", "en") == [
        Run("Touch Faire une simulation.", "en")
    ]


def test_a_french_acronym_is_said_by_the_french_voice_with_the_french_lexicon(voice: Voice) -> None:
    said = " ".join(voice.phonemes("برای « RSA » درخواست دهید.", "fa"))
    assert "'Er 'Es 'a" in said and "(en)" not in said, said


@pytest.mark.parametrize("language", ["fr", "fa", "ar", "ru"])
def test_a_number_to_copy_is_read_group_by_group_in_the_persons_language(voice: Voice, language: str) -> None:
    nir = PRACTICE_PERSON.nir
    groups = nir.split(" ")
    # As the « Montrez-moi » panel shows it: in a right-to-left text, an isolate keeps it left to right.
    example = f"\u2066{nir}\u2069" if translation.is_rtl(language) else nir
    shown = translation.Translator(language).translate("Exemple : {example}").format(example=example)
    said = voice.phonemes(shown, language)
    own_voice = translation.language(language).espeak_voice
    # One line per group, each the group said alone in the person's voice. espeak-ng 1.51 says a
    # few Arabic numbers (the forties) with a stray phoneme that changes from run to run, so each
    # line is compared closely, not letter for letter.
    alone = [" ".join(phonemes(group, own_voice)) for group in groups]
    assert len(said) == len(groups) + 1, said  # the label, then the groups apart
    close = [
        SequenceMatcher(None, line, group).ratio() > 0.85 for line, group in zip(said[1:], alone, strict=True)
    ]
    assert all(close), (said, alone)


def test_bidirectional_controls_are_never_given_to_the_engine(voice: Voice) -> None:
    marked = (
        "\u2067در سایت \u2068CAF\u2069، « \u2066Faire une simulation\u2069 » را لمس کنید\u200f: "
        "\u2066\u200e06 12 34 56 78\u200e\u2069\u2069"
    )
    given = voice.read(marked, "fa")
    assert given and not any(control in text for text, _, _ in given for control in BIDI_CONTROLS), given
    plain = "در سایت CAF، « Faire une simulation » را لمس کنید: 06 12 34 56 78"
    assert voice.phonemes(marked, "fa") == voice.phonemes(plain, "fa")


@pytest.mark.parametrize(
    ("shown", "bare", "vowelled"),
    [
        ("حقوق الأجانب", "Hqwq ?al?dZ'a:mb", "H'uqu:q ?al?adZ'a:nib"),  # a home screen tile
        ("هل ما زلت هنا؟", "zlt", "z'ilt"),  # "are you still there?" before a visit ends
        ("ماذا يحدث؟", "jHdT", "j'aHduT"),
    ],
)
def test_an_arabic_text_is_read_from_its_vowelled_form(
    voice: Voice, shown: str, bare: str, vowelled: str
) -> None:
    assert bare in " ".join(phonemes(shown, "sem/ar")), (
        "espeak-ng now reads the bare text right: drop the form?"
    )
    said = " ".join(voice.phonemes(f"\u2067{shown}\u2069", "ar"))
    assert vowelled in said and bare not in said, said


@pytest.fixture
def shown_in() -> Iterator[Callable[[str], list[str]]]:
    """Every text of both catalogs of a language, as the screens show it (``_()``, ``content()``)."""

    def texts(code: str) -> list[str]:
        translation.set_language(code)
        shown = []
        for domain, shown_as in (("kiosk", translation._), ("procedures", translation.content)):
            path = Path(translation.__file__).parent / "locale" / code / "LC_MESSAGES" / f"{domain}.mo"
            with path.open("rb") as file:
                messages = [message.id for message in read_mo(file) if isinstance(message.id, str)]
            shown += [shown_as(message) for message in messages if message]
        return shown

    yield texts
    translation.set_language(translation.SOURCE_LANGUAGE)


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ru"])
def test_every_latin_letter_of_a_catalog_goes_to_the_french_voice_and_no_mark_to_the_engine(
    shown_in: Callable[[str], list[str]], language: str
) -> None:
    """Whatever the screens put around them (RLM, isolates), the catalogs' French words are read in French."""
    texts = shown_in(language)
    assert len(texts) > 300
    in_own_voice = [
        run.text for text in texts for run in language_runs(text, language) if run.language == language
    ]
    # Letters only: the multiplication sign of « 35 x 45 mm » sits in the same block.
    latin_letter = "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
    assert [said for said in in_own_voice if re.search(latin_letter, said)] == []
    said = [espeak_markup(text, language) for text in texts]
    assert [text for text in said if any(control in text for control in BIDI_CONTROLS)] == []
