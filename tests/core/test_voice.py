"""The voice of the customer (issue 21): engagement zones from the matrix, NPS with its margin of error,
and purchase behaviour by NPS group and zone. Small shops through the real import (orders CSV in CP932,
survey CSV with the three questions as Google Forms writes them); expected figures worked out by hand
or with plain math in the test.

Zones (defaults): 熱狂的ファン fan 5-6 x liking 6-7; ファン fan 3+ x liking 5+; 予備軍 liking 4+ or
fan 2+ x liking 3; 無関心 the rest.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from engage_desktop.core.errors import EngageError
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.messages import in_language
from engage_desktop.core.metrics import behaviour, monthly, surveys, zones
from engage_desktop.core.store import Store
from tests.fixtures.exports import FAN_ANSWERS, FAN_Q, LIKING_ANSWERS, LIKING_Q, NPS_Q
from tests.helpers import orders_file, write_csv

AS_OF = dt.date(2026, 6, 30)
FAN, LIKING = FAN_ANSWERS, LIKING_ANSWERS


def survey_file(path: Path, answers: list[tuple[str, str, int, int | None, int | None]]) -> Path:
    """answers: (day, email, nps, fan 1-6 or None, liking 1-7 or None)."""
    rows = [["タイムスタンプ", "メールアドレス", NPS_Q, FAN_Q, LIKING_Q]]
    rows += [[f"{day} 10:00:00", email, str(nps), FAN[fan - 1] if fan else "", LIKING[liking - 1] if liking else ""]
             for day, email, nps, fan, liking in answers]
    return write_csv(path, rows)


# ---- zones and NPS by month --------------------------------------------------------------------------
# z6 answers twice: 無関心 in March, 熱狂的ファン from May. The May answer without an e-mail is no one's.
ZONE_ANSWERS = [
    ("2026/03/05", "z1@x.jp", 10, 6, 7), ("2026/03/10", "z2@x.jp", 9, 4, 5), ("2026/03/20", "z6@x.jp", 0, 1, 1),
    ("2026/04/02", "z3@x.jp", 7, 1, 4), ("2026/04/03", "z4@x.jp", 5, 2, 3), ("2026/04/04", "z5@x.jp", 2, 1, 2),
    ("2026/05/15", "z6@x.jp", 10, 5, 6), ("2026/05/01", "", 10, 6, 7),
]
# June: twelve answers from people who left no e-mail, the NPS question only.
JUNE_NPS = [10, 10, 10, 9, 8, 7, 6, 5, 3, 0, 10, 9]


@pytest.fixture
def zoned(tmp_shop: Store, tmp_path: Path) -> Store:
    orders = [("O1", "2026-02-01", "z1@x.jp", 5000), ("O2", "2026-02-02", "z5@x.jp", 1000)]
    assert import_file(tmp_shop, orders_file(tmp_path / "orders.csv", orders)).status == "imported"
    answers = ZONE_ANSWERS + [(f"2026/06/{i + 1:02d}", "", n, None, None) for i, n in enumerate(JUNE_NPS)]
    assert import_file(tmp_shop, survey_file(tmp_path / "survey.csv", answers)).status == "imported"
    return tmp_shop


def test_each_customer_s_zone_comes_from_their_latest_answer(zoned: Store) -> None:
    counts = {r["zone"]: r["customers"] for r in zones.zone_counts(zoned, AS_OF).as_dicts()}
    # z1 (6,7) and z6 (5,6 in May) 熱狂的ファン; z2 (4,5) ファン; z3 (1,4) and z4 (2,3) 予備軍; z5 (1,2) 無関心
    assert counts == {"enthusiast": 2, "fan": 1, "potential": 2, "indifferent": 1}
    members = zones.zone_customers(zoned, AS_OF, "enthusiast")
    assert members.column("email") == ["z1@x.jp", "z6@x.jp"]  # z1 bought (LTV ¥5,000) and comes first
    assert members.column("fan_level") == [6, 5]
    with in_language("ja"):  # the list says the zone's name, never its key
        assert set(zones.zone_customers(zoned, AS_OF, "enthusiast").column("zone")) == {"熱狂的ファン"}


def test_zone_counts_by_month_are_the_zones_at_each_month_end(zoned: Store) -> None:
    table = zones.zone_by_month(zoned, AS_OF)
    by_month = {r["month"].month: (r["enthusiast"], r["fan"], r["potential"], r["indifferent"]) for r in table.as_dicts()}
    assert by_month == {3: (1, 1, 0, 1), 4: (1, 1, 2, 2), 5: (2, 1, 2, 1), 6: (2, 1, 2, 1)}


def test_the_owner_s_zones_change_who_is_where(zoned: Store) -> None:
    mine = zones.default_map()
    cells = [list(row) for row in mine.cells]
    cells[3][4] = "enthusiast"  # fan degree 4 x liking 5 (z2) counts as 熱狂的ファン
    zones.save_zone_map(zoned, zones.ZoneMap(mine.zones, cells))
    counts = {r["zone"]: r["customers"] for r in zones.zone_counts(zoned, AS_OF).as_dicts()}
    assert counts == {"enthusiast": 3, "fan": 0, "potential": 2, "indifferent": 1}
    with in_language("ja"), pytest.raises(EngageError, match="熱狂的ファン"):  # a zone without a cell: refused, by name
        zones.save_zone_map(zoned, zones.ZoneMap(mine.zones, [["fan"] * 7 for _ in range(6)]))


def nps_margin(promoters: int, detractors: int, n: int) -> float:
    """1.96 standard errors of NPS in points, written out from the shares."""
    p, d = promoters / n, detractors / n
    return 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n)


def test_nps_by_month_comes_with_its_answers_and_margin_and_too_few_said_as_such(zoned: Store) -> None:
    rows = {r["month"].month: r for r in surveys.nps_by_month(zoned, AS_OF).as_dicts()}
    # March: 10, 9, 0 -> 2 promoters, 1 detractor of 3: +33.3 ± 106.7, too few to tell
    assert (rows[3]["responses"], rows[3]["score"], rows[3]["enough"]) == (3, 33.3, False)
    assert rows[3]["margin"] == pytest.approx(nps_margin(2, 1, 3), abs=0.05)
    assert rows[5]["responses"] == 2 and not rows[5]["enough"]  # z6's 10 and the unmatched 10
    # June: 6 promoters (10,10,10,9,10,9), 2 passives, 4 detractors (6,5,3,0) of 12: +16.7
    june = rows[6]
    assert (june["responses"], june["promoters"], june["detractors"], june["score"], june["enough"]) == (
        12, 6, 4, 16.7, True)
    assert june["margin"] == pytest.approx(nps_margin(6, 4, 12), abs=0.05)
    # the month-over-month NPS leaves the months with too few answers empty instead of swinging
    by_month = {r["month"].month: r["nps"] for r in monthly.monthly(zoned, AS_OF).as_dicts()}
    assert by_month[6] == pytest.approx(100 * 2 / 12) and by_month[3] is None and by_month[5] is None


def test_answers_after_the_as_of_day_are_counted_and_said(zoned: Store) -> None:
    assert surveys.answers_after(zoned, AS_OF) == 0
    # as of the end of May, June's twelve answers are in no figure: the view and the report say how many
    assert surveys.answers_after(zoned, dt.date(2026, 5, 31)) == len(JUNE_NPS)


def test_nps_by_zone_counts_every_answer_of_the_zone_s_customers(zoned: Store) -> None:
    rows = {r["zone"]: r for r in surveys.nps_by_zone(zoned, AS_OF).as_dicts()}
    # 熱狂的ファン now: z1 (10) and z6 (0 in March, 10 in May): 2 promoters, 1 detractor of 3
    assert (rows["enthusiast"]["responses"], rows["enthusiast"]["score"]) == (3, 33.3)
    assert rows["fan"]["responses"] == 1 and rows["potential"]["responses"] == 2
    assert not rows["enthusiast"]["enough"]


# ---- behaviour by NPS group and zone ---------------------------------------------------------------
# 40 promoters (5,6: 熱狂的ファン), 24 of them buy twice; 40 detractors (1,1: 無関心), 8 buy twice;
# 5 passives (3,5: ファン) buy once; one more promoter never bought. Every order ¥1,000.
def behaviour_shop(store: Store, tmp_path: Path) -> Store:
    orders, answers = [], []
    for group, n, twice, nps, fan, liking in (("p", 40, 24, 10, 5, 6), ("d", 40, 8, 3, 1, 1), ("m", 5, 0, 8, 3, 5)):
        for i in range(n):
            email = f"{group}{i}@x.jp"
            orders.append((f"{group}{i}-1", "2026-01-10", email, 1000))
            if i < twice:
                orders.append((f"{group}{i}-2", "2026-03-10", email, 1000))
            answers.append(("2026/04/01", email, nps, fan, liking))
    answers.append(("2026/04/02", "never@x.jp", 9, 5, 6))
    assert import_file(store, orders_file(tmp_path / "orders.csv", orders)).status == "imported"
    assert import_file(store, survey_file(tmp_path / "survey.csv", answers)).status == "imported"
    return store


def test_behaviour_by_nps_group(tmp_shop: Store, tmp_path: Path) -> None:
    shop = behaviour_shop(tmp_shop, tmp_path)
    rows = {r["group"]: r for r in behaviour.by_nps_group(shop, AS_OF).as_dicts()}
    promoters, detractors, passives = rows["promoter"], rows["detractor"], rows["passive"]
    assert (promoters["customers"], promoters["buyers"], promoters["repeat_rate"]) == (41, 40, 0.6)
    assert (detractors["customers"], detractors["buyers"], detractors["repeat_rate"]) == (40, 40, 0.2)
    # one year at least: orders per year = orders; promoters 64 orders over 40 buyers
    assert promoters["orders_per_year"] == pytest.approx(64 / 40)
    assert promoters["avg_ltv"] == pytest.approx(1000 * 64 / 40)
    assert float(promoters["revenue"]) == 64000
    assert promoters["revenue_share"] == pytest.approx(64000 / (64000 + 48000 + 5000))
    assert (passives["buyers"], passives["repeat_rate"]) == (5, 0.0)


def test_the_sentence_is_said_only_when_the_groups_can_tell_it(tmp_shop: Store, tmp_path: Path) -> None:
    shop = behaviour_shop(tmp_shop, tmp_path)
    table = behaviour.by_nps_group(shop, AS_OF)
    comparison = behaviour.compare(table, "promoter", "detractor")
    # the two-proportion z-test by hand: pooled 32/80, z = 0.4 / sqrt(0.4 * 0.6 * (1/40 + 1/40))
    assert comparison.z == pytest.approx(0.4 / math.sqrt(0.4 * 0.6 * (2 / 40)))
    with in_language("en"):
        assert behaviour.nps_sentence(table) == "The repeat rate of promoters is 3.0 times that of detractors."
        # 5 passives are too few to compare with anyone
        few = behaviour.sentence(behaviour.compare(table, "passive", "detractor"),
                                 {"passive": "passives", "detractor": "detractors"})
        assert few == "Too few buyers to compare passives with detractors yet: at least 30 in each (5 and 40 now)."
    with in_language("ja"):
        assert behaviour.nps_sentence(table) == "推奨者のリピート率は批判者の3.0倍です。"


def test_behaviour_by_zone_and_its_sentence(tmp_shop: Store, tmp_path: Path) -> None:
    shop = behaviour_shop(tmp_shop, tmp_path)
    table = behaviour.by_zone(shop, AS_OF)
    rows = {r["group"]: r for r in table.as_dicts()}
    assert (rows["enthusiast"]["buyers"], rows["enthusiast"]["repeat_rate"]) == (40, 0.6)
    assert (rows["indifferent"]["buyers"], rows["indifferent"]["repeat_rate"]) == (40, 0.2)
    assert (rows["fan"]["customers"], rows["potential"]["customers"]) == (5, 0)
    with in_language("en"):
        assert behaviour.zone_sentence(table) == "The repeat rate of Enthusiastic fans is 3.0 times that of Indifferent."
