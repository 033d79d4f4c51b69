"""What the import says to the owner, in Japanese as in English: reject reasons quote the cell, name the
column as the file names it and say what to do; refusals are in the owner's language, name a missing field
by its label, never list every column of a wide export, and say where the rejected rows are.

The expected texts are written out here by hand: they are what the owner reads."""

from __future__ import annotations

import re
from pathlib import Path

from engage_desktop.core.importing.fields import field_label
from engage_desktop.core.importing.kinds import KINDS, column_label
from engage_desktop.core.importing.pipeline import ImportOptions, import_file, summary_line, undo_import
from engage_desktop.core.importing.preview import plan_and_preview
from engage_desktop.core.importing.readings import currency_text, date_reading_text, zone_text
from engage_desktop.core.importing.dates import DateReading
from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import in_language
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import write_csv

HEADER = ["注文番号", "注文日", "メールアドレス", "数量", "金額"]


def orders(n: int) -> list[list[str]]:
    return [HEADER, *([f"A{i}", "2026/1/1", f"c{i}@example.jp", "1", "1000"] for i in range(1, n + 1))]


def ascii_words(text: str, *allowed: str) -> list[str]:
    """Runs of ASCII letters in ``text`` once the allowed words (file names, CSV…) are taken out."""
    for word in allowed:
        text = text.replace(word, "")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_a_reject_in_japanese_quotes_the_cell_names_the_column_as_the_file_does_and_says_what_to_do(
        tmp_shop: Store, tmp_path: Path) -> None:
    rows = orders(20)
    rows[3][1] = "13/31/2024"
    rows[5][4] = "千円"
    with in_language("ja"):
        result = import_file(tmp_shop, write_csv(tmp_path / "注文.csv", rows, encoding="cp932"))
    assert (result.status, result.imported, result.rejected) == ("imported", 18, 2)
    by_line = {r.line: r for r in result.rejects}
    assert by_line[4].column == "注文日"
    assert by_line[4].reason == (
        "注文日の「13/31/2024」を日付として読めません。このファイルの日付は 2024-12-31、2024/12/31 のように書かれています。"
        "ファイルの日付を直すか、日付の書き方を選び直してから、もう一度取り込んでください。")
    assert by_line[6].column == "金額"
    assert by_line[6].reason == (
        "金額の「千円」を金額として読めません。ファイルで数字（1980 や 1,980 など）に直してから、もう一度取り込んでください。")
    with in_language("ja"):
        assert summary_line(result) == ("注文.csv: 汎用 注文データ、Shift_JIS（CP932）。読んだ行 20、取り込んだ行 18、"
                                        "読めなかった行 2、対象外の行 0")


def test_a_reject_in_english_says_the_same(tmp_shop: Store, tmp_path: Path) -> None:
    rows = orders(20)
    rows[3][1] = "13/31/2024"
    result = import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows, encoding="cp932"))
    assert [(r.line, r.column, r.reason) for r in result.rejects] == [(
        4, "注文日", '注文日: "13/31/2024" is not a date. This file\'s dates are written like 2024-12-31, 2024/12/31. '
        "Correct the date in the file, or choose how its dates are written, and import again.")]


def test_a_refused_file_is_told_in_japanese_with_where_to_see_its_rejected_rows(tmp_shop: Store, tmp_path: Path) -> None:
    rows = orders(10)
    for row in rows[1:6]:
        row[1] = "2026/13/45"  # half the rows: more than the 20% a file may lose
    with in_language("ja"):
        result = import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows, encoding="cp932"))
    assert result.status == "refused" and len(result.rejects) == 5
    assert result.message == (
        "orders.csv: 10行のうち5行（50%）を読めませんでした。読めなかった行が上限の20%を超えたため、何も取り込んでいません。"
        "読めなかった行とその理由は、この結果と一緒に一覧で表示されます。取り込み画面の「読めなかった行をCSVで保存…」で保存"
        "できます。ファイルか列の対応づけを直してから、もう一度取り込んでください。")
    assert ascii_words(result.message, "orders.csv", "CSV") == []
    assert ascii_words(result.rejects[0].reason) == []


def test_a_file_with_no_row_to_import_says_the_first_reason_in_japanese(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "金額"], *([f"B{i}", "2026/1/1", "無料"] for i in range(5))]
    with in_language("ja"):
        result = import_file(tmp_shop, write_csv(tmp_path / "b.csv", rows, encoding="cp932"))
    assert result.status == "refused"
    assert result.message == (
        "b.csv: 取り込める行が1行もなかったため（全5行）、何も取り込んでいません。最初の理由: 2行目: 金額の「無料」を"
        "金額として読めません。ファイルで数字（1980 や 1,980 など）に直してから、もう一度取り込んでください。 "
        "読めなかった行とその理由は、この結果と一緒に一覧で表示されます。取り込み画面の「読めなかった行をCSVで保存…」で保存"
        "できます。")


def test_a_missing_field_is_named_by_its_label_and_a_wide_file_is_not_listed_whole(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["注文番号", "注文日", "税込価格", *(f"項目{i}" for i in range(1, 156))]  # 158 columns, as Rakuten's
    rows = [header, *([f"A{n}", "2026/1/1", "(税込)", *("あ" for _ in range(155))] for n in range(3))]
    path = write_csv(tmp_path / "wide.csv", rows, encoding="cp932")
    with in_language("ja"):
        result = import_file(tmp_shop, path, ImportOptions(kind="orders"))
    assert result.status == "refused"
    assert result.message == (
        "wide.csv に「合計金額」、「明細の金額」または「単価」の列が見つかりません。当てはまりそうな列: 「税込価格」"
        "（ほかに157列）。取り込み画面の「列の対応づけ」でその列を選んでから、もう一度取り込んでください。")
    english = import_file(tmp_shop, path, ImportOptions(kind="orders"))
    assert english.message == (
        'wide.csv: no column was found for "Order total", "Line amount" or "Unit price". Columns that may be it: '
        '"税込価格" (and 157 other columns). Choose the column in the import window\'s column mapping and import '
        "again.")
    assert "項目1" not in english.message


def test_a_file_with_nothing_like_the_field_shows_only_its_first_columns(tmp_shop: Store, tmp_path: Path) -> None:
    header = ["Timestamp", "Full Name", "Programme of study", "Year", "Email"]
    rows = [header, ["2024/01/07 7:41:40 PM GMT", "Ama", "Maths", "2", "ama@example.com"]]
    result = import_file(tmp_shop, write_csv(tmp_path / "Form Responses 1.csv", rows))
    assert result.status == "refused"
    assert result.message == (
        'Form Responses 1.csv: no column was found for "Recommend (0-10)", "Fan degree (1-6)" or "Liking (1-7)". '
        'No column looks like it (the file has 5 columns; the first: "Timestamp", "Full Name", "Programme of study"). '
        "Choose the column in the import window's column mapping and import again.")


def test_a_recognised_layout_that_cannot_be_imported_says_why_in_japanese(tmp_shop: Store, tmp_path: Path) -> None:
    with in_language("ja"):
        result = import_file(tmp_shop, exports.amazon_unshipped(tmp_path))
    assert result.status == "refused"
    assert result.message.endswith(
        ": これはAmazonの未出荷注文レポートです。価格の列がないため、取り込むとすべての売上が0になってしまいます。"
        "セラーセントラルから全注文レポートをダウンロードして、そちらを取り込んでください。")


def test_an_undo_of_an_unknown_import_is_said_in_japanese(tmp_shop: Store) -> None:
    with in_language("ja"):
        try:
            undo_import(tmp_shop, 42)
        except EngageError as exc:
            said = str(exc)
    assert said == "取り込み #42 はありません。取り込み履歴で番号を確かめてください。"


def test_labels_of_kinds_formats_and_fields_are_one_msgid_each_in_both_languages(tmp_shop: Store, tmp_path: Path) -> None:
    path, _ = exports.rakuten(tmp_path)
    result = import_file(tmp_shop, path)
    assert result.format_label == "Rakuten RMS orders"  # stored as the msgid, said in the owner's language
    assert tmp_shop.con.execute("SELECT format_label FROM imports").fetchone() == ("Rakuten RMS orders",)
    with in_language("ja"):
        from engage_desktop.core.messages import t

        assert t(result.format_label) == "楽天RMS 受注データ"
        assert [t(k.label) for k in KINDS.values()] == ["注文データ", "顧客データ", "アンケート回答"]
        assert [field_label(f) for f in ("order_id", "order_date", "nps")] == ["注文番号", "注文日時", "おすすめ度（0〜10）"]
        assert [column_label(c) for c in KINDS["orders"].preview_columns] == [
            "注文番号", "注文日時", "顧客", "商品名", "数量", "明細の金額", "注文の売上", "キャンセル"]
    assert [column_label(c) for c in KINDS["orders"].preview_columns] == [
        "Order number", "Order date", "Customer", "Product name", "Quantity", "Line amount", "Order revenue", "Cancelled"]


def test_the_preview_shows_who_the_customer_is_never_an_internal_key(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [["注文番号", "注文日", "メールアドレス", "お名前", "金額"],
            ["A1", "2026/1/1", "a@example.jp", "山田 花子", "100"],
            ["A2", "2026/1/1", "b@example.jp", "", "100"],
            ["A3", "2026/1/1", "", "", "100"]]
    plan, shown = plan_and_preview(tmp_shop, str(write_csv(tmp_path / "o.csv", rows)), ImportOptions())
    try:
        assert [r["customer"] for r in shown.table.as_dicts()] == ["山田 花子", "b@example.jp", None]
    finally:
        plan.close()


def test_how_a_file_is_read_is_said_in_the_owner_s_words() -> None:
    reading = DateReading(layout="mdy", ambiguous=True)
    with in_language("ja"):
        assert date_reading_text("Date", reading) == (
            "Dateの日付は 12/31/2024 の形式で読みますが、月と日を逆にしても読めます。日付を確かめるか、日付の書き方を"
            "選んでください。")
        assert currency_text("GBP", "symbol") == "金額は英国ポンドです（金額の通貨記号から）。"
        assert zone_text("Asia/Tokyo", "computer") == "時刻は日本時間です（このパソコンのタイムゾーン）。"
        assert zone_text("Etc/GMT-9", "file") == "時刻はUTC+9です（ファイルの時差表記から）。"
    assert currency_text("GBP", "symbol") == "Money in GBP, from the sign in its amounts."
    assert zone_text("Asia/Tokyo", "shop") == "Times in Japan Time, the shop's time zone."


def test_skip_reasons_are_said_in_japanese(tmp_shop: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "o.csv", [*orders(3), [""] * len(HEADER)], encoding="cp932")
    with in_language("ja"):
        first = import_file(tmp_shop, path)
        again = import_file(tmp_shop, path)
    assert first.skipped_detail == {"空の行": 1}
    assert again.skipped_detail == {"すでにショップにある（取り込み #1）": 3, "空の行": 1}
    base, _ = exports.base(tmp_path)
    with in_language("ja"):
        assert import_file(tmp_shop, base).skipped_detail == {"オプションの行（上の商品にまとめました）": 1}


def test_the_preview_of_a_file_missing_an_essential_column_says_so_and_stages_nothing(
        tmp_shop: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "no_date.csv", [["注文番号", "品名", "金額"], ["A1", "石鹸", "100"]], encoding="cp932")
    with in_language("ja"):
        plan, shown = plan_and_preview(tmp_shop, str(path), ImportOptions())
    try:
        assert shown.table.rows == []
        assert shown.problem == (
            "no_date.csv に「注文日時」の列が見つかりません。当てはまる列が見つかりません（ファイルには3列あります。先頭の列: "
            "「注文番号」、「品名」、「金額」）。取り込み画面の「列の対応づけ」でその列を選んでから、もう一度取り込んで"
            "ください。")
    finally:
        plan.close()
