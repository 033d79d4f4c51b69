"""What a report keeps (metrics/kept.py): every section reads the same answer from a kept table as it
computes on its own, the shorter ladders taken from a kept whole one included, and nothing is left
behind when the scope ends, however it ends.

On the sample shop (2,000 customers, a survey, measures on journey steps and tiers): each metric is
asked outside any scope first (its own SQL, as the views ask), then inside one, in the report's order
and in the reverse order (a shorter ladder asked before the whole one is kept on its own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from engage_desktop.core.metrics import actions, effect, journey, ltv, measures, repeat, tier_history
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.metrics.kept import keeping, kept, was_kept
from engage_desktop.core.sample import create_sample_shop
from engage_desktop.core.store import Store


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(create_sample_shop(tmp_path_factory.mktemp("kept") / "sample.duckdb"))
    yield store
    store.close()


def temporary_tables(store: Store) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()]


def settled(value: Any) -> Any:
    """Floats to 9 significant digits: DuckDB sums doubles in whatever order its threads finish, so the
    last bits of an average differ from run to run, kept or not."""
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, dict):
        return {k: settled(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(settled(v) for v in value)
    return value


def answers(store: Store) -> list[tuple[str, Callable[[], Any]]]:
    day = resolve_as_of(store, None)
    chances = actions.chances(store, day)

    def rows(table: Any) -> list[tuple]:
        return [tuple(r.values()) for r in table.as_dicts()]

    def history() -> tuple:
        kept_history = tier_history.tier_history(store, day)
        return kept_history.customers, kept_history.moves

    asked = [
        # first in one order (the spans kept for everyone, read by the journey's step 7), last in the other
        # (the journey's step 7 sums the spans of those who reached step 6 only)
        ("tier history", history),
        ("journey", lambda: rows(journey.journey(store, day))),
        ("cohort_100d", lambda: rows(journey.cohort_100d(store, day))),
        ("step 4 customers", lambda: sorted(store.con.execute(
            f"SELECT customer_key, step, d4 FROM ({journey.step_of_sql(store, day, upto=4)})").fetchall())),
        ("tiers", lambda: rows(ltv.tier_table(store, day))),
        ("deciles", lambda: rows(ltv.deciles(store, day))),
        ("shop LTV", lambda: ltv.shop_ltv(store, day)),
        ("repeat rate", lambda: repeat.repeat_rate(store, day)),
        ("churn", lambda: repeat.dormant(store, day)),
        *((f"list {key}", (lambda key=key: rows(actions.action_list(store, day, key, chances).table)))
          for key in actions.LIST_KEYS),
        *((f"measure {m.name}", (lambda m=m: effect.as_json(effect.effect(store, day, m))))
          for m in measures.measures(store)),
    ]
    return asked


def test_a_kept_answer_is_the_answer_computed_alone(shop: Store) -> None:
    asked = answers(shop)
    assert any(name.startswith("measure") for name, _ in asked)  # the sample's measures are asked too
    alone = {name: settled(ask()) for name, ask in asked}
    assert alone["journey"][0][5] > 0 and alone["list next_step"]  # something to compare
    for order in (asked, asked[::-1]):
        with keeping(shop):
            together = {name: settled(ask()) for name, ask in order}
            assert len(temporary_tables(shop)) >= 3  # the facts, a ladder, the lists' facts
        assert together == alone
        assert temporary_tables(shop) == []


def test_a_short_ladder_comes_from_the_kept_whole_one(shop: Store) -> None:
    day = resolve_as_of(shop, None)
    whole_rules = journey.rules(shop)
    with keeping(shop):
        journey.journey(shop, day)
        before = temporary_tables(shop)
        short = journey.step_of_sql(shop, day, upto=5)
        assert temporary_tables(shop) == before  # read from the whole ladder, not computed again
        assert "kept_" in short
    with keeping(shop):
        journey.step_of_sql(shop, day, whole_rules, upto=5)  # asked first: kept on its own
        assert len(temporary_tables(shop)) == 1  # the short ladder (its orders and dates are its own)
        assert not was_kept(shop, f"ladder {resolve_as_of(shop, None).isoformat()} {ltv.tier_settings(shop)} "
                                  f"{whole_rules!r}")


def test_a_scope_inside_another_shares_it_and_a_failure_leaves_nothing(shop: Store) -> None:
    with keeping(shop):
        first = kept(shop, "one", lambda: "SELECT 1 AS x")
        with keeping(shop):
            assert kept(shop, "one", lambda: "SELECT 2 AS x") == first  # the outer scope's table
        assert shop.con.execute(first).fetchall() == [(1,)]  # the inner scope's end dropped nothing
    assert temporary_tables(shop) == []
    assert kept(shop, "one", lambda: "SELECT 3 AS x") == "SELECT 3 AS x"  # no scope: the SQL itself

    with pytest.raises(RuntimeError), keeping(shop):
        kept(shop, "two", lambda: "SELECT 2 AS x")
        raise RuntimeError("a section failed")
    assert temporary_tables(shop) == []


def test_the_report_keeps_nothing_after_it(shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.export.workbook import export_workbook
    from engage_desktop.core.metrics.report import build_report

    build_report(shop)
    export_workbook(shop, tmp_path / "all.xlsx", lang="ja")
    assert temporary_tables(shop) == []


def test_a_report_reads_each_setting_from_the_file_once(shop: Store) -> None:
    """The sections asked for the tiers, the currency and the dormant days about thirty times each
    (0.7 ms a query, 80 ms of the bench shop's report): inside a scope each is read once."""
    from engage_desktop.core.metrics.report import build_report

    reads: list[str] = []
    real = shop.con

    class Counting:
        def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
            if "FROM settings WHERE key" in sql:
                reads.append(args[0][0])
            return real.execute(sql, *args, **kwargs)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    shop.con = Counting()  # type: ignore[assignment]
    try:
        build_report(shop)
    finally:
        shop.con = real
    assert "ltv_tiers" in reads and "currency" in reads
    assert sorted(set(reads)) == sorted(reads)


def test_remembered_settings_stay_true(tmp_path: Path) -> None:
    """What a scope remembers follows the owner's changes and undoes, and a caller changing the value it
    was given changes nothing else."""
    with Store(tmp_path / "shop.duckdb") as store, keeping(store):
        assert store.setting("dormant_days") == 180
        store.set_setting("dormant_days", 90)
        assert store.setting("dormant_days") == 90
        with pytest.raises(RuntimeError), store.transaction():
            store.set_setting("dormant_days", 30)
            assert store.setting("dormant_days") == 30
            raise RuntimeError("the write fails")
        assert store.setting("dormant_days") == 90
        words = store.setting("hidden_words")
        words.append("送料")
        assert "送料" not in store.setting("hidden_words")
    with Store(tmp_path / "shop.duckdb") as store:
        store.con.execute("UPDATE settings SET value = '45' WHERE key = 'dormant_days'")
        assert store.setting("dormant_days") == 45  # outside a scope: the file, every time
