"""Where resources/ is: next to the package in a checkout, inside the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / "engage-desktop.png"


def translations_dir() -> Path:
    return resources_dir() / "translations"
