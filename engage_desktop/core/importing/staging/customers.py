"""Stage a customers export (Shopify customers, WooCommerce customers report): one row per customer."""

from __future__ import annotations

import datetime as dt

from engage_desktop.core.importing import dates, versions
from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.staging.context import StageContext
from engage_desktop.core.importing.staging.people import customer_key, identity_columns
from engage_desktop.core.importing.staging.rows import (
    Check, create_rows, fate, message_sql, money_checks, read_dates, settle_known,
)
from engage_desktop.core.importing.staging.rules import skip_reason_sql
from engage_desktop.core.messages import N_


def stage_customers(ctx: StageContext) -> None:
    con = ctx.con
    select_list = f"""{identity_columns(ctx)},
               {v.clean(ctx.col('gender'))} AS gender,
               {dates.text_sql(ctx.col('birth_date'))} AS birth_text,
               NULL::TIMESTAMP AS birth_at,
               {v.money(ctx.col('total_spent'))} AS total_spent,
               TRY_CAST({v.number(ctx.col('total_orders'))} AS INTEGER) AS total_orders,
               {skip_reason_sql(ctx)} AS skip_reason"""
    checks = money_checks(ctx, ("total_spent",))
    checks.append(Check(
        "email IS NULL AND customer_id IS NULL AND NOT (customer_name IS NOT NULL AND (phone IS NOT NULL OR by_name))",
        "", message_sql(N_("The row names no customer: it needs a customer ID, an e-mail address, or a name with "
                           "a phone number. Fill one of them in and import again.")),
    ))
    create_rows(ctx, select_list, checks, row_hash=True)
    if ctx.has("birth_date"):
        today = dt.datetime.combine(ctx.imported_at.date(), dt.time())
        read_dates(ctx, "birth_date", "birth_text", "birth_at", earliest=dates.EARLIEST_BIRTH, latest=today)
    fate(ctx)
    con.execute(
        f"""CREATE TEMP TABLE imp_customers AS
        SELECT r.* EXCLUDE (birth_text, birth_at), CAST(r.birth_at AS DATE) AS birth_date,
               {customer_key(ctx, 'r.')} AS customer_key,
               coalesce(r.customer_id, r.email, r.row_hash) AS record_id
        FROM imp_rows r"""
    )
    settle_known(ctx, versions.CUSTOMERS, "imp_customers", N_("the same customer appears earlier in the file"))
