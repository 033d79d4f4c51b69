"""Thin Qt models over core results: raw value in UserRole, text in DisplayRole, colour in BackgroundRole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from engage_desktop.ui import i18n

Index = QModelIndex | QPersistentModelIndex
Formatter = Callable[[Any], str]


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, Decimal):
        return i18n.money(value)
    if isinstance(value, float):
        return i18n.number(value, 2)
    if isinstance(value, int):
        return i18n.number(value)
    if isinstance(value, dt.datetime):  # the language's way (2026年10月31日 14:05 / 31 Oct 2026 14:05)
        return f"{i18n.date_label(value)} {value:%H:%M}"
    if isinstance(value, dt.date):
        return i18n.date_label(value)
    return str(value)


def sort_key(value: Any) -> Any:
    """A value Qt compares as the value: a Python date reaches Qt as an object it cannot order (a list
    sorted by it came out in text order, 2023年12月10日 before 2023年5月4日), so dates are numbers."""
    if isinstance(value, dt.datetime):
        return value.timestamp() if value.tzinfo else (value - dt.datetime(1970, 1, 1)).total_seconds()
    if isinstance(value, dt.date):
        return float(value.toordinal())
    if isinstance(value, Decimal):
        return float(value)
    return value


class TableModel(QAbstractTableModel):
    """Rows of plain values with headers; optional per-column formatters and heat colours."""

    def __init__(self, headers: Sequence[str] = (), rows: Sequence[Sequence[Any]] = (),
                 formatters: dict[int, Formatter] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._formatters = formatters or {}
        self._colours: Callable[[int, int, Any], QColor | None] | None = None

    def set_data(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 formatters: dict[int, Formatter] | None = None) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        if formatters is not None:
            self._formatters = formatters
        self.endResetModel()

    def set_colours(self, colours: Callable[[int, int, Any], QColor | None]) -> None:
        self._colours = colours

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def value(self, row: int, column: int) -> Any:
        return self._rows[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            formatter = self._formatters.get(index.column(), default_text)
            return formatter(value)
        if role == Qt.ItemDataRole.UserRole:  # what lists sort by: the value, as Qt can compare it
            return sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._colours is not None:
            return self._colours(index.row(), index.column(), value)
        if role == Qt.ItemDataRole.ForegroundRole and self._colours is not None:
            background = self._colours(index.row(), index.column(), value)
            if background is not None and background.lightness() < 130:
                return QColor(255, 255, 255)  # keep text readable on the darkest heat cells
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._formatters.get(index.column(), default_text)(value)
            return text if len(text) > 20 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section < len(self._headers):
            return self._headers[section]
        return super().headerData(section, orientation, role)


class TitledTableModel(TableModel):
    """A table whose rows have titles (down the side) and whose cells each have a tooltip (a heat map's
    "how many of how many")."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.row_titles: list[str] = []
        self.tooltips: list[list[str]] = []

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical and section < len(self.row_titles):
            return self.row_titles[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < len(self.tooltips):
            return self.tooltips[index.row()][index.column()]
        return super().data(index, role)


def heat(value: float, maximum: float) -> QColor:
    """White to deep teal (the darkest cells switch to white text, see ForegroundRole)."""
    share = 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    low, high = QColor(255, 255, 255), QColor(22, 110, 122)
    return QColor(int(low.red() + (high.red() - low.red()) * share),
                  int(low.green() + (high.green() - low.green()) * share),
                  int(low.blue() + (high.blue() - low.blue()) * share))
