"""Whom to contact next (issue 20): each action list's members on a small shop made through the real
import (a CP932 CSV of orders, a survey CSV), as of 2026-06-30, default tiers (優良 from ¥50,000 a year,
中堅 from ¥20,000), default journey rules, dormant after 180 days. Worked out by hand:

  A  2026-01-01, 02-01, 03-01, 04-01, ¥20,000 each: LTV ¥80,000 (one year at least) -> 優良. Usual gap
     90 days / 3 = 30; 90 days since the last purchase > 1.5 x 30: at risk. Step 4 (no purchase 100+
     days after the first yet); a purchase today is 180 days after the first: one purchase from step 5.
  B  2026-04-10, 05-10, 06-10, ¥30,000 each: 優良, gap 30.5, 20 days since: on rhythm. Step 4; a purchase
     today is 81 days after the first (< 100): not one purchase from step 5.
  C  2025-06-01 ¥50,000, 2025-07-01 ¥30,000: 364 days since the last purchase: dormant, on no list.
  D  2026-02-15 ¥60,000, one purchase day: 優良. The shop's usual first-to-second gap is the median of
     A 31, B 30, C 30, E 10 = 30 days; 135 days since > 45: at risk. Step 2: one purchase from step 3.
  E  2026-01-05, 01-15, ¥1,000 each: 一般, not valuable (late, but not on the at-risk list). Step 3.
  G  2025-10-01, 11-01, 12-01, 2026-01-15, 03-01, 06-01, ¥20,000 each: 優良, step 7 (106 days after the
     first on 01-15, 5 purchases on 03-01, 優良 at the end of March); answered 7: an answer of 9-10 takes
     them to step 8. Gap 243 / 5 = 48.6, 29 days since: on rhythm.
  H  2026-06-20 ¥5,000; answered 10: a promoter. Step 2.
  I  2026-05-01, 06-01, ¥10,000 each: LTV ¥20,000 -> 中堅; answered 3: a detractor. Step 3.
  F  answered 8, never bought: step 1, a first purchase takes them to step 2.
  J  answered 2 in March, 9 in June, never bought: the latest answer counts, a promoter. Step 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.messages import in_language, t
from engage_desktop.core.metrics import actions, home, journey
from engage_desktop.core.store import Store
from tests.fixtures.exports import FAN_Q, LIKING_Q, NPS_Q
from tests.helpers import orders_file, write_csv

AS_OF = dt.date(2026, 6, 30)
ORDERS = [
    ("A1", "2026-01-01", "a@x.jp", 20000), ("A2", "2026-02-01", "a@x.jp", 20000),
    ("A3", "2026-03-01", "a@x.jp", 20000), ("A4", "2026-04-01", "a@x.jp", 20000),
    ("B1", "2026-04-10", "b@x.jp", 30000), ("B2", "2026-05-10", "b@x.jp", 30000), ("B3", "2026-06-10", "b@x.jp", 30000),
    ("C1", "2025-06-01", "c@x.jp", 50000), ("C2", "2025-07-01", "c@x.jp", 30000),
    ("D1", "2026-02-15", "d@x.jp", 60000),
    ("E1", "2026-01-05", "e@x.jp", 1000), ("E2", "2026-01-15", "e@x.jp", 1000),
    ("G1", "2025-10-01", "g@x.jp", 20000), ("G2", "2025-11-01", "g@x.jp", 20000), ("G3", "2025-12-01", "g@x.jp", 20000),
    ("G4", "2026-01-15", "g@x.jp", 20000), ("G5", "2026-03-01", "g@x.jp", 20000), ("G6", "2026-06-01", "g@x.jp", 20000),
    ("H1", "2026-06-20", "h@x.jp", 5000),
    ("I1", "2026-05-01", "i@x.jp", 10000), ("I2", "2026-06-01", "i@x.jp", 10000),
]
# when, email, NPS
ANSWERS = [("2026/06/05", "f@x.jp", 8), ("2026/06/12", "g@x.jp", 7), ("2026/06/22", "h@x.jp", 10),
           ("2026/05/20", "i@x.jp", 3), ("2026/03/10", "j@x.jp", 2), ("2026/06/25", "j@x.jp", 9)]


@pytest.fixture
def shop(tmp_shop: Store, tmp_path: Path) -> Store:
    assert import_file(tmp_shop, orders_file(tmp_path / "orders.csv", ORDERS)).status == "imported"
    survey = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q]]
    survey += [[f"{day} 10:00:00", email, str(nps), "", ""] for day, email, nps in ANSWERS]
    assert import_file(tmp_shop, write_csv(tmp_path / "survey.csv", survey)).status == "imported"
    return tmp_shop


def emails(chosen: actions.ActionList) -> list[str]:
    return chosen.table.column("email")


def test_at_risk_lists_valuable_customers_late_by_their_own_rhythm_before_the_dormant_cut_off(shop: Store) -> None:
    chosen = actions.at_risk(shop, AS_OF)
    assert emails(chosen) == ["a@x.jp", "d@x.jp"]  # the most valuable first: ¥80,000, ¥60,000
    rows = {r["email"]: r for r in chosen.table.as_dicts()}
    assert rows["a@x.jp"]["usual_gap"] == 30 and rows["a@x.jp"]["days_since_last"] == 90
    assert rows["d@x.jp"]["usual_gap"] is None and rows["d@x.jp"]["days_since_last"] == 135
    assert actions.shop_second_gap(shop, AS_OF) == 30
    with in_language("en"):
        assert actions.at_risk(shop, AS_OF).table.column("reason") == [
            "usually buys every 30 days; 90 days since the last purchase",
            "one purchase day so far, 135 days ago; customers usually buy again within 30 days"]


def test_the_model_s_chances_add_customers_it_gives_less_than_an_even_chance(shop: Store) -> None:
    # B is on rhythm; with a chance of 0.3 of buying again they are at risk too, said so in the reason.
    chances = actions.Chances(p_alive={"e:b@x.jp": 0.3, "e:a@x.jp": 0.9}, value={"e:b@x.jp": 1.0, "e:a@x.jp": 2.0})
    chosen = actions.at_risk(shop, AS_OF, chances)
    assert sorted(emails(chosen)) == ["a@x.jp", "b@x.jp", "d@x.jp"]
    with in_language("en"):
        reason = {r["email"]: r["reason"] for r in actions.at_risk(shop, AS_OF, chances).table.as_dicts()}
    assert reason["b@x.jp"] == "chance of buying again 30%"


def test_one_step_from_the_next_step_by_a_purchase_or_an_answer(shop: Store) -> None:
    chosen = actions.next_step(shop, AS_OF)
    rows = {r["email"]: r for r in chosen.table.as_dicts()}
    # B: no purchase 100 days after the first possible today; C: dormant.
    assert set(rows) == {"a@x.jp", "d@x.jp", "e@x.jp", "g@x.jp", "h@x.jp", "i@x.jp", "f@x.jp", "j@x.jp"}
    # the most valuable first: G ¥120,000, A ¥80,000, D ¥60,000, I ¥20,000, H ¥5,000, E ¥2,000, then
    # those who never bought
    assert emails(chosen)[:6] == ["g@x.jp", "a@x.jp", "d@x.jp", "i@x.jp", "h@x.jp", "e@x.jp"]
    steps = {email: (int(r["step"].split()[0]), int(r["next_step"].split()[0])) for email, r in rows.items()}
    assert steps == {"a@x.jp": (4, 5), "d@x.jp": (2, 3), "e@x.jp": (3, 4), "g@x.jp": (7, 8), "h@x.jp": (2, 3),
                     "i@x.jp": (3, 4), "f@x.jp": (1, 2), "j@x.jp": (1, 2)}
    with in_language("en"):
        reasons = {r["email"]: r["reason"] for r in actions.next_step(shop, AS_OF).table.as_dicts()}
    assert reasons["g@x.jp"] == "an answer of 9-10 to the survey takes them to step 8, “Wanting to share the excitement”"
    assert reasons["a@x.jp"] == "4 purchases so far: one more takes them to step 5, “From liking to gratitude”"
    assert reasons["f@x.jp"] == "no purchase yet: a first one takes them to step 2, “From doubt to excitement”"


def test_the_step_s_goal_and_the_measures_written_for_it_come_with_each_customer(shop: Store) -> None:
    from engage_desktop.core.metrics import measures

    measures.add(shop, measures.Measure(name="お試しセットのご案内", started_on=dt.date(2026, 6, 1),
                                        target_kind="step", target="2", metric="orders"))
    with in_language("ja"):
        row = next(r for r in actions.next_step(shop, AS_OF).table.as_dicts() if r["email"] == "d@x.jp")
        goal = t(journey.STEPS[1].goal)  # D is at step 2: its goal, as the journey map words it
    assert row["measures"] == "お試しセットのご案内"
    assert row["goal"] == goal and goal != journey.STEPS[1].goal  # in Japanese, not the English msgid


def test_promoters_and_detractors_by_their_latest_answer(shop: Store) -> None:
    assert emails(actions.promoters(shop, AS_OF)) == ["j@x.jp", "h@x.jp"]  # latest answer first: 06-25, 06-22
    detractors = actions.detractors(shop, AS_OF)
    assert emails(detractors) == ["i@x.jp"]  # J's 2 was replaced by a 9
    assert detractors.table.column("nps") == [3]


def test_where_a_list_buys_and_its_value_as_profit(shop: Store) -> None:
    chosen = actions.at_risk(shop, AS_OF)
    # A file mapped by hand has no platform: its orders count as "other" (A 4 orders, D 1)
    assert chosen.mix == {"store": 0, "web": 0, "marketplace": 0, "other": 5}
    assert "ltv_profit" not in chosen.table.columns
    shop.set_setting("gross_margin", 0.4)
    rows = actions.at_risk(shop, AS_OF).table.as_dicts()
    assert [r["ltv_profit"] for r in rows] == [32000.0, 24000.0]  # 40% of ¥80,000 and ¥60,000


def test_the_home_screen_s_month_at_a_glance(shop: Store) -> None:
    page = home.home(shop, AS_OF)
    assert page.month == dt.date(2026, 6, 1)
    figures = {f.metric: f for f in page.figures}
    # June 2026: B 30,000 + G 20,000 + H 5,000 + I 10,000; May: B 30,000 + I 10,000; June 2025: C 50,000
    revenue = figures["revenue"]
    assert (revenue.value, revenue.previous, revenue.year_before) == (65000, 40000, 50000)
    assert revenue.change(revenue.previous) == pytest.approx(0.625)
    assert revenue.change(revenue.year_before) == pytest.approx(0.3)
    # June's 4 answers (F 8, G 7, H 10, J 9) would read 50, May's one (I 3) -100: fewer than 10 answers a
    # month are too few to tell (surveys.FEW_ANSWERS), so neither month has an NPS, nor a change
    nps = figures["nps"]
    assert (nps.value, nps.previous, nps.year_before, nps.change(nps.previous)) == (None, None, None, None)
    # the returning customers' share changes by points: June's buyers B, G, I had bought before, H is new
    # (3 of 4); May's B had, I had not (1 of 2): +25 points
    repeat = figures["repeat_rate"]
    assert (repeat.value, repeat.previous, repeat.change(repeat.previous)) == (0.75, 0.5, 25.0)
    assert page.last_import is not None and page.last_import.file_name == "survey.csv"
    assert page.last_import.rows_imported == len(ANSWERS)
    assert {key: chosen.total for key, chosen in page.lists.items()} == {
        "at_risk": 2, "next_step": 8, "promoters": 2, "detractors": 1}


def test_the_last_import_says_what_it_brought(shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日時", "メールアドレス", "金額"], ["N1", "2026/06/29 12:00", "new@x.jp", "7000"],
            ["N2", "2026/06/29 13:00", "a@x.jp", "3000"]]
    assert import_file(shop, write_csv(tmp_path / "june.csv", rows, encoding="cp932")).status == "imported"
    last = home.last_import(shop)
    assert last is not None and last.file_name == "june.csv"
    assert (last.rows_imported, last.new_customers, last.revenue) == (2, 1, 10000.0)


def test_a_list_s_first_customers_still_tell_the_whole_list_s_size_and_mix(shop: Store) -> None:
    whole, first = actions.next_step(shop, AS_OF), actions.next_step(shop, AS_OF, limit=2)
    assert first.table.rows == whole.table.rows[:2]
    assert (first.total, first.mix) == (whole.total, whole.mix) == (8, {"store": 0, "web": 0, "marketplace": 0,
                                                                        "other": 4 + 1 + 2 + 6 + 1 + 2})


def test_a_shop_whose_orders_are_all_in_the_running_month_has_no_month_to_show(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日時", "メールアドレス", "金額"], ["R1", "2026/06/10 12:00", "r@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "june.csv", rows, encoding="cp932")).status == "imported"
    page = home.home(tmp_shop, dt.date(2026, 6, 15))  # June is still running
    assert (page.month, page.figures) == (None, [])
    assert page.lists["next_step"].total == 1  # r@x.jp: one purchase from step 3
