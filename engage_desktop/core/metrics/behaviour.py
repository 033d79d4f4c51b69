"""Does it show in what they buy? Purchase behaviour by NPS group and by engagement zone.

A customer's group is that of their latest answer (NPS: promoter 9-10, passive 7-8, detractor 0-6;
zone: metrics/zones.py). Per group: its customers, those who bought, the repeat rate (buyers with two
orders or more), orders per year and annual LTV (averages over the buyers, as the LTV tiers count them),
revenue and its share of the shop's revenue.

The sentence that states the result (「推奨者のリピート率は批判者の2.1倍」) is said only when it can be:
both groups have at least ``MIN_BUYERS`` buyers and the two repeat rates differ beyond chance (a
two-proportion z-test at the 5% level: |z| >= 1.96). Otherwise it says why not.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import N_, t
from engage_desktop.core.metrics import surveys
from engage_desktop.core.metrics import zones as zone_metrics
from engage_desktop.core.metrics.base import counted_orders
from engage_desktop.core.metrics.ltv import tiered_facts_sql
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

MIN_BUYERS = 30  # below this, a repeat rate moves by 3+ points with each customer: too few to compare
Z_95 = 1.96

NPS_GROUPS = ("promoter", "passive", "detractor")
NPS_GROUP_LABELS = {"promoter": N_("Promoters (9-10)"), "passive": N_("Passives (7-8)"),
                    "detractor": N_("Detractors (0-6)")}
# The group names inside a sentence.
NPS_GROUP_WORDS = {"promoter": N_("promoters"), "passive": N_("passives"), "detractor": N_("detractors")}
COLUMNS = ["group", "name", "customers", "buyers", "repeat_rate", "orders_per_year", "avg_ltv", "revenue",
           "revenue_share"]


def _nps_groups_sql(as_of: dt.date) -> str:
    return f"""SELECT customer_key, CASE WHEN nps >= 9 THEN 'promoter' WHEN nps >= 7 THEN 'passive' ELSE 'detractor' END AS grp
               FROM ({surveys.latest_nps_sql(as_of)})"""


def _by_group(store: Store, as_of: dt.date, groups_sql: str, order: list[tuple[str, str]]) -> Table:
    shop_revenue = store.con.execute(f"SELECT coalesce(sum(revenue), 0) FROM ({counted_orders(as_of)})").fetchone()[0]
    found = {row[0]: row[1:] for row in store.con.execute(
        f"""SELECT g.grp, count(*), count(f.customer_key),
                   avg(CASE WHEN f.orders >= 2 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.customer_key IS NOT NULL),
                   avg(f.orders_per_year), avg(f.ltv), coalesce(sum(f.revenue), 0)
            FROM ({groups_sql}) g LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
            GROUP BY g.grp""").fetchall()}
    rows = []
    for key, name in order:
        customers, buyers, repeat, per_year, ltv, revenue = found.get(key, (0, 0, None, None, None, 0))
        rows.append((key, name, customers, buyers, None if not buyers else float(repeat),
                     None if per_year is None else float(per_year), None if ltv is None else float(ltv),
                     revenue, float(revenue) / float(shop_revenue) if shop_revenue else None))
    return Table(COLUMNS, rows)


def by_nps_group(store: Store, as_of: dt.date) -> Table:
    """Promoters, passives, detractors (by their latest answer): purchase behaviour side by side."""
    return _by_group(store, as_of, _nps_groups_sql(as_of), [(g, t(NPS_GROUP_LABELS[g])) for g in NPS_GROUPS])


def by_zone(store: Store, as_of: dt.date) -> Table:
    """Each engagement zone (by the customer's latest answer): purchase behaviour side by side."""
    zones = zone_metrics.zone_map(store)
    groups = f"SELECT customer_key, zone AS grp FROM ({zone_metrics.customer_zones_sql(store, as_of, zones)})"
    return _by_group(store, as_of, groups, [(z.key, z.name()) for z in zones.zones])


@dataclass(frozen=True)
class Comparison:
    """Two groups' repeat rates compared, and whether it may be said."""

    first: str
    second: str
    first_rate: float | None
    second_rate: float | None
    first_buyers: int
    second_buyers: int
    z: float | None  # the two-proportion z statistic (None when it cannot be computed)

    @property
    def enough(self) -> bool:
        return min(self.first_buyers, self.second_buyers) >= MIN_BUYERS

    @property
    def significant(self) -> bool:
        return self.z is not None and abs(self.z) >= Z_95

    @property
    def ratio(self) -> float | None:
        if not self.first_rate or not self.second_rate:
            return None
        return self.first_rate / self.second_rate


def compare(table: Table, first: str, second: str) -> Comparison:
    """The repeat rates of groups ``first`` and ``second`` of a ``by_*`` table, with the z-test."""
    rows = {r["group"]: r for r in table.as_dicts()}
    a, b = rows[first], rows[second]
    n1, n2, p1, p2 = a["buyers"], b["buyers"], a["repeat_rate"], b["repeat_rate"]
    z = None
    if n1 and n2 and p1 is not None and p2 is not None:
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z = (p1 - p2) / spread if spread else None
    return Comparison(first, second, p1, p2, n1, n2, z)


def sentence(comparison: Comparison, names: dict[str, str]) -> str:
    """The result in plain words, or why it cannot be said yet."""
    first, second = names[comparison.first], names[comparison.second]
    if not comparison.enough:
        return t("Too few buyers to compare {first} with {second} yet: at least {n} in each ({a} and {b} now).",
                 first=first, second=second, n=MIN_BUYERS, a=comparison.first_buyers, b=comparison.second_buyers)
    if not comparison.significant or comparison.ratio is None:
        return t("The repeat rates of {first} and {second} do not differ beyond chance yet.", first=first, second=second)
    return t("The repeat rate of {first} is {ratio:.1f} times that of {second}.", first=first, second=second,
             ratio=comparison.ratio)


def nps_sentence(table: Table) -> str:
    """Promoters against detractors, the articles' claim put to the shop's own data."""
    return sentence(compare(table, "promoter", "detractor"), {g: t(NPS_GROUP_WORDS[g]) for g in NPS_GROUPS})


def zone_sentence(table: Table) -> str:
    """The most engaged zone against the least, in the owner's order."""
    keys = table.column("group")
    names = dict(zip(keys, table.column("name")))
    return sentence(compare(table, keys[0], keys[-1]), names)


def behaviour_json(store: Store, as_of: dt.date) -> dict[str, Any]:
    """The report's ``nps_groups_behaviour``: each NPS group's and zone's figures and the sentences."""
    def rows(table: Table) -> list[dict[str, Any]]:
        return [{"group": r["group"], "name": r["name"], "customers": r["customers"], "buyers": r["buyers"],
                 "repeat_rate": _round(r["repeat_rate"], 4), "orders_per_year": _round(r["orders_per_year"], 3),
                 "avg_ltv": _round(r["avg_ltv"], 2), "revenue": float(r["revenue"]),
                 "revenue_share": _round(r["revenue_share"], 4)} for r in table.as_dicts()]

    groups, zones = by_nps_group(store, as_of), by_zone(store, as_of)
    return {"nps_groups": rows(groups), "nps_sentence": nps_sentence(groups),
            "zones": rows(zones), "zone_sentence": zone_sentence(zones), "min_buyers": MIN_BUYERS}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
