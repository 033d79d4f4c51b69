"""The RFM view on the real sample shop: the grid is core's, a cell and a segment give their customers,
the thresholds dialog re-scores everyone, and the movement's dates give the from x to table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from engage_desktop.core.metrics import rfm
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.ui.views.rfm import ThresholdEditor
from tests.ui.conftest import show_view


def test_clicking_a_cell_lists_its_customers(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "rfm")
    as_of = on_db(lambda s: resolve_as_of(s, None))
    cells = {(r["r_score"], r["f_score"]): r for r in on_db(lambda s: rfm.grid(s, as_of)).as_dicts()}
    # Rows R5 to R1 top down, columns F1 to F5: what is on screen is core's count and the segment's name.
    assert view.grid_model.value(0, 4) == (cells[(5, 5)]["customers"], "優良顧客")
    assert view.grid_model.value(3, 2) == (cells[(2, 3)]["customers"], "要注意")
    view.grid.clicked.emit(view.grid_model.index(3, 4))  # R2 x F5: at risk, with a strong history
    expected = on_db(lambda s: rfm.customers(s, as_of, cell=(2, 5)))
    qtbot.waitUntil(lambda: view.customers.table_data == expected, timeout=10_000)
    assert len(expected.rows) == cells[(2, 5)]["customers"] > 0
    shown = view.customers.model
    segment = expected.columns.index("segment")
    assert shown.data(shown.index(0, segment)) == "要注意"  # the name, never the key
    assert shown.data(shown.index(0, expected.columns.index("reason"))).startswith("最後の購入から")
    # A segment from the list under the grid: all its cells' customers.
    row = view.segment_keys.index("at_risk")
    view.segment_list.clicked.emit(view.segment_model.index(row, 0))
    qtbot.waitUntil(lambda: len(view.customers.table_data.rows) == sum(
        c["customers"] for c in cells.values() if c["segment"] == "at_risk"), timeout=10_000)


def test_new_thresholds_rescore_the_grid(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "rfm")
    before = [[view.grid_model.value(r, c)[0] for c in range(5)] for r in range(5)]
    view.edit_button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, ThresholdEditor) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5_000)
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ThresholdEditor) and w.isVisible())
    editor.recency[0].setValue(100)  # R5 within 100 days, after R4's 90: not rising, refused
    assert not editor.check()
    for spin, value in zip(editor.recency + editor.frequency, (60, 120, 240, 400, 2, 4, 8, 12)):
        spin.setValue(value)
    assert editor.check()
    editor.save()
    wanted = rfm.Thresholds((60, 120, 240, 400), (2, 4, 8, 12))
    qtbot.waitUntil(lambda: on_db(rfm.thresholds) == wanted, timeout=10_000)
    qtbot.waitUntil(lambda: view.settled() and view.data["thresholds"] == wanted, timeout=30_000)
    as_of = on_db(lambda s: resolve_as_of(s, None))
    cells = {(r["r_score"], r["f_score"]): r["customers"] for r in on_db(lambda s: rfm.grid(s, as_of)).as_dicts()}
    after = [[view.grid_model.value(r, c)[0] for c in range(5)] for r in range(5)]
    assert after == [[cells[(r, f)] for f in range(1, 6)] for r in (5, 4, 3, 2, 1)]
    assert after != before
    assert view.grid_model.row_titles[0] == "R5\n60日以内"


def test_the_movement_between_two_picked_dates(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "rfm")
    start, end = dt.date(2025, 12, 31), dt.date(2026, 6, 30)
    view.start_edit.setDate(QDate(2025, 12, 31))
    view.end_edit.setDate(QDate(2026, 6, 30))
    qtbot.waitUntil(lambda: view.settled() and (view.data["start"], view.data["end"]) == (start, end), timeout=30_000)
    table = on_db(lambda s: rfm.segment_movement(s, start, end))
    cells = {(r["from_segment"], r["to_segment"]): r["customers"] for r in table.as_dicts()}
    row, col = view.move_rows.index("champions"), view.move_cols.index("at_risk")
    assert view.moves_model.value(row, col) == cells[("champions", "at_risk")]
    view.moves.clicked.emit(view.moves_model.index(row, col))
    expected = on_db(lambda s: rfm.segment_movers(s, start, end, "champions", "at_risk"))
    qtbot.waitUntil(lambda: view.customers.table_data == expected, timeout=10_000)
