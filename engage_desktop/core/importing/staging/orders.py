"""Stage an orders export: rows become lines, lines group into orders, each order whole or not at all.

Refunds: an order whose own net total is below zero is a refund (a return, a credit
note), and so is a row the format marks as one (Square's ``Event Type`` Refund). A
negative line inside an order whose total is positive is a discount or an adjustment,
not a refund of the order.

Exports without an order number: the rows of one customer at one time are one order;
a row that names no customer is a purchase of its own. Identical rows are separate
lines or purchases, never dropped; they are told apart from an earlier import of the
same file by their content and their occurrence (the 2nd identical row matches only
a 2nd identical row).
"""

from __future__ import annotations

import duckdb

from engage_desktop.core.importing import dates, versions
from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.fields import SHIP_DATES, field_label
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.formats import GENERIC_CANCEL
from engage_desktop.core.importing.staging.context import StageContext
from engage_desktop.core.importing.staging.lines import line_of, map_lines
from engage_desktop.core.importing.staging.people import RAW_IDENTITY, customer_key, raw_identity_columns
from engage_desktop.core.importing.staging.rows import (
    ALREADY_IN_SHOP, Check, create_rows, fate, live, message_sql, money_checks, read_dates, shown,
)
from engage_desktop.core.importing.staging.rules import all_rules, any_rule, skip_reason_sql
from engage_desktop.core.messages import N_, listing, t

MONEY_FIELDS = ("unit_price", "amount", "order_total", "shipping", "discount", "refund")
# quantity x price, widened first: 999,999,999,999 x ¥99,999,999 overflowed DECIMAL(18) and refused the whole
# file with DuckDB's error; now the product is NULL past DECIMAL(18, 2), and such a row a reject of its own.
PRODUCT = "TRY_CAST(CAST(quantity AS DECIMAL(38, 3)) * unit_price AS DECIMAL(18, 2))"
LINE_AMOUNT = f"coalesce(amount, {PRODUCT}, unit_price)"
# A skip reason the stager also compares in SQL: said in the language of the staging, at both places.
OPTION_ROW = N_("option row, folded into the item above")
NO_ORDER_NUMBERS = N_("This file has no order numbers: the rows of one customer at one time were taken as one "
                      "order, and each row without a customer as a purchase of its own.")


def stage_orders(ctx: StageContext) -> None:
    fmt = ctx.det.format
    sentinels = fmt.money_sentinels if fmt else ()
    money = {f: v.money(ctx.col(f), sentinels) for f in MONEY_FIELDS}
    skip = skip_reason_sql(ctx)
    if fmt and fmt.option_row:
        skip = f"CASE WHEN {all_rules(ctx, fmt.option_row)} THEN {v.quote(t(OPTION_ROW))} ELSE {skip} END"
    select_list = f"""
            {v.identifier(ctx.col('order_id'))} AS order_id_text,
            {dates.text_sql(ctx.col('order_date'))} AS date_text,
            {dates.text_sql(ctx.col('order_time'))} AS time_text,
            NULL::TIMESTAMP AS ordered_at,
            {dates.text_sql(ctx.col('updated_at'))} AS updated_text,
            NULL::TIMESTAMP AS updated_at,
            {v.clean(ctx.col('product'))} AS product,
            {v.clean(ctx.col('sku'))} AS sku,
            {v.number(ctx.col('quantity'))} AS quantity,
            {money['unit_price']} AS unit_price,
            {money['amount']} AS amount,
            {money['order_total']} AS order_total,
            {money['shipping']} AS shipping,
            {money['discount']} AS discount,
            abs({money['refund']}) AS refund,
            {v.clean(ctx.col('status'))} AS status,
            upper({v.clean(ctx.col('currency'))}) AS currency_text,
            {any_rule(ctx, fmt.cancel_when if fmt else GENERIC_CANCEL)} AS cancel_flag,
            {any_rule(ctx, fmt.refund_when) if fmt else 'FALSE'} AS refund_row,
            {skip} AS skip_reason,
            {raw_identity_columns(ctx)}"""
    checks = []
    if ctx.has("order_id"):
        column = ctx.header("order_id")
        checks.append(Check("order_id_text IS NULL", column, message_sql(
            N_("{column} is empty: the row has no order number. Fill in the order number in the file and import "
               "again."), column=column)))
    checks += money_checks(ctx, MONEY_FIELDS)
    if ctx.has("quantity"):
        q, column = v.clean(ctx.col("quantity")), ctx.header("quantity")
        checks.append(Check(f"quantity IS NULL AND {q} IS NOT NULL", column, message_sql(
            N_("{column}: {value} is not a quantity. Write it as a number (such as 2) in the file and import again."),
            {"value": shown(q)}, column=column)))
    if ctx.has("quantity") and ctx.has("unit_price") and not ctx.has("amount"):
        quantity, price = ctx.header("quantity"), ctx.header("unit_price")
        checks.append(Check(f"quantity IS NOT NULL AND unit_price IS NOT NULL AND {PRODUCT} IS NULL",
                            f"{quantity}, {price}", message_sql(
            N_("{quantity} × {price} is more than an amount can hold (16 digits). Correct the quantity or the price "
               "in the file and import again."), quantity=quantity, price=price)))
    if ctx.has("order_time"):
        column = ctx.header("order_time")
        checks.append(Check(f"time_text IS NOT NULL AND {v.time_of_day('time_text')} IS NULL", column, message_sql(
            N_("{column}: {value} is not a time of day. Write it like 09:30:05 or 093005 in the file and import "
               "again."), {"value": shown("time_text")}, column=column)))
    create_rows(ctx, select_list, checks, row_hash=not ctx.has("order_id"))
    naive_zone = fmt.naive_time_zone if fmt else None
    read_dates(ctx, "order_date", "date_text", "ordered_at", naive_zone=naive_zone,
               time_text="time_text" if ctx.has("order_time") else None)
    if ctx.has("updated_at"):
        read_dates(ctx, "updated_at", "updated_text", "updated_at", naive_zone=naive_zone)
    if not ctx.has("order_id"):
        _number_orders(ctx)
    if ctx.has("currency"):
        ctx.currencies = [r[0] for r in ctx.con.execute(
            # a cancelled row's currency is no sale's: a declined AUD payment made a Stripe file "mixed"
            f"""SELECT DISTINCT currency_text FROM imp_rows
                WHERE {live()} AND currency_text IS NOT NULL AND NOT coalesce(cancel_flag, FALSE) ORDER BY 1""").fetchall()]
    _fold_options(ctx)
    if ctx.has("order_id") and ctx.has("order_date") and header_key(ctx.header("order_date")) not in SHIP_DATE_KEYS:
        _reject_numbers_of_two_sales(ctx)
    _reject_incomplete_orders(ctx)
    _build_orders(ctx)
    _classify(ctx)
    fate(ctx)


def _number_orders(ctx: StageContext) -> None:
    """Order ids for an export without order numbers (see the module's docstring)."""
    ctx.notes.append(t(NO_ORDER_NUMBERS))
    named = " OR ".join(f"{c} IS NOT NULL" for c in RAW_IDENTITY)
    who_and_when = "concat_ws(chr(31), " + ", ".join(f"coalesce({c}, '')" for c in (*RAW_IDENTITY, "date_text", "time_text")) + ")"
    ctx.con.execute(
        f"""UPDATE imp_rows SET order_id_text = k.id FROM (
            SELECT rn, CASE WHEN {named} THEN 'c:' || md5({who_and_when})
                            ELSE 'r:' || row_hash || '#' || row_number() OVER (PARTITION BY row_hash ORDER BY rn) END AS id
            FROM imp_rows) k
        WHERE imp_rows.rn = k.rn"""
    )


def _fold_options(ctx: StageContext) -> None:
    fmt = ctx.det.format
    if not (fmt and fmt.option_row):
        return
    # Option rows are skipped; their text is appended to the nearest item row above them.
    option = v.quote(t(OPTION_ROW))  # as stage_orders said it
    ctx.con.execute(
        f"""UPDATE imp_rows SET product = imp_rows.product || ' ' || o.options
        FROM (
            SELECT parent, string_agg(product, ' ' ORDER BY rn) AS options FROM (
                SELECT r.rn, r.product,
                       (SELECT max(p.rn) FROM imp_rows p
                        WHERE p.rn < r.rn AND p.skip_reason IS DISTINCT FROM {option}) AS parent
                FROM imp_rows r WHERE r.skip_reason = {option} AND r.product IS NOT NULL
            ) GROUP BY parent
        ) o WHERE imp_rows.rn = o.parent"""
    )


def _reject_numbers_of_two_sales(ctx: StageContext) -> None:
    """Rows of one order number at two times (another day, another hour) are two sales: their rows were
    grouped into one order with either time and a mix of both, which changed from run to run. The rows
    away from the number's first row are rejected, and with them the order (imported whole or not at all)."""
    map_lines(ctx)  # the message names a line
    con, column = ctx.con, ctx.header("order_id")
    first = "f.first_at"
    con.execute(
        f"""UPDATE imp_rows SET reject_column = {v.quote(column)}, reject_reason = {message_sql(
                TWO_SALES, {"order": shown("imp_rows.order_id_text"), "line": "f.line",
                            "date": dates.date_text_sql(first)}, column=column)}
        FROM (SELECT order_id_text, first_at, {line_of('first_rn')} AS line FROM (
                  SELECT order_id_text, arg_min(ordered_at, rn) AS first_at, min(rn) AS first_rn
                  FROM imp_rows WHERE {live()} AND ordered_at IS NOT NULL
                  GROUP BY order_id_text HAVING min(ordered_at) <> max(ordered_at))) f
        WHERE imp_rows.order_id_text = f.order_id_text AND {live('imp_rows')} AND imp_rows.ordered_at IS NOT NULL
          AND NOT {versions.same_sale_time_sql('imp_rows.ordered_at', first)}""")


def _reject_incomplete_orders(ctx: StageContext) -> None:
    """An order is imported whole or not at all: one bad row rejects its other rows too, and
    an order with no date or no amount on any row is rejected. Marked in imp_rows, so that
    ``fate`` moves every rejected row out with its text in one pass."""
    con = ctx.con
    map_lines(ctx)  # the message below names a line
    con.execute(
        f"""UPDATE imp_rows SET reject_column = NULL,
               reject_reason = {message_sql(ANOTHER_ROW, {'line': 'bad.line'})}
        FROM (SELECT order_id_text, {line_of('first_rn')} AS line FROM (
                  SELECT order_id_text, min(rn) AS first_rn FROM imp_rows
                  WHERE skip_reason IS NULL AND reject_reason IS NOT NULL AND order_id_text IS NOT NULL GROUP BY 1)) bad
        WHERE imp_rows.order_id_text = bad.order_id_text AND {live('imp_rows')}"""
    )
    # Only orders with a row lacking a date or an amount can lack them altogether:
    # a million-line file usually has none, and the grouping is skipped.
    no_amount = f"order_total IS NULL AND {LINE_AMOUNT} IS NULL"
    amounts = listing([ctx.header(f) for f in ("order_total", "amount", "unit_price") if ctx.has(f)]) \
        or field_label("order_total")
    date_column = ctx.header("order_date") if ctx.has("order_date") else field_label("order_date")
    con.execute(
        f"""UPDATE imp_rows SET reject_column = NULL, reject_reason = bad.reason
        FROM (
            SELECT order_id_text, CASE
                WHEN count(ordered_at) = 0 THEN {message_sql(NO_DATE, column=date_column)}
                -- a cancelled order needs no amount (Amazon.in leaves it blank): it counts for nothing
                WHEN count(order_total) = 0 AND count({LINE_AMOUNT}) = 0
                     AND NOT bool_or(cancel_flag) THEN {message_sql(NO_AMOUNT, columns=amounts)}
            END AS reason
            FROM imp_rows
            WHERE {live()} AND order_id_text IN (
                SELECT order_id_text FROM imp_rows WHERE {live()} AND (ordered_at IS NULL OR ({no_amount})))
            GROUP BY order_id_text
        ) bad
        WHERE imp_rows.order_id_text = bad.order_id_text AND bad.reason IS NOT NULL
          AND {live('imp_rows')}"""
    )


SHIP_DATE_KEYS = frozenset(header_key(h) for h in SHIP_DATES)

ANOTHER_ROW = N_("Another row of this order (line {line}) was rejected, and an order is imported whole or not at "
                 "all. Correct that row and import again.")
TWO_SALES = N_("{column} {order} is also on line {line}, at another time ({date}): one number cannot be two sales. "
               "If the numbers start again (each day, or on each till), import each day's or each till's file as its "
               "own source.")
NO_DATE = N_("The order has no date on any of its rows ({column}). Fill in the date in the file and import again.")
NO_AMOUNT = N_("The order has no amount on any of its rows ({columns}). Fill in the amount in the file and import "
               "again.")
COLLISION = N_("Order {order} is already in the shop from another sale ({date}{customer}). If this file comes from "
               "another shop or till, import it as its own source: give it a new name under Source in the import "
               "window (--source on the command line).")

VERSION_COLUMNS = ("id VARCHAR, staged_hash VARCHAR, shop_import INTEGER, shop_hash VARCHAR, shop_at TIMESTAMP, "
                   "shop_customer VARCHAR, fate VARCHAR")


def _classify(ctx: StageContext) -> None:
    """Orders the shop already has from this source: the same (rows skipped), a newer state (kept),
    or another sale with the same number (rows rejected). See versions.py."""
    con = ctx.con
    # The shop's orders of this source are the small side: look them up in the file's rows (a
    # DISTINCT over 15 million staged rows first ran out of memory), and not at all on a first import.
    known = con.execute("SELECT count(*) > 0 FROM orders WHERE source = ?", [ctx.source]).fetchone()[0] and \
        con.execute(f"""SELECT count(*) > 0 FROM imp_rows r WHERE {live('r')} AND r.order_id_text IN (
                            SELECT order_id FROM orders WHERE source = ?)""", [ctx.source]).fetchone()[0]
    if not known:  # a new export, or a first import: nothing to compare (the million-line case)
        con.execute(f"CREATE OR REPLACE TEMP TABLE imp_versions ({VERSION_COLUMNS})")
        return
    con.execute(versions.classify_sql(versions.ORDERS, "imp_orders", ctx.source, "imp_lines"))
    column = ctx.header("order_id") if ctx.has("order_id") else ""
    customer = f"coalesce({v.quote(listing(['', '']))} || v.shop_customer, '')"  # ", 山田 花子" / "、山田 花子"
    collision = message_sql(COLLISION, {"order": shown("v.id"), "date": dates.date_text_sql("v.shop_at"),
                                        "customer": customer})
    con.execute(
        f"""UPDATE imp_rows SET skip_reason = {message_sql(ALREADY_IN_SHOP, {'number': 'v.shop_import'})}
            FROM imp_versions v WHERE v.fate = 'same' AND imp_rows.order_id_text = v.id AND {live('imp_rows')}""")
    con.execute(
        f"""UPDATE imp_rows SET reject_column = {v.quote(column)}, reject_reason = {collision}
            FROM imp_versions v WHERE v.fate = 'collision' AND imp_rows.order_id_text = v.id AND {live('imp_rows')}""")


def _first(col: str) -> str:
    """An order-level value: exports write it on every row of the order, or on the first one
    only (Shopify), so any non-NULL value of the group is the value (and cheaper than arg_min)."""
    return f"any_value({col})"


# The order-level texts, normalised once per order.
ORDER_TEXTS = (*RAW_IDENTITY, "status")


def _texts_on_every_row_or_none(con: duckdb.DuckDBPyConnection) -> bool:
    """True when each order-level text is on every row or on none (most exports repeat them):
    then an order's first row has every text any of its rows has."""
    test = " AND ".join(f"count({t}) IN (0, count(*))" for t in ORDER_TEXTS)
    return bool(con.execute(f"SELECT {test} FROM imp_rows").fetchone()[0])


def _build_orders(ctx: StageContext) -> None:
    fmt = ctx.det.format
    per_line = set(fmt.summed_per_line) if fmt else set()
    shipping = "sum(shipping)" if "shipping" in per_line else _first("shipping")
    discount = "sum(abs(discount))" if "discount" in per_line else f"abs({_first('discount')})"
    con = ctx.con
    if _texts_on_every_row_or_none(con):
        # Take the texts from each order's first row: copying six strings per order into
        # the grouping was half the cost of writing 570k orders.
        texts_in_group = "min(rn) AS first_rn"
        texts_joined = ("SELECT totals.* EXCLUDE (first_rn), " + ", ".join(f"f.{t}" for t in ORDER_TEXTS)
                        + " FROM totals JOIN imp_rows f ON f.rn = totals.first_rn")
    else:
        texts_in_group = ", ".join(f"{_first(t)} AS {t}" for t in ORDER_TEXTS)
        texts_joined = "SELECT * FROM totals"
    con.execute(
        f"""CREATE TEMP VIEW imp_orders AS
        WITH totals AS (
            SELECT order_id_text AS order_id, {texts_in_group},
                   -- the earliest: every row of an order has its time, but a 3PL's ship dates differ by line,
                   -- and any one of them made the same file read twice give two times
                   min(ordered_at) AS ordered_at, {_first('updated_at')} AS updated_at,
                   {_first('order_total')} AS total, {shipping} AS shipping, {discount} AS discount,
                   coalesce({_first('refund')}, 0) AS refunded,
                   sum({LINE_AMOUNT}) AS lines_amount,
                   bool_or(cancel_flag) AS cancelled, bool_or(refund_row) AS refund_marked
            FROM imp_rows WHERE {live()} GROUP BY order_id_text
        ), o AS ({texts_joined}), normalised AS (
            -- Identity is normalised once per order, not once per line.
            SELECT * EXCLUDE (email_raw, phone_raw, name_raw, name_parts_raw, customer_id_raw),
                   {v.email('email_raw')} AS email, {v.phone('phone_raw')} AS phone,
                   coalesce({v.person_name('name_raw')}, {v.person_name('name_parts_raw')}) AS customer_name,
                   {v.identifier('customer_id_raw')} AS customer_id,
                   coalesce(total, lines_amount + coalesce(shipping, 0) - coalesce(discount, 0), 0) AS gross
            FROM o
        ), judged AS (
            -- A refund is an order marked as one, or one whose own net total is below zero.
            SELECT * EXCLUDE (refund_marked), refund_marked OR gross < 0 AS is_refund FROM normalised
        )
        SELECT * EXCLUDE (gross), {customer_key(ctx)} AS customer_key,
               CAST(CASE WHEN is_refund THEN -abs(gross) ELSE gross - refunded END AS DECIMAL(18, 2)) AS revenue
        FROM judged"""
    )
    # A row with no item on it (Airレジ's totals row before the item rows) is part of its order, not a line.
    con.execute(
        f"""CREATE TEMP VIEW imp_lines AS
        SELECT order_id_text AS order_id, CAST(row_number() OVER (PARTITION BY order_id_text ORDER BY rn) AS INTEGER) AS line_no,
               product, sku, quantity, unit_price, {LINE_AMOUNT} AS amount, rn
        FROM imp_rows
        WHERE (product IS NOT NULL OR sku IS NOT NULL OR quantity IS NOT NULL OR unit_price IS NOT NULL OR amount IS NOT NULL)
          AND skip_reason IS NULL AND reject_reason IS NULL"""
    )
