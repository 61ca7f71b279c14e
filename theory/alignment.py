"""The one-step alignment recursion: L1, L2, T1, T2 (general spectrum).

Everything here is stated in the block moments ``G_S^{(j)}, N_S, M_S``, so it
holds for any spectrum with a gap and any diagonal noise.
"""

from __future__ import annotations

from functools import cache

from sympy import Add, Eq, Equivalent, FiniteSet, Symbol, collect, expand, factor, solve

from . import observables as O
from . import symbols as S
from .claim import Claim, Prop
from .derivation import Derivation, DerivationError
from .model import LevelModel, expect_noise, sgd_coordinate, to_moments


def _check_on_levels(d: Derivation, text: str, lhs, by_definition, in_moments, m: int = 2):
    """Record that a moment formula agrees with the level-by-level definition."""
    model = LevelModel(m, m)
    d.zero(f"{text} (checked on a spectrum with {m} levels per block)", lhs,
           by_definition(model) - in_moments.xreplace(model.moments()))


@cache
def derive_L1() -> Claim:
    d = Derivation("L1")
    x_next = d.eq("One SGD step on eigen-coordinate i (definition).", Symbol("x_i'"),
                  sgd_coordinate(S.x_i, S.lam_i, S.xi_i))
    d.eq("Square and collect in the noise.", Symbol("x_i'^2"), collect(expand(x_next**2), S.xi_i))
    e_x2 = expect_noise(x_next**2, S.xi_i, S.Sigma_ii)
    e_x2 = d.eq(r"Take the expectation: E[xi_i | x] = 0, E[xi_i^2 | x] = Sigma_ii.", O.EX2,
                collect(e_x2, [S.x_i**2, S.Sigma_ii], func=factor))
    d.result("E_x2", e_x2, "Per-coordinate second moment.")
    out = {}
    for block in ("D", "B"):
        lhs = O.EG_D if block == "D" else O.EG_B
        weighted = d.eq(f"Weight by lambda_i^2 and sum over i in {block}.",
                        Symbol(f"sum_{block} lambda_i^2 E[x_i'^2]"), expand(S.lam_i**2 * e_x2))
        out[block] = d.eq(f"Name the sums as block moments of {block}.", lhs,
                          to_moments(weighted, block))
        _check_on_levels(d, f"E[G_{block}(x')] from the step, minus the moment form",
                         Symbol(f"E[G_{block}'] - moment form"),
                         lambda mdl, blk=block: mdl.expected_G(blk), out[block])
        d.result(f"EG_{block}", out[block])
    props = (
        Prop("L1.coordinate", Eq(O.EX2, e_x2), model="coordinate"),
        Prop("L1.D", Eq(O.EG_D, out["D"])),
        Prop("L1.B", Eq(O.EG_B, out["B"])),
    )
    return Claim("L1", "One-step second moments",
                 r"$\mathbb{E}[x_i'^2 \mid x] = (1-\eta\lambda_i)^2 x_i^2 + \eta^2 \Sigma_{ii}$, hence "
                 r"$\mathbb{E}[G_S(x')] = G_S - 2\eta G_S^{(1)} + \eta^2 (G_S^{(2)} + N_S)$.",
                 r"$\mathbb{E}[\xi \mid x] = 0$, $\mathrm{Cov}(\xi \mid x) = \Sigma(x)$; any spectrum.",
                 dict(d.results), props, d)


@cache
def derive_L2() -> Claim:
    l1 = derive_L1().defines
    d = Derivation("L2")
    Delta_sym = Symbol("Delta(eta)")
    Delta = d.eq("Definition: Delta = E[G_D(x')] G_B - E[G_B(x')] G_D, with L1.", Delta_sym,
                 collect(expand(l1["EG_D"] * S.G_B - l1["EG_B"] * S.G_D), S.eta))
    d.zero("The eta^0 coefficient vanishes.", Symbol("[eta^0] Delta"), Delta.coeff(S.eta, 0))
    P = d.result("P", factor(-Delta.coeff(S.eta, 1)), "P = -[eta^1] Delta.")
    Q = d.result("Q", collect(expand(Delta.coeff(S.eta, 2)), [S.G_B, S.G_D]), "Q = [eta^2] Delta.")
    Delta_factored = S.eta * (S.eta * Q - P)
    d.zero("Hence Delta = eta (eta Q - P).", Symbol("Delta - eta (eta Q - P)"), Delta - Delta_factored)
    EGD, EGB = l1["EG_D"], l1["EG_B"]
    num, den = (EGD / (EGD + EGB) - S.G_D / (S.G_D + S.G_B)).together().as_numer_denom()
    d.eq("chi-bar' - chi over a common denominator: the denominator", Symbol("denominator"), factor(den))
    d.zero("... whose numerator is Delta, so sign Delta = sign(chi-bar' - chi).",
           Symbol("numerator - Delta"), num - Delta)
    # P > 0: on a spectrum with levels, P is a sum of gap-weighted positive terms
    mdl = LevelModel(2, 2)
    P_levels = expand(P.xreplace(mdl.moments()))
    pairs = Add(*[2 * i.lam**2 * j.lam**2 * i.x2 * j.x2 * (i.lam - j.lam)
                  for i in mdl.levels["D"] for j in mdl.levels["B"]])
    d.eq("On a spectrum with 2 levels per block, P in level variables", Symbol("P"), P_levels)
    d.zero("P is a sum over pairs (i in D, j in B) of 2 lambda_i^2 lambda_j^2 x2_i x2_j "
           "(lambda_i - lambda_j), each positive under the spectral gap.",
           Symbol("P - sum_pairs"), P_levels - pairs)
    props = (
        Prop("L2.factor", Eq(O.EG_D * S.G_B, O.EG_B * S.G_D + Delta_factored)),
        Prop("L2.sign", Equivalent(O.Dchi > 0, Delta_factored > 0) & Equivalent(O.Dchi < 0, Delta_factored < 0)),
        Prop("L2.P_positive", P > 0, (O.spectral_gap,)),
    )
    return Claim("L2", "Alignment-change polynomial",
                 r"$\Delta(\eta) = \eta(\eta Q - P)$ with $P = 2(G_D^{(1)} G_B - G_B^{(1)} G_D)$ and "
                 r"$Q = G_B(G_D^{(2)} + N_D) - G_D(G_B^{(2)} + N_B)$; $P > 0$ under the spectral gap.",
                 r"Spectral gap, $G_D, G_B > 0$.", dict(d.results), props, d)


@cache
def derive_T1() -> Claim:
    l2 = derive_L2().defines
    P, Q = l2["P"], l2["Q"]
    d = Derivation("T1")
    Delta = S.eta * (S.eta * Q - P)
    roots = solve(Delta, S.eta, dict=False)
    d.eq("Solve Delta(eta) = 0 for eta (L2).", Symbol("roots of Delta"), FiniteSet(*roots))
    nonzero = [r for r in roots if r != 0]
    if len(nonzero) != 1:
        raise DerivationError(f"T1: expected one nonzero root, got {roots}")
    eta_star = d.result("eta_star", factor(nonzero[0]), "The nonzero root is the critical step size.")
    d.zero("Check: eta_star = P/Q.", Symbol("eta_star - P/Q"), eta_star - P / Q)
    d.zero("So Delta = Q eta (eta - eta_star): for Q > 0 the sign of Delta is the sign of eta - eta_star.",
           Symbol("Delta - Q eta (eta - eta_star)"), Delta - Q * S.eta * (S.eta - eta_star))
    hyp = (Q > 0, O.spectral_gap)
    props = (
        Prop("T1.positive", eta_star > 0, hyp),
        Prop("T1.below", O.Dchi < 0, hyp + (S.eta < eta_star,)),
        Prop("T1.at", Eq(O.EG_D * S.G_B, O.EG_B * S.G_D), hyp + (Eq(S.eta, eta_star),),
             note="unchanged alignment: E[G_D']/E[G_B'] = G_D/G_B"),
        Prop("T1.above", O.Dchi > 0, hyp + (S.eta > eta_star,)),
        Prop("T1.root", Eq(O.eta_root, eta_star), hyp, verify_only=True,
             note="the nonzero root of chi-bar'(eta) - chi found numerically"),
    )
    return Claim("T1", "Critical step size (low-alignment regime Q > 0)",
                 r"If $Q > 0$, then $\eta^* = P/Q > 0$; the mean-field alignment decreases for $\eta < \eta^*$, "
                 r"is unchanged at $\eta = \eta^*$ and increases for $\eta > \eta^*$.",
                 r"$Q > 0$, spectral gap.", dict(d.results), props, d)


@cache
def derive_T2() -> Claim:
    l2 = derive_L2().defines
    P, Q = l2["P"], l2["Q"]
    d = Derivation("T2")
    d.eq("By L2, Delta / eta is linear in eta.", Symbol("Delta / eta"), S.eta * Q - P)
    d.eq("For Q <= 0 and eta > 0: eta Q - P <= -P, and P > 0 (L2).", Symbol("bound"), -P)
    props = (Prop("T2.decreases", O.Dchi < 0, (Q <= 0, O.spectral_gap)),)
    return Claim("T2", "Self-correction (high-alignment regime Q <= 0)",
                 r"If $Q \le 0$, the mean-field alignment decreases for every $\eta > 0$.",
                 r"$Q \le 0$, spectral gap.", {"Delta_over_eta": S.eta * Q - P}, props, d)
