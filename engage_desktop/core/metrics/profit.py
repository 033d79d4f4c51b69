"""Value as profit: the articles define LTV as 「年間の売上金額(利益)」, so the owner may give the shop's
gross margin (粗利率) and read LTV and predicted value as the profit they bring.

One margin for the shop: none of the order exports we read carries a product's cost (Shopify, Rakuten,
Square… give prices only), so a margin per product would have to be typed in by hand for every product.
"""

from __future__ import annotations

from engage_desktop.core.store import Store


def margin(store: Store) -> float | None:
    """The shop's gross margin as a share of revenue (0.35 for 35%), or None when the owner gave none."""
    value = store.setting("gross_margin")
    return None if value is None else float(value)


def as_profit(value: float | None, share: float | None) -> float | None:
    """``value`` (money) as profit at the margin ``share``; None when either is missing."""
    return None if value is None or share is None else round(float(value) * share, 2)
