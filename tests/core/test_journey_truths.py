"""The journey over time (issue 19 part 6): the funnel over one period, dormant customers apart,
step 7 by the tier a customer had when they got there, promoters at every step, the step-5 choice.

A small shop, through the real import pipeline (a CP932 CSV of orders and a survey CSV), as of
2026-06-30, default rules, dormant after 180 days. Expected numbers worked out by hand:

  T: 2025-01-05, 01-20, 02-10, 03-01, 04-20, ¥20,000 each. Step 5 (a purchase 100+ days after the
     first) and step 6 (5 purchases) on 04-20; annual LTV at the end of April 2025 = ¥100,000 / 1
     year: 優良 then, so step 7 on 2025-04-30 (115 days after the first). Today: no order for 436
     days, dormant (today's tier 休眠), still counted as having reached step 7, at it and dormant.
  Q: 2026-01-10, 02-01, 03-01, ¥3,000 each: three purchases, none 100+ days after the first: step 4.
     Within 100 days of the first (day 50): step 5 under the other step-5 rule.
  P: 2026-05-01, 06-01, ¥2,000 each; answered NPS 10: step 3, a promoter.
  S: 2025-08-01 ¥1,000: step 2, dormant (333 days).
  K: only a survey answer (NPS 9): step 1, a promoter, never bought (not dormant).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import journey
from engage_desktop.core.store import Store
from tests.fixtures.exports import FAN_ANSWERS, FAN_Q, LIKING_ANSWERS, LIKING_Q, NPS_Q
from tests.helpers import orders_file, write_csv

AS_OF = dt.date(2026, 6, 30)
ORDERS = [
    ("T1", "2025-01-05", "t@x.jp", 20000), ("T2", "2025-01-20", "t@x.jp", 20000),
    ("T3", "2025-02-10", "t@x.jp", 20000), ("T4", "2025-03-01", "t@x.jp", 20000),
    ("T5", "2025-04-20", "t@x.jp", 20000),
    ("Q1", "2026-01-10", "q@x.jp", 3000), ("Q2", "2026-02-01", "q@x.jp", 3000), ("Q3", "2026-03-01", "q@x.jp", 3000),
    ("P1", "2026-05-01", "p@x.jp", 2000), ("P2", "2026-06-01", "p@x.jp", 2000),
    ("S1", "2025-08-01", "s@x.jp", 1000),
]
# email, NPS, fan level (1-6), liking (1-7)
ANSWERS = [("p@x.jp", 10, 2, 5), ("k@x.jp", 9, 1, 4)]
FAN, LIKING = FAN_ANSWERS, LIKING_ANSWERS


@pytest.fixture
def shop(tmp_shop: Store, tmp_path: Path) -> Store:
    assert import_file(tmp_shop, orders_file(tmp_path / "orders.csv", ORDERS)).status == "imported"
    survey = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q]]
    survey += [[f"2026/06/{i + 10:02d} 10:00:00", e, str(n), FAN[f - 1], LIKING[lk - 1]]
               for i, (e, n, f, lk) in enumerate(ANSWERS)]
    assert import_file(tmp_shop, write_csv(tmp_path / "survey.csv", survey)).status == "imported"
    return tmp_shop


def column(table: list[dict], name: str) -> list:
    return [r[name] for r in table]


def test_dormant_customers_are_apart_at_their_step_and_promoters_are_shown_at_every_step(shop: Store) -> None:
    steps = journey.journey(shop, AS_OF).as_dicts()
    assert column(steps, "customers") == [1, 0, 1, 1, 0, 0, 0, 0]  # K; -; P; Q (S and T dormant)
    assert column(steps, "dormant") == [0, 1, 0, 0, 0, 0, 1, 0]  # S at step 2, T at step 7
    assert column(steps, "promoters") == [1, 0, 1, 0, 0, 0, 0, 0]  # K at step 1, P at step 3
    assert column(steps, "reached") == [5, 4, 3, 2, 1, 1, 1, 0]


def test_step_7_is_decided_by_the_tier_the_customer_had_when_they_reached_it(shop: Store) -> None:
    steps = journey.journey(shop, AS_OF).as_dicts()
    assert steps[6]["reached"] == 1 and steps[6]["dormant"] == 1  # T: 優良 on 2025-04-30, 休眠 today
    assert steps[6]["median_days"] == (dt.date(2025, 4, 30) - dt.date(2025, 1, 5)).days == 115
    # Today's tier alone would not have it: T is dormant now, in no rule's tier but 休眠.
    today = {r["customer_key"]: r["tier"] for r in journey.step_customers(shop, AS_OF, 7).as_dicts()}
    assert today == {"e:t@x.jp": "dormant"}
    # As of the end of March 2025 (4 purchases, no step 5 yet) T had not reached step 7.
    assert journey.journey(shop, dt.date(2025, 3, 31)).as_dicts()[6]["reached"] == 0


def test_step_7_finds_the_customer_s_spans_told_apart_by_key_or_by_its_hash(shop: Store,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from engage_desktop.core.metrics import tier_spans

    def step_7() -> list:
        return shop.con.execute(f"SELECT customer_key, d7 FROM ({journey.step_of_sql(shop, AS_OF)}) WHERE r7").fetchall()

    assert step_7() == [("e:t@x.jp", dt.datetime(2025, 4, 30))]  # the spans by a hash of the key
    monkeypatch.setattr(tier_spans, "customer_id_sql", lambda store: "customer_key")  # as if two shared one
    assert step_7() == [("e:t@x.jp", dt.datetime(2025, 4, 30))]


def test_the_step_5_rule_can_be_three_purchases_within_100_days(shop: Store) -> None:
    bought_again, three_within = (rule for rule, _reason in journey.STEP5_RULES)
    assert journey.rules(shop)[4] == bought_again == journey.DEFAULT_RULES[4]
    new_rules = list(journey.DEFAULT_RULES)
    new_rules[4] = three_within
    journey.save_rules(shop, new_rules)
    steps = journey.journey(shop, AS_OF).as_dicts()
    # Q's third purchase came on day 50: step 5. T's on day 36: step 5, then 6 and 7 as before.
    assert column(steps, "reached") == [5, 4, 3, 2, 2, 1, 1, 0]
    assert column(steps, "customers") == [1, 0, 1, 0, 1, 0, 0, 0]
    assert steps[4]["rule"] == "3+ purchases within 100 days of the first"


def test_an_old_saved_rule_without_the_new_field_still_loads(shop: Store) -> None:
    import json

    old = [{"min_orders": r.min_orders, "min_active_days": r.min_active_days, "tiers": list(r.tiers),
            "promoter": r.promoter} for r in journey.DEFAULT_RULES]
    shop.con.execute("INSERT OR REPLACE INTO settings VALUES ('journey_rules', ?)", [json.dumps(old)])
    assert journey.rules(shop) == list(journey.DEFAULT_RULES)


def test_the_funnel_counts_every_stage_over_one_period(shop: Store) -> None:
    journey.set_funnel_count(shop, dt.date(2025, 6, 1), "認知", 9999)  # before the period: not counted
    journey.set_funnel_count(shop, dt.date(2026, 5, 1), "認知", 100)
    journey.set_funnel_count(shop, dt.date(2026, 6, 1), "認知", 200)
    months = [dt.date(2025 + (6 + i) // 12, (6 + i) % 12 + 1, 1) for i in range(12)]  # 2025-07 .. 2026-06
    for month in months:
        journey.set_funnel_count(shop, month, "興味", 10)
        journey.set_funnel_count(shop, month, "比較・検討", 5)
    # Default: the last 12 full months; 2026-06-30 ends its month, so July 2025 to June 2026.
    assert journey.funnel_period(AS_OF) == (dt.date(2025, 7, 1), dt.date(2026, 6, 1))
    assert journey.funnel_period(dt.date(2026, 6, 29)) == (dt.date(2025, 6, 1), dt.date(2026, 5, 1))
    got = {r["stage"]: r for r in journey.funnel(shop, AS_OF).as_dicts()}
    assert {s: r["count"] for s, r in got.items()} == {
        "認知": 300, "興味": 120, "比較・検討": 60,
        "購入": 3,  # S (2025-08), Q (2026-01), P (2026-05) bought first in the period; T (2025-01) did not
        "購入後": 2}  # Q and P bought again
    assert {s: r["months"] for s, r in got.items()} == {"認知": 2, "興味": 12, "比較・検討": 12, "購入": None,
                                                        "購入後": None}
    assert got["認知"]["period_months"] == 12
    assert {s: r["conversion"] for s, r in got.items()} == {
        "認知": None, "興味": None,  # 認知 has 2 typed months of 12: no rate from it
        "比較・検討": 0.5, "購入": 3 / 60, "購入後": 2 / 3}
    # The owner's own period: January to June 2026.
    got = {r["stage"]: r for r in journey.funnel(shop, AS_OF, dt.date(2026, 1, 1), dt.date(2026, 6, 1)).as_dicts()}
    assert [got[s]["count"] for s in journey.FUNNEL_STAGES] == [300, 60, 30, 2, 2]  # Q, P
    assert got["認知"]["months"] == 2 and got["興味"]["months"] == 6 and got["購入"]["period_months"] == 6


def test_the_report_carries_the_funnel_period_and_the_dormant_and_promoters_per_step(shop: Store) -> None:
    from engage_desktop.core.metrics.report import build_report

    journey.set_funnel_count(shop, dt.date(2026, 6, 1), "認知", 200)
    report = build_report(shop, AS_OF.isoformat())
    assert [(j["customers"], j["dormant"], j["promoters"]) for j in report["journey"]][:3] == [
        (1, 0, 1), (0, 1, 0), (1, 0, 1)]
    funnel = report["funnel"]
    assert (funnel["start"], funnel["end"]) == ("2025-07", "2026-06")
    assert [(s["stage"], s["count"], s["months"], s["conversion"]) for s in funnel["stages"]] == [
        ("認知", 200, 1, None), ("興味", None, 0, None), ("比較・検討", None, 0, None), ("購入", 3, None, None),
        ("購入後", 2, None, 0.6667)]


def test_a_tier_rule_finds_the_month_end_a_customer_passed_through_the_tier_without_ordering(
        tmp_shop: Store, tmp_path: Path) -> None:
    # G: one order of ¥60,000 on 2024-01-10, nothing after; dormant only after 730 days here. LTV =
    # revenue / max(1, days since the first order / 365.25), at month ends:
    #   2024-01-31 to 2025-01-31: 60,000 (優良: 50,000 or more);  2025-02-28: 60,000 / (415 / 365.25) = 52,807
    #   (優良);  2025-03-31: 60,000 / (446 / 365.25) = 49,137 (中堅: 20,000 or more).
    assert round(60000 / (446 / 365.25)) == 49137 and round(60000 / (415 / 365.25)) == 52807
    rows = [["注文番号", "注文日時", "メールアドレス", "金額"], ["G1", "2024/01/10 12:00", "g@x.jp", "60000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "g.csv", rows, encoding="cp932")).status == "imported"
    tmp_shop.set_setting("dormant_days", 730)
    bought = journey.StepRule(min_orders=1)
    as_of = dt.date(2025, 6, 30)

    def reached_7(*tiers: str) -> object:
        journey.save_rules(tmp_shop, [journey.StepRule(), *[bought] * 5, journey.StepRule(tiers=tiers),
                                      journey.StepRule(promoter=True)])
        return tmp_shop.con.execute(f"SELECT d7 FROM ({journey.step_of_sql(tmp_shop, as_of)})").fetchone()[0]

    # 中堅 alone: G went through it while falling from 優良 in a month without orders (every month asked).
    assert reached_7("good").date() == dt.date(2025, 3, 31)
    # 優良, or 優良 or 中堅 (every tier above the lowest asked): at the end of the first month.
    assert reached_7("top", "good").date() == reached_7("top").date() == dt.date(2024, 1, 31)


def test_step_1_is_every_customer_the_shop_knows_whatever_was_saved_for_it(shop: Store) -> None:
    # A rule saved for step 1 (the rules dialog offered one) left those who missed it at no step: the
    # journey's steps summed to fewer customers than the shop knows. Step 1 has no rule now.
    with pytest.raises(ValueError, match="step 1"):
        journey.save_rules(shop, [journey.StepRule(min_orders=1), *journey.DEFAULT_RULES[1:]])
    saved = [{"min_orders": 1, "min_active_days": 0, "tiers": [], "promoter": False, "within_days": 0},
             *({"min_orders": r.min_orders, "min_active_days": r.min_active_days, "tiers": list(r.tiers),
                "promoter": r.promoter, "within_days": r.within_days} for r in journey.DEFAULT_RULES[1:])]
    shop.set_setting("journey_rules", saved)  # as a file saved before this version may hold
    assert journey.rules(shop)[0] == journey.StepRule()
    steps = journey.journey(shop, AS_OF).as_dicts()
    # T, Q, P, S and K (who only answered the survey): five known customers, each at one step.
    assert sum(s["customers"] + s["dormant"] for s in steps) == 5
    assert steps[0]["reached"] == 5 and steps[0]["customers"] == 1  # K, at step 1
