"""The one way text the owner or a file supplied goes into SQL: as a quoted literal or identifier."""

from __future__ import annotations


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier (a column named by a file's header)."""
    return '"' + name.replace('"', '""') + '"'
