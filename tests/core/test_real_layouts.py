"""Layouts and quirks seen in exports that shops and tools published (issue 13), each written
here with made-up values: what was read wrong or refused before, read right now."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import ImportOptions, import_file, import_files
from engage_desktop.core.messages import in_language
from engage_desktop.core.metrics.report import build_report, report_text
from engage_desktop.core.store import Store
from tests.core.test_formats import shop_numbers
from tests.fixtures import exports
from tests.helpers import write_csv


def test_yahoo_order_and_item_files_given_together_are_joined(tmp_shop: Store, tmp_path: Path) -> None:
    orders, items, expected = exports.yahoo_order_and_items(tmp_path)
    [result] = import_files(tmp_shop, [items, orders])
    assert result.status == "imported", result.message
    assert result.file_name == "order.csv + item.csv" and result.format_name == "yahoo_shopping"
    assert shop_numbers(tmp_shop) == (expected.orders, expected.customers, expected.revenue, expected.cancelled)
    lines = tmp_shop.con.execute("SELECT order_id, product, quantity, amount FROM order_lines ORDER BY order_id, line_no").fetchall()
    assert lines == [("shop-10000001", "石鹸", Decimal("2.000"), Decimal("2000.00")),
                     ("shop-10000001", "タオル", Decimal("1.000"), Decimal("500.00")),
                     ("shop-10000002", "石鹸", Decimal("1.000"), Decimal("1000.00")),
                     ("shop-10000003", "ギフト", Decimal("1.000"), Decimal("1800.00"))]


def test_yahoo_item_file_alone_is_refused_saying_what_to_do(tmp_shop: Store, tmp_path: Path) -> None:
    _, items, _ = exports.yahoo_order_and_items(tmp_path)
    result = import_file(tmp_shop, items)
    assert result.status == "refused" and "order.csv" in result.message


def test_amazon_unshipped_report_without_prices_is_refused(tmp_shop: Store, tmp_path: Path) -> None:
    result = import_file(tmp_shop, exports.amazon_unshipped(tmp_path))
    assert result.status == "refused" and "no prices" in result.message


def test_a_chosen_format_whose_key_columns_are_missing_is_refused_naming_them(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.rakuten_current(tmp_path)  # the current layout, legacy format chosen
    result = import_file(tmp_shop, path, ImportOptions(format="rakuten_rms"))
    assert result.status == "refused"
    assert "受注番号" in result.message and "レコードナンバー" in result.message and "rakuten_rms_current" in result.message
    assert tmp_shop.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 0


def test_current_rakuten_names_customers_and_bills_what_they_paid(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.rakuten_current(tmp_path)
    result = import_file(tmp_shop, path)
    assert result.format_name == "rakuten_rms_current"
    assert result.dates["order_date"].layout == "mdy"  # 12/5/2023, re-saved by US Excel
    name, key, when = tmp_shop.con.execute(
        "SELECT customer_name, customer_key, ordered_at FROM orders WHERE order_id = '393415-20231205-0000001'").fetchone()
    assert name == "八田 小百合" and key == "e:rakuten:aaa111@pc.fw.rakuten.ne.jp"
    assert when == dt.datetime(2023, 12, 5, 20, 24, 50)  # 注文日 + 注文時間 keep the seconds


def test_shopify_without_cancelled_at_says_cancellations_cannot_be_seen(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Lineitem price", "Total",
             "Created at", "Currency"],
            ["#1", "a@example.com", "paid", "1", "Soap", "1000", "1000", "2026-06-01 10:00:00 +0900", "JPY"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "orders_export.csv", rows, newline="\n"))
    assert result.status == "imported"
    assert any("Cancelled at" in note for note in result.notes)


def test_square_without_its_time_zone_column_is_still_square(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Date", "Time", "Gross Sales", "Discounts", "Net Sales", "Total Collected", "Transaction ID", "Event Type",
             "Customer ID", "Customer Name"],
            ["2026-06-01", "14:05:10", "¥1,240", "¥0", "¥1,240", "¥1,240", "TX1", "Payment", "SQ1", "Aoki Ken"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "transactions.csv", rows, newline="\n"))
    assert result.format_name == "square_transactions" and result.status == "imported"


def test_missing_value_markers_are_empty_in_every_field(tmp_shop: Store, tmp_path: Path) -> None:
    # R's write.csv writes NA for a missing customer id: it became one customer with every order.
    rows = [["InvoiceNo", "InvoiceDate", "CustomerID", "Email", "Quantity", "UnitPrice"]]
    rows += [[str(536000 + i), "2024-01-02 10:00", marker, marker, "1", "10"]
             for i, marker in enumerate(["NA", "N/A", "#N/A", "NULL", "None", "-", "該当なし", "na", "n/a", "null"])]
    rows.append(["536100", "2024-01-02 11:00", "17850", "real@example.com", "1", "10"])
    result = import_file(tmp_shop, write_csv(tmp_path / "retail.csv", rows))
    assert result.status == "imported" and result.rejected == 0
    keys = tmp_shop.con.execute("SELECT DISTINCT customer_key FROM orders WHERE customer_key IS NOT NULL").fetchall()
    assert keys == [("e:real@example.com",)]


def test_an_invoice_with_a_credit_line_is_not_a_refund_of_its_whole_value(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["InvoiceNo", "InvoiceDate", "CustomerID", "Quantity", "UnitPrice", "Description"]
    rows = [header,
            # 536365: five lines, one of them a credit line: net 3 x 10 + 2 x 5 + 1 x 20 + 4 x 2.5 - 1 x 7 = 63
            ["536365", "12/1/2010 8:26", "17850", "3", "10", "A"], ["536365", "12/1/2010 8:26", "17850", "2", "5", "B"],
            ["536365", "12/1/2010 8:26", "17850", "1", "20", "C"], ["536365", "12/1/2010 8:26", "17850", "4", "2.5", "D"],
            ["536365", "12/1/2010 8:26", "17850", "-1", "7", "discount"],
            # C536379: a credit note, its own net total below zero: a refund of 27.50
            ["C536379", "12/1/2010 9:41", "14527", "-1", "27.50", "Discount"],
            ["536380", "12/1/2010 9:45", "14527", "2", "40", "E"],
            # a customer who returned more than they bought in the file: net below zero (-85)
            ["536391", "12/1/2010 9:50", "12000", "1", "5", "F"],
            ["C536390", "12/1/2010 10:00", "12000", "-3", "30", "Returned"]]
    import_file(tmp_shop, write_csv(tmp_path / "retail.csv", rows))
    got = dict(tmp_shop.con.execute("SELECT order_id, revenue FROM orders").fetchall())
    assert got == {"536365": Decimal("63.00"), "C536379": Decimal("-27.50"), "536380": Decimal("80.00"),
                   "536391": Decimal("5.00"), "C536390": Decimal("-90.00")}
    refunds = tmp_shop.con.execute("SELECT order_id FROM orders WHERE is_refund ORDER BY 1").fetchall()
    assert refunds == [("C536379",), ("C536390",)]
    report = build_report(tmp_shop)
    assert 0 <= report["ltv"]["top20_share"] <= 1
    assert all(0 <= t["share"] <= 1 for t in report["ltv"]["tiers"])


# -- currency and time zone ---------------------------------------------------------------
def test_a_dollar_shop_keeps_its_dollars_and_cents(tmp_shop: Store, tmp_path: Path) -> None:
    path, expected = exports.shopify_orders_usd(tmp_path)
    result = import_file(tmp_shop, path)
    assert (result.currency, result.currency_how) == ("USD", "column")
    assert (result.time_zone, result.time_zone_how) == ("America/New_York", "file")
    assert tmp_shop.stored_setting("currency") == "USD"
    report = build_report(tmp_shop)
    assert report["currency"] == "USD" and report["revenue"] == float(expected.revenue)
    assert "$35.75" in report_text(report) and "¥" not in report_text(report)
    # A late-evening order in New York stays in its month (it was moved to February in Tokyo time).
    assert [m["month"] for m in report["monthly"]][0] == "2024-01"
    assert report["ltv"]["tiers"][0]["name"] == "Top"
    from engage_desktop.core.metrics import ltv

    assert ltv.tiers(tmp_shop)[0].min_ltv == 500  # ¥50,000 a year is $500 in a dollar shop


def test_a_file_in_another_currency_is_refused_not_mixed(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.shopify_orders(tmp_path)  # JPY
    assert import_file(tmp_shop, path).currency == "JPY"
    (tmp_path / "us").mkdir()
    usd, _ = exports.shopify_orders_usd(tmp_path / "us")
    before = tmp_shop.con.execute("SELECT count(*), sum(revenue) FROM orders").fetchone()
    result = import_file(tmp_shop, usd)
    assert result.status == "refused" and "USD" in result.message and "JPY" in result.message
    assert tmp_shop.con.execute("SELECT count(*), sum(revenue) FROM orders").fetchone() == before


def test_a_file_that_mixes_currencies_is_refused(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Total", "Created at", "Currency",
             "Cancelled at"],
            ["#1", "a@example.com", "paid", "1", "Soap", "10", "2026-06-01 10:00:00 -0500", "USD", ""],
            ["#2", "b@example.com", "paid", "1", "Soap", "10", "2026-06-01 10:00:00 -0500", "CAD", ""]]
    result = import_file(tmp_shop, write_csv(tmp_path / "orders_export.csv", rows, newline="\n"))
    assert result.status == "refused" and "CAD" in result.message and "USD" in result.message


def test_currency_from_the_sign_in_the_amounts_or_assumed_and_said(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["Order", "Date", "Amount"], ["1", "2026-01-05", "£12.50"], ["2", "2026-01-06", "£7.25"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "uk.csv", rows))
    assert (result.currency, result.currency_how) == ("GBP", "symbol")
    assert tmp_shop.con.execute("SELECT sum(revenue) FROM orders").fetchone()[0] == Decimal("19.75")
    with Store(tmp_path / "other.duckdb") as fresh:
        plain = write_csv(tmp_path / "plain.csv", [["Order", "Date", "Amount"], ["1", "2026-01-05", "1200"]])
        result = import_file(fresh, plain)
        assert (result.currency, result.currency_how) == ("JPY", "assumed")


def test_a_new_shop_takes_the_computers_zone_when_the_file_has_no_offsets(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    monkeypatch.setenv("TZ", "Europe/London")
    tzlocal.reload_localzone()
    rows = [["Order", "Date", "Amount"], ["1", "2026-01-05 23:30", "12"]]
    with Store(tmp_path / "shop.duckdb") as store:
        result = import_file(store, write_csv(tmp_path / "o.csv", rows))
        assert (result.time_zone, result.time_zone_how) == ("Europe/London", "computer")
        assert store.stored_setting("time_zone") == "Europe/London"


def test_cli_summary_names_the_date_layout_currency_and_time_zone(tmp_path: Path) -> None:
    path, _ = exports.shopify_orders_usd(tmp_path)
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "import", "--db", str(tmp_path / "s.duckdb"), str(path)],
                          capture_output=True, text=True, encoding="utf-8", env={**__import__("os").environ})
    assert done.returncode == 0, done.stderr
    assert "Money in USD" in done.stdout and "New York" in done.stdout and "2024-12-31" in done.stdout
    report = subprocess.run([sys.executable, "-m", "engage_desktop", "report", "--json", "--db", str(tmp_path / "s.duckdb")],
                            capture_output=True, text=True, encoding="utf-8")
    assert json.loads(report.stdout)["currency"] == "USD"


# -- the generic mapping ------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "field"), [
    ("Total Cost", "amount"), ("Gross Sales", "amount"), ("GROSS AMT", "amount"), ("Net Sales", "order_total"),
    ("Customer Email", "email"), ("Buyer Email", "email"), ("注文者メールアドレス", "email"), ("請求金額", "order_total"),
    ("出荷確定日", "order_date"), ("お客様名", "name"), ("Buyer User ID", "customer_id"), ("Amount Refunded", "refund"),
    ("Order Shipping", "shipping"),
])
def test_common_columns_are_found_by_the_generic_mapping(header: str, field: str) -> None:
    from engage_desktop.core.importing.detect import detect

    det = detect([["Order ID", header, "Qty"], ["1", "x@example.com" if "mail" in header.lower() or "メール" in header
                                                else "2024-01-05" if "日" in header else "1200", "1"]], kind="orders")
    assert det.mapping.columns.get(field) == [1]


def test_family_and_given_name_columns_make_the_name(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "注文者姓", "注文者名", "注文者メールアドレス", "請求金額", "合計金額"],
            ["1", "2024/1/5", "八田", "小百合", "sayuri@example.jp", "6724", "7580"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows, encoding="cp932"))
    assert result.status == "imported", result.message
    name, revenue, key = tmp_shop.con.execute("SELECT customer_name, revenue, customer_key FROM orders").fetchone()
    assert (name, revenue, key) == ("八田 小百合", Decimal("6724.00"), "e:sayuri@example.jp")  # 請求金額 over 合計金額


def test_a_ship_date_is_the_date_only_when_there_is_no_order_date() -> None:
    from engage_desktop.core.importing.detect import detect

    det = detect([["注文番号", "出荷確定日", "注文日", "金額"], ["1", "2024/1/6", "2024/1/5", "100"]])
    assert det.mapping.columns["order_date"] == [2]


def test_an_nps_tool_export_is_a_survey(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["id", "score", "comment", "surveyed_at", "email"],
            *([str(i), str(s), "", f"2026-0{1 + i % 9}-10T10:00:00Z", f"c{i}@example.com"]
              for i, s in enumerate([10, 9, 9, 8, 7, 3, 10, 0, 6, 9]))]
    result = import_file(tmp_shop, write_csv(tmp_path / "nps.csv", rows, newline="\n"))
    assert (result.kind, result.status) == ("survey", "imported"), result.message
    promoters, detractors, answers = tmp_shop.con.execute(
        "SELECT count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(*) FROM survey_responses").fetchone()
    assert (promoters, detractors, answers) == (5, 3, 10)


def test_columns_are_found_by_what_they_hold_when_no_header_names_them(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["伝票", "いつ", "連絡先", "売上"],
            ["A1", "2024/3/1 10:00", "Hanako@Example.jp", "1200"], ["A2", "2024/3/2 11:00", "jiro@example.jp", "800"]]
    from engage_desktop.core.importing.detect import detect

    det = detect(rows)
    assert det.mapping.columns["order_date"] == [1] and det.mapping.columns["email"] == [2]


def test_the_currency_tells_which_zone_an_offset_belongs_to(tmp_shop: Store, tmp_path: Path) -> None:
    # +0200 in May is Paris and Johannesburg alike: a rand shop is in Johannesburg.
    rows = [["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Total", "Created at", "Currency",
             "Cancelled at"],
            ["#1", "a@example.co.za", "paid", "1", "Blanket", "450.00", "2021-05-13 11:01:12 +0200", "ZAR", ""]]
    result = import_file(tmp_shop, write_csv(tmp_path / "orders_export.csv", rows, newline="\n"))
    assert (result.time_zone, result.currency) == ("Africa/Johannesburg", "ZAR")


def test_rows_without_order_numbers_overlap_by_content_and_occurrence(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["日付", "商品", "金額"]  # an anonymous till log: each row a purchase
    twice = write_csv(tmp_path / "a.csv", [header, ["2026/1/1", "コーヒー", "400"], ["2026/1/1", "コーヒー", "400"]])
    first = import_file(tmp_shop, twice)
    assert (first.imported, first.skipped) == (2, 0)
    again = import_file(tmp_shop, twice)
    assert (again.status, again.imported, again.skipped) == ("nothing new", 0, 2)
    # A later export of the same day has a third identical sale: only the third is new.
    thrice = write_csv(tmp_path / "b.csv", [header, *[["2026/1/1", "コーヒー", "400"]] * 3])
    later = import_file(tmp_shop, thrice)
    assert (later.imported, later.skipped) == (1, 2)
    assert tmp_shop.con.execute("SELECT count(*), sum(revenue) FROM orders").fetchone() == (3, Decimal("1200.00"))


def test_a_customers_file_counts_as_known_customers(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.shopify_customers(tmp_path)
    import_file(tmp_shop, path)
    report = build_report(tmp_shop)
    assert (report["known_customers"], report["customers"]) == (3, 0)
    assert "3 known, 0 who bought" in report_text(report)


@pytest.mark.parametrize("question", [
    "顧客が商品を他人におすすめする可能性はどのくらいありますか?",
    "あなたはこの製品を友人や同僚にどの程度勧めたいですか?",
    "あなたはこの企業(製品/サービス/ブランド)を友人や同僚に薦める可能性は、どのくらいありますか?",
])
def test_the_articles_nps_wordings_are_the_nps_question(question: str) -> None:
    from engage_desktop.core.importing.surveys import question_field

    assert question_field(question, ["9", "10", "3"]) == "nps"


def test_a_google_forms_download_with_afternoon_times_imports(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["タイムスタンプ", "メールアドレス", exports.NPS_Q],
            ["2024/01/07 7:41:40 午後 GMT+9", "a@example.com", "10"],
            ["2024/01/08 9:05:00 午前 GMT+9", "b@example.com", "6"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "responses.csv", rows, newline="\n"))
    assert result.status == "imported" and result.rejected == 0
    times = [r[0] for r in tmp_shop.con.execute("SELECT answered_at FROM survey_responses ORDER BY 1").fetchall()]
    assert times == [dt.datetime(2024, 1, 7, 19, 41, 40), dt.datetime(2024, 1, 8, 9, 5)]


def test_shopify_cancelled_orders_are_told_by_cancelled_at_whatever_the_financial_status(tmp_shop: Store,
                                                                                        tmp_path: Path) -> None:
    rows = [["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Total", "Created at", "Currency",
             "Cancelled at"],
            ["#1", "a@example.com", "paid", "1", "Soap", "1000", "2026-06-01 10:00:00 +0900", "JPY",
             "2026-06-02 10:00:00 +0900"],
            ["#2", "b@example.com", "refunded", "1", "Soap", "800", "2026-06-01 11:00:00 +0900", "JPY",
             "2026-06-02 10:00:00 +0900"],
            ["#3", "c@example.com", "paid", "1", "Soap", "500", "2026-06-01 12:00:00 +0900", "JPY", ""]]
    import_file(tmp_shop, write_csv(tmp_path / "orders_export.csv", rows, newline="\n"))
    assert tmp_shop.con.execute(
        "SELECT order_id FROM orders WHERE NOT cancelled").fetchall() == [("#3",)]


# Etsy's "Sold Orders" download: tab-separated under a .csv name, US dates, one row per order, the buyer's Etsy
# account in "Buyer User ID" (empty for a guest checkout). Made-up values in the published layout.
ETSY_ORDERS_HEADER = ["Sale Date", "Order ID", "Buyer User ID", "Full Name", "First Name", "Last Name", "Number of Items",
                      "Payment Method", "Date Shipped", "Ship Country", "Currency", "Order Value", "Coupon Code",
                      "Discount Amount", "Shipping Discount", "Shipping", "Sales Tax", "Order Total", "Status",
                      "Card Processing Fees", "Order Net", "Buyer", "Order Type", "Payment Type", "SKU"]


def test_etsy_sold_orders_link_each_buyer_account(tmp_shop: Store, tmp_path: Path) -> None:
    """Every order became anonymous, silently: "Buyer User ID" was not read as the customer ID."""
    sales = [("12/30/2023", "3100000001", "kawaii4ever", "Aki  Mori", "16.88"),
             ("12/29/2023", "3100000002", "", "Guest Buyer", "9.50"),
             ("12/28/2023", "3100000003", "kawaii4ever", "Aki  Mori", "22.10"),
             ("11/02/2023", "3100000004", "stickerfan", "Lee Park", "5.25")]
    rows = [ETSY_ORDERS_HEADER] + [
        [day, order, buyer, name, name.split()[0], name.split()[-1], "1", "Credit Card", "", "United States", "USD",
         total, "", "0", "0", "3.00", "0", total, "", "0.50", total, name, "online", "online_cc", ""]
        for day, order, buyer, name, total in sales]
    result = import_file(tmp_shop, write_csv(tmp_path / "EtsySoldOrders2023.csv", rows, delimiter="\t", newline="\n"))
    assert result.status == "imported", result.message
    accounts = {buyer for _, _, buyer, _, _ in sales if buyer}
    revenue = sum(Decimal(total) for *_, total in sales)
    assert shop_numbers(tmp_shop) == (len(sales), len(accounts), revenue, 0)
    assert not [note for note in result.notes if "anonymous" in note]


def test_an_import_whose_orders_name_no_customer_says_so(tmp_path: Path) -> None:
    """Etsy's item-level download names the buyer only as "Name (account)", and carries the order's shipping
    on its first row ("Order Shipping"): the sales were anonymous without a word, and the shipping was lost."""
    header = ["Sale Date", "Item Name", "Buyer", "Quantity", "Price", "Discount Amount", "Order Shipping",
              "Order Sales Tax", "Item Total", "Currency", "Transaction ID", "Order ID", "Order Type"]
    items = [("12/26/21", "star stickers", "Aki Mori (kawaii4ever)", "1", "3.25", "1.50", "3.25", "9000001", "7000001"),
             ("12/26/21", "moon stickers", "Aki Mori (kawaii4ever)", "2", "2.00", "0", "4.00", "9000002", "7000001"),
             ("12/19/21", "sun stickers", "Lee Park (stickerfan)", "1", "3.35", "1.00", "3.35", "9000003", "7000002")]
    rows = [header] + [[day, item, buyer, qty, price, "0.00", shipping, "0", total, "USD", txn, order, "online"]
                       for day, item, buyer, qty, price, shipping, total, txn, order in items]
    path = write_csv(tmp_path / "EtsySoldOrderItems2021.csv", rows, newline="\n")
    expected = sum(Decimal(total) + Decimal(shipping) for *_, shipping, total, _, _ in items)
    for lang, words in (("en", "anonymous sales"), ("ja", "顧客のわからない売上")):
        with Store(tmp_path / f"{lang}.duckdb") as store:
            with in_language(lang):
                result = import_file(store, path)
            assert result.status == "imported", result.message
            assert shop_numbers(store) == (2, 0, expected, 0)
            [note] = [note for note in result.notes if words in note]
            assert "2" in note


STRIPE_HEADER = ["id", "Created date (UTC)", "Amount", "Amount Refunded", "Currency", "Captured", "Converted Amount",
                 "Converted Amount Refunded", "Converted Currency", "Decline Reason", "Description", "Fee", "Status",
                 "Seller Message", "Customer ID", "Customer Email", "Invoice ID"]


def test_stripe_payments_net_their_refunds_and_a_declined_card_in_another_currency_is_no_sale(
        tmp_shop: Store, tmp_path: Path) -> None:
    """Stripe's unified payments: "Amount Refunded" was not read (a partial refund stayed revenue), and one
    declined payment in AUD made the whole file "mixed currencies"."""
    payments = [("ch_001", "2024-09-20 17:40:57", "180.00", "0.00", "usd", "Paid", "cus_A", "a@example.com"),
                ("ch_002", "2024-09-21 09:02:11", "750.00", "195.00", "usd", "Paid", "cus_B", "b@example.com"),
                ("ch_003", "2024-09-22 12:00:00", "40.00", "40.00", "usd", "Refunded", "cus_A", "a@example.com"),
                ("ch_004", "2024-09-23 08:30:00", "25.00", "0.00", "aud", "Failed", "cus_C", "c@example.com"),
                ("ch_005", "2024-09-24 15:45:00", "60.00", "0.00", "usd", "Paid", "cus_C", "c@example.com")]
    rows = [STRIPE_HEADER] + [
        [pid, when, amount, refunded, cur, "true" if status != "Failed" else "false", amount, refunded, "usd",
         "card_declined" if status == "Failed" else "", "Subscription", "0.50", status,
         "Payment complete." if status != "Failed" else "Declined", customer, email, ""]
        for pid, when, amount, refunded, cur, status, customer, email in payments]
    result = import_file(tmp_shop, write_csv(tmp_path / "unified_payments.csv", rows, newline="\n"))
    assert result.status == "imported", result.message
    assert result.currency == "USD"
    paid = [p for p in payments if p[5] == "Paid"]
    revenue = sum(Decimal(amount) - Decimal(refunded) for _, _, amount, refunded, *_ in paid)
    assert (revenue, len(paid)) == (Decimal("795.00"), 3)
    orders, customers, got, _ = shop_numbers(tmp_shop)
    assert (orders, customers, got) == (len(paid), len({p[6] for p in paid}), revenue)


def test_a_partly_refunded_order_stays_a_sale_less_its_refund(tmp_shop: Store, tmp_path: Path) -> None:
    """A status with 返金 or refunded in it cancelled the order: 一部返金 (a partial refund) dropped the whole sale."""
    rows = [["注文番号", "注文日時", "メールアドレス", "金額", "返金額", "ステータス"],
            ["1", "2025/06/01 10:00", "a@x.jp", "5000", "1000", "一部返金"],
            ["2", "2025/06/02 10:00", "b@x.jp", "3000", "", "発送済み"],
            ["3", "2025/06/03 10:00", "c@x.jp", "4000", "500", "Partially refunded"],
            ["4", "2025/06/04 10:00", "d@x.jp", "2000", "", "返品あり(一部)"],
            ["5", "2025/06/05 10:00", "e@x.jp", "6000", "6000", "返金済み"],  # refunded as a whole: undone
            ["6", "2025/06/06 10:00", "f@x.jp", "7000", "", "キャンセル"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows, encoding="cp932")).status == "imported"
    revenue = (5000 - 1000) + 3000 + (4000 - 500) + 2000
    assert shop_numbers(tmp_shop) == (4, 4, Decimal(revenue), 2)


def test_one_number_at_two_times_in_a_file_is_said_not_mixed(tmp_shop: Store, tmp_path: Path) -> None:
    """5001 on 3 March for a@ and 5001 on 20 May for c@ became one order dated 3 March worth both, and c@ was in
    no table; which date it took changed from run to run."""
    rows = [["注文番号", "注文日時", "メールアドレス", "商品名", "金額"],
            ["5001", "2025/03/01 10:00", "a@x.jp", "石鹸", "1000"],
            ["5001", "2025/03/01 10:00", "a@x.jp", "タオル", "500"],  # a second line of the same sale
            ["5001", "2025/05/20 09:30", "c@x.jp", "石鹸", "3000"]]
    rows += [[str(6000 + n), f"2025/04/{1 + n:02d} 12:00", f"b{n}@x.jp", "石鹸", str(100 * n)] for n in range(1, 21)]
    result = import_file(tmp_shop, write_csv(tmp_path / "o.csv", rows, encoding="cp932"))
    assert result.status == "imported" and result.rejected == 3  # 5001 whole: its own rows and the other sale's
    assert shop_numbers(tmp_shop) == (20, 20, Decimal(sum(100 * n for n in range(1, 21))), 0)
    reasons = {j.line: j.reason for j in result.rejects}
    assert "line 2" in reasons[4] and "5001" in reasons[4]  # the other sale's row names the number's first line
    assert "line 4" in reasons[2] and "line 4" in reasons[3]  # the first sale's rows: rejected with it


def test_undoing_a_shop_s_first_import_gives_its_currency_and_time_zone_back(tmp_shop: Store, tmp_path: Path) -> None:
    """A dollar file imported into a new yen shop by mistake and undone left the shop in dollars and Chicago
    time: every yen file was then refused."""
    from engage_desktop.core.importing.pipeline import undo_import

    usd, _ = exports.shopify_orders_usd(tmp_path)
    wrong = import_file(tmp_shop, usd)
    assert tmp_shop.stored_setting("currency") == "USD"
    finished = tmp_shop.con.execute("SELECT finished_at FROM imports WHERE id = ?", [wrong.import_id]).fetchone()[0]
    undo_import(tmp_shop, wrong.import_id)
    assert tmp_shop.stored_setting("currency") is None and tmp_shop.stored_setting("time_zone") is None
    # the history keeps when the import was made; the undo is dated apart
    assert tmp_shop.con.execute("SELECT finished_at, undone_at IS NOT NULL FROM imports WHERE id = ?",
                                [wrong.import_id]).fetchone() == (finished, True)
    (tmp_path / "jp").mkdir()
    yen, expected = exports.shopify_orders(tmp_path / "jp")
    right = import_file(tmp_shop, yen)
    assert right.status == "imported" and tmp_shop.stored_setting("currency") == "JPY"
    assert shop_numbers(tmp_shop)[2] == expected.revenue


def test_a_setting_decided_by_an_import_others_were_read_under_stays(tmp_shop: Store, tmp_path: Path) -> None:
    from engage_desktop.core.importing.pipeline import undo_import

    first = import_file(tmp_shop, write_csv(tmp_path / "a.csv", [["Order", "Date", "Amount"], ["1", "2026-01-05", "$5"]]))
    import_file(tmp_shop, write_csv(tmp_path / "b.csv", [["Order", "Date", "Amount"], ["2", "2026-01-06", "$7"]]))
    undo_import(tmp_shop, first.import_id)
    assert tmp_shop.stored_setting("currency") == "USD"  # the second file is still read in dollars


def test_an_order_shipped_on_two_days_is_one_order(tmp_shop: Store, tmp_path: Path) -> None:
    """A 3PL's file dates each line by its shipping (出荷確定日): one order shipped in two parts is one sale."""
    rows = [["受注番号", "出荷確定日", "商品名", "金額"],
            ["A1", "2023/11/01", "石鹸", "1000"], ["A1", "2023/11/03", "タオル", "500"], ["A2", "2023/11/02", "石鹸", "800"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "shipped.csv", rows, encoding="cp932"))
    assert (result.status, result.rejected) == ("imported", 0)
    assert tmp_shop.con.execute("SELECT count(*), sum(revenue) FROM orders").fetchone() == (2, Decimal("2300.00"))
    # dated by its first shipment, the same every time: the file read again is nothing new
    assert tmp_shop.con.execute("SELECT ordered_at FROM orders WHERE order_id = 'A1'").fetchone()[0] == dt.datetime(2023, 11, 1)
    again = import_file(tmp_shop, write_csv(tmp_path / "shipped_again.csv", rows, encoding="cp932"))
    assert (again.status, again.rejected, again.updated) == ("nothing new", 0, 0)
