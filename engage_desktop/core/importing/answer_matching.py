"""Matching survey answers to customers by another of the survey's columns (an order number, a member id)
against the orders' order numbers or customer ids, and taking that back.

Only answers that reach no customer yet, and only values that name one customer (an order number two
platforms both use, for different people, matches nobody). One transaction each; the key the file gave
is kept in ``file_customer_key`` and comes back on undo. How many answers reach customers is read in
metrics/answer_matching.py.
"""

from __future__ import annotations

import duckdb

from engage_desktop.core.importing.identity import rebuild_customers_sql
from engage_desktop.core.matching import REACHED, TARGETS, id_sql
from engage_desktop.core.store import Store


def match_by_column(store: Store, question: str, target: str) -> int:
    """Tie the answers that reach no customer yet to the customer whose order (``target`` 'order_id')
    or customer id (``target`` 'customer_id') the kept column ``question`` names. Returns how many
    answers were tied. All or nothing."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}")
    with store.transaction() as con:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE answer_matches AS
            WITH known AS (
                SELECT {id_sql(target)} AS value, any_value(customer_key) AS customer_key
                FROM orders WHERE customer_key IS NOT NULL AND {target} IS NOT NULL
                GROUP BY 1 HAVING count(DISTINCT customer_key) = 1
            )
            SELECT s.source, s.response_id, s.customer_key AS old_key, k.customer_key
            FROM survey_responses s
            JOIN survey_comments c USING (source, response_id)
            JOIN known k ON k.value = {id_sql('c.answer')}
            WHERE c.question = ? AND (s.customer_key IS NULL OR NOT {REACHED})
            QUALIFY row_number() OVER (PARTITION BY s.source, s.response_id ORDER BY c.column_no) = 1""",
            [question],
        )
        con.execute(
            """UPDATE survey_responses s SET file_customer_key = s.customer_key, customer_key = m.customer_key,
                      matched_column = ?
               FROM answer_matches m WHERE s.source = m.source AND s.response_id = m.response_id""",
            [question],
        )
        return _customers_rebuilt(con)


def undo_column_matches(store: Store) -> int:
    """Give every answer matched by a column back the customer key its file gave. Returns how many."""
    with store.transaction() as con:
        con.execute("""CREATE OR REPLACE TEMP TABLE answer_matches AS
                       SELECT source, response_id, customer_key AS old_key, file_customer_key AS customer_key
                       FROM survey_responses WHERE matched_column IS NOT NULL""")
        con.execute("""UPDATE survey_responses SET customer_key = file_customer_key, file_customer_key = NULL,
                              matched_column = NULL WHERE matched_column IS NOT NULL""")
        return _customers_rebuilt(con)


def _customers_rebuilt(con: duckdb.DuckDBPyConnection) -> int:
    """After answers changed customer (the temp table answer_matches: old_key -> customer_key): the
    customers on both sides rebuilt, the table dropped; how many answers changed."""
    changed = con.execute("SELECT count(*) FROM answer_matches").fetchone()[0]
    con.execute(rebuild_customers_sql("SELECT old_key AS customer_key FROM answer_matches "
                                      "UNION SELECT customer_key FROM answer_matches"))
    con.execute("DROP TABLE answer_matches")
    return changed
