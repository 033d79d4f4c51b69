"""What reading and matching survey answers both need (metrics/answer_matching.py reads, importing/
answer_matching.py changes the records): below both, so neither package imports the other."""

from __future__ import annotations

from engage_desktop.core.messages import N_

# The columns of the orders an answer's kept column can be matched against.
TARGETS = {"order_id": N_("Order number"), "customer_id": N_("Customer ID")}

# SQL over an answer ``s``: it reaches a customer who bought (or whom a customer export names).
REACHED = ("s.customer_key IN (SELECT customer_key FROM orders WHERE customer_key IS NOT NULL "
           "UNION SELECT customer_key FROM customer_records WHERE customer_key IS NOT NULL)")


def id_sql(expr: str) -> str:
    """An id as both sides write it: trimmed, lower case, without a leading # or ' (Shopify's #1001)."""
    return f"lower(regexp_replace(trim({expr}), '^[#''＃]+', ''))"
