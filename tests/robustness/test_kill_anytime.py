"""Kill the import at any moment (SIGKILL): the shop file always opens, exactly as before or exactly as after."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store
from tests.helpers import table_checksums, write_csv

TRIALS = 24
DATA_TABLES = ("orders", "order_lines", "customers", "import_rejects", "survey_responses", "customer_records")

CHILD = """
import sys
from engage_desktop.core.messages import set_language
from engage_desktop.core.store import Store
from engage_desktop.core.importing.pipeline import import_file
set_language("en")  # as this test's own import (the reject reasons it stores are compared)
store = Store(sys.argv[1])
print("ready", flush=True)
result = import_file(store, sys.argv[2])
store.close()
print(result.status, flush=True)
"""


def state_of(path: Path) -> tuple[dict[str, object], int]:
    with Store(path) as store:
        sums = table_checksums(store.con)
        imports = store.con.execute("SELECT count(*) FROM imports").fetchone()[0]
    return {t: sums[t] for t in DATA_TABLES}, imports


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_at_random_moments(tmp_path: Path) -> None:
    base = tmp_path / "base.duckdb"
    with Store(base) as store:
        rows = [["注文番号", "注文日時", "メールアドレス", "金額"]] + [
            [f"B{i}", f"2025/{1 + i % 12}/{1 + i % 28} 09:00", f"b{i % 300}@x.jp", str(100 + i)] for i in range(2000)]
        assert import_file(store, write_csv(tmp_path / "base.csv", rows)).status == "imported"
    big = write_csv(tmp_path / "big.csv", [["注文番号", "注文日時", "メールアドレス", "商品名", "金額"]] + [
        [f"K{i:07d}", f"2026/{1 + i % 12}/{1 + i % 28} 10:00", f"k{i % 20000}@x.jp", "石鹸", str(500 + i % 900)]
        for i in range(120_000)], encoding="cp932")
    before = state_of(base)
    finished = tmp_path / "finished.duckdb"
    shutil.copy(base, finished)
    started = time.monotonic()
    with Store(finished) as store:
        assert import_file(store, big).status == "imported"
    full_time = time.monotonic() - started
    after = state_of(finished)
    assert before != after

    rng = random.Random(7)
    outcomes = {"before": 0, "after": 0}
    # A killed import leaves its work folder for the app's next start to sweep
    # (paths.sweep_work_folders); the children's temp folder is the test's own, so a run leaves none.
    child_tmp = tmp_path / "child-tmp"
    child_tmp.mkdir()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(child_tmp)}
    for trial in range(TRIALS):
        shop = tmp_path / f"trial{trial}.duckdb"
        shutil.copy(base, shop)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(shop), str(big)], stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, full_time * 1.3))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        state = state_of(shop)  # must open, whatever moment the kill hit
        assert state in (before, after), f"trial {trial}: neither before nor after"
        outcomes["before" if state == before else "after"] += 1
    print("kill outcomes", outcomes, f"full import {full_time:.2f}s")
    assert sum(outcomes.values()) == TRIALS
