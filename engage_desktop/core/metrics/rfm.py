"""The RFM grid (RFM分析): each customer's recency (R) and frequency (F) scores on the owner's thresholds,
the segments over the R x F grid in the owner's words, the customers of a cell or a segment as an action
list with the reason in plain words, and how the segments changed between two dates.

- R: the days since the last purchase, 5 the most recent: within the first threshold R5, within the
  second R4 ... beyond the fourth R1 (a customer exactly on a threshold gets the better score).
- F: the purchases up to the date, 5 the most: from the fourth threshold F5 ... one purchase F1.
- M (revenue, net of refunds) is shown beside them, not scored: a small shop's few big orders would
  put a one-time gift buyer next to its regulars.
Orders count as everywhere else (``base.counted_orders``): the scores on a past date come from the orders
up to then. The thresholds are a shop setting (``rfm_thresholds``, defaults and why in core/settings.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from engage_desktop.core.metrics.base import moves_between
from engage_desktop.core.metrics.ltv import CUSTOMER_COLUMNS, MOVEMENT_MONTHS, month_end_before, tiered_facts_sql
from engage_desktop.core.messages import N_, t, tn
from engage_desktop.core.sql import quote
from engage_desktop.core.money import json_money
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

SCORES = (5, 4, 3, 2, 1)  # the grid's rows (R) top down and, reversed, its columns (F) left to right
NOT_YET = "not_yet"  # segment_movement's from-segment of a customer who had not bought by the start ("new" is a segment)


@dataclass(frozen=True)
class Segment:
    key: str  # never shown: the owner reads the name
    name_text: str  # catalogue messages: said in the current language by name() / meaning()
    meaning_text: str
    cells: tuple[tuple[int, int], ...]  # the (R, F) cells of the grid it covers
    colour: str  # RRGGBB, light enough for dark text: the screen's grid and the workbook's share it

    def name(self) -> str:
        return t(self.name_text)

    def meaning(self) -> str:
        return t(self.meaning_text)


def _cells(recency: tuple[int, ...], frequency: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((r, f) for r in recency for f in frequency)


# The grid, R down (5 at the top), F across (1 at the left):
#        F1         F2         F3        F4         F5
#   R5   new        growing    loyal     champions  champions
#   R4   new        growing    loyal     champions  champions
#   R3   follow_up  follow_up  loyal     loyal      loyal
#   R2   hibernat.  hibernat.  at_risk   at_risk    at_risk
#   R1   lost       lost       lost      lost       lost
# Every cell in exactly one segment (tests/core/test_rfm.py holds it so). With the default thresholds
# R2 and R1 are beyond the 180 dormant days: 要注意 is Shopify's AT_RISK, "without recent purchases, but
# with a strong history", set apart from the dormant ones who bought once or twice.
SEGMENTS: tuple[Segment, ...] = (
    Segment("champions", N_("Champions"),
            N_("Bought recently and often: thank them and make them feel special"), _cells((5, 4), (5, 4)), "8FD19E"),
    Segment("loyal", N_("Loyal"),
            N_("Buy again and again: keep in touch and help them become champions"),
            _cells((5, 4), (3,)) + _cells((3,), (5, 4, 3)), "C8E6C9"),
    Segment("new", N_("New"), N_("Bought for the first time, recently: lead them to a second purchase"),
            _cells((5, 4), (1,)), "BBDEFB"),
    Segment("growing", N_("Growing"), N_("Bought twice, recently: a third purchase makes a habit"),
            _cells((5, 4), (2,)), "B2EBF2"),
    Segment("follow_up", N_("Follow up"),
            N_("One or two purchases, a while ago: a word now, before they forget the shop"), _cells((3,), (2, 1)), "FFF59D"),
    Segment("at_risk", N_("At risk"),
            N_("No recent purchase, but a strong history: win them back before they leave"),
            _cells((2,), (5, 4, 3)), "FFCC80"),
    Segment("hibernating", N_("Hibernating"), N_("One or two purchases, long ago"), _cells((2,), (2, 1)), "D1C4E9"),
    Segment("lost", N_("Lost"), N_("No purchase for the longest time: a win-back offer, or let them go"),
            _cells((1,), (5, 4, 3, 2, 1)), "E0E0E0"),
)
BY_KEY = {segment.key: segment for segment in SEGMENTS}
SEGMENT_OF = {cell: segment.key for segment in SEGMENTS for cell in segment.cells}


def segment_name(key: str | None) -> str:
    """A segment's name in the current language (a key is never shown: an unknown one shows nothing)."""
    segment = BY_KEY.get(key or "")
    return segment.name() if segment else ""


@dataclass(frozen=True)
class Thresholds:
    """The owner's thresholds: the most days since the last purchase for R5, R4, R3, R2, and the fewest
    purchases for F2, F3, F4, F5; each rising (core/settings.py checks it)."""

    recency_days: tuple[int, int, int, int]
    frequency: tuple[int, int, int, int]

    def as_setting(self) -> dict[str, list[int]]:
        return {"recency_days": list(self.recency_days), "frequency": list(self.frequency)}


def thresholds(store: Store) -> Thresholds:
    raw = store.setting("rfm_thresholds")
    return Thresholds(tuple(raw["recency_days"]), tuple(raw["frequency"]))  # type: ignore[arg-type]


def save_thresholds(store: Store, new: Thresholds) -> None:
    """Raises ValueError for thresholds the setting does not take (not rising, out of range)."""
    store.set_setting("rfm_thresholds", new.as_setting())


def recency_ranges(th: Thresholds) -> dict[int, str]:
    """Each R score's days in words (R5: 0-30 days ... R1: 366+ days)."""
    days = th.recency_days
    out = {5: t("0-{n} days", n=days[0])}
    for score, (low, high) in zip((4, 3, 2), zip(days, days[1:])):
        out[score] = t("{low}-{high} days", low=low + 1, high=high)
    out[1] = t("{n}+ days", n=days[3] + 1)
    return out


def frequency_ranges(th: Thresholds) -> dict[int, str]:
    """Each F score's purchases in words (F1: 1 purchase ... F5: 10 or more)."""
    bounds = (1, *th.frequency)
    out = {}
    for score, (low, high) in enumerate(zip(bounds, (n - 1 for n in bounds[1:])), start=1):
        out[score] = tn("{n} purchase", "{n} purchases", low) if low == high else \
            t("{low}-{high} purchases", low=low, high=high)
    out[5] = t("{n}+ purchases", n=bounds[4])  # F5 starts at 5 or more: no singular
    return out


def scores_sql(th: Thresholds, facts: str) -> str:
    """SQL: the rows of ``facts`` (SQL with days_since_last and orders) with r_score, f_score and segment (its key)."""
    r, f = th.recency_days, th.frequency
    r_case = ("CASE " + " ".join(f"WHEN days_since_last <= {int(days)} THEN {score}"
                                 for score, days in zip((5, 4, 3, 2), r)) + " ELSE 1 END")
    f_case = ("CASE " + " ".join(f"WHEN orders >= {int(n)} THEN {score}"
                                 for score, n in zip((5, 4, 3, 2), reversed(f))) + " ELSE 1 END")
    segment = ("CASE " + " ".join(
        f"WHEN r_score * 10 + f_score IN ({', '.join(str(r * 10 + f) for r, f in s.cells)}) THEN {quote(s.key)}"
        for s in SEGMENTS) + " END")
    return f"SELECT *, {segment} AS segment FROM (SELECT *, {r_case} AS r_score, {f_case} AS f_score FROM ({facts}))"


def scored_sql(store: Store, as_of: dt.date, th: Thresholds | None = None) -> str:
    """SQL: one row per customer who bought by ``as_of``: the customer facts and LTV tier (ltv.tiered_facts_sql)
    with r_score, f_score and segment. What another list joins to show each customer's segment."""
    return scores_sql(th or thresholds(store), tiered_facts_sql(store, as_of))


def grid(store: Store, as_of: dt.date, th: Thresholds | None = None) -> Table:
    """Every cell of the R x F grid (R5 first, F1 first), zeros included: its segment, customers, revenue."""
    found = {(r, f): (n, rev) for r, f, n, rev in store.con.execute(
        f"SELECT r_score, f_score, count(*), sum(revenue) FROM ({scored_sql(store, as_of, th)}) GROUP BY ALL"
    ).fetchall()}
    rows = [(r, f, SEGMENT_OF[(r, f)], *found.get((r, f), (0, Decimal(0)))) for r in SCORES for f in reversed(SCORES)]
    return Table(["r_score", "f_score", "segment", "customers", "revenue"], rows)


def segment_table(grid_table: Table) -> Table:
    """Per segment, in SEGMENTS' order, from the grid: name, meaning, customers, revenue and the shares
    of customers and of revenue (of what customers brought, as the LTV tiers count it: a negative cell is 0)."""
    totals: dict[str, list[Any]] = {s.key: [0, Decimal(0)] for s in SEGMENTS}
    for row in grid_table.as_dicts():
        totals[row["segment"]][0] += row["customers"]
        totals[row["segment"]][1] += row["revenue"]
    people = sum(n for n, _ in totals.values())
    brought = sum((max(rev, Decimal(0)) for _, rev in totals.values()), Decimal(0))
    rows = [(s.key, s.name(), s.meaning(), n, rev, n / people if people else 0.0,
             float(max(rev, Decimal(0)) / brought) if brought else 0.0)
            for s in SEGMENTS for n, rev in [totals[s.key]]]
    return Table(["segment", "name", "meaning", "customers", "revenue", "customer_share", "revenue_share"], rows)


RFM_COLUMNS = [*CUSTOMER_COLUMNS, "r_score", "f_score", "segment", "reason"]


def _reason_sql() -> str:
    """SQL: why a customer is where they are, in the current language (「最後の購入から210日・購入5回」). The
    plural forms are chosen in SQL; each template keeps its ``{days}`` / ``{count}`` for SQL to fill."""
    def days(n: int) -> str:
        text = tn("{days} day since the last purchase", "{days} days since the last purchase", n, days="{days}")
        return f"replace({quote(text)}, '{{days}}', CAST(days_since_last AS VARCHAR))"

    def purchases(n: int) -> str:
        text = tn("{count} purchase", "{count} purchases", n, count="{count}")
        return f"replace({quote(text)}, '{{count}}', CAST(orders AS VARCHAR))"

    on_the_day = t("last purchase on the day")
    recency = (f"CASE WHEN days_since_last = 0 THEN {quote(on_the_day)} "
               f"WHEN days_since_last = 1 THEN {days(1)} ELSE {days(2)} END")
    frequency = f"CASE WHEN orders = 1 THEN {purchases(1)} ELSE {purchases(2)} END"
    joined = t("{recency}, {frequency}", recency="{recency}", frequency="{frequency}")
    return f"replace(replace({quote(joined)}, '{{recency}}', {recency}), '{{frequency}}', {frequency})"


def customers(store: Store, as_of: dt.date, segment: str | None = None, cell: tuple[int, int] | None = None,
              th: Thresholds | None = None, only: str | None = None, limit: int | None = None) -> Table:
    """The customers of a ``segment`` (its key) or a ``cell`` (R, F), or everyone, as an action list:
    ltv.customer_list's columns, then r_score, f_score, segment (its key: the list shows its name) and
    the reason in words. Highest revenue first (M: who matters most to win back or thank), the first
    ``limit`` of them when given. ``only``: SQL of the customer_keys to keep (the movers of a pair)."""
    r, f = cell or (None, None)
    among = f"AND s.customer_key IN ({only})" if only else ""
    rows = store.con.execute(
        f"""SELECT s.customer_key, c.customer_name, c.email, s.orders, s.revenue, round(s.aov, 2), round(s.ltv, 2),
                   s.first_order, s.last_order, s.days_since_last, s.tier, s.r_score, s.f_score, s.segment,
                   {_reason_sql()}
            FROM ({scored_sql(store, as_of, th)}) s LEFT JOIN customers c USING (customer_key)
            WHERE ($segment IS NULL OR s.segment = $segment) AND ($r IS NULL OR s.r_score = $r)
              AND ($f IS NULL OR s.f_score = $f) {among}
            ORDER BY s.revenue DESC, s.customer_key
            {f'LIMIT {int(limit)}' if limit is not None else ''}""",
        {"segment": segment, "r": r, "f": f},
    ).fetchall()
    return Table(RFM_COLUMNS, rows)


def segment_movement(store: Store, start: dt.date, end: dt.date, th: Thresholds | None = None) -> Table:
    """From-segment x to-segment between two dates: each customer's segment at the end of ``start`` and of
    ``end`` (from the orders up to then, on the same thresholds), how many moved so and what they spent in
    between (after ``start``, up to ``end``). A customer who had not bought by ``start`` comes from ``NOT_YET``.
    Rows for every pair (zeros included), in SEGMENTS' order, ``NOT_YET`` first."""
    th = th or thresholds(store)
    moved = moves_between(store, scored_sql(store, start, th), scored_sql(store, end, th), "segment", start, end,
                          NOT_YET)
    keys = [s.key for s in SEGMENTS]
    rows = [(a, b, *moved.get((a, b), (0, Decimal(0)))) for a in (NOT_YET, *keys) for b in keys]
    return Table(["from_segment", "to_segment", "customers", "revenue"], rows)


def segment_movers(store: Store, start: dt.date, end: dt.date, from_segment: str, to_segment: str,
                   th: Thresholds | None = None) -> Table:
    """The customers of one cell of ``segment_movement``, as ``customers`` lists them at ``end``."""
    th = th or thresholds(store)
    if from_segment != NOT_YET and from_segment not in BY_KEY or to_segment not in BY_KEY:
        raise ValueError(f"unknown segment {from_segment!r} or {to_segment!r}")
    moved = f"""SELECT b.customer_key FROM ({scored_sql(store, end, th)}) b
                LEFT JOIN ({scored_sql(store, start, th)}) a USING (customer_key)
                WHERE coalesce(a.segment, {quote(NOT_YET)}) = {quote(from_segment)} AND b.segment = {quote(to_segment)}"""
    return customers(store, end, th=th, only=moved)


def rfm_json(store: Store, as_of: dt.date) -> dict[str, Any]:
    """The report's ``action_lists.rfm``: thresholds, the grid's cells, the segments, and the movement since
    the end of the month ``MOVEMENT_MONTHS`` back (the view's default). Keys are the interface."""
    th = thresholds(store)
    cells = grid(store, as_of, th)
    start = month_end_before(as_of, MOVEMENT_MONTHS)

    return {
        "thresholds": th.as_setting(),
        "cells": [{"r": r["r_score"], "f": r["f_score"], "segment": r["segment"], "customers": r["customers"],
                   "revenue": json_money(r["revenue"])} for r in cells.as_dicts()],
        "segments": [{"segment": s["segment"], "name": s["name"], "meaning": s["meaning"], "customers": s["customers"],
                      "revenue": json_money(s["revenue"]), "customer_share": round(s["customer_share"], 4),
                      "revenue_share": round(s["revenue_share"], 4)} for s in segment_table(cells).as_dicts()],
        "movement": {"start": start.isoformat(), "end": as_of.isoformat(),
                     "cells": [{"from": r["from_segment"], "to": r["to_segment"], "customers": r["customers"],
                                "revenue": json_money(r["revenue"])}
                               for r in segment_movement(store, start, as_of, th).as_dicts() if r["customers"]]},
    }
