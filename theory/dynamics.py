"""T4, T5 and X1: constant-step mean-field dynamics of the two-level model.

With state-independent noise the block second moments follow decoupled affine
recursions (T4) whose alignment turns at most once (T5).  Under loss-scaled
noise (X1) the recursion couples ``a`` and ``b`` through a 2x2 matrix.
"""

from __future__ import annotations

from functools import cache

from sympy import (
    Eq,
    Equivalent,
    Function,
    ImmutableMatrix,
    Matrix,
    Ne,
    Symbol,
    collect,
    expand,
    factor,
    rsolve,
    solve,
    solve_univariate_inequality,
    together,
)

from . import observables as O
from . import symbols as S
from .claim import Claim, Prop
from .derivation import Derivation, DerivationError
from .loss import derive_T3
from .model import alignment, level_second_moment, two_level_noise_traces
from .regimes import derive_L3


def alignment_of(a_, b_):
    """``A = lambda_D^2 a / (lambda_D^2 a + lambda_B^2 b)``: the alignment of the two-level state ``(a, b)``."""
    return alignment(S.lam_D**2 * a_, S.lam_B**2 * b_)


@cache
def derive_T4() -> Claim:
    d = Derivation("T4")
    rho = {}
    step = {}
    for blk, lam, x2, n in (("D", S.lam_D, S.a, S.n_D), ("B", S.lam_B, S.b, S.n_B)):
        e = level_second_moment(lam, x2, n)
        step[blk] = d.eq(f"Mean-field step of the {blk} block (sum of E[x_i'^2] over {blk}).",
                         Symbol(f"E[{x2}']"), collect(expand(e), x2, factor))
        rho[blk] = factor(expand(e).coeff(x2, 1))
        d.eq(f"The contraction factor rho_{blk}", Symbol(f"rho_{blk}"), rho[blk])
    f = Function("a")
    sol = rsolve(f(S.t + 1) - S.rho_D * f(S.t) - S.eta**2 * S.n_D, f(S.t), {f(0): S.a_0})
    if sol is None:
        raise DerivationError("T4: rsolve found no solution")
    d.eq("Solve a_{t+1} = rho_D a_t + eta^2 n_D, a_0 given (rsolve).", Symbol("a_t"), sol)
    a_inf_rho = d.eq("The constant part: a_inf = eta^2 n_D / (1 - rho_D).", Symbol("a_inf"),
                     factor(sol.xreplace({S.rho_D**S.t: 0})))
    d.zero("So a_t = rho_D^t (a_0 - a_inf) + a_inf.", Symbol("a_t - closed form"),
           sol - (S.rho_D**S.t * (S.a_0 - a_inf_rho) + a_inf_rho))
    a_inf = d.result("a_inf", factor(a_inf_rho.xreplace({S.rho_D: rho["D"]})), "With rho_D = (1 - eta lambda_D)^2.")
    b_inf = d.result("b_inf", a_inf.xreplace({S.lam_D: S.lam_B, S.n_D: S.n_B}),
                     "Likewise for b (the same recursion with lambda_B, n_B).")
    d.zero("b_inf is the fixed point of the B step.", Symbol("E[b'](b_inf) - b_inf"),
           step["B"].xreplace({S.b: b_inf}) - b_inf)
    stable = solve_univariate_inequality(rho["D"] < 1, S.eta, relational=True)
    d.eq("Stability of the D block: rho_D < 1 iff", Symbol("rho_D < 1"), stable)
    A_inf = d.result("A_inf", factor(together(alignment_of(a_inf, b_inf))),
                     "A_inf = lambda_D^2 a_inf / (lambda_D^2 a_inf + lambda_B^2 b_inf).")
    theory_form = (S.n_D * S.lam_D * (2 - S.eta * S.lam_B)
                   / (S.n_D * S.lam_D * (2 - S.eta * S.lam_B) + S.n_B * S.lam_B * (2 - S.eta * S.lam_D)))
    d.zero("Check against THEORY's form.", Symbol("A_inf - THEORY form"), A_inf - theory_form)
    iso = two_level_noise_traces("isotropic")
    d.result("A_inf_isotropic", factor(A_inf.xreplace(iso)), "Isotropic noise: n_D / n_B = k / (d - k).")
    eta_star_2L = derive_L3().defines["eta_star_2L"]
    eta_D_2L = derive_T3().defines["eta_D_2L"]
    fixed = {S.a: a_inf, S.b: b_inf}
    d.zero("The fixed point sits on the critical curve of T1: eta*(a_inf, b_inf) = eta.",
           Symbol("eta*(a_inf, b_inf) - eta"), eta_star_2L.xreplace(fixed) - S.eta)
    d.zero("... and on the Dom-SGD curve of L4: eta_D(a_inf) = eta.", Symbol("eta_D(a_inf) - eta"),
           eta_D_2L.xreplace(fixed) - S.eta)
    # closed forms with p = rho_D^t for the prover
    a_t = S.p * (S.a_0 - a_inf) + a_inf
    A_t = alignment_of(S.rho_D**S.t * (S.a_0 - a_inf) + a_inf, (S.rho_B**S.t) * (S.b_0 - b_inf) + b_inf)
    d.result("A_t", A_t.xreplace({S.rho_D: rho["D"], S.rho_B: rho["B"]}), "The mean-field alignment at time t.")
    stab = (S.eta < 2 / S.lam_D, S.lam_D > S.lam_B)
    noisy = (S.n_D > 0, S.n_B > 0)
    props = (
        Prop("T4.recursion", Eq(step["D"].xreplace({S.a: a_t}), a_t.xreplace({S.p: S.p * rho["D"]})),
             (Ne(S.eta, 2 / S.lam_D),), model="dynamics",
             note="the closed form with p = rho_D^t obeys the step's recursion; at eta = 2/lambda_D the fixed point "
                  "a_inf is 0/0 and the closed form undefined (found by salign prove)"),
        Prop("T4.fixed_point", Eq(step["D"].xreplace({S.a: a_inf}), a_inf), stab, model="dynamics"),
        Prop("T4.stable", Equivalent(rho["D"] < 1, S.eta < 2 / S.lam_D), model="dynamics"),
        Prop("T4.A_inf", Eq(A_inf, alignment_of(a_inf, b_inf)), stab + noisy, model="dynamics",
             note="without noise a_inf = b_inf = 0 and A_inf is 0/0"),
        Prop("T4.eta_star_fixed", Eq(eta_star_2L.xreplace(fixed), S.eta), stab + noisy, model="dynamics"),
        Prop("T4.eta_D_fixed", Eq(eta_D_2L.xreplace(fixed), S.eta), stab + noisy, model="dynamics"),
        Prop("T4.trajectory", Eq(O.A_iter, d.results["A_t"]), stab, model="dynamics", verify_only=True,
             note="A_t iterated step by step from (a_0, b_0) vs the closed form"),
        Prop("T4.limit", Eq(O.A_lim, A_inf), stab + noisy, model="dynamics", verify_only=True,
             note="A_t iterated to convergence vs A_inf"),
    )
    return Claim("T4", "Constant-step dynamics (two-level, state-independent noise)",
                 r"$a_t = \rho_D^t (a_0 - a_\infty) + a_\infty$ with $a_\infty = \eta n_D/(\lambda_D(2 - \eta\lambda_D))$, "
                 r"likewise $b_t$; $A_t \to A_\infty$; at the fixed point $\eta^*(a_\infty, b_\infty) = "
                 r"\eta_D(a_\infty) = \eta$.",
                 r"Two-level model, state-independent noise, $0 < \eta < 2/\lambda_D$.",
                 dict(d.results), props, d)


@cache
def derive_T5() -> Claim:
    t4 = derive_T4().defines
    d = Derivation("T5")
    pt, qt = S.rho_D**S.t, S.rho_B**S.t
    a_t = S.alpha * pt + S.a_inf
    b_t = S.beta * qt + S.b_inf
    shift = {S.t: S.t + 1}
    cross = d.eq("A_{t+1} > A_t iff a_{t+1} b_t - a_t b_{t+1} > 0 (lambdas and denominators are "
                 "positive); with a_t = alpha rho_D^t + a_inf, b_t = beta rho_B^t + b_inf:",
                 Symbol("a_{t+1} b_t - a_t b_{t+1}"),
                 expand(a_t.xreplace(shift) * b_t - a_t * b_t.xreplace(shift), power_exp=True))
    A, A_next = alignment_of(S.a, S.b), alignment_of(S.a_next, S.b_next)
    num, _ = together(A_next - A).as_numer_denom()
    d.zero("A' - A has numerator lambda_D^2 lambda_B^2 (a' b - a b').", Symbol("numerator - ..."),
           num - S.lam_D**2 * S.lam_B**2 * (S.a_next * S.b - S.a * S.b_next))
    # divide by rho_B^t; name p = rho_D^t and u = (rho_D/rho_B)^t
    s_uq = expand(cross.xreplace({pt: S.u * S.p_B, qt: S.p_B}) / S.p_B)
    s_pu = collect(s_uq.subs(S.u * S.p_B, S.p), [S.p, S.u], factor)
    if S.p_B in s_pu.free_symbols:
        raise DerivationError(f"T5: s_t still depends on rho_B^t alone: {s_pu}")
    d.result("s_t", s_pu.xreplace({S.p: pt, S.u: (S.rho_D / S.rho_B)**S.t}),
                   "Divide by rho_B^t and write u = (rho_D/rho_B)^t: s_t has the sign of A_{t+1} - A_t.")
    theory_form = (S.alpha * S.beta * pt * (S.rho_D - S.rho_B)
                   + S.alpha * S.b_inf * (S.rho_D - 1) * (S.rho_D / S.rho_B)**S.t
                   + S.a_inf * S.beta * (1 - S.rho_B))
    d.zero("Check against THEORY's s_t (as a polynomial in p = rho_D^t, u = (rho_D/rho_B)^t).",
           Symbol("s_t - THEORY form"),
           s_pu - theory_form.xreplace({pt: S.p, (S.rho_D / S.rho_B)**S.t: S.u}))
    step_pu = {S.p: S.p * S.rho_D, S.u: S.u * S.rho_D / S.rho_B}
    inc = d.eq("One step multiplies p by rho_D and u by rho_D/rho_B: the increment", Symbol("s_{t+1} - s_t"),
               factor(s_pu.xreplace(step_pu) - s_pu))
    d.eq("Each term is >= 0 when rho_D < rho_B < 1 and alpha, beta > 0: s_t is non-decreasing, "
         "so A_t turns at most once, from decreasing to increasing.", Symbol("(s_{t+1} - s_t) terms"),
         collect(expand(inc), [S.p, S.u], factor))
    d.eq("rho_D - rho_B factors; with eta > 0 and lambda_D > lambda_B, rho_D < rho_B iff "
         "eta (lambda_D + lambda_B) < 2.", Symbol("rho_D - rho_B"),
         factor((1 - S.eta * S.lam_D)**2 - (1 - S.eta * S.lam_B)**2))
    s0 = s_pu.xreplace({S.p: 1, S.u: 1})
    alpha_0 = d.result("alpha_0", factor(solve(s0.xreplace({S.b_inf: 0}), S.alpha)[0]),
                       "Large initialisation: for alpha >= alpha_0 the positive term is dominated and "
                       "s_0 < 0 whatever beta > 0 (the b_inf term only helps).")
    # mirrored phase: divide by rho_D^t instead
    r_wv = expand(cross.xreplace({pt: S.p, qt: S.v * S.p}) / S.p).subs(S.v * S.p, S.p_B)
    if S.p in r_wv.free_symbols:
        raise DerivationError(f"T5: the mirrored form still depends on rho_D^t alone: {r_wv}")
    r_wv = d.eq("Mirrored phase (rho_B < rho_D < 1): divide by p = rho_D^t; p_B = rho_B^t, v = (rho_B/rho_D)^t",
                Symbol("r"), collect(expand(r_wv), [S.p_B, S.v], factor))
    step_wv = {S.p_B: S.p_B * S.rho_B, S.v: S.v * S.rho_B / S.rho_D}
    d.eq("... whose increment is <= 0: A_t turns at most once, from rising to falling.",
         Symbol("r_{t+1} - r_t"), factor(r_wv.xreplace(step_wv) - r_wv))
    beta_0 = d.result("beta_0", factor(solve(s0.xreplace({S.a_inf: 0}), S.beta)[0]),
                      "Mirrored large initialisation: for beta >= beta_0, s_0 > 0.")
    # A_inf >= 1 - eps
    A_inf = t4["A_inf"]
    crit = solve(Eq(A_inf.xreplace({S.n_D: S.R * S.n_B * S.lam_B / S.lam_D}), 1 - S.eps), S.R)
    if len(crit) != 1:
        raise DerivationError(f"T5: expected one solution of A_inf = 1 - eps for R, got {crit}")
    R_eps = d.result("R_eps", factor(crit[0]), "Solve A_inf = 1 - eps for R = kappa n_D / n_B.")
    R_bound = d.result("R_eps_uniform", factor(R_eps.xreplace({S.eta: 0})),
                       "For stable eta, 0 < 2 - eta lambda_D < 2 - eta lambda_B, so R_eps < its eta = 0 value: "
                       "R >= (1 - eps)/eps suffices for every stable eta.")
    # a_inf, b_inf >= 0 hold at every stable step with noise (T4); stated, since a_inf is a symbol here
    case1 = (S.rho_D < S.rho_B, S.rho_B < 1, S.alpha > 0, S.beta > 0, S.a_inf >= 0, S.b_inf >= 0)
    case2 = (S.rho_B < S.rho_D, S.rho_D < 1, S.alpha > 0, S.beta > 0, S.a_inf >= 0, S.b_inf >= 0)
    R_of = S.lam_D * S.n_D / (S.lam_B * S.n_B)
    props = (
        Prop("T5.sign", Eq(cross.xreplace({pt: S.p, qt: S.p_B}), S.p_B * s_pu.xreplace({S.u: S.p / S.p_B})),
             (S.p_B > 0, S.rho_D < 1, S.rho_B < 1),  # a stable step: a_inf, b_inf exist
             model="dynamics"),
        Prop("T5.sign_alignment",
             Equivalent(A_next - A > 0, S.a_next * S.b - S.a * S.b_next > 0),
             model="dynamics"),
        Prop("T5.increasing", s_pu.xreplace(step_pu) >= s_pu, case1, model="dynamics"),
        Prop("T5.phase", Equivalent(S.eta < 2 / (S.lam_D + S.lam_B),
                                    (1 - S.eta * S.lam_D)**2 < (1 - S.eta * S.lam_B)**2),
             (S.lam_D > S.lam_B, S.eta < 2 / S.lam_B), model="dynamics"),
        Prop("T5.large_init", s0 < 0, case1 + (S.alpha >= alpha_0, S.b_inf > 0), model="dynamics"),
        Prop("T5.mirror_decreasing", r_wv.xreplace(step_wv) <= r_wv, case2, model="dynamics"),
        Prop("T5.mirror_large_init", s0 > 0, case2 + (S.beta >= beta_0, S.a_inf > 0), model="dynamics"),
        Prop("T5.A_inf_bound", A_inf >= 1 - S.eps,
             (S.eps < 1, S.lam_D > S.lam_B, S.eta < 2 / S.lam_D, S.n_D > 0, S.n_B > 0, R_of >= R_bound),
             model="dynamics"),
        Prop("T5.sign_iter", Equivalent(O.dA_iter > 0, s_pu > 0), (S.eta < 2 / S.lam_D,),
             model="dynamics", verify_only=True,
             note="s_t against the sign of A_{t+1} - A_t on the iterated trajectory (its sign decided rigorously in arb)"),
        Prop("T5.turns", O.turns_iter <= 1, (S.eta < 2 / S.lam_D, S.a_0 > S.a_inf, S.b_0 > S.b_inf),
             model="dynamics", verify_only=True,
             note="direction changes of the iterated A_t from a_0 > a_inf, b_0 > b_inf"),
    )
    return Claim("T5", "Two phases",
                 r"For $0 < \eta < 2/(\lambda_D + \lambda_B)$ and $a_0 > a_\infty$, $b_0 > b_\infty$: "
                 r"$\operatorname{sign}(A_{t+1} - A_t) = \operatorname{sign}(s_t)$ with $s_t$ non-decreasing, so $A_t$ "
                 r"turns at most once, from falling to rising (mirrored above $2/(\lambda_D + \lambda_B)$); "
                 r"$A_\infty \ge 1 - \varepsilon$ once $\kappa n_D/n_B \ge (1 - \varepsilon)/\varepsilon$.",
                 r"Two-level model, state-independent noise, $0 < \eta < 2/\lambda_D$.",
                 dict(d.results), props, d)


@cache
def derive_X1() -> Claim:
    d = Derivation("X1")
    traces = two_level_noise_traces("loss-scaled")
    d.eq("Loss-scaled noise Sigma = 2 sigma^2 L(x) H, L = (lambda_D a + lambda_B b)/2: n_D", S.n_D,
         factor(traces[S.n_D]))
    d.eq("... n_B", S.n_B, factor(traces[S.n_B]))
    step = {}
    for blk, lam, x2, n in (("D", S.lam_D, S.a, S.n_D), ("B", S.lam_B, S.b, S.n_B)):
        step[blk] = expand(level_second_moment(lam, x2, n).xreplace(traces))
    Mx = Matrix([[step[r].coeff(c_) for c_ in (S.a, S.b)] for r in ("D", "B")]).applyfunc(factor)
    for r in ("D", "B"):
        if expand(step[r] - (Mx.row(0 if r == "D" else 1) * Matrix([S.a, S.b]))[0]) != 0:
            raise DerivationError("X1: the recursion is not linear in (a, b)")
    d.eq("The mean-field recursion is linear: (a', b') = M (a, b) with M =", Symbol("M"), Mx)
    det = d.result("det_M", collect(expand(Mx.det()), S.sigma2, factor), "det M >= 0 (every term is a product of "
                   "non-negative factors).")
    d.zero("det M = rho_D rho_B + eta^2 sigma^2 ((d-k) lambda_B^2 rho_D + k lambda_D^2 rho_B) >= 0.",
           Symbol("det M - positive form"),
           det - ((1 - S.eta * S.lam_D)**2 * (1 - S.eta * S.lam_B)**2 + S.eta**2 * S.sigma2 * (
               (S.d - S.k) * S.lam_B**2 * (1 - S.eta * S.lam_D)**2 + S.k * S.lam_D**2 * (1 - S.eta * S.lam_B)**2)))
    d.eq("So r = a/b follows a Moebius map r' = (M11 r + M12)/(M21 r + M22), increasing in r since "
         "det M >= 0: r_t, hence A_t, is monotone and never turns.", Symbol("dr'/dr numerator"), det)
    a0_, b0_ = S.a, S.b
    a1_, b1_ = (Mx * Matrix([a0_, b0_]))
    a2_, b2_ = (Mx * Matrix([a1_, b1_]))
    c1 = a1_ * b0_ - a0_ * b1_
    c2 = a2_ * b1_ - a1_ * b2_
    d.zero("Two consecutive alignment increments: (a2 b1 - a1 b2) = det M (a1 b0 - a0 b1).",
           Symbol("c_2 - det M c_1"), c2 - Mx.det() * c1)
    d.result("M", ImmutableMatrix(Mx), "The coupled recursion matrix.")
    # T1 / T2 under loss-scaled noise: the one-step claims with the state-dependent traces
    l3 = derive_L3().defines
    Q_ls = d.result("Q_loss_scaled", factor(l3["Q_2L"].xreplace(traces)), "Q / (lambda_D^2 lambda_B^2) "
                    "with the loss-scaled traces.")
    eta_star_ls = d.result("eta_star_loss_scaled", factor(l3["eta_star_2L"].xreplace(traces)),
                           "eta* with the loss-scaled traces.")
    base = (S.lam_D > S.lam_B, S.d > S.k)
    # the regime switch in alignment terms: Q_ls at the alignment chi, the gradient norm G held (a, b from chi, G)
    in_chi = {S.a: O.chi_root * S.G / S.lam_D**2, S.b: (1 - O.chi_root) * S.G / S.lam_B**2}
    props = (
        Prop("X1.T1_below", O.Dchi < 0, base + (Q_ls > 0, S.eta < eta_star_ls), model="loss-scaled"),
        Prop("X1.T1_above", O.Dchi > 0, base + (Q_ls > 0, S.eta > eta_star_ls), model="loss-scaled"),
        Prop("X1.T2", O.Dchi < 0, base + (Q_ls <= 0,), model="loss-scaled"),
        Prop("X1.eta_star_root", Eq(O.eta_root, eta_star_ls), base + (Q_ls > 0,), model="loss-scaled",
             verify_only=True, note="the sign change of the alignment change in eta, found numerically"),
        Prop("X1.chi_c_root", Eq(Q_ls.xreplace(in_chi), 0), base + (S.sigma2 > 0,), model="loss-scaled",
             verify_only=True, note="Q vanishes at the regime switch in chi found numerically at the state's G, "
             "the noise moving with the state"),
        Prop("X1.increments", Eq(O.inc2, det * O.inc1), model="loss-scaled",
             note="two consecutive alignment increments differ by the factor det M >= 0"),
        Prop("X1.at_most_one_turn", O.inc2 * O.inc1 >= 0, base, model="loss-scaled",
             note="consecutive alignment increments never have opposite signs: A_t never turns"),
        Prop("X1.no_turns_iter", Eq(O.turns_iter, 0), base, model="loss-scaled", verify_only=True,
             note="the iterated loss-scaled trajectory never changes direction"),
        Prop("X1.T5_two_phases", O.turns_iter >= 1, base + (O.inc1 < 0,),
             model="loss-scaled", verify_only=True, expected=False,
             note="conjecture: T5's fall-then-rise survives under loss-scaled noise (expected refuted)"),
    )
    return Claim("X1", "Beyond the paper: loss-scaled noise",
                 r"Under $\Sigma = 2\sigma^2 L(x) H$ the mean-field recursion is $(a', b') = M(a, b)$; T1 and T2 "
                 r"hold step by step, and $A_t$ is monotone: T5's two phases do not occur.",
                 r"Two-level model, $\Sigma = 2\sigma^2 L(x) H$, $k$ dominant of $d$ coordinates.",
                 dict(d.results), props, d)


__all__ = ["derive_T4", "derive_T5", "derive_X1", "alignment_of"]
