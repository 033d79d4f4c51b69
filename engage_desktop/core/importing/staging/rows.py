"""Rows of one file and their fate: read once, checked, and each ends in exactly one place.

Every data row ends in exactly one of three places, which is what makes the
accounting identity (read = imported + rejected + skipped) hold:
- ``imp_reject``: could not be read, one row each, with every reason it failed;
- ``imp_skip``: deliberately not imported (already in the shop, not a sale,
  an option row folded into its item, an empty row), with the reason;
- the rows that will be written (the views ``imp_orders``/``imp_lines``, ``imp_customers``,
  ``imp_answers``).
Nothing here touches the shop's own tables: staging can be thrown away.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb

from engage_desktop.core.importing import dates, versions
from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.staging.context import (
    StageContext, drop_temp, open_source, present_columns_sql, source_sql,
)
from engage_desktop.core.importing.staging.lines import line_of, map_lines
from engage_desktop.core.messages import N_, date_text, quoted, t
from engage_desktop.core.sql import text_template


@dataclass(frozen=True)
class Check:
    """A reason to reject a row: ``condition`` (SQL, TRUE = bad), the column as the file names it,
    and ``reason`` (a SQL text expression, so that it can quote the cell it could not read).
    Put the cheap test first in a condition (``amount IS NULL AND …``): DuckDB evaluates the
    rest only for the rows it selects."""

    condition: str
    column: str
    reason: str


def shown(value: str) -> str:
    """SQL text: a cell as a message quotes it, in the language's quote marks (「…」 / "…"), long
    values cut at 40 characters."""
    opening, closing = quoted("\0").split("\0")
    cut = f"CASE WHEN length({value}) > 40 THEN left({value}, 40) || '…' ELSE {value} END"
    return f"({v.quote(opening)} || {cut} || {v.quote(closing)})"


def message_sql(msgid: str, sql: dict[str, str] | None = None, **values: object) -> str:
    """A message of the catalogue, in the current language, as a SQL text expression: ``sql`` fills
    its fields from SQL expressions (the cell it could not read), ``values`` from Python values."""
    return text_template(t(msgid), **{name: v.quote(str(value)) for name, value in values.items()}, **(sql or {}))


def scan(ctx: StageContext) -> None:
    """Get ready to read the file's rows (``source_sql``): the fate tables, and ``imp_raw`` for the
    rare rows that need their text (rejects). The rows themselves are read by the stager, in one
    pass that parses and normalises them (``create_rows``)."""
    con = ctx.con
    drop_temp(con)
    con.execute("CREATE TEMP TABLE imp_reject (rn BIGINT, line BIGINT, column_name VARCHAR, reason VARCHAR, original_text VARCHAR)")
    con.execute("CREATE TEMP TABLE imp_skip (rn BIGINT, reason VARCHAR)")
    con.execute("CREATE TEMP TABLE imp_line_shifts (from_rn BIGINT, shift BIGINT)")
    open_source(ctx)  # a workbook's arrays (and its lines): after the tables it fills
    extra_header_rows = ctx.det.header_rows - 1
    # A view, not a table: it re-reads the file, and is only read when some row is rejected.
    # The same rows as the main read (both leave out the rows the CSV reader refuses),
    # numbered the same way.
    con.execute(
        f"""CREATE TEMP VIEW imp_raw AS SELECT * FROM (
            SELECT row_number() OVER () AS rn, * FROM {source_sql(ctx, store_rejects=False)}
        ) WHERE rn > {extra_header_rows}"""
    )


def _scanned(ctx: StageContext) -> None:
    """After the read: number the rows, drop extra header rows, record the rows the reader refused."""
    con = ctx.con
    if ctx.rows_numbered_by == "rowid":
        con.execute("ALTER TABLE imp_rows ADD COLUMN rn BIGINT")
        con.execute("UPDATE imp_rows SET rn = rowid + 1")
    ctx.data_records = con.execute("SELECT count(*) FROM imp_rows").fetchone()[0]
    extra_header_rows = ctx.det.header_rows - 1
    if extra_header_rows:
        con.execute(f"DELETE FROM imp_rows WHERE rn <= {extra_header_rows}")
    first, last = con.execute("SELECT min(rn), max(rn) FROM imp_rows").fetchone()
    ctx.scanned = range(first, last + 1) if first is not None else range(0)
    # The reader lists a short row once per missing column: one reject per line, with its first error.
    headers = "[" + ", ".join(v.quote(h) for h in ctx.src.headers) + "]"
    number = message_sql(N_("column {number}"), {"number": "min(column_idx)"})
    # The column as the file names it (the reader names it c0, c1…), else its number (a column past the header's).
    index = "TRY_CAST(substr(arg_min(column_name, column_idx), 2) AS INTEGER) + 1"
    column = f"coalesce(list_extract({headers}, {index}), {number})"
    said = "lower(error_type) || ': ' || error_message"  # DuckDB's words, for an error we did not foresee
    error = ("CASE error_type " + " ".join(f"WHEN {v.quote(kind)} THEN {message_sql(text)}" for kind, text in _SCAN_ERRORS.items())
             + f" ELSE {message_sql(_SCAN_ERROR, {'error': said})} END")
    con.execute(
        f"""INSERT INTO imp_reject
        SELECT NULL, line, CASE WHEN min(column_idx) > 0 THEN {column} END,
               arg_min({error}, column_idx), trim(any_value(csv_line), chr(13) || chr(10))
        FROM imp_scan_errors GROUP BY line"""
    )


# Rows the CSV reader refused: what is wrong, and what to do.
_SCAN_ERRORS = {
    "MISSING COLUMNS": N_("The row has fewer columns than the header row (cut short, or split by a line break "
                          "inside a value). Correct the row in the file and import again."),
    "TOO MANY COLUMNS": N_("The row has more columns than the header row (a comma inside a value without quote "
                           "marks?). Correct the row in the file and import again."),
    "UNQUOTED VALUE": N_("The row has a stray quote mark inside a value. Correct the row in the file and import "
                         "again."),
}
_SCAN_ERROR = N_("The row cannot be read as CSV ({error}). Correct the row in the file and import again.")


def row_text(ctx: StageContext) -> str:
    return "concat_ws(" + v.quote(ctx.src.delimiter) + ", " + ", ".join(f"coalesce(c{i}, '')" for i in range(ctx.width)) + ")"


def _reasons(checks: list[Check]) -> tuple[str, str, str]:
    """(any check fails, every failing reason, their columns) as SQL."""
    if not checks:
        return "FALSE", "NULL::VARCHAR", "NULL::VARCHAR"
    failing = " OR ".join(f"({c.condition})" for c in checks)
    reasons = "concat_ws('; ', " + ", ".join(f"CASE WHEN {c.condition} THEN {c.reason} END" for c in checks) + ")"
    columns = ("nullif(concat_ws(', ', " + ", ".join(
        f"CASE WHEN {c.condition} THEN {v.quote(c.column)} END" for c in checks) + "), '')")
    return failing, reasons, columns


def create_rows(ctx: StageContext, select_list: str, checks: list[Check], row_hash: bool = False,
                check_only: tuple[str, ...] = ()) -> None:
    """imp_rows: read the file and derive every row's columns and its reject reasons (if any),
    in one pass: the raw text is never stored (a 1M-line file's text would take most of
    the memory limit). Checks may use both the raw columns (c0..cN) and the derived ones;
    ``check_only`` derived columns are not stored. ``row_hash``: an md5 of the row's text,
    for exports without a natural id. A row that fails several checks is one reject with
    every reason.

    A row's number (``rn``) is its place among the file's rows: what rejects point at, what
    "the row above" means (option rows, Airレジ's item rows). Where DuckDB's plan inserts in
    file order (a batch insert), the table's rowid is that place. A join in the read makes the
    insert parallel and unordered: on a busy computer a block of rows landed out of place and
    rejects pointed at other lines. DuckDB plans an IN list of a few values or more (and
    list_contains) as a join, so that rewrite is off for this statement; should a plan still
    not be a batch insert, the rows are numbered in the read by row_number() OVER () instead
    (right, but one thread: +2.9 s at 1M lines). Keep imp_rows narrow: with both threads the
    rows in flight must fit the memory limit.
    """
    failing, reasons, columns = _reasons(checks)
    raw_columns = ", ".join([*(f"c{i}" for i in range(ctx.width)), *check_only])
    hashed = f", md5({row_text(ctx)}) AS row_hash" if row_hash else ""

    def create(numbering: str) -> str:
        return f"""CREATE TEMP TABLE imp_rows AS
        SELECT {numbering}* EXCLUDE ({raw_columns}),
               CASE WHEN skip_reason IS NULL AND ({failing}) THEN {reasons} END AS reject_reason,
               CASE WHEN skip_reason IS NULL AND ({failing}) THEN {columns} END AS reject_column
        FROM (SELECT *, {select_list}{hashed} FROM {present_columns_sql(ctx)})"""

    ctx.con.execute("SET disabled_optimizers = 'in_clause'")  # see above
    try:
        # A few rows (the preview) are numbered in the read: asking the plan costs more than that (0.2 s).
        in_file_order = not ctx.few_rows and keeps_file_order(ctx.con, create(""))
        ctx.rows_numbered_by = "rowid" if in_file_order else "row_number"
        ctx.con.execute(create("" if in_file_order else "row_number() OVER () AS rn, "))
    finally:
        ctx.con.execute("RESET disabled_optimizers")
    _scanned(ctx)


def keeps_file_order(con: duckdb.DuckDBPyConnection, create_table: str) -> bool:
    """DuckDB's plan for ``create_table`` (a CREATE TABLE … AS) inserts the rows in the order it
    reads them: a batch insert. Asked of the plan, not assumed (a few ms)."""
    plan = json.loads(con.execute("EXPLAIN (FORMAT json) " + create_table).fetchall()[0][1])
    return plan[0]["name"] == "BATCH_CREATE_TABLE_AS"


def add_reject(ctx: StageContext, check: Check) -> None:
    """Reject the live rows that fail ``check`` (on imp_rows' columns), adding to their reasons."""
    ctx.con.execute(
        f"""UPDATE imp_rows SET reject_reason = concat_ws('; ', reject_reason, {check.reason}),
                                reject_column = concat_ws(', ', reject_column, {v.quote(check.column)})
            WHERE skip_reason IS NULL AND ({check.condition})"""
    )


def read_dates(ctx: StageContext, fld: str, text: str, target: str, *, earliest: dt.date = dates.EARLIEST,
               latest: dt.datetime | None = None, naive_zone: str | None = None, time_text: str | None = None) -> None:
    """Fill ``target`` (TIMESTAMP) of imp_rows from the date text column ``text``, read with the one
    layout decided from all of its values (``dates.decide``); a cell that layout cannot read, or
    that lands outside [earliest, latest], is a reject quoting the cell. ``time_text``: a separate
    time-of-day column (Rakuten 注文時間, MakeShop hhmmss)."""
    con = ctx.con
    latest = latest or ctx.imported_at + dt.timedelta(days=1)
    profile = dates.profile_from_rows(con.execute(dates.profile_sql(text, "imp_rows", "skip_reason IS NULL")).fetchall())
    reading = dates.decide(profile, earliest, latest.date(), chosen=ctx.date_layout)
    ctx.readings[fld] = reading
    parsed = dates.parse_sql(text, reading, ctx.shop_zone, naive_zone)
    if time_text is not None:
        parsed = f"(CAST({parsed} AS DATE) + coalesce({v.time_of_day(time_text)}, TIME '00:00:00'))"
    con.execute(f"UPDATE imp_rows SET {target} = {parsed} WHERE {text} IS NOT NULL")
    column = ctx.header(fld)
    add_reject(ctx, Check(f"{target} IS NULL AND {text} IS NOT NULL", column, message_sql(
        N_("{column}: {value} is not a date. This file's dates are written like {examples}. Correct the date in "
           "the file, or choose how its dates are written, and import again."),
        {"value": shown(text)}, column=column, examples=dates.examples(reading.layout))))
    add_reject(ctx, Check(
        f"{target} IS NOT NULL AND NOT {dates.plausible_sql(target, earliest, latest)}", column, message_sql(
            N_("{column}: {value} reads as {date}, outside {earliest} – {latest}. Check how the dates are written "
               "(day and month the other way?), or correct the date in the file, and import again."),
            {"value": shown(text), "date": dates.date_text_sql(target)}, column=column,
            earliest=date_text(earliest), latest=date_text(latest))))


def fate(ctx: StageContext) -> None:
    """Move rejected and skipped rows of imp_rows out into imp_reject / imp_skip."""
    con = ctx.con
    con.execute("INSERT INTO imp_skip SELECT rn, skip_reason FROM imp_rows WHERE skip_reason IS NOT NULL")
    map_lines(ctx)
    rejected = con.execute("SELECT count(*) FROM imp_rows WHERE skip_reason IS NULL AND reject_reason IS NOT NULL").fetchone()[0]
    if rejected:  # only then read the file again for the rows' text
        con.execute(
            # LEFT JOIN: where the re-read disagrees with the first read on a damaged file, the row
            # is still rejected (and counted), only without its text.
            f"""INSERT INTO imp_reject SELECT rn, {line_of()}, r.reject_column, r.reject_reason,
                   CASE WHEN imp_raw.rn IS NOT NULL THEN {row_text(ctx)} END
            FROM imp_rows r LEFT JOIN imp_raw USING (rn) WHERE r.skip_reason IS NULL AND r.reject_reason IS NOT NULL"""
        )
        con.execute("DELETE FROM imp_rows WHERE reject_reason IS NOT NULL")
    con.execute("DELETE FROM imp_rows WHERE skip_reason IS NOT NULL")


ALREADY_IN_SHOP = N_("already in the shop (import #{number})")


def live(table: str = "") -> str:
    """SQL: the row is neither skipped nor rejected (yet)."""
    prefix = f"{table}." if table else ""
    return f"{prefix}skip_reason IS NULL AND {prefix}reject_reason IS NULL"


def money_checks(ctx: StageContext, fields: tuple[str, ...]) -> list[Check]:
    """Money fields whose text is not an amount (quoting the text)."""
    sentinels = ctx.det.format.money_sentinels if ctx.det.format else ()
    checks = []
    for fld in fields:
        if ctx.has(fld):
            raw = ctx.col(fld)
            # A sentinel (Rakuten -99999) is "no value", not a bad amount.
            digits = f"regexp_replace({v.clean(raw)}, '[^0-9]', '', 'g')"
            column = ctx.header(fld)
            checks.append(Check(
                f"{fld} IS NULL AND {v.clean(raw)} IS NOT NULL AND NOT {v.is_sentinel(raw, sentinels)}", column,
                f"CASE WHEN length({digits}) > 16 THEN "
                + message_sql(N_("{column}: {value} is more than an amount can hold (16 digits). Correct the amount "
                                 "in the file and import again."), {"value": shown(v.clean(raw))}, column=column)
                + " ELSE " + message_sql(N_("{column}: {value} is not an amount. Write it as a number (such as 1980 "
                                            "or 1,980) in the file and import again."),
                                         {"value": shown(v.clean(raw))}, column=column) + " END"))
    return checks


def settle_known(ctx: StageContext, family: versions.Family, staged: str, repeated: str) -> None:
    """A staged record repeated in the file is skipped (``repeated``: the skip reason's msgid); one the
    shop already has from this source is skipped when it says the same, and kept as a newer state when
    it does not (versions.py)."""
    con = ctx.con
    key = family.id_column
    con.execute(
        f"""INSERT INTO imp_skip SELECT rn, {message_sql(repeated)} FROM (
            SELECT rn, row_number() OVER (PARTITION BY {key} ORDER BY rn) AS k FROM {staged}) WHERE k > 1"""
    )
    con.execute(f"DELETE FROM {staged} WHERE rn IN (SELECT rn FROM imp_skip)")
    con.execute(versions.classify_sql(family, staged, ctx.source))
    con.execute(
        f"""INSERT INTO imp_skip SELECT t.rn, {message_sql(ALREADY_IN_SHOP, {'number': 'k.shop_import'})}
        FROM {staged} t JOIN imp_versions k ON k.id = t.{key} WHERE k.fate = 'same'"""
    )
    con.execute(f"DELETE FROM {staged} WHERE rn IN (SELECT rn FROM imp_skip)")
