"""The voice of the customer: the survey's kept columns (free text and other choices) with who said them.

A comment is one answer's free-text column (staging/comments.py decides which columns are free
text), shown with the answer (NPS and its group, fan degree, liking) and, when the answer reaches a
customer who bought, that customer's purchase facts (purchases, revenue, annual LTV, last order,
LTV tier). Filters: NPS group, a cell of the fan-degree x liking matrix, an engagement zone, the
journey step and LTV tier the customer is at now, the period answered, a question, a word search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import N_, t
from engage_desktop.core.metrics import zones
from engage_desktop.core.metrics.journey import step_of_sql
from engage_desktop.core.metrics.ltv import tiered_facts_sql
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

# NPS groups, as the standard cuts the 0-10 answer.
GROUPS = {
    "promoters": ("s.nps >= 9", N_("Promoters")),
    "passives": ("s.nps BETWEEN 7 AND 8", N_("Passives")),
    "detractors": ("s.nps <= 6", N_("Detractors")),
}

def group_name(group: str) -> str:
    return t(GROUPS[group][1])


def group_of(nps: int | None) -> str | None:
    if nps is None:
        return None
    return "promoters" if nps >= 9 else "passives" if nps >= 7 else "detractors"


@dataclass(frozen=True)
class CommentFilter:
    """Which comments: every field None (or empty) means no restriction on it."""

    group: str | None = None  # promoters | passives | detractors
    fan: int | None = None  # a matrix cell: fan degree 1-6 ...
    liking: int | None = None  # ... and liking 1-7 (either alone: a row or column of the matrix)
    zone: str | None = None  # an engagement zone's key (metrics/zones.py): the answer's cell is in it
    step: int | None = None  # the journey step the customer is at now (1-8)
    tier: str | None = None  # the customer's LTV tier now
    start: dt.date | None = None  # answered on or after
    end: dt.date | None = None  # answered on or before
    question: str | None = None  # one free-text question (its text); None: all of them
    search: str = ""  # words the comment contains (case-insensitive)
    choice: tuple[str, str] | None = None  # (question, answer) of a kept choice column the answer gave


COMMENT_COLUMNS = ["answered_at", "question", "comment", "nps", "fan_level", "liking", "customer_key", "name",
                   "orders", "revenue", "ltv", "last_order", "tier", "source", "response_id", "column_no"]


def _where(store: Store, as_of: dt.date, f: CommentFilter) -> tuple[str, list[Any]]:
    """WHERE text (over s: the answer, c: the kept column, fx: the customer's facts) and its parameters."""
    clauses = [f"s.answered_at IS NULL OR s.answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY"]
    params: list[Any] = []
    if f.group:
        clauses.append(GROUPS[f.group][0])
    if f.fan is not None:
        clauses.append("s.fan_level = ?")
        params.append(f.fan)
    if f.liking is not None:
        clauses.append("s.liking = ?")
        params.append(f.liking)
    if f.zone:
        # the answer's own cell, in the owner's zones (a comment says what the customer felt then)
        clauses.append(f"({zones.zone_case_sql(zones.zone_map(store), 's.fan_level', 's.liking')}) = ?")
        params.append(f.zone)
    if f.tier:
        clauses.append("fx.tier = ?")
        params.append(f.tier)
    if f.step is not None:
        clauses.append(f"s.customer_key IN (SELECT customer_key FROM ({step_of_sql(store, as_of)}) WHERE step = ?)")
        params.append(f.step)
    if f.start:
        clauses.append("s.answered_at >= ?")
        params.append(f.start)
    if f.end:
        clauses.append("s.answered_at < CAST(? AS DATE) + INTERVAL 1 DAY")
        params.append(f.end)
    if f.question:
        clauses.append("c.question = ?")
        params.append(f.question)
    if f.search.strip():
        for word in f.search.split():
            clauses.append("contains(lower(c.answer), lower(?))")
            params.append(word)
    if f.choice:
        clauses.append("EXISTS (SELECT 1 FROM survey_comments k WHERE k.source = s.source AND "
                       "k.response_id = s.response_id AND k.question = ? AND k.answer = ?)")
        params += list(f.choice)
    return " AND ".join(f"({c})" for c in clauses), params


def comments_sql(store: Store, as_of: dt.date, f: CommentFilter) -> tuple[str, list[Any]]:
    """A SELECT of COMMENT_COLUMNS for the free-text comments ``f`` picks, newest first (and its
    parameters): what the list, the words and the export all read."""
    where, params = _where(store, as_of, f)
    return (f"""SELECT s.answered_at, c.question, c.answer AS comment, s.nps, s.fan_level, s.liking,
                       fx.customer_key, cu.customer_name AS name, fx.orders, fx.revenue, round(fx.ltv, 2) AS ltv,
                       fx.last_order, fx.tier, s.source, s.response_id, c.column_no
                FROM survey_comments c
                JOIN survey_responses s USING (source, response_id)
                LEFT JOIN ({tiered_facts_sql(store, as_of)}) fx ON fx.customer_key = s.customer_key
                LEFT JOIN customers cu ON cu.customer_key = fx.customer_key
                WHERE c.free_text AND {where}
                ORDER BY s.answered_at DESC NULLS LAST, s.response_id, c.column_no""", params)


def comments(store: Store, as_of: dt.date, f: CommentFilter | None = None, limit: int | None = None) -> Table:
    """The free-text comments ``f`` picks, newest first, each with the customer's purchase facts
    (empty when the answer reaches no customer who bought)."""
    sql, params = comments_sql(store, as_of, f or CommentFilter())
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return Table(list(COMMENT_COLUMNS), store.con.execute(sql, params).fetchall())


def count_comments(store: Store, as_of: dt.date, f: CommentFilter | None = None) -> int:
    sql, params = comments_sql(store, as_of, f or CommentFilter())
    return store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def questions(store: Store) -> Table:
    """The kept questions, in file order: whether free text, how many answers gave one, distinct values."""
    rows = store.con.execute(
        """SELECT question, bool_or(free_text) AS free_text, count(*) AS answers, count(DISTINCT answer) AS values
           FROM survey_comments GROUP BY question ORDER BY min(column_no), question"""
    ).fetchall()
    return Table(["question", "free_text", "answers", "values"], rows)


def choices(store: Store, question: str) -> Table:
    """The values one kept (choice) question was answered with, most given first."""
    rows = store.con.execute(
        "SELECT answer, count(*) FROM survey_comments WHERE question = ? GROUP BY answer ORDER BY 2 DESC, 1",
        [question],
    ).fetchall()
    return Table(["answer", "answers"], rows)


def has_comments(store: Store) -> bool:
    return bool(store.con.execute("SELECT count(*) > 0 FROM survey_comments").fetchone()[0])
