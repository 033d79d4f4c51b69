"""One database thread that owns the shop file's connection.

DuckDB connections are not thread-safe, so every query and import goes
through this one worker (Anki runs collection work on one executor thread).
Jobs are plain functions ``job(store, state)``; results come back by signal,
on the GUI thread, to the callbacks given with the job.
"""

from __future__ import annotations

import itertools
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Signal, Slot

from engage_desktop.core import backups
from engage_desktop.core.messages import t
from engage_desktop.core.errors import Cancelled, EngageError, ShopFileDamaged
from engage_desktop.core.store import Store
from engage_desktop.core.tasks import TaskState

log = logging.getLogger(__name__)
Job = Callable[[Store, TaskState], Any]


@dataclass
class _Request:
    id: int
    job: Callable[[Any, TaskState], Any]  # receives the Store, or None for open/close jobs
    state: TaskState
    on_done: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    on_progress: Callable[[int, int, str], None] | None


class _Worker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str, bool)  # id, message, was it a cancel
    progress = Signal(int, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None

    @Slot(object)
    def run(self, request: _Request) -> None:
        try:
            result = request.job(self, request.state)
        except Cancelled as exc:
            self.failed.emit(request.id, str(exc), True)
        except EngageError as exc:
            self.failed.emit(request.id, str(exc), False)
        except Exception as exc:  # noqa: BLE001 - the owner gets a message, the log gets the trace
            log.error("database job failed\n%s", traceback.format_exc())
            name = type(exc).__name__
            if "Interrupt" in name:
                self.failed.emit(request.id, str(Cancelled()), True)
            else:
                self.failed.emit(request.id, f"Something went wrong ({name}: {exc}). "
                                             "Details were written to the log file.", False)
        else:
            self.finished.emit(request.id, result)


class Database(QObject):
    """Lives on the GUI thread; hands jobs to the worker thread and routes results back."""

    _submit = Signal(object)
    opened = Signal(object)  # Path of the shop file now open
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("engage-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Request] = {}
        self.path: Path | None = None
        self.last_open_damaged = False  # the last open failed on a damaged shop file
        self._thread.start()

    # -- jobs --------------------------------------------------------------------------
    def submit(self, job: Job, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[str], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               state: TaskState | None = None) -> TaskState:
        """Run ``job(store, state)`` on the database thread. Returns its state (for Cancel)."""

        def with_store(worker: _Worker, st: TaskState) -> Any:
            if worker.store is None:
                raise EngageError(t("No shop file is open. Open or create a shop first."))
            return job(worker.store, st)

        return self._send(with_store, on_done, on_error, on_progress, state)

    def _send(self, job: Callable[[Any, TaskState], Any], on_done: Callable[[Any], None] | None,
              on_error: Callable[[str], None] | None, on_progress: Callable[[int, int, str], None] | None,
              state: TaskState | None) -> TaskState:
        request_id = next(self._ids)
        state = state or TaskState()
        # Progress is reported from the worker thread: hop to the GUI thread by signal.
        state.on_progress(lambda done, total, msg: self._worker.progress.emit(request_id, done, total, msg))
        self._pending[request_id] = _Request(request_id, job, state, on_done, on_error, on_progress)
        self.busy_changed.emit(True)
        self._submit.emit(self._pending[request_id])
        return state

    def submit_unbound(self, fn: Callable[[], Any]) -> TaskState:
        """Run ``fn()`` on the database thread, with or without a shop open (housekeeping)."""
        return self._send(lambda worker, state: fn(), None, None, None, None)

    def open(self, path: Path, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[str], None] | None = None, prepare: Callable[[TaskState], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None) -> TaskState:
        """Close the current shop (if any) and open ``path``; ``prepare`` runs first (e.g. build the sample)."""

        def job(worker: _Worker, state: TaskState) -> Path:
            if worker.store is not None:
                worker.store.close()
                worker.store = None
            if prepare is not None:
                prepare(state)
            self.last_open_damaged = False
            try:
                worker.store = Store(path)
            except ShopFileDamaged:
                self.last_open_damaged = True  # read by the GUI thread's error callback: offer a backup
                raise
            if worker.store.setting("sample_version") is None:
                backups.daily(worker.store)
            return path

        def done(result: Path) -> None:
            self.path = result
            self.opened.emit(result)
            if on_done:
                on_done(result)

        return self._send(job, done, on_error, on_progress, None)

    def wait_idle(self, timeout_ms: int) -> bool:
        """Let the jobs already submitted finish (the last edits' saves) before closing; False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return not self._pending

    def shutdown(self) -> None:
        """Stop the thread and close the shop file. Safe to call twice.

        A running job is cancelled and waited for. Jobs still queued are dropped: QThread.quit()
        does not run them, so the shop file is closed here, with the thread stopped.
        """
        if not self._thread.isRunning():
            return
        for request in self._pending.values():
            request.state.cancel()
        self._thread.quit()
        self._thread.wait()
        if self._worker.store is not None:
            self._worker.store.close()
            self._worker.store = None
        # Results already on their way would call back into closed windows: drop them,
        # and with them the last references to the connection.
        QCoreApplication.removePostedEvents(self)
        self._pending.clear()

    # -- results -----------------------------------------------------------------------
    def _take(self, request_id: int) -> _Request | None:
        request = self._pending.pop(request_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return request

    def _on_finished(self, request_id: int, result: object) -> None:
        request = self._take(request_id)
        if request and request.on_done:
            request.on_done(result)

    def _on_failed(self, request_id: int, message: str, cancelled: bool) -> None:
        request = self._take(request_id)
        if request is None:
            return
        if request.on_error:
            request.on_error(message)
        elif not cancelled:
            log.warning("unhandled database error: %s", message)

    def _on_progress(self, request_id: int, done: int, total: int, message: str) -> None:
        request = self._pending.get(request_id)
        if request and request.on_progress:
            request.on_progress(done, total, message)

    @property
    def busy(self) -> bool:
        return bool(self._pending)
