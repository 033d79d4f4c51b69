"""The measures log (施策) and the effect of a measure.

Shops are hand-made CSVs imported through the real pipeline; the expected figures come from the
order counts written below, with the rule of metrics/effect.py restated in plain Python here
(span averages, the usual change as the median of earlier span-to-span changes, a year earlier
taken off), not from the code under test."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import duckdb
import pytest

from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import in_language
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics.measures import Measure
from engage_desktop.core.metrics import effect, measures, monthly
from engage_desktop.core.schema import MIGRATIONS
from engage_desktop.core.store import Store
from tests.helpers import write_csv

HEADER = ["注文番号", "注文日時", "メールアドレス", "金額"]


def _month(i: int) -> dt.date:
    """Month i of the shop: 0 = May 2024."""
    return dt.date(2024 + (4 + i) // 12, (4 + i) % 12 + 1, 1)


# Orders per month from May 2024 (month 0) to August 2025 (month 15), each by its own customer at ¥1,000.
COUNTS = [10, 14, 12, 16, 10, 13, 11, 15, 9, 12, 14, 10, 11, 13, 22, 24]
# The same, but July-August 2024 jumped as much as July-August 2025: the season, not the measure.
SEASONAL = COUNTS[:2] + [20, 26] + COUNTS[4:]
AS_OF = dt.date(2025, 8, 31)


def _shop(store: Store, folder: Path, counts: list[int]) -> Store:
    rows = [HEADER]
    for i, count in enumerate(counts):
        for k in range(count):
            day = _month(i) + dt.timedelta(days=k)
            rows.append([f"M{i}-{k}", day.strftime("%Y/%m/%d") + " 12:00", f"c{i}-{k}@x.jp", "1000"])
    assert import_file(store, write_csv(folder / "orders.csv", rows)).status == "imported"
    return store


@pytest.fixture
def counted_shop(tmp_shop: Store, tmp_path: Path) -> Store:
    return _shop(tmp_shop, tmp_path, COUNTS)


def _expected(counts: list[int], start: int, n: int) -> dict[str, float | None]:
    """The rule, restated: spans of n months before and from month ``start``, the same months a year
    earlier, and the usual change (median of the earlier span-to-span changes)."""
    def mean(first: int) -> float:
        return sum(counts[first:first + n]) / n

    before, after = mean(start - n), mean(start)
    year = (mean(start - 12) - mean(start - n - 12)) / mean(start - n - 12) if start - n - 12 >= 0 else None
    changes = []
    end = start - 1  # the last month of the later span, sliding back while the earlier span is in the data
    while end - 2 * n + 1 >= 0:
        earlier, later = mean(end - 2 * n + 1), mean(end - n + 1)
        changes.append(abs(later - earlier) / earlier)
        end -= 1
    return {"before": before, "after": after, "change": (after - before) / before, "year": year,
            "usual": statistics.median(changes)}


def test_a_measure_s_effect_before_after_a_year_earlier_and_the_usual_change(counted_shop: Store) -> None:
    m = Measure("夏のメルマガ", dt.date(2025, 7, 1), metric="orders")  # month 14: July and August after
    e = effect.effect(counted_shop, AS_OF, m)
    want = _expected(COUNTS, 14, 2)
    assert (e.months, e.before, e.after) == (2, (dt.date(2025, 5, 1), dt.date(2025, 6, 1)),
                                               (dt.date(2025, 7, 1), dt.date(2025, 8, 1)))
    assert (e.value_before, e.value_after) == (want["before"], want["after"]) == (12.0, 23.0)
    assert e.change == pytest.approx(want["change"])
    assert e.year_change == pytest.approx(want["year"]) == pytest.approx(2 / 12)  # (12+16)/2 vs (10+14)/2
    assert e.usual_change == pytest.approx(want["usual"])
    assert e.verdict == "up" and e.change - e.year_change > e.usual_change
    assert e.rest_change is None and e.customers is None  # everyone: nobody else to compare with


def test_a_change_the_season_explains_is_not_called_an_effect(tmp_shop: Store, tmp_path: Path) -> None:
    shop = _shop(tmp_shop, tmp_path, SEASONAL)
    e = effect.effect(shop, AS_OF, Measure("夏のメルマガ", dt.date(2025, 7, 1), metric="orders"))
    want = _expected(SEASONAL, 14, 2)
    assert e.change == pytest.approx(want["change"]) and e.year_change == pytest.approx(want["year"])
    assert abs(e.change - e.year_change) <= e.usual_change == pytest.approx(want["usual"])
    assert e.verdict == "within_usual"


def test_a_measure_started_mid_month_leaves_that_month_out(counted_shop: Store) -> None:
    # Started on 15 May 2025: May is half before, half after, and left out; June-August after (3 months),
    # February-April before.
    e = effect.effect(counted_shop, AS_OF, Measure("母の日ギフト", dt.date(2025, 5, 15), metric="orders"))
    assert (e.before, e.after) == ((dt.date(2025, 2, 1), dt.date(2025, 4, 1)), (dt.date(2025, 6, 1), dt.date(2025, 8, 1)))
    assert (e.value_before, e.value_after) == (statistics.fmean(COUNTS[9:12]), statistics.fmean(COUNTS[13:16]))
    assert e.year_change is None  # February-April 2024 predates the shop


def test_too_early_and_incomplete_measures_say_so(counted_shop: Store) -> None:
    early = effect.effect(counted_shop, AS_OF, Measure("新商品", dt.date(2025, 7, 20), metric="revenue"))
    assert (early.verdict, early.months) == ("too_early", 1)  # only August is a full month after
    assert "1" in effect.verdict_text(early)
    migrated = effect.effect(counted_shop, AS_OF, Measure("手書きのカード", None, "step", "2"))
    assert migrated.verdict == "incomplete"


def test_a_measure_without_enough_months_before_it(counted_shop: Store) -> None:
    e = effect.effect(counted_shop, AS_OF, Measure("開店記念", dt.date(2024, 6, 1), metric="orders"))
    # Three months after (June-August 2024) but only May 2024 before it: one month, under the minimum of 2.
    assert (e.verdict, e.months) == ("no_history", 1)


def _two_customers(tmp_shop: Store, tmp_path: Path) -> Store:
    rows = [HEADER,
            # X: first purchase in January (step 2 from February), second in March (step 3 from April).
            ["X1", "2025/01/10 12:00", "x@x.jp", "3000"], ["X2", "2025/03/12 12:00", "x@x.jp", "5000"],
            # Y: first purchase in February (step 2 from March), nothing more.
            ["Y1", "2025/02/03 12:00", "y@x.jp", "2000"],
            # Z: buys in January (step 2 from February) and February (step 3 from March), and again in March.
            ["Z1", "2025/01/05 12:00", "z@x.jp", "1000"], ["Z2", "2025/02/05 12:00", "z@x.jp", "1000"],
            ["Z3", "2025/03/05 12:00", "z@x.jp", "1000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    return tmp_shop


def test_a_step_measure_targets_who_was_at_the_step_at_the_start_of_each_month(tmp_shop: Store, tmp_path: Path) -> None:
    shop = _two_customers(tmp_shop, tmp_path)
    as_of = dt.date(2025, 4, 30)
    m = Measure("2回目クーポン", dt.date(2025, 3, 1), "step", "2", "revenue")
    pairs = shop.con.execute(f"""SELECT c.email, g.month FROM ({effect.group_sql(shop, m, as_of)}) g
                                 JOIN customers c USING (customer_key) ORDER BY 1, 2""").fetchall()
    # At step 2 when the month began, in the months they bought: X in March (at step 2 February-March),
    # Z in February (at step 2 in February only); Y (at step 2 from March) bought nothing since.
    assert pairs == [("x@x.jp", dt.date(2025, 3, 1)), ("z@x.jp", dt.date(2025, 2, 1))]
    targeted = {r["month"]: r["revenue"] for r in monthly.monthly(shop, as_of, group=effect.group_sql(shop, m, as_of)).as_dicts()}
    rest = {r["month"]: r["revenue"] for r in
            monthly.monthly(shop, as_of, group=effect.group_sql(shop, m, as_of), outside=True).as_dicts()}
    # March: X's second purchase (X was at step 2 when March began); Z's March order is everyone else's.
    assert targeted[dt.date(2025, 3, 1)] == 5000 and rest[dt.date(2025, 3, 1)] == 1000
    # January: nobody was at step 2 yet; X's and Z's first purchases are everyone else's. February: Z's second
    # purchase is the targeted one (Z was at step 2 when February began), Y's first is everyone else's.
    assert targeted.get(dt.date(2025, 1, 1), 0) == 0 and rest[dt.date(2025, 1, 1)] == 4000
    assert (targeted[dt.date(2025, 2, 1)], rest[dt.date(2025, 2, 1)]) == (1000, 2000)
    e = effect.effect(shop, as_of, m)
    assert e.customers == 2  # X and Y were at step 2 when March began
    # The chart runs from the shop's first month: January was a month of nothing for the targeted (¥0),
    # not a month without data; February Z's ¥1,000, March X's ¥5,000, April nothing.
    assert e.series.column("month") == [dt.date(2025, m, 1) for m in (1, 2, 3, 4)]
    assert e.series.column("target") == [0, 1000, 5000, 0] and e.series.column("rest") == [4000, 2000, 1000, 0]


def test_a_tier_measure_with_few_customers_says_it_cannot_tell(counted_shop: Store) -> None:
    e = effect.effect(counted_shop, AS_OF, Measure("一回購入のお客様へ", dt.date(2025, 7, 1), "tier", "one_time", "orders"))
    # One-time buyers when July began (their tier at the end of June): every customer bought once; those of
    # January-June 2025 are within 180 days of June 30 (1回購入), December's and earlier are dormant.
    assert e.customers == sum(COUNTS[8:14]) == 69
    lonely = effect.effect(counted_shop, AS_OF, Measure("優良へ", dt.date(2025, 7, 1), "tier", "top", "orders"))
    assert (lonely.verdict, lonely.customers) == ("few_customers", 0)
    assert "30" in effect.verdict_text(lonely)


def test_the_log_adds_edits_deletes_and_restores(tmp_shop: Store) -> None:
    first = measures.add(tmp_shop, Measure("  サンクスカード  ", dt.date(2025, 3, 1), "step", "2", "repeat_rate"))
    second = measures.add(tmp_shop, Measure("秋の新作", dt.date(2025, 9, 15), metric="revenue"))
    assert [m.name for m in measures.measures(tmp_shop)] == ["秋の新作", "サンクスカード"]  # latest start first
    assert measures.by_step(tmp_shop) == {2: [measures.measure(tmp_shop, first)]}
    edited = Measure("秋の新作メール", dt.date(2025, 9, 15), "tier", "top", "orders", dt.date(2025, 10, 31), "メモ", second)
    measures.update(tmp_shop, edited)
    assert measures.measure(tmp_shop, second) == edited
    gone = measures.delete(tmp_shop, second)
    assert gone == edited and measures.measure(tmp_shop, second) is None
    measures.restore(tmp_shop, gone)  # undo
    assert measures.measure(tmp_shop, second) == edited
    third = measures.add(tmp_shop, Measure("三つ目", dt.date(2025, 1, 1), metric="orders"))
    assert third not in (first, second)


@pytest.mark.parametrize("bad, says", [
    (Measure("", dt.date(2025, 1, 1), metric="orders"), "name"),
    (Measure("x", None, metric="orders"), "start"),
    (Measure("x", dt.date(2025, 2, 1), metric="orders", ended_on=dt.date(2025, 1, 1)), "end"),
    (Measure("x", dt.date(2025, 1, 1), metric="ltv"), "metric"),
    (Measure("x", dt.date(2025, 1, 1), "step", "9", "orders"), "step"),
    (Measure("x", dt.date(2025, 1, 1), "tier", "vip", "orders"), "tier"),
])
def test_a_measure_that_cannot_be_saved_says_what_to_fix(tmp_shop: Store, bad: Measure, says: str) -> None:
    with pytest.raises(EngageError, match=says):
        measures.add(tmp_shop, bad)
    assert measures.measures(tmp_shop) == []


def test_the_journey_s_free_text_measures_become_entries_of_the_log(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(path))  # a shop file of the previous release (schema 4)
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    for version, sql in MIGRATIONS[:4]:
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])
    con.execute("INSERT INTO journey_notes VALUES (2, 'measures', '手書きのサンクスカード\n初回購入のみ'), "
                "(5, 'measures', '   '), (6, 'measures', ' \n\t\n'), (3, 'touchpoints', '発送メール'), "
                "(7, 'measures', '\n\t先行案内 \n詳細は別紙')")
    con.close()
    with Store(path) as store:
        log = sorted(measures.measures(store), key=lambda m: m.step or 0)
        assert [(m.name, m.step, m.started_on, m.metric, m.note) for m in log] == [
            ("手書きのサンクスカード", 2, None, None, "手書きのサンクスカード\n初回購入のみ"),
            ("先行案内", 7, None, None, "先行案内 \n詳細は別紙")]  # the first line with something on it
        # The other notes stay; the measures cells are gone from the notes (the log is where they live now).
        assert store.con.execute("SELECT step, field FROM journey_notes").fetchall() == [(3, "touchpoints")]


def test_the_report_carries_each_measure_with_its_effect(counted_shop: Store) -> None:
    from engage_desktop.core.metrics.report import build_report, report_text

    measures.add(counted_shop, Measure("夏のメルマガ", dt.date(2025, 7, 1), metric="orders"))
    report = build_report(counted_shop, AS_OF)
    (entry,) = report["measures"]
    want = _expected(COUNTS, 14, 2)
    assert (entry["name"], entry["started_on"], entry["verdict"], entry["months"]) == ("夏のメルマガ", "2025-07-01", "up", 2)
    assert entry["before"] == ["2025-05-01", "2025-06-01"] and entry["after"] == ["2025-07-01", "2025-08-01"]
    assert entry["change"] == round(want["change"], 4) and entry["year_change"] == round(want["year"], 4)
    assert "夏のメルマガ" in report_text(report)


def test_a_score_or_a_share_changes_by_points_not_by_a_percentage_of_itself() -> None:
    # NPS from -5 to +5 is 10 points up, not -200%; a share from 40% to 45% is 5 points; revenue a ratio.
    assert effect.metric_change("nps", -5.0, 5.0) == 10.0
    assert effect.metric_change("repeat_rate", 0.40, 0.45) == pytest.approx(5.0)
    assert effect.metric_change("revenue", 100.0, 125.0) == 0.25 and effect.metric_change("revenue", 0.0, 5.0) is None


def test_a_share_measure_reads_in_points(counted_shop: Store) -> None:
    with in_language("ja"):
        e = effect.effect(counted_shop, AS_OF, Measure("リピート促進", dt.date(2025, 7, 1), metric="repeat_rate"))
        # Every customer buys once: the returning customers' share is 0 in every month, before and after.
        assert e.in_points and (e.value_before, e.value_after, e.change) == (0.0, 0.0, 0.0)
        assert "+0.0ポイント" in effect.verdict_text(e)


def test_a_measure_that_ended_within_its_first_months_is_too_short_and_its_end_month_counts_only_when_full(
        counted_shop: Store) -> None:
    short = effect.effect(counted_shop, AS_OF, Measure("3月だけ", dt.date(2025, 3, 1), metric="orders",
                                                       ended_on=dt.date(2025, 3, 10)))
    assert (short.verdict, short.months) == ("too_short", 0)  # March did not run to its end
    ended = effect.effect(counted_shop, AS_OF, Measure("春", dt.date(2025, 3, 1), metric="orders",
                                                       ended_on=dt.date(2025, 5, 15)))
    assert ended.after == (dt.date(2025, 3, 1), dt.date(2025, 4, 1)) and ended.months == 2


def test_nothing_before_the_start_is_said_so_and_step_1_is_not_counted(counted_shop: Store) -> None:
    # Customers at step 2 (one purchase) never buy again in this shop: their orders are 0 before and after.
    e = effect.effect(counted_shop, AS_OF, Measure("2回目クーポン", dt.date(2025, 7, 1), "step", "2", "orders"))
    assert e.customers == sum(COUNTS[:14]) and e.verdict == "no_base"
    first = effect.effect(counted_shop, AS_OF, Measure("初回限定", dt.date(2025, 7, 1), "step", "1", "orders"))
    assert first.customers is None  # known before buying: since when, the shop cannot tell


def test_a_targeted_measure_is_read_against_everyone_else(tmp_shop: Store, tmp_path: Path) -> None:
    # 40 regulars buy every month from May 2024 (一般 from their second month: 2 purchases); the one-time
    # buyers of COUNTS surge in July-August 2025. A measure for 一般 from July 2025 on orders:
    rows = [HEADER]
    for i, count in enumerate(COUNTS):
        for k in range(count):
            rows.append([f"M{i}-{k}", (_month(i) + dt.timedelta(days=k)).strftime("%Y/%m/%d") + " 12:00",
                         f"c{i}-{k}@x.jp", "1000"])
        for r in range(40):
            rows.append([f"R{i}-{r}", (_month(i) + dt.timedelta(days=1)).strftime("%Y/%m/%d") + " 09:00",
                         f"r{r}@x.jp", "1000"])
    assert import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows)).status == "imported"
    e = effect.effect(tmp_shop, AS_OF, Measure("常連さん向け", dt.date(2025, 7, 1), "tier", "regular", "orders"))
    # Targeted: the 40 regulars' 40 orders a month, before (May-June 2025) and after (July-August).
    assert (e.value_before, e.value_after, e.change, e.customers) == (40.0, 40.0, 0.0, 40)
    # Everyone else: the one-time buyers, (11 + 13) / 2 -> (22 + 24) / 2.
    assert e.rest_change == pytest.approx((23 - 12) / 12)
    assert e.baseline == "rest" and e.difference == pytest.approx(-(23 - 12) / 12)
    # The regulars' orders have not moved between any earlier spans (40 a month from June 2024): usual 0.
    assert e.usual_change == 0 and e.verdict == "down"


def test_the_cli_report_says_a_change_as_the_measures_view_does(counted_shop: Store) -> None:
    """The report printed a change in points as a percentage (NPS up 10.4 pt read "+1042.9%"), and without
    what it is weighed against."""
    from engage_desktop.core.metrics.report import build_report, report_text

    measures.add(counted_shop, Measure("夏のメルマガ", dt.date(2025, 7, 1), metric="orders"))
    measures.add(counted_shop, Measure("リピート促進", dt.date(2025, 7, 1), metric="repeat_rate"))
    want = _expected(COUNTS, 14, 2)
    with in_language("en"):
        lines = report_text(build_report(counted_shop, AS_OF)).splitlines()
    [orders] = [line for line in lines if "夏のメルマガ" in line]
    assert orders.endswith(f"{100 * want['change']:+.1f}% (a year earlier {100 * want['year']:+.1f}%)")
    [share] = [line for line in lines if "リピート促進" in line]
    assert "+0.0 pt" in share and "%" not in share  # every customer buys once: a share of 0 before and after
