"""Who to contact next: action lists, each customer with the reason they are on it.

- **At risk** (離れかけの大切な顧客): valuable customers (in the top tiers, or in the top fifth of predicted
  value) who are late by their own rhythm — more than ``LATE_FACTOR`` times their usual gap between
  purchase days, or, with one purchase day, the shop's usual time from the first purchase to the
  second — or whom the model gives less than an even chance of buying again, while they are not yet
  dormant: after the dormant cut-off, a letter is a win-back, not a reminder.
- **One step from the next journey step** (次のステップまであと一歩): active customers whom one more
  purchase today (or one answer of 9-10 in the survey) takes to the next step by the owner's rules,
  with the goal of the step they are at and the measures the owner wrote for it.
- **Promoters to ask for a review or referral** (推奨者) and **detractors to call** (批判者): by their
  latest answer to the recommendation question, with their purchase facts.

Every list is an ``ActionList``: a ``Table`` of who and why first, then the customer-list facts and the list's
own columns, in the owner's language. Membership is decided in SQL; only the reason's words are put together
in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import N_, date_text, listing, percent_text, t, tn
from engage_desktop.core.metrics import channels, journey, predicted, profit, surveys
from engage_desktop.core.metrics import measures as measure_log
from engage_desktop.core.metrics.base import purchase_days_sql
from engage_desktop.core.metrics.kept import kept, scoped
from engage_desktop.core.metrics.ltv import Tier, tier_case_sql, tier_settings, tiered_facts_sql, tiers
from engage_desktop.core.metrics.tier_history import default_round_tiers
from engage_desktop.core.sql import quote
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

# Late by their own rhythm: a customer who buys every 30 days is not lost on day 31; half as long again
# as their usual gap is a clear break in it, still well before most reach the dormant cut-off.
LATE_FACTOR = 1.5
# An even chance: the model thinks the customer more likely gone than not (metrics/predicted.py).
AT_RISK_ALIVE = 0.5
# "High predicted value": the top fifth of the customers by predicted value next year.
TOP_PREDICTED_SHARE = 0.2

LIST_KEYS = ("at_risk", "next_step", "promoters", "detractors")
LIST_NAMES = {
    "at_risk": N_("Valuable customers at risk"),
    "next_step": N_("One step from the next journey step"),
    "promoters": N_("Promoters to ask for a review or referral"),
    "detractors": N_("Detractors to call"),
}
LIST_WHY = {
    "at_risk": N_("Customers in the top tiers (or with a high predicted value) who are late by their own rhythm, "
                  "before the dormant cut-off: a word now keeps them."),
    "next_step": N_("Customers who are not dormant (those who answered a survey but never bought too) whom one more "
                    "purchase (or one answer of 9-10) takes to the next step of the journey, with the step's goal "
                    "and the measures written for it."),
    "promoters": N_("Customers whose latest answer was 9 or 10: ask them for a review or to introduce a friend."),
    "detractors": N_("Customers whose latest answer was 0 to 6, the most valuable first: call them and listen."),
}

FACT_COLUMNS = ["orders", "revenue", "aov", "ltv", "first_order", "last_order", "days_since_last", "tier"]
# Who, and why they are on the list, first: that is what the owner reads down the list.
WHO = ["customer_key", "name", "email", "reason"]
LIST_COLUMNS = {
    "at_risk": [*WHO, *FACT_COLUMNS, "usual_gap", "p_alive", "channels"],
    "next_step": [*WHO, "step", "next_step", "goal", "measures", *FACT_COLUMNS, "channels"],
    "promoters": [*WHO, "answered_at", "nps", *FACT_COLUMNS, "channels"],
    "detractors": [*WHO, "answered_at", "nps", *FACT_COLUMNS, "channels"],
}


def list_name(key: str) -> str:
    return t(LIST_NAMES[key])


def list_why(key: str) -> str:
    return t(LIST_WHY[key])


@dataclass(frozen=True)
class Chances:
    """What the prediction adds to the at-risk list, per customer: the chance they are still a customer
    and their predicted value next year; empty when the prediction is not reliable (``verdict`` says why)."""

    p_alive: dict[str, float]
    value: dict[str, float]
    verdict: predicted.Reliability | None = None
    value_365: float | None = None  # the shop's predicted value next year (reliable only)
    expected_365: float | None = None  # the shop's expected purchases next year (reliable only)


def chances_of(prediction: predicted.Prediction) -> Chances:
    """The prediction's chances and values per customer (empty when it is not reliable)."""
    scores = prediction.scores
    if scores is None:
        return Chances({}, {}, prediction.verdict)
    keys = prediction.keys
    return Chances(dict(zip(keys, scores.p_alive.tolist())), dict(zip(keys, scores.value_365.tolist())),
                   prediction.verdict, prediction.value_365, prediction.expected_365)


def chances(store: Store, as_of: dt.date) -> Chances:
    """The prediction's chances and values (metrics/predicted.py), without its customer table."""
    return chances_of(predicted.predicted(store, as_of, with_customers=False))


def _facts_sql(store: Store, as_of: dt.date) -> str:
    """SQL: the facts of every known customer (those who never bought: zeros and NULLs), their days
    with an order (``order_days``: two orders on one day are one visit) and their orders by channel kind.
    The lists read them inside one ``keeping`` scope: one pass over the orders for all four, not one each."""
    return kept(store, f"action facts {as_of.isoformat()} {tier_settings(store)}", lambda: _facts_select(store, as_of))


def _facts_select(store: Store, as_of: dt.date) -> str:
    return f"""
        SELECT c.customer_key, c.customer_name AS name, c.email, coalesce(f.orders, 0) AS orders,
               coalesce(f.revenue, 0) AS revenue, f.aov, f.ltv, f.years, f.first_order, f.last_order,
               f.days_since_last, f.tier, coalesce(v.order_days, 0) AS order_days,
               date_diff('day', CAST(f.first_order AS DATE), CAST(f.last_order AS DATE)) AS span_days,
               {", ".join(f"coalesce(k.{kind}, 0) AS ch_{kind}" for kind in channels.KINDS)}
        FROM customers c LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
        LEFT JOIN ({purchase_days_sql(store, as_of)}) v USING (customer_key)
        LEFT JOIN ({channels.customer_kinds_sql(store, as_of)}) k USING (customer_key)"""


def _rows(store: Store, as_of: dt.date, members: str, extra: list[str], order: str, limit: int | None,
          params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The facts of the customers in ``members`` (SQL with customer_key and the ``extra`` columns), the first
    ``limit`` of them (None: all); each row also carries the whole list's size and orders by kind
    (``list_total``, ``list_ch_<kind>``), so that a short list still tells them."""
    totals = ", ".join(["count(*) OVER () AS list_total",
                        *(f"sum(x.ch_{kind}) OVER () AS list_ch_{kind}" for kind in channels.KINDS)])
    cursor = store.con.execute(
        f"""SELECT x.*, {", ".join(f"m.{c}" for c in extra)}, {totals}
            FROM ({_facts_sql(store, as_of)}) x JOIN ({members}) m USING (customer_key)
            ORDER BY {order}, x.customer_key {"" if limit is None else f"LIMIT {int(limit)}"}""",
        params or {})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _channels(row: dict[str, Any]) -> str:
    return channels.mix_text({kind: row[f"ch_{kind}"] for kind in channels.KINDS})


@dataclass(frozen=True)
class ActionList:
    key: str  # LIST_KEYS
    table: Table  # list_columns(key): the whole list, or its first customers when asked for a few
    mix: dict[str, int]  # the whole list's orders by channel kind (channels.KINDS)
    total: int  # customers on the whole list

    def name(self) -> str:
        return list_name(self.key)

    def mix_text(self) -> str:
        """Where the list's customers buy: each kind's share of their orders, the most used first."""
        return channels.shares_text(self.mix)


def _cents(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def list_columns(key: str, margin: float | None) -> list[str]:
    """The list's columns; with a gross margin, the annual LTV as profit beside the LTV."""
    columns = LIST_COLUMNS[key]
    if margin is None:
        return columns
    at = columns.index("ltv") + 1
    return [*columns[:at], "ltv_profit", *columns[at:]]


def _table(store: Store, key: str, rows: list[dict[str, Any]], reason: Callable[[dict[str, Any]], str],
           **computed: Callable[[dict[str, Any]], Any]) -> ActionList:
    share = profit.margin(store)
    columns = list_columns(key, share)
    out = []
    for row in rows:
        values = {**row, **{name: fn(row) for name, fn in computed.items()}, "channels": _channels(row),
                  "reason": reason(row), "ltv_profit": profit.as_profit(row["ltv"], share),
                  "aov": _cents(row["aov"]), "ltv": _cents(row["ltv"])}
        out.append(tuple(values[c] for c in columns))
    first = rows[0] if rows else {}
    return ActionList(key, Table(columns, out), {kind: int(first.get(f"list_ch_{kind}") or 0) for kind in channels.KINDS},
                      int(first.get("list_total") or 0))


# ---- at risk -----------------------------------------------------------------------------------------

def valuable_tiers(tier_list: list[Tier]) -> list[str]:
    """The tiers whose customers count as valuable: the top ones the round target counts (優良, 中堅)."""
    return default_round_tiers(tier_list)


def shop_second_gap(store: Store, as_of: dt.date) -> int | None:
    """The shop's usual days from a customer's first purchase day to their second (the median), for
    customers who have bought on one day only so far: their own rhythm is not known yet."""
    value = store.con.execute(
        f"SELECT median(date_diff('day', first_day, second_day)) FROM ({purchase_days_sql(store, as_of)})"
    ).fetchall()[0][0]  # fetchall: an open result would keep the connection from registering the chances
    return None if value is None else round(float(value))


@scoped  # the shop's usual gap and the lists' facts read the same purchase days
def at_risk(store: Store, as_of: dt.date, chances: Chances | None = None, limit: int | None = None) -> ActionList:
    """Valuable customers who are late by their own rhythm (or given less than an even chance by the
    model), not yet dormant; the most valuable first. See the module's docstring for the rule."""
    chances = chances or Chances({}, {})
    tier_list = tiers(store)
    dormant_days = int(store.setting("dormant_days"))
    second_gap = shop_second_gap(store, as_of)
    ranked = sorted(chances.value.values(), reverse=True)
    top_value = ranked[max(0, int(len(ranked) * TOP_PREDICTED_SHARE) - 1)] if ranked else None
    keys = list(chances.p_alive)
    # Copied into a temporary table as three lists (100,000 customers in 0.08 s; row by row took seconds).
    # Not a registered view of numpy arrays: a view of a str array crashed DuckDB in a later query.
    store.con.execute("CREATE OR REPLACE TEMP TABLE action_chances AS SELECT unnest(CAST($k AS VARCHAR[])) AS customer_key, "
                      "unnest(CAST($p AS DOUBLE[])) AS p_alive, unnest(CAST($v AS DOUBLE[])) AS value",
                      {"k": keys, "p": [chances.p_alive[k] for k in keys],
                       "v": [chances.value.get(k) for k in keys]})
    valuable = ", ".join(quote(k) for k in valuable_tiers(tier_list)) or "NULL"
    members = f"""
        SELECT customer_key, CASE WHEN order_days >= 2 THEN span_days / (order_days - 1) END AS usual_gap, a.p_alive,
               a.value AS predicted_value
        FROM ({_facts_sql(store, as_of)}) f LEFT JOIN action_chances a USING (customer_key)
        WHERE f.orders > 0 AND f.days_since_last <= {dormant_days}
          AND (f.tier IN ({valuable}) OR a.value >= $top_value)
          AND (f.days_since_last > {LATE_FACTOR} * CASE WHEN f.order_days >= 2 THEN f.span_days / (f.order_days - 1)
                                                      ELSE $second_gap END
               OR a.p_alive < {AT_RISK_ALIVE})"""
    try:
        rows = _rows(store, as_of, members, ["usual_gap", "p_alive", "predicted_value"],
                     "coalesce(m.predicted_value, x.ltv) DESC", limit, {"top_value": top_value, "second_gap": second_gap})
    finally:
        store.con.execute("DROP TABLE IF EXISTS action_chances")

    def reason(row: dict[str, Any]) -> str:
        parts = []
        if row["usual_gap"] is not None and row["days_since_last"] > LATE_FACTOR * row["usual_gap"]:
            parts.append(t("usually buys every {gap} days; {days} days since the last purchase",
                           gap=round(row["usual_gap"]), days=row["days_since_last"]))
        elif row["usual_gap"] is None and second_gap is not None and row["days_since_last"] > LATE_FACTOR * second_gap:
            parts.append(t("one purchase day so far, {days} days ago; customers usually buy again within {gap} days",
                           days=row["days_since_last"], gap=second_gap))
        if row["p_alive"] is not None and row["p_alive"] < AT_RISK_ALIVE:
            parts.append(t("chance of buying again {share}", share=percent_text(row["p_alive"], 0)))
        return listing(parts)

    return _table(store, "at_risk", rows, reason, usual_gap=lambda r: None if r["usual_gap"] is None else round(r["usual_gap"]))


# ---- one step from the next journey step ---------------------------------------------------------

def _without_promoter(rule: journey.StepRule) -> journey.StepRule:
    return journey.StepRule(rule.min_orders, rule.min_active_days, rule.tiers, False, rule.within_days)


def _after_one_purchase_sql(rule: journey.StepRule, as_of: dt.date) -> str:
    """SQL over a customer's facts: ``rule`` (its promoter part aside) would hold if they bought once
    more on the as-of day at their average order value (``next_tier``: their tier then)."""
    day = f"DATE '{as_of.isoformat()}'"
    conds = ["TRUE"]
    if rule.min_orders:
        conds.append(f"orders + 1 >= {int(rule.min_orders)}")
        if rule.within_days:
            conds.append(f"{day} <= CAST(first_order + INTERVAL {int(rule.within_days)} DAY AS DATE)")
    if rule.min_active_days:
        conds.append(f"date_diff('day', CAST(first_order AS DATE), {day}) >= {int(rule.min_active_days)}")
    if rule.tiers:
        conds.append(f"next_tier IN ({', '.join(quote(k) for k in rule.tiers)})")
    return " AND ".join(conds)


def _holds_now_sql(rule: journey.StepRule) -> str:
    """SQL: ``rule`` (its promoter part aside) holds today without another purchase. A time limit on
    the purchases is the ladder's to decide: such a rule is not judged here (FALSE)."""
    conds = ["TRUE"]
    if rule.min_orders:
        conds.append("FALSE" if rule.within_days else f"orders >= {int(rule.min_orders)}")
    if rule.min_active_days:
        conds.append(f"date_diff('day', CAST(first_order AS DATE), CAST(last_order AS DATE)) >= {int(rule.min_active_days)}")
    if rule.tiers:
        conds.append(f"tier IN ({', '.join(quote(k) for k in rule.tiers)})")
    return " AND ".join(conds)


@scoped
def next_step(store: Store, as_of: dt.date, limit: int | None = None) -> ActionList:
    """Active customers at step n whom one more purchase today, or an answer of 9-10 where the next
    step asks for a promoter, takes to step n + 1 by the owner's rules; the most valuable first."""
    step_rules = journey.rules(store)
    tier_list = tiers(store)
    dormant_days = int(store.setting("dormant_days"))
    purchase, answer = [], []
    for n in range(1, len(step_rules)):
        rule = step_rules[n]  # the rule of step n + 1
        others = _without_promoter(rule)
        if rule.promoter:  # a purchase does not make a promoter: an answer does, once the rest holds
            answer.append(f"(step = {n} AND NOT promoter AND {_holds_now_sql(others)})")
            purchase.append(f"(step = {n} AND promoter AND {_after_one_purchase_sql(others, as_of)})")
        else:
            purchase.append(f"(step = {n} AND {_after_one_purchase_sql(rule, as_of)})")
    # The tier after that purchase: one order more, the LTV with one more order at their average value
    # over the same years, and no days since the last order.
    after = (f"SELECT customer_key, {tier_case_sql(tier_list, dormant_days)} AS next_tier FROM ("
             f"SELECT customer_key, orders + 1 AS orders, (revenue + aov) / years AS ltv, 0 AS days_since_last FROM ({_facts_sql(store, as_of)}) "
             "WHERE orders > 0)")
    members = f"""
        WITH s AS (
            SELECT s.customer_key, s.step, s.promoter, s.dormant, f.first_order, f.last_order, f.orders, f.tier,
                   a.next_tier
            FROM ({journey.step_of_sql(store, as_of, step_rules)}) s JOIN ({_facts_sql(store, as_of)}) f USING (customer_key)
            LEFT JOIN ({after}) a USING (customer_key)
        )
        SELECT customer_key, step, CASE WHEN {" OR ".join(purchase)} THEN 'purchase' ELSE 'answer' END AS needs
        FROM s
        WHERE NOT dormant AND step < {len(step_rules)} AND ({" OR ".join(purchase + answer)})"""
    rows = _rows(store, as_of, members, ["step", "needs"], "x.ltv DESC NULLS LAST, m.step", limit)
    by_step = measure_log.by_step(store)

    def step_name(n: int) -> str:
        return f"{n} {t(journey.STEPS[n - 1].emotion)}"

    def reason(row: dict[str, Any]) -> str:
        step = row["step"] + 1
        name = t(journey.STEPS[step - 1].emotion)
        if row["needs"] == "answer":
            return t("an answer of 9-10 to the survey takes them to step {step}, “{name}”", step=step, name=name)
        if not row["orders"]:
            return t("no purchase yet: a first one takes them to step {step}, “{name}”", step=step, name=name)
        return tn("{n} purchase so far: one more takes them to step {step}, “{name}”",
                  "{n} purchases so far: one more takes them to step {step}, “{name}”", row["orders"], step=step,
                  name=name)

    return _table(store, "next_step", rows, reason,
                  step=lambda r: step_name(r["step"]), next_step=lambda r: step_name(r["step"] + 1),
                  goal=lambda r: t(journey.STEPS[r["step"] - 1].goal),
                  measures=lambda r: listing([m.name for m in by_step.get(r["step"], [])]))


# ---- promoters and detractors --------------------------------------------------------------------

@scoped
def _answered(store: Store, as_of: dt.date, key: str, where: str, order: str, limit: int | None) -> ActionList:
    members = f"SELECT customer_key, answered_at, nps FROM ({surveys.latest_nps_sql(as_of)}) WHERE {where}"
    rows = _rows(store, as_of, members, ["answered_at", "nps"], order, limit)

    def reason(row: dict[str, Any]) -> str:
        return tn("answered {nps} on {day}; {n} purchase", "answered {nps} on {day}; {n} purchases", row["orders"],
                  nps=row["nps"], day=date_text(row["answered_at"]))

    return _table(store, key, rows, reason)


def promoters(store: Store, as_of: dt.date, limit: int | None = None) -> ActionList:
    """Customers whose latest answer to the recommendation question is 9 or 10, latest answer first."""
    return _answered(store, as_of, "promoters", "nps >= 9", "m.answered_at DESC", limit)


def detractors(store: Store, as_of: dt.date, limit: int | None = None) -> ActionList:
    """Customers whose latest answer is 0 to 6, the most valuable first (losing them costs the most)."""
    return _answered(store, as_of, "detractors", "nps <= 6", "x.ltv DESC NULLS LAST, m.nps", limit)


def action_list(store: Store, as_of: dt.date, key: str, chances: Chances | None = None,
                limit: int | None = None) -> ActionList:
    """One action list by its key (LIST_KEYS): whole, or its first ``limit`` customers (with the whole
    list's size and channel mix)."""
    if key == "at_risk":
        return at_risk(store, as_of, chances, limit)
    return {"next_step": next_step, "promoters": promoters, "detractors": detractors}[key](store, as_of, limit)


@scoped
def action_lists(store: Store, as_of: dt.date, chances: Chances | None = None,
                 limit: int | None = None) -> dict[str, ActionList]:
    """Every action list, by key, from one pass over the customers' facts."""
    return {key: action_list(store, as_of, key, chances, limit) for key in LIST_KEYS}
