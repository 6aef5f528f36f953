"""Prepare the audio of what to say, sentence by sentence, on one background thread.

``say`` returns at once; each sentence's audio is handed to ``on_ready`` as soon as it
exists (a human recording, the cache, or the engine), so playback can start after
the first sentence, and ``on_done`` says when the whole request is prepared. A new
``say`` or a ``cancel`` makes everything still pending stale: nothing of an old
screen is ever handed over after that.

Personal speech (a resume code read out) belongs to the visit it was asked in:
``say`` notes the cache's visit number, and once that visit has ended the request
stops and whatever it had under way is deleted instead of kept (see AudioCache.put).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import translation
from voice.audio_cache import AudioCache
from voice.errors import SpeechUnavailable
from voice.language_runs import espeak_markup
from voice.recordings import VoicePack
from voice.sentences import split_sentences
from voice.synthesizer import NORMAL_RATE, SLOW_RATE, EspeakSynthesizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpeechRequest:
    texts: tuple[str, ...]
    language: str
    slow: bool = False
    personal: bool = False  # the texts hold what a person typed or chose: never kept after the visit


@dataclass(frozen=True)
class Utterance:
    generation: int
    text: str  # as shown on screen, to highlight while it plays
    audio: Path


class Narrator:
    def __init__(
        self,
        synthesizer: EspeakSynthesizer,
        cache: AudioCache,
        pack: VoicePack,
        on_ready: Callable[[Utterance], None],
        on_done: Callable[[int], None],
        on_failure: Callable[[str], None],
    ) -> None:
        self._synthesizer = synthesizer
        self._cache = cache
        self._pack = pack
        self._on_ready = on_ready
        self._on_done = on_done
        self._on_failure = on_failure
        self._jobs: queue.Queue[tuple[int, int, SpeechRequest] | None] = queue.Queue()
        self._generation = 0
        self._thread = threading.Thread(target=self._run, name="narrator", daemon=True)
        self._thread.start()

    @property
    def generation(self) -> int:
        return self._generation

    def say(self, request: SpeechRequest) -> int:
        self._generation += 1
        # The visit is read here, on the caller's thread, in order with the end of the visit.
        self._jobs.put((self._generation, self._cache.visit, request))
        return self._generation

    def cancel(self) -> None:
        self._generation += 1

    def close(self) -> None:
        self.cancel()
        self._jobs.put(None)
        self._thread.join(timeout=5)
        self._synthesizer.close()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            generation, visit, request = job
            try:
                self._prepare(generation, visit, request)
            except SpeechUnavailable as error:
                log.warning("speech unavailable: %s", error)
                self._on_failure(str(error))
            except Exception:  # a bug here must not silence the kiosk for good
                log.exception("speech preparation failed")
                self._on_failure("internal error")

    def _prepare(self, generation: int, visit: int, request: SpeechRequest) -> None:
        pieces: list[tuple[str, Path | None]] = []
        for text in request.texts:
            recording = self._pack.recording(text, request.language)
            if recording is not None:
                pieces.append((text, recording))
            else:
                pieces.extend((sentence, None) for sentence in split_sentences(text))
        for text, recording in pieces:
            if generation != self._generation or (request.personal and visit != self._cache.visit):
                return
            audio = recording or self._synthesized(text, visit, request)
            if audio is None or generation != self._generation:
                return
            self._on_ready(Utterance(generation, text, audio))
        if generation == self._generation:
            self._on_done(generation)

    def _synthesized(self, text: str, visit: int, request: SpeechRequest) -> Path | None:
        """The audio of one sentence; None when it was personal and its visit ended meanwhile."""
        voice = translation.language(request.language).espeak_voice
        rate = SLOW_RATE if request.slow else NORMAL_RATE
        said = espeak_markup(text, request.language)  # French runs in the French voice, numbers in groups
        key = AudioCache.key(said, voice, rate)
        cached = self._cache.get(key, request.personal)
        if cached is not None:
            return cached
        scratch = self._cache.scratch(key, request.personal)
        try:
            self._synthesizer.synthesize(said, voice, rate, scratch, ssml=True)
        except BaseException:
            scratch.unlink(missing_ok=True)  # a half-written WAV, maybe of personal text
            raise
        return self._cache.put(key, scratch, request.personal, visit)
