"""The main window: navigation between the views, the shop's name and data period, File menu, drop to import."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QMenu, QMessageBox,
                               QStackedWidget, QVBoxLayout, QWidget)

from engage_desktop import APP_NAME
from engage_desktop.core import backups
from engage_desktop.core.metrics import ltv
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.metrics.report import shop_summary
from engage_desktop.core.paths import app_data_dir, sample_shop_path
from engage_desktop.core.messages import in_language
from engage_desktop.core.store import Store
from engage_desktop.ui import i18n, preferences
from engage_desktop.ui.background import run_in_background, show_error
from engage_desktop.ui.context import AppContext
from engage_desktop.ui.db import Database
from engage_desktop.ui.dialogs import AboutDialog, SettingsDialog, WelcomePage
from engage_desktop.ui.resources import icon_path
from engage_desktop.ui.views import VIEWS
from engage_desktop.ui.views.base import View

log = logging.getLogger(__name__)

# Start-up pays only for the first view: what the import wizard, the Excel export (openpyxl), the backups
# dialog and the sample shop's building need is imported where they are opened (tests/ui/test_startup_imports.py).


DEFAULT_SIZE = (1280, 800)


def first_size(available: QSize) -> tuple[int, int]:
    """The first window's size: 1280x800, or what the screen has room for (a 1366x768 laptop with its
    taskbar leaves about 1366x728: a taller window would open with its bottom off the screen)."""
    return min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height() - 40)


class MainWindow(QMainWindow):
    shop_opened = Signal(object)  # Path
    header_updated = Signal()

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.ctx = AppContext(db, self)
        self.shop: Path | None = None
        self.shop_info: dict[str, Any] = {}
        self.setWindowIcon(QIcon(str(icon_path())))
        self.setAcceptDrops(True)
        self.resize(*first_size(self.screen().availableGeometry().size()))

        self.shop_label, self.period_label = QLabel(), QLabel()
        self.shop_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.period_label.setStyleSheet("color: #444;")
        # It wraps on a narrow window: on one line, the shop's figures alone made the window 1,120 px wide at
        # least, wider than a 1366 x 768 laptop at 125% shows.
        self.period_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.shop_label)
        header.addSpacing(16)
        header.addWidget(self.period_label, 1)
        self.nav = QListWidget()
        self.nav.setFixedWidth(160)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 9px 6px; }")
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.new_requested.connect(self.new_shop)
        self.welcome.open_requested.connect(self.choose_shop)
        self.stack.addWidget(self.welcome)
        self.views: list[View] = []
        for view_class in VIEWS:
            view = view_class(self.ctx)
            self.views.append(view)
            self.stack.addWidget(view)
            self.nav.addItem("")
            if hasattr(view, "import_requested"):
                view.import_requested.connect(self.import_files)
        self.nav.currentRowChanged.connect(self.show_view)
        self.ctx.open_view.connect(self.open_view)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.ctx.data_changed.connect(self.update_header)
        self.db.busy_changed.connect(lambda busy: self.statusBar().showMessage(self.tr("Working…") if busy else ""))
        self.retranslate()
        self._set_shop_actions(False)
        self.stack.setCurrentWidget(self.welcome)
        self.nav.setEnabled(False)

    # -- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.help_menu = QMenu(self)
        bar.addMenu(self.file_menu)
        bar.addMenu(self.help_menu)
        self.recent_menu = QMenu(self)
        self.actions: dict[str, QAction] = {}
        for key, slot, shortcut in (
            ("new", self.new_shop, QKeySequence.StandardKey.New),
            ("open", self.choose_shop, QKeySequence.StandardKey.Open),
            ("sample", self.open_sample, None),
            ("import", self.import_files, QKeySequence("Ctrl+I")),
            ("export", self.export_excel, QKeySequence("Ctrl+E")),
            ("png", self.export_png, None),
            ("template", self.save_survey_template, None),
            ("settings", self.open_settings, QKeySequence.StandardKey.Preferences),
            ("backups", self.show_backups, None),
            ("quit", self.close, QKeySequence.StandardKey.Quit),
            ("about", lambda: AboutDialog(self).open(), None),
        ):
            action = QAction(self)
            action.triggered.connect(slot)
            if shortcut is not None:
                action.setShortcut(shortcut)
            self.actions[key] = action
        for key in ("new", "open"):
            self.file_menu.addAction(self.actions[key])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.actions["sample"])
        self.file_menu.addSeparator()
        for key in ("import", "export", "png", "template"):
            self.file_menu.addAction(self.actions[key])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["settings"])
        self.file_menu.addAction(self.actions["backups"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["quit"])
        self.help_menu.addAction(self.actions["about"])
        self._fill_recent()

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME + (f" — {self.shop_info.get('name', '')}" if self.shop else ""))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Recent shops"))
        texts = {"new": self.tr("New shop…"), "open": self.tr("Open shop…"), "sample": self.tr("Open the sample shop"),
                 "import": self.tr("Import files…"), "export": self.tr("Export to Excel…"),
                 "png": self.tr("Export chart as PNG…"), "settings": self.tr("Settings…"), "quit": self.tr("Quit"),
                 "backups": self.tr("Backups…"), "template": self.tr("Save a survey template…"),
                 "about": self.tr("About Engage Desktop")}
        for key, text in texts.items():
            self.actions[key].setText(text)
        for row, view in enumerate(self.views):
            self.nav.item(row).setText(view.title())
        self.welcome.retranslate()
        self._show_header()

    def _set_shop_actions(self, enabled: bool) -> None:
        for key in ("import", "export", "png", "template", "settings", "backups"):
            self.actions[key].setEnabled(enabled)

    # -- shops -------------------------------------------------------------------------
    def open_shop(self, path: Path, prepare: Any = None) -> None:
        # What was done in the shop being left is not undone in the next one: an undo clicked while the
        # other opens would run after the open, in it.
        self.ctx.undo_stack.clear()
        label = self.tr("Opening %1…").replace("%1", path.name)
        self.statusBar().showMessage(label)

        def done(opened: Path) -> None:
            self.shop = opened
            self._remember(opened)
            self._set_shop_actions(True)
            self.nav.setEnabled(True)
            self.update_header()
            self.ctx.shop_changed.emit()
            self.ctx.data_changed.emit()
            if self.nav.currentRow() < 0:
                self.nav.setCurrentRow(0)
            else:
                self.show_view(self.nav.currentRow())
            self.shop_opened.emit(opened)

        def failed(message: str) -> None:
            self.shop = None
            self._set_shop_actions(False)
            self.nav.setEnabled(False)
            self.stack.setCurrentWidget(self.welcome)
            if self.db.last_open_damaged and backups.list_backups(path):
                self.offer_backup(path, message)
            else:
                show_error(self, message)

        self.db.open(path, done, failed, prepare=prepare,
                     on_progress=lambda d, t, m: self.statusBar().showMessage(f"{label} {m}"))

    def show_backups(self) -> None:
        if self.shop is not None:
            self._choose_backup(self.shop)

    def offer_backup(self, path: Path, message: str) -> None:
        """A damaged shop file: say so, and offer its backups."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The shop file is damaged"), message, parent=self)
        choose = box.addButton(self.tr("Choose a backup…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is choose:
            self._choose_backup(path)

    def _choose_backup(self, path: Path) -> None:
        from engage_desktop.ui.backups_dialog import BackupsDialog  # on first use: not needed at start

        dialog = BackupsDialog(path, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_backup(path, dialog.chosen)

    def restore_backup(self, path: Path, backup: Path) -> None:
        """Put ``backup`` in place of the shop file at ``path`` (closed first) and open it."""
        self.open_shop(path, prepare=lambda state: backups.restore(path, backup))

    def open_sample(self) -> None:
        # On first use: building the sample shop takes the import pipeline, not needed at start.
        from engage_desktop.core.sample import create_sample_shop, sample_is_current

        path = sample_shop_path()

        def prepare(state: Any) -> None:
            if not sample_is_current(path):
                create_sample_shop(path, state)

        self.open_shop(path, prepare)

    def new_shop(self) -> None:
        # The app's own data folder, where the default and sample shops are: not the home folder's clutter.
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New shop file"), str(app_data_dir() / "my-shop.duckdb"),
                                              self.tr("Shop files (*.duckdb)"))
        if path:
            self.open_shop(Path(path) if path.endswith(".duckdb") else Path(path + ".duckdb"))

    def choose_shop(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open shop file"), str(Path.home()),
                                              self.tr("Shop files (*.duckdb)"))
        if path:
            self.open_shop(Path(path))

    def _remember(self, path: Path) -> None:
        recent = [p for p in preferences.read("recent_shops") if p != str(path)]
        preferences.write("recent_shops", [str(path), *recent])
        preferences.write("last_shop", str(path))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in preferences.read("recent_shops"):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def open_recent(self, path: Path) -> None:
        """A recent shop; one that was moved or deleted is said so, never replaced by a new empty shop."""
        if path.exists():
            self.open_shop(path)
            return
        answer = self.ask_missing_shop(path)
        if answer == "locate":
            found = self.locate_shop(path)
            if found is not None:
                self._forget(path)
                self.open_shop(found)
        elif answer == "remove":
            self._forget(path)

    def ask_missing_shop(self, path: Path) -> str:
        """'locate', 'remove' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Shop file not found"),
                          self.tr("%1 is not where it was (%2): it may have been moved, renamed or deleted. "
                                  "Nothing was created in its place.").replace("%1", path.name)
                          .replace("%2", str(path.parent)), parent=self)
        locate = box.addButton(self.tr("Locate it…"), QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton(self.tr("Remove from the list"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return "locate" if box.clickedButton() is locate else "remove" if box.clickedButton() is remove else "cancel"

    def locate_shop(self, path: Path) -> Path | None:
        start = next((p for p in (path.parent, *path.parents) if p.exists()), app_data_dir())
        found, _ = QFileDialog.getOpenFileName(self, self.tr("Where is %1?").replace("%1", path.name), str(start),
                                               self.tr("Shop files (*.duckdb)"))
        return Path(found) if found else None

    def _forget(self, path: Path) -> None:
        preferences.write("recent_shops", [p for p in preferences.read("recent_shops") if p != str(path)])
        if preferences.read("last_shop") == str(path):
            preferences.write("last_shop", "")
        self._fill_recent()

    def update_header(self) -> None:
        if self.shop is None:
            return

        as_of = self.ctx.as_of

        def job(store: Store, state: object) -> dict[str, Any]:
            return {**shop_summary(store), "currency": store.setting("currency"),
                    "currency_style": store.setting("currency_style"),
                    "tiers": {tier.key: tier for tier in ltv.tiers(store)},
                    "as_of": resolve_as_of(store, as_of), "settings": store.settings()}

        def done(info: dict[str, Any]) -> None:
            i18n.set_currency(info["currency"])
            i18n.set_currency_style(info["currency_style"])  # declared: always one of its choices
            self.shop_info = info
            self.ctx.tiers = info["tiers"]
            self._show_header()
            self.header_updated.emit()

        self.db.submit(job, done)

    def _show_header(self) -> None:
        info = self.shop_info
        if not self.shop or not info:
            self.shop_label.setText(APP_NAME)
            self.period_label.setText("")
            return
        self.setWindowTitle(f"{APP_NAME} — {info['name']}")
        self.shop_label.setText(info["name"])
        if info["first"] is None:
            text = self.tr("No orders yet: import your shop's exports (File ▸ Import files…)")
            if info["known"]:
                text += "   " + self.tr("%1 customers known").replace("%1", i18n.number(info["known"]))
            self.period_label.setText(text)
        else:
            self.period_label.setText(
                self.tr("Data: %1 – %2   As of %3   %4 customers known, %5 who bought, %6 orders")
                .replace("%1", i18n.month_label(info["first"].date())).replace("%2", i18n.month_label(info["last"].date()))
                .replace("%3", i18n.date_label(info["as_of"])).replace("%4", i18n.number(info["known"]))
                .replace("%5", i18n.number(info["customers"])).replace("%6", i18n.number(info["orders"])))

    # -- views -------------------------------------------------------------------------
    def show_view(self, row: int) -> None:
        if 0 <= row < len(self.views) and self.shop is not None:
            self.stack.setCurrentWidget(self.views[row])

    def open_view(self, key: str, detail: object = None) -> None:
        """Show the view ``key`` (a link on the home screen), and in it ``detail`` where it takes one."""
        row = next(i for i, view in enumerate(self.views) if view.key == key)
        self.nav.setCurrentRow(row)
        if detail is not None and hasattr(self.views[row], "focus_on"):
            self.views[row].focus_on(detail)

    def current_view(self) -> View | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, View) else None

    # -- actions -----------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        if self.shop is None:
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose export files"), "",
                                                    self.tr("Exports (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"))
            if not paths:
                return
        # On first use: the wizard takes the import pipeline, not needed at start.
        from engage_desktop.ui.import_wizard import ImportWizard

        ImportWizard(self.ctx, list(paths), self).open()

    def export_excel(self) -> None:
        from engage_desktop.core.export.workbook import export_workbook  # on first use: openpyxl, not needed at start

        name = f"{self.shop_info.get('name', 'shop')}_{dt.date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        lang, as_of = i18n.current(), self.ctx.as_of
        run_in_background(self, self.db, lambda store, state: export_workbook(store, path, view="all", as_of=as_of, lang=lang),
                          lambda written: self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(written)), 8000),
                          self.tr("Writing the Excel workbook…"))

    def save_survey_template(self) -> None:
        """The survey's three questions and a comment question with the shop's name, for Google Forms."""
        from engage_desktop.core.export.survey_template import write_template  # on first use: openpyxl

        shop = self.shop_info.get("name", "")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a survey template"),
                                              str(Path.home() / self.tr("survey-template.xlsx")),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        lang = i18n.current()

        def job(store: Store, state: object) -> Path:
            with in_language(lang):
                return write_template(path, shop)

        run_in_background(self, self.db, job,
                          lambda written: self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(written)), 8000),
                          self.tr("Writing the survey template…"))

    def export_png(self) -> None:
        view = self.current_view()
        if view is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart as PNG"), str(Path.home() / f"{view.key}.png"),
                                              "PNG (*.png)")
        if path and not view.chart_widget().grab().save(path, "PNG"):
            show_error(self, self.tr("Could not save %1.").replace("%1", path))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self.shop_info.get("settings", {}), self)
        dialog.language_changed.connect(self.set_language)
        dialog.open()

    def set_language(self, lang: str) -> None:
        i18n.install(lang)
        self.retranslate()
        self.ctx.language_changed.emit()

    # -- window ------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geometry = preferences.read("window_geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        preferences.write("window_geometry", self.saveGeometry())
        # A note being typed is the owner's: save it before the shop file closes.
        if [view for view in self.views if view.finish_editing()]:
            self.db.wait_idle(5000)
        self.db.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.shop is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_files(paths)
