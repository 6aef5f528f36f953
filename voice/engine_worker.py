"""The speech worker: a separate process that owns the one pyttsx3/espeak-ng engine.

pyttsx3 blocks its caller and deadlocks when two threads drive one engine, so the
kiosk never runs it in its own process. This program reads one JSON request per
line on stdin ({"id", "text", "voice", "rate", "out"}), writes the WAV file and
answers one JSON line ({"id", "ok", "error"}). pyttsx3 prints on stdout, so answers
go through a private copy of the original stdout and fd 1 is pointed at stderr.
Run: ``python -m voice.engine_worker``.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO


def _answers_channel() -> TextIO:
    private = os.dup(1)
    os.dup2(2, 1)  # anything the engine prints goes to stderr, never into our answers
    return os.fdopen(private, "w", buffering=1, encoding="utf-8")


def serve(requests: TextIO, answers: TextIO) -> None:
    import pyttsx3

    engine = pyttsx3.init("espeak")
    known = {voice.id for voice in engine.getProperty("voices")}
    answers.write(json.dumps({"ready": True}) + "\n")
    for line in requests:
        request: dict[str, Any] = json.loads(line)
        answer: dict[str, Any] = {"id": request["id"], "ok": False, "error": ""}
        if request["voice"] not in known:
            answer["error"] = f"no espeak-ng voice {request['voice']!r}"  # espeak would fall back to English
        else:
            engine.setProperty("voice", request["voice"])
            engine.setProperty("rate", int(request["rate"]))
            engine.save_to_file(request["text"], request["out"])
            engine.runAndWait()
            answer["ok"] = os.path.getsize(request["out"]) > 44 if os.path.exists(request["out"]) else False
            if not answer["ok"]:
                answer["error"] = "the engine wrote no audio"
        answers.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    serve(sys.stdin, _answers_channel())
