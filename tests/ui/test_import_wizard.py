"""The import wizard drives the real pipeline: detect, map, preview, import, cancel, report."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from engage_desktop.core import messages
from engage_desktop.ui.import_wizard import ImportWizard
from tests.fixtures import exports
from tests.helpers import table_checksums, write_csv


@pytest.fixture(autouse=True)
def _core_in_japanese() -> None:
    """The window is Japanese (tests/ui/conftest.py): so is what core says in it."""
    messages.set_language("ja")


def open_wizard(qtbot: Any, window: Any, paths: list[Path]) -> ImportWizard:
    window.import_files([str(p) for p in paths])
    wizard = window.findChildren(ImportWizard)[-1]  # the newest (earlier ones may linger, closed)
    qtbot.waitUntil(lambda: all(e.info is not None or e.error for e in wizard.entries), timeout=30_000)
    return wizard


def test_cp932_file_through_the_wizard(qtbot: Any, open_shop: Any, on_db: Any, tmp_path: Path) -> None:
    window = open_shop(tmp_path / "shop.duckdb")
    path, expected = exports.rakuten(tmp_path)
    wizard = open_wizard(qtbot, window, [path])
    entry = wizard.entries[0]
    assert entry.info["format"] == "rakuten_rms" and entry.info["encoding"] == "cp932"
    assert "楽天RMS 受注データ" in wizard.detected.text()
    # The mapping is shown with the file's original (full-width) headers, each field by its label alone.
    combos = {wizard.mapping.cellWidget(r, 0).text().strip(): wizard.mapping.cellWidget(r, 1)
              for r in range(wizard.mapping.rowCount())}
    assert "注文番号" in combos and not any("_" in label or "(" in label for label in combos)
    phone = combos["電話番号"]
    assert isinstance(phone, QComboBox) and phone.currentText() == "注文者電話番号１ + 注文者電話番号２ + 注文者電話番号３"
    # The preview shows the rows as they will be imported, before anything is written.
    assert wizard.preview_model.rowCount() == 4
    assert wizard.preview_model.value(0, 1) == "取り込む"
    assert on_db(lambda s: s.con.execute("SELECT count(*) FROM orders").fetchone()[0]) == 0

    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=30_000)
    assert "読んだ行 4、取り込んだ行 4、読めなかった行 0、対象外の行 0" in wizard.summary.text()
    orders, revenue = on_db(lambda s: s.con.execute(
        "SELECT count(*) FILTER (WHERE NOT cancelled), sum(revenue) FILTER (WHERE NOT cancelled) FROM orders").fetchone())
    assert (orders, revenue) == (expected.orders, Decimal(expected.revenue))
    wizard.accept()


def test_rejected_rows_are_reported_with_reasons(qtbot: Any, open_shop: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_shop(tmp_path / "shop.duckdb")
    rows = [["注文番号", "注文日", "メールアドレス", "金額"]] + [[f"A{i}", "2026/1/1", "a@x.jp", "1000"] for i in range(20)]
    rows[3][1] = "2026/13/40"
    wizard = open_wizard(qtbot, window, [write_csv(tmp_path / "orders.csv", rows, encoding="cp932")])
    assert wizard.preview_model.value(2, 1) == (
        "読めない: 注文日の「2026/13/40」を日付として読めません。このファイルの日付は 2024-12-31、2024/12/31 のように"
        "書かれています。"
        "ファイルの日付を直すか、日付の書き方を選び直してから、もう一度取り込んでください。")
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=30_000)
    assert "取り込んだ行 19、読めなかった行 1" in wizard.summary.text()
    assert wizard.rejects_model.rowCount() == 1
    assert wizard.rejects_model.value(0, 2) == "注文日"  # the column as the file names it
    assert wizard.rejects_model.value(0, 3) == (
        "注文日の「2026/13/40」を日付として読めません。このファイルの日付は 2024-12-31、2024/12/31 のように書かれています。"
        "ファイルの日付を直すか、日付の書き方を選び直してから、もう一度取り込んでください。")
    assert wizard.save_rejects.isEnabled()
    # The reason gets the room: wider than the file's name and the row as the file had it.
    view = wizard.rejects_view
    assert view.columnWidth(3) > max(view.columnWidth(0), view.columnWidth(4))
    saved = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(saved), "CSV (*.csv)"))
    wizard.export_rejects()
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["ファイル", "行番号", "列", "理由", "元の内容"]  # the owner's words, not field keys
    assert written[1][:3] == ["orders.csv", "4", "注文日"]
    wizard.accept()

    again = open_wizard(qtbot, window, [tmp_path / "orders.csv"])  # the same file: nothing is new
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.pages.currentIndex() == 2, timeout=30_000)
    assert "新しいデータなし（読めた行はすべてショップにあります）" in again.summary.text()  # not "all rows"
    again.accept()


def test_cancel_midway_leaves_the_shop_unchanged(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path,
                                                 tmp_path: Path) -> None:
    window = open_shop(sample_shop)
    before = on_db(lambda s: table_checksums(s.con))
    rows = [["注文番号", "注文日時", "メールアドレス", "商品名", "金額"]]
    rows += [[f"Z{i:07d}", f"2026/{1 + i % 12}/{1 + i % 28} 10:00", f"c{i % 5000}@x.jp", "石鹸", str(500 + i % 700)]
             for i in range(300_000)]
    big = write_csv(tmp_path / "big.csv", rows, encoding="cp932")
    wizard = open_wizard(qtbot, window, [big])
    wizard.progress.valueChanged.connect(lambda _: wizard.cancel_button.isEnabled() and wizard.cancel_button.click())
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=60_000)
    assert "中止しました" in wizard.summary.text()
    assert on_db(lambda s: table_checksums(s.con)) == before
    wizard.accept()


def test_the_wizard_says_how_dates_money_and_times_are_read_and_the_owner_can_choose(
        qtbot: Any, open_shop: Any, on_db: Any, tmp_path: Path) -> None:
    window = open_shop(tmp_path / "shop.duckdb")
    rows = [["Order", "Date", "Amount"], ["1", "01/02/2024", "£12.50"], ["2", "03/04/2024", "£7.25"]]
    wizard = open_wizard(qtbot, window, [write_csv(tmp_path / "uk.csv", rows)])
    text = wizard.read_as.text()
    assert "Dateの日付は 12/31/2024 の形式で読みますが、月と日を逆にしても読めます" in text  # M/D or D/M: check
    assert "金額は英国ポンドです（金額の通貨記号から）。" in text
    assert "時刻は日本時間です（このパソコンのタイムゾーン）。" in text
    assert "£12.50" in [wizard.preview_model.data(wizard.preview_model.index(0, c)) for c in range(wizard.preview_model.columnCount())]
    # A UK file: day first.
    wizard.dates.setCurrentIndex(wizard.dates.findData("dmy"))
    wizard.dates.activated.emit(wizard.dates.currentIndex())
    qtbot.waitUntil(lambda: wizard.entries[0].info is not None and "31/12/2024" in wizard.read_as.text(), timeout=30_000)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=30_000)
    assert "英国ポンド" in wizard.summary.text() and "Dateの日付は 31/12/2024 の形式で読みます（指定どおり）" in wizard.summary.text()
    days = on_db(lambda s: [r[0].isoformat() for r in s.con.execute(
        "SELECT CAST(ordered_at AS DATE) FROM orders ORDER BY 1").fetchall()])
    assert days == ["2024-02-01", "2024-04-03"]
    assert on_db(lambda s: s.stored_setting("currency")) == "GBP"


def test_a_second_store_is_named_in_the_wizard(qtbot: Any, open_shop: Any, on_db: Any, tmp_path: Path) -> None:
    from tests.core.test_nothing_lost import shopify_store

    window = open_shop(tmp_path / "shop.duckdb")
    first = open_wizard(qtbot, window, [shopify_store(tmp_path / "a", "a", 3)])
    assert first.source.currentText() == "Shopify"
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.pages.currentIndex() == 2, timeout=30_000)
    first.accept()
    second = open_wizard(qtbot, window, [shopify_store(tmp_path / "b", "b", 5)])
    assert second.preview_model.value(0, 1).startswith("読めない: 注文番号「#1001」は、別の売上としてすでにショップにあります")
    assert "取り込み画面の「取り込み元」に新しい名前を付けて" in second.preview_model.value(0, 1)
    second.source.setCurrentText("Shopify 2号店")
    second.source.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: second.entries[0].info is not None and second.entries[0].options.source == "Shopify 2号店"
                    and second.preview_model.value(0, 1) == "取り込む", timeout=30_000)
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.pages.currentIndex() == 2, timeout=30_000)
    assert on_db(lambda s: s.con.execute("SELECT count(*) FROM orders").fetchone()[0]) == 20
    assert on_db(lambda s: sorted(r[0] for r in s.con.execute("SELECT name FROM sources").fetchall())) == [
        "Shopify", "Shopify 2号店"]


def test_the_preview_speaks_the_owner_s_words_not_internal_keys(qtbot: Any, open_shop: Any, tmp_path: Path) -> None:
    window = open_shop(tmp_path / "shop.duckdb")
    rows = [["注文番号", "注文日", "メールアドレス", "お名前", "商品名", "数量", "金額"],
            ["A1", "2026/1/1", "a@example.jp", "山田 花子", "石鹸", "2", "1000"],
            ["A2", "2026/1/1", "", "", "タオル", "1.5", "300"]]
    wizard = open_wizard(qtbot, window, [write_csv(tmp_path / "orders.csv", rows, encoding="cp932")])
    model = wizard.preview_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["行番号", "扱い", "注文番号", "注文日時", "顧客", "商品名", "数量", "明細の金額", "注文の売上",
                       "キャンセル"]
    shown = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert shown[0][4] == "山田 花子" and shown[1][4] == "—"  # who bought, never a key like e:a@example.jp
    assert (shown[0][6], shown[1][6]) == ("2", "1.5")  # quantities are numbers, not money
    assert shown[0][7].startswith("¥") or shown[0][7].endswith("円")
    assert "汎用 注文データ" in wizard.detected.text() and wizard.files.item(0).text().endswith("汎用 注文データ")
    assert [wizard.kind.itemText(i) for i in range(wizard.kind.count())] == ["注文データ", "顧客データ", "アンケート回答"]
    wizard.accept()


def test_a_refused_file_is_said_in_japanese_on_the_result_page(qtbot: Any, open_shop: Any, tmp_path: Path) -> None:
    window = open_shop(tmp_path / "shop.duckdb")
    rows = [["注文番号", "注文日", "金額"], *([f"B{i}", "2026/1/1", "無料"] for i in range(5))]
    wizard = open_wizard(qtbot, window, [write_csv(tmp_path / "b.csv", rows, encoding="cp932")])
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=30_000)
    summary = wizard.summary.text()
    assert "b.csv: 取り込める行が1行もなかったため（全5行）、何も取り込んでいません。" in summary
    assert "取り込み画面の「読めなかった行をCSVで保存…」で保存できます。" in summary
    assert wizard.rejects_model.rowCount() == 5 and wizard.save_rejects.isEnabled()  # every rejected row, and why
    assert wizard.rejects_model.value(0, 3).startswith("金額の「無料」を金額として読めません。")
    wizard.accept()
