"""L4 and T3: the projected loss change and the suspicious interval.

Dom-SGD (the step projected on the dominant subspace) raises the expected loss
for ``eta > eta_D``; Bulk-SGD lowers it for ``eta < eta_B``.  On
``(eta_D, eta_B)`` — non-empty once the problem is ill-conditioned — the
dominant part of the step is useless: that is the "suspicious" alignment.
"""

from __future__ import annotations

from functools import cache

from sympy import (
    Eq,
    Equivalent,
    Poly,
    Rational,
    Symbol,
    collect,
    expand,
    factor,
    limit,
    oo,
    solve,
    sqrt,
    together,
)

from . import observables as O
from . import symbols as S
from .alignment import _check_on_levels
from .claim import Claim, Prop
from .derivation import Derivation, DerivationError
from .model import TWO_LEVEL_MOMENTS, coordinate_second_moment, to_moments


def _nonzero_root(d: Derivation, text: str, expr, var):
    roots = [r for r in solve(expr, var) if r != 0]
    if len(roots) != 1:
        raise DerivationError(f"{d.claim_id}: expected one nonzero root of {expr}, got {roots}")
    d.eq(text, Symbol(f"{var} != 0 : {{expr = 0}}"), roots[0])
    return factor(roots[0])


@cache
def derive_L4() -> Claim:
    d = Derivation("L4")
    per_coord = d.eq("Expected loss change of coordinate i when it takes the SGD step "
                     "(definition, L(x) = 1/2 sum lambda_i x_i^2).",
                     Symbol("(1/2) lambda_i (E[x_i'^2] - x_i^2)"),
                     expand(Rational(1, 2) * S.lam_i * (coordinate_second_moment() - S.x_i**2)))
    dL = {}
    for block in ("D", "B"):
        m = S.MOMENTS[block]
        dL[block] = d.eq(f"The {block}-projected step moves only i in {block}: sum and name the moments.",
                         Symbol(f"Delta L_{block}(eta)"), to_moments(per_coord, block))
        _check_on_levels(d, f"Delta L_{block} from the projected step, minus the moment form",
                         Symbol(f"Delta L_{block} - moment form"),
                         lambda mdl, blk=block: mdl.projected_loss_change(blk), dL[block])
        d.result(f"dL_{block}", dL[block])
        eta_S = d.result(f"eta_{block}", _nonzero_root(d, f"Solve Delta L_{block}(eta) = 0.", dL[block], S.eta))
        d.zero(f"Delta L_{block} = (1/2) eta (G_{block}^(1) + M_{block}) (eta - eta_{block}): "
               "negative below the root, positive above.", Symbol(f"Delta L_{block} - factored"),
               dL[block] - Rational(1, 2) * S.eta * (m["G1"] + m["M"]) * (S.eta - eta_S))
    full = d.result("dL_SGD", collect(expand(dL["D"] + dL["B"]), S.eta),
                    "The full step moves every coordinate: Delta L = Delta L_D + Delta L_B.")
    d.result("eta_SGD", _nonzero_root(d, "Solve Delta L(eta) = 0.", full, S.eta),
             "The full SGD step lowers the expected loss iff eta < eta_SGD.")
    eta_D, eta_B = d.results["eta_D"], d.results["eta_B"]
    props = (
        Prop("L4.D", Eq(O.dL_D, dL["D"])),
        Prop("L4.B", Eq(O.dL_B, dL["B"])),
        Prop("L4.full", Eq(O.dL, dL["D"] + dL["B"])),
        Prop("L4.dom_raises", Equivalent(O.dL_D > 0, S.eta > eta_D)),
        Prop("L4.bulk_lowers", Equivalent(O.dL_B < 0, S.eta < eta_B)),
        Prop("L4.eta_D_root", Eq(O.eta_D_root, eta_D), verify_only=True),
        Prop("L4.eta_B_root", Eq(O.eta_B_root, eta_B), verify_only=True),
    )
    return Claim("L4", "Projected loss change",
                 r"$\Delta L_S(\eta) = -\eta G_S + \tfrac12 \eta^2 (G_S^{(1)} + M_S)$; Dom-SGD raises the loss iff "
                 r"$\eta > \eta_D = 2G_D/(G_D^{(1)} + M_D)$, Bulk-SGD lowers it iff "
                 r"$\eta < \eta_B = 2G_B/(G_B^{(1)} + M_B)$.",
                 "Any spectrum, any diagonal noise.", dict(d.results), props, d)


@cache
def derive_T3() -> Claim:
    l4 = derive_L4().defines
    d = Derivation("T3")
    eta_D = d.result("eta_D_2L", factor(l4["eta_D"].xreplace(TWO_LEVEL_MOMENTS)), "eta_D, two-level.")
    eta_B = d.result("eta_B_2L", factor(l4["eta_B"].xreplace(TWO_LEVEL_MOMENTS)), "eta_B, two-level.")
    d.eq("Noiseless interval: left end", Symbol("eta_D(n=0)"), eta_D.xreplace({S.n_D: 0}))
    d.eq("Noiseless interval: right end", Symbol("eta_B(n=0)"), eta_B.xreplace({S.n_B: 0}))
    num, den = together(eta_B - eta_D).as_numer_denom()
    d.eq("eta_B - eta_D over a common (positive) denominator: denominator", Symbol("den"), factor(den))
    scale = 2 * S.lam_D * S.lam_B * S.a * S.b
    cond = d.result("T3_condition", expand(num / scale),
                    "Numerator / (2 lambda_D lambda_B a b): eta_D < eta_B iff this is positive.")
    d.zero("Check against THEORY's form (lambda_D - lambda_B) + n_D/(lambda_D a) - n_B/(lambda_B b).",
           Symbol("condition - THEORY form"),
           cond - ((S.lam_D - S.lam_B) + S.n_D / (S.lam_D * S.a) - S.n_B / (S.lam_B * S.b)))
    # kappa_0: lambda_D = kappa lambda_B, everything else fixed
    cond_k = d.eq("Ill-conditioning: lambda_D = kappa lambda_B, lambda_B, a, b, n_D, n_B fixed.",
                  Symbol("condition(kappa)"), cond.xreplace({S.lam_D: S.kappa * S.lam_B}))
    num_k, den_k = together(cond_k).as_numer_denom()
    quad = d.eq("Times its positive denominator: a quadratic in kappa", Symbol("c(kappa)"),
                collect(expand(num_k), S.kappa))
    d.eq("... the denominator", Symbol("den"), factor(den_k))
    A_, B_, C_ = Poly(quad, S.kappa).all_coeffs()
    disc = d.result("kappa_discriminant", factor(B_**2 - 4 * A_ * C_),
                    "Discriminant; if negative, the condition holds for every kappa.")
    kappa_0 = d.result("kappa_0", (-B_ + sqrt(disc)) / (2 * A_),
                       "A > 0, so the quadratic is positive beyond its larger root kappa_0.")
    d.zero("kappa_0 is a root.", Symbol("c(kappa_0)"), quad.xreplace({S.kappa: kappa_0}))
    kappa_1 = d.result("kappa_sufficient", factor(-B_ / A_),
                       "Simpler sufficient threshold: for kappa > -B/A, c = kappa (A kappa + B) + C > C >= 0.")
    # the sub-interval where full SGD still lowers the loss
    eta_SGD = l4["eta_SGD"]
    G1_D, G1_B = S.G_D1 + S.M_D, S.G_B1 + S.M_B
    d.zero("eta_SGD is the mediant of eta_D and eta_B: eta_SGD - eta_D = w (eta_B - eta_D), "
           "w = (G_B^(1)+M_B)/(G_D^(1)+M_D+G_B^(1)+M_B) in (0,1).", Symbol("eta_SGD - eta_D - w (eta_B - eta_D)"),
           eta_SGD - l4["eta_D"] - G1_B / (G1_D + G1_B) * (l4["eta_B"] - l4["eta_D"]))
    other = d.eq("The other reading of 'fixed ratios': lambda_D fixed, lambda_B = lambda_D / kappa.",
                 Symbol("condition(kappa)"), cond.xreplace({S.lam_B: S.lam_D / S.kappa}))
    d.result("T3_condition_bulk_shrinking_limit", limit(other, S.kappa, oo),
             "As kappa -> oo with lambda_D fixed the condition fails whenever n_B > 0: it is the "
             "dominant eigenvalue growing, not the bulk one shrinking, that opens the interval.")
    cond_kappa_hyps = (S.kappa > 1,)
    props = (
        Prop("T3.interval", (O.dL_D > 0) & (O.dL_B < 0), (l4["eta_D"] < S.eta, S.eta < l4["eta_B"])),
        Prop("T3.nonempty", Equivalent(eta_D < eta_B, cond > 0), model="two-level"),
        Prop("T3.kappa_0", cond_k > 0, cond_kappa_hyps + (disc >= 0, S.kappa > kappa_0), model="two-level"),
        Prop("T3.kappa_all", cond_k > 0, cond_kappa_hyps + (disc < 0,), model="two-level"),
        Prop("T3.kappa_sufficient", cond_k > 0, cond_kappa_hyps + (S.kappa > kappa_1,), model="two-level",
             note="strict: with n_D = 0 the condition vanishes at kappa = kappa_1 (found by salign prove)"),
        Prop("T3.sgd_between", (l4["eta_D"] < eta_SGD) & (eta_SGD < l4["eta_B"]),
             (l4["eta_D"] < l4["eta_B"],)),
        Prop("T3.sgd_works", (O.dL_D > 0) & (O.dL < 0), (l4["eta_D"] < S.eta, S.eta < eta_SGD)),
        Prop("T3.sgd_fails", (O.dL > 0) & (O.dL_B < 0), (eta_SGD < S.eta, S.eta < l4["eta_B"])),
    )
    return Claim("T3", "The suspicious interval",
                 r"$(\eta_D, \eta_B)$, where Dom-SGD raises and Bulk-SGD lowers the loss, is non-empty iff "
                 r"$(\lambda_D - \lambda_B) + n_D/(\lambda_D a) - n_B/(\lambda_B b) > 0$, which holds for all "
                 r"$\kappa > \kappa_0$; on $(\eta_D, \eta_{\mathrm{SGD}})$ full SGD still lowers the loss.",
                 r"Two-level model for the condition and $\kappa_0$; any spectrum for the intervals.",
                 dict(d.results), props, d)
