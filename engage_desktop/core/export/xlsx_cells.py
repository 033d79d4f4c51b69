"""Writing cells with openpyxl: real numbers, real dates, money formats, and inert text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from engage_desktop.core.export.safe import looks_like_formula
from engage_desktop.core.messages import t
from engage_desktop.core.money import excel_format

YEN = excel_format("JPY")  # a Decimal written without a format: callers with the shop's currency pass theirs
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"


def month_format() -> str:
    """Excel's number format for a month, in the current language (2026年10月 / Oct 2026)."""
    # TRANSLATORS: an Excel number format for a month; Japanese: yyyy"年"m"月"
    return t("mmm yyyy")


def write_cell(sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None,
               bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = number_format or YEN
    elif isinstance(value, str):
        # Control characters (other than tab/CR/LF) are not allowed in xlsx at all.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        if looks_like_formula(value):
            # openpyxl would store "=..." as a formula: force a plain string cell.
            cell.data_type = TYPE_STRING
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = number_format or DATETIME
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = number_format or DATE
    else:
        cell.value = value
        if number_format:
            cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)


def write_row(sheet: Worksheet, row: int, values: list[Any], formats: list[str | None] | None = None,
              bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        fmt = formats[column - 1] if formats and column - 1 < len(formats) else None
        write_cell(sheet, row, column, value, fmt, bold)
