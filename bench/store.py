"""Cost of the encrypted store: opening it (key derivation included) and saving a step.

Opening: N fresh opens of an existing store through the station secret (HKDF
derivation + SQLCipher open + checks), compared in the same run with opening it
with the raw key already derived. Saving: a real station walks real procedures
and each move writes the session (one transaction, synchronous=FULL, WAL); the
time of each save is taken. Usage: .venv/bin/python bench/store.py [--opens N] [--saves N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.config import Config
from kiosk.content.loader import load_catalog
from kiosk.content.walkthrough import all_paths
from kiosk.station import Station
from kiosk.store.database import Store
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_open(paths: StorePaths, runs: int) -> tuple[list[float], list[float]]:
    with_kdf, raw = [], []
    for _ in range(runs):
        start = time.perf_counter()
        [(key, _pending)] = paths.keys.unlock()
        store = Store.open(paths.database, key)
        with_kdf.append(time.perf_counter() - start)
        store.close()
        start = time.perf_counter()
        store = Store.open(paths.database, key)
        raw.append(time.perf_counter() - start)
        store.close()
    return with_kdf, raw


def bench_saves(folder: Path, saves: int) -> list[float]:
    catalog = load_catalog()
    config = Config(data_dir=folder / "data", config_dir=folder / "config")
    keeper = RecordKeeper.open(StorePaths.under(config.data_dir, config.config_dir), catalog)
    station = Station(config, catalog, keeper=keeper)
    timings: list[float] = []
    original_save = keeper.save

    def timed_save(session: object) -> None:
        start = time.perf_counter()
        original_save(session)  # type: ignore[arg-type]
        timings.append(time.perf_counter() - start)

    keeper.save = timed_save  # type: ignore[method-assign]
    while len(timings) < saves:
        for procedure in catalog.procedures.values():
            path = next(all_paths(procedure))
            visit = station.visit
            visit.start()
            visit.choose_language("fr")
            visit.open_theme(procedure.theme)
            visit.open_procedure(procedure.id)
            visit.next()
            for move in path:
                visit.take(move)
                if move.detour:
                    break
            station.end_visit()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opens", type=int, default=10)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument(
        "--dir", default="/var/tmp", help="where to create the store (a real disk, not tmpfs)"  # noqa: S108 - a bench
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        paths = StorePaths.under(Path(folder) / "data", Path(folder) / "config")
        RecordKeeper.open(paths, load_catalog()).store.close()  # type: ignore[union-attr]
        with_kdf, raw = bench_open(paths, args.opens)
        saves = bench_saves(Path(folder) / "walk", args.saves)
    ms = 1000.0
    print(
        f"open with key derivation: median {statistics.median(with_kdf) * ms:.1f} ms, "
        f"worst {max(with_kdf) * ms:.1f} ms (budget 500 ms)"
    )
    print(f"open with the raw key:    median {statistics.median(raw) * ms:.1f} ms")
    print(f"ratio: {statistics.median(with_kdf) / statistics.median(raw):.1f} x")
    print(
        f"save a step ({len(saves)} saves): median {statistics.median(saves) * ms:.2f} ms, "
        f"p95 {percentile(saves, 0.95) * ms:.2f} ms, p99 {percentile(saves, 0.99) * ms:.2f} ms, "
        f"worst {max(saves) * ms:.2f} ms (budget p95 5 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
