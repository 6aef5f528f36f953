"""The real espeak-ng engine in its worker process: audible audio in every offered language, and recovery."""

from __future__ import annotations

import array
import math
import os
import signal
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.i18n import translation
from voice.audio_cache import AudioCache
from voice.errors import SpeechUnavailable
from voice.lexicon import speakable
from voice.narrator import Narrator, SpeechRequest, Utterance
from voice.recordings import VoicePack
from voice.synthesizer import NORMAL_RATE, SLOW_RATE, EspeakSynthesizer

SAMPLE = "Touchez l'image qui correspond à votre besoin."  # read in each language as the kiosk shows it


def measure(path: Path) -> tuple[float, float]:
    """Duration in seconds and RMS level (0 to 1) of a 16-bit mono WAV file."""
    with wave.open(str(path), "rb") as audio:
        assert (audio.getnchannels(), audio.getsampwidth()) == (1, 2)
        frames = audio.readframes(audio.getnframes())
        duration = audio.getnframes() / audio.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / max(1, len(samples))) / 32768
    return duration, rms


@pytest.fixture
def synthesizer() -> Iterator[EspeakSynthesizer]:
    engine = EspeakSynthesizer(timeout_s=5)
    yield engine
    engine.close()


@pytest.mark.parametrize("language", [language.code for language in translation.offered_languages()])
def test_every_offered_language_gives_audible_speech_of_a_plausible_length(
    synthesizer: EspeakSynthesizer, language: str, tmp_path: Path
) -> None:
    text = translation.Translator(language).translate(SAMPLE)
    assert language == "fr" or text != SAMPLE, "the sample is not translated"
    words = len(text.split())
    out = tmp_path / "speech.wav"
    voice = translation.language(language).espeak_voice
    synthesizer.synthesize(speakable(text, language), voice, NORMAL_RATE, out)
    duration, rms = measure(out)
    assert words / 4 < duration < words, (duration, words)  # between 1 and 4 words a second
    assert rms > 0.02, "the audio is silent"


def test_slow_speech_takes_longer(synthesizer: EspeakSynthesizer, tmp_path: Path) -> None:
    synthesizer.synthesize(SAMPLE, "roa/fr", NORMAL_RATE, tmp_path / "normal.wav")
    synthesizer.synthesize(SAMPLE, "roa/fr", SLOW_RATE, tmp_path / "slow.wav")
    assert measure(tmp_path / "slow.wav")[0] > 1.25 * measure(tmp_path / "normal.wav")[0]


def test_an_unknown_voice_is_refused_rather_than_read_in_english(
    synthesizer: EspeakSynthesizer, tmp_path: Path
) -> None:
    with pytest.raises(SpeechUnavailable, match="no espeak-ng voice"):
        synthesizer.synthesize("Bonjour", "xx/none", NORMAL_RATE, tmp_path / "x.wav")


def test_a_killed_worker_is_restarted(synthesizer: EspeakSynthesizer, tmp_path: Path) -> None:
    synthesizer.synthesize("Un.", "roa/fr", NORMAL_RATE, tmp_path / "1.wav")
    first = synthesizer.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    synthesizer.synthesize("Deux.", "roa/fr", NORMAL_RATE, tmp_path / "2.wav")
    assert synthesizer.pid not in (None, first) and synthesizer.restarts == 1
    assert measure(tmp_path / "2.wav")[1] > 0.02


def test_a_worker_that_died_with_a_request_on_its_way_is_replaced(
    synthesizer: EspeakSynthesizer, tmp_path: Path
) -> None:
    """The worker dies just as a request is written: what is left in the pipe's buffer cannot be sent."""
    synthesizer.synthesize("Un.", "roa/fr", NORMAL_RATE, tmp_path / "1.wav")
    dead = synthesizer._process
    assert dead is not None and dead.stdin is not None
    os.kill(dead.pid, signal.SIGKILL)
    os.waitid(os.P_PID, dead.pid, os.WEXITED | os.WNOWAIT)  # dead (its end of the pipe closed), not reaped
    dead.stdin.write('{"id": 0, "text": "never read"}\n')  # still in the buffer: its flush will fail
    synthesizer.synthesize("Deux.", "roa/fr", NORMAL_RATE, tmp_path / "2.wav")
    assert synthesizer.pid not in (None, dead.pid) and measure(tmp_path / "2.wav")[1] > 0.02


def test_a_hung_worker_is_killed_and_replaced(tmp_path: Path) -> None:
    engine = EspeakSynthesizer(timeout_s=1)
    try:
        engine.synthesize("Un.", "roa/fr", NORMAL_RATE, tmp_path / "1.wav")
        hung = engine.pid
        assert hung is not None
        os.kill(hung, signal.SIGSTOP)
        engine.synthesize("Deux.", "roa/fr", NORMAL_RATE, tmp_path / "2.wav")
        assert engine.pid not in (None, hung) and engine.restarts == 1
    finally:
        engine.close()


def test_the_cache_is_bounded_and_forgets_personal_texts(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "cache", max_bytes=2500)
    for index in range(5):
        scratch = cache.scratch(f"k{index}")
        scratch.write_bytes(b"x" * 1000)
        cache.put(f"k{index}", scratch)
    assert cache.size() <= 2500
    assert cache.get("k4") is not None and cache.get("k0") is None
    personal = cache.scratch("p")
    personal.write_bytes(b"secret")
    cache.put("p", personal, personal=True)
    assert cache.get("p", personal=True) is not None
    cache.forget_personal()
    assert cache.get("p", personal=True) is None
    assert not list((tmp_path / "cache").glob("*.tmp.wav"))


def _collect(
    narrator_dir: Path, pack: VoicePack | None = None
) -> tuple[Narrator, list[Utterance], threading.Event]:
    heard: list[Utterance] = []
    done = threading.Event()
    narrator = Narrator(
        EspeakSynthesizer(),
        AudioCache(narrator_dir),
        pack or VoicePack(None),
        heard.append,
        lambda generation: done.set() if generation == narrator.generation else None,
        lambda reason: done.set(),
    )
    return narrator, heard, done


def test_the_narrator_hands_over_sentence_after_sentence_from_the_cache_the_second_time(
    tmp_path: Path,
) -> None:
    narrator, heard, done = _collect(tmp_path)
    try:
        narrator.say(SpeechRequest(("Première phrase. Deuxième phrase.", "Troisième."), "fr"))
        assert done.wait(10)
        assert [u.text for u in heard] == ["Première phrase.", "Deuxième phrase.", "Troisième."]
        first_audio = [u.audio for u in heard]
        heard.clear()
        done.clear()
        narrator.say(SpeechRequest(("Première phrase. Deuxième phrase.", "Troisième."), "fr"))
        assert done.wait(10)
        assert [u.audio for u in heard] == first_audio
    finally:
        narrator.close()


def test_a_new_request_makes_the_old_one_stale(tmp_path: Path) -> None:
    narrator, heard, done = _collect(tmp_path)
    try:
        long_text = " ".join(f"Phrase numéro {n} d'un long texte." for n in range(40))
        old = narrator.say(SpeechRequest((long_text,), "fr"))
        new = narrator.say(SpeechRequest(("Le nouvel écran.",), "fr"))
        assert done.wait(10)
        assert heard[-1].generation == new and heard[-1].text == "Le nouvel écran."
        assert sum(u.generation == old for u in heard) < 40
    finally:
        narrator.close()


def test_a_human_recording_replaces_the_synthesized_voice(tmp_path: Path) -> None:
    folder = tmp_path / "pack" / "fr"
    folder.mkdir(parents=True)
    recording = folder / "bonjour.wav"
    with wave.open(str(recording), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(22050)
        audio.writeframes(b"\x00\x10" * 22050)
    (folder / "index.yaml").write_text(
        '"Bonjour, bienvenue.": bonjour.wav\n"Absent.": absent.wav\n', encoding="utf-8"
    )
    narrator, heard, done = _collect(tmp_path / "cache", VoicePack(tmp_path / "pack"))
    try:
        narrator.say(SpeechRequest(("Bonjour, bienvenue.", "Absent."), "fr"))
        assert done.wait(10)
        assert heard[0].audio == recording
        assert heard[1].audio != recording and heard[1].audio.parent.name == "shared"
    finally:
        narrator.close()


def test_a_recording_is_found_for_a_right_to_left_text_with_its_marks(tmp_path: Path) -> None:
    """The screen's text carries RLM and isolates around its French words; the index as typed has none."""
    folder = tmp_path / "pack" / "fa"
    folder.mkdir(parents=True)
    recording = folder / "caf.wav"
    with wave.open(str(recording), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(22050)
        audio.writeframes(b"\x00\x10" * 22050)
    (folder / "index.yaml").write_text(
        '"در سایت CAF، « Faire une simulation » را لمس کنید.": caf.wav\n', encoding="utf-8"
    )
    shown = "\u200fدر سایت \u2066CAF\u2069، « \u2066Faire une simulation\u2069 » را لمس کنید."
    assert VoicePack(tmp_path / "pack").recording(shown, "fa") == recording


def test_sentence_after_sentence_every_file_holds_audio(
    synthesizer: EspeakSynthesizer, tmp_path: Path
) -> None:
    """pyttsx3's asynchronous driver lost the audio of many sentences in a row; the worker must not."""
    empty = []
    for index in range(60):
        out = tmp_path / f"{index}.wav"
        synthesizer.synthesize(f"Phrase numéro {index}, à lire sans perte.", "roa/fr", NORMAL_RATE, out)
        if measure(out)[1] < 0.02:
            empty.append(index)
    assert empty == []
