"""Sequences that lost data or counted it twice (issue 14), each reproduced with real files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engage_desktop.core.importing.pipeline import ImportOptions, import_file, undo_import
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import write_csv


def revenue(store: Store) -> Decimal:
    return store.con.execute("SELECT coalesce(sum(revenue), 0) FROM orders WHERE NOT cancelled").fetchone()[0]


def test_a_till_and_a_web_shop_with_the_same_numbers_are_two_sources(tmp_shop: Store, tmp_path: Path) -> None:
    till = [["伝票番号", "日付", "売上"], *([str(n), f"2025/5/{1 + n % 28}", "500"] for n in range(1, 101))]
    web = [["注文番号", "注文日", "メールアドレス", "金額"],
           *([str(n), f"2025/6/{1 + n % 28}", f"c{n}@example.jp", "1000"] for n in range(1, 101))]
    first = import_file(tmp_shop, write_csv(tmp_path / "till.csv", till, encoding="cp932"))
    second = import_file(tmp_shop, write_csv(tmp_path / "web.csv", web, encoding="cp932"))
    assert (first.imported, second.imported, second.skipped) == (100, 100, 0), second.message
    assert first.source_name != second.source_name
    assert revenue(tmp_shop) == 100 * 500 + 100 * 1000


def shopify_store(folder: Path, customer: str, day: int) -> Path:
    header = ["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Total", "Created at", "Currency",
              "Cancelled at"]
    rows = [header, *([f"#{1000 + n}", f"{customer}{n}@example.com", "paid", "1", "Soap", "1000",
                       f"2026-0{day}-{10 + n % 10} 10:00:00 +0900", "JPY", ""] for n in range(1, 11))]
    folder.mkdir(exist_ok=True)
    return write_csv(folder / "orders_export.csv", rows, newline="\n")


def test_a_second_shopify_store_is_refused_until_the_owner_names_it(tmp_shop: Store, tmp_path: Path) -> None:
    assert import_file(tmp_shop, shopify_store(tmp_path / "a", "a", 3)).imported == 10
    second = shopify_store(tmp_path / "b", "b", 5)  # #1001-#1010 again: other days, other customers
    refused = import_file(tmp_shop, second)
    assert refused.status == "refused" and "its own source" in refused.rejects[0].reason
    assert revenue(tmp_shop) == 10_000
    named = import_file(tmp_shop, second, ImportOptions(source="Shopify 2号店"))
    assert (named.status, named.imported, named.source_name) == ("imported", 10, "Shopify 2号店")
    assert revenue(tmp_shop) == 20_000


def rakuten_export(folder: Path, states: dict[str, tuple[str, str]]) -> Path:
    """order -> (status, total): a later export of the same orders in their newer states."""
    rows = [exports.RAKUTEN_CURRENT_HEADER]
    for n, (order, (status, total)) in enumerate(sorted(states.items())):
        rows.append(exports.rakuten_current_row(order, status, ("12/5/2023 20:24", "12/5/2023", "20:24:50"), "八田",
                                                "小百合", ("80", "1234", "5678"), f"r{n}@pc.fw.rakuten.ne.jp",
                                                (total, "0", "0", total), "石鹸", total, "1"))
    folder.mkdir(exist_ok=True)
    return write_csv(folder / "rakuten.csv", rows, encoding="cp932")


def test_a_later_export_updates_cancelled_and_refunded_orders_and_undo_restores_them(tmp_shop: Store,
                                                                                     tmp_path: Path) -> None:
    before = {"R1": ("500", "3000"), "R2": ("500", "2000"), "R3": ("300", "1000")}
    first = import_file(tmp_shop, rakuten_export(tmp_path / "a", before))
    assert revenue(tmp_shop) == 6000
    # A month later: R1 cancelled, R2's bill reduced (a partial refund), R3 unchanged.
    after = {"R1": ("900", "3000"), "R2": ("500", "1500"), "R3": ("300", "1000")}
    later = import_file(tmp_shop, rakuten_export(tmp_path / "b", after))
    assert (later.status, later.updated, later.updated_ids, later.skipped) == ("imported", 2, ["R1", "R2"], 1)
    # said, with the orders' numbers (the CLI and the import window both print the notes)
    assert any("2 orders already in the shop were replaced" in n and "R1, R2" in n for n in later.notes), later.notes
    assert revenue(tmp_shop) == 1500 + 1000
    # The other order of imports gives the same shop: the newer state is the later import's.
    undo_import(tmp_shop, later.import_id)
    assert revenue(tmp_shop) == 6000
    assert tmp_shop.con.execute("SELECT count(*) FROM order_versions").fetchone()[0] == 0
    undo_import(tmp_shop, first.import_id)
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 0


def test_undoing_an_earlier_import_hands_shared_orders_to_the_later_one(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "メールアドレス", "金額"],
            *([f"A{n}", f"2025/1/{1 + n % 28}", f"c{n % 9}@example.jp", "100"] for n in range(240))]
    first = import_file(tmp_shop, write_csv(tmp_path / "jan.csv", rows[:201]))  # A0-A199
    later = import_file(tmp_shop, write_csv(tmp_path / "jan_full.csv", [rows[0], *rows[150:]]))  # A149-A239
    assert (later.imported, later.skipped) == (40, 51)
    undo_import(tmp_shop, first.import_id)
    # A0-A148 go with the first import; A149-A239 stay: the later import brought them too.
    orders = tmp_shop.con.execute("SELECT count(*), min(import_id), max(import_id) FROM orders").fetchone()
    assert orders == (91, later.import_id, later.import_id)
    undo_import(tmp_shop, later.import_id)
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 0


def test_survey_answers_are_the_same_whatever_the_file_looks_like(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["タイムスタンプ", "メールアドレス", exports.NPS_Q, exports.FAN_Q, exports.LIKING_Q]
    answers = [[f"2026/6/{1 + n % 28} 10:{n % 60:02d}:00", f"r{n}@example.jp", str(n % 11), "ファンではない", "好き"]
               for n in range(300)]
    first = import_file(tmp_shop, write_csv(tmp_path / "a.csv", [header, *answers], newline="\n"))
    assert first.imported == 300
    # Google Forms after a question was added; re-saved as CP932; as TSV; with the columns reordered.
    added = write_csv(tmp_path / "b.csv", [[*header, "ご意見"], *([*a, "とても良い"] for a in answers)])
    cp932 = write_csv(tmp_path / "c.csv", [header, *answers], encoding="cp932")
    tsv = write_csv(tmp_path / "d.tsv", [header, *answers], delimiter="\t")
    order = [2, 0, 4, 1, 3]
    reordered = write_csv(tmp_path / "e.csv", [[r[i] for i in order] for r in [header, *answers]])
    for path in (added, cp932, tsv, reordered):
        result = import_file(tmp_shop, path)
        assert (result.status, result.imported, result.skipped) == ("nothing new", 0, 300), (path.name, result.message)
    assert tmp_shop.con.execute("SELECT count(*) FROM survey_responses").fetchone()[0] == 300


def test_rejects_are_counted_per_row_not_per_bad_column(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["注文番号", "注文日", "メールアドレス", "お名前", "金額"]
    good = [[f"A{n}", "2025/1/5", f"c{n}@example.jp", "客", "100"] for n in range(100)]
    short = [[f"S{n}"] for n in range(6)]  # each row misses four columns
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", [header, *good, *short]))
    assert (result.read, result.imported, result.rejected) == (106, 100, 6)
    assert len({r.line for r in result.rejects}) == 6 == len(result.rejects)
    # 7 bad rows of 107 (6.5%) are well under the 20% that refuses a file.
    seven = import_file(tmp_shop, write_csv(tmp_path / "p.csv", [header, *good, *[[f"T{n}"] for n in range(7)]]))
    assert seven.status in ("imported", "nothing new") and seven.rejected == 7


def test_an_amount_too_large_is_a_reject_of_its_own_row(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "数量", "単価"], ["A1", "2025/1/1", "999999999999", "99999999"],
            *([f"B{n}", "2025/1/1", "1", "100"] for n in range(9))]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows))
    assert (result.status, result.imported, result.rejected) == ("imported", 9, 1)
    assert "more than an amount can hold" in result.rejects[0].reason
    rows = [["注文番号", "注文日", "金額"], ["A1", "2025/1/1", "99999999999999999999"],
            *([f"B{n}", "2025/1/1", "100"] for n in range(9))]
    result = import_file(tmp_shop, write_csv(tmp_path / "p.csv", rows))
    assert result.rejected == 1 and result.rejects[0].reason == (
        '金額: "99999999999999999999" is more than an amount can hold (16 digits). Correct the amount in the file and '
        "import again.")
