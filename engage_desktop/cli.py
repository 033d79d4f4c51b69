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
from engage_desktop.core.errors import EngageError, ShopFileDamaged
from engage_desktop.core.messages import LANGUAGES, N_, percent_text, quoted, set_language, system_language, t
from engage_desktop.core.views import EXPORTED as EXPORTED_VIEWS
from engage_desktop.core.paths import default_shop_path

COMMANDS = ("import", "imports", "undo-import", "report", "export", "sample", "backups", "survey-template")


def _parser() -> argparse.ArgumentParser:
    """The commands and their help, in the current language (``--lang`` is read before this is built)."""
    # Imported here: the app imports this module at every start (for COMMANDS and the language), and the
    # import's modules are 30 more to load before the first window.
    from engage_desktop.core.importing.dates import BY_KEY, LAYOUT_KEYS
    from engage_desktop.core.importing.kinds import KINDS

    parser = argparse.ArgumentParser(prog="engage-desktop",
                                     description=t("Engage Desktop: customer engagement for a small shop."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser, db: bool = True) -> None:
        if db:
            p.add_argument("--db", type=Path, default=None,
                           help=t("the shop file (default: {path})", path=default_shop_path()))
        p.add_argument("--lang", choices=LANGUAGES, default=None,
                       help=t("the language of what is printed and exported: ja or en (default: the computer's)"))

    p = sub.add_parser("import", help=t("import export files (CSV, TSV, TXT, XLSX, XLS, XLSB, ODS) into the shop file"))
    common(p)
    p.add_argument("--kind", choices=tuple(KINDS), help=t("what the files hold (default: detected)"))
    p.add_argument("--format", default="auto", help=t("the export's format name, or auto (default)"))
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help=t("take a field from the column with this header"))
    p.add_argument("--encoding", help=t("utf-8, cp932, utf-16 or latin-1 (default: detected)"))
    p.add_argument("--sheet", help=t("the workbook's sheet (default: the active visible sheet with data)"))
    p.add_argument("--date-format", choices=LAYOUT_KEYS, dest="date_format",
                   help=t("how the dates are written: {layouts} (default: decided from each date column)",
                          layouts=", ".join(f"{k} ({BY_KEY[k].example})" for k in LAYOUT_KEYS)))
    p.add_argument("--currency", type=_currency_code, metavar="CODE",
                   help=t("the currency of the amounts (ISO 4217: JPY, USD, GBP...) when the file does not say"))
    p.add_argument("--source", metavar="NAME",
                   help=t("where the files come from, such as another shop or till on the same platform: its orders "
                          "are kept apart from other sources' (default: the platform, or the file's layout)"))
    p.add_argument("--save-mapping", action="store_true",
                   help=t("remember this mapping for files with the same headers"))
    p.add_argument("files", nargs="+", type=Path)

    p = sub.add_parser("imports", help=t("list the imports in the shop file"))
    common(p)

    p = sub.add_parser("undo-import", help=t("remove everything one import added"))
    common(p)
    p.add_argument("id", type=int)

    p = sub.add_parser("report", help=t("print the shop's numbers"))
    common(p)
    p.add_argument("--as-of", help=t("the date YYYY-MM-DD (default: the day of the last order)"))
    p.add_argument("--json", action="store_true", help=t("one JSON object (its keys are always English)"))

    p = sub.add_parser("export", help=t("write an Excel workbook with native charts"))
    common(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--view", choices=("all", *EXPORTED_VIEWS), default="all")
    p.add_argument("--as-of", help=t("the date YYYY-MM-DD (default: the day of the last order)"))

    p = sub.add_parser("backups", help=t("list the shop file's automatic backups, or restore one"))
    common(p)
    p.add_argument("--restore", metavar="NAME", help=t("a backup's file name, or latest"))

    p = sub.add_parser("survey-template", help=t("write the survey's questions for Google Forms (answers collected "
                                                 "with it import with no mapping)"))
    common(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--shop", help=t("the shop's name in the questions (default: the shop file's, else \"our shop\")"))

    p = sub.add_parser("sample", help=t("create the built-in sample shop file"))
    common(p)
    p.add_argument("--force", action="store_true", help=t("replace a file that is not an earlier sample shop"))
    return parser


# argparse's own words (its headings and the errors it reports), asked of gettext by argparse:
# answered from our catalogue so that a Japanese owner's help and mistakes read in Japanese.
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("unrecognized arguments: %s"),
    N_("expected one argument"), N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"), N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _argparse_says(text: str) -> str:
    return t(text) if text in ARGPARSE_TEXTS else text


def speak_language_of(argv: list[str]) -> None:
    """Core and argparse speak ``--lang`` if the arguments give it, else the computer's language."""
    set_language(_language(argv))
    argparse._ = _argparse_says  # type: ignore[attr-defined] # argparse's gettext hook (module global)


def _language(argv: list[str]) -> str:
    """``--lang`` if given (anywhere), else the computer's language: read before the parser is built,
    so that its help is in that language too."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    return system_language()


def _currency_code(text: str) -> str:
    from babel.numbers import UnknownCurrencyError, get_currency_name

    code = text.strip().upper()
    try:
        get_currency_name(code, locale="en")
    except UnknownCurrencyError as exc:
        raise argparse.ArgumentTypeError(t("{value} is not a currency code (JPY, USD, EUR, GBP...)",
                                           value=quoted(text))) from exc
    if len(code) != 3:
        raise argparse.ArgumentTypeError(t("{value} is not a currency code (JPY, USD, EUR, GBP...)", value=quoted(text)))
    return code


def run_cli(argv: list[str]) -> int:
    _utf8_output()
    speak_language_of(argv)
    args = _parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = HANDLERS[args.command]
    try:
        return handler(args)
    except EngageError as exc:
        print(t("error: {message}", message=exc), file=sys.stderr)
        if isinstance(exc, ShopFileDamaged):
            print(t("To restore the latest backup here: engage-desktop backups --restore latest"), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a database error from the shop file: said, never a traceback
        import duckdb

        if not isinstance(exc, duckdb.Error):
            raise
        from engage_desktop.core.errors import explain_database_error

        shop = getattr(args, "db", None) or default_shop_path()
        said = explain_database_error(exc, Path(shop).name)
        print(t("error: {message}", message=said or t("The shop file could not be read ({error}).", error=exc)),
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("error: interrupted; nothing was changed by the unfinished step."), file=sys.stderr)
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
        raise EngageError(t("There is no shop file at {path}. Import files first, or give --db.", path=path))
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
            raise EngageError(t("--map {value}: write it as FIELD=COLUMN, for example --map order_id=注文番号",
                                value=quoted(item)))
        mapping[field.strip()] = column.strip()
    options = ImportOptions(
        kind=args.kind, format=args.format, mapping=mapping, encoding=args.encoding,
        sheet=args.sheet, save_mapping=args.save_mapping, date_layout=args.date_format, currency=args.currency,
        source=args.source,
    )
    with _open(args, write=True) as store:
        results = import_files(store, args.files, options)
    for r in results:
        print(describe_result(r))
    return 0 if all(r.ok for r in results) else 1


def describe_result(r) -> str:  # noqa: ANN001 - ImportResult
    """One file's import as the CLI prints it, in the current language."""
    from engage_desktop.core.importing.fields import field_label
    from engage_desktop.core.importing.readings import encoding_name, status_text

    lines = []
    if r.format_name:
        sure = "" if not r.needs_confirmation else t(" - please check the mapping")
        lines.append(t("{file}: {format}, {encoding}, confidence {confidence}", file=r.file_name,
                       format=t(r.format_label), encoding=encoding_name(r.encoding), confidence=percent_text(r.confidence, 0)) + sure)
    else:
        lines.append(f"{r.file_name}:")
    if r.mapping and (r.needs_confirmation or r.format_name.startswith("generic") or r.status == "refused"):
        lines.append("  " + t("mapping used:"))
        lines += [f"    {field_label(field)} <- {header}" for field, header in r.mapping]
    lines += read_as_lines(r)
    if r.status in ("imported", "nothing new"):
        lines.append("  " + t("{status} (import #{id}): read {read:,}, imported {imported:,}, rejected {rejected:,}, "
                              "skipped {skipped:,}", status=status_text(r.status), id=r.import_id, read=r.read,
                              imported=r.imported, rejected=r.rejected, skipped=r.skipped))
        lines += ["  " + t("skipped {count:,}: {reason}", count=n, reason=reason) for reason, n in r.skipped_detail.items()]
    else:
        lines.append(f"  {status_text(r.status)}: {r.message}")
    lines += ["  " + t("note: {note}", note=n) for n in r.notes]
    for rej in r.rejects[:10]:
        where = t("line {line}", line=rej.line) if rej.line else t("a row")
        col = f" [{rej.column}]" if rej.column else ""
        lines.append("  " + t("rejected {where}{column}: {reason}", where=where, column=col, reason=rej.reason))
    if len(r.rejects) > 10 or r.rejected > 10:
        lines.append("  " + t("… {count:,} more rejected rows: the import window's result page lists them and saves "
                              "them as a CSV", count=r.rejected - 10))
    return "\n".join(lines)


def read_as_lines(r) -> list[str]:  # noqa: ANN001 - ImportResult
    """How the file was read (its sheet, each date column's layout, its currency, the time zone), as the
    import window says it."""
    from engage_desktop.core.importing.fields import field_label
    from engage_desktop.core.importing.readings import currency_text, date_reading_text, zone_text

    out = ["  " + t("sheet: {sheet}", sheet=r.sheet)] if r.sheet else []
    for field, reading in r.dates.items():
        out.append("  " + date_reading_text(dict(r.mapping).get(field, field_label(field)), reading))
    if r.currency:
        out.append("  " + currency_text(r.currency, r.currency_how))
    if r.time_zone:
        out.append("  " + zone_text(r.time_zone, r.time_zone_how))
    return out


def cmd_imports(args: argparse.Namespace) -> int:
    from engage_desktop.core.importing.pipeline import list_imports
    from engage_desktop.core.importing.readings import encoding_name, status_text

    with _open(args) as store:
        rows = list_imports(store)
    if not rows:
        print(t("No imports yet."))
    for row in rows:
        print(f"#{row['id']:<4} " + t(
            "{status}  {file}  [{format}, {encoding}]  read {read:,}, imported {imported:,}, rejected {rejected:,}, "
            "skipped {skipped:,}", status=status_text(row["status"]), file=row["file_name"],
            format=t(row["format_label"]) if row["format_label"] else "", encoding=encoding_name(row["encoding"]),
            read=row["rows_read"],
            imported=row["rows_imported"], rejected=row["rows_rejected"], skipped=row["rows_skipped"]))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from engage_desktop.core.importing.pipeline import undo_import

    with _open(args, write=True) as store:
        undo_import(store, args.id)
    print(t("Import #{id} was undone.", id=args.id))
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
        path = export_workbook(store, args.out, view=args.view, as_of=args.as_of)  # in the language chosen
    print(t("Wrote {path}", path=path))
    return 0


def cmd_survey_template(args: argparse.Namespace) -> int:
    from engage_desktop.core.export.survey_template import write_template

    shop = args.shop
    if shop is None and (args.db is not None or Path(default_shop_path()).exists()):
        with _open(args) as store:
            shop = store.setting("shop_name") or store.path.stem
    # no shop file yet (a new owner asks for the survey first): the questions say 当店 / our shop
    print(t("Wrote {path}", path=write_template(args.out, shop or "")))
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from engage_desktop.core.paths import sample_shop_path
    from engage_desktop.core.sample import create_sample_shop

    path = args.db or sample_shop_path()
    create_sample_shop(path, force=args.force)
    print(t("Sample shop written to {path}", path=path))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from engage_desktop.core import backups

    shop = Path(args.db or default_shop_path())
    found = backups.list_backups(shop)
    if args.restore:
        chosen = found[0] if args.restore == "latest" and found else next(
            (b for b in found if b.path.name == args.restore), None)
        if chosen is None:
            raise EngageError(t("There is no backup {name} of {shop}. List them with: engage-desktop backups --db {path}",
                                name=quoted(args.restore), shop=shop.name, path=shop))
        kept = backups.restore(shop, chosen.path)
        print(t("Restored {shop} from {backup}", shop=shop.name, backup=chosen.path.name)
              + (t(" (the file it replaced: {kept})", kept=kept.path.name) if kept else ""))
        return 0
    if not found:
        print(t("No backups of {shop} yet (one is made before each import and undo).", shop=shop.name))
    for b in found:
        print(f"{b.path.name}  {b.made:%Y-%m-%d %H:%M:%S}  {backups.reason_text(b.reason):<14} {b.size / 1e6:,.1f} MB")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "imports": cmd_imports,
    "undo-import": cmd_undo,
    "report": cmd_report,
    "export": cmd_export,
    "sample": cmd_sample,
    "backups": cmd_backups,
    "survey-template": cmd_survey_template,
}
