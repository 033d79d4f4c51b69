"""The voice of the customer in the window, on the sample shop: the engagement view shows core's zones and
behaviour, a zone lists its customers, the owner's zones change who is where, and File ▸ Save a survey
template writes the questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from engage_desktop.core.metrics import behaviour, zones
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.questions import NPS_QUESTION
from engage_desktop.ui.views.engagement import ZoneDialog
from tests.ui.conftest import show_view


def test_the_engagement_view_shows_core_s_zones_and_behaviour(qtbot: Any, open_shop: Any, on_db: Any,
                                                             sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "engagement")
    counts = on_db(lambda s: zones.zone_counts(s, resolve_as_of(s, None)))
    assert [view.zone_model.value(r, 1) for r in range(view.zone_model.rowCount())] == counts.column("customers")
    groups = on_db(lambda s: behaviour.by_nps_group(s, resolve_as_of(s, None)))
    assert view.sentences.text().splitlines()[0] == behaviour.nps_sentence(groups)
    view.select_zone(1)  # ファン
    qtbot.waitUntil(lambda: view.customers.caption_text.startswith("ファン"), timeout=10_000)
    assert len(view.customers.table_data.rows) == counts.column("customers")[1]


def test_the_owner_s_zones_are_saved_and_counted(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "engagement")
    before = on_db(lambda s: zones.zone_counts(s, resolve_as_of(s, None))).column("customers")
    view.edit_zones()
    qtbot.waitUntil(lambda: any(isinstance(w, ZoneDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ZoneDialog) and w.isVisible())
    # fan degree 4 x liking 6 is ファン by default: one click makes it 予備軍 (the next zone)
    qtbot.mouseClick(dialog.buttons[(4, 6)], Qt.MouseButton.LeftButton)
    assert dialog.buttons[(4, 6)].text() == "予備軍"
    with qtbot.waitSignal(window.ctx.data_changed, timeout=10_000):
        dialog.save()
    qtbot.waitUntil(view.settled, timeout=30_000)
    saved = on_db(lambda s: zones.zone_map(s))
    assert saved.zone_of(4, 6) == "potential"
    after = on_db(lambda s: zones.zone_counts(s, resolve_as_of(s, None))).column("customers")
    moved = before[1] - after[1]
    assert moved > 0 and after[2] == before[2] + moved  # from ファン to 予備軍, nobody lost
    assert [view.zone_model.value(r, 1) for r in range(view.zone_model.rowCount())] == after


def test_file_menu_saves_the_survey_template(qtbot: Any, open_shop: Any, sample_shop: Path, tmp_path: Path,
                                             monkeypatch: Any) -> None:
    window = open_shop(sample_shop)
    out = tmp_path / "template.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    window.actions["template"].trigger()
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    texts = [row[1] for row in openpyxl.load_workbook(out).active.iter_rows(min_row=5, values_only=True) if row[0]]
    assert texts[1] == NPS_QUESTION and "サンプル石鹸店" in texts[2]
