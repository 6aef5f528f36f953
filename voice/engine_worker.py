"""The speech worker: a separate process that owns the espeak-ng engine, through pyttsx3's binding.

pyttsx3's own espeak driver synthesizes asynchronously and polls for the end every
10 ms; a late end event from one sentence can close the next one's file before its
audio arrives (about one request in twenty came back empty here). So the worker
drives pyttsx3's libespeak-ng binding in synchronous mode, where ``Synth`` returns
only once every sample has been delivered, and writes the WAV itself.

It reads one JSON request per line on stdin ({"id", "text", "voice", "rate", "out", and
"ssml" when the text is SSML: voices switched inside a sentence, pauses) and answers one
JSON line ({"id", "ok", "error"}). The kiosk never runs the engine in its own process,
so a crash or hang here cannot take the screen down. Answers go through a private copy
of the original stdout; fd 1 points at stderr, so nothing the engine prints can corrupt
them. Run: ``python -m voice.engine_worker``.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import wave
from typing import Any, TextIO

SAMPLE_RATE = 22050


def _answers_channel() -> TextIO:
    private = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(private, "w", buffering=1, encoding="utf-8")


def serve(requests: TextIO, answers: TextIO) -> None:
    from pyttsx3.drivers import _espeak

    sample_rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000)
    chunks: list[bytes] = []

    def collect(wav: Any, samples: int, events: Any) -> int:
        if samples > 0:
            chunks.append(ctypes.string_at(wav, samples * ctypes.sizeof(ctypes.c_short)))
        return 0

    _espeak.SetSynthCallback(collect)
    known = {voice.identifier.decode("utf-8") for voice in _espeak.ListVoices(None)}
    answers.write(json.dumps({"ready": True, "sample_rate": sample_rate}) + "\n")
    for line in requests:
        request: dict[str, Any] = json.loads(line)
        answer: dict[str, Any] = {"id": request["id"], "ok": False, "error": ""}
        if request["voice"] not in known:
            answer["error"] = f"no espeak-ng voice {request['voice']!r}"  # espeak would fall back to English
        else:
            chunks.clear()
            _espeak.SetVoiceByName(request["voice"].encode("utf-8"))
            _espeak.SetParameter(_espeak.RATE, int(request["rate"]), 0)
            flags = _espeak.ENDPAUSE | _espeak.CHARS_UTF8 | (_espeak.SSML if request.get("ssml") else 0)
            _espeak.Synth(request["text"].encode("utf-8"), flags=flags)
            audio = b"".join(chunks)
            if audio:
                with wave.open(request["out"], "wb") as out:
                    out.setnchannels(1)
                    out.setsampwidth(2)
                    out.setframerate(sample_rate)
                    out.writeframes(audio)
                answer["ok"] = True
            else:
                answer["error"] = "the engine produced no audio"
        answers.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    serve(sys.stdin, _answers_channel())
