"""Stage one file in temporary tables: scan, normalise, decide each row's fate.

Every data row ends in exactly one of three places, which is what makes the
accounting identity (read = imported + rejected + skipped) hold:
- ``imp_reject``: could not be read, with the column and the reason;
- ``imp_skip``: deliberately not imported (already in the shop, not a sale,
  an option row folded into its item, an empty row), with the reason;
- the rows that will be written (the views ``imp_orders``/``imp_lines``, ``imp_customers``,
  ``imp_answers``).
Nothing here touches the shop's own tables: staging can be thrown away.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import duckdb

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.detect import Detection
from engage_desktop.core.importing.formats import GENERIC_CANCEL, GENERIC_REFUND, Rule
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.identity import customer_key_sql
from engage_desktop.core.importing.readers import SourceTable
from engage_desktop.core.importing.surveys import FAN_LEVELS, LIKING_LEVELS, level_sql, nps_sql

TEMP_TABLES = (
    "imp_rows", "imp_reject", "imp_skip", "imp_line_shifts",
    "imp_customers", "imp_answers", "imp_scan_errors", "imp_scan_files",
)


@dataclass
class StageContext:
    con: duckdb.DuckDBPyConnection
    src: SourceTable
    det: Detection
    shop_zone: str
    source: str  # dedupe namespace: the channel of the format
    scanned: range = range(0)  # rn of every data row DuckDB parsed (set by scan; rn is contiguous)
    data_records: int = 0  # records after the header DuckDB read as rows (extra header rows included)
    lines_mapped: bool = False  # _map_lines has run

    @property
    def width(self) -> int:
        return len(self.src.headers)

    def col(self, fld: str) -> str:
        """SQL for a mapped field's raw text (joined when the export splits it), or NULL."""
        cols = self.det.mapping.columns.get(fld)
        if not cols:
            return v.NO_COLUMN
        if len(cols) == 1:
            return f"c{cols[0]}"
        return "nullif(concat_ws('', " + ", ".join(f"c{i}" for i in cols) + "), '')"

    def has(self, fld: str) -> bool:
        return fld in self.det.mapping.columns

    def column_by_header(self, header: str) -> str | None:
        if header.startswith("@"):
            return self.col(header[1:]) if self.has(header[1:]) else None
        keys = [header_key(h) for h in self.src.headers]
        key = header_key(header)
        return f"c{keys.index(key)}" if key in keys else None


# Views, computed when read: the orders and lines are computed once, by the INSERT that
# writes them (materialising them first cost 0.5 s at 1M lines, and the memory).
TEMP_VIEWS = ("imp_raw", "imp_orders", "imp_lines")


def drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for view in TEMP_VIEWS:
        con.execute(f"DROP VIEW IF EXISTS temp.{view}")
    for table in TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS temp.{table}")


def scan(ctx: StageContext) -> None:
    """Get ready to read the UTF-8 CSV: the fate tables, and ``imp_raw`` for the rare rows that
    need their text (rejects). The rows themselves are read by the stager, in one pass that
    parses and normalises them (``_create_rows``)."""
    con = ctx.con
    drop_temp(con)
    extra_header_rows = ctx.det.header_rows - 1
    # A view, not a table: it re-reads the file, and is only read when some row is rejected.
    # The same rows as the main read (both leave out the rows the CSV reader refuses),
    # numbered the same way.
    con.execute(
        f"""CREATE TEMP VIEW imp_raw AS SELECT * FROM (
            SELECT row_number() OVER () AS rn, * FROM {_read_csv(ctx, store_rejects=False)}
        ) WHERE rn > {extra_header_rows}"""
    )
    con.execute("CREATE TEMP TABLE imp_reject (rn BIGINT, line BIGINT, column_name VARCHAR, reason VARCHAR, original_text VARCHAR)")
    con.execute("CREATE TEMP TABLE imp_skip (rn BIGINT, reason VARCHAR)")
    con.execute("CREATE TEMP TABLE imp_line_shifts (from_rn BIGINT, shift BIGINT)")


def _read_csv(ctx: StageContext, *, store_rejects: bool) -> str:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ctx.width)) + "}"
    refused = ("store_rejects = true, rejects_table = 'imp_scan_errors', rejects_scan = 'imp_scan_files'"
               if store_rejects else "ignore_errors = true")
    return (f"read_csv({v.quote(str(ctx.src.csv_path))}, header = true, columns = {columns}, auto_detect = false, "
            f"delim = {v.quote(ctx.src.delimiter)}, quote = '\"', escape = '\"', strict_mode = true, {refused})")


def _scanned(ctx: StageContext) -> None:
    """After the read: number the rows, drop extra header rows, record the rows the reader refused."""
    con = ctx.con
    # The table keeps the file's row order (DuckDB preserves insertion order in a plain
    # scan-and-insert), so a row's rowid is its position: numbering it costs 30 ms where
    # row_number() OVER () in the read would cost 0.4 s at 1M lines.
    con.execute("ALTER TABLE imp_rows ADD COLUMN rn BIGINT")
    con.execute("UPDATE imp_rows SET rn = rowid + 1")
    ctx.data_records = con.execute("SELECT count(*) FROM imp_rows").fetchone()[0]
    extra_header_rows = ctx.det.header_rows - 1
    if extra_header_rows:
        con.execute(f"DELETE FROM imp_rows WHERE rn <= {extra_header_rows}")
    first, last = con.execute("SELECT min(rn), max(rn) FROM imp_rows").fetchone()
    ctx.scanned = range(first, last + 1) if first is not None else range(0)
    con.execute(
        """INSERT INTO imp_reject
        SELECT NULL, line, CASE WHEN column_idx > 0 THEN 'column ' || column_idx END,
               CASE error_type WHEN 'MISSING COLUMNS' THEN 'row has fewer columns than the header'
                               WHEN 'TOO MANY COLUMNS' THEN 'row has more columns than the header'
                               WHEN 'UNQUOTED VALUE' THEN 'stray quote mark in the row'
                               ELSE lower(error_type) END || ' (' || error_message || ')',
               trim(csv_line, chr(13) || chr(10))
        FROM imp_scan_errors"""
    )


def row_text(ctx: StageContext) -> str:
    return "concat_ws(" + v.quote(ctx.src.delimiter) + ", " + ", ".join(f"coalesce(c{i}, '')" for i in range(ctx.width)) + ")"


def line_of(rn: str = "rn") -> str:
    """SQL: the line of the file a data row starts on. The header is line 1, so row ``rn`` is
    line rn + 1, unless blank lines, line breaks inside cells or rows the reader refused come
    before it: ``imp_line_shifts`` then holds the correction (see ``_map_lines``)."""
    return f"({rn} + coalesce((SELECT arg_max(s.shift, s.from_rn) FROM imp_line_shifts s WHERE s.from_rn <= {rn}), 1))"


def _map_lines(ctx: StageContext) -> None:
    """Where rows and lines of the file part (blank lines, cells with line breaks, rows the
    reader refused; an xlsx sheet's own row numbers), find the line each row starts on, so
    that a reject points the owner at the right line. DuckDB numbers records, not lines, so
    this reads the file once more in Python: only when some row is rejected and the file
    has such lines."""
    con = ctx.con
    sheet_rows = ctx.src.record_lines  # an xlsx: lines are the sheet's rows
    if ctx.lines_mapped or (ctx.src.newlines is None and sheet_rows is None):
        return
    rejects = con.execute(
        "SELECT (SELECT count(*) FROM imp_reject) + "
        "(SELECT count(*) FROM imp_rows WHERE skip_reason IS NULL AND reject_reason IS NOT NULL)"
    ).fetchone()[0]
    if not rejects:
        return  # nothing to point at (yet: a later check may still reject rows)
    ctx.lines_mapped = True
    refused = {int(r[0]) for r in con.execute("SELECT DISTINCT line FROM imp_scan_errors").fetchall()}
    records = 1 + ctx.data_records + len(refused)  # the header, the rows, the refused rows
    if sheet_rows is None and not refused and ctx.src.newlines in (records - 1, records):
        return  # one line per record (the last one maybe without a line break): rn + 1 is right
    shifts: list[tuple[int, int]] = []
    refused_at: dict[int, int] = {}
    record = rn = line = 0
    shift = None
    with ctx.src.csv_path.open(encoding="utf-8", newline="") as text:
        reader = csv.reader(text, delimiter=ctx.src.delimiter)
        try:
            for row in reader:
                start, line = line + 1, reader.line_num
                record += 1
                if sheet_rows is not None:
                    start = sheet_rows[record - 1]
                if record == 1:
                    continue  # the header
                if record in refused:
                    refused_at[record] = start
                elif row:  # DuckDB skips blank lines (but counts them as records)
                    rn += 1
                    if start - rn != shift:
                        shift = start - rn
                        shifts.append((rn, shift))
        except csv.Error:
            return  # the file defeats Python's reader where DuckDB's coped: keep DuckDB's numbers
    if rn != ctx.data_records or set(refused_at) != refused:
        return  # the two readers disagree on the rows: keep DuckDB's numbers rather than guess
    listing = ctx.src.csv_path.with_name("line_shifts.csv")
    with listing.open("w", newline="") as out:
        csv.writer(out).writerows([("from_rn", "shift"), *shifts])
    con.execute(f"INSERT INTO imp_line_shifts SELECT * FROM read_csv({v.quote(str(listing))}, header = true, "
                "columns = {'from_rn': 'BIGINT', 'shift': 'BIGINT'})")
    if refused_at:
        pairs = ", ".join(f"({record}, {start})" for record, start in refused_at.items())
        con.execute(f"UPDATE imp_reject SET line = m.start FROM (VALUES {pairs}) m(record, start) "
                    "WHERE imp_reject.rn IS NULL AND imp_reject.line = m.record")


def _rule_sql(ctx: StageContext, rule: Rule) -> str:
    column = ctx.column_by_header(rule.column)
    if column is None:
        return "FALSE"  # a column this export does not have never matches
    text = v.clean(column)
    values = ", ".join(v.quote(x.lower()) for x in rule.values)
    if rule.op == "nonempty":
        return f"({text} IS NOT NULL)"
    if rule.op == "empty":
        return f"({text} IS NULL)"
    if rule.op in ("equals", "in"):
        return f"coalesce(lower({text}) IN ({values}), FALSE)"
    if rule.op == "not_in":
        return f"coalesce(lower({text}) NOT IN ({values}), TRUE)"
    if rule.op == "contains":
        # Trimming cannot change what a cell contains, and text without letters (キャンセル)
        # is found the same with or without lower(): skip both where they change nothing.
        return "(" + " OR ".join(
            f"coalesce(contains({column if x.upper() == x.lower() else f'lower({text})'}, {v.quote(x.lower())}), FALSE)"
            for x in rule.values) + ")"
    if rule.op == "negative":
        return v.is_negative(column)
    if rule.op == "startswith":
        return "(" + " OR ".join(f"coalesce(starts_with({text}, {v.quote(x)}), FALSE)" for x in rule.values) + ")"
    raise ValueError(f"unknown rule op {rule.op}")


def _any(ctx: StageContext, rules: tuple[Rule, ...]) -> str:
    return "(" + " OR ".join(_rule_sql(ctx, r) for r in rules) + ")" if rules else "FALSE"


def _all(ctx: StageContext, rules: tuple[Rule, ...]) -> str:
    return "(" + " AND ".join(_rule_sql(ctx, r) for r in rules) + ")" if rules else "FALSE"


def _skip_reason(ctx: StageContext) -> str:
    fmt = ctx.det.format
    empty = " AND ".join(f"{v.clean(f'c{i}')} IS NULL" for i in range(ctx.width))
    cases = [f"WHEN {empty} THEN 'empty row'"]
    if fmt:
        cases += [f"WHEN {_rule_sql(ctx, rule)} THEN {v.quote(reason)}" for rule, reason in fmt.skip_when]
    return "CASE " + " ".join(cases) + " END"


def _identity_columns(ctx: StageContext) -> str:
    fmt = ctx.det.format
    parts = f"concat_ws(' ', {ctx.col('last_name')}, {ctx.col('first_name')})"
    name = f"coalesce({v.person_name(ctx.col('name'))}, {v.person_name(parts)})"
    return (
        f"{v.email(ctx.col('email'))} AS email, {v.phone(ctx.col('phone'))} AS phone, "
        f"{name} AS customer_name, {v.identifier(ctx.col('customer_id'))} AS customer_id, "
        f"{bool(fmt and fmt.identify_by_name)} AS by_name"
    )


def _raw_identity_columns(ctx: StageContext) -> str:
    """The identity columns as written; orders normalise them once per order, not per line."""
    parts = f"nullif(concat_ws(' ', {ctx.col('last_name')}, {ctx.col('first_name')}), '')"
    return (f"{ctx.col('email')} AS email_raw, {ctx.col('phone')} AS phone_raw, {ctx.col('name')} AS name_raw, "
            f"{parts} AS name_parts_raw, {ctx.col('customer_id')} AS customer_id_raw")


def _key(ctx: StageContext, prefix: str = "") -> str:
    fmt = ctx.det.format
    return customer_key_sql(
        ctx.source, f"{prefix}email", f"{prefix}customer_id", f"{prefix}customer_name", f"{prefix}phone",
        bool(fmt and fmt.identify_by_name),
    )


def _money_checks(ctx: StageContext, fields: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(condition, column, reason) for money fields with text that is not an amount."""
    sentinels = ctx.det.format.money_sentinels if ctx.det.format else ()
    checks = []
    for fld in fields:
        if ctx.has(fld):
            raw = ctx.col(fld)
            # A sentinel (Rakuten -99999) is "no value", not a bad amount.
            checks.append((
                f"{fld} IS NULL AND {v.clean(raw)} IS NOT NULL AND NOT {v.is_sentinel(raw, sentinels)}",
                _header(ctx, fld),
                f"{fld.replace('_', ' ')} is not an amount",
            ))
    return checks


def _header(ctx: StageContext, fld: str) -> str:
    return " + ".join(ctx.src.headers[i] for i in ctx.det.mapping.columns[fld])


def _reject_case(checks: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """(the number of the first check a row fails, its reason, its column): the checks run once
    per row, not once for the reason and again for the column. Put the cheap test first in a
    check (``amount IS NULL AND …``): DuckDB evaluates the rest only for the rows it selects."""
    if not checks:
        return "NULL::INTEGER", "NULL::VARCHAR", "NULL::VARCHAR"
    number = "CASE " + " ".join(f"WHEN {c} THEN {i}" for i, (c, _, _) in enumerate(checks, 1)) + " END"
    reasons = "[" + ", ".join(v.quote(r) for _, _, r in checks) + "]"
    columns = "[" + ", ".join(v.quote(col) for _, col, _ in checks) + "]"
    return number, f"{reasons}[reject_check]", f"{columns}[reject_check]"


def _create_rows(ctx: StageContext, select_list: str, checks: list[tuple[str, str, str]], row_hash: bool = False,
                 check_only: tuple[str, ...] = ()) -> None:
    """imp_rows: read the file and derive every row's columns and its reject reason (if any),
    in one pass: the raw text is never stored (a 1M-line file's text would take most of
    the memory limit). Checks may use both the raw columns (c0..cN) and the derived ones;
    ``check_only`` derived columns are not stored. ``row_hash``: an md5 of the row's text,
    for exports without a natural id.

    Keep imp_rows narrow: DuckDB keeps the rows in file order (their rowid is their number)
    with both threads only while the table and the rows in flight fit the memory limit;
    past it the read falls back to one thread and takes twice as long.
    """
    number, reason, column = _reject_case(checks)
    raw_columns = ", ".join([*(f"c{i}" for i in range(ctx.width)), *check_only])
    hashed = f", md5({row_text(ctx)}) AS row_hash" if row_hash else ""
    ctx.con.execute(
        f"""CREATE TEMP TABLE imp_rows AS
        SELECT * EXCLUDE (reject_check), {reason} AS reject_reason, {column} AS reject_column
        FROM (
            SELECT * EXCLUDE ({raw_columns}), CASE WHEN skip_reason IS NULL THEN {number} END AS reject_check
            FROM (SELECT *, {select_list}{hashed} FROM {_read_csv(ctx, store_rejects=True)})
        )"""
    )
    _scanned(ctx)


def likely_format(ctx: StageContext, fld: str) -> str | None:
    """The date layout the file's first rows use: the first of ours, in the order
    ``values.timestamp`` tries them, that reads every one of them (None: no single one)."""
    cols = ctx.det.mapping.columns.get(fld)
    if not cols or len(cols) != 1:
        return None
    i = cols[0]
    head = [row[i].strip() for row in ctx.src.head[ctx.det.header_rows:] if i < len(row) and row[i].strip()]
    if not head:
        return None
    values = "[" + ", ".join(v.quote(x) for x in head) + "]"
    for layout in (*v.OFFSET_FORMATS, *v.TIMESTAMP_FORMATS):
        parsed = ctx.con.execute(
            f"SELECT bool_and(try_strptime(x, {v.quote(layout)}) IS NOT NULL) FROM unnest({values}) AS t(x)"
        ).fetchone()[0]
        if parsed:
            return layout
    return None


def _fate(ctx: StageContext) -> None:
    """Move rejected and skipped rows of imp_rows out into imp_reject / imp_skip."""
    con = ctx.con
    con.execute("INSERT INTO imp_skip SELECT rn, skip_reason FROM imp_rows WHERE skip_reason IS NOT NULL")
    _map_lines(ctx)
    rejected = con.execute("SELECT count(*) FROM imp_rows WHERE skip_reason IS NULL AND reject_reason IS NOT NULL").fetchone()[0]
    if rejected:  # only then read the file again for the rows' text
        con.execute(
            f"""INSERT INTO imp_reject SELECT rn, {line_of()}, r.reject_column, r.reject_reason, {row_text(ctx)}
            FROM imp_rows r JOIN imp_raw USING (rn) WHERE r.skip_reason IS NULL AND r.reject_reason IS NOT NULL"""
        )
        con.execute("DELETE FROM imp_rows WHERE reject_reason IS NOT NULL")
    con.execute("DELETE FROM imp_rows WHERE skip_reason IS NOT NULL")


# -- orders ---------------------------------------------------------------------------
def stage_orders(ctx: StageContext) -> None:
    fmt = ctx.det.format
    sentinels = fmt.money_sentinels if fmt else ()
    naive_zone = fmt.naive_time_zone if fmt else None
    ts = v.timestamp(ctx.col("order_date"), ctx.shop_zone, naive_zone, likely_format(ctx, "order_date"))
    if ctx.has("order_time"):
        # A separate time column (Rakuten 注文時間, MakeShop hhmmss): date part + time of day.
        ts = f"(CAST({ts} AS DATE) + coalesce({v.time_of_day(ctx.col('order_time'))}, TIME '00:00:00'))"
    money = {f: v.money(ctx.col(f), sentinels) for f in ("unit_price", "amount", "order_total", "shipping", "discount", "refund")}
    skip = _skip_reason(ctx)
    if fmt and fmt.option_row:
        skip = f"CASE WHEN {_all(ctx, fmt.option_row)} THEN {v.quote(OPTION_ROW)} ELSE {skip} END"
    select_list = f"""
            {v.identifier(ctx.col('order_id'))} AS order_id_text,
            {ts} AS ordered_at,
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
            {_any(ctx, fmt.cancel_when if fmt else GENERIC_CANCEL)} AS cancel_flag,
            {_any(ctx, fmt.refund_when if fmt else GENERIC_REFUND)} AS refund_row,
            {skip} AS skip_reason,
            {_raw_identity_columns(ctx)}"""
    checks = []
    if ctx.has("order_id"):
        checks.append(("order_id_text IS NULL", _header(ctx, "order_id"), "no order number"))
    checks.append((f"ordered_at IS NULL AND {v.clean(ctx.col('order_date'))} IS NOT NULL", _header(ctx, "order_date"),
                   "date not understood"))
    checks += _money_checks(ctx, ("unit_price", "amount", "order_total", "shipping", "discount", "refund"))
    if ctx.has("quantity"):
        q = ctx.col("quantity")
        checks.append((f"quantity IS NULL AND {v.clean(q)} IS NOT NULL", _header(ctx, "quantity"), "quantity is not a number"))
    _create_rows(ctx, select_list, checks, row_hash=not ctx.has("order_id"))
    con = ctx.con
    if not ctx.has("order_id"):
        # No order number: each row is an order, with a stable id from its content;
        # the same row twice is the same order, so the second one is a duplicate.
        con.execute("UPDATE imp_rows SET order_id_text = 'row:' || row_hash")
        con.execute(
            """UPDATE imp_rows SET skip_reason = 'same row appears earlier in the file', reject_reason = NULL
            WHERE skip_reason IS NULL AND rn IN (
                SELECT rn FROM (SELECT rn, row_number() OVER (PARTITION BY order_id_text ORDER BY rn) AS k FROM imp_rows) WHERE k > 1)"""
        )
    _fold_options(ctx)
    _reject_incomplete_orders(ctx)
    _fate(ctx)
    _skip_known_orders(ctx)
    _build_orders(ctx)


OPTION_ROW = "option row, folded into the item above"


def _fold_options(ctx: StageContext) -> None:
    fmt = ctx.det.format
    if not (fmt and fmt.option_row):
        return
    # Option rows are skipped; their text is appended to the nearest item row above them.
    ctx.con.execute(
        f"""UPDATE imp_rows SET product = imp_rows.product || ' ' || o.options
        FROM (
            SELECT parent, string_agg(product, ' ' ORDER BY rn) AS options FROM (
                SELECT r.rn, r.product,
                       (SELECT max(p.rn) FROM imp_rows p
                        WHERE p.rn < r.rn AND p.skip_reason IS DISTINCT FROM {v.quote(OPTION_ROW)}) AS parent
                FROM imp_rows r WHERE r.skip_reason = {v.quote(OPTION_ROW)} AND r.product IS NOT NULL
            ) GROUP BY parent
        ) o WHERE imp_rows.rn = o.parent"""
    )


def _live(table: str = "") -> str:
    """SQL: the row is neither skipped nor rejected (yet)."""
    prefix = f"{table}." if table else ""
    return f"{prefix}skip_reason IS NULL AND {prefix}reject_reason IS NULL"


def _reject_incomplete_orders(ctx: StageContext) -> None:
    """An order is imported whole or not at all: one bad row rejects its other rows too, and
    an order with no date or no amount on any row is rejected. Marked in imp_rows, so that
    ``_fate`` moves every rejected row out with its text in one pass."""
    con = ctx.con
    _map_lines(ctx)  # the message below names a line
    con.execute(
        f"""UPDATE imp_rows SET reject_column = NULL,
               reject_reason = 'another row of this order was rejected (line ' || bad.line || ')'
        FROM (SELECT order_id_text, {line_of('first_rn')} AS line FROM (
                  SELECT order_id_text, min(rn) AS first_rn FROM imp_rows
                  WHERE skip_reason IS NULL AND reject_reason IS NOT NULL AND order_id_text IS NOT NULL GROUP BY 1)) bad
        WHERE imp_rows.order_id_text = bad.order_id_text AND {_live('imp_rows')}"""
    )
    # Only orders with a row lacking a date or an amount can lack them altogether:
    # a million-line file usually has none, and the grouping is skipped.
    no_amount = "order_total IS NULL AND coalesce(amount, quantity * unit_price, unit_price) IS NULL"
    con.execute(
        f"""UPDATE imp_rows SET reject_column = NULL, reject_reason = bad.reason
        FROM (
            SELECT order_id_text, CASE
                WHEN count(ordered_at) = 0 THEN 'order has no date'
                WHEN count(order_total) = 0 AND count(coalesce(amount, quantity * unit_price, unit_price)) = 0
                    THEN 'order has no amount'
            END AS reason
            FROM imp_rows
            WHERE {_live()} AND order_id_text IN (
                SELECT order_id_text FROM imp_rows WHERE {_live()} AND (ordered_at IS NULL OR ({no_amount})))
            GROUP BY order_id_text
        ) bad
        WHERE imp_rows.order_id_text = bad.order_id_text AND bad.reason IS NOT NULL
          AND {_live('imp_rows')}"""
    )


def _skip_known_orders(ctx: StageContext) -> None:
    con = ctx.con
    con.execute(
        f"""INSERT INTO imp_skip
        SELECT r.rn, 'already in the shop (import #' || o.import_id || ')'
        FROM imp_rows r JOIN orders o ON o.source = {v.quote(ctx.source)} AND o.order_id = r.order_id_text"""
    )
    con.execute("DELETE FROM imp_rows WHERE rn IN (SELECT rn FROM imp_skip)")


def _first(col: str) -> str:
    """An order-level value: exports write it on every row of the order, or on the first one
    only (Shopify), so any non-NULL value of the group is the value (and cheaper than arg_min)."""
    return f"any_value({col})"


# The order-level texts, normalised once per order.
ORDER_TEXTS = ("email_raw", "phone_raw", "name_raw", "name_parts_raw", "customer_id_raw", "status")


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
                   {_first('ordered_at')} AS ordered_at,
                   {_first('order_total')} AS total, {shipping} AS shipping, {discount} AS discount,
                   coalesce({_first('refund')}, 0) AS refunded,
                   sum(coalesce(amount, quantity * unit_price, unit_price)) AS lines_amount,
                   bool_or(cancel_flag) AS cancelled, bool_or(refund_row) AS is_refund
            FROM imp_rows GROUP BY order_id_text
        ), o AS ({texts_joined}), normalised AS (
            -- Identity is normalised once per order, not once per line.
            SELECT * EXCLUDE (email_raw, phone_raw, name_raw, name_parts_raw, customer_id_raw),
                   {v.email('email_raw')} AS email, {v.phone('phone_raw')} AS phone,
                   coalesce({v.person_name('name_raw')}, {v.person_name('name_parts_raw')}) AS customer_name,
                   {v.identifier('customer_id_raw')} AS customer_id,
                   coalesce(total, lines_amount + coalesce(shipping, 0) - coalesce(discount, 0)) AS gross
            FROM o
        )
        SELECT * EXCLUDE (gross), {_key(ctx)} AS customer_key,
               CAST(CASE WHEN is_refund THEN -abs(gross) ELSE gross - refunded END AS DECIMAL(18, 2)) AS revenue
        FROM normalised"""
    )
    con.execute(
        """CREATE TEMP VIEW imp_lines AS
        SELECT order_id_text AS order_id, CAST(row_number() OVER (PARTITION BY order_id_text ORDER BY rn) AS INTEGER) AS line_no,
               product, sku, quantity, unit_price,
               CAST(coalesce(amount, quantity * unit_price, unit_price) AS DECIMAL(18, 2)) AS amount, rn
        FROM imp_rows"""
    )


# -- customers --------------------------------------------------------------------------
def stage_customers(ctx: StageContext) -> None:
    con = ctx.con
    select_list = f"""{_identity_columns(ctx)},
               {v.clean(ctx.col('gender'))} AS gender,
               CAST({v.timestamp(ctx.col('birth_date'), ctx.shop_zone)} AS DATE) AS birth_date,
               {v.clean(ctx.col('birth_date'))} AS birth_text,
               {v.money(ctx.col('total_spent'))} AS total_spent,
               TRY_CAST({v.number(ctx.col('total_orders'))} AS INTEGER) AS total_orders,
               {_skip_reason(ctx)} AS skip_reason"""
    checks = _money_checks(ctx, ("total_spent",))
    checks.append((
        "email IS NULL AND customer_id IS NULL AND NOT (customer_name IS NOT NULL AND (phone IS NOT NULL OR by_name))",
        "", "no customer id, e-mail, or name with phone",
    ))
    if ctx.has("birth_date"):
        checks.append(("birth_date IS NULL AND birth_text IS NOT NULL", _header(ctx, "birth_date"), "birth date not understood"))
    _create_rows(ctx, select_list, checks, row_hash=True, check_only=("birth_text",))
    _fate(ctx)
    con.execute(
        f"""CREATE TEMP TABLE imp_customers AS
        SELECT r.*, {_key(ctx, 'r.')} AS customer_key,
               coalesce(r.customer_id, r.email, r.row_hash) AS record_id
        FROM imp_rows r"""
    )
    _skip_repeats(ctx, "imp_customers", "record_id", "customer_records", "customer")


# -- surveys ----------------------------------------------------------------------------
def stage_survey(ctx: StageContext) -> None:
    con = ctx.con
    answers = {
        "nps": nps_sql(ctx.col("nps")),
        "fan_level": level_sql(ctx.col("fan_level"), FAN_LEVELS),
        "liking": level_sql(ctx.col("liking"), LIKING_LEVELS),
    }
    texts = {f: v.clean(ctx.col(f)) for f in ("nps", "fan_level", "liking", "answered_at")}
    select_list = f"""{v.email(ctx.col('email'))} AS email, {v.identifier(ctx.col('customer_id'))} AS customer_id,
               {v.timestamp(ctx.col('answered_at'), ctx.shop_zone, likely=likely_format(ctx, 'answered_at'))} AS answered_at,
               {answers['nps']} AS nps, {answers['fan_level']} AS fan_level, {answers['liking']} AS liking,
               CASE WHEN {texts['nps']} IS NULL AND {texts['fan_level']} IS NULL AND {texts['liking']} IS NULL
                    THEN 'no answer to the NPS, fan or liking question' END AS skip_reason"""
    checks = []
    for fld, why in (
        ("nps", "recommend answer is not a number from 0 to 10"),
        ("fan_level", "fan answer is not one of the 6 options"),
        ("liking", "liking answer is not one of the 7 options"),
        ("answered_at", "timestamp not understood"),
    ):
        if ctx.has(fld):
            checks.append((f"{fld} IS NULL AND {texts[fld]} IS NOT NULL", _header(ctx, fld), why))
    _create_rows(ctx, select_list, checks, row_hash=True)
    _fate(ctx)
    # Link to a customer by e-mail, or by a customer id some order carried.
    con.execute(
        """CREATE TEMP TABLE imp_answers AS
        SELECT r.* EXCLUDE (row_hash), r.row_hash AS response_id,
               coalesce(
                   CASE WHEN r.email IS NOT NULL THEN 'e:' || r.email END,
                   (SELECT any_value(o.customer_key) FROM orders o WHERE o.customer_id = r.customer_id),
                   (SELECT any_value(c.customer_key) FROM customer_records c WHERE c.customer_id = r.customer_id)
               ) AS customer_key
        FROM imp_rows r"""
    )
    _skip_repeats(ctx, "imp_answers", "response_id", "survey_responses", "answer")


def _skip_repeats(ctx: StageContext, staged: str, id_column: str, shop_table: str, what: str) -> None:
    """Skip a staged row whose id appeared earlier in the file or is already in the shop."""
    con = ctx.con
    con.execute(
        f"""INSERT INTO imp_skip SELECT rn, 'same {what} appears earlier in the file' FROM (
            SELECT rn, row_number() OVER (PARTITION BY {id_column} ORDER BY rn) AS k FROM {staged}) WHERE k > 1"""
    )
    con.execute(
        f"""INSERT INTO imp_skip SELECT t.rn, 'already in the shop (import #' || s.import_id || ')'
        FROM {staged} t JOIN {shop_table} s ON s.source = {v.quote(ctx.source)} AND s.{id_column} = t.{id_column}
        WHERE t.rn NOT IN (SELECT rn FROM imp_skip)"""
    )
    con.execute(f"DELETE FROM {staged} WHERE rn IN (SELECT rn FROM imp_skip)")


STAGERS = {"orders": stage_orders, "customers": stage_customers, "survey": stage_survey}
