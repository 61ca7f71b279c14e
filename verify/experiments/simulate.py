"""Simulate real SGD, Dom-SGD and Bulk-SGD on a multi-level quadratic (THEORY.md §1).

Two engines, one interface:

* ``full``: every coordinate, vectorised numpy (the reference);
* ``reduced``: exact in law when the noise is isotropic within each eigenvalue
  level (true for every preset).  Rotating a level so its mean points along one
  axis, its squared norm ``s`` after one step is distributed as
  ``((1 - eta lam) sqrt(s) - eta tau z)^2 + eta^2 tau^2 chi2_{m-1}``
  (``tau^2`` the level's per-coordinate noise variance, ``m`` its multiplicity,
  ``z ~ N(0, 1)`` independent of the chi-square).  A step costs O(levels),
  whatever ``d``.  Dom-SGD and Bulk-SGD freeze the other block's levels.

Both record, per step and seed, the alignment ``chi``, the loss and the block losses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from salign.theory.errors import UserError
from salign.theory.model import FORMULA_PRESETS, noise_variance

VARIANTS = ("sgd", "dom", "bulk")
PRESETS = FORMULA_PRESETS


class SimulationError(UserError):
    """A simulation that cannot be run as asked; the message names the fix."""


@dataclass(frozen=True)
class Spectrum:
    """Eigenvalue levels: ``lam_D``/``m_D`` dominant, ``lam_B``/``m_B`` bulk (lists, one entry per level)."""

    lam_D: tuple
    m_D: tuple
    lam_B: tuple
    m_B: tuple

    def __post_init__(self):
        for name in ("lam_D", "m_D", "lam_B", "m_B"):
            if len(getattr(self, name)) == 0:
                raise SimulationError(f"{name} is empty: each block needs at least one level (1 <= k < d)")
        if len(self.lam_D) != len(self.m_D) or len(self.lam_B) != len(self.m_B):
            raise SimulationError("each eigenvalue level needs a multiplicity")
        if min(self.lam_D + self.lam_B) <= 0:
            raise SimulationError("eigenvalues must be positive (H positive definite)")
        if min(self.m_D + self.m_B) < 1 or any(int(m) != m for m in self.m_D + self.m_B):
            raise SimulationError("multiplicities must be positive integers")
        if min(self.lam_D) <= max(self.lam_B):
            raise SimulationError(f"no spectral gap: min dominant eigenvalue {min(self.lam_D)} <= max bulk "
                                  f"eigenvalue {max(self.lam_B)}")

    @property
    def lam(self) -> np.ndarray:
        return np.array(self.lam_D + self.lam_B, dtype=float)

    @property
    def mult(self) -> np.ndarray:
        return np.array(self.m_D + self.m_B, dtype=float)

    @property
    def n_D(self) -> int:
        return len(self.lam_D)

    @property
    def k(self) -> int:
        return int(sum(self.m_D))

    @property
    def d(self) -> int:
        return self.k + int(sum(self.m_B))

    @classmethod
    def parse(cls, text: str) -> "Spectrum":
        """``"10x3,6x2/1x20,0.5x25"``: dominant levels / bulk levels, each ``eigenvalue x multiplicity``."""
        try:
            blocks = text.split("/")
            if len(blocks) != 2:
                raise ValueError
            levels = [[(float(lv.split("x")[0]), int(lv.split("x")[1])) for lv in blk.split(",")] for blk in blocks]
        except (ValueError, IndexError):
            raise SimulationError(f"cannot read spectrum {text!r}: write dominant/bulk levels as "
                                  "'lamxmult,...', e.g. '10x3,6x2/1x20,0.5x25'") from None
        (D, B) = levels
        return cls(tuple(l for l, _ in D), tuple(m for _, m in D), tuple(l for l, _ in B), tuple(m for _, m in B))

    @classmethod
    def two_level(cls, lam_D: float, lam_B: float, k: int, d: int) -> "Spectrum":
        if not (isinstance(k, int) and isinstance(d, int) and 1 <= k < d):
            raise SimulationError(f"need integers 1 <= k < d, got k={k}, d={d}")
        return cls((float(lam_D),), (k,), (float(lam_B),), (d - k,))


@dataclass
class Run:
    """Per-step records, arrays of shape (seeds, steps + 1)."""

    chi: np.ndarray
    loss: np.ndarray
    loss_D: np.ndarray
    loss_B: np.ndarray
    meta: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"chi": self.chi, "loss": self.loss, "loss_D": self.loss_D, "loss_B": self.loss_B}


def _moving(spec: Spectrum, variant: str) -> np.ndarray:
    if variant not in VARIANTS:
        raise SimulationError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    nD = spec.n_D
    mov = np.ones(len(spec.lam), dtype=bool)
    if variant == "dom":
        mov[nD:] = False
    elif variant == "bulk":
        mov[:nD] = False
    return mov


def _tau2(spec: Spectrum, preset: str, sigma2: float, loss) -> np.ndarray:
    """Per-coordinate noise variance of each level (``loss`` per seed for the loss-scaled preset)."""
    if preset not in PRESETS:
        raise SimulationError(f"unknown noise preset {preset!r}; choose one of {', '.join(PRESETS)}")
    return noise_variance(preset, spec.lam, np.asarray(loss)[..., None] if preset == "loss-scaled" else None, sigma2)


def _check(eta, steps, seeds, sigma2):
    if not eta > 0:
        raise SimulationError(f"step size eta = {eta} must be > 0")
    if not (isinstance(steps, int) and steps >= 1):
        raise SimulationError(f"steps must be a positive integer, got {steps!r}")
    if not (isinstance(seeds, int) and seeds >= 1):
        raise SimulationError(f"seeds must be a positive integer, got {seeds!r}")
    if sigma2 < 0:
        raise SimulationError(f"sigma2 = {sigma2} must be >= 0")


def _records(spec, s):
    """chi, loss, block losses from per-level squared norms ``s`` (..., levels)."""
    lam, nD = spec.lam, spec.n_D
    g = lam**2 * s
    gD, gB = g[..., :nD].sum(-1), g[..., nD:].sum(-1)
    lossl = 0.5 * lam * s
    lD, lB = lossl[..., :nD].sum(-1), lossl[..., nD:].sum(-1)
    return gD / (gD + gB), lD + lB, lD, lB


def reduced(spec: Spectrum, s0, eta: float, steps: int, seeds: int = 1, preset: str = "isotropic",
            sigma2: float = 0.0, variant: str = "sgd", seed: int = 0) -> Run:
    """The reduced engine: per-level squared norms, exact in law."""
    _check(eta, steps, seeds, sigma2)
    rng = np.random.default_rng(seed)
    lam, m = spec.lam, spec.mult
    mov = _moving(spec, variant)
    s = np.broadcast_to(np.asarray(s0, dtype=float), (seeds, len(lam))).copy()
    out = np.empty((4, seeds, steps + 1))
    out[:, :, 0] = _records(spec, s)
    c = 1 - eta * lam
    for t in range(1, steps + 1):
        tau2 = _tau2(spec, preset, sigma2, out[1, :, t - 1])
        tau = np.sqrt(tau2)
        z = rng.standard_normal((seeds, len(lam)))
        rest = np.where(m > 1, rng.chisquare(np.maximum(m - 1, 1), (seeds, len(lam))), 0.0)
        new = (c * np.sqrt(s) - eta * tau * z) ** 2 + eta**2 * tau2 * rest
        s = np.where(mov, new, s)
        out[:, :, t] = _records(spec, s)
    return Run(*out, meta={"engine": "reduced", "d": spec.d, "k": spec.k, "eta": eta, "preset": preset,
                           "sigma2": sigma2, "variant": variant, "seeds": seeds, "steps": steps, "seed": seed})


def full(spec: Spectrum, s0, eta: float, steps: int, seeds: int = 1, preset: str = "isotropic",
         sigma2: float = 0.0, variant: str = "sgd", seed: int = 0) -> Run:
    """The full engine: all ``d`` coordinates (each level's coordinates start equal), one seed at a time."""
    _check(eta, steps, seeds, sigma2)
    rng = np.random.default_rng(seed)
    mult = spec.mult.astype(int)
    bounds = np.concatenate([[0], np.cumsum(mult)])
    lam_lv = spec.lam
    mov = _moving(spec, variant)
    s0 = np.broadcast_to(np.asarray(s0, dtype=float), (len(lam_lv),))
    out = np.empty((4, seeds, steps + 1))
    d = spec.d
    x = np.empty(d)
    z = np.empty(d)
    c1 = np.empty(d)
    c2 = np.empty(d)
    for r in range(seeds):
        for i in range(len(lam_lv)):
            x[bounds[i]:bounds[i + 1]] = np.sqrt(s0[i] / mult[i])
        s = s0.copy()
        out[:, r, 0] = _records(spec, s)
        for t in range(1, steps + 1):
            tau = np.sqrt(_tau2(spec, preset, sigma2, out[1, r, t - 1]))
            for i in range(len(lam_lv)):  # per-coordinate factors, constant within a level
                sl = slice(bounds[i], bounds[i + 1])
                c1[sl] = 1 - eta * lam_lv[i] if mov[i] else 1.0
                c2[sl] = eta * tau[i] if mov[i] else 0.0
            rng.standard_normal(out=z)
            np.multiply(x, c1, out=x)  # x' = (1 - eta lam) x - eta tau z, in place
            np.multiply(z, c2, out=z)
            np.subtract(x, z, out=x)
            s = np.array([np.dot(x[bounds[i]:bounds[i + 1]], x[bounds[i]:bounds[i + 1]])
                          for i in range(len(lam_lv))])
            out[:, r, t] = _records(spec, s)
    return Run(*out, meta={"engine": "full", "d": d, "k": spec.k, "eta": eta, "preset": preset,
                           "sigma2": sigma2, "variant": variant, "seeds": seeds, "steps": steps, "seed": seed})


ENGINES = {"full": full, "reduced": reduced}


def mean_field(spec: Spectrum, s0, eta: float, steps: int, preset: str = "isotropic", sigma2: float = 0.0,
               variant: str = "sgd") -> Run:
    """The mean-field trajectory: ``E[s'] = (1 - eta lam)^2 s + eta^2 tau^2 m`` per level, iterated."""
    lam, m = spec.lam, spec.mult
    mov = _moving(spec, variant)
    s = np.asarray(s0, dtype=float).copy()
    out = np.empty((4, 1, steps + 1))
    out[:, 0, 0] = _records(spec, s)
    for t in range(1, steps + 1):
        tau2 = _tau2(spec, preset, sigma2, out[1, 0, t - 1])
        s = np.where(mov, (1 - eta * lam) ** 2 * s + eta**2 * tau2 * m, s)
        out[:, 0, t] = _records(spec, s)
    return Run(*out, meta={"engine": "mean-field"})


def agreement(spec: Spectrum, s0, eta: float, steps_at=(1, 5, 20), seeds: int = 1000, preset: str = "isotropic",
              sigma2: float = 0.5, variant: str = "sgd", seed: int = 0) -> list[dict]:
    """Two-sample Kolmogorov-Smirnov tests of chi (and the loss) between the two engines, at several steps."""
    from scipy.stats import ks_2samp

    T = max(steps_at)
    F = full(spec, s0, eta, T, seeds, preset, sigma2, variant, seed=seed)
    R = reduced(spec, s0, eta, T, seeds, preset, sigma2, variant, seed=seed + 1)
    return [{"step": t, "preset": preset, "variant": variant,
             "p_chi": float(ks_2samp(F.chi[:, t], R.chi[:, t]).pvalue),
             "p_loss": float(ks_2samp(F.loss[:, t], R.loss[:, t]).pvalue)} for t in steps_at]


# --- one run from the command line's parameters (and grids of them) -------------------------------------

#: the parameters of a custom run, with their types (a grid may vary any of them)
RUN_PARAMETERS = {"engine": str, "preset": str, "variants": str, "spectrum": str, "kappa": float, "lam_B": float,
                  "k": int, "d": int, "chi": float, "G": float, "eta": float, "sigma2": float, "steps": int,
                  "seeds": int, "seed": int}


def custom_run(p: dict) -> tuple[dict, dict]:
    """``(summary, arrays)`` of SGD / Dom-SGD / Bulk-SGD from alignment ``chi`` and gradient norm ``G``.

    The state spreads ``chi G`` over the dominant levels and ``(1 - chi) G`` over the bulk ones
    in proportion to their multiplicities.
    """
    import time

    if not p["eta"] > 0:
        raise SimulationError(f"--eta {p['eta']}: the step size must be > 0")
    if not 0 < p["chi"] < 1 or not p["G"] > 0:
        raise SimulationError("need 0 < --chi < 1 and -G > 0")
    if p.get("engine") not in ENGINES:
        raise SimulationError(f"unknown engine {p.get('engine')!r}; choose one of {', '.join(ENGINES)}")
    spec = (Spectrum.parse(p["spectrum"]) if p.get("spectrum")
            else Spectrum.two_level(p["kappa"] * p["lam_B"], p["lam_B"], p["k"], p["d"]))
    wD = np.array(spec.m_D, float) / sum(spec.m_D)
    wB = np.array(spec.m_B, float) / sum(spec.m_B)
    s0 = list(p["chi"] * p["G"] * wD / np.array(spec.lam_D) ** 2) + \
        list((1 - p["chi"]) * p["G"] * wB / np.array(spec.lam_B) ** 2)
    t0 = time.perf_counter()
    runs = {v.strip(): ENGINES[p["engine"]](spec, s0, p["eta"], p["steps"], p["seeds"], p["preset"], p["sigma2"],
                                            v.strip(), seed=p["seed"])
            for v in p["variants"].split(",")}
    arrays = {f"{v}_{name}": arr for v, r in runs.items() for name, arr in r.as_dict().items()}
    summary = {"spectrum": {"lambda_D": list(spec.lam_D), "m_D": list(spec.m_D), "lambda_B": list(spec.lam_B),
                            "m_B": list(spec.m_B), "k": spec.k, "d": spec.d},
               "initial": {"level_norms": s0, "chi": p["chi"], "G": p["G"]},
               "runs": {v: {**r.meta, "chi_final_median": float(np.median(r.chi[:, -1])),
                            "loss_initial": float(r.loss[0, 0]), "loss_final_median": float(np.median(r.loss[:, -1]))}
                        for v, r in runs.items()},
               "seconds": round(time.perf_counter() - t0, 3)}
    return summary, arrays


def grid_point(point: dict, base: dict) -> dict:
    """One point of a ``salign simulate --grid``: the summary of the custom run with ``point``'s parameters."""
    return custom_run({**base, **point})[0]
