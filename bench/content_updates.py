"""Content updates: the kiosk's start and its touches with a repository that hangs, and what an update costs.

Three figures, each compared in one run:
- start-up (first paint, then ready to touch) of a kiosk with no content source, and of one whose
  source's address is a loopback server that accepts connections and never answers, its first
  check asked at once instead of 20 s after the start;
- the delay of the event loop (what a touch waits for) while that check hangs, against an idle kiosk;
- receiving a pack from a repository folder (a USB stick's copy): TUF's verification, unpacking,
  the content check and the switch, against loading the bundled content alone.
Usage: .venv/bin/python bench/content_updates.py [--runs N]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.installed_station import install
from bench.startup import run

CORRECTED = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."

KIOSK = """
import resource, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
import ui.content_updates
ui.content_updates.FIRST_CHECK_MS = 0  # the check starts with the kiosk: the worst case
from kiosk.config import Config
from kiosk.data_dir import configure_logging, prepare_data_dir
from ui.app import create_application, open_window
folder, settings, repository = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
config = Config(data_dir=folder / "data", config_dir=folder / "config", settings_dir=settings,
                content_repository=repository)
prepare_data_dir(config.data_dir)
configure_logging(config.data_dir)
app = create_application()
window = open_window(config)
window.resize(1366, 768); window.show(); window.grab()
painted = time.perf_counter() - START
delays = []

def tick(asked):
    delays.append(time.perf_counter() - asked)
    if len(delays) < 100:
        QTimer.singleShot(20, lambda: tick_after())
    else:
        app.quit()

def tick_after():
    asked = time.perf_counter()
    QTimer.singleShot(0, lambda: tick(asked))

def ready():
    global ready_s
    if window.attached:
        ready_s = time.perf_counter() - START
        tick_after()
    else:
        QTimer.singleShot(0, ready)

QTimer.singleShot(0, ready)
app.exec()
delays.sort()
busy = window.content_updates.busy
print(painted, ready_s, delays[49] * 1000, delays[98] * 1000, int(busy))
"""


def hanging_server() -> str:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            held.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}"


def receive_ms(runs: int) -> tuple[float, float]:
    """Median time to receive a pack from a folder, and to load the bundled content alone."""
    from kiosk.content.loader import load_catalog
    from kiosk.updates.receive import Receiver
    from kiosk.updates.shelf import Shelf
    from tests.kiosk.updates.conftest import new_publisher

    receives, loads = [], []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp())
        publisher = new_publisher(folder / "publisher")
        publisher.publish("2026.12.1", CORRECTED)
        receiver = Receiver(Shelf(folder / "kiosk"))
        start = time.perf_counter()
        outcome = receiver.check_folder(publisher.source(), publisher.folder)
        receives.append((time.perf_counter() - start) * 1000)
        assert outcome.kind == "installed", outcome.message
        start = time.perf_counter()
        load_catalog()
        loads.append((time.perf_counter() - start) * 1000)
    return statistics.median(receives), statistics.median(loads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from kiosk.updates.repository import root_of
    from tests.kiosk.updates.conftest import new_publisher

    publisher = new_publisher(Path(tempfile.mkdtemp()))
    with_source = Path(tempfile.mkdtemp())
    (with_source / "trusted-roots").mkdir()
    (with_source / "trusted-roots" / "publisher.json").write_bytes(root_of(publisher.folder))
    without = Path(tempfile.mkdtemp())
    url = hanging_server()

    def station() -> Path:
        folder = Path(tempfile.mkdtemp())
        install(folder)
        return folder

    # run() passes one folder; the settings folder and the address follow it.
    def program(settings: Path, address: str) -> str:
        return KIOSK.replace("sys.argv[2]", repr(str(settings))).replace("sys.argv[3]", repr(address))

    quiet = run(program(without, ""), runs, station)
    hung = run(program(with_source, url), runs, station)
    print(f"{'':28}{'painted':>9}{'ready':>9}{'loop p50':>10}{'loop p99':>10}  check still running")
    for name, figures in (("no content source", quiet), ("repository that hangs", hung)):
        painted, ready, p50, p99, busy = figures
        figures_ms = f"{painted * 1000:7.0f} ms{ready * 1000:7.0f} ms{p50:8.2f} ms{p99:8.2f} ms"
        print(f"{name:28}{figures_ms}  {bool(busy)}")
    loop_ratio = hung[2] / max(quiet[2], 1e-3)
    print(f"ratio hanging / none: ready {hung[1] / quiet[1]:.2f} x, loop p50 {loop_ratio:.2f} x")
    received, loaded = receive_ms(runs)
    print(f"receive a pack from a folder {received:7.0f} ms  (TUF, unpack, content check, switch)")
    print(f"load the bundled content     {loaded:7.0f} ms  ratio {received / loaded:.1f} x")


if __name__ == "__main__":
    main()
