"""Guards for the pinned Qt binding.

PySide6 6.12.0 drops a reference to True/False on every emit of a bool signal;
pyqtgraph emits many, and the app then aborted at exit ("bool_dealloc"). We pin
6.11.3; this test fails if a binding with that bug comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_bools_keeps_their_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    emitter.flag.connect(lambda v: None)
    emitter.value.connect(lambda v: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.flag.emit(True)
        emitter.value.emit(False)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
