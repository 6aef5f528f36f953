"""The narrator racing the end of a visit, with the real espeak-ng engine: no personal audio outlives it.

The resume code is read out as personal speech; its audio goes into the cache's
personal folder, which the end of a visit empties. Synthesis runs on the narrator's
thread, so the visit can end at any moment of it: before a sentence starts, while
espeak-ng writes it, or just as it is put into the cache.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from voice.audio_cache import AudioCache
from voice.narrator import Narrator, SpeechRequest, Utterance
from voice.recordings import VoicePack
from voice.synthesizer import EspeakSynthesizer

RUNS = 50
WELCOME = SpeechRequest(("Bonjour, touchez l'écran pour commencer.",), "fr")


def code_screen(run: int) -> SpeechRequest:
    """What the "kept" screen reads out: the code twice, between its title and how to use it."""
    digits = ", ".join(f"{(run * 7919 + 104729) % 1_000_000:06d}")
    texts = ("Votre code pour revenir.", digits, digits, "Notez-le.", "Il est valable trente jours.")
    return SpeechRequest(texts, "fr", personal=True)


def left_behind(cache: AudioCache) -> list[Path]:
    """Personal audio still on disk: in the personal folder, or half-way there (a scratch file)."""
    personal = cache.folder / "personal"
    files = list(personal.iterdir()) if personal.exists() else []
    return files + list(cache.folder.glob(".*.tmp.wav"))


class Listener:
    """The speaker's side of the narrator: which requests were fully prepared, and any failure."""

    def __init__(self) -> None:
        self.done: set[int] = set()
        self.failures: list[str] = []
        self._changed = threading.Condition()

    def ready(self, utterance: Utterance) -> None:
        pass  # nothing is played here: only what stays on disk matters

    def finished(self, generation: int) -> None:
        with self._changed:
            self.done.add(generation)
            self._changed.notify_all()

    def failed(self, reason: str) -> None:
        self.failures.append(reason)

    def wait_for(self, generation: int, timeout: float = 20) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: generation in self.done, timeout)


def test_no_personal_audio_outlives_a_visit_whenever_it_ends(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "voice-cache")
    listener = Listener()
    narrator = Narrator(
        EspeakSynthesizer(), cache, VoicePack(None), listener.ready, listener.finished, listener.failed
    )
    try:
        assert listener.wait_for(narrator.say(WELCOME)), "the engine does not start"
        started = time.monotonic()
        assert listener.wait_for(narrator.say(code_screen(RUNS)))
        whole = time.monotonic() - started  # how long the code screen takes to prepare
        cache.forget_personal()

        leaks = []
        for run in range(RUNS):
            narrator.say(code_screen(run))
            time.sleep(whole * run / RUNS)  # the visit ends at a different moment of the synthesis each time
            cache.forget_personal()  # the visit ends (QtSpeaker.forget_personal, a station end listener)
            # The welcome screen is read out next, as at the end of every visit; once it is ready,
            # the code screen's work is over, whatever it was doing.
            assert listener.wait_for(narrator.say(WELCOME)), f"run {run}: the welcome screen was not prepared"
            if left_behind(cache):
                leaks.append(run)
        assert listener.failures == []
        assert leaks == [], f"personal audio left after {len(leaks)} of {RUNS} visits: runs {leaks}"
    finally:
        narrator.close()
