"""A disk that is (nearly) full: refused before anything is written, with the numbers; and when it
fills up during the write anyway, the shop file is left as it was and the message says the disk is full."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.core.importing import pipeline
from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store
from tests.helpers import small_file_system, table_checksums, write_csv


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 24 MB file system (tmpfs): what a nearly full laptop disk or USB stick does."""
    with small_file_system(tmp_path / "disk", 24) as folder:
        yield folder


def orders(path: Path, count: int, first: int = 0) -> Path:
    rows = [["注文番号", "注文日", "メールアドレス", "お名前", "商品名", "金額"],
            *([f"A{n:08d}", f"2025/{1 + n % 12}/{1 + n % 28}", f"customer{n}@example.jp", f"お客様 {n}",
               f"商品 {n % 997} " + "説明" * 10, str(100 + n % 5000)] for n in range(first, first + count))]
    return write_csv(path, rows)


def test_an_import_the_disk_cannot_hold_is_refused_before_anything_is_written(small_disk: Path, tmp_path: Path) -> None:
    with Store(small_disk / "shop.duckdb") as store:
        import_file(store, orders(tmp_path / "small.csv", 100))
        before = table_checksums(store.con)
        big = orders(tmp_path / "big.csv", 300_000)  # ~40 MB
        result = import_file(store, big)
        assert result.status == "refused" and "MB are free" in result.message and "Free some space" in result.message
        assert table_checksums(store.con) == before


def test_a_disk_that_fills_during_the_write_leaves_the_shop_as_it_was(small_disk: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "check_free_space", lambda store, path: None)  # the estimate was too low
    shop = small_disk / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, orders(tmp_path / "small.csv", 100))
        before = table_checksums(store.con)
        size_before = shop.stat().st_size
        result = import_file(store, orders(tmp_path / "big.csv", 400_000))
        assert result.status == "refused" and "disk is full" in result.message.lower()
        assert "CSV" not in result.message
        assert table_checksums(store.con) == before
        assert shop.stat().st_size <= size_before + 1024 * 1024  # the space the failed write took is given back
        after = import_file(store, orders(tmp_path / "more.csv", 100, first=10_000))
        assert after.status == "imported", after.message


def test_a_cancelled_big_import_gives_back_the_space_it_took(tmp_path: Path) -> None:
    from engage_desktop.core.tasks import TaskState

    shop = tmp_path / "shop.duckdb"
    with Store(shop) as store:
        import_file(store, orders(tmp_path / "small.csv", 100))
        store.con.execute("CHECKPOINT")
        size_before, before = shop.stat().st_size, table_checksums(store.con)
        state = TaskState()
        state.on_progress(lambda done, total, message: state.cancel() if message == "Updating customers" else None)
        result = import_file(store, orders(tmp_path / "big.csv", 300_000), state=state)
        assert result.status == "cancelled"
        assert table_checksums(store.con) == before
        assert shop.stat().st_size <= size_before + 1024 * 1024
