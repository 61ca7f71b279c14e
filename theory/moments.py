"""What the block moments of *every* spectrum satisfy: the constraints behind proofs for any number of levels.

A proposition about a general spectrum is stated over the block moments
``G_S, G_S^{(1)}, G_S^{(2)}, N_S, M_S``.  Whatever the spectrum (any number of
eigenvalues, any multiplicities), with ``lambda_min(S) <= lambda_i <= lambda_max(S)``
on block ``S``, these satisfy

* ``lambda_min G_S <= G_S^(1) <= lambda_max G_S`` and ``lambda_min G_S^(1) <= G_S^(2) <= lambda_max G_S^(1)``,
* ``(G_S^(1))^2 <= G_S G_S^(2)`` (Cauchy--Schwarz),
* ``lambda_min M_S <= N_S <= lambda_max M_S``,
* ``E_S = G_S - 2 eta G_S^(1) + eta^2 G_S^(2) >= 0`` (the noiseless part of ``E[G_S(x')]``: a sum of
  ``lambda_i^2 x_i^2 (1 - eta lambda_i)^2``) and ``(G_S - eta G_S^(1))^2 <= G_S E_S`` (Cauchy--Schwarz
  again, in the form the solvers use to see that ``E_S = 0`` forces ``G_S = eta G_S^(1)``),

and the spectral gap reads ``lambda_min(D) > lambda_max(B)``.  A proposition that
follows from these (and the moments' signs) holds for every spectrum.  Each
constraint is proved here for every number of levels: a linear one is a sum over the
levels of one summand, which is shown non-negative; Cauchy--Schwarz is a sum over
pairs of levels of one summand (Lagrange's identity).  The argument is written to
``derivations/moments.md``.
"""

from __future__ import annotations

from functools import cache

from sympy import Rational, Symbol, expand, factor

from . import symbols as S
from .derivation import Derivation, DerivationError

#: per-level contribution of one level (eigenvalue lam, squared norm x2, noise trace s) to each moment
_PER_LEVEL = {"G": lambda lam, x2, s: lam**2 * x2, "G1": lambda lam, x2, s: lam**3 * x2,
              "G2": lambda lam, x2, s: lam**4 * x2, "N": lambda lam, x2, s: lam**2 * s,
              "M": lambda lam, x2, s: lam * s}


def _linear(block: str):
    """The linear constraints of a block: ``(name, expression >= 0, which end of the range it uses)``."""
    m, (lo, hi) = S.MOMENTS[block], S.LAM_RANGE[block]
    return [
        (f"G_{block}1 >= lambda_min G_{block}", m["G1"] - lo * m["G"], "min"),
        (f"G_{block}1 <= lambda_max G_{block}", hi * m["G"] - m["G1"], "max"),
        (f"G_{block}2 >= lambda_min G_{block}1", m["G2"] - lo * m["G1"], "min"),
        (f"G_{block}2 <= lambda_max G_{block}1", hi * m["G1"] - m["G2"], "max"),
        (f"N_{block} >= lambda_min M_{block}", m["N"] - lo * m["M"], "min"),
        (f"N_{block} <= lambda_max M_{block}", hi * m["M"] - m["N"], "max"),
        (f"E_{block} >= 0", noiseless_step(block), "square"),
    ]


def noiseless_step(block: str):
    """``E_S = G_S - 2 eta G_S^(1) + eta^2 G_S^(2)``: ``E[G_S(x')]`` without its noise term."""
    m = S.MOMENTS[block]
    return m["G"] - 2 * S.eta * m["G1"] + S.eta**2 * m["G2"]


def constraints() -> list:
    """Every constraint as a SymPy relation (the gap is not among them: it is a hypothesis, ``spectral_gap``)."""
    out = []
    for block in ("D", "B"):
        m, (lo, hi) = S.MOMENTS[block], S.LAM_RANGE[block]
        out.append(lo <= hi)
        out += [expr >= 0 for _, expr, _ in _linear(block)]
        out.append(m["G1"] ** 2 <= m["G"] * m["G2"])
        out.append((m["G"] - S.eta * m["G1"]) ** 2 <= m["G"] * noiseless_step(block))
    return out


def gap():
    """The spectral gap over the block ranges: ``lambda_min(D) > lambda_max(B)``."""
    return S.lam_min_D > S.lam_max_B


@cache
def derive_moment_constraints() -> Derivation:
    """The proof, for every number of levels, of each constraint (recorded step by step)."""
    d = Derivation("moments")
    lam, x2, s, dl = (Symbol("lambda", positive=True), Symbol("x2", nonnegative=True),
                      Symbol("s", nonnegative=True), Symbol("delta", nonnegative=True))
    for block in ("D", "B"):
        m, (lo, hi) = S.MOMENTS[block], S.LAM_RANGE[block]
        per_level = {m[k]: f(lam, x2, s) for k, f in _PER_LEVEL.items()}
        for name, expr, end in _linear(block):
            # the constraint is linear in the moments: its value is a sum over levels of one summand
            summand = expr.xreplace(per_level)
            d.eq(f"{name}: a sum over the levels of {block} (eigenvalue lambda in [lambda_min, lambda_max]) of",
                 Symbol(f"summand({name})"), summand)
            if end == "square":
                shifted = factor(summand)
            else:
                placed = {lam: lo + dl} if end == "min" else {hi: lam + dl}
                shifted = expand(summand.xreplace(placed))
            if not shifted.is_nonnegative:
                raise DerivationError(f"moments: the summand of {name} is not visibly non-negative: {shifted}")
            how = {"min": "with lambda = lambda_min + delta, delta >= 0, ", "max": "with lambda_max = lambda + delta, "
                   "delta >= 0, ", "square": "factored, "}[end]
            d.eq(f"... {how}every term is a product of non-negative factors, so the summand, and the sum, is >= 0",
                 Symbol(f"summand({name})"), shifted)
        li, lj, xi, xj = (Symbol("lambda_i", positive=True), Symbol("lambda_j", positive=True),
                          Symbol("x2_i", nonnegative=True), Symbol("x2_j", nonnegative=True))
        g = {k: (_PER_LEVEL[k](li, xi, 0), _PER_LEVEL[k](lj, xj, 0)) for k in ("G", "G1", "G2")}
        pair = g["G"][0] * g["G2"][1] - g["G1"][0] * g["G1"][1]
        sym = Rational(1, 2) * (pair + pair.xreplace({li: lj, lj: li, xi: xj, xj: xi}))
        lagrange = Rational(1, 2) * li**2 * lj**2 * xi * xj * (li - lj) ** 2
        d.eq(f"G_{block} G_{block}2 - G_{block}1^2 is a double sum over pairs of levels (i, j) of", Symbol("pair(i, j)"),
             pair)
        d.zero("... which, symmetrised in (i, j), is Lagrange's summand (1/2) lambda_i^2 lambda_j^2 x2_i x2_j "
               "(lambda_i - lambda_j)^2 >= 0: Cauchy-Schwarz, (G_S^(1))^2 <= G_S G_S^(2), for every number of levels",
               Symbol("symmetrised pair - Lagrange summand"), sym - lagrange)
        d.zero(f"G_{block} E_{block} - (G_{block} - eta G_{block}1)^2 = eta^2 (G_{block} G_{block}2 - G_{block}1^2) >= 0 "
               "by the line above", Symbol(f"G E - (G - eta G1)^2 - eta^2 (G G2 - G1^2), block {block}"),
               m["G"] * noiseless_step(block) - (m["G"] - S.eta * m["G1"]) ** 2
               - S.eta**2 * (m["G"] * m["G2"] - m["G1"] ** 2))
    return d
