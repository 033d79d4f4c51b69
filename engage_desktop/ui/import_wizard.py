"""The import wizard: see what each file is and what it will become, then import with progress and Cancel.

Nothing is written before the owner presses Import. Each file is still
imported all-or-nothing; Cancel stops the running file and leaves the shop
exactly as it was before it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QStackedWidget, QTableView, QTableWidget, QVBoxLayout,
                               QWidget)

from engage_desktop.core import money
from engage_desktop.core.errors import EngageError
from engage_desktop.core.export.lists import write_list
from engage_desktop.core.importing.dates import BY_KEY as DATE_LAYOUTS
from engage_desktop.core.importing.fields import field_label
from engage_desktop.core.importing.kinds import KINDS, column_label
from engage_desktop.core.importing.pipeline import ImportOptions, ImportResult, import_batch
from engage_desktop.core.importing.preview import plan_and_preview
from engage_desktop.core.importing.readings import currency_text, date_reading_text, encoding_name, zone_text
from engage_desktop.core.messages import sentences, t
from engage_desktop.core.table import Table
from engage_desktop.core.store import Store
from engage_desktop.core.tasks import TaskState
from engage_desktop.ui import i18n
from engage_desktop.ui.background import show_error
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.layout import note_label, splitter, vstack
from engage_desktop.ui.models import TableModel

EXPORT_PATTERNS = "*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.xlsb *.ods"
CURRENCIES = ("JPY", "USD", "EUR", "GBP", "CAD", "AUD", "CNY", "KRW", "TWD", "HKD", "SGD", "THB", "INR")
ENCODINGS = [("auto", None), ("UTF-8", "utf-8"), ("Shift_JIS (CP932)", "cp932"), ("UTF-16", "utf-16"),
             ("Latin-1", "latin-1")]


def quantity_text(value: Any) -> str:
    """A quantity as a number (2, 1.5), never as money."""
    if value is None:
        return ""
    return f"{value.normalize():,f}" if isinstance(value, Decimal) else str(value)


class FileEntry:
    """One file in the wizard: its options, and what the last preview said."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.options = ImportOptions()
        self.info: dict[str, Any] | None = None
        self.error: str | None = None


SEVERAL = "\0several"  # the mapping combo's "Several columns…" (no header can be this)


class ImportWizard(QDialog):
    def __init__(self, ctx: AppContext, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[FileEntry] = []
        self.results: list[ImportResult] = []
        self.state: TaskState | None = None
        self.setWindowTitle(self.tr("Import files"))
        self.resize(1100, 700)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_review())
        self.pages.addWidget(self._build_progress())
        self.pages.addWidget(self._build_results())
        QVBoxLayout(self).addWidget(self.pages)
        self.add_paths(paths)

    # -- page 1: review -----------------------------------------------------------------
    def _build_review(self) -> QWidget:
        page = QWidget()
        self.files = QListWidget()
        self.files.currentRowChanged.connect(self.show_entry)
        add, remove = QPushButton(self.tr("Add files…")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self.pick_files)
        remove.clicked.connect(self.remove_current)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Files to import")))
        left.addWidget(self.files, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        left.addLayout(buttons)
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.detected.setStyleSheet("font-size: 14px;")
        self.read_as = QLabel()
        self.read_as.setWordWrap(True)
        self.kind, self.encoding, self.sheet = QComboBox(), QComboBox(), QComboBox()
        self.dates, self.currency = QComboBox(), QComboBox()
        self.source = QComboBox()
        self.source.setEditable(True)  # a new name makes a new source
        self.source.setToolTip(self.tr("Where this file comes from. Files from one shop or till share a source; "
                                       "a second shop on the same platform needs a name of its own."))
        self.dates.addItem(self.tr("Decide from the file"), None)
        for key, layout in DATE_LAYOUTS.items():
            self.dates.addItem(layout.example, key)
        self.currency.addItem(self.tr("As the file says"), None)
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        for kind in KINDS.values():
            self.kind.addItem(t(kind.label), kind.key)
        for label, codec in ENCODINGS:
            self.encoding.addItem(self.tr("Detect automatically") if codec is None else label, codec)
        self.kind.activated.connect(lambda _: self._option_changed(kind=self.kind.currentData(), mapping={}))
        self.encoding.activated.connect(lambda _: self._option_changed(encoding=self.encoding.currentData()))
        self.sheet.activated.connect(lambda _: self._option_changed(sheet=self.sheet.currentData()))
        self.dates.activated.connect(lambda _: self._option_changed(date_layout=self.dates.currentData()))
        self.currency.activated.connect(lambda _: self._option_changed(currency=self.currency.currentData()))
        self.source.lineEdit().editingFinished.connect(self._source_changed)
        self.source.activated.connect(lambda _: self._source_changed())
        options = QGridLayout()
        for i, (label, box) in enumerate([
            (self.tr("Contents:"), self.kind), (self.tr("Encoding:"), self.encoding), (self.tr("Sheet:"), self.sheet),
            (self.tr("Dates written like:"), self.dates), (self.tr("Currency:"), self.currency),
            (self.tr("Source:"), self.source),
        ]):  # two rows of three
            options.addWidget(QLabel(label), i // 3, 2 * (i % 3))
            options.addWidget(box, i // 3, 2 * (i % 3) + 1)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in your file")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        self.remember = QCheckBox(self.tr("Remember this mapping for files with the same columns"))
        self.remember.toggled.connect(lambda on: self._current() and setattr(self._current().options, "save_mapping", on))
        self.preview_model = TableModel()
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right = QVBoxLayout()
        right.addWidget(self.detected)
        right.addWidget(self.read_as)
        right.addLayout(options)
        right.addWidget(splitter(
            Qt.Orientation.Horizontal,
            vstack(QLabel(self.tr("Column mapping (change it if a field is wrong)")), self.mapping, self.remember),
            vstack(QLabel(self.tr("Preview: the first rows as they will be imported")), self.preview),
            sizes=[380, 620]), 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 4)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        self.note = note_label(self.tr("Nothing is written to your shop until you press Import."), wrap=False)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        return page

    def add_paths(self, paths: list[str]) -> None:
        for path in paths:
            entry = FileEntry(Path(path))
            self.entries.append(entry)
            self.files.addItem(entry.path.name)
            self._plan(entry)
        if self.entries and self.files.currentRow() < 0:
            self.files.setCurrentRow(0)
        self._update_buttons()

    def pick_files(self) -> None:
        exports, everything = self.tr("Export files"), self.tr("All files")
        filters = f"{exports} ({EXPORT_PATTERNS});;{everything} (*)"
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose export files"), "", filters)
        self.add_paths(paths)

    def remove_current(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.entries.pop(row)
            self.files.takeItem(row)
            self._update_buttons()

    def _current(self) -> FileEntry | None:
        row = self.files.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _option_changed(self, **changes: Any) -> None:
        entry = self._current()
        if entry is None:
            return
        if "kind" in changes and changes["kind"] != entry.options.kind:
            entry.options.mapping = {}  # the fields of another kind are other fields
        for key, value in changes.items():
            setattr(entry.options, key, value)
        self._plan(entry)

    def _plan(self, entry: FileEntry) -> None:
        entry.info, entry.error = None, None
        options, path = entry.options, str(entry.path)

        def job(store: Store, state: object) -> dict[str, Any]:
            plan, seen = plan_and_preview(store, path, options)
            try:
                det = plan.detection
                return {
                    "dates": dict(seen.dates),
                    "currency": (seen.currency, seen.currency_how, seen.currency_problem), "problem": seen.problem,
                    "zone": (seen.time_zone, seen.time_zone_how),
                    "source": (seen.source_name, seen.source_is_new, seen.sources),
                    "kind": det.kind, "format": det.format_name, "label": det.label,
                    "confidence": det.confidence, "confirm": det.needs_confirmation, "encoding": plan.src.encoding,
                    "headers": list(plan.src.headers), "sheets": plan.src.sheets, "sheet": plan.src.sheet,
                    "mapping": {f: [plan.src.headers[i] for i in cols] for f, cols in det.mapping.columns.items()},
                    "preview": seen.table, "generic": det.format is None,
                }
            finally:
                plan.close()

        def done(info: dict[str, Any]) -> None:
            entry.info = info
            self._entry_updated(entry)

        def failed(message: str) -> None:
            entry.error = message
            self._entry_updated(entry)

        self.ctx.db.submit(job, done, failed)

    def _entry_updated(self, entry: FileEntry) -> None:
        if entry not in self.entries:
            return
        row = self.entries.index(entry)
        item = self.files.item(row)
        item.setText(f"{entry.path.name}\n  " + (t(entry.info["label"]) if entry.info else self.tr("cannot be imported")))
        if row == self.files.currentRow():
            self.show_entry(row)
        self._update_buttons()

    def show_entry(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        if entry is None:
            return
        if entry.error:
            self.detected.setText(f"<b>{entry.path.name}</b><br><span style='color:#b00020'>{entry.error}</span>")
            self.read_as.setText("")
            self.mapping.setRowCount(0)
            self.preview_model.set_data([], [])
            self.sheet.clear()
            self.sheet.setEnabled(False)  # nothing read: no sheet to choose (a CSV never has one)
            return
        info = entry.info
        if info is None:
            self.detected.setText(self.tr("Reading %1…").replace("%1", entry.path.name))
            return
        sure = self.tr("please check the mapping") if info["confirm"] else self.tr("recognised")
        # Once the owner has chosen columns, the guess's confidence is no longer what the import goes by.
        how = (self.tr("columns as you chose them") if entry.options.mapping else
               self.tr("confidence %1 (%2)").replace("%1", i18n.percent(info["confidence"], 0)).replace("%2", sure))
        self.detected.setText(f"<b>{entry.path.name}</b>: {t(info['label'])} — {encoding_name(info['encoding'])} — {how}")
        self.read_as.setText(self._read_as_text(info))
        self.kind.setCurrentIndex(self.kind.findData(info["kind"]))
        self.dates.setCurrentIndex(max(0, self.dates.findData(entry.options.date_layout)))
        self.currency.setCurrentIndex(max(0, self.currency.findData(entry.options.currency)))
        self.currency.setEnabled(KINDS[info["kind"]].has_money)
        name, new, known = info["source"]
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItems(list(dict.fromkeys([*known, name])))
        self.source.setCurrentText(name)
        self.source.blockSignals(False)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(entry.options.encoding)))
        self.sheet.clear()
        for sheet in info["sheets"]:
            self.sheet.addItem(sheet, sheet)
        self.sheet.setEnabled(bool(info["sheets"]))
        if info["sheet"]:
            self.sheet.setCurrentIndex(self.sheet.findData(info["sheet"]))
        self._fill_mapping(entry)
        self.remember.setVisible(info["generic"])
        self.remember.setChecked(entry.options.save_mapping)
        table: Table = info["preview"]
        fate = {"ok": self.tr("will be imported"), "rejected": self.tr("rejected"), "skipped": self.tr("skipped")}
        # Who the customer is (name or e-mail), "—" for a row imported as an anonymous sale.
        anonymous = {table.columns.index("customer")} if "customer" in table.columns else set()
        rows = [(r[0], fate[r[1]] + (f": {r[2]}" if r[2] else ""),
                 *("—" if i in anonymous and v is None and r[1] == "ok" else v for i, v in enumerate(r[3:], start=3)))
                for r in table.rows]
        # Amounts in the file's own currency (a dollar file's preview showed yen); quantities as numbers.
        currency = info["currency"][0] or i18n.currency()
        formats: dict[int, Any] = {0: str}
        for i, column in enumerate(table.columns[3:], start=2):
            if column in ("amount", "order_revenue", "total_spent"):
                formats[i] = lambda v, c=currency: money.format_money(v, c, i18n.current())
            elif column == "quantity":
                formats[i] = quantity_text
        headers = [self.tr("Line"), self.tr("What happens"), *(column_label(c) for c in table.columns[3:])]
        self.preview_model.set_data(headers, rows, formats)
        self.preview.resizeColumnsToContents()
        # A reason is a sentence or two: it must not push the row's values out of sight (its tooltip has it whole).
        self.preview.setColumnWidth(1, min(self.preview.columnWidth(1), 360))

    def _source_changed(self) -> None:
        entry = self._current()
        text = self.source.currentText().strip()
        if entry is None or entry.info is None or not text or text == entry.info["source"][0]:
            return
        self._option_changed(source=text)

    def _read_as_text(self, info: dict[str, Any]) -> str:
        """How the file will be read: dates, money, times (the owner can change the first two), in core's words."""
        parts = [f"<span style='color:#b00020'>{info['problem']}</span>"] if info.get("problem") else []
        for field, reading in info["dates"].items():
            column = " + ".join(info.get("mapping", {}).get(field, [])) or field_label(field)
            text = date_reading_text(column, reading)
            parts.append(f"<span style='color:#b00020'>{text}</span>" if reading.ambiguous and not reading.chosen else text)
        code, how, problem = info["currency"]
        if problem:
            parts.append(f"<span style='color:#b00020'>{problem}</span>")
        elif code:
            parts.append(currency_text(code, how))
        zone, how = info["zone"]
        if zone:
            parts.append(zone_text(zone, how))
        return sentences(parts)

    def _fill_mapping(self, entry: FileEntry) -> None:
        info = entry.info
        assert info is not None
        kind = KINDS[info["kind"]]
        fields = kind.fields
        # What the import cannot do without and could not find: shown in red, so the owner sees what to map.
        missing = {f for group in kind.essentials if not any(info["mapping"].get(g) for g in group) for f in group}
        self.mapping.setRowCount(len(fields))
        for row, field in enumerate(fields):
            label = QLabel(f" {field_label(field)}")
            if field in missing:
                label.setStyleSheet("color: #b00020; font-weight: bold;")
                label.setToolTip(self.tr("Needed to import: choose the column that holds it."))
            self.mapping.setCellWidget(row, 0, label)
            combo = QComboBox()
            combo.addItem("—", "")
            for header in info["headers"]:
                combo.addItem(header, header)
            mapped = info["mapping"].get(field, [])
            if len(mapped) > 1:  # a value the export splits over columns (phone in 3 parts)
                combo.addItem(" + ".join(mapped), "+".join(mapped))
            combo.addItem(self.tr("Several columns…"), SEVERAL)
            if mapped:
                combo.setCurrentIndex(combo.findData("+".join(mapped)))
            combo.activated.connect(lambda _, f=field, c=combo: self._combo_chosen(f, c))
            self.mapping.setCellWidget(row, 1, combo)

    def _combo_chosen(self, field: str, combo: QComboBox) -> None:
        column = combo.currentData()
        if column == SEVERAL:
            entry = self._current()
            assert entry is not None and entry.info is not None
            chosen = self.choose_columns(field, entry.info["headers"], entry.info["mapping"].get(field, []))
            if not chosen:  # cancelled: back to what the field had
                self._fill_mapping(entry)
                return
            column = "+".join(chosen)
        self._map(field, column)

    def choose_columns(self, field: str, headers: list[str], current: list[str]) -> list[str]:
        """The columns one field is made of, in the file's order (a phone in three parts, family + given name)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Columns for %1").replace("%1", field_label(field)))
        note = QLabel(self.tr("Tick the columns that together hold %1; they are joined in the file's order.")
                      .replace("%1", field_label(field)))
        note.setWordWrap(True)
        columns = QListWidget()
        for header in headers:
            item = QListWidgetItem(header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if header in current else Qt.CheckState.Unchecked)
            columns.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        for widget in (note, columns, buttons):
            layout.addWidget(widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return [columns.item(i).text() for i in range(columns.count())
                if columns.item(i).checkState() == Qt.CheckState.Checked]

    def _map(self, field: str, column: str) -> None:
        """The owner's choice for one field. Earlier choices stay: a field the owner cleared (—) is not
        guessed again when another field changes, and the owner's columns win over the guesses."""
        entry = self._current()
        if entry is None or entry.info is None:
            return
        guessed = {f: "+".join(cols) for f, cols in entry.info["mapping"].items()}
        entry.options.mapping = {**guessed, **(entry.options.mapping or {}), field: column}
        entry.options.kind = entry.info["kind"]
        self._plan(entry)

    def _update_buttons(self) -> None:
        ready = [e for e in self.entries if e.info is not None]
        self.import_button.setEnabled(bool(ready))
        # Never "Import 0 files": with nothing to import the button just says what it would do.
        self.import_button.setText(self.tr("Import %n file(s)", "", len(ready)) if ready else self.tr("Import"))

    # -- page 2: progress ---------------------------------------------------------------
    def _build_progress(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel_import)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def start_import(self) -> None:
        entries = [e for e in self.entries if e.info is not None]
        jobs = [(str(e.path), e.options) for e in entries]
        self.pages.setCurrentIndex(1)
        self.progress.setRange(0, 0)  # busy until the pipeline reports its first progress
        self.progress_label.setText(self.tr("Importing…"))

        def job(store: Store, state: TaskState) -> list[ImportResult]:
            return import_batch(store, jobs, state)  # progress over all files; one Cancel stops the rest

        def progress(done: int, total: int, message: str) -> None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress_label.setText(message)

        self.state = self.ctx.db.submit(job, self.finished_import, self.failed_import, progress)

    def cancel_import(self) -> None:
        if self.state is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling… the shop is left as it was before this file."))
            self.state.cancel()

    def finished_import(self, results: list[ImportResult]) -> None:
        self.results = results
        self.state = None
        self.show_results()
        if any(r.status == "imported" for r in results):
            self.ctx.data_changed.emit()

    def failed_import(self, message: str) -> None:
        self.state = None
        self.results = []
        self.summary.setText(message)
        self.pages.setCurrentIndex(2)

    # -- page 3: results ----------------------------------------------------------------
    def _build_results(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px;")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.rejects_model = TableModel()
        rejects = QTableView()
        rejects.setModel(self.rejects_model)
        rejects.verticalHeader().setVisible(False)
        self.rejects_view = rejects
        self.save_rejects = QPushButton(self.tr("Save rejected rows as CSV…"))
        self.save_rejects.clicked.connect(self.export_rejects)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Rejected rows and why")))
        layout.addWidget(rejects, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_rejects)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        return page

    def show_results(self) -> None:
        status = {"imported": self.tr("imported"), "refused": self.tr("refused, nothing written"),
                  "cancelled": self.tr("cancelled, nothing written")}
        lines = []
        for r in self.results:
            # Nothing new: the rows read were in the shop already, or could not be read (never "all" then).
            status["nothing new"] = (self.tr("nothing new (the rows that could be read are in the shop already)")
                                     if r.rejected else self.tr("nothing new (all rows already in the shop)"))
            counts = self.tr("read %1, imported %2, rejected %3, skipped %4").replace("%1", f"{r.read:,}") \
                .replace("%2", f"{r.imported:,}").replace("%3", f"{r.rejected:,}").replace("%4", f"{r.skipped:,}")
            line = f"<b>{r.file_name}</b> — {status.get(r.status, r.status)}"
            if r.status in ("imported", "nothing new"):
                line += f": {counts}<br>&nbsp;&nbsp;" + self._read_as_text(
                    {"dates": r.dates, "mapping": {f: [h] for f, h in r.mapping},
                     "currency": (r.currency, r.currency_how, ""), "zone": (r.time_zone, r.time_zone_how)})
            else:
                line += f"<br>{r.message}"
            lines += [line, *[f"&nbsp;&nbsp;{n}" for n in r.notes]]
        self.summary.setText("<br>".join(lines))
        rows = [(r.file_name, j.line, j.column, j.reason, j.text) for r in self.results for j in r.rejects]
        self.rejects_model.set_data(self._rejects_headers(), rows, {1: str})
        # The reason is what the owner reads: it gets the room; the row as the file had it, what is left.
        header = self.rejects_view.horizontalHeader()
        self.rejects_view.resizeColumnsToContents()
        for column in (0, 4):
            self.rejects_view.setColumnWidth(column, min(self.rejects_view.columnWidth(column), 220))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.save_rejects.setEnabled(bool(rows))
        self.pages.setCurrentIndex(2)

    def export_rejects(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), "rejected_rows.csv", "CSV (*.csv)")
        if path:
            rows = [(r.file_name, j.line, j.column, j.reason, j.text) for r in self.results for j in r.rejects]
            try:
                write_list(Table(["file", "line", "column", "reason", "original_text"], rows), path,
                           self._rejects_headers())
            except (OSError, EngageError) as exc:
                show_error(self, str(exc))

    def _rejects_headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Line"), self.tr("Column"), self.tr("Reason"), self.tr("Original text")]

    def reject(self) -> None:
        if self.state is not None:  # closing while importing means cancel
            self.cancel_import()
            return
        super().reject()

