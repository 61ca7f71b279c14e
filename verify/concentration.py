"""C1: how closely the random alignment after a real SGD step follows the mean-field one.

For Gaussian noise the squared norm of a level of multiplicity ``m`` with all
coordinates equal to ``x`` and per-coordinate noise std ``tau`` is, after one
step, exactly distributed as ``((1 - eta lam) sqrt(m) x - eta tau z)^2 + eta^2 tau^2 chi2_{m-1}``
(rotate the level so that its mean points along one axis).  So the true
``E[chi(x')]`` is estimated by Monte Carlo at a cost independent of ``d``,
and compared with the mean-field ``chi-bar'`` from the one-step expectation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import oracles
from .instance import two_level


@dataclass
class GapRow:
    k: int
    d: int
    mean_field: float
    true_mean: float
    gap: float
    stderr: float


def _level_sq_norm(rng, m, x, lam, tau, eta, draws):
    mean = (1 - eta * lam) * np.sqrt(m) * x
    z = rng.standard_normal(draws)
    rest = rng.chisquare(m - 1, draws) if m > 1 else np.zeros(draws)
    return (mean - eta * tau * z) ** 2 + (eta * tau) ** 2 * rest


def gap_table(ks=(1, 10, 100, 10**3, 10**4, 10**5, 10**6), ratio: int = 9, draws: int = 400_000,
              seed: int = 0, lam_D=10.0, lam_B=1.0, chi=0.5, G=1.0, sigma2=1.0, eta=0.05) -> list[GapRow]:
    """The gap |E[chi(x')] - chi-bar'| for ``k`` dominant and ``ratio*k`` bulk coordinates.

    The state has fixed alignment ``chi`` and gradient norm ``G`` and the noise is
    isotropic with per-coordinate variance ``sigma2 / d`` (total noise fixed), so
    only the dimension changes along the table.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for k in ks:
        d = k + ratio * k
        a, b = chi * G / lam_D**2, (1 - chi) * G / lam_B**2
        tau2 = sigma2 / d
        inst = two_level(lam_D, lam_B, k, d, a, b, tau2 * k, tau2 * (d - k), eta)
        mf = float(alignment_after(inst))
        sD = _level_sq_norm(rng, k, np.sqrt(a / k), lam_D, np.sqrt(tau2), eta, draws)
        sB = _level_sq_norm(rng, d - k, np.sqrt(b / (d - k)), lam_B, np.sqrt(tau2), eta, draws)
        chis = lam_D**2 * sD / (lam_D**2 * sD + lam_B**2 * sB)
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
