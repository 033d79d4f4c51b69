"""LTV層別: the tier table, the Pareto chart (デシル分析), the tier editor and the customers of a tier."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QVBoxLayout, QWidget)

from engage_desktop.core.metrics import channels, ltv, profit
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.background import save_then_close
from engage_desktop.ui.charts import BarLineChart
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, hstack, note_label, row_table, splitter
from engage_desktop.ui.models import TableModel
from engage_desktop.ui.views.base import FEW_CUSTOMERS, View


@dataclass(frozen=True)
class TiersInputs:
    selected_tier: str | None  # whose customers are listed (None: the first tier with customers)


def load_tiers(store: Store, as_of: dt.date, inputs: TiersInputs) -> dict[str, Any]:
    deciles = ltv.deciles(store, as_of)
    tiers = ltv.tiers(store)
    table = ltv.tier_table(store, as_of, tiers)
    first = next((r["tier"] for r in table.as_dicts() if r["customers"]), tiers[0].key)
    selected = inputs.selected_tier if inputs.selected_tier in [t.key for t in tiers] else first
    return {"as_of": as_of, "tiers": tiers, "table": table, "deciles": deciles, "top20": ltv.top20_share(deciles),
            "mix": channels.tier_mix(store, as_of, ltv.tiered_facts_sql(store, as_of, tiers)),
            "margin": profit.margin(store),
            "dormant_days": store.setting("dormant_days"), "selected": selected,
            "customers": ltv.tier_customers(store, as_of, selected)}


class LtvView(View):
    key = "ltv"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.tier_model = TableModel()
        self.tier_table = row_table(self.tier_model)
        self.tier_table.clicked.connect(lambda index: self.select_tier(index.row()))
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_tiers)
        self.pareto = BarLineChart()
        self.pareto.setMinimumHeight(260)
        self.pareto.clicked.connect(self.select_decile)
        self.callout = QLabel()
        self.callout.setStyleSheet("font-size: 16px; font-weight: bold; color: #0d47a1;")
        self.callout.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b26a00;")
        self.warning.setWordWrap(True)
        self.customers = CustomerList(self.ctx)
        self.tiers_caption, self.pareto_caption = caption_label(), caption_label()
        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.tiers_caption, 1)
        head.addWidget(self.edit_button)
        left.addLayout(head)
        left.addWidget(self.tier_table)
        left.addWidget(self.warning)
        self.tier_note = note_label()  # the selected tier's channel mix, and its LTV as profit
        left.addWidget(self.tier_note)
        right = QVBoxLayout()
        right.addWidget(self.pareto_caption)
        right.addWidget(self.callout)
        right.addWidget(self.pareto, 1)
        QVBoxLayout(self.content).addWidget(splitter(
            Qt.Orientation.Vertical, hstack((left, 13), (right, 7)), self.customers, sizes=[380, 300]))
        self.selected_tier: str | None = None
        self.retranslate()


    def chart_widget(self) -> QWidget:
        return self.pareto

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit tiers…"))
        self.tiers_caption.setText(self.tr("Customer groups by LTV (average order value × purchases per year)"))
        self.pareto_caption.setText(self.tr("Pareto view: revenue by decile of customers"))
        self.customers.retranslate()

    def inputs(self) -> TiersInputs:
        return TiersInputs(self.selected_tier)

    load = staticmethod(load_tiers)

    def show_data(self, data: dict[str, Any]) -> None:
        tiers = {tier.key: tier for tier in data["tiers"]}
        rows = []
        for r in data["table"].as_dicts():
            tier = tiers[r["tier"]]
            rows.append((tier.name(), tier.rule_text(data["dormant_days"], i18n.currency()), r["customers"], r["revenue"],
                         r["share"], r["avg_ltv"], r["repeat_rate"], r["avg_days_since_last"]))
        # English headers on two lines: on one, the table did not fit beside the Pareto chart at 1366x768.
        headers = [self.tr("LTV tier"), self.tr("Rule"), self.tr("Number of\ncustomers"), self.tr("Revenue"),
                   self.tr("Revenue\nshare"), self.tr("Average\nannual LTV"), self.tr("Repeat\nrate"),
                   self.tr("Days since\nlast order")]
        self.tier_model.set_data(headers, rows, {
            4: i18n.percent, 5: i18n.money, 6: i18n.percent, 7: lambda v: i18n.number(v, 0)})
        total = sum(r[2] for r in rows)
        self.warning.setText(self.tr("Only %n customer(s): tier shares and deciles are not meaningful yet.", "", total)
                             if total < FEW_CUSTOMERS else "")
        deciles = data["deciles"]
        self.pareto.set_data(
            [str(d) for d in deciles.column("decile")], [float(v) for v in deciles.column("revenue")],
            bar_name=self.tr("Revenue"), line=[100 * s for s in deciles.column("cumulative_share")],
            line_name=self.tr("Cumulative share (%)"), bar_fmt=i18n.money, line_fmt=lambda v: f"{v:.1f}%",
            line_range=(0, 105), bar_axis_fmt=i18n.compact_money, line_axis_fmt=lambda v: f"{v:.0f}%")
        self.pareto.item.getAxis("bottom").setLabel(self.tr("Decile (1 = top 10% of customers)"))
        self.callout.setText(self.tr("The top 20% of customers bring %1 of revenue.").replace(
            "%1", i18n.percent(data["top20"])))
        self.pareto.add_text(i18n.percent(data["top20"]), 1.0, 100 * deciles.column("cumulative_share")[1],
                             QColor(13, 71, 161), on_right=True, anchor=(0.0, 1.2))
        keys = [t.key for t in data["tiers"]]
        row = keys.index(data["selected"])
        self.tier_table.selectRow(row)
        self._show_customers(data["selected"], data["customers"])

    def _show_customers(self, key: str, table: Any) -> None:
        tier = next(t for t in self.data["tiers"] if t.key == key)
        self.selected_tier = key
        self.customers.set_table(table, self.tr("Customers in %1").replace("%1", tier.name()))
        self._show_tier_note(key)

    def _show_tier_note(self, key: str) -> None:
        """Where the selected tier's customers buy and, with a gross margin, its average LTV as profit."""
        tier = next(t for t in self.data["tiers"] if t.key == key)
        lines = []
        mix = channels.shares_text(self.data["mix"].get(key, {}))
        if mix:
            lines.append(self.tr("Where %1 customers buy (share of their orders): %2").replace("%1", tier.name())
                         .replace("%2", mix))
        row = next(r for r in self.data["table"].as_dicts() if r["tier"] == key)
        if self.data["margin"] is not None and row["avg_ltv"] is not None:
            lines.append(self.tr("Average annual LTV as profit (gross margin %1): %2")
                         .replace("%1", i18n.percent(self.data["margin"]))
                         .replace("%2", i18n.money(profit.as_profit(row["avg_ltv"], self.data["margin"]))))
        self.tier_note.setText("\n".join(lines))

    def select_tier(self, row: int) -> None:
        key = self.data["tiers"][row].key
        as_of = self.data["as_of"]
        self.ctx.db.submit(lambda store, state: ltv.tier_customers(store, as_of, key),
                           lambda table: self._show_customers(key, table))

    def select_decile(self, index: int) -> None:
        decile, as_of = index + 1, self.data["as_of"]

        def show(table: Any) -> None:
            self.customers.set_table(table, self.tr("Customers in decile %1").replace("%1", str(decile)))

        self.ctx.db.submit(lambda store, state: ltv.decile_customers(store, as_of, decile), show)

    def edit_tiers(self) -> None:
        TierEditor(self, self.data["tiers"], self.data["as_of"]).open()


class TierEditor(QDialog):
    """Names and thresholds, with a live preview of how many customers would move."""

    def __init__(self, view: LtvView, tiers: list[ltv.Tier], as_of: dt.date) -> None:
        super().__init__(view)
        self.view, self.tiers, self.as_of = view, tiers, as_of
        self.setWindowTitle(self.tr("Edit tiers"))
        self.resize(760, 520)
        self.table = QTableWidget(len(tiers), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name (Japanese)"), self.tr("Name (English)"),
                                              self.tr("Minimum LTV / year (¥)"), self.tr("Minimum orders")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.inputs: list[tuple[QLineEdit, QLineEdit, QDoubleSpinBox | None, QSpinBox | None]] = []
        for row, tier in enumerate(tiers):
            ja, en = QLineEdit(tier.ja), QLineEdit(tier.en)
            self.table.setCellWidget(row, 0, ja)
            self.table.setCellWidget(row, 1, en)
            money = orders = None
            if tier.dormant:
                self.table.setCellWidget(row, 2, QLabel(self.tr("  no order for the dormant days (Settings)")))
            else:
                money = QDoubleSpinBox()
                money.setRange(0, 100_000_000)
                money.setDecimals(0)
                money.setSingleStep(1000)
                money.setValue(tier.min_ltv)
                orders = QSpinBox()
                orders.setRange(0, 1000)
                orders.setValue(tier.min_orders)
                self.table.setCellWidget(row, 2, money)
                self.table.setCellWidget(row, 3, orders)
                money.valueChanged.connect(self.preview)
                orders.valueChanged.connect(self.preview)
            self.inputs.append((ja, en, money, orders))
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumHeight(60)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        note = QLabel(self.tr("A customer belongs to the first tier whose rules they meet, from the top; "
                              "dormant customers are set apart first. The last tier takes everyone else."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.preview_label)
        layout.addWidget(buttons)
        self.preview()

    def proposed(self) -> list[ltv.Tier]:
        out = []
        for tier, (ja, en, money, orders) in zip(self.tiers, self.inputs):
            out.append(ltv.Tier(tier.key, ja.text().strip() or tier.ja, en.text().strip() or tier.en,
                                money.value() if money else 0, orders.value() if orders else 0, tier.dormant))
        return out

    def preview(self) -> None:
        proposed, as_of = self.proposed(), self.as_of
        self.view.ctx.db.submit(lambda store, state: ltv.tier_moves(store, as_of, proposed), self._show_moves)

    def _show_moves(self, moves: Any) -> None:
        names = {tier.key: tier.name() for tier in self.proposed()}
        lines = [f"{names.get(m['from'], m['from'])} → {names.get(m['to'], m['to'])}: {m['customers']:,}"
                 for m in moves.as_dicts() if m["from"] != m["to"]]
        self.preview_label.setText(self.tr("Customers who would move:") + " " + ("; ".join(lines) or self.tr("none")))

    def save(self) -> None:
        proposed = self.proposed()
        save_then_close(self, self.view.ctx, lambda store, state: ltv.save_tiers(store, proposed))
