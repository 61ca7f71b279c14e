"""The oracles' root finding: accurate to the working precision, and fast where it claims to be.

Counting evaluations (not seconds) pins the fast paths: the float64 bracket that the
full-precision polish starts from, Illinois on ``log x``, the secant finish.  A fast path
gone wrong still finds the root through its fallbacks, only with many more evaluations.
"""

import math

import mpmath
import pytest

from salign.verify.verifier import oracles as OR
from salign.verify.verifier.evaluate import MAGNITUDE
from salign.verify.verifier.sampling import build, draw

DPS = 50

# name: (f at full precision, f in float64, bracket, the root, most evaluations polished / by bisect_log)
ROOTS = {
    "cube": (lambda x: x**3 - 2, lambda x: x**3 - 2, (1e-3, 1e3), lambda: mpmath.cbrt(2), 15, 60),
    "exp": (lambda x: mpmath.exp(x) - mpmath.mpf(10) ** 10, lambda x: math.exp(x) - 1e10, (1, 100),
            lambda: mpmath.log(mpmath.mpf(10) ** 10), 15, 60),
    "tiny values": (lambda x: mpmath.tanh(x - mpmath.mpf(1) / 2) * mpmath.mpf(10) ** -40,
                    lambda x: math.tanh(x - 0.5) * 1e-40, (1e-3, 1e3), lambda: mpmath.mpf(1) / 2, 8, 25),
    "sixty decades": (lambda x: x - mpmath.mpf(10) ** -30, lambda x: x - 1e-30, (1e-60, 1e60),
                      lambda: mpmath.mpf(10) ** -30, 8, 60),
    "triple root": (lambda x: (x - 1) ** 3, lambda x: (x - 1) ** 3, (1e-3, 1e3), lambda: mpmath.mpf(1), 1000, 1000),
}


@pytest.mark.parametrize("name", ROOTS)
@pytest.mark.parametrize("how", ["polished", "bisect_log"])
def test_roots_are_found_to_the_working_precision_in_few_evaluations(name, how):
    f, f_float, (lo, hi), root, most_polished, most_bisect = ROOTS[name]
    calls = []

    def counted(x):
        calls.append(x)
        return f(x)

    with mpmath.workdps(DPS):
        lo, hi = mpmath.mpf(lo), mpmath.mpf(hi)
        r = OR.polished_root(counted, f_float, lo, hi) if how == "polished" else OR.bisect_log(counted, lo, hi)
        assert abs(r / root() - 1) <= mpmath.mpf(10) ** (6 - DPS), (name, r)
    assert len(calls) <= (most_polished if how == "polished" else most_bisect), (name, how, len(calls))


def test_the_float_bracket_is_tight_and_holds_the_root():
    lo, hi = OR._float_bracket(lambda x: x**3 - 2, 1e-3, 1e3)
    assert lo <= 2 ** (1 / 3) <= hi and hi - lo <= 1e-11
    assert OR._float_bracket(lambda x: x**2 + 1, 1e-3, 1e3) is None  # no sign change: no bracket


def test_the_one_step_magnitudes_are_the_terms_each_difference_subtracts():
    """The relative tolerance of every one-step relation is scaled by these: each is the sum of the absolute
    values of the terms its difference subtracts, computed here from the table's own parts."""
    import random

    from salign.theory import observables as O

    with mpmath.workdps(DPS):
        for seed in range(5):
            inst = build(draw(random.Random(seed), "two-level"))
            t = OR.one_step_table(inst)
            eD, eB = t[O.EG_D], t[O.EG_B]
            gD, gB = OR.G(inst, "D"), OR.G(inst, "B")
            after, before = eD / (eD + eB), gD / (gD + gB)
            assert mpmath.almosteq(t[O.Dchi], after - before, mpmath.mpf(10) ** -40)
            assert mpmath.almosteq(t[MAGNITUDE[O.Dchi]], after * (1 - before) + (1 - after) * before,
                                   mpmath.mpf(10) ** -40)
            assert t[MAGNITUDE[O.dL]] == t[MAGNITUDE[O.dL_D]] + t[MAGNITUDE[O.dL_B]]
            assert t[MAGNITUDE[O.dL_D]] >= abs(t[O.dL_D]) and t[MAGNITUDE[O.dL_B]] >= abs(t[O.dL_B])


def test_the_regime_switch_under_loss_scaled_noise_moves_the_noise_with_the_state():
    """Found by a red-team review: chi_root moved the state along chi at fixed G but kept the noise of the original
    state, which under loss-scaled noise (Sigma = 2 sigma^2 L(x) H) is no state of the model.  At lambda_D = 2,
    lambda_B = 1, k = 1, d = 2, G = 1, sigma^2 = 1 the model's own root of Q is 10/3 - 2 sqrt(13)/3 (the frozen
    noise gave (3 sqrt(17) - 5)/8); and Q at chi_root, written with the loss-scaled traces, is 0 (SAMPLED) while
    the frozen-noise variant is REFUTED."""
    import mpmath
    from sympy import Eq

    from salign.theory import observables as O
    from salign.theory import symbols as S
    from salign.theory.claim import Claim, Prop
    from salign.verify.verifier import oracles
    from salign.verify.verifier.engine import check_claim
    from salign.verify.verifier.sampling import Genotype, build

    with mpmath.workdps(50):
        mp = mpmath.mpf
        g = Genotype(kind="loss-scaled", preset="loss-scaled", seed=1, lam_D=mp(2), lam_B=mp(1), k=1, d=2, G=mp(1),
                     chi=mp(1) / 2, a0=mp(1), b0=mp(1), sigma2=mp(1), eta_mode="loguniform", eta_u=mp(0))
        root = oracles.chi_root(build(g), g.sigma2)
        assert abs(root - (mp(10) / 3 - 2 * mpmath.sqrt(13) / 3)) < mp(10) ** -45
    lD, lB, cr = S.lam_D, S.lam_B, O.chi_root
    u = cr / lD + (1 - cr) / lB  # L(x)/G at the alignment chi_root: (lambda_D a + lambda_B b)/(2G) = u/2
    Q = S.G * (lD**2 - lB**2) * cr * (1 - cr)
    loss_scaled = Q + S.k * S.sigma2 * lD * S.G * u * lD**2 * (1 - cr) - (S.d - S.k) * S.sigma2 * lB * S.G * u * lB**2 * cr
    frozen = Q + S.n_D * lD**2 * (1 - cr) - S.n_B * lB**2 * cr
    for name, h, verdict in (("ls", loss_scaled, "SAMPLED"), ("frozen", frozen, "REFUTED")):
        p = Prop(f"Y.{name}", Eq(h, 0), (S.sigma2 > 0,), model="loss-scaled")
        r = check_claim(Claim("Y", "t", "t", "", {}, (p,)), n=24, seed=0).props[p.name]
        assert r.verdict.value == verdict, (name, r.verdict, r.checked, r.violations)


#: oracle-only symbols of a model that no built-in proposition of that model ties to a derivation, each with the
#: (model, symbol) whose built-in propositions check the same computation (the oracle reads nothing the two define
#: differently), and why
SAME_ORACLE = {
    ("two-level", "eta_D_root"): ("general", "eta_D_root", "a two-level instance is one of the general model's samples"),
    ("two-level", "eta_B_root"): ("general", "eta_B_root", "idem"),
    ("dynamics", "eta_root"): ("two-level", "eta_root", "a dynamics sample is a two-level instance with "
                               "state-independent noise"),
    ("dynamics", "eta_D_root"): ("general", "eta_D_root", "idem"),
    ("dynamics", "eta_B_root"): ("general", "eta_B_root", "idem"),
    ("dynamics", "chi_root"): ("two-level", "chi_root", "idem"),
    ("dynamics", "A_iter_next"): ("dynamics", "A_iter", "the same trajectory, one step further"),
    ("loss-scaled", "eta_D_root"): ("general", "eta_D_root", "eta moves; the state, so its loss-scaled noise, stays"),
    ("loss-scaled", "eta_B_root"): ("general", "eta_B_root", "idem"),
}


def test_every_oracle_of_every_model_is_tied_to_a_derivation():
    """An oracle-only symbol (a root, an iterated trajectory) is checked against a derivation by a built-in
    proposition of each model it exists in, or computes exactly what it computes in a model where one does
    (SAME_ORACLE says why).  The class this closes: chi_root under loss-scaled noise kept the noise of the
    original state while moving the state, and no built-in proposition of that model used it (a red-team review
    found it; X1.chi_c_root now ties it to Q_ls)."""
    from collections import defaultdict

    from salign.theory import observables as O
    from salign.theory.registry import registry

    used = defaultdict(set)
    for claim in registry().values():
        for p in claim.props:
            used[p.model] |= {s.name for s in p.free_symbols() & O.ORACLE_ONLY}
    for model, vocabulary in O.VOCABULARY.items():
        for s in sorted(vocabulary & O.ORACLE_ONLY, key=lambda x: x.name):
            if s.name in used[model]:
                continue
            assert (model, s.name) in SAME_ORACLE, f"{s.name} in the {model} model is tied to no derivation"
            other, name, _ = SAME_ORACLE[(model, s.name)]
            assert name in used[other], (model, s.name, other, name)
