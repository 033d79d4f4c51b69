"""The SQL cell normalisers against plain-Python definitions of what they promise.

The fast paths (test the cell's ends before trimming, skip work ASCII cells do not
need) must give exactly what the plain rule gives, for any text.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing import values as v

# Cells made of the characters that matter: blanks of three kinds, an apostrophe, text.
cells = st.text(alphabet=[" ", "\u3000", "\t", "'", "a", "髙", "1", "-"], max_size=8)


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def sql_value(con: duckdb.DuckDBPyConnection, expr: str, cell: str | None) -> object:
    return con.execute(f"SELECT {expr.replace('__C__', '$cell')}", {"cell": cell}).fetchone()[0]


@settings(max_examples=300, deadline=None)
@given(cell=cells)
def test_clean_trims_the_three_blanks_and_blank_is_null(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    expected = cell.strip(" \u3000\t") or None
    assert sql_value(con, v.clean("__C__"), cell) == expected


@settings(max_examples=300, deadline=None)
@given(cell=cells)
def test_identifier_drops_spaces_and_a_leading_apostrophe(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    expected = cell.strip(" \u3000").lstrip("'") or None  # DuckDB's trim(): Unicode spaces, not tabs
    assert sql_value(con, v.identifier("__C__"), cell) == expected


def test_null_cells_stay_null(con: duckdb.DuckDBPyConnection) -> None:
    assert sql_value(con, v.clean("__C__"), None) is None
    assert sql_value(con, v.identifier("__C__"), None) is None


@pytest.mark.parametrize(("cell", "expected"), [
    ("01:02:03", dt.time(1, 2, 3)), ("93005", dt.time(9, 30, 5)), ("１２：３０", dt.time(12, 30)),
    (" 07:08:09 ", dt.time(7, 8, 9)), ("25:00:00", None), ("", None),
])
def test_time_of_day(con: duckdb.DuckDBPyConnection, cell: str, expected: dt.time | None) -> None:
    assert sql_value(con, v.time_of_day("__C__"), cell) == expected


FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－ー−＋：／　", "0123456789.,---+:/ ")
contact_cells = st.text(alphabet=[" ", "\u3000", "\t", "'", "A", "b", "@", ".", "０", "1", "8", "+", "-", "髙",
                                  "ｔ", "Ａ", "＠", "．", "＿"], max_size=14)


def plain_clean(cell: str) -> str | None:
    return cell.strip(" \u3000\t") or None


@settings(max_examples=400, deadline=None)
@given(cell=contact_cells)
def test_email_is_folded_trimmed_and_lower_case(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    cleaned = plain_clean(cell)
    # full-width letters and signs too (！ U+FF01 … ～ U+FF5E are ! … ~ shifted by 0xFEE0)
    ascii_ = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    expected = (cleaned.translate(FULL_WIDTH).translate(ascii_).strip(" '").lower() or None) if cleaned else None
    assert sql_value(con, v.email("__C__"), cell) == expected


@settings(max_examples=400, deadline=None)
@given(cell=contact_cells)
def test_phone_is_national_digits_of_at_least_six(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    cleaned = plain_clean(cell)
    digits = "".join(ch for ch in cleaned.translate(FULL_WIDTH) if ch.isdigit() or ch == "+") if cleaned else None
    national = None if digits is None else ("0" + digits[3:] if digits.startswith("+81") else digits.replace("+", ""))
    expected = national if national is not None and len(national) >= 6 else None
    assert sql_value(con, v.phone("__C__"), cell) == expected


@settings(max_examples=400, deadline=None)
@given(cell=st.text(alphabet=[" ", "\u3000", "\t", "\n", "\u00a0", "髙", "橋", "a"], max_size=10))
def test_person_name_has_single_spaces(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    import re

    collapsed = re.sub(r"[ \t\n\r\f]+", " ", cell.replace("\u3000", " "))
    expected = collapsed.strip(" \u00a0\u3000") or None  # trim(): Unicode spaces at the ends
    assert sql_value(con, v.person_name("__C__"), cell) == expected


@settings(max_examples=400, deadline=None)
@given(cell=st.text(alphabet=["1", "０", ",", ".", "-", "－", "ー", "−", "(", ")", "△", "▲", "¥", "円", " ", "'"], max_size=8))
def test_is_negative_is_an_amount_below_zero(con: duckdb.DuckDBPyConnection, cell: str) -> None:
    amount = sql_value(con, v.money("__C__"), cell)
    assert sql_value(con, v.is_negative("__C__"), cell) is (amount is not None and amount < 0)


def test_a_field_the_export_lacks_is_a_typed_null(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(f"SELECT typeof({v.money(v.NO_COLUMN)}), {v.money(v.NO_COLUMN)}").fetchone() == ("DECIMAL(18,2)", None)
    assert con.execute(f"SELECT typeof({v.number(v.NO_COLUMN)}), {v.number(v.NO_COLUMN)}").fetchone() == ("DECIMAL(18,3)", None)
