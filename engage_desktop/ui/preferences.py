"""The person's preferences, declared: what lives in this computer's user settings (QSettings),
not in the shop file (the shop's settings are declared in core/settings.py).

Each has its default and a check on read: a value that another version of the app or a hand
edit left malformed reads as the default, with a line in the log, never as a crash at start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from engage_desktop.core.settings import Invalid, Setting, checked

MAX_RECENT = 8  # shops in File ▸ Recent
LANGUAGES = ("ja", "en")


def _language(value: Any) -> str:
    if value not in ("", *LANGUAGES):
        raise Invalid("ja, en or empty (the computer's language)")
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 4096 or "\0" in value:
        raise Invalid("a file path")
    return value


def _paths(value: Any) -> list[str]:
    # The INI format gives back a one-item list as a plain string.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise Invalid("a list of file paths")
    return [_path(item) for item in items][:MAX_RECENT]


def _geometry(value: Any) -> QByteArray:
    if not isinstance(value, QByteArray):
        raise Invalid("saved window geometry")
    return value


# Declared like the shop's settings (core/settings.Setting), checked the same way.
PREFERENCES: dict[str, Setting] = {p.key: p for p in (
    Setting("language", "", _language, "the screens' language; empty: the computer's"),
    Setting("last_shop", "", _path, "the shop opened at start"),
    Setting("recent_shops", [], _paths, "File ▸ Recent, newest first"),
    Setting("window_geometry", QByteArray(), _geometry, "the window's size and place"),
)}


def read(key: str) -> Any:
    """The preference's value, checked; its default when unset or malformed."""
    raw = QSettings().value(key)
    return PREFERENCES[key].default if raw is None else checked(PREFERENCES[key], raw, "user setting")


def write(key: str, value: Any) -> None:
    """Store a preference; a value it does not take is refused (a programming error)."""
    QSettings().setValue(key, PREFERENCES[key].check(value))
