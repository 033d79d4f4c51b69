"""The person's preferences are checked on read: whatever an older version or a hand edit left in
the user settings, the app starts, with the defaults where the values are malformed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from engage_desktop.ui import preferences


def test_malformed_preferences_read_as_their_defaults(caplog: Any) -> None:
    settings = QSettings()
    settings.setValue("language", "klingon")
    settings.setValue("last_shop", 42)
    settings.setValue("recent_shops", {"a": 1})
    settings.setValue("window_geometry", "not a geometry")
    settings.sync()
    assert preferences.read("language") == ""
    assert preferences.read("last_shop") == ""
    assert preferences.read("recent_shops") == []
    assert preferences.read("window_geometry") == QByteArray()
    assert sum("user setting" in r.getMessage() for r in caplog.records) == 4


def test_preferences_round_trip_and_the_recent_list_is_bounded(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"shop{i}.duckdb") for i in range(12)]
    preferences.write("recent_shops", paths)
    assert preferences.read("recent_shops") == paths[: preferences.MAX_RECENT]
    preferences.write("recent_shops", paths[:1])  # the INI file gives one item back as a plain string
    assert preferences.read("recent_shops") == paths[:1]
    preferences.write("language", "en")
    assert preferences.read("language") == "en"


def test_the_window_starts_on_malformed_preferences(qtbot: Any) -> None:
    settings = QSettings()
    settings.setValue("recent_shops", 7)
    settings.setValue("window_geometry", 3.5)
    settings.sync()
    from engage_desktop.ui.db import Database
    from engage_desktop.ui.main_window import MainWindow

    db = Database()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.restore_geometry()
    assert not window.recent_menu.isEnabled()
    db.shutdown()
