"""What the first rows of a file will become, before anything is written (the import wizard's preview)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from typing import Any

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.importing.currency import currency_of_import
from engage_desktop.core.importing.dates import DateReading
from engage_desktop.core.importing.pipeline import ImportOptions, Plan, plan_import, refusal_of, shop_zone_for
from engage_desktop.core.importing.sources import choose_source, list_sources
from engage_desktop.core.importing.kinds import KINDS
from engage_desktop.core.importing.staging import StageContext, drop_temp, scan
from engage_desktop.core.importing.staging.lines import first_rows_lines
from engage_desktop.core.table import Table
from engage_desktop.core.store import Store

PREVIEW_ROWS = 20

@dataclass
class Preview:
    """The first rows' fates, and how the file is read: its dates, its money, its times."""

    table: Table
    dates: dict[str, DateReading] = field(default_factory=dict)
    currency: str = ""
    currency_how: str = ""
    currency_problem: str = ""  # why the import would be refused for its currency ('' when none)
    problem: str = ""  # why the import would be refused as the file is mapped now (no rows are shown then)
    time_zone: str = ""
    time_zone_how: str = ""
    source_name: str = ""  # where the records will go (the owner's name, or the suggestion)
    source_is_new: bool = False
    sources: list[str] = field(default_factory=list)  # the shop's sources, to choose from


def preview(store: Store, plan: Plan, options: ImportOptions | None = None, rows: int = PREVIEW_ROWS) -> Preview:
    """Stage only the first rows of a planned file and say, per row, what the import would do with it."""
    options = options or ImportOptions()
    det = plan.detection
    head = plan.src.head[: det.header_rows + rows]
    small = plan.src.csv_path.with_name("preview.csv")
    with small.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(head)
    # A workbook's first rows too: its head is the text its arrays give the import (sheet_columns.py).
    src = replace(plan.src, csv_path=small, delimiter=",", newlines=None, columns=None)
    zone, zone_how = shop_zone_for(store, plan)
    source = choose_source(store, det, plan.src.headers, plan.src.path.stem, options.source)
    ctx = StageContext(store.con, src, det, zone, source.source, date_layout=options.date_layout, few_rows=True)
    kind = KINDS[det.kind]
    sql, columns = kind.preview_sql, kind.preview_columns
    problem = refusal_of(plan)
    if problem:  # a column the import cannot do without is not mapped: nothing to stage, the owner maps it
        return Preview(Table(["line", "fate", "reason", *columns], []), time_zone=zone, time_zone_how=zone_how,
                       source_name=source.name, source_is_new=source.new,
                       sources=[name for _, name in list_sources(store)], problem=problem)
    try:
        scan(ctx)
        kind.stage(ctx)
        fates: dict[int, tuple[str, str]] = {}
        for rn, reason in store.con.execute("SELECT rn, reason FROM imp_reject WHERE rn IS NOT NULL").fetchall():
            fates[rn] = ("rejected", reason)
        for rn, reason in store.con.execute("SELECT rn, reason FROM imp_skip").fetchall():
            fates[rn] = ("skipped", reason)
        out_rows: list[tuple[Any, ...]] = []
        # A text file's lines are counted in the file; a workbook's records carry their sheet rows (src's are its first).
        lines = first_rows_lines(src if plan.src.columns is not None else plan.src, len(ctx.scanned))
        # One query for every row to be imported (one per row took 20 x 20 ms: a wizard that lags).
        staged = {row[0]: row[1:] for row in store.con.execute(
            sql, [[rn for rn in ctx.scanned if rn not in fates]]).fetchall()}
        for rn in ctx.scanned:
            fate, reason = fates.get(rn, ("ok", ""))
            values = staged.get(rn) if fate == "ok" else None
            out_rows.append((lines.get(rn, rn + 1), fate, reason, *(values or [None] * len(columns))))
        result = Preview(Table(["line", "fate", "reason", *columns], out_rows), dict(ctx.readings),
                         time_zone=zone, time_zone_how=zone_how, source_name=source.name,
                         source_is_new=source.new, sources=[name for _, name in list_sources(store)])
        if kind.has_money:
            try:
                result.currency, result.currency_how = currency_of_import(
                    det, plan.src.head, ctx.currencies, options.currency, store.stored_setting("currency"), plan.src.name)
            except ImportRefused as exc:
                result.currency_problem = str(exc)
    finally:
        drop_temp(store.con)
    return result


def plan_and_preview(store: Store, path: str, options: ImportOptions) -> tuple[Plan, Preview]:
    """The wizard's view of a file: recognised and previewed from its first rows only, so it is ready
    at once whatever the file's size (a 1M-line export is decoded once, by the import)."""
    plan = plan_import(store, path, options, head_only=True)
    try:
        return plan, preview(store, plan, options)
    except BaseException:
        plan.close()
        raise
