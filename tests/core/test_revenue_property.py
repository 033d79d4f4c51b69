"""Property: whatever the layout of an orders file, the shop's revenue is the sum of its orders' net
totals, worked out here in plain Python from the rows we wrote."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store
from tests.helpers import write_csv

money = st.decimals(min_value=Decimal("-500"), max_value=Decimal("20000"), places=0)
line = st.tuples(st.integers(1, 5), st.decimals(min_value=Decimal("-300"), max_value=Decimal("5000"), places=0))
order = st.tuples(st.lists(line, min_size=1, max_size=4), st.booleans(), st.sampled_from(["", "キャンセル", "発送済み"]),
                  st.sampled_from(["every row", "first row only", "none"]))


@settings(max_examples=40, deadline=None)
@given(orders=st.lists(order, min_size=1, max_size=8))
def test_revenue_is_the_sum_of_the_orders_net_totals(orders: list) -> None:
    rows = [["注文番号", "注文日", "メールアドレス", "数量", "単価", "合計金額", "ステータス"]]
    expected = Decimal(0)
    for n, (lines, total_given, status, where) in enumerate(orders, start=1):
        lines_total = sum(q * p for q, p in lines)
        total = lines_total + 500 if total_given else None  # a total with shipping, when the export gives one
        net = total if total is not None and where != "none" else lines_total
        if "キャンセル" not in status:
            expected += net  # a negative net total is a refund: it counts, negative
        for i, (q, p) in enumerate(lines):
            shown = "" if total is None or where == "none" or (where == "first row only" and i) else str(total)
            rows.append([f"N{n}", "2025/3/1", f"c{n % 3}@example.jp", str(q), str(p), shown, status])
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "orders.csv", rows)
        with Store(Path(folder) / "shop.duckdb") as store:
            result = import_file(store, path)
            assert result.status == "imported", result.message
            revenue = store.con.execute("SELECT coalesce(sum(revenue), 0) FROM orders WHERE NOT cancelled").fetchone()[0]
    assert revenue == expected
