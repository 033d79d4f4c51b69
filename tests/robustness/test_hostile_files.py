"""Hostile and broken files: each gets a clear refusal or a reject report, and nothing is half-imported."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from engage_desktop.core.importing.pipeline import ImportOptions, ImportResult, import_file
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import table_checksums, write_csv, write_xlsx

HEADER = ["注文番号", "注文日", "メールアドレス", "金額"]


def good_rows(n: int = 20, start: int = 0) -> list[list[str]]:
    return [[f"H{i}", f"2025/{1 + i % 12}/{1 + i % 28}", f"c{i % 7}@x.jp", str(100 + i)] for i in range(start, start + n)]


def csv_with(tmp: Path, rows: list[list[str]], encoding: str = "utf-8", name: str = "f.csv") -> Path:
    return write_csv(tmp / name, rows, encoding=encoding)


def raw(tmp: Path, data: bytes, name: str = "f.csv") -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def zip_bomb(tmp: Path) -> Path:
    """A valid-looking xlsx whose sheet unpacks to 150 MB of spaces."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADER, *good_rows(3)])))
    out = tmp / "bomb.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (150 * 1024 * 1024))
            bomb.writestr(item.filename, data)
    return out


def entity_bomb(tmp: Path) -> Path:
    """Billion laughs inside the shared strings of an otherwise valid xlsx."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADER, *good_rows(3)])))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
              + "]>")
    out = tmp / "laughs.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', b"")
                data = data.replace(b"<?xml version='1.0' encoding='UTF-8'?>", b"")
                data = laughs.encode() + data.replace(b"H0", b"&lol9;")
            book.writestr(item.filename, data)
    return out


# (name, file maker, options, expected: "refused" + message part, or "imported" + (imported, rejected, skipped))
Case = tuple[str, Callable[[Path], Path], ImportOptions, str, object]
CASES: list[Case] = [
    ("empty file", lambda t: raw(t, b""), ImportOptions(), "refused", "is empty"),
    ("whitespace only", lambda t: raw(t, b" \r\n\r\n  \n"), ImportOptions(), "refused", "is empty"),
    ("header only", lambda t: csv_with(t, [HEADER]), ImportOptions(), "refused", "no data rows"),
    ("blank lines after header", lambda t: raw(t, "注文番号,注文日,金額\n\n\n\n".encode()), ImportOptions(), "refused",
     "no data rows"),
    ("binary junk with NULs", lambda t: raw(t, os.urandom(4096).replace(b"\x00", b"") + b"\x00" * 64 + os.urandom(64)),
     ImportOptions(), "refused", "not a text or Excel file"),
    ("binary junk without NULs", lambda t: raw(t, b"id,amount\n" + bytes([0x85, 0x40, 0xEB, 0x40]) * 50),
     ImportOptions(), "refused", "byte 10"),
    ("truncated xlsx", lambda t: raw(t, xlsx_bytes([HEADER, *good_rows(50)])[:2000], "cut.xlsx"), ImportOptions(),
     "refused", "damaged"),
    ("xlsx zip bomb", zip_bomb, ImportOptions(), "refused", "unpacks to"),
    ("xlsx entity bomb", entity_bomb, ImportOptions(), "refused", "damaged"),
    ("wrong encoding chosen", lambda t: csv_with(t, [HEADER, *good_rows(), ["髙1", "2026/1/1", "a@x.jp", "1"]],
                                                 "cp932"), ImportOptions(encoding="utf-8"), "refused", "not valid utf-8"),
    ("mixed encodings", lambda t: raw(t, "注文番号,注文日,金額\nA1,2026/1/1,100\n".encode() + "A2,2026/1/2,髙\n".encode("cp932")),
     ImportOptions(), "refused", "neither UTF-8 nor Shift_JIS"),
    ("10 MB single line", lambda t: raw(t, b"x" * (10 * 1024 * 1024)), ImportOptions(), "refused", "no header row"),
    ("10 MB cell in a row", lambda t: raw(t, ("注文番号,注文日,金額\nA1,2026/1/1,100\nA2,2026/1/2," + "9" * (10 * 1024 * 1024)
                                             + "\n").encode()), ImportOptions(), "refused", "could not"),
    ("duplicate headers", lambda t: csv_with(t, [HEADER + ["金額"], *[r + ["999"] for r in good_rows()]]), ImportOptions(),
     "imported", (20, 0, 0)),
    ("columns shifted on some rows", lambda t: csv_with(t, [HEADER, *good_rows(), ["X1", "extra", "2026/1/1", "a@x.jp", "5"]]),
     ImportOptions(), "imported", (20, 1, 0)),
    ("dates broken in every form", lambda t: csv_with(t, [HEADER, *good_rows(), *[[f"D{i}", d, "a@x.jp", "100"] for i, d in
                                                                                 enumerate(["2026/02/30", "13/13/2026", "昨日", "2026-1", "0000-00-00"])]]),
     ImportOptions(), "imported", (20, 5, 0)),
    ("money broken in every form", lambda t: csv_with(t, [HEADER, *good_rows(), *[[f"M{i}", "2026/1/1", "a@x.jp", m] for i, m in
                                                                                  enumerate(["1.2.3", "¥", "abc円", "--5", "1e400"])]]),
     ImportOptions(), "imported", (20, 5, 0)),
    ("too many bad rows", lambda t: csv_with(t, [HEADER, *good_rows(5), *[[f"B{i}", "無効", "a@x.jp", "1"] for i in range(5)]]),
     ImportOptions(), "refused", "more than the 20% allowed"),
    ("formulas in cells", lambda t: csv_with(t, [HEADER, *good_rows(), ["=1+1", "2026/1/1", "=cmd|' /C calc'!A0", "+100"]]),
     ImportOptions(), "imported", (21, 0, 0)),
    ("unterminated quote", lambda t: raw(t, ("注文番号,注文日,金額\nA1,2026/1/1,100\n\"A2,2026/1/2,200\nA3,2026/1/3,300\n").encode()),
     ImportOptions(), "refused", ""),
    ("0 bytes named .xlsx", lambda t: raw(t, b"", "orders.xlsx"), ImportOptions(), "refused", "is empty"),
    ("CSV text named .xlsx", lambda t: raw(t, "注文番号,金額\n1,100\n".encode(), "orders.xlsx"), ImportOptions(), "refused",
     "is not a spreadsheet"),
    ("damaged .xls", lambda t: raw(t, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old.xls"), ImportOptions(),
     "refused", "cannot be opened as a spreadsheet"),
    ("empty xlsx sheet", lambda t: write_xlsx(t / "empty.xlsx", {"Sheet": []}), ImportOptions(), "refused", "is empty"),
    ("one column, no delimiter", lambda t: raw(t, "メモ\nこんにちは\nさようなら\n".encode()), ImportOptions(), "refused",
     "no column was found for"),
    ("rakuten -99999 totals", lambda t: write_csv(t / "r.csv", [exports.RAKUTEN_HEADER,
                                                                 exports.rakuten_row("1", "発送後", "2026/1/1", "10:00:00", "姓", "名", ("03", "1", "2"),
                                                                                     "a@x.jp", "-99999", "-99999", "石鹸", "700", "2", 1)], "cp932"),
     ImportOptions(), "imported", (1, 0, 0)),
    ("header with BOM and zero-width spaces", lambda t: raw(t, "\ufeff注文番号\u200b,注文日,金額\nA1,2026/1/1,100\n".encode()),
     ImportOptions(), "imported", (1, 0, 0)),
    # Two identical purchases are two purchases, never "the same row twice" (a public transaction log lost hundreds).
    ("the same row twice without order ids", lambda t: csv_with(t, [["日付", "金額"], ["2026/1/1", "100"], ["2026/1/1", "100"]]),
     ImportOptions(), "imported", (2, 0, 0)),
    ("survey answers out of range", lambda t: csv_with(t, [["タイムスタンプ", exports.NPS_Q, exports.FAN_Q],
                                                           ["2026/1/1 10:00:00", "11", "とても好き"],
                                                           *[[f"2026/1/{d} 10:00:00", "9", "ファンではない"] for d in range(2, 12)]]),
     ImportOptions(), "imported", (10, 1, 0)),
    ("utf-16 without BOM", lambda t: raw(t, "注文番号,注文日,金額\nA1,2026/1/1,100\n".encode("utf-16-le")), ImportOptions(),
     "refused", "not a text or Excel file"),
    ("negative lines are refunds", lambda t: csv_with(t, [["Invoice", "InvoiceDate", "Quantity", "UnitPrice", "CustomerID"],
                                                          ["536365", "2010-12-01 08:26", "6", "2.55", "17850"],
                                                          ["C536379", "2010-12-01 09:41", "-1", "27.50", "17850"]]),
     ImportOptions(), "imported", (2, 0, 0)),
]


@pytest.mark.parametrize("name, make, options, outcome, detail", CASES, ids=[c[0] for c in CASES])
def test_hostile_file(tmp_shop: Store, tmp_path: Path, name: str, make: Callable[[Path], Path], options: ImportOptions,
                      outcome: str, detail: object) -> None:
    assert import_file(tmp_shop, csv_with(tmp_path, [HEADER, *good_rows(10, 1000)], name="base.csv")).imported == 10
    before = table_checksums(tmp_shop.con)
    path = make(tmp_path)
    result: ImportResult = import_file(tmp_shop, path, options)
    if outcome == "refused":
        assert result.status == "refused", (result.status, result.message)
        assert str(detail) in result.message
        assert "Traceback" not in result.message and len(result.message) < 600
        assert table_checksums(tmp_shop.con) == before  # nothing partially imported
    else:
        assert result.status == "imported", result.message
        assert (result.imported, result.rejected, result.skipped) == detail
        assert result.read == result.imported + result.rejected + result.skipped
        assert all(r.reason for r in result.rejects)


def test_openpyxl_is_protected_against_xml_bombs() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML  # openpyxl parses with defusedxml when it is installed (we pin it)


def test_negative_lines_reduce_revenue_and_are_not_orders(tmp_shop: Store, tmp_path: Path) -> None:
    _, make, options, *_ = next(c for c in CASES if c[0] == "negative lines are refunds")
    import_file(tmp_shop, make(tmp_path), options)
    orders, revenue = tmp_shop.con.execute(
        "SELECT count(*) FILTER (WHERE NOT is_refund), sum(revenue) FROM orders").fetchone()
    assert (orders, revenue) == (1, 6 * Decimal("2.55") - Decimal("27.50"))


def test_file_locked_by_another_program(tmp_shop: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = csv_with(tmp_path, [HEADER, *good_rows()])
    before = table_checksums(tmp_shop.con)

    real_open = Path.open

    def locked(self: Path, *args: object, **kwargs: object) -> object:  # what Windows says of a file Excel holds open
        if self == path:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    result = import_file(tmp_shop, path)
    assert result.status == "refused" and "locked by another program" in result.message
    assert table_checksums(tmp_shop.con) == before


def test_file_that_disappears_before_it_is_read(tmp_shop: Store, tmp_path: Path) -> None:
    path = csv_with(tmp_path, [HEADER, *good_rows()])
    path.unlink()
    result = import_file(tmp_shop, path)
    assert result.status == "refused" and "was not found" in result.message
