"""Passwords, codes, PINs and secret answers: values that must never be written anywhere.

A ``Secret`` shows itself masked (in a log line, a traceback, an f-string), refuses
to be turned into JSON or pickled, and can be wiped when it is no longer needed.
The one way to read it is ``reveal()``, so every use is easy to find and review.
The store refuses any ``Secret`` and any field named in ``CREDENTIAL_FIELDS``.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from typing import NoReturn

MASK = "••••"

# Field names that hold credentials wherever they appear (content, records, settings).
CREDENTIAL_FIELDS = frozenset(
    {
        "password",
        "passphrase",
        "pin",
        "code",
        "confirmation_code",
        "resume_code",
        "secret_answer",
        "mot_de_passe",
    }
)


class Secret:
    """A credential held in memory only; masked when shown, refused by JSON, pickle and the store."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = bytearray(value.encode("utf-8"))

    def reveal(self) -> str:
        """The clear value, for the one place that needs it (a check, a key derivation)."""
        return self._value.decode("utf-8")

    def reveal_bytes(self) -> bytes:
        return bytes(self._value)

    def wipe(self) -> None:
        """Overwrite the value in place; the secret is empty afterwards."""
        for index in range(len(self._value)):
            self._value[index] = 0
        self._value = bytearray()

    @property
    def wiped(self) -> bool:
        return not self._value

    def matches(self, other: Secret) -> bool:
        """Constant-time comparison, so the time taken tells nothing about the value."""
        return hmac.compare_digest(bytes(self._value), bytes(other._value))

    def __len__(self) -> int:
        return len(self.reveal())

    def __repr__(self) -> str:
        return f"Secret({MASK})"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and self.matches(other)

    __hash__ = None  # type: ignore[assignment]  # a secret is never a dictionary key

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("a Secret cannot be pickled")

    def __getstate__(self) -> NoReturn:
        raise TypeError("a Secret cannot be serialised")

    def __copy__(self) -> NoReturn:
        raise TypeError("a Secret cannot be copied; pass it on instead")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("a Secret cannot be copied; pass it on instead")


class CredentialRefused(TypeError):
    """Something tried to store a credential; it was stopped before reaching the disk."""


def refuse_credentials(value: object, where: str = "value") -> None:
    """Raise ``CredentialRefused`` if ``value`` is or contains a Secret or a credential field."""
    if isinstance(value, Secret):
        raise CredentialRefused(f"{where}: a Secret cannot be stored")
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key).lower() in CREDENTIAL_FIELDS:
                raise CredentialRefused(f"{where}: the field {key!r} is a credential and cannot be stored")
            refuse_credentials(item, f"{where}.{key}")
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            refuse_credentials(item, f"{where}[{index}]")


# Words that announce a credential in free text, and the shapes credentials take.
_CREDENTIAL_WORDS = re.compile(
    r"\b(mots? de passe|mdp|password|identifiant|code|pin)\b",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d{4,}")  # a PIN, a confirmation code, a card's digits
_TOKEN = re.compile(r"\S{8,}")


def _password_shaped(token: str) -> bool:
    """Letters with digits or signs in one word of 8 or more characters: "Exercice-2026", "azerty12"."""
    token = token.strip(".,;:!?()«»\"'")
    if "@" in token or "://" in token or token.startswith("www."):
        return False  # an e-mail or web address is not hidden, it is written down on purpose
    has_letter = any(ch.isalpha() for ch in token)
    has_other = any(
        ch.isdigit() or (unicodedata.category(ch).startswith(("P", "S")) and ch not in "'’-") for ch in token
    )  # an apostrophe or a hyphen makes French words ("d'imposition", "rendez-vous"), not passwords
    return has_letter and has_other


def looks_like_credential(text: str) -> bool:
    """Whether free text (a mediator's note) seems to hold a password or a code: worth a warning.

    Deliberately eager: a false alarm costs a second touch, a password kept costs a person.
    """
    return bool(
        _CREDENTIAL_WORDS.search(text)
        or _DIGIT_RUN.search(text)
        or any(_password_shaped(token) for token in _TOKEN.findall(text))
    )
