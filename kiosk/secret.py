"""Passwords, codes, PINs and secret answers: values that must never be written anywhere.

A ``Secret`` shows itself masked (in a log line, a traceback, an f-string), refuses
to be turned into JSON or pickled, and can be wiped when it is no longer needed.
The one way to read it is ``reveal()``, so every use is easy to find and review.
The store refuses any ``Secret`` and any field named in ``CREDENTIAL_FIELDS``.
"""

from __future__ import annotations

import hmac
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
