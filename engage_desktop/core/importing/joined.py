"""Exports that come as two files joined on a key: Yahoo!ショッピング's order.csv and item.csv.

item.csv has the items but no order time; order.csv has the time, the buyer and the
total. Chosen or dropped together, they are joined on OrderId into one table (every
order, with its items when it has some) and imported as one file; item.csv alone is
refused with what to do (formats.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from engage_desktop.core.importing.formats import BY_NAME
from engage_desktop.core.importing.headers import header_key
from engage_desktop.core.importing.readers import SourceTable, parse_head, peek_header, read_source
from engage_desktop.core.importing.values import ident, quote

ORDERS_FORMAT, ITEMS_FORMAT, KEY = "yahoo_shopping", "yahoo_items", "OrderId"


@dataclass(frozen=True)
class JoinedFiles:
    orders: Path
    items: Path

    @property
    def name(self) -> str:
        return f"{self.orders.name} + {self.items.name}"


def _is(headers: list[str] | None, format_name: str) -> bool:
    keys = {header_key(h) for h in headers or []}
    return all(header_key(s) in keys for s in BY_NAME[format_name].signature)


def pair_files(paths: list[Path]) -> list[Path | JoinedFiles]:
    """The files to import, in order, with a Yahoo order.csv and item.csv given together made one."""
    headers = {path: peek_header(path) for path in paths}
    items = [p for p in paths if _is(headers[p], ITEMS_FORMAT) and not _is(headers[p], ORDERS_FORMAT)]
    orders = [p for p in paths if _is(headers[p], ORDERS_FORMAT) and not _is(headers[p], ITEMS_FORMAT)]
    out: list[Path | JoinedFiles] = []
    for path in paths:
        if path in items[:1] and orders:
            continue  # joined with the order file, where that one stands
        out.append(JoinedFiles(path, items[0]) if items and path in orders[:1] else path)
    return out


def read_joined(files: JoinedFiles, work_dir: Path, encoding: str | None = None) -> SourceTable:
    """Both files read (decoded to UTF-8), then joined by DuckDB into one CSV: every order row,
    once per item (or once, with empty item cells, when it has none), in the files' order."""
    (work_dir / "orders").mkdir()
    (work_dir / "items").mkdir()
    orders = read_source(files.orders, work_dir / "orders", encoding=encoding)
    items = read_source(files.items, work_dir / "items", encoding=encoding)
    order_keys = {header_key(h) for h in orders.headers}
    extra = [h for h in items.headers if header_key(h) not in order_keys]
    merged = work_dir / "table.csv"
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        def scan(src: SourceTable) -> str:
            return (f"(SELECT row_number() OVER () AS file_row, * FROM read_csv({quote(str(src.csv_path))}, header = true, "
                    f"all_varchar = true, delim = {quote(src.delimiter)}, quote = '\"', escape = '\"'))")

        picked = ", ".join(f"i.{ident(h)}" for h in extra)
        con.execute(
            f"""COPY (SELECT o.* EXCLUDE (file_row){', ' + picked if picked else ''}
                FROM {scan(orders)} o LEFT JOIN {scan(items)} i ON i.{ident(_column(items, KEY))} = o.{ident(_column(orders, KEY))}
                ORDER BY o.file_row, i.file_row) TO {quote(str(merged))} (HEADER, DELIMITER ',')"""
        )
    finally:
        con.close()
    text = merged.read_text(encoding="utf-8")
    return SourceTable(
        files.orders, orders.size + items.size, orders.sha256 + "+" + items.sha256, orders.encoding, ",", merged,
        parse_head(text, ","), label=files.name,
    )


def _column(src: SourceTable, name: str) -> str:
    return next(h for h in src.headers if header_key(h) == header_key(name))
