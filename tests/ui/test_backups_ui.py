"""A damaged shop file in the app: named as such, its backups offered, one restored through the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engage_desktop.core import backups
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store
from engage_desktop.ui.backups_dialog import BackupsDialog
from tests.core.test_backups import damage, generic_orders


def test_a_damaged_shop_offers_its_backups_and_one_is_restored(qtbot: Any, window: Any, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, generic_orders(tmp_path, "a.csv", 0, 3000))
        import_file(store, generic_orders(tmp_path, "b.csv", 3000, 3000))
    damage(shop)
    offered: list[str] = []
    monkeypatch.setattr(window, "offer_backup", lambda path, message: offered.append(message))
    window.open_shop(shop)
    qtbot.waitUntil(lambda: bool(offered), timeout=30_000)
    assert "壊れて" in offered[0] and window.shop is None  # the window speaks Japanese

    dialog = BackupsDialog(shop, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(backups.list_backups(shop)) == 1
    assert dialog.table.item(0, 1).text() == "取り込みの前"
    with qtbot.waitSignal(window.header_updated, timeout=30_000):
        window.restore_backup(shop, dialog.found[0].path)  # what Restore in the dialog does
    assert window.shop == shop and window.shop_info["orders"] == 3000
