"""Month over month (前月比) and the 4-month round (ワンクール).

Months are calendar months of the shop-local order time (timestamps were
converted to the shop's zone on import). A month without orders is a month of
zero, not a gap: the series runs from the first order's month to the as-of month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.metrics.base import counted_orders, facts_with_ltv_sql, month_end
from engage_desktop.core.table import Table
from engage_desktop.core.metrics.ltv import customer_id_sql, tiers_by_month_sql
from engage_desktop.core.metrics.surveys import FEW_ANSWERS
from engage_desktop.core.store import Store
from engage_desktop.core.messages import N_, t

METRICS = ("revenue", "orders", "customers", "new_customers", "repeat_customers", "aov", "repeat_rate", "nps")
METRIC_LABELS = {
    "revenue": N_("Revenue"),
    "orders": N_("Number of orders"),
    "customers": N_("Buying customers"),
    "new_customers": N_("New customers"),
    "repeat_customers": N_("Returning customers"),
    "aov": N_("Average order value"),
    # Not the tiers' repeat rate (customers who ever ordered twice): the month's buyers who had bought before.
    "repeat_rate": N_("Returning customers' share"),
    "nps": N_("NPS"),
}


ROUND_METRIC = "revenue"  # the metric the shop's round (ワンクール) is counted on: report, home screen


def metric_name(metric: str) -> str:
    """A month-over-month metric in the owner's language."""
    return t(METRIC_LABELS[metric])


def monthly(store: Store, as_of: dt.date, tier: str | None = None, group: str | None = None,
            outside: bool = False) -> Table:
    """One row per month: the metrics, then their month-over-month change (ratio; None after a zero).
    ``group``: SQL giving (customer_key, month) pairs (a measure's target as it stood each month,
    metrics/effect.py): only their orders and answers in those months count, or with ``outside``
    everyone else's (orders without a customer too)."""
    tier_filter = in_tier = ""
    params: list[str] = []
    if tier:
        # Each month counts the customers who were in the tier that month (at its end), not those in it
        # today: today's tier applied to the past showed 休眠 with no revenue in its own last months.
        # The months with answers but no orders are asked too (NPS by month for the tier).
        answers = """SELECT customer_key, CAST(date_trunc('month', answered_at) AS DATE) AS month
                     FROM survey_responses WHERE customer_key IS NOT NULL AND answered_at IS NOT NULL"""
        key = customer_id_sql(store)  # a hash of the key when no two customers share one: quicker to match
        in_tier = f"""in_tier AS MATERIALIZED (
                          SELECT customer_key, month FROM ({tiers_by_month_sql(store, as_of, answers, key=key)})
                          WHERE tier = ?),"""
        tier_filter = f"AND ({key}, CAST(date_trunc('month', {{when}}) AS DATE)) IN (FROM in_tier)"
        params = [tier]
    if group:
        member = "(customer_key, CAST(date_trunc('month', {when}) AS DATE)) IN (FROM grp)"
        in_tier += f"grp AS MATERIALIZED ({group}),"
        tier_filter += f" AND (customer_key IS NULL OR NOT {member})" if outside else f" AND {member}"
    rows = store.con.execute(
        f"""WITH {in_tier} o AS (SELECT * FROM ({counted_orders(as_of)}) WHERE TRUE {tier_filter.format(when="ordered_at")}),
            firsts AS (SELECT customer_key, date_trunc('month', first_order) AS first_month
                       FROM ({facts_with_ltv_sql(store, as_of)})),
            months AS (
                SELECT CAST(m AS DATE) AS month FROM range(
                    (SELECT date_trunc('month', min(ordered_at)) FROM o),
                    date_trunc('month', DATE '{as_of.isoformat()}') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
            ),
            -- Each customer's month first, then the month: counting customers becomes counting
            -- rows (three DISTINCT counts over every order took twice as long).
            customer_month AS (
                SELECT date_trunc('month', ordered_at) AS m, customer_key,
                       sum(revenue) AS revenue, count(*) FILTER (WHERE NOT is_refund) AS orders
                FROM o GROUP BY ALL
            ),
            per_month AS (
                SELECT CAST(m AS DATE) AS month, sum(c.revenue) AS revenue, sum(c.orders) AS orders,
                       count(*) FILTER (WHERE c.orders > 0 AND c.customer_key IS NOT NULL) AS customers,
                       count(*) FILTER (WHERE c.orders > 0 AND f.first_month = m) AS new_customers,
                       count(*) FILTER (WHERE c.orders > 0 AND f.first_month < m) AS repeat_customers
                FROM customer_month c LEFT JOIN firsts f USING (customer_key) GROUP BY m
            ),
            answers AS (
                -- a month with too few answers has no NPS (surveys.FEW_ANSWERS): one answer read -100
                SELECT CAST(date_trunc('month', answered_at) AS DATE) AS month,
                       CASE WHEN count(*) >= {FEW_ANSWERS} THEN
                           100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(*)
                       END AS nps
                FROM survey_responses
                WHERE nps IS NOT NULL AND answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY
                      {tier_filter.format(when="answered_at")}
                GROUP BY 1
            )
            SELECT m.month, coalesce(p.revenue, 0), coalesce(p.orders, 0), coalesce(p.customers, 0),
                   coalesce(p.new_customers, 0), coalesce(p.repeat_customers, 0),
                   p.revenue / nullif(p.orders, 0), p.repeat_customers / nullif(p.customers, 0), a.nps
            FROM months m LEFT JOIN per_month p USING (month) LEFT JOIN answers a USING (month)
            ORDER BY m.month""",
        params,
    ).fetchall()
    out = []
    previous = None
    running_month = as_of.replace(day=1) if as_of < month_end(as_of) else None
    for row in rows:
        month, *values = row
        values = [None if v is None else (float(v) if i in (5, 6, 7) else v) for i, v in enumerate(values)]
        # The month still running is not compared with a full one (on the 15th it looked -38%).
        running = month == running_month
        changes = [_change(values[i], previous[i]) if previous and not running else None for i in range(len(values))]
        out.append((month, *values, *changes, running))
        previous = values
    return Table(["month", *METRICS, *[f"{m}_mom" for m in METRICS], "running"], out)


def _change(now: object, before: object) -> float | None:
    if now is None or before is None or float(before) == 0:  # type: ignore[arg-type]
        return None
    return (float(now) - float(before)) / abs(float(before))  # type: ignore[arg-type]


def change_range(changes: list[float | None]) -> tuple[float, float]:
    """Axis range for MoM %: a jump from almost nothing (¥3,938 to ¥4.27M: +108,000%) or the early
    months of a new shop (+900%) must not flatten the rest. The axis covers what most months do,
    at least -50%..+50% and at most twice the 80th percentile (not under +100%); the window's chart draws
    points beyond at its edge (▲/▼), with a note, and hovering still shows the exact value; the
    workbook's chart says how many months go beyond."""
    values = sorted(v for v in changes if v is not None)
    if not values:
        return (-50.0, 50.0)
    typical = values[min(len(values) - 1, int(0.8 * len(values)))]
    cap = max(100.0, 2 * typical)
    low, high = min(values[0], -50.0), min(max(values[-1], 50.0), cap)
    pad = 0.1 * (high - low)
    return (max(low - pad, -100.0 - pad), high + pad)


@dataclass(frozen=True)
class Streak:
    metric: str
    current: int  # consecutive months up to the last one, each above the month before
    longest: int
    round_months: int  # months in one round (ワンクール), default 4
    round_reached: bool  # the current run has reached a full round

    @property
    def remaining(self) -> int:
        return max(0, self.round_months - self.current)


def _full_months(table: Table, metric: str) -> tuple[list[Any], list[object]]:
    """The months and values the runs are counted on: the month still running is not one of them."""
    values = table.column(metric)
    months = table.column("month") if "month" in table.columns else [None] * len(values)
    if "running" in table.columns and table.rows and table.column("running")[-1]:
        months, values = months[:-1], values[:-1]
    return months, values


def _ups(values: list[object]) -> list[bool]:
    """Each month (after the first) above the month before. A month with no value is no step up, and
    neither is one after a zero: its change is "—" (no percentage from nothing)."""
    return [before is not None and now is not None and float(before) != 0 and float(now) > float(before)  # type: ignore[arg-type]
            for before, now in zip(values, values[1:])]


def streak(table: Table, metric: str, round_months: int = 4) -> Streak:
    """Runs of month-over-month improvement over the full months (the running one is left out)."""
    _, values = _full_months(table, metric)
    return streak_of(values, metric, round_months)


def streak_of(values: Sequence[object], name: str = "", round_months: int = 4) -> Streak:
    """``streak`` on a plain list of monthly values, oldest first, every one a full month (the tier
    counts of the movement view use it too)."""
    current = longest = 0
    for up in _ups(list(values)):
        current = current + 1 if up else 0
        longest = max(longest, current)
    return Streak(name, current, longest, round_months, current >= round_months)


def rounds(table: Table, metric: str, round_months: int = 4) -> list[tuple[dt.date, dt.date]]:
    """Every run of ``round_months`` or more months in a row up on the month before (ワンクール
    reached), past or current: (its first month up, its last), oldest first."""
    months, values = _full_months(table, metric)
    return rounds_of(months, values, round_months)


def rounds_of(months: Sequence[Any], values: Sequence[object], round_months: int = 4) -> list[tuple[Any, Any]]:
    """``rounds`` on plain lists: the months and their values, oldest first, every one a full month."""
    found, start = [], None
    for i, up in enumerate([*_ups(list(values)), False], start=1):  # month i is up on month i - 1
        if up and start is None:
            start = i
        elif not up and start is not None:
            if i - start >= round_months:
                found.append((months[start], months[i - 1]))
            start = None
    return found
