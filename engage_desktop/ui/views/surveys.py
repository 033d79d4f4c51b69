"""アンケート: NPS (big number, split, by month, by tier) and the 6 x 7 fan-degree x liking heat map."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QTableView, QVBoxLayout, QWidget)

from engage_desktop.core.questions import fan_level_name, liking_name
from engage_desktop.core.metrics import ltv, surveys
from engage_desktop.core.metrics.base import month_end
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.charts import BarLineChart, StackedBar
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, refill, splitter, vstack
from engage_desktop.ui.models import TableModel, heat
from engage_desktop.ui.views.base import View

FEW_ANSWERS = 30
DETRACTOR, PASSIVE, PROMOTER = QColor(211, 84, 70), QColor(170, 170, 170), QColor(46, 139, 87)


class MatrixModel(TableModel):
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return f"{section + 1}. {fan_level_name(section + 1)}"
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            # The catalogue's names break where a reader would (「あまり/好きではない」), not every few letters.
            return f"{section + 1}.\n" + liking_name(section + 1)
        return super().headerData(section, orientation, role)


@dataclass(frozen=True)
class SurveysInputs:
    tier: str | None  # the matrix for one tier's customers, None: everyone
    period: dt.date | None  # the matrix for one month's answers, None: every answer


def load_surveys(store: Store, as_of: dt.date, inputs: SurveysInputs) -> dict[str, Any]:
    tier, period = inputs.tier, inputs.period
    start, end = (period, month_end(period)) if period else (None, None)
    return {
        "as_of": as_of, "nps": surveys.nps(store, as_of), "by_month": surveys.nps_by_month(store, as_of),
        "later": surveys.answers_after(store, as_of),
        "by_tier": surveys.nps_by_tier(store, as_of), "by_zone": surveys.nps_by_zone(store, as_of),
        "tiers": ltv.tiers(store),
        "matrix": surveys.fan_matrix(store, as_of, tier=tier, start=start, end=end),
        "months": surveys.answer_months(store), "filters": (tier, start, end),
    }


class SurveysView(View):
    key = "surveys"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.chosen_cell = (5, 6)  # (row, column) whose customers are listed: the warmest cell, the biggest fans
        self.nps_number = QLabel()
        font = QFont(self.font())
        font.setPointSize(40)
        font.setBold(True)
        self.nps_number.setFont(font)
        self.nps_caption = QLabel()
        self.nps_caption.setWordWrap(True)
        self.split = StackedBar()
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b26a00;")
        self.warning.setWordWrap(True)
        self.by_month = BarLineChart()
        self.month_note = note_label()
        self.by_month.setMinimumHeight(170)
        self.by_tier_model = TableModel()
        self.by_tier = QTableView()
        self.by_tier.setModel(self.by_tier_model)
        self.by_tier.verticalHeader().setVisible(False)
        # the group's name takes the room left by the figures ("ゾーン：熱狂的ファン" was cut)
        self.by_tier.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.by_tier.horizontalHeader().setStretchLastSection(False)
        self.mode, self.tier, self.period = QComboBox(), QComboBox(), QComboBox()
        self.mode.addItems(["", ""])
        self.tier.addItem("", None)
        self.period.addItem("", None)
        self.matrix_caption = caption_label(wrap=True)
        self.matrix_model = MatrixModel()
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix.clicked.connect(self.select_cell)
        self.axis_labels = note_label(wrap=False)
        self.customers = CustomerList(self.ctx)
        self.labels = {name: QLabel() for name in ("nps", "month", "tier", "mode", "filter_tier", "period")}
        for name in ("nps", "month", "tier"):
            self.labels[name].setStyleSheet("font-weight: bold;")

        left = QVBoxLayout()
        left.addWidget(self.labels["nps"])
        row = QHBoxLayout()
        row.addWidget(self.nps_number)
        row.addWidget(self.nps_caption, 1)
        left.addLayout(row)
        left.addWidget(self.split)
        left.addWidget(self.warning)
        left.addWidget(self.labels["month"])
        left.addWidget(self.by_month, 1)
        left.addWidget(self.month_note)
        left.addWidget(self.labels["tier"])
        left.addWidget(self.by_tier, 1)
        controls = QGridLayout()
        for col, (name, widget) in enumerate((("mode", self.mode), ("filter_tier", self.tier), ("period", self.period))):
            controls.addWidget(self.labels[name], 0, 2 * col)
            controls.addWidget(widget, 0, 2 * col + 1)
        panes = splitter(Qt.Orientation.Vertical,
                         vstack(self.matrix_caption, controls, self.axis_labels, (self.matrix, 1)), self.customers,
                         sizes=[470, 200])
        outer = QHBoxLayout(self.content)
        outer.addLayout(left, 3)
        outer.addWidget(panes, 7)
        for combo in (self.tier, self.period):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.mode.currentIndexChanged.connect(lambda _: self.data is not None and self._show_matrix(self.data))
        self.retranslate()


    def chart_widget(self) -> QWidget:
        return self.matrix

    def empty_message(self) -> str:
        return self.tr("No survey answers yet. Import your survey export (Google Forms or SurveyMonkey CSV) "
                       "with File ▸ Import files…")

    has_data = staticmethod(surveys.has_answers)

    def retranslate(self) -> None:
        self.labels["nps"].setText(self.tr("NPS (Net Promoter Score)"))
        self.labels["month"].setText(self.tr("NPS by month"))
        self.labels["tier"].setText(self.tr("NPS by LTV tier and engagement zone"))
        self.labels["mode"].setText(self.tr("Show:"))
        self.labels["filter_tier"].setText(self.tr("Tier:"))
        self.labels["period"].setText(self.tr("Period:"))
        self.mode.setItemText(0, self.tr("Counts"))
        self.mode.setItemText(1, self.tr("Shares"))
        self.tier.setItemText(0, self.tr("All customers"))
        self.period.setItemText(0, self.tr("All time"))
        self.matrix_caption.setText(self.tr("Fan degree × liking: where your customers stand (click a cell for its customers)"))
        self.axis_labels.setText(self.tr("Rows: fan degree   Columns: liking"))
        self.customers.retranslate()

    def inputs(self) -> SurveysInputs:
        return SurveysInputs(self.tier.currentData(), self.period.currentData())

    load = staticmethod(load_surveys)

    def show_data(self, data: dict[str, Any]) -> None:
        self._fill_filters(data)
        score = data["nps"]
        self.nps_number.setText("—" if score.score is None else f"{score.score:+.0f}")
        self.nps_number.setStyleSheet(f"color: {(PROMOTER if (score.score or 0) >= 0 else DETRACTOR).name()};")
        total = score.responses or 1
        self.nps_caption.setText(self.tr("%n answer(s): promoters (9-10) minus detractors (0-6), in points.", "",
                                         score.responses))
        self.split.set_parts([
            (self.tr("Detractors"), 100 * score.detractors / total, DETRACTOR),
            (self.tr("Passives"), 100 * score.passives / total, PASSIVE),
            (self.tr("Promoters"), 100 * score.promoters / total, PROMOTER),
        ])
        warnings = [self.tr("Only %n answer(s): the NPS is not meaningful yet.", "", score.responses)
                    if score.responses < FEW_ANSWERS else ""]
        if data["later"]:
            warnings.append(self.tr("%n answer(s) are dated after %1, the day of the last order, and are not counted: "
                                    "import the orders up to their days to count them.", "", data["later"])
                            .replace("%1", i18n.date_label(data["as_of"])))
        self.warning.setText("\n".join(w for w in warnings if w))
        months = data["by_month"]
        # Bars: the answers of each month; the line: its NPS with its margin of error, only where there are
        # enough answers (surveys.FEW_ANSWERS): one answer made a month -100 or +100.
        scores = [r["score"] if r["enough"] else None for r in months.as_dicts()]
        margins = [r["margin"] if r["enough"] else None for r in months.as_dicts()]
        thin = sum(1 for r in months.as_dicts() if not r["enough"])
        self.month_note.setText(
            self.tr("Bars: answers a month. Line: NPS with its margin of error (95%). %n month(s) with fewer than "
                    "%1 answers have no NPS: too few to tell.", "", thin).replace("%1", str(surveys.FEW_ANSWERS))
            if thin else self.tr("Bars: answers a month. Line: NPS with its margin of error (95%)."))
        self.by_month.set_data([i18n.short_month_label(m) for m in months.column("month")], months.column("responses"),
                               bar_name=self.tr("Answers"), line=scores, line_name="NPS",
                               line_fmt=lambda v: f"{v:+.1f}", label_every=max(1, len(months.rows) // 3),
                               line_axis_fmt=lambda v: f"{v:+.0f}", line_range=(-100, 100))
        self.by_month.add_error_bars(scores, margins)
        groups = [(r["name"], r) for r in data["by_tier"].as_dicts()]
        groups += [(self.tr("Zone: %1").replace("%1", r["name"]), r) for r in data["by_zone"].as_dicts()]
        rows = [(name, r["responses"], r["score"] if r["enough"] else None, r["margin"] if r["enough"] else None)
                for name, r in groups]
        self.by_tier.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.by_tier_model.set_data([self.tr("Group"), self.tr("Answers"), "NPS", self.tr("± margin")], rows, {
            2: lambda v: self.tr("too few") if v is None else f"{v:+.1f}",
            3: lambda v: "" if v is None else f"±{v:.1f}"})
        self._show_matrix(data)
        # The chosen cell's customers again, as the data now stands and in the language now chosen (kept from
        # before, they stayed in Japanese after a switch to English).
        self.select_cell(self.matrix_model.index(*self.chosen_cell))

    def _show_matrix(self, data: dict[str, Any]) -> None:
        matrix = data["matrix"]
        shares = self.mode.currentIndex() == 1
        values = matrix.shares() if shares else matrix.counts
        maximum = max(max(row) for row in matrix.counts) if matrix.total else 0
        self.matrix_model.set_data([str(i) for i in range(1, 8)], values,
                                   {i: (i18n.percent if shares else (lambda v: i18n.number(v))) for i in range(7)})
        self.matrix_model.set_colours(lambda r, c, v: heat(matrix.counts[r][c], maximum))

    def select_cell(self, index: QModelIndex) -> None:
        self.chosen_cell = (index.row(), index.column())
        fan, liking = index.row() + 1, index.column() + 1
        tier, start, end = self.data["filters"]
        as_of = self.data["as_of"]

        def show(table: Any) -> None:
            self.customers.set_table(table, f"{fan_level_name(fan, one_line=True)} × {liking_name(liking, one_line=True)}")

        self.ctx.db.submit(lambda store, state: surveys.cell_respondents(store, as_of, fan, liking, tier, start, end), show)

    def _fill_filters(self, data: dict[str, Any]) -> None:
        for combo, items in ((self.tier, [(tier.key, tier.name()) for tier in data["tiers"]]),
                             (self.period, [(m, i18n.month_label(m)) for m in data["months"]])):
            refill(combo, items)
