"""Each derived expression against an independent route: the model's definition at rational points.

Every check below compares a formula from the registry with a quantity the
oracles compute from the SGD step itself (two-point noise, exact rationals), and
each test keeps a wrong variant that the same comparison must reject.
"""

import random
from fractions import Fraction as F

import mpmath
import pytest

from salign.theory import expression
from salign.theory import symbols as S
from salign.verify.verifier import oracles as O
from salign.verify.verifier.evaluate import numeric
from salign.verify.verifier.instance import Instance, Level, two_level

from .helpers import alignment_trajectory, exact, from_spectrum, iterate_two_level


def rational_instance(seed, m_D=2, m_B=3, two_level_mults=None):
    """A random spectrum with a gap, rational coordinates and noise (per coordinate)."""
    rng = random.Random(seed)
    bulk = sorted((F(rng.randint(1, 50), rng.randint(1, 9)) for _ in range(m_B)), reverse=True)
    top = max(bulk)
    dom = sorted((top + F(rng.randint(1, 90), rng.randint(1, 9)) for _ in range(m_D)), reverse=True)
    lams = dom + bulk
    x = [F(rng.randint(-40, 40) or 1, rng.randint(1, 7)) for _ in lams]
    sigma = [F(rng.randint(0, 30), rng.randint(1, 7)) for _ in lams]
    eta = F(1, rng.randint(1, 5)) / max(lams) * F(rng.randint(1, 40), 10)
    return from_spectrum(lams, m_D, x, sigma, eta)


def rational_two_level(seed):
    rng = random.Random(seed)
    lB = F(rng.randint(1, 30), rng.randint(1, 9))
    lD = lB + F(rng.randint(1, 200), rng.randint(1, 9))
    k, m = rng.randint(1, 5), rng.randint(1, 7)
    D = Level(lD, k, F(rng.randint(1, 20), rng.randint(1, 9)), F(rng.randint(1, 20), rng.randint(1, 9)))
    B = Level(lB, m, F(rng.randint(1, 20), rng.randint(1, 9)), F(rng.randint(1, 20), rng.randint(1, 9)))
    eta = F(rng.randint(1, 199), 100) / lD
    return Instance((D,), (B,), eta)


SEEDS = range(12)


# --- L1 ----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_L1_block_second_moment_matches_the_step_expectation(seed):
    inst = rational_instance(seed)
    for blk in ("D", "B"):
        assert exact(expression(f"EG_{blk}"), inst.values()) == O.expected_G(inst, blk)


def test_L1_rejects_a_noise_term_off_by_a_factor_two():
    inst = rational_instance(1)
    wrong = expression("EG_D") + S.eta**2 * S.N_D  # eta^2 (G2 + 2 N) instead of eta^2 (G2 + N)
    assert exact(wrong, inst.values()) != O.expected_G(inst, "D")


# --- L2, T1 --------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_L2_P_is_positive_and_T1_eta_star_zeroes_the_alignment_change(seed):
    inst = rational_instance(seed)
    vals = inst.values()
    assert exact(expression("P"), vals) > 0
    Q = exact(expression("Q"), vals)
    if Q > 0:
        es = exact(expression("eta_star"), vals)
        assert es > 0
        assert O.alignment_change(inst, es) == 0
        assert O.alignment_change(inst, es * F(9, 10)) < 0 < O.alignment_change(inst, es * F(11, 10))
    else:
        for eta in (F(1, 1000), F(1), F(1000)):
            assert O.alignment_change(inst, eta / max(lv.lam for lv in inst.D)) < 0


def test_T1_rejects_eta_star_off_by_one_percent():
    for seed in range(50):
        inst = rational_instance(seed)
        if exact(expression("Q"), inst.values()) > 0:
            es = exact(expression("eta_star"), inst.values()) * F(101, 100)
            assert O.alignment_change(inst, es) != 0
            return
    pytest.fail("no low-regime instance among 50 seeds")


# --- L3 -----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_L3_two_level_eta_star_and_h_agree_with_the_model(seed):
    inst = rational_two_level(seed)
    vals = inst.values()
    assert exact(expression("eta_star_2L"), vals) == exact(expression("eta_star"), vals)
    Q = exact(expression("Q"), vals)
    assert exact(expression("h"), vals) * vals[S.G] == Q  # Q = G h at the state


@pytest.mark.parametrize("seed", SEEDS)
def test_L3_chi_c_is_where_the_regime_switches(seed, dps50):
    inst = rational_two_level(seed)
    v = {s: mpmath.mpf(x.numerator) / x.denominator if isinstance(x, F) else x for s, x in inst.values().items()}
    chi_c = numeric(expression("chi_c"), v)
    assert 0 < chi_c < 1
    root = O.chi_root(two_level(v[S.lam_D], v[S.lam_B], inst.k, inst.d, v[S.a], v[S.b], v[S.n_D], v[S.n_B],
                                v[S.eta]))
    assert abs(root - chi_c) < mpmath.mpf(10) ** -35


def test_L3_chi_c_limits_in_G(dps50):
    v = {S.lam_D: mpmath.mpf(3), S.lam_B: mpmath.mpf(1), S.n_D: mpmath.mpf(2), S.n_B: mpmath.mpf(5)}
    chi_c = expression("chi_c")
    assert abs(numeric(chi_c, {**v, S.G: mpmath.mpf(10) ** 30}) - 1) < 1e-25
    noise = numeric(expression("chi_noise"), v)
    assert abs(numeric(chi_c, {**v, S.G: mpmath.mpf(10) ** -30} ) - noise) < 1e-25
    assert noise == mpmath.mpf(18) / 23
    Gs = [mpmath.mpf(10) ** e for e in range(-5, 6)]
    vals = [numeric(chi_c, {**v, S.G: g}) for g in Gs]
    assert all(x < y for x, y in zip(vals, vals[1:])), "chi_c must increase with G"


def test_L3_rejects_h_with_the_noise_term_doubled():
    inst = rational_two_level(3)
    vals = inst.values()
    wrong = expression("h") + S.n_D * S.lam_D**2 * (1 - S.chi)
    assert exact(wrong, vals) * vals[S.G] != exact(expression("Q"), vals)


# --- L4, T3 -----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_L4_loss_changes_and_their_roots_match_the_projected_steps(seed):
    inst = rational_instance(seed)
    vals = inst.values()
    for blk in ("D", "B"):
        assert exact(expression(f"dL_{blk}"), vals) == O.expected_loss_change(inst, (blk,))
        root = exact(expression(f"eta_{blk}"), vals)
        assert O.expected_loss_change(inst, (blk,), root) == 0
    assert exact(expression("dL_SGD"), vals) == O.expected_loss_change(inst, ("D", "B"))
    assert O.expected_loss_change(inst, ("D", "B"), exact(expression("eta_SGD"), vals)) == 0


def test_L4_rejects_eta_D_off_by_two_percent():
    inst = rational_instance(2)
    wrong = exact(expression("eta_D"), inst.values()) * F(102, 100)
    assert O.expected_loss_change(inst, ("D",), wrong) != 0


@pytest.mark.parametrize("seed", SEEDS)
def test_T3_condition_has_the_sign_of_eta_B_minus_eta_D(seed):
    inst = rational_two_level(seed)
    vals = inst.values()
    cond = exact(expression("T3_condition"), vals)
    eD, eB = exact(expression("eta_D_2L"), vals), exact(expression("eta_B_2L"), vals)
    assert O.expected_loss_change(inst, ("D",), eD) == 0 and O.expected_loss_change(inst, ("B",), eB) == 0
    assert (cond > 0) == (eD < eB)


def _condition_at_kappa(v, kappa):
    """eta_B - eta_D at lambda_D = kappa lambda_B, from the projected steps' roots."""
    inst = two_level(kappa * v[S.lam_B], v[S.lam_B], 1, 2, v[S.a], v[S.b], v[S.n_D], v[S.n_B], 1)
    return O.loss_root(inst, ("B",)) - O.loss_root(inst, ("D",))


def test_T3_kappa_0_is_where_the_interval_opens(dps50):
    v = {S.lam_B: mpmath.mpf(1), S.a: mpmath.mpf(2), S.b: mpmath.mpf(1), S.n_D: mpmath.mpf("0.1"),
         S.n_B: mpmath.mpf(3)}
    k0 = numeric(expression("kappa_0"), v)
    assert k0 > 1
    assert _condition_at_kappa(v, k0 * (1 + mpmath.mpf(10) ** -6)) > 0
    assert _condition_at_kappa(v, k0 * (1 - mpmath.mpf(10) ** -6)) < 0
    wrong = k0 * mpmath.mpf("0.97")  # a threshold 3% too small is rejected
    assert _condition_at_kappa(v, wrong * (1 + mpmath.mpf(10) ** -6)) < 0


# --- T4, T5 -----------------------------------------------------------------------------

def _stationary_instance(dps=50):
    return two_level(mpmath.mpf(5), mpmath.mpf("0.5"), 3, 40, 2, 7, mpmath.mpf("0.3"), mpmath.mpf("1.7"),
                     mpmath.mpf("0.15"))


def test_T4_a_inf_b_inf_are_fixed_points_of_the_step_and_A_inf_the_limit(dps50):
    inst = _stationary_instance()
    v = inst.values()
    a_inf, b_inf = numeric(expression("a_inf"), v), numeric(expression("b_inf"), v)
    (a1, b1) = iterate_two_level(inst, a_inf, b_inf, 1)[1]
    assert abs(a1 - a_inf) < 1e-45 * a_inf and abs(b1 - b_inf) < 1e-45 * b_inf
    A = alignment_trajectory(inst, mpmath.mpf(100), mpmath.mpf(100), 3000)
    assert abs(A[-1] - numeric(expression("A_inf"), v)) < 1e-40
    wrong = expression("a_inf").xreplace({S.eta: S.eta * 1.01})
    (aw, _) = iterate_two_level(inst, numeric(wrong, v), b_inf, 1)[1]
    assert abs(aw - numeric(wrong, v)) > 1e-6 * a_inf


def test_T4_the_fixed_point_sits_on_both_critical_curves(dps50):
    inst = _stationary_instance()
    v = inst.values()
    fixed = two_level(v[S.lam_D], v[S.lam_B], 3, 40, numeric(expression("a_inf"), v),
                      numeric(expression("b_inf"), v), v[S.n_D], v[S.n_B], v[S.eta])
    assert abs(O.eta_root(fixed) - v[S.eta]) < 1e-40
    assert abs(O.loss_root(fixed, ("D",)) - v[S.eta]) < 1e-40


def test_T4_closed_form_trajectory_matches_iteration(dps50):
    inst = _stationary_instance()
    v = inst.values()
    a0, b0 = mpmath.mpf(300), mpmath.mpf(2)
    A = alignment_trajectory(inst, a0, b0, 60)
    At = expression("A_t")
    for t in (0, 1, 7, 60):
        assert abs(numeric(At, {**v, S.a_0: a0, S.b_0: b0, S.t: t}) - A[t]) < 1e-40


@pytest.mark.parametrize("eta", ["0.05", "0.2", "0.33", "0.36"])
def test_T5_s_t_has_the_sign_of_the_alignment_change(eta, dps50):
    inst = two_level(mpmath.mpf(5), mpmath.mpf("0.5"), 3, 40, 1, 1, mpmath.mpf("0.3"), mpmath.mpf("1.7"),
                     mpmath.mpf(eta))
    v = inst.values()
    a_inf, b_inf = numeric(expression("a_inf"), v), numeric(expression("b_inf"), v)
    a0, b0 = mpmath.mpf(50), mpmath.mpf(80)
    rho = {S.rho_D: (1 - v[S.eta] * v[S.lam_D]) ** 2, S.rho_B: (1 - v[S.eta] * v[S.lam_B]) ** 2}
    base = {**rho, S.alpha: a0 - a_inf, S.beta: b0 - b_inf, S.a_inf: a_inf,
            S.b_inf: b_inf}
    A = alignment_trajectory(inst, a0, b0, 80)
    st = expression("s_t")
    # flip the sign of the alpha beta rho_D^t (rho_D - rho_B) term
    wrong = st - 2 * S.alpha * S.beta * S.rho_D**S.t * (S.rho_D - S.rho_B)
    assert (wrong - st).expand() != 0
    agree = [mpmath.sign(numeric(st, {**base, S.t: t})) == mpmath.sign(A[t + 1] - A[t]) for t in range(80)]
    assert all(agree)
    disagree = [mpmath.sign(numeric(wrong, {**base, S.t: t})) != mpmath.sign(A[t + 1] - A[t]) for t in range(80)]
    assert any(disagree), "the sign-flipped s_t must be caught"


# --- X1 -----------------------------------------------------------------------------------

def test_X1_matrix_is_the_loss_scaled_step(dps50):
    lD, lB, k, d, a, b, s2, eta = (mpmath.mpf(4), mpmath.mpf(1), 2, 9, mpmath.mpf(3), mpmath.mpf(5),
                                    mpmath.mpf("0.2"), mpmath.mpf("0.1"))
    L = (lD * a + lB * b) / 2
    inst = two_level(lD, lB, k, d, a, b, k * 2 * s2 * L * lD, (d - k) * 2 * s2 * L * lB, eta)
    (a1, b1) = iterate_two_level(inst, a, b, 1)[1]
    M = expression("M")
    vals = {S.lam_D: lD, S.lam_B: lB, S.k: k, S.d: d, S.sigma2: s2, S.eta: eta}
    Mn = [[numeric(M[i, j], vals) for j in range(2)] for i in range(2)]
    assert abs(Mn[0][0] * a + Mn[0][1] * b - a1) < 1e-40
    assert abs(Mn[1][0] * a + Mn[1][1] * b - b1) < 1e-40
    assert numeric(expression("det_M"), vals) > 0


def test_arb_conversions_are_exact_and_keep_the_sign(dps50):
    from salign.verify.verifier.arb import arb_prec, to_arb, to_mpf

    for x in [mpmath.mpf(-3), mpmath.mpf("-0.1"), mpmath.mpf(0), mpmath.mpf("1e-300"), mpmath.mpf(1) / 3]:
        a = to_arb(x)  # exact at any flint precision
        assert a.rad() == 0 and to_mpf(a) == x
        with arb_prec():  # arithmetic at the working precision, as the oracles do it
            assert to_mpf(-a) == -x and to_mpf(a * 3) == 3 * x


# --- the model's own building blocks ----------------------------------------------------------

def test_to_moments_refuses_what_is_not_a_block_moment():
    from salign.theory.model import ModelError, to_moments

    for bad in (S.lam_i**2, S.lam_i, S.lam_i * S.x_i**2, S.lam_i**3 * S.Sigma_ii, S.x_i):
        with pytest.raises(ModelError):
            to_moments(bad, "D")
    assert to_moments(S.lam_i**3 * S.x_i**2 + S.lam_i * S.Sigma_ii, "B") == S.G_B1 + S.M_B


def test_the_spectral_gap_is_strict():
    from sympy import Rational as R

    from salign.theory.model import LevelModel

    lm = LevelModel(2, 2)
    (d1, d2), (b1, b2) = lm.levels["D"], lm.levels["B"]
    at = {d1.lam: R(3), d2.lam: R(2), b1.lam: R(2), b2.lam: R(1)}  # min D == max B: no gap
    assert not bool(lm.spectral_gap().xreplace(at))
    assert bool(lm.spectral_gap().xreplace({**at, d2.lam: R(5, 2)}))
