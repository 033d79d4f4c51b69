"""Text from outside (customer names, products, comments) must never become a formula.

A spreadsheet treats a cell starting with = + - @ (and tab, CR, LF in some
programs) as a formula: a customer called "=HYPERLINK(...)" would run in the
owner's Excel. In xlsx we write such text as a string cell explicitly; in CSV
we prefix it with an apostrophe, the convention Excel shows as plain text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """Text made inert for CSV; numbers stay numbers (a negative amount is not a formula)."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value
