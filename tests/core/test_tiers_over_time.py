"""Tiers as they were: each customer's tier at each month's end, from the orders up to then, and the
month-over-month view's tier filter counting the customers who were in the tier that month.
Expected figures are worked out by hand from the rules (LTV = revenue / max(1, years since the first
order), dormant after 180 days without an order) in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import ltv, monthly
from engage_desktop.core.store import Store
from tests.helpers import every_month_sql, orders_file

AS_OF = dt.date(2025, 12, 31)
ORDERS = [
    # A spends ¥60,000 a month in January-March 2025, then stops.
    ("A1", "2025-01-10", "a@x.jp", 60000), ("A2", "2025-02-10", "a@x.jp", 60000), ("A3", "2025-03-10", "a@x.jp", 60000),
    # B buys ¥1,000 in January and again in November.
    ("B1", "2025-01-20", "b@x.jp", 1000), ("B2", "2025-11-05", "b@x.jp", 1000),
]


@pytest.fixture
def shop(tmp_shop: Store, tmp_path: Path) -> Store:
    assert import_file(tmp_shop, orders_file(tmp_path / "orders.csv", ORDERS, encoding="utf-8")).status == "imported"
    return tmp_shop


def test_a_customer_s_tier_at_each_month_end_follows_their_orders_up_to_then(shop: Store) -> None:
    rows = shop.con.execute(
        f"""SELECT c.email, t.month, t.tier FROM ({ltv.tiers_by_month_sql(shop, AS_OF, every_month_sql(AS_OF))}) t
            JOIN customers c USING (customer_key) ORDER BY 1, 2""").fetchall()
    by = {(email, month.month): tier for email, month, tier in rows}
    # A: LTV 60,000 at the end of January (one year's minimum), 120,000, 180,000: 優良 (top) while buying;
    # still top through August (Aug 31 is 174 days after Mar 10); dormant from September (204 days > 180).
    assert [by[("a@x.jp", m)] for m in range(1, 13)] == ["top"] * 8 + ["dormant"] * 4
    # B: one order of ¥1,000 (1回購入); July 31 is 192 days after January 20 -> dormant from July to
    # October; November's second order makes them 一般 (2 purchases).
    assert [by[("b@x.jp", m)] for m in range(1, 13)] == (["one_time"] * 6 + ["dormant"] * 4 + ["regular"] * 2)
    # At the as-of month it is the tier of today's tier table.
    today = {r["email"]: r["tier"] for r in ltv.customer_list(shop, AS_OF).as_dicts()}
    assert (by[("a@x.jp", 12)], by[("b@x.jp", 12)]) == (today["a@x.jp"], today["b@x.jp"])


def test_the_monthly_tier_filter_counts_who_was_in_the_tier_that_month(shop: Store) -> None:
    top = {r["month"].month: r["revenue"] for r in monthly.monthly(shop, AS_OF, tier="top").as_dicts()}
    # A became dormant this year and still counts in 優良 for the months they were 優良 (before: 0 everywhere).
    assert [top[m] for m in (1, 2, 3)] == [Decimal(60000)] * 3
    assert sum(top.values()) == Decimal(180000)
    dormant = {r["month"].month: r["revenue"] for r in monthly.monthly(shop, AS_OF, tier="dormant").as_dicts()}
    assert sum(dormant.values()) == 0  # nobody buys while dormant (before: A's 180,000 showed here)
    regular = {r["month"].month: r["revenue"] for r in monthly.monthly(shop, AS_OF, tier="regular").as_dicts()}
    assert regular[11] == Decimal(1000) and sum(regular.values()) == Decimal(1000)  # B's second order
    one_time = {r["month"].month: r["revenue"] for r in monthly.monthly(shop, AS_OF, tier="one_time").as_dicts()}
    assert one_time[1] == Decimal(1000) and sum(one_time.values()) == Decimal(1000)  # B's first


def test_rounds_in_history_and_the_running_month() -> None:
    from engage_desktop.core.table import Table

    months = [dt.date(2025, m, 1) for m in range(1, 13)]
    # Up Feb-May (4 in a row: a round), down in June, up July-September (3: not yet), October running.
    revenue = [10, 11, 12, 13, 14, 9, 10, 11, 12, 5, None, None]
    table = Table(["month", "revenue", "running"],
                  [(m, v, m == dt.date(2025, 10, 1)) for m, v in zip(months[:10], revenue[:10])])
    assert monthly.rounds(table, "revenue") == [(dt.date(2025, 2, 1), dt.date(2025, 5, 1))]
    run = monthly.streak(table, "revenue")
    # October is running (5 so far): it neither breaks the run of July-September nor counts in it.
    assert (run.current, run.longest, run.round_reached) == (3, 4, False)


def test_the_month_still_running_is_not_compared_with_a_full_one(shop: Store) -> None:
    mid_month = dt.date(2025, 11, 15)
    table = monthly.monthly(shop, mid_month).as_dicts()
    last = table[-1]
    assert last["month"] == dt.date(2025, 11, 1) and last["running"]
    assert last["revenue"] == Decimal(1000) and last["revenue_mom"] is None  # B's order so far, no change
    assert not any(r["running"] for r in table[:-1])
    month_end = monthly.monthly(shop, dt.date(2025, 11, 30)).as_dicts()
    assert not month_end[-1]["running"] and month_end[-1]["revenue_mom"] is None  # October had 0: "—"


def test_tier_movement_between_two_dates(shop: Store) -> None:
    start, end = dt.date(2025, 3, 31), AS_OF
    cells = {(r["from_tier"], r["to_tier"]): (r["customers"], r["revenue"])
             for r in ltv.tier_movement(shop, start, end).as_dicts()}
    # At the end of March: A 優良 (180,000 over one year), B 1回購入 (one order). At the end of December:
    # A dormant (last order March 10, 296 days), B 一般 (two orders; the last in November).
    assert cells[("top", "dormant")] == (1, Decimal(0))  # A spent nothing after March
    assert cells[("one_time", "regular")] == (1, Decimal(1000))  # B's November order
    assert sum(n for n, _ in cells.values()) == 2
    assert len(cells) == 6 * 5  # every pair, zeros included (from: new + 5 tiers; to: 5 tiers)
    movers = ltv.tier_movers(shop, start, end, "one_time", "regular")
    assert [r["email"] for r in movers.as_dicts()] == ["b@x.jp"]
    # From before anyone bought: both are new.
    early = {(r["from_tier"], r["to_tier"]): r["customers"] for r in ltv.tier_movement(shop, dt.date(2024, 12, 31), end).as_dicts()}
    assert early[("new", "dormant")] == 1 and early[("new", "regular")] == 1


def test_the_report_says_the_tier_movement_of_the_last_three_months(shop: Store) -> None:
    from engage_desktop.core.metrics.report import build_report

    moved = build_report(shop, AS_OF)["tier_movement"]
    # From September 30: A dormant (204 days since March 10) stays dormant; B dormant (253 days since
    # January 20) became 一般 with November's order of 1,000.
    assert moved["start"] == "2025-09-30" and moved["end"] == "2025-12-31"
    assert sorted(moved["cells"], key=lambda c: c["to"]) == [
        {"from": "dormant", "to": "dormant", "customers": 1, "revenue": 0.0},
        {"from": "dormant", "to": "regular", "customers": 1, "revenue": 1000.0}]


def test_ups_and_downs_per_month_follow_the_tiers_order(shop: Store) -> None:
    from engage_desktop.core.metrics import tier_history

    changes = {r["month"].month: (r["up"], r["down"], r["new"])
               for r in tier_history.tier_history(shop, AS_OF).changes().as_dicts()}
    # The tiers at each month end (see the first test): A 優良 Jan-Aug, 休眠 from September; B 1回購入
    # Jan-Jun, 休眠 Jul-Oct, 一般 from November. The owner's order is 優良 > 中堅 > 一般 > 1回購入 > 休眠.
    assert changes[1] == (0, 0, 2)  # both first buy in January: new, neither up nor down
    assert changes[7] == (0, 1, 0)  # B: 1回購入 -> 休眠
    assert changes[9] == (0, 1, 0)  # A: 優良 -> 休眠 (no order, 204 days since March 10)
    assert changes[11] == (1, 0, 0)  # B: 休眠 -> 一般 with the November order
    assert sorted(changes) == list(range(1, 13))  # every month, quiet ones as zeros
    assert sum(u + d for u, d, _ in changes.values()) == 3


# A shop whose top two tiers grow for four months, then stop (the round target's expected figures).
ROUND_ORDERS = [
    ("C1", "2025-01-10", "c1@x.jp", 60000),  # 優良 from January; dormant from July 9 (180 days)
    ("C2", "2025-02-10", "c2@x.jp", 25000),  # 中堅 (25,000 >= 20,000)...
    ("C2b", "2025-04-10", "c2@x.jp", 30000),  # ...then 優良 in April (55,000): one up
    ("C3", "2025-03-10", "c3@x.jp", 30000), ("C4", "2025-04-20", "c4@x.jp", 30000),
    ("C5", "2025-05-10", "c5@x.jp", 30000),
    ("D1", "2025-06-10", "d@x.jp", 1000),  # 1回購入: not counted in 優良+中堅
]


def test_the_round_target_counts_the_top_two_tiers_and_finds_the_round(tmp_shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.metrics import tier_history

    assert import_file(tmp_shop, orders_file(tmp_path / "orders.csv", ROUND_ORDERS, encoding="utf-8")).status == "imported"
    as_of = dt.date(2025, 7, 15)  # July is still running
    history = tier_history.tier_history(tmp_shop, as_of)
    keys = tier_history.default_round_tiers(ltv.tiers(tmp_shop))
    assert keys == ["top", "good"]
    target = history.round_target(keys)
    counts = [(r["month"].month, r["customers"], r["running"]) for r in target.table.as_dicts()]
    # 優良+中堅 at each month end: C1; +C2; +C3; +C4 (C2 moved within the two); +C5; June: D1 is
    # 1回購入, so still 5; July 15: C1 dormant (186 days since January 10), 4 so far.
    assert counts == [(1, 1, False), (2, 2, False), (3, 3, False), (4, 4, False), (5, 5, False),
                      (6, 5, False), (7, 4, True)]
    # Up February to May: one round (4 months up in a row); June is flat, so the run now is 0; the
    # running July (down so far) is not counted.
    assert target.rounds == [(dt.date(2025, 2, 1), dt.date(2025, 5, 1))]
    assert (target.streak.current, target.streak.longest, target.streak.round_reached) == (0, 4, False)
    changes = {r["month"].month: (r["up"], r["down"], r["new"], r["running"])
               for r in history.changes().as_dicts()}
    assert changes[4] == (1, 0, 1, False)  # C2 中堅 -> 優良; C4 new
    assert changes[7] == (0, 1, 0, True)  # C1 優良 -> 休眠, so far
    # Only 優良: C1, C1, C1, C1+C2, +C2... one tier alone has no round.
    assert [r["customers"] for r in history.counts(["top"]).as_dicts()] == [1, 1, 1, 2, 2, 2, 1]
    assert history.round_target(["top"]).rounds == []


def test_the_report_has_the_monthly_ups_and_downs_and_the_round_target(shop: Store) -> None:
    from engage_desktop.core.metrics.report import build_report, report_text

    report = build_report(shop, AS_OF)
    moved = report["tier_movement"]
    assert moved["months"][6] == {"month": "2025-07", "up": 0, "down": 1, "new": 0, "running": False}  # B dormant
    assert moved["months"][10] == {"month": "2025-11", "up": 1, "down": 0, "new": 0, "running": False}  # B 一般
    target = moved["round_target"]
    # 優良+中堅: A alone, January to August; nobody from September. Never up (a round needs 4 months up).
    assert (target["tiers"], target["name"]) == (["top", "good"], "Top+Good")
    assert [m["customers"] for m in target["customers"]] == [1] * 8 + [0] * 4
    assert (target["current"], target["longest"], target["rounds"]) == (0, 0, [])
    assert "Top+Good" in report_text(report)


def test_the_history_is_the_same_told_apart_by_key_or_by_its_hash(shop: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from engage_desktop.core.metrics import journey, tier_history, tier_spans

    assert ltv.customer_id_sql(shop) == "hash(customer_key)"  # no two customers share a hash here
    by_hash = tier_history.tier_history(shop, AS_OF)
    top_by_hash = monthly.monthly(shop, AS_OF, tier="top").rows
    steps_by_hash = journey.journey(shop, AS_OF).rows
    monkeypatch.setattr(tier_spans, "customer_id_sql", lambda store: "customer_key")  # as if two did
    monkeypatch.setattr(monthly, "customer_id_sql", lambda store: "customer_key")
    by_key = tier_history.tier_history(shop, AS_OF)
    assert (by_hash.customers, by_hash.moves) == (by_key.customers, by_key.moves)
    assert monthly.monthly(shop, AS_OF, tier="top").rows == top_by_hash
    assert journey.journey(shop, AS_OF).rows == steps_by_hash  # step 7 matches the spans by the same id
