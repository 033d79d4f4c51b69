"""Answers that reach customers: how many survey answers are tied to a customer who bought, and by what.

An answer reaches a customer when its customer key is one some order (or customer export) carries:
the survey's e-mail is the one they bought with, or its customer id is one an order carried
(staging/answers.py), or the owner matched it afterwards by another of the survey's columns (an
order number, a member id) against the orders' order numbers or customer ids. An answer whose
e-mail no order has is not reached: it counts in NPS, never in a tier.

Matching by a column changes the shop's records, so it lives with the import (importing/answer_matching.py);
what both read is below them (core/matching.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from engage_desktop.core.matching import REACHED as _REACHED
from engage_desktop.core.messages import N_
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

# What an answer was tied by (survey_responses.matched_by, or a column the owner chose).
MATCHED_BY = {"email": N_("E-mail"), "customer_id": N_("Customer ID"), "column": N_("Another column")}


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


def column_matches(store: Store) -> Table:
    """The columns answers were matched by, with how many answers each."""
    rows = store.con.execute("""SELECT matched_column, count(*) FROM survey_responses WHERE matched_column IS NOT NULL
                                GROUP BY 1 ORDER BY 1""").fetchall()
    return Table(["question", "answers"], rows)
