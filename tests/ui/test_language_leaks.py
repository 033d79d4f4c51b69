"""No language leaks: in Japanese the owner meets no English word of the app, in English no Japanese one.

The real window goes where an owner goes, in each language: the welcome page; an open that fails;
every view of the sample shop with its charts, tables, customer lists and filters; the dialogs the
views and the menus open; the import wizard with files it refuses (an empty file, a file without
an order date, a file whose dates are mostly unreadable) and with a CP932 file that has rejected
rows, through its progress to its result page; the questions before an undo and a restore; the
message boxes of exports into a folder, of a damaged shop file and of an unexpected error; the
views of an empty shop. Everything visible is collected: labels, buttons, group boxes, line edits
and their placeholders, combo box items, list and table items with their headers and tooltips,
window titles, menus and their actions, the status bar, progress messages, message boxes, and
the charts (axis labels, the tick labels over the range shown, text items, hover texts, the menu a
right click opens). The Excel export is read back with openpyxl: sheet titles, cells, chart and
axis titles, date formats.

A leak is, in Japanese, a run of ASCII letters that is not an allowed term (ALLOWED_TERMS); in
English, a Japanese character (kana, kanji, Japanese punctuation). What is never a leak:
- the shop's data, shown as it is: the values read from the shop file (DATA_QUERIES: names,
  e-mails, order numbers, products, the owner's notes, imported files, rejected rows as the file
  wrote them, the shop's name; NAME_QUERIES: source names, data only where they stand alone) and
  the values of the files this test imports. A cell of a column that holds such data (DATA_KEYS,
  DATA_COLUMNS, the journey's note rows) is data as a whole; a data value inside a sentence is
  taken out before the sentence is checked. Internal keys are never data: a customer key, a
  channel or a tier key on screen is a leak;
- e-mail addresses, file names and paths;
- a language named in its own words in the language choice (日本語 / English), the sample of the
  yen style 1,234円 in the settings, and the tier names of the other language in the tier editor
  (the owner writes both).
The failure lists each widget (window title, the screen's attribute path) with its leaking words,
one text they are in, and what the owner was doing.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pyqtgraph as pg
import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractProxyModel, QCoreApplication, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDialog,
                               QFileDialog, QGroupBox, QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu, QMenuBar,
                               QMessageBox, QPlainTextEdit, QProgressBar, QStatusBar, QTableView, QTabBar, QTextEdit,
                               QWidget)

from engage_desktop.core.sample import create_sample_shop
from tests.helpers import write_csv
from tests.ui.conftest import run_on_db

pytestmark = [
    # Popups (a chart's right-click menu, message boxes) on the offscreen platform; harmless, not ours.
    pytest.mark.qt_log_ignore("This plugin does not support", "QXcbConnection"),
]

# Words a Japanese screen keeps in Latin letters: the app's name, OK and ID (Japanese words now),
# the measures known by their initials, file formats and programs, shop systems and tools (brand
# names), units, currencies.
ALLOWED_TERMS = (
    "Engage Desktop", "OK", "ID",
    "LTV", "NPS",
    "RFM", "R", "F",  # RFM分析's letters, as Japanese RFM tools write them too: R5 (最新購入), F3 (購入回数)
    "CSV", "TSV", "Excel", "PNG", "xlsx", "DuckDB", "UTF-8", "UTF-16", "Shift_JIS", "CP932", "Latin-1",
    "Shopify", "BASE", "Amazon", "Yahoo!", "EC-CUBE", "Square", "Airレジ", "MakeShop", "futureshop", "WooCommerce",
    "STORES", "RMS", "Google", "SurveyMonkey", "Qt", "LGPL v3",
    "KB", "MB", "GB", "UTC",
    "JPY", "USD", "EUR", "GBP", "CAD", "AUD", "CNY", "KRW", "TWD", "HKD", "SGD", "THB", "INR",
)
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}  # each in its own words (the language choice)

JAPANESE = "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f"
JAPANESE_RUN = re.compile(f"[{JAPANESE}]+(?:[ ]*[{JAPANESE}]+)*")
LETTERS = re.compile(r"[A-Za-z]")
ASCII_RUN = re.compile(r"[ -~]*[A-Za-z][ -~]*")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://\S+")
PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?(?:[\\/][^\s\\/\"'「」『』()（）、。,]+){2,}[\\/]?")
FILE_NAME = re.compile(r"[\w.-]*\w\.(?:csv|tsv|txt|xlsx|xlsm|xls|xlsb|ods|duckdb|wal|png|log|json|part)\b", re.I)
GONE = "\u2063"  # what a removed part leaves: it keeps the words on either side apart

# Columns whose cells are the shop's data, by the column's key in core's tables (customer lists,
# a customer's orders) ...
DATA_KEYS = {"customer_key", "name", "email", "order_id", "products", "comment", "question"}
# ... or by their title in the window (context, English source text: translated when compared).
DATA_COLUMNS = {
    ("ImportWizard", "File"), ("ImportWizard", "Column"), ("ImportWizard", "Original text"),
    ("ImportsView", "File"), ("ImportsView", "Column"), ("ImportsView", "Original text"),
    ("UnmatchedDialog", "Comment"),
}
JOURNEY_NOTE_ROWS = (11, 12, 13)  # the owner's touchpoints, measures and memo (ui/views/journey.py NOTE_ROWS)

# The shop's data in the shop file: what the owner's exports and notes hold, shown as it is.
DATA_QUERIES = {
    "customer names": "SELECT customer_name FROM customers UNION SELECT customer_name FROM orders "
                      "UNION SELECT customer_name FROM customer_records",
    "e-mail addresses": "SELECT email FROM customers UNION SELECT email FROM orders",
    "order numbers": "SELECT order_id FROM orders",
    "products": "SELECT product FROM order_lines UNION SELECT sku FROM order_lines",
    "imported files": "SELECT file_name FROM imports",
    "shop name": "SELECT value FROM settings WHERE key = 'shop_name'",
    "rejected rows as the file wrote them": "SELECT original_text FROM import_rejects "
                                            "UNION SELECT column_name FROM import_rejects",
    "the owner's notes": "SELECT text FROM journey_notes",
    "the owner's measures": "SELECT name FROM measures UNION ALL SELECT note FROM measures",
    "survey comments and their questions": "SELECT answer FROM survey_comments UNION SELECT question FROM survey_comments",
}
# Names the owner can give (a source is named in the wizard): data where they stand alone.
NAME_QUERIES = {
    "source names": "SELECT name FROM sources",
}


# -- the shop's data ---------------------------------------------------------------------------
@dataclass
class ShopData:
    """Values that are the owner's data: a text equal to one is data; one inside a text is taken out."""

    whole: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    _pattern: tuple[int, re.Pattern[str]] | None = field(default=None, repr=False)  # (for how many parts, pattern)

    def add(self, values: Iterator[Any] | list[Any], inside: bool = True) -> None:
        for value in values:
            if value is None:
                continue
            text = str(value).strip()
            if not text:
                continue
            self.whole.add(text)
            if inside and len(text) >= 2:
                self.parts.add(text)

    def remove(self, text: str) -> str:
        if not self.parts:
            return text
        if self._pattern is None or self._pattern[0] != len(self.parts):
            alternatives = []
            for part in sorted(self.parts, key=len, reverse=True):  # the longest first
                escaped = re.escape(part)  # a Latin-letter value only as a whole word
                alternatives.append(rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])" if part.isascii() else escaped)
            self._pattern = (len(self.parts), re.compile("|".join(alternatives)))
        return self._pattern[1].sub(GONE, text)


def read_shop_data(store: Any) -> ShopData:
    data = ShopData()
    for queries, inside in ((DATA_QUERIES, True), (NAME_QUERIES, False)):
        for query in queries.values():
            values = [r[0] for r in store.con.execute(query).fetchall()]
            data.add((json.loads(v) if isinstance(v, str) and v.startswith('"') else v for v in values), inside)
    # The words of the survey's comments (the comments view counts them): data where they stand alone.
    from engage_desktop.core.words import words_of

    comments = [text for (text,) in store.con.execute("SELECT answer FROM survey_comments WHERE free_text").fetchall()]
    data.add((word for text in comments for word in words_of(text)), inside=False)
    return data


def file_values(rows: list[list[Any]]) -> list[str]:
    """Every header and value of a file the test imports: the owner's data."""
    return [str(v) for row in rows for v in row] + [",".join(str(v) for v in row) for row in rows]


# -- what counts as a leak -------------------------------------------------------------------------
_ALLOWED = re.compile("|".join(rf"(?<![A-Za-z]){re.escape(term)}(?![A-Za-z])"
                               for term in sorted(ALLOWED_TERMS, key=len, reverse=True)))
_MNEMONIC = re.compile(r"\(&\w\)|&(?=[^&\s])")


def neutral(text: str, data: ShopData) -> str:
    """``text`` without what is never a leak: mnemonics, data, e-mail addresses, URLs, paths, file names."""
    text = _MNEMONIC.sub("", text).replace("&&", "&")
    for pattern in (EMAIL, URL, PATH, FILE_NAME):
        text = pattern.sub(GONE, text)
    return data.remove(text)


def leaks_in(text: str, lang: str, data: ShopData) -> list[str]:
    if text.strip() in data.whole:
        return []
    rest = neutral(text, data)
    if lang == "ja":
        rest = _ALLOWED.sub(GONE, rest)
        return [m.group().strip(" .,:;-/()[]'\"") for m in ASCII_RUN.finditer(rest) if LETTERS.search(m.group())]
    return [m.group() for m in JAPANESE_RUN.finditer(rest)]


# -- collecting what is on screen -------------------------------------------------------------------
@dataclass(frozen=True)
class Seen:
    context: str  # what the owner was doing
    where: str  # the window and the widget showing it
    text: str
    data: bool = False  # the whole text is the shop's data (a data column's cell)


def _holder(obj: Any) -> tuple[Any, str] | None:
    """(the nearest ancestor keeping ``obj`` as an attribute, directly or in a list, tuple or dict; the attribute)."""
    parent = obj.parent() if hasattr(obj, "parent") else None
    while parent is not None:
        for name, value in getattr(parent, "__dict__", {}).items():
            if value is obj:
                return parent, name
            items = (value.items() if isinstance(value, dict) else
                     enumerate(value) if isinstance(value, (list, tuple)) else ())
            for key, item in items:
                if item is obj:
                    return parent, f"{name}[{key!r}]"
                if isinstance(item, (list, tuple)) and any(x is obj for x in item):
                    return parent, f"{name}[{key!r}][{[x is obj for x in item].index(True)}]"
        parent = parent.parent()
    return None


def describe(widget: QWidget) -> str:
    """«window title» Screen.attribute.attribute of the widget (or of its nearest kept ancestor › its class)."""
    from engage_desktop.ui.views.base import View

    window = widget.window()
    title = window.windowTitle() or type(window).__name__
    node: QWidget | None = widget
    found = None
    while node is not None and node is not window and found is None:
        found = _holder(node)
        if found is None:
            node = node.parentWidget()
    if found is None:
        path = type(widget).__name__ if widget is window else f"{type(window).__name__} › {type(widget).__name__}"
    else:
        holder, name = found
        names = [name]
        while not isinstance(holder, (View, QDialog, QMainWindow)) and (up := _holder(holder)) is not None:
            holder, name = up
            names.insert(0, name)
        path = ".".join([type(holder).__name__, *names]) + ("" if node is widget else f" › {type(widget).__name__}")
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        path += f" #{widget.objectName()}"
    return f"«{title}» {path}"


def _plain_label(label: QLabel) -> str:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _ancestors(widget: QWidget) -> Iterator[Any]:
    node = widget.parent()
    while node is not None:
        yield node
        node = node.parent()


def data_columns(view: QAbstractItemView) -> Callable[[int, int], bool]:
    """Which cells of ``view`` (rows and columns of its source model) hold the shop's data."""
    from engage_desktop.ui.customer_list import CustomerList, OrdersDialog, column_titles
    from engage_desktop.ui.views.journey import JourneyView

    for owner in _ancestors(view):
        if isinstance(owner, CustomerList) and owner.view is view:
            keys = list(owner.table_data.columns)
            return lambda r, c: c < len(keys) and keys[c] in DATA_KEYS
        if isinstance(owner, JourneyView) and owner.table is view:
            return lambda r, c: r in JOURNEY_NOTE_ROWS
        if isinstance(owner, OrdersDialog):
            titles = {v: k for k, v in column_titles().items()}
            model = view.model()
            keys = [titles.get(model.headerData(c, Qt.Orientation.Horizontal))
                    for c in range(model.columnCount(QModelIndex()))]
            return lambda r, c: c < len(keys) and keys[c] in DATA_KEYS
        context = type(owner).__name__
        if isinstance(view, QTableView) and any(ctx == context for ctx, _ in DATA_COLUMNS):
            model = view.model()
            titled = {QCoreApplication.translate(ctx, title) for ctx, title in DATA_COLUMNS if ctx == context}
            columns = {c for c in range(model.columnCount(QModelIndex()))
                       if model.headerData(c, Qt.Orientation.Horizontal) in titled}
            return lambda r, c: c in columns
    return lambda r, c: False


class Screen:
    """Collects every text the owner can see, under what they were doing (``context``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.context = ""
        self.seen: list[Seen] = []
        self.exempt: list[QWidget] = []  # widgets that hold the other language on purpose

    def add(self, where: str, text: Any, data: bool = False) -> None:
        if text is None:
            return
        text = str(text)
        if text.strip():
            self.seen.append(Seen(self.context, where, text, data))

    # widgets ------------------------------------------------------------------------------
    def window(self, top: QWidget) -> None:
        """Everything visible in ``top`` (a window, a dialog, a message box)."""
        QApplication.processEvents()
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible() and not any(widget is w for w in self.exempt):
                self.widget(widget)

    def widget(self, w: QWidget) -> None:
        from engage_desktop.ui.charts import BarLineChart, StackedBar

        where = describe(w)
        if w.toolTip():
            self.add(where + " (tooltip)", w.toolTip())
        if w.isWindow() and w.windowTitle():
            self.add(where + " (window title)", w.windowTitle())
        if isinstance(w, QLabel):
            self.add(where, _plain_label(w))
        elif isinstance(w, QAbstractButton):
            self.add(where, w.text())
        elif isinstance(w, QGroupBox):
            self.add(where, w.title())
        elif isinstance(w, QLineEdit):
            self.add(where, w.text())
            self.add(where + " (placeholder)", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                if w.itemText(i) == LANGUAGE_NAMES.get(w.itemData(i)) and w.itemData(i) != self.lang:
                    continue  # the language choice names each language in its own words
                if w.itemData(i) == "yen_suffix":
                    continue  # a sample of how Japanese screens write yen (1,234円), not a word
                self.add(where + " (item)", w.itemText(i))
        elif isinstance(w, QAbstractSpinBox):
            self.add(where, w.text())
            self.add(where + " (special value)", w.specialValueText())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                self.add(where + " (tab)", w.tabText(i))
                self.add(where + " (tab tooltip)", w.tabToolTip(i))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            self.add(where, w.toPlainText())
        elif isinstance(w, QProgressBar):
            self.add(where, w.text())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):  # headers: with their table
            self.item_view(w, where)
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                self.action(action, f"«{w.window().windowTitle()}» menu bar")
        elif isinstance(w, QStatusBar):
            self.add(where, w.currentMessage())
        elif isinstance(w, pg.PlotWidget):
            self.plot(w, where)
        if isinstance(w, QMessageBox):
            self.add(where + " (details)", w.detailedText())
        if isinstance(w, BarLineChart):
            for i in range(len(w.labels)):
                self.add(where + " (hover)", w.hover_text(i))
        if isinstance(w, StackedBar):
            for label, value, _ in w.parts:
                self.add(where + " (part)", label)

    def action(self, action: Any, where: str) -> None:
        """An action of a menu (and, for a submenu, its actions): text, tooltip, status tip."""
        text = action.text()
        self.add(where, text)
        plain = text.replace("&", "").removesuffix("...").removesuffix("…")
        if action.toolTip() and action.toolTip() != plain:  # Qt's default tooltip is the text
            self.add(where + " (tooltip)", action.toolTip())
        self.add(where + " (status tip)", action.statusTip())
        if action.menu():
            for sub in action.menu().actions():
                self.action(sub, where)

    def item_view(self, view: QAbstractItemView, where: str) -> None:
        model = view.model()
        if model is None:
            return
        is_data = data_columns(view)
        table = view if isinstance(view, QTableView) else None
        rows = model.rowCount(QModelIndex())
        # A list shows one column (a list model's columnCount is not callable from Python).
        columns = model.columnCount(QModelIndex()) if table is not None else 1
        if table is not None:
            for orientation, header, count, hidden in (
                    (Qt.Orientation.Horizontal, table.horizontalHeader(), columns, table.isColumnHidden),
                    (Qt.Orientation.Vertical, table.verticalHeader(), rows, table.isRowHidden)):
                if header.isVisible():
                    for section in range(count):
                        if not hidden(section):
                            self.add(where + " (header)",
                                     model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole))
        for row in range(rows):
            if table is not None and table.isRowHidden(row):
                continue
            for column in range(columns):
                if table is not None and table.isColumnHidden(column):
                    continue
                index = model.index(row, column if table is not None else getattr(view, "modelColumn", lambda: 0)())
                source = model.mapToSource(index) if isinstance(model, QAbstractProxyModel) else index
                data = is_data(source.row(), source.column())
                shown = model.data(index, Qt.ItemDataRole.DisplayRole)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                self.add(where + " (cell)", shown, data)
                if tip != shown:
                    self.add(where + " (cell tooltip)", tip, data)

    def plot(self, plot: pg.PlotWidget, where: str) -> None:
        item = plot.getPlotItem()
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            if not axis.isVisible():
                continue
            if axis.label.isVisible():
                self.add(f"{where} ({name} axis label)", axis.label.toPlainText())
            image = QImage(8, 8, QImage.Format.Format_ARGB32)
            painter = QPainter(image)
            try:
                specs = axis.generateDrawSpecs(painter)  # the tick labels drawn over the range shown
            finally:
                painter.end()
            for _, _, text in (specs[2] if specs else []):
                self.add(f"{where} ({name} axis ticks)", text)
        if item.titleLabel.isVisible():
            self.add(where + " (title)", item.titleLabel.text)
        for graphic in plot.scene().items():
            if isinstance(graphic, pg.TextItem) and graphic.isVisible():
                self.add(where + " (text on the chart)", graphic.toPlainText())
            elif isinstance(graphic, pg.LegendItem) and graphic.isVisible():
                for _, label in graphic.items:
                    self.add(where + " (legend)", label.text)

    def right_click(self, plot: pg.PlotWidget, qtbot: Any) -> None:
        """What a right click on the chart opens (a context menu the owner can read)."""
        before = {id(m) for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()}
        viewport = plot.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(viewport.width() // 2, viewport.height() // 2))
        qtbot.wait(50)
        for menu in QApplication.topLevelWidgets():
            if isinstance(menu, QMenu) and menu.isVisible() and id(menu) not in before:
                for action in menu.actions():
                    self.action(action, describe(plot) + " (its right-click menu)")
                menu.close()


# -- driving the window -----------------------------------------------------------------------------
def settle(qtbot: Any, window: Any) -> None:
    """Nothing loading, nothing queued on the database thread: what is on screen is current."""
    qtbot.waitUntil(lambda: not window.db.busy and all(v.settled() for v in window.views if v.isVisible()),
                    timeout=30_000)
    qtbot.wait(20)


def visible_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def newest_dialog(qtbot: Any, before: list[QWidget], kind: type = QDialog) -> Any:
    found: list[QWidget] = []

    def appeared() -> bool:
        found[:] = [w for w in visible_dialogs() if isinstance(w, kind) and not any(w is b for b in before)]
        return bool(found)

    qtbot.waitUntil(appeared, timeout=30_000)
    return found[-1]


def close(dialog: QWidget) -> None:
    """Close without changing anything: No, Close or Cancel."""
    if isinstance(dialog, QMessageBox):
        for button in dialog.buttons():
            if dialog.buttonRole(button) in (QMessageBox.ButtonRole.NoRole, QMessageBox.ButtonRole.RejectRole):
                button.click()
                return
    dialog.reject()


def when_modal(screen: Screen, context: str, then: Callable[[QWidget], None] = close) -> list[QWidget]:
    """Collect the next modal dialog (one that blocks, like QMessageBox.question) and answer it with ``then``."""
    before = visible_dialogs()
    seen: list[QWidget] = []

    def poll(tries: int = 0) -> None:
        new = [w for w in visible_dialogs() if not any(w is b for b in before)]
        if not new:
            if tries < 1500:
                QTimer.singleShot(20, lambda: poll(tries + 1))
            return
        screen.context = context
        screen.window(new[-1])
        seen.append(new[-1])
        then(new[-1])

    QTimer.singleShot(0, poll)
    return seen


def show(qtbot: Any, window: Any, key: str) -> Any:
    index = next(i for i, v in enumerate(window.views) if v.key == key)
    window.nav.setCurrentRow(index)
    settle(qtbot, window)
    return window.views[index]


# -- the files the owner imports ---------------------------------------------------------------------
# Headers an export may have, none of them the app's own field labels (the file's words are data:
# a header equal to an app word would hide that word's leak).
NO_DATE = [["受注番号", "お名前", "お支払い金額"], ["N1", "山田 花子", "1000"], ["N2", "鈴木 一郎", "2000"]]
MOSTLY_UNREADABLE = [["受注番号", "受注日", "お名前", "お支払い金額"]] + [
    [f"M{i}", "2026/1/5" if i < 3 else "二月上旬", "田中 誠", "1500"] for i in range(10)]
WITH_REJECTS = [["受注番号", "受注日", "お名前", "注文者メールアドレス", "品名", "お支払い金額"]] + [
    [f"R{i:03d}", f"2026/2/{i + 1}", "山田 花子", f"hanako{i}@example.jp", "ひのき石鹸", str(1200 + i)] for i in range(20)]
WITH_REJECTS[4][1] = "2026/13/40"
WITH_REJECTS[9][1] = "二月上旬"
FILES = {"empty.csv": [], "no_date.csv": NO_DATE, "mostly_unreadable.csv": MOSTLY_UNREADABLE,
         "with_rejects.csv": WITH_REJECTS}


def write_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {name: write_csv(folder / name, rows, encoding="cp932") for name, rows in FILES.items()}


# -- fixtures --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_in(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The sample shop, built once per language the way the app builds it: core speaking the owner's language."""
    from engage_desktop.core import messages

    built: dict[str, Path] = {}

    def sample(lang: str) -> Path:
        if lang not in built:
            with messages.in_language(lang):
                built[lang] = create_sample_shop(tmp_path_factory.mktemp(f"sample-{lang}") / "sample-shop.duckdb")
        return built[lang]

    return sample


@pytest.fixture
def window_in(qtbot: Any) -> Iterator[Callable[[str], Any]]:
    from engage_desktop.ui import i18n
    from engage_desktop.ui.db import Database
    from engage_desktop.ui.main_window import MainWindow

    windows: list[Any] = []

    def make(lang: str) -> Any:
        i18n.install(lang)  # what the app does at start (and the settings' language switch)
        win = MainWindow(Database())
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
    i18n.install("en")


# -- the walk through the app ---------------------------------------------------------------------------
def walk_the_app(qtbot: Any, window: Any, screen: Screen, shop: Path, tmp_path: Path, data: ShopData,
                 monkeypatch: pytest.MonkeyPatch) -> None:
    from engage_desktop.core import backups
    from engage_desktop.ui.app import install_excepthook
    from engage_desktop.ui.customer_list import OrdersDialog
    from engage_desktop.ui.import_wizard import ImportWizard
    from tests.core.test_backups import damage

    progress: list[str] = []
    window.db._worker.progress.connect(lambda _id, _done, _total, message: progress.append(message))
    window.statusBar().messageChanged.connect(lambda message: screen.add("«main window» status bar", message))

    screen.context = "welcome page (no shop open)"
    screen.window(window)

    screen.context = "error box: opening a file that is not a shop"
    not_a_shop = tmp_path / "not-a-shop.duckdb"
    not_a_shop.write_text("これはショップのファイルではありません", encoding="utf-8")
    data.add(["これはショップのファイルではありません"])
    before = visible_dialogs()
    window.open_shop(not_a_shop)
    box = newest_dialog(qtbot, before, QMessageBox)
    screen.window(box)
    close(box)

    with qtbot.waitSignal(window.header_updated, timeout=30_000):
        window.open_shop(shop)

    # Every view, with what it shows when the owner clicks around.
    for view in window.views:
        show(qtbot, window, view.key)
        screen.context = f"view {view.key}"
        screen.window(window)
        for chart in view.findChildren(pg.PlotWidget):
            if chart.isVisible():
                screen.right_click(chart, qtbot)
        if view.key == "ltv":
            view.select_decile(0)
            settle(qtbot, window)
            screen.context = "view ltv: customers of a decile"
            screen.window(window)
            screen.context = "dialog: tier editor"
            before = visible_dialogs()
            view.edit_tiers()
            editor = newest_dialog(qtbot, before)
            settle(qtbot, window)  # its preview of who would move
            other = 1 if screen.lang == "ja" else 0  # the names in the other language: the owner writes both
            screen.exempt += [inputs[other] for inputs in editor.inputs]
            editor.inputs[0][2].setValue(editor.inputs[0][2].value() + 30_000)
            settle(qtbot, window)
            screen.window(editor)
            close(editor)
        if view.key == "journey":
            for context, open_dialog in (("dialog: pre-purchase counts", view.edit_funnel),
                                         ("dialog: step rules", view.edit_rules)):
                screen.context = context
                before = visible_dialogs()
                open_dialog()
                dialog = newest_dialog(qtbot, before)
                screen.window(dialog)
                close(dialog)
            customers = view.customers
            screen.context = "dialog: a customer's orders"
            before = visible_dialogs()
            customers._open_orders(customers.proxy.index(0, 1))  # what a double click does
            dialog = newest_dialog(qtbot, before, OrdersDialog)
            screen.window(dialog)
            close(dialog)
            screen.context = "error box: a customer list exported into a folder"
            monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path), "CSV"))
            before = visible_dialogs()
            customers.export()
            box = newest_dialog(qtbot, before, QMessageBox)
            screen.window(box)
            close(box)
            screen.context = "question: a customer list with characters Shift_JIS cannot hold"
            from engage_desktop.core.table import Table

            customers.set_table(Table(["name", "email"], [["山田 花子 🌸", "hanako@example.jp"]]), "")
            data.add(["山田 花子 🌸"])
            monkeypatch.setattr(QFileDialog, "getSaveFileName",
                                lambda *a, **k: (str(tmp_path / "list.csv"), "CSV Shift_JIS (CP932) (*.csv)"))
            asked = when_modal(screen, screen.context)
            customers.export()
            assert asked, "no question about characters Shift_JIS cannot hold"
        if view.key == "monthly":
            for i in range(view.metric.count()):
                view.metric.setCurrentIndex(i)
                screen.context = f"view monthly: {view.metric.itemData(i)}"
                screen.window(window)
        if view.key == "surveys":
            view.mode.setCurrentIndex(1)
            screen.context = "view surveys: shares"
            screen.window(window)

    # The menus' dialogs.
    screen.context = "dialog: settings"
    before = visible_dialogs()
    window.open_settings()
    settings = newest_dialog(qtbot, before)
    screen.window(settings)
    close(settings)

    screen.context = "dialog: about"
    before = visible_dialogs()
    window.actions["about"].trigger()
    about = newest_dialog(qtbot, before)
    from engage_desktop.ui.dialogs import BUNDLED, licence
    from importlib import metadata

    for name in BUNDLED:  # the names, versions and licences of other people's software are proper names
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        data.add([name, meta["Version"], licence(meta)])
    screen.window(about)
    close(about)

    show(qtbot, window, "ltv")
    for context, key, answer in (("error box: Excel export into a folder", "export", (str(tmp_path), "")),
                                 ("error box: chart exported as PNG into a folder", "png", (str(tmp_path), ""))):
        screen.context = context
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, answer=answer, **k: answer)
        before = visible_dialogs()
        window.actions[key].trigger()
        box = newest_dialog(qtbot, before, QMessageBox)
        screen.window(box)
        close(box)
    settle(qtbot, window)

    # The import wizard: files it refuses, then a file with rejected rows.
    files = write_files(tmp_path / "exports")
    for name, rows in FILES.items():
        data.add(file_values(rows))
        data.add([Path(name).stem], inside=False)  # a new source is named after its file
    for title, names in (("refused files", ["empty.csv", "no_date.csv", "mostly_unreadable.csv"]),
                         ("a CP932 file with rejected rows", ["with_rejects.csv"])):
        before = visible_dialogs()
        window.import_files([str(files[n]) for n in names])
        wizard = newest_dialog(qtbot, before, ImportWizard)
        qtbot.waitUntil(lambda: all(e.info is not None or e.error for e in wizard.entries), timeout=30_000)
        for row, name in enumerate(names):
            wizard.files.setCurrentRow(row)
            screen.context = f"import wizard, {title}: {name} before the import"
            screen.window(wizard)
        label = wizard.progress_label
        shown = label.setText
        label.setText = lambda text, shown=shown: (screen.add(describe(label), text), shown(text))
        screen.context = f"import wizard, {title}: progress"
        if wizard.import_button.isEnabled():
            wizard.import_button.click()
            qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=60_000)
        screen.context = f"import wizard, {title}: result page"
        screen.window(wizard)
        wizard.accept()
        settle(qtbot, window)
    screen.context = "progress messages (wizard, status bar, progress dialogs)"
    for message in progress:
        screen.add("progress message", message)

    view = show(qtbot, window, "imports")
    settle(qtbot, window)
    screen.context = "view imports after an import with rejected rows"
    screen.window(window)
    when_modal(screen, "question: undo an import")
    view.undo()

    def restore_then_close(dialog: QWidget) -> None:
        if dialog.table.rowCount():
            dialog.table.selectRow(0)
            when_modal(screen, "question: restore a backup")
            dialog.restore_button.click()
        close(dialog)

    asked = when_modal(screen, "dialog: backups", restore_then_close)
    window.show_backups()
    assert asked, "the backups dialog did not open"

    data_of_shop = run_on_db(qtbot, window, read_shop_data)
    data.whole |= data_of_shop.whole
    data.parts |= data_of_shop.parts

    screen.context = "error box: an unexpected error"
    hook = sys.excepthook
    try:
        install_excepthook(window)
        asked = when_modal(screen, screen.context)
        sys.excepthook(RuntimeError, RuntimeError(""), None)
        assert asked
    finally:
        sys.excepthook = hook

    screen.context = "message box: a damaged shop file with backups"
    damaged = tmp_path / "damaged" / "shop.duckdb"
    damaged.parent.mkdir()
    shutil.copy(shop, damaged)
    from engage_desktop.core.store import Store

    with Store(damaged) as store:
        backups.back_up(store, "daily")
    damage(damaged)
    asked = when_modal(screen, screen.context)
    window.open_shop(damaged)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    settle(qtbot, window)

    empty = tmp_path / "empty-shop.duckdb"
    data.add([empty.stem])  # a new shop is named after its file
    with qtbot.waitSignal(window.header_updated, timeout=30_000):
        window.open_shop(empty)
    for view in window.views:
        show(qtbot, window, view.key)
        screen.context = f"view {view.key} of an empty shop"
        screen.window(window)


@dataclass
class Leak:
    texts: list[str] = field(default_factory=list)  # the texts it is in (the first is shown)
    contexts: list[str] = field(default_factory=list)  # what the owner was doing when it showed


Found = dict[str, dict[str, Leak]]  # where -> leaking words -> the leak; in the order the walk met them


def leaks(seen: list[Seen], lang: str, data: ShopData) -> Found:
    found: Found = defaultdict(lambda: defaultdict(Leak))
    for item in seen:
        if item.data:
            continue
        for fragment in leaks_in(item.text, lang, data):
            leak = found[item.where][fragment]
            text = item.text.replace("\n", " ⏎ ").strip()
            for values, value in ((leak.texts, text), (leak.contexts, item.context)):
                if value not in values:
                    values.append(value)
    return found


def report(title: str, found: Found) -> str:
    """Each widget with its leaking words: one text they are in, and what the owner was doing."""
    lines = [f"{title} {sum(len(fragments) for fragments in found.values())}"]
    for where, fragments in found.items():
        contexts = list(dict.fromkeys(c for leak in fragments.values() for c in leak.contexts))
        more = f"; +{len(contexts) - 3} more" if len(contexts) > 3 else ""
        lines.append(f"\n  {where}    [{'; '.join(contexts[:3])}{more}]")
        for fragment, leak in fragments.items():
            example = leak.texts[0] if len(leak.texts[0]) <= 160 else leak.texts[0][:157] + "…"
            more = f"  (+{len(leak.texts) - 1} more)" if len(leak.texts) > 1 else ""
            lines.append(f"      {fragment!r}" + ("" if fragment == example else f"  in  {example!r}") + more)
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_language_leaks_on_screen(qtbot: Any, window_in: Any, sample_in: Any, tmp_path: Path, lang: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shop = tmp_path / "shop" / "sample-shop.duckdb"
    shop.parent.mkdir()
    shutil.copy(sample_in(lang), shop)
    window = window_in(lang)
    screen, data = Screen(lang), ShopData()
    walk_the_app(qtbot, window, screen, shop, tmp_path, data, monkeypatch)
    found = leaks(screen.seen, lang, data)
    other = "English" if lang == "ja" else "Japanese"
    assert not found, report(f"{other} in the {LANGUAGE_NAMES[lang]} window; leaking words:", found)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_language_leaks_in_the_excel_export(sample_in: Any, tmp_path: Path, lang: str) -> None:
    from engage_desktop.core.export.workbook import export_workbook
    from engage_desktop.core.store import Store

    shop = tmp_path / "sample-shop.duckdb"
    shutil.copy(sample_in(lang), shop)
    out = tmp_path / "report.xlsx"
    with Store(shop) as store:
        export_workbook(store, out, lang=lang)
        data = read_shop_data(store)
    seen: list[Seen] = []
    workbook = openpyxl.load_workbook(out)
    for sheet in workbook.worksheets:
        here = f"sheet «{sheet.title}»"
        seen.append(Seen("Excel export", f"{here} (sheet title)", sheet.title))
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    seen.append(Seen("Excel export", f"{here} {cell.coordinate}", cell.value))
                if lang == "ja" and cell.is_date and re.search(r"mmm|ddd", cell.number_format.replace('"', "")):
                    # Excel writes the month's or day's name in English: Jan 2024
                    seen.append(Seen("Excel export", f"{here} {cell.coordinate} (date format)", cell.number_format))
        for header in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):
            for part in (header.left, header.center, header.right):
                seen.append(Seen("Excel export", f"{here} (printed header or footer)", part.text or ""))
        for chart in sheet._charts:
            for element in chart._write().iter():  # titles, axis titles, literal series names and categories
                if element.tag.endswith(("}t", "}v")):
                    seen.append(Seen("Excel export", f"{here} chart", element.text or ""))
                if (lang == "ja" and element.tag.endswith("}numFmt")
                        and re.search(r"mmm|ddd", element.get("formatCode", ""))):
                    seen.append(Seen("Excel export", f"{here} chart (axis date format)", element.get("formatCode")))
    found = leaks(seen, lang, data)
    other = "English" if lang == "ja" else "Japanese"
    assert not found, report(f"{other} in the {LANGUAGE_NAMES[lang]} Excel export; leaking words:", found)
