"""The tiers as spans (metrics/tier_spans.py) against the tiers month by month.

The month-by-month answer is ``ltv.tiers_by_month_sql`` over every month of every customer (each month
end's tier from the orders up to then, checked by hand in test_tiers_over_time.py): on random shops,
under several tier lists (the dormant tier first or missing, a tier of LTV 0, minimums the amounts
hit exactly), the spans give every customer the same tier at every month end, and the tier history's
counts and moves equal those counted in plain Python from the month-by-month tiers. A hand-worked case
checks a run that ends on the day the LTV formula lands on exactly.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import ltv, tier_history, tier_spans
from engage_desktop.core.metrics.ltv import Tier
from engage_desktop.core.store import Store
from tests.helpers import every_month_sql, write_csv

START = dt.date(2023, 1, 1)


def tier(key: str, min_ltv: float = 0, min_orders: int = 0, dormant: bool = False) -> Tier:
    return Tier(key, key, key, min_ltv, min_orders, dormant)


TIER_LISTS = [
    None,  # the defaults: 優良 50,000, 中堅 20,000, 一般 2 purchases, 1回購入, 休眠
    [tier("sleeping", dormant=True), tier("big", 20000), tier("twice", 0, 2), tier("rest")],  # dormant listed first
    [tier("big", 10000), tier("rest")],  # no dormant tier
    [tier("exact", 5000, 2), tier("mid", 2500), tier("rest"), tier("dormant", dormant=True)],  # amounts hit these
    [tier("only")],
]

order = st.tuples(
    st.integers(1, 6),  # customer
    st.integers(0, 1000),  # days after START
    st.sampled_from([2500, 5000, 10000, 20000, 1234, 50000, -2500, -5000]),  # negative: a return of its own
)


def month_tiers(store: Store, as_of: dt.date) -> dict[tuple[str, dt.date], str]:
    rows = store.con.execute(
        f"SELECT customer_key, month, tier FROM ({ltv.tiers_by_month_sql(store, as_of, every_month_sql(as_of))})"
    ).fetchall()
    return {(key, month): tier for key, month, tier in rows}


def span_tiers(store: Store, as_of: dt.date) -> dict[tuple[str, dt.date], str]:
    """Every month of every span's runs, by the customer's key (the spans are keyed by its hash)."""
    tier_list = ltv.tiers(store)
    keys = {h: k for k, h in store.con.execute("SELECT customer_key, hash(customer_key) FROM customers").fetchall()}
    out = {}
    rows = store.con.execute(f"SELECT * FROM ({tier_spans.tier_spans_sql(store, as_of)})")
    names = [d[0] for d in rows.description]
    for values in rows.fetchall():
        span = dict(zip(names, values))
        customer = keys.get(span["customer_id"], span["customer_id"])
        covered = 0
        for place, t in enumerate(tier_list, start=1):
            for month in range(span[f"s{place}"], span[f"e{place}"]):
                assert (customer, month) not in out, "two tiers in one month"
                out[(customer, tier_spans.month_of(month))] = t.key
                covered += 1
        assert covered == span["n"] - span["m"], "the runs leave a month of the span out"
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orders=st.lists(order, min_size=1, max_size=40), tiers_at=st.integers(0, len(TIER_LISTS) - 1),
       dormant_days=st.sampled_from([30, 90, 180, 365]), as_of_day=st.integers(200, 1200))
def test_spans_give_every_month_the_tier_month_by_month_does(orders: list[tuple[int, int, int]], tiers_at: int,
                                                               dormant_days: int, as_of_day: int) -> None:
    as_of = START + dt.timedelta(days=as_of_day)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        rows = [["注文番号", "注文日", "メールアドレス", "金額"]]
        rows += [[f"O{i}", (START + dt.timedelta(days=d)).isoformat(), f"c{c}@x.jp", str(amount)]
                 for i, (c, d, amount) in enumerate(orders)]
        with Store(root / "shop.duckdb") as store:
            assert import_file(store, write_csv(root / "o.csv", rows)).status == "imported"
            if TIER_LISTS[tiers_at] is not None:
                ltv.save_tiers(store, TIER_LISTS[tiers_at])
            store.set_setting("dormant_days", dormant_days)

            expected = month_tiers(store, as_of)
            assert span_tiers(store, as_of) == expected

            # The history from the spans against counting the month-by-month tiers in plain Python.
            # the owner's order, highest first, with the dormant tier the lowest wherever it is listed
            listed = ltv.tiers(store)
            order_of = [t.key for t in listed if not t.dormant] + [t.key for t in listed if t.dormant]
            counts = Counter((month, key) for (_, month), key in expected.items())
            moves: dict[dt.date, list[int]] = {}
            for (customer, month), key in expected.items():
                before = expected.get((customer, (month - dt.timedelta(days=1)).replace(day=1)))
                up_down_new = moves.setdefault(month, [0, 0, 0])
                if before is None:
                    up_down_new[2] += 1
                elif order_of.index(key) < order_of.index(before):
                    up_down_new[0] += 1
                elif order_of.index(key) > order_of.index(before):
                    up_down_new[1] += 1
            history = tier_history.tier_history(store, as_of)
            assert history.customers == dict(counts)
            assert {m: list(v) for m, v in history.moves.items() if v != (0, 0, 0)} == \
                {m: v for m, v in moves.items() if v != [0, 0, 0]}


def test_a_run_ends_where_the_ltv_formula_lands_exactly(tmp_shop: Store, tmp_path: Path) -> None:
    # Three orders of ¥40,000 and one of ¥80,000 on 2023-01-10: ¥200,000, 優良
    # (¥50,000 a year) until 200,000 / 50,000 = 4 years = 1,461 days after the first order, which
    # 365.25 x 4 hits exactly: still 優良 on day 1,461 (2027-01-10), no longer on day 1,462.
    # As of 2027-03-31 and dormant after 3,650 days (never, here): 優良 through December 2026; at the
    # end of January 2027 (day 1,482) LTV = 200,000 / (1,482 / 365.25) = ¥49,291: 中堅.
    rows = [["注文番号", "注文日", "メールアドレス", "金額"]]
    rows += [[f"X{i}", "2023-01-10", "x@x.jp", str(amount)] for i, amount in enumerate([40000, 40000, 40000, 80000])]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    tmp_shop.set_setting("dormant_days", 3650)
    as_of = dt.date(2027, 3, 31)
    tiers = span_tiers(tmp_shop, as_of)
    assert [tiers[("e:x@x.jp", dt.date(2026, m, 1))] for m in (11, 12)] == ["top", "top"]
    assert [tiers[("e:x@x.jp", dt.date(2027, m, 1))] for m in (1, 2, 3)] == ["good", "good", "good"]
    assert tiers == month_tiers(tmp_shop, as_of)
    # One day before the run's end, on the as-of day itself: still 優良 in the month still running.
    assert span_tiers(tmp_shop, dt.date(2027, 1, 10))[("e:x@x.jp", dt.date(2027, 1, 1))] == "top"
    assert span_tiers(tmp_shop, dt.date(2027, 1, 11))[("e:x@x.jp", dt.date(2027, 1, 1))] == "good"


def test_a_run_ends_where_the_facts_floating_point_says_not_where_the_formula_does(tmp_shop: Store,
                                                                                    tmp_path: Path) -> None:
    # ¥140,000 in three orders on 2015-12-30 against a tier of ¥15,000 a year: the formula says it
    # holds until 365.25 x 140,000 / 15,000 = 3,409 days, exactly; the facts' LTV on day 3,409
    # (2025-04-30) is (140,000 / 3) x (3 / (3,409 / 365.25)) = 14,999.999999999998 in floating point:
    # no longer in the tier at the end of April 2025, as the LTV view says on that day.
    rows = [["注文番号", "注文日", "メールアドレス", "金額"]]
    rows += [[f"Y{i}", "2015-12-30", "y@x.jp", str(amount)] for i, amount in enumerate([40000, 50000, 50000])]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    ltv.save_tiers(tmp_shop, [tier("big", 15000), tier("rest")])
    as_of = dt.date(2025, 6, 30)
    tiers = span_tiers(tmp_shop, as_of)
    assert [tiers[("e:y@x.jp", dt.date(2025, m, 1))] for m in (3, 4, 5)] == ["big", "rest", "rest"]
    assert tiers == month_tiers(tmp_shop, as_of)
    on_the_day = {r["email"]: r["tier"] for r in ltv.customer_list(tmp_shop, dt.date(2025, 4, 30)).as_dicts()}
    assert on_the_day["y@x.jp"] == "rest"


def test_refunds_beyond_the_purchases_under_a_tiny_minimum(tmp_shop: Store, tmp_path: Path) -> None:
    # A's refund (¥50,000) exceeds the purchase (¥1,000): revenue -¥49,000, never in a tier with a minimum,
    # however small. The formula's day count (365.25 x -49,000 / 10^-12) is below any integer type: found
    # by a reviewer, it stopped the tier history with a conversion error.
    rows = [["注文番号", "注文日", "メールアドレス", "金額"], ["A1", "2024-01-10", "a@x.jp", "1000"],
            ["A2", "2024-02-10", "a@x.jp", "-50000"], ["B1", "2024-01-10", "b@x.jp", "3000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    ltv.save_tiers(tmp_shop, [tier("big", 1e-12), tier("rest")])
    as_of = dt.date(2024, 6, 30)
    tiers = span_tiers(tmp_shop, as_of)
    assert [tiers[("e:a@x.jp", dt.date(2024, m, 1))] for m in (1, 2, 6)] == ["big", "rest", "rest"]
    assert tiers == month_tiers(tmp_shop, as_of)
    assert tier_history.tier_history(tmp_shop, as_of).moves[dt.date(2024, 2, 1)] == (0, 1, 0)


def test_turning_dormant_is_down_and_coming_back_up_wherever_the_dormant_tier_is_listed(tmp_shop: Store,
                                                                                          tmp_path: Path) -> None:
    # The dormant tier listed first; dormant after 30 days. A buys ¥1,000 on 2025-01-10 (rest, new in
    # January), is 49 days without an order at the end of February (dormant: down), and buys again on
    # 2025-04-10 (rest again at the end of April: up, though rest is listed after the dormant tier).
    rows = [["注文番号", "注文日", "メールアドレス", "金額"], ["A1", "2025-01-10", "a@x.jp", "1000"],
            ["A2", "2025-04-10", "a@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    ltv.save_tiers(tmp_shop, [tier("sleeping", dormant=True), tier("big", 20000), tier("rest")])
    tmp_shop.set_setting("dormant_days", 30)
    history = tier_history.tier_history(tmp_shop, dt.date(2025, 4, 30))
    assert {m.month: v for m, v in history.moves.items() if v != (0, 0, 0)} == {1: (0, 0, 1), 2: (0, 1, 0), 4: (1, 0, 0)}
