"""Each view on the sample shop shows the analytics core's numbers, and acts on them."""

from __future__ import annotations

import datetime as dt

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from engage_desktop.core.metrics import journey, ltv, monthly, surveys
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.ui import i18n
from engage_desktop.ui.views import VIEWS
from tests.ui.conftest import show_view


def as_of(store: Any) -> Any:
    return resolve_as_of(store, None)


@pytest.mark.parametrize("view_class", VIEWS, ids=lambda v: v.key)
def test_every_view_builds_shows_data_and_exports_an_image(qtbot: Any, open_shop: Any, sample_shop: Path,
                                                           view_class: Any, tmp_path: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, view_class.key)
    assert not view.showing_empty_state(), view.empty_text()
    assert view.title()
    image = view.chart_widget().grab()
    assert image.width() > 100 and image.height() > 100
    assert image.save(str(tmp_path / f"{view.key}.png"))


def test_views_on_an_empty_shop_say_what_to_import(qtbot: Any, open_shop: Any, tmp_path: Path) -> None:
    window = open_shop(tmp_path / "new.duckdb")
    for key, words in (("journey", "注文データ"), ("ltv", "注文データ"), ("surveys", "アンケート")):
        view = show_view(qtbot, window, key)
        assert view.showing_empty_state()
        assert words in view.empty_text() and "取り込" in view.empty_text()


def test_journey_shows_the_core_numbers_and_lists_a_steps_customers(qtbot: Any, open_shop: Any, on_db: Any,
                                                                    sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    expected = on_db(lambda s: journey.journey(s, as_of(s)).as_dicts())
    row = view.model.row_titles.index("今いる人数")
    shown = [view.model.value(row, c) for c in range(8)]
    assert shown == [i18n.number(r["customers"]) for r in expected]
    assert view.model.value(0, 0) == "本当かな?" and view.model.value(0, 7) == "感動を共有したい"
    assert view.chart.bar_values == [r["customers"] for r in expected]

    customers = view.customers
    with qtbot.waitSignal(customers.model.modelReset, timeout=10_000):
        view.select_step(5)  # column 5 = step 6
    keys = on_db(lambda s: journey.step_customers(s, as_of(s), 6).column("customer_key"))
    assert customers.keys() == keys and len(keys) == expected[5]["customers"] + expected[5]["dormant"]


def test_journey_notes_are_edited_in_place_and_persist(qtbot: Any, open_shop: Any, on_db: Any,
                                                      sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    row = view.model.row_titles.index("顧客接点")
    index = view.model.index(row, 3)
    assert view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert view.model.setData(index, "LINEで使い方動画を送る")
    qtbot.waitUntil(lambda: on_db(journey.notes).get((4, "touchpoints")) == "LINEで使い方動画を送る", timeout=10_000)
    # Reopen the shop: the note is read back from the file.
    open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    assert view.model.value(row, 3) == "LINEで使い方動画を送る"


def test_tiers_view_matches_core_and_lists_a_tiers_customers(qtbot: Any, open_shop: Any, on_db: Any,
                                                            sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "ltv")
    table = on_db(lambda s: ltv.tier_table(s, as_of(s)).as_dicts())
    assert [view.tier_model.value(r, 2) for r in range(len(table))] == [r["customers"] for r in table]
    assert [view.tier_model.value(r, 0) for r in range(len(table))] == [r["name"] for r in table]
    deciles = on_db(lambda s: ltv.deciles(s, as_of(s)))
    assert view.pareto.bar_values == [float(v) for v in deciles.column("revenue")]
    assert i18n.percent(ltv.top20_share(deciles)) in view.callout.text()
    assert "¥" in view.pareto.hover_text(0) and "%" in view.pareto.hover_text(0)

    with qtbot.waitSignal(view.customers.model.modelReset, timeout=10_000):
        view.select_tier(2)
    keys = on_db(lambda s: ltv.tier_customers(s, as_of(s), "regular").column("customer_key"))
    assert view.customers.keys() == keys and len(keys) == table[2]["customers"]


def test_tier_thresholds_edited_in_the_editor_persist(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    from engage_desktop.ui.views.ltv import TierEditor

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "ltv")
    editor = TierEditor(view, view.data["tiers"], view.data["as_of"])
    qtbot.addWidget(editor)
    editor.inputs[0][2].setValue(80000)  # 優良: from ¥50,000 to ¥80,000 a year
    qtbot.waitUntil(lambda: "優良 → 中堅" in editor.preview_label.text(), timeout=10_000)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        editor.save()
    open_shop(sample_shop)
    assert on_db(lambda s: {t.key: t.min_ltv for t in ltv.tiers(s)})["top"] == 80000
    view = show_view(qtbot, window, "ltv")
    table = on_db(lambda s: ltv.tier_table(s, as_of(s)).as_dicts())
    assert view.tier_model.value(0, 2) == table[0]["customers"]
    assert "80,000" in view.tier_model.value(0, 1)


def test_surveys_view_matches_core_and_a_cell_lists_its_customers(qtbot: Any, open_shop: Any, on_db: Any,
                                                                 sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "surveys")
    matrix = on_db(lambda s: surveys.fan_matrix(s, as_of(s)))
    shown = [[view.matrix_model.value(r, c) for c in range(7)] for r in range(6)]
    assert shown == matrix.counts
    score = on_db(lambda s: surveys.nps(s, as_of(s)))
    assert view.nps_number.text() == f"{score.score:+.0f}"
    by_month = on_db(lambda s: surveys.nps_by_month(s, as_of(s)).as_dicts())
    thin = [m for m in by_month if m["responses"] < surveys.FEW_ANSWERS]
    assert thin, "the sample's first month has a single answer"
    # A month with too few answers is not drawn as a swing to -100: it is left out, and the note says so;
    # the bars are every month's answers, the others have their margin of error drawn and on hover.
    assert view.by_month.line_values == [m["score"] if m["responses"] >= surveys.FEW_ANSWERS else None
                                         for m in by_month]
    assert view.by_month.bar_values == [m["responses"] for m in by_month]
    assert str(len(thin)) in view.month_note.text() and view.month_note.isVisible()
    full = next(i for i, m in enumerate(by_month) if m["enough"])
    assert f"± {by_month[full]['margin']:.1f}" in view.by_month.hover_text(full)
    header = view.matrix_model.headerData(1, Qt.Orientation.Vertical)
    assert header == "2. ファンになりたて、\nこれから応援するのが楽しみ!"  # broken where a reader would

    with qtbot.waitSignal(view.customers.model.modelReset, timeout=10_000):
        view.select_cell(view.matrix_model.index(2, 3))
    keys = on_db(lambda s: surveys.cell_respondents(s, as_of(s), 3, 4).column("customer_key"))
    assert view.customers.keys() == keys and len(keys) == matrix.counts[2][3]


def test_monthly_view_matches_core_and_shows_the_round(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "monthly")
    table = on_db(lambda s: monthly.monthly(s, as_of(s)))
    assert view.chart.bar_values == [float(v) for v in table.column("revenue")]
    assert view.chart.labels[-1] == i18n.short_month_label(table.column("month")[-1])
    run = monthly.streak(table, "revenue")
    assert f"{run.current}か月連続で前月を上回っています" in view.streak_label.text()
    assert f"あと{run.remaining}か月" in view.streak_label.text()
    view.metric.setCurrentIndex(view.metric.findData("orders"))
    assert view.chart.bar_values == [float(v) for v in table.column("orders")]
    # Every round reached is a band behind its months, said in the note.
    months = table.column("month")
    view.metric.setCurrentIndex(view.metric.findData("revenue"))
    reached = monthly.rounds(table, "revenue", 4)
    assert reached and view.chart.bands == [(months.index(a), months.index(b)) for a, b in reached]
    assert f"{len(reached)}回" in view.round_note.text()


def test_the_month_still_running_is_labelled_and_not_compared(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    window.ctx.as_of = dt.date(2026, 10, 15)  # the owner looks at the shop in the middle of October
    view = show_view(qtbot, window, "monthly")
    window.ctx.data_changed.emit()
    qtbot.waitUntil(lambda: view.settled() and view.data["table"].column("running")[-1], timeout=10_000)
    assert view.table_model.value(0, 0) == "2026年10月（途中）" and view.table_model.value(0, 2) is None
    assert "2026年10月 はまだ途中の月" in view.round_note.text()


def test_imports_view_lists_the_history_and_undo_works(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path,
                                                      monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "imports")
    assert view.history_model.rowCount() == 3
    assert view.history_model.value(0, 1) == "survey_responses.csv"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.undo()
    assert on_db(lambda s: s.con.execute("SELECT count(*) FROM survey_responses").fetchone()[0]) == 0
    assert view.history_model.value(0, 8) == "取り消し済み"


def test_count_axes_tick_only_whole_numbers(qtbot: Any) -> None:
    from engage_desktop.ui.charts import FormattedAxis

    axis = FormattedAxis("left")  # counts: a tick at 1.5 would read "2" beside the real 2
    values = [v for _, level in axis.tickValues(0.0, 2.0, 300.0) for v in level]
    assert values and all(float(v).is_integer() for v in values)
    rates = FormattedAxis("left", lambda v: f"{100 * v:.0f}%", unit=0.01)
    values = [v for _, level in rates.tickValues(0.0, 0.4, 300.0) for v in level]
    assert any(0 < v < 1 for v in values)  # a rate axis keeps its fractions


def test_a_jump_from_almost_nothing_is_drawn_at_the_edge_not_stretched_to(qtbot: Any) -> None:
    from engage_desktop.ui.charts import BarLineChart
    from engage_desktop.core.metrics.monthly import change_range

    # ¥3,938 then ¥4.27M: +108,329%; the other months move by tens of percent.
    changes = [None, 108_329.0, 12.0, -8.0, 25.0, -30.0, 4.0, 18.0]
    low, high = change_range(changes)
    assert -100 - 20 < low < -30 and 50 < high < 130  # the axis is for the months that move by tens
    chart = BarLineChart()
    qtbot.addWidget(chart)
    chart.set_data([str(i) for i in range(8)], [1.0] * 8, line=changes, line_range=(low, high))
    assert chart.clipped == 1
    assert "108,329" in chart.hover_text(1)  # the exact value on hover


def test_the_line_is_drawn_over_the_bars(qtbot: Any) -> None:
    """The month-over-month change and the journey's liking were drawn behind the bars: a point inside a bar
    could not be seen."""
    from engage_desktop.ui.charts import LINE, BarLineChart

    chart = BarLineChart()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.set_data(["a", "b", "c"], [10.0, 10.0, 10.0], line=[5.0, 5.0, 5.0], line_range=(0.0, 10.0))
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    middle = image.width() // 2  # the middle bar's centre, where the line's middle point is
    colours = [image.pixelColor(middle, y) for y in range(image.height())]
    assert any(abs(c.red() - LINE.red()) < 25 and abs(c.green() - LINE.green()) < 25 and abs(c.blue() - LINE.blue()) < 25
               for c in colours)


def test_tier_movement_view_shows_core_s_matrix_and_a_cell_s_customers(qtbot: Any, open_shop: Any, on_db: Any,
                                                                       sample_shop: Path) -> None:
    from engage_desktop.core.metrics import ltv as ltv_metrics
    from engage_desktop.core.metrics.ltv import month_end_before

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "movement")
    end = on_db(as_of)
    start = month_end_before(end, 3)
    assert start == dt.date(2026, 7, 31) and view.data["start"] == start  # the sample's as-of is 2026-10-31
    table = on_db(lambda s: ltv_metrics.tier_movement(s, start, end).as_dicts())
    shown = {(view.rows[r], view.cols[c]): view.matrix_model.value(r, c)
             for r in range(len(view.rows)) for c in range(len(view.cols))}
    assert shown == {(r["from_tier"], r["to_tier"]): r["customers"] for r in table}
    assert view.matrix_model.headerData(0, Qt.Orientation.Vertical) == "まだ購入前"
    good_to_dormant = view.cols.index("dormant"), view.rows.index("good")
    with qtbot.waitSignal(view.customers.model.modelReset, timeout=10_000):
        view.select_cell(view.matrix_model.index(good_to_dormant[1], good_to_dormant[0]))
    assert len(view.customers.table_data.rows) == shown[("good", "dormant")] > 0
    assert view.customers.caption.text().startswith("中堅 → 休眠")


def test_tier_movement_view_charts_the_ups_and_downs_and_the_round_target_on_the_tiers_picked(
        qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    from engage_desktop.core.metrics import tier_history

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "movement")
    history = on_db(lambda s: tier_history.tier_history(s, as_of(s)))
    changes = history.changes()
    assert view.moves.ups == changes.column("up") and view.moves.downs == changes.column("down")
    assert "LTV層が上がった" in view.moves.hover_text(len(changes.rows) - 1)
    # At first the top two tiers: 優良+中堅, with the rounds as bands and the run in words.
    assert [box.text() for box in view.picks if box.isChecked()] == ["優良", "中堅"]
    target = history.round_target(["top", "good"])
    months = history.months
    assert view.counts.bar_values == target.table.column("customers")
    assert view.counts.bands == [(months.index(a), months.index(b)) for a, b in target.rounds]
    assert view.streak_label.text().startswith("優良+中堅: ")
    # Picking 優良 alone counts it alone, without a load.
    view.picks[1].setChecked(False)
    assert view.counts.bar_values == history.counts(["top"]).column("customers")
    assert view.streak_label.text().startswith("優良: ")
    for box in view.picks:
        box.setChecked(False)
    assert view.streak_label.text() == "人数を数えるLTV層を1つ以上選んでください。"


def test_the_100_day_plan_view_shows_core_s_shares_and_a_cell_s_customers(qtbot: Any, open_shop: Any, on_db: Any,
                                                                          sample_shop: Path) -> None:
    from engage_desktop.core.metrics import journey as journey_metrics
    from engage_desktop.ui.views.cohorts import CELLS

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "cohorts")
    table = on_db(lambda s: journey_metrics.cohort_100d(s, as_of(s)).as_dicts())
    cells = {(r["cohort"], r["step"], r["days"]): r for r in table}
    assert view.cohorts == sorted({r["cohort"] for r in table}, reverse=True)
    for row, cohort in enumerate(view.cohorts[:6]):
        assert [view.model.value(row, c) for c in range(len(CELLS))] == [cells[(cohort, s, d)]["share"] for s, d in CELLS]
    row, column = 5, CELLS.index((3, 100))
    with qtbot.waitSignal(view.customers.model.modelReset, timeout=10_000):
        view.select_cell(view.model.index(row, column))
    assert len(view.customers.table_data.rows) == cells[(view.cohorts[row], 3, 100)]["reached"] > 0
    # A cell of too few customers is grey, not a heat: the sample's September 2026, step 3 within 60 days, is
    # 3 of 4 (75%), which read as the plan's best result.
    from engage_desktop.ui.views.cohorts import FEW

    def background(r: int, c: int) -> Any:
        return view.model.data(view.model.index(r, c), Qt.ItemDataRole.BackgroundRole)

    colours = {(r, c): background(r, c) for r in range(len(view.cohorts)) for c in range(len(CELLS))}
    few = [(r, c) for (r, c) in colours if cells[(view.cohorts[r], *CELLS[c])]["eligible"] < journey_metrics.COHORT_FEW]
    assert few and all(colours[k] == FEW for k in few)
    assert all(colours[k] != FEW for k in colours if k not in few)
