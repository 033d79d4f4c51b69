"""Where the app keeps the owner's files, without Qt (the core must not import it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engage_desktop import APP_ID


def app_data_dir() -> Path:
    """The per-user data folder: %APPDATA%, ~/Library/Application Support or XDG."""
    override = os.environ.get("ENGAGE_DESKTOP_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_ID
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_ID
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_ID
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_shop_path() -> Path:
    return app_data_dir() / "shop.duckdb"


def sample_shop_path() -> Path:
    return app_data_dir() / "sample-shop.duckdb"


def log_path() -> Path:
    return app_data_dir() / "engage-desktop.log"
