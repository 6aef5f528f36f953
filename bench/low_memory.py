"""The whole kiosk in the memory a 2 GB PC leaves it, with no swap: does it ever press on the limit?

A memory cgroup (v1 or v2; needs root) caps the kiosk and everything it starts (the
espeak-ng worker included) at ``--limit`` MB of RAM with no swap at all: 1024 MB by
default, what a 2 GB PC running Debian and the cage compositor leaves it. Inside,
a real kiosk window (offscreen, real speaker, station as the install script leaves
it) serves ``--visits`` people in a row; each walks every bundled procedure to its
end, practises on every simulated site, prints a recap (to PDF: no printer here),
finds the aids they may claim (« Quelles aides pour moi ? », the rules engine's worker in
the group too),
does a procedure on its official site (QtWebEngine, its processes inside the group
too: the tests' loopback stand-in, served by this script outside the group, opened
beside the guide until its page has loaded), and a mediator opens mediator mode,
before the visit ends. After each visit the memory the group holds is printed, so
a leak shows as a climb. At the end: the group's peak (resident memory and page
cache), how often it hit the limit, and whether anything was killed.
Usage: sudo .venv/bin/python bench/low_memory.py [--limit MB] [--visits N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
SITE_LOAD_TIMEOUT_MS = 30_000  # a loopback page loads in well under a second: this only bounds a hang
V1 = Path("/sys/fs/cgroup/memory")
V2 = Path("/sys/fs/cgroup")


class MemoryGroup:
    """A memory cgroup with a hard limit and no swap (cgroup v2, or v1 where v2 has no memory controller)."""

    def __init__(self, name: str, limit_mb: int) -> None:
        v2_root = V2 if (V2 / "cgroup.controllers").exists() else None
        if v2_root is not None and "memory" in (v2_root / "cgroup.controllers").read_text().split():
            self.v2 = True
            self.path = v2_root / name
            self.path.mkdir(exist_ok=True)
            (self.path / "memory.max").write_text(str(limit_mb * MB))
            (self.path / "memory.swap.max").write_text("0")
        elif V1.is_dir():
            self.v2 = False
            self.path = V1 / name
            self.path.mkdir(exist_ok=True)
            (self.path / "memory.limit_in_bytes").write_text(str(limit_mb * MB))
            swap_limit = self.path / "memory.memsw.limit_in_bytes"
            if swap_limit.exists():
                swap_limit.write_text(str(limit_mb * MB))  # RAM + swap = RAM: no swap
            (self.path / "memory.swappiness").write_text("0")
        else:
            raise SystemExit("low_memory: no memory cgroup on this machine")

    def join(self) -> None:
        """Put the calling process (and so everything it starts) in the group."""
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def _read(self, v1_name: str, v2_name: str) -> int:
        return int((self.path / (v2_name if self.v2 else v1_name)).read_text().split()[0])

    def peak_mb(self) -> float:
        return self._read("memory.max_usage_in_bytes", "memory.peak") / MB

    def resident_mb(self) -> float:
        """Memory of the processes themselves (not the page cache of files read or written)."""
        return self.stat("anon" if self.v2 else "rss") / MB

    def cache_mb(self) -> float:
        """The page cache of the files the kiosk read or wrote: given back whenever memory is short."""
        return self.stat("file" if self.v2 else "cache") / MB

    def stat(self, key: str) -> int:
        for line in (self.path / "memory.stat").read_text().splitlines():
            name, value = line.split()
            if name == key:
                return int(value)
        return 0

    def limit_hits(self) -> int:
        """Times the group reached its limit (and the kernel had to reclaim or kill)."""
        if self.v2:
            events = dict(line.split() for line in (self.path / "memory.events").read_text().splitlines())
            return int(events.get("max", 0)) + int(events.get("oom", 0))
        return self._read("memory.failcnt", "")

    def remove(self) -> None:
        """Remove the group once its last process (the voice worker exits last) has gone."""
        for _ in range(50):
            try:
                self.path.rmdir()
                return
            except OSError:
                time.sleep(0.1)
        print(f"low_memory: {self.path} could not be removed", file=sys.stderr)


def serve_visits(group: MemoryGroup, visits: int, site_pack: Path, site_procedure: str) -> None:
    """Inside the group: the real kiosk, serving people one after the other."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Chromium's sandbox cannot run as root, and this bench must (it makes the cgroup): off here only.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QEventLoop, QTimer

    from bench.installed_station import open_installed_kiosk
    from kiosk.content.walkthrough import all_paths
    from kiosk.visit.places import ScreenId
    from ui.recap_print import print_recap
    from ui.screenshots import rights_questions, wait_for_estimates

    app, window = open_installed_kiosk((site_pack,))
    station = window.station

    def show(action: object) -> None:
        action()  # type: ignore[operator]
        app.processEvents()
        # What the kiosk's event loop does between touches: delete the widgets a screen let go of.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.grab()

    def do_it_on_the_site() -> float:
        """« Faire la démarche sur le vrai site » on the stand-in's procedure, until its page has loaded."""
        show(lambda: station.visit.open_theme(station.catalog.procedures[site_procedure].theme))
        show(lambda: station.visit.open_procedure(site_procedure))
        station.visit.open_site()
        panel = window.site_area.panel
        assert panel is not None and panel.tabs.current is not None
        page = panel.tabs.current.page
        loaded = QEventLoop()
        finished: list[bool] = []

        def done(ok: bool) -> None:
            finished.append(ok)
            loaded.quit()

        page.loadFinished.connect(done)
        QTimer.singleShot(SITE_LOAD_TIMEOUT_MS, loaded.quit)
        loaded.exec()
        page.loadFinished.disconnect(done)
        if True not in finished:
            raise SystemExit(f"low_memory: the site's page did not load ({finished})")
        show(lambda: None)  # the page painted beside the guide
        return group.resident_mb()

    def find_the_aids() -> float:
        """« Quelles aides pour moi ? » answered by touch (the tour's household), until the rules
        engine's worker (in the group too) has given its estimates."""
        show(station.visit.home)
        for _screen in rights_questions(window):
            app.processEvents()
        wait_for_estimates(window)
        show(lambda: None)  # the results painted
        return group.resident_mb()

    for visit in range(1, visits + 1):
        show(station.visit.start)
        show(lambda: station.visit.choose_language("fr"))
        for procedure in station.catalog.procedures.values():
            show(lambda: station.visit.open_theme(procedure.theme))  # noqa: B023 - called at once
            show(lambda: station.visit.open_procedure(procedure.id))  # noqa: B023 - called at once
            if procedure.id in station.catalog.practice:
                show(station.visit.open_practice)
                assert window.current_screen.screen_id is ScreenId.PRACTICE
                show(station.visit.back)
            show(station.visit.next)
            for move in next(all_paths(procedure)):
                show(lambda: station.visit.take(move))  # noqa: B023 - called at once
            recap = station.recap()
            assert recap is not None
            print_recap(recap, station.recap_folder)
            show(station.visit.home)
        rights_mb = find_the_aids()
        site_open_mb = do_it_on_the_site()
        show(window.mediator_panel.open_mode)
        show(window.mediator_panel.hide)
        show(station.end_visit)
        held = {
            "aids_estimated_resident_mb": round(rights_mb, 1),
            "site_open_resident_mb": round(site_open_mb, 1),
            "resident_mb": round(group.resident_mb(), 1),
            "page_cache_mb": round(group.cache_mb(), 1),
        }
        print(json.dumps({"visit": visit, **held}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=1024, help="MB of RAM for the kiosk, no swap")
    parser.add_argument("--visits", type=int, default=5)
    parser.add_argument("--inside", help=argparse.SUPPRESS)  # the group to serve the visits in
    parser.add_argument("--site-pack", help=argparse.SUPPRESS)  # the pack naming the stand-in site
    parser.add_argument("--site-procedure", help=argparse.SUPPRESS)  # its procedure
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("low_memory: run it as root (it creates a memory cgroup)")
    group = MemoryGroup(args.inside or f"france-services-kiosk-bench-{os.getpid()}", args.limit)
    if args.inside:
        group.join()
        serve_visits(group, args.visits, Path(args.site_pack), args.site_procedure)
        return 0
    # The official site is the tests' loopback stand-in, served from here, outside the group.
    sys.path.insert(0, str(ROOT))
    from tests.ui.browser.local_site import serving
    from tests.ui.browser.site_kiosk import PROCEDURE, one_page_pdf, write_site_pack

    try:
        with tempfile.TemporaryDirectory() as folder, serving(one_page_pdf("Attestation")) as site:
            pack = write_site_pack(Path(folder) / "pack", site)
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--inside",
                    group.path.name,
                    "--limit",
                    str(args.limit),
                    "--visits",
                    str(args.visits),
                    "--site-pack",
                    str(pack),
                    "--site-procedure",
                    PROCEDURE,
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,  # its exit code is read below
            )
        for line in child.stdout.splitlines():
            print(line)
        killed = child.returncode < 0 or child.returncode == 137
        print(
            f"limit {args.limit} MB, no swap; {args.visits} visit(s), each through every procedure, "
            "every practice site, a printed recap, the aids estimated, a procedure on its official site "
            "and mediator mode"
        )
        print(
            f"peak held by the kiosk, its voice worker and the browser's processes: {group.peak_mb():.0f} MB"
        )
        print(
            f"swapped out: {group.stat('swap') // MB} MB; times the limit was reached: {group.limit_hits()}"
        )
        print(f"exit status {child.returncode}{' (killed)' if killed else ''}")
        if child.returncode != 0:
            print(child.stderr[-3000:], file=sys.stderr)
        return child.returncode
    finally:
        group.remove()


if __name__ == "__main__":
    raise SystemExit(main())
