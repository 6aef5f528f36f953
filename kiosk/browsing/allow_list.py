"""Which addresses the kiosk's browser may open for a procedure, and the host alone for a help request.

An allow list is a set of hosts (in ``normal_host`` form); each allows itself and
every host under it. Only ``https`` is opened, except a loopback host named
explicitly in the list (a structure's training stand-in, the tests' local server),
which may be ``http``. Besides, ``about:blank`` (the empty page a new tab starts
with) and a ``blob:`` address whose origin is allowed (a file the site built, such
as a PDF it generated). Everything else is refused: ``data:``, ``file:``,
``javascript:``, ``ftp:``, other hosts, an address naming a user (``user@host``,
which people are fooled with: ``https://caf.fr@evil.example``), and an address whose
host part the browser could read differently from Python (a backslash, a space or a
control character before the path).

Pure functions over ``urllib.parse``: no network, no regular expression built from
what a pack says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from kiosk.content.browser_hosts import (
    LOOPBACK_HOSTS,
    BrowserHosts,
    covered,
    normal_host,
    procedure_hosts,
)
from kiosk.content.procedures import Procedure

_WEB_SCHEMES = frozenset({"https", "http"})
# In the host part, the browser drops or reinterprets these where Python keeps them:
# "https://evil.example\@caf.fr" is evil.example for the browser and caf.fr for urlsplit.
# (After the host they are harmless, and Qt's usual form of an address shows %20 as a space.)
_AMBIGUOUS = re.compile(r"[\x00-\x20\x7f\\]")
_BLOB = "blob:"


def _web_parts(url: str) -> tuple[SplitResult, str] | None:
    """The parts of an http(s) address and its host in normal form; None if it is not a plain one."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError:
        return None
    if parts.scheme not in _WEB_SCHEMES:
        return None
    # The address must begin with exactly the scheme and host urlsplit found: it quietly
    # drops a tab or a newline, and leading spaces, which would hide them from the test below.
    head = f"{parts.scheme}://{parts.netloc}"
    if url[: len(head)].lower() != head.lower() or _AMBIGUOUS.search(parts.netloc):
        return None
    if "@" in parts.netloc:  # a user name, even empty: never sent from the kiosk
        return None
    host = normal_host(parts.hostname or "")
    return (parts, host) if host else None


def site_host(url: str) -> str:
    """The host alone (lower-case, ASCII form), never the path or the query: what a help request carries.

    "" for an address with no host a person would recognise (about:blank, data:, a mistake).
    """
    if url.startswith(_BLOB):
        url = url[len(_BLOB) :]
    web = _web_parts(url)
    return web[1] if web is not None else ""


@dataclass(frozen=True, init=False)
class AllowList:
    """The hosts the browser may open; ``allows`` says whether an address is on one of them."""

    hosts: frozenset[str]

    def __init__(self, hosts: Iterable[str]) -> None:
        normal = set()
        for entry in hosts:
            host = normal_host(entry)
            if not host:
                raise ValueError(f"{entry!r} is not a host name")
            normal.add(host)
        object.__setattr__(self, "hosts", frozenset(normal))

    @classmethod
    def for_procedure(cls, procedure: Procedure, hosts: BrowserHosts) -> AllowList:
        """The procedure's sites (its ``urls``, less a leading www.), its ``allow``, browser.yaml's."""
        return cls(procedure_hosts(procedure, hosts))

    def allows(self, url: str) -> bool:
        """Whether the browser may open ``url`` (a page, a frame, a new tab, a download)."""
        if url.startswith(_BLOB):  # a file a page made: allowed when that page's origin is
            return self._allows_web(url[len(_BLOB) :])
        if url.startswith("about:"):
            return urlsplit(url)._replace(fragment="").geturl() == "about:blank"
        return self._allows_web(url)

    def _allows_web(self, url: str) -> bool:
        web = _web_parts(url)
        if web is None:
            return False
        parts, host = web
        if parts.scheme == "http":  # no certificate: only the machine itself, named in the list
            return host in LOOPBACK_HOSTS and host in self.hosts
        return covered(host, self.hosts)
