"""Customer lists as action lists for a campaign: CSV (UTF-8 with BOM, or CP932) and xlsx."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from engage_desktop.core.export.safe import csv_cell
from engage_desktop.core.export.xlsx_cells import write_row
from engage_desktop.core.messages import t
from engage_desktop.core.table import Table
from engage_desktop.core.targets import check_target


def write_list(table: Table, path: str | Path, headers: list[str] | None = None, encoding: str = "utf-8-sig") -> Path:
    """Write ``table`` by the file's suffix: .xlsx, or .csv in ``encoding`` (utf-8-sig or cp932)."""
    path = check_target(path)
    headers = headers or table.columns
    if path.suffix.lower() == ".xlsx":
        return _xlsx(table, path, headers)
    return _csv(table, path, headers, encoding)


def unwritable(table: Table, headers: list[str], encoding: str) -> list[str]:
    """The distinct characters of the list that ``encoding`` cannot hold (Shift_JIS has no emoji, no
    ①…: they would be written as '?'), so that the owner can be told before saving."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig"):
        return []
    found: set[str] = set()
    for text in (*headers, *(v for row in table.rows for v in row if isinstance(v, str))):
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            found.update(ch for ch in text if not _encodes(ch, encoding))
    return sorted(found)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def _csv(table: Table, path: Path, headers: list[str], encoding: str) -> Path:
    with path.open("w", encoding=encoding, errors="replace", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([csv_cell(h) for h in headers])
        for row in table.rows:
            writer.writerow([_plain(csv_cell(v)) for v in row])
    return path


def _plain(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value


def _xlsx(table: Table, path: Path, headers: list[str]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("Customer list")
    write_row(sheet, 1, headers, bold=True)
    for r, row in enumerate(table.rows, start=2):
        write_row(sheet, r, list(row))
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 16
    workbook.save(path)
    return path
