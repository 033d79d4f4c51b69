"""Screenshot mode: each view, the import wizard and an error message box saved as PNGs, then exit.

``engage-desktop --sample --lang ja --screenshot DIR [--size 1366x768]`` saves, at the given window
size (1280x800 by default):

- one PNG per view, once its data is drawn (01-journey.png … 08-imports.png);
- the effect of a measure aimed at a tier, and the measure's form;
- the import wizard (the dialog itself) with files it writes into a temporary folder: an empty
  CSV it refuses before importing, the result page of a CSV refused because most of its dates are
  unreadable, and the preview and result page of a CP932 CSV with one unreadable date;
- the message box of an Excel export into a folder (the box itself);
- the wizard's preview after a mapping corrected by hand (a till's order date from 受付日, not 発送日),
  a customer list after a search, and the welcome page.

The imports go into a copy of the shop in the temporary folder, and the person's preferences
(recent shops, the window's size) are kept apart for the run: taking screenshots changes nothing
of the owner's.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from engage_desktop.core.store import Store
from engage_desktop.ui import i18n, measure_log
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from engage_desktop.ui.import_wizard import ImportWizard

log = logging.getLogger(__name__)
SIZE = (1280, 800)
SETTLE_MS = 400  # let layouts and charts paint after the data arrived
TIMEOUT_MS = 120_000
POLL_MS = 50

# The files the wizard is shown with: what a Japanese shop's generic order export looks like.
HEADERS = ["注文番号", "注文日", "お名前", "メールアドレス", "商品名", "金額"]
CUSTOMERS = [("佐藤 花子", "hanako.sato"), ("鈴木 一郎", "ichiro.suzuki"), ("高橋 美咲", "misaki.takahashi"),
             ("田中 健太", "kenta.tanaka"), ("伊藤 結衣", "yui.ito"), ("渡辺 翔太", "shota.watanabe")]
PRODUCTS = [("オリーブ石鹸", 1200), ("ラベンダー石鹸", 1400), ("今治タオル フェイス", 1600)]


def orders_csv(dates: list[str]) -> bytes:
    """A CP932 order export with one order per date (a date the app cannot read stays as written)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for i, date in enumerate(dates):
        name, mail = CUSTOMERS[i % len(CUSTOMERS)]
        product, price = PRODUCTS[i % len(PRODUCTS)]
        writer.writerow([f"S{2601 + i}", date, name, f"{mail}@example.jp", product, price])
    return buffer.getvalue().encode("cp932")


def till_csv() -> bytes:
    """A till's export with two dates: shipped (発送日) days after ordered (受付日), the phone in three parts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["伝票番号", "発送日", "受付日", "お名前", "金額", "電話1", "電話2", "電話3"])
    for i in range(6):
        name, _mail = CUSTOMERS[i]
        writer.writerow([f"T{301 + i}", f"2026/3/{9 + i}", f"2026/3/{2 + i}", name, PRODUCTS[i % 3][1],
                         "03", f"{1200 + i}", f"{5600 + i}"])
    return buffer.getvalue().encode("cp932")


def write_import_files(folder: Path) -> dict[str, Path]:
    """empty: refused before importing; dates_unreadable: refused on import (7 of 10 dates cannot be
    read, more than allowed); one_bad_date: imported with one row rejected (February 30th)."""
    files = {
        "empty": (folder / "orders_empty.csv", b""),
        "dates_unreadable": (folder / "orders_dates_unreadable.csv",
                             orders_csv([f"2026/3/{d}" for d in range(1, 4)] + ["未定"] * 7)),
        "one_bad_date": (folder / "orders_2026-02.csv",
                         orders_csv([f"2026/2/{d}" for d in (2, 5, 9, 14, 30, 20, 26)])),
        "two_dates": (folder / "till_2026-03.csv", till_csv()),
    }
    for path, content in files.values():
        path.write_bytes(content)
    return {key: path for key, (path, _) in files.items()}


def parse_size(text: str) -> tuple[int, int]:
    """'1366x768' -> (1366, 768); what argparse calls for --size."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise ValueError(f"{text!r}: give the size as WIDTHxHEIGHT, e.g. 1366x768")
    return int(match[1]), int(match[2])


def keep_preferences_apart(folder: Path) -> None:
    """The run's preferences (recent shops, last shop) go into ``folder``, not the person's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


Step = Callable[[], bool] | int  # wait until it is true, or for so many milliseconds


class ScreenshotRunner(QObject):
    def __init__(self, window: MainWindow, folder: Path, size: tuple[int, int] = SIZE) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.size = size
        self.saved: list[Path] = []
        self.work = tempfile.TemporaryDirectory(prefix="engage-screenshots-", ignore_cleanup_errors=True)
        keep_preferences_apart(Path(self.work.name) / "preferences")
        self.script: Iterator[Step] | None = None
        self.waiting_for = ""
        self.timeout = QTimer(self)
        self.timeout.setSingleShot(True)
        self.timeout.timeout.connect(self._timed_out)

    def start(self) -> None:
        if self.script is not None:
            return  # the shop opened again (the copy the imports go into)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.window.resize(*self.size)
        self.script = self._script()
        self._advance()

    def cleanup(self) -> None:
        """Remove the temporary folder (call after the database thread has closed the copy)."""
        self.work.cleanup()

    # -- what is taken -----------------------------------------------------------------
    def _script(self) -> Iterator[Step]:
        # Here, not at the top: the app imports this module for SIZE and parse_size at every start, and
        # the export (openpyxl) and the import are not needed at start.
        from engage_desktop.core.export.workbook import export_workbook
        from engage_desktop.core.importing.fields import field_label

        window = self.window
        for index, view in enumerate(window.views):
            self.waiting_for = f"view {view.key}"
            window.nav.setCurrentRow(index)  # shows the view: it loads if its data is stale
            yield lambda view=view: view.settled() and not window.db.busy
            yield SETTLE_MS
            self._save(window, f"{index + 1:02d}-{view.key}.png")
        number = len(window.views)

        def shot(widget: QWidget, name: str) -> None:
            nonlocal number
            number += 1
            self._save(widget, f"{number:02d}-{name}.png")

        # The effect of a measure aimed at a tier (the sample's new-product preview), then its form.
        self.waiting_for = "the effect of a measure"
        index = next(i for i, v in enumerate(window.views) if v.key == "measures")
        window.nav.setCurrentRow(index)
        view = window.views[index]
        yield lambda: view.settled() and not window.db.busy
        view.choose(next((i for i, m in enumerate(view.data["measures"]) if m.target_kind == "tier"), 0))
        yield lambda: view.settled() and not window.db.busy
        yield SETTLE_MS
        shot(window, "measure-effect")
        form = measure_log.open_form(view, window.ctx, view.chosen(), view.data["as_of"])
        yield SETTLE_MS
        shot(form, "measure-form")
        form.reject()

        work = Path(self.work.name)
        files = write_import_files(work)
        yield from self._open_a_copy(work / "shop" / window.db.path.name)

        # A file refused before importing, and one refused by the import.
        wizard = yield from self._wizard([files["empty"], files["dates_unreadable"]])
        wizard.files.setCurrentRow(0)
        yield SETTLE_MS
        shot(wizard, "import-refused-file")
        yield from self._import(wizard)
        shot(wizard, "import-refused-result")
        wizard.accept()

        # A file with one unreadable date: its preview, then the result page with the rejected row.
        wizard = yield from self._wizard([files["one_bad_date"]])
        shot(wizard, "import-rejects-preview")
        yield from self._import(wizard)
        shot(wizard, "import-rejects-result")
        wizard.accept()

        # An error message box: the Excel export into a folder (the owner picked a folder's name).
        self.waiting_for = "the message box of an export into a folder"
        before = set(self._message_boxes())
        lang, as_of, folder = i18n.current(), window.ctx.as_of, str(work)
        run_in_background(window, window.db,
                          lambda store, state: export_workbook(store, folder, view="all", as_of=as_of, lang=lang),
                          lambda _: None, "")
        yield lambda: bool(set(self._message_boxes()) - before)
        box = next(iter(set(self._message_boxes()) - before))
        yield SETTLE_MS
        shot(box, "error-export-to-folder")
        box.done(0)

        # A mapping the owner corrected by hand: the order date taken from another column.
        wizard = yield from self._wizard([files["two_dates"]])
        self.waiting_for = "the wizard's preview after a corrected mapping"
        combo = next(wizard.mapping.cellWidget(r, 1) for r in range(wizard.mapping.rowCount())
                     if wizard.mapping.cellWidget(r, 0).text().strip() == field_label("order_date"))
        combo.setCurrentIndex(combo.findData("受付日"))
        combo.activated.emit(combo.currentIndex())
        yield lambda: all(e.info is not None for e in wizard.entries) and not self.window.db.busy
        yield SETTLE_MS
        shot(wizard, "import-mapping-corrected")
        wizard.reject()

        # A customer list after a search: the dormant customers whose e-mail is at example.jp.
        self.waiting_for = "the LTV view's customers after a search"
        index = next(i for i, v in enumerate(window.views) if v.key == "ltv")
        window.nav.setCurrentRow(index)
        view = window.views[index]
        yield lambda: view.settled() and not window.db.busy
        view.select_tier(len(view.data["tiers"]) - 1)
        yield lambda: not window.db.busy
        view.customers.search.setText("example.jp")
        yield SETTLE_MS
        shot(window, "list-after-search")

        # The welcome page, as the app first opens.
        window.stack.setCurrentWidget(window.welcome)
        yield SETTLE_MS
        shot(window, "welcome")

    def _open_a_copy(self, copy: Path) -> Iterator[Step]:
        """Open a copy of the shop (checkpointed, so it holds everything): the imports go into it."""
        self.waiting_for = "a copy of the shop"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copied: list[Any] = []

        def job(store: Store, state: object) -> None:
            store.con.execute("CHECKPOINT")
            shutil.copyfile(store.path, copy)

        self.window.db.submit(job, copied.append, self._failed)
        yield lambda: bool(copied)
        self.window.open_shop(copy)
        yield lambda: self.window.shop == copy and not self.window.db.busy and all(
            v.settled() for v in self.window.views if v.isVisible())

    def _wizard(self, paths: list[Path]) -> Iterator[Step]:
        from engage_desktop.ui.import_wizard import ImportWizard  # not needed at start (see _script)

        self.waiting_for = "the import wizard's reading of " + ", ".join(p.name for p in paths)
        self.window.import_files([str(p) for p in paths])
        wizard = self.window.findChildren(ImportWizard)[-1]
        yield lambda: all(e.info is not None or e.error for e in wizard.entries) and not self.window.db.busy
        yield SETTLE_MS
        return wizard

    def _import(self, wizard: ImportWizard) -> Iterator[Step]:
        self.waiting_for = "the import wizard's result page"
        wizard.import_button.click()
        yield lambda: wizard.pages.currentIndex() == 2 and wizard.state is None
        yield SETTLE_MS

    def _message_boxes(self) -> list[QMessageBox]:
        return [w for w in self.window.findChildren(QMessageBox) if w.isVisible()]

    # -- plumbing ----------------------------------------------------------------------
    def _advance(self) -> None:
        assert self.script is not None
        try:
            step = next(self.script)
        except StopIteration:
            self.timeout.stop()
            QApplication.instance().exit(0)
            return
        except Exception:  # noqa: BLE001 - a screenshot run that breaks says why and exits with 1
            log.exception("screenshot mode failed while waiting for %s", self.waiting_for)
            QApplication.instance().exit(1)
            return
        if isinstance(step, int):
            QTimer.singleShot(step, self._advance)
        else:
            self.timeout.start(TIMEOUT_MS)
            self._poll(step)

    def _poll(self, ready: Callable[[], bool]) -> None:
        if not self.timeout.isActive():
            return  # timed out: the app is exiting
        if ready():
            self.timeout.stop()
            self._advance()
        else:
            QTimer.singleShot(POLL_MS, lambda: self._poll(ready))

    def _save(self, widget: QWidget, name: str) -> None:
        path = self.folder / name
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"could not save {path}")
        self.saved.append(path)
        print(path, flush=True)

    def _failed(self, message: str) -> None:
        log.error("screenshot mode: %s failed: %s", self.waiting_for, message)
        self.timeout.stop()
        QApplication.instance().exit(1)

    def _timed_out(self) -> None:
        log.error("screenshot mode: %s did not finish", self.waiting_for)
        QApplication.instance().exit(1)
