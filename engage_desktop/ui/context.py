"""What every view shares: the database thread, the as-of date, and 'the data changed'."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from engage_desktop.ui.db import Database


class AppContext(QObject):
    data_changed = Signal()  # after an import, an undo, a settings change, or opening another shop
    language_changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.as_of: dt.date | None = None  # None: the day of the last order
        self.tier_names: dict[str, tuple[str, str]] = {}  # tier key -> (Japanese, English), from the shop file

    def tier_name(self, key: str | None) -> str:
        if key is None:
            return ""
        from engage_desktop.ui import i18n

        return i18n.pick(*self.tier_names.get(key, (key, key)))
