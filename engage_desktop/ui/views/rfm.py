"""RFM分析: the customers on a grid of recency (R, rows) x frequency (F, columns) on the owner's thresholds,
each cell in its segment's colour and name, the segments with their meaning; a cell or a segment gives
its customers with the reason; the thresholds are edited in a dialog; and how the segments moved between
two dates (from x to), whose cells give their customers too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from engage_desktop.core.metrics import ltv, rfm
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.ui import i18n
from engage_desktop.ui.background import save_then_close
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, row_table, splitter, vstack
from engage_desktop.ui.models import TableModel, TitledTableModel, heat
from engage_desktop.ui.views.base import View

F_SCORES = tuple(reversed(rfm.SCORES))  # F1 at the left, as the owner reads "more purchases to the right"


@dataclass(frozen=True)
class RfmInputs:
    start: dt.date | None  # the movement's two dates; None: the end of the month 3 months back, and the as-of day
    end: dt.date | None


def load_rfm(store: Store, as_of: dt.date, inputs: RfmInputs) -> dict[str, Any]:
    th = rfm.thresholds(store)
    grid = rfm.grid(store, as_of, th)
    start = inputs.start or ltv.month_end_before(as_of, ltv.MOVEMENT_MONTHS)
    end = inputs.end or as_of
    return {"as_of": as_of, "thresholds": th, "grid": grid, "segments": rfm.segment_table(grid),
            "start": start, "end": end, "movement": rfm.segment_movement(store, start, end, th)}


def colour(segment: str) -> QColor:
    return QColor("#" + rfm.BY_KEY[segment].colour)


class GridModel(TitledTableModel):
    """The R x F grid: each cell (customers, segment name) on two lines, in its segment's colour."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class FittedTable(QTableView):
    """A table whose columns are each as wide as their name or numbers, sharing what width is left
    equally: eight segment names fit beside each other (Stretch cut "Champions"; stretching the last
    column alone left one wide column in Japanese)."""

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        columns = range(header.count())
        needed = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns]
        room = self.viewport().width()
        if sum(needed) > room > 0:  # too narrow: each gives up a share, rather than a column out of sight
            for c in columns:
                header.resizeSection(c, needed[c] * room // sum(needed))
            return
        spare = (room - sum(needed)) // max(1, len(needed))
        for c in columns:
            header.resizeSection(c, needed[c] + spare)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_columns()


def _day(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()  # type: ignore[return-value]


class RfmView(View):
    key = "rfm"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.caption, self.note = caption_label(), note_label()
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_thresholds)
        self.grid_model = GridModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setMinimumHeight(260)
        self.grid.clicked.connect(self.select_cell)
        self.segment_model = TableModel(parent=self)
        self.segment_list = row_table(self.segment_model)
        self.segment_list.clicked.connect(lambda index: self.select_segment(index.row()))
        # The movement between two dates: picked in the two date fields (movement.py compares with a month end).
        self.moves_caption, self.moves_note, self.between = caption_label(), note_label(), QLabel()
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_changed)
        self.picked_dates: tuple[dt.date, dt.date] | None = None  # None: the default two dates
        self.moves_model = TitledTableModel(self)
        self.moves = FittedTable()
        self.moves.setModel(self.moves_model)
        self.moves.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.moves.clicked.connect(self.select_move)
        self.customers = CustomerList(self.ctx)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.edit_button)
        dates = QHBoxLayout()
        dates.addWidget(self.between)
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("→"))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        left = vstack(top, (self.grid, 1), self.note)
        right = vstack(self.moves_caption, dates, (self.moves, 1), self.moves_note)
        # The movement's 8 columns of names take the wider half; the segments sit beside their customers.
        upper = splitter(Qt.Orientation.Horizontal, left, right, sizes=[480, 600])
        lower = splitter(Qt.Orientation.Horizontal, self.segment_list, self.customers, sizes=[420, 660])
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Vertical, upper, lower, sizes=[450, 300]))
        self.retranslate()

    def chart_widget(self) -> QWidget:
        return self.grid

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Thresholds…"))
        self.edit_button.setToolTip(self.tr("Set the days and purchase counts that give each score"))
        self.note.setText(self.tr("R: days since the last purchase (R5 the most recent); F: purchases (F5 the most). "
                                  "Each colour is a segment. Click a cell or a segment for its customers."))
        self.moves_caption.setText(self.tr("How the segments moved"))
        self.between.setText(self.tr("Between:"))
        self.moves_note.setText(self.tr("Rows: the segment on the first date; columns: the segment on the second "
                                        "(each from the orders up to then). Click a cell for its customers."))
        self.customers.retranslate()

    def inputs(self) -> RfmInputs:
        return RfmInputs(*(self.picked_dates or (None, None)))

    load = staticmethod(load_rfm)

    def show_data(self, data: dict[str, Any]) -> None:
        th = data["thresholds"]
        recency, frequency = rfm.recency_ranges(th), rfm.frequency_ranges(th)
        cells = {(r["r_score"], r["f_score"]): r for r in data["grid"].as_dicts()}
        # The purchases on two lines where they have a space ("3-4\npurchases"): the cells keep the width.
        self.grid_model.row_titles = [f"R{r}\n{recency[r]}" for r in rfm.SCORES]
        headers = [f"F{f}\n" + frequency[f].replace(" ", "\n", 1) for f in F_SCORES]
        values = [[(cells[(r, f)]["customers"], rfm.segment_name(cells[(r, f)]["segment"])) for f in F_SCORES]
                  for r in rfm.SCORES]
        self.grid_model.tooltips = [[self.tr("%1 customers, revenue %2").replace("%1", i18n.number(cells[(r, f)]["customers"]))
                                     .replace("%2", i18n.money(cells[(r, f)]["revenue"])) for f in F_SCORES]
                                    for r in rfm.SCORES]
        self.grid_model.set_data(headers, values, {i: (lambda v: f"{i18n.number(v[0])}\n{v[1]}") for i in range(5)})
        self.grid_model.set_colours(lambda r, c, v: colour(cells[(rfm.SCORES[r], F_SCORES[c])]["segment"]))
        self.caption.setText(self.tr("RFM: customers by recency and frequency on %1")
                             .replace("%1", i18n.date_label(data["as_of"])))
        segments = data["segments"]
        self.segment_keys = segments.column("segment")
        self.segment_model.set_data(  # the meaning last: it takes what width is left (a tooltip holds it all)
            [self.tr("Segment"), self.tr("Number of customers"), self.tr("Revenue"), self.tr("Share of customers"),
             self.tr("What it means")],
            [(r["name"], r["customers"], r["revenue"], r["customer_share"], r["meaning"]) for r in segments.as_dicts()],
            {3: i18n.percent})
        self.segment_model.set_colours(lambda r, c, v: colour(self.segment_keys[r]) if c == 0 else None)
        self.segment_list.resizeColumnsToContents()
        self._show_moves(data)
        self.customers.set_table(Table([], []), self.tr("Click a cell or a segment for its customers"))

    def _show_moves(self, data: dict[str, Any]) -> None:
        for edit, day in ((self.start_edit, data["start"]), (self.end_edit, data["end"])):
            edit.blockSignals(True)  # the load's dates, shown: not a pick
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        names = {s.key: s.name() for s in rfm.SEGMENTS}
        names[rfm.NOT_YET] = self.tr("Not yet bought")  # short: the row titles share the width with 8 columns
        self.move_rows = [rfm.NOT_YET, *(s.key for s in rfm.SEGMENTS)]
        self.move_cols = self.move_rows[1:]
        cells = {(r["from_segment"], r["to_segment"]): (r["customers"], r["revenue"])
                 for r in data["movement"].as_dicts()}
        counts = [[cells[(a, b)][0] for b in self.move_cols] for a in self.move_rows]
        self.moves_model.row_titles = [names[a] for a in self.move_rows]
        self.move_titles = [names[b] for b in self.move_cols]
        # Two-word names on two lines ("Needs\nfollow-up"): eight columns fit the half of the window.
        self.moves_model.set_data([title.replace(" ", "\n", 1) for title in self.move_titles], counts, {i: i18n.number for i in range(len(self.move_cols))})
        self.moves_model.tooltips = [[self.tr("%1 customers, %2 spent in between")
                                      .replace("%1", i18n.number(cells[(a, b)][0]))
                                      .replace("%2", i18n.money(cells[(a, b)][1])) for b in self.move_cols]
                                     for a in self.move_rows]
        peak = max((n for row in counts for n in row), default=0)
        self.moves_model.set_colours(lambda r, c, v: heat(counts[r][c], peak))
        self.moves.fit_columns()

    def _dates_changed(self) -> None:
        self.picked_dates = (_day(self.start_edit), _day(self.end_edit))
        self.refresh()

    def select_cell(self, index: QModelIndex) -> None:
        if self.data is None:
            return
        r, f = rfm.SCORES[index.row()], F_SCORES[index.column()]
        as_of, th = self.data["as_of"], self.data["thresholds"]
        caption = f"R{r} × F{f} · {self.grid_model.value(index.row(), index.column())[1]}"
        self.ctx.db.submit(lambda store, state: rfm.customers(store, as_of, cell=(r, f), th=th),
                           lambda table: self.customers.set_table(table, caption))

    def select_segment(self, row: int) -> None:
        if self.data is None:
            return
        segment, as_of, th = self.segment_keys[row], self.data["as_of"], self.data["thresholds"]
        caption = rfm.segment_name(segment)
        self.ctx.db.submit(lambda store, state: rfm.customers(store, as_of, segment=segment, th=th),
                           lambda table: self.customers.set_table(table, caption))

    def select_move(self, index: QModelIndex) -> None:
        if self.data is None:
            return
        start, end, th = self.data["start"], self.data["end"], self.data["thresholds"]
        source, target = self.move_rows[index.row()], self.move_cols[index.column()]
        names = {s.key: s.name() for s in rfm.SEGMENTS}
        names[rfm.NOT_YET] = self.tr("Not yet bought")
        caption = f"{names[source]} → {names[target]}"
        self.ctx.db.submit(lambda store, state: rfm.segment_movers(store, start, end, source, target, th),
                           lambda table: self.customers.set_table(table, caption))

    def edit_thresholds(self) -> None:
        if self.data is not None:
            ThresholdEditor(self, self.data["thresholds"]).open()


class ThresholdEditor(QDialog):
    """The days that give R5-R2 and the purchases from which F2-F5 start; saved into the shop file."""

    def __init__(self, view: RfmView, th: rfm.Thresholds) -> None:
        super().__init__(view)
        self.view = view
        self.setWindowTitle(self.tr("RFM thresholds"))
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Recency: days since the last purchase, at most")), 0, 0, 1, 4)
        form.addWidget(QLabel(self.tr("Frequency: purchases, at least")), 2, 0, 1, 4)
        self.recency = [self._spin(days, 1, 36_500) for days in th.recency_days]
        self.frequency = [self._spin(n, 2, 100_000) for n in th.frequency]
        for i, (spin, score) in enumerate(zip(self.recency, (5, 4, 3, 2))):
            form.addLayout(self._labelled(f"R{score}", spin), 1, i)
        for i, (spin, score) in enumerate(zip(self.frequency, (2, 3, 4, 5))):
            form.addLayout(self._labelled(f"F{score}", spin), 3, i)
        self.problem = note_label()
        self.problem.setStyleSheet("color: #b71c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel |
                                        QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr("Beyond the last recency days a customer is R1; one purchase is F1. "
                                            "Each number must be larger than the one before it.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.check()

    def _spin(self, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.valueChanged.connect(self.check)
        return spin

    @staticmethod
    def _labelled(text: str, spin: QSpinBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(text))
        row.addWidget(spin, 1)
        return row

    def proposed(self) -> rfm.Thresholds:
        return rfm.Thresholds(tuple(s.value() for s in self.recency),  # type: ignore[arg-type]
                              tuple(s.value() for s in self.frequency))  # type: ignore[arg-type]

    def check(self) -> bool:
        th = self.proposed()
        rising = all(a < b for numbers in (th.recency_days, th.frequency) for a, b in zip(numbers, numbers[1:]))
        self.problem.setText("" if rising else self.tr("Each number must be larger than the one before it."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(rising)
        return rising

    def restore_defaults(self) -> None:
        from engage_desktop.core.settings import RFM_THRESHOLDS

        for spin, value in zip(self.recency + self.frequency,
                               RFM_THRESHOLDS["recency_days"] + RFM_THRESHOLDS["frequency"]):
            spin.setValue(value)

    def save(self) -> None:
        if not self.check():
            return
        proposed = self.proposed()
        save_then_close(self, self.view.ctx, lambda store, state: rfm.save_thresholds(store, proposed))
