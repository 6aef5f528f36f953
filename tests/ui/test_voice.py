"""The voice in the kiosk window: real engine, no sound device (as on most test machines)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.station import Station
from tests.conftest import walk_to_step
from ui.app import create_application
from ui.main_window import MainWindow
from ui.voice_player import QtSpeaker

from .test_walkthrough import tap


@pytest.fixture
def speaker(tmp_path: Path, qtbot: QtBot) -> Iterator[QtSpeaker]:
    create_application()
    voice = QtSpeaker(tmp_path / "voice-cache")
    yield voice
    voice.close()


@pytest.fixture
def voiced(station: Station, speaker: QtSpeaker, qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(station, speaker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window


def heard(speaker: QtSpeaker) -> list[str]:
    sentences: list[str] = []
    speaker.sentence_started.connect(lambda text: sentences.append(text) if text else None)
    return sentences


def test_speech_without_a_sound_device_runs_in_silence_and_says_so(speaker: QtSpeaker, qtbot: QtBot) -> None:
    sentences = heard(speaker)
    with qtbot.waitSignal(speaker.finished, timeout=15_000):
        speaker.speak(["Bonjour. Touchez l'écran."], "fr")
    assert sentences == ["Bonjour.", "Touchez l'écran."]
    assert speaker.has_sound_device is False and speaker.available is False and speaker.failure == ""


def test_the_event_loop_keeps_running_while_a_long_text_is_prepared(speaker: QtSpeaker, qtbot: QtBot) -> None:
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    long_text = " ".join(
        f"Voici la phrase numéro {n}, qui est assez longue pour prendre du temps." for n in range(60)
    )
    started = time.monotonic()
    speaker.speak([long_text], "fr")
    assert time.monotonic() - started < 0.05  # speak() returns at once
    qtbot.wait(400)
    timer.stop()
    assert ticks >= 30  # the GUI thread was free: a 5 ms timer fired most of the time
    assert speaker.speaking


def test_stop_silences_at_once_and_nothing_stale_follows(speaker: QtSpeaker, qtbot: QtBot) -> None:
    sentences = heard(speaker)
    speaker.speak([" ".join(f"Ancienne phrase {n}." for n in range(30))], "fr")
    qtbot.waitUntil(lambda: bool(sentences), timeout=10_000)
    speaker.stop()
    assert not speaker.speaking
    count = len(sentences)
    qtbot.wait(300)
    assert len(sentences) == count


def test_each_screen_is_read_aloud_and_the_sentence_heard_is_highlighted(
    voiced: MainWindow, qtbot: QtBot
) -> None:
    speaker = voiced.speaker
    assert isinstance(speaker, QtSpeaker)
    sentences = heard(speaker)
    walk_to_step(voiced.station, "france-travail-actualisation", 1)
    qtbot.waitUntil(lambda: "Faites-le au bon moment" in sentences, timeout=10_000)
    assert sentences[0] == "Étape 1 sur 5"
    highlighted = [
        label for label in voiced.current_screen.findChildren(QLabel) if label.property("highlighted_html")
    ]
    assert len(highlighted) == 1 and "background-color" in highlighted[0].text()
    voiced.station.visit.next()  # a new screen: the old speech and its highlight stop at once
    marks = [label.property("highlighted_html") or "" for label in voiced.current_screen.findChildren(QLabel)]
    assert not any("Faites-le au bon moment" in mark for mark in marks)
    qtbot.waitUntil(lambda: "Entrez dans votre espace personnel" in sentences, timeout=10_000)
    assert "L'actualisation se fait chaque mois." not in sentences[sentences.index("Étape 2 sur 5") :]


def test_the_voice_panel_sets_reading_speed_volume_and_mute(voiced: MainWindow, qtbot: QtBot) -> None:
    speaker = voiced.speaker
    assert isinstance(speaker, QtSpeaker)
    walk_to_step(voiced.station, "france-travail-actualisation", 1)
    tap(qtbot, voiced.nav_bar.voice_button)
    panel = voiced.voice_panel
    assert panel.isVisible()
    session = voiced.station.visit.session
    tap(qtbot, panel.auto_read)
    tap(qtbot, panel.slow)
    tap(qtbot, panel.quieter)
    tap(qtbot, panel.mute)
    assert (session.auto_read, session.slow_speech, session.volume_level, session.muted) == (
        False,
        True,
        0.75,
        True,
    )
    tap(qtbot, panel.button)
    sentences = heard(speaker)
    voiced.station.visit.next()
    qtbot.wait(300)
    assert sentences == []  # auto-reading is off
    tap(qtbot, voiced.nav_bar.repeat_button)
    qtbot.waitUntil(lambda: bool(sentences), timeout=10_000)
    voiced.station.end_visit()
    assert voiced.station.visit.session.auto_read is True  # the next person starts with the defaults


def test_the_listen_button_reads_its_own_block(voiced: MainWindow, qtbot: QtBot) -> None:
    speaker = voiced.speaker
    assert isinstance(speaker, QtSpeaker)
    walk_to_step(voiced.station, "caf-declaration-trimestrielle", 3)
    voiced.station.visit.session.auto_read = False
    speaker.stop()
    sentences = heard(speaker)
    screen = voiced.current_screen
    tap(qtbot, screen.listen_warning)  # type: ignore[attr-defined]
    first = "N'écrivez pas votre RSA ni votre prime d'activité dans la case salaire."
    qtbot.waitUntil(lambda: first in sentences, timeout=10_000)
    assert "Tapez chaque somme dans la bonne case" not in sentences  # only its own block


def test_the_end_of_a_visit_drops_personal_audio(voiced: MainWindow, tmp_path: Path) -> None:
    speaker = voiced.speaker
    assert isinstance(speaker, QtSpeaker)
    scratch = speaker.cache.scratch("k")
    scratch.write_bytes(b"typed by a person")
    speaker.cache.put("k", scratch, personal=True)
    voiced.station.end_visit()
    assert speaker.cache.get("k", personal=True) is None
    QApplication.processEvents()
