"""Start-up cost of the kiosk, compared in one run with a bare PySide6 window of six big buttons.

Each variant runs in a fresh interpreter (median of N runs): time from interpreter
start to the first screen painted, and peak resident memory. The kiosk starts as
``kiosk`` does (data folder checked, log opened) on a station as the install script
leaves it (store created, PIN set) with its real speaker, as at every boot; it paints
its welcome screen, then opens its content, store and voice: the time until it takes
a touch ("ready") is measured too, and so is its first start ever (no store yet).
Also times loading and validating the bundled content.
Usage: .venv/bin/python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.installed_station import install

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import resource, sys, time
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
app = QApplication([])
window = QWidget(); layout = QVBoxLayout(window)
for i in range(6):
    button = QPushButton(f"Button {i}"); button.setMinimumSize(200, 80); layout.addWidget(button)
window.resize(1366, 768); window.show(); window.grab()
print(time.perf_counter() - START, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

KIOSK = """
import resource, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk.config import Config
from kiosk.data_dir import configure_logging, prepare_data_dir
from ui.app import create_application, open_window
folder = Path(sys.argv[1])
config = Config(data_dir=folder / "data", config_dir=folder / "config")
prepare_data_dir(config.data_dir)
configure_logging(config.data_dir)
app = create_application()
window = open_window(config)
window.resize(1366, 768); window.show(); window.grab()
painted = time.perf_counter() - START

def ready():
    if window.attached:
        app.quit()
    else:
        QTimer.singleShot(0, ready)

QTimer.singleShot(0, ready)
app.exec()
print(painted, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - START)
"""


def run(body: str, runs: int, folder: Callable[[], Path] | None = None) -> list[float]:
    """The median of each figure the program prints, over ``runs`` fresh interpreters."""
    printed: list[list[float]] = []
    program = "import time; START = time.perf_counter()\n" + body
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", program, *([str(folder())] if folder else [])],
            cwd=ROOT,
            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        printed.append([float(figure) for figure in out])
    return [statistics.median(column) for column in zip(*printed, strict=True)]


def content_ms(runs: int) -> tuple[float, float, int]:
    """Median time to load the bundled pack, and to load and fully check it."""
    from kiosk.content.check import check
    from kiosk.content.loader import load_catalog

    loads, checks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        catalog = load_catalog()
        loads.append((time.perf_counter() - start) * 1000)
        check(catalog)
        checks.append((time.perf_counter() - start) * 1000)
    assert not catalog.problems
    return statistics.median(loads), statistics.median(checks), len(catalog.procedures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    bare_s, bare_kb = run(BARE, runs)
    station = Path(tempfile.mkdtemp())
    install(station)
    kiosk_s, kiosk_kb, ready_s = run(KIOSK, runs, lambda: station)
    first_s, _first_kb, first_ready_s = run(KIOSK, runs, lambda: Path(tempfile.mkdtemp()))
    print(f"bare PySide6 window   {bare_s * 1000:7.0f} ms  {bare_kb / 1024:6.1f} MB")
    print(f"kiosk welcome screen  {kiosk_s * 1000:7.0f} ms  {kiosk_kb / 1024:6.1f} MB (peak once ready)")
    print(f"ratio kiosk / bare    {kiosk_s / bare_s:7.2f} x   {kiosk_kb / bare_kb:6.2f} x")
    print(f"kiosk ready to touch  {ready_s * 1000:7.0f} ms  (content, store and voice open)")
    print(f"first start ever      {first_s * 1000:7.0f} ms  ready {first_ready_s * 1000:.0f} ms  (new store)")
    load_ms, check_ms, count = content_ms(runs * 4)
    print(f"bundled content load  {load_ms:7.1f} ms  ({count} procedures and the glossary)")
    print(f"load + full check     {check_ms:7.1f} ms")


if __name__ == "__main__":
    main()
