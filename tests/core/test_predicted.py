"""Predicted value per customer (metrics/btyd.py, metrics/predicted.py).

- The fit reproduces Fader, Hardie & Lee (2005) on the CDNOW sample (tests/fixtures/cdnow, from the
  lifetimes 0.11.3 wheel): BG/NBD r 0.243, α 4.414, a 0.793, b 2.426, LL -9582.4 ("Counting your
  customers the easy way", section 5); Gamma-Gamma p 6.25, q 3.74, γ 15.44 ("RFM and CLV: using
  iso-value curves for customer base analysis", 2005, section 4).
- P(alive) and the expected purchases of three customers, worked out here from the published
  formulas in plain Python (2F1 by its power series), not by the code under test.
- The summary (order days, weeks, spend of repeat days) of a hand-made shop imported for real.
- The reliability rule: a 40-customer shop gets the simple LTV and the reason; the sample shop passes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from engage_desktop.core.importing.pipeline import import_file
from engage_desktop.core.messages import in_language
from engage_desktop.core.metrics import btyd, predicted
from engage_desktop.core.metrics.ltv import CUSTOMER_COLUMNS
from engage_desktop.core.metrics.report import build_report
from engage_desktop.core.store import Store
from tests.helpers import write_csv

CDNOW = Path(__file__).parents[1] / "fixtures" / "cdnow" / "cdnow_customers_summary_with_transactions.csv"
# The published estimates (FHL 2005).
R, ALPHA, A, B = 0.243, 4.414, 0.793, 2.426
PAPER = btyd.BgNbd(R, ALPHA, A, B, -9582.4, True)


def sig3(value: float) -> float:
    return float(f"{value:.3g}")


@pytest.fixture(scope="module")
def cdnow() -> np.ndarray:
    return np.genfromtxt(CDNOW, delimiter=",", names=True)


def test_the_fit_reproduces_the_papers_figures_on_cdnow(cdnow: np.ndarray) -> None:
    assert len(cdnow) == 2357 and int((cdnow["x"] > 0).sum()) == 946
    m = btyd.fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])
    assert m.converged
    assert [sig3(v) for v in (m.r, m.alpha, m.a, m.b)] == [sig3(v) for v in (R, ALPHA, A, B)]
    assert round(m.loglik, 1) == -9582.4
    g = btyd.fit_gamma_gamma(cdnow["x"], cdnow["zbar"])  # the repeat buyers' mean spend (x = 0 left out)
    assert g.converged
    assert [sig3(v) for v in (g.p, g.q, g.gamma)] == [sig3(v) for v in (6.25, 3.74, 15.44)]


# -- the published formulas, written out independently ------------------------------------------
def hyp2f1_series(a: float, b: float, c: float, z: float) -> float:
    """Gauss's hypergeometric function by its power series: sum (a)_n (b)_n / (c)_n z^n / n!, |z| < 1."""
    total, term, n = 1.0, 1.0, 0
    while abs(term) > 1e-15 * abs(total):
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        total += term
        n += 1
    return total


def p_alive_by_hand(r: float, alpha: float, a: float, b: float, x: int, t_x: float, T: float) -> float:
    """FHL 2005, eq. (13): 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x))."""
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))


def expected_by_hand(r: float, alpha: float, a: float, b: float, x: int, t_x: float, T: float, t: float) -> float:
    """FHL 2005, eq. (10): E[X(t) | x, t_x, T] =
    (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] x P(alive)."""
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1_series(r + x, b + x, a + b + x - 1, z)
    return (a + b + x - 1) / (a - 1) * bracket * p_alive_by_hand(r, alpha, a, b, x, t_x, T)


# Customer 1 of the CDNOW sample, a customer who never came back, and a frequent buyer who went quiet.
CUSTOMERS = [(2, 30.43, 38.86), (0, 0.0, 38.86), (7, 15.0, 38.86)]


@pytest.mark.parametrize("x,t_x,T", CUSTOMERS)
def test_p_alive_and_expected_purchases_follow_the_published_formulas(x: int, t_x: float, T: float) -> None:
    xs, txs, Ts = np.array([x]), np.array([t_x]), np.array([T])
    assert btyd.p_alive(PAPER, xs, txs, Ts)[0] == pytest.approx(p_alive_by_hand(R, ALPHA, A, B, x, t_x, T), rel=1e-9)
    for t in (13.0, 39.0, 52.0):
        assert btyd.expected_purchases(PAPER, t, xs, txs, Ts)[0] == pytest.approx(
            expected_by_hand(R, ALPHA, A, B, x, t_x, T, t), rel=1e-9)


def test_the_hand_worked_figures_are_what_they_should_be() -> None:
    # Customer 1 (x=2, t_x=30.43, T=38.86): 1.226 purchases expected in the next 39 weeks, the figure
    # quoted for this customer in the lifetimes documentation; alive with 72.7%.
    assert round(expected_by_hand(R, ALPHA, A, B, 2, 30.43, 38.86, 39), 3) == 1.226
    assert round(p_alive_by_hand(R, ALPHA, A, B, 2, 30.43, 38.86), 3) == 0.727
    # The quiet frequent buyer is most likely gone: 7 purchases in 15 weeks, then 24 weeks of none.
    assert p_alive_by_hand(R, ALPHA, A, B, 7, 15.0, 38.86) < 0.05


def test_expected_spend_follows_the_published_formula() -> None:
    g = btyd.GammaGamma(6.25, 3.74, 15.44, 0.0, True)
    # Fader & Hardie (2013) eq. (8): p (γ + x zbar) / (p x + q - 1); with x = 0 the shop's mean p γ / (q - 1).
    got = btyd.expected_spend(g, np.array([2, 0]), np.array([22.35, 0.0]))
    assert got[0] == pytest.approx(6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1), rel=1e-12)
    assert got[1] == pytest.approx(6.25 * 15.44 / (3.74 - 1), rel=1e-12)


def test_the_next_order_is_the_first_day_one_purchase_is_expected() -> None:
    xs, txs, Ts = (np.array([c[i] for c in CUSTOMERS], dtype=float) for i in range(3))
    days = predicted.next_order_days(PAPER, xs, txs, Ts)
    for (x, t_x, T), d in zip(CUSTOMERS, days):
        if d < 0:  # none within the horizon: fewer than one purchase expected by then
            assert expected_by_hand(R, ALPHA, A, B, x, t_x, T, predicted.NEXT_ORDER_HORIZON_DAYS / 7) < 1
        else:
            assert expected_by_hand(R, ALPHA, A, B, x, t_x, T, d / 7) >= 1 > expected_by_hand(
                R, ALPHA, A, B, x, t_x, T, (d - 1) / 7)
    # Customer 1 buys about 1.23 times in 39 weeks: one purchase is expected within them.
    assert 0 < days[0] <= 39 * 7
    assert days[2] == -1  # the quiet one: not even one purchase expected in three years


# -- the summary of a real (hand-made) shop --------------------------------------------------------
HEADER = ["注文番号", "注文日時", "メールアドレス", "金額"]
AS_OF = dt.date(2025, 3, 12)


def test_one_purchase_per_day_and_weeks_from_a_real_import(tmp_shop: Store, tmp_path: Path) -> None:
    rows = [HEADER,
            # a: two orders on 1 January are one purchase; then 15 January and 12 February.
            ["A1", "2025/01/01 10:00", "a@x.jp", "1000"], ["A2", "2025/01/01 18:30", "a@x.jp", "500"],
            ["A3", "2025/01/15 12:00", "a@x.jp", "2000"], ["A4", "2025/02/12 12:00", "a@x.jp", "3000"],
            # b: one purchase two weeks before the as-of date.
            ["B1", "2025/02/26 12:00", "b@x.jp", "4000"],
            # c: a refund alone on 22 January is no purchase; the one on 29 January comes off that day's spend.
            ["C1", "2025/01/08 12:00", "c@x.jp", "4000"], ["C2", "2025/01/22 12:00", "c@x.jp", "-700"],
            ["C3", "2025/01/29 12:00", "c@x.jp", "3000"], ["C4", "2025/01/29 15:00", "c@x.jp", "-1000"],
            # d: after the as-of date, not counted at all.
            ["D1", "2025/03/20 12:00", "d@x.jp", "9000"]]
    assert import_file(tmp_shop, write_csv(tmp_path / "orders.csv", rows)).status == "imported"
    s = predicted.summary(tmp_shop, AS_OF)
    got = {k.split(":", 1)[-1]: (x, t_x, T, m) for k, x, t_x, T, m in zip(s.keys, s.x, s.t_x, s.T, s.mean_spend)}
    assert got == {
        "a@x.jp": (2, 42 / 7, 70 / 7, (2000 + 3000) / 2),  # 1 Jan → 12 Feb = 6 weeks; → 12 Mar = 10 weeks
        "b@x.jp": (0, 0.0, 14 / 7, 0.0),
        "c@x.jp": (1, 21 / 7, 63 / 7, 3000 - 1000),
    }


# -- the reliability rule -----------------------------------------------------------------------------
def _small_shop(store: Store, folder: Path, customers: int) -> Store:
    """``customers`` customers over two years, every second one buying again every 60 days."""
    rows = [HEADER]
    start = dt.date(2024, 1, 1)
    for c in range(customers):
        first = start + dt.timedelta(days=7 * c)
        buys = 4 if c % 2 else 1
        for k in range(buys):
            day = first + dt.timedelta(days=60 * k)
            rows.append([f"O{c}-{k}", day.strftime("%Y/%m/%d") + " 12:00", f"c{c}@x.jp", str(1000 + 100 * c)])
    assert import_file(store, write_csv(folder / "orders.csv", rows)).status == "imported"
    return store


def test_forty_customers_get_the_simple_ltv_and_the_reason(tmp_shop: Store, tmp_path: Path) -> None:
    shop = _small_shop(tmp_shop, tmp_path, 40)
    result = predicted.predicted(shop, dt.date(2025, 12, 31))
    assert not result.verdict.reliable
    assert result.verdict.reason == "few_customers"
    assert (result.verdict.customers, result.verdict.repeat_buyers) == (40, 20)
    assert result.expected_365 is None and result.value_365 is None
    # The simple LTV's list: no P(alive), no predicted value; highest LTV first.
    assert result.customers.columns == CUSTOMER_COLUMNS
    ltvs = result.customers.column("ltv")
    assert len(ltvs) == 40 and ltvs == sorted(ltvs, reverse=True)
    assert "40" in result.verdict.text() and f"{predicted.MIN_CUSTOMERS}" in result.verdict.text()
    with in_language("ja"):
        assert "40" in result.verdict.text() and "LTV" in result.verdict.text()
    assert predicted.by_p_alive(result).rows == []


def _summary(customers: int, repeat: int, weeks: float) -> predicted.Summary:
    x = np.array([3.0] * repeat + [0.0] * (customers - repeat))
    return predicted.Summary([f"c{i}" for i in range(customers)], x, np.where(x > 0, weeks / 2, 0.0),
                             np.full(customers, weeks), np.where(x > 0, 3000.0, 0.0))


FIT = btyd.BgNbd(1.4, 18.4, 0.17, 0.27, -1.0, True)
SPEND = btyd.GammaGamma(7.6, 20.6, 14500.0, -1.0, True)


@pytest.mark.parametrize("customers,repeat,weeks,frequency,spend,reason", [
    (400, 200, 100, FIT, SPEND, None),
    (299, 200, 100, FIT, SPEND, "few_customers"),
    (400, 99, 100, FIT, SPEND, "few_repeat_buyers"),
    (400, 200, 25, FIT, SPEND, "short_history"),
    (400, 200, 100, btyd.BgNbd(1.4, 18.4, 0.17, 0.27, -1.0, False), SPEND, "not_converged"),
    (400, 200, 100, FIT, btyd.GammaGamma(7.6, 0.9, 14500.0, -1.0, True), "implausible"),  # q <= 1
    (400, 200, 100, btyd.BgNbd(1e5, 18.4, 0.17, 0.27, -1.0, True), SPEND, "implausible"),  # ran to an edge
])
def test_the_rule_names_the_first_thing_missing(customers: int, repeat: int, weeks: float, frequency: btyd.BgNbd,
                                                spend: btyd.GammaGamma, reason: str | None) -> None:
    verdict = predicted.judge(_summary(customers, repeat, weeks), frequency, spend)
    assert (verdict.reliable, verdict.reason) == (reason is None, reason)


def test_the_sample_shop_is_reliable_and_its_report_has_the_section(tmp_path: Path) -> None:
    from engage_desktop.core.sample import create_sample_shop

    store = Store(create_sample_shop(tmp_path / "sample.duckdb"))
    try:
        report = build_report(store)
        section = report["predicted"]
        assert set(section) >= {"r", "alpha", "a", "b", "p", "q", "gamma", "loglik", "time_unit", "customers",
                                "repeat_buyers", "reliable", "reason", "expected_90", "expected_365", "value_365"}
        assert section["time_unit"] == "week" and section["reliable"] and section["reason"] is None
        assert section["customers"] == report["customers"]
        result = predicted.predicted(store, dt.date.fromisoformat(report["as_of"]))
        assert result.customers.columns == predicted.PREDICTED_LIST_COLUMNS
        alive = result.customers.column("p_alive")
        assert all(0 <= p <= 1 for p in alive) and len(alive) == report["customers"]
        values = result.customers.column("value_365")
        assert values == sorted(values, reverse=True)
        assert sum(values) == pytest.approx(section["value_365"], rel=1e-3)
        assert sum(row[2] for row in predicted.by_p_alive(result).rows) == report["customers"]
    finally:
        store.close()


def test_an_unchanged_shop_is_fitted_once_and_a_changed_one_again(cdnow: np.ndarray) -> None:
    x, t_x, T, zbar = (np.asarray(cdnow[c], dtype=float) for c in ("x", "t_x", "T", "zbar"))
    summary = predicted.Summary([str(i) for i in range(len(x))], x, t_x, T, zbar)
    first = predicted.fit(summary)
    # the same numbers (a new Summary: as the next view asks): the fit kept, not a new one
    assert predicted.fit(predicted.Summary(list(summary.keys), x.copy(), t_x.copy(), T.copy(), zbar.copy())) is first
    later = predicted.Summary(summary.keys, x, t_x, T + 1.0, zbar)  # a week on: another fit
    assert predicted.fit(later) is not first and predicted.fit(later)[0].r != first[0].r
