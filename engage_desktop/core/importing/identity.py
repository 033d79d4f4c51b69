"""Who is this customer? One key per real person, across channels where we can tell.

Key order:
1. a real e-mail address (``e:<email>``): the one thing that links the same
   person across channels (a Shopify order, a Rakuten order and a survey);
2. the platform's customer id, scoped to its channel (``id:<channel>:<id>``);
3. a masked relay address (Rakuten, Amazon), scoped to its channel: it only
   identifies the customer within that marketplace (``e:<channel>:<email>``);
4. name + phone (``np:<name without spaces>:<phone>``);
5. the name alone, channel-scoped, only for formats that have nothing else
   (WooCommerce's orders report);
otherwise the row is anonymous: it counts toward the shop's revenue and
orders, not toward any customer.

The brief lists the platform id before the e-mail. We put a real e-mail first
because a platform id cannot link channels, and Shopify's order export has no
customer id while its customer export has both: keyed by id, the two would
never meet.
"""

from __future__ import annotations

from engage_desktop.core.importing.formats import FORMATS
from engage_desktop.core.importing.values import quote

# Every marketplace's masked addresses, from the formats that declare them: a relay address
# is channel-scoped whichever file it arrives in (a Rakuten export mapped by hand, too).
RELAY_DOMAINS = tuple(sorted({domain for fmt in FORMATS for domain in fmt.relay_domains}))


def is_relay_sql(email: str) -> str:
    return "(" + " OR ".join(f"contains({email}, {quote(d)})" for d in RELAY_DOMAINS) + ")"


def customer_key_sql(
    channel: str, email: str, customer_id: str, name: str, phone: str, identify_by_name: bool
) -> str:
    """SQL for the customer key of a row whose columns are already normalised."""
    ch = quote(channel)
    name_key = f"replace({name}, ' ', '')"
    by_name = f"WHEN {name} IS NOT NULL THEN 'n:' || {ch} || ':' || {name_key} " if identify_by_name else ""
    return (
        f"CASE WHEN {email} IS NOT NULL AND NOT {is_relay_sql(email)} THEN 'e:' || {email} "
        f"WHEN {customer_id} IS NOT NULL THEN 'id:' || {ch} || ':' || {customer_id} "
        f"WHEN {email} IS NOT NULL THEN 'e:' || {ch} || ':' || {email} "
        f"WHEN {name} IS NOT NULL AND {phone} IS NOT NULL THEN 'np:' || {name_key} || ':' || {phone} "
        f"{by_name}END"
    )


def rebuild_customers_sql(touched: str | None) -> str:
    """Recompute the derived customers whose key is in ``touched`` (a SELECT of customer_key),
    or every customer (``None``: a first import, when everything is touched anyway).

    Only the customers an import (or an undo) touched are recomputed, from every row that
    still mentions them; a key nothing mentions any more disappears. The result is the same
    as rebuilding the whole table, without re-reading a large shop on every small import.
    The keys are listed once in a temporary table (three sources filter on them).
    """
    if touched is None:
        listed, forget, only, done = "", "DELETE FROM customers;", "", ""
    else:
        listed = (f"CREATE OR REPLACE TEMP TABLE rebuild_keys AS "
                  f"SELECT DISTINCT customer_key FROM ({touched}) WHERE customer_key IS NOT NULL;")
        forget = "DELETE FROM customers WHERE customer_key IN (SELECT customer_key FROM rebuild_keys);"
        only = "AND customer_key IN (SELECT customer_key FROM rebuild_keys)"
        done = "DROP TABLE rebuild_keys;"
    return f"""
{listed}
{forget}
INSERT INTO customers
-- arg_max skips NULL values: each field is the latest one the customer gave.
SELECT customer_key,
       arg_max(customer_name, seen),
       arg_max(email, seen),
       arg_max(phone, seen),
       -- the channels a customer bought in, sorted (a list: string_agg DISTINCT ORDER BY is 4x slower)
       array_to_string(list_sort(list_distinct(list(channel))), ','),
       arg_max(gender, seen),
       arg_max(birth_date, seen)
FROM (
    SELECT customer_key, customer_name, email, phone, channel, NULL::VARCHAR AS gender,
           NULL::DATE AS birth_date, ordered_at AS seen
    FROM orders WHERE customer_key IS NOT NULL {only}
    UNION ALL
    SELECT customer_key, customer_name, email, phone, channel, gender, birth_date, TIMESTAMP '1900-01-01'
    FROM customer_records WHERE customer_key IS NOT NULL {only}
    UNION ALL
    SELECT customer_key, NULL, email, NULL, 'survey', NULL, NULL, answered_at
    FROM survey_responses WHERE customer_key IS NOT NULL {only}
)
GROUP BY customer_key;
{done}
"""


# The tables whose rows name a customer: the derived customers table is computed from them.
CUSTOMER_SOURCES = ("orders", "customer_records", "survey_responses")


def keys_of_import(import_id: int) -> str:
    """A SELECT of the customer keys one import touches: the rows it holds, in the shop's tables and
    their earlier states, the states it replaced, and the earlier states undoing it may bring back."""
    imp = int(import_id)
    parts = [f"SELECT customer_key FROM {t} WHERE import_id = {imp}" for t in CUSTOMER_SOURCES]
    for table, history, key in (("orders", "order_versions", "order_id"),
                                ("customer_records", "customer_record_versions", "record_id")):
        parts.append(f"SELECT customer_key FROM {history} WHERE import_id = {imp} OR replaced_by = {imp}")
        parts.append(f"""SELECT h.customer_key FROM {history} h JOIN {table} t
                         ON t.source = h.source AND t.{key} = h.{key} AND t.import_id = {imp}""")
    return " UNION ".join(parts)
