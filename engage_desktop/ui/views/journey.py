"""カスタマージャーニー: the 8 steps of the 100-day fan plan, their numbers, the emotion curve, the owner's notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QButtonGroup, QCheckBox,
                               QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QMenu, QPushButton, QRadioButton, QSizePolicy, QSpinBox, QTableView,
                               QTableWidget, QToolButton, QVBoxLayout)

from engage_desktop.core.messages import listing, t
from engage_desktop.core.metrics import journey, ltv, measures
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n, measure_log
from engage_desktop.ui.background import save_then_close
from engage_desktop.ui.charts import BarLineChart
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import note_label, splitter, vstack
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import View

NOTE_ROWS = {11: "touchpoints", 13: "memo"}
MEASURE_ROW = 12  # the measures log's entries for the step (metrics/measures.py): double-click adds one
MEASURE_COLOUR = QColor(232, 245, 233)
GOAL_ROW = 2
NOTE_COLOUR = QColor(255, 250, 230)


class JourneyModel(TableModel):
    """Columns are the 8 steps; rows are what we know of each step; the last three rows are the owner's notes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.row_titles: list[str] = []
        self.actions: list[str] = []
        self.on_note = None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical and section < len(self.row_titles):
            return self.row_titles[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.row() in NOTE_ROWS else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in NOTE_ROWS:
            return NOTE_COLOUR
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == MEASURE_ROW:
            return MEASURE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ToolTipRole and index.row() == GOAL_ROW and index.column() < len(self.actions):
            return self.actions[index.column()]  # what the shop does at this step (100日ファン化計画)
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.row() not in NOTE_ROWS:
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        if self.on_note:
            self.on_note(index.column() + 1, NOTE_ROWS[index.row()], str(value))
        return True


@dataclass(frozen=True)
class JourneyInputs:
    selected_step: int  # whose customers are listed
    funnel_period: tuple[dt.date, dt.date] | None = None  # the funnel's first and last month; None: the default


def load_journey(store: Store, as_of: dt.date, inputs: JourneyInputs) -> dict[str, Any]:
    start, end = inputs.funnel_period or journey.funnel_period(as_of)
    return {"as_of": as_of, "steps": journey.journey(store, as_of), "notes": journey.notes(store),
            "measures": measures.by_step(store),
            "funnel": journey.funnel(store, as_of, start, end), "funnel_period": (start, end),
            "funnel_months": journey.funnel_months(store, as_of), "rules": journey.rules(store),
            "selected": inputs.selected_step}


class JourneyView(View):
    key = "journey"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.funnel_boxes = [QLabel() for _ in journey.FUNNEL_STAGES]
        # Between two stages: the conversion from the one to the next.
        self.funnel_arrows = [QLabel() for _ in journey.FUNNEL_STAGES[1:]]
        self.funnel_period: tuple[dt.date, dt.date] | None = None  # the owner's choice; None: the default
        period = QHBoxLayout()
        self.funnel_title = QLabel()
        self.funnel_title.setStyleSheet("font-weight: bold;")
        self.period_from, self.period_to = QComboBox(), QComboBox()
        for combo in (self.period_from, self.period_to):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_from.activated.connect(lambda _: self.choose_period(self.period_from))
        self.period_to.activated.connect(lambda _: self.choose_period(self.period_to))
        self.period_dash = QLabel("–")
        self.period_note = note_label(wrap=False)
        self.funnel_button = QPushButton()
        self.funnel_button.clicked.connect(self.edit_funnel)
        self.rules_button = QPushButton()
        self.rules_button.clicked.connect(self.edit_rules)
        for widget in (self.funnel_title, self.period_from, self.period_dash, self.period_to, self.period_note):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.funnel_button)
        period.addWidget(self.rules_button)
        funnel = QHBoxLayout()
        for i, box in enumerate(self.funnel_boxes):
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box.setStyleSheet("background: %s; padding: 4px 10px; border-radius: 4px;" %
                              ("#eef3f8" if i < 3 else "#e3f1e6"))
            funnel.addWidget(box, 1)
            if i < len(self.funnel_arrows):
                self.funnel_arrows[i].setAlignment(Qt.AlignmentFlag.AlignCenter)
                funnel.addWidget(self.funnel_arrows[i])
        self.model = JourneyModel(self)
        self.model.on_note = self.save_note
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed |
                                   QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().sectionClicked.connect(self.select_step)
        self.table.clicked.connect(lambda index: self.select_step(index.column()))
        self.table.doubleClicked.connect(self._double_clicked)
        self.hint = note_label()
        self.chart = BarLineChart()
        self.chart.setMinimumHeight(120)
        self.chart.clicked.connect(self.select_step)
        self.chart_title = QLabel()
        self.chart_title.setStyleSheet("font-weight: bold;")
        self.chart_title.setWordWrap(True)
        self.customers = CustomerList(self.ctx)
        bottom = splitter(Qt.Orientation.Horizontal, vstack(self.chart_title, (self.chart, 1)), self.customers,
                       sizes=[420, 620])
        # The step table scrolls; the emotion curve and the customers behind a step get room to be read
        # (at 1280x800 they had 2-3 rows and a thumbnail chart). The owner can move the divider.
        QVBoxLayout(self.content).addWidget(splitter(
            Qt.Orientation.Vertical, vstack(period, funnel, (self.table, 1), self.hint), bottom, sizes=[420, 330]))
        self.retranslate()


    def retranslate(self) -> None:
        self.funnel_title.setText(self.tr("Funnel, from"))
        self.funnel_button.setText(self.tr("Pre-purchase counts…"))
        self.rules_button.setText(self.tr("Step rules…"))
        self.hint.setText(self.tr("Double-click a yellow cell to write touchpoints and notes, a green one to add a "
                                  "measure for the step (all of them are in the Measures view). Click a step to list "
                                  "its customers; point at a goal to see what the shop does."))
        self.model.row_titles = [self.tr("Emotion"), self.tr("Stage"), self.tr("Goal"), self.tr("Rule"), self.tr("Customers now"), self.tr("Dormant now"), self.tr("Promoters at the step"),
                                 self.tr("Reached"), self.tr("Moved on"),
                                 self.tr("Median days to reach"), self.tr("Average liking (1-7)"), self.tr("Touchpoints"),
                                 self.tr("Measures"), self.tr("Memo")]
        self.customers.retranslate()

    def inputs(self) -> JourneyInputs:
        return JourneyInputs(getattr(self, "selected_step", 2), self.funnel_period)

    def choose_period(self, changed: QComboBox) -> None:
        """The owner picked a month: the funnel over the new period (a start after the end moves the other end)."""
        start, end = self.period_from.currentData(), self.period_to.currentData()
        if start > end:
            start, end = (start, start) if changed is self.period_from else (end, end)
        self.funnel_period = (start, end)
        self.refresh()

    load = staticmethod(load_journey)

    def show_data(self, data: dict[str, Any]) -> None:
        steps, notes = data["steps"].as_dicts(), data["notes"]
        headers = [self.tr("Step %1").replace("%1", str(s.number)) for s in journey.STEPS]
        columns = []
        for step, row in zip(journey.STEPS, steps):
            columns.append([
                row["emotion"], row["stage"], row["goal"], row["rule"], i18n.number(row["customers"]),
                i18n.number(row["dormant"]), i18n.number(row["promoters"]), i18n.number(row["reached"]),
                i18n.percent(row["moved_on"]) if step.number < 8 else "—",
                self.tr("%n day(s)", "", int(row["median_days"])) if row["median_days"] is not None else "—",
                i18n.number(row["avg_liking"], 1) if row["avg_liking"] is not None else "—",
                notes.get((step.number, "touchpoints"), ""),
                "\n".join(m.name for m in data["measures"].get(step.number, [])),
                notes.get((step.number, "memo"), ""),
            ])
        rows = [list(r) for r in zip(*columns)]
        self.model.actions = [t(s.action) for s in journey.STEPS]
        self.model.set_data(headers, rows, {i: str for i in range(8)})
        self.show_funnel(data)
        self.chart.set_data([str(s.number) for s in journey.STEPS], [r["customers"] for r in steps],
                            bar_name=self.tr("Customers now"), line=[r["avg_liking"] for r in steps],
                            line_name=self.tr("Liking (1-7)"), line_range=(1, 7.2),
                            line_fmt=lambda v: f"{v:.2f}", line_axis_fmt=lambda v: f"{v:.0f}")
        self.chart_title.setText(self.tr("Emotion curve: customers now at each step (bars) and their average liking (line)"))
        self.select_step(data["selected"] - 1)

    def show_funnel(self, data: dict[str, Any]) -> None:
        start, end = data["funnel_period"]
        months = data["funnel_months"]
        for combo, chosen in ((self.period_from, start), (self.period_to, end)):
            combo.clear()
            for month in months:
                combo.addItem(i18n.month_label(month), month)
            # by position: findData does not compare Python dates
            combo.setCurrentIndex(months.index(chosen) if chosen in months else -1)
        funnel = data["funnel"].as_dicts()
        period = funnel[0]["period_months"]
        self.period_note.setText(self.tr("(%n month(s))", "", period))
        for box, stage in zip(self.funnel_boxes, funnel):
            name = journey.stage_name(stage["stage"])
            count = "—" if stage["count"] is None else i18n.number(stage["count"])
            if stage["typed"]:
                # Months of the period without a count are said, never summed over silently.
                counted = self.tr("%1 of %2 months counted").replace("%1", str(stage["months"])).replace("%2", str(period))
                box.setToolTip(self.tr("Your counts for the months of the period, summed (Pre-purchase counts…)."))
            elif stage["stage"] == "購入":
                counted = self.tr("first purchase in the period")
                box.setToolTip(self.tr("Customers whose first purchase is in the period."))
            else:
                counted = self.tr("of them, bought again")
                box.setToolTip(self.tr("Of the customers whose first purchase is in the period, those who bought "
                                       "again (up to the as-of date)."))
            box.setText(f"{name}  {count}\n{counted}")  # two lines: the step table below keeps its room
        for arrow, stage in zip(self.funnel_arrows, funnel[1:]):
            if stage["conversion"] is None:
                arrow.setText("→\n—")
                arrow.setToolTip(self.tr("No rate: a stage on either side has no count for some months of the period."))
            else:
                arrow.setText(f"→\n{i18n.percent(stage['conversion'])}")
                arrow.setToolTip(self.tr("Share of the stage before that reached this one, over the same months."))

    def select_step(self, column: int) -> None:
        if self.data is None or not 0 <= column < len(journey.STEPS):
            return
        step, as_of = column + 1, self.data["as_of"]
        self.selected_step = step

        def show(table: Any) -> None:
            name = t(journey.STEPS[column].emotion)
            self.customers.set_table(table, self.tr("Customers at step %1 (dormant too): %2")
                                     .replace("%1", str(step)).replace("%2", name))

        self.ctx.db.submit(lambda store, state: journey.step_customers(store, as_of, step), show)

    def finish_editing(self) -> bool:
        editor = QApplication.focusWidget()
        if self.table.state() != QAbstractItemView.State.EditingState or editor is None or \
                not self.table.isAncestorOf(editor):
            return False
        self.table.commitData(editor)  # the delegate writes the text into the model: setData saves the note
        self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.row() == MEASURE_ROW and self.data is not None:
            measure_log.open_form(self, self.ctx, None, self.data["as_of"], target_kind="step",
                                  target=str(index.column() + 1))

    def save_note(self, step: int, field: str, text: str) -> None:
        self.ctx.db.submit(lambda store, state: journey.set_note(store, step, field, text))

    def edit_funnel(self) -> None:
        FunnelDialog(self).open()

    def edit_rules(self) -> None:
        RulesDialog(self, self.data["rules"]).open()


class FunnelDialog(QDialog):
    """The owner types the pre-purchase counts (from page views, store visits…) month by month.
    It opens with what is stored for the month, and saves only the counts the owner changed."""

    NOT_SET = -1  # the spin boxes' "—": no count for this month

    def __init__(self, view: JourneyView) -> None:
        super().__init__(view)
        self.view = view
        self.setWindowTitle(self.tr("Pre-purchase counts"))
        self.month = QComboBox()
        as_of = view.data["as_of"]
        month = as_of.replace(day=1)
        for _ in range(24):
            self.month.addItem(i18n.month_label(month), month)
            month = (month - dt.timedelta(days=1)).replace(day=1)
        self.spins: dict[str, QSpinBox] = {}
        self.stored: dict[str, int | None] = {}
        form = QFormLayout(self)
        note = QLabel(self.tr("Counts you know from outside the shop system, e.g. page views or visitors. "
                              "Leave a stage at — if you do not know it."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Month"), self.month)
        for stage in journey.TYPED_STAGES:
            spin = QSpinBox()
            spin.setRange(self.NOT_SET, 100_000_000)
            spin.setSpecialValueText("—")
            spin.setGroupSeparatorShown(True)
            self.spins[stage] = spin
            form.addRow(journey.stage_name(stage), spin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.month.currentIndexChanged.connect(lambda _: self.load())
        self.load()

    def load(self) -> None:
        """Show what is stored for the chosen month (Save waits until it is there)."""
        month = self.month.currentData()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.view.ctx.db.submit(lambda store, state: journey.funnel_counts_of(store, month),
                                lambda counts: self._show(month, counts))

    def _show(self, month: dt.date, counts: dict[str, int]) -> None:
        if month != self.month.currentData():
            return  # the owner chose another month meanwhile: its own load follows
        self.stored = {stage: counts.get(stage) for stage in journey.TYPED_STAGES}
        for stage, spin in self.spins.items():
            spin.setValue(self.NOT_SET if self.stored[stage] is None else self.stored[stage])
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def changes(self) -> dict[str, int | None]:
        typed = {stage: None if spin.value() == self.NOT_SET else spin.value() for stage, spin in self.spins.items()}
        return {stage: count for stage, count in typed.items() if count != self.stored.get(stage)}

    def save(self) -> None:
        month, changes = self.month.currentData(), self.changes()

        def job(store: Store, state: object) -> None:
            for stage, count in changes.items():
                journey.set_funnel_count(store, month, stage, count)

        save_then_close(self, self.view.ctx, job)


class RulesDialog(QDialog):
    """The step rules, readable and editable: orders, days active, tiers, promoter."""

    def __init__(self, view: JourneyView, rules: list[journey.StepRule]) -> None:
        super().__init__(view)
        self.view = view
        self.setWindowTitle(self.tr("Step rules"))
        self.resize(1000, 620)
        self.table = QTableWidget(len(rules), 6)
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Minimum orders"),
                                              self.tr("…all within this many days of the first (0: any time)"),
                                              self.tr("A purchase at least this many days after the first"),
                                              self.tr("LTV tier"), self.tr("Promoter or fan degree 5-6")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.setWordWrap(True)
        self.widgets: list[tuple[QSpinBox, QSpinBox, QSpinBox, TierChoice, QCheckBox]] = []
        for row, (step, rule) in enumerate(zip(journey.STEPS, rules)):
            self.table.setCellWidget(row, 0, QLabel(f" {step.number}. {t(step.emotion)}"))
            orders, within, days, promoter = QSpinBox(), QSpinBox(), QSpinBox(), QCheckBox()
            tiers = TierChoice(view.ctx.tiers, rule.tiers)
            # Step 2 is the first purchase: without one, every known customer would be past step 1.
            orders.setRange(1 if step.number == 2 else 0, 1000)
            orders.setValue(rule.min_orders)
            within.setRange(0, 3650)
            within.setValue(rule.within_days)
            days.setRange(0, 3650)
            days.setValue(rule.min_active_days)
            promoter.setChecked(rule.promoter)
            for col, widget in enumerate((orders, within, days, tiers, promoter), start=1):
                self.table.setCellWidget(row, col, widget)
                if step.number == 1:  # every customer the shop knows (journey.rules)
                    widget.setEnabled(False)
                    widget.setToolTip(self.tr("Step 1 is every customer the shop knows: it has no rule."))
            self.widgets.append((orders, within, days, tiers, promoter))
        # The column titles are sentences: wrapped, and the step's name in full.
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)))
        header.setFixedHeight(header.fontMetrics().lineSpacing() * 3 + 10)  # English wraps on three lines
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("A customer reaches a step when they meet its rule and the rules of every step before it. "
                              "An LTV tier is the one the customer had when they got there (at a month end), not "
                              "today's. Promoters are counted at every step of the journey, whatever step 8 asks."))
        note.setWordWrap(True)
        # Step 5, read two ways (the 100-day plan): the owner picks one, each with its reason.
        step5 = QGroupBox(self.tr("Step 5: which purchases show the 100-day plan worked"))
        self.step5 = QButtonGroup(self)
        self.step5.setExclusive(False)  # neither is checked when the owner writes step 5's own rule
        choices = QVBoxLayout(step5)
        names = {key: tier.name() for key, tier in view.ctx.tiers.items()}
        for i, (rule, reason) in enumerate(journey.STEP5_RULES):
            radio = QRadioButton(rule.describe(names))
            radio.setAutoExclusive(False)
            self.step5.addButton(radio, i)
            choices.addWidget(radio)
            why = note_label(t(reason))
            why.setContentsMargins(22, 0, 0, 6)
            choices.addWidget(why)
        self.step5.idClicked.connect(self.choose_step5)
        for widget in self.widgets[journey.STEP5 - 1]:
            signal = widget.toggled if isinstance(widget, QCheckBox) else \
                widget.changed if isinstance(widget, TierChoice) else widget.valueChanged
            signal.connect(self._show_step5)
        self._show_step5()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel |
                                   QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(step5)
        layout.addWidget(buttons)

    def rules(self) -> list[journey.StepRule]:
        return [journey.StepRule(o.value(), d.value(), tiers.chosen(), p.isChecked(), w.value())
                for o, w, d, tiers, p in self.widgets]

    def show_rule(self, row: int, rule: journey.StepRule) -> None:
        o, w, d, tiers, p = self.widgets[row]
        o.setValue(rule.min_orders)
        w.setValue(rule.within_days)
        d.setValue(rule.min_active_days)
        tiers.choose(rule.tiers)
        p.setChecked(rule.promoter)

    def restore(self) -> None:
        for row, rule in enumerate(journey.DEFAULT_RULES):
            self.show_rule(row, rule)

    def choose_step5(self, choice: int) -> None:
        self.show_rule(journey.STEP5 - 1, journey.STEP5_RULES[choice][0])

    def _show_step5(self, *_: object) -> None:
        """Check the step-5 reading the rule in the table is, or neither when it is the owner's own."""
        rule = self.rules()[journey.STEP5 - 1]
        for i, (choice, _reason) in enumerate(journey.STEP5_RULES):
            self.step5.button(i).setChecked(rule == choice)

    def save(self) -> None:
        rules = self.rules()
        save_then_close(self, self.view.ctx, lambda store, state: journey.save_rules(store, rules))


class TierChoice(QToolButton):
    """The LTV tiers a step rule asks for, chosen by their names from a menu (none: any tier)."""

    changed = Signal()

    def __init__(self, tiers: dict[str, ltv.Tier], chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        menu = QMenu(self)
        self.actions_by_key: dict[str, QAction] = {}
        for key, tier in tiers.items():
            action = menu.addAction(tier.name())
            action.setCheckable(True)
            action.toggled.connect(self._show)
            self.actions_by_key[key] = action
        self.setMenu(menu)
        self.unknown = tuple(k for k in chosen if k not in tiers)  # a tier since removed: kept, not shown
        self.choose(chosen)

    def chosen(self) -> tuple[str, ...]:
        return tuple(k for k, a in self.actions_by_key.items() if a.isChecked()) + self.unknown

    def choose(self, keys: tuple[str, ...]) -> None:
        for key, action in self.actions_by_key.items():
            action.setChecked(key in keys)
        self._show()

    def _show(self) -> None:
        names = [a.text() for a in self.actions_by_key.values() if a.isChecked()]
        self.setText(listing(names) if names else self.tr("(any tier)"))
        self.changed.emit()
