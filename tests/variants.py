"""Wrong variants: one (or more) per claim, each a flipped inequality or a constant off by a few percent.

The verifier and the prover must reject every one of them with a counterexample.
"""

from sympy import Eq, Equivalent, Rational

from salign.theory import expression, get
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop

c103, c097, c102 = Rational(103, 100), Rational(97, 100), Rational(102, 100)


def variants():
    P, Q, es = expression("P"), expression("Q"), expression("eta_star")
    inc = get("T5").prop("T5.increasing")  # s_{t+1} >= s_t; the variant claims s_{t+1} < s_t
    return {
        "L1": Prop("L1~noise_doubled", Eq(O.EG_D, expression("EG_D") + S.eta**2 * S.N_D)),
        "L2": Prop("L2~P_3pct", Eq(O.EG_D * S.G_B, O.EG_B * S.G_D + S.eta * (S.eta * Q - c103 * P))),
        "T1": Prop("T1~eta_star_3pct", O.Dchi < 0, (Q > 0, O.spectral_gap, S.eta < c103 * es)),
        "T2": Prop("T2~flipped", O.Dchi > 0, (Q <= 0, O.spectral_gap)),
        "L3": Prop("L3~regime_flipped", Equivalent(expression("h") > 0, S.chi > expression("chi_c")),
                   (S.lam_D > S.lam_B, S.n_D > 0, S.n_B > 0, S.chi < 1), model="two-level"),
        "L4": Prop("L4~eta_D_3pct", Equivalent(O.dL_D > 0, S.eta > c097 * expression("eta_D"))),
        "T3": Prop("T3~condition_noise_doubled",
                   Equivalent(expression("eta_D_2L") < expression("eta_B_2L"),
                              expression("T3_condition") + S.n_D / (S.lam_D * S.a) > 0), model="two-level"),
        "T4": Prop("T4~A_inf_2pct", Eq(O.A_lim, c102 * expression("A_inf")),
                   (S.eta < 2 / S.lam_D, S.lam_D > S.lam_B, S.n_D > 0, S.n_B > 0), model="dynamics",
                   verify_only=True),
        "T5": Prop("T5~decreasing", inc.conclusion.lhs < inc.conclusion.rhs, inc.hypotheses, model="dynamics"),
        "X1": Prop("X1~turns", O.inc2 * O.inc1 < 0, (S.lam_D > S.lam_B, S.d > S.k), model="loss-scaled"),
    }


def prover_variants():
    """One wrong variant per claim in a form the prover can state (no oracle-only observable)."""
    out = {cid: p for cid, p in variants().items() if not p.verify_only}
    a_inf = expression("a_inf")
    step = get("T4").prop("T4.fixed_point").conclusion.lhs.xreplace({a_inf: c102 * a_inf})
    out["T4"] = Prop("T4~a_inf_2pct", Eq(step, c102 * a_inf), (S.eta < 2 / S.lam_D, S.lam_D > S.lam_B, S.n_D > 0),
                     model="dynamics")
    return out


def variant_claim(cid):
    """The registry claim ``cid`` with its propositions replaced by its wrong variant."""
    return get(cid).with_props(variants()[cid])
