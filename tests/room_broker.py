"""A real mosquitto on loopback, TLS and the room's ACL, made by packaging/room-ca.sh: the `room` fixture."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.room.broker_client import Identity, read_identity

ROOT = Path(__file__).resolve().parents[1]
MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    ends = time.monotonic() + timeout_s
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@dataclass
class Room:
    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def conf(self) -> Path:
        return self.folder / "broker" / "mosquitto.conf"

    def identity(self, name: str) -> Identity:
        folder = self.folder / "identities" / name
        if not folder.is_dir():
            kind = "console" if name.startswith("console-") else "kiosk"
            ca(kind, str(self.folder / "ca"), name, str(folder))
            if kind == "console":  # the ACL names it now: mosquitto reads it again
                self.restart()
        return read_identity(folder, f"127.0.0.1:{self.port}")

    def start(self) -> None:
        self.process = subprocess.Popen([MOSQUITTO, "-c", str(self.conf)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)  # fmt: skip

        def listening() -> bool:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return True
            except OSError:
                return False

        assert wait_until(listening), "mosquitto did not start"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


def ca(*arguments: str) -> None:
    subprocess.run([str(ROOT / "packaging" / "room-ca.sh"), *arguments], check=True, capture_output=True)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    if not Path(MOSQUITTO).exists():
        pytest.fail("mosquitto is missing: ./test.sh installs it (apt install mosquitto)")
    port = free_port()
    ca("init", str(tmp_path / "ca"))
    ca("broker", str(tmp_path / "ca"), "127.0.0.1", str(tmp_path / "broker"), str(port))
    conf = tmp_path / "broker" / "mosquitto.conf"
    if os.geteuid() == 0:  # mosquitto would switch to its own user, who cannot read a test's folder
        conf.write_text(conf.read_text() + "user root\n")
    room = Room(tmp_path, port)
    room.start()
    yield room
    room.stop()
