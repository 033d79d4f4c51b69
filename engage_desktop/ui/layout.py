"""Small layout helpers: the margin-less columns and splitters every view is built from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget

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
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, items)
    return widget


def hstack(*items: Item) -> QWidget:
    """Like ``vstack``, left to right."""
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, items)
    return widget


def splitter(orientation: Qt.Orientation, *widgets: QWidget, sizes: list[int]) -> QSplitter:
    split = QSplitter(orientation)
    for widget in widgets:
        split.addWidget(widget)
    split.setSizes(sizes)
    return split
