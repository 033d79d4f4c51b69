"""Fuzzing: mutated real exports either commit with correct accounting or roll back; nothing crashes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.store import Store
from tests.fixtures import exports
from tests.helpers import table_checksums

_TEMPLATES: dict[str, bytes] = {}


def template(name: str) -> bytes:
    if name not in _TEMPLATES:
        with tempfile.TemporaryDirectory() as folder:
            maker = {"rakuten": exports.rakuten, "shopify": exports.shopify_orders, "base": exports.base,
                     "amazon": exports.amazon_orders, "square": exports.square_transactions}[name]
            path, _ = maker(Path(folder))
            _TEMPLATES[name] = path.read_bytes()
    return _TEMPLATES[name]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(["rakuten", "shopify", "base", "amazon", "square"]))
    data = bytearray(template(name))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut_line", "drop_column", "truncate", "duplicate_line"]))
        lines = bytes(data).split(b"\n")
        if kind == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut_line" and len(lines) > 1:
            at = draw(st.integers(1, len(lines) - 1))
            cut = draw(st.integers(0, max(0, len(lines[at]) - 1)))
            lines[at] = lines[at][:cut]
            data = bytearray(b"\n".join(lines))
        elif kind == "drop_column":
            column = draw(st.integers(0, 5))
            separator = b"\t" if name == "amazon" else b","
            data = bytearray(b"\n".join(separator.join(p for i, p in enumerate(line.split(separator)) if i != column)
                                        for line in lines))
        elif kind == "truncate" and data:
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "duplicate_line" and len(lines) > 1:
            at = draw(st.integers(1, len(lines) - 1))
            lines.insert(at, lines[at])
            data = bytearray(b"\n".join(lines))
    return name, bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=mutated())
def test_mutated_exports_commit_correctly_or_roll_back(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / ("orders.txt" if name == "amazon" else "orders.csv")
        path.write_bytes(data)
        with Store(root / "shop.duckdb") as store:
            before = table_checksums(store.con)
            result = import_file(store, path)  # must not raise, whatever the bytes
            assert result.status in ("imported", "nothing new", "refused"), result
            if result.status == "refused":
                assert result.message
                assert table_checksums(store.con) == before
            else:
                assert result.read == result.imported + result.rejected + result.skipped
                # Every imported row is a line, or an order-level row with no item on it (no line).
                lines = store.con.execute("SELECT count(*) FROM order_lines").fetchone()[0]
                assert lines <= result.imported
                rejects = store.con.execute("SELECT count(*) FROM import_rejects").fetchone()[0]
                assert rejects == result.rejected
                stored = store.con.execute(
                    "SELECT rows_read, rows_imported, rows_rejected, rows_skipped FROM imports").fetchone()
                assert stored == (result.read, result.imported, result.rejected, result.skipped)
