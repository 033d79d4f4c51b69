"""Which sheet of a workbook to read, and whether reading it is safe.

- The sheet the owner sees: the one asked for, else the active sheet when it is visible
  and holds data, else the first visible sheet with data. A hidden sheet is never chosen
  on its own (an export's lookup tables hide there).
- python-calamine allocates a sheet's whole extent, from its top-left to its bottom-right
  cell: one stray cell at XFD1048576 in a 5 KB file asks for 17 billion cells and aborts
  the process (an abort, not an exception: it would close the app). So an xlsx sheet's
  extent is measured from its XML first, and a sheet wider than ``MAX_COLUMNS`` or with
  more cells than ``MAX_CELLS`` is refused with the numbers. (.ods files: calamine
  refuses over 100 million cells itself; .xls cannot exceed 65,536 x 256.)
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable

from defusedxml import ElementTree

from engage_desktop.core.messages import quoted, t

MAX_COLUMNS = 2_000  # a real export has at most a few hundred (Rakuten's orders: 158)
# calamine holds ~40 bytes a cell of the extent: 10 million cells are 400 MB, what the 600 MB an
# import may use leaves after the app itself (100k rows x 100 columns; Rakuten's 158: 63k rows).
MAX_CELLS = 10_000_000

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool
    part: str | None = None  # xlsx: the zip member holding the sheet's XML


@dataclass(frozen=True)
class WorkbookLayout:
    sheets: list[SheetInfo]
    active: int | None  # index of the sheet the workbook opens on, when the file says


def xlsx_layout(archive: zipfile.ZipFile) -> WorkbookLayout | None:
    """Sheets (name, hidden, XML part) and the active tab of an xlsx, from workbook.xml; None if unreadable."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError):
        return None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    sheets = []
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        sheets.append(SheetInfo(sheet.get("name", ""), sheet.get("state", "visible") != "visible", part))
    view = next(book.iter(f"{_MAIN}workbookView"), None)
    active = int(view.get("activeTab", "0")) if view is not None and view.get("activeTab", "0").isdigit() else 0
    return WorkbookLayout(sheets, active if active < len(sheets) else None)


def choose_sheet(sheets: list[SheetInfo], active: int | None, has_data: Callable[[str], bool],
                 wanted: str | None) -> str | None:
    """The sheet to read (see the module's rules); None when no visible sheet holds data.
    ``has_data(name)`` is asked only of the sheets it takes to decide (each may cost a read)."""
    if wanted is not None:
        return wanted
    if active is not None and not sheets[active].hidden and has_data(sheets[active].name):
        return sheets[active].name
    return next((s.name for s in sheets if not s.hidden and has_data(s.name)), None)


def xlsx_has_cells(archive: zipfile.ZipFile, part: str | None) -> bool:
    """The xlsx sheet in ``part`` holds a cell: its XML is read up to its first cell only (a 100k-row
    sheet's whole XML took 0.07 s to inflate, for every sheet of the workbook)."""
    if part is None or part not in archive.NameToInfo:
        return False
    with archive.open(part) as xml:
        tail = b""
        while chunk := xml.read(64 * 1024):
            if b"<c " in tail + chunk[:2] or b"<c " in chunk:
                return True
            tail = chunk[-2:]
    return False


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _letters(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def _numbers_above(limit: int) -> str:
    """A regex matching the decimal numbers greater than ``limit`` (no leading zeros)."""
    digits = str(limit)
    parts = [rf"[1-9]\d{{{len(digits)},}}"]  # more digits
    for i, ch in enumerate(digits):
        if ch != "9":
            rest = len(digits) - i - 1
            parts.append(digits[:i] + f"[{int(ch) + 1}-9]" + (rf"\d{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(parts) + ")"


def _columns_above(limit: int) -> str:
    """A regex matching column letters after column ``limit`` (A = 1)."""
    letters = _letters(limit) if limit else ""
    parts = [f"[A-Z]{{{len(letters) + 1},3}}"] if len(letters) < 3 else []
    for i, ch in enumerate(letters):
        if ch != "Z":
            rest = len(letters) - i - 1
            parts.append(letters[:i] + f"[{chr(ord(ch) + 1)}-Z]" + (f"[A-Z]{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


# A cell or row element, written any way XML allows and calamine reads: the reference may follow other
# attributes (<c t="inlineStr" r="…">), be in single quotes, or the element carry a prefix (<x:c …>).
# Matching only <c r="…" let a hostile sheet's far cell past the extent check, and calamine aborted the app.
_CELL_START = rb'<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br\s*=\s*["\']'
_CELL = re.compile(_CELL_START + rb'([A-Z]{1,3})([0-9]{1,7})["\']')
_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\br\s*=\s*["\']([0-9]{1,7})["\']')


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) from A1 to the sheet's farthest cell, as calamine will allocate them.

    Rows come from every row element; the columns from the first and last rows. Cheap
    searches of the whole XML then look for a cell beyond those (a stray far cell, a cell
    whose reference disagrees with its row: calamine believes the cell), and only then are
    all the cells read one by one. A 100k-row export costs a few passes of a regex, not a
    Python loop over its cells."""
    rows = max((int(n) for n in _ROW.findall(xml)), default=0)
    cols = 0
    end = xml.find(b"</row>")
    for chunk in (xml[:end] if end >= 0 else b"", xml[xml.rfind(b"<row "):] if b"<row " in xml else b""):
        for letters, number in _CELL.findall(chunk):
            cols, rows = max(cols, _column_number(letters)), max(rows, int(number))
    digits = len(str(rows))
    beyond = [_columns_above(cols), rf'[A-Z]{{1,3}}[0-9]{{{digits + 1},}}["\']']
    if 10 ** digits * max(cols, 1) > MAX_CELLS:  # rows of as many digits could reach past the limit
        beyond.append(rf'[A-Z]{{1,3}}{_numbers_above(rows)}["\']')
    # One search for them all: each cell is visited once (100k rows x 7 columns: 0.05 s, not 0.09).
    if re.search(_CELL_START + f'(?:{"|".join(beyond)})'.encode(), xml):
        for letters, number in _CELL.findall(xml):  # the rare slow path: measure every cell
            cols, rows = max(cols, _column_number(letters)), max(rows, int(number))
    return rows, cols


def refusal_for_extent(file_name: str, sheet: str, rows: int, cols: int) -> str | None:
    """Why a sheet of this extent cannot be read, or None."""
    if cols > MAX_COLUMNS:
        return t("Sheet {sheet} of {file} reaches column {letters} ({columns:,} columns); an export has at most "
                 "{limit:,}. A stray cell far to the right makes Excel files this wide: delete the empty columns "
                 "after the data in Excel, save, and import again (or save the sheet as CSV).", sheet=quoted(sheet),
                 file=file_name, letters=_letters(cols), columns=cols, limit=MAX_COLUMNS)
    if rows * cols > MAX_CELLS:
        return t("Sheet {sheet} of {file} reaches row {rows:,} and column {letters}: {cells:,} cells, more than the "
                 "{limit:,} this computer can read from an Excel file at once. If the data ends earlier, a stray cell "
                 "lies far below or to the right: delete the empty rows and columns after the data in Excel and "
                 "save. Otherwise save the sheet as CSV and import that.", sheet=quoted(sheet), file=file_name,
                 rows=rows, letters=_letters(cols), cells=rows * cols, limit=MAX_CELLS)
    return None
