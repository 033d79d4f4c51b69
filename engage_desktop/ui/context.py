"""What every view shares: the database thread, the as-of date, and 'the data changed'."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engage_desktop.core.metrics.ltv import Tier
from engage_desktop.ui.db import Database


class AppContext(QObject):
    data_changed = Signal()  # after an import, an undo, a settings change, or opening another shop
    language_changed = Signal()
    shop_changed = Signal()  # another shop file was opened (what was done in the last one is not undoable here)
    # A view asks for another one (the home screen's links): its key, and what to show in it (an action
    # list's key) or None.
    open_view = Signal(str, object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.as_of: dt.date | None = None  # None: the day of the last order
        self.tiers: dict[str, Tier] = {}  # by key, from the shop file: the owner's names for them
        # The owner's edits that can be taken back (the measures log); another shop's are not this one's.
        self.undo_stack = QUndoStack(self)
        self.shop_changed.connect(self.undo_stack.clear)

    def tier_name(self, key: str | None) -> str:
        """A tier's name in the current language (a key is never shown: an unknown one shows nothing)."""
        tier = self.tiers.get(key or "")
        return tier.name() if tier else ""
