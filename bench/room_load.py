"""A room under load: 50 kiosks on a real mosquitto (TLS, ACL), each sending its status every second and
20 help requests in a minute, to the real console window (offscreen) in a process of its own.

Reports: requests sent and shown (none lost, none twice), the latency from a kiosk's request
to the console's model (p50, p99), and the CPU time and peak memory of the broker and of the
console over the run. Usage: .venv/bin/python bench/room_load.py [--kiosks 50] [--seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.room.kiosk_link import KioskLink
from tests.room_broker import Room, ca, free_port, wait_until

ROOT = Path(__file__).resolve().parent.parent
CONSOLE = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import create_application
from kiosk.content.loader import load_catalog
from kiosk.room.broker_client import read_identity
from kiosk.room.console_link import ConsoleLink
from kiosk.room.room_model import RoomModel
from ui.console.window import ConsoleEvents, ConsoleWindow
identity, broker, expected, out = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
app = create_application()
events = ConsoleEvents()
link = ConsoleLink(read_identity(identity, broker), events.message.emit)
window = ConsoleWindow(RoomModel(), link.send, None, load_catalog(), out.parent, alert=lambda: None)
latencies, seen = [], []
def receive(topic, payload):
    window.receive(topic, payload)
    if topic.endswith("/help"):
        message = json.loads(payload)
        seen.append(message["request_id"])
        latencies.append(time.time() - message["created_at"])
events.message.connect(receive)
window.resize(1280, 800); window.show()
link.start()
print("ready", flush=True)
def check():
    if len(window.model.requests) >= expected or Path(str(out) + ".stop").exists():
        import resource
        usage = resource.getrusage(resource.RUSAGE_SELF)
        out.write_text(json.dumps({
            "latencies": latencies, "delivered": len(seen), "distinct": len(window.model.requests),
            "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
        }))
        app.quit()
timer = QTimer(); timer.timeout.connect(check); timer.start(200)
app.exec()
link.stop()
"""


def cpu_and_memory(pid: int) -> tuple[float, float]:
    """CPU seconds used so far, and the peak resident memory in MB, of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    peak = next(line for line in status if line.startswith("VmHWM"))
    return cpu, int(peak.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--requests", type=int, default=20, help="help requests per kiosk over the run")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    port = free_port()
    ca("init", str(folder / "ca"))
    ca("broker", str(folder / "ca"), "127.0.0.1", str(folder / "broker"), str(port))
    conf = folder / "broker" / "mosquitto.conf"
    if os.geteuid() == 0:
        conf.write_text(conf.read_text() + "user root\n")
    room = Room(folder, port)
    console_identity = room.identity("console-desk")  # starts the broker, with the console in the ACL
    assert room.process is not None
    kiosks = [room.identity(f"k{number}") for number in range(1, args.kiosks + 1)]
    expected = args.kiosks * args.requests
    out = folder / "console.json"
    console = subprocess.Popen(
        [sys.executable, "-c", CONSOLE, str(console_identity.ca.parent), f"127.0.0.1:{port}", str(expected),
         str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert console.stdout is not None and console.stdout.readline().strip() == "ready"
    links = [KioskLink(identity, folder / f"{identity.name}.json", lambda _o: None) for identity in kiosks]
    for link in links:
        link.start()
    assert wait_until(lambda: all(link.connected for link in links), 30)
    broker_cpu0, _ = cpu_and_memory(room.process.pid)
    console_cpu0, _ = cpu_and_memory(console.pid)
    # Each kiosk's requests at random moments of the run; every kiosk's status each second.
    schedule = sorted(
        (random.uniform(0, args.seconds), index, number)
        for index in range(args.kiosks)
        for number in range(args.requests)
    )
    started = time.monotonic()
    next_status = 0.0
    sent = 0
    for at, index, number in schedule:
        while time.monotonic() - started < at:
            if time.monotonic() - started >= next_status:
                for link in links:
                    link.set_status({"in_visit": True, "language": "ar", "visit_seconds": int(next_status)})
                next_status += 1.0
            time.sleep(0.005)
        links[index].send_help({
            "event": "requested", "request_id": f"k{index}-r{number}", "ticket": number + 1, "kind": "stuck",
            "screen": "step", "procedure_id": "caf-prime-activite", "step_id": "simulation", "language": "ar",
            "seconds_on_step": 30, "practice": False, "created_at": time.time(),
        })  # fmt: skip
        sent += 1
    try:
        console.wait(60)
    except subprocess.TimeoutExpired:
        Path(str(out) + ".stop").touch()
        console.wait(10)
    broker_cpu, broker_mb = cpu_and_memory(room.process.pid)
    result = json.loads(out.read_text())
    for link in links:
        link.stop()
    room.stop()
    latencies = sorted(result["latencies"])
    elapsed = time.monotonic() - started
    print(f"{args.kiosks} kiosks, {elapsed:.0f} s, status every second, {args.requests} requests each")
    print(f"help requests sent {sent}, shown by the console {result['distinct']} "
          f"(deliveries {result['delivered']})")  # fmt: skip
    p50, p99 = statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.99) - 1] * 1000
    longest = latencies[-1] * 1000
    print(f"latency request -> console model: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {longest:.1f} ms")
    broker_used = broker_cpu - broker_cpu0
    print(f"broker (mosquitto): CPU {broker_used:.1f} s over the run "
          f"({broker_used / elapsed * 100:.1f} % of a core), peak memory {broker_mb:.1f} MB")  # fmt: skip
    console_cpu = result["cpu"] - console_cpu0
    share = console_cpu / elapsed * 100
    print(f"console (its window, offscreen): CPU {console_cpu:.1f} s over the run ({share:.1f} % of a core), "
          f"peak memory {result['peak_mb']:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
