"""施策: the measures log, and the effect of the chosen measure (before/after, a year earlier, everyone else).

Adding, editing and deleting go through the window's undo stack (ui/measure_log.py): Ctrl+Z / Ctrl+Shift+Z
here, and the buttons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from engage_desktop.core.metrics.measures import Measure
from engage_desktop.core.metrics import effect, ltv, measures, monthly
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui import measure_log
from engage_desktop.ui.charts import BarLineChart, month_position
from engage_desktop.ui.layout import caption_label, note_label, row_table, splitter, vstack
from engage_desktop.ui.models import TableModel, TitledTableModel
from engage_desktop.ui.views.base import View
from engage_desktop.ui.views.monthly import axis_format, format_metric

BEFORE_BAND, AFTER_BAND = QColor(120, 120, 120, 35), QColor(46, 139, 87, 45)
NAME_WIDTH = 300  # px: the measure's name column


@dataclass(frozen=True)
class MeasuresInputs:
    selected: int | None  # the measure whose effect is shown (None: the first in the list)


def load_measures(store: Store, as_of: dt.date, inputs: MeasuresInputs) -> dict[str, Any]:
    log = measures.measures(store)
    chosen = next((m for m in log if m.id == inputs.selected), log[0] if log else None)
    return {"as_of": as_of, "measures": log, "tier_names": ltv.tier_names(store),
            "chosen": chosen, "effect": effect.effect(store, as_of, chosen) if chosen else None}


class MeasuresView(View):
    key = "measures"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.selected_id: int | None = None
        self.undo_stack = ctx.undo_stack
        self.add_button, self.edit_button, self.delete_button = QPushButton(), QPushButton(), QPushButton()
        self.undo_button, self.redo_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.chosen()))
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_button.setToolTip)  # what Undo takes back
        self.undo_stack.redoTextChanged.connect(self.redo_button.setToolTip)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            QShortcut(keys, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        self.list_model = TableModel()
        self.list = row_table(self.list_model)
        # A long name is cut (the form shows it whole) rather than pushing the dates off the screen.
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.list.horizontalHeader().resizeSection(0, NAME_WIDTH)
        # The current row (by click or the arrow keys) is the measure shown, edited and deleted.
        self.list.selectionModel().currentRowChanged.connect(lambda current, _: self.choose(current.row()))
        self.list.doubleClicked.connect(lambda index: self.edit(self._at(index.row())))
        self.hint = note_label()
        self.caption, self.verdict = caption_label(wrap=True), note_label()
        self.verdict.setStyleSheet("font-size: 14px; color: #222; padding: 2px 0;")
        self.effect_model = TitledTableModel(self)
        self.effect_table = QTableView()
        self.effect_table.setModel(self.effect_model)
        self.effect_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.chart = BarLineChart()
        self.chart.setMinimumHeight(200)
        self.chart_note = note_label()
        top = vstack(buttons, (self.list, 1), self.hint)
        bottom = vstack(self.caption, self.verdict, self.effect_table, (self.chart, 1), self.chart_note)
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Vertical, top, bottom, sizes=[230, 470]))
        self.retranslate()

    def chart_widget(self) -> QWidget:
        return self.chart

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add a measure…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.hint.setText(self.tr("Write down each measure you try: when it started, whom it targets and the "
                                  "metric it should move. Click one to see its effect; double-click to edit."))

    def empty_message(self) -> str:
        return self.tr("No orders yet. The effect of a measure is read from your orders: import them first "
                       "(File ▸ Import files…).")

    def inputs(self) -> MeasuresInputs:
        return MeasuresInputs(self.selected_id)

    load = staticmethod(load_measures)

    def show_data(self, data: dict[str, Any]) -> None:
        log: list[Measure] = data["measures"]
        names = data["tier_names"]
        headers = [self.tr("Measure"), self.tr("Targets"), self.tr("Should move"), self.tr("Started on"),
                   self.tr("Ended on"), self.tr("Note")]
        rows = [(m.name, m.target_text(names), monthly.metric_name(m.metric) if m.metric else self.tr("(not set)"),
                 i18n.date_label(m.started_on) if m.started_on else self.tr("(not set)"),
                 i18n.date_label(m.ended_on) if m.ended_on else "—", m.note.replace("\n", " ")) for m in log]
        self.list_model.set_data(headers, rows)
        chosen: Measure | None = data["chosen"]
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        if chosen is None:
            self.caption.setText(self.tr("No measures yet"))
            self.verdict.setText(self.tr("Add the first one with “Add a measure…”. Measures added from the journey "
                                         "map's Measures row appear here too."))
            self.effect_model.set_data([], [])
            self.chart.clear()
            self.chart_note.setText("")
            return
        self.selected_id = chosen.id
        self.list.selectRow(log.index(chosen))
        self.show_effect(data["effect"], names)

    def show_effect(self, e: effect.Effect, names: dict[str, str]) -> None:
        m = e.measure
        self.caption.setText(f"{m.name} — {m.target_text(names)}")
        self.verdict.setText(effect.verdict_text(e))
        metric = m.metric or "revenue"
        fmt = lambda v: format_metric(metric, v)  # noqa: E731
        change = lambda c: effect.change_text(c, e.in_points)  # noqa: E731
        spans = []
        if e.before and e.after:
            spans = [self._span(*e.before), self._span(*e.after)]
        self.effect_model.row_titles = [self.tr("Targeted customers") if e.customers is not None else
                                        self.tr("Every customer"), self.tr("The same, a year earlier"),
                                        self.tr("Everyone else")]
        rows = [(e.value_before, e.value_after, e.change), (e.year_before, e.year_after, e.year_change),
                (e.rest_before, e.rest_after, e.rest_change)]
        if e.customers is None:
            rows, self.effect_model.row_titles = rows[:2], self.effect_model.row_titles[:2]
        heads = [self.tr("Before: %1").replace("%1", spans[0]) if spans else self.tr("Before"),
                 self.tr("After: %1").replace("%1", spans[1]) if spans else self.tr("After"), self.tr("Change")]
        self.effect_model.set_data(heads, rows, {0: fmt, 1: fmt, 2: change})
        self.effect_table.setVisible(bool(spans))  # too early, or no start day: the verdict says why
        self.effect_table.resizeRowsToContents()
        self.effect_table.setFixedHeight(self.effect_table.horizontalHeader().sizeHint().height() + 2 * self.effect_table.frameWidth()
                                         + sum(self.effect_table.rowHeight(r) for r in range(len(rows))))
        series = e.series
        months = series.column("month")
        if not months:
            self.chart.clear()
            self.chart_note.setText("")
            return
        targeted = [None if v is None else float(v) for v in series.column("target")]
        rest = series.column("rest") if e.customers is not None else None
        name = monthly.metric_name(metric)
        axis_fmt, axis_unit = axis_format(metric)  # both series are the same metric: one axis format
        self.chart.set_data([i18n.short_month_label(x) for x in months], targeted,
                            bar_name=name if e.customers is None else self.tr("%1, targeted").replace("%1", name),
                            line=rest, line_name=self.tr("%1, everyone else").replace("%1", name),
                            bar_fmt=fmt, line_fmt=fmt, label_every=max(1, len(months) // 10),
                            bar_axis_fmt=axis_fmt, line_axis_fmt=axis_fmt, bar_axis_unit=axis_unit,
                            line_axis_unit=axis_unit)
        if e.before and e.after:
            for (first, last), colour in ((e.before, BEFORE_BAND), (e.after, AFTER_BAND)):
                if first in months and last in months:
                    self.chart.add_band(months.index(first), months.index(last), colour)
        start = month_position(months, m.started_on) if m.started_on else None
        if start is not None:
            self.chart.add_marker(start, self.tr("Start"))
        self.chart_note.setText(self.tr("Grey band: the months before; green band: the months after. The month "
                                        "the measure started in is left out when it started after the 1st."))

    def _span(self, first: dt.date, last: dt.date) -> str:
        return i18n.month_label(first) if first == last else f"{i18n.month_label(first)}–{i18n.month_label(last)}"

    # -- the log -------------------------------------------------------------------------
    def chosen(self) -> Measure | None:
        """The measure of the list's current row (its effect may still be on its way)."""
        if self.data is None:
            return None
        return self._at(self.list.currentIndex().row()) or self.data["chosen"]

    def _at(self, row: int) -> Measure | None:
        log = self.data["measures"] if self.data else []
        return log[row] if 0 <= row < len(log) else None

    def choose(self, row: int) -> None:
        picked = self._at(row)
        if picked is None or picked.id == self.selected_id:
            return
        self.selected_id = picked.id
        self.refresh()

    def edit(self, current: Measure | None) -> None:
        as_of = self.data["as_of"] if self.data else dt.date.today()
        measure_log.open_form(self, self.ctx, current, as_of, on_added=self._select)

    def _select(self, measure_id: int) -> None:
        self.selected_id = measure_id

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.selected_id = None
            self.undo_stack.push(measure_log.DeleteMeasure(self, self.ctx, chosen))
