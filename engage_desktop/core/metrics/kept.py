"""Facts kept while one report is built: computed once, read by every section that needs them.

A report (``build_report``, the home screen, the export, the action lists) asks many metrics about the
same shop on the same day, and most of them start from the same per-customer facts or from the
journey's ladder. Each of those is a pass over every order line: 50 ms for the facts and 450 ms for the
ladder on the 1M-line bench shop, and the report asked for them ten and three times.

Inside ``with keeping(store):`` the first metric that asks for one of them (``kept``) computes it into a
temporary table, and the others read that table. Outside a scope every metric computes its own: a view
asks for one thing at a time, and a table kept longer would go stale after an import or an undo. A
scope's tables are dropped when it ends; the settings the SQL depends on (tiers, rules) are part of
each key, so a scope never serves facts made under other settings.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import duckdb

from engage_desktop.core.store import Store

Result = TypeVar("Result")

_NAMES = itertools.count()
# Per open store in a scope: the key of each kept thing -> its temporary table.
_SCOPES: weakref.WeakKeyDictionary[Store, dict[str, str]] = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def keeping(store: Store) -> Iterator[None]:
    """Keep what ``kept`` computes until the block ends; an inner scope shares the outer one's."""
    if store in _SCOPES:
        yield
        return
    tables: dict[str, str] = {}
    _SCOPES[store] = tables
    try:
        with store.remembering_settings():  # the sections ask for the same settings too
            yield
    finally:
        del _SCOPES[store]
        for table in tables.values():
            # A failed query inside may have closed the connection: its temporary tables went with it,
            # and the error that ended the scope is the one to tell, not this one.
            with contextlib.suppress(duckdb.Error):
                store.con.execute(f"DROP TABLE IF EXISTS {table}")


def scoped(metric: Callable[..., Result]) -> Callable[..., Result]:
    """``metric(store, ...)`` run inside ``keeping(store)``: what it reads twice is computed once."""
    @functools.wraps(metric)
    def run(store: Store, *args: Any, **kwargs: Any) -> Result:
        with keeping(store):
            return metric(store, *args, **kwargs)
    return run


def kept(store: Store, key: str, build: Callable[[], str]) -> str:
    """SQL giving the rows of ``build()``: in a scope, from a temporary table made the first time
    ``key`` is asked for; outside one, ``build()`` itself."""
    tables = _SCOPES.get(store)
    if tables is None:
        return build()
    if key not in tables:
        sql = build()  # first: what it reads may be kept on the way
        # A name never used before on any connection: a table a failed DROP left behind cannot be met again.
        table = f"kept_{next(_NAMES)}"
        store.con.execute(f"CREATE TEMP TABLE {table} AS {sql}")
        tables[key] = table
    return f"SELECT * FROM {tables[key]}"


def was_kept(store: Store, key: str) -> bool:
    """Has a scope open on ``store`` kept ``key`` already."""
    return key in _SCOPES.get(store, {})
