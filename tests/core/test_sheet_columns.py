"""A workbook's cells reach the staging as NumPy arrays, and read exactly as the CSV route read them.

The reference is the route this replaced, kept here verbatim (``old_cell_text``, ``old_write_rows``:
the sheet written as CSV, read back by DuckDB's CSV reader); the expected texts are also written
out by hand, from Excel's cells and the rules the owner relies on (ids without '.0', dates ISO)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import threading
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import duckdb
import numpy as np
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from engage_desktop.core.errors import Cancelled
from engage_desktop.core.importing import sheet_columns
from engage_desktop.core.importing.detect import detect
from engage_desktop.core.importing.pipeline import ImportOptions, import_file
from engage_desktop.core.importing.preview import plan_and_preview
from engage_desktop.core.importing.readers import HEAD_ROWS, SourceTable, read_source
from engage_desktop.core.importing.sheet_columns import read_sheet
from engage_desktop.core.importing.staging import StageContext, drop_temp, scan
from engage_desktop.core.store import Store
from engage_desktop.core.tasks import CheckedConnection, TaskState

FILES = Path(__file__).parent.parent / "fixtures" / "files"


# -- the CSV route, as it was (readers.py before the arrays) ------------------------------------
def _old_number_text(cell: float) -> str:
    return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)


def old_cell_text(cell: object) -> str:
    """Text of an xlsx cell: whole-number floats (ids, phones) without '.0'."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return _old_number_text(cell)
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    if isinstance(cell, dt.timedelta):
        seconds = int(cell.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(cell)


_OLD_TEXT_OF: dict[type, Callable[[Any], str]] = {float: _old_number_text, int: str}


def old_write_rows(rows: Any, csv_path: Path) -> tuple[list[list[str]], list[int]]:
    head: list[list[str]] = []
    record_lines: list[int] = []
    width = 0
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        for number, row in enumerate(rows, start=1):
            if not any(cell not in ("", None) for cell in row):
                continue
            cells = [cell if type(cell) is str else _OLD_TEXT_OF.get(type(cell), old_cell_text)(cell) for cell in row]
            width = width or len(cells)
            while len(cells) > width and cells[-1] == "":
                cells.pop()
            writer.writerow(cells)
            record_lines.append(number)
            if len(head) < HEAD_ROWS:
                head.append(cells)
    return head, record_lines


def the_old_route(path: Path, sheet: str, folder: Path) -> tuple[Path, list[list[str]], list[int]]:
    book = CalamineWorkbook.from_path(str(path))
    try:
        head, lines = old_write_rows(book.get_sheet_by_name(sheet).iter_rows(), folder / "old.csv")
    finally:
        book.close()
    return folder / "old.csv", head, lines


def staged_source_rows(con: duckdb.DuckDBPyConnection, src: SourceTable) -> list[tuple[Any, ...]]:
    """The rows the staging reads from ``src`` (its source relation, through ``scan``), in order."""
    det = detect(src.head)
    assert det.header_rows == 1
    ctx = StageContext(con, src, det, "Asia/Tokyo", "test")
    scan(ctx)
    try:
        return con.execute("SELECT * EXCLUDE (rn) FROM imp_raw ORDER BY rn").fetchall()
    finally:
        drop_temp(con)


# -- a sheet with every kind of cell ---------------------------------------------------------------
HEADER = ["注文番号", "顧客ID", "金額", "日時", "時刻", "フラグ", "エラー", "名前", "郵便番号", "混在", "空", "数量"]


def every_kind(path: Path) -> Path:
    """The header at B3 (two empty rows above it, column A empty), a blank sheet row 6, a last row with one cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "注文"
    rows = {
        3: HEADER,
        4: [1001, 12345678901234, 1500.5, dt.datetime(2025, 3, 1, 10, 0), dt.time(9, 15), True, "#N/A",
            "髙橋 太郎", "0012", 5, None, 10],
        5: [1002, 123456789012345678, 0.1, dt.datetime(2025, 3, 1, 10, 0, 0, 500000),
            dt.timedelta(hours=30, minutes=5), False, "#DIV/0!", "石鹸\nギフト", "012-3456", "N/A", None, None],
        7: [1003, None, 1e20, dt.date(2025, 3, 2), dt.time(0, 0, 1), None, "=1/0", "  spaced  ", "00", 7.0, None, 30],
        8: [1004, 999999999999999, -0.0, 45306, None, True, None, '"quoted", a,b', None, 2.5, None, None],
        9: [None] * 7 + ["最後"] + [None] * 4,
    }
    for number, cells in rows.items():
        for column, value in enumerate(cells, start=2):
            if value is not None:
                sheet.cell(number, column, value)
    for ref in ("H4", "H5"):
        sheet[ref].data_type = "e"  # error cells, as Excel writes #N/A and #DIV/0!
    book.save(path)
    return path


# What an owner sees in Excel, as the import reads it (None: an empty cell, NULL as an empty CSV field).
# 123456789012345678 is kept to Excel's precision by the writer (<v>1.234567890123457e+17</v>): past
# 10^15 a number is shown as Python writes the float, not as digits that are not in the file.
EXPECTED = [
    ("1001", "12345678901234", "1500.5", "2025-03-01 10:00:00", "09:15:00", "TRUE", None, "髙橋 太郎", "0012",
     "5", None, "10"),
    ("1002", "1.234567890123457e+17", "0.1", "2025-03-01 10:00:00.500000", "30:05:00", "FALSE", None,
     "石鹸\nギフト", "012-3456", "N/A", None, None),
    ("1003", None, "1e+20", "2025-03-02", "00:00:01", None, None, "  spaced  ", "00", "7", None, "30"),
    ("1004", "999999999999999", "0", "45306", None, "TRUE", None, '"quoted", a,b', None, "2.5", None, None),
    (None, None, None, None, None, None, None, "最後", None, None, None, None),
]


def test_every_kind_of_cell_reads_as_the_csv_route_read_it(tmp_path: Path) -> None:
    path = every_kind(tmp_path / "kinds.xlsx")
    src = read_source(path, tmp_path)
    assert src.columns is not None and src.headers == HEADER
    assert src.record_lines == [3, 4, 5, 7, 8, 9]  # the header's sheet row, then each record's: row 6 is blank
    con = duckdb.connect()
    new = staged_source_rows(con, src)
    assert new == EXPECTED

    old_csv, old_head, old_lines = the_old_route(path, "注文", tmp_path)
    old = staged_source_rows(con, replace(src, csv_path=old_csv, columns=None))
    assert new == old
    assert src.head == old_head and src.record_lines == old_lines
    # Whole-number columns travel packed (no Python object per cell); the others as text.
    packed = [h for h, column in zip(HEADER, src.columns.columns) if column.dtype == np.float64]
    assert packed == ["注文番号", "エラー", "空", "数量"]


@pytest.mark.parametrize("name", ["orders.xls", "orders.ods"])
def test_old_excel_and_opendocument_cells_read_as_the_csv_route_read_them(tmp_path: Path, name: str) -> None:
    path = shutil.copy(FILES / name, tmp_path / name)  # .xls gives whole numbers as int, .ods as float
    src = read_source(path, tmp_path)
    con = duckdb.connect()
    new = staged_source_rows(con, src)
    assert new[0] == ("1001", "2025-03-01 10:00:00", "a@example.jp", "高橋 一郎", "石鹸", "2", "2400")
    old_csv, old_head, old_lines = the_old_route(path, "受注", tmp_path)
    assert new == staged_source_rows(con, replace(src, csv_path=old_csv, columns=None))
    assert src.head == old_head and src.record_lines == old_lines == [1, 2, 3, 4]


def test_a_column_numeric_at_first_and_text_later_is_text_throughout(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_columns, "BLOCK_CELLS", 6)  # blocks of three rows of two cells
    rows = [["id", "memo"], [1.0, "a"], [2.0, ""], [3.0, "c"], ["", ""], [4.0, "d"], ["X-5", "e"], [6.0, ""]]
    read = read_sheet(iter(rows))
    assert read is not None and read.record_lines == [1, 2, 3, 4, 6, 7, 8]
    ids, memos = read.records.columns
    assert ids.dtype == object and ids.tolist() == ["1", "2", "3", "4", "X-5", "6"]
    assert memos.tolist() == ["a", None, "c", "d", "e", None]
    # and a column that stays whole numbers stays packed across blocks, empties as NaN
    read = read_sheet(iter([["n", "m"], [1.0, "x"], ["", "y"], [3.0, "z"], [4.0, "w"]]))
    assert read is not None and read.records.columns[0].dtype == np.float64
    assert np.isnan(read.records.columns[0][1]) and read.records.texts(2) == [["1", "x"], ["", "y"]]


def test_a_sheet_with_only_blank_rows_reads_as_nothing() -> None:
    assert read_sheet(iter([["", ""], [None, ""]])) is None
    read = read_sheet(iter([["", ""], ["a", "b"]]))  # only a header: no records
    assert read is not None and len(read.records) == 0 and read.record_lines == [2]


# -- whole imports: the same shop as the CSV route, rejects at their sheet rows --------------------
def orders_book(path: Path) -> Path:
    """Orders whose ids and amounts are numbers in Excel, dates real date cells (one a text that is no
    date), from sheet row 2 with a blank sheet row 5 and an id repeated (a second line of order 1002)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "受注"
    sheet.append([])
    sheet.append(["注文番号", "注文日", "メールアドレス", "商品名", "数量", "金額"])  # row 2
    sheet.append([1001, dt.datetime(2025, 4, 1, 9, 30), "a@example.jp", "石鹸", 2, 1200])  # row 3
    sheet.append([1002, dt.datetime(2025, 4, 2, 10, 0), "b@example.jp", "タオル", 1, 1800])  # row 4
    sheet.append([])  # row 5
    sheet.append([1002, dt.datetime(2025, 4, 2, 10, 0), "b@example.jp", "ギフト", 1, 300])  # row 6
    sheet.append([1003, "2025/13/45", "c@example.jp", "石鹸", 1, 600])  # row 7: no such date
    sheet.append([12345678901234, dt.date(2025, 4, 3), "d@example.jp", "石鹸", 3, 1800.5])  # row 8
    book.save(path)
    return path


def shop_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    con = store.con
    return {
        "orders": con.execute("SELECT order_id, ordered_at, customer_key, email, total, revenue FROM orders "
                              "ORDER BY order_id").fetchall(),
        "lines": con.execute("SELECT order_id, line_no, product, quantity, unit_price, amount FROM order_lines "
                             "ORDER BY order_id, line_no").fetchall(),
    }


def test_a_workbook_imports_as_the_csv_route_imported_it(tmp_path: Path) -> None:
    path = orders_book(tmp_path / "orders.xlsx")
    with Store(tmp_path / "new.duckdb") as new_shop:
        new = import_file(new_shop, path)
        new_rows = shop_rows(new_shop)
    old_csv, _, old_lines = the_old_route(path, "受注", tmp_path)
    assert old_lines == [2, 3, 4, 6, 7, 8]
    with Store(tmp_path / "old.duckdb") as old_shop:
        old = import_file(old_shop, shutil.copy(old_csv, tmp_path / "orders.csv"))
        old_rows = shop_rows(old_shop)
    assert new.status == old.status == "imported", (new.message, old.message)
    assert (new.read, new.imported, new.rejected, new.skipped) == (old.read, old.imported, old.rejected, old.skipped)
    assert (new.read, new.imported, new.rejected, new.skipped) == (5, 4, 1, 0)
    assert new_rows == old_rows
    assert [r[0] for r in new_rows["orders"]] == ["1001", "1002", "12345678901234"]
    assert new_rows["orders"][0][1] == dt.datetime(2025, 4, 1, 9, 30)
    assert new_rows["lines"][-1][-3:] == (Decimal("3.000"), None, Decimal("1800.50"))  # 金額 is the line's amount
    # The reject: the same reason and text, at the sheet's row 7 (in the CSV written of it, line 5).
    [(line, column, reason, text)] = [(r.line, r.column, r.reason, r.text) for r in new.rejects]
    assert (line, column, text) == (7, "注文日", "1003,2025/13/45,c@example.jp,石鹸,1,600")
    assert [(r.column, r.reason, r.text) for r in old.rejects] == [(column, reason, text)]
    assert old.rejects[0].line == 5


def test_the_preview_of_a_workbook_shows_the_rows_the_import_writes(tmp_shop: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["注文番号", "注文日", "メールアドレス", "商品名", "数量", "金額"])
    for n in range(40):  # more rows than the preview shows; a blank row 10
        if n == 8:
            sheet.append([])
        sheet.append([5000 + n, dt.datetime(2025, 5, 1 + n % 28, 12, 0), f"c{n % 7}@example.jp", "石鹸",
                      1 + n % 3, 500 + 10 * n + (0.5 if n % 5 == 0 else 0)])
    book.save(tmp_path / "o.xlsx")
    plan, shown = plan_and_preview(tmp_shop, str(tmp_path / "o.xlsx"), ImportOptions())
    try:
        previewed = shown.table.as_dicts()
    finally:
        plan.close()
    assert [r["line"] for r in previewed] == [*range(2, 10), *range(11, 23)]  # sheet rows: row 10 is blank
    assert [r["order_id"] for r in previewed] == [str(5000 + n) for n in range(20)]
    result = import_file(tmp_shop, tmp_path / "o.xlsx")
    assert result.status == "imported" and result.read == 40
    written = {row[0]: row for row in tmp_shop.con.execute(
        "SELECT o.order_id, o.ordered_at, l.product, l.quantity, l.amount, o.revenue "
        "FROM orders o JOIN order_lines l USING (source, order_id)").fetchall()}
    for row in previewed:
        assert (row["ordered_at"], row["product"], row["quantity"], row["amount"],
                row["order_revenue"]) == written[row["order_id"]][1:]


def test_cancel_stops_a_workbook_import_and_lets_go_of_its_arrays(tmp_shop: Store, tmp_path: Path) -> None:
    path = orders_book(tmp_path / "orders.xlsx")
    state = TaskState()
    state.on_progress(lambda done, total, message: state.cancel() if message == "Checking values" else None)
    result = import_file(tmp_shop, path, state=state)  # cancelled after the scan registered the arrays
    assert result.status == "cancelled"
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    with pytest.raises(duckdb.CatalogException):
        tmp_shop.con.execute("SELECT * FROM imp_sheet")


def test_a_query_reading_the_arrays_is_interrupted_by_cancel() -> None:
    n = 2_000_000
    texts = np.empty(n, dtype=object)
    texts[:] = [f"x{i}" for i in range(n)]
    con = duckdb.connect()
    con.register("imp_sheet", {"c0": texts, "c1": np.arange(n, dtype=np.float64)})
    state = TaskState()
    timer = threading.Timer(0.2, state.cancel)
    timer.start()
    started = time.monotonic()
    with pytest.raises((duckdb.InterruptException, Cancelled)):
        CheckedConnection(con, state).execute(  # a few seconds' work when not cancelled
            "CREATE TEMP TABLE t AS SELECT md5(md5(md5(md5(c0)))) AS a, CAST(CAST(c1 AS BIGINT) AS VARCHAR) AS b, "
            "row_number() OVER () AS rn FROM imp_sheet")
    assert time.monotonic() - started < 1.5
    timer.join()
