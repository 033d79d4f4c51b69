"""What they talk about: the words that come up most in a group's comments, side by side with another's.

A word counts once per comment that has it (a word said three times in one comment counts once),
so "30 comments" means 30 people's answers mention it; its share is of the group's comments. Words
come from core/words.py (Japanese by SudachiPy, English by words; particles, auxiliaries and
stop-words left out). The owner can hide a word that says nothing for the shop (its own name, say):
the shop setting ``hidden_words``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from engage_desktop.core.metrics.comments import COMMENT_COLUMNS, CommentFilter, comments_sql
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table
from engage_desktop.core.words import distinct_words

TOP_TERMS = 30


def _texts(store: Store, as_of: dt.date, f: CommentFilter) -> list[tuple]:
    sql, params = comments_sql(store, as_of, f)
    return store.con.execute(sql, params).fetchall()


def _counted(store: Store, rows: list[tuple]) -> tuple[Counter[str], int]:
    hidden = set(hidden_words(store))
    at = COMMENT_COLUMNS.index("comment")
    counts: Counter[str] = Counter()
    for words in distinct_words(row[at] for row in rows):
        counts.update(words - hidden)
    return counts, len(rows)


def _ranked(counts: Counter[str], top: int) -> list[tuple[str, int]]:
    """The ``top`` words, most comments first, ties by the word (the same order every time)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def comment_terms(store: Store, as_of: dt.date, f: CommentFilter | None = None, top: int = TOP_TERMS) -> Table:
    """The ``top`` words of the comments ``f`` picks: (term, comments that have it, share of the comments),
    most first (ties by the word, so the order is the same every time)."""
    counts, total = _counted(store, _texts(store, as_of, f or CommentFilter()))
    return Table(["term", "comments", "share"], [(w, n, n / total) for w, n in _ranked(counts, top)])


def compare_terms(store: Store, as_of: dt.date, left: CommentFilter, right: CommentFilter,
                  top: int = TOP_TERMS) -> Table:
    """Two selections side by side (promoters and detractors, say): the words among either's ``top``,
    with each side's comments and share; ordered by the larger share."""
    (lc, ln), (rc, rn) = (_counted(store, _texts(store, as_of, f)) for f in (left, right))
    chosen = {w for c in (lc, rc) for w, _ in _ranked(c, top)}
    rows = [(w, lc[w], lc[w] / ln if ln else 0.0, rc[w], rc[w] / rn if rn else 0.0) for w in chosen]
    rows.sort(key=lambda r: (-max(r[2], r[4]), r[0]))
    return Table(["term", "left_comments", "left_share", "right_comments", "right_share"], rows[:top])


def comments_with_term(store: Store, as_of: dt.date, term: str, f: CommentFilter | None = None) -> Table:
    """The comments behind a word: those ``f`` picks that have it."""
    rows = _texts(store, as_of, f or CommentFilter())
    at = COMMENT_COLUMNS.index("comment")
    having = [row for row, words in zip(rows, distinct_words(r[at] for r in rows)) if term in words]
    return Table(list(COMMENT_COLUMNS), having)


# -- the owner's hidden words --------------------------------------------------------
def hidden_words(store: Store) -> list[str]:
    return list(store.setting("hidden_words"))


def hide_word(store: Store, word: str) -> None:
    words = hidden_words(store)
    if word not in words:
        store.set_setting("hidden_words", [*words, word])


def show_word(store: Store, word: str) -> None:
    store.set_setting("hidden_words", [w for w in hidden_words(store) if w != word])


REPORT_TOP = 20  # words per group in ``report --json``: the view and the export have the rest


def comment_terms_json(store: Store, as_of: dt.date, top: int = REPORT_TOP) -> dict[str, object]:
    """The report's ``comment_terms``: per NPS group (and every comment), its comments and its top words,
    each with the comments that use it and their share; the words the owner hid."""
    out: dict[str, object] = {}
    for key, f in (("all", CommentFilter()), *((g, CommentFilter(group=g)) for g in ("promoters", "passives",
                                                                                      "detractors"))):
        rows = _texts(store, as_of, f)
        counts, total = _counted(store, rows)
        out[key] = {"comments": total,
                    "terms": [{"term": w, "comments": n, "share": round(n / total, 4)} for w, n in _ranked(counts, top)]}
    out["hidden_words"] = hidden_words(store)
    return out
