"""Kiosks and a console on a real mosquitto with TLS and the ACL: what each may read and write, and every
help request shown once, in order, through a broker restart, a kiosk offline, a console restarted."""

from __future__ import annotations

import socket
import ssl
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from kiosk.room import broker_client, messages
from kiosk.room.console_link import ConsoleLink
from kiosk.room.kiosk_link import KioskLink
from kiosk.room.room_model import RoomModel
from tests.room_broker import Room, wait_until


def request(number: int, kiosk: str = "k1") -> dict[str, Any]:
    return {
        "event": "requested", "request_id": f"{kiosk}-r{number}", "ticket": number, "kind": "stuck",
        "screen": "step", "procedure_id": "caf-prime-activite", "step_id": "simulation", "language": "ar",
        "seconds_on_step": 40, "practice": False, "created_at": 1000.0 + number,
    }  # fmt: skip


class Console:
    """A console as kiosk-console runs one: its link, its model fed in order."""

    def __init__(self, room: Room) -> None:
        self.model = RoomModel()
        self.seen: list[str] = []  # every help message delivered, duplicates included
        self.link = ConsoleLink(room.identity("console-desk"), self._receive)
        self.link.start()
        assert wait_until(lambda: self.link.connected)

    def _receive(self, topic: str, payload: bytes) -> None:
        if topic.endswith("/help"):
            self.seen.append(messages.decode("help", payload)["request_id"])
        self.model.receive(topic, payload)

    def waiting_ids(self) -> list[str]:
        return [r.request_id for r in self.model.waiting()]


def kiosk(room: Room, name: str, tmp_path: Path, orders: list[dict[str, Any]] | None = None) -> KioskLink:
    link = KioskLink(
        room.identity(name), tmp_path / f"{name}-outbox.json", (orders if orders is not None else []).append
    )
    link.start()
    return link


def test_a_request_reaches_the_desk_and_the_answer_comes_back(room: Room, tmp_path: Path):
    orders: list[dict[str, Any]] = []
    console = Console(room)
    k1 = kiosk(room, "k1", tmp_path, orders)
    assert wait_until(lambda: k1.connected)
    k1.set_status({"in_visit": True, "language": "ar", "procedure_id": "caf-prime-activite"})
    k1.send_help(request(1))
    assert wait_until(lambda: console.waiting_ids() == ["k1-r1"])
    assert wait_until(lambda: console.model.kiosks["k1"].in_visit)
    topic, payload = console.model.order("k1-r1", "coming", "", time.time())
    console.link.send(topic, payload)
    assert wait_until(lambda: [o["order"] for o in orders] == ["coming"])
    assert wait_until(lambda: k1.outbox.pending() == [])
    k1.stop()
    assert wait_until(lambda: not console.model.kiosks["k1"].online)
    console.link.stop()


def _listener(room: Room, name: str, topics: list[str]) -> tuple[mqtt.Client, list[str]]:
    heard: list[str] = []
    client = broker_client.new_client(room.identity(name))
    client.on_message = lambda _c, _u, message: heard.append(message.topic)
    client.on_connect = lambda c, *_args: c.subscribe([(t, 1) for t in topics])
    broker_client.start(client, room.identity(name))
    assert wait_until(lambda: client.is_connected())
    time.sleep(0.3)
    return client, heard


def test_the_acl_keeps_each_kiosk_to_its_own_topics(room: Room, tmp_path: Path):
    console = Console(room)
    spy, heard = _listener(room, "k1", ["kiosk/#", "console/#"])  # k1 tries to read everything
    k2 = kiosk(room, "k2", tmp_path)
    assert wait_until(lambda: k2.connected)
    k2.send_help(request(1, "k2"))
    assert wait_until(lambda: console.waiting_ids() == ["k2-r1"])
    topic, payload = console.model.order("k2-r1", "coming", "", time.time())
    console.link.send(topic, payload)
    # k1 publishes as k2 and as the console: the broker drops both.
    spy.publish("kiosk/k2/help", messages.encode("help", request(9, "k2")), qos=1).wait_for_publish(5)
    spy.publish("console/k2", payload, qos=1).wait_for_publish(5)
    spy.publish("kiosk/k1/help", messages.encode("help", request(2, "k1")), qos=1).wait_for_publish(5)
    assert wait_until(lambda: "k1-r2" in console.waiting_ids())  # its own topic goes through
    time.sleep(0.5)
    assert "k2-r9" not in console.waiting_ids()
    assert [
        t for t in heard if not t.startswith("console/k1")
    ] == []  # nothing of k2's, nothing of the console's
    spy.disconnect()
    k2.stop()
    console.link.stop()


def test_no_client_without_a_certificate_of_the_room(room: Room, tmp_path: Path):
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", room.port), timeout=3) as raw:
        context = ssl.create_default_context(cafile=str(room.identity("k1").ca))
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:  # no client certificate
            tls.sendall(b"\x10\x00")
            assert tls.recv(1) == b""
            raise OSError("closed")


def ask(link: KioskLink, number: int, open_numbers: list[int]) -> None:
    """As the kiosk does: the request goes, and the status lists the requests open."""
    open_numbers.append(number)
    link.send_help(request(number))
    link.set_status(
        {"open_requests": [{k: v for k, v in request(n).items() if k != "event"} for n in open_numbers]}
    )


def test_nothing_is_lost_or_doubled_through_a_broker_restart_and_a_console_restart(
    room: Room, tmp_path: Path
):
    console = Console(room)
    k1 = kiosk(room, "k1", tmp_path)
    assert wait_until(lambda: k1.connected)
    asked: list[int] = []
    for number in range(1, 4):
        ask(k1, number, asked)
    assert wait_until(lambda: len(console.waiting_ids()) == 3)
    room.stop()  # the broker restarts mid-stream
    assert wait_until(lambda: not k1.connected)
    for number in range(4, 7):  # made while the kiosk is alone: kept on disk
        ask(k1, number, asked)
    assert len(k1.outbox.pending()) == 3
    room.start()
    assert wait_until(lambda: len(console.waiting_ids()) == 6, 30)
    console.link.stop()  # the console is closed; requests go on
    for number in range(7, 9):
        ask(k1, number, asked)
    assert wait_until(lambda: k1.outbox.pending() == [])
    again = Console(room)  # reopened: the retained status lists the open requests, the session the rest
    assert wait_until(lambda: len(again.waiting_ids()) == 8, 30)
    assert again.waiting_ids() == [f"k1-r{n}" for n in range(1, 9)]  # oldest first, each once
    assert console.waiting_ids() == [f"k1-r{n}" for n in range(1, 7)]
    k1.stop()
    again.link.stop()


def test_requests_made_with_no_broker_survive_a_kiosk_restart(room: Room, tmp_path: Path):
    identity = room.identity("k1")
    room.stop()
    first = KioskLink(identity, tmp_path / "outbox.json", lambda _o: None)
    first.start()
    first.send_help(request(1))
    first.send_help({**request(1), "event": "cancelled"})
    first.send_help(request(2))
    first.stop()  # the kiosk is turned off before the broker is back
    room.start()
    console = Console(room)
    second = KioskLink(identity, tmp_path / "outbox.json", lambda _o: None)
    second.start()
    assert wait_until(lambda: second.outbox.pending() == [], 20)
    assert wait_until(lambda: console.waiting_ids() == ["k1-r2"])
    assert console.model.requests["k1-r1"].state == "cancelled"
    second.stop()
    console.link.stop()


def test_a_kiosk_that_dies_is_marked_offline_by_its_last_will(room: Room, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(broker_client, "KEEPALIVE_S", 1)
    console = Console(room)
    k1 = kiosk(room, "k1", tmp_path)
    assert wait_until(lambda: k1.connected)
    k1.set_status({"in_visit": True})
    assert wait_until(lambda: "k1" in console.model.kiosks and console.model.kiosks["k1"].online)
    k1.client.loop_stop()  # the process dies: no goodbye, the socket stays open and silent
    started = time.monotonic()
    assert wait_until(lambda: not console.model.kiosks["k1"].online, 10)
    assert time.monotonic() - started < 8  # 1.5 keep-alive periods, and the broker's own rounds
    console.link.stop()


def test_duplicates_and_forgeries_change_nothing():
    model = RoomModel()
    payload = messages.encode("help", request(1))
    assert model.receive("kiosk/k1/help", payload) == "new request"
    assert model.receive("kiosk/k1/help", payload) == ""
    cancelled = messages.encode("help", {**request(1), "event": "cancelled"})
    assert model.receive("kiosk/k1/help", cancelled) == "closed"
    assert model.receive("kiosk/k1/help", payload) == ""  # a late duplicate does not reopen it
    assert model.waiting() == []
    with pytest.raises(messages.BadMessage):
        model.receive("kiosk/k1/help", payload.replace(b'"kind":"stuck"', b'"kind":"mon mot de passe"'))
    with pytest.raises(messages.BadMessage):
        model.receive("kiosk/k1/help", payload[:-1] + b',"note":"x"}')
    with pytest.raises(messages.BadMessage):
        model.receive("kiosk/../help", payload)
