"""E-mail addresses: what a site's form refuses, and the slips in a well-known provider's name
(``gmial.com``, ``gmail.fr``) that it would take but that lose the mail.
"""

from __future__ import annotations

import re

LAST_ASCII_CODE = 127  # beyond it, a letter is accented (é, ç) or not Latin: forms refuse it
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")  # RFC 5322 "atext" and dots
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
# The mailboxes most people at the kiosk have, with the endings their addresses really use.
_MAIL_PROVIDERS: dict[str, frozenset[str]] = {
    "gmail": frozenset({"com"}),  # Gmail addresses end in gmail.com only: there is no gmail.fr
    "laposte": frozenset({"net"}),  # La Poste's free mailbox is laposte.net (laposte.fr is the company's)
    "icloud": frozenset({"com"}),  # Apple's mail is icloud.com (and the old me.com, mac.com)
    "hotmail": frozenset({"fr", "com"}),
    "outlook": frozenset({"fr", "com"}),
    "yahoo": frozenset({"fr", "com"}),
    "orange": frozenset({"fr"}),
    "wanadoo": frozenset({"fr"}),
}
# Providers whose addresses use no other ending: any other one is a slip.
_SINGLE_ENDING = frozenset({"gmail", "laposte", "icloud"})
# Real mail domains one letter away from a provider above: never "corrected".
_REAL_DOMAINS = frozenset(
    {"ymail.com", "mail.com", "email.com", "gmx.fr", "gmx.com", "me.com", "mac.com", "live.fr", "live.com"}
)
_REAL_NAMES = frozenset({"ymail", "mail", "email", "gmx"})
# Endings that are slips for .com or .fr (none of them is a country's ending).
_ENDING_SLIPS = {
    "con": "com",
    "cpm": "com",
    "vom": "com",
    "xom": "com",
    "comm": "com",
    "cmo": "com",
    "ocm": "com",
    "co": "com",
    "frr": "fr",
    "ft": "fr",
    "rf": "fr",
}


def _slips(a: str, b: str) -> int:
    """Typing distance (optimal string alignment): a swapped pair of letters counts as one slip."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


def _provider(name: str) -> str | None:
    if name in _MAIL_PROVIDERS:
        return name
    if name in _REAL_NAMES:
        return None
    return next((p for p in _MAIL_PROVIDERS if _slips(name, p) == 1), None)


def _corrected_domain(domain: str) -> str | None:
    name, dot, ending = domain.rpartition(".")
    if not dot or domain in _REAL_DOMAINS:
        return None
    provider = _provider(name)
    if provider is None:
        fixed_ending = _ENDING_SLIPS.get(ending)
        return f"{name}.{fixed_ending}" if fixed_ending else None
    endings = _MAIL_PROVIDERS[provider]
    if ending not in endings:
        if provider in _SINGLE_ENDING:
            ending = next(iter(endings))
        elif _ENDING_SLIPS.get(ending) in endings:
            ending = _ENDING_SLIPS[ending]
    corrected = f"{provider}.{ending}"
    return None if corrected == domain else corrected


def check_email(value: str) -> str | None:
    address = value.strip()
    if any(c.isspace() for c in address):
        return "email.space"
    if "@" not in address:
        return "email.no_at"
    if address.count("@") > 1:
        return "email.format"
    if any(ord(c) > LAST_ASCII_CODE and c.isalpha() for c in address):
        return "email.accent"
    local, domain = address.split("@")
    domain = domain.lower()
    if not domain:
        return "email.no_domain"
    if (
        not local
        or _LOCAL_PART.fullmatch(local) is None
        or ".." in local
        or local[0] == "."
        or local[-1] == "."
    ):
        return "email.format"
    if re.fullmatch(r"[a-z0-9.-]+", domain) is None:
        return "email.format"
    if "." not in domain:
        return "email.no_domain"
    labels = domain.split(".")
    if (
        not all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        or re.fullmatch(r"[a-z]{2,}", labels[-1]) is None
    ):
        return "email.format"
    if _corrected_domain(domain) is not None:
        return "email.domain_typo"
    return None


def email_suggestion(value: str) -> str | None:
    """The address with a well-known provider's name spelled right (``gmial.com`` -> ``gmail.com``)."""
    address = value.strip()
    if address.count("@") != 1:
        return None
    local, domain = address.split("@")
    corrected = _corrected_domain(domain.lower())
    return f"{local}@{corrected}" if corrected else None
