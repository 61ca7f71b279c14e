"""The model of THEORY.md §1 in SymPy: the SGD step, its noise expectation, spectra.

A spectrum is described by *levels*: a level is a set of coordinates sharing one
eigenvalue ``lambda``; it carries the level's squared norm ``x2 = sum x_i^2`` and
noise trace ``s = sum Sigma_ii``.  The two-level model has one level per block;
:class:`LevelModel` has any number ``m`` per block.  Because every claim is
linear in ``x_i^2`` and ``Sigma_ii``, nothing is lost by working per level.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sympy import Add, And, Expr, Poly, Rational, Symbol, collect, expand, factor

from . import symbols as S
from .errors import UserError


class ModelError(UserError):
    """A model was asked for something it does not have (bad level count, preset)."""


# --- the step and its expectation ---------------------------------------------

def sgd_coordinate(x: Expr, lam: Expr, xi: Expr, eta: Expr = S.eta) -> Expr:
    """One SGD step on one eigen-coordinate: ``x' = x - eta (lambda x + xi)``."""
    return x - eta * (lam * x + xi)


def expect_noise(expr: Expr, xi: Symbol, variance: Expr) -> Expr:
    """``E[expr]`` over a noise coordinate with ``E[xi] = 0`` and ``E[xi^2] = variance``.

    Only the first two moments of the noise are specified by the model, so
    ``expr`` must be a polynomial of degree at most 2 in ``xi``.
    """
    poly = Poly(expand(expr), xi)
    if poly.degree() > 2:
        raise ModelError(f"E[.] needs degree <= 2 in {xi}; got degree {poly.degree()}")
    noise_moment = {0: 1, 1: 0, 2: variance}
    return Add(*[c * noise_moment[m] for (m,), c in poly.terms()])


def coordinate_second_moment(eta: Expr = S.eta) -> Expr:
    """``E[x_i'^2 | x]`` for one coordinate, obtained from the step's definition."""
    x_next = sgd_coordinate(S.x_i, S.lam_i, S.xi_i, eta)
    return expect_noise(x_next**2, S.xi_i, S.Sigma_ii)


def _per_level(coordinate_expr: Expr, lam: Expr, x2: Expr, s: Expr) -> Expr:
    """Sum a per-coordinate expression ``c(lambda) x_i^2 + e(lambda) Sigma_ii`` over a level.

    Within a level ``lambda_i = lambda`` is constant, so the sum replaces
    ``x_i^2`` by ``x2`` and ``Sigma_ii`` by ``s``.  Anything else is an error.
    """
    poly = Poly(expand(coordinate_expr), S.x_i, S.Sigma_ii)
    out = []
    for monom, c in poly.terms():  # factored coefficients keep (1 - eta lambda)^2 visibly a square
        if monom == (2, 0):
            out.append(factor(c.as_expr()) * x2)
        elif monom == (0, 1):
            out.append(factor(c.as_expr()) * s)
        else:
            raise ModelError(f"not linear in x_i^2 and Sigma_ii: monomial {monom}")
    return Add(*out).subs(S.lam_i, lam)


def level_second_moment(lam: Expr, x2: Expr, s: Expr, eta: Expr = S.eta) -> Expr:
    """``E[sum_{i in level} x_i'^2]`` after one SGD step, from the step's definition."""
    return _per_level(coordinate_second_moment(eta), lam, x2, s)


def to_moments(per_coordinate, block: str):
    """Sum a per-coordinate expression over block ``S`` and name the sums as moments.

    ``per_coordinate`` is linear in ``x_i^2`` and ``Sigma_ii`` with coefficients
    polynomial in ``lambda_i``.  Summing over ``i in S`` turns
    ``lambda_i^{2+j} x_i^2`` into ``G_S^{(j)}``, ``lambda_i^2 Sigma_ii`` into
    ``N_S`` and ``lambda_i Sigma_ii`` into ``M_S``.
    """
    m = S.MOMENTS[block]
    poly = Poly(expand(per_coordinate), S.lam_i, S.x_i, S.Sigma_ii)
    out = []
    for (e, mx, ms), c in poly.terms():
        if (mx, ms) == (2, 0) and e in (2, 3, 4):
            out.append(c * m[("G", "G1", "G2")[e - 2]])
        elif (mx, ms) == (0, 1) and e in (1, 2):
            out.append(c * m[("M", "N")[e - 1]])
        else:
            raise ModelError(f"lambda_i^{e} x_i^{mx} Sigma_ii^{ms} is not a block moment")
    return collect(Add(*out), S.eta)


def block_moments(blocks) -> dict:
    """The block moments ``G_S, G_S^(1), G_S^(2), N_S, M_S`` of THEORY.md §1, from levels: the one definition.

    ``blocks`` maps ``"D"``/``"B"`` to levels ``(lambda, x2, s)`` (eigenvalue, squared norm and
    noise trace of the level's coordinates).  Plain arithmetic: symbolic level variables,
    mpmath numbers and floats alike.
    """
    out = {}
    for block, levels in blocks.items():
        m, levels = S.MOMENTS[block], list(levels)
        out[m["G"]] = sum(lam**2 * x2 for lam, x2, _ in levels)
        out[m["G1"]] = sum(lam**3 * x2 for lam, x2, _ in levels)
        out[m["G2"]] = sum(lam**4 * x2 for lam, x2, _ in levels)
        out[m["N"]] = sum(lam**2 * s_ for lam, _, s_ in levels)
        out[m["M"]] = sum(lam * s_ for lam, _, s_ in levels)
    return out


def alignment(G_D, G_B):
    """``chi = G_D / (G_D + G_B)``: the alignment of a gradient with block moments ``G_D, G_B`` (THEORY.md §1).

    Plain arithmetic: SymPy expressions, mpmath numbers and numpy arrays alike.
    """
    return G_D / (G_D + G_B)


# --- spectra ------------------------------------------------------------------

@dataclass(frozen=True)
class Level:
    """One eigenvalue level: eigenvalue ``lam``, squared norm ``x2``, noise trace ``s``."""

    lam: Expr
    x2: Expr
    s: Expr


@dataclass(frozen=True)
class LevelModel:
    """A spectrum with ``m_D`` dominant and ``m_B`` bulk eigenvalue levels (symbolic).

    ``LevelModel(1, 1)`` is the two-level model with the symbols of
    :mod:`theory.symbols` (``lambda_D, a, n_D`` and ``lambda_B, b, n_B``).
    """

    m_D: int = 1
    m_B: int = 1

    def __post_init__(self):
        for name in ("m_D", "m_B"):
            m = getattr(self, name)
            if not isinstance(m, int) or m < 1:
                raise ModelError(f"{name} must be a positive integer number of levels, got {m!r}")

    @cached_property
    def levels(self) -> dict[str, tuple[Level, ...]]:
        if (self.m_D, self.m_B) == (1, 1):
            return {"D": (Level(S.lam_D, S.a, S.n_D),), "B": (Level(S.lam_B, S.b, S.n_B),)}
        out = {}
        for block, m in (("D", self.m_D), ("B", self.m_B)):
            out[block] = tuple(Level(*S.level(block, j)) for j in range(1, m + 1))
        return out

    def spectral_gap(self):
        """``min_{i in D} lambda_i > max_{i in B} lambda_i``."""
        return And(*[d.lam > bb.lam for d in self.levels["D"] for bb in self.levels["B"]])

    def moments(self) -> dict[Symbol, Expr]:
        """The block moments ``G_S, G_S^{(1)}, G_S^{(2)}, N_S, M_S`` in level variables."""
        return block_moments({blk: [(v.lam, v.x2, v.s) for v in lv] for blk, lv in self.levels.items()})

    # observables from the definition of the step (not from any derived formula)
    def expected_G(self, block: str, eta: Expr = S.eta) -> Expr:
        """``E[G_S(x')]`` for the full SGD step, level by level from the step."""
        return Add(*[v.lam**2 * level_second_moment(v.lam, v.x2, v.s, eta) for v in self.levels[block]])

    def G(self, block: str) -> Expr:
        return Add(*[v.lam**2 * v.x2 for v in self.levels[block]])

    def loss(self, block: str | None = None) -> Expr:
        """``L = 1/2 sum lambda_i x_i^2`` restricted to a block (or the whole loss)."""
        blocks = ("D", "B") if block is None else (block,)
        return Add(*[Rational(1, 2) * v.lam * v.x2 for blk in blocks for v in self.levels[blk]])

    def projected_loss_change(self, block: str, eta: Expr = S.eta) -> Expr:
        """``E[L(x')] - L(x)`` for the step projected on ``block`` (Dom-/Bulk-SGD)."""
        return Add(*[
            Rational(1, 2) * v.lam * (level_second_moment(v.lam, v.x2, v.s, eta) - v.x2)
            for v in self.levels[block]
        ])

    def alignment(self) -> Expr:
        """``chi(x) = G_D / (G_D + G_B)``."""
        return alignment(self.G("D"), self.G("B"))

    def alignment_change(self, eta: Expr = S.eta) -> Expr:
        """Mean-field one-step alignment change ``chi-bar' - chi`` from the step."""
        ED, EB = self.expected_G("D", eta), self.expected_G("B", eta)
        return ED / (ED + EB) - self.alignment()


TWO_LEVEL = LevelModel(1, 1)

#: the block moments of the two-level model
TWO_LEVEL_MOMENTS = TWO_LEVEL.moments()


# --- noise presets ------------------------------------------------------------

#: every noise model of THEORY.md §1; ``diagonal`` takes a weight per coordinate (any diagonal Sigma)
NOISE_PRESETS = ("isotropic", "hessian", "loss-scaled", "diagonal")
#: the presets given by a formula in the eigenvalue (what a simulation can run without more input)
FORMULA_PRESETS = ("isotropic", "hessian", "loss-scaled")


def noise_variance(preset: str, lam, loss=None, sigma2=S.sigma2, weight=None):
    """Per-coordinate noise variance ``Sigma_ii`` of a preset at eigenvalue ``lam``: the one noise model.

    isotropic ``sigma^2``; hessian ``sigma^2 lambda``; loss-scaled ``2 sigma^2 L(x) lambda``; diagonal
    ``sigma^2 w`` for a given weight ``w`` (any diagonal covariance).  Plain arithmetic, so ``lam``,
    ``loss``, ``sigma2`` may be SymPy expressions, mpmath numbers or numpy arrays alike (isotropic
    noise keeps the shape of ``lam``); ``sigma2 = 0`` is the noiseless model.
    """
    if preset == "isotropic":
        return sigma2 * lam**0
    if preset == "hessian":
        return sigma2 * lam
    if preset == "loss-scaled":
        if loss is None:
            raise ModelError("the loss-scaled preset needs the loss L(x)")
        return 2 * sigma2 * loss * lam
    if preset == "diagonal":
        if weight is None:
            raise ModelError("the diagonal preset needs a weight per coordinate (Sigma_ii = sigma^2 w_i)")
        return sigma2 * weight * lam**0
    raise ModelError(f"unknown noise preset {preset!r}; choose one of {', '.join(NOISE_PRESETS)}")


def two_level_noise_traces(preset: str) -> dict[Symbol, Expr]:
    """Block noise traces ``n_D, n_B`` of a preset in the two-level model (``k`` dominant coords)."""
    loss = TWO_LEVEL.loss()
    return {
        S.n_D: S.k * noise_variance(preset, S.lam_D, loss),
        S.n_B: (S.d - S.k) * noise_variance(preset, S.lam_B, loss),
    }
