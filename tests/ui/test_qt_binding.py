"""Guards against a Qt binding that corrupts Python's reference counts when signals are emitted.

PySide6 6.12.0 releases None and the booleans one time too many on some signal
emissions from Python, so a kiosk running all day aborts with "Fatal Python error:
none_dealloc". The kiosk pins 6.11.3; this test fails on a version with that bug.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMISSIONS = 2000


class Emitter(QObject):
    text = Signal(str)
    nothing = Signal()
    number = Signal(int)


class Receiver(QObject):
    def slot(self, *_: object) -> None:
        return None

    def answer(self, *_: object) -> bool:
        return True


def test_emitting_signals_keeps_none_and_booleans_alive(qapp: object) -> None:
    emitter, receiver = Emitter(), Receiver()
    emitter.text.connect(receiver.slot)
    emitter.nothing.connect(receiver.answer)
    emitter.number.connect(lambda _: None)
    before = (sys.getrefcount(None), sys.getrefcount(True))
    for index in range(EMISSIONS):
        emitter.text.emit("x")
        emitter.nothing.emit()
        emitter.number.emit(index)
    after = (sys.getrefcount(None), sys.getrefcount(True))
    assert after[0] - before[0] > -10 and after[1] - before[1] > -10, (before, after)
