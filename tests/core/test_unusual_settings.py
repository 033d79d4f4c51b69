"""Settings the owner may save that the defaults never try: the whole report and the full export still
come out, and their parts still add up.

A single tier with no dormant one wrote ``CASE ELSE … END`` into every metric until a property test met
it; this walks the report and the export through such corners of what core/settings.py accepts, on the
sample shop (2,000 customers, a survey, measures): one tier; the dormant tier first; no dormant tier;
tiers by purchases only; dormant after 1 day and after 3,650; journey rules with a promoter at step 2,
tiers at step 3 and the step-5 rule of three purchases within 100 days; RFM thresholds at their
extremes; rounds of 2 and 12 months; two engagement zones, one a single cell; dollars and a time zone
far from Japan. It found that a rule on step 1 left the customers who missed it
at no step: step 1 is now every customer the shop knows (test_journey_truths.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from engage_desktop.core.export.workbook import export_workbook
from engage_desktop.core.metrics import journey, ltv, rfm, zones
from engage_desktop.core.metrics.ltv import Tier
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.sample import create_sample_shop
from engage_desktop.core.store import Store


def tier(key: str, min_ltv: float = 0, min_orders: int = 0, dormant: bool = False) -> Tier:
    return Tier(key, f"層{key}", key, min_ltv, min_orders, dormant)


def rules_with(changes: dict[int, journey.StepRule]) -> list[journey.StepRule]:
    rules = list(journey.DEFAULT_RULES)
    for step, rule in changes.items():
        rules[step - 1] = rule
    return rules


VARIANTS: dict[str, Callable[[Store], None]] = {
    "one tier": lambda s: ltv.save_tiers(s, [tier("all")]),
    "dormant tier first": lambda s: ltv.save_tiers(s, [tier("sleep", dormant=True), tier("big", 30000), tier("rest")]),
    "no dormant tier": lambda s: ltv.save_tiers(s, [tier("big", 30000), tier("mid", 10000), tier("rest")]),
    "tiers by purchases only": lambda s: ltv.save_tiers(s, [tier("many", 0, 5), tier("two", 0, 2), tier("one"),
                                                            tier("sleep", dormant=True)]),
    "dormant after 1 day": lambda s: s.set_setting("dormant_days", 1),
    "dormant after 3,650 days": lambda s: s.set_setting("dormant_days", 3650),
    "journey rules moved around": lambda s: journey.save_rules(s, rules_with({
        2: journey.StepRule(min_orders=1, promoter=True), 3: journey.StepRule(tiers=("good", "top")),
        5: journey.StepRule(min_orders=3, within_days=100), 7: journey.StepRule(tiers=("regular",)),
        8: journey.StepRule(min_orders=2)})),
    "RFM thresholds at their extremes": lambda s: rfm.save_thresholds(
        s, rfm.Thresholds((1, 2, 3, 36_500), (2, 3, 4, 100_000))),
    "rounds of 2 and a margin": lambda s: (s.set_setting("round_months", 2), s.set_setting("gross_margin", 0.01)),
    "rounds of 12": lambda s: s.set_setting("round_months", 12),
    # two zones, one of them a single cell of the matrix
    "two engagement zones": lambda s: zones.save_zone_map(s, zones.ZoneMap(
        [zones.Zone("one", "一点", "One"), zones.Zone("rest", "その他", "Rest")],
        [["one" if (fan, liking) == (6, 7) else "rest" for liking in range(1, 8)] for fan in range(1, 7)])),
    "dollars and a far time zone": lambda s: (s.set_setting("currency", "USD"),
                                              s.set_setting("time_zone", "Pacific/Honolulu")),
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_sample_shop(tmp_path_factory.mktemp("unusual") / "sample.duckdb")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_report_and_the_export_come_out_under_unusual_settings(variant: str, sample: Path, tmp_path: Path) -> None:
    shop = tmp_path / "shop.duckdb"
    shutil.copy(sample, shop)
    with Store(shop) as store:
        VARIANTS[variant](store)
        report = build_report(store)
        buyers = store.con.execute(
            "SELECT count(DISTINCT customer_key) FROM orders WHERE NOT cancelled AND NOT is_refund").fetchone()[0]
        assert sum(t["customers"] for t in report["ltv"]["tiers"]) == report["customers"] == buyers
        assert [t["tier"] for t in report["ltv"]["tiers"]] == [t.key for t in ltv.tiers(store)]
        reached = [step["reached"] for step in report["journey"]]
        assert reached == sorted(reached, reverse=True)  # a ladder: reaching a step means reaching those before
        assert sum(step["customers"] + step["dormant"] for step in report["journey"]) == report["known_customers"]
        cells = report["tier_movement"]["cells"]
        assert sum(cell["customers"] for cell in cells) == buyers
        grid = report["action_lists"]["rfm"]
        assert sum(cell["customers"] for cell in grid["cells"]) == sum(s["customers"] for s in grid["segments"]) == buyers
        out = export_workbook(store, tmp_path / "all.xlsx", lang="ja")
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) > 10 and all(book[name].max_row > 1 for name in book.sheetnames)

