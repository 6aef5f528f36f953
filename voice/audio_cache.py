"""Audio already synthesized, kept on disk and bounded in size; a person's own texts are dropped with them.

Entries are keyed by text, voice and speed. Texts marked personal (what a person
typed or chose) go into a separate folder that ``forget_personal`` empties when
their visit ends. Synthesis runs on another thread and may finish after that, so
each visit has a number: personal audio is put in only under the number of the
visit it was asked for, and audio of a visit that has ended is deleted instead
(the check and the emptying hold the same lock, so neither can slip between the
other's steps). Files are written whole then renamed, so a half-written WAV is
never played, and everything here is its owner's only (folders 0700, files 0600),
whatever the umask.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_PERSONAL_SCRATCH = ".personal-"  # scratch files of personal audio start with this, to be found and removed


def _private_folder(path: Path) -> None:
    path.mkdir(mode=0o700, exist_ok=True)
    path.chmod(0o700)  # also a folder left open by an older version


class AudioCache:
    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._visit = 0
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _private_folder(folder)
        _private_folder(folder / "shared")
        for path in (folder / "shared").glob("*.wav"):
            path.chmod(0o600)  # entries an older version wrote with the umask
        self.forget_personal()

    @staticmethod
    def key(text: str, voice: str, rate: int) -> str:
        return hashlib.sha256(f"{voice}\0{rate}\0{text}".encode()).hexdigest()

    @property
    def visit(self) -> int:
        """The current visit's number: personal audio asked for now must be put in under it."""
        return self._visit

    def path(self, key: str, personal: bool = False) -> Path:
        return self.folder / ("personal" if personal else "shared") / f"{key}.wav"

    def get(self, key: str, personal: bool = False) -> Path | None:
        path = self.path(key, personal)
        try:
            os.utime(path)  # recently used: evicted last
        except FileNotFoundError:  # never made, evicted, or its visit just ended
            return None
        return path

    def put(self, key: str, written: Path, personal: bool = False, visit: int | None = None) -> Path | None:
        """Move a finished WAV into the cache; the oldest entries go when over the size bound.

        Personal audio goes in only if ``visit`` (the number the request was made
        under; the current visit when not given) has not ended; otherwise the WAV is
        deleted and None is returned. Work on another thread must pass the number it
        read when the request was made.
        """
        if not personal:
            target = self.path(key)
            written.chmod(0o600)  # a WAV written by someone else than ``scratch``
            written.replace(target)
            self._trim()
            return target
        with self._lock:
            if visit is not None and visit != self._visit:
                written.unlink(missing_ok=True)  # the visit ended while it was being made
                return None
            target = self.path(key, personal=True)
            _private_folder(target.parent)
            written.chmod(0o600)
            written.replace(target)
            return target

    def scratch(self, key: str, personal: bool = False) -> Path:
        """A new empty private file to write a WAV into before ``put`` (same filesystem, so the
        rename is atomic, and created 0600 so the audio is never readable by others, even half-way)."""
        prefix = _PERSONAL_SCRATCH if personal else "."
        path = self.folder / f"{prefix}{key}.{threading.get_ident()}.tmp.wav"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        try:
            os.fchmod(descriptor, 0o600)
        finally:
            os.close(descriptor)
        return path

    def forget_personal(self) -> None:
        """The visit ended: drop its personal audio, and refuse any of it that is still being made."""
        with self._lock:
            self._visit += 1
            shutil.rmtree(self.folder / "personal", ignore_errors=True)
            for path in self.folder.glob(f"{_PERSONAL_SCRATCH}*.tmp.wav"):
                path.unlink(missing_ok=True)  # being written for the ended visit: its put deletes it too

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
