"""Start-up cost of the kiosk, compared in one run with a bare PySide6 window of six big buttons.

Each variant runs in a fresh interpreter (median of N runs): time from interpreter
start to the first screen painted, and peak resident memory. The kiosk starts on a
station as the install script leaves it (store created, PIN set) with its real
speaker, as at every boot; its first start ever (no store yet) is measured too. Also
times loading and validating the bundled content.
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

from bench.installed_station import install  # noqa: E402

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
from kiosk.config import Config
from ui.app import build_speaker, build_window, create_application
app = create_application()
folder = Path(sys.argv[1])
config = Config(data_dir=folder / "data", config_dir=folder / "config")
window = build_window(config, build_speaker(config))
window.resize(1366, 768); window.show(); window.grab()
print(time.perf_counter() - START, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(body: str, runs: int, folder: Callable[[], Path] | None = None) -> tuple[float, float]:
    seconds, kilobytes = [], []
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
        seconds.append(float(out[0]))
        kilobytes.append(float(out[1]))
    return statistics.median(seconds), statistics.median(kilobytes) / 1024


def content_ms(runs: int) -> tuple[float, float, int]:
    """Median time to load the bundled pack, and to load and fully check it."""
    from kiosk.content_check import check
    from kiosk.content_loader import load_catalog

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
    bare_s, bare_mb = run(BARE, runs)
    station = Path(tempfile.mkdtemp())
    install(station)
    kiosk_s, kiosk_mb = run(KIOSK, runs, lambda: station)
    first_s, first_mb = run(KIOSK, runs, lambda: Path(tempfile.mkdtemp()))
    print(f"bare PySide6 window   {bare_s * 1000:7.0f} ms  {bare_mb:6.1f} MB")
    print(f"kiosk welcome screen  {kiosk_s * 1000:7.0f} ms  {kiosk_mb:6.1f} MB")
    print(f"ratio kiosk / bare    {kiosk_s / bare_s:7.2f} x   {kiosk_mb / bare_mb:6.2f} x")
    print(f"first start ever      {first_s * 1000:7.0f} ms  {first_mb:6.1f} MB  (new store, set-up)")
    load_ms, check_ms, count = content_ms(runs * 4)
    print(f"bundled content load  {load_ms:7.1f} ms  ({count} procedures and the glossary)")
    print(f"load + full check     {check_ms:7.1f} ms")


if __name__ == "__main__":
    main()
