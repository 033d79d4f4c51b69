"""100日プラン: per month of first purchase, the share of customers who reached steps 3, 4 and 5 of the
journey within 30, 60 and 100 days, as a heat map, and the customers behind a cell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from engage_desktop.core.metrics import journey
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.ui import i18n
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, splitter, vstack
from engage_desktop.ui.models import TitledTableModel, heat
from engage_desktop.ui.views.base import View

CELLS = [(step, days) for step in journey.COHORT_STEPS for days in journey.COHORT_DAYS]


@dataclass(frozen=True)
class CohortInputs:
    pass


def load_cohorts(store: Store, as_of: dt.date, inputs: CohortInputs) -> dict[str, Any]:
    return {"as_of": as_of, "table": journey.cohort_100d(store, as_of)}


FEW = QColor(232, 232, 232)  # a cell of too few customers to tell (journey.COHORT_FEW): grey, not a heat


class CohortsView(View):
    key = "cohorts"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.caption, self.note = caption_label(wrap=True), note_label()
        self.model = TitledTableModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.model)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.clicked.connect(self.select_cell)
        self.customers = CustomerList(self.ctx)
        QVBoxLayout(self.content).addWidget(splitter(
            Qt.Orientation.Vertical, vstack(self.caption, (self.matrix, 1), self.note), self.customers, sizes=[420, 260]))
        self.retranslate()

    def chart_widget(self) -> QWidget:
        return self.matrix

    def retranslate(self) -> None:
        self.caption.setText(self.tr("The 100-day plan: customers who reached a step within so many days of their "
                                     "first purchase, by the month of that purchase"))
        self.note.setText(self.tr("Only customers who have had the days count: a customer who bought last week is "
                                  "not yet counted for 30 days. Grey: fewer than %1 customers, too few to tell. Click "
                                  "a cell for its customers.").replace("%1", str(journey.COHORT_FEW)))
        self.customers.retranslate()

    def inputs(self) -> CohortInputs:
        return CohortInputs()

    load = staticmethod(load_cohorts)

    def show_data(self, data: dict[str, Any]) -> None:
        cells = {(r["cohort"], r["step"], r["days"]): r for r in data["table"].as_dicts()}
        self.cohorts = sorted({cohort for cohort, _, _ in cells}, reverse=True)  # the newest first
        headers = [self.tr("Step %1\nwithin %n day(s)", "", days).replace("%1", str(step)) for step, days in CELLS]
        values = [[cells[(c, s, d)]["share"] for s, d in CELLS] for c in self.cohorts]
        self.model.row_titles = [i18n.month_label(c) for c in self.cohorts]
        self.model.tooltips = [[self.tr("%1 of %2 customers").replace("%1", i18n.number(cells[(c, s, d)]["reached"]))
                                .replace("%2", i18n.number(cells[(c, s, d)]["eligible"])) for s, d in CELLS]
                               for c in self.cohorts]
        self.model.set_data(headers, values, {i: i18n.percent for i in range(len(CELLS))})
        eligible = [[cells[(c, s, d)]["eligible"] for s, d in CELLS] for c in self.cohorts]
        self.model.set_colours(lambda r, c, v: heat(v or 0, 1.0) if eligible[r][c] >= journey.COHORT_FEW else FEW)
        self.customers.set_table(Table([], []), self.tr("Click a cell for its customers"))

    def select_cell(self, index: QModelIndex) -> None:
        if self.data is None:
            return
        cohort, (step, days) = self.cohorts[index.row()], CELLS[index.column()]
        as_of = self.data["as_of"]
        title = str(self.model.headerData(index.column(), Qt.Orientation.Horizontal)).replace("\n", " ")
        caption = f"{i18n.month_label(cohort)} · {title}"
        self.ctx.db.submit(lambda store, state: journey.cohort_customers(store, as_of, cohort, step, days),
                           lambda table: self.customers.set_table(table, caption))

