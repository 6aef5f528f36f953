"""Voice latency: from a screen being shown to its first sentence starting, and synthesis per language.

Runs the real kiosk window offscreen with the real speech worker. "First audio" is
when the first sentence's audio starts playing (the sound card's own output
latency, absent here, comes on top). The step screens are measured in French, and in
Persian and Arabic, whose sentences switch to the French voice for French labels and
names. Usage: .venv/bin/python bench/voice_latency.py
"""

from __future__ import annotations

import os
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
from voice.language_runs import espeak_markup
from voice.synthesizer import NORMAL_RATE, EspeakSynthesizer

SAMPLE = "Touchez le bouton pour créer votre compte. Vous recevez un code par SMS."
# A Persian step with two French runs (a name and a button) and a number to copy.
MIXED = (
    "در سایت CAF، صفحه پاداش کار (prime d'activité) را باز کنید و « Faire une simulation » را لمس کنید: "
    "\u20662 86 03 75 112 047 02\u2069"
)
SCREEN_LANGUAGES = ("fr", "fa", "ar")


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


def mixed_synthesis_ms(runs: int = 5) -> tuple[float, float]:
    """Milliseconds to synthesize MIXED in the Persian voice alone, and with its French runs and pauses."""
    engine = EspeakSynthesizer()
    out = Path(tempfile.mkdtemp()) / "sample.wav"
    engine.synthesize("سلام.", "ira/fa", NORMAL_RATE, out)  # start the worker
    one_voice, runs_apart = [], []
    for _ in range(runs):
        begin = time.perf_counter()
        engine.synthesize(MIXED, "ira/fa", NORMAL_RATE, out)
        one_voice.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        engine.synthesize(espeak_markup(MIXED, "fa"), "ira/fa", NORMAL_RATE, out, ssml=True)
        runs_apart.append((time.perf_counter() - begin) * 1000)
    engine.close()
    return statistics.median(one_voice), statistics.median(runs_apart)


def main() -> None:
    create_application()
    data = Path(tempfile.mkdtemp())
    station = build_station(Config(data_dir=data, config_dir=data / "config"))
    speaker = QtSpeaker(data / "voice-cache")
    window = MainWindow(station, speaker)
    window.resize(1366, 768)
    window.show()
    station.visit.start()
    every_step = [
        Place(ScreenId.STEP, procedure_id=p.id, step_index=i)
        for p in station.catalog.procedures.values()
        for i in range(len(p.steps))
    ]
    places, warm_up = every_step[:40], every_step[40:41]
    for code in SCREEN_LANGUAGES:
        station.visit.choose_language(code)
        screen_to_first_audio(window, speaker, warm_up)  # the worker's first start is not a screen change
        settle = time.perf_counter() + 1  # the stopped screen's last sentence may still be put in the cache
        while time.perf_counter() < settle:
            QApplication.processEvents()
        for cached in (data / "voice-cache" / "shared").glob("*.wav"):
            cached.unlink()
        cold = screen_to_first_audio(window, speaker, places)
        warm = screen_to_first_audio(window, speaker, places)
        print(f"screen shown -> first audio, {len(places)} step screens in {code} (budget 150 ms)")
        print(f"  nothing cached   median {statistics.median(cold):6.1f} ms   worst {max(cold):6.1f} ms")
        print(f"  cached           median {statistics.median(warm):6.1f} ms   worst {max(warm):6.1f} ms")
        print(f"  ratio            {statistics.median(cold) / statistics.median(warm):6.1f} x")
    print(f"synthesis of a {len(SAMPLE.split())}-word sentence, per language (warm worker, median of 5)")
    for language in translation.LANGUAGES:
        print(f"  {language.code}  {language.espeak_voice:8} {synthesis_ms(language.code):6.1f} ms")
    one_voice, runs_apart = mixed_synthesis_ms()
    print("synthesis of a Persian step with French runs and a number to copy (median of 5)")
    print(f"  Persian voice alone                  {one_voice:6.1f} ms")
    print(f"  French runs in the French voice      {runs_apart:6.1f} ms")
    speaker.close()


if __name__ == "__main__":
    main()
