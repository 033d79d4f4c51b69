"""The main window: language switch, remembered shops and geometry, the welcome page, screenshot mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTextBrowser

from engage_desktop.core.views import VIEW_SPECS

from tests.ui.conftest import show_view


def test_switching_language_changes_the_menus_and_views(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    window = open_shop(sample_shop)
    show_view(qtbot, window, "monthly")
    assert window.file_menu.title() == "ファイル(&F)"
    assert window.actions["import"].text() == "ファイルを取り込む…"
    assert window.nav.item(0).text() == "ホーム"
    monthly = next(view for view in window.views if view.key == "monthly")
    assert "か月連続で前月を上回っています" in monthly.streak_label.text()

    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.actions["import"].text() == "Import files…"
    assert window.nav.item(0).text() == "Home"
    qtbot.waitUntil(monthly.settled, timeout=30_000)  # what core said is loaded again, in English
    assert "month" in monthly.streak_label.text()
    assert "(s)" not in monthly.streak_label.text()  # English plural forms from engage_en.qm
    journey = show_view(qtbot, window, "journey")
    assert journey.model.value(0, 0) == "Is this for real?"  # the domain words switch too
    assert journey.model.value(3, 6) == "LTV tier: Top"  # the step rule names the tier, never its key

    window.set_language("ja")
    assert window.nav.item(window.views.index(monthly)).text() == "前月比"


def test_qt_own_dialog_buttons_are_translated(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"  # キャンセル from qtbase_ja.qm


def test_welcome_page_until_a_shop_is_open_then_shop_is_remembered(qtbot: Any, window: Any, open_shop: Any,
                                                                   sample_shop: Path) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert not window.actions["import"].isEnabled()
    open_shop(sample_shop)
    assert window.actions["import"].isEnabled()
    assert QSettings().value("last_shop") == str(sample_shop)
    assert QSettings().value("recent_shops", [], list)[0] == str(sample_shop)
    assert "サンプル石鹸店" in window.shop_label.text()
    assert "データ期間: 2024年1月" in window.period_label.text()


def test_busy_shop_file_gives_a_readable_message(qtbot: Any, window: Any, sample_shop: Path, monkeypatch: Any) -> None:
    from engage_desktop.ui import main_window

    holder = subprocess.Popen([sys.executable, "-c", f"from engage_desktop.core.store import Store; s = Store({str(sample_shop)!r}); print('open', flush=True); input()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    messages: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, message: messages.append(message))
    try:
        assert holder.stdout.readline().strip() == "open"
        window.open_shop(sample_shop)
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()
    assert "ほかのプログラムで開かれています" in messages[0]  # the window speaks Japanese
    assert window.stack.currentWidget() is window.welcome


def test_screenshot_mode_writes_the_views_the_import_wizard_and_an_error_box(tmp_path: Path) -> None:
    from engage_desktop.core.store import Store

    home, config = tmp_path / "home", tmp_path / "config"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ENGAGE_DESKTOP_HOME": str(home),
           "XDG_CONFIG_HOME": str(config), "PYTHONFAULTHANDLER": "1"}  # a crash says where
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "engage_desktop", "--sample", "--lang", "ja", "--size", "1366x768",
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, "\n".join(line for line in done.stderr.splitlines() if "propagateSizeHints" not in line)
    names = sorted(p.name for p in out.glob("*.png"))
    # one per view of the registry, in its order, then the dialogs and flows
    views = [f"{i:02d}-{spec.key}.png" for i, spec in enumerate(VIEW_SPECS, start=1)]
    extras = {f"{i:02d}-{name}.png": name for i, name in enumerate(
        ["measure-effect", "measure-form", "import-refused-file", "import-refused-result", "import-rejects-preview",
         "import-rejects-result", "error-export-to-folder", "import-mapping-corrected", "list-after-search", "welcome"],
        start=len(views) + 1)}
    assert names == [*views, *extras]
    windows = [*views, *[f for f, name in extras.items() if name in ("measure-effect", "list-after-search", "welcome")]]
    for path in out.glob("*.png"):
        image = QImage(str(path))
        if path.name in windows:
            assert (image.width(), image.height()) == (1366, 768)
        else:  # the dialog or the message box itself
            assert 300 < image.width() < 1366 and 100 < image.height() < 768, path.name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
        assert len(colours) > 20, f"{path.name} looks empty"
    # The imports went into a copy: the sample shop holds its own three, and the person's preferences
    # (recent shops) were kept apart.
    with Store(home / "sample-shop.duckdb", read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM imports").fetchone()[0] == 3
    assert not config.exists() or not any(config.rglob("*.conf")), list(config.rglob("*"))


def test_screenshot_size_is_laptop_friendly_and_checked() -> None:
    import pytest

    from engage_desktop.ui.app import parse_args

    assert parse_args(["--sample"]).size == (1280, 800)
    assert parse_args(["--size", "1366x768"]).size == (1366, 768)
    with pytest.raises(SystemExit):
        parse_args(["--size", "big"])


def test_settings_dialog_saves_to_the_shop_file(qtbot: Any, open_shop: Any, on_db: Any, sample_shop: Path) -> None:
    from engage_desktop.ui import i18n
    from engage_desktop.ui.dialogs import SettingsDialog

    window = open_shop(sample_shop)
    dialog = SettingsDialog(window.ctx, window.shop_info["settings"], window)
    qtbot.addWidget(dialog)
    dialog.dormant.setValue(120)
    dialog.currency.setCurrentIndex(dialog.currency.findData("yen_suffix"))
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Seoul"))
    assert dialog.zone.currentText() == "韓国時間"  # the owner reads the place, not the identifier
    with qtbot.waitSignal(window.header_updated, timeout=10_000):
        dialog.save()
    assert on_db(lambda s: (s.setting("dormant_days"), s.setting("currency_style"), s.setting("time_zone"))) == (
        120, "yen_suffix", "Asia/Seoul")
    # The owner's yen style is how Japanese screens write yen; English keeps ¥1,234.
    assert i18n.money(1234) == ("1,234円" if i18n.current() == "ja" else "¥1,234")
    i18n.set_currency_style("yen_sign")


def test_the_first_window_fits_a_laptop_screen_and_the_welcome_text_is_whole(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QSize

    from engage_desktop.ui.main_window import first_size

    assert first_size(QSize(1366, 728)) == (1280, 688)  # a 1366x768 laptop without its taskbar
    assert first_size(QSize(2560, 1400)) == (1280, 800)
    for lang in ("ja", "en"):
        window.set_language(lang)
        window.resize(1366, 688)
        qtbot.wait(50)
        text = window.welcome.text
        # Every line of the welcome text is shown: the label is as tall as its wrapped lines need.
        assert text.height() >= text.heightForWidth(text.width()) > 2 * text.fontMetrics().height()


def test_the_about_box_lists_every_library_the_app_carries(qtbot: Any) -> None:
    """scipy, SudachiPy and its dictionary, Babel and the time-zone libraries were missing from it, and duckdb's
    licence was blank (its metadata names it only in a classifier)."""
    import re
    import tomllib

    from engage_desktop.ui.dialogs import BUNDLED, AboutDialog

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {re.match(r"[A-Za-z0-9_.-]+", d).group(0).lower() for d in project["project"]["dependencies"]}
    assert wanted <= {name.lower() for name in BUNDLED}, wanted - {name.lower() for name in BUNDLED}
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "scipy" in text and "sudachidict-small" in text and "duckdb" in text
    assert re.search(r"duckdb\s+2\.0\.0\s+MIT\b", text)


def test_a_listed_cell_s_customers_follow_a_language_switch(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    """The surveys' and the zones' customer lists kept their Japanese caption and column titles after a switch
    to English: the list was asked for once, at the first cell shown."""
    window = open_shop(sample_shop)
    lists = {key: show_view(qtbot, window, key).customers for key in ("surveys", "engagement")}
    for customers in lists.values():
        qtbot.waitUntil(lambda c=customers: bool(c.table_data.rows), timeout=30_000)
    window.set_language("en")
    for key, customers in lists.items():
        show_view(qtbot, window, key)

        def english(c: Any = customers) -> bool:
            titles = [c.model.headerData(i, Qt.Orientation.Horizontal) for i in range(c.model.columnCount())]
            return "Name" in titles and not any("氏名" in str(title) for title in titles)

        qtbot.waitUntil(english, timeout=30_000)
        assert not any("\u3040" <= ch <= "\u30ff" for ch in customers.caption.text())  # no kana left
    window.set_language("ja")


def test_every_view_fits_a_laptop_at_125_percent(qtbot: Any, open_shop: Any, sample_shop: Path) -> None:
    """The window's least width grew with each view opened, to 1,201 px: long one-line captions, the shop's
    figures in the header, five comment filters a row. A 1366 x 768 laptop at 125% shows about 1,093 px, the
    window's frame included."""
    window = open_shop(sample_shop)
    for view in list(window.views):
        show_view(qtbot, window, view.key)
        assert window.minimumSizeHint().width() <= 1060, (view.key, window.minimumSizeHint().width())
