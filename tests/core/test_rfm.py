"""The RFM grid on a hand-made shop imported through the real pipeline. Every customer's score, segment and
movement is worked out by hand in the comments from the default thresholds (R: within 30 / 90 / 180 / 365
days gives R5 / R4 / R3 / R2, beyond R1; F: 1 purchase F1, 2 F2, 3-4 F3, 5-9 F4, 10+ F5) and the grid
drawn in metrics/rfm.py, not read back from the code under test."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from engage_desktop.core.export.workbook import export_workbook
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.messages import in_language
from engage_desktop.core.metrics import rfm
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.store import Store
from tests.helpers import write_csv

AS_OF = dt.date(2025, 12, 31)
START = dt.date(2025, 9, 30)  # the movement view's default start: the end of the month three months back


def monthly(first: str, n: int) -> list[str]:
    year, month, day = (int(x) for x in first.split("-"))
    return [dt.date(year + (month - 1 + i) // 12, (month - 1 + i) % 12 + 1, day).isoformat() for i in range(n)]


# (e-mail, order dates, yen per order)
CUSTOMERS = {
    "champ@x.jp": (["2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01"], 10000),
    "new@x.jp": (["2025-11-30"], 5000),
    "loyal@x.jp": (["2025-04-01", "2025-06-01", "2025-10-02"], 8000),
    "grow@x.jp": (["2025-12-10", "2025-12-20"], 3000),
    "follow@x.jp": (["2025-10-01"], 4000),
    "risk@x.jp": (monthly("2024-10-03", 10), 6000),  # 2024-10-03 ... 2025-07-03
    "hib@x.jp": (["2024-06-01", "2024-12-31"], 2000),
    "lost@x.jp": (["2024-01-10", "2024-03-10", "2024-09-10", "2024-12-30"], 7000),
}

# As of 2025-12-31, by hand:
EXPECTED = {
    # last order 12-01: 30 days -> R5 (on the threshold: the better score); 5 orders -> F4 (on it): 優良
    "champ@x.jp": (30, 5, 4, "champions"),
    # 11-30: 31 days -> R4; 1 order -> F1: 新規 (the cancelled order of 12-30 below does not count)
    "new@x.jp": (31, 4, 1, "new"),
    # 10-02: 29 + 30 + 31 = 90 days -> R4; 3 orders -> F3: 安定
    "loyal@x.jp": (90, 4, 3, "loyal"),
    # 12-20: 11 days -> R5; 2 orders -> F2: 育成中
    "grow@x.jp": (11, 5, 2, "growing"),
    # 10-01: 91 days -> R3; 1 order -> F1: 要フォロー
    "follow@x.jp": (91, 3, 1, "follow_up"),
    # 07-03: 28 + 31 + 30 + 31 + 30 + 31 = 181 days -> R2; 10 orders -> F5: 要注意 (strong history, gone quiet)
    "risk@x.jp": (181, 2, 5, "at_risk"),
    # 2024-12-31: 365 days -> R2; 2 orders -> F2: 休眠
    "hib@x.jp": (365, 2, 2, "hibernating"),
    # 2024-12-30: 366 days -> R1; 4 orders -> F3: 離脱
    "lost@x.jp": (366, 1, 3, "lost"),
}


@pytest.fixture
def shop(tmp_shop: Store, tmp_path: Path) -> Store:
    rows = [["注文番号", "注文日時", "メールアドレス", "金額", "ステータス"]]
    for email, (dates, yen) in CUSTOMERS.items():
        rows += [[f"{email[:3]}{i}", d.replace("-", "/") + " 12:00", email, str(yen), ""] for i, d in enumerate(dates)]
    rows.append(["X1", "2025/12/30 12:00", "new@x.jp", "9999", "キャンセル"])  # cancelled: never counts
    assert import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows, encoding="cp932")).status == "imported"
    return tmp_shop


def by_email(table: rfm.Table) -> dict[str, dict]:
    return {row["email"]: row for row in table.as_dicts()}


def test_every_cell_of_the_grid_is_in_exactly_one_segment() -> None:
    cells = [cell for segment in rfm.SEGMENTS for cell in segment.cells]
    assert sorted(cells) == sorted((r, f) for r in range(1, 6) for f in range(1, 6))


def test_scores_and_segments_at_the_thresholds(shop: Store) -> None:
    rows = by_email(rfm.customers(shop, AS_OF))
    assert {email: (r["days_since_last"], r["r_score"], r["f_score"], r["segment"]) for email, r in rows.items()} \
        == EXPECTED
    assert rows["risk@x.jp"]["revenue"] == Decimal(60000)  # M beside the scores: 10 x ¥6,000


def test_the_grid_and_the_segments_count_customers_and_revenue(shop: Store) -> None:
    grid = rfm.grid(shop, AS_OF)
    assert len(grid.rows) == 25
    cells = {(r["r_score"], r["f_score"]): (r["customers"], r["revenue"]) for r in grid.as_dicts()}
    assert cells[(5, 4)] == (1, Decimal(50000))  # champ: 5 x ¥10,000
    assert cells[(2, 5)] == (1, Decimal(60000))  # risk
    assert cells[(1, 3)] == (1, Decimal(28000))  # lost: 4 x ¥7,000
    assert cells[(5, 5)] == (0, Decimal(0))
    assert sum(n for n, _ in cells.values()) == 8
    segments = {r["segment"]: r for r in rfm.segment_table(grid).as_dicts()}
    assert [s.key for s in rfm.SEGMENTS] == list(segments)
    assert {k: r["customers"] for k, r in segments.items()} == {k: 1 for k in segments}
    # revenue share: risk's ¥60,000 of 50,000 + 5,000 + 24,000 + 6,000 + 4,000 + 60,000 + 4,000 + 28,000 = 181,000
    assert segments["at_risk"]["revenue_share"] == pytest.approx(60000 / 181000)


def test_the_customers_of_a_segment_or_a_cell_with_the_reason_in_words(shop: Store) -> None:
    with in_language("en"):
        risk = rfm.customers(shop, AS_OF, segment="at_risk")
        new = rfm.customers(shop, AS_OF, cell=(4, 1))
    assert [r["email"] for r in risk.as_dicts()] == ["risk@x.jp"]
    assert risk.as_dicts()[0]["reason"] == "181 days since the last purchase, 10 purchases"
    assert [r["reason"] for r in new.as_dicts()] == ["31 days since the last purchase, 1 purchase"]
    with in_language("ja"):
        risk_ja = rfm.customers(shop, AS_OF, segment="at_risk").as_dicts()[0]["reason"]
        assert rfm.segment_name("at_risk") == "要注意"
    assert risk_ja == "最後の購入から181日・購入10回"
    assert rfm.customers(shop, AS_OF, cell=(5, 5)).rows == []
    # Highest revenue first, the first few when asked (a home screen's top of 要注意).
    everyone = rfm.customers(shop, AS_OF, limit=2)
    assert [r["email"] for r in everyone.as_dicts()] == ["risk@x.jp", "champ@x.jp"]


def test_segments_move_between_two_dates(shop: Store) -> None:
    # On 2025-09-30, by hand:
    #   champ: 2 orders, the last 09-01 (29 days) -> R5 F2 育成中; now 優良 (3 orders since: ¥30,000)
    #   new, grow, follow: no order yet -> not yet a customer; now 新規 (¥5,000), 育成中 (¥6,000), 要フォロー (¥4,000)
    #   loyal: 2 orders, the last 06-01 (121 days) -> R3 F2 要フォロー; now 安定 (¥8,000 since)
    #   risk: 10 orders, the last 07-03 (89 days) -> R4 F5 優良; now 要注意
    #   hib: last 2024-12-31 (273 days) -> R2 F2 休眠; still 休眠
    #   lost: 4 orders, the last 2024-12-30 (274 days) -> R2 F3 要注意; now 離脱
    table = rfm.segment_movement(shop, START, AS_OF)
    moved = {(r["from_segment"], r["to_segment"]): (r["customers"], r["revenue"])
             for r in table.as_dicts() if r["customers"]}
    assert moved == {
        ("growing", "champions"): (1, Decimal(30000)),
        (rfm.NOT_YET, "new"): (1, Decimal(5000)),
        (rfm.NOT_YET, "growing"): (1, Decimal(6000)),
        (rfm.NOT_YET, "follow_up"): (1, Decimal(4000)),
        ("follow_up", "loyal"): (1, Decimal(8000)),
        ("champions", "at_risk"): (1, Decimal(0)),
        ("hibernating", "hibernating"): (1, Decimal(0)),
        ("at_risk", "lost"): (1, Decimal(0)),
    }
    assert len(table.rows) == 9 * 8  # every pair, zeros included
    movers = rfm.segment_movers(shop, START, AS_OF, "champions", "at_risk")
    assert [r["email"] for r in movers.as_dicts()] == ["risk@x.jp"]
    assert movers.as_dicts()[0]["segment"] == "at_risk"
    with pytest.raises(ValueError):
        rfm.segment_movers(shop, START, AS_OF, "x'; DROP TABLE orders; --", "lost")


def test_thresholds_changed_by_the_owner_rescore_everyone(shop: Store) -> None:
    rfm.save_thresholds(shop, rfm.Thresholds((60, 120, 240, 400), (2, 4, 8, 12)))
    assert rfm.thresholds(shop) == rfm.Thresholds((60, 120, 240, 400), (2, 4, 8, 12))
    # By hand: R5 within 60 days, R4 61-120, R3 121-240, R2 241-400; F2 2-3 purchases, F3 4-7, F4 8-11, F5 12+.
    expected = {
        "champ@x.jp": (5, 3, "loyal"),  # 30 days, 5 orders
        "new@x.jp": (5, 1, "new"),  # 31 days, 1
        "loyal@x.jp": (4, 2, "growing"),  # 90 days, 3
        "grow@x.jp": (5, 2, "growing"),  # 11 days, 2
        "follow@x.jp": (4, 1, "new"),  # 91 days, 1
        "risk@x.jp": (3, 4, "loyal"),  # 181 days, 10
        "hib@x.jp": (2, 2, "hibernating"),  # 365 days, 2
        "lost@x.jp": (2, 3, "at_risk"),  # 366 days, 4
    }
    rows = by_email(rfm.customers(shop, AS_OF))
    assert {e: (r["r_score"], r["f_score"], r["segment"]) for e, r in rows.items()} == expected
    with in_language("en"):
        th = rfm.thresholds(shop)
        assert rfm.recency_ranges(th) == {5: "0-60 days", 4: "61-120 days", 3: "121-240 days",
                                          2: "241-400 days", 1: "401+ days"}
        assert rfm.frequency_ranges(th) == {1: "1 purchase", 2: "2-3 purchases", 3: "4-7 purchases",
                                            4: "8-11 purchases", 5: "12+ purchases"}


@pytest.mark.parametrize("bad", [
    {"recency_days": [30, 30, 180, 365], "frequency": [2, 3, 5, 10]},  # not rising
    {"recency_days": [90, 30, 180, 365], "frequency": [2, 3, 5, 10]},
    {"recency_days": [30, 90, 180], "frequency": [2, 3, 5, 10]},  # three
    {"recency_days": [0, 90, 180, 365], "frequency": [2, 3, 5, 10]},  # 0 days
    {"recency_days": [30, 90, 180, 365], "frequency": [1, 3, 5, 10]},  # F2 from one purchase: F1 would be empty
    {"recency_days": [30, 90, 180, 365], "frequency": [2, 3, 5, True]},
    {"recency_days": [30, 90, 180, "365"], "frequency": [2, 3, 5, 10]},
    {"recency_days": [30, 90, 180, 365]},
    [30, 90, 180, 365],
])
def test_the_settings_check_refuses_bad_thresholds(shop: Store, bad: object, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(ValueError):
        shop.set_setting("rfm_thresholds", bad)
    # A shop file from elsewhere holding them: the defaults are used, and the log says so.
    import json
    shop.con.execute("INSERT OR REPLACE INTO settings VALUES ('rfm_thresholds', ?)", [json.dumps(bad)])
    with caplog.at_level(logging.WARNING):
        assert rfm.thresholds(shop) == rfm.Thresholds((30, 90, 180, 365), (2, 3, 5, 10))
    assert "rfm_thresholds" in caplog.text


def test_the_report_has_the_rfm_action_list(shop: Store) -> None:
    report = build_report(shop, AS_OF)
    data = report["action_lists"]["rfm"]
    assert data["thresholds"] == {"recency_days": [30, 90, 180, 365], "frequency": [2, 3, 5, 10]}
    assert len(data["cells"]) == 25
    assert {s["segment"]: s["customers"] for s in data["segments"]} == {s.key: 1 for s in rfm.SEGMENTS}
    assert (data["movement"]["start"], data["movement"]["end"]) == ("2025-09-30", "2025-12-31")
    assert {(c["from"], c["to"]) for c in data["movement"]["cells"]} >= {("champions", "at_risk"), ("at_risk", "lost")}


def test_the_export_has_an_rfm_sheet_with_a_chart(shop: Store, tmp_path: Path) -> None:
    path = export_workbook(shop, tmp_path / "rfm.xlsx", view="rfm", as_of=AS_OF, lang="ja")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["RFM分析"]
    sheet = book["RFM分析"]
    # The segments' table comes first; the movement's rows below name the segments again.
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "要注意")
    assert sheet.cell(row=row, column=3).value == 1  # customers
    assert sheet.cell(row=row, column=4).value == 60000  # revenue
    assert sheet.cell(row=row - 6, column=1).value == "セグメント"  # its header, above the 5 segments before it
    chart = sheet._charts[0]  # customers per segment, from that table's column C
    assert chart.series[0].val.numRef.f == f"'RFM分析'!$C${row - 5}:$C${row - 5 + 7}"
    # The grid: R2 x F5 (row R2, column F5) holds risk@; in 要注意's colour.
    grid_row = next(r for r in range(1, 12) if str(sheet.cell(row=r, column=1).value).startswith("R2"))
    assert sheet.cell(row=grid_row, column=6).value == 1
    assert sheet.cell(row=grid_row, column=6).fill.fgColor.rgb.endswith(rfm.BY_KEY["at_risk"].colour)
