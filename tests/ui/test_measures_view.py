"""The measures log in the window: the list and a measure's effect as core computes them, adding one from the
journey map's 施策 row, editing and deleting it, and taking each step back with undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from engage_desktop.core.metrics import effect, measures
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.ui.measure_dialog import MeasureDialog
from tests.ui.conftest import show_view


def _form(qtbot: Any) -> MeasureDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, MeasureDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5_000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MeasureDialog) and w.isVisible())


def _names(on_db: Any) -> list[str]:
    return [m.name for m in on_db(measures.measures)]


def test_the_view_lists_the_log_and_shows_core_s_effect(qtbot: Any, open_shop: Any, on_db: Any,
                                                       sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "measures")
    log = on_db(measures.measures)
    assert [view.list_model.value(r, 0) for r in range(view.list_model.rowCount())] == [m.name for m in log]
    row = next(i for i, m in enumerate(log) if m.target_kind == "tier")
    view.choose(row)
    qtbot.waitUntil(view.settled, timeout=30_000)
    expected = on_db(lambda s: effect.effect(s, resolve_as_of(s, None), log[row]))
    assert view.verdict.text() == effect.verdict_text(expected)
    assert expected.verdict == "up"  # the sample's preview for 中堅 brought orders (core/sample.py)
    assert [view.effect_model.value(0, c) for c in range(3)] == [expected.value_before, expected.value_after,
                                                                  expected.change]
    assert view.effect_model.value(2, 2) == expected.rest_change  # everyone else over the same months
    assert view.chart.bar_values == expected.series.column("target") and len(view.chart.bands) == 2


def test_a_measure_added_from_the_journey_is_edited_deleted_and_undone(qtbot: Any, open_shop: Any, on_db: Any,
                                                                       sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    journey_view = show_view(qtbot, window, "journey")
    row = journey_view.model.row_titles.index("施策")
    # The sample's coupon aims at step 2: the journey's 施策 row lists it there.
    assert "2回目のご購入を後押しするお礼クーポン" in journey_view.model.value(row, 1)
    journey_view.table.doubleClicked.emit(journey_view.model.index(row, 3))  # step 4's cell
    form = _form(qtbot)
    assert (form.kind.currentData(), form.target.currentData()) == ("step", "4")
    form.name.setText("3回目のお礼にサンプルを同梱")
    form.started.setDate(dt.date(2026, 7, 1))
    form.metric_box.setCurrentIndex(form.metric_box.findData("orders"))
    form.save()
    qtbot.waitUntil(lambda: "3回目のお礼にサンプルを同梱" in _names(on_db), timeout=10_000)
    added = next(m for m in on_db(measures.measures) if m.name == "3回目のお礼にサンプルを同梱")
    assert (added.target_kind, added.target, added.metric, added.started_on) == ("step", "4", "orders", dt.date(2026, 7, 1))
    qtbot.waitUntil(lambda: journey_view.settled() and "3回目" in journey_view.model.value(row, 3), timeout=10_000)

    view = show_view(qtbot, window, "measures")
    view.selected_id = added.id
    view.refresh()
    qtbot.waitUntil(view.settled, timeout=30_000)
    view.edit(view.chosen())
    form = _form(qtbot)
    form.name.setText("3回目のお礼にミニ石鹸を同梱")
    form.save()
    qtbot.waitUntil(lambda: "3回目のお礼にミニ石鹸を同梱" in _names(on_db), timeout=10_000)
    qtbot.waitUntil(view.settled, timeout=30_000)
    view.delete()
    qtbot.waitUntil(lambda: not any(n.startswith("3回目") for n in _names(on_db)), timeout=10_000)

    # Undo, step by step: the deletion, the edit, the addition; then redo the addition.
    view.undo_button.click()
    qtbot.waitUntil(lambda: "3回目のお礼にミニ石鹸を同梱" in _names(on_db), timeout=10_000)
    view.undo_button.click()
    qtbot.waitUntil(lambda: "3回目のお礼にサンプルを同梱" in _names(on_db), timeout=10_000)
    view.undo_button.click()
    qtbot.waitUntil(lambda: not any(n.startswith("3回目") for n in _names(on_db)), timeout=10_000)
    assert not view.undo_button.isEnabled()
    view.redo_button.click()
    qtbot.waitUntil(lambda: "3回目のお礼にサンプルを同梱" in _names(on_db), timeout=10_000)
    again = next(m for m in on_db(measures.measures) if m.name.startswith("3回目"))
    assert again == added  # the same measure, the same id

    # Another shop: what was done in this one is not undone there.
    open_shop(sample_shop)
    assert not view.undo_button.isEnabled() and not window.ctx.undo_stack.canUndo()


def test_a_measure_the_form_cannot_save_says_what_to_fix(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path,
                                                         monkeypatch: Any) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "measures")
    shown: list[str] = []
    monkeypatch.setattr("engage_desktop.ui.measure_dialog.show_error", lambda parent, message: shown.append(message))
    before = _names(on_db)
    view.edit(None)
    form = _form(qtbot)
    form.name.setText("   ")
    form.save()
    assert shown == ["施策の名前を入力してください。"] and form.isVisible()
    form.reject()
    assert _names(on_db) == before


def test_the_highlighted_row_is_the_one_deleted_even_before_its_effect_is_shown(qtbot: Any, open_shop: Any,
                                                                                 on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "measures")
    log = on_db(measures.measures)
    # The arrow keys move the current row; Delete right away (the effect of row 2 may still be loading).
    view.list.setFocus()
    view.list.selectionModel().setCurrentIndex(view.list_model.index(2, 0),
                                               view.list.selectionModel().SelectionFlag.ClearAndSelect)
    view.delete()
    qtbot.waitUntil(lambda: len(on_db(measures.measures)) == len(log) - 1, timeout=10_000)
    assert [m.name for m in on_db(measures.measures)] == [m.name for i, m in enumerate(log) if i != 2]


def test_an_entry_from_the_old_journey_text_must_be_given_its_start_and_metric(qtbot: Any, open_shop: Any,
                                                                               on_db: Any, sample_shop: Path,
                                                                               monkeypatch: Any) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "measures")
    migrated = measures.Measure("手書きのカード", None, "step", "2", None, id=99)
    shown: list[str] = []
    monkeypatch.setattr("engage_desktop.ui.measure_dialog.show_error", lambda parent, message: shown.append(message))
    form = MeasureDialog(view, window.ctx.tiers, migrated, dt.date(2026, 10, 31))
    assert form.started.text() == "—" and form.metric_box.currentData() is None  # nothing made up
    form.save()
    assert shown == ["施策を始めた日を入力してください。"] and form.result_measure is None
    form.started.setDate(dt.date(2026, 4, 1))
    form.save()
    assert shown[-1] == "この施策で動かしたい指標を選んでください。"
    form.metric_box.setCurrentIndex(form.metric_box.findData("orders"))
    form.save()
    assert form.result_measure == measures.Measure("手書きのカード", dt.date(2026, 4, 1), "step", "2", "orders", id=99)
