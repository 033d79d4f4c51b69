"""Progress and cancellation passed into long work.

Long work is a plain function that takes a ``TaskState``; the GUI wraps it and
turns progress into signals, tests pass a plain instance (Orange's TaskState).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from engage_desktop.core.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


class TaskState:
    """Thread-safe progress/cancel state shared between a worker and its caller."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._interrupt: Callable[[], None] | None = None
        self._parent: TaskState | None = None

    def child(self, on_progress: ProgressCallback | None = None) -> TaskState:
        """A state for one part of the work: its own progress, the parent's Cancel."""
        part = TaskState(on_progress)
        part._cancel = self._cancel
        part._parent = self
        return part

    def _root(self) -> TaskState:
        return self._parent._root() if self._parent is not None else self

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; a running DuckDB query is interrupted too."""
        self._cancel.set()
        interrupt = self._root()._interrupt
        if interrupt is not None:
            interrupt()

    def on_progress(self, callback: ProgressCallback | None) -> None:
        """Where progress goes (the GUI's database thread forwards it as a signal)."""
        self._on_progress = callback

    def set_interrupt(self, interrupt: Callable[[], None] | None) -> None:
        self._root()._interrupt = interrupt

    def progress(self, done: int, total: int, message: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, message)

    def check(self) -> None:
        """Raise ``Cancelled`` when cancel was asked for; call between steps."""
        if self.cancelled:
            raise Cancelled()


class CheckedConnection:
    """A DuckDB connection whose queries stop soon after Cancel, wherever it lands.

    ``TaskState.cancel`` interrupts the query that is running, but DuckDB does not see an
    interrupt that arrives while it still parses and plans a query (the read of a file is a long
    statement), nor one between two queries: the next second-long query would run to its end.
    So each ``execute`` checks for Cancel first, and while it runs a watcher repeats the
    interrupt every 50 ms once Cancel was asked for. An import's staging and its writes run through
    this; the watcher ends with its statement, so the rollback that follows a Cancel runs on the
    plain connection, uninterrupted."""

    def __init__(self, con: Any, state: TaskState) -> None:
        self._con = con
        self._state = state

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        self._state.check()
        done = threading.Event()

        def nudge() -> None:
            while not done.wait(0.05):
                if self._state.cancelled:
                    self._con.interrupt()

        watcher = threading.Thread(target=nudge, name="cancel-watcher", daemon=True)
        watcher.start()
        try:
            return self._con.execute(*args, **kwargs)
        finally:
            done.set()
            watcher.join()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)
