"""Read an export file (CSV, TSV, TXT; Excel .xlsx/.xlsm/.xls/.xlsb; .ods) into a form DuckDB can scan.

A text file is decoded here in Python into a UTF-8 CSV, because DuckDB reads only
UTF-8/UTF-16/Latin-1 offline; the bulk of its rows is parsed by DuckDB's CSV reader,
never by a Python loop. A workbook's sheet becomes NumPy arrays DuckDB scans directly
(sheet_columns.py). Either way the result keeps the first rows for detection and preview.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.messages import listing, quoted, t
from engage_desktop.core.importing import sheets
from engage_desktop.core.importing.encodings import transcode
from engage_desktop.core.importing.sheet_columns import SheetColumns, read_sheet

HEAD_ROWS = 30
HEAD_BYTES = 512 * 1024  # what the wizard decodes of a text file to recognise it and show its first rows
DELIMITERS = (",", "\t", ";", "|")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
WORKBOOK_SUFFIXES = (*XLSX_SUFFIXES, ".xlsb", ".xls", ".ods")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Excel 97-2003 (.xls) container
MAX_TEXT_COLUMNS = sheets.MAX_COLUMNS
# Caps checked on the zip directory before any XML is parsed (zip bombs).
MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_XLSX_RATIO = 100  # real workbooks compress 5-15x; a bomb compresses 1000x


@dataclass
class SourceTable:
    """One table from one file, ready for DuckDB."""

    path: Path
    size: int
    sha256: str
    encoding: str
    delimiter: str
    csv_path: Path  # UTF-8 text DuckDB scans; its first record is the header row (a workbook: see columns)
    head: list[list[str]]  # first rows, header included, for detection and preview
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    newlines: int | None = None  # line breaks in csv_path, when it is the owner's text file (not an xlsx)
    record_lines: list[int] | None = None  # a workbook: the sheet row of its header and of each record
    # A workbook's records as arrays DuckDB scans (sheet_columns.py): no text is written, csv_path only
    # names the work folder (the preview's few rows are written there).
    columns: SheetColumns | None = None
    partial: bool = False  # only the file's first rows (the wizard's plan and preview): never imported
    odd_letters: str = ""  # see encodings.Transcoded.odd_letters
    label: str | None = None  # what the owner calls it, when it is not one file's name (two files joined)

    @property
    def headers(self) -> list[str]:
        return self.head[0] if self.head else []

    @property
    def name(self) -> str:
        return self.label or self.path.name


def read_source(
    path: str | Path,
    work_dir: Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Callable[[float], None] | None = None,
    head_only: bool = False,
) -> SourceTable:
    """Read ``path`` (CSV/TSV/TXT or a workbook) into ``work_dir``; refuse what cannot be read.
    ``progress(share read)`` is called as a text file is decoded (it may raise Cancelled).
    ``head_only``: a text file's first HEAD_BYTES only (whole lines), decoded on their own: what the
    wizard needs to recognise the file and preview its first rows, at once whatever the file's size."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            start = handle.read(8192)
            if start[:4] == b"PK\x03\x04" or start[:8] == OLE2:
                return _read_workbook(path, start + handle.read(), work_dir, sheet)
            return _read_text(path, handle, start, work_dir, encoding, progress, head_only)
    except FileNotFoundError as exc:
        raise ImportRefused(t("{file} was not found. It may have been moved or deleted. Choose the file again.", file=path.name)) from exc
    except PermissionError as exc:
        raise ImportRefused(t("{file} cannot be read (no permission, or it is open and locked by another program). Close it in the other program, then import again.", file=path.name)) from exc
    except IsADirectoryError as exc:
        raise ImportRefused(t("{file} is a folder. Choose the export file inside it.", file=path.name)) from exc
    except OSError as exc:
        raise ImportRefused(t("{file} cannot be read ({error}). Copy it to this computer's disk and import the copy.", file=path.name, error=exc.strerror)) from exc


def _read_text(path: Path, handle: BinaryIO, start: bytes, work_dir: Path, encoding: str | None,
               progress: Callable[[float], None] | None = None, head_only: bool = False) -> SourceTable:
    if not start.strip() and not handle.read(1 << 20).strip():
        raise ImportRefused(t("{file} is empty. Export the data again from the shop system.", file=path.name))
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise ImportRefused(
            t("{file} has a spreadsheet's name but is not a spreadsheet. "
              "Open it in Excel and save it again as .xlsx, or rename it to .csv if it is a CSV file.", file=path.name)
        )
    if b"\x00" in start[:4096] and not start.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(t("{file} is not a text or Excel file. Choose the CSV or Excel export of your shop system.", file=path.name))
    handle.seek(0)
    csv_path = work_dir / "table.csv"
    size = max(path.stat().st_size, 1)
    first = _first_lines(handle, size) if head_only else None
    with csv_path.open("w+b") as out:
        decoded = transcode(first or handle, out, encoding,
                            on_chunk=(lambda done: progress(done / size)) if progress and not first else None)
    delimiter = sniff_delimiter(decoded.head, path.suffix.lower())
    head = parse_head(decoded.head, delimiter)
    if not head or not any(cell.strip() for cell in head[0]):
        raise ImportRefused(t("{file} has no header row. The first line must name the columns: export the file again with its header.", file=path.name))
    if len(head[0]) > MAX_TEXT_COLUMNS:
        raise ImportRefused(t("{file} has {count:,} columns; an export has at most {limit:,}. Check that this is the shop's "
                              "export (and that its values are separated by commas or tabs).", file=path.name,
                              count=len(head[0]), limit=MAX_TEXT_COLUMNS))
    return SourceTable(path, decoded.size, decoded.sha256, decoded.encoding, delimiter, csv_path, head,
                       newlines=decoded.newlines, odd_letters=decoded.odd_letters, partial=first is not None)


def _first_lines(handle: BinaryIO, size: int) -> BinaryIO | None:
    """The file's first HEAD_BYTES, cut after their last line break (None: the file is no longer than
    that, read it whole). A line break is one byte no CP932 or UTF-8 character contains; UTF-16 keeps
    its two-byte units."""
    if size <= HEAD_BYTES:
        return None
    chunk = handle.read(HEAD_BYTES)
    handle.seek(0)
    newline = b"\n\x00" if chunk.startswith(b"\xff\xfe") else b"\x00\n" if chunk.startswith(b"\xfe\xff") else b"\n"
    end = chunk.rfind(newline)
    while newline != b"\n" and end > 0 and end % 2:  # a UTF-16 unit starts at an even byte
        end = chunk.rfind(newline, 0, end)
    if end <= 0:
        return None  # no line break in the first HEAD_BYTES: nothing shorter to read
    return io.BytesIO(chunk[: end + len(newline)])


def peek_header(path: Path) -> list[str] | None:
    """The header row of a text file, from its first 64 KB (UTF-8 or CP932); None for other files.
    Enough to tell which files belong together before either is read in full."""
    try:
        with path.open("rb") as handle:
            start = handle.read(64 * 1024)
    except OSError:
        return None
    if start[:4] == b"PK\x03\x04" or b"\x00" in start[:4096]:
        return None
    for codec in ("utf-8-sig", "cp932"):
        try:
            text = start.decode(codec, errors="strict" if len(start) < 64 * 1024 else "ignore")
        except UnicodeDecodeError:
            continue
        rows = parse_head(text, sniff_delimiter(text, path.suffix.lower()), rows=1)
        return rows[0] if rows else None
    return None


def sniff_delimiter(text: str, suffix: str = "") -> str:
    """Pick the delimiter that splits the header line into the most columns."""
    first_line = _first_record_text(text)
    counts = {d: _count_outside_quotes(first_line, d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if suffix in (".tsv", ".txt") else ","
    return best


def parse_head(text: str, delimiter: str, rows: int = HEAD_ROWS) -> list[list[str]]:
    sample = text[: 256 * 1024]
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    head: list[list[str]] = []
    try:
        for row in reader:
            head.append(row)
            if len(head) >= rows:
                break
    except csv.Error:
        pass  # a broken row near the top: DuckDB will reject it with a line number
    if len(sample) < len(text) and len(head) > 1 and len(head) < rows:
        head.pop()  # the sample may have cut the last row in half
    return head


def _first_record_text(text: str) -> str:
    in_quotes = False
    for i, ch in enumerate(text[: 256 * 1024]):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            return text[:i]
    return text[: 256 * 1024]


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, in_quotes = 0, False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == delimiter and not in_quotes:
            count += 1
    return count


# -- workbooks (xlsx, xlsm, xlsb, xls, ods) --------------------------------------------------
def _check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ImportRefused(t("{file} is damaged (not a complete Excel file). Export it or save it again, then import the new file.", file=path.name)) from exc
    total = sum(info.file_size for info in infos)
    if total > MAX_XLSX_UNCOMPRESSED or total > MAX_XLSX_RATIO * max(len(data), 1) + 20 * 1024 * 1024:
        raise ImportRefused(
            t("{file} unpacks to {size:,} MB, more than an export can hold, so it was not opened. "
              "If it is a real export, save it as CSV and import that.", file=path.name, size=total // (1024 * 1024))
        )
    return archive


def _read_workbook(path: Path, data: bytes, work_dir: Path, wanted: str | None) -> SourceTable:
    from python_calamine import CalamineWorkbook

    archive, layout = None, None
    if data[:4] == b"PK\x03\x04":
        archive = _check_zip(path, data)
        layout = sheets.xlsx_layout(archive) if "xl/workbook.xml" in archive.namelist() else None
    digest = hashlib.sha256(data).hexdigest()
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own classes for zip/xml/ole damage
        raise ImportRefused(t("{file} cannot be opened as a spreadsheet ({error}). Open it in Excel, save it again, "
                              "and import the saved file.", file=path.name, error=type(exc).__name__)) from exc
    try:
        names = list(workbook.sheet_names)
        if wanted is not None and wanted not in names:
            raise ImportRefused(t("{file} has no sheet named {sheet}. Choose one of its sheets: {sheets}.", file=path.name,
                                  sheet=quoted(wanted), sheets=listing(names)))
        try:
            chosen = _choose(workbook, archive, layout, names, wanted, path)
            if layout and archive:  # calamine allocates the sheet's whole extent: measure it first
                part = next(s.part for s in layout.sheets if s.name == chosen)
                refusal = sheets.refusal_for_extent(path.name, chosen, *sheets.xlsx_extent(archive.read(part)))
                if refusal:
                    raise ImportRefused(refusal)
            found = workbook.get_sheet_by_name(chosen)
            read = read_sheet(found.iter_rows())
            del found  # calamine's copy of the sheet (~40 bytes a cell) goes before the staging
        except ImportRefused:
            raise
        except Exception as exc:  # calamine's XmlError, ZipError, cell limit…: the sheet is broken or hostile
            raise ImportRefused(t("{file} is damaged and cannot be read ({error}). Open it in Excel, save it again, "
                                  "and import the saved file.", file=path.name, error=type(exc).__name__ + ": " + str(exc))) from exc
    finally:
        workbook.close()
    if read is None:
        raise ImportRefused(t("Sheet {sheet} of {file} is empty. Choose the sheet that holds the export.", sheet=quoted(chosen), file=path.name))
    head = [read.header, *read.records.texts(HEAD_ROWS - 1)]
    # delimiter ",": what a rejected row's text is joined with (staging.rows.row_text), as in the CSV it once was
    return SourceTable(path, len(data), digest, path.suffix.lower().lstrip(".") or "xlsx", ",", work_dir / "table.csv",
                       head, chosen, names, record_lines=read.record_lines, columns=read.records)


def _choose(workbook: Any, archive: zipfile.ZipFile | None, layout: sheets.WorkbookLayout | None, names: list[str],
            wanted: str | None, path: Path) -> str:
    """The sheet the owner sees (sheets.choose_sheet): the active visible one with data, never a hidden one."""
    if wanted is not None:
        return wanted
    if layout is not None and archive is not None:  # xlsx: from workbook.xml, without parsing any sheet
        infos, active = layout.sheets, layout.active
        parts, book = {s.name: s.part for s in infos}, archive

        def has_data(name: str) -> bool:
            return sheets.xlsx_has_cells(book, parts[name])
    else:  # xls, xlsb, ods: calamine's metadata, and each visible sheet's size
        from python_calamine import SheetVisibleEnum

        infos = [sheets.SheetInfo(m.name, m.visible != SheetVisibleEnum.Visible) for m in workbook.sheets_metadata]
        active = None

        def has_data(name: str) -> bool:
            sheet = workbook.get_sheet_by_name(name)
            return bool(sheet.height > 0 and sheet.width > 0)
    chosen = sheets.choose_sheet(infos, active, has_data, None)
    if chosen is None:
        hidden = [s.name for s in infos if s.hidden]
        if hidden:
            raise ImportRefused(t("{file}: the visible sheets are empty; the data may be on a hidden sheet ({sheets}). "
                                  "Choose that sheet by its name if it is the export.", file=path.name, sheets=listing(hidden)))
        raise ImportRefused(t("Sheet {sheet} of {file} is empty. Choose the sheet that holds the export.", sheet=quoted(names[0]), file=path.name))
    return chosen
