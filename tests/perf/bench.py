"""Benchmarks, run on purpose (not part of the test suite):

    .venv/bin/pip install -e ".[test,bench]"
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf.bench [--lines N] [--write docs/performance.md]
    .venv/bin/python -m tests.perf.bench --only analytics [--work DIR]   # the metrics alone, shop built once
    .venv/bin/python -m tests.perf.bench --only predicted [--cdnow CDNOW_master.txt] [--work DIR]
        # the predicted value on the CDNOW master file (69,659 rows, 23,570 customers); without --cdnow the
        # file is taken from the lifetimes 0.11.3 wheel, fetched once into --work with pip download

Everything is measured side by side in the same run, on data generated here,
and reported as ratios against a floor or a pandas pipeline doing the same work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from engage_desktop.core.metrics.measures import Measure
from engage_desktop.core.metrics import effect, journey, ltv, monthly, predicted, repeat, surveys, tier_history
from engage_desktop.core.metrics.base import resolve_as_of
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.store import Store
from tests.perf import data


@dataclass
class Row:
    section: str
    what: str
    value: float  # seconds, or MB for memory
    unit: str = "s"
    baseline: str = ""
    baseline_value: float | None = None
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline_value if self.baseline_value else None


def best_of(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=1800,
                          env={**os.environ, **(env or {})})
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def side_by_side(work: Path, runs: dict[str, tuple[str, list[str]]], rounds: int = 3) -> list[dict[str, float]]:
    """Run each child ``rounds`` times, alternating; the median run of each.

    Arguments that are bare file names (outputs: a shop file, a UTF-8 copy) become
    ``work / f"{run}-{name}"``, made fresh for every run (the last run's stays); paths (the
    input data) are passed as they are."""
    results: dict[str, list[dict[str, float]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, (code, args) in runs.items():
            outputs = {a: work / f"{name}-{a}" for a in args if os.sep not in a}
            for path in outputs.values():
                for leftover in (path, path.with_name(path.name + ".wal")):
                    leftover.unlink(missing_ok=True)
            if hasattr(os, "sync"):
                os.sync()  # the last run's 200 MB of writes are flushed now, not during this run
            results[name].append(child(code, *(str(outputs.get(a, a)) for a in args)))
    return [sorted(r, key=lambda x: x["seconds"])[rounds // 2] for r in results.values()]


IMPORT_CHILD = """
import json, os, resource, sys, time
from engage_desktop.core.store import Store
from engage_desktop.core.importing.pipeline import import_file
store = Store(sys.argv[1])
started = time.perf_counter()
results = [import_file(store, path) for path in sys.argv[2:]]
seconds = time.perf_counter() - started
store.close()
assert all(r.status == "imported" for r in results), [r.message for r in results]
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": sum(r.imported for r in results)}))
"""

# Python decodes the CP932 file to UTF-8 and opens a DuckDB file: the start of the floor and
# of the least-work import alike (argv: the CP932 file, the UTF-8 copy, the DuckDB file).
DECODE_CHILD = """
import json, sys, time, duckdb
started = time.perf_counter()
text = open(sys.argv[1], "rb").read().decode("cp932")
open(sys.argv[2], "wb").write(text.encode("utf-8"))
del text
con = duckdb.connect(sys.argv[3])
"""

FLOOR_CHILD = DECODE_CHILD + """
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{sys.argv[2]}', all_varchar = true, header = true)")
rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows}))
"""

PANDAS_CHILD = """
import json, sys, time
import pandas as pd
started = time.perf_counter()
df = pd.read_csv(sys.argv[1], encoding="cp932", dtype=str, keep_default_na=False)
df.columns = [c.replace("１", "1").replace("２", "2").replace("３", "3").replace("：", ":") for c in df.columns]
when = pd.to_datetime(df["注文日"] + " " + df["注文時間"], format="%Y/%m/%d %H:%M:%S", errors="coerce")
money = lambda s: pd.to_numeric(s.str.replace(r"[¥,円\\s]", "", regex=True).replace("-99999", ""), errors="coerce")
total, price, qty = money(df["合計金額(-99999=無効値)"]), money(df["単価"]), money(df["個数"])
email = df["メールアドレス"].str.strip().str.lower()
phone = (df["注文者電話番号1"] + df["注文者電話番号2"] + df["注文者電話番号3"]).str.replace(r"[^0-9]", "", regex=True)
cancelled = df["受注ステータス"].str.contains("キャンセル")
lines = pd.DataFrame({"order": df["受注番号"], "when": when, "email": email, "phone": phone, "total": total,
                      "amount": price * qty, "cancelled": cancelled})
orders = lines.groupby("order", sort=False).agg(when=("when", "first"), email=("email", "first"),
                                                 total=("total", "first"), cancelled=("cancelled", "any"))
orders["key"] = "e:" + orders["email"]
print(json.dumps({"seconds": time.perf_counter() - started, "rows": len(lines)}))
"""

# The least work any importer that stores orders and lines must do: decode, parse, write
# the lines, group the orders, commit. No checks, no identity, no customers: a reference
# for how much of the import is the checking and normalising.
LEAST_CSV_CHILD = DECODE_CHILD + """
con.execute("BEGIN")
src = f"read_csv('{sys.argv[2]}', all_varchar = true, header = true)"
con.execute(f'CREATE TABLE lines AS SELECT "受注番号" AS order_id, "商品名" AS product, "単価"::DECIMAL(18, 2) AS price, '
            f'"個数"::DECIMAL(18, 3) AS quantity FROM {src}')
day = 'strptime("注文日", ' + "'%Y/%m/%d')"
con.execute(f'CREATE TABLE orders AS SELECT "受注番号" AS order_id, any_value({day}) AS ordered_at, '
            f'any_value("メールアドレス") AS email, any_value("合計金額(-99999=無効値)"::DECIMAL(18, 2)) AS total '
            f'FROM {src} GROUP BY 1')
con.execute("COMMIT")
print(json.dumps({"seconds": time.perf_counter() - started, "rows": con.execute("SELECT count(*) FROM lines").fetchone()[0]}))
"""

# The least an xlsx import can do: calamine's read, the cells as CSV text, one DuckDB table.
LEAST_XLSX_CHILD = """
import csv, json, sys, time, duckdb
from python_calamine import CalamineWorkbook
started = time.perf_counter()
book = CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    csv.writer(out).writerows(rows)
con = duckdb.connect(sys.argv[3])
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{sys.argv[2]}', all_varchar = true, header = true)")
print(json.dumps({"seconds": time.perf_counter() - started, "rows": con.execute("SELECT count(*) FROM t").fetchone()[0]}))
"""

CALAMINE_CHILD = """
import json, sys, time
from python_calamine import CalamineWorkbook
started = time.perf_counter()
book = CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
print(json.dumps({"seconds": time.perf_counter() - started, "rows": len(rows) - 1}))
"""

# The import wizard in the real window: the file added, its preview shown, then Import pressed;
# the seconds from the press to the result page (argv: a new shop file, the CSV).
GUI_IMPORT_CHILD = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from engage_desktop.ui import i18n
from engage_desktop.ui.db import Database
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.import_wizard import ImportWizard
i18n.install("ja")
db = Database()
window = MainWindow(db)
window.show()
state = {}
def ready():
    wizards = window.findChildren(ImportWizard)
    if not wizards or not all(e.info is not None for e in wizards[-1].entries) or db.busy:
        QTimer.singleShot(10, ready)
        return
    state["wizard"] = wizards[-1]
    state["started"] = time.perf_counter()
    wizards[-1].import_button.click()
    QTimer.singleShot(10, done)
def done():
    wizard = state["wizard"]
    if wizard.pages.currentIndex() != 2 or wizard.state is not None:
        QTimer.singleShot(10, done)
        return
    seconds = time.perf_counter() - state["started"]
    assert all(r.status == "imported" for r in wizard.results), [r.message for r in wizard.results]
    print(json.dumps({"seconds": seconds}))
    app.quit()
def opened(_):
    window.import_files([sys.argv[2]])
    QTimer.singleShot(10, ready)
window.shop_opened.connect(opened)
window.open_shop(Path(sys.argv[1]))
app.exec()
db.shutdown()
"""

STALL_CHILD = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from engage_desktop.ui import i18n
from engage_desktop.ui.db import Database
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.core.importing.pipeline import import_file
i18n.install("ja")
db = Database()
window = MainWindow(db)
window.show()
state = {"last": None, "worst": 0.0, "running": False, "done": False}
def tick():
    now = time.perf_counter()
    if state["running"] and state["last"] is not None:
        state["worst"] = max(state["worst"], now - state["last"])
    state["last"] = now
timer = QTimer()
timer.timeout.connect(tick)
timer.start(5)
def finished(result):
    state["running"] = False
    print(json.dumps({"stall_ms": state["worst"] * 1000, "status": result.status}))
    app.quit()
def start():
    if not window.views[0].settled() or window.views[0].data is None or db.busy:
        QTimer.singleShot(20, start)
        return
    # The shop's first view and its customer list are drawn and idle: from now on only the import runs.
    QTimer.singleShot(1000, run_import)
def run_import():
    state["running"] = True
    db.submit(lambda store, st: import_file(store, sys.argv[2], state=st), finished)
window.shop_opened.connect(lambda _: QTimer.singleShot(200, start))
window.open_shop(Path(sys.argv[1]))
app.exec()
db.shutdown()
"""


def wall(args: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from process start to exit: what the owner waits for when a command runs."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, timeout=1800, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:] + done.stdout[-3000:])
    return seconds


def whole_command_rows(csv_path: Path, work: Path, rounds: int = 3) -> list[Row]:
    """The CLI import, process start to exit, against the floor's script, process start to exit."""
    floor_times, cli_times = [], []
    for _ in range(rounds):
        for leftover in work.glob("cmd-*"):
            leftover.unlink()
        if hasattr(os, "sync"):
            os.sync()
        floor_times.append(wall([sys.executable, "-c", FLOOR_CHILD, str(csv_path), str(work / "cmd-floor.csv"),
                                 str(work / "cmd-floor.duckdb")]))
        if hasattr(os, "sync"):
            os.sync()
        cli_times.append(wall([sys.executable, "-m", "engage_desktop", "import", "--db", str(work / "cmd-shop.duckdb"),
                               "--lang", "ja", str(csv_path)], env={"ENGAGE_DESKTOP_HOME": str(work / "home")}))
    floor, cli = sorted(floor_times)[rounds // 2], sorted(cli_times)[rounds // 2]
    return [Row("CSV import", "same file, whole command (process start to exit)", cli,
                baseline="floor's script, process start to exit", baseline_value=floor, target="<= 1.5x floor",
                met=cli <= 1.5 * floor)]


def wide_rows(work: Path, lines: int) -> list[Row]:
    """A real export is wide: the current 楽天 order CSV has 158 columns."""
    path = data.rakuten_wide_csv(work / "rakuten158.csv", lines)
    floor, full = side_by_side(work, rounds=3, runs={
        "wfloor": (FLOOR_CHILD, [str(path), "wfloor.csv", "wfloor.duckdb"]),
        "wfull": (IMPORT_CHILD, ["wshop.duckdb", str(path)]),
    })
    assert full["rows"] == floor["rows"] == lines, (full, floor)
    return [Row("CSV import", f"{lines:,} lines, 158 columns (楽天 current layout), CP932, full import",
                full["seconds"], baseline="decode to UTF-8 + DuckDB read_csv", baseline_value=floor["seconds"],
                target="<= 1.5x floor", met=full["seconds"] <= 1.5 * floor["seconds"])]


def wizard_rows(csv_path: Path, work: Path, lines: int) -> list[Row]:
    """What the owner waits for in the wizard: the preview after adding a file, and after a mapping change."""
    from engage_desktop.core.importing.pipeline import ImportOptions
    from engage_desktop.core.importing.preview import plan_and_preview

    def shown(options: ImportOptions) -> None:
        plan, _preview = plan_and_preview(store, str(csv_path), options)
        plan.close()

    with Store(work / "wizard.duckdb") as store:
        added = best_of(lambda: shown(ImportOptions()))
        changed = best_of(lambda: shown(ImportOptions(kind="orders", mapping={"email": ""})))
    return [Row("Import wizard", f"preview shown after adding the {lines:,}-line file", added, target="< 0.3 s",
                met=added < 0.3),
            Row("Import wizard", "preview shown after a mapping change", changed, target="< 0.3 s", met=changed < 0.3)]


def run(lines: int, work: Path) -> list[Row]:
    rows: list[Row] = []
    print(f"generating {lines:,} order lines…", flush=True)
    csv_path = data.rakuten_csv(work / "rakuten.csv", lines)
    survey_path = data.survey_csv(work / "survey.csv")
    xlsx_path = data.orders_xlsx(work / "orders.xlsx")

    print("CSV import…", flush=True)
    # Each side runs five times, alternating, in fresh processes; the medians are compared
    # (one run of the floor on this box varies by 30%).
    floor, full, least = side_by_side(work, rounds=5, runs={
        "floor": (FLOOR_CHILD, [str(csv_path), "floor.csv", "floor.duckdb"]),
        "full": (IMPORT_CHILD, ["shop.duckdb", str(csv_path)]),
        "least": (LEAST_CSV_CHILD, [str(csv_path), "least.csv", "least.duckdb"]),
    })
    assert full["rows"] == floor["rows"] == least["rows"] == lines
    rows.append(Row("CSV import", f"{lines:,} lines, CP932, full import", full["seconds"],
                    baseline="decode to UTF-8 + DuckDB read_csv", baseline_value=floor["seconds"],
                    target="<= 1.5x floor", met=full["seconds"] <= 1.5 * floor["seconds"]))
    rows.append(Row("CSV import", "same import (reference)", full["seconds"],
                    baseline="least work: decode, lines, orders, no checks", baseline_value=least["seconds"], target="report"))
    try:
        pandas = child(PANDAS_CHILD, str(csv_path))
        rows.append(Row("CSV import", "same import (reference)", full["seconds"], baseline="pandas read + normalise",
                        baseline_value=pandas["seconds"], target="report"))
    except RuntimeError as exc:
        print("pandas not available:", str(exc).splitlines()[-1])
    rows.append(Row("Memory", "peak RSS of the full CSV import", full["rss_mb"], unit="MB", target="< 600 MB",
                    met=full["rss_mb"] < 600))
    rows += whole_command_rows(csv_path, work)
    print("wide CSV import…", flush=True)
    rows += wide_rows(work, max(lines // 5, 1000))
    print("import wizard…", flush=True)
    rows += wizard_rows(csv_path, work, lines)

    print("xlsx import…", flush=True)
    calamine, xlsx, least_xlsx = side_by_side(work, {
        "calamine": (CALAMINE_CHILD, [str(xlsx_path)]),
        "xlsx": (IMPORT_CHILD, ["xlsx.duckdb", str(xlsx_path)]),
        "least": (LEAST_XLSX_CHILD, [str(xlsx_path), "least.csv", "least.duckdb"]),
    })
    rows.append(Row("xlsx import", "100,000 rows, full import", xlsx["seconds"], baseline="python-calamine read only",
                    baseline_value=calamine["seconds"], target="<= 1.3x", met=xlsx["seconds"] <= 1.3 * calamine["seconds"]))
    rows.append(Row("xlsx import", "least work: read, cells to CSV, one DuckDB table", least_xlsx["seconds"],
                    baseline="python-calamine read only", baseline_value=calamine["seconds"], target="report"))

    print("analytics…", flush=True)
    shop = work / "full-shop.duckdb"  # the last full CSV import (side_by_side names outputs run-output)
    child(IMPORT_CHILD, str(shop), str(survey_path))
    rows += analytics_rows(shop, lines)

    print("start-up and GUI stall…", flush=True)
    from engage_desktop.core.sample import create_sample_shop

    sample = create_sample_shop(work / "sample" / "sample.duckdb")
    env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "ENGAGE_DESKTOP_HOME": str(work / "home")}
    from tests.perf.startup import startup_rows  # here, not at the top: it imports Row from this module

    rows.extend(startup_rows(work))  # the first view drawn with data beside a bare PySide6+pyqtgraph+DuckDB window
    stall_shop = work / "stall.duckdb"
    shutil.copy(sample, stall_shop)
    stall = child(STALL_CHILD, str(stall_shop), str(csv_path), env=env)
    rows.append(Row("Start-up", f"longest GUI-thread stall during a {lines:,}-line import", stall["stall_ms"] / 1000,
                    target="< 100 ms", met=stall["stall_ms"] < 100))
    gui_times = []
    for n in range(3):
        gui_times.append(child(GUI_IMPORT_CHILD, str(work / f"gui-{n}.duckdb"), str(csv_path), env=env)["seconds"])
    gui = sorted(gui_times)[1]
    rows.append(Row("Import wizard", f"GUI import end to end ({lines:,} lines: Import pressed to the result page)", gui,
                    baseline="the same import in process", baseline_value=full["seconds"], target="<= 1.1x",
                    met=gui <= 1.1 * full["seconds"]))
    return rows


def analytics_shop(work: Path, lines: int) -> Path:
    """The shop of the analytics rows alone (``--only analytics``): the generated orders and survey
    answers imported once into ``work``, and that file reused while it is there."""
    shop = work / f"analytics-{lines}.duckdb"
    if not shop.exists():
        print(f"generating and importing {lines:,} order lines into {shop}…", flush=True)
        csv_path = data.rakuten_csv(work / f"rakuten-{lines}.csv", lines)
        survey_path = data.survey_csv(work / "survey.csv")
        partial = shop.with_name(shop.name + ".part")
        for leftover in (partial, partial.with_name(partial.name + ".wal")):
            leftover.unlink(missing_ok=True)
        child(IMPORT_CHILD, str(partial), str(csv_path), str(survey_path))
        partial.rename(shop)
    return shop


def analytics_rows(shop: Path, lines: int) -> list[Row]:
    """Every metric on the imported shop ``shop``, best of three."""
    rows: list[Row] = []
    with Store(shop) as store:
        day = resolve_as_of(store, None)
        customers = store.con.execute("SELECT count(*) FROM customers").fetchone()[0]
        history = tier_history.tier_history(store, day)
        metrics: dict[str, Callable[[], object]] = {
            "LTV tiers": lambda: ltv.tier_table(store, day),
            "deciles": lambda: ltv.deciles(store, day),
            "shop LTV": lambda: ltv.shop_ltv(store, day),
            "tier customer list": lambda: ltv.tier_customers(store, day, "top"),
            "repeat rate": lambda: repeat.repeat_rate(store, day),
            "F2 conversion": lambda: repeat.f2_conversion(store, day),
            "dormant / churn": lambda: repeat.dormant(store, day),
            "cohort retention": lambda: repeat.cohort_retention(store, day),
            "month over month": lambda: monthly.monthly(store, day),
            "month over month, one tier": lambda: monthly.monthly(store, day, tier="good"),
            "NPS": lambda: surveys.nps(store, day),
            "NPS by tier": lambda: surveys.nps_by_tier(store, day),
            "fan matrix": lambda: surveys.fan_matrix(store, day),
            "journey": lambda: journey.journey(store, day),
            "tier as of a date (every customer's tier 6 month ends back, fetched)": lambda: store.con.execute(
                f"SELECT customer_key, tier FROM ({ltv.tiered_facts_sql(store, ltv.month_end_before(day, 6))})"
            ).fetchall(),
            "tier movement, 3 months": lambda: ltv.tier_movement(store, ltv.month_end_before(day, 3), day),
            # one query gives both: the ups/downs per month and the tiers' counts (TierHistory)
            "tier ups and downs per month + tier counts (tier history)": lambda: tier_history.tier_history(store, day),
            "round target, 優良+中堅 (from the history: Python only)": lambda: history.round_target(["top", "good"]),
            "100-day plan cohort heat map": lambda: journey.cohort_100d(store, day),
            "predicted value: the report's section (summary, both fits, verdict)":
                lambda: predicted.predicted(store, day, with_customers=False),
        }
        for name, fn in metrics.items():
            seconds = best_of(fn)
            rows.append(Row("Analytics", f"{name} ({lines:,} lines / {customers:,} customers)", seconds,
                            target="< 200 ms", met=seconds < 0.2))
        # A measure's effect (the measures view, on a click): three monthly series and the targeted group.
        started = ltv.month_end_before(day, 4) + dt.timedelta(days=1)
        probes = {"every customer": Measure("bench", started, metric="revenue"),
                  "a tier (中堅)": Measure("bench", started, "tier", "good", "revenue"),
                  "a journey step (2)": Measure("bench", started, "step", "2", "customers")}
        for what, m in probes.items():
            seconds = best_of(lambda m=m: effect.effect(store, day, m))
            rows.append(Row("Analytics", f"effect of a measure aimed at {what} ({lines:,} lines)", seconds,
                            target="< 1 s", met=seconds < 1.0))
        duck = best_of(lambda: (ltv.tier_table(store, day), ltv.deciles(store, day), monthly.monthly(store, day)))
        report = best_of(lambda: build_report(store, day), runs=2)
        rows.append(Row("Analytics", "full report (every metric)", report, target="< 1 s", met=report < 1.0))
        try:
            pandas_time = pandas_analytics(store, day)
            rows.append(Row("Analytics", "tiers + deciles + monthly", duck, baseline="pandas, same computations",
                            baseline_value=pandas_time, target="report"))
        except ImportError:
            print("pandas not available for the analytics comparison")
    return rows


CDNOW_WHEEL = "lifetimes==0.11.3"
CDNOW_IN_WHEEL = "lifetimes/datasets/CDNOW_master.txt"


def cdnow_master(work: Path, given: Path | None) -> Path:
    """The CDNOW master file (Fader & Hardie's CDNOW data: customer id, YYYYMMDD, CDs, dollars; 69,659 rows):
    ``given``, or taken from the lifetimes 0.11.3 wheel on PyPI, downloaded once into ``work`` (it is not
    committed, and lifetimes is not a dependency: only its data file is read)."""
    if given:
        return given
    target = work / "CDNOW_master.txt"
    if not target.exists():
        import zipfile

        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", CDNOW_WHEEL, "-d", str(work)],
                       check=True)
        wheel = next(w for w in work.glob("*.whl") if w.name.lower().startswith("lifetimes-0.11.3-"))
        with zipfile.ZipFile(wheel) as archive:
            target.write_bytes(archive.read(CDNOW_IN_WHEEL))
    return target


def cdnow_shop(work: Path, master: Path) -> Path:
    """A shop of the CDNOW orders, imported through the real pipeline (a CSV of order number, order time,
    the customer as an e-mail address, amount), built once in ``work``."""
    shop = work / "cdnow.duckdb"
    if shop.exists():
        return shop
    from engage_desktop.core.importing.pipeline import import_file

    rows = ["注文番号,注文日時,メールアドレス,金額"]
    for n, line in enumerate(master.read_text().splitlines()):
        fields = line.split()
        if len(fields) != 4 or not fields[0].isdigit():
            continue  # the wheel's copy has a header line
        customer, day, _cds, dollars = fields
        rows.append(f"C{n},{day[:4]}/{day[4:6]}/{day[6:]} 12:00,c{int(customer)}@cdnow.example,{dollars}")
    csv_path = work / "cdnow-orders.csv"
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    partial = shop.with_name(shop.name + ".part")
    partial.unlink(missing_ok=True)
    with Store(partial, backed_up=False) as store:
        store.set_setting("currency", "USD")
        result = import_file(store, csv_path)
        assert result.status == "imported", result
    partial.rename(shop)
    return shop


def predicted_rows(shop: Path) -> list[Row]:
    """Fitting both models and scoring every customer of the CDNOW shop, best of three."""
    rows: list[Row] = []
    with Store(shop) as store:
        day = resolve_as_of(store, None)
        s = predicted.summary(store, day)

        def fit_and_score() -> object:
            frequency, spend = predicted.fit(s)
            return predicted.score(s, frequency, spend)

        what = f"CDNOW master, {len(s.keys):,} customers, as of {day}"
        seconds = best_of(fit_and_score)
        rows.append(Row("Predicted value", f"fit BG/NBD + Gamma-Gamma and score every customer ({what})", seconds,
                        target="< 2 s", met=seconds < 2.0))
        seconds = best_of(lambda: predicted.predicted(store, day))
        rows.append(Row("Predicted value", f"the whole view's data: summary SQL, fit, score, customer list ({what})",
                        seconds, target="< 2 s", met=seconds < 2.0))
        result = predicted.predicted(store, day, with_customers=False)
        f, g = result.frequency, result.spend
        print(f"CDNOW master as of {day}: BG/NBD r={f.r:.4g} alpha={f.alpha:.4g} a={f.a:.4g} b={f.b:.4g} "
              f"LL={f.loglik:.1f}; Gamma-Gamma p={g.p:.4g} q={g.q:.4g} gamma={g.gamma:.4g}; "
              f"reliable={result.verdict.reliable} ({result.verdict.reason})")
    return rows


def pandas_analytics(store: Store, day: dt.date) -> float:
    """Customer facts, LTV, tiers, deciles and monthly revenue with pandas, from the same orders."""
    import pandas as pd

    orders = store.con.execute(
        f"SELECT customer_key, ordered_at, revenue::DOUBLE AS revenue, is_refund FROM orders WHERE NOT cancelled "
        f"AND ordered_at < DATE '{day}' + INTERVAL 1 DAY").df()
    as_of = pd.Timestamp(day)

    def compute() -> None:
        known = orders[orders.customer_key.notna()]
        facts = known.groupby("customer_key").agg(first=("ordered_at", "min"), last=("ordered_at", "max"),
                                                 orders=("is_refund", lambda r: (~r).sum()), revenue=("revenue", "sum"))
        years = ((as_of - facts["first"].dt.normalize()).dt.days / 365.25).clip(lower=1)
        facts["ltv"] = facts["revenue"] / years
        since = (as_of - facts["last"].dt.normalize()).dt.days
        facts["tier"] = "one_time"
        facts.loc[facts.orders >= 2, "tier"] = "regular"
        facts.loc[facts.ltv >= 20000, "tier"] = "good"
        facts.loc[facts.ltv >= 50000, "tier"] = "top"
        facts.loc[since > 180, "tier"] = "dormant"
        facts.groupby("tier").agg(customers=("revenue", "size"), revenue=("revenue", "sum"), ltv=("ltv", "mean"))
        ranked = facts.sort_values("revenue", ascending=False).reset_index()
        ranked["decile"] = (ranked.index * 10 // len(ranked)) + 1
        ranked.groupby("decile")["revenue"].sum().cumsum()
        orders.groupby(orders.ordered_at.dt.to_period("M")).agg(revenue=("revenue", "sum"), orders=("revenue", "size"),
                                                                customers=("customer_key", "nunique"))

    return best_of(compute)


def comment_rows(work: Path, answers: int = 100_000) -> list[Row]:
    """A survey's kept columns: its import with and without a comment and a choice column (what keeping them
    costs), and the words of 10,000 comments (the tokenizer's dictionary loaded first, the words not yet
    remembered)."""
    from engage_desktop.core import words
    from engage_desktop.core.importing.pipeline import import_files
    from engage_desktop.core.metrics import comment_terms
    from engage_desktop.core.metrics.comments import CommentFilter

    rows = []
    seconds = {}
    for with_comments in (False, True):
        survey = data.survey_csv(work / f"survey-{with_comments}.csv", answers, comments=with_comments)

        def once() -> None:
            shop = work / "comments.duckdb"
            shop.unlink(missing_ok=True)
            with Store(shop, backed_up=False) as store:
                assert import_files(store, [survey])[0].ok

        seconds[with_comments] = best_of(once)
    rows.append(Row("Comments", f"survey import, {answers:,} answers with a comment and a choice column",
                    seconds[True], baseline="the same answers without them", baseline_value=seconds[False]))
    with Store(work / "comments.duckdb", backed_up=False) as store:
        day = resolve_as_of(store, None)
        texts = [t for (t,) in store.con.execute("SELECT answer FROM survey_comments WHERE free_text LIMIT 10000").fetchall()]
        words._sudachi()  # the dictionary's load, once per process, apart

        def count() -> None:  # each comment cut anew: the bench's comments repeat, the remembered words would hide it
            for text in texts:
                frozenset(words.words_of.__wrapped__(text))

        tokenize = best_of(count)
        rows.append(Row("Comments", f"words of {len(texts):,} comments (Japanese, SudachiPy)", tokenize,
                        target="< 2 s", met=tokenize < 2.0))
        words.words_of.cache_clear()
        start = time.perf_counter()
        comment_terms.compare_terms(store, day, CommentFilter(group="promoters"), CommentFilter(group="detractors"))
        rows.append(Row("Comments", f"promoters' and detractors' words ({answers:,} answers, not remembered)",
                        time.perf_counter() - start))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| section | measure | result | baseline | baseline result | ratio | target | met |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        value = f"{r.value:,.0f} MB" if r.unit == "MB" else (f"{r.value * 1000:,.0f} ms" if r.value < 1 else f"{r.value:,.2f} s")
        base = "" if r.baseline_value is None else (f"{r.baseline_value * 1000:,.0f} ms" if r.baseline_value < 1 else f"{r.baseline_value:,.2f} s")
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.section} | {r.what} | {value} | {r.baseline} | {base} | {ratio} | {r.target} | {met} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--write", type=Path, help="also write the results into this markdown file")
    parser.add_argument("--only", choices=["analytics", "predicted", "comments"],
                        help="only this section (its shop is built once in --work)")
    parser.add_argument("--cdnow", type=Path, help="CDNOW_master.txt for --only predicted (default: from the "
                        f"{CDNOW_WHEEL} wheel, fetched into --work)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "engage-bench-work",
                        help="where --only keeps the shop it builds, to reuse it (default: %(default)s)")
    args = parser.parse_args()
    if args.only == "comments":
        with tempfile.TemporaryDirectory(prefix="engage-bench-") as folder:
            print(table(comment_rows(Path(folder))))
        return 0
    if args.only == "analytics":
        args.work.mkdir(parents=True, exist_ok=True)
        rows = analytics_rows(analytics_shop(args.work, args.lines), args.lines)
    if args.only == "predicted":
        args.work.mkdir(parents=True, exist_ok=True)
        rows = predicted_rows(cdnow_shop(args.work, cdnow_master(args.work, args.cdnow)))
    if args.only:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"load average (1 min) at the end: {load:.2f}")
        print(table(rows))
        return 0
    with tempfile.TemporaryDirectory(prefix="engage-bench-") as folder:
        rows = run(args.lines, Path(folder)) + comment_rows(Path(folder))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, DuckDB {duckdb.__version__}"
    result = f"Measured {dt.date.today().isoformat()} on {machine}.\n\n{table(rows)}\n"
    print(result)
    if args.write:
        text = args.write.read_text("utf-8") if args.write.exists() else ""
        marker = "<!-- results -->"
        head = text.split(marker)[0] if marker in text else text
        args.write.write_text(head + marker + "\n" + result, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
