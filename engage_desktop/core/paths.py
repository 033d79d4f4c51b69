"""Where the app keeps the owner's files, without Qt (the core must not import it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engage_desktop import APP_ID


def resources_dir() -> Path:
    """resources/: next to the package in a checkout, inside the bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def locale_dir() -> Path:
    """The gettext catalogues of everything core says (resources/locale/<lang>/LC_MESSAGES/engage.mo)."""
    return resources_dir() / "locale"


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


WORK_PREFIX = "engage-import-"  # the folders an import decodes its file into (importing/pipeline.py)


def sweep_work_folders(max_age_hours: float = 6.0) -> int:
    """Remove the work folders that imports killed mid-way left in the temp folder (a finished or
    refused import removes its own); a folder younger than ``max_age_hours`` may be in use."""
    import shutil
    import tempfile
    import time

    removed = 0
    cutoff = time.time() - max_age_hours * 3600
    try:
        folders = [p for p in Path(tempfile.gettempdir()).glob(WORK_PREFIX + "*") if p.is_dir()]
    except OSError:
        return 0
    for folder in folders:
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)
                removed += 1
        except OSError:
            continue  # in use, or not ours to remove
    return removed
