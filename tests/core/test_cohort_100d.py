"""The 100-day plan, measured: per cohort of first purchase, who reached steps 3-5 within 30/60/100 days.
Expected shares worked out by hand from the default rules (step 3: a second purchase; step 4: a third;
step 5: a purchase 100+ days after the first)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import journey
from engage_desktop.core.store import Store
from tests.helpers import write_csv

JAN = dt.date(2025, 1, 6)


def on(days: int) -> str:
    return (JAN + dt.timedelta(days=days)).strftime("%Y/%m/%d 12:00")


def test_a_cohort_heat_map_cell_is_the_share_that_reached_the_step_in_time(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日時", "メールアドレス", "金額"],
            # X: first purchase, again after 20 days, a third after 50 days, a fourth after 120 days.
            ["X1", on(0), "x@x.jp", "1000"], ["X2", on(20), "x@x.jp", "1000"], ["X3", on(50), "x@x.jp", "1000"],
            ["X4", on(120), "x@x.jp", "1000"],
            # Y: again after 70 days. Z: once.
            ["Y1", on(0), "y@x.jp", "1000"], ["Y2", on(70), "y@x.jp", "1000"],
            ["Z1", on(0), "z@x.jp", "1000"],
            # W: a February customer, first purchase 40 days before the as-of day.
            ["W1", "2025/06/21 12:00", "w@x.jp", "1000"], ["W2", "2025/06/25 12:00", "w@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    as_of = dt.date(2025, 7, 31)
    cells = {(r["cohort"].month, r["step"], r["days"]): r for r in journey.cohort_100d(tmp_shop, as_of).as_dicts()}
    january = {(step, days): cells[(1, step, days)] for step in (3, 4, 5) for days in (30, 60, 100)}
    # Step 3 (a second purchase): within 30 days X (day 20); within 60 still X; within 100 X and Y (day 70).
    assert [january[(3, d)]["share"] for d in (30, 60, 100)] == [1 / 3, 1 / 3, 2 / 3]
    # Step 4 (a third purchase, step 3 first): X's third on day 50: not within 30, within 60 and 100.
    assert [january[(4, d)]["reached"] for d in (30, 60, 100)] == [0, 1, 1]
    # Step 5 (a purchase 100+ days after the first, steps 3-4 first): X on day 120: not within 100.
    assert january[(5, 100)]["reached"] == 0 and january[(5, 100)]["eligible"] == 3
    # W (first purchase June 21, 40 days before the as-of day): eligible for 30 days, not yet for 60 or 100.
    june = {(step, days): cells[(6, step, days)] for step in (3, 4, 5) for days in (30, 60, 100)}
    assert (june[(3, 30)]["eligible"], june[(3, 30)]["reached"], june[(3, 30)]["share"]) == (1, 1, 1.0)
    assert june[(3, 60)]["eligible"] == 0 and june[(3, 60)]["share"] is None
    movers = journey.cohort_customers(tmp_shop, as_of, dt.date(2025, 1, 1), 3, 100)
    assert sorted(r["email"] for r in movers.as_dicts()) == ["x@x.jp", "y@x.jp"]
    # A cell's customers are its eligible ones who reached the step: W is behind June's 30-day cell, and
    # behind no 60-day cell (W has had 40 days), though W did buy again within 60 days.
    assert [r["email"] for r in journey.cohort_customers(tmp_shop, as_of, dt.date(2025, 6, 1), 3, 30).as_dicts()] == ["w@x.jp"]
    assert journey.cohort_customers(tmp_shop, as_of, dt.date(2025, 6, 1), 3, 60).as_dicts() == []


def test_step_5_is_reached_on_the_day_of_the_purchase_that_meets_it(tmp_shop: Store, tmp_path: Path) -> None:
    """Step 5's rule counts calendar days; its date was looked up to the minute. V's purchase at 13:00 on the
    100th day after a first one at 15:19 met the rule, found no date, and the step took step 4's (day 20):
    "step 5 within 30 days", which its own rule makes impossible."""
    rows = [["注文番号", "注文日時", "メールアドレス", "金額"],
            ["V1", JAN.strftime("%Y/%m/%d 15:19"), "v@x.jp", "1000"], ["V2", on(10), "v@x.jp", "1000"],
            ["V3", on(20), "v@x.jp", "1000"], ["V4", (JAN + dt.timedelta(days=100)).strftime("%Y/%m/%d 13:00"), "v@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    as_of = dt.date(2025, 7, 31)
    january = {(r["step"], r["days"]): r["reached"] for r in journey.cohort_100d(tmp_shop, as_of).as_dicts()}
    assert [january[(5, d)] for d in (30, 60, 100)] == [0, 0, 1]
    steps = {r["step"]: r for r in journey.journey(tmp_shop, as_of).as_dicts()}
    assert steps[5]["reached"] == 1 and steps[5]["median_days"] == 100  # 2025-01-06 to 2025-04-16


def test_the_report_carries_the_cohort_heat_map(tmp_shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.metrics.report import build_report

    rows = [["注文番号", "注文日時", "メールアドレス", "金額"],
            ["A1", on(0), "a@x.jp", "1000"], ["A2", on(10), "a@x.jp", "1000"], ["B1", on(0), "b@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    cells = build_report(tmp_shop, "2025-12-31")["cohort_100d"]
    assert {"cohort": "2025-01", "step": 3, "days": 30, "eligible": 2, "reached": 1, "share": 0.5} in cells
