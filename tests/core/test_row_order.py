"""A row's number is its place in the file, whatever DuckDB's plan and however busy the computer:
rejects point at the right lines and the rows of an order stay in the file's order."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.core.importing.formats import BY_NAME
from engage_desktop.core.importing.joined import JoinedFiles
from engage_desktop.core.importing.kinds import KINDS
from engage_desktop.core.importing.pipeline import plan_import
from engage_desktop.core.importing.staging import StageContext, drop_temp, scan
from engage_desktop.core.importing.staging.rows import create_rows, keeps_file_order
from engage_desktop.core.store import Store
from tests.core.test_pipeline import generic_rows
from tests.fixtures.exports import FILE_OF_FORMAT
from tests.helpers import write_csv

IMPORTED = sorted(name for name in FILE_OF_FORMAT if not BY_NAME[name].refusal)


@contextlib.contextmanager
def staged(store: Store, path: Path | JoinedFiles) -> Iterator[StageContext]:
    plan = plan_import(store, path)
    try:
        ctx = StageContext(store.con, plan.src, plan.detection, "Asia/Tokyo", "test")
        scan(ctx)
        yield ctx
    finally:
        drop_temp(store.con)
        plan.close()


@pytest.mark.parametrize("name", IMPORTED)
def test_every_format_is_read_by_a_plan_that_keeps_file_order(name: str, tmp_shop: Store, tmp_path: Path) -> None:
    # The fast way to number rows (the table's rowid) is only taken where the plan keeps the order.
    with staged(tmp_shop, FILE_OF_FORMAT[name](tmp_path)) as ctx:
        KINDS[ctx.det.kind].stage(ctx)
        assert ctx.rows_numbered_by == "rowid"


def test_the_plan_is_asked_not_assumed(tmp_shop: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "small.csv", generic_rows(range(1, 11)))
    source = f"read_csv('{path}', header = true, all_varchar = true)"
    assert keeps_file_order(tmp_shop.con, f"CREATE TEMP TABLE t AS SELECT * FROM {source}")
    joined = f"CREATE TEMP TABLE t AS SELECT 注文番号 IN (SELECT 'A0001') AS y FROM {source}"
    assert not keeps_file_order(tmp_shop.con, joined)


def test_a_read_whose_plan_has_a_join_is_numbered_in_file_order_on_a_busy_computer(tmp_shop: Store,
                                                                                   tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", generic_rows(range(1, 300_001)))
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for _ in range(3):
            with staged(tmp_shop, path) as ctx:
                # A join in the read (a semi join on a list of orders) takes the batch insert away.
                create_rows(ctx, "c0 AS order_id_text, c0 IN (SELECT 'A' || lpad(CAST(i AS VARCHAR), 4, '0') "
                                 "FROM range(1, 50) t(i)) AS early, NULL::VARCHAR AS skip_reason", [])
                assert ctx.rows_numbered_by == "row_number"
                out_of_order = tmp_shop.con.execute(
                    "SELECT count(*) FROM (SELECT rn, CAST(substr(order_id_text, 2) AS INT) AS n FROM imp_rows) "
                    "WHERE rn <> n").fetchone()[0]
                assert out_of_order == 0
    finally:
        for process in busy:
            process.kill()
            process.wait()
