"""C1: how closely the random alignment after a real SGD step follows the mean-field one.

The true ``E[chi(x')]`` is estimated by Monte Carlo with the reduced engine of
:mod:`verify.simulate` (exact in law, cost independent of ``d``) and compared
with the mean-field ``chi-bar'`` from the one-step expectation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from salign.verify.verifier import oracles
from salign.verify.verifier.instance import two_level


@dataclass
class GapRow:
    k: int
    d: int
    mean_field: float
    true_mean: float
    gap: float
    stderr: float


def gap_table(ks=(1, 10, 100, 10**3, 10**4, 10**5, 10**6), ratio: int = 9, draws: int = 400_000,
              seed: int = 0, lam_D=10.0, lam_B=1.0, chi=0.5, G=1.0, sigma2=1.0, eta=0.05) -> list[GapRow]:
    """The gap |E[chi(x')] - chi-bar'| for ``k`` dominant and ``ratio*k`` bulk coordinates.

    The state has fixed alignment ``chi`` and gradient norm ``G`` and the noise is
    isotropic with per-coordinate variance ``sigma2 / d`` (total noise fixed), so
    only the dimension changes along the table.  ``E[chi(x')]`` is measured over
    ``draws`` real SGD steps (the reduced engine, exact in law); ``chi-bar'`` comes
    from the one-step expectation (the oracle).
    """
    from .simulate import Spectrum, reduced

    rows = []
    for i, k in enumerate(ks):
        d = k + ratio * k
        a, b = chi * G / lam_D**2, (1 - chi) * G / lam_B**2
        tau2 = sigma2 / d
        mf = float(alignment_after(two_level(lam_D, lam_B, k, d, a, b, tau2 * k, tau2 * (d - k), eta)))
        chis = reduced(Spectrum.two_level(lam_D, lam_B, k, d), [a, b], eta, 1, draws, "isotropic", tau2,
                       seed=seed + i).chi[:, 1]
        m, se = float(chis.mean()), float(chis.std(ddof=1) / np.sqrt(draws))
        rows.append(GapRow(k, d, mf, m, abs(m - mf), se))
    return rows


def alignment_after(inst):
    """Mean-field ``chi-bar'`` from the one-step expectation (oracle)."""
    eD, eB = oracles.expected_G(inst, "D"), oracles.expected_G(inst, "B")
    return eD / (eD + eB)


def rate(rows: list[GapRow]) -> float:
    """Least-squares slope of log gap against log k, over rows where the gap exceeds 3 standard errors."""
    pts = [(np.log(r.k), np.log(r.gap)) for r in rows if r.gap > 3 * r.stderr]
    if len(pts) < 2:
        return float("nan")
    x, y = np.array(pts).T
    return float(np.polyfit(x, y, 1)[0])
