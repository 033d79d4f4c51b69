"""The "buy till you die" models: BG/NBD for how often a customer buys and whether they are still a
customer, Gamma-Gamma for how much they spend. Numbers only (NumPy arrays in, out), no shop, no Qt.

BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer buys
at a Poisson rate λ ~ Gamma(r, α); after each purchase they leave for good with probability
p ~ Beta(a, b). A customer is summarised by x (repeat purchases), t_x (time of the last one, from the
first purchase) and T (time from the first purchase to the end of the calibration period).

Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves"; Fader & Hardie's note
"The Gamma-Gamma model of monetary value", 2013): a customer's spend per purchase is Gamma(p, ν)
around their own mean, ν ~ Gamma(q, γ) across customers; fitted on the repeat buyers' mean spend.

Parameters are fitted by maximum likelihood with scipy.optimize on their logarithms (all must be
positive). Customers with the same summary are counted once with a weight: a shop's customers share
far fewer summaries than there are customers, which keeps a fit on 100,000 customers quick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# scipy is imported inside the functions that use it: importing scipy.optimize takes about 0.3 s, which the
# app's start (the first view, issue 18) must not pay; the predicted view and the report pay it once.

_MAX_ITERATIONS = 2000


def _maximise(minus_loglik: Callable[[np.ndarray], tuple[float, np.ndarray]], start: np.ndarray) -> tuple[np.ndarray, float, bool]:
    """The log-parameters that minimise ``minus_loglik``, its value there, and whether the optimiser says
    it converged. L-BFGS-B: on the sample shop's spends Nelder-Mead wandered up a ridge of the
    Gamma-Gamma likelihood (p to 10^7, log-likelihood 130 below the maximum) where L-BFGS-B found the
    maximum from either start. Nelder-Mead only when L-BFGS-B does not converge.

    Each parameter stays within a factor 10^6 of its start: on orders with no dropout at all (the
    benchmark's random shop) the maximum lies at r, α → ∞, a → 0, where the log-likelihood is lost to
    rounding (it came out as 0, above any real fit). At a bound the fit is reported as it is and the
    reliability rule (metrics/predicted.py) calls it implausible."""
    from scipy import optimize

    bounds = [(s - _SPAN, s + _SPAN) for s in start]
    result = optimize.minimize(minus_loglik, start, method="L-BFGS-B", jac=True, bounds=bounds)
    if not result.success:
        polish = optimize.minimize(lambda logs: minus_loglik(logs)[0], result.x, method="Nelder-Mead", bounds=bounds,
                                   options={"maxiter": _MAX_ITERATIONS, "xatol": 1e-7, "fatol": 1e-7})
        result = polish if polish.fun <= result.fun else result
    return result.x, float(result.fun), bool(result.success)


_SPAN = float(np.log(1e6))


@dataclass(frozen=True)
class BgNbd:
    r: float
    alpha: float
    a: float
    b: float
    loglik: float  # the maximised log-likelihood (summed over customers)
    converged: bool  # the optimiser says it found the maximum


@dataclass(frozen=True)
class GammaGamma:
    p: float
    q: float
    gamma: float
    loglik: float
    converged: bool


def _weighted_unique(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """The distinct rows of the columns and how many customers each stands for."""
    stacked = np.column_stack([np.asarray(c, dtype=float) for c in columns])
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    return [unique[:, i] for i in range(unique.shape[1])], counts.astype(float)


def bgnbd_loglik_each(r: float, alpha: float, a: float, b: float,
                      x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Each customer's log-likelihood (FHL 2005, eq. 6), in logs throughout so large x does not overflow."""
    from scipy import special

    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    # A4 only exists for repeat buyers; elsewhere it is -inf (a term of 0 in the sum below).
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(repeat, np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x),
                      -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


def bgnbd_loglik_and_gradient(r: float, alpha: float, a: float, b: float, weight: np.ndarray, x: np.ndarray,
                              t_x: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """The weighted log-likelihood and its gradient with respect to (log r, log α, log a, log b): the
    derivatives of eq. 6 term by term (digamma for gammaln), so the optimiser needs one evaluation per
    step instead of five (100,000 customers: about 4x quicker than numerical differences)."""
    from scipy import special

    repeat = x > 0
    xr = r + x
    a3 = -xr * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        bx1 = np.where(repeat, b + x - 1, 1.0)
        a4 = np.where(repeat, np.log(a) - np.log(bx1) - xr * np.log(alpha + t_x), -np.inf)
    total = np.logaddexp(a3, a4)
    w3, w4 = np.exp(a3 - total), np.exp(a4 - total)  # the shares of the two terms of the sum
    psi_abx = special.digamma(a + b + x)
    d_r = special.digamma(xr) - special.digamma(r) + np.log(alpha) - w3 * np.log(alpha + T) - w4 * np.log(alpha + t_x)
    d_alpha = r / alpha - w3 * xr / (alpha + T) - w4 * xr / (alpha + t_x)
    d_a = special.digamma(a + b) - psi_abx + w4 / a
    d_b = special.digamma(b + x) - psi_abx - special.digamma(b) + special.digamma(a + b) - w4 / bx1
    each = (special.gammaln(xr) - special.gammaln(r) + r * np.log(alpha)
            + special.betaln(a, b + x) - special.betaln(a, b) + total)
    gradient = np.array([weight @ d_r * r, weight @ d_alpha * alpha, weight @ d_a * a, weight @ d_b * b])
    return float(weight @ each), gradient


def fit_bgnbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> BgNbd:
    """Maximum-likelihood BG/NBD parameters for these customers (one entry per customer)."""
    (ux, ut, uT), weight = _weighted_unique(x, t_x, T)

    def minus_loglik(logs: np.ndarray) -> tuple[float, np.ndarray]:
        with np.errstate(all="ignore"):  # the optimiser tries extreme values on its way: those count as impossible
            value, gradient = bgnbd_loglik_and_gradient(*np.exp(logs), weight, ux, ut, uT)
        if not (np.isfinite(value) and np.isfinite(gradient).all()):
            return 1e300, np.zeros(4)
        return -value, -gradient

    # α is in the time unit: start it at the mean T, so the start does not depend on weeks vs days.
    start = np.log([1.0, max(float(np.average(uT, weights=weight)), 1e-3), 1.0, 1.0])
    logs, value, converged = _maximise(minus_loglik, start)
    r, alpha, a, b = (float(v) for v in np.exp(logs))
    return BgNbd(r, alpha, a, b, -value, converged and value < 1e300)


def p_alive(m: BgNbd, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """P(still a customer at T | x, t_x, T) (FHL 2005, eq. 13); 1 for a customer with no repeat purchase
    (the model lets a customer leave only right after a repeat purchase)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(x > 0, m.a / (m.b + x - 1) * np.exp((m.r + x) * (np.log(m.alpha + np.asarray(T, float))
                                                                            - np.log(m.alpha + np.asarray(t_x, float)))),
                         0.0)
    return 1.0 / (1.0 + ratio)


def expected_purchases(m: BgNbd, t: float | np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """E[X(T, T+t] | x, t_x, T]: purchases expected in the next ``t`` time units (FHL 2005, eq. 10)."""
    from scipy import special

    x = np.asarray(x, dtype=float)
    T = np.asarray(T, dtype=float)
    t = np.asarray(t, dtype=float)
    r, alpha, a, b = m.r, m.alpha, m.a, m.b
    z = t / (alpha + T + t)
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    tail = np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp
    return (a + b + x - 1) / (a - 1) * (1 - tail) * p_alive(m, x, t_x, T)


def gamma_gamma_loglik_each(p: float, q: float, gamma: float, x: np.ndarray, mean_spend: np.ndarray) -> np.ndarray:
    """Each repeat buyer's log-likelihood of their mean spend over ``x`` purchases (Fader & Hardie 2013,
    eq. 5), without the terms that do not depend on the parameters."""
    from scipy import special

    x = np.asarray(x, dtype=float)
    m = np.asarray(mean_spend, dtype=float)
    return (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(gamma)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(x * m + gamma))


def gamma_gamma_loglik_and_gradient(p: float, q: float, gamma: float, weight: np.ndarray, x: np.ndarray,
                                    m: np.ndarray) -> tuple[float, np.ndarray]:
    """The weighted log-likelihood and its gradient with respect to (log p, log q, log γ)."""
    from scipy import special

    px = p * x
    psi_pxq = special.digamma(px + q)
    log_xmg = np.log(x * m + gamma)
    d_p = x * (psi_pxq - special.digamma(px) + np.log(m) + np.log(x) - log_xmg)
    d_q = psi_pxq - special.digamma(q) + np.log(gamma) - log_xmg
    d_gamma = q / gamma - (px + q) / (x * m + gamma)
    each = gamma_gamma_loglik_each(p, q, gamma, x, m)
    return float(weight @ each), np.array([weight @ d_p * p, weight @ d_q * q, weight @ d_gamma * gamma])


def fit_gamma_gamma(x: np.ndarray, mean_spend: np.ndarray) -> GammaGamma:
    """Gamma-Gamma parameters from the repeat buyers (x > 0, mean spend > 0; others are left out)."""
    x = np.asarray(x, dtype=float)
    m = np.asarray(mean_spend, dtype=float)
    keep = (x > 0) & (m > 0)
    (ux, um), weight = _weighted_unique(x[keep], m[keep])

    def minus_loglik(logs: np.ndarray) -> tuple[float, np.ndarray]:
        with np.errstate(all="ignore"):
            value, gradient = gamma_gamma_loglik_and_gradient(*np.exp(logs), weight, ux, um)
        if not (np.isfinite(value) and np.isfinite(gradient).all()):
            return 1e300, np.zeros(3)
        return -value, -gradient

    # γ is in money: start it at the mean spend, so the start does not depend on yen vs dollars.
    start = np.log([1.0, 1.0, max(float(np.average(um, weights=weight)) if len(um) else 1.0, 1e-6)])
    logs, value, converged = _maximise(minus_loglik, start)
    p, q, gamma = (float(v) for v in np.exp(logs))
    return GammaGamma(p, q, gamma, -value, converged and value < 1e300)


def expected_spend(m: GammaGamma, x: np.ndarray, mean_spend: np.ndarray) -> np.ndarray:
    """E[spend per purchase | x, mean spend] (Fader & Hardie 2013, eq. 8): the customer's own mean pulled
    towards the shop's by how few purchases it rests on; a customer with none gets the shop's mean,
    p γ / (q - 1) (infinite when q <= 1: the caller must check)."""
    x = np.asarray(x, dtype=float)
    spend = np.where(x > 0, np.asarray(mean_spend, dtype=float), 0.0)
    return m.p * (m.gamma + x * spend) / (m.p * x + m.q - 1)
