"""Observables: quantities the claims speak about, defined from the model itself.

Each observable is a SymPy symbol.  :func:`definitions` gives its definition in a
spectrum's level variables, computed from the SGD step (never from a derived
formula); the prover substitutes these.  The numeric verifier computes the same
quantities independently (``verify.oracles``).  Observables marked *oracle only*
(a root found numerically, an iterated trajectory) have no symbolic definition.
"""

from __future__ import annotations

from sympy import Expr, Symbol

from . import symbols as S
from .model import LevelModel, coordinate_second_moment

# one step of SGD, from the step's definition
EX2 = Symbol("E[x_i'^2]", real=True)  # E[x_i'^2 | x]
EG_D = Symbol("E[G_D']", real=True)  # E[G_D(x')]
EG_B = Symbol("E[G_B']", real=True)
Dchi = Symbol("Dchi", real=True)  # chi-bar' - chi
dL_D = Symbol("dL_D", real=True)  # E[L(x')] - L(x), Dom-SGD step
dL_B = Symbol("dL_B", real=True)  # ... Bulk-SGD step
dL = Symbol("dL", real=True)  # ... full SGD step

# oracle only: roots found numerically and iterated dynamics.  Declared only real: an oracle's
# value is whatever the model gives (a root may not exist; a trajectory may diverge), so no
# assumption may decide a statement about it.
eta_root = Symbol("eta_root", real=True)  # nonzero root of chi-bar'(eta) - chi
chi_root = Symbol("chi_root", real=True)  # root of Q in chi at fixed G
eta_D_root = Symbol("eta_D_root", real=True)  # nonzero root of dL_D(eta)
eta_B_root = Symbol("eta_B_root", real=True)
A_iter = Symbol("A_iter", real=True)  # A_t by iterating the recursion t times
A_iter_next = Symbol("A_iter_next", real=True)  # A_{t+1} by iterating t+1 times
A_lim = Symbol("A_lim", real=True)  # A_t after iterating to convergence
# dA_iter: the change of A_t on the iterated trajectory, relative to its terms,
# (a_{t+1} b_t - a_t b_{t+1}) / (a_{t+1} b_t + a_t b_{t+1}): the sign of A_{t+1} - A_t, and a size that
# shrinks with the digits where the change is exactly zero (a face), so that a tie is seen as one
dA_iter = Symbol("dA_iter", real=True)
turns_iter = Symbol("turns_iter", integer=True)  # changes of direction of A_t (a count)

# X1: two consecutive mean-field steps under loss-scaled noise, from (a, b):
# inc1 = a_1 b_0 - a_0 b_1 (sign of A_1 - A_0), inc2 = a_2 b_1 - a_1 b_2 (sign of A_2 - A_1)
inc1 = Symbol("inc1", real=True)
inc2 = Symbol("inc2", real=True)

#: boolean atom standing for the spectral gap; the prover expands it per spectrum
spectral_gap = Symbol("spectral_gap")

#: how the observables print in LaTeX
LATEX_NAMES = {
    EX2: r"\mathbb{E}[x_i'^2]", EG_D: r"\mathbb{E}[G_D(x')]", EG_B: r"\mathbb{E}[G_B(x')]",
    Dchi: r"(\bar\chi' - \chi)", dL_D: r"\Delta L_D", dL_B: r"\Delta L_B", dL: r"\Delta L",
    eta_root: r"\eta_{\mathrm{root}}", chi_root: r"\chi_{\mathrm{root}}",
    eta_D_root: r"\eta_{D,\mathrm{root}}", eta_B_root: r"\eta_{B,\mathrm{root}}",
    A_iter: r"A_t^{\mathrm{iter}}", A_iter_next: r"A_{t+1}^{\mathrm{iter}}", inc1: r"\delta_1", inc2: r"\delta_2",
    A_lim: r"A_\infty^{\mathrm{iter}}",
    dA_iter: r"\delta A_t^{\mathrm{iter}}",
    turns_iter: r"\#\mathrm{turns}",
    spectral_gap: r"\mathrm{gap}",
}

ORACLE_ONLY = frozenset({eta_root, chi_root, eta_D_root, eta_B_root, A_iter, A_iter_next, A_lim, dA_iter,
                         turns_iter})


# --- which symbols each model defines ------------------------------------------------------

_ONE_STEP = {S.eta, EG_D, EG_B, Dchi, dL_D, dL_B, dL, spectral_gap, eta_root, eta_D_root, eta_B_root}
_MOMENTS = {s_ for block in S.MOMENTS.values() for s_ in block.values()}
_TWO_LEVEL = _ONE_STEP | _MOMENTS | {S.lam_D, S.lam_B, S.a, S.b, S.n_D, S.n_B, S.k, S.d, S.chi, S.G, S.kappa, chi_root}

#: the project symbols a proposition of each model may use (the prover and the verifier define them all)
VOCABULARY = {
    "coordinate": frozenset({S.eta, S.x_i, S.lam_i, S.Sigma_ii, EX2}),
    "general": frozenset(_ONE_STEP | _MOMENTS),
    "two-level": frozenset(_TWO_LEVEL),
    "dynamics": frozenset(_TWO_LEVEL | {S.t, S.rho_D, S.rho_B, S.a_0, S.b_0, S.alpha, S.beta, S.p, S.p_B, S.u, S.v,
                                        S.a_inf, S.b_inf, S.a_next, S.b_next, S.eps, S.R, A_iter, A_iter_next,
                                        A_lim, dA_iter, turns_iter}),
    "loss-scaled": frozenset(_TWO_LEVEL | {S.sigma2, inc1, inc2, turns_iter}),
}


def project_symbols() -> frozenset:
    """Every symbol of :mod:`salign.theory.symbols` and of this module."""
    return frozenset(v_ for mod in (vars(S), globals()) for v_ in mod.values() if isinstance(v_, Symbol))


def foreign_symbols(model: str, syms) -> set:
    """The project symbols in ``syms`` that ``model`` does not define (a user's own symbols are not foreign)."""
    known = project_symbols()
    return {s_ for s_ in syms if s_ in known and s_ not in VOCABULARY[model]}


def definitions(model: LevelModel) -> dict[Symbol, Expr]:
    """Definitions of the one-step observables in ``model``'s level variables."""
    dLD = model.projected_loss_change("D")
    dLB = model.projected_loss_change("B")
    return {
        EX2: coordinate_second_moment(),
        EG_D: model.expected_G("D"),
        EG_B: model.expected_G("B"),
        Dchi: model.alignment_change(),
        dL_D: dLD,
        dL_B: dLB,
        dL: dLD + dLB,
        spectral_gap: model.spectral_gap(),
    }


def moment_definitions() -> dict[Symbol, Expr]:
    """The one-step observables of a general spectrum in its block moments, from the step's definition.

    Each coordinate's expected second moment after the step is ``c(lambda_i) x_i^2 + e(lambda_i) Sigma_ii``
    with ``c, e`` polynomials in ``lambda_i``; summing ``lambda_i^2 E[x_i'^2]`` (or the loss change) over a
    block names the sums as the block's moments, for any number of levels (``to_moments``).
    """
    from .model import to_moments

    EX = coordinate_second_moment()
    EG = {blk: to_moments(S.lam_i**2 * EX, blk) for blk in ("D", "B")}
    dLS = {blk: to_moments((S.lam_i * (EX - S.x_i**2)) / 2, blk) for blk in ("D", "B")}
    return {
        EG_D: EG["D"], EG_B: EG["B"],
        Dchi: EG["D"] / (EG["D"] + EG["B"]) - S.G_D / (S.G_D + S.G_B),
        dL_D: dLS["D"], dL_B: dLS["B"], dL: dLS["D"] + dLS["B"],
    }


def loss_scaled_increments() -> dict[Symbol, Expr]:
    """``inc1``, ``inc2`` in the two-level model under loss-scaled noise, from the step itself."""
    from .model import TWO_LEVEL, level_second_moment, two_level_noise_traces

    def step(a_, b_):
        tr = {k_: v_.xreplace({S.a: a_, S.b: b_}) for k_, v_ in two_level_noise_traces("loss-scaled").items()}
        (D,), (B,) = TWO_LEVEL.levels["D"], TWO_LEVEL.levels["B"]
        return (level_second_moment(D.lam, a_, tr[S.n_D]), level_second_moment(B.lam, b_, tr[S.n_B]))

    a1, b1 = step(S.a, S.b)
    a2, b2 = step(a1, b1)
    return {inc1: a1 * S.b - S.a * b1, inc2: a2 * b1 - a1 * b2}


__all__ = ["VOCABULARY", "foreign_symbols", "project_symbols", "moment_definitions",
           "inc1", "inc2", "A_iter_next", "dA_iter", "loss_scaled_increments",
           "EX2", "EG_D", "EG_B", "Dchi", "dL_D", "dL_B", "dL", "eta_root", "chi_root",
           "eta_D_root", "eta_B_root", "A_iter", "A_lim",
           "turns_iter", "spectral_gap", "ORACLE_ONLY", "definitions", "S"]
