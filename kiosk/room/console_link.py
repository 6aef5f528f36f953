"""The desk's end of the room link: every kiosk's messages in, the desk's answers out.

The console's session is kept by the broker (QoS 1, a week): what the kiosks sent while the
console was closed is delivered when it opens. ``on_message`` is called on paho's network
thread with the raw topic and payload; the caller brings them to its own thread and reads
them with ``RoomModel.receive``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as mqtt

from kiosk.room.broker_client import Identity, new_client, start

log = logging.getLogger(__name__)
SUBSCRIPTIONS = ("kiosk/+/status", "kiosk/+/help", "kiosk/+/activity")


class ConsoleLink:
    def __init__(
        self,
        identity: Identity,
        on_message: Callable[[str, bytes], None],
        on_connection: Callable[[bool], None] | None = None,
    ) -> None:
        self.identity = identity
        self.on_message = on_message
        self.on_connection = on_connection
        self.connected = False
        self.client = new_client(identity)
        self.client.on_connect = self._connected
        self.client.on_disconnect = self._disconnected
        self.client.on_message = lambda _c, _u, message: self.on_message(
            message.topic, bytes(message.payload)
        )

    def start(self) -> None:
        start(self.client, self.identity)

    def stop(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    def send(self, topic: str, payload: bytes) -> None:
        """An answer to a kiosk (QoS 1: paho sends it again until the broker has it)."""
        self.client.publish(topic, payload, qos=1)

    def _connected(self, client: mqtt.Client, _u: object, _flags: object, reason: Any, _p: object) -> None:
        if reason.is_failure:
            log.warning("room broker refused the console: %s", reason)
            return
        self.connected = True
        client.subscribe([(topic, 1) for topic in SUBSCRIPTIONS])
        if self.on_connection is not None:
            self.on_connection(True)

    def _disconnected(
        self, _client: mqtt.Client, _u: object, _flags: object, reason: Any, _p: object
    ) -> None:
        self.connected = False
        if reason.is_failure:
            log.warning("room broker lost: %s", reason)
        if self.on_connection is not None:
            self.on_connection(False)
