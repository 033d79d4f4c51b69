"""UI tests: offscreen, one QApplication, QSettings in tmp_path, the real window on a real shop file."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from engage_desktop import APP_ID, ORG_NAME
from engage_desktop.core.sample import create_sample_shop


@pytest.fixture(scope="session")
def sample_shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample shop, built once through the real pipeline; tests work on copies."""
    return create_sample_shop(tmp_path_factory.mktemp("sample") / "sample-shop.duckdb")


@pytest.fixture
def sample_shop(sample_shop_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "shop.duckdb"
    shutil.copy(sample_shop_template, copy)
    return copy


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: Any) -> Iterator[None]:
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID + "-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot: Any) -> Iterator[Any]:
    from engage_desktop.ui import i18n
    from engage_desktop.ui.db import Database
    from engage_desktop.ui.main_window import MainWindow

    i18n.install("ja")
    db = Database()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()  # closes the shop file and stops the database thread
    i18n.install("en")


@pytest.fixture
def open_shop(qtbot: Any, window: Any) -> Callable[[Path], Any]:
    def opener(path: Path) -> Any:
        # This shop opened, then its header: a header update of the shop open before cannot stand in.
        with qtbot.waitSignal(window.shop_opened, timeout=30_000, check_params_cb=lambda opened: opened == path):
            window.open_shop(path)
        with qtbot.waitSignal(window.header_updated, timeout=30_000):
            window.update_header()
        return window

    return opener


@pytest.fixture
def on_db(qtbot: Any, window: Any) -> Callable[[Callable[..., Any]], Any]:
    """Run ``fn(store)`` on the window's database thread and return its result (to compare with the screen)."""

    return lambda fn: run_on_db(qtbot, window, fn)


def run_on_db(qtbot: Any, window: Any, fn: Callable[..., Any]) -> Any:
    """``fn(store)`` on ``window``'s database thread, its result (an error fails the test)."""
    box: dict[str, Any] = {}
    window.db.submit(lambda store, state: fn(store), lambda result: box.setdefault("result", result),
                     lambda message: box.setdefault("error", message))
    qtbot.waitUntil(lambda: "result" in box or "error" in box, timeout=30_000)
    if "error" in box:
        raise AssertionError(box["error"])
    return box["result"]


def show_view(qtbot: Any, window: Any, key: str) -> Any:
    """Switch to a view and wait until its data is drawn."""
    index = next(i for i, v in enumerate(window.views) if v.key == key)
    view = window.views[index]
    window.nav.setCurrentRow(index)
    qtbot.waitUntil(view.settled, timeout=30_000)
    return view
