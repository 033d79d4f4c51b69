"""Survey matrices: NPS and the 6 x 7 fan-degree x liking matrix.

NPS counts every response (a customer who answered twice counts twice), as
the standard does: promoters 9-10, passives 7-8, detractors 0-6; score =
% promoters - % detractors. Answers that are not linked to a customer count in
the totals, and in "all customers" filters, never in a tier.

Every NPS comes with its answers and a margin of error: 1.96 standard errors, where the standard
error of % promoters - % detractors over n answers is sqrt((p + d - (p - d)^2) / n) (p, d the
shares). A month, tier or zone with fewer than ``FEW_ANSWERS`` answers is "too few to tell": one
answer moves it by 10 points or more and its margin is wider than ±40 points (a month of one answer
read -100 in the sample shop's first month).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS
from engage_desktop.core.metrics import zones as zone_metrics
from engage_desktop.core.table import Table
from engage_desktop.core.metrics.ltv import tiered_facts_sql, tiers
from engage_desktop.core.store import Store

FEW_ANSWERS = 10  # fewer: too few to tell (see the module's docstring)
Z_95 = 1.96
NPS_COLUMNS = ["responses", "promoters", "passives", "detractors", "score", "margin", "enough"]


def _nps_values(counts: tuple[int, int, int, int] | list[int]) -> tuple[Any, ...]:
    """The counts, the score, its margin and whether there are enough answers (NPS_COLUMNS)."""
    n = Nps(*counts)
    return (*counts, n.score, n.margin, n.enough)


@dataclass(frozen=True)
class Nps:
    responses: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> float | None:
        if not self.responses:
            return None
        return round(100.0 * (self.promoters - self.detractors) / self.responses, 1)

    @property
    def margin(self) -> float | None:
        """The 95% margin of error of the score, in points (None without answers)."""
        if not self.responses:
            return None
        p, d = self.promoters / self.responses, self.detractors / self.responses
        return round(100.0 * Z_95 * math.sqrt(max(0.0, p + d - (p - d) ** 2) / self.responses), 1)

    @property
    def enough(self) -> bool:
        """Enough answers to read the score (FEW_ANSWERS)."""
        return self.responses >= FEW_ANSWERS


@dataclass(frozen=True)
class Matrix:
    """counts[fan-1][liking-1]; rows are the 6 fan levels, columns the 7 liking levels."""

    rows: tuple[str, ...]
    cols: tuple[str, ...]
    counts: list[list[int]]

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))

    def shares(self) -> list[list[float]]:
        total = self.total
        return [[c / total if total else 0.0 for c in row] for row in self.counts]


def _filters(store: Store, as_of: dt.date, tier: str | None, start: dt.date | None, end: dt.date | None,
             alias: str = "") -> tuple[str, list[Any]]:
    """WHERE text and parameters for answers up to as-of, optionally one tier and a period."""
    at, key = f"{alias}answered_at", f"{alias}customer_key"
    clauses = [f"{at} IS NULL OR {at} < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY"]
    params: list[Any] = []
    if tier:
        clauses.append(f"{key} IN (SELECT customer_key FROM ({tiered_facts_sql(store, as_of)}) WHERE tier = ?)")
        params.append(tier)
    if start:
        clauses.append(f"{at} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{at} < CAST(? AS DATE) + INTERVAL 1 DAY")
        params.append(end)
    return " AND ".join(f"({c})" for c in clauses), params


def _counts_sql(alias: str = "") -> str:
    """SQL select list: the answers, promoters (9-10), passives (7-8) and detractors (0-6): Nps's fields."""
    nps = f"{alias}nps"
    return (f"count(*), count(*) FILTER (WHERE {nps} >= 9), count(*) FILTER (WHERE {nps} BETWEEN 7 AND 8), "
            f"count(*) FILTER (WHERE {nps} <= 6)")


def nps(store: Store, as_of: dt.date, tier: str | None = None, start: dt.date | None = None,
        end: dt.date | None = None) -> Nps:
    where, params = _filters(store, as_of, tier, start, end)
    row = store.con.execute(
        f"SELECT {_counts_sql()} FROM survey_responses WHERE nps IS NOT NULL AND {where}", params).fetchone()
    return Nps(*row)


def nps_by_month(store: Store, as_of: dt.date) -> Table:
    where, params = _filters(store, as_of, None, None, None)
    rows = store.con.execute(
        f"""SELECT CAST(date_trunc('month', answered_at) AS DATE) AS month, {_counts_sql()}
            FROM survey_responses WHERE nps IS NOT NULL AND answered_at IS NOT NULL AND {where}
            GROUP BY 1 ORDER BY 1""",
        params,
    ).fetchall()
    return Table(["month", *NPS_COLUMNS], [(r[0], *_nps_values(r[1:])) for r in rows])


def _nps_by_group(store: Store, as_of: dt.date, column: str, groups_sql: str,
                  groups: list[tuple[str, str]]) -> Table:
    """NPS per group of customers, in one pass: ``groups_sql`` gives (customer_key, grp) and ``groups``
    the (key, name) of each group in the owner's order; every answer of a group's customers counts."""
    where, params = _filters(store, as_of, None, None, None, alias="s.")
    counts = {
        group: row
        for group, *row in store.con.execute(
            f"""SELECT g.grp, {_counts_sql("s.")}
                FROM survey_responses s JOIN ({groups_sql}) g USING (customer_key)
                WHERE s.nps IS NOT NULL AND {where} GROUP BY g.grp""",
            params,
        ).fetchall()
    }
    return Table([column, "name", *NPS_COLUMNS],
                 [(key, name, *_nps_values(counts.get(key, (0, 0, 0, 0)))) for key, name in groups])


def nps_by_tier(store: Store, as_of: dt.date) -> Table:
    """NPS per LTV tier (answers of customers without orders belong to no tier)."""
    return _nps_by_group(store, as_of, "tier", f"SELECT customer_key, tier AS grp FROM ({tiered_facts_sql(store, as_of)})",
                         [(tier.key, tier.name()) for tier in tiers(store)])


def nps_by_zone(store: Store, as_of: dt.date) -> Table:
    """NPS per engagement zone: every answer of the customers in the zone now (by their latest answer)."""
    zones = zone_metrics.zone_map(store)
    return _nps_by_group(store, as_of, "zone",
                         f"SELECT customer_key, zone AS grp FROM ({zone_metrics.customer_zones_sql(store, as_of, zones)})",
                         [(z.key, z.name()) for z in zones.zones])


def fan_matrix(store: Store, as_of: dt.date, tier: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None) -> Matrix:
    where, params = _filters(store, as_of, tier, start, end)
    counts = [[0] * len(LIKING_LEVELS) for _ in FAN_LEVELS]
    for fan, liking, n in store.con.execute(
        f"""SELECT fan_level, liking, count(*) FROM survey_responses
            WHERE fan_level IS NOT NULL AND liking IS NOT NULL AND {where} GROUP BY ALL""",
        params,
    ).fetchall():
        counts[fan - 1][liking - 1] = n
    return Matrix(FAN_LEVELS, LIKING_LEVELS, counts)


def cell_respondents(store: Store, as_of: dt.date, fan: int, liking: int, tier: str | None = None,
                     start: dt.date | None = None, end: dt.date | None = None) -> Table:
    """The customers behind one matrix cell, with their LTV (unlinked answers are listed without one)."""
    where, params = _filters(store, as_of, tier, start, end, alias="s.")
    rows = store.con.execute(
        f"""SELECT s.customer_key, c.customer_name, coalesce(c.email, s.email), s.answered_at, s.nps,
                   f.orders, f.revenue, round(f.ltv, 2), f.tier
            FROM survey_responses s
            LEFT JOIN customers c USING (customer_key)
            LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
            WHERE s.fan_level = ? AND s.liking = ? AND {where}
            ORDER BY f.ltv DESC NULLS LAST, s.answered_at""",
        [fan, liking, *params],
    ).fetchall()
    return Table(["customer_key", "name", "email", "answered_at", "nps", "orders", "revenue", "ltv", "tier"], rows)



def latest_nps_sql(as_of: dt.date) -> str:
    """SQL: (customer_key, nps, answered_at) of each customer's latest answer to the recommendation
    question up to the end of the as-of day: the group a customer is in now (promoter, passive, detractor)."""
    return f"""SELECT customer_key, arg_max(nps, answered_at) AS nps, max(answered_at) AS answered_at
               FROM survey_responses
               WHERE customer_key IS NOT NULL AND nps IS NOT NULL
                 AND answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY
               GROUP BY customer_key"""


def answers_after(store: Store, as_of: dt.date) -> int:
    """Answers dated after the as-of day: no figure counts them (by default the as-of day is the last order's,
    so a survey exported after the orders has answers the shop's figures do not reach yet; said, not hidden)."""
    return int(store.con.execute(
        f"SELECT count(*) FROM survey_responses WHERE answered_at >= DATE '{as_of.isoformat()}' + INTERVAL 1 DAY"
    ).fetchall()[0][0])


def has_answers(store: Store) -> bool:
    return bool(store.con.execute("SELECT count(*) > 0 FROM survey_responses").fetchone()[0])


def answer_months(store: Store) -> list[dt.date]:
    """The months that have answers, oldest first (the matrix's period choices)."""
    return [m for (m,) in store.con.execute(
        "SELECT DISTINCT CAST(date_trunc('month', answered_at) AS DATE) FROM survey_responses "
        "WHERE answered_at IS NOT NULL ORDER BY 1").fetchall()]
