"""What the app writes never replaces what it did not make (issue 14.1, 14.2, 14.15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engage_desktop.core.errors import EngageError
from engage_desktop.core.export.lists import write_list
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.table import Table
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import table_checksums


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engage_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


@pytest.fixture
def real_shop(tmp_path: Path) -> Path:
    path = tmp_path / "myshop.duckdb"
    with Store(path) as store:
        orders, _ = exports.rakuten(tmp_path)
        assert import_file(store, orders).status == "imported"
    return path


def checksums(path: Path) -> dict:
    with Store(path, read_only=True) as store:
        return table_checksums(store.con)


def test_sample_refuses_to_replace_a_real_shop(real_shop: Path) -> None:
    before = checksums(real_shop)
    done = run("sample", "--db", str(real_shop))
    assert done.returncode == 2 and "--force" in done.stderr and "Traceback" not in done.stderr
    assert checksums(real_shop) == before


def test_sample_refuses_a_shop_another_program_has_open_even_with_force(real_shop: Path) -> None:
    before = checksums(real_shop)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(real_shop)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        done = run("sample", "--db", str(real_shop), "--force")
        assert done.returncode == 2 and "open in another program" in done.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert checksums(real_shop) == before


def test_sample_with_force_replaces_and_an_earlier_sample_is_rebuilt(tmp_path: Path, real_shop: Path) -> None:
    assert run("sample", "--db", str(real_shop), "--force").returncode == 0
    with Store(real_shop, read_only=True) as store:
        assert store.setting("sample_version") is not None
    assert run("sample", "--db", str(real_shop)).returncode == 0  # an earlier sample: no --force needed


def test_two_sample_builds_at_once_end_without_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "sample.duckdb"
    procs = [subprocess.Popen([sys.executable, "-m", "engage_desktop", "sample", "--db", str(target)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8") for _ in range(2)]
    outcomes = [p.communicate(timeout=300) for p in procs]
    assert all("Traceback" not in err for _, err in outcomes), outcomes
    assert any(p.returncode == 0 for p in procs)
    with Store(target, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM orders").fetchone()[0] > 0


def test_export_never_writes_over_a_shop_file_or_into_a_folder(real_shop: Path, tmp_path: Path) -> None:
    before = checksums(real_shop)
    done = run("export", "--db", str(real_shop), "--out", str(real_shop))
    assert done.returncode == 2 and "shop file" in done.stderr
    other = tmp_path / "other.db"  # another shop, whatever its name
    with Store(other):
        pass
    done = run("export", "--db", str(real_shop), "--out", str(other))
    assert done.returncode == 2 and "shop file" in done.stderr
    done = run("export", "--db", str(real_shop), "--out", str(tmp_path))
    assert done.returncode == 2 and "is a folder" in done.stderr and "Traceback" not in done.stderr
    assert checksums(real_shop) == before


def test_a_list_is_never_saved_over_a_shop_file(real_shop: Path) -> None:
    with pytest.raises(EngageError, match="shop file"):
        write_list(Table(["a"], [("x",)]), real_shop)
    with pytest.raises(EngageError, match="shop file"):
        write_list(Table(["a"], [("x",)]), real_shop.with_name("myshop.duckdb.wal"))


def test_stale_work_folders_of_killed_imports_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import tempfile
    import time

    from engage_desktop.core.paths import WORK_PREFIX, sweep_work_folders

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, fresh = tmp_path / f"{WORK_PREFIX}old", tmp_path / f"{WORK_PREFIX}fresh"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "table.csv").write_text("x")
    day_ago = time.time() - 24 * 3600
    os.utime(old, (day_ago, day_ago))
    assert sweep_work_folders() == 1
    assert not old.exists() and fresh.exists()


def test_a_shift_jis_list_says_which_characters_it_cannot_hold() -> None:
    from engage_desktop.core.export.lists import unwritable

    table = Table(["name", "memo"], [("髙橋 ①", "ありがとう😀"), ("佐藤", "🎁")])
    assert unwritable(table, ["名前", "メモ"], "cp932") == ["🎁", "😀"]
    assert unwritable(table, ["名前", "メモ"], "utf-8-sig") == []
