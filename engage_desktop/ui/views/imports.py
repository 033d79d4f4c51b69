"""取り込み履歴: every imported file with its accounting, its rejected rows, and undo."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout

from engage_desktop.core.messages import t
from engage_desktop.ui.background import show_error
from engage_desktop.ui.customer_list import SIZE_FROM_ROWS
from engage_desktop.ui.layout import row_table, splitter, vstack
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import View


def _pipeline() -> ModuleType:
    """The import pipeline, imported on first use (this view shown, an import undone): start-up pays only
    for the first view."""
    from engage_desktop.core.importing import pipeline

    return pipeline


class ImportsView(View):
    key = "imports"
    import_requested = Signal()

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.chosen_id: int | None = None  # the import selected in the history
        self.history_model = TableModel()
        self.history = row_table(self.history_model)
        self.history.clicked.connect(lambda index: self.select(index.row()))
        self.rejects_model = TableModel()
        self.rejects = QTableView()
        self.rejects.setModel(self.rejects_model)
        self.rejects.verticalHeader().setVisible(False)
        self.rejects.horizontalHeader().setStretchLastSection(True)
        self.rejects.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)  # up to 1,000 rejects
        self.rejects.verticalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.import_button, self.undo_button = QPushButton(), QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        self.caption, self.rejects_caption = QLabel(), QLabel()
        for label in (self.caption, self.rejects_caption):
            label.setStyleSheet("font-weight: bold;")
            label.setWordWrap(True)  # on a narrow window it wraps, not widens the window (886 px at least)
        head = QHBoxLayout()
        head.addWidget(self.caption, 1)
        head.addWidget(self.import_button)
        head.addWidget(self.undo_button)
        QVBoxLayout(self.content).addWidget(splitter(
            Qt.Orientation.Vertical, vstack(head, self.history), vstack(self.rejects_caption, self.rejects),
            sizes=[400, 250]))
        self.imports: list[dict[str, Any]] = []
        self.retranslate()


    def retranslate(self) -> None:
        self.caption.setText(self.tr("Imported files: every row is read, imported, rejected or skipped"))
        self.import_button.setText(self.tr("Import files…"))
        self.undo_button.setText(self.tr("Undo this import…"))
        self.rejects_caption.setText(self.tr("Rejected rows of the selected import"))

    has_data = staticmethod(lambda store: True)  # an empty history is still the place to start importing
    load = staticmethod(lambda store, as_of, inputs: _pipeline().list_imports(store))

    def show_data(self, data: list[dict[str, Any]]) -> None:
        from engage_desktop.core.importing.readings import encoding_name, status_text  # on first use, see _pipeline

        self.imports = data
        headers = ["#", self.tr("File"), self.tr("Format"), self.tr("Encoding"), self.tr("Read"), self.tr("Imported"),
                   self.tr("Rejected"), self.tr("Skipped"), self.tr("Status"), self.tr("Finished")]
        # The format is stored as its catalogue msgid (older shops: its Japanese, which t() leaves as it is).
        rows = [(r["id"], r["file_name"], t(r["format_label"]) if r["format_label"] else "", encoding_name(r["encoding"]), r["rows_read"], r["rows_imported"],
                 r["rows_rejected"], r["rows_skipped"], status_text(r["status"]), r["finished_at"])
                for r in reversed(data)]
        self.history_model.set_data(headers, rows, {0: str})
        self.rejects_model.set_data([self.tr("Line"), self.tr("Column"), self.tr("Reason"), self.tr("Original text")], [])
        self.undo_button.setEnabled(False)
        if rows:
            # The import the owner was looking at (the one just undone) stays selected; else the newest.
            ids = [row[0] for row in rows]
            row = ids.index(self.chosen_id) if self.chosen_id in ids else 0
            self.history.selectRow(row)
            self.select(row)

    def selected_import(self) -> dict[str, Any] | None:
        rows = self.history.selectionModel().selectedRows()
        if not rows:
            return None
        import_id = self.history_model.value(rows[0].row(), 0)
        return next(r for r in self.imports if r["id"] == import_id)

    def select(self, row: int) -> None:
        import_id = self.history_model.value(row, 0)
        record = next(r for r in self.imports if r["id"] == import_id)
        self.chosen_id = import_id
        # Only an import that brought something can be undone (nothing new, undone: nothing to take out).
        self.undo_button.setEnabled(record["status"] == "imported")

        def show(rejects: list[Any]) -> None:
            self.rejects_model.set_data([self.tr("Line"), self.tr("Column"), self.tr("Reason"), self.tr("Original text")],
                                        [(r.line, r.column, r.reason, r.text) for r in rejects], {0: str})
            self.rejects.resizeColumnsToContents()

        self.ctx.db.submit(lambda store, state: _pipeline().import_rejects(store, import_id), show)

    def undo(self) -> None:
        record = self.selected_import()
        if record is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Undo import"),
            self.tr("Remove everything that import #%1 (%2) added to the shop? The file itself is not touched.")
            .replace("%1", str(record["id"])).replace("%2", record["file_name"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        import_id = record["id"]
        self.ctx.db.submit(lambda store, state: _pipeline().undo_import(store, import_id),
                           lambda _: self.ctx.data_changed.emit(), lambda message: show_error(self, message))
