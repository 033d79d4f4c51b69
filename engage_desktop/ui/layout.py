"""Small layout helpers: the margin-less columns and splitters every view is built from."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLayout, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

Item = QWidget | QLayout | tuple[QWidget | QLayout, int]


def _fill(layout: QVBoxLayout | QHBoxLayout, items: tuple[Item, ...]) -> None:
    for item in items:
        part, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)


def vstack(*items: Item) -> QWidget:
    """A widget stacking ``items`` top to bottom, without margins; ``(item, stretch)`` grows."""
    return _box(QVBoxLayout, items)


def hstack(*items: Item) -> QWidget:
    """Like ``vstack``, left to right."""
    return _box(QHBoxLayout, items)


def _box(kind: type[QVBoxLayout] | type[QHBoxLayout], items: tuple[Item, ...]) -> QWidget:
    widget = QWidget()
    layout = kind(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, items)
    return widget


def caption_label(wrap: bool = False) -> QLabel:
    """The bold title above a table or a chart, the same in every view."""
    label = QLabel()
    label.setStyleSheet("font-weight: bold; font-size: 14px;")
    label.setWordWrap(wrap)
    return label


def note_label(text: str = "", wrap: bool = True) -> QLabel:
    """The grey explanation under or beside a table, a chart or a field."""
    label = QLabel(text)
    label.setStyleSheet("color: #555;")
    label.setWordWrap(wrap)
    return label


def row_table(model: QAbstractItemModel) -> QTableView:
    """A read-only table whose rows are picked one at a time (tiers, imports)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def splitter(orientation: Qt.Orientation, *widgets: QWidget, sizes: list[int]) -> QSplitter:
    split = QSplitter(orientation)
    for widget in widgets:
        split.addWidget(widget)
    split.setSizes(sizes)
    return split


def refill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
    """A filter's choices after its first ("all …") anew, as (value, text), keeping the owner's choice when it
    is still one of them (else the first), without a change signal: the view reloads once, not per item."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
