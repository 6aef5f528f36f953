"""Audio already synthesized, kept on disk and bounded in size; a person's own texts are dropped with them.

Entries are keyed by text, voice and speed. Texts marked personal (what a person
typed or chose) go into a separate folder that ``forget_personal`` empties when
their visit ends. Files are written whole then renamed, so a half-written WAV is
never played.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class AudioCache:
    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        (folder / "shared").mkdir(parents=True, exist_ok=True, mode=0o700)
        self.forget_personal()

    @staticmethod
    def key(text: str, voice: str, rate: int) -> str:
        return hashlib.sha256(f"{voice}\0{rate}\0{text}".encode()).hexdigest()

    def path(self, key: str, personal: bool = False) -> Path:
        return self.folder / ("personal" if personal else "shared") / f"{key}.wav"

    def get(self, key: str, personal: bool = False) -> Path | None:
        path = self.path(key, personal)
        if not path.is_file():
            return None
        os.utime(path)  # recently used: evicted last
        return path

    def put(self, key: str, written: Path, personal: bool = False) -> Path:
        """Move a finished WAV into the cache; the oldest entries go when over the size bound."""
        target = self.path(key, personal)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        written.replace(target)
        if not personal:
            self._trim()
        return target

    def scratch(self, key: str) -> Path:
        """Where to write a WAV before ``put`` (same filesystem, so the rename is atomic)."""
        return self.folder / f".{key}.{threading.get_ident()}.tmp.wav"

    def forget_personal(self) -> None:
        with self._lock:
            shutil.rmtree(self.folder / "personal", ignore_errors=True)

    def size(self) -> int:
        return sum(path.stat().st_size for path in (self.folder / "shared").glob("*.wav"))

    def _trim(self) -> None:
        with self._lock:
            entries = sorted((self.folder / "shared").glob("*.wav"), key=lambda p: p.stat().st_mtime)
            total = sum(path.stat().st_size for path in entries)
            for path in entries:
                if total <= self.max_bytes:
                    break
                total -= path.stat().st_size
                path.unlink(missing_ok=True)
