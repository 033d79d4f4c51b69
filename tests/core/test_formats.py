"""Every platform's export is recognised by name and imported with the right numbers."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engage_desktop.core.importing.detect import detect
from engage_desktop.core.importing.formats import FORMATS
from engage_desktop.core.importing.pipeline import ImportOptions, import_file, plan_import
from engage_desktop.core.importing.readers import read_source
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.fixtures.exports import Expected
from tests.helpers import write_csv


def shop_numbers(store: Store) -> tuple[int, int, Decimal, int]:
    """(orders, customers with an order, revenue, cancelled orders), read straight from the tables."""
    return store.con.execute(
        """SELECT count(*) FILTER (WHERE NOT cancelled AND NOT is_refund),
                  count(DISTINCT customer_key) FILTER (WHERE NOT cancelled),
                  coalesce(sum(revenue) FILTER (WHERE NOT cancelled), 0),
                  count(*) FILTER (WHERE cancelled)
           FROM orders"""
    ).fetchone()


@pytest.mark.parametrize("fixture", exports.ORDER_FIXTURES, ids=lambda f: f.__name__)
def test_order_export_is_detected_and_imported(tmp_shop: Store, tmp_path: Path,
                                               fixture: Callable[[Path], tuple[Path, Expected]]) -> None:
    path, expected = fixture(tmp_path)
    plan = plan_import(tmp_shop, path)
    assert plan.detection.format_name == expected.format_name
    assert plan.detection.confidence >= 0.8
    assert not plan.detection.needs_confirmation
    plan.close()
    result = import_file(tmp_shop, path)
    assert result.status == "imported", result.message
    assert result.rejected == 0, result.rejects
    assert result.read == result.imported + result.skipped
    assert shop_numbers(tmp_shop) == (expected.orders, expected.customers, expected.revenue, expected.cancelled)


@pytest.mark.parametrize("fixture", exports.CUSTOMER_FIXTURES, ids=lambda f: f.__name__)
def test_customer_export_is_detected_and_imported(tmp_shop: Store, tmp_path: Path,
                                                  fixture: Callable[[Path], tuple[Path, Expected]]) -> None:
    path, expected = fixture(tmp_path)
    result = import_file(tmp_shop, path)
    assert (result.format_name, result.kind) == (expected.format_name, "customers")
    assert result.status == "imported", result.message
    assert tmp_shop.con.execute("SELECT count(*) FROM customers").fetchone()[0] == expected.customers


def test_shopify_customer_ids_and_phones_lose_the_apostrophe(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.shopify_customers(tmp_path)
    import_file(tmp_shop, path)
    rows = tmp_shop.con.execute(
        "SELECT customer_id, phone, customer_name, total_spent FROM customer_records ORDER BY customer_id").fetchall()
    assert rows == [("7001", "09011112222", "高橋 一郎", Decimal("6300.00")),
                    ("7002", None, "佐藤 花子", Decimal("2000.00")),
                    ("7003", "09033334444", None, Decimal("0.00"))]


def test_base_option_rows_fold_into_the_item_above(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.base(tmp_path)
    result = import_file(tmp_shop, path)
    assert result.skipped_detail == {"option row, folded into the item above": 1}
    lines = tmp_shop.con.execute(
        "SELECT line_no, product, amount FROM order_lines WHERE order_id = 'B001' ORDER BY line_no").fetchall()
    assert lines == [(1, "石鹸 商品オプション「ギフト包装：あり」", Decimal("2000.00")), (2, "タオル", Decimal("1500.00"))]


def test_rakuten_full_width_headers_time_column_and_sentinel(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.rakuten(tmp_path)
    src = read_source(path, tmp_path)
    assert "注文者電話番号１" in src.headers  # written full-width, matched half-width
    import_file(tmp_shop, path)
    rows = tmp_shop.con.execute(
        "SELECT order_id, strftime(ordered_at, '%Y-%m-%d %H:%M:%S'), shipping, phone FROM orders ORDER BY order_id"
    ).fetchall()
    assert rows[0] == ("123456-20260105-0000001", "2026-01-05 09:30:05", Decimal("500.00"), "0312345678")
    assert rows[2][2] is None  # -99999 = no value
    names = {r[0] for r in tmp_shop.con.execute("SELECT customer_name FROM customers").fetchall()}
    assert "髙橋 﨑子" in names


def test_amazon_utc_is_converted_and_cp932_report_reads(tmp_shop: Store, tmp_path: Path) -> None:
    path, expected = exports.amazon_orders(tmp_path, encoding="cp932")  # reports before 2021-11 are CP932
    result = import_file(tmp_shop, path)
    assert result.encoding == "cp932" and result.format_name == "amazon_orders"
    first = tmp_shop.con.execute(
        "SELECT strftime(ordered_at, '%Y-%m-%d %H:%M') FROM orders WHERE order_id = '503-0000001-0000001'").fetchone()
    assert first == ("2026-02-01 01:30",)
    assert shop_numbers(tmp_shop)[2] == expected.revenue


def test_anonymous_sales_are_said_out_loud(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.airregi(tmp_path)
    result = import_file(tmp_shop, path)
    assert any("anonymous" in note for note in result.notes)
    assert tmp_shop.con.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_relay_addresses_stay_in_their_channel_real_emails_merge(tmp_shop: Store, tmp_path: Path) -> None:
    shopify, _ = exports.shopify_orders(tmp_path)  # a@example.com, b@example.com
    base, _ = exports.base(tmp_path)  # a@example.com again, c and d
    (tmp_path / "r").mkdir()
    rows = [exports.RAKUTEN_HEADER,
            exports.rakuten_row("1-1", "発送後", "2026/1/5", "10:00:00", "高橋", "一郎", ("090", "1111", "2222"),
                                "abc123@pc.fw.rakuten.ne.jp", "1000", "0", "石鹸", "1000", "1", 1)]
    rakuten = write_csv(tmp_path / "r" / "rakuten.csv", rows, encoding="cp932")
    amazon_rows = [exports.AMAZON_HEADER,
                   ["503-9", "1", "2026-01-01T00:00:00+00:00", "", "abc123@marketplace.amazon.co.jp", "高橋 一郎", "",
                    "S", "石鹸", "1", "JPY", "1000", "0", "0", "0", "0", "0", "", "", "", "", "", "", "JP"]]
    amazon = write_csv(tmp_path / "r" / "amazon.txt", amazon_rows, delimiter="\t")
    for path in (shopify, base, rakuten, amazon):
        assert import_file(tmp_shop, path).status == "imported"
    keys = dict(tmp_shop.con.execute("SELECT customer_key, channels FROM customers").fetchall())
    assert keys["e:a@example.com"] == "base,shopify"  # one person, two channels
    assert "e:rakuten:abc123@pc.fw.rakuten.ne.jp" in keys
    assert "e:amazon:abc123@marketplace.amazon.co.jp" in keys


def test_google_forms_answers_map_to_levels(tmp_shop: Store, tmp_path: Path) -> None:
    shopify, _ = exports.shopify_orders(tmp_path)
    import_file(tmp_shop, shopify)
    result = import_file(tmp_shop, exports.google_forms(tmp_path))
    assert result.format_name == "google_forms" and result.kind == "survey"
    assert result.status == "imported", result.message
    assert dict(result.mapping)["nps"] == exports.NPS_Q
    rows = tmp_shop.con.execute(
        "SELECT email, nps, fan_level, liking, customer_key FROM survey_responses ORDER BY answered_at").fetchall()
    assert rows == [
        ("a@example.com", 10, 6, 7, "e:a@example.com"),  # full-width ！ still matches
        ("b@example.com", 8, 3, 5, "e:b@example.com"),
        ("nobody@example.com", 3, 1, 2, "e:nobody@example.com"),
        (None, 9, 2, 6, None),  # numbered answers; unlinked but counted
    ]
    buyers = {k for (k,) in tmp_shop.con.execute("SELECT DISTINCT customer_key FROM orders").fetchall()}
    assert {"e:a@example.com", "e:b@example.com"} <= buyers


def test_surveymonkey_two_header_rows(tmp_shop: Store, tmp_path: Path) -> None:
    result = import_file(tmp_shop, exports.surveymonkey(tmp_path))
    assert result.format_name == "surveymonkey", result.message
    assert (result.read, result.imported) == (2, 2)
    rows = tmp_shop.con.execute("SELECT nps, fan_level, liking FROM survey_responses ORDER BY nps").fetchall()
    assert rows == [(6, 2, 4), (9, 5, 7)]


def test_unknown_japanese_layout_imports_through_generic_mapping(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["受注番号", "購入日", "メールアドレス", "合計"],
            ["J-1", "2026/1/2", "a@example.jp", "１，５００"], ["J-2", "2026/1/3", "b@example.jp", "2,500円"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "mise.csv", rows, encoding="cp932"))
    assert result.format_name == "generic_orders" and result.needs_confirmation
    assert dict(result.mapping) == {"order_id": "受注番号", "order_date": "購入日", "email": "メールアドレス",
                                    "order_total": "合計"}
    assert shop_numbers(tmp_shop) == (2, 2, Decimal("4000"), 0)


def test_confirmed_mapping_is_remembered_for_the_same_headers(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["伝票", "日", "客", "売上"], ["1", "2026/1/1", "a@example.jp", "100"]]
    first = write_csv(tmp_path / "a.csv", rows)
    mapping = {"order_id": "伝票", "order_date": "日", "email": "客", "amount": "売上"}
    assert import_file(tmp_shop, first, ImportOptions(mapping=mapping, save_mapping=True)).status == "imported"
    later = write_csv(tmp_path / "b.csv", [["売上", "伝票", "客", "日"], ["300", "2", "b@example.jp", "2026/2/1"]])
    result = import_file(tmp_shop, later)
    assert result.format_label == "Generic orders (saved mapping)"
    assert not result.needs_confirmation
    assert shop_numbers(tmp_shop)[2] == Decimal("400")


def test_every_format_definition_is_complete() -> None:
    names = [f.name for f in FORMATS]
    assert len(names) == len(set(names))
    for fmt in FORMATS:
        assert fmt.signature and fmt.label
        if fmt.kind == "orders" and not fmt.refusal:
            assert "order_date" in fmt.fields


def test_ambiguous_signature_is_flagged() -> None:
    # Both Google Forms signatures present: which language? Ask the owner.
    det = detect([["タイムスタンプ", "Timestamp", "x"], ["2026/1/1", "2026/1/1", "1"]])
    assert det.needs_confirmation
