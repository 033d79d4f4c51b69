"""The effect of a measure (施策の効果): its metric before and after it started, and against what.

The check, in the owner's terms:
- **after**: the full months since the measure started, at most EFFECT_MONTHS (and not past its end).
  The month it started in counts only when it started on the 1st: otherwise it is half before, half
  after, and is left out. The month still running never counts.
- **before**: as many full months just before the start.
- **a year earlier**: the same calendar months one year back, where the shop has data (the sample
  shop's December is +79% and January -37%: the season alone moves a metric).
- **everyone else**: when the measure targets a step or a tier, the same figure for the other
  customers over the same months. Who is targeted is decided month by month: the customers at the
  step, or in the tier, at the start of that month (group_sql says why).
- **the usual change**: how much the metric moves between two spans of the same length in the
  months before the start (the median of the absolute changes, each span against the one before
  it). The change, less the baseline's (everyone else's over the same months for a targeted
  measure: the season and the shop's own trend moved them too; else the same months' change a year
  earlier, when the shop has them), is an effect only when it is larger than that.

A span's figure is the average of its months' values. Changes are ratios (+25%), except for a score
or a share (NPS, the returning customers' share), which change by points: -5 to +5 is +10 pt, not
-200%. The verdict says "too early", "too short", "nothing before", "too few customers" or "within
the usual change" before it ever says "up" or "down": the rules are the constants below, and their
reasons are in the verdict's text. The month a measure ended in counts when it ran to its last day.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from engage_desktop.core.messages import N_, t, tn
from engage_desktop.core.metrics.base import (add_months, counted_orders, last_full_month, month_end, month_range,
                                             months_between)
from engage_desktop.core.metrics.journey import step_of_sql
from engage_desktop.core.metrics.measures import STEP_COUNT, Measure
from engage_desktop.core.metrics.ltv import tiered_facts_sql, tiers_by_month_sql
from engage_desktop.core.metrics.monthly import metric_name, monthly
from engage_desktop.core.sql import quote
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

EFFECT_MONTHS = 3  # a quarter each side: long enough to see past one odd month, short enough to come soon
MIN_MONTHS = 2  # one month after the start says more about that month than about the measure
MIN_CUSTOMERS = 30  # a targeted group smaller than this moves by chance (the app's FEW_CUSTOMERS)
MIN_EARLIER_PAIRS = 3  # earlier span pairs needed to know the metric's usual change
CHART_MONTHS_BEFORE = 12  # the effect chart starts this many months before the start
COUNTED = {"revenue", "orders", "customers", "new_customers", "repeat_customers"}  # sums: 0 in a month of none
# A score and a share change by points, not by a percentage of themselves (NPS -5 -> +5 is not "-200%"):
# points per unit of the metric's value.
POINTS = {"nps": 1.0, "repeat_rate": 100.0}

VERDICTS = ("incomplete", "too_early", "too_short", "no_history", "no_base", "few_customers", "within_usual", "up",
            "down")
VERDICT_LABELS = {  # the verdict in a few words (the report's list); verdict_text says it in full
    "incomplete": N_("start day or metric not set"), "too_early": N_("too early to tell"),
    "too_short": N_("too short to tell"), "no_base": N_("nothing to compare with before the start"),
    "no_history": N_("not enough months before the start"), "few_customers": N_("too few customers to tell"),
    "within_usual": N_("no effect beyond the usual change"), "up": N_("up, beyond the usual change"),
    "down": N_("down, beyond the usual change"),
}


@dataclass(frozen=True)
class Effect:
    measure: Measure
    verdict: str  # VERDICTS
    months: int  # full months compared on each side (0: none yet)
    before: tuple[dt.date, dt.date] | None  # first and last month of each span
    after: tuple[dt.date, dt.date] | None
    value_before: float | None  # the targeted customers (everyone, for an everyone measure)
    value_after: float | None
    rest_before: float | None  # everyone else (None for an everyone measure)
    rest_after: float | None
    year_before: float | None  # the targeted customers a year earlier, same months
    year_after: float | None
    usual_change: float | None  # median absolute change between earlier spans (a ratio)
    customers: int | None  # targeted in the first month after the start (None: everyone)
    series: Table  # month, targeted, everyone else: the chart

    @property
    def in_points(self) -> bool:
        """Changes are in points (NPS, a share), else ratios (+0.25: up 25%)."""
        return self.measure.metric in POINTS

    @property
    def change(self) -> float | None:
        return metric_change(self.measure.metric, self.value_before, self.value_after)

    @property
    def rest_change(self) -> float | None:
        return metric_change(self.measure.metric, self.rest_before, self.rest_after)

    @property
    def year_change(self) -> float | None:
        return metric_change(self.measure.metric, self.year_before, self.year_after)

    @property
    def baseline(self) -> str | None:
        """What the change is read against: everyone else over the same months (a targeted measure),
        else the same months a year earlier, else nothing (None)."""
        if self.rest_change is not None:
            return "rest"
        return "year" if self.year_change is not None else None

    @property
    def difference(self) -> float | None:
        """The change less the baseline's: what the verdict weighs against the usual change."""
        if self.change is None:
            return None
        return self.change - {"rest": self.rest_change, "year": self.year_change}.get(self.baseline or "", 0.0)


def effect(store: Store, as_of: dt.date, m: Measure) -> Effect:
    """The measure's metric before and after its start, a year earlier, and for everyone else."""
    empty = Table(["month", "target", "rest"], [])
    if m.started_on is None or m.metric is None:
        return _verdict_only(m, "incomplete", empty)
    start = m.started_on.replace(day=1)
    first_after = start if m.started_on.day == 1 else add_months(start, 1)
    with _materialised(store, group_sql(store, m, as_of)) as group:  # read twice: computed once
        mine = monthly(store, as_of, group=group)
        rest = monthly(store, as_of, group=group, outside=True) if group else None
    customers = targeted(store, m, first_after)
    values = _full_month_values(mine, m.metric, as_of)
    rest_values = _full_month_values(rest, m.metric, as_of) if rest else {}
    # A targeted group's series starts at its first order; the shop's months before it are months of
    # nothing for it (0 orders, ¥0), not months without data, and an average has no value there.
    known = min([*values, *rest_values], default=first_after)
    for series_values in (values, rest_values) if rest else (values,):
        for month in _months(known, as_of):
            series_values.setdefault(month, 0.0 if m.metric in COUNTED else None)
    series_from = add_months(first_after, -CHART_MONTHS_BEFORE)
    series = Table(["month", "target", "rest"],
                   [(month, values.get(month), rest_values.get(month) if rest else None)
                    for month in (_months(max(series_from, min(values)), as_of) if values else [])])
    after = _months(first_after, as_of)
    if m.ended_on is not None:  # the month it ended in counts when it ran to the month's last day
        after = [month for month in after if month_end(month) <= m.ended_on]
    after = after[:EFFECT_MONTHS]
    months = min(len(after), max(0, months_between(known, start)))  # the shop's data may not reach that far back
    if len(after) < MIN_MONTHS:
        ended = m.ended_on is not None and m.ended_on < as_of
        return _verdict_only(m, "too_short" if ended else "too_early", series, months=len(after), customers=customers)
    if months < MIN_MONTHS:
        return _verdict_only(m, "no_history", series, months=months, customers=customers)
    after = after[:months]
    before_last = add_months(start, -1)
    before = [add_months(before_last, -i) for i in range(months - 1, -1, -1)]
    value_before, value_after = _mean(values, before), _mean(values, after)
    year_before = _mean(values, [add_months(x, -12) for x in before], complete=True)
    year_after = _mean(values, [add_months(x, -12) for x in after], complete=True)
    usual = _usual_change(m.metric, values, before_last, months)
    found = Effect(m, "within_usual", months, (before[0], before[-1]), (after[0], after[-1]), value_before, value_after,
                   _mean(rest_values, before) if rest else None, _mean(rest_values, after) if rest else None,
                   year_before, year_after, usual, customers, series)
    if customers is not None and customers < MIN_CUSTOMERS:
        verdict = "few_customers"
    elif found.change is None:  # nothing before (a ratio from 0), or no value at all (no answers)
        verdict = "no_base"
    elif usual is None:
        verdict = "no_history"
    else:
        difference = found.difference or 0.0
        verdict = "within_usual" if abs(difference) <= usual else "up" if difference > 0 else "down"
    return replace(found, verdict=verdict)


def group_sql(store: Store, m: Measure, as_of: dt.date) -> str | None:
    """SQL: (customer_key, month) — who the measure targets in each month: the customers at its step, or
    in its tier, at the start of the month (the end of the month before). None: everyone. Only the
    months in which the customer ordered or answered are given: those are all the month-over-month
    figures ask about (a customer x month grid of 100k customers took 12 s).

    Month by month, not one group fixed at the start: a group fixed on the day the measure began is
    shaped by its own definition (customers at step 2 that day cannot have bought a second time in the
    months before), so its before and after would differ even with no measure at all."""
    answers = """SELECT DISTINCT customer_key, CAST(date_trunc('month', answered_at) AS DATE) AS month
                 FROM survey_responses WHERE customer_key IS NOT NULL AND answered_at IS NOT NULL"""
    active = f"""SELECT DISTINCT customer_key, CAST(date_trunc('month', ordered_at) AS DATE) AS month
                 FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL UNION {answers}"""
    if m.target_kind == "tier":
        # The tier at the end of month m - 1 (tiers as they were) targets month m.
        return f"""SELECT customer_key, month FROM ({tiers_by_month_sql(store, as_of, answers, month_before=True)})
                   WHERE tier = {quote(m.target or '')}"""
    if m.target_kind == "step":
        # At step s from the month after the one it was reached in, up to the month the next step was
        # reached in (at its start the customer was still at s). Step 1 (known, no purchase) has no date.
        s = int(m.target or 0)
        since = f"coalesce(date_trunc('month', l.d{s}) + INTERVAL 1 MONTH, DATE '1900-01-01')"
        # The last step has no next one to leave it by.
        until = f" AND (l.r{s + 1} IS NOT TRUE OR a.month <= date_trunc('month', l.d{s + 1}))" if s < STEP_COUNT else ""
        return f"""SELECT a.customer_key, a.month
                   FROM ({active}) a JOIN ({step_of_sql(store, as_of, upto=s + 1)}) l USING (customer_key)
                   WHERE l.r{s} AND a.month >= {since}{until}"""
    return None


def targeted(store: Store, m: Measure, first_month: dt.date) -> int | None:
    """How many customers the measure targeted when ``first_month`` began (None: everyone)."""
    if m.started_on is None or m.target_kind == "everyone" or (m.target_kind == "step" and m.target == "1"):
        return None  # step 1 (known, not yet buying): the shop does not know since when someone was known
    day = first_month - dt.timedelta(days=1)
    if m.target_kind == "tier":
        sql = f"SELECT count(*) FROM ({tiered_facts_sql(store, day)}) WHERE tier = {quote(m.target or '')}"
    else:
        step = int(m.target or 0)
        sql = f"SELECT count(*) FROM ({step_of_sql(store, day, upto=step + 1)}) WHERE step = {step}"
    return int(store.con.execute(sql).fetchone()[0])


def verdict_text(e: Effect) -> str:
    """The verdict in a sentence, with the rule behind it."""
    name = metric_name(e.measure.metric) if e.measure.metric else ""
    if e.verdict == "incomplete":
        return t("Give the measure its start day and the metric it should move to see its effect.")
    if e.verdict == "too_early":
        return tn("Too early to tell: {n} full month since it started. The effect is read on at least {min} full "
                  "months after the start and as many before.",
                  "Too early to tell: {n} full months since it started. The effect is read on at least {min} full "
                  "months after the start and as many before.", e.months, min=MIN_MONTHS)
    if e.verdict == "no_history":
        return t("Not enough months before the start to tell: the comparison needs {min} full months before it, and "
                 "{pairs} earlier spans of the same length to know how much {metric} usually moves.",
                 min=MIN_MONTHS, pairs=MIN_EARLIER_PAIRS, metric=name)
    if e.verdict == "too_short":
        return tn("Too short to tell: it ran {n} full month. The effect is read on at least {min} full months after "
                  "the start and as many before.",
                  "Too short to tell: it ran {n} full months. The effect is read on at least {min} full months after "
                  "the start and as many before.", e.months, min=MIN_MONTHS)
    if e.verdict == "no_base":
        return t("The targeted customers had no {metric} to speak of in the months before the start: a change from "
                 "nothing cannot be weighed. Choose a metric they had before (e.g. Revenue).", metric=name)
    if e.verdict == "few_customers":
        return t("Too few customers to tell: {n} were targeted; at least {min} are needed before a change says more "
                 "than chance.", n=e.customers, min=MIN_CUSTOMERS)
    amount = (lambda v, signed=True: change_text(v, e.in_points, signed))  # noqa: E731
    text = [t("{metric}: {change} over the {n} months after the start, against the {n} months before.",
              metric=name, change=amount(e.change), n=e.months)]
    if e.rest_change is not None:
        text.append(t("Everyone else: {change} over the same months.", change=amount(e.rest_change)))
    if e.year_change is not None:
        text.append(t("The same months a year earlier: {change}.", change=amount(e.year_change)))
    usual = {"metric": name, "usual": amount(e.usual_change, False), "n": e.months, "diff": amount(e.difference)}
    if e.baseline == "rest":
        text.append(t("Taking off everyone else's change leaves {diff}; {metric} usually moves {usual} between two "
                      "spans of {n} months.", **usual))
    elif e.baseline == "year":
        text.append(t("Taking off the year-earlier change leaves {diff}; {metric} usually moves {usual} between two "
                      "spans of {n} months.", **usual))
    else:
        text.append(t("{metric} usually moves {usual} between two spans of {n} months.", **usual))
    text.append({"up": t("It went up, beyond the usual change."), "down": t("It went down, beyond the usual change."),
                 "within_usual": t("The effect cannot be told apart from chance.")}[e.verdict])
    return " ".join(text)


def as_json(e: Effect) -> dict[str, Any]:
    """The report's ``measures`` entry (keys in English, dates ISO)."""
    m = e.measure
    return {
        "id": m.id, "name": m.name, "started_on": _iso(m.started_on), "ended_on": _iso(m.ended_on),
        "target_kind": m.target_kind, "target": m.target, "metric": m.metric, "verdict": e.verdict,
        "months": e.months, "before": [_iso(d) for d in e.before] if e.before else None,
        "after": [_iso(d) for d in e.after] if e.after else None,
        "value_before": e.value_before, "value_after": e.value_after, "change": e.change,
        "rest_change": e.rest_change, "year_change": e.year_change, "usual_change": e.usual_change,
        "change_unit": "points" if e.in_points else "ratio", "baseline": e.baseline, "difference": e.difference,
        "customers": e.customers,
    }


@contextmanager
def _materialised(store: Store, sql: str | None) -> Iterator[str | None]:
    """``sql``'s rows in a temporary table for the block (a read-only shop file takes one too)."""
    if sql is None:
        yield None
        return
    store.con.execute(f"CREATE OR REPLACE TEMP TABLE measure_group AS {sql}")
    try:
        yield "SELECT customer_key, month FROM measure_group"
    finally:
        store.con.execute("DROP TABLE IF EXISTS measure_group")


# -- months ------------------------------------------------------------------------------
def _full_month_values(table: Table | None, metric: str, as_of: dt.date) -> dict[dt.date, float | None]:
    """month -> the metric's value, full months only (the running one is not a month yet)."""
    if table is None:
        return {}
    return {month: None if value is None else float(value)
            for month, value in zip(table.column("month"), table.column(metric)) if month_end(month) <= as_of}


def _months(first: dt.date, as_of: dt.date) -> list[dt.date]:
    """The full months from ``first``'s on (the month still running is not one)."""
    return month_range(first, last_full_month(as_of))


def _mean(values: dict[dt.date, float | None], months: list[dt.date], complete: bool = False) -> float | None:
    """The average of the months' values; ``complete``: None unless the shop has every one of the months."""
    if complete and not all(month in values for month in months):
        return None
    known = [v for v in (values.get(month) for month in months) if v is not None]
    return statistics.fmean(known) if known else None


def _usual_change(metric: str, values: dict[dt.date, float | None], before_last: dt.date, n: int) -> float | None:
    """The median absolute change between consecutive spans of ``n`` months ending by ``before_last``
    (each span against the n months just before it); None below MIN_EARLIER_PAIRS pairs."""
    changes = []
    end = before_last
    while True:
        later = [add_months(end, -i) for i in range(n - 1, -1, -1)]
        earlier = [add_months(month, -n) for month in later]
        if not all(month in values for month in earlier + later):
            break
        change = metric_change(metric, _mean(values, earlier), _mean(values, later))
        if change is not None:
            changes.append(abs(change))
        end = add_months(end, -1)
    return statistics.median(changes) if len(changes) >= MIN_EARLIER_PAIRS else None


def metric_change(metric: str | None, before: float | None, after: float | None) -> float | None:
    """After against before: in points for a score or a share (POINTS), else as a ratio of before."""
    if before is None or after is None:
        return None
    if metric in POINTS:
        return (after - before) * POINTS[metric]
    return None if before == 0 else (after - before) / abs(before)


def _verdict_only(m: Measure, verdict: str, series: Table, months: int = 0, customers: int | None = None) -> Effect:
    return Effect(m, verdict, months, None, None, None, None, None, None, None, None, None, customers, series)


def change_text(value: float | None, in_points: bool, signed: bool = True) -> str:
    """A change as the owner reads it: +12.5% (a ratio), or +3.0 pt for a score or a share
    (``Effect.in_points``; the report's ``change_unit``)."""
    if value is None:
        return "—"
    if in_points:
        number = f"{value:+.1f}" if signed else f"{value:.1f}"
        return t("{value} pt", value=number)
    return f"{100 * value:+.1f}%" if signed else f"{100 * value:.1f}%"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
