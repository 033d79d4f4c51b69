"""Write real export files the way platforms and Excel write them."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl

from engage_desktop.core.metrics.base import counted_orders


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8", delimiter: str = ",",
              newline: str = "\r\n") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def orders_file(path: Path, orders: list[tuple[str, str, str, object]], encoding: str = "cp932") -> Path:
    """A shop's order list as a small shop exports it: (order number, YYYY-MM-DD, e-mail, amount) rows
    written as 注文番号, 注文日時 (that day at noon, with slashes), メールアドレス, 金額."""
    rows: list[list[object]] = [["注文番号", "注文日時", "メールアドレス", "金額"]]
    rows += [[o, d.replace("-", "/") + " 12:00", e, str(a)] for o, d, e, a in orders]
    return write_csv(path, rows, encoding=encoding)


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@contextlib.contextmanager
def small_file_system(folder: Path, megabytes: int) -> Iterator[Path]:
    """A real file system of ``megabytes`` (tmpfs) mounted on ``folder``: a nearly full disk, or
    (remounted read-only) a locked USB stick. Skips the test where mounting needs a root it lacks."""
    import pytest

    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


SHOP_TABLES = (
    "settings", "imports", "import_rejects", "orders", "order_lines", "customer_records",
    "survey_responses", "customers", "saved_mappings", "journey_notes", "funnel_counts",
)


def table_checksums(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """(row count, md5 of all rows in a stable order) for every shop table."""
    sums = {}
    for table in SHOP_TABLES:
        count, digest = con.execute(
            f"SELECT count(*), md5(coalesce(string_agg(r, '\n' ORDER BY r), '')) "
            f"FROM (SELECT CAST(t AS VARCHAR) AS r FROM {table} t)"
        ).fetchone()
        sums[table] = (count, digest)
    return sums


def every_month_sql(as_of: dt.date) -> str:
    """SQL: (customer_key, month) for every month from each customer's first order to the as-of month: asked
    of ``ltv.tiers_by_month_sql``, each customer's tier month by month, the reference the tier spans
    (metrics/tier_spans.py) are checked against."""
    return f"""SELECT c.customer_key, CAST(m AS DATE) AS month
               FROM (SELECT customer_key, CAST(date_trunc('month', min(ordered_at)) AS DATE) AS since
                     FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL GROUP BY 1) c,
                    range(c.since, date_trunc('month', DATE '{as_of.isoformat()}') + INTERVAL 1 MONTH,
                          INTERVAL 1 MONTH) r(m)"""
