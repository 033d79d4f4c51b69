"""Where the window's resources are (resources/ is found by core.paths, for core and ui alike)."""

from __future__ import annotations

from pathlib import Path

from engage_desktop.core.paths import resources_dir

__all__ = ["resources_dir", "icon_path", "translations_dir"]


def icon_path() -> Path:
    return resources_dir() / "icons" / "engage-desktop.png"


def translations_dir() -> Path:
    return resources_dir() / "translations"
