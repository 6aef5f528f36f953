"""Turn a sentence into a WAV file through the speech worker process, and survive its failures.

One ``EspeakSynthesizer`` owns one worker process. It is started on first use and
restarted if it dies or hangs (a request that takes longer than ``timeout_s`` kills it).
Calls block, so they belong on a background thread, never on the GUI thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import selectors
import subprocess
import sys
import threading
import time
from pathlib import Path

from voice.errors import SpeechUnavailable

log = logging.getLogger(__name__)

NORMAL_RATE = 165  # words per minute: espeak's 200 is too fast for people who struggle
SLOW_RATE = 115
ATTEMPTS = 2  # a worker that dies twice on one sentence is not restarted for it a third time


class EspeakSynthesizer:
    def __init__(self, timeout_s: float = 10.0) -> None:
        self.timeout_s = timeout_s
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._next_id = 0
        self.restarts = 0

    def synthesize(self, text: str, voice: str, rate: int, out: Path, ssml: bool = False) -> None:
        """Write ``text`` spoken by ``voice`` at ``rate`` words per minute into ``out`` (WAV).

        ``ssml``: ``text`` is SSML (escaped, with ``<voice>`` and ``<break>`` elements), as
        ``voice.language_runs.espeak_markup`` writes it.
        """
        with self._lock:
            for attempt in range(1, ATTEMPTS + 1):
                process = self._ensure_process()
                self._next_id += 1
                request = {
                    "id": self._next_id,
                    "text": text,
                    "voice": voice,
                    "rate": rate,
                    "out": str(out),
                    "ssml": ssml,
                }
                try:
                    if process.stdin is None:
                        raise RuntimeError("the speech worker was started without a pipe")
                    process.stdin.write(json.dumps(request) + "\n")
                    process.stdin.flush()
                    answer = self._read_answer(process)
                except (OSError, TimeoutError, ValueError) as error:
                    log.warning("speech worker failed (%s); restarting it", type(error).__name__)
                    self._kill()
                    self.restarts += 1
                    if attempt == ATTEMPTS:
                        raise SpeechUnavailable(f"the speech worker failed twice: {error}") from None
                    continue
                if not answer.get("ok"):
                    raise SpeechUnavailable(str(answer.get("error") or "no audio"))
                return

    def close(self) -> None:
        with self._lock:
            self._kill()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.poll() is None else None

    def _ensure_process(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        if self._process is not None:  # it died on its own: close its pipes before replacing it
            self._kill()
            self.restarts += 1
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "voice.engine_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=str(Path(__file__).resolve().parent.parent),
        )
        try:
            if not self._read_answer(self._process).get("ready"):
                raise ValueError("no greeting")
        except (OSError, TimeoutError, ValueError) as error:
            self._kill()
            raise SpeechUnavailable(f"the speech engine does not start: {error}") from None
        return self._process

    def _read_answer(self, process: subprocess.Popen[str]) -> dict[str, object]:
        if process.stdout is None:
            raise RuntimeError("the speech worker was started without a pipe")
        deadline = time.monotonic() + self.timeout_s
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no answer in {self.timeout_s} s")
                if selector.select(left):
                    line = process.stdout.readline()
                    if not line:
                        raise OSError("the speech worker exited")
                    answer: dict[str, object] = json.loads(line)
                    return answer

    def _kill(self) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait(timeout=5)
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                # A request still buffered for a worker that died cannot be flushed (broken pipe):
                # nobody will read it, and the worker is replaced anyway.
                with contextlib.suppress(OSError):
                    stream.close()
        self._process = None
