"""run_in_background: long work with a progress dialog, Cancel, and a readable error (Anki's QueryOp)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from engage_desktop import APP_NAME
from engage_desktop.core.tasks import TaskState
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.db import Database, Job

SHOW_AFTER_MS = 500  # the promise: progress for anything that takes longer than half a second


def run_in_background(parent: QWidget, db: Database, job: Job, on_done: Callable[[Any], None], label: str,
                      on_error: Callable[[str], None] | None = None) -> TaskState:
    dialog = QProgressDialog(label, QCoreApplication.translate("Background", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if message:
            dialog.setLabelText(message)

    def finish(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        on_done(result)

    def fail(message: str) -> None:
        dialog.close()
        dialog.deleteLater()
        if on_error:
            on_error(message)
        else:
            show_error(parent, message)

    state = db.submit(job, finish, fail, progress)
    dialog.canceled.connect(state.cancel)
    return state


def show_error(parent: QWidget, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()


def save_then_close(dialog: QDialog, ctx: AppContext, job: Job) -> None:
    """Save the owner's edit on the database thread; then close the dialog and refresh the views.
    If saving fails the dialog stays open with the message, so nothing typed is lost."""

    def done(_: Any) -> None:
        dialog.accept()
        ctx.data_changed.emit()

    ctx.db.submit(job, done, lambda message: show_error(dialog, message))
