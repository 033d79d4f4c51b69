"""Every metric on a small shop whose numbers are worked out by hand (see the comments).

The shop goes in through the real import pipeline (a CP932 CSV and a survey CSV).
As of 2026-06-30:
  A: 2025-01-10 ¥10,000, 2025-06-15 ¥20,000, 2026-03-01 ¥30,000, 2026-06-20 ¥40,000
  B: 2026-01-05, 2026-02-05, 2026-03-05, ¥5,000 each
  C: 2025-06-01 ¥8,000 (then nothing: dormant)
  D: 2026-06-01 ¥3,000
  E: 2026-04-01 ¥12,000, 2026-05-01 ¥13,000
  F: 2026-05-10 ¥9,999 cancelled
  anonymous: 2026-05-20 ¥1,000
Survey: A (10, fan 6, liking 7), B (8, 3, 5), D (4, 1, 3), C (6, 2, 4), unlinked (9, 2, 4).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import journey, ltv, monthly, repeat, surveys
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.store import Store
from tests.fixtures.exports import FAN_ANSWERS, FAN_Q, LIKING_ANSWERS, LIKING_Q, NPS_Q
from tests.helpers import write_csv

AS_OF = dt.date(2026, 6, 30)
ORDERS = [
    ("A1", "2025-01-10", "a@x.jp", 10000, ""), ("A2", "2025-06-15", "a@x.jp", 20000, ""),
    ("A3", "2026-03-01", "a@x.jp", 30000, ""), ("A4", "2026-06-20", "a@x.jp", 40000, ""),
    ("B1", "2026-01-05", "b@x.jp", 5000, ""), ("B2", "2026-02-05", "b@x.jp", 5000, ""),
    ("B3", "2026-03-05", "b@x.jp", 5000, ""),
    ("C1", "2025-06-01", "c@x.jp", 8000, ""),
    ("D1", "2026-06-01", "d@x.jp", 3000, ""),
    ("E1", "2026-04-01", "e@x.jp", 12000, ""), ("E2", "2026-05-01", "e@x.jp", 13000, ""),
    ("F1", "2026-05-10", "f@x.jp", 9999, "キャンセル"),
    ("N1", "2026-05-20", "", 1000, ""),
]
ANSWERS = [("a@x.jp", 10, 6, 7), ("b@x.jp", 8, 3, 5), ("d@x.jp", 4, 1, 3), ("c@x.jp", 6, 2, 4), ("", 9, 2, 4)]
FAN, LIKING = FAN_ANSWERS, LIKING_ANSWERS


def years(first: str) -> float:
    return max(1.0, (AS_OF - dt.date.fromisoformat(first)).days / 365.25)


@pytest.fixture
def shop(tmp_shop: Store, tmp_path: Path) -> Store:
    rows = [["注文番号", "注文日時", "メールアドレス", "金額", "ステータス"]]
    rows += [[o, d.replace("-", "/") + " 12:00", e, str(a), s] for o, d, e, a, s in ORDERS]
    assert import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows, encoding="cp932")).status == "imported"
    survey = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q]]
    survey += [[f"2026/06/{i + 1:02d} 10:00:00", e, str(n), FAN[f - 1], LIKING[lk - 1]]
               for i, (e, n, f, lk) in enumerate(ANSWERS)]
    assert import_file(tmp_shop, write_csv(tmp_path / "survey.csv", survey)).status == "imported"
    return tmp_shop


def test_customer_facts_and_ltv(shop: Store) -> None:
    rows = ltv.customer_list(shop, AS_OF).as_dicts()
    by_key = {r["customer_key"]: r for r in rows}
    assert set(by_key) == {"e:a@x.jp", "e:b@x.jp", "e:c@x.jp", "e:d@x.jp", "e:e@x.jp"}  # F only cancelled
    a = by_key["e:a@x.jp"]
    assert (a["orders"], a["revenue"], a["aov"]) == (4, Decimal("100000.00"), Decimal("25000.00"))
    assert a["days_since_last"] == 10
    assert float(a["ltv"]) == pytest.approx(100000 / years("2025-01-10"), abs=0.01)  # 536 days -> 68,144
    assert float(by_key["e:b@x.jp"]["ltv"]) == 15000  # under a year old: what they bought so far
    assert by_key["e:c@x.jp"]["days_since_last"] == 394


def test_ltv_tiers(shop: Store) -> None:
    table = ltv.tier_table(shop, AS_OF).as_dicts()
    got = {r["tier"]: (r["customers"], r["revenue"]) for r in table}
    assert got == {"top": (1, Decimal("100000.00")), "good": (1, Decimal("25000.00")),
                   "regular": (1, Decimal("15000.00")), "one_time": (1, Decimal("3000.00")),
                   "dormant": (1, Decimal("8000.00"))}
    top = table[0]
    assert top["share"] == pytest.approx(100000 / 151000)
    assert top["repeat_rate"] == 1.0 and top["avg_days_since_last"] == 10
    assert [r["customer_key"] for r in ltv.tier_customers(shop, AS_OF, "dormant").as_dicts()] == ["e:c@x.jp"]


def test_tier_thresholds_are_the_owners_and_persist(shop: Store) -> None:
    changed = [dataclasses.replace(t, min_ltv=10000) if t.key == "good" else t for t in ltv.tiers(shop)]
    moves = ltv.tier_moves(shop, AS_OF, changed).as_dicts()
    assert {"from": "regular", "to": "good", "customers": 1} in moves  # B (¥15,000) moves up
    ltv.save_tiers(shop, changed)
    shop.close()
    with Store(shop.path) as reopened:
        assert {t.key: t.min_ltv for t in ltv.tiers(reopened)}["good"] == 10000
        assert {r["tier"]: r["customers"] for r in ltv.tier_table(reopened, AS_OF).as_dicts()}["good"] == 2


def test_deciles_and_top20(shop: Store) -> None:
    table = ltv.deciles(shop, AS_OF)
    assert len(table.rows) == 10
    # 5 customers: ranks 1..5 fall in deciles 1, 3, 5, 7, 9.
    assert table.column("customers") == [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
    assert sum(table.column("revenue")) == 151000
    assert table.column("cumulative_share")[-1] == pytest.approx(1.0)
    assert ltv.top20_share(table) == pytest.approx(100000 / 151000)
    assert [r["customer_key"] for r in ltv.decile_customers(shop, AS_OF, 3).as_dicts()] == ["e:e@x.jp"]


def test_shop_ltv(shop: Store) -> None:
    got = ltv.shop_ltv(shop, AS_OF)
    aov = 152000 / 12  # 12 counted orders including the anonymous one
    per_year = (4 / years("2025-01-10") + 3 + 1 / years("2025-06-01") + 1 + 2) / 5  # A, B, C, D, E
    assert got["aov"] == pytest.approx(aov, abs=0.01)
    assert got["orders_per_year"] == pytest.approx(per_year, abs=1e-4)
    assert got["ltv"] == pytest.approx(aov * per_year, abs=0.5)


def test_repeat_f2_and_dormant(shop: Store) -> None:
    assert repeat.repeat_rate(shop, AS_OF) == pytest.approx(3 / 5)
    f2 = {r["days"]: (r["eligible"], r["converted"]) for r in repeat.f2_conversion(shop, AS_OF).as_dicts()}
    # B's second order came 31 days after the first; E's 30 days.
    assert f2 == {30: (4, 1), 60: (4, 2), 90: (4, 2), 100: (3, 1)}
    assert repeat.dormant(shop, AS_OF) == {"dormant_days": 180, "customers": 5, "dormant": 1, "churn_rate": 0.2}


def test_cohort_retention(shop: Store) -> None:
    table = {r["cohort"]: r for r in repeat.cohort_retention(shop, AS_OF).as_dicts()}
    assert table["2025-01"]["customers"] == 1 and table["2025-01"]["m5"] == 1.0  # A again in June 2025
    assert table["2026-01"]["m1"] == 1.0 and table["2026-01"]["m2"] == 1.0
    assert table["2025-06"]["customers"] == 1 and table["2025-06"]["m1"] == 0.0


def test_month_over_month(shop: Store) -> None:
    table = monthly.monthly(shop, AS_OF)
    months = [m.strftime("%Y-%m") for m in table.column("month")]
    assert months[0] == "2025-01" and months[-1] == "2026-06" and len(months) == 18  # gaps are months of zero
    by_month = dict(zip(months, table.as_dicts()))
    assert by_month["2025-02"]["revenue"] == 0 and by_month["2025-02"]["orders"] == 0
    assert by_month["2025-06"]["revenue"] == 28000
    may = by_month["2026-05"]  # E, the anonymous order; F is cancelled
    assert (may["revenue"], may["orders"], may["customers"]) == (14000, 2, 1)
    june = by_month["2026-06"]
    assert (june["new_customers"], june["repeat_customers"], june["repeat_rate"]) == (1, 1, 0.5)
    assert june["revenue_mom"] == pytest.approx((43000 - 14000) / 14000)
    # June's 5 answers (2 promoters, 1 passive, 2 detractors) would read 0.0: fewer than surveys.FEW_ANSWERS
    # are too few to tell, so the month has no NPS rather than a swing
    assert june["nps"] is None
    assert sum(table.column("revenue")) == 152000
    run = monthly.streak(table, "revenue")
    assert (run.current, run.longest, run.round_reached, run.remaining) == (2, 2, False, 2)


def test_streak_counts_runs_and_rounds() -> None:
    from engage_desktop.core.table import Table

    table = Table(["revenue"], [(v,) for v in [5, 1, 2, 3, 4, 5, 3, 4, 5]])
    run = monthly.streak(table, "revenue")
    assert (run.current, run.longest, run.round_reached) == (2, 4, False)
    table = Table(["revenue"], [(v,) for v in [1, 2, 3, 4, 5]])
    assert monthly.streak(table, "revenue").round_reached
    # A month up from zero has no change ("—" on screen): it breaks the run rather than starting one.
    table = Table(["revenue"], [(v,) for v in [3, 0, 2, 3, 4, 5]])
    assert (monthly.streak(table, "revenue").current, monthly.streak(table, "revenue").longest) == (3, 3)
    table = Table(["nps"], [(v,) for v in [-20.0, -10.0, 5.0, 0.0, 10.0]])
    assert monthly.streak(table, "nps").current == 0 and monthly.streak(table, "nps").longest == 2


def test_monthly_for_one_tier(shop: Store) -> None:
    # A's tier at each month end (tests/core/test_tiers_over_time.py has the rule): January 2025, one
    # order of 10,000: 1回購入; June 2025, 30,000 over one year: 中堅; March 2026, 60,000 over 445 days
    # (1.22 years): 49,260, still 中堅; June 2026, 100,000 over 536 days (1.47 years): 68,142, 優良.
    # So 優良's revenue is A's June 2026 order alone (today's tier applied to the past gave all 100,000).
    # E: April 2026, 12,000: 1回購入; May, 25,000 over one year: 中堅.
    table = monthly.monthly(shop, AS_OF, tier="top")
    assert sum(table.column("revenue")) == 40000
    assert table.column("month") == [dt.date(2026, 6, 1)]
    good = monthly.monthly(shop, AS_OF, tier="good").as_dicts()
    assert {r["month"]: r["revenue"] for r in good if r["revenue"]} == {
        dt.date(2025, 6, 1): 20000, dt.date(2026, 3, 1): 30000, dt.date(2026, 5, 1): 13000}


def test_nps(shop: Store) -> None:
    score = surveys.nps(shop, AS_OF)
    assert (score.responses, score.promoters, score.passives, score.detractors) == (5, 2, 1, 2)
    assert score.score == 0.0
    top = surveys.nps(shop, AS_OF, tier="top")
    assert (top.responses, top.score) == (1, 100.0)
    by_tier = {r["tier"]: r["score"] for r in surveys.nps_by_tier(shop, AS_OF).as_dicts()}
    assert by_tier["one_time"] == -100.0 and by_tier["good"] is None
    assert [r["responses"] for r in surveys.nps_by_month(shop, AS_OF).as_dicts()] == [5]


def test_fan_matrix_and_its_cells(shop: Store) -> None:
    matrix = surveys.fan_matrix(shop, AS_OF)
    assert len(matrix.counts) == 6 and all(len(r) == 7 for r in matrix.counts)
    assert matrix.total == 5
    assert (matrix.counts[5][6], matrix.counts[2][4], matrix.counts[0][2], matrix.counts[1][3]) == (1, 1, 1, 2)
    assert matrix.shares()[1][3] == pytest.approx(0.4)
    cell = surveys.cell_respondents(shop, AS_OF, 2, 4).as_dicts()
    assert [r["customer_key"] for r in cell] == ["e:c@x.jp", None]  # C with LTV first, then the unlinked answer
    assert surveys.fan_matrix(shop, AS_OF, tier="dormant").total == 1
    june_first_two = surveys.fan_matrix(shop, AS_OF, start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 2))
    assert june_first_two.total == 2


def test_journey_ladder(shop: Store) -> None:
    table = journey.journey(shop, AS_OF).as_dicts()
    assert [r["customers"] for r in table] == [1, 1, 1, 1, 1, 0, 0, 0]  # F; D; E; B; A (C is dormant)
    assert [r["dormant"] for r in table] == [0, 1, 0, 0, 0, 0, 0, 0]  # C: no order for 394 days
    assert [r["reached"] for r in table] == [6, 5, 3, 2, 1, 0, 0, 0]
    assert table[0]["moved_on"] == pytest.approx(5 / 6) and table[4]["moved_on"] == 0
    assert table[1]["median_days"] == 0
    assert table[2]["median_days"] == 31  # A 156, B 31, E 30 days to a second order
    assert table[3]["median_days"] == 237  # A 415, B 59
    assert table[1]["avg_liking"] == 3.5 and table[4]["avg_liking"] == 7
    assert [r["customer_key"] for r in journey.step_customers(shop, AS_OF, 2).as_dicts()] == ["e:c@x.jp", "e:d@x.jp"]


def test_journey_rules_and_notes_persist(shop: Store) -> None:
    new_rules = list(journey.DEFAULT_RULES)
    new_rules[4] = journey.StepRule(min_orders=3)  # step 5 without the 100-day condition
    journey.save_rules(shop, new_rules)
    journey.set_note(shop, 3, "touchpoints", "同梱の手書きメッセージ")
    path = shop.path
    shop.close()
    with Store(path) as reopened:
        assert journey.rules(reopened)[4] == journey.StepRule(min_orders=3)
        assert journey.notes(reopened) == {(3, "touchpoints"): "同梱の手書きメッセージ"}
        assert [r["reached"] for r in journey.journey(reopened, AS_OF).as_dicts()][4] == 2  # A and B


def test_funnel(shop: Store) -> None:
    journey.set_funnel_count(shop, dt.date(2026, 5, 1), "認知", 1000)
    journey.set_funnel_count(shop, dt.date(2026, 6, 1), "認知", 500)
    journey.set_funnel_count(shop, dt.date(2026, 6, 1), "興味", 200)
    # Over January 2025 to June 2026: every buyer's first purchase is in it.
    got = {r["stage"]: r["count"] for r in journey.funnel(shop, AS_OF, dt.date(2025, 1, 1), dt.date(2026, 6, 1)).as_dicts()}
    assert got == {"認知": 1500, "興味": 200, "比較・検討": None, "購入": 5, "購入後": 3}
    with pytest.raises(ValueError):
        journey.set_funnel_count(shop, dt.date(2026, 6, 1), "購入", 3)


def test_report_json_shape(shop: Store) -> None:
    report = build_report(shop, "2026-06-30")
    assert (report["customers"], report["orders"], report["revenue"]) == (5, 12, 152000.0)
    assert report["ltv"]["top20_share"] == pytest.approx(100000 / 151000, abs=1e-4)
    assert len(report["monthly"]) == 18 and report["monthly"][-1]["month"] == "2026-06"
    assert report["streak"] == {"metric": "revenue", "current": 2, "longest": 2, "round_months": 4,
                                "round_reached": False, "rounds": []}
    assert report["nps"]["score"] == 0.0
    assert len(report["fan_matrix"]) == 6 and sum(map(sum, report["fan_matrix"])) == 5
    assert [j["step"] for j in report["journey"]] == list(range(1, 9))


def test_a_customer_s_orders_count_as_the_number_of_orders_does(tmp_shop: Store, tmp_path: Path) -> None:
    """The orders dialog's headline counted every row, cancelled ones too: "20 orders" above 18."""
    rows = [["注文番号", "注文日時", "メールアドレス", "金額", "ステータス"],
            ["A1", "2025/01/05 10:00", "a@x.jp", "1000", "発送済み"],
            ["A2", "2025/02/05 10:00", "a@x.jp", "2000", "キャンセル"],
            ["A3", "2025/03/05 10:00", "a@x.jp", "3000", "発送済み"],
            ["R1", "2025/03/10 10:00", "a@x.jp", "-500", ""]]  # a refund of its own
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows, encoding="cp932")).status == "imported"
    orders = ltv.customer_orders(tmp_shop, "e:a@x.jp")
    assert len(orders.rows) == 4  # every order is listed
    assert ltv.orders_summary(orders) == (2, Decimal("3500.00"), 1)  # A1 + A3 - R1; A2 cancelled
