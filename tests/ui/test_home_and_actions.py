"""The home screen and the action lists in the window, on the sample shop: the home screen is the first
view, its figures are core's, each card opens the view that explains it, and a list exported from the
actions view opens in LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from engage_desktop.core.metrics import actions, home
from engage_desktop.core.metrics.base import resolve_as_of
from tests.ui.conftest import show_view


def test_the_home_screen_opens_first_and_shows_core_s_figures(qtbot: Any, open_shop: Any, on_db: Any,
                                                             sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = window.views[window.nav.currentRow()]
    assert view.key == "home"
    qtbot.waitUntil(view.settled, timeout=30_000)
    expected = on_db(lambda s: home.home(s, resolve_as_of(s, None), top=3))
    revenue = view.figures[0]
    assert revenue.figure.text() == f"¥{expected.figures[0].value:,.0f}"
    for key, card in view.list_cards.items():
        count = expected.lists[key].total
        assert card.figure.text() == f"{count:,}人"
        first = expected.lists[key].table.as_dicts()[0]
        assert card.lines.text().splitlines()[0] == f"{first['name']} — {first['reason']}"


def test_a_card_opens_the_view_that_explains_it(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "home")
    qtbot.mouseClick(view.list_cards["detractors"], Qt.MouseButton.LeftButton)
    shown = window.current_view()
    assert shown.key == "actions"
    qtbot.waitUntil(shown.settled, timeout=30_000)
    assert shown.chosen == "detractors" and shown.caption.text() == "声を聞きたい批判者"
    show_view(qtbot, window, "home")
    qtbot.mouseClick(view.figures[4], Qt.MouseButton.LeftButton)  # NPS: the surveys explain it
    assert window.current_view().key == "surveys"
    show_view(qtbot, window, "home")
    view.import_card.setFocus()
    qtbot.keyClick(view.import_card, Qt.Key.Key_Return)
    assert window.current_view().key == "imports"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("suffix, chosen", [(".xlsx", "Excel workbook (*.xlsx)"),
                                            (".csv", "CSV Shift_JIS (CP932) (*.csv)")])
def test_an_action_list_exported_opens_in_libreoffice(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path,
                                                      tmp_path: Path, monkeypatch: Any, suffix: str,
                                                      chosen: str) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "actions")
    view.focus_on("at_risk")
    out = tmp_path / f"at-risk{suffix}"
    monkeypatch.setattr(view.customers, "choose_export_path", lambda: (str(out), chosen))
    view.customers.export()
    # the view's list: with the prediction's chances (the sample shop's prediction is reliable)
    expected = on_db(lambda s: actions.at_risk(s, resolve_as_of(s, None), actions.chances(s, resolve_as_of(s, None)))).table
    # LibreOffice reads the file back as CSV: what an owner opening it sees, row for row.
    converted = tmp_path / "lo"
    # A CSV is read as Shift_JIS (LibreOffice's encoding 64), as Excel on a Japanese Windows reads it.
    read_as = ["--infilter=CSV:44,34,64"] if suffix == ".csv" else []
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", *read_as,
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(converted), str(out)],
                   check=True, capture_output=True, timeout=180)
    with (converted / "at-risk.csv").open(encoding="utf-8") as read:
        rows = list(csv.reader(read))
    assert rows[0][:3] == ["氏名", "メールアドレス", "リストに載っている理由"]
    assert [r[1] for r in rows[1:]] == expected.column("email")
    assert [r[2] for r in rows[1:]] == expected.column("reason")
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out).active
        assert sheet.max_row == len(expected.rows) + 1
