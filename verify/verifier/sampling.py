"""Random instances of the model, spread over the whole parameter space.

A sample is a flat dict of named parameters (its *genotype*) from which
:func:`build` makes an :class:`~verify.instance.Instance`; shrinking a
counterexample means simplifying that dict.  Draws cover condition numbers
log-uniform from 1.01 to 1e8, 1-3 levels per block, ``k`` and ``d`` from 1 to
1e6, every noise preset, gradient norms from 1e-12 to 1e12, alignments from
1e-9 to 1 - 1e-9, and step sizes over every regime with extra mass near each
boundary the claims name (eta*, eta_D, eta_B, eta_SGD, 2/(lD+lB), 2/lD, chi_c).
"""

from __future__ import annotations

import math
import random

import mpmath
from salign.theory import expression
from salign.theory import symbols as S

from .evaluate import numeric
from .instance import Instance, Level

PRESETS = ("isotropic", "hessian", "diagonal", "noiseless")


def _logu(rng: random.Random, lo: float, hi: float) -> mpmath.mpf:
    return mpmath.mpf(10) ** mpmath.mpf(rng.uniform(math.log10(lo), math.log10(hi)))


def _mults(rng: random.Random, m: int) -> list[int]:
    top = rng.choice([1, 3, 30, 1000, 10**6])
    return [max(1, int(_logu(rng, 1, top + 1))) for _ in range(m)]


def draw(rng: random.Random, kind: str, preset: str | None = None) -> dict:
    """One genotype. ``kind`` is ``two-level``, ``levels`` or ``loss-scaled`` (two-level, X1)."""
    g: dict = {"kind": kind}
    g["preset"] = preset or rng.choice(PRESETS)
    lam_B = _logu(rng, 1e-3, 1e3)
    kappa = 1 + _logu(rng, 1e-2, 1e8)
    g["seed"] = rng.randrange(2**32)
    if kind in ("two-level", "loss-scaled"):
        g.update(lam_D=lam_B * kappa, lam_B=lam_B, k=_mults(rng, 1)[0])
        g["d"] = g["k"] + _mults(rng, 1)[0]
        G = _logu(rng, 1e-12, 1e12)
        chi = 1 / (1 + mpmath.mpf(10) ** mpmath.mpf(rng.uniform(-9, 9)))
        g.update(G=G, chi=chi, a0=_logu(rng, 1e-6, 1e8), b0=_logu(rng, 1e-6, 1e8), t=rng.choice(
            [0, 1, 2, 5, rng.randrange(0, 200)]), eps=_logu(rng, 1e-6, 0.5))
    else:
        m_D, m_B = rng.randint(1, 3), rng.randint(1, 3)
        bulk = sorted((lam_B * _logu(rng, 1e-3, 1) for _ in range(m_B - 1)), reverse=True)
        dom = sorted((lam_B * kappa * _logu(rng, 1, 1e2) for _ in range(m_D - 1)), reverse=True)
        lams_D = sorted([lam_B * kappa] + dom, reverse=True)
        lams_B = [lam_B] + bulk
        g["lams_D"], g["lams_B"] = lams_D, lams_B
        g["mult_D"], g["mult_B"] = _mults(rng, m_D), _mults(rng, m_B)
        scale = _logu(rng, 1e-6, 1e6)
        g["x_D"] = [scale * _logu(rng, 1e-4, 1e4) for _ in lams_D]
        g["x_B"] = [scale * _logu(rng, 1e-4, 1e4) for _ in lams_B]
    g["sigma2"] = mpmath.mpf(0) if g["preset"] == "noiseless" else _logu(rng, 1e-8, 1e4)
    if g["preset"] == "diagonal":
        g["noise_D"] = _logu(rng, 1e-4, 1e4)  # per-level relative weights of Sigma_ii
        g["noise_B"] = _logu(rng, 1e-4, 1e4)
    g["eta_mode"] = rng.choice(["loguniform", "boundary", "boundary", "boundary"])
    g["eta_u"] = mpmath.mpf(rng.uniform(-3, 1))
    g["eta_boundary"] = rng.randrange(8)
    g["eta_offset"] = rng.choice([-1, 1]) * mpmath.mpf(10) ** mpmath.mpf(rng.uniform(-14, -0.5))
    g["chi_near_c"] = rng.random() < 0.3
    g["chi_offset"] = rng.choice([-1, 1]) * mpmath.mpf(10) ** mpmath.mpf(rng.uniform(-12, -0.5))
    return g


def _variance(preset: str, lam, sigma2, weight=1, loss=None):
    if preset == "noiseless":
        return mpmath.mpf(0)
    if preset == "isotropic":
        return sigma2
    if preset == "hessian":
        return sigma2 * lam
    if preset == "diagonal":
        return sigma2 * weight
    if preset == "loss-scaled":
        return 2 * sigma2 * loss * lam
    raise ValueError(f"unknown noise preset {preset!r}")


def _two_level_state(g: dict):
    """``(a, b)`` from the drawn ``G`` and ``chi`` (moved next to ``chi_c`` when asked)."""
    lam_D, lam_B, G, chi = g["lam_D"], g["lam_B"], g["G"], g["chi"]
    if g.get("chi_near_c") and g["preset"] != "noiseless" and g["kind"] == "two-level":
        n_D, n_B = _two_level_traces(g, None, None)
        c = numeric(expression("chi_c"), {S.lam_D: lam_D, S.lam_B: lam_B, S.n_D: n_D, S.n_B: n_B, S.G: G})
        if isinstance(c, mpmath.mpf) and 0 < c < 1:  # chi_c within 10^-dps of 1 rounds to 1: keep chi
            logit = mpmath.log(c / (1 - c)) + g["chi_offset"]
            chi = 1 / (1 + mpmath.exp(-logit))
    return chi * G / lam_D**2, (1 - chi) * G / lam_B**2


def _two_level_traces(g: dict, a, b):
    k, m = g["k"], g["d"] - g["k"]
    loss = None if a is None else (g["lam_D"] * a + g["lam_B"] * b) / 2
    preset = "loss-scaled" if g["kind"] == "loss-scaled" else g["preset"]
    vD = _variance(preset, g["lam_D"], g["sigma2"], g.get("noise_D", 1), loss)
    vB = _variance(preset, g["lam_B"], g["sigma2"], g.get("noise_B", 1), loss)
    return k * vD, m * vB


def _levels(g: dict):
    if g["kind"] in ("two-level", "loss-scaled"):
        a, b = _two_level_state(g)
        n_D, n_B = _two_level_traces(g, a, b)
        k, m = g["k"], g["d"] - g["k"]
        D = (Level(g["lam_D"], k, mpmath.sqrt(a / k), mpmath.sqrt(n_D / k)),)
        B = (Level(g["lam_B"], m, mpmath.sqrt(b / m), mpmath.sqrt(n_B / m)),)
        return D, B
    out = []
    for blk in ("D", "B"):
        out.append(tuple(
            Level(lam, mult, x, mpmath.sqrt(_variance(g["preset"], lam, g["sigma2"], g.get(f"noise_{blk}", 1))))
            for lam, mult, x in zip(g[f"lams_{blk}"], g[f"mult_{blk}"], g[f"x_{blk}"])))
    return tuple(out)


def boundaries(D, B) -> list:
    """Step sizes where some claim changes its verdict, for this spectrum and state."""
    probe = Instance(D, B, mpmath.mpf(1))
    v = probe.moments()
    lD, lB = min(lv.lam for lv in D), max(lv.lam for lv in B)
    out = [2 / (lD + lB), 2 / max(lv.lam for lv in D), numeric(expression("eta_D"), v),
           numeric(expression("eta_B"), v), numeric(expression("eta_SGD"), v), 1 / max(lv.lam for lv in D)]
    Q = numeric(expression("Q"), v)
    if Q > 0:
        out.append(numeric(expression("eta_star"), v))
    return [e for e in out if e > 0]


def build(g: dict) -> Instance:
    """The instance a genotype describes (step size placed by ``eta_mode``)."""
    D, B = _levels(g)
    lam_max = max(lv.lam for lv in D)
    if g["eta_mode"] == "loguniform":
        eta = mpmath.mpf(10) ** g["eta_u"] / lam_max
    else:
        bs = boundaries(D, B)
        eta = bs[g["eta_boundary"] % len(bs)] * (1 + g["eta_offset"])
        if eta <= 0:
            eta = bs[g["eta_boundary"] % len(bs)] / 2
    return Instance(D, B, eta)


def sample(rng: random.Random, kind: str, preset: str | None = None) -> tuple[dict, Instance]:
    """Draw genotypes until one builds (degenerate draws, e.g. underflow, are redrawn)."""
    for _ in range(100):
        g = draw(rng, kind, preset)
        try:
            return g, build(g)
        except (ValueError, ZeroDivisionError):
            continue
    raise RuntimeError("could not draw a valid instance in 100 tries")
