"""A card of the home screen: a title, a big figure and a few lines, the whole card a link to the view
that explains it (click, or Enter / Space when it has the focus)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Card(QFrame):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: #fafafa; border: 1px solid #d6d6d6; border-radius: 6px; }"
                           "QFrame#card:hover, QFrame#card:focus { border-color: #4682b4; }")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title, self.figure, self.lines = QLabel(), QLabel(), QLabel()
        self.title.setStyleSheet("color: #444; font-weight: bold;")
        self.figure.setStyleSheet("font-size: 20px; font-weight: bold; color: #1f3b57;")
        self.lines.setStyleSheet("color: #333;")
        self.title.setWordWrap(True)
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.figure)
        layout.addWidget(self.lines, 1, Qt.AlignmentFlag.AlignTop)

    def set_texts(self, title: str, figure: str, lines: str, tooltip: str = "") -> None:
        self.title.setText(title)
        self.figure.setText(figure)
        self.figure.setVisible(bool(figure))
        self.lines.setText(lines)
        self.setToolTip(tooltip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
