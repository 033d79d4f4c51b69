"""The LTV tiers over time: per month end, how many customers moved up a tier and how many down
since the month end before, and how many were in a chosen set of tiers (the round target: e.g.
優良+中堅 up four months in a row, ワンクール).

Every month end is each customer's tier from their orders up to then (the running month at the
as-of day; worked out per span of months between orders, metrics/tier_spans.py, the same tiers as
``ltv.tiers_by_month_sql`` asks month by month), so a customer who stops buying drifts down (dormant,
or a lower LTV as the years grow) in the month it happens, without an order. Up and down follow the
owner's tiers order, highest first: a move to a tier earlier in the list is up; the dormant tier is the
lowest wherever it is listed (turning dormant is never up, coming back never down). A customer in their
first month has no tier to move from: they are counted as *new*, a series of their own, neither up
nor down (counted as up, every shop would look like it improves as it grows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.metrics.base import month_end, month_range
from engage_desktop.core.metrics.kept import scoped
from engage_desktop.core.metrics.ltv import Tier, tiers
from engage_desktop.core.metrics.tier_spans import month_number, month_of, tier_spans_sql
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


@scoped  # its two queries read the same spans
def tier_history(store: Store, as_of: dt.date, tier_list: list[Tier] | None = None) -> TierHistory:
    """Every customer's tier at every month end since their first order, compared with the month end
    before; counted per month and tier.

    From the customers' spans (metrics/tier_spans.py: per span, the months each tier holds), not
    month by month: a tier's customers at a month end are the runs that began by then and had not
    ended; a move is where a run begins — at a span's first month against the month before (or *new*),
    and within a span where the tier falls (or turns dormant). 0.44 s month by month on the 1M-line
    bench shop (3.1M customer-months), against the spans' 443,000 rows (docs/performance.md)."""
    tier_list = tier_list or tiers(store)
    keys = [tier.key for tier in tier_list]
    places = range(1, len(tier_list) + 1)
    spans = tier_spans_sql(store, as_of, tier_list)
    last = month_number(f"DATE '{as_of.isoformat()}'")
    # Within a span the tier only falls: the active tiers run in the owner's order, each later one lower,
    # and the dormant one comes last, the lowest wherever it is listed. Every run after the first is a move down.
    dormant = next((tier_list.index(tier) + 1 for tier in tier_list if tier.dormant), None)
    changes = [f"SELECT s{p} AS month, count(*) AS down FROM spans WHERE s{p} > m AND s{p} < e{p} GROUP BY 1"
               for p in places]

    # At a span's first month, the tier against the month before's, by rank: the place, the dormant one last.
    def rank(place: str) -> str:
        return place if dormant is None else f"CASE WHEN {place} = {dormant} THEN {len(tier_list) + 1} ELSE {place} END"
    runs = " UNION ALL ".join(f"SELECT {p} AS place, s{p} AS month, 1 AS delta FROM spans WHERE s{p} < e{p} "
                              f"UNION ALL SELECT {p}, e{p}, -1 FROM spans WHERE s{p} < e{p} AND e{p} <= {last}"
                              for p in places)
    counts = store.con.execute(
        f"""WITH spans AS ({spans}),
            deltas AS (SELECT place, month, sum(delta) AS delta FROM ({runs}) GROUP BY ALL)
            SELECT place, month, sum(delta) OVER (PARTITION BY place ORDER BY month) FROM deltas ORDER BY ALL"""
    ).fetchall()
    moves_rows = store.con.execute(
        f"""WITH spans AS ({spans})
            SELECT month, sum(up), sum(down), sum(new) FROM (
                SELECT m AS month, count(*) FILTER (WHERE {rank("now")} < {rank("before")}) AS up,
                       count(*) FILTER (WHERE {rank("now")} > {rank("before")}) AS down, count(*) FILTER (WHERE new) AS new
                FROM spans GROUP BY 1
                UNION ALL
                SELECT month, 0, down, 0 FROM ({" UNION ALL ".join(changes)}))
            GROUP BY 1 ORDER BY 1"""
    ).fetchall()
    moves = {month_of(month): (int(up), int(down), int(new)) for month, up, down, new in moves_rows}
    months = month_range(min(moves), as_of) if moves else []
    # The runs' starts and ends summed up to each month: carried over the months without either.
    customers: dict[tuple[dt.date, str], int] = {}
    by_place: dict[int, dict[dt.date, int]] = {}
    for place, month, running in counts:
        by_place.setdefault(place, {})[month_of(month)] = int(running)
    for place, running in by_place.items():
        now = 0
        for month in months:
            now = running.get(month, now)
            if now:
                customers[(month, keys[place - 1])] = now
    return TierHistory(months, keys, customers, moves, as_of.replace(day=1) if as_of < month_end(as_of) else None)


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
