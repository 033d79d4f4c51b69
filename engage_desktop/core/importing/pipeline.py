"""The import pipeline: one function the CLI and the GUI both call.

Each file is imported in one transaction: all of it or none of it. Every data
row is accounted for (read = imported + rejected + skipped), the accounting is
checked before the commit and stored with the import. A file where nothing
imports, or where more than the allowed share is rejected, is refused and
nothing is written. Any import can be undone by its id.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from engage_desktop.core import backups
from engage_desktop.core.errors import Cancelled, EngageError, ImportRefused, explain_database_error
from engage_desktop.core.importing.currency import currency_of_file, currency_of_import
from engage_desktop.core.importing.dates import DateReading
from engage_desktop.core.importing.readings import encoding_name
from engage_desktop.core.importing.detect import (
    Detection, detect, fields_text, header_set_key, likely_columns_text, missing_essentials, refusal,
)
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.identity import keys_of_import, rebuild_customers_sql
from engage_desktop.core.importing.joined import ORDERS_FORMAT, JoinedFiles, pair_files, read_joined
from engage_desktop.core.importing.readers import SourceTable, read_source
from engage_desktop.core.importing.sources import Source, choose_source, record_source
from engage_desktop.core.importing.kinds import KINDS
from engage_desktop.core.importing.staging import StageContext, drop_temp, scan
from engage_desktop.core.importing import versions
from engage_desktop.core.importing.values import quote
from engage_desktop.core.messages import N_, listing, t, tn
from engage_desktop.core.paths import WORK_PREFIX
from engage_desktop.core.importing.zones import computer_zone, zone_of_file
from engage_desktop.core.schema import IMPORTED_TABLES
from engage_desktop.core.store import Store
from engage_desktop.core.tasks import CheckedConnection, TaskState

MAX_REJECTS_RETURNED = 1000
STEPS = 5  # reading (decoding), scanning, checking, writing, customers
STEP = 100  # progress units of one step
PROGRESS = STEPS * STEP  # the units of one file's progress


@dataclass
class ImportOptions:
    kind: str | None = None  # orders | customers | survey; None = detect
    format: str | None = None  # a format name, or None/'auto'
    mapping: dict[str, str] = field(default_factory=dict)  # field -> header (explicit, wins)
    encoding: str | None = None  # override the detected encoding
    sheet: str | None = None  # a workbook's sheet; default the active visible one with data (importing/sheets.py)
    save_mapping: bool = False  # remember the mapping for this header set
    date_layout: str | None = None  # how dates are written (dates.LAYOUTS key); None = decide from the file
    currency: str | None = None  # ISO 4217 of the amounts, for a file that does not say (a new shop's first file)
    source: str | None = None  # the owner's name for where the file comes from; None = suggested (sources.py)


@dataclass
class Reject:
    line: int | None
    column: str | None
    reason: str
    text: str | None


@dataclass
class ImportResult:
    file_name: str
    status: str  # imported | nothing new | refused | cancelled
    message: str = ""
    import_id: int | None = None
    format_name: str = ""
    format_label: str = ""  # what the owner calls the format: a catalogue msgid, shown with t()
    confidence: float = 0.0
    needs_confirmation: bool = False
    encoding: str = ""
    sheet: str | None = None  # the workbook sheet that was read
    kind: str = ""
    mapping: list[tuple[str, str]] = field(default_factory=list)
    read: int = 0
    imported: int = 0
    rejected: int = 0
    skipped: int = 0
    skipped_detail: dict[str, int] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dates: dict[str, DateReading] = field(default_factory=dict)  # how each date column was read
    currency: str = ""  # ISO 4217: what the file's amounts were read as
    currency_how: str = ""  # column | platform | symbol | shop (the shop's, the file did not say) | assumed
    time_zone: str = ""  # the shop's zone the file's times were put in
    time_zone_how: str = ""  # shop (already set) | file (its offsets) | computer (this computer's zone)
    source_name: str = ""  # the source the records were imported into
    updated: int = 0  # records the shop had, now in a newer state from this file
    updated_ids: list[str] = field(default_factory=list)  # the first of them

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "nothing new")


@dataclass
class Plan:
    """A file read and recognised, not yet imported: what the wizard shows before the owner confirms."""

    src: SourceTable
    detection: Detection
    work_dir: tempfile.TemporaryDirectory[str]

    def close(self) -> None:
        self.work_dir.cleanup()


def plan_import(store: Store, path: str | Path | JoinedFiles, options: ImportOptions | None = None,
                progress: Callable[[float], None] | None = None, head_only: bool = False) -> Plan:
    """Read and recognise a file (or two files that are imported joined); writes nothing.
    ``progress(share read)`` follows the decoding (and may raise Cancelled). ``head_only``: a text
    file's first rows only (the wizard's plan and preview, ready at once whatever the file's size;
    the import reads the whole file, once, and recognises it again from the same first rows)."""
    options = options or ImportOptions()
    work_dir = tempfile.TemporaryDirectory(prefix=WORK_PREFIX)
    try:
        if isinstance(path, JoinedFiles):
            src = read_joined(path, Path(work_dir.name), encoding=options.encoding)
            det = detect(src.head, format_name=ORDERS_FORMAT, saved={}, explicit=options.mapping)
        else:
            src = read_source(path, Path(work_dir.name), encoding=options.encoding, sheet=options.sheet,
                              progress=progress, head_only=head_only)
            det = detect(
                src.head, kind=options.kind, format_name=options.format,
                saved=saved_mappings(store), explicit=options.mapping,
            )
    except BaseException:
        work_dir.cleanup()
        raise
    return Plan(src, det, work_dir)


def import_files(
    store: Store, paths: list[str | Path], options: ImportOptions | None = None, state: TaskState | None = None
) -> list[ImportResult]:
    """Import each file on its own (one refused file does not stop the others); files that belong
    together (Yahoo's order.csv and item.csv) are imported as one."""
    options = options or ImportOptions()
    return import_batch(store, [(p, options) for p in paths], state)


def import_batch(store: Store, items: list[tuple[str | Path, ImportOptions]],
                 state: TaskState | None = None) -> list[ImportResult]:
    """Import files each with its own options, in order; progress runs over the whole batch
    (``state.progress(done, total)``: each file an equal share), and one Cancel stops the file being
    imported and the files after it. Files given one options that belong together are joined."""
    state = state or TaskState()
    batches: list[tuple[Path | JoinedFiles, ImportOptions]]
    if items and len({id(o) for _, o in items}) == 1:  # files read alike: those that belong together join
        batches = [(joined, items[0][1]) for joined in pair_files([Path(p) for p, _ in items])]
    else:
        batches = [(Path(p), o) for p, o in items]
    results: list[ImportResult] = []
    for number, (path, options) in enumerate(batches):
        def part_progress(done: int, total: int, message: str, n: int = number) -> None:
            state.progress(n * PROGRESS + done * PROGRESS // max(total, 1), PROGRESS * len(batches), message)

        results.append(import_file(store, path, options, state.child(part_progress)))
        if results[-1].status == "cancelled":
            break
    return results


def import_file(
    store: Store, path: str | Path | JoinedFiles, options: ImportOptions | None = None, state: TaskState | None = None
) -> ImportResult:
    options = options or ImportOptions()
    state = state or TaskState()
    path = path if isinstance(path, JoinedFiles) else Path(path)
    result = ImportResult(file_name=path.name, status="refused")
    state.progress(0, PROGRESS, t("Reading {file}", file=path.name))
    plan: Plan | None = None

    def decoding(share: float) -> None:
        state.check()  # Cancel answers within one 4 MB chunk while a big file is decoded
        state.progress(int(share * STEP), PROGRESS, t("Reading {file} ({share:.0%})", file=path.name, share=share))

    try:
        state.check()
        if not isinstance(path, JoinedFiles) and path.is_file():  # (a missing file is said by read_source)
            check_free_space(store, path)
        plan = plan_import(store, path, options, decoding)
        return _run(store, plan, options, state, result)
    except Cancelled as exc:
        result.status, result.message = "cancelled", str(exc)
    except EngageError as exc:  # refused, or a shop file that cannot take it (damaged, backup impossible)
        result.status, result.message = "refused", str(exc)
    except duckdb.InterruptException:
        result.status, result.message = "cancelled", str(Cancelled())
    except duckdb.Error as exc:
        shop_problem = explain_database_error(exc, store.path.name)
        result.status = "refused"
        if shop_problem is not None:  # the shop file or its disk, never the owner's export
            result.message = str(shop_problem)
        else:
            # The file defeated the CSV reader or a conversion in a way we did not foresee:
            # refuse it (the transaction, if any, was rolled back) and say what DuckDB said.
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            result.message = t("{file} could not be read ({error}). Nothing was imported. Check that it is a CSV or "
                               "Excel export, save it again from the shop system or Excel, and import the saved file.",
                               file=path.name, error=first)
    except OSError as exc:  # the work folder or the shop's disk (full, gone) while reading
        result.status = "refused"
        said = explain_database_error(exc, store.path.name)
        result.message = str(said) if said else t("{file}: {error}. Nothing was imported.", file=path.name,
                                                  error=exc.strerror or exc)
    finally:
        state.set_interrupt(None)
        drop_temp_quietly(store)
        if plan is not None:
            plan.close()
    return result


# What an import needs on disk, per byte of the file: its UTF-8 copy in the work folder (CP932 text
# grows up to 1.5x), and the shop's growth (a million-line 226 MB export added 60 MB), plus a margin.
WORK_PER_BYTE, SHOP_PER_BYTE, MARGIN = 1.6, 0.6, 20 * 1024 * 1024


def check_free_space(store: Store, path: Path) -> None:
    """Refuse before reading when the disks cannot hold what the import will write (the shop's backup,
    its growth; the file's decoded copy): the numbers, and what to do."""
    import shutil

    size = path.stat().st_size
    shop_dir, work_dir = store.path.parent, Path(tempfile.gettempdir())
    needs = {shop_dir: store.path.stat().st_size + SHOP_PER_BYTE * size + MARGIN}  # the backup copy, the growth
    work_need = WORK_PER_BYTE * size + MARGIN
    try:
        same_disk = shop_dir.stat().st_dev == work_dir.stat().st_dev
    except OSError:
        same_disk = False
    if same_disk:
        needs[shop_dir] += work_need
    else:
        needs[work_dir] = work_need
    for folder, need in needs.items():
        free = shutil.disk_usage(folder).free
        if free < need:
            raise ImportRefused(t(
                "{file} ({size:,.0f} MB) needs about {need:,.0f} MB free on the disk of {folder}; {free:,.0f} MB are "
                "free. Nothing was imported. Free some space on that disk and import again.", file=path.name,
                size=size / 1e6, need=need / 1e6, folder=folder, free=free / 1e6))


def _run(store: Store, plan: Plan, options: ImportOptions, state: TaskState, result: ImportResult) -> ImportResult:
    src, det = plan.src, plan.detection
    assert not src.partial, "a plan of the first rows only is for the preview, never imported"
    fmt = det.format
    result.format_name, result.format_label = det.format_name, det.label
    result.confidence, result.needs_confirmation = det.confidence, det.needs_confirmation
    result.encoding, result.kind, result.sheet = src.encoding, det.kind, src.sheet
    result.mapping = det.mapping.describe(src.headers)
    refused = refusal_of(plan)
    if refused:
        raise ImportRefused(refused)
    if fmt and fmt.anonymous_note and not any(f in det.mapping.columns for f in ("customer_id", "name", "email")):
        result.notes.append(t(fmt.anonymous_note))
    if src.odd_letters:
        result.notes.append(t(
            "This file was read as Shift_JIS (CP932), but its only non-ASCII letters are rare kanji ({letters}): it "
            "may be written in Latin-1 (José read as Jos饌). Check the names; if they are wrong, undo this import and "
            "choose the Latin-1 encoding.", letters=src.odd_letters[:10]))
    present = {header_key(h) for h in src.headers}
    result.notes += [t(note) for header, note in (fmt.missing_notes if fmt else ()) if header_key(header) not in present]

    con = store.con
    state.set_interrupt(con.interrupt)
    result.time_zone, result.time_zone_how = shop_zone_for(store, plan)
    source = choose_source(store, det, src.headers, src.path.stem, options.source)
    result.source_name = source.name
    ctx = StageContext(CheckedConnection(con, state), src, det, result.time_zone, source.source,  # type: ignore[arg-type]
                       date_layout=options.date_layout)
    started = dt.datetime.now()
    state.progress(1 * STEP, PROGRESS, t("Scanning rows"))
    scan(ctx)
    state.check()
    state.progress(2 * STEP, PROGRESS, t("Checking values"))
    KINDS[det.kind].stage(ctx)
    state.check()
    result.dates, result.notes = dict(ctx.readings), result.notes + ctx.notes
    updated = [r[0] for r in con.execute("SELECT id FROM imp_versions WHERE fate = 'update' ORDER BY id").fetchall()]
    result.updated, result.updated_ids = len(updated), updated[:20]
    if updated:
        result.notes.append(_updated_note(det.kind, updated, named=ctx.has("order_id") or det.kind != "orders"))
    older = con.execute("SELECT count(*) FROM imp_versions WHERE fate = 'older'").fetchone()[0]
    if older:  # kept as history: what the shop shows does not change, and undo of the newer state brings it back
        result.notes.append(tn("{n:,} record of this file is in an earlier state than the shop's (cancelled or "
                               "updated since): the shop keeps the newer one.", "{n:,} records of this file are in "
                               "an earlier state than the shop's (cancelled or updated since): the shop keeps the "
                               "newer ones.", older))
    if KINDS[det.kind].has_money:
        result.currency, result.currency_how = currency_of_import(
            det, src.head, ctx.currencies, options.currency, store.stored_setting("currency"), src.name)
    counts = _accounting(con, det.kind, len(ctx.scanned))
    result.read, result.imported, result.rejected, result.skipped = counts
    result.skipped_detail = dict(con.execute("SELECT reason, count(*) FROM imp_skip GROUP BY reason ORDER BY 2 DESC").fetchall())
    result.rejects = [
        Reject(*row)
        for row in con.execute(
            f"SELECT line, column_name, reason, original_text FROM imp_reject ORDER BY line NULLS FIRST LIMIT {MAX_REJECTS_RETURNED}"
        ).fetchall()
    ]
    _refuse_if_bad(store, result)
    state.progress(3 * STEP, PROGRESS, t("Writing to the shop file"))
    with written_or_given_back(store, "import"):
        _write_import(store, ctx, source, options, state, result, started)
    state.progress(PROGRESS, PROGRESS, t("Done"))
    result.message = summary_line(result)
    return result


def _write_import(store: Store, ctx: StageContext, source: Source, options: ImportOptions, state: TaskState,
                  result: ImportResult, started: dt.datetime) -> None:
    """The one transaction that writes a staged file: all of it, or (on any error or Cancel) none."""
    con, det, src = store.con, ctx.det, ctx.src
    with store.transaction():
        import_id = con.execute("SELECT nextval('import_id_seq')").fetchone()[0]
        record_source(store, source)
        _write(ctx, import_id)
        if det.kind == "orders":
            result.notes += _anonymous_orders_note(con, det, import_id, result.notes)
        # The shop's first import decides its zone and currency (and says so in the summary); undoing it
        # gives them back (undo_import).
        decided = []
        if store.stored_setting("time_zone") is None:
            store.set_setting("time_zone", result.time_zone)
            decided.append("time_zone")
        # A customers file's totals do not decide the shop's money (Shopify's customer export says no currency).
        if result.currency and det.kind == "orders" and store.stored_setting("currency") is None:
            store.set_setting("currency", result.currency)
            decided.append("currency")
        state.check()
        state.progress(4 * STEP, PROGRESS, t("Updating customers"))
        # An empty customers table means no row named a customer before: this import touched them all.
        first = con.execute("SELECT count(*) = 0 FROM customers").fetchone()[0]
        con.execute(rebuild_customers_sql(None if first else keys_of_import(import_id)))
        result.import_id = import_id
        result.status = "imported" if result.imported or result.updated else "nothing new"
        _record(con, result, src, det, import_id, started, ctx.source, decided)
        if options.save_mapping and det.format is None:
            save_mapping(store, src.headers, det)
        state.check()
    store.con.execute("CHECKPOINT")  # the shop file alone holds the import (a copy or a sync of it is complete)


def _updated_note(kind: str, ids: list[str], named: bool) -> str:
    """What an import changed in the shop: the records it replaced with their newer state (a later export's
    cancellations and refunds). Said by their numbers where the file has them (not the ids made for a file
    without order numbers)."""
    shown = listing(ids[:UPDATED_SHOWN]) + ("…" if len(ids) > UPDATED_SHOWN else "")
    if kind == "orders":
        return tn("{n:,} order already in the shop was replaced by its newer state in this file (cancelled, "
                  "refunded or changed){which}.", "{n:,} orders already in the shop were replaced by their newer "
                  "state in this file (cancelled, refunded or changed){which}.", len(ids),
                  which=t(": {ids}", ids=shown) if named else "")
    return tn("{n:,} record already in the shop was replaced by its newer state in this file.",
              "{n:,} records already in the shop were replaced by their newer state in this file.", len(ids))


UPDATED_SHOWN = 10


ANONYMOUS_ORDERS = N_(
    "No order in this file names a customer the app can tell apart (a customer ID, an e-mail address or a phone "
    "number), so its {orders:,} orders were imported as anonymous sales: they count toward revenue, not toward "
    "customers, tiers or the journey. A name alone does not tell two customers apart. If a column identifies each "
    "buyer (a buyer or member ID), undo this import and import the file again with that column as the customer ID.")


def _anonymous_orders_note(con: duckdb.DuckDBPyConnection, det: Detection, import_id: int,
                           notes: list[str]) -> list[str]:
    """Said when none of an import's orders has a customer: an Etsy export's ``Buyer User ID`` went unread
    and 1,605 sales became anonymous without a word. A format that knows it has no customer columns has
    said so in its own words already (``anonymous_note``)."""
    if det.format is not None and det.format.anonymous_note and t(det.format.anonymous_note) in notes:
        return []
    orders, named = con.execute(
        "SELECT count(*), count(customer_key) FROM orders WHERE import_id = ? AND NOT cancelled", [import_id]).fetchone()
    return [t(ANONYMOUS_ORDERS, orders=orders)] if orders and not named else []


def refusal_of(plan: Plan) -> str:
    """Why the file, recognised and mapped as it is, would be refused before any row is read: a layout
    that cannot be imported, or an essential field without its column; '' when none (the preview says it too)."""
    src, det = plan.src, plan.detection
    if refusal(det):
        return t("{file}: {refusal}", file=src.name, refusal=refusal(det))
    missing = missing_essentials(det)
    return missing_columns_text(src, det, missing) if missing else ""


def missing_columns_text(src: SourceTable, det: Detection, missing: list[tuple[str, ...]]) -> str:
    """Why a file without an essential field is refused: the field by its label, the few columns that may
    be it (never every column of a 158-column export), and what to do."""
    head = src.head[det.header_rows - 1:]  # the last header row, then the data
    likely = " ".join(likely_columns_text(src.headers, head, group, named=len(missing) > 1) for group in missing)
    named = [fields_text(group) for group in missing]
    fields = named[0] if len(named) == 1 else t("{fields} and {last}", fields=listing(named[:-1]), last=named[-1])
    return t("{file}: no column was found for {fields}. {likely} Choose the column in the import window's column "
             "mapping and import again.", file=src.name,
             fields=fields, likely=likely)


def shop_zone_for(store: Store, plan: Plan) -> tuple[str, str]:
    """(zone, how): the shop's zone, or for a new shop the zone the file's offsets tell, else the computer's."""
    stored = store.stored_setting("time_zone")
    if stored:
        return stored, "shop"
    det = plan.detection
    cols = det.mapping.columns.get("order_date") or det.mapping.columns.get("answered_at") or []
    cells = [row[cols[0]] for row in plan.src.head[det.header_rows:] if cols and cols[0] < len(row)]
    try:  # the currency its first rows say, a hint of where the shop is
        currency_column = det.mapping.columns.get("currency", [None])[0]
        said = [row[currency_column] for row in plan.src.head[det.header_rows:]
                if currency_column is not None and currency_column < len(row)]
        hint = currency_of_file(det, plan.src.head, said).code
    except ImportRefused:
        hint = None
    zone = zone_of_file(cells, det.format.offsets_tell_zone if det.format else True, hint)
    return (zone, "file") if zone else (computer_zone(), "computer")


def _accounting(con: duckdb.DuckDBPyConnection, kind: str, scanned: int) -> tuple[int, int, int, int]:
    """(read, imported, rejected, skipped), each counted from where the rows ended up."""
    read = scanned + con.execute("SELECT count(*) FROM imp_reject WHERE rn IS NULL").fetchone()[0]
    rejected = con.execute("SELECT count(*) FROM imp_reject").fetchone()[0]
    skipped = con.execute("SELECT count(*) FROM imp_skip").fetchone()[0]
    table = KINDS[kind].staged_table
    imported = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if read != imported + rejected + skipped:
        raise EngageError(t(
            "Internal accounting error: read {read} is not imported {imported} + rejected {rejected} + skipped "
            "{skipped}. Nothing was imported. Please report this file.", read=read, imported=imported,
            rejected=rejected, skipped=skipped))
    return read, imported, rejected, skipped


def _refuse_if_bad(store: Store, result: ImportResult) -> None:
    name = result.file_name
    if result.read == 0:
        raise ImportRefused(t("{file} has a header row but no data rows. Export the data again for a period that has "
                              "data.", file=name))
    if result.imported == 0 and result.skipped == 0:
        first = result.rejects[0] if result.rejects else None
        raise ImportRefused(
            tn("{file}: the {n:,} row could not be imported, so nothing was imported. Why: {reason} {where}",
               "{file}: none of the {n:,} rows could be imported, so nothing was imported. The first reason: {reason} "
               "{where}", result.read, file=name, reason=_first_reason(first), where=t(WHERE_REJECTS)))
    share = result.rejected / result.read
    limit = float(store.setting("max_reject_share"))
    if share > limit:
        raise ImportRefused(t(
            "{file}: {rejected:,} of {read:,} rows ({share:.0%}) could not be read, more than the {limit:.0%} allowed. "
            "Nothing was imported. {where} Correct the file or the column mapping, and import again.", file=name,
            rejected=result.rejected, read=result.read, share=share, limit=limit, where=t(WHERE_REJECTS)))


# Where the owner sees every rejected row of a refused file: the rows come with the result (the import
# window lists them on its result page and saves them as CSV; the command line prints the first ones).
WHERE_REJECTS = N_("The rejected rows and their reasons are listed with this result; the import window's "
                   "\"Save rejected rows as CSV…\" saves them.")


def _first_reason(reject: Reject | None) -> str:
    if reject is None:
        return t("unknown.")
    return t("line {line}: {reason}", line=reject.line, reason=reject.reason) if reject.line else reject.reason


def _write(ctx: StageContext, import_id: int) -> None:
    """The file's new records, and its newer states of records the shop had (versions.py)."""
    con, src = ctx.con, quote(ctx.source)
    channel = quote(ctx.det.format.channel if ctx.det.format else "generic")
    family = KINDS[ctx.det.kind].family
    for sql in versions.write_sql(family, import_id, ctx.source):
        con.execute(sql)
    # A state older than the shop's (by the export's own "last updated") goes straight to history.
    older = "(SELECT id FROM imp_versions WHERE fate = 'older')"
    shop_import = f"(SELECT shop_import FROM imp_versions v WHERE v.id = {family.id_column})"
    any_older = con.execute("SELECT count(*) > 0 FROM imp_versions WHERE fate = 'older'").fetchone()[0]
    if ctx.det.kind == "orders":
        columns = f"""{src}, order_id, {import_id}, ordered_at, customer_key, {channel}, customer_id, customer_name,
                      email, phone, total, shipping, discount, refunded, revenue, status, cancelled, is_refund, updated_at"""
        lines = f"{src}, order_id, line_no, {import_id}, product, sku, quantity, unit_price, amount"
        if not any_older:  # nearly always: the views are computed once, by these two INSERTs
            con.execute(f"INSERT INTO orders SELECT {columns} FROM imp_orders")
            con.execute(f"INSERT INTO order_lines SELECT {lines} FROM imp_lines")
        else:
            con.execute(f"INSERT INTO orders SELECT {columns} FROM imp_orders WHERE order_id NOT IN {older}")
            con.execute(f"INSERT INTO order_versions SELECT {columns}, {shop_import} FROM imp_orders WHERE order_id IN {older}")
            con.execute(f"INSERT INTO order_lines SELECT {lines} FROM imp_lines WHERE order_id NOT IN {older}")
            con.execute(f"INSERT INTO order_line_versions SELECT {lines} FROM imp_lines WHERE order_id IN {older}")
    elif ctx.det.kind == "customers":
        con.execute(
            f"""INSERT INTO customer_records SELECT {src}, record_id, {import_id}, customer_key, {channel}, customer_id,
                   customer_name, email, phone, gender, birth_date, total_spent, total_orders
            FROM imp_customers"""
        )
    else:
        con.execute(
            f"""INSERT INTO survey_responses SELECT {src}, response_id, {import_id}, answered_at, customer_key, email,
                   nps, fan_level, liking, matched_by, NULL, NULL
            FROM imp_answers"""
        )
        con.execute(f"""INSERT INTO survey_comments SELECT {src}, response_id, {import_id}, column_no, question, answer,
                               free_text FROM imp_comments""")
    con.execute(
        f"INSERT INTO import_rejects SELECT {import_id}, line, column_name, reason, original_text FROM imp_reject"
    )


def _record(con: duckdb.DuckDBPyConnection, r: ImportResult, src: SourceTable, det: Detection, import_id: int,
            started: dt.datetime, ctx_source: str, decided: list[str]) -> None:
    con.execute(
        """INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""",
        [
            import_id, src.name, str(src.path), src.size, src.sha256, src.encoding, det.format_name,
            det.label, det.confidence, det.kind, ctx_source, src.sheet,
            json.dumps(r.mapping, ensure_ascii=False), r.read, r.imported, r.rejected, r.skipped,
            json.dumps(r.skipped_detail, ensure_ascii=False), started, dt.datetime.now(), r.status, "; ".join(r.notes),
            r.updated, json.dumps(decided) if decided else None,
        ],
    )


def _give_back_settings(store: Store, import_id: int) -> None:
    """The settings the undone import decided (the shop's time zone and currency, from its first file), taken
    back when no import is left that was read under them: the next file decides again. A USD file imported
    by mistake into a new yen shop, then undone, left the shop refusing every yen file."""
    decided, left = store.con.execute(
        "SELECT (SELECT decided FROM imports WHERE id = ?), (SELECT count(*) FROM imports WHERE status <> 'undone')",
        [import_id]).fetchone()
    if decided and not left:
        for key in json.loads(decided):
            store.clear_setting(key)


def summary_line(r: ImportResult) -> str:
    return t("{file}: {format} ({encoding}): read {read:,}, imported {imported:,}, rejected {rejected:,}, skipped "
             "{skipped:,}", file=r.file_name, format=t(r.format_label), encoding=encoding_name(r.encoding), read=r.read,
             imported=r.imported, rejected=r.rejected, skipped=r.skipped)


def drop_temp_quietly(store: Store) -> None:
    try:
        drop_temp(store.con)
    except duckdb.Error:
        pass  # the connection may be mid-interrupt; temp tables die with it anyway


# -- undo ---------------------------------------------------------------------------
def undo_import(store: Store, import_id: int) -> None:
    """Remove everything one import added, in one transaction."""
    row = store.con.execute("SELECT status FROM imports WHERE id = ?", [import_id]).fetchone()
    if row is None:
        raise EngageError(t("There is no import #{number}. See the list of imports for the number.", number=import_id))
    if row[0] == "undone":
        raise EngageError(t("Import #{number} was already undone.", number=import_id))
    with written_or_given_back(store, "undo"), store.transaction() as con:
        con.execute(f"CREATE OR REPLACE TEMP TABLE undo_keys AS {keys_of_import(import_id)}")
        versions.undo(con, import_id)  # records handed over to later imports, earlier states restored
        for table in IMPORTED_TABLES:
            con.execute(f"DELETE FROM {table} WHERE import_id = ?", [import_id])
        con.execute("UPDATE imports SET status = 'undone', undone_at = now()::TIMESTAMP WHERE id = ?", [import_id])
        _give_back_settings(store, import_id)
        con.execute(rebuild_customers_sql("SELECT customer_key FROM undo_keys"))
        con.execute("DROP TABLE undo_keys")
    store.con.execute("CHECKPOINT")


@contextmanager
def written_or_given_back(store: Store, reason: str) -> Iterator[None]:
    """Every write starts from a whole shop file, kept as a backup: read every block (a damaged file is
    named as such, never written into), then copy it (backups.py). A write that fails (a full disk) or
    is cancelled is rolled back, and the file goes back to the copy: the space it took is given back."""
    store.check_integrity()
    copy, listed = backups.rollback_point(store, reason)
    try:
        yield
    except BaseException:
        if store.path.stat().st_size > copy.stat().st_size + GIVE_BACK_OVER:
            store.go_back_to(copy)
        raise
    finally:
        if not listed:
            copy.unlink(missing_ok=True)


GIVE_BACK_OVER = 1024 * 1024  # smaller growth is left for DuckDB to reuse


# -- remembered mappings --------------------------------------------------------------
def saved_mappings(store: Store) -> dict[str, tuple[str, dict[str, list[str]]]]:
    return {
        key: (kind, json.loads(mapping))
        for key, kind, mapping in store.con.execute("SELECT header_key, kind, mapping FROM saved_mappings").fetchall()
    }


def save_mapping(store: Store, headers: list[str], det: Detection) -> None:
    fields = {f: [headers[i] for i in cols] for f, cols in det.mapping.columns.items()}
    store.con.execute(
        "INSERT OR REPLACE INTO saved_mappings VALUES (?, ?, ?, now()::TIMESTAMP)",
        [header_set_key(headers), det.kind, json.dumps(fields, ensure_ascii=False)],
    )


def list_imports(store: Store) -> list[dict[str, object]]:
    cur = store.con.execute(
        """SELECT id, file_name, format_label, encoding, kind, rows_read, rows_imported, rows_rejected, rows_skipped,
                  status, finished_at FROM imports ORDER BY id"""
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def import_rejects(store: Store, import_id: int) -> list[Reject]:
    return [
        Reject(*row)
        for row in store.con.execute(
            "SELECT line, column_name, reason, original_text FROM import_rejects WHERE import_id = ? ORDER BY line",
            [import_id],
        ).fetchall()
    ]
