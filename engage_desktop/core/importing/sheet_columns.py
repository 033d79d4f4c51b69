"""A workbook sheet's cells as NumPy columns that DuckDB scans directly: no text file between them.

The staging reads every column as text (c0..cN VARCHAR), exactly as it reads a CSV export, so a
cell must come out as the text the old route (cells written to a CSV, read back by DuckDB's CSV
reader) gave it: ``cell_text`` decides that text, and an empty cell is NULL, as an empty CSV field is.

- A column whose cells are all whole numbers (ids, quantities, amounts in yen: most numeric columns)
  is kept as float64 (NaN for an empty cell) and written as text by DuckDB, ``CAST(CAST(c AS BIGINT)
  AS VARCHAR)``: the same digits as ``str(int(x))``, with no Python object per cell. Only numbers
  under 10^15 qualify: there a float holds every integer exactly, and ``cell_text`` writes the digits.
- Any other column is an object array of ``str`` (None for an empty cell), made by ``cell_text``.

The sheet is read in blocks of rows, so that a sparse sheet's million blank rows are never held at
once, and each block's numbers are packed as it is read (a float object costs 24 bytes, its packed
value 8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from types import NoneType
from typing import Any, Callable

import numpy as np

BLOCK_CELLS = 1 << 20  # cells converted at a time: a block's row lists stay a few MB
WHOLE_LIMIT = 1e15  # below it a float is an exact integer and cell_text writes its digits


def _number_text(cell: float) -> str:
    return str(int(cell)) if cell.is_integer() and abs(cell) < WHOLE_LIMIT else repr(cell)


def cell_text(cell: object) -> str:
    """Text of a workbook cell: whole-number floats (ids, phones) without '.0'."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return _number_text(cell)
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    if isinstance(cell, dt.timedelta):
        seconds = int(cell.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(cell)


# Most cells are text or numbers: their conversion is looked up by exact type (bool is not int here).
_TEXT_OF: dict[type, Callable[[Any], str]] = {str: str, float: _number_text, int: str}


def _text(cell: object) -> str:
    return _TEXT_OF.get(type(cell), cell_text)(cell)


@dataclass
class SheetColumns:
    """The data records of a sheet (the rows after its header row, blank rows left out), one array
    per column: float64 for a column of whole numbers, else object (str, None when empty)."""

    columns: list[np.ndarray]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def frame(self) -> dict[str, np.ndarray]:
        """What DuckDB is given to scan (``con.register``): the columns by their staging names."""
        return {f"c{i}": column for i, column in enumerate(self.columns)}

    def relation_sql(self, name: str) -> str:
        """SQL: the records as text columns c0..cN, read from the arrays registered as ``name``."""
        def text(i: int, column: np.ndarray) -> str:
            if column.dtype == np.float64:  # whole numbers: the integer's digits, as cell_text writes them
                return f"CAST(CAST(c{i} AS BIGINT) AS VARCHAR) AS c{i}"
            # str or None: VARCHAR already, but said, since DuckDB guesses an object column's type
            return f"CAST(c{i} AS VARCHAR) AS c{i}"
        return f"(SELECT {', '.join(text(i, c) for i, c in enumerate(self.columns))} FROM {name})"

    def texts(self, rows: int) -> list[list[str]]:
        """The first ``rows`` records as cell texts ('' when empty): what the relation gives, in Python."""
        out = []
        for r in range(min(rows, len(self))):
            out.append([_head_text(column[r]) for column in self.columns])
        return out


def _head_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # a packed whole number (NaN: empty)
        return "" if value != value else str(int(value))
    return str(value)


@dataclass
class SheetRead:
    """A sheet as the import reads it: its header row's texts, its data records, their sheet rows."""

    header: list[str]
    records: SheetColumns
    record_lines: list[int]  # the sheet row of the header and of each record (1 = the sheet's first row)


def read_sheet(rows: Iterable[list[Any]]) -> SheetRead | None:
    """Read calamine's rows (each a list of cells, every row as wide as the sheet's used area; the
    first is the sheet's row 1): the first row with a cell is the header, later blank rows are left
    out, and each record remembers its sheet row. None when no row has a cell."""
    it = iter(rows)
    header: list[Any] | None = None
    number = 0
    for number, row in enumerate(it, start=1):
        if any(cell not in ("", None) for cell in row):
            header = row
            break
    if header is None:
        return None
    width = len(header)
    parts: list[list[np.ndarray]] = [[] for _ in range(width)]
    lines = [np.array([number])]
    for first, block in _blocks(it, width, number + 1):
        kinds = [set(map(type, block[:, j])) for j in range(width)]
        empty = np.zeros(block.shape, dtype=bool)  # a cell is empty as calamine says it: "" (None, to be safe)
        for j, found in enumerate(kinds):
            if str in found:
                empty[:, j] = block[:, j] == ""
            if NoneType in found:
                empty[:, j] |= np.equal(block[:, j], None)
        kept = ~empty.all(axis=1)
        if not kept.all():  # blank rows: no record (the CSV route left them out too)
            block, empty = block[kept], empty[kept]
        lines.append(np.flatnonzero(kept) + first)
        for j in range(width):
            parts[j].append(_packed(block[:, j], empty[:, j], kinds[j]))
    columns = [_joined(p) for p in parts]
    return SheetRead([_text(c) for c in header], SheetColumns(columns), np.concatenate(lines).tolist())


def _blocks(rows: Iterator[list[Any]], width: int, first: int) -> Iterator[tuple[int, np.ndarray]]:
    """(sheet row of the block's first row, the rows as a 2-D object array), a block at a time. The
    cells are poured straight into the array (twice as fast as a list of rows first): calamine's rows
    all have the sheet's width (its Range is a rectangle), so every ``width`` cells are one row."""
    cells = chain.from_iterable(rows)
    size = max(1, BLOCK_CELLS // max(width, 1)) * width
    while True:
        block = np.fromiter(islice(cells, size), dtype=object)
        if not len(block):
            return
        if len(block) % width:
            raise ValueError("a sheet row is not as wide as the sheet")  # (never from calamine)
        yield first, block.reshape(-1, width)
        first += len(block) // width


def _packed(cells: np.ndarray, empty: np.ndarray, kinds: set[type]) -> np.ndarray:
    """One column of a block: float64 (NaN when empty) when every cell is empty or a whole number
    under WHOLE_LIMIT; else object, each cell's text (None when empty). ``kinds``: the types of its
    cells, blank rows' included."""
    filled = cells[~empty] if empty.any() else cells
    if kinds <= _NUMBERS or (kinds <= _NUMBERS | _EMPTY and set(map(type, filled)) <= _NUMBERS):
        values = filled.astype(np.float64)
        if np.all(np.abs(values) < WHOLE_LIMIT) and np.all(values == np.trunc(values)):  # NaN, inf fail both
            if filled is cells:
                return values
            out = np.full(len(cells), np.nan)
            out[~empty] = values
            return out
    if kinds <= _EMPTY:  # text already: only the empty cells change (to NULL, as an empty CSV field)
        texts = cells.copy()
    else:
        texts = _objects([_text(c) for c in cells.tolist()])
    texts[empty] = None
    return texts


_NUMBERS: set[type] = {float, int}
_EMPTY: set[type] = {str, NoneType}


def _objects(values: list[Any]) -> np.ndarray:
    """A 1-D object array of ``values`` (np.array would look inside sequences)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    """A column's blocks as one array: numbers stay packed unless some block had to be text."""
    if not parts:
        return np.empty(0, dtype=np.float64)
    if all(p.dtype == np.float64 for p in parts):
        return np.concatenate(parts)
    return np.concatenate([p if p.dtype == object else _as_texts(p) for p in parts])


def _as_texts(values: np.ndarray) -> np.ndarray:
    """Packed whole numbers as their texts (None when empty), for a column that is not all numbers."""
    return _objects([None if v != v else str(int(v)) for v in values.tolist()])


def line_shifts(record_lines: list[int]) -> tuple[list[int], list[int]]:
    """(from_rn, shift) where a sheet's records and rows part, for ``imp_line_shifts``: record ``rn``
    (1 = the first after the header) is sheet row rn + shift (see staging.lines.line_of). One pair
    for a sheet without blank rows, one more after each run of blank rows."""
    rows = np.asarray(record_lines[1:], dtype=np.int64)
    shift = rows - np.arange(1, len(rows) + 1)
    starts = np.flatnonzero(np.concatenate(([True], shift[1:] != shift[:-1]))) if len(shift) else shift
    return (starts + 1).tolist(), shift[starts].tolist()
