"""LTV層の移動: how the customers moved between tiers from a month end some months back to the as-of
day (from-tier x to-tier, counts and what they spent in between), and the customers behind a cell;
beside it, month by month, how many moved up and down a tier, and the round target: the customers
in the tiers the owner picks (優良+中堅 at first), month end by month end, with their rounds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout,
                               QWidget)

from engage_desktop.core.metrics import ltv, tier_history
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.ui import i18n
from engage_desktop.ui.charts import BarLineChart, UpDownChart
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
    # The history is read for any tiers the owner picks (TierHistory.round_target): picking is not a load.
    return {"start": start, "end": as_of, "tiers": ltv.tiers(store), "table": ltv.tier_movement(store, start, as_of),
            "history": tier_history.tier_history(store, as_of), "round_months": int(store.setting("round_months"))}


class MovementView(View):
    key = "movement"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.since = QComboBox()
        for months in MONTHS_BACK:
            self.since.addItem("", months)
        self.since.setCurrentIndex(MONTHS_BACK.index(ltv.MOVEMENT_MONTHS))
        self.since.currentIndexChanged.connect(lambda _: self.refresh())
        self.since_label, self.caption, self.note = QLabel(), caption_label(wrap=True), note_label()
        self.matrix_model = TitledTableModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setMinimumSize(280, 170)  # the 6 x 6 cells readable however narrow the window
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.clicked.connect(self.select_cell)
        self.customers = CustomerList(self.ctx)
        controls = QHBoxLayout()
        controls.addWidget(self.since_label)
        controls.addWidget(self.since)
        controls.addStretch(1)
        top = vstack(controls, self.caption, (self.matrix, 1), self.note)
        between = splitter(Qt.Orientation.Vertical, top, self.customers, sizes=[380, 300])
        # Month by month: the ups and downs, then the round target on the tiers picked.
        self.moves_caption, self.moves_note = caption_label(wrap=True), note_label()
        self.moves = UpDownChart()
        self.moves.setMinimumHeight(180)
        self.target_label, self.streak_label, self.round_note = QLabel(), QLabel(), note_label()
        self.streak_label.setStyleSheet("font-size: 15px; font-weight: bold; color: #1b5e20; padding: 2px 0;")
        self.streak_label.setWordWrap(True)
        self.picks: list[QCheckBox] = []
        self.picked: list[str] | None = None  # the tier keys picked; None: the top two (default_round_tiers)
        self.picks_row = QHBoxLayout()
        self.picks_row.addWidget(self.target_label)
        self.picks_row.addStretch(1)
        self.counts = BarLineChart()
        self.counts.setMinimumHeight(180)
        monthly_part = vstack(self.moves_caption, (self.moves, 1), self.moves_note, self.picks_row, self.streak_label,
                              (self.counts, 1), self.round_note)
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Horizontal, between, monthly_part,
                                                     sizes=[480, 560]))
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
        self.moves_caption.setText(self.tr("Month by month: customers who moved up or down a tier"))
        self.moves_note.setText(self.tr("Each month end against the one before, in the tiers' order (the first tier "
                                        "highest). A customer's first month counts as new, neither up nor down."))
        self.target_label.setText(self.tr("Round target, customers in:"))
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
        self._fill_picks(data["tiers"])
        self.show_moves(data["history"])
        self.show_target()

    def show_moves(self, history: tier_history.TierHistory) -> None:
        table = history.changes()
        months, running = table.column("month"), table.column("running")
        labels = [i18n.short_month_label(m) + (self.tr(" (so far)") if r else "") for m, r in zip(months, running)]
        self.moves.set_moves(labels, table.column("up"), table.column("down"), up_name=self.tr("Moved up a tier"),
                             down_name=self.tr("Moved down a tier"),
                             more=[self.tr("New customers: %1").replace("%1", i18n.number(n)) for n in table.column("new")],
                             running=running.index(True) if True in running else None,
                             label_every=-(-len(labels) // 8), count_fmt=i18n.number)

    def _fill_picks(self, tiers: list[ltv.Tier]) -> None:
        keys = [tier.key for tier in tiers]
        if self.picked is None or not set(self.picked) <= set(keys):  # the first time, or the tiers changed
            self.picked = tier_history.default_round_tiers(tiers)
        for box in self.picks:
            self.picks_row.removeWidget(box)
            box.deleteLater()
        self.picks = []
        for i, tier in enumerate(tiers):
            box = QCheckBox(tier.name())
            box.setChecked(tier.key in self.picked)
            box.toggled.connect(self._picks_changed)
            box.setProperty("tier", tier.key)
            self.picks_row.insertWidget(1 + i, box)
            self.picks.append(box)

    def _picks_changed(self) -> None:
        self.picked = [box.property("tier") for box in self.picks if box.isChecked()]
        if self.data is not None:
            self.show_target()

    def show_target(self) -> None:
        data = self.data
        names = {tier.key: tier.name() for tier in data["tiers"]}
        picked = [key for key in names if key in (self.picked or [])]
        target = data["history"].round_target(picked, data["round_months"])
        months, running = target.table.column("month"), target.table.column("running")
        labels = [i18n.short_month_label(m) for m in months]
        group = "+".join(names[key] for key in picked)
        self.counts.set_data(labels, target.table.column("customers"),
                             bar_name=self.tr("Customers in %1").replace("%1", group) if picked else "",
                             bar_fmt=i18n.number, bar_axis_fmt=i18n.number, label_every=-(-len(labels) // 8))
        for first, last in target.rounds:
            self.counts.add_band(months.index(first), months.index(last))
        if not picked:
            self.streak_label.setText(self.tr("Pick one or more tiers to count."))
        else:
            self.streak_label.setText(self.streak_text(target.streak, group))
        notes = []
        if target.rounds:
            notes.append(self.tr("Green bands: %n round(s) reached, each %1 or more months in a row up on the month "
                                 "before.", "", len(target.rounds)).replace("%1", str(data["round_months"])))
        if running and running[-1]:
            notes.append(self.tr("%1 is still running: it is not compared with a full month, nor counted in the "
                                 "run.").replace("%1", i18n.month_label(months[-1])))
        self.round_note.setText("  ".join(notes))
        self.round_note.setVisible(bool(notes))

    def streak_text(self, run: Any, group: str) -> str:
        """The run of months up in words, like the month-over-month view's, for the tiers picked."""
        if run.round_reached:
            text = self.tr("%n month(s) in a row up on the previous month: one round cleared!", "", run.current)
        elif run.current == 0:
            text = self.tr("The latest month is not up on the month before. A round is %n months up in a row.", "",
                           run.round_months)
        else:
            text = (self.tr("%n month(s) in a row up on the previous month", "", run.current) + " — " +
                    self.tr("%n more to a full round", "", run.remaining))
        return f"{group}: {text}"

    def select_cell(self, index: QModelIndex) -> None:
        if self.data is None:
            return
        start, end = self.data["start"], self.data["end"]
        source, target = self.rows[index.row()], self.cols[index.column()]
        caption = f"{self.matrix_model.row_titles[index.row()]} → {self.column_titles[index.column()]}"
        self.ctx.db.submit(lambda store, state: ltv.tier_movers(store, start, end, source, target),
                           lambda table: self.customers.set_table(table, caption))
