"""LTV, LTV tiers and the Pareto / decile view (デシル分析).

Default tiers, highest first: 優良 (Top, LTV >= ¥50,000 a year), 中堅 (Good,
>= ¥20,000), 一般 (Regular: bought twice or more), 新規・1回 (One-time), and
休眠 (Dormant: no order for the dormant-days setting, default 180). Dormant is
decided first: a customer who spent a lot but stopped buying needs a win-back
message, not a VIP one. Names and thresholds are the owner's, saved in the
shop file ("区別であって差別ではない": tiers are for designing experiences).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from engage_desktop.core.metrics.base import add_months, counted_orders, facts_with_ltv_sql, moves_between
from engage_desktop.core.table import Table
from engage_desktop.core.sql import quote
from engage_desktop.core.messages import N_, language, t, t_in, tn
from engage_desktop.core.money import DEFAULT_CURRENCY, format_money, tier_scale
from engage_desktop.core.store import Store

# The default tiers' names are catalogue messages, saved in both languages when the owner first edits
# the tiers; from then on the names are the owner's own (an owner-renamed tier keeps its names).
DEFAULT_TIERS: list[dict[str, Any]] = [
    {"key": "top", "name": N_("Top"), "min_ltv": 50000, "min_orders": 0},
    {"key": "good", "name": N_("Good"), "min_ltv": 20000, "min_orders": 0},
    {"key": "regular", "name": N_("Regular"), "min_ltv": 0, "min_orders": 2},
    {"key": "one_time", "name": N_("One-time"), "min_ltv": 0, "min_orders": 0},
    {"key": "dormant", "name": N_("Dormant"), "dormant": True},
]


@dataclass(frozen=True)
class Tier:
    key: str  # never shown: the owner sees the tier's name
    ja: str  # the owner's name for it in each language
    en: str
    min_ltv: float = 0
    min_orders: int = 0
    dormant: bool = False

    def name(self, lang: str | None = None) -> str:
        return self.ja if (lang or language()) == "ja" else self.en

    def rule_text(self, dormant_days: int, currency: str = DEFAULT_CURRENCY) -> str:
        """The tier's rule in the current language."""
        if self.dormant:
            return t("no order for {days}+ days", days=dormant_days)
        parts = []
        if self.min_ltv:
            parts.append(t("annual LTV {amount} or more", amount=format_money(self.min_ltv, currency, language())))
        if self.min_orders:
            parts.append(tn("{n} purchase or more", "{n}+ purchases", self.min_orders))
        return " / ".join(parts) or t("everyone else")


def _default_tier(raw: dict[str, Any], scale: int) -> dict[str, Any]:
    tier = {k: v for k, v in raw.items() if k != "name"}
    tier["ja"], tier["en"] = t_in("ja", raw["name"]), t_in("en", raw["name"])
    if "min_ltv" in tier:  # the defaults, in the shop's currency: ¥50,000 a year is $500
        tier["min_ltv"] = tier["min_ltv"] / scale
    return tier


def tiers(store: Store) -> list[Tier]:
    raw = store.setting("ltv_tiers")
    if not raw:
        scale = tier_scale(store.setting("currency"))
        raw = [_default_tier(tier, scale) for tier in DEFAULT_TIERS]
    return [Tier(**tier) for tier in raw]


def tier_names(store: Store) -> dict[str, str]:
    """Each tier's name in the current language, by key."""
    return {tier.key: tier.name() for tier in tiers(store)}


def save_tiers(store: Store, new_tiers: list[Tier]) -> None:
    if sum(t.dormant for t in new_tiers) > 1:
        raise ValueError("at most one dormant tier")
    store.set_setting("ltv_tiers", [asdict(t) for t in new_tiers])


def tier_settings(store: Store) -> str:
    """The settings a customer's tier depends on, as text: part of the key of what is kept (metrics/kept.py)."""
    return f"{tiers(store)!r} dormant after {store.setting('dormant_days')}"


def tier_case_sql(tier_list: list[Tier], dormant_days: int, place: bool = False) -> str:
    """SQL CASE giving a customer's tier key from the facts columns; first match wins, dormant first.
    ``place``: the tier's place in ``tier_list`` instead (1 the first), to compare tiers by it."""
    def value(tier: Tier) -> str:
        return str(tier_list.index(tier) + 1) if place else quote(tier.key)

    active = [t for t in tier_list if not t.dormant]
    cases = [f"WHEN days_since_last > {int(dormant_days)} THEN {value(t)}" for t in tier_list if t.dormant]
    for tier in active[:-1]:
        cases.append(f"WHEN ltv >= {float(tier.min_ltv)} AND orders >= {int(tier.min_orders)} THEN {value(tier)}")
    if not cases:  # one tier, none dormant: everyone is in it (CASE needs a WHEN)
        return value(active[-1])
    return "CASE " + " ".join(cases) + f" ELSE {value(active[-1])} END"


def tiered_facts_sql(store: Store, as_of: dt.date, tier_list: list[Tier] | None = None) -> str:
    tier_list = tier_list or tiers(store)
    return f"SELECT *, {tier_case_sql(tier_list, store.setting('dormant_days'))} AS tier FROM ({facts_with_ltv_sql(store, as_of)})"


def tiers_by_month_sql(store: Store, as_of: dt.date, also: str | None = None,
                       tier_list: list[Tier] | None = None, key: str = "customer_key",
                       month_before: bool = False) -> str:
    """SQL: (customer_key, month, tier) — the tier each customer had at the end of a month (the as-of
    day for the as-of month), from their orders up to then: not today's tier applied to the past (a
    customer who became dormant this year was 優良 in the months they bought), and not stored
    snapshots (they would go stale after an undo). The same facts and rules as ``tiered_facts_sql``
    at each month's end.

    Every month in which the customer ordered is answered from the running totals of their months
    with orders. ``also``: SQL giving more (customer_key, month) pairs to answer (the months of survey
    answers; the tests ask for every month of every customer, the reference ``tier_spans`` is checked
    against): they join the months with orders as months of none,
    so the same running totals answer them (no join of those pairs to the totals: an ASOF join and
    the EXCEPT before it were about a fifth of the month-over-month view's tier filter). Every month of
    every customer at once is ``tier_spans``'s to answer (per span of months, not month by month).

    ``month_before``: each month is answered with the tier the customer had at the end of the month
    before it (when it began: whom a measure targeted that month, metrics/effect.py), from the totals
    of the months before it; a month with none before it has no row."""
    tier_list = tier_list or tiers(store)
    day = f"DATE '{as_of.isoformat()}'"
    frame, end = (("ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING", "last_day(month - INTERVAL 1 MONTH)")
                  if month_before else ("ROWS UNBOUNDED PRECEDING", f"least(last_day(month), {day})"))
    return f"""
        WITH per_month AS ({per_month_sql(as_of, also, key)}),
        running AS (
            SELECT customer_key, month, min(first_order) OVER w AS first_order, max(last_order) OVER w AS last_order,
                   sum(orders) OVER w AS orders, sum(revenue) OVER w AS revenue
            FROM per_month WINDOW w AS (PARTITION BY customer_key ORDER BY month {frame})
        ),
        facts AS (SELECT customer_key, month, {month_end_facts_sql(end)}
                  FROM running WHERE orders > 0)
        SELECT customer_key, month, {tier_case_sql(tier_list, store.setting('dormant_days'))} AS tier FROM facts
    """


def customer_id_sql(store: Store) -> str:
    """SQL: what the per-month queries tell customers apart by, as an expression of customer_key: a
    64-bit hash of it when no two of the shop's customers share one (always, in practice: about 1 in
    10^9 for 100,000 customers), the key itself otherwise. Grouping, sorting and matching by the
    hash is quicker than by the text (1M lines: the tier history about 15% faster, measured
    alternating). Two customers sharing a hash would be counted as one, so it is checked, not
    assumed (the orders' and answers' keys are customers' keys: the import makes them so)."""
    distinct = store.con.execute("SELECT count(*) = count(DISTINCT hash(customer_key)) FROM customers").fetchone()[0]
    return "hash(customer_key)" if distinct else "customer_key"


def per_month_sql(as_of: dt.date, also: str | None = None, key: str = "customer_key") -> str:
    """SQL: a customer's totals of one month with orders (customer_key, month, first_order,
    last_order, orders, revenue): what the tiers at month ends are summed from. ``also``: SQL of
    more (customer_key, month) pairs, each a month of no orders unless it has some. ``key``: the
    customer_key column as an expression of the orders' (``tier_spans`` groups by a hash of it)."""
    rows = f"""SELECT {key} AS customer_key, CAST(date_trunc('month', ordered_at) AS DATE) AS month, ordered_at,
                      is_refund, revenue
               FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL"""
    if also is not None:  # is_refund NULL: counted by none of the FILTERs below
        rows += f" UNION ALL SELECT {key}, month, NULL, NULL, NULL FROM ({also})"
    return f"""SELECT customer_key, month,
                      min(ordered_at) FILTER (WHERE NOT is_refund) AS first_order,
                      max(ordered_at) FILTER (WHERE NOT is_refund) AS last_order,
                      count(*) FILTER (WHERE NOT is_refund) AS orders, coalesce(sum(revenue), 0) AS revenue
               FROM ({rows}) GROUP BY ALL"""


def month_end_facts_sql(end: str, totals: str = "") -> str:
    """SQL select list: the columns ``tier_case_sql`` reads (orders, days_since_last, ltv) at the day
    ``end`` (an SQL expression), from a customer's running totals (columns first_order, last_order,
    orders, revenue, their names prefixed with ``totals``). The same LTV as the customer facts'."""
    return f"""{totals}orders AS orders,
               date_diff('day', CAST({totals}last_order AS DATE), {end}) AS days_since_last,
               {ltv_at_sql(f"date_diff('day', CAST({totals}first_order AS DATE), {end})", totals)} AS ltv"""


def ltv_at_sql(days: str, totals: str = "") -> str:
    """SQL: the annual LTV of running totals (columns revenue and orders, prefixed with ``totals``) ``days``
    (an SQL integer) after the first order: the customer facts' LTV (base.years_sql), written once so
    that the tiers' spans (metrics/tier_spans.py) compare exactly the same number."""
    return f"({totals}revenue / {totals}orders) * ({totals}orders / greatest(1.0, ({days}) / 365.25))"


NEW = "new"  # tier_movement's from-tier of a customer who had not bought yet at the start
MOVEMENT_MONTHS = 3  # the movement shown first (the view, the export, the report): since 3 month ends back


def month_end_before(day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` before ``day``'s month (where a movement is counted from)."""
    return add_months(day, 1 - months) - dt.timedelta(days=1)


def tier_movement(store: Store, start: dt.date, end: dt.date) -> Table:
    """From-tier x to-tier between two dates: each customer's tier at the end of ``start`` and at the end
    of ``end`` (from their orders up to then), how many moved so and what they spent in between
    (after ``start``, up to ``end``). A customer who had not bought by ``start`` comes from ``NEW``.
    Rows for every pair of tiers (zeros included), highest tiers first."""
    tier_list = tiers(store)
    keys = [NEW, *(tier.key for tier in tier_list)]
    moved = moves_between(store, tiered_facts_sql(store, start, tier_list), tiered_facts_sql(store, end, tier_list),
                          "tier", start, end, NEW)
    rows = [(f, to, *moved.get((f, to), (0, Decimal(0)))) for f in keys for to in keys[1:]]
    return Table(["from_tier", "to_tier", "customers", "revenue"], rows)


def tier_movers(store: Store, start: dt.date, end: dt.date, from_tier: str, to_tier: str) -> Table:
    """The customers of one cell of ``tier_movement``, as an action list (highest LTV at ``end`` first)."""
    keys = [k for (k,) in store.con.execute(
        f"""SELECT b.customer_key FROM ({tiered_facts_sql(store, end)}) b
            LEFT JOIN ({tiered_facts_sql(store, start)}) a USING (customer_key)
            WHERE coalesce(a.tier, {quote(NEW)}) = ? AND b.tier = ?""", [from_tier, to_tier]).fetchall()]
    return customer_list(store, end, keys=keys)


def tier_table(store: Store, as_of: dt.date, tier_list: list[Tier] | None = None) -> Table:
    """Per tier: customers, revenue, share of customer revenue, average LTV, repeat rate, days since last order."""
    tier_list = tier_list or tiers(store)
    rows = {
        r[0]: r
        for r in store.con.execute(
            f"""SELECT tier, count(*), sum(revenue), avg(ltv), avg(CASE WHEN orders >= 2 THEN 1.0 ELSE 0.0 END),
                       avg(days_since_last), sum(greatest(revenue, 0))
                FROM ({tiered_facts_sql(store, as_of, tier_list)}) GROUP BY tier"""
        ).fetchall()
    }
    # Shares are of what customers brought: one whose refunds exceed their purchases brought 0, not
    # less (otherwise a few returns made the other shares add up to more than 100%).
    total = sum((r[6] for r in rows.values()), Decimal(0))
    out = []
    for tier in tier_list:
        _, customers, revenue, avg_ltv, repeat, days, brought = rows.get(
            tier.key, (tier.key, 0, Decimal(0), None, None, None, Decimal(0)))
        share = float(brought / total) if total else 0.0
        out.append((tier.key, tier.name(), customers, revenue, share, avg_ltv, repeat, days))
    return Table(["tier", "name", "customers", "revenue", "share", "avg_ltv", "repeat_rate",
                  "avg_days_since_last"], out)


def tier_moves(store: Store, as_of: dt.date, proposed: list[Tier]) -> Table:
    """How many customers would move from each current tier to each proposed one (live preview)."""
    current = tiers(store)
    days = store.setting("dormant_days")
    rows = store.con.execute(
        f"""SELECT {tier_case_sql(current, days)} AS now_tier, {tier_case_sql(proposed, days)} AS new_tier, count(*)
            FROM ({facts_with_ltv_sql(store, as_of)}) GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    return Table(["from", "to", "customers"], rows)


def deciles(store: Store, as_of: dt.date) -> Table:
    """Customers ranked by revenue into 10 equal-count groups (sizes differ by at most one)."""
    rows = store.con.execute(
        f"""WITH ranked AS (
                SELECT revenue, row_number() OVER (ORDER BY revenue DESC, customer_key) AS r, count(*) OVER () AS n
                FROM ({facts_with_ltv_sql(store, as_of)})
            ), grouped AS (
                SELECT CAST(floor((r - 1) * 10 / n) AS INTEGER) + 1 AS decile, count(*) AS customers,
                       sum(revenue) AS revenue, sum(greatest(revenue, 0)) AS brought
                FROM ranked GROUP BY 1
            ), all_deciles AS (
                -- With fewer than 10 customers some deciles are empty: keep them, as zeros.
                SELECT d.decile, coalesce(g.customers, 0) AS customers, coalesce(g.revenue, 0) AS revenue,
                       coalesce(g.brought, 0) AS brought
                FROM range(1, 11) d(decile) LEFT JOIN grouped g USING (decile)
            )
            -- Shares of what customers brought, a customer's net below zero counted as 0 (see tier_table).
            SELECT decile, customers, revenue, brought / nullif(sum(brought) OVER (), 0) AS share,
                   sum(brought) OVER (ORDER BY decile) / nullif(sum(brought) OVER (), 0) AS cumulative_share
            FROM all_deciles ORDER BY decile"""
    ).fetchall()
    return Table(["decile", "customers", "revenue", "share", "cumulative_share"],
                 [(d, c, rev, float(s or 0), float(cs or 0)) for d, c, rev, s, cs in rows])


def top20_share(decile_table: Table) -> float:
    """Share of revenue from the top 20% of customers (deciles 1 and 2): computed, never assumed."""
    shares = decile_table.column("share")
    return float(sum(shares[:2])) if shares else 0.0


def shop_ltv(store: Store, as_of: dt.date) -> dict[str, float]:
    """Shop-level LTV = shop AOV x average purchases per customer per year."""
    aov, per_year = store.con.execute(
        f"""SELECT (SELECT sum(revenue) / nullif(count(*) FILTER (WHERE NOT is_refund), 0) FROM ({counted_orders(as_of)})),
                   (SELECT avg(orders_per_year) FROM ({facts_with_ltv_sql(store, as_of)}))"""
    ).fetchone()
    aov_f, per_year_f = float(aov or 0), float(per_year or 0)
    return {"aov": round(aov_f, 2), "orders_per_year": round(per_year_f, 4), "ltv": round(aov_f * per_year_f, 2)}


CUSTOMER_COLUMNS = ["customer_key", "name", "email", "orders", "revenue", "aov", "ltv", "first_order", "last_order",
                    "days_since_last", "tier"]


def customer_list(store: Store, as_of: dt.date, tier: str | None = None, keys: list[str] | None = None) -> Table:
    """The customers behind a tier, a decile or a cell, as an action list (highest LTV first): everyone
    who bought, or those of one ``tier``, or those whose key is in ``keys`` (both as parameters)."""
    rows = store.con.execute(
        f"""SELECT f.customer_key, c.customer_name, c.email, f.orders, f.revenue, round(f.aov, 2), round(f.ltv, 2),
                   f.first_order, f.last_order, f.days_since_last, f.tier
            FROM ({tiered_facts_sql(store, as_of)}) f LEFT JOIN customers c USING (customer_key)
            WHERE ($tier IS NULL OR f.tier = $tier) AND ($keys IS NULL OR list_contains($keys, f.customer_key))
            ORDER BY f.ltv DESC, f.customer_key""",
        {"tier": tier, "keys": keys},
    ).fetchall()
    return Table(CUSTOMER_COLUMNS, rows)


def tier_customers(store: Store, as_of: dt.date, tier_key: str) -> Table:
    return customer_list(store, as_of, tier=tier_key)


def decile_customers(store: Store, as_of: dt.date, decile: int) -> Table:
    keys = store.con.execute(
        f"""SELECT customer_key FROM (
                SELECT customer_key, row_number() OVER (ORDER BY revenue DESC, customer_key) AS r, count(*) OVER () AS n
                FROM ({facts_with_ltv_sql(store, as_of)}))
            WHERE CAST(floor((r - 1) * 10 / n) AS INTEGER) + 1 = ?""",
        [decile],
    ).fetchall()
    return customer_list(store, as_of, keys=[k for (k,) in keys])


def customer_orders(store: Store, customer_key: str) -> Table:
    rows = store.con.execute(
        """SELECT o.order_id, o.ordered_at, coalesce(s.name, o.source) AS sold_at, o.revenue, o.cancelled, o.is_refund,
                  (SELECT string_agg(product, ' / ' ORDER BY line_no) FROM order_lines l
                   WHERE l.source = o.source AND l.order_id = o.order_id) AS products
           FROM orders o LEFT JOIN sources s USING (source) WHERE customer_key = ? ORDER BY ordered_at DESC""",
        [customer_key],
    ).fetchall()
    # Where it was sold: the source's name (楽天市場, the till's file…), never the internal channel key.
    return Table(["order_id", "ordered_at", "sold_at", "revenue", "cancelled", "refund", "products"], rows)


def orders_summary(orders: Table) -> tuple[int, Decimal, int]:
    """Of a customer's orders (``customer_orders``): the orders that count (not cancelled, not refunds, as the
    number of orders counts them everywhere), the revenue (refunds taken off, cancelled orders not in it) and
    the cancelled orders listed. The dialog's headline had counted every row: "20 orders" above 18."""
    rows = orders.as_dicts()
    counted = sum(1 for r in rows if not r["cancelled"] and not r["refund"])
    revenue = sum((r["revenue"] for r in rows if not r["cancelled"]), start=Decimal(0))
    return counted, revenue, sum(1 for r in rows if r["cancelled"])
