"""The base of every view: load on the database thread, show on the GUI thread, empty states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from engage_desktop.core.metrics.base import has_orders, resolve_as_of
from engage_desktop.core.metrics.kept import keeping
from engage_desktop.core.views import BY_KEY as VIEW_SPECS_BY_KEY
from engage_desktop.core.store import Store
from engage_desktop.ui.context import AppContext

FEW_CUSTOMERS = 30  # below this, shares and deciles say more about luck than about the shop


class View(QWidget):
    """Subclasses give ``inputs()`` (GUI thread: reads their filters into a frozen value), ``load``
    (database thread) and ``show_data(data)`` (GUI thread).

    ``load`` is a plain function, ``load = staticmethod(fn)`` with ``fn(store, as_of, inputs)``: it runs on
    the database thread, where widgets must not be touched, and as a function it has no view to
    touch. A load that a newer one replaced (the owner changed a filter meanwhile) is dropped.
    """

    key = "view"
    loaded = Signal()  # data is on screen (screenshot mode and tests wait for it)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("load", "has_data"):
            if name in cls.__dict__ and not isinstance(cls.__dict__[name], staticmethod):
                raise TypeError(f"{cls.__name__}.{name} must be a plain function (staticmethod): it runs on the "
                                "database thread, where the view's widgets must not be touched")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any = None
        self._stack = QStackedWidget()
        self.content = QWidget()
        self._empty = QLabel()
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: #555; font-size: 15px; padding: 40px;")
        self._stack.addWidget(self.content)
        self._stack.addWidget(self._empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self.dirty = True
        self.loading = False  # a load is on its way from the database thread
        self._generation = 0  # of the latest load asked for: older results are dropped
        ctx.data_changed.connect(self.mark_dirty)
        ctx.language_changed.connect(self._language_changed)

    # -- to implement ------------------------------------------------------------------
    def title(self) -> str:
        """The view's name in the owner's language (core/views.py: one name across window, export, CLI)."""
        return VIEW_SPECS_BY_KEY[self.key].title()

    def inputs(self) -> Any:
        """What ``load`` needs from the screen (its filters, the selection), read here on the GUI thread
        into a frozen dataclass. None: the view has no filters."""
        return None

    load: Callable[[Store, dt.date, Any], Any] = staticmethod(lambda store, as_of, inputs: None)

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set the texts of fixed widgets (called at start and when the language changes)."""

    def chart_widget(self) -> QWidget:
        """What "Export chart as PNG" saves: the view's main chart, or the whole view."""
        return getattr(self, "chart", None) or self

    has_data: Callable[[Store], bool] = staticmethod(has_orders)  # False shows the empty state (database thread)

    def empty_message(self) -> str:
        # Explicit context: self.tr() would look the text up under the subclass's name.
        return QCoreApplication.translate("View", "No orders yet. Import your shop's order export (File ▸ Import files…) "
                                          "or open the sample shop to see how this view works.")

    # -- plumbing ----------------------------------------------------------------------
    def mark_dirty(self) -> None:
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)  # type: ignore[arg-type]
        if self.dirty:
            self.refresh()

    def finish_editing(self) -> bool:
        """Commit what the owner is typing in a cell (the window is closing); True if something was."""
        return False

    def _language_changed(self) -> None:
        self.retranslate()
        # What core loaded is in the old language (the steps, rules, tier names): load it again.
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.dirty = False
        self.loading = True
        self._generation += 1
        generation, as_of, inputs = self._generation, self.ctx.as_of, self.inputs()
        load, has_data = type(self).load, type(self).has_data  # plain functions: no widget reaches the worker

        def job(store: Store, state: object) -> tuple[int, bool, Any]:
            if not has_data(store):
                return generation, False, None
            with keeping(store):  # a view's sections share the customers' facts (metrics/kept.py)
                return generation, True, load(store, resolve_as_of(store, as_of), inputs)

        self.ctx.db.submit(job, self._loaded, lambda message: self._failed(generation, message))

    def _loaded(self, result: tuple[int, bool, Any]) -> None:
        generation, has_data, data = result
        if generation != self._generation:
            return  # a newer load was asked for (a filter changed meanwhile): its data is what counts
        self.loading = False
        if not has_data:
            self.data = None
            self._empty.setText(self.empty_message())
            self._stack.setCurrentWidget(self._empty)
        else:
            self.data = data
            self._stack.setCurrentWidget(self.content)
            self.show_data(data)
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._empty.setText(message)
        self._stack.setCurrentWidget(self._empty)
        self.loaded.emit()

    def settled(self) -> bool:
        """Nothing to load and nothing loading: what is on screen is current."""
        return not self.dirty and not self.loading

    def showing_empty_state(self) -> bool:
        return self._stack.currentWidget() is self._empty

    def empty_text(self) -> str:
        return self._empty.text()
