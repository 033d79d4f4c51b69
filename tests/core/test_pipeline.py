"""The import pipeline: all or nothing, every row accounted for, nothing twice, undo."""

from __future__ import annotations

import subprocess
import sys

from decimal import Decimal
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import STEP, ImportOptions, import_file, plan_import, undo_import
from engage_desktop.core.store import Store
from engage_desktop.core.tasks import TaskState
from tests.helpers import table_checksums, write_csv, write_xlsx

GENERIC_HEADER = ["注文番号", "注文日", "メールアドレス", "お名前", "商品名", "数量", "単価", "金額"]


# What a reject says of a date this file's layout cannot read (core speaks English in tests).
NOT_A_DATE = ('{column}: "{value}" is not a date. This file\'s dates are written like 2024-12-31, 2024/12/31. Correct '
              "the date in the file, or choose how its dates are written, and import again.")

def generic_rows(orders: range, bad: set[int] = frozenset()) -> list[list[str]]:
    """One line per order; order n costs n x 100 yen; orders in ``bad`` have an unreadable date."""
    rows = [GENERIC_HEADER]
    for n in orders:
        date = "2024/13/45" if n in bad else f"2024/{(n % 12) + 1}/{(n % 28) + 1}"
        rows.append([f"A{n:04d}", date, f"c{n % 7}@example.com", f"客 {n % 7}", "石鹸", "1", str(n * 100), str(n * 100)])
    return rows


def revenue(store: Store) -> Decimal:
    return store.con.execute("SELECT coalesce(sum(revenue), 0) FROM orders").fetchone()[0]


def test_cp932_file_imports_every_row(tmp_shop: Store, tmp_path: Path) -> None:
    rows = generic_rows(range(1, 51))
    rows[1][3] = "髙橋 﨑子"
    rows[1][4] = "①セット～㈱"
    path = write_csv(tmp_path / "orders.csv", rows, encoding="cp932")
    result = import_file(tmp_shop, path)
    assert result.status == "imported", result.message
    assert result.encoding == "cp932"
    assert (result.read, result.imported, result.rejected, result.skipped) == (50, 50, 0, 0)
    assert revenue(tmp_shop) == sum(n * 100 for n in range(1, 51))
    name, product = tmp_shop.con.execute(
        "SELECT customer_name, product FROM orders JOIN order_lines USING (source, order_id) WHERE order_id = 'A0001'"
    ).fetchone()
    assert (name, product) == ("髙橋 﨑子", "①セット～㈱")
    import hashlib

    stored = tmp_shop.con.execute("SELECT file_name, file_size, sha256, encoding, status FROM imports").fetchone()
    assert stored == ("orders.csv", path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest(), "cp932", "imported")


def test_accounting_identity_holds_with_bad_rows(tmp_shop: Store, tmp_path: Path) -> None:
    rows = generic_rows(range(1, 21), bad={3, 9})
    rows.append(["A0099", "2024/1/1", "x@example.com", "客", "石鹸", "1", "¥1,000"])  # one column short
    rows.append([""] * len(GENERIC_HEADER))  # an empty row
    rows[5][7] = "千円"  # an amount that is not a number
    path = write_csv(tmp_path / "orders.csv", rows)
    result = import_file(tmp_shop, path)
    assert result.status == "imported"
    assert result.read == 22
    assert result.read == result.imported + result.rejected + result.skipped
    assert (result.imported, result.rejected, result.skipped) == (17, 4, 1)
    reasons = sorted(r.reason for r in result.rejects)
    assert '金額: "千円" is not an amount. Write it as a number (such as 1980 or 1,980) in the file and import again.' in reasons
    assert reasons.count(NOT_A_DATE.format(column="注文日", value="2024/13/45")) == 2
    assert any("fewer columns" in r for r in reasons)
    stored = tmp_shop.con.execute(
        "SELECT rows_read, rows_imported, rows_rejected, rows_skipped FROM imports WHERE id = ?", [result.import_id]
    ).fetchone()
    assert stored == (22, 17, 4, 1)
    assert tmp_shop.con.execute("SELECT count(*) FROM import_rejects").fetchone()[0] == 4
    # The rejected order 5 (amount 千円) is not in the shop, the others are.
    assert revenue(tmp_shop) == sum(n * 100 for n in range(1, 21) if n not in (3, 9, 5))


def test_one_bad_line_rejects_its_whole_order(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [GENERIC_HEADER,
            ["B1", "2024/1/1", "a@example.com", "A", "石鹸", "1", "100", "100"],
            ["B1", "2024/1/1", "a@example.com", "A", "タオル", "二", "100", "200"],
            *generic_rows(range(1, 11))[1:]]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows))
    assert result.rejected == 2
    assert {r.reason for r in result.rejects} == {
        '数量: "二" is not a quantity. Write it as a number (such as 2) in the file and import again.',
        "Another row of this order (line 3) was rejected, and an order is imported whole or not at all. Correct that "
        "row and import again."}
    assert tmp_shop.con.execute("SELECT count(*) FROM orders WHERE order_id = 'B1'").fetchone()[0] == 0


def test_line_numbers_hold_in_a_file_scanned_in_parallel_on_a_busy_computer(tmp_path: Path) -> None:
    # 300,000 rows span several of DuckDB's row groups, which two threads scan at once:
    # a row's number must still be its place in the file. With both cores busy elsewhere
    # (a laptop doing other work), numbering rows by the table's rowid put a block of rows out
    # of file order in about half of the imports: three imports make the check all but certain.
    bad = {7, 150_001, 299_998}
    path = write_csv(tmp_path / "big.csv", generic_rows(range(1, 300_001), bad=bad))
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for attempt in range(3):
            with Store(tmp_path / f"shop{attempt}.duckdb") as store:
                result = import_file(store, path)
            assert (result.read, result.imported, result.rejected) == (300_000, 299_997, 3)
            for reject in result.rejects:
                assert reject.reason == NOT_A_DATE.format(column="注文日", value="2024/13/45")
                assert reject.text == lines[reject.line - 1]  # line 1 is the header
            assert sorted(r.line for r in result.rejects) == [n + 1 for n in sorted(bad)]
    finally:
        for process in busy:
            process.kill()
            process.wait()


def test_refused_file_leaves_the_shop_unchanged(tmp_shop: Store, tmp_path: Path) -> None:
    import_file(tmp_shop, write_csv(tmp_path / "first.csv", generic_rows(range(1, 11))))
    before = table_checksums(tmp_shop.con)
    mostly_bad = generic_rows(range(11, 21), bad=set(range(11, 16)))  # 50% rejected
    result = import_file(tmp_shop, write_csv(tmp_path / "bad.csv", mostly_bad))
    assert result.status == "refused"
    assert "5 of 10 rows" in result.message and "Nothing was imported" in result.message
    assert table_checksums(tmp_shop.con) == before


def test_header_only_file_is_refused(tmp_shop: Store, tmp_path: Path) -> None:
    result = import_file(tmp_shop, write_csv(tmp_path / "h.csv", [GENERIC_HEADER]))
    assert result.status == "refused"
    assert "no data rows" in result.message


@pytest.mark.parametrize("cancel_at_step", [0, 1, 2, 3, 4])
def test_cancelled_import_leaves_the_shop_unchanged(tmp_shop: Store, tmp_path: Path, cancel_at_step: int) -> None:
    import_file(tmp_shop, write_csv(tmp_path / "first.csv", generic_rows(range(1, 11))))
    before = table_checksums(tmp_shop.con)
    state = TaskState()

    def on_progress(done: int, total: int, message: str) -> None:
        if done == cancel_at_step * STEP:  # the start of each step
            state.cancel()

    state.on_progress(on_progress)
    result = import_file(tmp_shop, write_csv(tmp_path / "second.csv", generic_rows(range(11, 200))), state=state)
    assert result.status == "cancelled"
    assert table_checksums(tmp_shop.con) == before


def test_reimport_and_overlap_add_nothing_twice(tmp_shop: Store, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "jan.csv", generic_rows(range(1, 31)))
    assert import_file(tmp_shop, first).imported == 30
    after_first = table_checksums(tmp_shop.con)

    again = import_file(tmp_shop, first)
    assert again.status == "nothing new"
    assert (again.imported, again.skipped) == (0, 30)
    assert table_checksums(tmp_shop.con)["orders"] == after_first["orders"]
    assert table_checksums(tmp_shop.con)["order_lines"] == after_first["order_lines"]

    overlap = write_csv(tmp_path / "jan-feb.csv", generic_rows(range(21, 41)))
    result = import_file(tmp_shop, overlap)
    assert (result.imported, result.skipped) == (10, 10)
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 40
    assert revenue(tmp_shop) == sum(n * 100 for n in range(1, 41))


def test_undo_removes_exactly_one_import(tmp_shop: Store, tmp_path: Path) -> None:
    import_file(tmp_shop, write_csv(tmp_path / "a.csv", generic_rows(range(1, 11))))
    before = table_checksums(tmp_shop.con)
    second = import_file(tmp_shop, write_csv(tmp_path / "b.csv", generic_rows(range(11, 21))))
    import_file(tmp_shop, write_csv(tmp_path / "c.csv", generic_rows(range(21, 26))))
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 25

    undo_import(tmp_shop, second.import_id)
    ids = {r[0] for r in tmp_shop.con.execute("SELECT DISTINCT import_id FROM orders").fetchall()}
    assert ids == {1, 3}
    assert revenue(tmp_shop) == sum(n * 100 for n in list(range(1, 11)) + list(range(21, 26)))
    undo_import(tmp_shop, 3)
    after = table_checksums(tmp_shop.con)
    for table in ("orders", "order_lines", "customers", "import_rejects", "survey_responses"):
        assert after[table] == before[table], table
    statuses = tmp_shop.con.execute("SELECT id, status FROM imports ORDER BY id").fetchall()
    assert statuses == [(1, "imported"), (2, "undone"), (3, "undone")]
    # An undone file can be imported again.
    assert import_file(tmp_shop, tmp_path / "b.csv").imported == 10


def test_generic_mapping_and_synthetic_order_ids(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Date", "Email", "Product", "Qty", "Unit Price"],
            ["2024-03-01", "A@Example.com ", "Soap", "2", "¥1,200"],
            ["2024-03-02", "b@example.com", "Towel", "1", "800円"],
            ["2024-03-02", "b@example.com", "Towel", "1", "800円"]]  # the same row twice: two towels
    result = import_file(tmp_shop, write_csv(tmp_path / "shop.csv", rows))
    assert result.format_name == "generic_orders"
    assert result.needs_confirmation
    assert dict(result.mapping) == {"order_date": "Date", "email": "Email", "product": "Product",
                                    "quantity": "Qty", "unit_price": "Unit Price"}
    assert (result.imported, result.skipped) == (3, 0)
    # 2 x 1,200 + 800 + 800: line amount = qty x unit price; b's two rows at one time are one order of two lines
    assert revenue(tmp_shop) == Decimal("4000")
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 2
    assert any("no order numbers" in note for note in result.notes)
    keys = sorted(r[0] for r in tmp_shop.con.execute("SELECT customer_key FROM customers").fetchall())
    assert keys == ["e:a@example.com", "e:b@example.com"]


def test_explicit_mapping_wins(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["伝票", "日付", "売上"], ["X1", "2024/5/1", "500"], ["X2", "2024/5/2", "700"]]
    path = write_csv(tmp_path / "till.csv", rows)
    guessed = plan_import(tmp_shop, path)
    assert "order_id" not in guessed.detection.mapping.columns
    guessed.close()
    result = import_file(tmp_shop, path, ImportOptions(mapping={"order_id": "伝票", "amount": "売上"}))
    assert result.status == "imported"
    assert sorted(r[0] for r in tmp_shop.con.execute("SELECT order_id FROM orders").fetchall()) == ["X1", "X2"]


def test_xlsx_import_keeps_ids_as_text(tmp_shop: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "o.xlsx", {"Sheet1": [
        ["注文番号", "注文日", "顧客ID", "金額"], [1001, "2024/01/05", 12345678901234, 1500], [1002, "2024/01/06", 7, 2500]]})
    result = import_file(tmp_shop, path)
    assert result.status == "imported", result.message
    rows = tmp_shop.con.execute("SELECT order_id, customer_id, source FROM orders ORDER BY order_id").fetchall()
    source = rows[0][2]  # a customer id is scoped to the source that issued it (id:<source>:<id>)
    assert rows == [("1001", "12345678901234", source), ("1002", "7", source)]
    keys = tmp_shop.con.execute("SELECT customer_key FROM orders ORDER BY order_id").fetchall()
    assert keys == [(f"id:{source}:12345678901234",), (f"id:{source}:7",)]


def test_timestamps_land_in_the_shop_time_zone(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["order id", "date", "total"],
            ["1", "2024-01-31T16:30:00+00:00", "100"],  # 2024-02-01 01:30 in Tokyo
            ["2", "2024-01-31 23:30:00 +0900", "100"],
            ["3", "45322.5", "100"]]  # Excel serial: 2024-01-31 12:00
    import_file(tmp_shop, write_csv(tmp_path / "t.csv", rows))
    got = dict(tmp_shop.con.execute("SELECT order_id, strftime(ordered_at, '%Y-%m-%d %H:%M') FROM orders").fetchall())
    assert got == {"1": "2024-02-01 01:30", "2": "2024-01-31 23:30", "3": "2024-01-31 12:00"}


def test_money_and_phone_normalisation(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "電話番号", "お名前", "合計金額"],
            ["1", "20240105", "'+81-90-1234-5678", "山田　太郎", "￥１，２００"],
            ["2", "2024/1/6", "090-1234-5678", "山田 太郎", "-$45.00"],
            ["3", "2024/1/7", "", "", "'3000"]]
    import_file(tmp_shop, write_csv(tmp_path / "m.csv", rows, encoding="cp932"))
    got = tmp_shop.con.execute("SELECT order_id, revenue, phone, customer_key FROM orders ORDER BY order_id").fetchall()
    assert got == [
        ("1", Decimal("1200.00"), "09012345678", "np:山田太郎:09012345678"),
        ("2", Decimal("-45.00"), "09012345678", "np:山田太郎:09012345678"),
        ("3", Decimal("3000.00"), None, None),  # anonymous: counts as revenue, not a customer
    ]
    assert tmp_shop.con.execute("SELECT count(*) FROM customers").fetchone()[0] == 1


def test_customers_updated_per_import_equal_a_full_rebuild(tmp_shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.importing.identity import rebuild_customers_sql
    from tests.fixtures import exports

    (tmp_path / "s").mkdir()
    import_file(tmp_shop, write_csv(tmp_path / "a.csv", generic_rows(range(1, 30))))
    first = import_file(tmp_shop, exports.shopify_orders(tmp_path / "s")[0])
    import_file(tmp_shop, exports.google_forms(tmp_path / "s"))
    import_file(tmp_shop, write_csv(tmp_path / "b.csv", generic_rows(range(30, 45))))
    undo_import(tmp_shop, first.import_id)
    incremental = table_checksums(tmp_shop.con)["customers"]
    everyone = ("SELECT customer_key FROM orders UNION SELECT customer_key FROM customer_records "
                "UNION SELECT customer_key FROM survey_responses UNION SELECT customer_key FROM customers")
    tmp_shop.con.execute(rebuild_customers_sql(everyone))
    assert table_checksums(tmp_shop.con)["customers"] == incremental
    assert incremental[0] > 0


def test_a_customer_keeps_the_latest_name_and_phone_they_gave(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["注文番号", "注文日", "メールアドレス", "お名前", "電話番号", "商品名", "金額"]
    rows = [header,
            ["C1", "2024/1/1", "k@example.jp", "旧姓 花子", "090-1111-2222", "石鹸", "100"],
            ["C2", "2024/3/1", "k@example.jp", "新姓 花子", "", "石鹸", "100"],
            ["C3", "2024/5/1", "K@Example.jp", "", "", "石鹸", "100"]]  # the latest order gave neither
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    assert tmp_shop.con.execute("SELECT customer_key, customer_name, phone FROM customers").fetchall() == [
        ("e:k@example.jp", "新姓 花子", "09011112222")]


def test_order_level_values_may_sit_on_any_row_of_the_order(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["注文番号", "注文日", "メールアドレス", "お名前", "商品名", "金額"]
    rows = [header,
            ["D1", "2024/1/1", "", "", "石鹸", "100"],  # the order's e-mail and name are on its second row
            ["D1", "", "d@example.jp", "山田 太郎", "タオル", "200"],
            ["D2", "2024/1/2", "e@example.jp", "", "石鹸", "300"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows)).status == "imported"
    assert tmp_shop.con.execute(
        "SELECT order_id, ordered_at::DATE::VARCHAR, email, customer_name, revenue FROM orders ORDER BY order_id"
    ).fetchall() == [("D1", "2024-01-01", "d@example.jp", "山田 太郎", Decimal("300.00")),
                     ("D2", "2024-01-02", "e@example.jp", None, Decimal("300.00"))]


def test_an_order_without_a_date_or_an_amount_on_any_row_is_rejected(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["注文番号", "注文日", "メールアドレス", "商品名", "金額"]
    rows = [header,
            ["E1", "", "a@example.jp", "石鹸", "100"],  # no date on any row of E1
            ["E1", "", "a@example.jp", "タオル", "200"],
            ["E2", "2024/1/2", "b@example.jp", "石鹸", ""],  # no amount anywhere in E2
            ["E3", "", "c@example.jp", "石鹸", "300"],  # E3's date is on its second row: fine
            ["E3", "2024/1/3", "c@example.jp", "タオル", "400"],
            *(["F" + str(n), "2024/2/1", "f@example.jp", "石鹸", "10"] for n in range(12))]  # under the 20% limit
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows))
    assert (result.read, result.imported, result.rejected) == (17, 14, 3)
    assert sorted((r.line, r.reason) for r in result.rejects) == [
        (2, "The order has no date on any of its rows (注文日). Fill in the date in the file and import again."),
        (3, "The order has no date on any of its rows (注文日). Fill in the date in the file and import again."),
        (4, "The order has no amount on any of its rows (金額). Fill in the amount in the file and import again.")]
    assert tmp_shop.con.execute("SELECT revenue FROM orders WHERE order_id = 'E3'").fetchone() == (Decimal("700.00"),)
    assert tmp_shop.con.execute("SELECT count(*) FROM orders WHERE order_id IN ('E1', 'E2')").fetchone() == (0,)


def test_reject_lines_are_file_lines_past_blank_lines_line_breaks_and_refused_rows(tmp_shop: Store, tmp_path: Path) -> None:
    lines = ["注文番号,注文日,メールアドレス,金額"] + [f"A{i},2024/1/1,a@x.jp,100" for i in range(1, 30)]
    lines[2] = "A2,2024/1/1,a@x.jp"  # a column short: refused by the CSV reader
    lines[4] = ""  # a blank line
    lines[6] = 'A6,2024/1/1,"a@x.jp\nnote",100'  # a line break inside a cell
    lines[10] = "A10,2024/13/45,a@x.jp,100"  # a date that is not one
    text = "\r\n".join(lines) + "\r\n"
    path = tmp_path / "o.csv"
    path.write_bytes(text.encode("cp932"))
    result = import_file(tmp_shop, path)
    physical = text.replace("\r\n", "\n").split("\n")  # what an editor shows as lines 1, 2, …
    by_line = {r.line: r for r in result.rejects}
    assert sorted(by_line) == [3, 12]
    assert physical[3 - 1] == "A2,2024/1/1,a@x.jp" == by_line[3].text
    assert physical[12 - 1] == "A10,2024/13/45,a@x.jp,100" == by_line[12].text
    assert by_line[12].reason == NOT_A_DATE.format(column="注文日", value="2024/13/45")
    assert by_line[3].column == "金額" and "fewer columns than the header row" in by_line[3].reason


def test_reject_lines_of_a_file_with_two_header_rows(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Respondent ID", "Collector ID", "End Date", "Email Address", "How likely are you to recommend us?"],
            ["", "", "", "", "Response"],
            *([str(n), "1", "2026-01-0{} 10:00:00".format(1 + n % 9), f"r{n}@example.jp", str(n % 11)] for n in range(12))]
    rows[5][2] = "not a date"  # file line 6
    result = import_file(tmp_shop, write_csv(tmp_path / "survey.csv", rows))
    assert result.format_name == "surveymonkey"
    assert [(r.line, r.reason) for r in result.rejects] == [(6, NOT_A_DATE.format(column="End Date", value="not a date"))]


def test_xlsx_reject_lines_are_sheet_rows(tmp_shop: Store, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"] = "注文番号", "注文日", "メールアドレス", "金額"  # data from row 3
    row = 4
    for n in range(12):
        if n == 5:
            row += 1  # a blank sheet row
        sheet.cell(row, 2, f"X{n}"), sheet.cell(row, 3, "2026/1/2"), sheet.cell(row, 4, "x@example.jp"), sheet.cell(row, 5, 100)
        row += 1
    sheet["C12"] = "not a date"  # X7: rows 4-8 hold X0-X4, row 9 is blank, X5 is row 10
    book.save(tmp_path / "o.xlsx")
    result = import_file(tmp_shop, tmp_path / "o.xlsx")
    assert [(r.line, r.reason) for r in result.rejects] == [(12, NOT_A_DATE.format(column="注文日", value="not a date"))]
    assert result.rejects[0].text.startswith("X7,")


def test_cancel_answers_within_a_second_while_a_big_file_is_decoded(tmp_shop: Store, tmp_path: Path) -> None:
    import threading
    import time

    path = write_csv(tmp_path / "big.csv", generic_rows(range(1, 600_000)), encoding="cp932")
    state, seen, asked = TaskState(), [], []

    def cancel() -> None:
        asked.append(time.monotonic())
        state.cancel()

    state.on_progress(lambda done, total, message: seen.append((done, message)))
    timer = threading.Timer(0.3, cancel)
    timer.start()
    result = import_file(tmp_shop, path, state=state)
    assert result.status == "cancelled" and time.monotonic() - asked[0] < 1.0
    decoding = [d for d, m in seen if m.startswith("Reading big.csv (")]
    assert len(decoding) >= 2 and decoding == sorted(decoding)  # progress moves while the file is decoded


def test_a_batch_reports_progress_over_all_its_files(tmp_shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.importing.pipeline import import_batch

    files = [write_csv(tmp_path / f"{n}.csv", generic_rows(range(100 * n, 100 * n + 50))) for n in range(1, 4)]
    state, seen = TaskState(), []
    state.on_progress(lambda done, total, message: seen.append((done, total)))
    results = import_batch(tmp_shop, [(p, ImportOptions()) for p in files], state)
    assert [r.status for r in results] == ["imported"] * 3
    assert {total for _, total in seen} == {3 * 5 * STEP} and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_row_is_empty_only_when_every_cell_is_blank_mapped_or_not(tmp_shop, tmp_path) -> None:
    rows = [["注文番号", "注文日", "金額", "メモ", "備考"],
            ["A1", "2026/1/5", "1000", "", ""],
            ["", "", "", "　", "\t "],          # blanks only (a full-width space, a tab): an empty row
            ["", "", "", "", "ギフト包装"],      # text in a column nobody reads: not empty, a row without an order
            ["A2", "2026/1/6", "500", "", ""]]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows))
    assert (result.read, result.imported, result.skipped, result.rejected) == (4, 2, 1, 1)
    assert list(result.skipped_detail.values()) == [1]
    assert result.rejects[0].line == 4
