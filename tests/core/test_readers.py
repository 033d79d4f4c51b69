"""Readers: delimiters, xlsx sheets and ids, and files that are not what their name says."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.importing.readers import read_source, sniff_delimiter
from tests.helpers import write_csv, write_xlsx


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    path = write_csv(tmp_path / "f.csv", [["注文番号", "金額", "メモ"], ["1", "1,000", "a;b|c"]], delimiter=delimiter)
    src = read_source(path, tmp_path)
    assert src.delimiter == delimiter
    assert src.headers == ["注文番号", "金額", "メモ"]
    assert src.head[1] == ["1", "1,000", "a;b|c"]


def test_delimiter_inside_quotes_does_not_count() -> None:
    assert sniff_delimiter('"a,b,c,d"\tx\ty\n1\t2\t3\n') == "\t"


def test_xlsx_numeric_ids_come_back_as_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "orders.xlsx", {
        "Sheet1": [["注文番号", "顧客ID", "金額", "日付"], [1001, 12345678901234, 1500.5, 45306]],
    })
    src = read_source(path, tmp_path)
    assert src.encoding == "xlsx"
    assert src.head[1] == ["1001", "12345678901234", "1500.5", "45306"]
    # What the staging reads: the sheet's arrays as text, never a float's "1001.0" nor "1.2345678901234e+13"
    assert src.columns is not None and not (tmp_path / "table.csv").exists()
    con = duckdb.connect()
    con.register("sheet", src.columns.frame())
    assert con.execute(f"SELECT * FROM {src.columns.relation_sql('sheet')}").fetchall() == [
        ("1001", "12345678901234", "1500.5", "45306")]


def test_every_xlsx_sheet_can_be_chosen(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {
        "説明": [],
        "注文": [["注文番号", "金額"], ["A1", 100]],
        "アンケート": [["タイムスタンプ", "メールアドレス"], ["2024/01/01 10:00:00", "a@example.com"]],
    })
    src = read_source(path, tmp_path)
    assert src.sheets == ["説明", "注文", "アンケート"]
    assert src.sheet == "注文"  # the active sheet (説明) is empty: the first visible sheet with data
    src = read_source(path, tmp_path, sheet="アンケート")
    assert src.headers == ["タイムスタンプ", "メールアドレス"]
    with pytest.raises(ImportRefused, match="no sheet named"):
        read_source(path, tmp_path, sheet="売上")


def test_csv_with_an_xlsx_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    path.write_text("注文番号,金額\n1,100\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="is not a spreadsheet"):
        read_source(path, tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match="is empty"):
        read_source(path, tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="not found"):
        read_source(tmp_path / "gone.csv", tmp_path)
