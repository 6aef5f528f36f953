"""SIGKILL in the middle of a stream of writes, many times over: nothing committed is lost.

Each writer process saves sessions and resume records as fast as it can and
prints every id once its transaction is committed; the test kills it at a random
moment, then checks that the store still opens, is intact, and holds every id
that was reported (and none that was reported erased).
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.store.database import Store

ROUNDS = 25
ROOT = Path(__file__).resolve().parents[3]

WRITER = """
import sys, uuid
from pathlib import Path
from kiosk.store.database import Store

store = Store.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
count = 0
while True:
    session_id = uuid.uuid4().hex
    progress = {"steps_reached": {"p": ["a", "b"]}, "completed": [], "padding": "x" * 2000}
    record = {"id": session_id, "started_at": 1.0, "language": "fr", "mode": "guide",
              "outcome": "in_progress", "progress": progress}
    store.save_session(record, [], 2.0)
    print("saved", session_id, flush=True)
    store.keep_for_resume(session_id, {"language": "fr", "places": []}, 2.0, 9e9)
    print("kept", session_id, flush=True)
    count += 1
    if count % 3 == 0:
        print("ending", session_id, flush=True)
        store.end_session(session_id, None)
        print("ended", session_id, flush=True)
"""


def test_killed_writers_never_lose_a_committed_record(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    key = secrets.token_bytes(32)
    Store.open(path, key).close()
    rng = random.Random(1789)
    saved: set[str] = set()
    kept: set[str] = set()
    ending: set[str] = set()  # announced before the erasing transaction: may or may not be gone
    ended: set[str] = set()
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), key.hex()],
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # the writer is up and committing
        assert first.startswith("saved"), first
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        output = first + writer.stdout.read()
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        for line in output.splitlines():
            parts = line.split()
            if len(parts) != 2:
                continue  # the last line may be cut by the kill
            {"saved": saved, "kept": kept, "ending": ending, "ended": ended}[parts[0]].add(parts[1])
    store = Store.open(path, key)
    try:
        assert store._run("PRAGMA integrity_check") == [("ok",)]
        present = set(store.session_ids())
        assert saved - ending <= present
        assert not (present & ended)
        assert all(store.has_resume(session_id) for session_id in kept)
        assert ended <= ending
        assert len(saved) > ROUNDS, "the writers did write"
    finally:
        store.close()
