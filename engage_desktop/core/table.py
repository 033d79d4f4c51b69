"""The result every core function hands out: the UI shows it as a table, the export writes it as a sheet.

Shared by importing (the wizard's preview), metrics and export: it lives here, below all three,
so that the packages depend on it and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Table:
    """A result the UI shows as a table and the export writes as a sheet."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]
