"""The customer journey: the 8 emotional steps of the 100-day fan plan (100日ファン化計画).

Every known customer (buyers, survey respondents, customer-export records)
stands at exactly one step. Each step has a rule on behaviour; a customer has
reached step n when they meet the rules of steps 1..n, so the steps form a
ladder and "reached" never grows from one step to the next. Default ladder:

1. 本当かな?            known to the shop, no purchase yet
2. 疑惑から興奮に       first purchase
3. 興奮から安心へ       second purchase
4. 安心から益々好きになる third purchase
5. 好きから感謝される   still buying 100 days after the first purchase (the 100-day plan)
6. 褒めてもらって素直に嬉しい 5 purchases or more
7. 優越感を感じる       in the top LTV tier
8. 感動を共有したい     a promoter (NPS 9-10) or fan level 5-6

The rules are the owner's to change (saved in the shop file), but for step 1's: it is every customer
the shop knows (the first contact), so that every known customer stands at a step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from collections.abc import Mapping
from typing import Any

from engage_desktop.core.metrics.base import add_months, counted_orders, last_full_month, month_range, months_between
from engage_desktop.core.metrics.kept import kept, was_kept
from engage_desktop.core.table import Table
from engage_desktop.core.messages import N_, listing, t, tn
from engage_desktop.core.metrics.ltv import tier_names, tier_settings, tiered_facts_sql, tiers
from engage_desktop.core.metrics.tier_spans import month_number, month_of_number, span_id_sql, tier_spans_sql
from engage_desktop.core.store import Store


@dataclass(frozen=True)
class Step:
    """One step of the ladder; its words are catalogue messages (``t(step.emotion)`` shows one)."""

    number: int
    emotion: str  # what the customer feels (the step's name)
    stage: str
    goal: str
    action: str  # what the shop does at this step


STEPS: tuple[Step, ...] = (
    Step(1, N_("Is this for real?"), N_("Sizing up"), N_("Build trust"),
         N_("At first contact, make the customer feel the shop and product can be trusted")),
    Step(2, N_("From doubt to excitement"), N_("Recognition"), N_("Spark interest"),
         N_("Clear the doubt, stress what interests the customer")),
    Step(3, N_("From excitement to reassurance"), N_("Affirmation: someone in charge"), N_("Give reassurance"),
         N_("Show the person in charge and the support")),
    Step(4, N_("From reassurance to liking more"), N_("Launch: more reassurance"), N_("Build a deeper relationship"),
         N_("Strengthen trust through continued communication")),
    Step(5, N_("From liking to gratitude"), N_("Adapting: doing it together"), N_("Deliver value"),
         N_("Help the customer solve problems and reach goals")),
    Step(6, N_("Happy to be praised"), N_("Completion"), N_("Feel the result"),
         N_("Help the customer reach the goal and feel the result")),
    Step(7, N_("Feeling special"), N_("Nurture: a program just for you"), N_("Create a sense of privilege"),
         N_("Offer an exclusive program or privileges")),
    Step(8, N_("Wanting to share the excitement"), N_("Advocacy"), N_("Form a community"),
         N_("Create a place where customers share the excitement")),
)


@dataclass(frozen=True)
class StepRule:
    """What a customer must have done to reach a step (on top of the steps before it)."""

    min_orders: int = 0
    min_active_days: int = 0  # an order at least this many days after the first one
    tiers: tuple[str, ...] = ()  # in one of these LTV tiers (their keys)
    promoter: bool = False  # NPS 9-10 or fan level 5-6 in any answer
    within_days: int = 0  # with min_orders: those purchases all within this many days of the first one

    def describe(self, tier_names: Mapping[str, str]) -> str:
        """The rule in the owner's words, tiers by the names the owner gave them."""
        parts = []
        if self.min_orders and self.within_days:
            parts.append(tn("{n} purchase or more within {days} days of the first",
                            "{n}+ purchases within {days} days of the first", self.min_orders, days=self.within_days))
        elif self.min_orders:
            parts.append(tn("{n} purchase or more", "{n}+ purchases", self.min_orders))
        if self.min_active_days:
            parts.append(t("a purchase {days}+ days after the first", days=self.min_active_days))
        if self.tiers:
            parts.append(t("LTV tier: {tiers}", tiers=listing([tier_names.get(k, k) for k in self.tiers])))
        if self.promoter:
            parts.append(t("promoter (NPS 9-10) or fan degree 5-6"))
        return " / ".join(parts) or t("known to the shop (before buying)")


DEFAULT_RULES: tuple[StepRule, ...] = (
    StepRule(),
    StepRule(min_orders=1),
    StepRule(min_orders=2),
    StepRule(min_orders=3),
    StepRule(min_active_days=100),
    StepRule(min_orders=5),
    StepRule(tiers=("top",)),
    StepRule(promoter=True),
)
# Step 5 (好きから感謝される) read two ways; the owner chooses in the rule dialog, where each reason is shown.
STEP5 = 5
STEP5_RULES: tuple[tuple[StepRule, str], ...] = (
    (StepRule(min_active_days=100),
     N_("Still with the shop after the 100 days of the 100-day fan plan: the value the shop gave "
        "lasted beyond the plan. Open-ended: a customer can reach the step at any time after day 100.")),
    (StepRule(min_orders=3, within_days=100),
     N_("The 100-day fan plan sets out to make a fan within 100 days: three purchases inside them "
        "show the customer felt the value during the plan. Decided on day 100: who has not bought three "
        "times by then does not reach the step.")),
)
NOTE_FIELDS = ("touchpoints", "memo")  # the 施策 row is the measures log (metrics/measures.py)
# The funnel's stages: the key saved in the shop file, and the owner's word for it.
FUNNEL_STAGES = ("認知", "興味", "比較・検討", "購入", "購入後")
FUNNEL_LABELS = dict(zip(FUNNEL_STAGES, (N_("Awareness"), N_("Interest"), N_("Comparison"), N_("Purchase"),
                                         N_("After purchase")), strict=True))
TYPED_STAGES = FUNNEL_STAGES[:3]


def stage_name(stage: str) -> str:
    """A funnel stage in the owner's language."""
    return t(FUNNEL_LABELS[stage])


def rules(store: Store) -> list[StepRule]:
    raw = store.setting("journey_rules")
    if not raw:
        return list(DEFAULT_RULES)
    # A rule saved before within_days existed has no such key: 0, the rule it always was.
    saved = [StepRule(r["min_orders"], r["min_active_days"], tuple(r["tiers"]), r["promoter"], r.get("within_days", 0))
             for r in raw]
    # Step 1 is every customer the shop knows: a rule saved for it (the dialog offered one once) would
    # leave the customers who miss it at no step, counted nowhere in the journey.
    return [StepRule(), *saved[1:]]


def save_rules(store: Store, new_rules: list[StepRule]) -> None:
    if len(new_rules) != len(STEPS):
        raise ValueError(f"the journey has {len(STEPS)} steps")
    if new_rules[0] != StepRule():
        raise ValueError("step 1 is every customer the shop knows: it has no rule")
    store.set_setting("journey_rules", [asdict(r) for r in new_rules])


def _condition(rule: StepRule) -> tuple[str, str]:
    """(SQL condition, SQL date reached) of one rule over the per-customer base row, its tiers apart
    (``_ladder_sql``: a tier is the one the customer had when they got there, not today's)."""
    conds, dates = ["TRUE"], []
    if rule.min_orders:
        conds.append(f"orders >= {int(rule.min_orders)}")
        dates.append(f"o{int(rule.min_orders)}")  # the date of the k-th order
        if rule.within_days:
            # as the 100-day plan view counts "within 100 days": up to the same time of day, 100 days on
            conds.append(f"o{int(rule.min_orders)} <= first_order + INTERVAL {int(rule.within_days)} DAY")
    if rule.min_active_days:
        days = int(rule.min_active_days)
        conds.append(f"date_diff('day', first_order, last_order) >= {days}")
        dates.append(f"a{days}")  # the first order at least this many days after the first one
    if rule.promoter:
        conds.append("(coalesce(best_nps >= 9, FALSE) OR coalesce(best_fan >= 5, FALSE))")
        dates.append("promoter_at")
    return " AND ".join(conds), (f"greatest({', '.join(dates)})" if dates else "NULL::TIMESTAMP")


def _ladder_sql(store: Store, as_of: dt.date, step_rules: list[StepRule]) -> str:
    # Step n is reached when step n-1 is and rule n holds; its date is the later of the two.
    # One projection per step, each reading the previous one's columns: the conditions
    # are evaluated once each (nesting them as text made the query quadratic).
    # The ladder stops before the first rule with tiers (a materialised part): the tiers' spans are
    # then summed only for the customers who got that far (17 of the sample shop's 2,000; 65% of the
    # 1M-line bench shop's, whose generated customers never stop buying), unless a report keeps them all.
    day = f"DATE '{as_of.isoformat()}'"
    first_tiered = next((n for n, rule in enumerate(step_rules, start=1) if rule.tiers), None)
    ladder = "SELECT * FROM base"
    for n, rule in enumerate(step_rules, start=1):
        if n == first_tiered:
            ladder = "SELECT * FROM upto LEFT JOIN tm USING (customer_key)"
        cond, date = _condition(rule)
        reached = cond if n == 1 else f"r{n - 1} AND ({cond})"
        when = date if n == 1 else f"greatest(d{n - 1}, {date})"
        if rule.tiers:
            # In the rule's tiers at a month end (or on the as-of day) on or after the day the rest of
            # the rule was met: the first such day is when the step was reached, and it stays reached
            # (a customer who was 優良 then and is dormant now still got there). From the runs of months
            # the customer was in those tiers (metrics/tier_spans.py): the first month of a run that
            # ends after the month of that day, or that day's month itself inside a run.
            since = f"coalesce({month_number(f'CAST({when} AS DATE)')}, 0)"
            first = (f"list_min(list_transform(list_filter(runs{n}, lambda r: greatest(r.s, {since}) < r.e), "
                     f"lambda r: greatest(r.s, {since})))")
            # (least() passes a NULL over: a customer never in the tiers has no month, and no day)
            ladder = (f"SELECT *, CASE WHEN f{n} IS NOT NULL THEN CAST(least(last_day({month_of_number(f'f{n}')}), {day}) "
                      f"AS TIMESTAMP) END AS t{n} FROM (SELECT *, {first} AS f{n} FROM ({ladder}))")
            reached, when = f"{reached} AND t{n} IS NOT NULL", f"greatest({when}, t{n})"
        ladder = f"SELECT *, {reached} AS r{n}, CASE WHEN {reached} THEN {when} END AS d{n} FROM ({ladder})"
        if n + 1 == first_tiered:
            upto = ladder
    if first_tiered == 1:
        upto = "SELECT * FROM base"
    # One pass over the orders gives every date a rule needs: each customer's order dates,
    # sorted (an ordered list per customer costs half a window over every order), then the
    # k-th order and the first order d days after the first one. The same list gives the orders,
    # the first and the last: asking the customers' facts for them too was a second pass (60 ms of
    # the 1M-line bench shop's 100-day plan, whose target is 200 ms).
    ks = sorted({int(r.min_orders) for r in step_rules if r.min_orders})
    days = sorted({int(r.min_active_days) for r in step_rules if r.min_active_days})
    picks = [f"bought[{k}] AS o{k}" for k in ks]
    # (days as the rule counts them, by calendar day: an order at 13:00 on the 100th day after one at 15:19
    # met the rule but was not "100 days after", and the step took the step before's date)
    picks += [f"list_filter(bought, lambda t: date_diff('day', bought[1], t) >= {d})[1] AS a{d}" for d in days]
    # Per rule with tiers: the runs of months (tier_spans: [s, e), numbered) the customer was in one of them.
    tier_list = tiers(store)
    tiered = [(n, rule.tiers) for n, rule in enumerate(step_rules, start=1) if rule.tiers]

    def places(keys: tuple[str, ...]) -> list[int]:
        return [tier_list.index(tier) + 1 for tier in tier_list if tier.key in keys]

    def runs(keys: tuple[str, ...]) -> str:
        parts = [f"list({{'s': s{p}, 'e': e{p}}}) FILTER (WHERE s{p} < e{p})" for p in places(keys)]
        if not parts:  # tiers the owner has since removed: never reached
            return "CAST([] AS STRUCT(s BIGINT, e BIGINT)[])"
        return f"list_concat({', '.join(parts)})" if len(parts) > 1 else parts[0]

    candidates = "SELECT customer_key FROM upto" + (f" WHERE r{first_tiered - 1}" if first_tiered and first_tiered > 1 else "")
    who = span_id_sql(store, "u.customer_key")
    # Only the spans with a run in one of the tiers (the top tier's: 2% of the 1M-line shop's spans)
    in_tiers = " OR ".join(f"s{p} < e{p}" for _, keys in tiered for p in places(keys)) or "FALSE"
    tier_months = "" if not tiered else f"""
        SELECT u.customer_key, {", ".join(f"{runs(keys)} AS runs{n}" for n, keys in tiered)}
        FROM ({candidates}) u
        JOIN (SELECT * FROM ({tier_spans_sql(store, as_of, tier_list, among=candidates)}) WHERE {in_tiers}) sp
          ON sp.customer_id = {who}
        GROUP BY u.customer_key"""
    tiered_part = f""",
        upto AS MATERIALIZED ({upto}),
        tm AS ({tier_months})""" if tiered else ""
    return f"""
        WITH seq AS (
            SELECT customer_key, list(ordered_at ORDER BY ordered_at) AS bought
            FROM ({counted_orders(as_of)}) WHERE customer_key IS NOT NULL AND NOT is_refund
            GROUP BY customer_key
        ),
        -- (as the customers' facts count them: purchases, refunds apart, cancelled orders not at all)
        dates AS (SELECT {", ".join(["customer_key", "len(bought) AS orders", "bought[1] AS first_order",
                                     "bought[-1] AS last_order", *picks])} FROM seq),
        sv AS (
            SELECT customer_key, max(nps) AS best_nps, max(fan_level) AS best_fan,
                   arg_max(liking, answered_at) FILTER (WHERE liking IS NOT NULL) AS latest_liking,
                   min(answered_at) FILTER (WHERE nps >= 9 OR fan_level >= 5) AS promoter_at
            FROM survey_responses WHERE customer_key IS NOT NULL
              AND (answered_at IS NULL OR answered_at < DATE '{as_of.isoformat()}' + INTERVAL 1 DAY)
            GROUP BY customer_key
        ),
        base AS (
            SELECT c.customer_key, coalesce(dates.orders, 0) AS orders, dates.* EXCLUDE (customer_key, orders),
                   sv.best_nps, sv.best_fan, sv.latest_liking, sv.promoter_at
            FROM customers c LEFT JOIN dates USING (customer_key) LEFT JOIN sv USING (customer_key)
        ){tiered_part}
        SELECT customer_key, first_order, latest_liking, {", ".join(f"r{n}, d{n}" for n in range(1, len(step_rules) + 1))},
               -- dormant as the tiers and the churn rate say it (no order for the dormant days): such a
               -- customer reached their step but is no longer there in any useful sense
               coalesce(date_diff('day', CAST(last_order AS DATE), {day}) > {int(store.setting("dormant_days"))},
                        FALSE) AS dormant,
               -- a promoter as step 8's default rule says it, wherever the customer stands on the ladder
               coalesce(best_nps >= 9, FALSE) OR coalesce(best_fan >= 5, FALSE) AS promoter
        FROM ({ladder})
    """


def step_of_sql(store: Store, as_of: dt.date, step_rules: list[StepRule] | None = None, upto: int | None = None) -> str:
    """Per customer: the step they are at now (the highest reached). ``upto``: only the first so many
    steps (a ladder stops where its reader stops: the 100-day plan reads steps 3-5, and step 7's tiers
    cost more than the rest together); ``step`` is then the highest of those."""
    step_rules = step_rules or rules(store)
    asked = step_rules[:upto]
    # A report reads the ladder three times (the journey, the next-step list, the 100-day plan): kept
    # (metrics/kept.py), by everything it depends on.
    settings = f"{as_of.isoformat()} {tier_settings(store)}"

    def ladder(ladder_rules: list[StepRule]) -> str:
        at = " + ".join(f"CAST(r{i} AS INTEGER)" for i in range(1, len(ladder_rules) + 1))
        return kept(store, f"ladder {settings} {ladder_rules!r}", lambda: (
            f"SELECT customer_key, {at} AS step, * EXCLUDE (customer_key) FROM ({_ladder_sql(store, as_of, ladder_rules)})"))

    if len(asked) < len(step_rules) and was_kept(store, f"ladder {settings} {step_rules!r}"):
        # The first steps of the whole ladder are the shorter ladder: step n depends on steps 1..n only.
        at = " + ".join(f"CAST(r{i} AS INTEGER)" for i in range(1, len(asked) + 1))
        columns = ", ".join(f"r{i}, d{i}" for i in range(1, len(asked) + 1))
        return (f"SELECT customer_key, {at} AS step, first_order, latest_liking, {columns}, dormant, promoter "
                f"FROM ({ladder(step_rules)})")
    return ladder(asked)


def journey(store: Store, as_of: dt.date) -> Table:
    """Per step: customers at it now (active ones), dormant ones at it, promoters at it (active or
    dormant), reached it, share who moved on, median days to reach, average liking of all at it.
    The step's words and rule are in the current language.

    A dormant customer (no order for the dormant days) stays at the highest step they reached, but is
    counted apart: counting them as "at step 7" said the shop had 優良 customers it has lost. Reached
    counts them (they did get there). Promoters are counted at every step, not only at step 8: a
    promoter at step 3 is someone who would recommend the shop long before the ladder says so."""
    n = len(STEPS)
    step_rules = rules(store)
    names = tier_names(store)
    aggregates = ", ".join(
        f"count(*) FILTER (WHERE r{i}), median(date_diff('day', first_order, d{i})) FILTER (WHERE r{i})"
        for i in range(1, n + 1)
    )
    # One statement: the ladder is computed once and read twice.
    row = store.con.execute(
        f"""WITH ladder AS MATERIALIZED ({step_of_sql(store, as_of, step_rules)})
            SELECT (SELECT [{aggregates}] FROM ladder),
                   (SELECT list([step, n, dormant_n, promoters, liking, liking_n]) FROM (
                        SELECT step, count(*) FILTER (WHERE NOT dormant) AS n, count(*) FILTER (WHERE dormant) AS dormant_n,
                               count(*) FILTER (WHERE promoter) AS promoters,
                               avg(latest_liking) AS liking, count(latest_liking) AS liking_n
                        FROM ladder GROUP BY step))"""
    ).fetchone()
    reached = [int(v) for v in row[0][0::2]]
    medians = row[0][1::2]
    at_rows = {int(r[0]): (int(r[1]), int(r[2]), int(r[3]), r[4], int(r[5])) for r in (row[1] or [])}
    out = []
    for i, step in enumerate(STEPS):
        at, dormant, promoters, liking, liking_n = at_rows.get(step.number, (0, 0, 0, None, 0))
        moved_on = reached[i + 1] / reached[i] if i + 1 < n and reached[i] else None
        out.append((step.number, t(step.emotion), t(step.stage), t(step.goal), step_rules[i].describe(names),
                    at, dormant, promoters, reached[i], moved_on,
                    None if medians[i] is None else float(medians[i]),
                    None if liking is None else float(liking), liking_n))
    return Table(["step", "emotion", "stage", "goal", "rule", "customers", "dormant", "promoters", "reached",
                  "moved_on", "median_days", "avg_liking", "liking_answers"], out)


COHORT_STEPS = (3, 4, 5)  # the 100-day plan's steps: second purchase, third, still buying after 100 days
COHORT_DAYS = (30, 60, 100)
# A cell of fewer eligible customers is shown, but not as a result: 3 of 4 read as a strong 75%.
COHORT_FEW = 10


def cohort_100d(store: Store, as_of: dt.date) -> Table:
    """The 100-day plan, measured: per month of first purchase (a cohort), the share of its customers
    who reached steps 3, 4 and 5 within 30, 60 and 100 days of their first purchase. Only customers
    whose first purchase is at least that many days before the as-of day count (the eligible ones):
    a customer who bought last week has not had 30 days yet. One row per cohort, step and days."""
    day = f"DATE '{as_of.isoformat()}'"
    cells = [(step, days) for step in COHORT_STEPS for days in COHORT_DAYS]
    # One pass over the ladder, each cell's counts as columns (not a grouping per cell). The ladder is
    # materialised: read inline, the optimizer's plan for the whole took 200 ms on the 1M-line bench
    # shop instead of 130 (the target is 200).
    counts = ", ".join(
        f"count(*) FILTER (WHERE CAST(first_order AS DATE) + {days} <= {day}), "
        f"count(*) FILTER (WHERE CAST(first_order AS DATE) + {days} <= {day} "
        f"AND d{step} <= first_order + INTERVAL {days} DAY)"
        for step, days in cells)
    rows = store.con.execute(
        f"""WITH ladder AS MATERIALIZED ({step_of_sql(store, as_of, upto=max(COHORT_STEPS))})
            SELECT CAST(date_trunc('month', first_order) AS DATE) AS cohort, count(*), {counts}
            FROM ladder WHERE first_order IS NOT NULL GROUP BY cohort ORDER BY cohort""").fetchall()
    out = []
    for cohort, customers, *eligible_reached in rows:
        for i, (step, days) in enumerate(cells):
            eligible, reached = eligible_reached[2 * i], eligible_reached[2 * i + 1]
            out.append((cohort, step, days, customers, eligible, reached, reached / eligible if eligible else None))
    return Table(["cohort", "step", "days", "customers", "eligible", "reached", "share"], out)


def cohort_customers(store: Store, as_of: dt.date, cohort: dt.date, step: int, days: int) -> Table:
    """The customers behind one cell of the heat map: of a cohort's customers who have had ``days`` days
    since their first purchase (the cell's eligible ones), those who reached ``step`` within them. (Without
    the first condition, a cell of 3 customers out of 4 listed the 46 who had bought last month too.)"""
    keys = [k for (k,) in store.con.execute(
        f"""SELECT customer_key FROM ({step_of_sql(store, as_of, upto=int(step))})
            WHERE CAST(date_trunc('month', first_order) AS DATE) = ?
              AND CAST(first_order AS DATE) + {int(days)} <= DATE '{as_of.isoformat()}'
              AND d{int(step)} <= first_order + INTERVAL {int(days)} DAY""",
        [cohort]).fetchall()]
    from engage_desktop.core.metrics.ltv import customer_list

    return customer_list(store, as_of, keys=keys)


def step_customers(store: Store, as_of: dt.date, step: int) -> Table:
    """The customers now at one step, highest LTV first (customers without orders last)."""
    rows = store.con.execute(
        f"""SELECT s.customer_key, c.customer_name, c.email, coalesce(f.orders, 0), f.revenue, round(f.ltv, 2),
                   f.first_order, f.last_order, f.tier
            FROM ({step_of_sql(store, as_of)}) s JOIN customers c USING (customer_key)
            LEFT JOIN ({tiered_facts_sql(store, as_of)}) f USING (customer_key)
            WHERE s.step = ? ORDER BY f.ltv DESC NULLS LAST, s.customer_key""",
        [step],
    ).fetchall()
    return Table(["customer_key", "name", "email", "orders", "revenue", "ltv", "first_order", "last_order", "tier"], rows)


# -- the owner's words -------------------------------------------------------------
def notes(store: Store) -> dict[tuple[int, str], str]:
    return {(s, f): t for s, f, t in store.con.execute("SELECT step, field, text FROM journey_notes").fetchall()}


def set_note(store: Store, step: int, field: str, text: str) -> None:
    if field not in NOTE_FIELDS or not 1 <= step <= len(STEPS):
        raise ValueError(f"unknown note {step}/{field}")
    store.con.execute("INSERT OR REPLACE INTO journey_notes VALUES (?, ?, ?)", [step, field, text])


def set_funnel_count(store: Store, month: dt.date, stage: str, count: int | None) -> None:
    """The owner's count of a typed stage for a month; None takes it away (the month has no count)."""
    if stage not in TYPED_STAGES:
        raise ValueError(f"{stage} is counted from orders, not typed in")
    if count is None:
        store.con.execute("DELETE FROM funnel_counts WHERE month = ? AND stage = ?", [month.replace(day=1), stage])
        return
    store.con.execute("INSERT OR REPLACE INTO funnel_counts VALUES (?, ?, ?)", [month.replace(day=1), stage, int(count)])


def funnel_counts_of(store: Store, month: dt.date) -> dict[str, int]:
    """What the owner typed for one month, by stage (a stage never typed is absent)."""
    return dict(store.con.execute("SELECT stage, count FROM funnel_counts WHERE month = ?",
                                  [month.replace(day=1)]).fetchall())


FUNNEL_MONTHS = 12


def funnel_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The funnel's period until the owner picks one: the last 12 full months (first days of the first
    and last month). Full months, because the owner types the pre-purchase counts for whole months: a
    month still running would set part of a month of buyers against a whole month's visitors (and the
    as-of month's newest buyers have had no time to buy again). Twelve, so every season is in it once."""
    end = last_full_month(as_of)  # the as-of month counts when the as-of day is its last day
    return add_months(end, 1 - FUNNEL_MONTHS), end


def funnel_months(store: Store, as_of: dt.date) -> list[dt.date]:
    """The months a funnel period can start or end in: from the first order or typed count (or the
    default period's start, whichever is first) to the as-of month, oldest first."""
    first = store.con.execute(
        f"""SELECT least((SELECT min(CAST(date_trunc('month', ordered_at) AS DATE)) FROM ({counted_orders(as_of)})),
                         (SELECT min(month) FROM funnel_counts))""").fetchone()[0]
    start = min(first or as_of, funnel_period(as_of)[0]).replace(day=1)
    return month_range(start, as_of)


def funnel(store: Store, as_of: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> Table:
    """The funnel over one period, every stage over the same months (``start``..``end``, whole months,
    up to the as-of day; default ``funnel_period``):

    - 認知 → 興味 → 比較・検討: the owner's typed counts, summed over the months of the period that
      have one; ``months`` says how many of the ``period_months`` do (a stage never typed is None);
    - 購入: customers whose first purchase is in the period (new buyers: the ones the typed stages led
      to; a returning customer did not come through this period's awareness);
    - 購入後: of those, who bought again, up to the as-of day.

    ``conversion``: each stage over the stage before it, None where a typed stage on either side lacks
    a count for some month of the period (3 typed months against 12 months of buyers is no rate)."""
    start, end = (start, end) if start and end else funnel_period(as_of)
    start, end = start.replace(day=1), end.replace(day=1)
    period = months_between(start, end) + 1
    typed = {stage: (total, months) for stage, total, months in store.con.execute(
        "SELECT stage, sum(count), count(*) FROM funnel_counts WHERE month BETWEEN ? AND ? GROUP BY stage",
        [start, end]).fetchall()}
    until = add_months(end, 1)  # the day after the period
    buyers, repeaters = store.con.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE orders >= 2) FROM (
                SELECT customer_key, min(ordered_at) AS first_order, count(*) AS orders FROM ({counted_orders(as_of)})
                WHERE customer_key IS NOT NULL AND NOT is_refund GROUP BY customer_key)
            WHERE first_order >= ? AND first_order < ?""", [start, until]).fetchone()
    rows: list[tuple[Any, ...]] = []
    for stage in FUNNEL_STAGES:
        if stage in TYPED_STAGES:
            total, months = typed.get(stage, (None, 0))
            count, whole = (None if total is None else int(total)), months == period
        else:
            count, months, whole = (buyers if stage == "購入" else repeaters), None, True
        conversion = None
        if rows and whole and rows[-1][5] and count is not None and rows[-1][1]:
            conversion = count / rows[-1][1]
        rows.append((stage, count, stage in TYPED_STAGES, months, conversion, whole))
    return Table(["stage", "count", "typed", "months", "conversion", "whole", "period_months"],
                 [(*r[:5], r[5], period) for r in rows])
