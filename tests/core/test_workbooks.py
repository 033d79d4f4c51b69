"""Workbooks as owners have them: .xls and .ods beside .xlsx, the sheet the owner sees, never a hidden one."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store

FILES = Path(__file__).parent.parent / "fixtures" / "files"


@pytest.mark.parametrize("name", ["orders.xls", "orders.ods"])
def test_old_excel_and_opendocument_files_import_like_xlsx(tmp_shop: Store, tmp_path: Path, name: str) -> None:
    # Written by LibreOffice from an xlsx of made-up orders; a hidden マスタ sheet follows the data.
    path = shutil.copy(FILES / name, tmp_path / name)
    result = import_file(tmp_shop, path)
    assert result.status == "imported", result.message
    assert result.sheet == "受注" and result.rejected == 0
    rows = tmp_shop.con.execute("SELECT order_id, ordered_at, revenue FROM orders ORDER BY order_id").fetchall()
    assert rows == [("1001", dt.datetime(2025, 3, 1, 10, 0), Decimal("2400.00")),
                    ("1002", dt.datetime(2025, 3, 2, 11, 30), Decimal("1800.00")),
                    ("1003", dt.datetime(2025, 3, 5, 9, 15), Decimal("5500.00"))]


def orders_sheet(book: openpyxl.Workbook, title: str, first: int) -> None:
    sheet = book.create_sheet(title)
    sheet.append(["注文番号", "注文日", "金額"])
    for n in range(first, first + 3):
        sheet.append([f"{title}-{n}", "2025/4/1", 100 * n])


def test_a_hidden_first_sheet_is_never_read_by_default(tmp_shop: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    orders_sheet(book, "元データ", 1)
    orders_sheet(book, "注文", 10)
    book["元データ"].sheet_state = "hidden"
    book.active = 0  # the workbook even opens on the hidden sheet
    book.save(tmp_path / "o.xlsx")
    result = import_file(tmp_shop, tmp_path / "o.xlsx")
    assert result.sheet == "注文"
    assert {r[0] for r in tmp_shop.con.execute("SELECT order_id FROM orders").fetchall()} == {"注文-10", "注文-11", "注文-12"}


def test_the_active_sheet_is_read_first(tmp_shop: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for i, title in enumerate(["一月", "二月", "三月"]):
        orders_sheet(book, title, 1 + 10 * i)
    book.active = 2  # the sheet the owner left open when saving
    book.save(tmp_path / "o.xlsx")
    assert import_file(tmp_shop, tmp_path / "o.xlsx").sheet == "三月"


def test_only_hidden_sheets_hold_data_is_refused_naming_them(tmp_shop: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "表紙"
    orders_sheet(book, "データ", 1)
    book["データ"].sheet_state = "hidden"
    book.save(tmp_path / "o.xlsx")
    result = import_file(tmp_shop, tmp_path / "o.xlsx")
    assert result.status == "refused" and "データ" in result.message and "hidden" in result.message


def test_the_cli_names_the_sheet_it_read(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = shutil.copy(FILES / "orders.xls", tmp_path / "orders.xls")
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "import", "--db", str(tmp_path / "s.duckdb"), str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0 and "sheet: 受注" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("at", [65533, 65534, 65535, 65536])
def test_a_sheet_is_seen_to_hold_cells_wherever_its_first_cell_starts(at: int) -> None:
    # The sheet's XML is read 64 KB at a time, up to its first cell: one cut across the "<c " too.
    import io
    import zipfile

    from engage_desktop.core.importing.sheets import xlsx_has_cells

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", b"<sheetData>" + b" " * (at - 11) + b'<c r="A1"><v>1</v></c>')
        book.writestr("xl/worksheets/sheet2.xml", b"<sheetData>" + b" " * 200_000 + b"<cols/></sheetData>")
    with zipfile.ZipFile(data) as book:
        assert xlsx_has_cells(book, "xl/worksheets/sheet1.xml")
        assert not xlsx_has_cells(book, "xl/worksheets/sheet2.xml")
        assert not xlsx_has_cells(book, "xl/worksheets/sheet3.xml") and not xlsx_has_cells(book, None)
