"""The whole picture in one object: what `engage-desktop report` prints and the export's cover uses."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from engage_desktop.core.metrics import journey as journey_metrics
from engage_desktop.core.metrics import (actions, answer_matching, behaviour, channels, comment_terms, effect, ltv,
                                          measures, monthly, predicted, profit, repeat, rfm, surveys, tier_history, zones)
from engage_desktop.core.metrics.base import counted_orders, resolve_as_of
from engage_desktop.core.metrics.kept import scoped
from engage_desktop.core.messages import N_, date_text, language, percent_text, t, tn, zone_name
from engage_desktop.core.money import format_money, json_money
from engage_desktop.core.store import Store

STREAK_METRIC = monthly.ROUND_METRIC


def _num(value: Any, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


@scoped  # the sections share the customers' facts and the journey's ladder (metrics/kept.py)
def build_report(store: Store, as_of: str | dt.date | None = None) -> dict[str, Any]:
    day = resolve_as_of(store, as_of)
    orders, anonymous_revenue, revenue = store.con.execute(
        f"""SELECT count(*) FILTER (WHERE NOT is_refund), coalesce(sum(revenue) FILTER (WHERE customer_key IS NULL), 0),
                   coalesce(sum(revenue), 0) FROM ({counted_orders(day)})"""
    ).fetchone()
    deciles = ltv.deciles(store, day)
    tier_table = ltv.tier_table(store, day)
    month_table = monthly.monthly(store, day)
    run = monthly.streak(month_table, STREAK_METRIC, int(store.setting("round_months")))
    score = surveys.nps(store, day)
    matrix = surveys.fan_matrix(store, day)
    tier_list = ltv.tiers(store)
    # The tier history first: it keeps everyone's tier spans, which the journey's step 7 then reads.
    history = tier_history.tier_history(store, day, tier_list)
    steps = journey_metrics.journey(store, day)
    funnel_start, funnel_end = journey_metrics.funnel_period(day)
    customers = sum(tier_table.column("customers"))
    names = ltv.tier_names(store)  # the measures' targets by the owner's names
    known = store.con.execute("SELECT count(*) FROM customers").fetchone()[0]
    margin = profit.margin(store)
    prediction = predicted.predicted(store, day, with_customers=False)  # its section and the at-risk list
    mix = channels.tier_mix(store, day, ltv.tiered_facts_sql(store, day, tier_list))
    target = history.round_target(tier_history.default_round_tiers(tier_list), int(store.setting("round_months")))
    return {
        "as_of": day.isoformat(),
        "shop": store.setting("shop_name") or store.path.stem,
        "currency": store.setting("currency"),
        # Keys are the interface (--json); the texts are in the current language.
        "definitions": {
            "ltv": t("average order value x purchases per year; years = max(1, days since the first order / 365.25)"),
            "revenue": t("what customers paid, net of refunds; cancelled orders excluded"),
            "dormant_days": store.setting("dormant_days"),
            "time_zone": store.setting("time_zone"),
            "top20": t("the revenue share of deciles 1-2 (customers ranked by revenue)"),
            "streak_metric": STREAK_METRIC,
            "gross_margin": profit.margin(store),
            "predicted": t(predicted.DEFINITION),
        },
        "customers": customers,  # who bought (up to the as-of date)
        "known_customers": known,  # everyone the shop knows: buyers, customer-file rows, survey answerers
        "orders": orders,
        "revenue": json_money(revenue),
        "anonymous_revenue": json_money(anonymous_revenue),
        "ltv": {
            "shop": ltv.shop_ltv(store, day),
            "tiers": [
                {"tier": r["tier"], "name": r["name"], "customers": r["customers"],
                 "revenue": json_money(r["revenue"]), "share": _num(r["share"]), "avg_ltv": _num(r["avg_ltv"], 2),
                 "repeat_rate": _num(r["repeat_rate"]), "avg_days_since_last": _num(r["avg_days_since_last"], 1),
                 "avg_ltv_profit": profit.as_profit(r["avg_ltv"], margin),
                 # where the tier's customers buy: orders by channel kind (metrics/channels.py)
                 "channel_orders": mix.get(r["tier"], dict.fromkeys(channels.KINDS, 0))}
                for r in tier_table.as_dicts()
            ],
            "deciles": [
                {"decile": r["decile"], "customers": r["customers"], "revenue": json_money(r["revenue"]),
                 "share": _num(r["share"]), "cumulative_share": _num(r["cumulative_share"])}
                for r in deciles.as_dicts()
            ],
            "top20_share": _num(ltv.top20_share(deciles)),
        },
        # BG/NBD + Gamma-Gamma: the fitted figures, whether they may be shown and why not (metrics/predicted.py)
        "predicted": predicted.as_json(prediction),
        "repeat_rate": _num(repeat.repeat_rate(store, day)),
        "f2": [{"days": r["days"], "eligible": r["eligible"], "rate": _num(r["rate"])}
               for r in repeat.f2_conversion(store, day).as_dicts()],
        "churn": repeat.dormant(store, day),
        "monthly": [
            {"month": r["month"].strftime("%Y-%m"), "revenue": json_money(r["revenue"]), "orders": r["orders"],
             "customers": r["customers"], "new_customers": r["new_customers"],
             "repeat_customers": r["repeat_customers"], "aov": _num(r["aov"], 2),
             "repeat_rate": _num(r["repeat_rate"]), "nps": _num(r["nps"], 1), "revenue_mom": _num(r["revenue_mom"])}
            for r in month_table.as_dicts()
        ],
        "streak": {"metric": run.metric, "current": run.current, "longest": run.longest,
                   "round_months": run.round_months, "round_reached": run.round_reached,
                   # every round reached, past or current: its first and last month up
                   "rounds": [[first.strftime("%Y-%m"), last.strftime("%Y-%m")] for first, last in
                              monthly.rounds(month_table, STREAK_METRIC, run.round_months)]},
        "nps": {"responses": score.responses, "promoters": score.promoters, "passives": score.passives,
                "detractors": score.detractors, "score": score.score, "margin": score.margin,
                "few_answers": surveys.FEW_ANSWERS,
                "answers_after_as_of": surveys.answers_after(store, day),  # not counted anywhere: said in the text
                # by month: every month with answers, its score and margin only with enough answers
                "by_month": [{"month": r["month"].strftime("%Y-%m"), "responses": r["responses"],
                              "score": r["score"] if r["enough"] else None,
                              "margin": r["margin"] if r["enough"] else None, "enough": r["enough"]}
                             for r in surveys.nps_by_month(store, day).as_dicts()]},
        # engagement zones over the fan-degree x liking matrix (metrics/zones.py), and whether the survey
        # shows in what customers buy (metrics/behaviour.py)
        "zones": zones.zones_json(store, day),
        "nps_groups_behaviour": behaviour.behaviour_json(store, day),
        "fan_matrix": matrix.counts,
        # What the survey's free-text comments talk about, per NPS group (metrics/comment_terms.py), and how
        # many answers reach a customer who bought (metrics/answer_matching.py).
        "comment_terms": comment_terms.comment_terms_json(store, day),
        "answers_reached": answer_matching.match_rate_json(store),
        "cohort_100d": [
            {"cohort": r["cohort"].strftime("%Y-%m"), "step": r["step"], "days": r["days"], "eligible": r["eligible"],
             "reached": r["reached"], "share": _num(r["share"])}
            for r in journey_metrics.cohort_100d(store, day).as_dicts()
        ],
        "tier_movement": {
            "start": ltv.month_end_before(day, ltv.MOVEMENT_MONTHS).isoformat(), "end": day.isoformat(),
            "cells": [{"from": r["from_tier"], "to": r["to_tier"], "customers": r["customers"],
                       "revenue": json_money(r["revenue"])}
                      for r in ltv.tier_movement(store, ltv.month_end_before(day, ltv.MOVEMENT_MONTHS), day).as_dicts()
                      if r["customers"]],
            # month by month: who moved up / down a tier, new customers; the top two tiers' round target
            **tier_history.history_json(history, target, tier_list),
        },
        # Each measure of the log with its effect: the figures and the verdict (metrics/effect.py), rounded.
        "measures": [{**{key: _num(value) if isinstance(value, float) else value
                         for key, value in effect.as_json(effect.effect(store, day, m)).items()},
                      "target_name": m.target_text(names)}
                     for m in measures.measures(store)],
        # Whom to contact next (metrics/actions.py): each list's size, where its customers buy (orders by
        # channel kind) and its first customers with the reason they are on it; the RFM grid (metrics/rfm.py).
        "action_lists": {**{key: _action_list_json(chosen) for key, chosen in
                            actions.action_lists(store, day, actions.chances_of(prediction), ACTION_TOP).items()},
                         "rfm": rfm.rfm_json(store, day)},
        "journey": [
            # customers: active ones at the step; dormant: apart; promoters: of everyone at the step
            {"step": r["step"], "name": r["emotion"], "stage": r["stage"], "customers": r["customers"],
             "dormant": r["dormant"], "promoters": r["promoters"],
             "reached": r["reached"], "moved_on": _num(r["moved_on"]), "median_days": r["median_days"],
             "avg_liking": _num(r["avg_liking"], 2)}
            for r in steps.as_dicts()
        ],
        "funnel": {
            # every stage over the same months (journey.funnel); months: of the period's, those with a typed count
            "start": funnel_start.strftime("%Y-%m"), "end": funnel_end.strftime("%Y-%m"),
            "stages": [{"stage": r["stage"], "name": journey_metrics.stage_name(r["stage"]), "count": r["count"],
                        "months": r["months"], "conversion": _num(r["conversion"])}
                       for r in journey_metrics.funnel(store, day, funnel_start, funnel_end).as_dicts()],
        },
    }


ACTION_TOP = 10  # customers of each action list in the report: the view and the export have them all


def _action_list_json(chosen: actions.ActionList) -> dict[str, Any]:
    return {"name": chosen.name(), "customers": chosen.total, "channel_orders": chosen.mix,
            "top": [{"customer_key": r["customer_key"], "name": r["name"], "tier": r["tier"],
                     "ltv": _num(r["ltv"], 2), "reason": r["reason"]}
                    for r in chosen.table.as_dicts()[:ACTION_TOP]]}


def shop_summary(store: Store) -> dict[str, Any]:
    """The window's header: the shop's name, its data period, orders, buyers and known customers."""
    first, last, orders, buyers = store.con.execute(
        "SELECT min(ordered_at), max(ordered_at), count(*) FILTER (WHERE NOT cancelled AND NOT is_refund), "
        "count(DISTINCT customer_key) FILTER (WHERE NOT cancelled AND NOT is_refund) FROM orders"
    ).fetchone()
    known = store.con.execute("SELECT count(*) FROM customers").fetchone()[0]
    return {"name": store.setting("shop_name") or store.path.stem, "first": first, "last": last, "orders": orders,
            "customers": buyers, "known": known}


# The definitions' names as the owner reads them (the export's cover, the report): keys of "definitions".
DEFINITION_TERMS = {
    "ltv": N_("Annual LTV"),
    "revenue": N_("Revenue"),
    "dormant_days": N_("Dormant after (days without an order)"),
    "time_zone": N_("Time zone"),
    "top20": N_("Top 20% share"),
    "streak_metric": N_("Round (months up in a row) counted on"),
    "gross_margin": N_("Gross margin (LTV as profit)"),
    "predicted": N_("Predicted value"),
}


def definition_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """(term, what it means) in the current language, for the export's cover."""
    rows = []
    for key, value in report["definitions"].items():
        text = (monthly.metric_name(value) if key == "streak_metric" else
                (percent_text(value) if value is not None else t("not given")) if key == "gross_margin" else
                (zone_name(value) if value else "—") if key == "time_zone" else str(value))
        rows.append((t(DEFINITION_TERMS[key]), text))
    return rows


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def report_text(report: dict[str, Any]) -> str:
    """The report as the CLI prints it, in the current language."""
    def cash(value: float) -> str:
        return format_money(value, report["currency"], language())

    shop = report["ltv"]["shop"]
    lines = [
        t("{shop} — as of {day}", shop=report["shop"], day=date_text(dt.date.fromisoformat(report["as_of"]))),
        t("Customers: {known:,} known, {buyers:,} who bought   Orders: {orders:,}   Revenue: {revenue}",
          known=report["known_customers"], buyers=report["customers"], orders=report["orders"],
          revenue=cash(report["revenue"])),
        t("Shop LTV: {ltv} a year (average order value {aov} x {per_year:.2f} purchases a year)",
          ltv=cash(shop["ltv"]), aov=cash(shop["aov"]), per_year=shop["orders_per_year"]),
        t("The top 20% of customers bring {share} of revenue; repeat rate {repeat}",
          share=percent_text(report["ltv"]["top20_share"] or 0), repeat=percent_text(report["repeat_rate"] or 0)),
        t("LTV tiers:"),
    ]
    for tier in report["ltv"]["tiers"]:
        lines.append("  " + t("{tier}: {customers:,} customers, {revenue} ({share})", tier=tier["name"],
                              customers=tier["customers"], revenue=cash(tier["revenue"]),
                              share=percent_text(tier["share"] or 0)))
    guess = report["predicted"]
    if guess["reliable"]:
        lines.append(t("Predicted for the next year: {purchases:,.0f} purchases, {value}",
                       purchases=guess["expected_365"], value=cash(guess["value_365"])))
    else:
        lines.append(guess["reason_text"])
    run = report["streak"]
    lines.append(tn("{metric} up month over month {n} month in a row (longest {longest}); round of {months}: {state}",
                    "{metric} up month over month {n} months in a row (longest {longest}); round of {months}: {state}",
                    run["current"], metric=monthly.metric_name(run["metric"]), longest=run["longest"],
                    months=run["round_months"], state=t("reached") if run["round_reached"] else
                    tn("not reached now ({n} round reached before)", "not reached now ({n} rounds reached before)",
                       len(run["rounds"])) if run["rounds"] else t("not yet reached")))
    target = report["tier_movement"]["round_target"]
    lines.append(tier_history.round_text(target["name"], target["current"], target["longest"], target["round_months"],
                                         target["round_reached"]))
    n = report["nps"]
    lines.append(t("NPS {score} from {answers:,} answers ({promoters:,} promoters, {passives:,} passives, "
                   "{detractors:,} detractors)", score=n["score"] if n["score"] is not None else "—",
                   answers=n["responses"], promoters=n["promoters"], passives=n["passives"],
                   detractors=n["detractors"])
                 + ("" if n["responses"] >= surveys.FEW_ANSWERS or not n["responses"] else
                    t(": too few answers to tell yet")) + ("" if n["margin"] is None or n["responses"] < surveys.FEW_ANSWERS
                                                           else f" ±{n['margin']:.1f}"))
    if n["answers_after_as_of"]:
        lines.append("  " + tn("{n} answer is dated after the as-of day (the last order's) and is not counted.",
                               "{n} answers are dated after the as-of day (the last order's) and are not counted.",
                               n["answers_after_as_of"]))
    lines.append(t("Customers at each journey step: {steps}",
                   steps="  ".join(f"{j['step']}:{j['customers']:,}" for j in report["journey"])))
    if report["measures"]:
        lines.append(t("Measures:"))
    for m in report["measures"]:
        # as the measures view says it: points for a score or a share (NPS +10.4 pt, not "+1042.9%"),
        # beside what it is weighed against (everyone else, or the same months a year earlier)
        points = m["change_unit"] == "points"
        change = "" if m["change"] is None else " " + effect.change_text(m["change"], points)
        if m["change"] is not None and m["baseline"] == "rest":
            change = t("{change} (everyone else {other})", change=change, other=effect.change_text(m["rest_change"], points))
        elif m["change"] is not None and m["baseline"] == "year":
            change = t("{change} (a year earlier {other})", change=change, other=effect.change_text(m["year_change"], points))
        started = date_text(dt.date.fromisoformat(m["started_on"])) if m["started_on"] else "—"
        lines.append("  " + t("{name} (from {start}): {verdict}{change}", name=m["name"], start=started,
                              verdict=t(effect.VERDICT_LABELS[m["verdict"]]), change=change))
    return "\n".join(lines)
