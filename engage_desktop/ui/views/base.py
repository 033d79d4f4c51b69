"""The base of every view: load on the database thread, show on the GUI thread, empty states."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.views import BY_KEY as VIEW_SPECS_BY_KEY
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.context import AppContext

FEW_CUSTOMERS = 30  # below this, shares and deciles say more about luck than about the shop


class View(QWidget):
    """Subclasses implement ``load(store, as_of)`` (database thread) and ``show_data(data)`` (GUI thread)."""

    key = "view"
    loaded = Signal()  # data is on screen (screenshot mode and tests wait for it)

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
        ctx.data_changed.connect(self.mark_dirty)
        ctx.language_changed.connect(self._language_changed)

    # -- to implement ------------------------------------------------------------------
    def title(self) -> str:
        """The view's name in the owner's language (core/views.py: one name across window, export, CLI)."""
        return VIEW_SPECS_BY_KEY[self.key].title(i18n.current())

    def load(self, store: Store, as_of: dt.date) -> Any:
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set the texts of fixed widgets (called at start and when the language changes)."""

    def chart_widget(self) -> QWidget:
        """What "Export chart as PNG" saves: the view's main chart, or the whole view."""
        return getattr(self, "chart", None) or self

    def has_data(self, store: Store) -> bool:
        """False shows the empty state instead of the view (database thread)."""
        return bool(store.con.execute("SELECT count(*) > 0 FROM orders").fetchone()[0])

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

    def _language_changed(self) -> None:
        self.retranslate()
        if self.data is not None and self._stack.currentWidget() is self.content:
            self.show_data(self.data)

    def refresh(self) -> None:
        self.dirty = False
        self.loading = True
        as_of = self.ctx.as_of

        def job(store: Store, state: object) -> tuple[bool, Any]:
            if not self.has_data(store):
                return False, None
            return True, self.load(store, resolve_as_of(store, as_of))

        self.ctx.db.submit(job, self._loaded, self._failed)

    def _loaded(self, result: tuple[bool, Any]) -> None:
        self.loading = False
        has_data, data = result
        if not has_data:
            self.data = None
            self._empty.setText(self.empty_message())
            self._stack.setCurrentWidget(self._empty)
        else:
            self.data = data
            self._stack.setCurrentWidget(self.content)
            self.show_data(data)
        self.loaded.emit()

    def _failed(self, message: str) -> None:
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
