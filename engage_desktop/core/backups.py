"""Automatic backups of the shop file, and restoring one.

Before each import (a batch of files is one), each undo and each schema upgrade, and at most
once a day when a shop opens, the shop file is checkpointed (everything in it, nothing left in
its write-ahead log) and copied into a folder beside it: ``<shop>-backups/``. The last
``backups_kept`` copies are kept (a setting, 10 by default). A copy is a plain shop file: it
opens as it is, and restoring puts it back in place of the shop file, after keeping the
current file as one more backup ("before restore").

A byte copy after a checkpoint takes 25 ms for a million-line shop; DuckDB's own compacting
copy (COPY FROM DATABASE) took 1.5 s, too long to add to every import.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import duckdb

from engage_desktop.core.connection import connection_config
from engage_desktop.core.errors import EngageError, ShopFileBusy, os_reason
from engage_desktop.core.messages import N_, t

REASONS = ("import", "undo", "upgrade", "daily", "before-restore")
# Why a backup was made, as the owner reads it (the name of its file keeps the key).
REASON_TEXTS = {"import": N_("before an import"), "undo": N_("before an undo"), "upgrade": N_("before an upgrade of the app"),
                "daily": N_("daily"), "before-restore": N_("before a restore")}


def reason_text(reason: str) -> str:
    return t(REASON_TEXTS[reason]) if reason in REASON_TEXTS else reason


class Shop(Protocol):
    """What a backup needs of an open shop (core/store.py's Store; the store calls back_up before an
    upgrade, so this module does not import it)."""

    path: Path
    read_only: bool
    backed_up: bool
    con: duckdb.DuckDBPyConnection

    def setting(self, key: str) -> Any: ...
_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z\-]+)\.duckdb$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime
    reason: str  # one of REASONS
    size: int


def folder_of(shop: Path) -> Path:
    return shop.parent / f"{shop.stem}-backups"


def list_backups(shop: str | Path) -> list[Backup]:
    """The shop's backups, newest first."""
    shop = Path(shop)
    out = []
    folder = folder_of(shop)
    if folder.is_dir():
        for path in folder.iterdir():
            m = _NAME.match(path.name)
            if m and m["stem"] == shop.stem:
                made = dt.datetime.strptime(m["when"], "%Y%m%d-%H%M%S-%f")
                out.append(Backup(path, made, m["reason"], path.stat().st_size))
    return sorted(out, key=lambda b: b.made, reverse=True)


def back_up(store: Shop, reason: str) -> Backup | None:
    """Checkpoint the shop and copy it into its backups folder; keep the newest ``backups_kept``.
    Nothing is listed for a shop that holds no import yet (there is nothing to lose), nor for a
    file being built (``Store(backed_up=False)``)."""
    if not store.backed_up:
        return None
    if not store.con.execute("SELECT count(*) > 0 FROM imports").fetchone()[0] and reason != "before-restore":
        return None
    store.con.execute("CHECKPOINT")
    return _copy(store.path, reason, int(store.setting("backups_kept")))


def rollback_point(store: Shop, reason: str) -> tuple[Path, bool]:
    """(a copy of the shop as it is now, is it a listed backup): what a failed write goes back to
    (Store.go_back_to). A shop with no import yet gets an unlisted copy beside it, removed after."""
    made = back_up(store, reason)
    if made is not None:
        return made.path, True
    store.con.execute("CHECKPOINT")
    copy = store.path.with_name(store.path.name + ".before-write")
    shutil.copyfile(store.path, copy)
    return copy, False


def _copy(shop: Path, reason: str, keep: int) -> Backup:
    folder = folder_of(shop)
    try:
        folder.mkdir(exist_ok=True)
        made = dt.datetime.now()
        target = folder / f"{shop.stem}-{made:%Y%m%d-%H%M%S-%f}-{reason}.duckdb"
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(shop, partial)
        os.replace(partial, target)
    except OSError as exc:
        raise EngageError(t("Could not back up the shop file into {folder} ({error}). Nothing was changed. Free "
                            "some disk space, or check that the folder can be written to.",
                            folder=folder, error=os_reason(exc))) from exc
    for old in list_backups(shop)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, made, reason, target.stat().st_size)


def daily(store: Shop) -> Backup | None:
    """A backup when the newest one is more than a day old (when a shop opens)."""
    if store.read_only:
        return None
    newest = list_backups(store.path)
    if newest and dt.datetime.now() - newest[0].made < dt.timedelta(days=1):
        return None
    return back_up(store, "daily")


def restore(shop: str | Path, backup: str | Path) -> Backup | None:
    """Put ``backup`` in place of the (closed) shop file, keeping the current file as a backup first.
    Refused while another program has the shop open."""
    shop, backup = Path(shop), Path(backup)
    if not backup.is_file():
        raise EngageError(t("There is no backup {backup}. Choose one from the list of backups.", backup=backup.name))
    kept = None
    if shop.exists():
        try:
            con = duckdb.connect(str(shop), config=connection_config("64MB", 1))
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise ShopFileBusy(t("{shop} is open in another program: close it there, then restore.",
                                     shop=shop.name)) from exc
            con = None  # damaged beyond opening: keep its bytes as they are
        except duckdb.Error:
            con = None
        if con is not None:
            try:
                con.execute("CHECKPOINT")
            except duckdb.Error:
                pass  # a damaged file: its bytes are kept as they are
            finally:
                con.close()
        kept = _copy(shop, "before-restore", keep=10_000)  # pruned with the next backup, never by a restore
    partial = shop.with_name(shop.name + ".restoring")
    shutil.copyfile(backup, partial)
    wal = shop.with_name(shop.name + ".wal")
    wal.unlink(missing_ok=True)  # the journal belongs to the file being replaced
    os.replace(partial, shop)
    return kept
