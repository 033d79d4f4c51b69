"""What staging one file works with: the file, its detection, the temporary tables it fills."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.dates import DateReading
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.readers import SourceTable
from engage_desktop.core.importing.sheet_columns import line_shifts

if TYPE_CHECKING:  # detect -> kinds -> staging: the detection is only a type here
    from engage_desktop.core.importing.detect import Detection

TEMP_TABLES = (
    "imp_rows", "imp_reject", "imp_skip", "imp_line_shifts",
    "imp_customers", "imp_answers", "imp_comments", "imp_scan_errors", "imp_scan_files", "imp_versions",
)
# Views, computed when read: the orders and lines are computed once, by the INSERT that
# writes them (materialising them first cost 0.5 s at 1M lines, and the memory).
TEMP_VIEWS = ("imp_raw", "imp_orders", "imp_lines")
SHEET = "imp_sheet"  # a workbook's arrays, as DuckDB scans them (open_source registers them)


@dataclass
class StageContext:
    con: duckdb.DuckDBPyConnection
    src: SourceTable
    det: Detection
    shop_zone: str
    source: str  # dedupe namespace: the channel of the format
    date_layout: str | None = None  # the owner's choice of date layout (dates.LAYOUTS); None: decide
    imported_at: dt.datetime = field(default_factory=dt.datetime.now)  # dates after it (+1 day) are rejects
    scanned: range = range(0)  # rn of every data row DuckDB parsed (set by scan; rn is contiguous)
    data_records: int = 0  # records after the header DuckDB read as rows (extra header rows included)
    lines_mapped: bool = False  # lines.map_lines has run
    rows_numbered_by: str = ""  # "rowid" (the insert kept file order) or "row_number" (rows.create_rows)
    few_rows: bool = False  # the preview's first rows: numbered by row_number() without asking the plan
    readings: dict[str, DateReading] = field(default_factory=dict)  # how each date field was read
    currencies: list[str] = field(default_factory=list)  # the currency column's values, when there is one
    notes: list[str] = field(default_factory=list)  # what the owner should know of how the file was read

    @property
    def width(self) -> int:
        return len(self.src.headers)

    def col(self, fld: str) -> str:
        """SQL for a mapped field's raw text (joined when the export splits it), or NULL. Mapped
        columns are read through ``values.present`` (see ``read_csv_sql``): a missing-value marker
        (NA, #N/A, -, 該当なし…) is NULL here."""
        cols = self.det.mapping.columns.get(fld)
        if not cols:
            return v.NO_COLUMN
        if len(cols) == 1:
            return f"c{cols[0]}"
        return "nullif(concat_ws('', " + ", ".join(f"c{i}" for i in cols) + "), '')"

    def has(self, fld: str) -> bool:
        return fld in self.det.mapping.columns

    def header(self, fld: str) -> str:
        """The field's column as the file names it (several joined with +)."""
        return " + ".join(self.src.headers[i] for i in self.det.mapping.columns[fld])

    def column_by_header(self, header: str) -> str | None:
        if header.startswith("@"):
            return self.col(header[1:]) if self.has(header[1:]) else None
        keys = [header_key(h) for h in self.src.headers]
        key = header_key(header)
        return f"c{keys.index(key)}" if key in keys else None


def drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for view in TEMP_VIEWS:
        con.execute(f"DROP VIEW IF EXISTS temp.{view}")
    for table in TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS temp.{table}")
    con.unregister(SHEET)  # (nothing when no workbook was staged)


def present_columns_sql(ctx: StageContext, store_rejects: bool = True) -> str:
    """The file's rows, with missing-value markers in the mapped columns read as NULL (once per
    cell here, rather than inside every normaliser that reads the cell)."""
    mapped = sorted(ctx.det.mapping.used())
    reader = source_sql(ctx, store_rejects=store_rejects)
    if not mapped:
        return reader
    replaced = ", ".join(f"{v.present(f'c{i}')} AS c{i}" for i in mapped)
    return f"(SELECT * REPLACE ({replaced}) FROM {reader})"


def source_sql(ctx: StageContext, *, store_rejects: bool) -> str:
    """The one place that says where the file's rows are read from, as text columns c0..cN after the
    header row: DuckDB's CSV reader for a text file, a workbook's arrays (``open_source``) for a sheet."""
    if ctx.src.columns is not None:
        return ctx.src.columns.relation_sql(SHEET)
    return read_csv_sql(ctx, store_rejects=store_rejects)


def open_source(ctx: StageContext) -> None:
    """Ready a workbook's arrays for ``source_sql``, with what reading a CSV would have left: the table
    of rows the reader refused (none: a sheet has no broken rows) and each row's line, its sheet row,
    known from the read (so ``lines.map_lines`` has no text to split). Nothing for a text file."""
    columns, con = ctx.src.columns, ctx.con
    if columns is None:
        return
    con.register(SHEET, columns.frame())
    con.execute("CREATE TEMP TABLE imp_scan_errors (line BIGINT, column_idx BIGINT, column_name VARCHAR, "
                "error_type VARCHAR, csv_line VARCHAR, error_message VARCHAR)")
    con.execute("INSERT INTO imp_line_shifts SELECT unnest($1::BIGINT[]), unnest($2::BIGINT[])",
                list(line_shifts(ctx.src.record_lines or [])))
    ctx.lines_mapped = True


def read_csv_sql(ctx: StageContext, *, store_rejects: bool) -> str:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ctx.width)) + "}"
    refused = ("store_rejects = true, rejects_table = 'imp_scan_errors', rejects_scan = 'imp_scan_files'"
               if store_rejects else "ignore_errors = true")
    return (f"read_csv({v.quote(str(ctx.src.csv_path))}, header = true, columns = {columns}, auto_detect = false, "
            f"delim = {v.quote(ctx.src.delimiter)}, quote = '\"', escape = '\"', strict_mode = true, {refused})")
