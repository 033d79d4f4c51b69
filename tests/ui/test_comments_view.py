"""The comments view on a hand-made survey: the list is core's, a word lists its comments, a word can be hidden,
and answers are matched by another column from the view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from engage_desktop.core.importing.pipeline import import_files
from engage_desktop.core.metrics import answer_matching, comment_terms
from engage_desktop.core.metrics.comments import CommentFilter
from engage_desktop.core.store import Store
from tests.core.test_comments import ORDER_Q, orders_file, survey_file
from tests.ui.conftest import show_view

AS_OF = dt.date(2026, 7, 31)


def _shop(tmp_path: Path) -> Path:
    path = tmp_path / "voice.duckdb"
    with Store(path, backed_up=False) as store:
        assert all(r.ok for r in import_files(store, [orders_file(tmp_path), survey_file(tmp_path)]))
    return path


def test_words_side_by_side_and_the_comments_behind_one(qtbot: Any, open_shop: Any, on_db: Any, tmp_path: Path) -> None:
    window = open_shop(_shop(tmp_path))
    window.ctx.as_of = AS_OF  # the answers came after the last order
    view = show_view(qtbot, window, "comments")
    assert len(view.list.table_data.rows) == 10
    as_of = view.data["as_of"]
    expected = on_db(lambda s: comment_terms.compare_terms(s, as_of, CommentFilter(group="promoters"),
                                                           CommentFilter(group="detractors")))
    assert [view.terms_model.value(r, 0) for r in range(view.terms_model.rowCount())] == expected.column("term")
    # A click on 発送 in the detractors' column: their two comments with it.
    row = expected.column("term").index("発送")
    view.terms.clicked.emit(view.terms_model.index(row, 3))
    qtbot.waitUntil(lambda: view.settled() and len(view.list.table_data.rows) == 2, timeout=10_000)
    assert sorted(view.list.table_data.column("comment")) == ["発送が遅かったです。値段も高い", "発送が遅くて残念でした"]
    # Hidden, it leaves the words (and the list goes back to every comment).
    view.terms.selectRow(row)
    view.hide_button.click()
    qtbot.waitUntil(lambda: on_db(comment_terms.hidden_words) == ["発送"], timeout=10_000)
    qtbot.waitUntil(lambda: view.settled() and "発送" not in [view.terms_model.value(r, 0)
                                                             for r in range(view.terms_model.rowCount())],
                    timeout=10_000)
    assert len(view.list.table_data.rows) == 10


def test_a_filter_picks_comments_and_the_match_rate_is_shown(qtbot: Any, open_shop: Any, on_db: Any,
                                                             tmp_path: Path) -> None:
    window = open_shop(_shop(tmp_path))
    window.ctx.as_of = AS_OF  # the answers came after the last order
    view = show_view(qtbot, window, "comments")
    assert "11件中3件（27%）" in view.rate.text()  # the window speaks Japanese in these tests
    view.combos["group"].setCurrentIndex(view.combos["group"].findData("detractors"))
    qtbot.waitUntil(lambda: view.settled() and len(view.list.table_data.rows) == 4, timeout=10_000)
    view.run_match(ORDER_Q, "order_id")
    qtbot.waitUntil(lambda: on_db(answer_matching.match_rate).reached == 4, timeout=10_000)
