"""The LTV tiers over time: per month end, how many customers moved up a tier and how many down
since the month end before, and how many were in a chosen set of tiers (the round target: e.g.
優良+中堅 up four months in a row, ワンクール).

Every month end is each customer's tier from their orders up to then (``ltv.tiers_by_month_sql``,
the running month at the as-of day), so a customer who stops buying drifts down (dormant, or a
lower LTV as the years grow) in the month it happens, without an order. Up and down follow the
owner's tiers order, highest first: a move to a tier earlier in the list is up. A customer in their
first month has no tier to move from: they are counted as *new*, a series of their own, neither up
nor down (counted as up, every shop would look like it improves as it grows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.metrics.base import month_end, month_range
from engage_desktop.core.metrics.ltv import (Tier, customer_id_sql, month_end_facts_sql, per_month_sql,
                                             tier_case_sql, tiers)
from engage_desktop.core.metrics.monthly import Streak, rounds_of, streak_of
from engage_desktop.core.messages import t, tn
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

ROUND_TIERS = 2  # the round target's tiers at first: the top two (優良+中堅 by default)


def default_round_tiers(tier_list: list[Tier]) -> list[str]:
    """The top ``ROUND_TIERS`` tiers that are not the dormant one."""
    return [tier.key for tier in tier_list if not tier.dormant][:ROUND_TIERS]


@dataclass(frozen=True)
class RoundTarget:
    tiers: list[str]  # the tier keys counted together
    table: Table  # month, customers, running
    streak: Streak  # over the full months (the running one left out)
    rounds: list[tuple[dt.date, dt.date]]  # every run of round_months or more up: first and last month up


@dataclass(frozen=True)
class TierHistory:
    """One query's answer, read several ways: ``changes()`` and ``counts(keys)``."""

    months: list[dt.date]  # every month from the shop's first order to the as-of month, oldest first
    tier_keys: list[str]  # the owner's order, highest first
    customers: dict[tuple[dt.date, str], int]  # (month, tier) -> customers in it at the month end
    moves: dict[dt.date, tuple[int, int, int]]  # month -> (up, down, new)
    running: dt.date | None  # the as-of month, when the as-of day is not its last

    def changes(self) -> Table:
        """Per month: customers who moved up a tier, down a tier, and new customers (first month)."""
        rows = [(m, *self.moves.get(m, (0, 0, 0)), m == self.running) for m in self.months]
        return Table(["month", "up", "down", "new", "running"], rows)

    def counts(self, keys: list[str]) -> Table:
        """Per month: the customers in any of the tiers ``keys`` at the month end."""
        chosen = [k for k in self.tier_keys if k in keys]
        rows = [(m, sum(self.customers.get((m, k), 0) for k in chosen), m == self.running) for m in self.months]
        return Table(["month", "customers", "running"], rows)

    def round_target(self, keys: list[str], round_months: int = 4) -> RoundTarget:
        """The tiers ``keys`` counted together, their run of months up and their rounds (monthly's
        rules: the running month is not counted, a month after zero is no step up)."""
        table = self.counts(keys)
        months, values = table.column("month"), table.column("customers")
        if self.running is not None and months and months[-1] == self.running:
            months, values = months[:-1], values[:-1]
        return RoundTarget(keys, table, streak_of(values, "customers", round_months),
                           rounds_of(months, values, round_months))


def tier_history(store: Store, as_of: dt.date, tier_list: list[Tier] | None = None) -> TierHistory:
    """Every customer's tier at every month end since their first order, compared with the month end
    before; counted per month and tier in one pass.

    The tiers are ``ltv.tiers_by_month_sql``'s (the same facts and rules), computed differently for
    speed: a customer's totals stay the same from one month with orders to the next, so each such
    month's running totals are spread over the months up to the next one (no join of a customer x
    month grid to the totals), and the tier at the month end before is computed from the same
    totals, or from the previous month with orders' at the first month of a span (no window over
    the grid): 2.7 s -> 0.44 s on the benchmark's 1M-line shop (docs/performance.md)."""
    tier_list = tier_list or tiers(store)
    keys = [tier.key for tier in tier_list]
    day = f"DATE '{as_of.isoformat()}'"
    case = tier_case_sql(tier_list, store.setting("dormant_days"), place=True)  # 1: the owner's first, highest
    rows = store.con.execute(
        f"""WITH per_month AS ({per_month_sql(as_of, key=customer_id_sql(store))}),
            spans AS (
                -- A customer's totals up to each month with orders, and up to the month with orders before
                -- (p_: all from one sort; a customer with no order before has p_orders 0, and no tier)
                SELECT customer_key, month, lead(month) OVER w AS next_month,
                       min(first_order) OVER r AS first_order, max(last_order) OVER r AS last_order,
                       sum(orders) OVER r AS orders, sum(revenue) OVER r AS revenue,
                       sum(orders) OVER r - orders AS p_orders, sum(revenue) OVER r - revenue AS p_revenue,
                       max(last_order) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS p_last_order
                FROM per_month WINDOW w AS (PARTITION BY customer_key ORDER BY month), r AS (w ROWS UNBOUNDED PRECEDING)
            ),
            grid AS (
                -- every month of a span, with the totals at its end and at the month end before (the first
                -- month of a span: the previous span's totals; the first order stays the first order)
                SELECT CAST(m AS DATE) AS month, first_order, last_order, orders, revenue, first_order AS b_first_order,
                       CASE WHEN m = s.month THEN p_last_order ELSE last_order END AS b_last_order,
                       CASE WHEN m = s.month THEN p_orders ELSE orders END AS b_orders,
                       CASE WHEN m = s.month THEN p_revenue ELSE revenue END AS b_revenue
                FROM spans s, range(s.month, coalesce(s.next_month, date_trunc('month', {day}) + INTERVAL 1 MONTH),
                                    INTERVAL 1 MONTH) r(m)
                WHERE orders > 0
            ),
            tiers AS (
                SELECT month, tier, CASE WHEN orders > 0 THEN {case} END AS before
                FROM (SELECT month, tier, {month_end_facts_sql("month - 1", "b_")}
                      FROM (SELECT *, {case} AS tier
                            FROM (SELECT month, b_first_order, b_last_order, b_orders, b_revenue,
                                         {month_end_facts_sql(f"least(last_day(month), {day})")} FROM grid)))
            )
            SELECT month, tier, count(*),
                   count(*) FILTER (WHERE tier < before), count(*) FILTER (WHERE tier > before),
                   count(*) FILTER (WHERE before IS NULL)
            FROM tiers GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    customers: dict[tuple[dt.date, str], int] = {}
    moves: dict[dt.date, tuple[int, int, int]] = {}
    for month, place, n, up, down, new in rows:
        customers[(month, keys[place - 1])] = n
        before = moves.get(month, (0, 0, 0))
        moves[month] = (before[0] + up, before[1] + down, before[2] + new)
    return TierHistory(month_range(min(moves), as_of) if moves else [], keys, customers, moves,
                       as_of.replace(day=1) if as_of < month_end(as_of) else None)


def history_json(history: TierHistory, target: RoundTarget, tier_list: list[Tier]) -> dict[str, Any]:
    """The report's view of it: the monthly ups and downs, and the round target (keys are the interface)."""
    streak = target.streak
    return {
        "months": [{"month": r["month"].strftime("%Y-%m"), "up": r["up"], "down": r["down"], "new": r["new"],
                    "running": r["running"]} for r in history.changes().as_dicts()],
        "round_target": {
            "tiers": target.tiers, "name": group_name(tier_list, target.tiers),
            "customers": [{"month": r["month"].strftime("%Y-%m"), "customers": r["customers"],
                           "running": r["running"]} for r in target.table.as_dicts()],
            "current": streak.current, "longest": streak.longest, "round_months": streak.round_months,
            "round_reached": streak.round_reached,
            "rounds": [[first.strftime("%Y-%m"), last.strftime("%Y-%m")] for first, last in target.rounds],
        },
    }


def group_name(tier_list: list[Tier], keys: list[str]) -> str:
    """The tiers counted together, as the owner reads them: 優良+中堅."""
    return "+".join(tier.name() for tier in tier_list if tier.key in keys)


def round_text(group: str, current: int, longest: int, round_months: int, reached: bool) -> str:
    """The round target's run in words (the export and the report): ``group`` from ``group_name``."""
    return tn("{tiers}: up month over month {n} month in a row (longest {longest}); round of {months}: {state}",
              "{tiers}: up month over month {n} months in a row (longest {longest}); round of {months}: {state}",
              current, tiers=group, longest=longest, months=round_months,
              state=t("reached") if reached else t("not yet reached"))
