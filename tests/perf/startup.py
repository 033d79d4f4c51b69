"""Start-up: process start to the first view drawn with its data, beside a bare window (issue 18).

Two fresh processes, side by side in one run (alternating, the median of five each):

- the bare window: a script that imports PySide6, pyqtgraph and DuckDB, opens a DuckDB connection,
  shows a QMainWindow with one pyqtgraph plot of a few points read from it, and exits once painted;
- the app: ``python -m engage_desktop --db SAMPLE --lang ja`` on the sample shop (built once
  beforehand), until its first view (the journey) is drawn with its data. The app's
  ``ENGAGE_DESKTOP_EXIT_WHEN_DRAWN`` hook (engage_desktop/ui/app.py) paints the window then, prints
  the time and quits.

Both print ``time.time()`` once drawn; the parent subtracts the time it started the process at.
The app's preferences, log and data folder go into ``work`` (XDG_CONFIG_HOME, ENGAGE_DESKTOP_HOME).

    python -m tests.perf.startup
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.bench import Row

RUNS = 5
TARGET = 1.2  # the app at most 1.2x the bare window

BARE_WINDOW = """
import json, time
import duckdb
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
con = duckdb.connect()
x, y = zip(*con.execute("SELECT i, i * i FROM range(24) t(i)").fetchall())
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot(list(x), list(y), symbol="o")
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()

def drawn():
    window.repaint()
    print(json.dumps({"drawn": time.time(), "with_data": True}), flush=True)
    QCoreApplication.quit()

QTimer.singleShot(0, drawn)
app.exec()
"""


def _seconds(command: list[str], env: dict[str, str]) -> float:
    """From starting the process to the time it printed when drawn."""
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    if done.returncode:
        raise RuntimeError(f"{command} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{command} printed no time:\n{done.stdout[-1000:]}\n{done.stderr[-3000:]}")
    result = json.loads(lines[-1])
    if not result["with_data"]:
        raise RuntimeError(f"{command}: the first view was drawn without data")
    return result["drawn"] - started


def startup_rows(work: Path, runs: int = RUNS) -> list[Row]:
    """The bare window's row and the app's, the app's with the ratio to the bare window."""
    work = work / "startup"
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "ENGAGE_DESKTOP_HOME": str(work / "home"), "XDG_CONFIG_HOME": str(work / "config")}
    shop = work / "sample.duckdb"
    if not shop.exists():
        subprocess.run([sys.executable, "-m", "engage_desktop", "sample", "--db", str(shop), "--lang", "ja"],
                       check=True, capture_output=True, env=env, timeout=600)
    commands = {
        "bare": ([sys.executable, "-c", BARE_WINDOW], env),
        "app": ([sys.executable, "-m", "engage_desktop", "--db", str(shop), "--lang", "ja"],
                {**env, "ENGAGE_DESKTOP_EXIT_WHEN_DRAWN": "1"}),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, run_env) in commands.items():
            times[name].append(_seconds(command, run_env))
    bare, app = (statistics.median(times[name]) for name in ("bare", "app"))
    return [
        Row("Start-up", f"bare window: PySide6 + pyqtgraph + DuckDB, one plot drawn (median of {runs})", bare),
        Row("Start-up", f"process start to the sample shop's journey drawn with its data (median of {runs})", app,
            baseline="bare window (row above)", baseline_value=bare, target=f"<= {TARGET}x",
            met=app <= TARGET * bare),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="engage-startup-") as folder:
        for row in startup_rows(Path(folder)):
            ratio = "" if row.ratio is None else f"  {row.ratio:.2f}x ({row.target}: {'met' if row.met else 'not met'})"
            print(f"{row.what}: {row.value:.3f} s{ratio}")


if __name__ == "__main__":
    main()
