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
    # The owner's laptop is in Japan (a new shop takes the computer's zone when its files do not say).
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    import tzlocal

    tzlocal.reload_localzone()  # tzlocal caches the zone it found
    return home


@pytest.fixture(autouse=True)
def _language_english():
    """Core speaks English in tests unless a test chooses Japanese (in_language / set_language);
    the owner's default is the computer's language, set by the CLI and the window at start."""
    from engage_desktop.core import messages

    before = messages.language()
    messages.set_language("en")
    yield
    messages.set_language(before)


@pytest.fixture
def tmp_shop(tmp_path: Path):
    from engage_desktop.core.store import Store

    store = Store(tmp_path / "shop.duckdb")
    yield store
    store.close()
