"""How many customers the predicted value needs: the reliability rule's thresholds, measured.

Fits BG/NBD and Gamma-Gamma on random sub-samples of the CDNOW calibration summary (the test
fixture: 2,357 customers, 946 repeat buyers) and compares what each fit predicts for the whole
sample with what the fit on the whole sample predicts: the purchases expected over the next 39
weeks (mean per customer) and the expected spend per purchase of a customer with no history
(p γ / (q - 1)). Prints, per sub-sample size, the 5th-95th percentile of the ratio and how often a
fit did not converge or ran a parameter to the edge. Run on purpose:

    python tests/perf/predicted_stability.py [--draws 40]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from engage_desktop.core.metrics import btyd
from engage_desktop.core.metrics.predicted import PARAMETER_RANGE

FIXTURE = Path(__file__).parents[1] / "fixtures" / "cdnow" / "cdnow_customers_summary_with_transactions.csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=40)
    args = parser.parse_args()
    d = np.genfromtxt(FIXTURE, delimiter=",", names=True)
    full = btyd.fit_bgnbd(d["x"], d["t_x"], d["T"])
    full_gg = btyd.fit_gamma_gamma(d["x"], d["zbar"])
    base = btyd.expected_purchases(full, 39, d["x"], d["t_x"], d["T"]).mean()
    base_spend = full_gg.p * full_gg.gamma / (full_gg.q - 1)
    rng = np.random.default_rng(20)
    print("customers  repeat  E[X(39)] ratio p5-p95   spend ratio p5-p95   failed")
    for n in (40, 100, 200, 300, 500, 1000):
        ratios, spends, failed = [], [], 0
        for _ in range(args.draws):
            pick = rng.choice(len(d), n, replace=False)
            s = d[pick]
            m = btyd.fit_bgnbd(s["x"], s["t_x"], s["T"])
            g = btyd.fit_gamma_gamma(s["x"], s["zbar"])
            figures = [m.r, m.alpha, m.a, m.b, g.p, g.q]
            if not (m.converged and g.converged) or not all(PARAMETER_RANGE[0] < v < PARAMETER_RANGE[1]
                                                            for v in figures) or g.q <= 1:
                failed += 1
                continue
            ratios.append(btyd.expected_purchases(m, 39, d["x"], d["t_x"], d["T"]).mean() / base)
            spends.append(g.p * g.gamma / (g.q - 1) / base_spend)
        repeat = round(n * (d["x"] > 0).mean())
        lo, hi = np.percentile(ratios, [5, 95]) if ratios else (np.nan, np.nan)
        slo, shi = np.percentile(spends, [5, 95]) if spends else (np.nan, np.nan)
        print(f"{n:9d}  {repeat:6d}  {lo:6.2f} - {hi:6.2f}          {slo:6.2f} - {shi:6.2f}        "
              f"{failed}/{args.draws}")


if __name__ == "__main__":
    main()
