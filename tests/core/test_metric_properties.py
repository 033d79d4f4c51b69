"""Invariants on random shops: the parts always add up to the whole."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import ltv, monthly, surveys
from engage_desktop.core.store import Store
from tests.fixtures.exports import FAN_Q, LIKING_Q, NPS_Q
from tests.helpers import write_csv

START = dt.date(2024, 1, 1)

order = st.tuples(
    st.integers(0, 30),  # customer number; 0 = anonymous
    st.integers(0, 900),  # days after START
    st.integers(1, 500_000).map(lambda yen: Decimal(yen) / 10),  # money with a fraction
    st.booleans().map(lambda c: "キャンセル" if c else "発送済み"),
)
answer = st.tuples(
    st.integers(0, 35),  # customer number (some never bought; 0 = anonymous)
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(1, 6)),
    st.one_of(st.none(), st.integers(1, 7)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orders=st.lists(order, min_size=1, max_size=60), answers=st.lists(answer, max_size=30))
def test_parts_add_up(orders: list[tuple[int, int, Decimal, str]], answers: list[tuple[int, int | None, int | None, int | None]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        rows = [["注文番号", "注文日", "メールアドレス", "金額", "ステータス"]]
        rows += [[f"O{i}", (START + dt.timedelta(days=d)).isoformat(), f"c{c}@x.jp" if c else "", str(amount), status]
                 for i, (c, d, amount, status) in enumerate(orders)]
        survey = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q]]
        survey += [[f"2024-0{1 + i % 9}-01 10:00:{i % 60:02d}", f"c{c}@x.jp" if c else "",
                    "" if n is None else str(n), "" if f is None else str(f), "" if lk is None else str(lk)]
                   for i, (c, n, f, lk) in enumerate(answers)]
        with Store(root / "shop.duckdb") as store:
            assert import_file(store, write_csv(root / "o.csv", rows)).status == "imported"
            if len(survey) > 1:
                result = import_file(store, write_csv(root / "s.csv", survey))
                assert result.read == result.imported + result.rejected + result.skipped
            as_of = dt.date(2026, 12, 31)
            counted = [(c, amount) for c, _, amount, status in orders if status != "キャンセル"]
            buyers = {c for c, _ in counted if c}
            total = sum((a for _, a in counted), Decimal(0))
            buyer_revenue = sum((a for c, a in counted if c), Decimal(0))

            tiers = ltv.tier_table(store, as_of)
            assert sum(tiers.column("customers")) == len(buyers)
            assert sum(tiers.column("revenue")) == buyer_revenue
            deciles = ltv.deciles(store, as_of)
            assert sum(deciles.column("customers")) == len(buyers)
            assert sum(deciles.column("revenue")) == buyer_revenue
            sizes = deciles.column("customers")
            if len(buyers) >= 10:
                assert max(sizes) - min(sizes) <= 1  # equal-count groups

            if counted:
                assert sum(monthly.monthly(store, as_of).column("revenue")) == total

            score = surveys.nps(store, as_of)
            assert score.promoters + score.passives + score.detractors == score.responses
            assert score.responses == sum(1 for _, n, _, _ in answers if n is not None)
            pairs = sum(1 for _, _, f, lk in answers if f is not None and lk is not None)
            assert surveys.fan_matrix(store, as_of).total == pairs
