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

Every list is an ``ActionList``: a ``Table`` of the customer-list columns plus the list's own, the reason last, in the
owner's language. Membership is decided in SQL; only the reason's words are put together in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import N_, date_text, listing, percent_text, t, tn
from engage_desktop.core.metrics import channels, journey, profit
from engage_desktop.core.metrics import measures as measure_log
from engage_desktop.core.metrics.base import counted_orders
from engage_desktop.core.metrics.ltv import Tier, tier_case_sql, tiered_facts_sql, tiers
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
    "next_step": N_("Active customers whom one more purchase (or one answer of 9-10) takes to the next step of the "
                    "journey, with the step's goal and the measures written for it."),
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
    and their predicted value next year. Empty when the prediction is not reliable (metrics/predicted.py)."""

    p_alive: dict[str, float]
    value: dict[str, float]


def chances(store: Store, as_of: dt.date) -> Chances | None:
    """The prediction's chances and values when it is reliable (metrics/predicted.py), else None."""
    return None  # until the prediction lands on this branch


def _facts_select(store: Store, as_of: dt.date) -> str:
    """SQL: the customer-list facts of every known customer (those who never bought: zeros and NULLs),
    with the channel counts; ``k`` joins the list's own rows."""
    return f"""SELECT c.customer_key, c.customer_name AS name, c.email, coalesce(f.orders, 0) AS orders,
                      coalesce(f.revenue, 0) AS revenue, round(f.aov, 2) AS aov, round(f.ltv, 2) AS ltv,
                      f.first_order, f.last_order, f.days_since_last, f.tier,
                      {", ".join(f"coalesce(ch.{kind}, 0) AS ch_{kind}" for kind in channels.KINDS)}
               FROM customers c LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
               LEFT JOIN ({channels.customer_kinds_sql(as_of)}) ch USING (customer_key)"""


def _rows(store: Store, as_of: dt.date, members: str, extra: list[str], order: str,
          params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The facts of the customers in ``members`` (SQL with customer_key and the ``extra`` columns)."""
    cursor = store.con.execute(
        f"""SELECT x.*, {", ".join(f"m.{c}" for c in extra)}
            FROM ({_facts_select(store, as_of)}) x JOIN ({members}) m USING (customer_key)
            ORDER BY {order}, x.customer_key""",
        params or {})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _channels(row: dict[str, Any]) -> str:
    return channels.mix_text({kind: row[f"ch_{kind}"] for kind in channels.KINDS})


@dataclass(frozen=True)
class ActionList:
    key: str  # LIST_KEYS
    table: Table  # LIST_COLUMNS[key], the reason last
    mix: dict[str, int]  # the list's orders by channel kind (channels.KINDS)

    def name(self) -> str:
        return list_name(self.key)

    def mix_text(self) -> str:
        """Where the list's customers buy: each kind's share of their orders, the most used first."""
        return channels.shares_text(self.mix)


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
                  "reason": reason(row), "ltv_profit": profit.as_profit(row["ltv"], share)}
        out.append(tuple(values[c] for c in columns))
    # The list's orders by channel kind, for its channel mix (the rows are at hand: no second query).
    return ActionList(key, Table(columns, out), {kind: sum(row[f"ch_{kind}"] for row in rows) for kind in channels.KINDS})


# ---- at risk -----------------------------------------------------------------------------------------

def valuable_tiers(tier_list: list[Tier]) -> list[str]:
    """The tiers whose customers count as valuable: the top ones the round target counts (優良, 中堅)."""
    return default_round_tiers(tier_list)


def shop_second_gap(store: Store, as_of: dt.date) -> int | None:
    """The shop's usual days from a customer's first purchase day to their second (the median), for
    customers who have bought on one day only so far: their own rhythm is not known yet."""
    value = store.con.execute(
        f"""SELECT median(date_diff('day', days[1], days[2])) FROM (
                SELECT list(DISTINCT CAST(ordered_at AS DATE) ORDER BY CAST(ordered_at AS DATE)) AS days
                FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL AND NOT is_refund GROUP BY customer_key)
            WHERE len(days) >= 2"""
    ).fetchone()[0]
    return None if value is None else round(float(value))


def at_risk(store: Store, as_of: dt.date, chances: Chances | None = None) -> ActionList:
    """Valuable customers who are late by their own rhythm (or given less than an even chance by the
    model), not yet dormant; the most valuable first. See the module's docstring for the rule."""
    chances = chances or Chances({}, {})
    tier_list = tiers(store)
    dormant_days = int(store.setting("dormant_days"))
    second_gap = shop_second_gap(store, as_of)
    ranked = sorted(chances.value.values(), reverse=True)
    top_value = ranked[max(0, int(len(ranked) * TOP_PREDICTED_SHARE) - 1)] if ranked else None
    store.con.execute("CREATE OR REPLACE TEMP TABLE action_chances (customer_key VARCHAR, p_alive DOUBLE, "
                      "value DOUBLE)")
    if chances.p_alive:
        store.con.executemany("INSERT INTO action_chances VALUES (?, ?, ?)",
                              [(k, p, chances.value.get(k)) for k, p in chances.p_alive.items()])
    valuable = ", ".join(quote(k) for k in valuable_tiers(tier_list)) or "NULL"
    members = f"""
        WITH days AS (
            SELECT customer_key, count(DISTINCT CAST(ordered_at AS DATE)) AS n,
                   date_diff('day', CAST(min(ordered_at) AS DATE), CAST(max(ordered_at) AS DATE)) AS span
            FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL AND NOT is_refund GROUP BY customer_key
        )
        SELECT f.customer_key, CASE WHEN d.n >= 2 THEN d.span / (d.n - 1) END AS usual_gap, a.p_alive,
               a.value AS predicted_value, d.n AS order_days, f.days_since_last AS late_days
        FROM ({tiered_facts_sql(store, as_of, tier_list)}) f JOIN days d USING (customer_key)
        LEFT JOIN action_chances a USING (customer_key)
        WHERE f.days_since_last <= {dormant_days}
          AND (f.tier IN ({valuable}) OR a.value >= $top_value)
          AND (f.days_since_last > {LATE_FACTOR} * CASE WHEN d.n >= 2 THEN d.span / (d.n - 1) ELSE $second_gap END
               OR a.p_alive < {AT_RISK_ALIVE})"""
    rows = _rows(store, as_of, members, ["usual_gap", "p_alive", "predicted_value", "order_days"],
                 "coalesce(m.predicted_value, x.ltv) DESC", {"top_value": top_value, "second_gap": second_gap})
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


def next_step(store: Store, as_of: dt.date) -> ActionList:
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
             "SELECT customer_key, orders + 1 AS orders, (revenue + aov) / years AS ltv, 0 AS days_since_last FROM f)")
    members = f"""
        WITH f AS ({tiered_facts_sql(store, as_of, tier_list)}),
        s AS (
            SELECT s.customer_key, s.step, s.promoter, s.dormant, s.first_order, f.last_order,
                   coalesce(f.orders, 0) AS orders, f.tier, a.next_tier
            FROM ({journey.step_of_sql(store, as_of, step_rules)}) s LEFT JOIN f USING (customer_key)
            LEFT JOIN ({after}) a USING (customer_key)
        )
        SELECT customer_key, step, CASE WHEN {" OR ".join(purchase)} THEN 'purchase' ELSE 'answer' END AS needs
        FROM s
        WHERE NOT dormant AND step < {len(step_rules)} AND ({" OR ".join(purchase + answer)})"""
    rows = _rows(store, as_of, members, ["step", "needs"], "x.ltv DESC NULLS LAST, m.step")
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

def _answered(store: Store, as_of: dt.date, key: str, where: str, order: str) -> ActionList:
    members = f"""
        SELECT customer_key, answered_at, nps FROM (
            SELECT customer_key, arg_max(nps, answered_at) AS nps, max(answered_at) AS answered_at
            FROM survey_responses
            WHERE customer_key IS NOT NULL AND nps IS NOT NULL AND answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY
            GROUP BY customer_key)
        WHERE {where}"""
    rows = _rows(store, as_of, members, ["answered_at", "nps"], order)

    def reason(row: dict[str, Any]) -> str:
        return tn("answered {nps} on {day}; {n} purchase", "answered {nps} on {day}; {n} purchases", row["orders"],
                  nps=row["nps"], day=date_text(row["answered_at"]))

    return _table(store, key, rows, reason)


def promoters(store: Store, as_of: dt.date) -> ActionList:
    """Customers whose latest answer to the recommendation question is 9 or 10, latest answer first."""
    return _answered(store, as_of, "promoters", "nps >= 9", "m.answered_at DESC")


def detractors(store: Store, as_of: dt.date) -> ActionList:
    """Customers whose latest answer is 0 to 6, the most valuable first (losing them costs the most)."""
    return _answered(store, as_of, "detractors", "nps <= 6", "x.ltv DESC NULLS LAST, m.nps")


def action_list(store: Store, as_of: dt.date, key: str, chances: Chances | None = None) -> ActionList:
    """One action list by its key (LIST_KEYS)."""
    if key == "at_risk":
        return at_risk(store, as_of, chances)
    return {"next_step": next_step, "promoters": promoters, "detractors": detractors}[key](store, as_of)
