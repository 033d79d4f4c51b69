"""How a file was (or will be) read, in the owner's words: its text, its dates, its money, its times.

The import window's preview and result, and the command line, say the same thing from here.
"""

from __future__ import annotations

from engage_desktop.core.importing.currency import currency_name
from engage_desktop.core.importing.dates import DateReading
from engage_desktop.core.messages import N_, t, zone_name

_DATES = {
    "chosen": N_("Dates in {column} are read like {example} (your choice)."),
    "ambiguous": N_("Dates in {column} are read like {example}, but could also be read the other way (day and month "
                    "swapped): check them, or choose how the dates are written."),
    "decided": N_("Dates in {column} are read like {example} (decided from all its values)."),
}
_CURRENCY = {
    "column": N_("Money in {currency}, from the file's currency column."),
    "platform": N_("Money in {currency}, the platform's currency."),
    "symbol": N_("Money in {currency}, from the sign in its amounts."),
    "chosen": N_("Money in {currency}, as you chose."),
    "shop": N_("Money in {currency}, the shop's currency (the file does not say)."),
    "assumed": N_("Money in {currency}, assumed (the file does not say)."),
}
_ZONE = {
    "shop": N_("Times in {zone}, the shop's time zone."),
    "file": N_("Times in {zone}, from the time offsets in the file."),
    "computer": N_("Times in {zone}, this computer's time zone."),
}


# What became of an import (ImportResult.status, the imports table's status).
_STATUS = {"imported": N_("imported"), "nothing new": N_("nothing new"), "refused": N_("refused"),
           "failed": N_("failed"), "undone": N_("undone"), "cancelled": N_("cancelled")}

_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "latin-1": "Latin-1"}
_WORKBOOKS = ("xlsx", "xlsm", "xls", "xlsb")


def encoding_name(encoding: str) -> str:
    """How a file's text was read, as the owner knows it: UTF-8, Shift_JIS (CP932), Excel…
    (``encoding`` as ImportResult and the imports table hold it: a codec, or a workbook's suffix)."""
    if encoding == "cp932":
        return t("Shift_JIS (CP932)")
    if encoding in _WORKBOOKS:
        return "Excel"
    if encoding == "ods":
        return t("spreadsheet (ODS)")
    return _ENCODINGS.get(encoding, encoding)


def date_reading_text(column: str, reading: DateReading) -> str:
    """How one column's dates are read: 「注文日は 2024-12-31 の形式で読みます（すべての値から判定）。」"""
    how = "chosen" if reading.chosen else "ambiguous" if reading.ambiguous else "decided"
    return t(_DATES[how], column=column, example=reading.example)


def currency_text(code: str, how: str) -> str:
    """The currency the amounts are read in, and how it was known (currency.FileCurrency.how, 'shop', 'assumed')."""
    return t(_CURRENCY[how], currency=currency_name(code)) if how in _CURRENCY else currency_name(code)


def zone_text(zone: str, how: str) -> str:
    """The zone the times are put in, and how it was known (shop, file, computer)."""
    return t(_ZONE[how], zone=zone_name(zone)) if how in _ZONE else zone_name(zone)


def status_text(status: str) -> str:
    """An import's status in the owner's words (取り込み済み, 新しいデータなし, 取り消し済み…)."""
    return t(_STATUS[status]) if status in _STATUS else status
