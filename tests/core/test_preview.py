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


def test_a_big_file_is_previewed_from_its_first_rows_and_they_are_the_rows_the_import_writes(
        tmp_shop: Store, tmp_path: Path) -> None:
    import datetime as dt
    from decimal import Decimal

    from engage_desktop.core.importing.pipeline import import_file
    from engage_desktop.core.importing.readers import HEAD_BYTES

    # A CP932 export several times longer than what the wizard reads: 30,000 lines, ~1.8 MB.
    lines = ["受注番号,注文日,メールアドレス,お名前,商品名,数量,金額"]
    for i in range(30_000):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 365)
        lines.append(f"R{i:06d},{day:%Y/%m/%d},c{i % 900}@example.jp,顧客{i % 900},石鹸「{i % 7}」,{1 + i % 3},{500 + i % 40 * 10}")
    path = tmp_path / "big.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    assert path.stat().st_size > 3 * HEAD_BYTES

    plan, shown = plan_and_preview(tmp_shop, str(path), ImportOptions())
    try:
        assert plan.src.partial and plan.src.csv_path.stat().st_size <= HEAD_BYTES * 2  # the head, not the file
        previewed = shown.table.as_dicts()
    finally:
        plan.close()
    assert [r["line"] for r in previewed] == list(range(2, 22)) and {r["fate"] for r in previewed} == {"ok"}

    result = import_file(tmp_shop, path)
    assert result.status == "imported" and result.read == 30_000
    written = {row[0]: row for row in tmp_shop.con.execute(
        "SELECT o.order_id, o.ordered_at, o.customer_name, l.product, l.quantity, l.amount, o.revenue "
        "FROM orders o JOIN order_lines l USING (source, order_id)").fetchall()}
    for row in previewed:  # what the preview said of the first rows is what the import wrote for them
        stored = written[row["order_id"]]
        assert (row["ordered_at"], row["customer"], row["product"], row["quantity"], row["amount"],
                row["order_revenue"]) == stored[1:]
    first = lines[1].split(",")
    assert previewed[0]["order_id"] == first[0] and previewed[0]["amount"] == Decimal(first[6])
