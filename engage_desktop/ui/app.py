"""Start the desktop app: arguments, logging, fonts, language, the first shop, screenshot mode."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from engage_desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from engage_desktop.cli import COMMANDS, speak_language_of
from engage_desktop.core.messages import t
from engage_desktop.core.paths import log_path, sweep_work_folders
from engage_desktop.ui import i18n, preferences
from engage_desktop.ui.db import Database
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.resources import icon_path
from engage_desktop.ui.screenshots import SIZE, ScreenshotRunner, parse_size

log = logging.getLogger("engage_desktop")
# Set (to anything) by the start-up benchmark (tests/perf/startup.py): the app prints when the first view is
# drawn with its data, then quits.
EXIT_WHEN_DRAWN = "ENGAGE_DESKTOP_EXIT_WHEN_DRAWN"
CJK_FONTS = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans", "Noto Sans JP", "IPAexGothic")


def parse_args(argv: list[str]) -> argparse.Namespace:
    speak_language_of(argv)  # the help in the owner's language, as the subcommands' is
    parser = argparse.ArgumentParser(
        prog="engage-desktop", description=t(
            "{app} {version}. Without options: the app. Command-line tools: engage-desktop {{{commands}}} --help",
            app=APP_NAME, version=__version__, commands=",".join(COMMANDS)))  # the CLI's own list: never stale
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--sample", action="store_true", help=t("open the built-in sample shop"))
    parser.add_argument("--db", type=Path, help=t("open this shop file"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=t("the language (default: your setting, else the computer's)"))
    parser.add_argument("--screenshot", type=Path, metavar="DIR",
                        help=t("save one PNG per view, the import wizard's pages (a refused file, rejected rows) and "
                               "an error message box into DIR, then exit"))
    parser.add_argument("--size", type=size_argument, default=SIZE, metavar="WxH",
                        help=t("the window's size for --screenshot (default: {width}x{height})", width=SIZE[0],
                               height=SIZE[1]))
    return parser.parse_args(argv)


def size_argument(text: str) -> tuple[int, int]:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def setup_logging() -> None:
    handler = logging.FileHandler(log_path(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def pick_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            app.setFont(QFont(family, 10))
            return
    log.warning("no CJK font found; Japanese text may not render (install e.g. fonts-noto-cjk)")


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path())))
    setup_logging()
    pick_font(app)
    i18n.install(args.lang or i18n.preferred_language())
    db = Database()
    db.submit_unbound(lambda: sweep_work_folders())  # what killed imports left behind, off the GUI thread
    window = MainWindow(db)
    install_excepthook(window)
    last = preferences.read("last_shop")  # read before a screenshot run sets the preferences apart
    runner = None
    if args.screenshot:
        if not (args.sample or args.db or (last and Path(last).exists())):
            print(t("--screenshot needs a shop to show: add --sample or --db FILE"), file=sys.stderr)
            return 2
        runner = ScreenshotRunner(window, args.screenshot, args.size)
        window.shop_opened.connect(lambda _: QTimer.singleShot(0, runner.start))
    else:
        window.restore_geometry()
    if os.environ.get(EXIT_WHEN_DRAWN):
        exit_when_drawn(window)
    window.show()
    if args.sample:
        window.open_sample()
    elif args.db:
        window.open_shop(args.db)
    elif last and Path(last).exists():
        window.open_shop(Path(last))
    code = app.exec()
    db.shutdown()  # the database thread must end before Qt tears down (idempotent)
    if runner is not None:
        runner.cleanup()  # its copy of the shop is closed now
    return code


def exit_when_drawn(window: MainWindow) -> None:
    """The start-up benchmark's hook: once the first view has loaded, paint the window, print the time
    (``time.time()``, for the parent to subtract its own) and whether the view has data, and quit."""
    view = window.views[0]

    def drawn() -> None:
        window.repaint()  # paints now, charts included: the owner sees this
        print(json.dumps({"drawn": time.time(), "with_data": view.data is not None}), flush=True)
        QCoreApplication.quit()

    view.loaded.connect(drawn)


def install_excepthook(window: MainWindow) -> None:
    """An unexpected error is logged with its traceback and shown as a message, never a silent crash."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.warning(window, APP_NAME, QCoreApplication.translate("App", "Something went wrong: %1\nDetails are in %2.")
                            .replace("%1", str(error)).replace("%2", str(log_path())))

    sys.excepthook = hook
