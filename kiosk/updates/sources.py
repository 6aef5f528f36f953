"""Whom a kiosk takes content from: each trusted source is a TUF root, with an address to check or none.

A source's root is a file ``<name>.json``: the package ships the publisher's (in
``/usr/share/france-services-kiosk/trusted-roots``, when the package is built with
it), and a structure adds its own in ``trusted-roots/`` beside ``kiosk.conf``. The settings file's
``content_repository`` gives addresses, one a line: ``NAME URL``, or a bare ``URL`` for
the source ``publisher``. A source with no address is updated from a USB stick only,
where its repository copy is the folder ``kiosk-guides/<name>/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# The package's (packaging/build-deb.sh --publisher-root): a plain file dpkg owns, beside the kiosk.
SHIPPED_ROOTS = Path("/usr/share/france-services-kiosk/trusted-roots")
STRUCTURE_ROOTS = "trusted-roots"  # beside the settings file
DEFAULT_SOURCE = "publisher"
STICK_FOLDER = "kiosk-guides"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
MAX_ROOT_BYTES = 512_000  # as TUF's own bound on a root
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def address_problem(url: str) -> str | None:
    """Why ``url`` cannot be a repository's address (None when it can): HTTPS, or loopback for a test."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return None
    return f"{url!r} is not an https:// address"


@dataclass(frozen=True)
class TrustedSource:
    name: str
    root: bytes  # the root metadata the kiosk trusts first; TUF follows its rotations from there
    url: str = ""  # empty: nothing is contacted, the source comes by USB stick only


def _roots_in(folder: Path, problems: list[str]) -> dict[str, bytes]:
    roots: dict[str, bytes] = {}
    try:
        files = sorted(folder.glob("*.json"))
    except OSError as error:
        problems.append(f"{folder}: cannot be read ({error.strerror})")
        return roots
    for path in files:
        if not _NAME.match(path.stem):
            problems.append(f"{path}: a source's name is made of a-z, 0-9 and dashes; ignored")
            continue
        try:
            data = path.read_bytes()[: MAX_ROOT_BYTES + 1]
            if len(data) > MAX_ROOT_BYTES or json.loads(data).get("signed", {}).get("_type") != "root":
                raise ValueError("not a TUF root")
        except (OSError, ValueError, AttributeError) as error:
            problems.append(f"{path}: not a trusted root ({error}); ignored")
            continue
        roots[path.stem] = data
    return roots


def parse_addresses(text: str) -> tuple[dict[str, str], list[str]]:
    """The ``content_repository`` lines: {source name: address}, and the problems, one line each."""
    addresses: dict[str, str] = {}
    problems: list[str] = []
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        name, url = (DEFAULT_SOURCE, words[0]) if len(words) == 1 else (words[0], words[-1])
        if len(words) > 2 or not _NAME.match(name):  # noqa: PLR2004 - NAME URL
            problems.append(f"content_repository: {line.strip()!r} is not 'NAME URL' or 'URL'")
        elif problem := address_problem(url):
            problems.append(f"content_repository: {problem}; {name} is updated by USB stick only")
        else:
            addresses[name] = url
    return addresses, problems


def trusted_sources(
    settings_dir: Path, repository_lines: str = "", shipped: Path = SHIPPED_ROOTS
) -> tuple[list[TrustedSource], list[str]]:
    """Every trusted source, by name (a structure's root of the same name wins), and the problems."""
    problems: list[str] = []
    roots = _roots_in(shipped, problems) if shipped.is_dir() else {}
    structure = settings_dir / STRUCTURE_ROOTS
    if structure.is_dir():
        roots.update(_roots_in(structure, problems))
    addresses, address_problems = parse_addresses(repository_lines)
    problems += address_problems
    problems += [
        f"content_repository: no trusted root is named {name!r} (a file {name}.json in {structure})"
        for name in addresses
        if name not in roots
    ]
    return [
        TrustedSource(name, root, addresses.get(name, "")) for name, root in sorted(roots.items())
    ], problems
