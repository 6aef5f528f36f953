"""Which hosts the kiosk's browser may open: host names made comparable, and the pack's ``browser.yaml``.

``browser.yaml`` names the hosts every procedure may open (FranceConnect and the
accounts it lets a person enter with, service-public) and the webmail providers a
person may read their login codes in. A later pack's ``browser.yaml`` replaces the
earlier one whole. A procedure adds the hosts of its ``urls`` and its ``allow``.

Host names are compared in one form only, which ``normal_host`` gives: lower-case,
without the final dot, international names in their ASCII form (``xn--…``), IP
addresses in their canonical form. The browser (``kiosk.browsing.allow_list``) and
``kiosk content check`` both decide through ``covers`` and ``procedure_hosts`` here,
so the check can never accept a host the browser would refuse, or the reverse.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from kiosk.content.procedures import Procedure
from kiosk.content.reader import ContentReader
from kiosk.errors import ContentError

BROWSER_FILE = "browser.yaml"
# A structure's training stand-in and the tests' local server run on the machine itself,
# where https has no certificate to show: only these hosts may be opened over http.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")
# A last label the browser would read as a number makes the whole name an IPv4 address
# ("127.1", "0x7f.1"): such a name is accepted only in the canonical dotted form.
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
# Letters that the IDNA of 2003 (Python's codec) and the browser's (UTS 46) turn into
# different hosts: "straße.de" would be compared as "strasse.de", another site.
_DEVIATIONS = frozenset("\u00df\u03c2\u200c\u200d")
_MAX_HOST_CHARS = 253
_MAX_LABEL_CHARS = 63
_BROWSER_KEYS = {"always_allowed": False, "webmail": False}
_WEBMAIL_KEYS = {"name": True, "address": True, "hosts": True}


@dataclass(frozen=True)
class Webmail:
    """A webmail a person may open beside the procedure, to read the code a site sent them."""

    name: str
    address: str  # the page the kiosk opens
    hosts: tuple[str, ...]  # hosts its pages and its login live on (each with its subdomains)


@dataclass(frozen=True)
class BrowserHosts:
    """What ``browser.yaml`` allows for every procedure."""

    always_allowed: tuple[str, ...] = ()
    webmail: tuple[Webmail, ...] = ()

    def all_hosts(self) -> tuple[str, ...]:
        """The hosts always allowed, then every webmail's."""
        return (*self.always_allowed, *(host for mail in self.webmail for host in mail.hosts))


def normal_host(text: str) -> str:
    """``text`` as a host in the one form hosts are compared in, or "" if it is not a host name.

    A name of letters, digits, ``-`` and ``_`` in labels of at most 63 characters, or
    an IP address (IPv6 with or without its brackets). International names are turned
    into their ASCII form; percent signs, spaces, ``@``, ``:`` or ``/`` make it no host.
    """
    host = text.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:  # only an IPv6 address has colons
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            return ""
        return address.compressed
    host = host.removesuffix(".")
    if not host or len(host) > _MAX_HOST_CHARS or _DEVIATIONS.intersection(host):
        return ""
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
    labels = host.split(".")
    if not all(len(label) <= _MAX_LABEL_CHARS and _LABEL.match(label) for label in labels):
        return ""
    if _NUMERIC_LABEL.match(labels[-1]):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            return ""
    return host


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def covers(entry: str, host: str) -> bool:
    """Whether the allow-list entry ``entry`` lets the browser open ``host`` (both in normal form).

    A name allows itself and every name under it (``caf.fr``: ``wwwd.caf.fr``, never
    ``evilcaf.fr`` nor ``caf.fr.evil.com``); an IP address allows only itself.
    """
    if host == entry:
        return True
    return bool(entry) and not is_ip(entry) and host.endswith("." + entry)


def host_entry_problem(text: object) -> str:
    """Why ``text`` cannot be an allow-list entry, or "" if it can."""
    if not isinstance(text, str) or not text.strip():
        return f"{text!r} is not a host name"
    if "/" in text:  # https://www.caf.fr, caf.fr/mon-compte
        return f"{text!r}: write the host alone, without https:// or a path (for example www.caf.fr)"
    if text.strip().startswith("*"):
        return f"{text!r}: write the host without *. (caf.fr already allows every host under caf.fr)"
    host = normal_host(text)
    if not host:
        return f"{text!r} is not a host name (letters, digits, dashes and dots, or an IP address)"
    if "." not in host and not is_ip(host) and host not in LOOPBACK_HOSTS:
        return f"{text!r} would allow a whole domain ending (.{host}): name the site's host"
    return ""


def address_problem(address: str) -> str:
    """Why ``address`` cannot be a site address the browser opens, or "" if it can.

    https only; http only for a loopback host (a training stand-in on the machine itself).
    """
    try:
        parts = urlsplit(address)
        _ = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError:
        return f"{address!r} is not a valid address"
    host = normal_host(parts.hostname or "")
    secure = address.startswith("https://")
    if not secure and not (address.startswith("http://") and host in LOOPBACK_HOSTS):
        return f"{address!r} must start with https://"  # the loopback exception is in docs/CONTENT.md
    if not host or "@" in parts.netloc or "\\" in address or any(char.isspace() for char in address):
        return f"{address!r} has no valid host name (or names a user, a space or a backslash)"
    return ""


def site_entry(address: str) -> str:
    """The host an address of ``urls`` allows: its host, less a leading ``www.``.

    ``https://www.caf.fr`` is the front door of caf.fr, whose services (a login, the
    account pages) may live at other names under caf.fr; the person, and our own
    guides ("Allez sur francetravail.fr"), name the site without the www.
    """
    host = normal_host(urlsplit(address).hostname or "")
    rest = host.removeprefix("www.")
    return rest if rest != host and "." in rest else host


def procedure_hosts(procedure: Procedure, hosts: BrowserHosts) -> tuple[str, ...]:
    """Every allow-list entry of a procedure: its urls' sites, its ``allow``, then ``browser.yaml``'s."""
    entries = [site_entry(url) for url in procedure.urls]
    return tuple(dict.fromkeys(host for host in (*entries, *procedure.allow, *hosts.all_hosts()) if host))


def covered(host: str, entries: Iterable[str]) -> bool:
    """Whether one of the allow-list ``entries`` lets the browser open ``host``."""
    return any(covers(entry, host) for entry in entries)


def _hosts(reader: ContentReader, key: str, required: bool) -> tuple[str, ...]:
    hosts = []
    for value in reader.items(key, required):
        problem = host_entry_problem(value)
        if problem:
            raise reader.error(key, problem)
        hosts.append(normal_host(value))
    return tuple(dict.fromkeys(hosts))


def parse_host_list(reader: ContentReader, key: str) -> tuple[str, ...]:
    """An optional list of allow-list entries (a procedure's ``allow``), in normal form."""
    return _hosts(reader, key, required=False)


def parse_browser_hosts(data: object, source: str) -> BrowserHosts:
    """Build BrowserHosts from a parsed ``browser.yaml``, or raise ContentError naming the line and field."""
    if data is None:
        raise ContentError(source, "is empty: write always_allowed and webmail")
    reader = ContentReader(source, data, _BROWSER_KEYS, "")
    webmail = []
    for item in reader.each("webmail", _WEBMAIL_KEYS, required=False):
        address = item.required_text("address")
        problem = address_problem(address)
        if problem:
            raise item.error("address", problem)
        hosts = _hosts(item, "hosts", required=True)
        if not covered(normal_host(urlsplit(address).hostname or ""), hosts):
            raise item.error("address", f"{address!r} is on none of its hosts ({', '.join(hosts)})")
        webmail.append(Webmail(item.required_text("name"), address, hosts))
    return BrowserHosts(_hosts(reader, "always_allowed", required=False), tuple(webmail))
