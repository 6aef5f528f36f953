"""Checking a publisher's repository over HTTP on loopback: a good server installs, a server that hangs or
answers garbage ends the check within its deadline, with nothing changed."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.updates.receive import Receiver
from kiosk.updates.shelf import Shelf
from kiosk.updates.sources import TrustedSource
from tests.kiosk.updates.conftest import Publisher

NEW = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


class _Garbage(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"\x00garbage{" * 500
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def hanging() -> Iterator[str]:
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        for each in accepted:
            each.close()
        listener.close()


def test_a_repository_served_on_loopback_installs(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    publisher.publish("2026.12.1", NEW)
    handler = functools.partial(_Quiet, directory=str(publisher.folder))
    with serving(handler) as url:  # type: ignore[arg-type]
        source = TrustedSource("publisher", publisher.source().root, url)
        outcome = receiver.check_online(source)
    assert outcome.kind == "installed", outcome.message
    assert shelf.state("publisher").last_success > 0


def test_a_server_that_hangs_ends_the_check_by_its_deadline(publisher: Publisher, shelf: Shelf):
    receiver = Receiver(shelf, deadline_s=1)
    with hanging() as url:
        started = time.monotonic()
        outcome = receiver.check_online(TrustedSource("publisher", publisher.source().root, url))
        took = time.monotonic() - started
    assert outcome.kind == "unreachable", outcome.message
    assert took < 10  # a second per try of urllib3's, not forever
    assert shelf.current_packs() == ()


def test_a_server_that_answers_garbage_is_refused(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    with serving(_Garbage) as url:
        outcome = receiver.check_online(TrustedSource("publisher", publisher.source().root, url))
    assert outcome.kind in ("refused", "unreachable"), outcome.message
    assert shelf.current_packs() == ()
    assert shelf.state("publisher").last_success == 0


def test_plain_http_to_another_machine_is_never_used(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    outcome = receiver.check_online(TrustedSource("publisher", publisher.source().root, "http://192.0.2.1/"))
    assert outcome.kind == "unreachable"
    assert "https" in outcome.message
