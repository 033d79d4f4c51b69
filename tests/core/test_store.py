"""The shop file: schema, settings, limits, and a friendly error when it is busy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from engage_desktop.core.errors import ShopFileBusy, ShopFileUnavailable
from engage_desktop.core.schema import LATEST_VERSION
from engage_desktop.core.store import Store


def test_new_shop_file_has_latest_schema_and_default_settings(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        assert store.schema_version() == LATEST_VERSION
        # Decided by the first import (its offsets, or this computer's zone): not yet.
        assert store.stored_setting("time_zone") is None and store.stored_setting("currency") is None
        store.set_setting("dormant_days", 120)
        store.set_setting("shop_name", "髙橋商店")
    with Store(tmp_path / "a.duckdb") as store:
        assert store.setting("dormant_days") == 120
        assert store.setting("shop_name") == "髙橋商店"
        assert store.schema_version() == LATEST_VERSION  # migrations ran once


def test_a_version_1_shop_file_is_migrated_keeping_its_customers(tmp_path: Path) -> None:
    import duckdb

    from engage_desktop.core.schema import MIGRATIONS

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))  # a shop file as the first release wrote it
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    con.execute(MIGRATIONS[0][1])
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    con.execute("INSERT INTO customers VALUES ('e:a@example.jp', '髙橋 太郎', 'a@example.jp', NULL, 'rakuten', NULL, NULL)")
    con.execute("INSERT INTO imports (id, file_name, rows_read, rows_imported, rows_rejected, rows_skipped, status) "
                "VALUES (1, 'rakuten.csv', 1, 1, 0, 0, 'imported')")
    con.close()
    with Store(path) as store:
        assert store.schema_version() == LATEST_VERSION >= 2
        assert store.con.execute("SELECT customer_key, customer_name, channels FROM customers").fetchall() == [
            ("e:a@example.jp", "髙橋 太郎", "rakuten")
        ]
        # version 2: no index on the derived table (the rebuild keeps keys unique)
        assert store.con.execute(
            "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'customers'"
        ).fetchone()[0] == 0
        # version 3: its imports were read in Tokyo time and yen, the defaults of their day: now stored
        assert (store.stored_setting("time_zone"), store.stored_setting("currency")) == ("Asia/Tokyo", "JPY")


def test_limits_and_offline_settings_are_applied(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb", memory_limit="512MB", threads=1) as store:
        settings = dict(
            store.con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('threads', 'memory_limit', 'autoinstall_known_extensions', 'autoload_known_extensions')"
            ).fetchall()
        )
    assert settings["threads"] == "1"
    assert settings["autoinstall_known_extensions"] == "false"
    assert settings["autoload_known_extensions"] == "false"
    assert settings["memory_limit"].startswith("488") or "512" in settings["memory_limit"]


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [LATEST_VERSION + 1])
    with pytest.raises(ShopFileUnavailable, match="newer version of Engage Desktop"):
        Store(tmp_path / "a.duckdb")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("this is not a database" * 100)
    with pytest.raises(ShopFileUnavailable):
        Store(path)


def test_second_process_gets_a_friendly_error_quickly(tmp_path: Path) -> None:
    path = tmp_path / "shop.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from engage_desktop.core.store import Store
            s = Store({str(path)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        with pytest.raises(ShopFileBusy) as info:
            Store(path)
        assert time.monotonic() - started < 2.0
        message = str(info.value)
        assert "already open in another program" in message
        assert f"process {holder.pid}" in message
        assert "Traceback" not in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()


# Read-only folders and media: tests/robustness/test_read_only_media.py (a real read-only mount).
