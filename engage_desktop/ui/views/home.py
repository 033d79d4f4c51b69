"""ホーム: what the owner sees first when a shop opens — the latest full month at a glance, the current
round (ワンクール), what the last import changed, the predicted value and the top of each action list.
Every card is a link to the view that explains it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from engage_desktop.core.messages import listing
from engage_desktop.core.metrics import actions, home, monthly, surveys
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n
from engage_desktop.ui.cards import Card
from engage_desktop.ui.layout import caption_label, note_label
from engage_desktop.ui.views.base import View
from engage_desktop.ui.views.monthly import format_metric

TOP = 3  # customers shown from each action list
COLUMNS = 5  # cards in a row of the glance


def load_home(store: Store, as_of: dt.date, inputs: None) -> home.Home:
    return home.home(store, as_of, top=TOP)


class HomeView(View):
    key = "home"

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.heading, self.lists_heading = caption_label(wrap=True), caption_label(wrap=True)
        self.hint = note_label()
        self.figures = [Card() for _ in home.GLANCE]
        self.round_card, self.predicted_card, self.import_card = Card(), Card(), Card()
        self.list_cards = {key: Card() for key in actions.LIST_KEYS}
        for card, (_, view) in zip(self.figures, home.GLANCE, strict=True):
            card.clicked.connect(lambda view=view: self.ctx.open_view.emit(view, None))
        self.round_card.clicked.connect(lambda: self.ctx.open_view.emit("monthly", None))
        self.import_card.clicked.connect(lambda: self.ctx.open_view.emit("imports", None))
        self.predicted_card.clicked.connect(lambda: self.ctx.open_view.emit("predicted", None))
        for key, card in self.list_cards.items():
            card.clicked.connect(lambda key=key: self.ctx.open_view.emit("actions", key))
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, card in enumerate(self.figures):
            grid.addWidget(card, 0, i)
        grid.addWidget(self.round_card, 1, 0, 1, 2)
        grid.addWidget(self.predicted_card, 1, 2, 1, 2)
        grid.addWidget(self.import_card, 1, 4)
        lists = QGridLayout()
        lists.setSpacing(10)
        for i, card in enumerate(self.list_cards.values()):
            lists.addWidget(card, i // 2, i % 2)
        for column in range(2):  # two lists side by side, each half the width whatever their lines say
            lists.setColumnStretch(column, 1)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(self.lists_heading)
        column.addLayout(lists)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        QVBoxLayout(self.content).addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Click a card for the view that explains it."))
        self.lists_heading.setText(self.tr("Whom to contact next"))

    load = staticmethod(load_home)

    def show_data(self, data: home.Home) -> None:
        self.heading.setText(self.tr("The shop in %1, the latest full month").replace(
            "%1", i18n.month_label(data.month)) if data.month else self.tr("No full month yet"))
        # a shop whose orders are all in the month still running has no month to show yet (the heading says so)
        for card, figure in zip(self.figures, data.figures):
            lines = [self.tr("On the month before: %1").replace("%1", self._change(figure, figure.previous)),
                     self.tr("On a year before: %1").replace("%1", self._change(figure, figure.year_before))]
            if figure.metric == "revenue" and data.margin is not None and figure.value is not None:
                lines.append(self.tr("Gross profit: %1").replace("%1", i18n.money(figure.value * data.margin)))
            if figure.metric == "nps" and figure.value is None:
                lines = [self.tr("Fewer than %1 answers in the month: too few to tell.")
                         .replace("%1", str(surveys.FEW_ANSWERS))]
            card.set_texts(monthly.metric_name(figure.metric), format_metric(figure.metric, figure.value), "\n".join(lines))
        for card in self.figures:
            card.setVisible(bool(data.figures))
        self._show_round(data)
        self._show_prediction(data)
        self._show_import(data.last_import)
        for key, card in self.list_cards.items():
            chosen = data.lists[key]
            top = [self._who(row) for row in chosen.table.as_dicts()[:TOP]]
            more = chosen.total - len(top)
            lines = "\n".join(top + ([self.tr("… and %1 more").replace("%1", i18n.number(more))] if more > 0 else []))
            card.set_texts(chosen.name(), self.tr("%Ln customer(s)", "", chosen.total),
                           lines or self.tr("Nobody on this list today."), actions.list_why(key))

    def _change(self, figure: home.Figure, before: float | None) -> str:
        change = figure.change(before)
        if change is None:
            return "—"
        if figure.in_points:
            return self.tr("%1 pt").replace("%1", f"{change:+.1f}")
        return f"{100 * change:+.1f}%"

    def _show_round(self, data: home.Home) -> None:
        run = data.streak
        name = monthly.metric_name(run.metric)
        if run.round_reached:
            state = self.tr("A round reached: %1 months up in a row.").replace("%1", str(run.current))
        else:
            state = self.tr("%n more month(s) up for a round of %1.", "", run.remaining).replace("%1", str(run.round_months))
        past = listing([f"{i18n.month_label(first)} – {i18n.month_label(last)}" for first, last in data.rounds])
        lines = [state, self.tr("Rounds reached: %1").replace("%1", past) if past else self.tr("No round reached yet.")]
        self.round_card.set_texts(self.tr("Round: %1 up month over month").replace("%1", name),
                                  self.tr("%n month(s) in a row", "", run.current), "\n".join(lines))

    def _show_prediction(self, data: home.Home) -> None:
        chances = data.chances
        if chances.value_365 is None:  # not reliable: the reason, and the simple LTV the views show instead
            self.predicted_card.set_texts(self.tr("Predicted value next year"), self.tr("Not reliable yet"),
                                          chances.verdict.text() if chances.verdict else "")
            return
        lines = [self.tr("%1 purchases expected from today's customers").replace("%1", i18n.number(chances.expected_365))]
        if data.margin is not None:
            lines.append(self.tr("Gross profit: %1").replace("%1", i18n.money(chances.value_365 * data.margin)))
        self.predicted_card.set_texts(self.tr("Predicted value next year"), i18n.money(chances.value_365),
                                      "\n".join(lines), chances.verdict.text() if chances.verdict else "")

    def _show_import(self, last: home.LastImport | None) -> None:
        if last is None:
            self.import_card.set_texts(self.tr("Last import"), "", self.tr("Nothing imported yet."))
            return
        lines = [self.tr("%Ln row(s) imported, %1 updated, %2 rejected", "", last.rows_imported)
                 .replace("%1", i18n.number(last.updated)).replace("%2", i18n.number(last.rows_rejected))]
        if last.new_customers or last.revenue:
            lines.append(self.tr("%Ln new customer(s), revenue %1", "", last.new_customers)
                         .replace("%1", i18n.money(last.revenue)))
        self.import_card.set_texts(self.tr("Last import"), last.file_name,
                                   "\n".join([i18n.date_label(last.finished_at), *lines]))

    def _who(self, row: dict[str, Any]) -> str:
        name = row.get("name") or row.get("email") or self.tr("(no name)")
        return f"{name} — {row['reason']}"
