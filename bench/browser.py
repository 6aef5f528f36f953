"""The official site's browser, measured in one run against a bare QWebEngineView loading the same page.

The page is the tests' loopback stand-in of a government site (tests/ui/browser/local_site.py),
served by this script; the kiosk runs with the tests' content pack, whose procedure's official
site it is (tests/ui/browser/site_kiosk.py). Every measurement runs in a fresh interpreter,
offscreen, with Chromium's sandbox switched off only when run as root (as the tests do):

1. The kiosk starts as ``kiosk`` does (welcome screen first, then content, encrypted store and
   real voice, on a station as the install script leaves it), and a visit walks to the
   procedure's first step. Whether QtWebEngine is loaded then is listed (its Python modules,
   and its library in the process's memory map); the site opens as « Faire la démarche sur le
   vrai site » opens it (``station.visit.open_site()``), and the list is read again.
2. Opening: from ``open_site()`` to the page's ``loadFinished(True)``. The bare view is timed
   from the same point (QtWebEngine not yet imported, window shown) to its own
   ``loadFinished(True)``: a new profile, a page, and a view beside an empty pane the guide's
   size, loading the same address. Runs of the two alternate, so whatever the machine does
   meanwhile hits both alike; the first import of QtWebEngine is counted in both.
3. The memory of all the kiosk's processes with the page open: the Python process, its voice
   worker and every QtWebEngineProcess (found through /proc/*/status, recursively), as PSS from
   /proc/<pid>/smaps_rollup (RSS where the kernel has no smaps_rollup: the report says which),
   and, as root, the group's own pages (/proc/<pid>/pagemap: each physical page counted once):
   PSS also divides a library's pages with any other program mapping it, such as a test run of
   QtWebEngine at the same moment, so it moves with them. A separate interpreter measures, so
   the measuring allocates nothing in the process measured. The same is read before the site
   opened and 2 s after it closed, for the kiosk and for the bare view (whose view, page and
   profile are then deleted): what QtWebEngine itself keeps shows in both.
4. One kiosk serves ``--visits`` people in a row, each opening the site and leaving: the memory
   just before the site opened, with it open, and 2 s after the visit ended, what the kiosk
   process kept (by library), and which of Chromium's processes are left. A renderer must not
   be: QtWebEngine's renderers are forked by its zygote and keep the zygote's command line, so
   a process whose parent is a zygote counts as one, as does any ``--type=renderer``.
   ``--malloc-trim`` hands the C heap back after each visit, to tell freed memory the allocator
   keeps from memory still in use.
Chromium flags to try go in QTWEBENGINE_CHROMIUM_FLAGS; the kiosk and the bare view both get them.
Usage: .venv/bin/python bench/browser.py [--runs N] [--visits N] [--malloc-trim]
"""

from __future__ import annotations

import argparse
import array
import collections
import ctypes
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEnginePage

    from kiosk.station import Station
    from ui.main_window import MainWindow

WEBENGINE_MODULES = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets")
WEBENGINE_LIBRARY = "libQt6WebEngineCore.so"
LOAD_TIMEOUT_MS = 30_000  # a loopback page loads in well under a second: this only bounds a hang
SETTLE_MS = 1000  # after start-up, and with the page open, before anything is measured
AFTER_VISIT_MS = 2000  # after the visit ended: what the kiosk's event loop has let go of by then
WIDTH, HEIGHT = 1366, 768
GUIDE_SHARE, SITE_SHARE = 2, 3  # as ui.browser.site_area: side by side at 1366 px
BUDGET_RATIO = 1.3
BUDGET_TOTAL_MB = 450
BUDGET_RETURN_MB = 30
KB_PER_MB = 1024
MOMENTS = ("memory_before", "memory", "memory_after")  # before the site, its page open, closed
TOP_MAPPINGS = 8  # what stays in the kiosk process after a visit: its largest parts
MB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
PAGEMAP_ENTRY = 8  # bytes: bit 63 "present", bits 0-54 the page frame number
PRESENT = 1 << 63
FRAME_MASK = (1 << 55) - 1


# The kiosk's processes and their memory -------------------------------------------------------
def descendants(root: int) -> list[tuple[int, int]]:
    """Every process ``root`` started, their children included, each with its parent (/proc/*/status)."""
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:  # it ended meanwhile
            continue
        for line in text.splitlines():
            if line.startswith("PPid:"):
                children.setdefault(int(line.split()[1]), []).append(int(status.parent.name))
                break
    found: list[tuple[int, int]] = []
    waiting = [root]
    while waiting:
        parent = waiting.pop()
        for child in children.get(parent, []):
            found.append((child, parent))
            waiting.append(child)
    return found


def command_line(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:  # it ended meanwhile
        return [""]


def process_kind(pid: int, parent: int, root: int) -> str:
    """What a process of the kiosk is: the kiosk itself, its voice worker, or a kind of Chromium process.

    QtWebEngine's renderers are forked by its zygote and keep the zygote's command line
    (``--type=zygote``: Chromium does not retitle them here), so a process whose parent is a
    zygote counts as a renderer, as does any ``--type=renderer``.
    """
    if pid == root:
        return "main (Python, with Chromium's browser side)"
    argv = command_line(pid)
    options = dict(arg.split("=", 1) for arg in argv if arg.startswith("--") and "=" in arg)
    if "QtWebEngineProcess" in argv[0]:
        kind = options.get("--type", "QtWebEngineProcess")
        if kind == "zygote" and "--type=zygote" in command_line(parent):
            return "renderer"
        if kind == "zygote":
            return "zygote (no sandbox)" if "--no-zygote-sandbox" in argv else "zygote"
        sub_type = options.get("--utility-sub-type", "")
        return f"{kind} ({sub_type.split('.')[-1]})" if sub_type else kind
    if any("voice" in arg for arg in argv):
        return "voice worker"
    return Path(argv[0]).name


def resident_by_file(pid: int) -> dict[str, float]:
    """The process's resident memory (RSS, MB) by what is mapped: each library or file, the heap, the rest."""
    found: dict[str, float] = {}
    name = ""
    try:
        smaps = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:  # it ended meanwhile
        return found
    for line in smaps.splitlines():
        parts = line.split()
        if "-" in parts[0] and not parts[0].endswith(":"):
            name = Path(parts[5]).name if len(parts) > 5 and parts[5].startswith("/") else "anonymous"
            name = parts[5] if len(parts) > 5 and parts[5].startswith("[") else name
        elif parts[0] == "Rss:":
            found[name] = found.get(name, 0.0) + int(parts[1]) / KB_PER_MB
    return found


def memory_kb(pid: int) -> dict[str, int]:
    """Pss, Rss, Pss_Anon and Pss_File in kB, from smaps_rollup; where it is missing, all read the RSS."""
    ended = {"Pss": 0, "Rss": 0, "Pss_Anon": 0, "Pss_File": 0}
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if ":" in line}
        if "Pss" in fields:
            return fields
    except FileNotFoundError:
        pass  # a kernel without smaps_rollup, or a process that ended meanwhile
    except OSError:  # it ended meanwhile
        return ended
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it ended meanwhile
        return ended
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
            return {"Rss": rss, "Pss_Anon": rss, "Pss_File": 0}  # no "Pss": the report says RSS
    return ended  # a kernel thread, or a zombie: no memory of its own


def resident_frames(pid: int) -> list[int] | None:
    """The physical page frames under the process's resident pages; None where they cannot be read.

    From /proc/<pid>/pagemap, for the mappings smaps says have resident pages; the kernel
    shows the frame numbers to root only.
    """
    frames: list[int] = []
    try:
        smaps = Path(f"/proc/{pid}/smaps").read_text()
        with Path(f"/proc/{pid}/pagemap").open("rb") as pagemap:
            span: tuple[int, int] | None = None
            for line in smaps.splitlines():
                first = line.split(maxsplit=1)[0]
                if "-" in first and not first.endswith(":"):
                    low, high = first.split("-")
                    span = int(low, 16), int(high, 16)
                elif first == "Rss:" and span is not None and int(line.split()[1]) > 0:
                    pagemap.seek(span[0] // PAGE * PAGEMAP_ENTRY)
                    entries = array.array("Q", pagemap.read((span[1] - span[0]) // PAGE * PAGEMAP_ENTRY))
                    frames.extend(entry & FRAME_MASK for entry in entries if entry & PRESENT)
    except (FileNotFoundError, ProcessLookupError):  # it ended meanwhile: nothing of it is left
        return []
    except OSError:  # not ours to read
        return None
    if frames and not any(frames):
        return None  # not root: every frame number reads 0
    return frames


def snapshot(root: int) -> dict[str, Any]:
    """The memory of process ``root`` and all it started, by kind of process, in MB.

    Beside PSS, the group's own figure: each physical page any of the kiosk's processes maps,
    counted once and shared only among them. PSS also shares a library's pages with every
    other process on the machine that maps it (another QtWebEngine program, a test run), so it
    moves with them; the group's figure is what PSS reads on a machine that runs only the kiosk.
    """
    kinds: dict[str, float] = {}
    measure = "PSS"
    own: dict[str, int] = {}
    renderers = 0
    frames: dict[int, list[int] | None] = {}
    tree = [(root, 0), *((pid, parent) for pid, parent in descendants(root) if pid != os.getpid())]
    for pid, parent in tree:
        fields = memory_kb(pid)
        if "Pss" not in fields:
            measure = "RSS"
        kind = process_kind(pid, parent, root)
        if pid == root:
            own = fields
        if kind == "renderer" or "--type=renderer" in command_line(pid):
            renderers += 1
        kinds[kind] = kinds.get(kind, 0.0) + fields.get("Pss", fields["Rss"]) / KB_PER_MB
        frames[pid] = resident_frames(pid)
    group_mb = kiosk_group_mb = None
    if all(found is not None for found in frames.values()):
        mappers = collections.Counter(frame for found in frames.values() for frame in set(found or ()))
        group_mb = len(mappers) * PAGE / MB
        kiosk_group_mb = sum(1 / mappers[frame] for frame in set(frames[root] or ())) * PAGE / MB
    return {
        "measure": measure,
        "total_mb": sum(kinds.values()),
        "group_mb": group_mb,
        "kiosk_pss_mb": own.get("Pss", own["Rss"]) / KB_PER_MB,
        "kiosk_group_mb": kiosk_group_mb,
        "kiosk_rss_mb": own["Rss"] / KB_PER_MB,
        "kiosk_anon_mb": own["Pss_Anon"] / KB_PER_MB,
        "kiosk_file_mb": own["Pss_File"] / KB_PER_MB,
        "renderers": renderers,
        "kinds": kinds,
        "kiosk_by_file": resident_by_file(root),
    }


def webengine_loaded() -> dict[str, Any]:
    """QtWebEngine's Python modules imported so far, and whether its library is mapped at all."""
    return {
        "modules": [name for name in WEBENGINE_MODULES if name in sys.modules],
        "library": WEBENGINE_LIBRARY in Path("/proc/self/maps").read_text(),
    }


def measure() -> dict[str, Any]:
    """This process's tree, measured from another interpreter: the measuring allocates nothing here."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", "measure", str(os.getpid())],
        capture_output=True,
        text=True,
        check=False,  # its error is shown below
    )
    if done.returncode != 0:
        raise SystemExit(f"browser bench: measuring failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# Inside a fresh interpreter: Qt ---------------------------------------------------------------
def wait(ms: int) -> None:
    """Run the event loop for ``ms``, as the kiosk's would between touches (deferred deletions too)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_loaded(page: QWebEnginePage, started: float) -> float:
    """Seconds from ``started`` to the page's first ``loadFinished(True)``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    finished: list[float] = []

    def done(ok: bool) -> None:
        if ok and not finished:
            finished.append(time.perf_counter())
            loop.quit()

    page.loadFinished.connect(done)
    QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
    loop.exec()
    page.loadFinished.disconnect(done)
    if not finished:
        raise SystemExit(f"browser bench: the page did not load in {LOAD_TIMEOUT_MS} ms")
    return finished[0] - started


def kiosk_window(station_folder: Path, pack: Path) -> MainWindow:
    """The kiosk as ``kiosk`` starts it (as bench/startup.py does), the test pack over the bundled one."""
    from kiosk.config import BUNDLED_PACK, Config
    from kiosk.data_dir import configure_logging, prepare_data_dir
    from ui.app import create_application, open_window

    config = Config(
        data_dir=station_folder / "data",
        config_dir=station_folder / "config",
        pack_dirs=(BUNDLED_PACK, pack),
    )
    prepare_data_dir(config.data_dir)
    configure_logging(config.data_dir)
    create_application()
    window = open_window(config)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.grab()
    while not window.attached:
        wait(10)
    wait(SETTLE_MS)  # the screens every visit goes through are built right after the station opens
    return window


def walk_to_step(window: MainWindow, procedure_id: str) -> Station:
    """A person starts a visit, chooses French, the theme, the procedure, and goes to its first step."""
    station = window.station
    visit = station.visit
    moves: list[Callable[[], None]] = [
        visit.start,
        lambda: visit.choose_language("fr"),
        lambda: visit.open_theme(station.catalog.procedures[procedure_id].theme),
        lambda: visit.open_procedure(procedure_id),
        visit.next,
    ]
    for move in moves:
        move()
        wait(0)
        window.grab()
    wait(SETTLE_MS)
    return station


def open_the_site(window: MainWindow, station: Station) -> tuple[float, float]:
    """« Faire la démarche sur le vrai site »: seconds until open_site() returned, and until the page loaded.

    ``open_site()`` builds the panel (QtWebEngine's import and start included) and starts the
    load; the rest is Chromium's: the renderer's start, the request, the page.
    """
    started = time.perf_counter()
    station.visit.open_site()
    built = time.perf_counter() - started
    panel = window.site_area.panel
    assert panel is not None and panel.tabs.current is not None
    return built, wait_loaded(panel.tabs.current.page, started)


def child_kiosk(station_folder: Path, pack: Path, procedure_id: str) -> dict[str, Any]:
    """One opening of the site, in a kiosk that has not used its browser yet."""
    window = kiosk_window(station_folder, pack)
    station = walk_to_step(window, procedure_id)
    closed = measure()
    wait(SETTLE_MS)  # the measuring's own process has gone; the step's sentence was read
    before = webengine_loaded()
    built, seconds = open_the_site(window, station)
    after = webengine_loaded()
    wait(SETTLE_MS)
    memory = measure()
    station.end_visit()
    wait(AFTER_VISIT_MS)
    return {
        "open_s": seconds,
        "built_s": built,
        "before": before,
        "after": after,
        "memory_before": closed,
        "memory": memory,
        "memory_after": measure(),
    }


def child_bare(address: str) -> dict[str, Any]:
    """The same page in a bare QWebEngineView: new profile, page and view, beside a guide-sized pane."""
    from PySide6.QtCore import Qt, QUrl
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # as ui.app, before the app
    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QHBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QWidget(), GUIDE_SHARE)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.grab()
    wait(SETTLE_MS)
    closed = measure()
    wait(SETTLE_MS)  # as the kiosk waits after its own measuring
    before = webengine_loaded()
    started = time.perf_counter()
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    profile = QWebEngineProfile(app)  # no storage name: off the record, like the kiosk's
    page = QWebEnginePage(profile, app)
    view = QWebEngineView()
    view.setPage(page)
    layout.addWidget(view, SITE_SHARE)
    page.load(QUrl(address))
    built = time.perf_counter() - started
    seconds = wait_loaded(page, started)
    after = webengine_loaded()
    wait(SETTLE_MS)
    memory = measure()
    view.deleteLater()
    page.deleteLater()
    wait(0)
    profile.deleteLater()  # the page first: as the kiosk's panel does when the visit ends
    wait(AFTER_VISIT_MS)
    return {
        "open_s": seconds,
        "built_s": built,
        "before": before,
        "after": after,
        "memory_before": closed,
        "memory": memory,
        "memory_after": measure(),
    }


def child_visits(
    station_folder: Path, pack: Path, procedure_id: str, visits: int, trim: bool
) -> dict[str, Any]:
    """One kiosk, ``visits`` people in a row: each opens the site, reads its page, and leaves.

    With ``trim``, the C heap is handed back to the system after each visit (glibc's
    ``malloc_trim``): what the kiosk process keeps then is not freed memory the allocator held.
    """
    window = kiosk_window(station_folder, pack)
    libc = ctypes.CDLL("libc.so.6") if trim else None
    rows = []
    for _ in range(visits):
        station = walk_to_step(window, procedure_id)
        before = measure()
        wait(SETTLE_MS)  # the measuring's own process has gone
        _built, seconds = open_the_site(window, station)
        wait(SETTLE_MS)
        opened = measure()
        station.end_visit()
        wait(AFTER_VISIT_MS)
        if libc is not None:
            libc.malloc_trim(0)
        after = measure()
        left = sorted(
            kind for kind in after["kinds"] if kind not in before["kinds"] or kind.startswith("renderer")
        )
        rows.append({"open_s": seconds, "before": before, "open": opened, "after": after, "left": left})
    return {"visits": rows}


# The run: a server, the children in turn, the report --------------------------------------------
def run_child(name: str, *args: str, home: Path) -> dict[str, Any]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(home)}
    if "QTWEBENGINE_CHROMIUM_FLAGS" in os.environ:  # a setting to try (e.g. --disable-gpu), on both alike
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"]
    if os.geteuid() == 0:
        # Chromium's sandbox cannot run as root: only there is it switched off (as tests/conftest.py does).
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,  # its error is shown below
    )
    if done.returncode != 0 or not done.stdout.strip():
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"browser bench: the {name} run failed (exit status {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def kinds_line(memory: dict[str, Any]) -> str:
    return ", ".join(f"{kind} {mb:.0f}" for kind, mb in sorted(memory["kinds"].items(), key=lambda i: -i[1]))


def figures(snapshots: list[dict[str, Any]], key: str) -> str:
    return " / ".join("-" if shot[key] is None else f"{shot[key]:.1f}" for shot in snapshots)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report(kiosk: list[dict[str, Any]], bare: list[dict[str, Any]], visits: list[dict[str, Any]]) -> None:
    """What each budget asks, the figures, and whether it is met."""
    kiosk_ms = [run["open_s"] * 1000 for run in kiosk]
    bare_ms = [run["open_s"] * 1000 for run in bare]
    ratio = statistics.median(kiosk_ms) / statistics.median(bare_ms)
    measure = kiosk[0]["memory"]["measure"]
    grouped = kiosk[0]["memory"]["group_mb"] is not None

    print("1. QtWebEngine before the person asks for the site, then once it opened (every kiosk run):")
    for moment in ("before", "after"):
        seen = sorted({json.dumps(run[moment]) for run in kiosk})
        print(f"   {moment:6}: {' | '.join(seen)}")
    absent = all(not run["before"]["modules"] and not run["before"]["library"] for run in kiosk)
    loaded = all(len(run["after"]["modules"]) == len(WEBENGINE_MODULES) for run in kiosk)
    print(f"   absent before, loaded after: {'yes' if absent and loaded else 'NO'}")

    print(f"2. open_site() to loadFinished(True), median of {len(kiosk)} fresh processes each, alternating:")
    print(
        f"   kiosk {statistics.median(kiosk_ms):6.0f} ms  (runs: {', '.join(f'{ms:.0f}' for ms in kiosk_ms)})"
    )
    print(
        f"   bare  {statistics.median(bare_ms):6.0f} ms  (runs: {', '.join(f'{ms:.0f}' for ms in bare_ms)})"
    )
    print(f"   ratio {ratio:6.2f} x  (budget {BUDGET_RATIO} x: {verdict(ratio <= BUDGET_RATIO)})")
    kiosk_built = statistics.median(run["built_s"] * 1000 for run in kiosk)
    bare_built = statistics.median(run["built_s"] * 1000 for run in bare)
    print(
        f"   of which building the view and starting the load (imports included): kiosk {kiosk_built:.0f} ms,"
        f" bare {bare_built:.0f} ms; the rest is Chromium's"
    )
    later = ", ".join(f"{row['open_s'] * 1000:.0f}" for row in visits[1:])
    print(f"   later openings, in the kiosk that served the visits below: {later} ms")

    print("3. All the processes with the page open, median (MB):")
    for name, runs in (("kiosk", kiosk), ("bare", bare)):
        pss = statistics.median(run["memory"]["total_mb"] for run in runs)
        line = f"   {name:5} {measure} {pss:6.1f}"
        if grouped:
            own = statistics.median(run["memory"]["group_mb"] for run in runs)
            line += f", the group's own pages {own:6.1f}"
        print(f"{line}; {kinds_line(runs[0]['memory'])} ({measure})")
    worst = max(max(run["memory"]["total_mb"], run["memory"]["group_mb"] or 0.0) for run in kiosk)
    met = verdict(worst < BUDGET_TOTAL_MB)
    print(f"   kiosk, highest of the runs: {worst:.1f} MB (budget {BUDGET_TOTAL_MB} MB: {met})")
    print("   the same runs, before the site / with its page / 2 s after it closed (kiosk: the visit ended;")
    print("   bare: its view, page and profile deleted), median (MB):")
    for name, runs in (("kiosk", kiosk), ("bare", bare)):
        for key, label in (
            ("kiosk_rss_mb", "process RSS"),
            ("kiosk_group_mb", "process, group share"),
            ("group_mb", "all processes, group"),
            ("total_mb", f"all processes, {measure}"),
        ):
            if runs[0]["memory"][key] is None:
                continue
            shots = [statistics.median(run[moment][key] for run in runs) for moment in MOMENTS]
            print(
                f"   {name:5} {label:21}: {shots[0]:6.1f} / {shots[1]:6.1f} / {shots[2]:6.1f}"
                f"  (kept {shots[2] - shots[0]:+.1f})"
            )

    print(f"4. {len(visits)} visits in one kiosk, each opening the site then leaving")
    print("   (MB; just before the site opened / with its page open / 2 s after the visit ended):")
    for number, row in enumerate(visits, start=1):
        shots = [row["before"], row["open"], row["after"]]
        print(
            f"   visit {number}: kiosk process {measure} {figures(shots, 'kiosk_pss_mb')}"
            f", group share {figures(shots, 'kiosk_group_mb')}"
            f", RSS {figures(shots, 'kiosk_rss_mb')}, anonymous {figures(shots, 'kiosk_anon_mb')}"
        )
        print(
            f"            all processes {measure} {figures(shots, 'total_mb')},"
            f" group {figures(shots, 'group_mb')}; renderers left {row['after']['renderers']};"
            f" new processes left: {', '.join(row['left']) or '-'}"
        )
    print(f"   processes after the last visit ({measure}): {kinds_line(visits[-1]['after'])}")
    first = visits[0]
    keys = [("kiosk_pss_mb", measure), ("kiosk_rss_mb", "RSS"), ("kiosk_anon_mb", "anonymous")]
    if grouped:
        keys.insert(1, ("kiosk_group_mb", "group share"))
    print(
        "   after the first visit, on just before the site opened (budget: the kiosk process within 30 MB):"
    )
    for key, label in keys:
        kept = first["after"][key] - first["before"][key]
        print(f"     kiosk process, {label:11}: {kept:+6.1f} MB ({verdict(kept <= BUDGET_RETURN_MB)})")
    for key, label in (("total_mb", measure), ("group_mb", "group")):
        if first["after"][key] is not None:
            print(f"     all processes, {label:11}: {first['after'][key] - first['before'][key]:+6.1f} MB")
    print(
        "   each visit's end on the one before (no growth per visit is what a kiosk running all day needs):"
    )
    for key, label in [*((key, f"kiosk {label}") for key, label in keys), ("total_mb", f"all {measure}")]:
        steps = ", ".join(
            f"{later['after'][key] - earlier['after'][key]:+.1f}"
            for earlier, later in itertools.pairwise(visits)
        )
        print(f"     {label:17}: {steps} MB")
    before_files, after_files = first["before"]["kiosk_by_file"], first["after"]["kiosk_by_file"]
    grown = sorted(
        ((after_files[name] - before_files.get(name, 0.0), name) for name in after_files), reverse=True
    )
    print(
        "   what the kiosk process kept after the first visit (RSS, MB): "
        + ", ".join(f"{name} {mb:+.1f}" for mb, name in grown[:TOP_MAPPINGS])
    )
    renderers = [row["after"]["renderers"] for row in visits]
    print(f"   renderer processes left after each visit: {renderers} ({verdict(not any(renderers))})")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="fresh processes of each, kiosk and bare")
    parser.add_argument("--visits", type=int, default=5, help="people in a row in one kiosk")
    parser.add_argument(
        "--malloc-trim",
        action="store_true",
        help="after each visit, hand the C heap back to the system (glibc malloc_trim): a diagnosis",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)  # a measurement, in its own interpreter
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        if name == "measure":
            result = snapshot(int(rest[0]))
        elif name == "kiosk":
            result = child_kiosk(Path(rest[0]), Path(rest[1]), rest[2])
        elif name == "bare":
            result = child_bare(rest[0])
        else:
            result = child_visits(Path(rest[0]), Path(rest[1]), rest[2], int(rest[3]), rest[4] == "trim")
        print(json.dumps(result), flush=True)
        return 0

    from bench.installed_station import install
    from tests.ui.browser.local_site import SITE_HOST, serving
    from tests.ui.browser.site_kiosk import PROCEDURE, one_page_pdf, write_site_pack

    with (
        tempfile.TemporaryDirectory(prefix="browser-bench-") as name,
        serving(one_page_pdf("Attestation de paiement")) as site,
    ):
        folder = Path(name)
        home = folder / "home"  # the runs' home folder: what lands there is listed at the end
        home.mkdir()
        pack = write_site_pack(folder / "pack", site)
        station = folder / "station"
        install(station)
        where = (str(station), str(pack), PROCEDURE)
        kiosk: list[dict[str, Any]] = []
        bare: list[dict[str, Any]] = []
        for run in range(args.runs):
            # Alternating which goes first: a machine slower at one moment slows both alike.
            order = ("kiosk", "bare") if run % 2 == 0 else ("bare", "kiosk")
            for child in order:
                if child == "kiosk":
                    kiosk.append(run_child("kiosk", *where, home=home))
                else:
                    bare.append(run_child("bare", site.address(SITE_HOST), home=home))
        trim = "trim" if args.malloc_trim else "as-is"
        visits = run_child("visits", *where, str(args.visits), trim, home=home)["visits"]
        written = sorted(str(path.relative_to(home)) for path in home.rglob("*"))
    report(kiosk, bare, visits)
    print(f"files written under the runs' home folder: {', '.join(written) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
