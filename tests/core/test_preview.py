"""The preview points at the lines of the owner's file, as the import's rejects do."""

from __future__ import annotations

from pathlib import Path

from engage_desktop.core.importing.pipeline import ImportOptions
from engage_desktop.core.importing.preview import plan_and_preview
from engage_desktop.core.store import Store


def test_preview_lines_count_blank_lines_and_line_breaks_inside_cells(tmp_shop: Store, tmp_path: Path) -> None:
    text = ("注文番号,注文日,メールアドレス,商品名,金額\r\n"           # line 1
            "A1,2026/06/01,a@example.com,\"石鹸\r\nギフト包装\",1000\r\n"  # lines 2-3
            "\r\n"                                                       # line 4: blank
            "A2,2026/06/02,b@example.com,タオル,500\r\n"                 # line 5
            "A3,2026/13/45,c@example.com,タオル,500\r\n")                # line 6: a date that is none
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode("cp932"))
    plan, shown = plan_and_preview(tmp_shop, str(path), ImportOptions())
    try:
        rows = shown.table.as_dicts()
    finally:
        plan.close()
    assert [(r["line"], r["fate"]) for r in rows] == [(2, "ok"), (5, "ok"), (6, "rejected")]
    assert rows[0]["product"] == "石鹸\r\nギフト包装"  # as the file has it


def test_preview_lines_of_a_workbook_are_its_sheet_rows(tmp_shop: Store, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["注文番号", "注文日", "メールアドレス", "金額"])  # row 1
    ws.append([])  # row 2: empty
    ws.append(["A1", "2026/06/01", "a@example.com", 1000])  # row 3
    ws.append(["A2", "2026/06/02", "b@example.com", 500])  # row 4
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    plan, shown = plan_and_preview(tmp_shop, str(path), ImportOptions())
    try:
        assert [r["line"] for r in shown.table.as_dicts()] == [3, 4]
    finally:
        plan.close()
