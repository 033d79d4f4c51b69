"""The line of the file each row starts on: what a reject points the owner at.

DuckDB numbers records, not lines: blank lines, line breaks inside cells, rows the
CSV reader refused and an xlsx sheet's own row numbers all make the two part. This
is the one place that turns a row number (``rn``) into a line of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from engage_desktop.core.importing import values as v
from engage_desktop.core.importing.readers import SourceTable
from engage_desktop.core.importing.staging.context import StageContext


def line_of(rn: str = "rn") -> str:
    """SQL: the line of the file a data row starts on. The header is line 1, so row ``rn`` is
    line rn + 1, unless blank lines, line breaks inside cells or rows the reader refused come
    before it: ``imp_line_shifts`` then holds the correction (see ``_map_lines``)."""
    return f"({rn} + coalesce((SELECT arg_max(s.shift, s.from_rn) FROM imp_line_shifts s WHERE s.from_rn <= {rn}), 1))"


def record_starts(src: SourceTable) -> Iterator[tuple[int, int, list[str]]]:
    """(record number, 1 being the header; the line of the owner's file it starts on; its cells),
    as Python's reader splits the decoded file. A workbook's lines are its sheet's row numbers."""
    sheet_rows = src.record_lines
    line = 0
    with src.csv_path.open(encoding="utf-8", newline="") as text:
        reader = csv.reader(text, delimiter=src.delimiter)
        for record, row in enumerate(reader, 1):
            start, line = line + 1, reader.line_num
            yield record, sheet_rows[record - 1] if sheet_rows is not None else start, row


def first_rows_lines(src: SourceTable, rows: int) -> dict[int, int]:
    """rn -> line, for the first ``rows`` data rows (the preview, which reads only those)."""
    out: dict[int, int] = {}
    try:
        for record, start, row in record_starts(src):
            if record > 1 and row:  # as DuckDB numbers them: blank lines are no rows
                out[len(out) + 1] = start
                if len(out) == rows:
                    break
    except csv.Error:
        pass  # the preview then says rn + 1, as DuckDB would
    return out


def map_lines(ctx: StageContext) -> None:
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
    rn = 0
    shift = None
    try:
        for record, start, row in record_starts(ctx.src):
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

