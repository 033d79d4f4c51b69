"""Predicted value per customer (予測LTV): the BG/NBD and Gamma-Gamma models (metrics/btyd.py) fitted on
the shop's own orders up to the as-of date.

Definitions (stated in the report and the UI):
- A customer's purchases are their order days: several orders on one day are one purchase (the
  models count visits, and a split basket is one visit). Orders count as everywhere else
  (``base.counted_orders``): not cancelled, refunds are not orders.
- The time unit is the **week**. x = purchase days - 1 (repeat purchases); t_x = weeks from the first
  purchase day to the last; T = weeks from the first purchase day to the as-of date. Calibration is
  the customer's whole history up to the as-of date.
- Spend per purchase = what the customer paid on a purchase day (that day's orders, net of that
  day's refunds); the Gamma-Gamma model is fitted on the mean of the repeat days (the first day left
  out, as in Fader, Hardie & Lee 2005: first purchases are often different).
- Per customer: ``p_alive``, the chance they are still a customer (will buy again some day);
  ``expected_90`` / ``expected_365``, the purchases expected in the next 90 / 365 days;
  ``next_order``, the day by which one purchase is expected (see ``next_order_days``); ``value_365``,
  the predicted value of the next year = expected purchases in 365 days x expected spend per
  purchase (not discounted).
- Reliability (``RULE`` below): with few customers, few repeat buyers or a short history the fit is
  noise; then the prediction is not shown and the simple LTV (average order value x purchases per
  year) stands in its place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import numpy as np

from engage_desktop.core.metrics import btyd
from engage_desktop.core.metrics.base import purchase_days_sql
from engage_desktop.core.metrics.ltv import CUSTOMER_COLUMNS, tiered_facts_sql
from engage_desktop.core.messages import N_, t
from engage_desktop.core.store import Store
from engage_desktop.core.table import Table

TIME_UNIT = "week"
DAYS_PER_UNIT = 7.0

# The reliability rule (README "Predicted value"), measured on the CDNOW sample (2,357 customers, 946
# repeat buyers; tests/perf/predicted_stability.py, 40 random sub-samples per size): at 40 customers 27
# of 40 fits failed or ran a parameter to an edge and the others' shop-wide expected purchases ranged
# from 0.94 to 1.50 times the full sample's; at 300 customers (about 120 repeat buyers) 5 of 40 failed
# (the rule below catches those) and 9 of 10 others were within 0.82-1.12 times, the expected spend per
# purchase within 0.90-1.14; from 500 none failed. The Gamma-Gamma model learns from repeat buyers
# only, hence their own minimum.
MIN_CUSTOMERS = 300
MIN_REPEAT_BUYERS = 100
# Half a year from the shop's first order: with less, the models cannot tell a customer who stopped
# from one who buys twice a year (CDNOW's calibration is 39 weeks).
MIN_WEEKS = 26
# A fitted parameter beyond these bounds means the optimiser ran to an edge: the data do not pin it down.
PARAMETER_RANGE = (1e-4, 1e4)
# next_order: looked for up to this many days ahead; later (or never) is None.
NEXT_ORDER_HORIZON_DAYS = 3 * 365

REASONS = {
    "few_customers": N_("Only {customers:,} customers have bought; the prediction needs at least {min_customers:,}."),
    "few_repeat_buyers": N_("Only {repeat_buyers:,} customers have bought more than once; the prediction needs at "
                            "least {min_repeat_buyers:,}."),
    "short_history": N_("The orders cover {weeks:.0f} weeks; the prediction needs at least {min_weeks} weeks "
                        "(half a year)."),
    "not_converged": N_("The models could not be fitted to these orders."),
    "implausible": N_("The fitted models are not plausible for these orders (a figure ran to an extreme)."),
}
RULE = N_("The prediction is shown when at least {min_customers:,} customers have bought, {min_repeat_buyers:,} of "
          "them more than once, over at least {min_weeks} weeks, and the models fit; otherwise it would be "
          "noise, and the simple LTV (average order value x purchases per year) is shown instead.")
PREDICTED_COLUMNS = ["value_365", "p_alive", "expected_90", "expected_365", "next_order"]
# The reliable list's columns: who, then the prediction (what the view is for, seen without scrolling), then
# the columns of every customer list.
PREDICTED_LIST_COLUMNS = [*CUSTOMER_COLUMNS[:3], *PREDICTED_COLUMNS, *CUSTOMER_COLUMNS[3:]]


@dataclass(frozen=True)
class Reliability:
    """Whether the prediction may be shown, and why not (``reason`` is a key of ``REASONS``, None when
    reliable), with the numbers the rule looked at."""

    reliable: bool
    reason: str | None
    customers: int
    repeat_buyers: int
    weeks: float  # from the shop's first purchase day to the as-of date

    def text(self) -> str:
        """The verdict in one or two sentences, in the current language."""
        if self.reliable:
            return t("The prediction is reliable: {customers:,} customers, {repeat_buyers:,} of them repeat buyers, "
                     "over {weeks:.0f} weeks.", customers=self.customers, repeat_buyers=self.repeat_buyers,
                     weeks=self.weeks)
        why = t(REASONS[self.reason], customers=self.customers, repeat_buyers=self.repeat_buyers, weeks=self.weeks,
                min_customers=MIN_CUSTOMERS, min_repeat_buyers=MIN_REPEAT_BUYERS, min_weeks=MIN_WEEKS)
        return t("The prediction is not reliable yet: {why} The simple LTV is shown instead.", why=why)


@dataclass(frozen=True)
class Prediction:
    as_of: dt.date
    time_unit: str
    frequency: btyd.BgNbd | None  # None: nothing to fit (no repeat buyer)
    spend: btyd.GammaGamma | None
    verdict: Reliability
    # The shop's totals, None when not reliable: purchases expected in the next 90 / 365 days, value of the next year.
    expected_90: float | None
    expected_365: float | None
    value_365: float | None
    # Reliable: PREDICTED_LIST_COLUMNS, highest value_365 first. Not reliable:
    # CUSTOMER_COLUMNS only (ltv, the simple LTV, highest first): no P(alive), no predicted value.
    customers: Table
    # Every customer's key and figures, in the same order (reliable only): what the at-risk list reads
    # without the customer table's join (metrics/actions.py).
    keys: list[str] = field(default_factory=list)
    scores: Scores | None = None


@dataclass(frozen=True)
class Summary:
    """The models' view of each customer (one entry per customer, in the same order)."""

    keys: list[str]
    x: np.ndarray  # repeat purchase days
    t_x: np.ndarray  # weeks from the first purchase day to the last
    T: np.ndarray  # weeks from the first purchase day to the as-of date
    mean_spend: np.ndarray  # mean spend of the repeat purchase days (0 for none)


def summary_sql(store: Store, as_of: dt.date) -> str:
    """SQL: customer_key, x, t_x, T (weeks), mean_spend: one row per customer with a purchase day. The
    mean spend of the repeat days is what the days after the first brought: all days' spend less the first's."""
    day = f"DATE '{as_of.isoformat()}'"
    return f"""
        SELECT customer_key, order_days - 1 AS x,
               date_diff('day', first_day, last_day) / {DAYS_PER_UNIT} AS t_x,
               date_diff('day', first_day, {day}) / {DAYS_PER_UNIT} AS T,
               coalesce(CAST((spent - first_spent) / nullif(order_days - 1, 0) AS DOUBLE), 0) AS mean_spend
        FROM ({purchase_days_sql(store, as_of)}) ORDER BY customer_key
    """


def summary(store: Store, as_of: dt.date) -> Summary:
    frame = store.con.execute(summary_sql(store, as_of)).fetchnumpy()
    return Summary([str(k) for k in frame["customer_key"]], np.asarray(frame["x"], dtype=float),
                   np.asarray(frame["t_x"], dtype=float), np.asarray(frame["T"], dtype=float),
                   np.asarray(frame["mean_spend"], dtype=float))


def judge(s: Summary, frequency: btyd.BgNbd | None, spend: btyd.GammaGamma | None) -> Reliability:
    """The reliability rule, first failing reason wins (the owner can act on the first ones: wait, import more)."""
    customers, repeat_buyers = len(s.keys), int((s.x > 0).sum())
    weeks = float(s.T.max()) if customers else 0.0

    def verdict(reason: str | None) -> Reliability:
        return Reliability(reason is None, reason, customers, repeat_buyers, weeks)

    if customers < MIN_CUSTOMERS:
        return verdict("few_customers")
    if repeat_buyers < MIN_REPEAT_BUYERS:
        return verdict("few_repeat_buyers")
    if weeks < MIN_WEEKS:
        return verdict("short_history")
    if frequency is None or spend is None or not (frequency.converged and spend.converged):
        return verdict("not_converged")
    low, high = PARAMETER_RANGE
    # γ is in money (¥14,510 on the sample shop): judged against the repeat buyers' mean spend, so the
    # bounds hold in yen and in dollars alike. α is in weeks, r, a, b, p, q have no unit.
    typical_spend = float(s.mean_spend[s.x > 0].mean())
    figures = [frequency.r, frequency.alpha, frequency.a, frequency.b, spend.p, spend.q,
               spend.gamma / typical_spend if typical_spend > 0 else 0.0]
    # q <= 1: the shop's mean spend would be infinite; a = 1: expected purchases divide by a - 1.
    if not all(low < v < high for v in figures) or spend.q <= 1 or abs(frequency.a - 1) < 1e-6:
        return verdict("implausible")
    return verdict(None)


def fit(s: Summary) -> tuple[btyd.BgNbd | None, btyd.GammaGamma | None]:
    """Both models, or None for one that has nothing to learn from (no repeat buyer with a spend).

    The fit is the slow part (1.2 s on the 1M-line bench shop, the summary 0.3 s) and the home screen, the
    action lists, the predicted view and the report each ask for it: the last few fits are kept, by the
    summary's own numbers, so an unchanged shop is fitted once and any import or undo is fitted again."""
    key = hashlib.sha256(b"".join(np.ascontiguousarray(a, dtype=float).tobytes()
                                  for a in (s.x, s.t_x, s.T, s.mean_spend))).hexdigest()
    if key not in _FITS:
        _FITS[key] = _fit(s)
        while len(_FITS) > FITS_KEPT:
            _FITS.pop(next(iter(_FITS)))
    return _FITS[key]


FITS_KEPT = 4  # a few shops or as-of dates at once, never more memory than a few parameter sets
_FITS: dict[str, tuple[btyd.BgNbd | None, btyd.GammaGamma | None]] = {}


def _fit(s: Summary) -> tuple[btyd.BgNbd | None, btyd.GammaGamma | None]:
    if not (s.x > 0).any():
        return None, None
    frequency = btyd.fit_bgnbd(s.x, s.t_x, s.T)
    spend = btyd.fit_gamma_gamma(s.x, s.mean_spend) if ((s.x > 0) & (s.mean_spend > 0)).any() else None
    return frequency, spend


def next_order_days(m: btyd.BgNbd, x: np.ndarray, t_x: np.ndarray, T: np.ndarray,
                    horizon: int = NEXT_ORDER_HORIZON_DAYS) -> np.ndarray:
    """The expected date of the next order, as days after the as-of date: the fewest whole days d >= 1
    by which the model expects at least one purchase (E[X(d days)] >= 1). -1 when that takes more than
    ``horizon`` days, which includes a customer the model thinks has most likely left (their expected
    purchases stay below one for ever). Found by halving the days (about 11 steps for 3 years), for
    all customers at once: E[X] grows with the days."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    found = btyd.expected_purchases(m, horizon / DAYS_PER_UNIT, x, t_x, T) >= 1
    low = np.zeros(len(x))  # E < 1 here (no purchase in 0 days)
    high = np.full(len(x), float(horizon))  # E >= 1 here, for the customers found
    while found.any() and (high - low)[found].max() > 1:
        mid = np.floor((low + high) / 2)
        enough = btyd.expected_purchases(m, mid / DAYS_PER_UNIT, x, t_x, T) >= 1
        high = np.where(found & enough, mid, high)
        low = np.where(found & ~enough, mid, low)
    return np.where(found, high, -1).astype(int)


@dataclass(frozen=True)
class Scores:
    p_alive: np.ndarray
    expected_90: np.ndarray
    expected_365: np.ndarray
    next_order_days: np.ndarray  # -1: none expected within the horizon
    spend: np.ndarray  # expected spend per purchase
    value_365: np.ndarray


def score(s: Summary, frequency: btyd.BgNbd, spend: btyd.GammaGamma) -> Scores:
    """Every customer's figures. Customers with the same (x, t_x, T) share them: each distinct summary is
    worked out once (a shop has far fewer of those than customers)."""
    triples, back = np.unique(np.column_stack([s.x, s.t_x, s.T]), axis=0, return_inverse=True)
    back = back.ravel()
    x, t_x, T = triples[:, 0], triples[:, 1], triples[:, 2]
    alive = btyd.p_alive(frequency, x, t_x, T)[back]
    e90 = btyd.expected_purchases(frequency, 90 / DAYS_PER_UNIT, x, t_x, T)[back]
    e365 = btyd.expected_purchases(frequency, 365 / DAYS_PER_UNIT, x, t_x, T)[back]
    days = next_order_days(frequency, x, t_x, T)[back]
    # A customer whose repeat days net to nothing (refunded) counts as spending 0 on them.
    per_purchase = btyd.expected_spend(spend, s.x, np.maximum(s.mean_spend, 0.0))
    return Scores(alive, e90, e365, days, per_purchase, e365 * per_purchase)


def predicted(store: Store, as_of: dt.date, with_customers: bool = True) -> Prediction:
    """The prediction for the shop as of ``as_of``: the fitted models, the verdict, the shop's totals
    and (``with_customers``) the customers' table. The models are fitted whenever there is a repeat
    buyer (the report gives the figures), but the per-customer and shop figures are given only when
    the verdict is reliable."""
    s = summary(store, as_of)
    frequency, spend = fit(s)
    verdict = judge(s, frequency, spend)
    scores = score(s, frequency, spend) if verdict.reliable else None
    table = customer_table(store, as_of, s, scores) if with_customers else Table([], [])
    if scores is None:
        return Prediction(as_of, TIME_UNIT, frequency, spend, verdict, None, None, None, table)
    return Prediction(as_of, TIME_UNIT, frequency, spend, verdict, float(scores.expected_90.sum()),
                      float(scores.expected_365.sum()), float(scores.value_365.sum()), table, s.keys, scores)


def customer_table(store: Store, as_of: dt.date, s: Summary, scores: Scores | None) -> Table:
    """The customers as an action list: the columns of every customer list, then the predicted ones
    (reliable), highest predicted value first; or the simple LTV's list, highest LTV first."""
    who = "f.customer_key, c.customer_name, c.email"
    facts = "f.orders, f.revenue, round(f.aov, 2), round(f.ltv, 2), f.first_order, f.last_order, f.days_since_last, f.tier"
    if scores is None:
        rows = store.con.execute(
            f"""SELECT {who}, {facts} FROM ({tiered_facts_sql(store, as_of)}) f LEFT JOIN customers c USING (customer_key)
                ORDER BY f.ltv DESC, f.customer_key""").fetchall()
        return Table(list(CUSTOMER_COLUMNS), rows)
    next_day = [None if d < 0 else as_of + dt.timedelta(days=int(d)) for d in scores.next_order_days]
    # The scores go to DuckDB as arrays (no text), joined to the customers' facts by key, sorted there.
    scored = {"customer_key": np.array(s.keys, dtype=object), "p_alive": np.round(scores.p_alive, 4),
              "expected_90": np.round(scores.expected_90, 3), "expected_365": np.round(scores.expected_365, 3),
              "next_order": np.array(next_day, dtype=object), "value_365": np.round(scores.value_365, 2)}
    store.con.register("predicted_scores", scored)
    try:
        rows = store.con.execute(
            f"""SELECT {who}, p.value_365, p.p_alive, p.expected_90, p.expected_365, p.next_order, {facts}
                FROM ({tiered_facts_sql(store, as_of)}) f JOIN predicted_scores p USING (customer_key)
                LEFT JOIN customers c USING (customer_key)
                ORDER BY p.value_365 DESC, f.customer_key""").fetchall()
    finally:
        store.con.unregister("predicted_scores")
    return Table(PREDICTED_LIST_COLUMNS, rows)


P_ALIVE_BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def by_p_alive(prediction: Prediction) -> Table:
    """Customers by the chance they buy again (bands of 20 points, the lowest first): how many, their past
    annual LTV on average and their predicted value of the next year in total. Empty when not reliable."""
    if not prediction.verdict.reliable:
        return Table(["low", "high", "customers", "value_365"], [])
    alive = np.array(prediction.customers.column("p_alive"), dtype=float)
    value = np.array(prediction.customers.column("value_365"), dtype=float)
    edges = np.array(P_ALIVE_BANDS)
    band = np.clip(np.searchsorted(edges, alive, side="right") - 1, 0, len(edges) - 2)
    counts = np.bincount(band, minlength=len(edges) - 1)
    values = np.bincount(band, weights=value, minlength=len(edges) - 1)
    return Table(["low", "high", "customers", "value_365"],
                 [(float(edges[i]), float(edges[i + 1]), int(counts[i]), float(values[i]))
                  for i in range(len(edges) - 1)])


DEFINITION = N_("statistical models of buying (BG/NBD) and spending (Gamma-Gamma) fitted on the shop's orders (one "
                "purchase per customer per day, time in weeks); a customer's value of the next year = purchases "
                "expected in 365 days x expected spend per purchase")


def rule_text() -> str:
    """The reliability rule in one sentence, in the current language."""
    return t(RULE, min_customers=MIN_CUSTOMERS, min_repeat_buyers=MIN_REPEAT_BUYERS, min_weeks=MIN_WEEKS)


def as_json(p: Prediction) -> dict[str, object]:
    """The report's ``predicted`` section: the fitted figures, the verdict and the shop's totals (None when
    not reliable). Keys are the interface."""
    def num(value: float | None, digits: int = 4) -> float | None:
        return None if value is None else round(float(value), digits)

    f, s, v = p.frequency, p.spend, p.verdict
    return {
        "time_unit": p.time_unit,
        "r": num(f and f.r, 6), "alpha": num(f and f.alpha, 6), "a": num(f and f.a, 6), "b": num(f and f.b, 6),
        "loglik": num(f and f.loglik, 2), "bgnbd_converged": bool(f and f.converged),
        "p": num(s and s.p, 6), "q": num(s and s.q, 6), "gamma": num(s and s.gamma, 6),
        "gamma_gamma_loglik": num(s and s.loglik, 2), "gamma_gamma_converged": bool(s and s.converged),
        "customers": v.customers, "repeat_buyers": v.repeat_buyers, "weeks": num(v.weeks, 1),
        "reliable": v.reliable, "reason": v.reason, "reason_text": v.text(),
        "rule": {"min_customers": MIN_CUSTOMERS, "min_repeat_buyers": MIN_REPEAT_BUYERS, "min_weeks": MIN_WEEKS},
        "expected_90": num(p.expected_90, 2), "expected_365": num(p.expected_365, 2),
        "value_365": num(p.value_365, 2),
    }
