"""Import real exports that others published and compare the app's numbers with figures worked out
independently in plain Python (run on purpose; the files are not in the repository: they hold real
people's data). Writes the table of docs/real-exports.md.

    .venv/bin/python -m tests.real_exports.compare /path/to/real-exports   # holds manifest.json

manifest.json: a list of entries with slug, file, platform, kind, source_repo, path_in_repo, and the
figures computed by their own script (orders, revenue, customers, currency, first_date, last_date;
answers and nps for surveys; customers for customer files).
"""

from __future__ import annotations

import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from engage_desktop.core.importing.pipeline import ImportOptions, import_file
from engage_desktop.core.store import Store


def app_figures(store: Store, kind: str) -> dict[str, object]:
    con = store.con
    if kind == "customers":
        return {"customers": con.execute("SELECT count(*) FROM customers").fetchone()[0]}
    if kind == "survey":
        answers, promoters, detractors, scored = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(nps) "
            "FROM survey_responses").fetchone()
        nps = round(100 * (promoters - detractors) / scored, 2) if scored else None
        return {"answers": answers, "nps": nps}
    orders, revenue, customers, first, last = con.execute(
        """SELECT count(*) FILTER (WHERE NOT is_refund), coalesce(sum(revenue), 0),
                  count(DISTINCT customer_key) FILTER (WHERE NOT is_refund),
                  CAST(min(ordered_at) AS DATE), CAST(max(ordered_at) AS DATE)
           FROM orders WHERE NOT cancelled""").fetchone()
    return {"orders": orders, "revenue": revenue, "customers": customers, "first_date": str(first), "last_date": str(last)}


def same(key: str, app: object, expected: object) -> bool:
    if expected is None:
        return True
    if key == "revenue":
        return Decimal(str(app)) == Decimal(str(expected))
    if key == "nps":
        return abs(float(app or 0) - float(expected)) < 0.01
    return str(app) == str(expected)


def main(folder: Path) -> None:
    rows = []
    for entry in json.loads((folder / "manifest.json").read_text(encoding="utf-8")):
        path = folder / entry["slug"] / entry["file"]
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "shop.duckdb") as store:
            result = import_file(store, path, ImportOptions(**entry.get("app_options", {})))
            got = app_figures(store, entry["kind"]) if result.ok else {}
        keys = {"orders": ("orders", "revenue", "customers", "first_date", "last_date"),
                "customers": ("customers",), "survey": ("answers", "nps")}[entry["kind"]]
        expected = {k: entry.get(k) for k in keys}
        if entry["kind"] == "orders" and not isinstance(expected["customers"], int):
            expected["customers"] = None  # the file names no customers
        verdict = "match" if result.ok and all(same(k, got.get(k), expected[k]) for k in keys) else "DIFFERS"
        rows.append((entry, result, got, expected, verdict))
        print(f"{entry['slug']}: {result.status} as {result.format_name}; app {got}; expected {expected}; {verdict}")
        if not result.ok:
            print("   ", result.message)
    print()
    print("| file (source repo, path) | platform | read as | app: " + " / ".join(["orders", "revenue", "customers"])
          + " | independent | verdict |")
    print("|---|---|---|---|---|---|")
    for entry, result, got, expected, verdict in rows:
        def figures(d: dict) -> str:
            if entry["kind"] == "orders":
                return f"{d.get('orders')} / {d.get('revenue')} / {d.get('customers')} ({d.get('first_date')} – {d.get('last_date')})"
            return " / ".join(f"{k} {d.get(k)}" for k in d)
        read_as = f"{result.format_label}, {result.encoding}" + (f", {result.currency}" if result.currency else "")
        print(f"| `{entry['source_repo']}` `{entry['path_in_repo']}` | {entry['platform']} | {read_as} | "
              f"{figures(got) if got else result.status} | {figures(expected)} | {verdict} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
