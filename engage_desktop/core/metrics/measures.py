"""The measures log (施策): what the owner did, from when, for whom, and what it should move.

The articles' plan-do-check: plan a measure from the customers' feelings at a step, do it, and
check month by month whether it worked. A measure targets everyone, the customers at one journey
step, or one LTV tier, and names the month-over-month metric it should move (monthly.METRICS);
metrics/effect.py checks it. Stored in the shop file (schema migration 5, which also turned the
journey's free-text 施策 cells into entries without a start date or metric).

Deleting hands back what was deleted, and ``restore`` puts it back as it was (same id): the
window's undo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from engage_desktop.core.errors import EngageError
from engage_desktop.core.messages import N_, t
from engage_desktop.core.metrics.ltv import tiers
from engage_desktop.core.metrics.monthly import METRICS
from engage_desktop.core.store import Store

TARGET_KINDS = ("everyone", "step", "tier")
TARGET_LABELS = {"everyone": N_("Every customer"), "step": N_("Customers at a journey step"),
                 "tier": N_("Customers in an LTV tier")}
NAME_LIMIT = 100
STEP_COUNT = 8  # the journey's steps (metrics/journey.STEPS, which reads this log for its 施策 row)
_COLUMNS = "id, name, started_on, ended_on, target_kind, target, metric, note"


@dataclass(frozen=True)
class Measure:
    name: str
    started_on: dt.date | None  # None only for an entry migrated from the journey's free text
    target_kind: str = "everyone"  # TARGET_KINDS
    target: str | None = None  # the step's number ("3") or the tier's key
    metric: str | None = None  # the month-over-month metric it should move; None only when migrated
    ended_on: dt.date | None = None  # None: still running
    note: str = ""
    id: int | None = None  # given by the shop file

    @property
    def step(self) -> int | None:
        return int(self.target) if self.target_kind == "step" and self.target else None

    def target_text(self, tier_names: Mapping[str, str]) -> str:
        """Whom it targets, in the owner's words (a tier by its name, never its key)."""
        if self.target_kind == "step":
            return t("Journey step {n}", n=self.target)
        if self.target_kind == "tier":
            return t("LTV tier: {tier}", tier=tier_names.get(self.target or "", "—"))
        return t(TARGET_LABELS["everyone"])


def measures(store: Store) -> list[Measure]:
    """Every measure, latest start first (those without a start date first: they ask for one)."""
    rows = store.con.execute(
        f"SELECT {_COLUMNS} FROM measures ORDER BY started_on DESC NULLS FIRST, id DESC").fetchall()
    return [_measure(row) for row in rows]


def measure(store: Store, measure_id: int) -> Measure | None:
    row = store.con.execute(f"SELECT {_COLUMNS} FROM measures WHERE id = ?", [measure_id]).fetchone()
    return _measure(row) if row else None


def by_step(store: Store) -> dict[int, list[Measure]]:
    """The measures targeting each journey step (the journey map's 施策 row), oldest first."""
    out: dict[int, list[Measure]] = {}
    for m in sorted(measures(store), key=lambda m: (m.started_on or dt.date.min, m.id or 0)):
        if m.step is not None:
            out.setdefault(m.step, []).append(m)
    return out


def check(m: Measure, tier_keys: set[str]) -> Measure:
    """The measure as it will be stored (name trimmed), or EngageError saying what to fix."""
    name = m.name.strip()
    if not name:
        raise EngageError(t("Give the measure a name."))
    if len(name) > NAME_LIMIT:
        raise EngageError(t("Keep the name under {n} characters; write the details in the note.", n=NAME_LIMIT))
    if m.started_on is None:
        raise EngageError(t("Give the day the measure started."))
    if m.ended_on is not None and m.ended_on < m.started_on:
        raise EngageError(t("The measure cannot end before it started."))
    if m.metric not in METRICS:
        raise EngageError(t("Choose the metric the measure should move."))
    if m.target_kind not in TARGET_KINDS:
        raise EngageError(t("Choose whom the measure targets."))
    if m.target_kind == "step" and not ((m.target or "").isdigit() and 1 <= int(m.target or 0) <= STEP_COUNT):
        raise EngageError(t("Choose the journey step the measure targets."))
    if m.target_kind == "tier" and m.target not in tier_keys:
        raise EngageError(t("Choose the LTV tier the measure targets."))
    return replace(m, name=name, target=None if m.target_kind == "everyone" else m.target)


def add(store: Store, m: Measure) -> int:
    m = check(m, _tier_keys(store))
    row = store.con.execute(
        "INSERT INTO measures (name, started_on, ended_on, target_kind, target, metric, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP) RETURNING id",
        [m.name, m.started_on, m.ended_on, m.target_kind, m.target, m.metric, m.note]).fetchone()
    return int(row[0])


def update(store: Store, m: Measure) -> None:
    if m.id is None:
        raise ValueError("a measure not yet stored has no id")
    m = check(m, _tier_keys(store))
    store.con.execute(
        "UPDATE measures SET name = ?, started_on = ?, ended_on = ?, target_kind = ?, target = ?, metric = ?, "
        "note = ? WHERE id = ?",
        [m.name, m.started_on, m.ended_on, m.target_kind, m.target, m.metric, m.note, m.id])


def delete(store: Store, measure_id: int) -> Measure:
    """Remove a measure; what it was comes back, for undo (``restore``)."""
    gone = measure(store, measure_id)
    if gone is None:
        raise EngageError(t("That measure is no longer in the shop file."))
    store.con.execute("DELETE FROM measures WHERE id = ?", [measure_id])
    return gone


def restore(store: Store, m: Measure) -> None:
    """Put back a measure exactly as it was (its id too), or as it was before an edit. Not checked:
    it was stored before (a migrated entry has no start date)."""
    if m.id is None:
        raise ValueError("only a stored measure can be restored")
    with store.transaction() as con:
        con.execute("DELETE FROM measures WHERE id = ?", [m.id])
        con.execute(
            "INSERT INTO measures (id, name, started_on, ended_on, target_kind, target, metric, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
            [m.id, m.name, m.started_on, m.ended_on, m.target_kind, m.target, m.metric, m.note])


def _measure(row: tuple) -> Measure:
    id_, name, started, ended, kind, target, metric, note = row
    return Measure(name, started, kind, target, metric, ended, note or "", int(id_))


def _tier_keys(store: Store) -> set[str]:
    return {tier.key for tier in tiers(store)}
