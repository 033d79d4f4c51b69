"""前月比: a metric by month, its month-over-month change, and the way to the 4-month round (ワンクール)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from engage_desktop.core.messages import listing
from engage_desktop.core.metrics import ltv, measures, monthly, zones
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.charts import BarLineChart, month_position
from engage_desktop.ui.layout import note_label, refill
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import View

MONEY_METRICS = {"revenue", "aov"}
RATE_METRICS = {"repeat_rate"}
MARKER, MARKER_OTHER = QColor(214, 104, 0), QColor(150, 150, 150)  # a measure aimed at the metric shown, or not


def format_metric(metric: str, value: Any) -> str:
    if value is None:
        return "—"
    if metric in MONEY_METRICS:
        return i18n.money(value)
    if metric in RATE_METRICS:
        return i18n.percent(float(value))
    if metric == "nps":
        return i18n.number(float(value), 1)
    return i18n.number(value)


def axis_format(metric: str) -> tuple[Callable[[float], str], float | None]:
    """A metric's axis: its tick labels and the smallest step they show (None: money, any step)."""
    if metric in MONEY_METRICS:
        return i18n.compact_money, None
    if metric in RATE_METRICS:
        return (lambda v: f"{100 * v:.0f}%"), 0.01
    return (lambda v: f"{v:,.0f}"), 1.0


ZONE = "zone:"  # the filter's data for a zone: "zone:<key>" (a tier's is its key, which has no colon)


@dataclass(frozen=True)
class MonthlyInputs:
    tier: str | None  # the tier key to show, or ZONE + a zone key; None: every customer


def load_monthly(store: Store, as_of: dt.date, inputs: MonthlyInputs) -> dict[str, Any]:
    if inputs.tier and inputs.tier.startswith(ZONE):
        # the customers who were in the zone that month (by their latest answer up to its end)
        table = monthly.monthly(store, as_of, group=zones.month_pairs_sql(store, as_of, inputs.tier[len(ZONE):]))
    else:
        table = monthly.monthly(store, as_of, tier=inputs.tier)
    return {
        "table": table,
        "tiers": ltv.tiers(store),
        "zones": zones.zone_map(store).zones,
        "round_months": int(store.setting("round_months")),
        "measures": [m for m in measures.measures(store) if m.started_on is not None],
    }


class MonthlyView(View):
    key = "monthly"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.metric = QComboBox()
        for key in monthly.METRICS:
            self.metric.addItem(key, key)
        self.tier = QComboBox()
        self.tier.addItem("", None)
        self.metric_label, self.tier_label = QLabel(), QLabel()
        self.streak_label = QLabel()
        self.streak_label.setWordWrap(True)  # on a narrow window these wrap, not widen it
        self.clip_note = note_label()
        self.round_note = note_label()
        self.streak_label.setStyleSheet("font-size: 17px; font-weight: bold; color: #1b5e20; padding: 4px 0;")
        self.chart = BarLineChart()
        self.chart.setMinimumHeight(300)
        self.table_model = TableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        controls = QHBoxLayout()
        for widget in (self.metric_label, self.metric, self.tier_label, self.tier):
            controls.addWidget(widget)
        controls.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self.content)
        layout.addLayout(controls)
        layout.addWidget(self.streak_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.clip_note)
        layout.addWidget(self.round_note)
        self.metric.currentIndexChanged.connect(self._metric_changed)
        self.tier.currentIndexChanged.connect(self.refresh)
        self.retranslate()


    def _metric_changed(self) -> None:
        if self.data is not None:
            self.show_data(self.data)

    def retranslate(self) -> None:
        self.metric_label.setText(self.tr("Metric:"))
        self.tier_label.setText(self.tr("Customers:"))
        for i, key in enumerate(monthly.METRICS):
            self.metric.setItemText(i, monthly.metric_name(key))
        self.tier.setItemText(0, self.tr("All customers"))

    def inputs(self) -> MonthlyInputs:
        return MonthlyInputs(self.tier.currentData())

    load = staticmethod(load_monthly)

    def show_data(self, data: dict[str, Any]) -> None:
        self._fill_tiers(data["tiers"], data["zones"])
        metric = self.metric.currentData()
        table = data["table"]
        months = table.column("month")
        values = table.column(metric)
        changes = table.column(f"{metric}_mom")
        running = table.column("running")
        labels = [i18n.short_month_label(m) for m in months]
        name = monthly.metric_name(metric)
        line = [None if c is None else 100 * c for c in changes]
        axis_fmt, axis_unit = axis_format(metric)
        self.chart.set_data(
            labels, [None if v is None else float(v) for v in values], bar_name=name,
            line=line, line_name=self.tr("Change vs previous month (%)"),
            bar_fmt=lambda v: format_metric(metric, v), line_fmt=lambda v: f"{v:+.1f}%",
            label_every=max(1, len(labels) // 12), line_range=monthly.change_range(line),
            bar_axis_fmt=axis_fmt, line_axis_fmt=lambda v: f"{v:+.0f}%", bar_axis_unit=axis_unit,
        )
        self.clip_note.setText(self.tr("%n month(s) changed beyond the chart's scale: drawn at its edge (▲/▼); "
                                       "hover for the exact change.", "", self.chart.clipped)
                               if self.chart.clipped else "")
        self.clip_note.setVisible(bool(self.chart.clipped))
        # Every round reached, past or current, as a band behind its months (ワンクール in history).
        reached = monthly.rounds(table, metric, data["round_months"])
        for first, last in reached:
            self.chart.add_band(months.index(first), months.index(last))
        marked = self._mark_measures(data["measures"], months, metric)
        notes = []
        if marked:
            notes.append(self.tr("Dashed lines: measures started (orange: aimed at this metric; the effect is in the "
                                 "Measures view): %1.").replace("%1", listing(marked)))
        if reached:
            notes.append(self.tr("Green bands: %n round(s) reached, each %1 or more months in a row up on the month "
                                 "before.", "", len(reached)).replace("%1", str(data["round_months"])))
        if running and running[-1]:
            notes.append(self.tr("%1 is still running: it is not compared with a full month, nor counted in the "
                                 "run.").replace("%1", i18n.month_label(months[-1])))
        self.round_note.setText("  ".join(notes))
        self.round_note.setVisible(bool(notes))
        run = monthly.streak(table, metric, data["round_months"])
        self.streak_label.setText(self.streak_text(run))
        headers = [self.tr("Month"), name, self.tr("Change vs previous month")]
        rows = [(i18n.month_label(m) + (self.tr(" (so far)") if r else ""), v, c)
                for m, v, c, r in zip(months, values, changes, running)][::-1]
        self.table_model.set_data(headers, rows, {1: lambda v: format_metric(metric, v),
                                                  2: lambda c: "—" if c is None else f"{100 * c:+.1f}%"})

    def _mark_measures(self, log: list[measures.Measure], months: list[dt.date], metric: str) -> list[str]:
        """A dashed line where each measure started, placed within its month, numbered ①②…: the names
        (too long to sit side by side on the chart) are listed under it by number."""
        named = []
        for m in sorted(log, key=lambda m: m.started_on or dt.date.min):
            x = month_position(months, m.started_on) if m.started_on else None
            if x is None:
                continue
            number = chr(0x2460 + len(named)) if len(named) < 20 else f"({len(named) + 1})"
            self.chart.add_marker(x, number, MARKER if m.metric == metric else MARKER_OTHER)
            named.append(f"{number} {m.name}")
        return named

    def streak_text(self, run: monthly.Streak) -> str:
        if run.round_reached:
            return self.tr("%n month(s) in a row up on the previous month: one round cleared!", "", run.current)
        if run.current == 0:
            return self.tr("The latest month is not up on the month before. A round is %n months "
                           "up in a row.", "", run.round_months)
        return self.tr("%n month(s) in a row up on the previous month", "", run.current) + " — " + \
            self.tr("%n more to a full round", "", run.remaining)

    def _fill_tiers(self, tiers: list[ltv.Tier], zone_list: list[zones.Zone]) -> None:
        # engagement zones filter like tiers: who was in the zone that month
        refill(self.tier, [(tier.key, tier.name()) for tier in tiers]
               + [(ZONE + zone.key, self.tr("Zone: %1").replace("%1", zone.name())) for zone in zone_list])
