"""Command-line tools: import, list and undo imports, report, export.

Errors are one clear line on stderr, never a traceback; the exit code says
whether everything went through (0), a file was refused (1), or the command
could not run (2).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from engage_desktop import __version__
from engage_desktop.core.errors import EngageError
from engage_desktop.core.importing.dates import BY_KEY, LAYOUT_KEYS
from engage_desktop.core.importing.kinds import KINDS
from engage_desktop.core.views import EXPORTED as EXPORTED_VIEWS
from engage_desktop.core.paths import default_shop_path

COMMANDS = ("import", "imports", "undo-import", "report", "export", "sample", "backups")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="engage-desktop", description="Engage Desktop: customer engagement for a small shop.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", type=Path, default=None, help=f"shop file (default: {default_shop_path()})")

    p = sub.add_parser("import", help="import export files (CSV, TSV, TXT, XLSX, XLS, XLSB, ODS) into the shop file")
    db_arg(p)
    p.add_argument("--kind", choices=tuple(KINDS), help="what the files hold (default: detect)")
    p.add_argument("--format", default="auto", help="format name, or auto (default)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", help="map a field to a column header")
    p.add_argument("--encoding", help="utf-8, cp932, utf-16 or latin-1 (default: detect)")
    p.add_argument("--sheet", help="workbook sheet name (default: the active visible sheet with data)")
    p.add_argument("--date-format", choices=LAYOUT_KEYS, dest="date_format",
                   help="how the dates are written: " + ", ".join(f"{k} ({BY_KEY[k].example})" for k in LAYOUT_KEYS)
                   + " (default: decided from each date column)")
    p.add_argument("--currency", type=_currency_code, metavar="CODE",
                   help="the currency of the amounts (ISO 4217: JPY, USD, GBP...) when the file does not say")
    p.add_argument("--save-mapping", action="store_true", help="remember this mapping for files with the same headers")
    p.add_argument("files", nargs="+", type=Path)

    p = sub.add_parser("imports", help="list the imports in the shop file")
    db_arg(p)

    p = sub.add_parser("undo-import", help="remove everything one import added")
    db_arg(p)
    p.add_argument("id", type=int)

    p = sub.add_parser("report", help="print the shop's numbers")
    db_arg(p)
    p.add_argument("--as-of", help="date YYYY-MM-DD (default: the last order's day)")
    p.add_argument("--json", action="store_true", help="one JSON object")

    p = sub.add_parser("export", help="write an Excel workbook with native charts")
    db_arg(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--view", choices=("all", *EXPORTED_VIEWS), default="all")
    p.add_argument("--as-of", help="date YYYY-MM-DD")
    p.add_argument("--lang", choices=("ja", "en"), default="ja")

    p = sub.add_parser("backups", help="list the shop file's automatic backups, or restore one")
    db_arg(p)
    p.add_argument("--restore", metavar="NAME", help="a backup's file name, or latest")

    p = sub.add_parser("sample", help="create the built-in sample shop file")
    p.add_argument("--db", type=Path, default=None)
    p.add_argument("--force", action="store_true", help="replace a file that is not an earlier sample shop")
    return parser


def _currency_code(text: str) -> str:
    from babel.numbers import UnknownCurrencyError, get_currency_name

    code = text.strip().upper()
    try:
        get_currency_name(code, locale="en")
    except UnknownCurrencyError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a currency code (JPY, USD, EUR, GBP...)") from exc
    if len(code) != 3:
        raise argparse.ArgumentTypeError(f"{text!r} is not a currency code (JPY, USD, EUR, GBP...)")
    return code


def run_cli(argv: list[str]) -> int:
    _utf8_output()
    args = _parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = HANDLERS[args.command]
    try:
        return handler(args)
    except EngageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a database error from the shop file: said, never a traceback
        import duckdb

        if not isinstance(exc, duckdb.Error):
            raise
        from engage_desktop.core.errors import explain_database_error

        shop = getattr(args, "db", None) or default_shop_path()
        said = explain_database_error(exc, Path(shop).name)
        print(f"error: {said or f'the shop file could not be read ({exc})'}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 2


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _open(args: argparse.Namespace, write: bool = False):  # noqa: ANN202 - Store, imported lazily
    """The shop file: read-only for commands that only read (so that they run beside another program
    reading it, and on read-only media), read-write for those that change it."""
    from engage_desktop.core.errors import NeedsUpgrade
    from engage_desktop.core.store import Store

    path = args.db or default_shop_path()
    if not write and not Path(path).exists():
        raise EngageError(f"There is no shop file at {path}. Import files first, or give --db.")
    if write:
        return Store(path)
    try:
        return Store(path, read_only=True)
    except NeedsUpgrade:
        return Store(path)  # a shop from an earlier version is upgraded once (a backup is kept)


def cmd_import(args: argparse.Namespace) -> int:
    from engage_desktop.core.importing.pipeline import ImportOptions, import_files
    from engage_desktop.core.paths import sweep_work_folders

    sweep_work_folders()  # what killed imports left behind

    mapping = {}
    for item in args.map:
        field, sep, column = item.partition("=")
        if not sep:
            raise EngageError(f"--map {item!r}: write it as FIELD=COLUMN, for example --map order_id=注文番号")
        mapping[field.strip()] = column.strip()
    options = ImportOptions(
        kind=args.kind, format=args.format, mapping=mapping, encoding=args.encoding,
        sheet=args.sheet, save_mapping=args.save_mapping, date_layout=args.date_format, currency=args.currency,
    )
    with _open(args, write=True) as store:
        results = import_files(store, args.files, options)
    for r in results:
        print(describe_result(r))
    return 0 if all(r.ok for r in results) else 1


def describe_result(r) -> str:  # noqa: ANN001 - ImportResult
    lines = []
    if r.format_name:
        sure = "" if not r.needs_confirmation else " - please check the mapping"
        lines.append(f"{r.file_name}: {r.format_label_ja} / {r.format_label_en}, {r.encoding}, confidence {r.confidence:.0%}{sure}")
    else:
        lines.append(f"{r.file_name}:")
    if r.mapping and (r.needs_confirmation or r.format_name.startswith("generic") or r.status == "refused"):
        lines.append("  mapping used:")
        lines += [f"    {field:<12} <- {header}" for field, header in r.mapping]
    lines += read_as_lines(r)
    if r.status in ("imported", "nothing new"):
        lines.append(
            f"  {r.status} (import #{r.import_id}): read {r.read:,}, imported {r.imported:,}, "
            f"rejected {r.rejected:,}, skipped {r.skipped:,}"
        )
        lines += [f"  skipped {n:,}: {reason}" for reason, n in r.skipped_detail.items()]
    else:
        lines.append(f"  {r.status.upper()}: {r.message}")
    lines += [f"  note: {n}" for n in r.notes]
    for rej in r.rejects[:10]:
        where = f"line {rej.line}" if rej.line else "row"
        col = f" [{rej.column}]" if rej.column else ""
        lines.append(f"  rejected {where}{col}: {rej.reason}")
    if len(r.rejects) > 10 or r.rejected > 10:
        lines.append(f"  ... {r.rejected - 10:,} more rejected rows (see: engage-desktop imports)")
    return "\n".join(lines)


CURRENCY_HOW = {"column": "from its currency column", "platform": "the platform's currency", "chosen": "your choice",
                "symbol": "from the sign in its amounts", "shop": "the shop's currency (the file does not say)",
                "assumed": "assumed: the file does not say (a new shop's default)"}
ZONE_HOW = {"shop": "the shop's time zone", "file": "from the file's offsets, now the shop's",
            "computer": "this computer's zone, now the shop's"}


def read_as_lines(r) -> list[str]:  # noqa: ANN001 - ImportResult
    """How the file was read: its date layout per column, its currency and the time zone it was put in."""
    out = [f"  sheet: {r.sheet}"] if r.sheet else []
    for field, reading in r.dates.items():
        header = dict(r.mapping).get(field, field)
        how = "your choice" if reading.chosen else ("ambiguous: check, or choose with --date-format" if reading.ambiguous
                                                    else "decided from all its values")
        out.append(f"  dates in {header}: read like {reading.example} ({how})")
    if r.currency:
        out.append(f"  money: {r.currency} ({CURRENCY_HOW.get(r.currency_how, r.currency_how)})")
    if r.time_zone:
        out.append(f"  times: {r.time_zone} ({ZONE_HOW.get(r.time_zone_how, r.time_zone_how)})")
    return out


def cmd_imports(args: argparse.Namespace) -> int:
    from engage_desktop.core.importing.pipeline import list_imports

    with _open(args) as store:
        rows = list_imports(store)
    if not rows:
        print("No imports yet.")
    for row in rows:
        print(
            f"#{row['id']:<4} {row['status']:<12} {row['file_name']}  [{row['format_label']}, {row['encoding']}]  "
            f"read {row['rows_read']:,} imported {row['rows_imported']:,} rejected {row['rows_rejected']:,} "
            f"skipped {row['rows_skipped']:,}"
        )
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from engage_desktop.core.importing.pipeline import undo_import

    with _open(args, write=True) as store:
        undo_import(store, args.id)
    print(f"Import #{args.id} was undone.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from engage_desktop.core.metrics.report import build_report, report_text, to_json

    with _open(args) as store:
        report = build_report(store, as_of=args.as_of)
    print(to_json(report) if args.json else report_text(report))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from engage_desktop.core.export.workbook import export_workbook

    with _open(args) as store:
        path = export_workbook(store, args.out, view=args.view, as_of=args.as_of, lang=args.lang)
    print(f"Wrote {path}")
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from engage_desktop.core.paths import sample_shop_path
    from engage_desktop.core.sample import create_sample_shop

    path = args.db or sample_shop_path()
    create_sample_shop(path, force=args.force)
    print(f"Sample shop written to {path}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from engage_desktop.core import backups

    shop = Path(args.db or default_shop_path())
    found = backups.list_backups(shop)
    if args.restore:
        chosen = found[0] if args.restore == "latest" and found else next(
            (b for b in found if b.path.name == args.restore), None)
        if chosen is None:
            raise EngageError(f"There is no backup {args.restore!r} of {shop.name}. "
                              f"List them with: engage-desktop backups --db {shop}")
        kept = backups.restore(shop, chosen.path)
        print(f"Restored {shop.name} from {chosen.path.name}" + (f" (the file it replaced: {kept.path.name})" if kept else ""))
        return 0
    if not found:
        print(f"No backups of {shop.name} yet (one is made before each import and undo).")
    for b in found:
        print(f"{b.path.name}  {b.made:%Y-%m-%d %H:%M:%S}  {b.reason:<14} {b.size / 1e6:,.1f} MB")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "imports": cmd_imports,
    "undo-import": cmd_undo,
    "report": cmd_report,
    "export": cmd_export,
    "sample": cmd_sample,
    "backups": cmd_backups,
}
