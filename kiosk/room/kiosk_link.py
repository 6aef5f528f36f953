"""A kiosk's end of the room link: its status, its help requests and its visits' records go to the desk;
the desk's « J'arrive » and « Résolu » come back.

A kiosk that cannot reach the broker works alone, as a kiosk with no room does: help shows on
its own screen and QR code. What it has to say waits in the outbox (on disk) and goes, in order,
when the broker is back. Its status is a retained message, its Last Will marks it offline.
Everything runs on paho's network thread; ``on_order`` is called there too, and the caller
brings it to its own thread (the UI through a signal).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

from kiosk.room import messages
from kiosk.room.broker_client import Identity, new_client, start
from kiosk.room.outbox import Outbox

log = logging.getLogger(__name__)
Order = dict[str, Any]


class KioskLink:
    def __init__(
        self,
        identity: Identity,
        outbox_path: Path,
        on_order: Callable[[Order], None],
        on_connection: Callable[[bool], None] | None = None,
    ) -> None:
        self.identity = identity
        self.name = identity.name
        self.outbox = Outbox(outbox_path)
        self.on_order = on_order
        self.on_connection = on_connection
        self.connected = False
        self._lock = threading.Lock()
        self._in_flight: dict[int, int] = {}  # paho's message id: the outbox entry it carries
        self._early: set[int] = set()  # message ids acknowledged before _flush wrote them down
        self._flushing = threading.Lock()
        self._status: bytes | None = None
        offline = {**self.blank_status(), "online": False}
        self.client = new_client(
            identity, will=(messages.status_topic(self.name), messages.encode("status", offline))
        )
        self.client.on_connect = self._connected
        self.client.on_disconnect = self._disconnected
        self.client.on_publish = self._acknowledged
        self.client.on_message = self._received

    def blank_status(self) -> dict[str, Any]:
        return {
            "kiosk": self.name, "online": True, "in_visit": False, "language": "", "procedure_id": "",
            "step_id": "", "visit_seconds": 0, "open_requests": [], "at": time.time(),
        }  # fmt: skip

    def start(self) -> None:
        start(self.client, self.identity)

    def stop(self, timeout_s: float = 2.0) -> None:
        """Say « offline » (the kiosk was closed, not lost) and disconnect."""
        if self.connected:
            info = self.client.publish(
                messages.status_topic(self.name),
                messages.encode("status", {**self.blank_status(), "online": False}),
                qos=1,
                retain=True,
            )
            info.wait_for_publish(timeout_s)
        self.client.disconnect()
        self.client.loop_stop()

    # What the kiosk says --------------------------------------------------------------------
    def set_status(self, status: dict[str, Any]) -> None:
        """The kiosk's state now (retained: a console that starts later sees it at once)."""
        payload = messages.encode(
            "status", {**self.blank_status(), **status, "kiosk": self.name, "online": True}
        )
        with self._lock:
            self._status = payload
        if self.connected:
            self.client.publish(messages.status_topic(self.name), payload, qos=1, retain=True)

    def send_help(self, event: dict[str, Any]) -> None:
        self._send(messages.help_topic(self.name), messages.encode("help", event))

    def send_activity(self, record: dict[str, Any]) -> None:
        self._send(messages.activity_topic(self.name), messages.encode("activity", record))

    def _send(self, topic: str, payload: bytes) -> None:
        self.outbox.add(topic, payload)
        self._flush()

    def _flush(self) -> None:
        """Publish what the outbox holds and is not on its way yet, oldest first.

        Never under ``_lock``: paho calls ``_acknowledged`` holding its own lock, which ``publish``
        needs; one flush at a time (``_flushing``) keeps the order.
        """
        if not self.connected:
            return
        with self._flushing:
            for entry in self.outbox.pending():
                with self._lock:
                    if entry.seq in self._in_flight.values():
                        continue
                info = self.client.publish(entry.topic, entry.payload, qos=1)
                if info.rc != mqtt.MQTT_ERR_SUCCESS:
                    break  # the connection went: everything goes again at the next one
                with self._lock:
                    if info.mid in self._early:  # acknowledged before it was written down here
                        self._early.discard(info.mid)
                        acknowledged = True
                    else:
                        self._in_flight[info.mid] = entry.seq
                        acknowledged = False
                if acknowledged:
                    self.outbox.done(entry.seq)

    # paho's callbacks (its network thread) ----------------------------------------------------
    def _connected(
        self, client: mqtt.Client, _userdata: object, _flags: object, reason: Any, _p: object
    ) -> None:
        if reason.is_failure:
            log.warning("room broker refused the kiosk: %s", reason)
            return
        self.connected = True
        client.subscribe(messages.order_topic(self.name), qos=1)
        with self._lock:
            self._in_flight.clear()  # sent again, in order: the console drops what it already has
            self._early.clear()
            status = self._status or messages.encode("status", self.blank_status())
        client.publish(messages.status_topic(self.name), status, qos=1, retain=True)
        # Not on paho's thread, which holds its locks while it calls us.
        threading.Thread(target=self._flush, name="room-outbox", daemon=True).start()
        log.info("room broker reached")
        if self.on_connection is not None:
            self.on_connection(True)

    def _disconnected(
        self, _client: mqtt.Client, _u: object, _flags: object, reason: Any, _p: object
    ) -> None:
        if self.connected and reason.is_failure:  # not when the kiosk itself closed the link
            log.warning("room broker lost (%s): the kiosk goes on alone", reason)
        self.connected = False
        if self.on_connection is not None:
            self.on_connection(False)

    def _acknowledged(self, _client: mqtt.Client, _u: object, mid: int, _reason: object, _p: object) -> None:
        with self._lock:
            seq = self._in_flight.pop(mid, None)
            if seq is None:
                self._early.add(mid)
        if seq is not None:
            self.outbox.done(seq)

    def _received(self, _client: mqtt.Client, _u: object, message: mqtt.MQTTMessage) -> None:
        try:
            kind, kiosk = messages.kind_of(message.topic)
            if kind != "order" or kiosk != self.name:
                raise messages.BadMessage(f"not for this kiosk: {message.topic}")
            order = messages.decode("order", bytes(message.payload))
        except messages.BadMessage as error:
            log.warning("room message refused: %s", error)
            return
        self.on_order(order)


def help_event(event: str, request: Any, practice: bool) -> dict[str, Any]:
    """A help request (``kiosk.visit.help_desk.HelpRequest``) as the room sees it: its context, no more."""
    context = request.context
    return {
        "event": event, "request_id": request.id, "ticket": request.ticket, "kind": request.kind.value,
        "screen": context.screen, "procedure_id": context.procedure_id, "step_id": context.step_id,
        "language": context.language, "seconds_on_step": context.seconds_on_step, "practice": practice,
        "created_at": request.created_at,
    }  # fmt: skip


def open_request(request: Any, practice: bool) -> dict[str, Any]:
    """An open request as the status lists it (a console that starts finds it there)."""
    event = help_event("requested", request, practice)
    del event["event"]
    return event
