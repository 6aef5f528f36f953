"""Voice latency: from a screen being shown to its first sentence starting, and synthesis per language.

Runs the real kiosk window offscreen with the real speech worker. "First audio" is
when the first sentence's audio starts playing (the sound card's own output
latency, absent here, comes on top). Usage: .venv/bin/python bench/voice_latency.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.i18n import translation
from kiosk.visit.places import Place, ScreenId
from ui.app import create_application
from ui.main_window import MainWindow
from ui.opening import build_station
from ui.voice_player import QtSpeaker
from voice.synthesizer import NORMAL_RATE, EspeakSynthesizer

SAMPLE = "Touchez le bouton pour créer votre compte. Vous recevez un code par SMS."


def screen_to_first_audio(window: MainWindow, speaker: QtSpeaker, places: list[Place]) -> list[float]:
    """Milliseconds from entering each place to its first sentence playing."""
    starts: list[float] = []

    def started(text: str) -> None:
        if text:
            starts.append(time.perf_counter())

    speaker.sentence_started.connect(started)
    timings = []
    for place in places:
        starts.clear()
        begin = time.perf_counter()
        window.station.visit.navigator.go(place)
        while not starts:
            QApplication.processEvents()
        timings.append((starts[0] - begin) * 1000)
        speaker.stop()
    speaker.sentence_started.disconnect(started)
    return timings


def synthesis_ms(language_code: str, runs: int = 5) -> float:
    engine = EspeakSynthesizer()
    voice = translation.language(language_code).espeak_voice
    out = Path(tempfile.mkdtemp()) / "sample.wav"
    engine.synthesize("Bonjour.", voice, NORMAL_RATE, out)  # start the worker
    timings = []
    for _ in range(runs):
        begin = time.perf_counter()
        engine.synthesize(SAMPLE, voice, NORMAL_RATE, out)
        timings.append((time.perf_counter() - begin) * 1000)
    engine.close()
    return statistics.median(timings)


def main() -> None:
    create_application()
    data = Path(tempfile.mkdtemp())
    station = build_station(Config(data_dir=data, config_dir=data / "config"))
    speaker = QtSpeaker(data / "voice-cache")
    window = MainWindow(station, speaker)
    window.resize(1366, 768)
    window.show()
    station.visit.start()
    station.visit.choose_language("fr")
    every_step = [
        Place(ScreenId.STEP, procedure_id=p.id, step_index=i)
        for p in station.catalog.procedures.values()
        for i in range(len(p.steps))
    ]
    places, warm_up = every_step[:40], every_step[40:41]
    screen_to_first_audio(window, speaker, warm_up)  # the worker's first start is not a screen change
    shutil.rmtree(data / "voice-cache" / "shared", ignore_errors=True)
    (data / "voice-cache" / "shared").mkdir()
    cold = screen_to_first_audio(window, speaker, places)
    warm = screen_to_first_audio(window, speaker, places)
    print(f"screen shown -> first audio, {len(places)} step screens (budget 150 ms)")
    print(f"  nothing cached   median {statistics.median(cold):6.1f} ms   worst {max(cold):6.1f} ms")
    print(f"  cached           median {statistics.median(warm):6.1f} ms   worst {max(warm):6.1f} ms")
    print(f"  ratio            {statistics.median(cold) / statistics.median(warm):6.1f} x")
    print(f"synthesis of a {len(SAMPLE.split())}-word sentence, per language (warm worker, median of 5)")
    for language in translation.LANGUAGES:
        print(f"  {language.code}  {language.espeak_voice:8} {synthesis_ms(language.code):6.1f} ms")
    speaker.close()


if __name__ == "__main__":
    main()
