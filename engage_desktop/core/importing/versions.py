"""A record seen again: the same (skipped, remembered), a newer state (kept, the old one versioned), or another record.

A record (an order with its lines, a row of a customers export, a survey answer) is known by
its source and its id. When a file brings a record the shop already has:
- exactly as the shop has it: skipped as already in the shop; the import is remembered as
  having seen it (``import_seen``), so that undoing the import that brought it first hands
  the record over to this one instead of removing it;
- with other content (a later export: cancelled, refunded, paid): the newer state replaces
  the shop's, whose state moves to the family's ``*_versions`` table; an export's own
  "last updated" time decides which state is newer where the export has one, else the
  later import does, except that a cancellation is final (a live state read after a cancelled one
  is an older export's); undo restores the earlier state exactly;
- an order whose date or customer differ is not a newer state but another sale with the
  same number (two tills both counting from 1): its rows are rejects that say so.

The shop's tables then always hold what the imports not undone say, the latest state of
each record, whatever the order of imports and undos (tests/core/test_versions.py holds it
to a plain-Python model over random sequences).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from engage_desktop.core.importing.values import quote


@dataclass(frozen=True)
class Family:
    kind: str  # the record kind in import_seen
    table: str
    id_column: str
    fields: tuple[str, ...]  # what the record says (its content)
    history: str | None = None  # earlier states (None: records that cannot change, survey answers)
    lines: tuple[str, str] | None = None  # (lines table, their history) for orders
    line_fields: tuple[str, ...] = ()
    dated: bool = False  # has updated_at (the export's own "last updated")
    # Tables of what belongs to a record, by (source, id_column), carrying its import_id: they follow
    # the record when it is handed over (survey answers' kept columns, survey_comments).
    belongings: tuple[str, ...] = ()


ORDERS = Family(
    "order", "orders", "order_id",
    ("ordered_at", "customer_key", "customer_id", "customer_name", "email", "phone", "total", "shipping", "discount",
     "refunded", "revenue", "status", "cancelled", "is_refund", "updated_at"),
    "order_versions", ("order_lines", "order_line_versions"), ("product", "sku", "quantity", "unit_price", "amount"),
    dated=True,
)
CUSTOMERS = Family(
    "customer", "customer_records", "record_id",
    ("customer_key", "customer_id", "customer_name", "email", "phone", "gender", "birth_date", "total_spent", "total_orders"),
    "customer_record_versions",
)
ANSWERS = Family("answer", "survey_responses", "response_id", ("answered_at", "email", "nps", "fan_level", "liking"),
                 belongings=("survey_comments",))
FAMILIES = (ORDERS, CUSTOMERS, ANSWERS)


def content_hash_sql(family: Family, alias: str, lines_table: str | None = None, lines_key: str | None = None) -> str:
    """SQL: an md5 of what a record says: its fields, and its lines in order (orders). ``alias``
    names the record row; ``lines_table`` the lines to read and ``lines_key`` the SQL condition
    tying them to the record. The staged and the stored record hash alike when they say the same."""
    fields = ", ".join(f"coalesce(CAST({alias}.{f} AS VARCHAR), '')" for f in family.fields)
    text = f"concat_ws(chr(31), {fields}"
    if family.lines and lines_table:
        line = "concat_ws(chr(31), " + ", ".join(f"coalesce(CAST(l.{f} AS VARCHAR), '')" for f in family.line_fields) + ")"
        text += (f", coalesce((SELECT string_agg({line}, chr(30) ORDER BY l.line_no) FROM {lines_table} l "
                 f"WHERE {lines_key}), '')")
    return f"md5({text}))"


def _stored_hash(family: Family, alias: str, history: bool = False) -> str:
    """The content hash of a record in the family's table (or its history: lines from the lines' history)."""
    lines = (family.lines[1] if history else family.lines[0]) if family.lines else None
    tie = f"l.source = {alias}.source AND l.order_id = {alias}.order_id"
    if history:
        tie += f" AND l.import_id = {alias}.import_id"  # the lines of this state, not of the others
    return content_hash_sql(family, alias, lines, tie)


UNDATED = "(i.updated_at IS NULL OR s.updated_at IS NULL)"  # the export's own time cannot say which is newer


def same_sale_time_sql(a: str, b: str) -> str:
    """SQL: two order times (timestamps) can be one sale's, written by two exports: within a minute of each
    other, or on the same day where one of them has no time of day."""
    def day_only(x: str) -> str:
        return f"CAST({x} AS TIME) = TIME '00:00:00'"
    return (f"(abs(date_diff('second', {a}, {b})) < 60 OR (CAST({a} AS DATE) = CAST({b} AS DATE) "
            f"AND ({day_only(a)} OR {day_only(b)})))")


def classify_sql(family: Family, staged: str, source: str, staged_lines: str | None = None) -> str:
    """SQL creating ``imp_versions``: for each staged record the shop already has from ``source``,
    its fate: same | update | older | collision (orders only), with what the shop holds."""
    staged_hash = content_hash_sql(family, "i", staged_lines, "l.order_id = i.order_id")
    identity = older = extra = ""
    if family is ORDERS:
        # Another sale with the same number: another time, or another customer. A later state of one sale keeps
        # its order time: to the minute (one export writes 20:24, another 20:24:50), or on the same day where one
        # export gives the day alone (00:00). Within 24 hours was allowed before, and a till whose receipt numbers
        # restart every day had yesterday's anonymous sales replaced by today's, as "newer states".
        identity = (f"WHEN NOT {same_sale_time_sql('i.ordered_at', 's.ordered_at')} OR (i.customer_key IS NOT NULL AND "
                    "s.customer_key IS NOT NULL AND i.customer_key <> s.customer_key) THEN 'collision' ")
        extra = ", s.ordered_at AS shop_at, s.customer_name AS shop_customer"
    if family.dated:
        older = "WHEN i.updated_at IS NOT NULL AND s.updated_at IS NOT NULL AND i.updated_at < s.updated_at THEN 'older' "
    if family is ORDERS:
        # A cancellation is final (no platform or till takes one back): without a "last updated" time to say
        # otherwise, a live state arriving after a cancelled one is an older export's, read late. It put a
        # July export's cancellations back to June's live orders when June's file came second.
        older += f"WHEN {UNDATED} AND s.cancelled AND NOT i.cancelled THEN 'older' "
    return f"""CREATE OR REPLACE TEMP TABLE imp_versions AS
        SELECT * EXCLUDE (otherwise), CASE WHEN staged_hash = shop_hash THEN 'same' ELSE otherwise END AS fate
        FROM (
            SELECT i.{family.id_column} AS id, {staged_hash} AS staged_hash, s.import_id AS shop_import,
                   {_stored_hash(family, 's')} AS shop_hash{extra},
                   {f"CASE {identity}{older}ELSE 'update' END" if identity or older else "'update'"} AS otherwise
            FROM {staged} i JOIN {family.table} s ON s.source = {quote(source)} AND s.{family.id_column} = i.{family.id_column}
        )"""


def write_sql(family: Family, import_id: int, source: str) -> list[str]:
    """SQL run in the import's transaction, before its new records are inserted: remember what
    it saw, move the states it replaces into history. (Records whose fate is 'older' are inserted
    into history by the caller instead of the family's table.)"""
    src, imp = quote(source), int(import_id)
    ids = "SELECT id FROM imp_versions WHERE fate = 'update'"
    out = [f"""INSERT INTO import_seen SELECT {imp}, {quote(family.kind)}, {src}, id, staged_hash
               FROM imp_versions WHERE fate = 'same'"""]
    if family.history:
        out.append(f"""INSERT INTO {family.history} SELECT *, {imp} FROM {family.table}
                       WHERE source = {src} AND {family.id_column} IN ({ids})""")
        if family.lines:
            lines, lines_history = family.lines
            out.append(f"INSERT INTO {lines_history} SELECT * FROM {lines} WHERE source = {src} AND order_id IN ({ids})")
            out.append(f"DELETE FROM {lines} WHERE source = {src} AND order_id IN ({ids})")
        out.append(f"DELETE FROM {family.table} WHERE source = {src} AND {family.id_column} IN ({ids})")
    return out


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Take one import's records out, keeping the shop as the other imports say (see the module's
    docstring): hand records over to imports that saw them, restore states they replaced."""
    imp = int(import_id)
    for family in FAMILIES:
        _hand_over(con, family, family.table, imp)
        if family.history:
            _restore(con, family, imp)
            _hand_over(con, family, family.history, imp)
            _drop(con, family, family.history, imp)
            # Earlier states this import had replaced now sit under whatever is current.
            con.execute(f"""UPDATE {family.history} h SET replaced_by = t.import_id FROM {family.table} t
                            WHERE h.replaced_by = {imp} AND t.source = h.source
                              AND t.{family.id_column} = h.{family.id_column}""")
        else:
            _drop(con, family, family.table, imp)
    con.execute(f"DELETE FROM import_seen WHERE import_id = {imp}")


def _hand_over(con: duckdb.DuckDBPyConnection, family: Family, table: str, imp: int) -> None:
    """Records of import ``imp`` that a later import saw exactly so become that import's (the earliest
    of them). Only a later one: an earlier import that saw the same content saw another record's
    state, which a newer state has since replaced."""
    key = family.id_column
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE undo_heirs AS
        SELECT t.source, t.{key} AS id, min(s.import_id) AS heir
        FROM {table} t JOIN import_seen s
          ON s.record_kind = {quote(family.kind)} AND s.source = t.source AND s.record_id = t.{key} AND s.import_id > {imp}
        WHERE t.import_id = {imp} AND s.content_hash = {_stored_hash(family, 't', history=table != family.table)}
        GROUP BY ALL"""
    )
    con.execute(f"""UPDATE {table} t SET import_id = h.heir FROM undo_heirs h
                    WHERE t.import_id = {imp} AND t.source = h.source AND t.{key} = h.id""")
    if family.lines:
        lines = family.lines[0] if table == family.table else family.lines[1]
        con.execute(f"""UPDATE {lines} l SET import_id = h.heir FROM undo_heirs h
                        WHERE l.import_id = {imp} AND l.source = h.source AND l.order_id = h.id""")
    for belonging in family.belongings:
        con.execute(f"""UPDATE {belonging} b SET import_id = h.heir FROM undo_heirs h
                        WHERE b.import_id = {imp} AND b.source = h.source AND b.{key} = h.id""")
    con.execute(f"""DELETE FROM import_seen s USING undo_heirs h
                    WHERE s.record_kind = {quote(family.kind)} AND s.import_id = h.heir AND s.source = h.source
                      AND s.record_id = h.id""")
    con.execute("DROP TABLE undo_heirs")


def _restore(con: duckdb.DuckDBPyConnection, family: Family, imp: int) -> None:
    """The current records of import ``imp`` go; the latest earlier state of each comes back."""
    assert family.history is not None
    key, table, history = family.id_column, family.table, family.history
    con.execute(f"CREATE OR REPLACE TEMP TABLE undo_gone AS SELECT source, {key} AS id FROM {table} WHERE import_id = {imp}")
    _drop(con, family, table, imp)
    newest = "updated_at DESC NULLS LAST, import_id DESC" if family.dated else "import_id DESC"
    if family is ORDERS:  # as classify_sql decides: without an export's time, a cancelled state outranks a live one
        newest = "updated_at DESC NULLS LAST, CASE WHEN updated_at IS NULL THEN cancelled END DESC NULLS LAST, import_id DESC"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE undo_back AS
        SELECT h.source, h.{key} AS id, h.import_id FROM {history} h JOIN undo_gone g ON g.source = h.source AND g.id = h.{key}
        QUALIFY row_number() OVER (PARTITION BY h.source, h.{key} ORDER BY {newest}) = 1"""
    )
    back = f"(source, {key}, import_id) IN (SELECT source, id, import_id FROM undo_back)"
    con.execute(f"INSERT INTO {table} SELECT * EXCLUDE (replaced_by) FROM {history} WHERE {back}")
    con.execute(f"DELETE FROM {history} WHERE {back}")
    if family.lines:
        lines, lines_history = family.lines
        line_back = "(source, order_id, import_id) IN (SELECT source, id, import_id FROM undo_back)"
        con.execute(f"INSERT INTO {lines} SELECT * FROM {lines_history} WHERE {line_back}")
        con.execute(f"DELETE FROM {lines_history} WHERE {line_back}")
    con.execute("DROP TABLE undo_gone")
    con.execute("DROP TABLE undo_back")


def _drop(con: duckdb.DuckDBPyConnection, family: Family, table: str, imp: int) -> None:
    con.execute(f"DELETE FROM {table} WHERE import_id = {imp}")
    if family.lines:
        lines = family.lines[0] if table == family.table else family.lines[1]
        con.execute(f"DELETE FROM {lines} WHERE import_id = {imp}")
