"""What a kiosk must deliver to the room's broker, kept on disk until the broker has it.

A help request made while the broker is away, or before the kiosk was killed, waits
here and goes when the broker is back, in the order it was made. An entry leaves only
when the broker acknowledges it (MQTT QoS 1); sending it again is harmless, every
message carries its own id. Nothing personal is in it (``messages``).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.data_dir import write_private
from kiosk.errors import EnvironmentFault

log = logging.getLogger(__name__)
# A week of a busy kiosk's requests and visits with the broker away; past it the oldest go, said in the log.
MAX_ENTRIES = 5000


@dataclass(frozen=True)
class Entry:
    seq: int
    topic: str
    payload: bytes


class Outbox:
    def __init__(self, path: Path, limit: int = MAX_ENTRIES) -> None:
        self.path = path
        self.limit = limit
        self._lock = threading.Lock()  # the kiosk adds, the network thread removes
        self._entries: list[Entry] = []
        self._next = 1
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self._entries = [Entry(int(s), str(t), str(p).encode()) for s, t, p in data["entries"]]
            self._next = int(data["next"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.error("room outbox %s unreadable (%s): started empty", path, type(error).__name__)

    def _save(self) -> None:
        data = {"next": self._next, "entries": [[e.seq, e.topic, e.payload.decode()] for e in self._entries]}
        try:
            write_private(self.path, json.dumps(data).encode())
        except EnvironmentFault as error:  # a full disk: kept in memory, sent all the same
            log.error("room outbox not saved: %s", error)

    def add(self, topic: str, payload: bytes) -> Entry:
        with self._lock:
            entry = Entry(self._next, topic, payload)
            self._next += 1
            self._entries.append(entry)
            if len(self._entries) > self.limit:
                dropped = len(self._entries) - self.limit
                self._entries = self._entries[dropped:]
                log.error("room outbox full: the %d oldest messages are dropped", dropped)
            self._save()
            return entry

    def pending(self) -> list[Entry]:
        with self._lock:
            return list(self._entries)

    def done(self, seq: int) -> None:
        with self._lock:
            kept = [e for e in self._entries if e.seq != seq]
            if len(kept) != len(self._entries):
                self._entries = kept
                self._save()
