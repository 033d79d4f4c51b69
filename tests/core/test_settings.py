"""Settings are data: checked when read, whatever a shop file someone sent holds (issue 14.9, 15)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.metrics import ltv
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.settings import SETTINGS
from engage_desktop.core.store import Store
from tests.fixtures import exports


def store_raw(store: Store, key: str, text: str) -> None:
    store.con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, text])


def test_a_crafted_tier_key_in_a_shop_file_runs_nothing(tmp_shop: Store, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    path, _ = exports.shopify_orders(tmp_path)
    import_file(tmp_shop, path)
    target = tmp_path / "pwned.csv"
    crafted = f"top' END AS tier FROM range(1)); COPY (SELECT 42) TO '{target}'; SELECT (SELECT 'x"
    store_raw(tmp_shop, "ltv_tiers", json.dumps([{"key": crafted, "ja": "優良", "en": "Top", "min_ltv": 1},
                                                 {"key": "rest", "ja": "他", "en": "Rest"}]))
    store_raw(tmp_shop, "journey_rules", json.dumps([{"tiers": [crafted]}] * 8))
    with caplog.at_level(logging.WARNING):
        report = build_report(tmp_shop)
    assert not target.exists()
    assert [t["tier"] for t in report["ltv"]["tiers"]] == [t["key"] for t in ltv.DEFAULT_TIERS]  # the defaults
    assert "ltv_tiers" in caplog.text and "journey_rules" in caplog.text


@pytest.mark.parametrize(("key", "text"), [
    ("dormant_days", '"180; DROP TABLE orders"'), ("dormant_days", "-5"), ("round_months", "true"),
    ("max_reject_share", '"all"'), ("time_zone", '"Mars/Olympus"'), ("currency", '"yen"'), ("currency_style", '"$"'),
    ("shop_name", "not json at all"), ("ltv_tiers", '[{"key": "top"}, {"key": "top"}]'),
])
def test_a_malformed_setting_reads_as_its_default(tmp_shop: Store, key: str, text: str) -> None:
    store_raw(tmp_shop, key, text)
    assert tmp_shop.setting(key) == SETTINGS[key].default
    build_report(tmp_shop)  # and nothing downstream breaks


def test_saving_a_value_a_setting_does_not_take_is_refused(tmp_shop: Store) -> None:
    with pytest.raises(ValueError):
        tmp_shop.set_setting("dormant_days", "soon")
    with pytest.raises(ValueError):
        ltv.save_tiers(tmp_shop, [ltv.Tier("Top Tier!", "優良", "Top"), ltv.Tier("rest", "他", "Rest")])


def test_a_default_read_and_changed_leaves_the_default_as_it_was(tmp_path: Path) -> None:
    """The word list was the default object itself: a caller adding a word to what it read added it to
    every shop's default."""
    with Store(tmp_path / "shop.duckdb") as store:
        store.setting("hidden_words").append("送料")
        assert store.setting("hidden_words") == []
