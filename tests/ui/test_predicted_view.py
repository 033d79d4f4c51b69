"""The predicted view (予測LTV): on the sample shop the verdict, the shop's figures, the chart and the list are
core's; on a 40-customer shop it says why the prediction is not shown and lists the simple LTV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from engage_desktop.core.metrics import ltv, predicted
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.store import Store
from tests.core.test_predicted import _small_shop
from tests.ui.conftest import show_view


def test_the_sample_shop_s_prediction_as_core_gives_it(qtbot: Any, open_shop: Any, on_db: Any,
                                                      sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "predicted")
    expected = on_db(lambda s: predicted.predicted(s, resolve_as_of(s, None)))
    assert expected.verdict.reliable
    assert view.verdict.text() == expected.verdict.text()
    assert not view.chart_box.isHidden()
    bands = predicted.by_p_alive(expected)
    assert view.chart.bar_values == bands.column("customers")
    shown = view.customers.table_data
    assert shown.columns == predicted.PREDICTED_LIST_COLUMNS and shown.rows == expected.customers.rows
    # The list sorts by predicted value (its raw number, not its text).
    column = shown.columns.index("value_365")
    view.customers.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    values = [row[column] for row in view.customers.shown_rows()]
    assert values == sorted(values)
    # A bar's customers: those whose chance of buying again is in its band.
    view.select_band(4)
    low, high = bands.rows[4][0], bands.rows[4][1]
    alive = view.customers.table_data.column("p_alive")
    assert len(alive) == bands.rows[4][2] and all(low <= p <= high for p in alive)


def test_a_forty_customer_shop_gets_the_reason_and_the_simple_ltv(qtbot: Any, open_shop: Any, on_db: Any,
                                                                 tmp_path: Path) -> None:
    store = Store(tmp_path / "small.duckdb")
    _small_shop(store, tmp_path, 40)
    store.close()
    window = open_shop(tmp_path / "small.duckdb")
    view = show_view(qtbot, window, "predicted")
    verdict = on_db(lambda s: predicted.predicted(s, resolve_as_of(s, None)).verdict)
    assert (verdict.reliable, verdict.reason) == (False, "few_customers")
    assert view.verdict.text() == verdict.text()
    assert view.chart_box.isHidden()
    shop = on_db(lambda s: ltv.shop_ltv(s, resolve_as_of(s, None)))
    assert predicted.rule_text() in view.figures.text()
    assert view.customers.table_data.columns == ltv.CUSTOMER_COLUMNS
    assert "p_alive" not in view.customers.table_data.columns and shop["ltv"] > 0
