"""The console's chime when a help request arrives: two short notes, made here (no sound file to ship)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QSoundEffect

RATE = 22050
NOTES = ((880.0, 0.18), (660.0, 0.28))  # hertz, seconds: a door chime, not an alarm


def write_chime(path: Path) -> Path:
    frames = bytearray()
    for frequency, seconds in NOTES:
        count = int(RATE * seconds)
        for index in range(count):
            fade = min(1.0, (count - index) / (RATE * 0.05))  # no click at the end of a note
            sample = 0.4 * fade * math.sin(2 * math.pi * frequency * index / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


class Chime:
    def __init__(self, folder: Path) -> None:
        self.effect = QSoundEffect()
        self.effect.setSource(QUrl.fromLocalFile(str(write_chime(folder / "chime.wav"))))
        self.effect.setVolume(0.8)

    def __call__(self) -> None:
        self.effect.play()
