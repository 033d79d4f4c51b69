"""Engagement zones: regions of the 6 x 7 fan-degree x liking matrix that the owner names.

The articles decide a customer's engagement from where they fall in the matrix of the two survey
answers (../shared/domain.md §3). A zone is a set of its cells; each cell belongs to exactly one zone.
A customer's zone is the one of their latest answer with both questions answered (up to the as-of
date); answers without a customer (not matched) count in the matrix, never in a customer's zone.

Default zones, from the answers' own words:
- 熱狂的ファン: fan degree 5-6 (want to get involved; part of my life) and liking 6-7 (love it).
- ファン: fan degree 3 or more and liking 5 or more (want to keep supporting; like it), the rest of them.
- 予備軍: liking 4 or more (like it somewhat) or fan degree 2 or more with liking 3 (a new fan who is
  neutral about the brand yet), outside the zones above: who could become a fan.
- 無関心: the rest (not a fan and no more than neutral, or any fan degree with liking 1-2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import N_, language, quoted, t, t_in
from engage_desktop.core.metrics.base import month_range
from engage_desktop.core.metrics.ltv import tiered_facts_sql
from engage_desktop.core.questions import FAN_LEVELS, LIKING_LEVELS
from engage_desktop.core.sql import quote
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

FANS, LIKINGS = len(FAN_LEVELS), len(LIKING_LEVELS)


def _default_cell(fan: int, liking: int) -> str:
    if fan >= 5 and liking >= 6:
        return "enthusiast"
    if fan >= 3 and liking >= 5:
        return "fan"
    if liking >= 4 or (fan >= 2 and liking == 3):
        return "potential"
    return "indifferent"


DEFAULT_ZONES: list[dict[str, Any]] = [
    {"key": "enthusiast", "name": N_("Enthusiastic fans")},
    {"key": "fan", "name": N_("Fans")},
    {"key": "potential", "name": N_("Potential fans")},
    {"key": "indifferent", "name": N_("Indifferent")},
]
DEFAULT_CELLS = [[_default_cell(fan, liking) for liking in range(1, LIKINGS + 1)] for fan in range(1, FANS + 1)]


@dataclass(frozen=True)
class Zone:
    key: str  # never shown: the owner sees the zone's name
    ja: str
    en: str

    def name(self, lang: str | None = None) -> str:
        return self.ja if (lang or language()) == "ja" else self.en


@dataclass(frozen=True)
class ZoneMap:
    zones: list[Zone]  # the owner's order: the most engaged first
    cells: list[list[str]]  # cells[fan - 1][liking - 1]: the zone key of each matrix cell

    def zone_of(self, fan: int, liking: int) -> str:
        return self.cells[fan - 1][liking - 1]

    def names(self) -> dict[str, str]:
        return {zone.key: zone.name() for zone in self.zones}

    def as_setting(self) -> dict[str, Any]:
        return {"zones": [{"key": z.key, "ja": z.ja, "en": z.en} for z in self.zones], "cells": self.cells}


def default_map() -> ZoneMap:
    return ZoneMap([Zone(z["key"], t_in("ja", z["name"]), t_in("en", z["name"])) for z in DEFAULT_ZONES],
                   [list(row) for row in DEFAULT_CELLS])


def zone_map(store: Store) -> ZoneMap:
    """The owner's zones (the setting, checked on read), or the defaults."""
    raw = store.setting("engagement_zones")
    if not raw:
        return default_map()
    return ZoneMap([Zone(z["key"], z["ja"], z["en"]) for z in raw["zones"]], [list(row) for row in raw["cells"]])


def save_zone_map(store: Store, zones: ZoneMap) -> None:
    """Store the owner's zones; EngageError (a ValueError) saying what to fix when a zone has no cell left
    or has no name."""
    empty = [z for z in zones.zones if not any(z.key in row for row in zones.cells)]
    if empty:
        raise EngageError(t("Every zone needs at least one cell: give {zone} a cell again.",
                            zone=quoted(empty[0].name())))
    if any(not z.ja.strip() or not z.en.strip() for z in zones.zones):
        raise EngageError(t("Give every zone a name."))
    store.set_setting("engagement_zones", zones.as_setting())


def zone_case_sql(zones: ZoneMap, fan: str = "fan_level", liking: str = "liking") -> str:
    """SQL: the zone key of an answer from its two levels (NULL when either is missing)."""
    whens = " ".join(f"WHEN {fan} = {f} AND {liking} = {lk} THEN {quote(zones.zone_of(f, lk))}"
                     for f in range(1, FANS + 1) for lk in range(1, LIKINGS + 1))
    return f"CASE {whens} END"


def _latest_sql(as_of: dt.date) -> str:
    """SQL: each customer's latest answer with both levels, up to the as-of day."""
    return f"""SELECT customer_key, arg_max(fan_level, answered_at) AS fan_level, arg_max(liking, answered_at) AS liking,
                      max(answered_at) AS answered_at
               FROM survey_responses
               WHERE customer_key IS NOT NULL AND fan_level IS NOT NULL AND liking IS NOT NULL
                 AND answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY
               GROUP BY customer_key"""


def customer_zones_sql(store: Store, as_of: dt.date, zones: ZoneMap | None = None) -> str:
    """SQL: (customer_key, zone, fan_level, liking, answered_at) from each customer's latest answer."""
    zones = zones or zone_map(store)
    return f"SELECT customer_key, {zone_case_sql(zones)} AS zone, fan_level, liking, answered_at FROM ({_latest_sql(as_of)})"


def zone_counts(store: Store, as_of: dt.date) -> Table:
    """Per zone, in the owner's order: customers whose latest answer falls in it, and their share."""
    zones = zone_map(store)
    counts = dict(store.con.execute(
        f"SELECT zone, count(*) FROM ({customer_zones_sql(store, as_of, zones)}) GROUP BY zone").fetchall())
    total = sum(counts.values())
    return Table(["zone", "name", "customers", "share"],
                 [(z.key, z.name(), counts.get(z.key, 0), counts.get(z.key, 0) / total if total else None)
                  for z in zones.zones])


def zone_months_sql(store: Store, as_of: dt.date, zones: ZoneMap | None = None) -> str:
    """SQL: (customer_key, month, zone) — each customer's zone at the end of each month from their first
    answer's month to the as-of month: the zone of their latest answer up to then (a stock, as the tiers
    at month ends are). The month-over-month view filters by it: who was in the zone that month."""
    zones = zones or zone_map(store)
    day = f"DATE '{as_of.isoformat()}'"
    return f"""
        WITH a AS (
            SELECT customer_key, CAST(date_trunc('month', answered_at) AS DATE) AS month,
                   arg_max({zone_case_sql(zones)}, answered_at) AS zone
            FROM survey_responses
            WHERE customer_key IS NOT NULL AND fan_level IS NOT NULL AND liking IS NOT NULL
              AND answered_at < {day} + INTERVAL 1 DAY
            GROUP BY ALL
        ),
        spans AS (  -- a month's zone holds until the customer's next month with an answer
            SELECT customer_key, month, zone,
                   coalesce(lead(month) OVER (PARTITION BY customer_key ORDER BY month),
                            CAST(date_trunc('month', {day}) AS DATE) + INTERVAL 1 MONTH) AS until
            FROM a
        )
        SELECT customer_key, CAST(m AS DATE) AS month, zone
        FROM spans, range(month, until, INTERVAL 1 MONTH) r(m)"""


def zone_by_month(store: Store, as_of: dt.date) -> Table:
    """Per month (first answer's month to the as-of month) and zone: the customers in it at the month's end."""
    zones = zone_map(store)
    counts = store.con.execute(
        f"SELECT month, zone, count(*) FROM ({zone_months_sql(store, as_of, zones)}) GROUP BY ALL").fetchall()
    found = {(month, zone): n for month, zone, n in counts}
    if not found:
        return Table(["month", *[z.key for z in zones.zones]], [])
    months = month_range(min(month for month, _ in found), as_of)
    return Table(["month", *[z.key for z in zones.zones]],
                 [(m, *[found.get((m, z.key), 0) for z in zones.zones]) for m in months])


def month_pairs_sql(store: Store, as_of: dt.date, zone: str) -> str:
    """SQL: (customer_key, month) of the customers in ``zone`` at each month's end (monthly.monthly's group)."""
    return f"SELECT customer_key, month FROM ({zone_months_sql(store, as_of)}) WHERE zone = {quote(zone)}"


ZONE_CUSTOMER_COLUMNS = ["customer_key", "name", "email", "zone", "answered_at", "fan_level", "liking", "orders",
                         "revenue", "ltv", "last_order", "days_since_last", "tier"]


def zone_customers(store: Store, as_of: dt.date, zone: str | None = None) -> Table:
    """The customers of a zone (None: every customer with a zone) with their latest answer and purchase
    facts, as an action list: the most valuable first. ``zone`` holds the zone's name (a list is read and
    exported as it is: a key would reach the owner)."""
    names = zone_map(store).names()
    rows = store.con.execute(
        f"""SELECT z.customer_key, c.customer_name, c.email, z.zone, z.answered_at, z.fan_level, z.liking,
                   coalesce(f.orders, 0), coalesce(f.revenue, 0), round(f.ltv, 2), f.last_order, f.days_since_last, f.tier
            FROM ({customer_zones_sql(store, as_of)}) z LEFT JOIN customers c USING (customer_key)
            LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
            WHERE $zone IS NULL OR z.zone = $zone
            ORDER BY f.ltv DESC NULLS LAST, z.answered_at DESC, z.customer_key""", {"zone": zone}).fetchall()
    return Table(ZONE_CUSTOMER_COLUMNS, [(*row[:3], names.get(row[3], ""), *row[4:]) for row in rows])


def zones_json(store: Store, as_of: dt.date) -> dict[str, Any]:
    """The report's ``zones``: the map, the counts now, and by month."""
    zones = zone_map(store)
    by_month = zone_by_month(store, as_of)
    return {
        "zones": [{"zone": z.key, "name": z.name()} for z in zones.zones],
        "cells": zones.cells,  # [fan degree 1..6][liking 1..7]: the zone of each matrix cell
        "customers": [{"zone": r["zone"], "customers": r["customers"]} for r in zone_counts(store, as_of).as_dicts()],
        "by_month": [{"month": r["month"].strftime("%Y-%m"), **{z.key: r[z.key] for z in zones.zones}}
                     for r in by_month.as_dicts()],
    }

