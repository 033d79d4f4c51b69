from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's app data (default shop, log) out of the real home folder."""
    home = tmp_path_factory.mktemp("app-home")
    monkeypatch.setenv("ENGAGE_DESKTOP_HOME", str(home))
    return home


@pytest.fixture
def tmp_shop(tmp_path: Path):
    from engage_desktop.core.store import Store

    store = Store(tmp_path / "shop.duckdb")
    yield store
    store.close()
