"""Scenarios an owner goes through in the real window, each checked as the owner would check it:
the saved values, the exported rows, the numbers on screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from engage_desktop.core.metrics import journey
from tests.ui.conftest import show_view


def open_funnel_dialog(qtbot: Any, view: Any) -> Any:
    from engage_desktop.ui.views.journey import FunnelDialog

    dialog = FunnelDialog(view)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled, timeout=10_000)  # what is stored for the month has arrived
    return dialog


def save_dialog(qtbot: Any, window: Any, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()


def test_the_funnel_dialog_opens_with_what_is_stored_and_saves_only_what_changed(
        qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    month = view.data["as_of"].replace(day=1)
    on_db(lambda s: [journey.set_funnel_count(s, month, stage, None) for stage in journey.TYPED_STAGES])

    dialog = open_funnel_dialog(qtbot, view)
    assert dialog.month.currentData() == month
    assert [spin.text() for spin in dialog.spins.values()] == ["—", "—", "—"]  # nothing typed yet: not 0
    dialog.spins["認知"].setValue(1000)
    save_dialog(qtbot, window, dialog)

    dialog = open_funnel_dialog(qtbot, view)
    assert dialog.spins["認知"].value() == 1000  # the second visit shows the first one's count
    dialog.spins["興味"].setValue(500)
    save_dialog(qtbot, window, dialog)
    assert on_db(lambda s: journey.funnel_counts_of(s, month)) == {"認知": 1000, "興味": 500}

    dialog = open_funnel_dialog(qtbot, view)  # opened and saved without a change: nothing is wiped
    assert dialog.changes() == {}
    save_dialog(qtbot, window, dialog)
    assert on_db(lambda s: journey.funnel_counts_of(s, month)) == {"認知": 1000, "興味": 500}

    earlier = (month - dt.timedelta(days=1)).replace(day=1)
    dialog = open_funnel_dialog(qtbot, view)
    dialog.month.setCurrentIndex(1)  # the months run back from the as-of month
    assert dialog.month.currentData() == earlier
    qtbot.waitUntil(lambda: dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled(), timeout=10_000)
    stored = on_db(lambda s: journey.funnel_counts_of(s, earlier))
    assert {stage: spin.value() for stage, spin in dialog.spins.items() if spin.value() >= 0} == stored
    dialog.spins["認知"].setValue(-1)  # "—": the owner takes a count away
    save_dialog(qtbot, window, dialog)
    assert "認知" not in on_db(lambda s: journey.funnel_counts_of(s, earlier))
    assert on_db(lambda s: journey.funnel_counts_of(s, month)) == {"認知": 1000, "興味": 500}


def test_a_memo_being_typed_is_saved_when_the_window_closes(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

    from engage_desktop.core.store import Store
    from engage_desktop.ui.views.journey import NOTE_ROWS

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    memo_row = next(row for row, field in NOTE_ROWS.items() if field == "memo")
    index = view.model.index(memo_row, 4)  # step 5's memo
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, (QLineEdit, QTextEdit, QPlainTextEdit)), editor
    # Japanese arrives through the input method, as committed text (QTest cannot type it key by key).
    if isinstance(editor, QLineEdit):
        editor.insert("100日目のメールに香りの質問")
    else:
        editor.insertPlainText("100日目のメールに香りの質問")
    window.close()  # the owner closes the window with the cell still open

    with Store(sample_shop, read_only=True) as store:
        assert journey.notes(store)[(5, "memo")] == "100日目のメールに香りの質問"


def test_a_recent_shop_that_was_moved_is_said_so_and_never_replaced_by_an_empty_one(
        qtbot: Any, open_shop: Any, sample_shop: Path, tmp_path: Path, monkeypatch: Any) -> None:
    from engage_desktop.ui import preferences

    open_shop(sample_shop)
    window = open_shop(tmp_path / "other-shop.duckdb")  # the sample is closed, and on the recent list
    moved = tmp_path / "moved" / "my-shop.duckdb"
    moved.parent.mkdir()
    sample_shop.rename(moved)  # the owner moves the file in the file manager

    asked: list[Path] = []
    monkeypatch.setattr(window, "ask_missing_shop", lambda path: asked.append(path) or "remove")
    recent = next(a for a in window.recent_menu.actions() if a.text() == str(sample_shop))
    recent.trigger()
    assert asked == [sample_shop]
    assert not sample_shop.exists()  # nothing was created in its place
    assert str(sample_shop) not in preferences.read("recent_shops")
    assert str(sample_shop) not in [a.text() for a in window.recent_menu.actions()]

    preferences.write("recent_shops", [str(sample_shop)])
    window._fill_recent()
    monkeypatch.setattr(window, "ask_missing_shop", lambda path: "locate")
    monkeypatch.setattr(window, "locate_shop", lambda path: moved)
    with qtbot.waitSignal(window.shop_opened, timeout=30_000) as opened:
        window.recent_menu.actions()[0].trigger()
    assert opened.args == [moved] and not sample_shop.exists()
    assert preferences.read("recent_shops")[0] == str(moved)


def test_a_list_searched_and_sorted_by_date_exports_what_is_shown_in_the_owner_s_words(
        qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path, tmp_path: Path, monkeypatch: Any) -> None:
    import csv

    from PySide6.QtCore import Qt

    from engage_desktop.core.metrics import ltv
    from engage_desktop.core.metrics.base import resolve_as_of

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "ltv")
    with qtbot.waitSignal(view.customers.model.modelReset, timeout=10_000):
        view.select_tier(4)  # 休眠: the largest tier of the sample
    customers = view.customers
    everyone = on_db(lambda s: ltv.tier_customers(s, resolve_as_of(s, None), "dormant").as_dicts())
    assert len(everyone) > 500

    customers.search.setText("example.jp")  # the owner searches part of the e-mail addresses
    expected = [c for c in everyone if "example.jp" in (c["email"] or "") or "example.jp" in (c["name"] or "")]
    assert 0 < len(expected) < len(everyone)
    assert f"{len(expected):,}" in customers.caption.text() and f"{len(everyone):,}" in customers.caption.text()

    last = customers.table_data.columns.index("last_order")
    customers.view.sortByColumn(last, Qt.SortOrder.AscendingOrder)
    shown = customers.shown_rows()
    dates = [row[last] for row in shown]
    assert dates == sorted(dates)  # by the date itself: 2023年5月4日 before 2023年12月10日
    assert [row[last] for row in shown] == sorted(c["last_order"] for c in expected)

    out = tmp_path / "dormant.csv"
    monkeypatch.setattr(customers, "ask_export_scope", lambda shown_n, total: "shown")
    monkeypatch.setattr(customers, "choose_export_path", lambda: (str(out), "CSV for Excel (UTF-8) (*.csv)"))
    customers.export()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    header, body = written[0], written[1:]
    assert len(body) == len(expected)  # what the search shows, not all of the tier
    assert "customer_key" not in header
    assert header == ["氏名", "メールアドレス", "購入回数", "売上", "平均購入単価", "年間LTV", "初回購入", "最終購入",
                      "最終購入からの日数", "LTV層"]
    assert {row[-1] for row in body} == {"休眠"}  # the tier by its name, never its key
    assert [row[1] for row in body] == [row[customers.table_data.columns.index("email")] for row in shown]

    monkeypatch.setattr(customers, "ask_export_scope", lambda shown_n, total: "all")
    customers.export()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) - 1 == len(everyone)


def test_a_rule_is_edited_with_tier_names_and_follows_a_renamed_tier(
        qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    from engage_desktop.core.metrics import ltv
    from engage_desktop.ui.views.journey import RulesDialog

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "journey")
    dialog = RulesDialog(view, view.data["rules"])
    qtbot.addWidget(dialog)
    # step 1 is every customer the shop knows: nothing to ask of it (journey.rules)
    assert not any(widget.isEnabled() for widget in dialog.widgets[0])
    assert dialog.rules()[0] == journey.StepRule()
    orders, _within, _days, tiers, _promoter = dialog.widgets[1]
    orders.setValue(0)
    assert orders.value() == 1  # step 2 is the first purchase: it cannot ask for none
    _o, _w, _d, step7, _p = dialog.widgets[6]
    names = {action.text(): key for key, action in step7.actions_by_key.items()}
    assert set(names) == {"優良", "中堅", "一般", "1回購入", "休眠"}  # the names the owner sees, no keys
    step7.actions_by_key["good"].setChecked(True)
    assert step7.text() == "優良、中堅"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert on_db(lambda s: journey.rules(s)[6].tiers) == ("top", "good")

    renamed = [ltv.Tier(t.key, "プラチナ" if t.key == "top" else t.ja, t.en, t.min_ltv, t.min_orders, t.dormant)
               for t in on_db(ltv.tiers)]
    on_db(lambda s: ltv.save_tiers(s, renamed))
    window.ctx.data_changed.emit()
    qtbot.waitUntil(lambda: view.settled() and view.model.value(3, 6) == "LTV層: プラチナ、中堅", timeout=10_000)


def mapping_combo(wizard: Any, field: str) -> Any:
    from engage_desktop.core.importing.fields import field_label

    row = next(r for r in range(wizard.mapping.rowCount())
               if wizard.mapping.cellWidget(r, 0).text().strip() == field_label(field))
    return wizard.mapping.cellWidget(row, 1)


def choose(qtbot: Any, wizard: Any, field: str, data: str) -> None:
    """What the owner does: pick an item of a field's combo (activated, as a click gives)."""
    combo = mapping_combo(wizard, field)
    index = combo.findData(data)
    assert index >= 0, (field, data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: wizard.entries[0].info is not None, timeout=30_000)


def test_a_wrong_guess_corrected_by_hand_a_three_column_phone_and_a_cleared_field(
        qtbot: Any, open_shop: Any, on_db: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtCore import Qt

    from engage_desktop.ui.import_wizard import SEVERAL
    from tests.helpers import write_csv
    from tests.ui.test_import_wizard import open_wizard

    window = open_shop(tmp_path / "shop.duckdb")
    # A till's export: it was shipped (発送日) days after it was ordered (受付日); the phone is in three parts.
    rows = [["伝票番号", "発送日", "受付日", "メールアドレス", "金額", "電話1", "電話2", "電話3"],
            ["T1", "2026/3/9", "2026/3/2", "hanako@example.jp", "1200", "03", "1234", "5678"],
            ["T2", "2026/3/12", "2026/3/5", "taro@example.jp", "800", "06", "9876", "5432"]]
    wizard = open_wizard(qtbot, window, [write_csv(tmp_path / "till.csv", rows, encoding="cp932")])
    assert "判定の確度" in wizard.detected.text()

    choose(qtbot, wizard, "order_date", "受付日")
    # the guess's confidence is no longer what the import goes by (it kept saying 50%)
    assert "列はあなたが選んだとおり" in wizard.detected.text() and "判定の確度" not in wizard.detected.text()
    monkeypatch.setattr(wizard, "choose_columns", lambda field, headers, current: ["電話1", "電話2", "電話3"])
    choose(qtbot, wizard, "phone", SEVERAL)
    assert mapping_combo(wizard, "phone").currentText() == "電話1 + 電話2 + 電話3"
    choose(qtbot, wizard, "email", "")  # the owner clears the e-mail: these are the till's, not the customer's
    choose(qtbot, wizard, "order_id", "伝票番号")  # another field changes: the cleared one stays cleared
    assert mapping_combo(wizard, "email").currentData() == ""
    assert mapping_combo(wizard, "order_date").currentData() == "受付日"  # and the correction stays

    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=30_000)
    stored = on_db(lambda s: s.con.execute(
        "SELECT order_id, CAST(ordered_at AS DATE)::VARCHAR, phone, email FROM orders ORDER BY order_id").fetchall())
    assert stored == [("T1", "2026-03-02", "0312345678", None), ("T2", "2026-03-05", "0698765432", None)]
    wizard.accept()


def test_a_file_that_cannot_be_read_offers_no_import_of_0_files_and_no_sheet(
        qtbot: Any, open_shop: Any, tmp_path: Path) -> None:
    from tests.ui.test_import_wizard import open_wizard

    window = open_shop(tmp_path / "shop.duckdb")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    wizard = open_wizard(qtbot, window, [empty])
    assert wizard.entries[0].error and "empty.csv" in wizard.detected.text()
    assert not wizard.import_button.isEnabled() and "0" not in wizard.import_button.text()
    assert not wizard.sheet.isEnabled()
    wizard.reject()


def test_after_an_undo_the_undone_import_stays_selected_and_cannot_be_undone_again(
        qtbot: Any, open_shop: Any, sample_shop: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "imports")
    assert view.history_model.rowCount() == 3
    view.history.selectRow(1)
    view.select(1)
    chosen = view.history_model.value(1, 0)
    assert view.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    view.undo()
    qtbot.waitUntil(lambda: view.settled() and any(r["id"] == chosen and r["status"] == "undone" for r in view.imports),
                    timeout=30_000)
    selected = view.history.selectionModel().selectedRows()[0].row()
    assert view.history_model.value(selected, 0) == chosen  # the row the owner undid, not the newest
    assert not view.undo_button.isEnabled()


def test_a_file_missing_a_needed_column_shows_its_mapping_with_what_is_missing_in_red(
        qtbot: Any, open_shop: Any, tmp_path: Path) -> None:
    from engage_desktop.core.importing.fields import field_label
    from tests.helpers import write_csv
    from tests.ui.test_import_wizard import open_wizard

    window = open_shop(tmp_path / "shop.duckdb")
    path = write_csv(tmp_path / "no_date.csv", [["注文番号", "品名", "金額"], ["A1", "石鹸", "100"]], encoding="cp932")
    wizard = open_wizard(qtbot, window, [path])
    assert "注文日時" in wizard.read_as.text() or "注文日時" in wizard.detected.text()  # said, not a KeyError
    assert wizard.mapping.rowCount() > 0  # the table is there to correct
    labels = {wizard.mapping.cellWidget(r, 0).text().strip(): wizard.mapping.cellWidget(r, 0)
              for r in range(wizard.mapping.rowCount())}
    assert "b00020" in labels[field_label("order_date")].styleSheet()  # what is missing stands out
    assert "b00020" not in labels[field_label("order_id")].styleSheet()
    wizard.reject()


def test_a_customer_s_orders_are_titled_by_their_name_and_big_counts_have_separators(
        qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    from engage_desktop.core.table import Table
    from engage_desktop.ui.customer_list import OrdersDialog

    window = open_shop(sample_shop)
    view = show_view(qtbot, window, "ltv")
    customers = view.customers
    name = customers.model.value(0, customers.table_data.columns.index("name"))
    customers._open_orders(customers.proxy.index(0, 0))
    qtbot.waitUntil(lambda: bool(window.findChildren(OrdersDialog)), timeout=10_000)
    dialog = window.findChildren(OrdersDialog)[-1]
    assert name in dialog.windowTitle() and "e:" not in dialog.windowTitle()  # never the internal key
    dialog.reject()

    many = Table(["customer_key", "name", "email"], [(f"k{i}", f"客{i}", f"c{i}@example.jp") for i in range(3980)])
    customers.set_table(many, "一覧")
    assert "3,980" in customers.caption.text()
    customers.search.setText("c1")  # c1, c10…c19, c100…c199, c1000…c1999
    assert "3,980人中 1,111人" in customers.caption.text()


def test_new_shop_starts_in_the_app_s_data_folder_and_the_journey_lists_customers_at_a_laptop_size(
        qtbot: Any, open_shop: Any, sample_shop: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    from engage_desktop.core.paths import app_data_dir

    window = open_shop(sample_shop)
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *rest: suggested.append(start) or ("", ""))
    window.new_shop()
    assert Path(suggested[0]).parent == app_data_dir()

    window.resize(1280, 800)
    view = show_view(qtbot, window, "journey")
    qtbot.wait(100)
    rows = view.customers.view.height() // max(1, view.customers.view.rowHeight(0))
    assert rows >= 5 and view.chart.height() >= 180  # room to read who is at a step, and the curve
