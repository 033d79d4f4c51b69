"""Changing the measures log (施策) from any view, undoably.

Each change is a QUndoCommand on the window's one undo stack (AppContext.undo_stack), so an addition made
from the journey map is undone from the measures view like any other. Redo and undo run on the database
thread, in the order they were asked for; after each, every view shows the log as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from engage_desktop.core.metrics import measures
from engage_desktop.core.metrics.measures import Measure
from engage_desktop.core.store import Store
from engage_desktop.ui.background import show_error
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.measure_dialog import MeasureDialog


def open_form(parent: QWidget, ctx: AppContext, current: Measure | None, as_of: dt.date,
              on_added: Callable[[int], None] | None = None, **preset: Any) -> MeasureDialog:
    """The measure's form; saving pushes the change onto the undo stack. ``preset``: fields of a new one."""
    dialog = MeasureDialog(parent, ctx.tiers, current or Measure("", as_of, **preset), as_of)

    def saved() -> None:
        after = dialog.result_measure
        if after is None or after == current:
            return
        ctx.undo_stack.push(AddMeasure(parent, ctx, after, on_added) if current is None
                            else EditMeasure(parent, ctx, current, after))

    dialog.accepted.connect(saved)
    dialog.open()
    return dialog


class _Change(QUndoCommand):
    def __init__(self, parent: QWidget, ctx: AppContext) -> None:
        super().__init__()
        self.parent, self.ctx = parent, ctx

    def run(self, job: Callable[[Store, object], Any], then: Callable[[Any], None] | None = None) -> None:
        def done(result: Any) -> None:
            if then:
                then(result)
            self.ctx.data_changed.emit()

        self.ctx.db.submit(job, done, lambda message: show_error(self.parent, message))


class AddMeasure(_Change):
    def __init__(self, parent: QWidget, ctx: AppContext, m: Measure, on_added: Callable[[int], None] | None) -> None:
        super().__init__(parent, ctx)
        self.setText(QCoreApplication.translate("MeasureLog", "Add “%1”").replace("%1", m.name))
        self.measure, self.on_added = m, on_added
        self.stored: dict[str, int] = {}  # its id: set on the database thread, read there by undo (jobs run in order)

    def redo(self) -> None:
        def job(store: Store, state: object) -> int:
            if "id" in self.stored:  # redone after an undo: the same measure, the same id
                measures.restore(store, replace(self.measure, id=self.stored["id"]))
            else:
                self.stored["id"] = measures.add(store, self.measure)
            return self.stored["id"]

        self.run(job, self.on_added)

    def undo(self) -> None:
        def job(store: Store, state: object) -> None:
            if "id" in self.stored:  # an add that failed (its error was shown) added nothing to take back
                measures.delete(store, self.stored["id"])

        self.run(job)


class EditMeasure(_Change):
    def __init__(self, parent: QWidget, ctx: AppContext, before: Measure, after: Measure) -> None:
        super().__init__(parent, ctx)
        self.setText(QCoreApplication.translate("MeasureLog", "Edit “%1”").replace("%1", before.name))
        self.before, self.after = before, after

    def redo(self) -> None:
        self.run(lambda store, state: measures.update(store, self.after))

    def undo(self) -> None:
        self.run(lambda store, state: measures.restore(store, self.before))


class DeleteMeasure(_Change):
    def __init__(self, parent: QWidget, ctx: AppContext, m: Measure) -> None:
        super().__init__(parent, ctx)
        self.setText(QCoreApplication.translate("MeasureLog", "Delete “%1”").replace("%1", m.name))
        self.measure = m

    def redo(self) -> None:
        self.run(lambda store, state: measures.delete(store, self.measure.id or 0))

    def undo(self) -> None:
        self.run(lambda store, state: measures.restore(store, self.measure))
