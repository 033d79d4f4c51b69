"""Where customers buy: the store's till, the shop's own web shop, or a marketplace.

The articles recommend combining real and online contact, so the owner needs to see, for a tier or an
action list, how its customers buy. A record's platform (``orders.channel``, set by the format the import
recognised) decides the kind; a file mapped by hand has no platform and counts as "other".
"""

from __future__ import annotations

import datetime as dt
import functools

from engage_desktop.core.messages import N_, language, listing, t
from engage_desktop.core.metrics.base import counted_orders
from engage_desktop.core.metrics.kept import kept
from engage_desktop.core.sql import quote
from engage_desktop.core.store import Store

# The platforms of each kind (importing/formats.py's channels).
KIND_OF_CHANNEL: dict[str, str] = {
    "square": "store", "smaregi": "store", "airregi": "store",
    "shopify": "web", "base": "web", "makeshop": "web", "futureshop": "web", "colorme": "web",
    "woocommerce": "web", "eccube": "web",
    "rakuten": "marketplace", "amazon": "marketplace", "yahoo": "marketplace",
}
KINDS = ("store", "web", "marketplace", "other")
KIND_LABELS = {
    "store": N_("Store till"),
    "web": N_("Own web shop"),
    "marketplace": N_("Marketplace"),
    "other": N_("Other files"),
}


def kind_name(kind: str) -> str:
    """A channel kind in the owner's language."""
    return t(KIND_LABELS[kind])


def kind_sql(column: str = "channel") -> str:
    """SQL: the kind of an order from its platform column."""
    whens = " ".join(f"WHEN {quote(channel)} THEN {quote(kind)}" for channel, kind in KIND_OF_CHANNEL.items())
    return f"CASE {column} {whens} ELSE 'other' END"


def customer_kinds_sql(store: Store, as_of: dt.date) -> str:
    """SQL: per customer who bought, their orders of each kind (columns ``store``, ``web``, ``marketplace``,
    ``other``) up to the as-of date; kept for a report (the tiers' mix and the action lists read it)."""
    counts = ", ".join(f"count(*) FILTER (WHERE kind = {quote(kind)}) AS {kind}" for kind in KINDS)
    return kept(store, f"kinds {as_of.isoformat()}", lambda: f"""
        SELECT customer_key, {counts}
        FROM (SELECT customer_key, {kind_sql()} AS kind FROM ({counted_orders(as_of)})
              WHERE customer_key IS NOT NULL AND NOT is_refund)
        GROUP BY customer_key""")


def mix_text(counts: dict[str, int]) -> str:
    """A customer's orders by kind in a few words: 「自社ネットショップ 3、モール 1」; the most used first."""
    return _mix_text(tuple(counts.get(kind, 0) for kind in KINDS), language())


@functools.lru_cache(maxsize=4096)
def _mix_text(counts: tuple[int, ...], lang: str) -> str:
    # Few customers differ in their counts: a list of 16,000 is a few hundred texts, each made once.
    used = sorted(((n, i, kind) for i, (kind, n) in enumerate(zip(KINDS, counts)) if n), key=lambda c: (-c[0], c[1]))
    return listing([f"{kind_name(kind)} {n:,}" for n, _, kind in used])


def order_shares(counts: dict[str, int]) -> dict[str, float | None]:
    """Each kind's share of the orders in ``counts`` (None for all when there are none)."""
    total = sum(counts.values())
    return {kind: (counts.get(kind, 0) / total if total else None) for kind in KINDS}


def shares_text(counts: dict[str, int]) -> str:
    """Where a group buys in a few words: each kind's share of its orders, the most used first."""
    shares = {kind: share for kind, share in order_shares(counts).items() if share}
    return listing([f"{kind_name(kind)} {round(100 * share)}%" for kind, share in
                    sorted(shares.items(), key=lambda ks: (-ks[1], KINDS.index(ks[0])))])


def tier_mix(store: Store, as_of: dt.date, tiered_facts: str) -> dict[str, dict[str, int]]:
    """Per LTV tier, its customers' orders of each kind. ``tiered_facts``: SQL of the customers with their
    ``tier`` (ltv.tiered_facts_sql), so the tiers are the ones the LTV view shows."""
    sums = ", ".join(f"sum(k.{kind})" for kind in KINDS)
    rows = store.con.execute(
        f"""SELECT f.tier, {sums} FROM ({tiered_facts}) f JOIN ({customer_kinds_sql(store, as_of)}) k USING (customer_key)
            GROUP BY f.tier""").fetchall()
    return {tier: {kind: int(n or 0) for kind, n in zip(KINDS, counts)} for tier, *counts in rows}
