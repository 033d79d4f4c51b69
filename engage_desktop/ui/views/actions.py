"""次に連絡する顧客: the action lists (at risk, one step from the next step, promoters, detractors), each
customer with the reason they are on it, exportable for a campaign."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QVBoxLayout

from engage_desktop.core.metrics import actions
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.customer_list import CustomerList
from engage_desktop.ui.layout import caption_label, note_label, splitter, vstack
from engage_desktop.ui.views.base import View


@dataclass(frozen=True)
class ActionsInputs:
    pass


def load_actions(store: Store, as_of: dt.date, inputs: ActionsInputs) -> dict[str, Any]:
    return {"as_of": as_of, "lists": actions.action_lists(store, as_of, actions.chances(store, as_of))}


class ActionsView(View):
    key = "actions"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.chosen = actions.LIST_KEYS[0]
        self.picker = QListWidget()
        self.picker.setStyleSheet("QListWidget::item { padding: 8px 4px; }")
        self.picker.setWordWrap(True)
        self.picker.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for _ in actions.LIST_KEYS:
            self.picker.addItem("")
        self.picker.currentRowChanged.connect(self._pick)
        self.caption, self.why, self.mix = caption_label(wrap=True), note_label(), note_label()
        self.customers = CustomerList(self.ctx)
        right = vstack(self.caption, self.why, self.mix, (self.customers, 1))
        QVBoxLayout(self.content).addWidget(splitter(Qt.Orientation.Horizontal, self.picker, right, sizes=[240, 900]))
        self.retranslate()

    def retranslate(self) -> None:
        self.customers.retranslate()
        if self.data is None:
            for row, key in enumerate(actions.LIST_KEYS):
                self.picker.item(row).setText(actions.list_name(key))

    def inputs(self) -> ActionsInputs:
        return ActionsInputs()

    load = staticmethod(load_actions)

    def focus_on(self, key: object) -> None:
        """Show the list ``key`` (the home screen's "open the list")."""
        if key in actions.LIST_KEYS:
            self.picker.setCurrentRow(actions.LIST_KEYS.index(key))

    def show_data(self, data: dict[str, Any]) -> None:
        for row, key in enumerate(actions.LIST_KEYS):
            count = data["lists"][key].total
            self.picker.item(row).setText(f"{data['lists'][key].name()} ({i18n.number(count)})")
        if self.picker.currentRow() != actions.LIST_KEYS.index(self.chosen):
            self.picker.setCurrentRow(actions.LIST_KEYS.index(self.chosen))
        else:
            self._show(self.chosen)

    def _pick(self, row: int) -> None:
        if row < 0:
            return
        self.chosen = actions.LIST_KEYS[row]
        self._show(self.chosen)

    def _show(self, key: str) -> None:
        if self.data is None:
            return
        chosen = self.data["lists"][key]
        self.caption.setText(chosen.name())
        self.why.setText(actions.list_why(key))
        mix = chosen.mix_text()
        self.mix.setText(self.tr("Where they buy (share of their orders): %1").replace("%1", mix) if mix else "")
        self.customers.set_table(chosen.table, chosen.name())
