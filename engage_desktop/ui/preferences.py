"""The person's preferences, declared: what lives in this computer's user settings (QSettings),
not in the shop file (the shop's settings are declared in core/settings.py).

Each has its default and a check on read: a value that another version of the app or a hand
edit left malformed reads as the default, with a line in the log, never as a crash at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

MAX_RECENT = 8  # shops in File ▸ Recent
LANGUAGES = ("ja", "en")


def _language(value: Any) -> str:
    if value not in ("", *LANGUAGES):
        raise ValueError("ja, en or empty (the computer's language)")
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 4096 or "\0" in value:
        raise ValueError("a file path")
    return value


def _paths(value: Any) -> list[str]:
    # The INI format gives back a one-item list as a plain string.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError("a list of file paths")
    return [_path(item) for item in items][:MAX_RECENT]


def _geometry(value: Any) -> QByteArray:
    if not isinstance(value, QByteArray):
        raise ValueError("saved window geometry")
    return value


@dataclass(frozen=True)
class Preference:
    key: str
    default: Any
    check: Callable[[Any], Any]
    meaning: str


PREFERENCES: dict[str, Preference] = {p.key: p for p in (
    Preference("language", "", _language, "the screens' language; empty: the computer's"),
    Preference("last_shop", "", _path, "the shop opened at start"),
    Preference("recent_shops", [], _paths, "File ▸ Recent, newest first"),
    Preference("window_geometry", QByteArray(), _geometry, "the window's size and place"),
)}


def read(key: str) -> Any:
    """The preference's value, checked; its default when unset or malformed."""
    pref = PREFERENCES[key]
    raw = QSettings().value(key)
    if raw is None:
        return pref.default
    try:
        return pref.check(raw)
    except ValueError as exc:
        log.warning("user setting %s holds %r, not %s: using the default", key, raw, exc)
        return pref.default


def write(key: str, value: Any) -> None:
    """Store a preference; a value it does not take is refused (a programming error)."""
    QSettings().setValue(key, PREFERENCES[key].check(value))
