"""The shop file: one DuckDB database holding everything about one shop.

Opening it sets the limits we promise the owner's laptop (memory, threads),
switches off extension downloads (we are offline: an attempt hangs ~2 s), and
applies pending schema migrations. A file already open in another process
gives ``ShopFileBusy`` with a message the owner can act on.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from engage_desktop.core import settings
from engage_desktop.core.connection import connection_config
from engage_desktop.core.errors import (NeedsUpgrade, ShopFileBusy, ShopFileDamaged, ShopFileUnavailable,
                                        explain_database_error, os_reason)
from engage_desktop.core.schema import LATEST_VERSION, MIGRATIONS
from engage_desktop.core.messages import t

log = logging.getLogger(__name__)
_PID = re.compile(r"PID (\d+)")


class Store:
    """An open shop file. Not thread-safe: one thread owns it (the GUI's db thread)."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        memory_limit: str = "384MB",  # an owner's laptop: 1M-line imports stay under 600 MB (docs/performance.md)
        threads: int = 2,
        backed_up: bool = True,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # False for a file being built and thrown away on failure (the sample shop under its
        # building name): nothing to lose, so no backups folder named after a passing file.
        self.backed_up = backed_up
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ShopFileUnavailable(t(
                    "Cannot create the folder for the shop file {folder} ({error}). Choose a folder you can write to.",
                    folder=self.path.parent, error=os_reason(exc))) from exc
        self._config = connection_config(memory_limit, threads)
        self._settings_read: dict[str, Any] | None = None  # inside remembering_settings()
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=self._config)
        except duckdb.IOException as exc:
            raise _friendly_open_error(self.path, exc) from exc
        except duckdb.Error as exc:
            raise explain_database_error(exc, self.path.name) or ShopFileUnavailable(t(
                "{shop} is not a shop file Engage Desktop can read. Open another file or create a new shop.",
                shop=self.path.name)) from _logged(exc)
        try:
            self._migrate()
            self.check_integrity()
        except duckdb.Error as exc:  # a damaged block met while upgrading
            self.con.close()
            raise explain_database_error(exc, self.path.name) or ShopFileUnavailable(t(
                "{shop} cannot be opened. Restore the latest backup (File ▸ Backups…).",
                shop=self.path.name)) from _logged(exc)
        except Exception:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def go_back_to(self, copy: Path) -> None:
        """Put ``copy`` (a checkpointed copy of this very shop, taken before a write that then failed) back
        in place of the file and reconnect: DuckDB does not give back the blocks a rolled-back write
        added (a refused 1M-line import left 30 MB), the copy is the file as it was."""
        self.con.close()
        with copy.open("rb") as source, self.path.open("r+b") as target:
            target.truncate(0)  # written in place: no second copy's worth of room needed on a full disk
            shutil.copyfileobj(source, target, 4 * 1024 * 1024)
        self.path.with_name(self.path.name + ".wal").unlink(missing_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=self.read_only, config=self._config)
        if self._settings_read is not None:
            self._settings_read.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: commit when the block ends normally, roll back otherwise."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            if self._settings_read is not None:
                self._settings_read.clear()  # a setting written in the block is undone
            raise
        self.con.execute("COMMIT")

    def check_integrity(self) -> None:
        """Read every block of every table (DuckDB checks each block's checksum as it reads it):
        ShopFileDamaged when one fails. 0.08 s for a million-line shop: run at open and before writing."""
        tables = [r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND database_name = current_database()"
        ).fetchall()]
        try:
            for table in tables:
                self.con.execute(f'SELECT count(*), max(hash(t)) FROM "{table}" t').fetchall()
        except duckdb.Error as exc:
            raise explain_database_error(exc, self.path.name) or ShopFileDamaged(t(
                "{shop} cannot be read. Restore the latest backup (File ▸ Backups…).",
                shop=self.path.name)) from _logged(exc)

    # -- schema ----------------------------------------------------------------------
    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            if self.read_only:
                raise ShopFileUnavailable(t("{shop} is not an Engage Desktop shop file. Open another file.",
                                             shop=self.path.name))
            self.con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise ShopFileUnavailable(t(
                "{shop} was saved by a newer version of Engage Desktop (schema {schema}). Update the app to open it.",
                shop=self.path.name, schema=current))
        if current and current < LATEST_VERSION and not self.read_only:
            from engage_desktop.core import backups  # a shop file from an earlier version: keep it as it was

            backups.back_up(self, "upgrade")
        for version, sql in MIGRATIONS:
            if version <= current:
                continue
            if self.read_only:
                raise NeedsUpgrade(t("{shop} needs an upgrade: open it once in the app (not read-only).",
                                       shop=self.path.name))
            with self.transaction() as con:
                con.execute(sql)
                con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])

    # -- settings (belong to the shop, so they live in the shop file) --------------------
    def setting(self, key: str) -> Any:
        """A setting's value, checked (core/settings.py): a malformed stored value gives the default."""
        remembered = self._settings_read
        if remembered is not None and key in remembered:
            return copy.deepcopy(remembered[key])  # a caller may change its copy (a tier list being edited)
        row = self.con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        value = settings.read(key, _loads(row[0]) if row else None, row is not None)
        if remembered is not None:
            remembered[key] = copy.deepcopy(value)
        return value

    @contextmanager
    def remembering_settings(self) -> Iterator[None]:
        """Read each setting from the file once inside the block (an inner block shares the outer one's).

        A report asks for the tiers, the currency and the dormant days about thirty times each, and each
        read is a query (0.7 ms): 80 ms of the full report on the bench shop. ``set_setting``,
        ``clear_setting`` and a rolled-back transaction keep the remembered values true; nothing else writes
        settings."""
        if self._settings_read is not None:
            yield
            return
        self._settings_read = {}
        try:
            yield
        finally:
            self._settings_read = None

    def stored_setting(self, key: str) -> Any:
        """The checked value stored in the shop file, or None (no default): has the shop decided it yet?"""
        row = self.con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else settings.read(key, _loads(row[0]), True)

    def set_setting(self, key: str, value: Any) -> None:
        value = settings.check_before_saving(key, value)
        self.con.execute(
            "INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, json.dumps(value, ensure_ascii=False)]
        )
        if self._settings_read is not None:
            # read again from the file: what a rolled-back transaction leaves there is the truth
            self._settings_read.pop(key, None)

    def clear_setting(self, key: str) -> None:
        """Take a stored setting out of the file: its default applies, and a shop's next first import decides
        the time zone and the currency again (pipeline.undo_import)."""
        self.con.execute("DELETE FROM settings WHERE key = ?", [key])
        if self._settings_read is not None:
            self._settings_read.pop(key, None)

    def settings(self) -> dict[str, Any]:
        """Every declared setting's checked value."""
        return {key: self.setting(key) for key in settings.SETTINGS}


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return object()  # not JSON: no setting takes it, so the default is used


def _logged(exc: BaseException) -> BaseException:
    """The database's own words (English) go to the log, for support; the owner reads ours."""
    log.warning("shop file: %s", _first_line(exc))
    return exc


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _friendly_open_error(path: Path, exc: duckdb.IOException) -> Exception:
    text = str(exc)
    if "lock" in text.lower():
        pid = _PID.search(text)
        return ShopFileBusy(t(
            "{shop} is already open in another program{process}. Close the other Engage Desktop window, or open "
            "a different shop file.", shop=path.name,
            process=t(" (process {pid})", pid=pid.group(1)) if pid else ""))
    if "permission" in text.lower() or "read-only" in text.lower():
        return ShopFileUnavailable(t(
            "Cannot write to {path}: the folder or file is read-only. Copy the shop file to a folder you can write "
            "to, then open it there.", path=path))
    _logged(exc)
    return ShopFileUnavailable(t("Cannot open {shop}. Check that it is a shop file of this app.", shop=path.name))
