"""Each customer's LTV tier over time as spans, not month by month.

A customer's totals (first and last order, orders, revenue) change only in a month with orders. From
one such month to the next (a *span*), their tier at each month end can only fall: the LTV
(revenue / years) shrinks as the years grow, and the days since the last order grow toward dormant.
So within a span each tier holds over one run of months, and where each run starts and ends can be
worked out from the totals: tier i holds while the LTV is still at its minimum, until the first month
end past ``first order + 365.25 x revenue / minimum`` days; dormant from the first month end past
``last order + dormant days``. A month's tier is the first that holds, as ``ltv.tier_case_sql`` says.

This answers "the tier at every month end" for every customer without making the 3.1 million
customer-months of the 1M-line bench shop: one row per span (443,000) with the run of each tier.
The tier history (counts and moves per month) and the journey's step 7 (the first month end in the
top tier) read it; within a report it is kept (metrics/kept.py).

Where a run ends is found exactly: the day count from the formula is checked, and corrected by one
day where floating point put it a day off, with the very expression the facts compute the LTV with
(``ltv.ltv_at_sql``). tests/core/test_tier_spans.py checks every customer-month of random shops
against the tiers asked month by month (``ltv.tiers_by_month_sql``), and the tier history's counts
and moves against those counted in plain Python.

Months are numbered (year x 12 + month - 1) so that runs compare and subtract as integers. Columns:
``customer_id`` (``ltv.customer_id_sql`` of the customer's key: a hash of it, quicker to group),
``m`` (the span's first month), ``n`` (the month after its last: the next span's first, or the month
after the as-of month), ``new`` (no purchase before the span), ``before`` (the tier's place at the end
of the month before the span, None when new), ``now`` (the place at the end of the span's first
month), and per tier place p (1 = the owner's first tier) ``s{p}`` and ``e{p}``: the months [s, e) it
holds within the span (none when s >= e).
"""

from __future__ import annotations

import datetime as dt

from engage_desktop.core.metrics.kept import kept, was_kept
from engage_desktop.core.metrics.ltv import (Tier, customer_id_sql, ltv_at_sql, month_end_facts_sql, per_month_sql,
                                             tier_case_sql, tier_settings, tiers)
from engage_desktop.core.store import Store

# A run that outlasts this many days outlasts the data: the day count is capped so that the first
# order plus it stays a date (DuckDB dates end in the year 5,881,580; 10^6 days is 2,700 years).
LONGEST_RUN_DAYS = 1_000_000


def month_number(value: str) -> str:
    """SQL: a date's month as a number (year x 12 + month - 1)."""
    return f"(year({value}) * 12 + month({value}) - 1)"


def month_of_number(value: str) -> str:
    """SQL: the first day of a numbered month (``month_number``'s inverse)."""
    return f"make_date(CAST(({value}) // 12 AS INTEGER), CAST(({value}) % 12 + 1 AS INTEGER), 1)"


def month_of(number: int) -> dt.date:
    """The first day of a numbered month, in Python."""
    return dt.date(number // 12, number % 12 + 1, 1)


def span_id_sql(store: Store, column: str = "customer_key") -> str:
    """SQL: the spans' ``customer_id`` of a customer key ``column``, to match a span to its customer."""
    return customer_id_sql(store).replace("customer_key", column)


def tier_spans_sql(store: Store, as_of: dt.date, tier_list: list[Tier] | None = None,
                   among: str | None = None) -> str:
    """SQL: one row per customer span with the months each tier holds in it (see the module docstring).
    Everyone's, kept within a report; ``among``: SQL of the customer keys wanted, whose spans alone are
    summed, unless everyone's are kept already (the journey's step 7 asks for those who reached step 6:
    17 of the sample shop's 2,000 customers, so the journey view alone need not sum them all)."""
    tier_list = tier_list or tiers(store)
    key = f"tier spans {as_of.isoformat()} {tier_settings(store)} {tier_list!r}"
    if among is None or was_kept(store, key):
        return kept(store, key, lambda: _spans_sql(store, as_of, tier_list))
    return _spans_sql(store, as_of, tier_list, among)


def _spans_sql(store: Store, as_of: dt.date, tier_list: list[Tier], among: str | None = None) -> str:
    day = f"DATE '{as_of.isoformat()}'"
    wanted = "" if among is None else f"WHERE customer_key IN (SELECT {customer_id_sql(store)} FROM ({among}))"
    dormant_days = int(store.setting("dormant_days"))
    after = month_number(day) + " + 1"  # the month after the as-of month: "never, in the data"
    active = [tier for tier in tier_list if not tier.dormant]
    dormant = next((tier for tier in tier_list if tier.dormant), None)
    first = "CAST(t_first_order AS DATE)"

    def holds(days: str, minimum: float) -> str:
        return f"{ltv_at_sql(days, 't_')} >= {float(minimum)}"

    # Until when (which month) each tier with a minimum holds: tier_case_sql's WHEN clauses, in order.
    untils, day_counts = [], []
    for i, tier in enumerate(active[:-1]):
        minimum = float(tier.min_ltv)
        if minimum == 0:  # the LTV's sign never changes: it holds throughout, or never
            runs = f"CASE WHEN {holds('0', 0)} THEN {after} ELSE m END"
        else:
            # k: the formula's last day; the exact expression decides between k + 1, k and k - 1 (-1:
            # it never holds), and the tier holds until the month of the day after. Asked in the order
            # that settles most spans with two evaluations: k holds and k + 1 does not.
            # (clamped both ways: refunds beyond the purchases over a tiny minimum gave -10^19, past BIGINT;
            # any k below -1 already means "never")
            day_counts.append(f"CAST(greatest(-2, least(floor(365.25 * t_revenue / {minimum}), {LONGEST_RUN_DAYS})) "
                              f"AS BIGINT) AS k{i}")
            last = (f"CASE WHEN NOT ({holds(f'k{i}', minimum)}) THEN "
                    f"(CASE WHEN {holds(f'k{i} - 1', minimum)} THEN k{i} - 1 ELSE -1 END) "
                    f"WHEN {holds(f'k{i} + 1', minimum)} THEN k{i} + 1 ELSE k{i} END")
            ends = f"{first} + CAST(({last}) + 1 AS INTEGER)"
            runs = f"CASE WHEN {ends} > {day} THEN {after} ELSE greatest(m, {month_number(ends)}) END"
        untils.append(f"CASE WHEN t_orders < {int(tier.min_orders)} THEN m ELSE {runs} END AS u{i}")
    if dormant is not None:
        asleep = f"CAST(t_last_order AS DATE) + {dormant_days + 1}"
        untils.append(f"CASE WHEN {asleep} > {day} THEN n ELSE least(n, greatest(m, {month_number(asleep)})) END AS d")
    else:
        untils.append("n AS d")

    # Each tier's run: the first that holds, as tier_case_sql decides (the dormant one first).
    runs, now = [], []
    for i, tier in enumerate(active):
        place = tier_list.index(tier) + 1
        start = f"greatest(m, {', '.join(f'u{j}' for j in range(i))})" if i else "m"
        end = f"least(u{i}, d)" if i < len(active) - 1 else "d"
        runs.append(f"{start} AS s{place}, {end} AS e{place}")
        now.append(f"WHEN s{place} = m AND s{place} < e{place} THEN {place}")
    if dormant is not None:
        place = tier_list.index(dormant) + 1
        runs.append(f"d AS s{place}, n AS e{place}")
        now.append(f"WHEN s{place} = m AND s{place} < e{place} THEN {place}")

    return f"""
        WITH per_month AS (SELECT * FROM ({per_month_sql(as_of, key=customer_id_sql(store))}) {wanted}),
        spans AS (
            -- A customer's totals up to each month with orders (t_), and up to the one before (p_)
            SELECT customer_key, month, lead(month) OVER w AS next_month,
                   min(first_order) OVER r AS t_first_order, max(last_order) OVER r AS t_last_order,
                   sum(orders) OVER r AS t_orders, sum(revenue) OVER r AS t_revenue,
                   sum(orders) OVER r - orders AS p_orders, sum(revenue) OVER r - revenue AS p_revenue,
                   max(last_order) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS p_last_order
            FROM per_month WINDOW w AS (PARTITION BY customer_key ORDER BY month), r AS (w ROWS UNBOUNDED PRECEDING)
        ),
        before AS (
            -- the place at the end of the month before the span, from the totals before it (none: new)
            SELECT * EXCLUDE (orders, days_since_last, ltv),
                   CASE WHEN orders > 0 THEN {tier_case_sql(tier_list, dormant_days, place=True)} END AS before
            FROM (SELECT *, {month_end_facts_sql("month - 1", "p_")}
                  FROM (SELECT *, t_first_order AS p_first_order,
                               {month_number("month")} AS m, coalesce({month_number("next_month")}, {after}) AS n
                        FROM spans WHERE t_orders > 0))
        ),
        counted AS (SELECT *{"".join(", " + c for c in day_counts)} FROM before),
        bounds AS (SELECT customer_key, m, n, p_orders = 0 AS new, before, {", ".join(untils)} FROM counted),
        ran AS (SELECT customer_key, m, n, new, before, {", ".join(runs)} FROM bounds)
        SELECT * EXCLUDE (customer_key), customer_key AS customer_id, CASE {" ".join(now)} END AS now FROM ran"""
