"""Where records come from: the owner's sources (a web shop, a till, a form), named once.

A record is known by its source and its id: a till's 伝票番号 1-100 and a web shop's 注文番号
1-100 are 200 sales, not 100 seen twice. Unless the owner names the source, the import
suggests one: the platform for a known format (Shopify, 楽天市場…); for a file we map
generically, its layout (the set of its headers), so that next month's export of the same
till joins the same source while another system's file starts its own; a new layout whose
fields are read from the same columns as an earlier source's (the till added a column the
import does not read) joins that source. Two shops on one
platform (two Shopify stores) must be told apart by the owner: the second store's orders
arrive with the numbers of the first one's on other days and customers, and are refused as
collisions saying so (versions.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

from engage_desktop.core.importing.detect import Detection, header_set_key
from engage_desktop.core.messages import N_, t
from engage_desktop.core.store import Store

# What owners call each platform's channel: the name a new source is given, in the owner's language
# when the import creates it (msgids; the owner may rename it later, it is data from then on).
CHANNEL_NAMES = {
    "shopify": "Shopify", "rakuten": N_("Rakuten Ichiba"), "amazon": "Amazon", "yahoo": N_("Yahoo! Shopping"),
    "base": "BASE", "makeshop": "MakeShop", "futureshop": "futureshop", "colorme": N_("Color Me Shop"),
    "woocommerce": "WooCommerce", "square": "Square", "smaregi": N_("Smaregi"), "airregi": N_("AirREGI"),
    "eccube": "EC-CUBE", "survey": N_("Survey"),
}
LEGACY_GENERIC = "generic"  # generic files of shops from before sources had names


@dataclass(frozen=True)
class Source:
    source: str  # the key records carry
    name: str  # what the owner calls it
    layout_key: str | None = None
    new: bool = False  # to be created by the import that uses it


def choose_source(store: Store, det: Detection, headers: list[str], file_stem: str, named: str | None) -> Source:
    """The source a file's records belong to: the one the owner named (created when new), else the suggestion."""
    con = store.con
    if named and named.strip():
        name = named.strip()
        row = con.execute("SELECT source, name, layout_key FROM sources WHERE name = ?", [name]).fetchone()
        if row:
            return Source(*row)
        return Source("src-" + hashlib.sha256(name.encode()).hexdigest()[:10], name, None, new=True)
    if det.format is not None:
        channel = det.format.channel
        row = con.execute("SELECT source, name, layout_key FROM sources WHERE source = ?", [channel]).fetchone()
        return Source(*row) if row else Source(channel, t(CHANNEL_NAMES.get(channel, channel)), None, new=True)
    layout = header_set_key(headers)
    row = con.execute("SELECT source, name, layout_key FROM sources WHERE layout_key = ?", [layout]).fetchone()
    if row:
        return Source(*row)
    same_columns = _source_reading_the_same_columns(store, det.mapping.describe(headers))
    if same_columns:
        return same_columns
    legacy = con.execute("SELECT source, name FROM sources WHERE source = ? AND layout_key IS NULL",
                         [LEGACY_GENERIC]).fetchone()
    if legacy:  # the first generic layout after the upgrade continues the old generic records
        return Source(legacy[0], legacy[1], layout, new=False)
    return Source(f"layout-{layout[:10]}", _name_from_file(file_stem), layout, new=True)


def _source_reading_the_same_columns(store: Store, mapping: list[tuple[str, str]]) -> Source | None:
    """A file-layout source whose imports read every field from the same column as this file: the same
    system's export, one column added or taken away that the import does not read (a till that added
    ポイント利用). Taken as another source, the next month's export counted its overlapping orders twice."""
    wanted = sorted((field, header) for field, header in mapping)
    rows = store.con.execute(
        """SELECT DISTINCT s.source, s.name, s.layout_key, i.mapping FROM sources s JOIN imports i USING (source)
           WHERE s.layout_key IS NOT NULL AND i.status <> 'undone' AND i.mapping IS NOT NULL
           ORDER BY s.source""").fetchall()
    for source, name, layout_key, read in rows:
        if sorted((field, header) for field, header in json.loads(read)) == wanted:
            return Source(source, name, layout_key)
    return None


def _name_from_file(stem: str) -> str:
    """'till_2024-05' -> 'till': a file's name without the dates and numbers exports add."""
    name = re.sub(r"[-_ ]*\d[\d\-_ .]*$", "", stem).strip(" -_") or stem
    return name


def record_source(store: Store, source: Source) -> None:
    """Create the source (in the import's transaction), or tie a claimed legacy source to its layout."""
    con = store.con
    if source.new:
        name, n = source.name, 1
        while con.execute("SELECT 1 FROM sources WHERE name = ?", [name]).fetchone():
            n += 1
            name = f"{source.name} ({n})"
        con.execute("INSERT INTO sources VALUES (?, ?, NULL, ?, ?)", [source.source, name, source.layout_key,
                                                                      dt.datetime.now()])
    elif source.layout_key:
        con.execute("UPDATE sources SET layout_key = ? WHERE source = ? AND layout_key IS NULL",
                    [source.layout_key, source.source])


def list_sources(store: Store) -> list[tuple[str, str]]:
    """(source, name) of every source the shop has, in the order they were created."""
    return [tuple(r) for r in store.con.execute("SELECT source, name FROM sources ORDER BY created_at, name").fetchall()]
