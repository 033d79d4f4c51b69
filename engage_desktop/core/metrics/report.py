"""The whole picture in one object: what `engage-desktop report` prints and the export's cover uses."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from engage_desktop.core.metrics import journey as journey_metrics
from engage_desktop.core.metrics import ltv, monthly, repeat, surveys
from engage_desktop.core.metrics.base import counted_orders, resolve_as_of
from engage_desktop.core.money import format_money
from engage_desktop.core.store import Store

STREAK_METRIC = "revenue"


def money(value: Any) -> float:
    """Money as a plain JSON number that keeps its cents."""
    return float(round(Decimal(value or 0), 2))


def _num(value: Any, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


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
    steps = journey_metrics.journey(store, day)
    customers = sum(tier_table.column("customers"))
    known = store.con.execute("SELECT count(*) FROM customers").fetchone()[0]
    return {
        "as_of": day.isoformat(),
        "shop": store.setting("shop_name") or store.path.stem,
        "currency": store.setting("currency"),
        "definitions": {
            "ltv": "average order value x purchases per year; years = max(1, days since first order / 365.25)",
            "revenue": "paid amount net of refunds; cancelled orders excluded",
            "dormant_days": store.setting("dormant_days"),
            "time_zone": store.setting("time_zone"),
            "top20": "revenue share of deciles 1-2 (customers ranked by revenue)",
            "streak_metric": STREAK_METRIC,
        },
        "customers": customers,  # who bought (up to the as-of date)
        "known_customers": known,  # everyone the shop knows: buyers, customer-file rows, survey answerers
        "orders": orders,
        "revenue": money(revenue),
        "anonymous_revenue": money(anonymous_revenue),
        "ltv": {
            "shop": ltv.shop_ltv(store, day),
            "tiers": [
                {"tier": r["tier"], "name_ja": r["name_ja"], "name_en": r["name_en"], "customers": r["customers"],
                 "revenue": money(r["revenue"]), "share": _num(r["share"]), "avg_ltv": _num(r["avg_ltv"], 2),
                 "repeat_rate": _num(r["repeat_rate"]), "avg_days_since_last": _num(r["avg_days_since_last"], 1)}
                for r in tier_table.as_dicts()
            ],
            "deciles": [
                {"decile": r["decile"], "customers": r["customers"], "revenue": money(r["revenue"]),
                 "share": _num(r["share"]), "cumulative_share": _num(r["cumulative_share"])}
                for r in deciles.as_dicts()
            ],
            "top20_share": _num(ltv.top20_share(deciles)),
        },
        "repeat_rate": _num(repeat.repeat_rate(store, day)),
        "f2": [{"days": r["days"], "eligible": r["eligible"], "rate": _num(r["rate"])}
               for r in repeat.f2_conversion(store, day).as_dicts()],
        "churn": repeat.dormant(store, day),
        "monthly": [
            {"month": r["month"].strftime("%Y-%m"), "revenue": money(r["revenue"]), "orders": r["orders"],
             "customers": r["customers"], "new_customers": r["new_customers"],
             "repeat_customers": r["repeat_customers"], "aov": _num(r["aov"], 2),
             "repeat_rate": _num(r["repeat_rate"]), "nps": _num(r["nps"], 1), "revenue_mom": _num(r["revenue_mom"])}
            for r in month_table.as_dicts()
        ],
        "streak": {"metric": run.metric, "current": run.current, "longest": run.longest,
                   "round_months": run.round_months, "round_reached": run.round_reached},
        "nps": {"responses": score.responses, "promoters": score.promoters, "passives": score.passives,
                "detractors": score.detractors, "score": score.score},
        "fan_matrix": matrix.counts,
        "journey": [
            {"step": r["step"], "name": r["emotion"], "stage": r["stage"], "customers": r["customers"],
             "reached": r["reached"], "moved_on": _num(r["moved_on"]), "median_days": r["median_days"],
             "avg_liking": _num(r["avg_liking"], 2)}
            for r in steps.as_dicts()
        ],
    }


def shop_summary(store: Store) -> dict[str, Any]:
    """The window's header: the shop's name, its data period, orders, buyers and known customers."""
    first, last, orders, buyers = store.con.execute(
        "SELECT min(ordered_at), max(ordered_at), count(*) FILTER (WHERE NOT cancelled AND NOT is_refund), "
        "count(DISTINCT customer_key) FILTER (WHERE NOT cancelled AND NOT is_refund) FROM orders"
    ).fetchone()
    known = store.con.execute("SELECT count(*) FROM customers").fetchone()[0]
    return {"name": store.setting("shop_name") or store.path.stem, "first": first, "last": last, "orders": orders,
            "customers": buyers, "known": known}


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def report_text(report: dict[str, Any]) -> str:
    def cash(value: float) -> str:
        return format_money(value, report["currency"], "en")

    lines = [
        f"{report['shop']} — as of {report['as_of']}",
        f"Customers {report['known_customers']:,} known, {report['customers']:,} who bought  "
        f"Orders {report['orders']:,}  Revenue {cash(report['revenue'])}",
        f"Shop LTV {cash(report['ltv']['shop']['ltv'])} a year (AOV {cash(report['ltv']['shop']['aov'])} x "
        f"{report['ltv']['shop']['orders_per_year']:.2f} purchases/year)",
        f"Top 20% of customers bring {100 * (report['ltv']['top20_share'] or 0):.1f}% of revenue; "
        f"repeat rate {100 * (report['repeat_rate'] or 0):.1f}%",
        "Tiers:",
    ]
    for t in report["ltv"]["tiers"]:
        lines.append(f"  {t['name_ja']} / {t['name_en']}: {t['customers']:,} customers, {cash(t['revenue'])} "
                     f"({100 * (t['share'] or 0):.1f}%)")
    s = report["streak"]
    lines.append(f"Revenue up month over month {s['current']} month(s) in a row (longest {s['longest']}; "
                 f"round of {s['round_months']} {'reached' if s['round_reached'] else 'not yet reached'})")
    n = report["nps"]
    lines.append(f"NPS {n['score'] if n['score'] is not None else '—'} from {n['responses']:,} answers "
                 f"({n['promoters']} promoters, {n['passives']} passives, {n['detractors']} detractors)")
    lines.append("Journey: " + "  ".join(f"{j['step']}:{j['customers']}" for j in report["journey"]))
    return "\n".join(lines)
