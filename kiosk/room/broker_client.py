"""An MQTT 5 client of the room's broker, over TLS with the machine's own certificate, never a password.

Each kiosk and each console has an identity made by the structure's certificate authority
(``packaging/room-ca.sh``): the CA's certificate, its own certificate and key. The broker
takes the certificate's name as the client's name, and its ACL says what that name may
read and write (docs/CONSOLE.md).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import paho.mqtt.client as mqtt
from cryptography import x509
from cryptography.x509.oid import NameOID
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.errors import EnvironmentFault

DEFAULT_PORT = 8883
SESSION_EXPIRY_S = 7 * 86400  # the broker keeps what is addressed to a client away for up to a week
KEEPALIVE_S = 5  # a kiosk that dies is marked offline by its Last Will within about 1.5 times this
IDENTITY_FILES = ("ca.crt", "identity.crt", "identity.key")


@dataclass(frozen=True)
class Identity:
    host: str
    port: int
    ca: Path
    certificate: Path
    key: Path

    @property
    def name(self) -> str:
        """The name in the certificate (CN): the broker knows the client by it."""
        certificate = x509.load_pem_x509_certificate(self.certificate.read_bytes())
        return str(certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def read_identity(folder: Path, address: str) -> Identity:
    """The identity in ``folder`` for the broker at ``address`` (``host`` or ``host:port``)."""
    host, _, port = address.strip().partition(":")
    if not host or (port and not port.isdigit()):
        raise EnvironmentFault(f"room_broker = {address!r} is not HOST or HOST:PORT")
    missing = [name for name in IDENTITY_FILES if not (folder / name).is_file()]
    if missing:
        raise EnvironmentFault(f"{folder}: {', '.join(missing)} missing (packaging/install.sh --room)")
    return Identity(host, int(port or DEFAULT_PORT), *(folder / name for name in IDENTITY_FILES))


def new_client(identity: Identity, will: tuple[str, bytes] | None = None) -> mqtt.Client:
    """A client that resumes its session (what was sent to it while away) and says who it is by TLS."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, client_id=identity.name, protocol=mqtt.MQTTv5, reconnect_on_failure=True
    )
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(identity.ca))
    context.load_cert_chain(str(identity.certificate), str(identity.key))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    client.tls_set_context(context)
    client.reconnect_delay_set(min_delay=1, max_delay=15)
    client.max_inflight_messages_set(20)
    if will is not None:
        client.will_set(will[0], will[1], qos=1, retain=True)
    return client


def connect_properties() -> Properties:
    properties = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
    properties.SessionExpiryInterval = SESSION_EXPIRY_S
    return properties


def start(client: mqtt.Client, identity: Identity) -> None:
    """Connect in the background (paho's own thread), and keep reconnecting whatever happens."""
    client.connect_async(
        identity.host,
        identity.port,
        keepalive=KEEPALIVE_S,
        clean_start=False,
        properties=connect_properties(),
    )
    client.loop_start()
