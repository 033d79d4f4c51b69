"""A shop file on read-only media (a locked USB stick, a read-only share) gives a clear message fast."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.core.errors import ShopFileUnavailable
from engage_desktop.core.store import Store
from tests.helpers import small_file_system


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs remounted ro): chmod does not stop root, this does."""
    with small_file_system(tmp_path / "media", 32) as folder:
        with Store(folder / "shop.duckdb") as store:
            store.set_setting("shop_name", "USBのお店")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder


def test_existing_shop_on_read_only_media(read_only_folder: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ShopFileUnavailable) as info:
        Store(read_only_folder / "shop.duckdb")
    assert time.monotonic() - started < 2.0
    assert "read-only" in str(info.value) and "Copy the shop file" in str(info.value)


def test_new_shop_on_read_only_media(read_only_folder: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ShopFileUnavailable) as info:
        Store(read_only_folder / "new-shop.duckdb")
    assert time.monotonic() - started < 2.0
    assert "read-only" in str(info.value)


def test_copy_off_the_media_opens(read_only_folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(read_only_folder / "shop.duckdb", copy)
    with Store(copy) as store:
        assert store.setting("shop_name") == "USBのお店"


def test_reading_commands_run_on_read_only_media(read_only_folder: Path, tmp_path: Path) -> None:
    import sys

    for command in (["report"], ["imports"], ["export", "--out", str(tmp_path / "report.xlsx")]):
        done = subprocess.run([sys.executable, "-m", "engage_desktop", *command, "--db", str(read_only_folder / "shop.duckdb")],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert done.returncode == 0, (command, done.stderr)


def test_reading_commands_run_beside_another_program_reading_the_shop(tmp_path: Path) -> None:
    import sys

    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        store.set_setting("shop_name", "共有のお店")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('open', flush=True); time.sleep(60)", str(shop)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        done = subprocess.run([sys.executable, "-m", "engage_desktop", "report", "--db", str(shop)],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert done.returncode == 0 and "共有のお店" in done.stdout, done.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
