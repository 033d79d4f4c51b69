"""A shop file that is always whole, backed up before every change, restored from a backup when damaged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engage_desktop.core import backups
from engage_desktop.core.errors import ShopFileDamaged
from engage_desktop.core.importing.pipeline import import_file, undo_import
from engage_desktop.core.store import Store
from tests.helpers import table_checksums, write_csv


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engage_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def generic_orders(folder: Path, name: str, first: int, count: int) -> Path:
    rows = [["注文番号", "注文日", "メールアドレス", "金額"],
            *([f"N{n}", f"2025/{1 + n % 12}/{1 + n % 28}", f"c{n % 50}@example.jp", str(1000 + n)]
              for n in range(first, first + count))]
    return write_csv(folder / name, rows)


def test_a_backup_before_each_import_and_undo_restores_exactly(tmp_path: Path) -> None:
    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, generic_orders(tmp_path, "a.csv", 0, 300))
        after_first = table_checksums(store.con)
        second = import_file(store, generic_orders(tmp_path, "b.csv", 300, 300))
        undo_import(store, second.import_id)
        made = backups.list_backups(shop)
        assert [b.reason for b in made] == ["undo", "import"]  # newest first; none before the very first import
    before_second = made[1]
    backups.restore(shop, before_second.path)
    with Store(shop) as store:
        assert table_checksums(store.con) == after_first
    assert backups.list_backups(shop)[0].reason == "before-restore"


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        store.set_setting("backups_kept", 3)
        for n in range(6):
            import_file(store, generic_orders(tmp_path, f"{n}.csv", 100 * n, 10))
    assert len(backups.list_backups(shop)) == 3


def test_the_shop_file_alone_holds_every_import(tmp_path: Path) -> None:
    # A backup tool or a cloud sync copies the shop file while the app is open: it must be complete.
    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, generic_orders(tmp_path, "a.csv", 0, 200))
        wal = shop.with_name(shop.name + ".wal")
        assert not wal.exists() or wal.stat().st_size == 0
        copy = tmp_path / "synced.duckdb"
        shutil.copyfile(shop, copy)
    with Store(copy, read_only=True) as synced:
        assert synced.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 200


def damage(path: Path, table: str = "orders") -> None:
    """Flip bytes inside a block of ``table`` (found by trying: the first spot that makes it unreadable)."""
    size = path.stat().st_size
    original = path.read_bytes()
    for spot in range(4096 * 4, size - 64, 4096):
        path.write_bytes(original[:spot + 100] + b"\xff\x00\x13\x37" * 8 + original[spot + 132:])
        try:
            with Store(path, read_only=True) as store:
                store.con.execute(f"SELECT max(hash(t)) FROM {table} t").fetchall()
        except Exception:  # noqa: BLE001 - damaged where we wanted it
            return
    raise AssertionError("could not find a block to damage")


def test_a_damaged_shop_is_named_as_such_and_restored_from_a_backup(tmp_path: Path) -> None:
    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, generic_orders(tmp_path, "a.csv", 0, 3000))
        import_file(store, generic_orders(tmp_path, "b.csv", 3000, 3000))  # a backup is kept before this one
        whole = table_checksums(store.con)
    shutil.copyfile(shop, tmp_path / "whole.duckdb")
    damage(shop)
    with pytest.raises(ShopFileDamaged, match="damaged"):
        Store(shop)
    for command in (["report"], ["imports"], ["export", "--out", str(tmp_path / "r.xlsx")],
                    ["undo-import", "1"], ["import", str(generic_orders(tmp_path, "c.csv", 9000, 5))]):
        done = run(*command, "--db", str(shop))
        assert done.returncode in (1, 2) and "damaged" in (done.stderr + done.stdout), (command, done.stderr)
        assert "Traceback" not in done.stderr and "CSV" not in done.stderr + done.stdout
    assert run("backups", "--db", str(shop), "--restore", "latest").returncode == 0
    with Store(shop) as store:  # the backup from before the second import
        assert store.con.execute("SELECT count(*) FROM orders").fetchone()[0] == 3000
        assert table_checksums(store.con) != whole
    os.replace(tmp_path / "whole.duckdb", shop)


def test_building_the_sample_makes_no_backups(tmp_path: Path) -> None:
    # The sample is built under a passing name and thrown away on failure: there is nothing to back
    # up, and two builds at once must not share a backups folder named after their building files.
    from engage_desktop.core.sample import create_sample_shop

    shop = create_sample_shop(tmp_path / "sample.duckdb")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith("-backups")] == []
    with Store(shop) as store:  # the finished sample is an ordinary shop: its imports back it up
        assert store.backed_up
