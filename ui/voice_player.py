"""Speech the person hears: audio prepared by the narrator, played with QtMultimedia.

``QtSpeaker`` implements the Speaker interface. Sentences are played as soon as
their audio exists, each one announced by ``sentence_started`` so the screen can
highlight it. ``stop`` (a new screen) silences at once and drops everything
pending. With no sound device the sentences still run their course in silence, so
the highlighting works as subtitles, and ``available`` says there is no voice.
"""

from __future__ import annotations

import logging
import wave
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from voice.audio_cache import AudioCache
from voice.narrator import Narrator, SpeechRequest, Utterance
from voice.recordings import VoicePack
from voice.synthesizer import EspeakSynthesizer

log = logging.getLogger(__name__)


def wav_duration_ms(path: Path) -> int:
    try:
        with wave.open(str(path), "rb") as audio:
            return int(audio.getnframes() * 1000 / audio.getframerate())
    except (OSError, EOFError, wave.Error):
        return 0


class QtSpeaker(QObject):
    sentence_started = Signal(str)  # the sentence now heard; "" when speech stops
    finished = Signal()
    _ready = Signal(object)
    _done = Signal(int)
    _failed = Signal(str)

    def __init__(
        self, cache_dir: Path, voice_pack: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pending: deque[Utterance] = deque()
        self._playing: Utterance | None = None
        self.failure = ""
        self.has_sound_device = bool(QMediaDevices.audioOutputs())
        self._audio: QAudioOutput | None = None
        self._player: QMediaPlayer | None = None
        if self.has_sound_device:
            self._audio = QAudioOutput(self)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._audio)
            self._player.mediaStatusChanged.connect(self._media_status)
        # Without a sound device each sentence still takes its real time, for the subtitles.
        self._silent_clock = QTimer(self)
        self._silent_clock.setSingleShot(True)
        self._silent_clock.timeout.connect(self._play_next)
        self._prepared_all = True
        self._ready.connect(self._prepared)
        self._done.connect(self._all_prepared)
        self._failed.connect(self._on_failure)
        self.cache = AudioCache(cache_dir)
        self._narrator = Narrator(
            EspeakSynthesizer(),
            self.cache,
            VoicePack(voice_pack),
            self._ready.emit,
            self._done.emit,
            self._failed.emit,
        )

    @property
    def available(self) -> bool:
        return self.has_sound_device and not self.failure

    @property
    def speaking(self) -> bool:
        return self._playing is not None or bool(self._pending)

    def speak(self, texts: Sequence[str], language: str, slow: bool = False, personal: bool = False) -> None:
        self.stop()
        texts = tuple(text for text in texts if text.strip())
        if texts:
            self._prepared_all = False
            self._narrator.say(SpeechRequest(texts, language, slow, personal))

    def stop(self) -> None:
        self._narrator.cancel()
        self._pending.clear()
        was_playing = self._playing is not None
        self._playing = None
        self._silent_clock.stop()
        if self._player is not None:
            self._player.stop()
        if was_playing:
            self.sentence_started.emit("")

    def set_volume(self, volume: float) -> None:
        if self._audio is not None:
            self._audio.setVolume(volume)

    def set_muted(self, muted: bool) -> None:
        if self._audio is not None:
            self._audio.setMuted(muted)

    def forget_personal(self) -> None:
        """The visit ended: stop its speech, then drop its personal audio, even what is still being made."""
        self.stop()
        self.cache.forget_personal()

    def close(self) -> None:
        self.stop()
        self._narrator.close()

    def _prepared(self, utterance: Utterance) -> None:
        if utterance.generation != self._narrator.generation:
            return  # from a screen already left
        self.failure = ""
        self._pending.append(utterance)
        if self._playing is None:
            self._play_next()

    def _all_prepared(self, generation: int) -> None:
        if generation != self._narrator.generation:
            return
        self._prepared_all = True
        if self._playing is None:
            self.finished.emit()

    def _play_next(self) -> None:
        if not self._pending:
            was_playing = self._playing is not None
            self._playing = None
            self.sentence_started.emit("")
            if was_playing and self._prepared_all:
                self.finished.emit()
            return
        self._playing = self._pending.popleft()
        if self._player is not None:
            self._player.setSource(QUrl.fromLocalFile(str(self._playing.audio)))
            self._player.play()
        else:
            self._silent_clock.start(wav_duration_ms(self._playing.audio))
        self.sentence_started.emit(self._playing.text)

    def _media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._playing is None:
            return
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            self._play_next()

    def _on_failure(self, reason: str) -> None:
        self.failure = reason
        log.warning("voice unavailable: %s", reason)
