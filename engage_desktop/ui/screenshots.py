"""Screenshot mode: open each view in turn at 1280x800, wait until its data is drawn, save a PNG, exit."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from engage_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SIZE = (1280, 800)
SETTLE_MS = 400  # let layouts and charts paint after the data arrived
TIMEOUT_MS = 120_000


class ScreenshotRunner(QObject):
    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.index = -1
        self.saved: list[Path] = []
        self.timeout = QTimer(self)
        self.timeout.setSingleShot(True)
        self.timeout.timeout.connect(self._timed_out)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.window.resize(*SIZE)
        self._next()

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.window.views):
            QApplication.instance().exit(0)
            return
        self.timeout.start(TIMEOUT_MS)
        self.window.nav.setCurrentRow(self.index)  # shows the view: it loads if its data is stale
        self._wait()

    def _wait(self) -> None:
        if self.window.views[self.index].settled():
            QTimer.singleShot(SETTLE_MS, self._save)
        else:
            QTimer.singleShot(50, self._wait)

    def _save(self) -> None:
        self.timeout.stop()
        view = self.window.views[self.index]
        path = self.folder / f"{self.index + 1:02d}-{view.key}.png"
        if not self.window.grab().save(str(path), "PNG"):
            log.error("could not save %s", path)
            QApplication.instance().exit(1)
            return
        self.saved.append(path)
        print(path, flush=True)
        self._next()

    def _timed_out(self) -> None:
        log.error("view %s did not finish loading", self.window.views[self.index].key)
        QApplication.instance().exit(1)
