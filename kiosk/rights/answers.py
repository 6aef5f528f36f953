"""The answers a person gives to « Quelles aides pour moi ? », held in memory for the visit only.

Income, family and disability are personal data of the most sensitive kind. Like a
``kiosk.secret.Secret``, ``Answers`` never shows its values (``repr``, ``str``, logs), refuses to
be pickled, copied or turned into JSON, and ``wipe()`` overwrites each value in place before
forgetting it. Nothing here ever reaches the store: the visit wipes the answers when it ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NoReturn

_TEXT = 0x74  # "t": the value was a string (a choice, a postal code, « je ne sais pas »)
_NUMBER = 0x6E  # "n": the value was a whole number (an age, a count, euros)


class Answers:
    """The answers given so far, by question id, in the order they were first given.

    Each value is kept as bytes in a ``bytearray`` that ``wipe()`` overwrites with zeros.
    The copies Python made on the way (the digits a keypad held, the ``int`` passed in) are
    not this object's to overwrite; they go with the screen that made them.
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[str, bytearray] = {}

    def set(self, question_id: str, value: str | int) -> None:
        """Keep ``value`` as the answer to ``question_id`` (an earlier answer to it is overwritten)."""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError("an answer is a string or a whole number")
        tag = _TEXT if isinstance(value, str) else _NUMBER
        encoded = bytearray([tag]) + bytearray(str(value).encode("utf-8"))
        earlier = self._values.get(question_id)
        if earlier is not None:
            _zero(earlier)
            earlier[:] = encoded  # same place in the order: the question keeps its rank
            _zero(encoded)
        else:
            self._values[question_id] = encoded

    def get(self, question_id: str) -> str | int | None:
        """The answer to ``question_id``, or None when it was not answered."""
        stored = self._values.get(question_id)
        if stored is None:
            return None
        text = stored[1:].decode("utf-8")
        return int(text) if stored[0] == _NUMBER else text

    def forget(self, question_id: str) -> None:
        """Overwrite and drop one answer (nothing happens when it was not answered)."""
        stored = self._values.pop(question_id, None)
        if stored is not None:
            _zero(stored)

    def forget_after(self, question_id: str) -> None:
        """Overwrite and drop every answer given after the one to ``question_id`` (kept itself).

        Answers are kept in the order the questions were first answered, which is the order
        they are asked in; an answer changed later keeps its rank.
        """
        ids = list(self._values)
        if question_id not in ids:
            return
        for later in ids[ids.index(question_id) + 1 :]:
            self.forget(later)

    def wipe(self) -> None:
        """Overwrite every value with zeros, then forget them all."""
        for stored in self._values.values():
            _zero(stored)
        self._values.clear()

    def answered(self) -> tuple[str, ...]:
        """The ids of the questions answered, in order (ids only: they say nothing of the values)."""
        return tuple(self._values)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._values))

    def __len__(self) -> int:
        return len(self._values)

    def __bool__(self) -> bool:
        return bool(self._values)

    def __repr__(self) -> str:
        return f"Answers({len(self._values)} answers)"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("answers cannot be pickled: they live in memory for the visit only")

    def __getstate__(self) -> NoReturn:
        raise TypeError("answers cannot be serialised: they live in memory for the visit only")

    def __copy__(self) -> NoReturn:
        raise TypeError("answers cannot be copied; pass them on instead")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("answers cannot be copied; pass them on instead")


def _zero(stored: bytearray) -> None:
    for index in range(len(stored)):
        stored[index] = 0
