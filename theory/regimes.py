"""L3: the two regimes in alignment terms (two-level model).

``Q > 0`` (low alignment, T1) or ``Q <= 0`` (high alignment, T2) is decided by
the sign of a concave quadratic ``h(chi)`` whose unique root in ``(0, 1)`` is
the threshold ``chi_c(G)``.
"""

from __future__ import annotations

from functools import cache

from sympy import (
    Eq,
    Equivalent,
    Poly,
    Rational,
    Symbol,
    cancel,
    collect,
    diff,
    expand,
    factor,
    limit,
    oo,
    simplify,
    solve,
    sqrt,
)

from . import observables as O
from . import symbols as S
from .alignment import derive_L2
from .claim import Claim, Prop
from .derivation import Derivation, DerivationError, is_zero
from .model import TWO_LEVEL, TWO_LEVEL_MOMENTS


def factor_radicands(expr):
    """Factor every square root's radicand, so that ``sqrt((x+y)^2)`` becomes ``x+y``."""
    return expr.replace(lambda e: e.is_Pow and e.exp == Rational(1, 2),
                        lambda e: sqrt(factor(e.base)))


#: the state's gradient norm and alignment in the two-level model
G_of_state = TWO_LEVEL.G("D") + TWO_LEVEL.G("B")
chi_of_state = TWO_LEVEL.alignment()


@cache
def derive_L3() -> Claim:
    l2 = derive_L2().defines
    d = Derivation("L3")
    scale = S.lam_D**2 * S.lam_B**2
    P2 = d.eq("P with the two-level moments G_S^(j) = lambda_S^(2+j) |P_S x|^2.", Symbol("P"),
              factor(l2["P"].xreplace(TWO_LEVEL_MOMENTS)))
    Q2 = d.eq("Q with the two-level moments and N_S = lambda_S^2 n_S.", Symbol("Q"),
              factor(l2["Q"].xreplace(TWO_LEVEL_MOMENTS)))
    P_red = d.result("P_2L", factor(cancel(P2 / scale)), "P / (lambda_D^2 lambda_B^2).")
    Q_red = d.result("Q_2L", collect(expand(cancel(Q2 / scale)), [S.a * S.b], factor),
                     "Q / (lambda_D^2 lambda_B^2).")
    eta_star = d.result("eta_star_2L", factor(P_red / Q_red), "eta* = P/Q in the two-level model.")
    d.result("eta_star_noiseless", factor(eta_star.xreplace({S.n_D: 0, S.n_B: 0})),
             "Noiseless limit n_D = n_B = 0.")

    # h: Q in alignment terms
    inv = solve([Eq(S.G, G_of_state), Eq(S.chi, chi_of_state)], [S.a, S.b], dict=True)
    if len(inv) != 1:
        raise DerivationError(f"L3: expected one solution (a, b) of G, chi; got {inv}")
    inv = inv[0]
    d.eq("Solve G = lambda_D^2 a + lambda_B^2 b, chi = lambda_D^2 a / G for a.", S.a, inv[S.a])
    d.eq("... and for b.", S.b, inv[S.b])
    h_expanded = expand(cancel(Q_red.xreplace(inv) * scale / S.G))
    h = d.result("h", collect(h_expanded, S.chi, factor),
                 "h = Q lambda_D^2 lambda_B^2 / (G lambda_D^2 lambda_B^2) = Q / G: sign h = sign Q.")
    d.zero("Check Q = G h at the state.", Symbol("Q - G h"),
           Q2 - G_of_state * h.xreplace({S.chi: chi_of_state, S.G: G_of_state}))
    hpp = d.result("h_second_derivative", factor(diff(h, S.chi, 2)),
                   "h'' < 0 under the spectral gap: h is concave.")
    h0 = d.result("h_at_0", h.xreplace({S.chi: 0}), "h(0) > 0 when n_D > 0.")
    h1 = d.result("h_at_1", factor(h.xreplace({S.chi: 1})), "h(1) < 0 when n_B > 0.")

    # the root in (0, 1): quadratic formula from h's own coefficients
    A_, B_, C_ = Poly(h, S.chi).all_coeffs()
    d.eq("h = A chi^2 + B chi + C with A", Symbol("A"), factor(A_))
    d.eq("... B", Symbol("B"), B_)
    d.eq("... C", Symbol("C"), C_)
    if not (is_zero(A_ - hpp / 2) and is_zero(C_ - h0)):
        raise DerivationError("L3: coefficients of h disagree with h'' and h(0)")
    d.eq("Product of the roots C/A < 0 (A < 0 < C): one negative, one positive root.",
         Symbol("C/A"), factor(C_ / A_))
    disc = d.result("h_discriminant", B_**2 - 4 * A_ * C_,
                    "Discriminant of h: a square plus -4AC > 0, so positive (kept unexpanded: the "
                    "expanded form cancels catastrophically when kappa is near 1).")
    chi_big = d.eq("Since A < 0 the larger root (the positive one; it lies in (0,1) because "
                   "h(1) < 0) is", Symbol("chi_+"), (-B_ - sqrt(disc)) / (2 * A_))
    chi_c = d.result("chi_c", 2 * C_ / (sqrt(disc) - B_),
                     "Multiply by the conjugate: the same root without the 0/0 at G = 0.")
    d.zero("Check the two forms agree.", Symbol("chi_+ - chi_c"), chi_big - chi_c)
    d.zero("Check h(chi_c) = 0.", Symbol("h(chi_c)"), h.xreplace({S.chi: chi_c}))
    solved = solve(h, S.chi)
    if not any(is_zero(r - chi_c) for r in solved):
        raise DerivationError(f"L3: chi_c is not among solve(h)'s roots {solved}")
    d.zero("h'(chi_c) = -sqrt(disc) < 0 (h crosses from + to - at chi_c).",
           Symbol("h'(chi_c) + sqrt(disc)"), diff(h, S.chi).xreplace({S.chi: chi_c}) + sqrt(disc))
    h_G = d.eq("dh/dG at fixed chi", Symbol("h_G"), factor(diff(h, S.G)))
    dchi_dG = d.result("dchi_c_dG", h_G.xreplace({S.chi: chi_c}) / sqrt(disc),
                       "Implicit function theorem: dchi_c/dG = -h_G / h_chi = h_G(chi_c) / sqrt(disc) > 0.")
    d.zero("Check against differentiating chi_c directly.", Symbol("d chi_c/dG - formula"),
           diff(chi_c, S.G) - dchi_dG)
    # limits: write the gap into the assumptions, lambda_D = lambda_B + delta with delta > 0
    gap_in, gap_out = {S.lam_D: S.lam_B + S.delta}, {S.delta: S.lam_D - S.lam_B}
    d.eq("For the limits write lambda_D = lambda_B + delta, delta > 0.", S.lam_D, gap_in[S.lam_D])
    lim_inf = d.result("chi_c_G_to_infinity",
                       simplify(factor_radicands(limit(chi_big.xreplace(gap_in), S.G, oo))).xreplace(gap_out),
                       "Limit G -> infinity, from the quadratic-formula form (SymPy's limit of the "
                       "conjugate form is wrong here; the tests check both limits numerically).")
    lim_0 = d.result("chi_noise", factor(simplify(factor_radicands(chi_c.xreplace(gap_in).xreplace({S.G: 0}))).xreplace(gap_out)),
                     "Limit G -> 0: the conjugate form is continuous at G = 0 (its "
                     "denominator is 2(n_D lambda_D^2 + n_B lambda_B^2) > 0 there); substitute.")
    if lim_inf != 1:
        raise DerivationError(f"L3: chi_c -> {lim_inf} as G -> oo, not 1")
    d.zero("The G -> 0 limit is the noise alignment n_D lambda_D^2 / (n_D lambda_D^2 + n_B lambda_B^2).",
           Symbol("chi_noise - n_D lambda_D^2/(n_D lambda_D^2 + n_B lambda_B^2)"),
           lim_0 - S.n_D * S.lam_D**2 / (S.n_D * S.lam_D**2 + S.n_B * S.lam_B**2))

    noisy = (S.n_D > 0, S.n_B > 0)
    gap = (S.lam_D > S.lam_B,)
    unit = (S.chi < 1,)
    h_at = lambda c: h.xreplace({S.chi: c})
    props = (
        Prop("L3.P", Eq(l2["P"], scale * P_red), model="two-level"),
        Prop("L3.Q", Eq(l2["Q"], scale * Q_red), model="two-level"),
        Prop("L3.eta_star", O.Dchi < 0, gap + (Q_red > 0, S.eta < eta_star), model="two-level"),
        Prop("L3.eta_star_root", Eq(O.eta_root, eta_star), gap + (Q_red > 0,), model="two-level",
             verify_only=True),
        Prop("L3.noiseless", O.Dchi < 0, gap + (Eq(S.n_D, 0), Eq(S.n_B, 0),
                                                S.eta < 2 / (S.lam_D + S.lam_B)), model="two-level"),
        Prop("L3.h", Eq(l2["Q"], G_of_state * h_at(chi_of_state).xreplace({S.G: G_of_state})),
             model="two-level"),
        Prop("L3.concave", hpp < 0, gap, model="two-level"),
        Prop("L3.h0", h0 > 0, (S.n_D > 0,), model="two-level"),
        Prop("L3.h1", h1 < 0, (S.n_B > 0,), model="two-level"),
        Prop("L3.chi_c_root", Eq(h_at(chi_c) + S.n_B * S.lam_B**2 * chi_c, S.n_B * S.lam_B**2 * chi_c)
             & (chi_c > 0) & (chi_c < 1), gap + noisy,
             model="two-level"),
        Prop("L3.unique", Equivalent(h > 0, S.chi < chi_c), gap + noisy + unit, model="two-level"),
        Prop("L3.monotone", dchi_dG > 0, gap + noisy, model="two-level"),
        Prop("L3.regime", Equivalent(l2["Q"] > 0, chi_of_state < chi_c.xreplace({S.G: G_of_state})),
             gap + noisy, model="two-level"),
        Prop("L3.chi_c_numeric", Eq(O.chi_root, chi_c), gap + noisy, model="two-level",
             verify_only=True, note="root of h found numerically at the state's G"),
    )
    return Claim("L3", "The regimes in alignment terms (two-level)",
                 r"$\eta^* = 2ab(\lambda_D - \lambda_B)/(ab(\lambda_D^2 - \lambda_B^2) + n_D b - n_B a)$; $Q > 0$ iff "
                 r"$\chi < \chi_c(G)$, the unique root in $(0, 1)$ of the concave $h$; $\chi_c$ increases in $G$ "
                 r"from the noise alignment to $1$.",
                 r"Two-level model, $\lambda_D > \lambda_B > 0$; $n_D, n_B > 0$ for the threshold.",
                 dict(d.results), props, d)
