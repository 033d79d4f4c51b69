"""What the first rows of a file will become, before anything is written (the import wizard's preview)."""

from __future__ import annotations

import csv
from dataclasses import replace
from typing import Any

from engage_desktop.core.importing.pipeline import ImportOptions, Plan, plan_import, shop_zone_for
from engage_desktop.core.importing.staging import STAGERS, StageContext, drop_temp, scan
from engage_desktop.core.metrics.base import Table
from engage_desktop.core.store import Store

PREVIEW_ROWS = 20

_COLUMNS = {
    "orders": ("SELECT o.order_id, strftime(o.ordered_at, '%Y-%m-%d %H:%M'), o.customer_key, l.product, l.quantity, "
               "l.amount, o.revenue, o.cancelled FROM imp_lines l JOIN imp_orders o USING (order_id) WHERE l.rn = ?",
               ["order_id", "ordered_at", "customer", "product", "quantity", "amount", "order_revenue", "cancelled"]),
    "customers": ("SELECT customer_id, customer_name, email, phone, total_spent, customer_key FROM imp_customers WHERE rn = ?",
                  ["customer_id", "name", "email", "phone", "total_spent", "customer"]),
    "survey": ("SELECT strftime(answered_at, '%Y-%m-%d %H:%M'), email, nps, fan_level, liking, customer_key "
               "FROM imp_answers WHERE rn = ?", ["answered_at", "email", "nps", "fan_level", "liking", "customer"]),
}


def preview(store: Store, plan: Plan, rows: int = PREVIEW_ROWS) -> Table:
    """Stage only the first rows of a planned file and say, per row, what the import would do with it."""
    det = plan.detection
    head = plan.src.head[: det.header_rows + rows]
    small = plan.src.csv_path.with_name("preview.csv")
    with small.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(head)
    src = replace(plan.src, csv_path=small, delimiter=",")
    ctx = StageContext(store.con, src, det, shop_zone_for(store, plan)[0], det.format.channel if det.format else "generic")
    sql, columns = _COLUMNS[det.kind]
    try:
        scan(ctx)
        STAGERS[det.kind](ctx)
        fates: dict[int, tuple[str, str]] = {}
        for rn, reason in store.con.execute("SELECT rn, reason FROM imp_reject WHERE rn IS NOT NULL").fetchall():
            fates[rn] = ("rejected", reason)
        for rn, reason in store.con.execute("SELECT rn, reason FROM imp_skip").fetchall():
            fates[rn] = ("skipped", reason)
        out_rows: list[tuple[Any, ...]] = []
        for rn in ctx.scanned:
            fate, reason = fates.get(rn, ("ok", ""))
            values = store.con.execute(sql, [rn]).fetchone() if fate == "ok" else None
            line = plan.src.record_lines[rn] if plan.src.record_lines else rn + 1  # the header is line 1
            out_rows.append((line, fate, reason, *(values or [None] * len(columns))))
    finally:
        drop_temp(store.con)
    return Table(["line", "fate", "reason", *columns], out_rows)


def plan_and_preview(store: Store, path: str, options: ImportOptions) -> tuple[Plan, Table]:
    plan = plan_import(store, path, options)
    try:
        return plan, preview(store, plan)
    except BaseException:
        plan.close()
        raise
