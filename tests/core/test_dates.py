"""Dates are read with one layout per column, decided from all of its values; what cannot be
read, or lands outside the plausible range, is a reject quoting the cell, never a year 6 AD."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing import dates
from engage_desktop.core.importing.pipeline import ImportOptions, import_file
from engage_desktop.core.store import Store
from tests.helpers import write_csv


def read_column(cells: list[str], zone: str = "Asia/Tokyo", chosen: str | None = None) -> tuple[dates.DateReading, list]:
    """Decide the layout from the cells, then read each with the SQL the import uses."""
    reading = dates.decide(dates.profile_of(cells), chosen=chosen)
    con = duckdb.connect()
    expr = dates.parse_sql(dates.text_sql("x"), reading, zone)
    return reading, [con.execute(f"SELECT {expr} FROM (SELECT ?::VARCHAR AS x)", [c]).fetchone()[0] for c in cells]


def test_us_short_dates_with_two_digit_years() -> None:
    reading, values = read_column(["9/30/11", "1/5/12", "12/31/10"])  # Excel's US short date, M/D/YY
    assert reading.layout == "mdy2" and not reading.ambiguous
    assert values == [dt.datetime(2011, 9, 30), dt.datetime(2012, 1, 5), dt.datetime(2010, 12, 31)]


def test_amazon_in_month_day_two_digit_year_is_never_year_6() -> None:
    reading, values = read_column(["06-05-21", "07-30-21", "04-30-22"])
    assert reading.layout == "mdy2"
    assert values == [dt.datetime(2021, 6, 5), dt.datetime(2021, 7, 30), dt.datetime(2022, 4, 30)]


def test_a_column_whose_days_are_all_small_is_flagged_ambiguous() -> None:
    reading, values = read_column(["06-05-21", "07-05-21"])
    assert reading.ambiguous and reading.layout == "mdy2"
    assert values == [dt.datetime(2021, 6, 5), dt.datetime(2021, 7, 5)]
    _, chosen = read_column(["06-05-21", "07-05-21"], chosen="dmy2")
    assert chosen == [dt.datetime(2021, 5, 6), dt.datetime(2021, 5, 7)]


def test_a_first_field_over_12_anywhere_means_day_first() -> None:
    reading, values = read_column(["1/2/2024", "3/4/2024", "31/12/2024"])
    assert reading.layout == "dmy" and not reading.ambiguous
    assert values == [dt.datetime(2024, 2, 1), dt.datetime(2024, 4, 3), dt.datetime(2024, 12, 31)]


@pytest.mark.parametrize(("cell", "expected"), [
    ("2017-02-01T00:46:09Z", dt.datetime(2017, 2, 1, 9, 46, 9)),  # UTC -> Tokyo
    ("2024-05-01T09:00:00.000+09:00", dt.datetime(2024, 5, 1, 9, 0)),
    ("2024-05-01T00:00:00.000Z", dt.datetime(2024, 5, 1, 9, 0)),
    ("2024-05-01T09:00:00.1234567+09:00", dt.datetime(2024, 5, 1, 9, 0, 0, 123456)),  # .NET's 7 digits
    ("2025-10-02 17:09:34 -0300", dt.datetime(2025, 10, 3, 5, 9, 34)),  # Shopify
    ("2024/01/07 7:41:40 午後 GMT+9", dt.datetime(2024, 1, 7, 19, 41, 40)),  # Google Forms' CSV download
    ("2026/09/27 3:00:00 PM GMT+3", dt.datetime(2026, 9, 27, 21, 0)),
    ("令和5年12月1日", dt.datetime(2023, 12, 1)),
    ("R5.12.1", dt.datetime(2023, 12, 1)),
    ("令和元年5月1日", dt.datetime(2019, 5, 1)),
    ("45326", dt.datetime(2024, 2, 4)),  # an Excel serial
    ("２０２４年１月７日", dt.datetime(2024, 1, 7)),
    ("20240501093000", dt.datetime(2024, 5, 1, 9, 30)),
])
def test_every_layout_we_promise(cell: str, expected: dt.datetime) -> None:
    assert read_column([cell])[1] == [expected]


def generic(dates_column: list[str]) -> list[list[str]]:
    return [["注文番号", "注文日", "金額"], *([f"A{i}", d, "1000"] for i, d in enumerate(dates_column))]


def test_the_import_decides_from_the_whole_column_and_says_how(tmp_shop: Store, tmp_path: Path) -> None:
    # The first rows could be M/D or D/M; only the last row says day first.
    column = [f"{d}/{m}/2024" for d, m in ((1, 2), (3, 4), (5, 6))] * 20 + ["25/12/2024"]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", generic(column)))
    assert result.status == "imported" and result.rejected == 0
    assert result.dates["order_date"].layout == "dmy"
    days = [r[0] for r in tmp_shop.con.execute("SELECT DISTINCT CAST(ordered_at AS DATE) FROM orders ORDER BY 1").fetchall()]
    assert days == [dt.date(2024, 2, 1), dt.date(2024, 4, 3), dt.date(2024, 6, 5), dt.date(2024, 12, 25)]


def test_implausible_dates_are_rejects_that_quote_the_cell(tmp_shop: Store, tmp_path: Path) -> None:
    column = ["2024/1/5"] * 20 + ["0006/5/21", "2099/1/1"]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", generic(column)))
    assert (result.imported, result.rejected) == (20, 2)
    reasons = sorted(r.reason for r in result.rejects)
    assert reasons[0].startswith('注文日: "0006/5/21" reads as 21 May 0006, outside 1 Jan 1990 – ')
    assert reasons[0].endswith("Check how the dates are written (day and month the other way?), or correct the date "
                               "in the file, and import again.")
    assert reasons[1].startswith('注文日: "2099/1/1" reads as 1 Jan 2099, outside 1 Jan 1990 – ')


def test_the_owner_can_choose_the_layout(tmp_shop: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "o.csv", generic(["01/02/2024", "03/04/2024"]))
    result = import_file(tmp_shop, path, ImportOptions(date_layout="dmy"))
    assert result.dates["order_date"].chosen
    days = [r[0] for r in tmp_shop.con.execute("SELECT CAST(ordered_at AS DATE) FROM orders ORDER BY 1").fetchall()]
    assert days == [dt.date(2024, 2, 1), dt.date(2024, 4, 3)]


# Cells of digits and separators in every arrangement, some of them dates.
date_like = st.text(alphabet=list("0123456789/-.年月日 :TZ+"), min_size=1, max_size=19)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(date_like, min_size=1, max_size=8))
def test_any_accepted_date_lies_in_the_plausible_range(tmp_path: Path, cells: list[str]) -> None:
    path = write_csv(tmp_path / "o.csv", generic(["2024/1/1", *cells]))
    with Store(tmp_path / f"shop-{abs(hash(tuple(cells)))}.duckdb") as store:
        result = import_file(store, path)
        latest = dt.datetime.now() + dt.timedelta(days=1)
        stored = [r[0] for r in store.con.execute("SELECT ordered_at FROM orders").fetchall()]
        assert all(dt.datetime(1990, 1, 1) <= when <= latest for when in stored), stored
        assert result.read == result.imported + result.rejected + result.skipped
