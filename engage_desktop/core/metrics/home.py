"""The home screen's figures: the shop at a glance for the latest full month, the current round, what
the last import changed, and the top of each action list. Each part names the view that explains it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from engage_desktop.core.metrics import actions, effect, monthly, profit
from engage_desktop.core.metrics.base import add_months
from engage_desktop.core.metrics.kept import scoped
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

# The figures of the glance: (month-over-month metric, the view that explains it).
GLANCE = (("revenue", "monthly"), ("orders", "monthly"), ("customers", "monthly"), ("repeat_rate", "monthly"),
          ("nps", "surveys"))


@dataclass(frozen=True)
class Figure:
    metric: str
    view: str
    value: float | None
    previous: float | None  # the month before
    year_before: float | None  # the same month a year earlier (None when the shop has no such month)

    @property
    def in_points(self) -> bool:
        """A score or a share changes by points, not by a percentage of itself (NPS -5 -> +5 is not -200%)."""
        return self.metric in effect.POINTS

    def change(self, before: float | None) -> float | None:
        """The change on ``before``: points for NPS and shares, else a ratio (effect.metric_change)."""
        return effect.metric_change(self.metric, before, self.value)


@dataclass(frozen=True)
class LastImport:
    id: int
    file_name: str
    kind: str | None
    finished_at: dt.datetime | None
    rows_imported: int
    updated: int
    rows_rejected: int
    new_customers: int  # customers whose first order came with this import
    revenue: float  # the revenue of the orders it brought (net of refunds, cancelled ones excluded)


@dataclass(frozen=True)
class Home:
    as_of: dt.date
    month: dt.date | None  # the latest full month (None: the shop has none yet)
    figures: list[Figure]
    streak: monthly.Streak
    rounds: list[tuple[dt.date, dt.date]]
    last_import: LastImport | None
    margin: float | None  # the shop's gross margin, when the owner gave one (metrics/profit.py)
    chances: actions.Chances  # the prediction's verdict and the shop's predicted value next year
    lists: dict[str, actions.ActionList] = field(default_factory=dict)  # each list's first customers and size


def glance(table: Table) -> tuple[dt.date | None, list[Figure]]:
    """The latest full month's figures with the month before and the same month a year earlier."""
    rows = {r["month"]: r for r in table.as_dicts()}
    full = [r["month"] for r in table.as_dicts() if not r["running"]]
    if not full:
        return None, []
    month = full[-1]
    before, year_before = rows.get(add_months(month, -1)), rows.get(add_months(month, -12))

    def value(row: dict[str, Any] | None, metric: str) -> float | None:
        return None if row is None or row[metric] is None else float(row[metric])

    return month, [Figure(metric, view, value(rows[month], metric), value(before, metric), value(year_before, metric))
                   for metric, view in GLANCE]


def last_import(store: Store) -> LastImport | None:
    """The latest import that brought or changed records, with what it changed."""
    row = store.con.execute(
        """SELECT id, file_name, kind, finished_at, rows_imported, coalesce(updated, 0), rows_rejected FROM imports
           WHERE status = 'imported' ORDER BY id DESC LIMIT 1""").fetchone()
    if row is None:
        return None
    new_customers, revenue = store.con.execute(
        """WITH firsts AS (SELECT customer_key, arg_min(import_id, ordered_at) AS import_id FROM orders
                           WHERE NOT cancelled AND NOT is_refund AND customer_key IS NOT NULL GROUP BY customer_key)
           SELECT (SELECT count(*) FROM firsts WHERE import_id = $id),
                  (SELECT coalesce(sum(revenue), 0) FROM orders WHERE import_id = $id AND NOT cancelled)""",
        {"id": row[0]}).fetchone()
    return LastImport(*row, new_customers=new_customers, revenue=float(revenue))


@scoped  # the month's figures and the lists share the customers' facts (metrics/kept.py)
def home(store: Store, as_of: dt.date, chances: actions.Chances | None = None, top: int | None = None) -> Home:
    """The home screen's figures; ``chances``: the prediction (None: made here); ``top``: how many customers
    of each action list to bring (None: all)."""
    chances = chances or actions.chances(store, as_of)
    table = monthly.monthly(store, as_of)
    month, figures = glance(table)
    run = monthly.streak(table, monthly.ROUND_METRIC, int(store.setting("round_months")))
    lists = actions.action_lists(store, as_of, chances, top)
    return Home(as_of, month, figures, run, monthly.rounds(table, monthly.ROUND_METRIC, run.round_months),
                last_import(store), profit.margin(store), chances, lists)
