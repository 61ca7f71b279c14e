"""A numeric instance of the model: spectrum, state, noise and step size.

The instance stores *coordinates*: each eigenvalue level holds ``mult``
coordinates with the same value ``x`` and the same noise standard deviation
``sigma``.  (Every claim depends on a level only through ``sum x_i^2`` and
``sum Sigma_ii``, so equal coordinates lose nothing; a level of multiplicity 1
per coordinate is the fully general case.)  Numbers may be ``Fraction`` (exact)
or ``mpmath.mpf`` (high precision); oracles do plain arithmetic on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import mpmath

from salign.theory import symbols as S
from salign.theory.errors import UserError
from salign.theory.model import alignment, block_moments
from salign.theory.observables import spectral_gap


class InstanceError(UserError):
    """An instance violates the model's assumptions; the message names the fix."""


@dataclass(frozen=True)
class Level:
    lam: Any
    mult: int
    x: Any  # every coordinate of the level equals x
    sigma: Any  # every coordinate's noise std (Sigma_ii = sigma^2)

    @property
    def x2(self):
        """The level's squared norm ``sum x_i^2 = mult x^2``."""
        return self.mult * self.x * self.x

    @property
    def s(self):
        return self.mult * self.sigma * self.sigma


@dataclass(frozen=True)
class Instance:
    """``D`` and ``B`` are tuples of levels; ``eta`` the step size."""

    D: tuple[Level, ...]
    B: tuple[Level, ...]
    eta: Any
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        validate(self)

    @property
    def k(self) -> int:
        return sum(lv.mult for lv in self.D)

    @property
    def d(self) -> int:
        return self.k + sum(lv.mult for lv in self.B)

    def blocks(self):
        return (("D", self.D), ("B", self.B))

    def as_float(self) -> "Instance":
        """A float64 copy (for cheap bracketing; never for a verdict)."""
        def fl(levels):
            return tuple(Level(float(lv.lam), lv.mult, float(lv.x), float(lv.sigma)) for lv in levels)
        return Instance(fl(self.D), fl(self.B), float(self.eta))

    def is_two_level(self) -> bool:
        return len(self.D) == 1 and len(self.B) == 1

    def moments(self) -> dict:
        """Block moments ``G_S^{(j)}, N_S, M_S`` (the definition, :func:`salign.theory.model.block_moments`)."""
        return block_moments({blk: [(lv.lam, lv.x2, lv.s) for lv in levels] for blk, levels in self.blocks()})

    def two_level_values(self) -> dict:
        """``lambda_D, lambda_B, a, b, n_D, n_B, k, d, chi, G`` of a two-level instance."""
        if not self.is_two_level():
            raise InstanceError("two-level quantities need exactly one level per block")
        (D,), (B,) = self.D, self.B
        a, b = D.x2, B.x2
        G = D.lam**2 * a + B.lam**2 * b
        return {S.lam_D: D.lam, S.lam_B: B.lam, S.a: a, S.b: b, S.n_D: D.s, S.n_B: B.s,
                S.k: self.k, S.d: self.d, S.G: G, S.chi: alignment(D.lam**2 * a, B.lam**2 * b),
                S.kappa: D.lam / B.lam}

    def values(self) -> dict:
        """Every model symbol this instance gives a value to."""
        vals = {S.eta: self.eta, spectral_gap: True, **self.moments()}
        if self.is_two_level():
            vals.update(self.two_level_values())
        vals.update(self.extra)
        return vals


def validate(inst: Instance) -> None:
    """Raise :class:`InstanceError` naming the problem and the fix."""
    for blk, levels in inst.blocks():
        if not levels:
            raise InstanceError(f"block {blk} is empty: the model needs 1 <= k < d "
                                "(at least one dominant and one bulk coordinate)")
        for lv in levels:
            if not (isinstance(lv.mult, int) and lv.mult >= 1):
                raise InstanceError(f"level multiplicity must be a positive integer, got {lv.mult!r}")
            if not lv.lam > 0:
                raise InstanceError(f"eigenvalue {lv.lam} in block {blk} is not positive: the model "
                                    "needs H positive definite (all lambda_i > 0)")
            if lv.sigma < 0:
                raise InstanceError(f"noise std {lv.sigma} < 0: pass sigma >= 0 (Sigma_ii = sigma^2)")
    for blk, levels in inst.blocks():
        if not any(lv.x != 0 for lv in levels):
            raise InstanceError(f"block {blk} has zero gradient (every x_i = 0 there): the alignment "
                                "claims need G_D > 0 and G_B > 0")
    lo_D = min(lv.lam for lv in inst.D)
    hi_B = max(lv.lam for lv in inst.B)
    if not lo_D > hi_B:
        raise InstanceError(f"no spectral gap: min dominant eigenvalue {lo_D} <= max bulk eigenvalue "
                            f"{hi_B}; choose k so that lambda_k > lambda_(k+1)")
    if not inst.eta > 0:
        raise InstanceError(f"step size eta = {inst.eta} must be > 0")


def two_level(lam_D, lam_B, k: int, d: int, a, b, n_D, n_B, eta) -> Instance:
    """A two-level instance from ``(lambda_D, lambda_B, k, d, a, b, n_D, n_B, eta)``.

    Per-coordinate values are ``x = sqrt(a/k)``, ``sigma = sqrt(n_D/k)`` etc. in mpmath
    at the working precision.
    """
    if not (isinstance(k, int) and isinstance(d, int) and 1 <= k < d):
        raise InstanceError(f"need integers 1 <= k < d, got k={k!r}, d={d!r}")
    for name, v in (("a", a), ("b", b)):
        if not v > 0:
            raise InstanceError(f"{name} = {v} must be > 0 (a zero block has no gradient)")
    for name, v in (("n_D", n_D), ("n_B", n_B)):
        if v < 0:
            raise InstanceError(f"noise trace {name} = {v} must be >= 0")
    mp = mpmath.mpf
    D = Level(mp(lam_D), k, mpmath.sqrt(mp(a) / k), mpmath.sqrt(mp(n_D) / k))
    B = Level(mp(lam_B), d - k, mpmath.sqrt(mp(b) / (d - k)), mpmath.sqrt(mp(n_B) / (d - k)))
    return Instance((D,), (B,), mp(eta))
