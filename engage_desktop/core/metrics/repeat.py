"""Repeat purchases and churn: repeat rate, F2 conversion, dormant customers, cohort retention."""

from __future__ import annotations

import datetime as dt

from engage_desktop.core.metrics.base import counted_orders, facts_with_ltv_sql
from engage_desktop.core.table import Table
from engage_desktop.core.store import Store

F2_WINDOWS = (30, 60, 90, 100)


def repeat_rate(store: Store, as_of: dt.date) -> float:
    """Share of customers (with at least one order) who ordered twice or more."""
    value = store.con.execute(
        f"SELECT avg(CASE WHEN orders >= 2 THEN 1.0 ELSE 0.0 END) FROM ({facts_with_ltv_sql(store, as_of)})"
    ).fetchone()[0]
    return float(value or 0)


def f2_conversion(store: Store, as_of: dt.date) -> Table:
    """Per window N: of the customers whose first order is at least N days old, the share whose
    second order came within N days of the first."""
    day = f"DATE '{as_of.isoformat()}'"
    windows = ", ".join(
        f"count(*) FILTER (WHERE CAST(first_order AS DATE) <= {day} - INTERVAL {d} DAY), "
        f"count(*) FILTER (WHERE CAST(first_order AS DATE) <= {day} - INTERVAL {d} DAY "
        f"AND second_order <= first_order + INTERVAL {d} DAY)"
        for d in F2_WINDOWS
    )
    counts = store.con.execute(f"SELECT {windows} FROM ({facts_with_ltv_sql(store, as_of)})").fetchone()
    rows = []
    for i, days in enumerate(F2_WINDOWS):
        eligible, converted = counts[2 * i], counts[2 * i + 1]
        rows.append((days, eligible, converted, converted / eligible if eligible else None))
    return Table(["days", "eligible", "converted", "rate"], rows)


def dormant(store: Store, as_of: dt.date) -> dict[str, float | int]:
    days = int(store.setting("dormant_days"))
    total, lost = store.con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE days_since_last > {days}) FROM ({facts_with_ltv_sql(store, as_of)})"
    ).fetchone()
    return {"dormant_days": days, "customers": total, "dormant": lost, "churn_rate": lost / total if total else 0.0}


def cohort_retention(store: Store, as_of: dt.date, months: int = 12) -> Table:
    """Rows: first-order month; columns: share of that cohort ordering k months later (k = 0..months-1)."""
    rows = store.con.execute(
        f"""WITH o AS (
                SELECT customer_key, date_trunc('month', ordered_at) AS m
                FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL AND NOT is_refund
            ), c AS (SELECT customer_key, min(m) AS cohort FROM o GROUP BY customer_key),
            activity AS (
                SELECT DISTINCT c.cohort, o.customer_key, date_diff('month', c.cohort, o.m) AS k
                FROM o JOIN c USING (customer_key)
            )
            SELECT strftime(cohort, '%Y-%m') AS cohort, k, count(*) FROM activity WHERE k < {months}
            GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    cohorts: dict[str, dict[int, int]] = {}
    for cohort, k, n in rows:
        cohorts.setdefault(cohort, {})[k] = n
    table_rows = []
    for cohort, counts in cohorts.items():
        size = counts.get(0, 0)
        table_rows.append((cohort, size, *[(counts.get(k, 0) / size if size else None) for k in range(months)]))
    return Table(["cohort", "customers", *[f"m{k}" for k in range(months)]], table_rows)
