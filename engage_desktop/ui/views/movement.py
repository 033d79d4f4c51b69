"""LTV層の移動: how the customers moved between tiers from a month end some months back to the as-of
day (from-tier x to-tier, counts and what they spent in between), and the customers behind a cell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from engage_desktop.core.metrics import ltv
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.ui import i18n
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, splitter, vstack
from engage_desktop.ui.models import TitledTableModel, heat
from engage_desktop.ui.views.base import View

MONTHS_BACK = (1, 3, 6, 12)  # the start: the end of the month so many months before the as-of day's


@dataclass(frozen=True)
class MovementInputs:
    months_back: int


def load_movement(store: Store, as_of: dt.date, inputs: MovementInputs) -> dict[str, Any]:
    start = ltv.month_end_before(as_of, inputs.months_back)
    return {"start": start, "end": as_of, "tiers": ltv.tiers(store), "table": ltv.tier_movement(store, start, as_of)}


class MovementView(View):
    key = "movement"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.since = QComboBox()
        for months in MONTHS_BACK:
            self.since.addItem("", months)
        self.since.setCurrentIndex(MONTHS_BACK.index(ltv.MOVEMENT_MONTHS))
        self.since.currentIndexChanged.connect(lambda _: self.refresh())
        self.since_label, self.caption, self.note = QLabel(), caption_label(), note_label()
        self.matrix_model = TitledTableModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.clicked.connect(self.select_cell)
        self.customers = CustomerList(self.ctx)
        controls = QHBoxLayout()
        controls.addWidget(self.since_label)
        controls.addWidget(self.since)
        controls.addStretch(1)
        top = vstack(controls, self.caption, (self.matrix, 1), self.note)
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Vertical, top, self.customers, sizes=[380, 300]))
        self.retranslate()

    def chart_widget(self) -> QWidget:
        return self.matrix

    def retranslate(self) -> None:
        self.since_label.setText(self.tr("Compared with:"))
        for i, months in enumerate(MONTHS_BACK):
            self.since.setItemText(i, self.tr("the end of the month %n month(s) ago", "", months))
        self.note.setText(self.tr("Rows: the tier at the start; columns: the tier now (each from the orders up to "
                                  "then). A cell shows how many customers moved so, and what they spent in "
                                  "between. Click a cell for its customers."))
        self.customers.retranslate()

    def inputs(self) -> MovementInputs:
        return MovementInputs(self.since.currentData())

    load = staticmethod(load_movement)

    def show_data(self, data: dict[str, Any]) -> None:
        names = {tier.key: tier.name() for tier in data["tiers"]}
        names[ltv.NEW] = self.tr("Not yet a customer")
        rows = [ltv.NEW, *(tier.key for tier in data["tiers"])]
        cols = rows[1:]
        cells = {(r["from_tier"], r["to_tier"]): (r["customers"], r["revenue"]) for r in data["table"].as_dicts()}
        self.rows, self.cols = rows, cols
        counts = [[cells.get((f, to), (0, 0))[0] for to in cols] for f in rows]
        spent = [[cells.get((f, to), (0, 0))[1] for to in cols] for f in rows]
        self.matrix_model.row_titles = [names[f] for f in rows]
        self.column_titles = [names[to] for to in cols]
        self.matrix_model.set_data(self.column_titles, counts,
                                   {i: (lambda v: i18n.number(v)) for i in range(len(cols))})
        self.matrix_model.tooltips = [[self.tr("%1 customers, %2 spent in between").replace("%1", i18n.number(n))
                                       .replace("%2", i18n.money(s)) for n, s in zip(cn, sn)]
                                      for cn, sn in zip(counts, spent)]
        peak = max((n for row in counts for n in row), default=0)
        self.matrix_model.set_colours(lambda r, c, v: heat(counts[r][c], peak))
        self.caption.setText(self.tr("LTV tier movement: %1 → %2").replace("%1", i18n.date_label(data["start"]))
                             .replace("%2", i18n.date_label(data["end"])))
        self.customers.set_table(Table([], []), self.tr("Click a cell for its customers"))

    def select_cell(self, index: QModelIndex) -> None:
        if self.data is None:
            return
        start, end = self.data["start"], self.data["end"]
        source, target = self.rows[index.row()], self.cols[index.column()]
        caption = f"{self.matrix_model.row_titles[index.row()]} → {self.column_titles[index.column()]}"
        self.ctx.db.submit(lambda store, state: ltv.tier_movers(store, start, end, source, target),
                           lambda table: self.customers.set_table(table, caption))
