"""A touch to the next screen painted, and the memory held at the home screen.

A real kiosk window (offscreen, 1366x768, with its real speaker) on a station as the
install script leaves it, walked through every bundled procedure with the actions its
buttons call: each sample is the time from the action to the new screen painted
(``grab()`` forces the paint). The peak resident memory is read once the home screen
is shown. Screens are built when first needed, so the first touch to each screen
includes building it. Usage: .venv/bin/python bench/interaction.py
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.installed_station import open_installed_kiosk
from kiosk.content.walkthrough import all_paths


def main() -> int:
    app, window = open_installed_kiosk()
    settled = time.monotonic() + 1.0  # the person looks at the welcome screen for a second
    while time.monotonic() < settled:
        app.processEvents()
    station = window.station
    samples: list[float] = []

    def touch(action: object) -> None:
        start = time.perf_counter()
        action()  # type: ignore[operator]
        QApplication.processEvents()
        window.grab()
        samples.append(time.perf_counter() - start)

    station.visit.start()
    station.visit.choose_language("fr")
    app.processEvents()
    window.grab()
    home_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for procedure in station.catalog.procedures.values():
        touch(lambda: station.visit.open_theme(procedure.theme))  # noqa: B023 - called at once
        touch(lambda: station.visit.open_procedure(procedure.id))  # noqa: B023 - called at once
        touch(station.visit.next)
        for move in next(all_paths(procedure)):
            touch(lambda: station.visit.take(move))  # noqa: B023 - called at once
            if move.detour:
                break
        touch(station.visit.home)
    ms = 1000.0
    ordered = sorted(samples)
    median = statistics.median(samples) * ms
    p95, worst = ordered[int(0.95 * len(ordered))] * ms, ordered[-1] * ms
    slow = [index for index, sample in enumerate(samples) if sample > 0.05]
    print(
        f"touch to next screen painted ({len(samples)} touches): median {median:.1f} ms, "
        f"p95 {p95:.1f} ms, worst {worst:.1f} ms (budget 50 ms)"
    )
    print(f"touches over 50 ms: {len(slow)}, at positions {slow} of {len(samples)}")
    print(f"peak memory at the home screen: {home_peak_mb:.1f} MB (budget 120 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
