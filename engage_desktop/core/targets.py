"""Files the app writes (workbooks, lists, rejected rows, the sample shop) never replace what it did not make.

Every path the app writes to is checked here first: a folder, the open shop file, any other
shop file (recognised by DuckDB's header, whatever its name) or its write-ahead log are
refused with a message that says what to do. The owner's shop file is never overwritten by
an export.
"""

from __future__ import annotations

from pathlib import Path

from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import t

DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB database file
SHOP_SUFFIXES = (".duckdb", ".wal")


def is_shop_file(path: Path) -> bool:
    """True when ``path`` is a DuckDB database (a shop file), whatever its name."""
    try:
        with path.open("rb") as handle:
            return handle.read(12)[8:12] == DUCKDB_MAGIC
    except OSError:
        return False


def check_target(path: str | Path, shop: str | Path | None = None) -> Path:
    """The path to write, or EngageError when writing there would destroy something."""
    path = Path(path)
    if path.is_dir():
        raise EngageError(t("{path} is a folder. Give a file name inside it, for example {example}.",
                            path=path, example=path / "report.xlsx"))
    if shop is not None and _same_file(path, Path(shop)):
        raise EngageError(t("{file} is the shop file itself: it would be destroyed. Choose another file name.",
                            file=path.name))
    if path.name.lower().endswith(SHOP_SUFFIXES) or (path.exists() and is_shop_file(path)):
        raise EngageError(t("{file} is a shop file (or its journal); an export would destroy it. Choose another "
                            "file name, for example one ending in .xlsx or .csv.", file=path.name))
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
