"""Answers that reach customers: how many survey answers are tied to a customer who bought, and by what.

An answer reaches a customer when its customer key is one some order (or customer export) carries:
the survey's e-mail is the one they bought with, or its customer id is one an order carried
(staging/answers.py), or the owner matched it afterwards by another of the survey's columns (an
order number, a member id) against the orders' order numbers or customer ids. An answer whose
e-mail no order has is not reached: it counts in NPS, never in a tier.

Matching by a column takes only answers that reach no customer yet, and only values that name one
customer (an order number two platforms both use, for different people, matches nobody). It is one
transaction, and undone by ``undo_column_matches`` (the key the file gave comes back).
"""

from __future__ import annotations

from dataclasses import dataclass

from engage_desktop.core.messages import N_
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

# What an answer was tied by (survey_responses.matched_by, or a column the owner chose).
MATCHED_BY = {"email": N_("E-mail"), "customer_id": N_("Customer ID"), "column": N_("Another column")}
TARGETS = {"order_id": N_("Order number"), "customer_id": N_("Customer ID")}

_REACHED = ("s.customer_key IN (SELECT customer_key FROM orders WHERE customer_key IS NOT NULL "
            "UNION SELECT customer_key FROM customer_records WHERE customer_key IS NOT NULL)")


@dataclass(frozen=True)
class MatchRate:
    answers: int
    reached: int
    by: dict[str, int]  # email | customer_id | column -> answers reached that way

    @property
    def share(self) -> float | None:
        return self.reached / self.answers if self.answers else None


def match_rate(store: Store) -> MatchRate:
    """The share of answers that reach a customer who bought, and by what."""
    rows = store.con.execute(
        f"""SELECT CASE WHEN s.matched_column IS NOT NULL THEN 'column' ELSE s.matched_by END, count(*),
                   count(*) FILTER (WHERE {_REACHED})
            FROM survey_responses s GROUP BY 1"""
    ).fetchall()
    return MatchRate(sum(r[1] for r in rows), sum(r[2] for r in rows), {by: n for by, _, n in rows if by and n})


def match_rate_json(store: Store) -> dict[str, object]:
    rate = match_rate(store)
    return {"answers": rate.answers, "reached": rate.reached,
            "share": None if rate.share is None else round(rate.share, 4), "by": rate.by}


UNMATCHED_COLUMNS = ["answered_at", "email", "nps", "fan_level", "liking", "why", "comment", "source", "response_id"]
NO_CONTACT = N_("no e-mail or customer id in the answer")
NOT_A_BUYER = N_("no order has this e-mail or id")


def unmatched_answers(store: Store) -> Table:
    """The answers that reach no customer, newest first, with why and their first free-text comment."""
    rows = store.con.execute(
        f"""SELECT s.answered_at, s.email, s.nps, s.fan_level, s.liking,
                   CASE WHEN s.customer_key IS NULL THEN 'no_contact' ELSE 'not_a_buyer' END,
                   (SELECT c.answer FROM survey_comments c WHERE c.source = s.source AND c.response_id = s.response_id
                    AND c.free_text ORDER BY c.column_no LIMIT 1),
                   s.source, s.response_id
            FROM survey_responses s
            WHERE s.customer_key IS NULL OR NOT {_REACHED}
            ORDER BY s.answered_at DESC NULLS LAST, s.response_id"""
    ).fetchall()
    return Table(list(UNMATCHED_COLUMNS), rows)


def match_columns(store: Store) -> Table:
    """The kept columns one could match by: those whose values look like ids (not free text), with how
    many of the unmatched answers have a value in them."""
    rows = store.con.execute(
        f"""SELECT c.question, count(*) AS answers
            FROM survey_comments c JOIN survey_responses s USING (source, response_id)
            WHERE NOT c.free_text AND (s.customer_key IS NULL OR NOT {_REACHED})
            GROUP BY c.question ORDER BY min(c.column_no)"""
    ).fetchall()
    return Table(["question", "answers"], rows)


def _id(expr: str) -> str:
    """An id as both sides write it: trimmed, lower case, without a leading # or ' (Shopify's #1001)."""
    return f"lower(regexp_replace(trim({expr}), '^[#''＃]+', ''))"


def match_by_column(store: Store, question: str, target: str) -> int:
    """Tie the answers that reach no customer yet to the customer whose order (``target`` 'order_id')
    or customer id (``target`` 'customer_id') the kept column ``question`` names. Returns how many
    answers were tied. All or nothing."""
    from engage_desktop.core.importing.identity import rebuild_customers_sql  # the window starts without importing

    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}")
    with store.transaction() as con:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE answer_matches AS
            WITH known AS (
                SELECT {_id(target)} AS value, any_value(customer_key) AS customer_key
                FROM orders WHERE customer_key IS NOT NULL AND {target} IS NOT NULL
                GROUP BY 1 HAVING count(DISTINCT customer_key) = 1
            )
            SELECT s.source, s.response_id, s.customer_key AS old_key, k.customer_key
            FROM survey_responses s
            JOIN survey_comments c USING (source, response_id)
            JOIN known k ON k.value = {_id('c.answer')}
            WHERE c.question = ? AND (s.customer_key IS NULL OR NOT {_REACHED})
            QUALIFY row_number() OVER (PARTITION BY s.source, s.response_id ORDER BY c.column_no) = 1""",
            [question],
        )
        con.execute(
            """UPDATE survey_responses s SET file_customer_key = s.customer_key, customer_key = m.customer_key,
                      matched_column = ?
               FROM answer_matches m WHERE s.source = m.source AND s.response_id = m.response_id""",
            [question],
        )
        matched = con.execute("SELECT count(*) FROM answer_matches").fetchone()[0]
        con.execute(rebuild_customers_sql("SELECT old_key AS customer_key FROM answer_matches "
                                          "UNION SELECT customer_key FROM answer_matches"))
        con.execute("DROP TABLE answer_matches")
    return matched


def undo_column_matches(store: Store) -> int:
    """Give every answer matched by a column back the customer key its file gave. Returns how many."""
    from engage_desktop.core.importing.identity import rebuild_customers_sql

    with store.transaction() as con:
        con.execute("""CREATE OR REPLACE TEMP TABLE answer_matches AS
                       SELECT source, response_id, customer_key AS old_key, file_customer_key AS customer_key
                       FROM survey_responses WHERE matched_column IS NOT NULL""")
        con.execute("""UPDATE survey_responses SET customer_key = file_customer_key, file_customer_key = NULL,
                              matched_column = NULL WHERE matched_column IS NOT NULL""")
        undone = con.execute("SELECT count(*) FROM answer_matches").fetchone()[0]
        con.execute(rebuild_customers_sql("SELECT old_key AS customer_key FROM answer_matches "
                                          "UNION SELECT customer_key FROM answer_matches"))
        con.execute("DROP TABLE answer_matches")
    return undone


def column_matches(store: Store) -> Table:
    """The columns answers were matched by, with how many answers each."""
    rows = store.con.execute("""SELECT matched_column, count(*) FROM survey_responses WHERE matched_column IS NOT NULL
                                GROUP BY 1 ORDER BY 1""").fetchall()
    return Table(["question", "answers"], rows)
