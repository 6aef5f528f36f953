"""Start-up of this tree against another checkout of the kiosk, interleaved in one run.

For a change that should cost nothing (a regrouping of modules, say): both trees
start the same way as in ``bench/startup.py``, on stations installed alike, in
fresh interpreters taken in turn (this tree, the other, this tree...) so that
whatever else the machine does weighs on both. Prints the medians and the ratio
this / other for the welcome screen, the peak memory and "ready to touch".
The other checkout needs its translations compiled (``./run.sh`` does it, or
``python -m kiosk.catalogs`` in trees from before kiosk/i18n/).
Usage: .venv/bin/python bench/compare_trees.py OTHER_CHECKOUT [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.installed_station import install
from bench.startup import KIOSK

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("welcome screen (ms)", "peak memory (MB)", "ready to touch (ms)")


def start(tree: Path, station: Path) -> list[float]:
    """One start of the kiosk of ``tree``: time to the welcome screen, peak memory, time to ready."""
    program = "import time; START = time.perf_counter()\n" + KIOSK
    child = subprocess.run(
        [sys.executable, "-c", program, str(station)],
        cwd=tree,  # `python -c` imports the packages of the folder it starts in first
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,  # a failed start is reported with what it printed
    )
    if child.returncode != 0:
        raise SystemExit(f"the kiosk of {tree} failed to start ({child.returncode}):\n{child.stderr[-3000:]}")
    printed = child.stdout.split()
    painted, peak_kb, ready = (float(figure) for figure in printed)
    return [painted * 1000, peak_kb / 1024, ready * 1000]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path, help="another checkout of the kiosk")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    trees = {"this tree": ROOT, "other tree": args.other.resolve()}
    stations = {name: Path(tempfile.mkdtemp()) for name in trees}
    for station in stations.values():
        install(station)
    figures: dict[str, list[list[float]]] = {name: [] for name in trees}
    for run in range(args.runs):
        order = list(trees) if run % 2 == 0 else list(reversed(trees))
        for name in order:
            figures[name].append(start(trees[name], stations[name]))
    medians = {
        name: [statistics.median(column) for column in zip(*rows, strict=True)]
        for name, rows in figures.items()
    }
    print(f"{'':22}{'this tree':>12}{'other tree':>12}{'ratio':>8}")
    for index, label in enumerate(FIGURES):
        this, other = medians["this tree"][index], medians["other tree"][index]
        print(f"{label:22}{this:12.1f}{other:12.1f}{this / other:8.3f}")


if __name__ == "__main__":
    main()
