"""What every metric starts from: the as-of date, the orders that count, customer facts.

Definitions (stated in the report and the UI):
- An order counts when it is not cancelled; refund rows of their own (Square)
  subtract revenue but are not orders.
- Revenue is what the customer paid, net of refunds.
- Only orders on or before the as-of date count; by default the as-of date is
  the day of the last order, so an old export does not make everyone dormant.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from engage_desktop.core.metrics.kept import kept
from engage_desktop.core.store import Store


def has_orders(store: Store) -> bool:
    """Is there anything to show yet: an order of any kind."""
    return bool(store.con.execute("SELECT count(*) > 0 FROM orders").fetchone()[0])


def resolve_as_of(store: Store, as_of: str | dt.date | None) -> dt.date:
    if isinstance(as_of, dt.date):
        return as_of
    if as_of:
        try:
            return dt.date.fromisoformat(as_of)
        except ValueError as exc:
            from engage_desktop.core.errors import EngageError
            from engage_desktop.core.messages import quoted, t

            raise EngageError(t("The as-of date {value} is not a date: write it as YYYY-MM-DD, for example 2026-10-31.",
                                value=quoted(as_of))) from exc
    row = store.con.execute("SELECT CAST(max(ordered_at) AS DATE) FROM orders WHERE NOT cancelled").fetchone()
    return row[0] if row and row[0] else dt.date.today()


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def add_months(day: dt.date, n: int) -> dt.date:
    """The first day of the month ``n`` months after ``day``'s month (before it for a negative ``n``)."""
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, later: dt.date) -> int:
    """How many months from ``first``'s month up to ``later``'s month, not counting it (negative before)."""
    return (later.year - first.year) * 12 + later.month - first.month


def month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of the months from ``first``'s month to ``last``'s, both counted; [] if ``last`` is earlier."""
    return [add_months(first, n) for n in range(months_between(first, last) + 1)]


def last_full_month(as_of: dt.date) -> dt.date:
    """The first day of the latest month that is over by the end of the as-of day."""
    return add_months(as_of + dt.timedelta(days=1), -1)


def counted_orders(as_of: dt.date) -> str:
    """SQL for the orders that count up to the end of the as-of day."""
    return (
        "SELECT * FROM orders WHERE NOT cancelled "
        f"AND ordered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY"
    )


def years_sql(first_order: str, day: str) -> str:
    """SQL: the years LTV divides by, from the first order to ``day`` (both SQL expressions): at
    least one, so a new customer's yearly value is what they have bought so far."""
    return f"greatest(1.0, date_diff('day', CAST({first_order} AS DATE), {day}) / 365.25)"


def customer_facts_sql(as_of: dt.date) -> str:
    """One row per customer who bought: the facts LTV, tiers and the journey are built on.

    LTV = average order value x purchases per year, with years =
    max(1, days from the first order to the as-of date / 365.25), so a new
    customer's yearly value is what they have bought so far. Algebraically that
    is revenue / years; we keep the owner's two factors visible as columns.
    """
    day = f"DATE '{as_of.isoformat()}'"
    return f"""
        SELECT customer_key,
               min(ordered_at) FILTER (WHERE NOT is_refund) AS first_order,
               min(ordered_at, 2) FILTER (WHERE NOT is_refund)[2] AS second_order,  -- F2 (repeat.py)
               max(ordered_at) FILTER (WHERE NOT is_refund) AS last_order,
               count(*) FILTER (WHERE NOT is_refund) AS orders,
               sum(revenue) AS revenue,
               sum(revenue) / nullif(count(*) FILTER (WHERE NOT is_refund), 0) AS aov,
               date_diff('day', CAST(max(ordered_at) FILTER (WHERE NOT is_refund) AS DATE), {day}) AS days_since_last,
               date_diff('day', CAST(min(ordered_at) FILTER (WHERE NOT is_refund) AS DATE), {day}) AS tenure_days,
               {years_sql('min(ordered_at) FILTER (WHERE NOT is_refund)', day)} AS years
        FROM ({counted_orders(as_of)}) o
        WHERE customer_key IS NOT NULL
        GROUP BY customer_key
        HAVING count(*) FILTER (WHERE NOT is_refund) > 0
    """


def facts_with_ltv_sql(store: Store, as_of: dt.date) -> str:
    """The customer facts with the orders a year and the annual LTV: kept for a report (metrics/kept.py)."""
    return kept(store, f"facts {as_of.isoformat()}", lambda: f"""
        SELECT *, orders / years AS orders_per_year, aov * (orders / years) AS ltv
        FROM ({customer_facts_sql(as_of)})
    """)


def purchase_days_sql(store: Store, as_of: dt.date) -> str:
    """SQL: per customer who bought, their days with a purchase (two orders on one day are one visit; a
    day of refunds only is none): how many (``order_days``), the first, second and last, and what they
    spent on them (``spent``; ``first_spent`` on the first day), refunds of those days included. The
    predicted value's summary, the action lists' rhythm and the shop's usual time to a second purchase
    day read it; kept for a report (metrics/kept.py)."""
    return kept(store, f"purchase days {as_of.isoformat()}", lambda: f"""
        WITH days AS (
            SELECT customer_key, CAST(ordered_at AS DATE) AS day, sum(revenue) AS spent
            FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL
            GROUP BY ALL HAVING bool_or(NOT is_refund)
        )
        SELECT customer_key, count(*) AS order_days, min(day) AS first_day, min(day, 2)[2] AS second_day,
               max(day) AS last_day, sum(spent) AS spent, arg_min(spent, day) AS first_spent
        FROM days GROUP BY customer_key""")


def moves_between(store: Store, then: str, now: str, column: str, start: dt.date, end: dt.date,
                  before: str) -> dict[tuple[str, str], tuple[int, Decimal]]:
    """How customers moved between two groupings: ``then`` and ``now`` are SQL of (customer_key, ``column``)
    as of ``start`` and ``end``; per (from, to), how many moved so and what they spent in between (after
    ``start``, up to ``end``). A customer who was in no group at ``start`` (had not bought) comes from
    ``before``. The LTV tiers' and the RFM segments' movement both read it."""
    # What each customer spent in between: the tiers' and the RFM segments' movement ask for the same
    # months in a report, so it is kept (metrics/kept.py).
    spent = kept(store, f"spent {start.isoformat()} {end.isoformat()}", lambda: f"""
        SELECT customer_key, sum(revenue) AS spent FROM ({counted_orders(end)})
        WHERE ordered_at >= DATE '{start.isoformat()}' + INTERVAL 1 DAY GROUP BY 1""")
    rows = store.con.execute(
        f"""SELECT coalesce(a.{column}, ?), b.{column}, count(*), coalesce(sum(o.spent), 0)
            FROM ({now}) b LEFT JOIN ({then}) a USING (customer_key) LEFT JOIN ({spent}) o USING (customer_key)
            GROUP BY ALL""", [before]).fetchall()
    return {(a, b): (n, spent) for a, b, n, spent in rows}
