"""File ▸ Backups…: the shop file's automatic backups, and restoring one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from engage_desktop.core import backups
from engage_desktop.ui import i18n


class BackupsDialog(QDialog):
    """Lists the backups newest first; Restore puts the chosen one in place of the shop file."""

    def __init__(self, shop: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Backups of %1").replace("%1", shop.name))
        self.resize(720, 420)
        self.found = backups.list_backups(shop)
        self.table = QTableWidget(len(self.found), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, backup in enumerate(self.found):
            when = f"{i18n.date_label(backup.made)} {backup.made:%H:%M:%S}"
            for column, text in enumerate((when, backups.reason_text(backup.reason), f"{backup.size / 1e6:,.1f} MB")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.found:
            self.table.selectRow(0)
        note = QLabel(self.tr("A copy of the shop file is kept before each import and undo, and once a day. Restoring "
                              "one puts it in place of the shop file; the current file is kept as one more backup."))
        note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore the selected backup"))
        self.restore_button.setEnabled(bool(self.found))
        self.restore_button.clicked.connect(self._restore)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        if not self.found:
            layout.addWidget(QLabel(self.tr("No backups yet: the first is made before the next import.")))
        layout.addLayout(buttons)

    def _restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.found):
            return
        backup = self.found[row]
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Put the backup of %1 in place of the shop file? Everything imported after it is no longer "
                    "in the shop (the current file is kept as a backup).").replace("%1", self.table.item(row, 0).text()))
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = backup.path
            self.accept()
