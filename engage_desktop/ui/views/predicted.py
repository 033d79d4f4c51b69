"""予測LTV: what each customer is likely to bring next year (BG/NBD + Gamma-Gamma, metrics/predicted.py):
whether the prediction can be trusted yet, the shop's figures in words, customers by their chance of
buying again, and the customers, highest predicted value first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engage_desktop.core.metrics import ltv, predicted
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.charts import BarLineChart
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, splitter, vstack
from engage_desktop.ui.views.base import View

LIKELY = 0.6  # "likely to buy again": the customers in the top two bands of the chart


def load_predicted(store: Store, as_of: dt.date, inputs: None) -> dict[str, Any]:
    result = predicted.predicted(store, as_of)
    return {"as_of": as_of, "prediction": result, "bands": predicted.by_p_alive(result),
            "shop_ltv": ltv.shop_ltv(store, as_of)}


class PredictedView(View):
    key = "predicted"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("font-size: 15px;")
        self.chart_caption = caption_label()
        self.chart = BarLineChart()
        self.chart.setMinimumHeight(220)
        self.chart.clicked.connect(self.select_band)
        # The value line over the bars: its top point sits on the tallest bar (80-100%), which hid it.
        self.chart.right.setZValue(10)
        self.note = note_label()
        self.customers = CustomerList(self.ctx)
        self.chart_box = vstack(self.chart_caption, (self.chart, 1))
        top = vstack(self.verdict, self.figures, (self.chart_box, 1), self.note)
        top.layout().addStretch(0)  # without the chart (not reliable), the sentences stay at the top
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Vertical, top, self.customers, sizes=[400, 300]))
        self.retranslate()

    def chart_widget(self) -> QWidget:
        return self.chart

    def retranslate(self) -> None:
        self.chart_caption.setText(self.tr("Customers by their chance of buying again, and what they are expected to "
                                           "bring next year"))
        self.note.setText(self.tr(
            "Chance of buying again: how likely the customer is still a customer, from how often and how recently "
            "they bought. Expected next order: the day by which one more purchase is expected (blank: less than "
            "one expected within three years). Several orders on one day count as one purchase. Click a bar for "
            "its customers."))
        self.customers.retranslate()

    load = staticmethod(load_predicted)

    def show_data(self, data: dict[str, Any]) -> None:
        result: predicted.Prediction = data["prediction"]
        verdict = result.verdict
        self.verdict.setText(verdict.text())  # core's sentence, in the owner's language
        colour = "#1b5e20" if verdict.reliable else "#b26a00"
        self.verdict.setStyleSheet(f"font-size: 15px; font-weight: bold; color: {colour};")
        self.chart_box.setVisible(verdict.reliable)
        self.note.setVisible(verdict.reliable)  # it explains the chart's and the list's predicted columns
        if verdict.reliable:
            likely = sum(r[2] for r in data["bands"].rows if r[0] >= LIKELY)
            self.figures.setText(
                self.tr("Next year your %1 customers are expected to buy %2 times and bring %3. %4 of them are "
                        "likely to buy again (a chance of %5 or more).")
                .replace("%1", i18n.number(verdict.customers)).replace("%2", i18n.number(result.expected_365))
                .replace("%3", i18n.money(result.value_365)).replace("%4", i18n.number(likely))
                .replace("%5", i18n.percent(LIKELY, 0)))
            bands = data["bands"]
            labels = [f"{i18n.percent(low, 0)}–{i18n.percent(high, 0)}" for low, high, _, _ in bands.rows]
            # The axis title before the data: set_data fits the value line's view box to the plot as it is then.
            self.chart.item.getAxis("bottom").setLabel(self.tr("Chance of buying again"))
            self.chart.set_data(labels, [r[2] for r in bands.rows], bar_name=self.tr("Number of customers"),
                                line=[r[3] for r in bands.rows], line_name=self.tr("Predicted value next year"),
                                bar_fmt=lambda v: i18n.number(v), line_fmt=i18n.money,
                                line_axis_fmt=i18n.compact_money,
                                line_range=(0, 1.15 * max([r[3] for r in bands.rows] + [1.0])))
            caption = self.tr("Customers, highest predicted value next year first")
        else:
            shop = data["shop_ltv"]
            self.figures.setText(self.tr("Simple LTV instead: %1 a year per customer (average order value %2 × %3 "
                                         "purchases a year).")
                                 .replace("%1", i18n.money(shop["ltv"])).replace("%2", i18n.money(shop["aov"]))
                                 .replace("%3", i18n.number(shop["orders_per_year"], 2))
                                 + "\n" + predicted.rule_text())
            caption = self.tr("Customers, highest annual LTV first")
        self.customers.set_table(result.customers, caption)

    def select_band(self, index: int) -> None:
        """The customers of one band of the chart (from the loaded list: no new query)."""
        if self.data is None or not self.data["prediction"].verdict.reliable:
            return
        low, high, _, _ = self.data["bands"].rows[index]
        table = self.data["prediction"].customers
        at = table.columns.index("p_alive")
        last = index == len(self.data["bands"].rows) - 1  # the top band includes 100%
        rows = [row for row in table.rows if low <= row[at] < high or (last and row[at] == high)]
        self.customers.set_table(type(table)(table.columns, rows), self.tr("Chance of buying again %1")
                                 .replace("%1", f"{i18n.percent(low, 0)}–{i18n.percent(high, 0)}"))
