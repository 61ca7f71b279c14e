"""What an adversarial review found: each statement here once got a wrong verdict (or a traceback).

False statements must not come back PROVED, CERTIFIED or SAMPLED; true ones must not come back
REFUTED or VACUOUS; odd input must be a one-line error, never a crash.
"""

import mpmath
import pytest
from sympy import Eq, Max, Ne, Piecewise, Rational, exp, floor, pi, sign, sqrt

from salign.theory import expression, get
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Claim, ClaimError, Prop
from salign.verify.prover.certify import certify
from salign.verify.prover.prove import claim_status, prove_claim, prove_prop
from salign.verify.verdict import Verdict
from salign.verify.verifier import context as ctx_module
from salign.verify.verifier.evaluate import relation_margins
from salign.verify.verifier.run import verify_claims

TIMEOUT = 8.0


def proved(v):
    return v in (Verdict.PROVED, Verdict.CERTIFIED)


# --- the interval fallback evaluates only what it evaluates rigorously ------------------------------------

@pytest.mark.parametrize("concl", [Max(S.eta, 1) <= 1, Piecewise((S.eta, S.eta > 1), (0, True)) <= 1,
                                   (S.eta - 2) ** Rational(1, 3) > -Rational(1, 2), exp(S.eta) > 1 + S.eta * 3])
def test_the_interval_fallback_never_certifies_what_it_cannot_evaluate(concl):
    assert certify([], concl).status == "FAILED"
    if concl.has(Piecewise):  # a jump: refused when the claim is built (below)
        return
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.p", concl),))
    (r,) = prove_claim(claim, 2.0)
    assert not proved(r.verdict), r.label


# --- definedness survives SymPy's rewriting ----------------------------------------------------------------

X = S.eta * S.lam_D - Rational(1, 3)


@pytest.mark.parametrize("concl", [S.n_D * (1 / S.n_D + 1) >= 1,  # cancelled by together: undefined at n_D = 0
                                   X * (1 / X + X) > 0,  # undefined at eta lambda_D = 1/3
                                   Eq(S.n_D / (S.n_D * S.b + S.n_D), 1 / (S.b + 1))])  # an "identity" with a hole
def test_a_statement_undefined_somewhere_is_not_proved(concl):
    r = prove_prop("U", Prop("U.p", concl, model="two-level"), TIMEOUT)
    assert r.verdict == Verdict.REFUTED, (r.label, r.routes)


@pytest.mark.parametrize("concl", [sqrt(O.dL_D + O.dL_B) / sqrt(O.dL) > 0,
                                   Eq(sqrt(O.dL_D + O.dL_B) * sqrt(O.dL), O.dL)])
def test_roots_merged_by_substitution_keep_their_realness(concl):
    r = prove_prop("U", Prop("U.p", concl), TIMEOUT)
    assert not proved(r.verdict), r.label


def test_R_is_not_assumed_positive():
    r = prove_prop("U", Prop("U.p", S.n_D > 0, (Eq(S.R, S.kappa * S.n_D / S.n_B),), model="dynamics"), TIMEOUT)
    assert r.verdict == Verdict.REFUTED


# --- the verifier reads every relation right ------------------------------------------------------------

def test_an_inequation_is_a_difference_from_both_sides():
    x, y = S.a, S.b
    with mpmath.workdps(50):
        assert relation_margins((Ne(x, y),), {x: mpmath.mpf(1), y: mpmath.mpf(2)}, mpmath.mpf(10) ** -38)[0] > 0
        assert relation_margins((Ne(x, y),), {x: mpmath.mpf(2), y: mpmath.mpf(2)}, mpmath.mpf(10) ** -38)[0] < 0


def _verify(p, n=100):
    return verify_claims([Claim("U", "t", "s", "h", {}, (p,))], n, 0)["U"].props[p.name].verdict


def test_inequation_hypotheses_do_not_hide_counterexamples():
    assert _verify(Prop("U.ne", O.dL_D > 0, (Ne(S.eta, expression("eta_D")),))) == Verdict.REFUTED
    assert _verify(Prop("U.ne_true", O.dL_D < 0, (S.eta < expression("eta_D"), Ne(S.eta, 2 * expression("eta_D"))))) \
        == Verdict.SAMPLED


def test_a_trajectory_that_has_not_settled_counts_no_turns():
    """Turns counted on a trajectory cut off before it settles would be a silent pass: an oracle failure instead."""
    p = Prop("U.slow", Eq(O.turns_iter, 0), (S.eta < Rational(1, 10**6) / S.lam_D, S.a_0 > S.a_inf, S.b_0 > S.b_inf),
             model="dynamics", verify_only=True)
    pr = verify_claims([Claim("U", "t", "s", "h", {}, (p,))], 80, 0)["U"].props["U.slow"]
    assert pr.checked == 0 or pr.oracle_failures > 0, (pr.checked, pr.oracle_failures)
    assert ctx_module.HORIZON >= 1000


@pytest.mark.parametrize("cid, name, sample", [("L3", "L3.regime", 2503), ("T1", "T1.below", 689),
                                               ("T4", "T4.trajectory", 604), ("T4", "T4.trajectory", 1662),
                                               ("T4", "T4.trajectory", 2523),
                                               ("T5", "T5.sign_iter", 406),  # a start on both stationary faces
                                               ("T5", "T5.sign_iter", 2974),  # rho_D = rho_B: A_t constant
                                               ("T3", "T3.sgd_between", 381)])  # chi_c = 1: chi on a rounding
def test_true_register_claims_are_not_refuted_on_their_faces(cid, name, sample):
    """Samples where rounding once decided a tie the wrong way (the ties shrink with the digits)."""
    from salign.verify.verifier.engine import check_claim

    claim = get(cid).with_props(get(cid).prop(name))
    res = check_claim(claim, 1, 0, 50, start=sample)
    pr = res.props[name]
    assert pr.violations == 0 and pr.checked + pr.vacuous + pr.oracle_failures == 1 and not pr.error, pr


# --- the prover's models are the verifier's ------------------------------------------------------------------

@pytest.mark.parametrize("prop", [
    Prop("U.chi", S.chi < 1, model="two-level"),
    Prop("U.kappa", S.kappa > 1, model="two-level"),
    Prop("U.G", Eq(S.G, S.lam_D**2 * S.a + S.lam_B**2 * S.b), model="two-level"),
    Prop("U.dk", S.d > S.k, model="two-level"),
    Prop("U.rho", S.rho_D < 1, (S.eta < 2 / S.lam_D,), model="dynamics"),
    Prop("U.P", expression("P") > 0),  # the spectral gap is part of the model
])
def test_derived_symbols_mean_what_the_model_says(prop):
    r = prove_prop("U", prop, TIMEOUT)
    assert r.verdict == Verdict.PROVED, (r.label, r.counterexample)


def test_hypotheses_satisfiable_only_beyond_two_levels_are_not_vacuous():
    p = Prop("U.cs", S.G_D1**2 < S.G_D * S.G_D2 + S.eta, (S.G_D1**2 < S.G_D * S.G_D2,))
    r = prove_prop("U", p, TIMEOUT)
    assert r.verdict != Verdict.VACUOUS, r.note
    claim = Claim("U", "t", "s", "h", {}, (p,))
    assert claim_status([r], claim)[0] != Verdict.VACUOUS


# --- odd input: an answer, never a traceback ----------------------------------------------------------------

def test_a_transcendental_constant_is_handled():
    r = prove_prop("U", Prop("U.pi", O.dL_D < 0, (S.eta < expression("eta_D") / pi,)), TIMEOUT)
    assert r.verdict in (Verdict.UNKNOWN, Verdict.PROVED, Verdict.VERIFY_ONLY)


def test_a_huge_exponent_is_left_to_sampling_quickly():
    r = prove_prop("U", Prop("U.huge", (S.eta * S.G_D1 / S.G_D) ** 100000 < 2), TIMEOUT)
    assert r.verdict == Verdict.UNKNOWN and "exponent" in r.note and r.seconds < 5


@pytest.mark.parametrize("t", ["inf", "nan", "1e10", "-3"])
def test_an_impossible_timeout_is_a_one_line_error(capsys, t):
    from salign.verify.frontend.cli import main

    with pytest.raises(SystemExit) as e:
        main(["prove", "--claims", "L1", "--timeout", t])
    assert e.value.code == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_trajectory_under_loss_scaled_noise_settles_in_A_not_in_a_and_b():
    """(a, b) -> 0 under loss-scaled noise: the turns are counted until A_t stands still, which it does."""
    p = get("X1").prop("X1.no_turns_iter")
    pr = verify_claims([get("X1").with_props(p)], 30, 0)["X1"].props[p.name]
    assert pr.verdict == Verdict.SAMPLED and pr.checked >= pr.applicable // 2, (pr.checked, pr.oracle_failures)


# --- a second review (floats, hidden violations, the dynamics' powers, odd connectives, output paths) -----------

def test_a_float_constant_is_refused_when_the_claim_is_built():
    """0.5 reached the verifier as 0 (false statements SAMPLED); a float is a binary approximation anyway."""
    with pytest.raises(ClaimError, match="float"):
        Prop("U.half", 0.5 * O.dL_D >= 0)
    with pytest.raises(ClaimError, match="float"):
        Prop("U.two", expression("eta_D") >= 2.0 / S.lam_D, model="two-level")


@pytest.mark.parametrize("concl", [sign(expression("Q")) > 0, floor(S.eta * S.lam_D) + O.dL_D > 0,
                                   Piecewise((O.dL_D, S.eta > 1), (0, True)) <= 0])
def test_a_function_with_a_jump_is_refused_when_the_claim_is_built(concl):
    """sign(Q) > 0 (false) passed at 50 digits: where Q is a tie, rounding picks the side of the jump."""
    with pytest.raises(ClaimError, match="not one of the functions"):
        Prop("U.jump", concl)


def test_a_step_size_the_conclusion_names_is_sampled_and_an_absolute_value_is_as_uncertain_as_its_argument():
    """|eta - eta_D| > 0 is false at eta = eta_D: SAMPLED, 100 of 100 checks, until the conclusion's step sizes
    were sampled onto and |x| was judged relative to the terms of x (not to itself)."""
    from sympy import Abs

    eta_D = expression("eta_D")
    assert _verify(Prop("U.abs", Abs(S.eta - eta_D) > 0, (O.spectral_gap,)), 100) == Verdict.REFUTED
    assert _verify(Prop("U.abs_ok", Abs(S.eta - eta_D) > 0, (O.spectral_gap, S.eta < eta_D)), 100) == Verdict.SAMPLED
    assert prove_prop("U", Prop("U.abs", Abs(S.eta - eta_D) > 0, (O.spectral_gap,)), TIMEOUT).verdict \
        == Verdict.REFUTED


def test_an_unsupported_connective_is_refused_and_equivalence_takes_any_number_of_arguments():
    from sympy import Equivalent, Xor

    with pytest.raises(ClaimError, match="Xor"):
        Prop("U.xor", Xor(O.dL_D > 0, O.dL_B > 0))
    eta_D = expression("eta_D")
    assert _verify(Prop("U.eq3", Equivalent(O.dL_D > 0, S.eta > eta_D, S.eta > eta_D))) == Verdict.SAMPLED
    assert _verify(Prop("U.eq3w", Equivalent(O.dL_D > 0, S.eta > eta_D, S.eta < eta_D))) == Verdict.REFUTED


def test_a_violation_hidden_by_huge_cancelling_terms_is_found_with_more_digits():
    """Z = 0 identically but written with terms of size 1e80: relative to them dL_D is a 'tie' at 50 digits."""
    Z = (S.eta + 10**40) ** 2 - S.eta**2 - 2 * 10**40 * S.eta - 10**80
    assert _verify(Prop("U.z", O.dL_D + Z <= 0), 200) == Verdict.REFUTED


def test_an_inequation_beyond_the_tolerance_is_not_refuted():
    """eta != eta_D (1 + 1e-45) is true; at eta = eta_D the difference is real and stays as the digits grow."""
    p = Prop("U.ne45", Ne(S.eta, expression("eta_D") * (1 + Rational(1, 10**45))), (S.eta <= expression("eta_D"),))
    assert _verify(p, 200) == Verdict.SAMPLED


def test_constants_the_arb_evaluation_must_know():
    assert _verify(Prop("U.sqrt2", sqrt(2) * O.dL_D < 2 * O.dL_D), 100) == Verdict.REFUTED
    assert _verify(Prop("U.pi", O.dL_D < pi * O.dL_D + 1), 100) != Verdict.ERROR


DYNAMICS_TRUE = [  # each once REFUTED: the prover took p, u, v, p_B, R for free variables
    Prop("U.p1", S.p <= 1, (S.rho_D < 1,), model="dynamics"),
    Prop("U.t0", Eq(S.p, 1), (Eq(S.t, 0),), model="dynamics"),
    Prop("U.R", Eq(S.R * S.n_B, S.kappa * S.n_D), (S.n_B > 0,), model="dynamics"),
    Prop("U.up", Eq(S.u * S.p_B, S.p), (S.rho_B > 0,), model="dynamics"),
    Prop("U.u1", S.u <= 1, (S.rho_D < S.rho_B,), model="dynamics"),
    Prop("U.uv", Eq(S.u * S.v, 1), (S.rho_D > 0, S.rho_B > 0), model="dynamics"),
]


@pytest.mark.parametrize("prop", DYNAMICS_TRUE, ids=[p.name for p in DYNAMICS_TRUE])
def test_the_dynamics_powers_are_what_the_model_defines(prop):
    r = prove_prop("U", prop, TIMEOUT)
    assert r.verdict == Verdict.PROVED, (r.label, r.counterexample)


def test_a_false_statement_about_the_powers_is_refuted_at_a_state_of_the_model():
    r = prove_prop("U", Prop("U.p_lt_1", S.p < 1, (S.rho_D < 1,), model="dynamics"), TIMEOUT)
    assert r.verdict == Verdict.REFUTED and r.counterexample["t"] == "0" and r.counterexample["p"] == "1"


def test_hypotheses_no_state_satisfies_are_vacuous():
    r = prove_prop("U", Prop("U.p_gt_1", S.a_0 > S.a_inf, (S.p > 1, S.rho_D < 1), model="dynamics"), TIMEOUT)
    assert r.verdict == Verdict.VACUOUS, r.label


def test_output_paths_are_checked_before_the_run_and_never_replace_a_device(tmp_path, capsys, monkeypatch):
    import os

    import salign.verify.verifier.run as run
    from salign.verify.frontend.cli import main

    monkeypatch.setattr(run, "verify_claims", lambda *a, **k: pytest.fail("the run started"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, message in [(fifo, "not a regular file"), (tmp_path / "missing" / "o.json", "does not exist")]:
        rc = main(["verify", "--claims", "L1", "-n", "1", "--json", str(target)])
        err = capsys.readouterr().err.strip().splitlines()
        assert rc == 2 and len(err) == 1 and message in err[0], err
    assert fifo.exists() and not fifo.is_file()
    assert not (tmp_path / "missing").exists()


def test_claim_ids_are_each_taken_once_and_an_empty_list_is_an_error(capsys):
    from salign.theory.errors import UserError
    from salign.verify.frontend.status import select

    assert [c.id for c in select("L1,L1,T1").claims] == ["L1", "T1"]
    with pytest.raises(UserError, match="names no claim"):
        select(",")


def test_max_and_min_of_overlapping_balls_contain_the_true_extremum():
    """Python's max picks one of two overlapping balls; the true maximum may lie outside it."""
    import flint

    from salign.verify.verifier.evaluate import ARB_NAMESPACE

    a, b = flint.arb(1, 0.1), flint.arb("1.05", 0.1)  # a in [0.9, 1.1], b in [0.95, 1.15]
    hi, lo = ARB_NAMESPACE["max"](a, b), ARB_NAMESPACE["min"](a, b)
    assert hi.contains(flint.arb("1.15")) and hi.contains(flint.arb("0.95"))
    assert lo.contains(flint.arb("0.9")) and lo.contains(flint.arb("1.1"))
    assert not max(a, b).contains(flint.arb("1.15"))  # what the builtin would have said


# --- a third review: logarithms and odd roots, non-real sides, gaps below the band, odd oracle values ---------

_Q = expression("Q")


def test_a_logarithm_or_an_odd_root_the_algebra_cancels_still_needs_a_defined_value():
    """(log Q + 1) G_D > log(Q) G_D reads G_D > 0 once the log cancels: PROVED, though log Q is not real for Q < 0."""
    from sympy import log

    for name, x in (("log", log(_Q)), ("cube_root", _Q ** Rational(1, 3))):
        false = Prop(f"U.{name}", (x + 1) * S.G_D > x * S.G_D)
        assert prove_prop("U", false, TIMEOUT).verdict == Verdict.REFUTED, name
        assert _verify(false, 50) == Verdict.REFUTED, name
        true = Prop(f"U.{name}_hyp", _Q >= 0, ((x + 1) * S.G_D > x * S.G_D,))
        assert prove_prop("U", true, TIMEOUT).verdict == Verdict.PROVED, name
        assert _verify(true, 50) == Verdict.SAMPLED, name


def test_a_relation_with_two_non_real_sides_is_undefined_in_the_exact_check():
    """log(-13/64) + 1 > log(-13/64): the imaginary parts cancel in the difference, not in the sides."""
    from sympy import Symbol, log

    from salign.verify.prover.exact import truth

    z = Symbol("z")
    assert not truth(log(z) + 1 > log(z), {z: Rational(-13, 64)})
    assert truth(log(z) + 1 > log(z), {z: Rational(13, 64)})


def test_a_hypothesis_undefined_at_a_tie_does_not_hold_there():
    """At eta = eta_D the hypothesis 1/(eta - eta_D) > 0 is undefined; rounding made it hold, and dL_D = 0 refuted
    a true statement."""
    eta_D = expression("eta_D")
    assert _verify(Prop("U.tie_den", O.dL_D > 0, (1 / (S.eta - eta_D) > 0,)), 100) == Verdict.SAMPLED
    assert _verify(Prop("U.tie_den_wrong", O.dL_D > 0, (1 / (S.eta - eta_D) >= -1,)), 100) == Verdict.REFUTED


def test_a_true_gap_below_the_resolution_is_undecided_not_refuted():
    """(G_D + 10^200) G_B > 10^200 G_B holds everywhere; 200 digits cannot see it: undecided, never REFUTED."""
    big = Rational(10) ** 200
    r = verify_claims([Claim("U", "t", "s", "h", {}, (Prop("U.big", (S.G_D + big) * S.G_B > big * S.G_B),))],
                      50, 0)["U"].props["U.big"]
    assert r.verdict != Verdict.REFUTED and r.oracle_failures > 0, (r.verdict, r.oracle_failures)
    assert _verify(Prop("U.big_wrong", (S.G_D + big) * S.G_B < big * S.G_B), 50) == Verdict.REFUTED


@pytest.mark.parametrize("value", [mpmath.nan, mpmath.inf])
def test_an_oracle_that_returns_nan_or_infinity_is_an_error(value):
    from sympy import Symbol

    w = Symbol("w_odd")
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.odd", w > 0, verify_only=True),))
    r = verify_claims([claim], 5, 0, oracles={w: lambda inst: value})["U"].props["U.odd"]
    assert r.verdict == Verdict.ERROR and "not a finite number" in r.error, (r.verdict, r.error)


def test_a_symbolic_power_needs_a_non_negative_base_and_the_statement_judged_is_the_one_sympy_built():
    """Q**eta + P > Q**eta reads P > 0 once Q**eta cancels: PROVED, though Q**eta is not real for Q < 0.
    sqrt(Q)**2 is Q as SymPy builds it (so P + sqrt(Q)**2 > Q is P > 0, true); kept unevaluated, it needs Q >= 0."""
    from sympy import Pow

    P = expression("P")
    sym = Prop("U.sym_exp", _Q**S.eta + P > _Q**S.eta)
    assert prove_prop("U", sym, TIMEOUT).verdict == Verdict.REFUTED
    assert _verify(sym, 100) == Verdict.REFUTED
    assert prove_prop("U", Prop("U.built", sqrt(_Q) ** 2 + P > _Q, (O.spectral_gap,)), TIMEOUT).verdict \
        == Verdict.PROVED
    unevaluated = Prop("U.as_written", Pow(sqrt(_Q), 2, evaluate=False) + P > _Q, (O.spectral_gap,))
    assert prove_prop("U", unevaluated, TIMEOUT).verdict == Verdict.REFUTED
    assert _verify(unevaluated, 100) == Verdict.REFUTED


# --- fifth review: terms a checker would approximate, promises an oracle breaks, cost guards ------------------

X_ = __import__("sympy").Symbol("x")


def _non_terms():
    from sympy import CRootOf, Derivative, Integral, Product, Subs, Sum, Tuple

    lD, lB = S.lam_D, S.lam_B
    return {"integral": Integral(abs(X_ - lD / 3), (X_, 0, lD)) < Rational(5, 18) * lD ** 2 - lD ** 2 / 10 ** 7,
            "sum": Sum(lD ** X_, (X_, 0, 3)) < lD, "product": Product(lD, (X_, 0, 3)) < lD,
            "derivative": Derivative(lD ** 3, lD, evaluate=False) < lD, "subs": Subs(lD ** 2, lD, lB) < lD,
            "tuple": Eq(Tuple(lD), Tuple(lB)), "root object": CRootOf(X_ ** 5 - X_ - 1, 0) < lD,
            "relation of relations": Eq(lD > lB, S.a > S.b), "Ne of relations": Ne(lD > lB, S.a > S.b),
            "gap as a number": O.spectral_gap > 0, "gap in a sum": Eq(O.spectral_gap + 1, 2),
            "a bare symbol as a statement": __import__("sympy").Symbol("q")}


@pytest.mark.parametrize("name", list(_non_terms()))
def test_what_a_checker_would_approximate_or_misread_is_refused_when_the_claim_is_built(name):
    """The integral is exactly 5 lambda_D^2/18, so the first statement is false everywhere; the verifier used to
    lambdify it into quadrature, whose error (1e-6) dwarfs the gap, and said SAMPLED.  The gap atom was read as
    the number 1 (``gap > 0`` SAMPLED); relations between booleans crashed both checkers."""
    with pytest.raises(ClaimError):
        Prop("U.p", _non_terms()[name], (), model="two-level")


def test_statements_of_the_allowed_vocabulary_are_still_built():
    from sympy import And, Not, Or

    for concl in (And(S.lam_D > S.lam_B, Or(S.a > 0, Not(S.b < 0))), S.lam_D < pi * S.lam_B + sqrt(2),
                  Max(S.eta, S.lam_B) >= abs(S.eta - 1)):
        Prop("U.ok", concl, (O.spectral_gap,) if concl.has(S.eta) else (), model="two-level")


def test_a_user_oracle_must_keep_the_promises_of_its_symbols_assumptions():
    """``w`` declared positive: SymPy builds ``|w| < eta`` as ``w < eta``.  An oracle giving ``w = -2 eta`` made the
    false statement SAMPLED; now the broken promise is an ERROR that says so."""
    from sympy import Symbol

    w = Symbol("w_pos", positive=True)
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.abs", abs(w) < S.eta, verify_only=True),))
    bad = verify_claims([claim], 10, 0, oracles={w: lambda inst: -2 * inst.eta})["U"].props["U.abs"]
    assert bad.verdict == Verdict.ERROR and "declared positive" in bad.error, (bad.verdict, bad.error)
    good = verify_claims([claim], 10, 0, oracles={w: lambda inst: inst.eta / 2})["U"].props["U.abs"]
    assert good.verdict == Verdict.SAMPLED
    n = Symbol("n_whole", integer=True)
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.int", n ** 2 >= n, verify_only=True),))
    r = verify_claims([claim], 5, 0, oracles={n: lambda inst: mpmath.mpf(1) / 2})["U"].props["U.int"]
    assert r.verdict == Verdict.ERROR and "declared integer" in r.error


def test_an_exponential_with_a_huge_coefficient_is_left_to_sampling_quickly():
    """``exp(10^6 lambda_D)`` is ``exp(lambda_D)**(10^6)`` to polynomial algebra: the prover hung, past its timeout."""
    r = prove_prop("U", Prop("U.expbig", exp(10 ** 6 * S.lam_D) < S.lam_D, (), model="two-level"), 3.0)
    assert r.verdict == Verdict.UNKNOWN and "exponent of 1000000" in r.note and r.seconds < 5
    assert _verify(Prop("U.expbig", exp(10 ** 6 * S.lam_D) < S.lam_D, (), model="two-level"), 20) == Verdict.REFUTED


def test_the_tolerance_does_not_depend_on_the_precision_of_its_first_caller():
    """It was cached with the mantissa of whoever asked first: --jobs 1 and --jobs 2 then disagreed in the 16th
    digit of the reported margins."""
    from salign.verify.verifier.evaluate import tolerance

    tolerance.cache_clear()
    with mpmath.workdps(200):
        high = tolerance(50)
    tolerance.cache_clear()
    assert tolerance(50)._mpf_ == high._mpf_


def test_a_proved_claim_names_the_oracle_only_propositions_it_does_not_cover():
    """T1 is PROVED, but T1.root (a root found numerically) was only sampled: the claim's line says so."""
    from salign.verify.prover.prove import prove_claim as prove_all

    t1 = get("T1")
    verdict, partial = claim_status(prove_all(t1, TIMEOUT), t1)
    assert verdict == Verdict.PROVED and "T1.root left to salign verify" in partial, partial


# --- a review of the fifth review's fixes --------------------------------------------------------------------

_sympy = __import__("sympy")


@pytest.mark.parametrize("assumptions", [{"even": True}, {"odd": True}, {"prime": True}, {"integer": False},
                                         {"irrational": True}, {"extended_positive": True}, {"imaginary": True},
                                         {"real": False}, {"rational": True}])
def test_an_oracle_symbol_may_assume_only_what_the_verifier_checks(assumptions, tmp_path):
    """``x`` even with an oracle giving 3: SymPy built ``(-1)**x eta + x >= 3`` as ``eta + x >= 3`` and the false
    statement was SAMPLED.  Such a symbol is now refused: by the loader in one line, by the verifier as an ERROR."""
    from salign.theory.userclaims import ClaimFileError, load

    x = _sympy.Symbol("x_odd_one", **assumptions)
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.p", abs(x) < S.eta + 5, verify_only=True),))
    r = verify_claims([claim], 3, 0, oracles={x: lambda inst: 3})["U"].props["U.p"]
    assert r.verdict == Verdict.ERROR and "cannot check" in r.error, (r.verdict, r.error)
    f = tmp_path / "odd.py"
    f.write_text("from sympy import Symbol\nfrom salign.theory import Claim, Prop\nfrom salign.theory import symbols as S\n"
                 f"x = Symbol('x_odd_one', **{assumptions!r})\nORACLES = {{x: lambda inst: 3}}\n"
                 "CLAIMS = [Claim('U', 't', 's', 'h', {}, (Prop('U.p', abs(x) < S.eta + 5),))]\n")
    with pytest.raises(ClaimFileError, match="cannot check"):
        load(f)


@pytest.mark.parametrize("value", [Rational(1, 3), __import__("fractions").Fraction(1, 3),
                                   __import__("numpy").int64(3), __import__("numpy").float32(0.5), 10 ** 30])
def test_exact_and_numpy_oracle_values_are_numbers(value):
    if isinstance(value, Rational):  # a SymPy number is not an oracle value
        return
    p = _sympy.Symbol("p_val", positive=True)
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.p", p < S.eta + 10 ** 31, verify_only=True),))
    r = verify_claims([claim], 3, 0, oracles={p: lambda inst: value})["U"].props["U.p"]
    assert r.verdict == Verdict.SAMPLED, (r.verdict, r.error)


def test_sys_exit_in_an_oracle_or_a_claims_file_is_an_error_not_a_clean_exit(tmp_path, capsys):
    from salign.verify.frontend.cli import main

    z = _sympy.Symbol("z_exit", real=True)
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.p", z > S.eta, verify_only=True),))
    r = verify_claims([claim], 3, 0, oracles={z: lambda inst: __import__("sys").exit(0)})["U"].props["U.p"]
    assert r.verdict == Verdict.ERROR and "sys.exit(0)" in r.error
    f = tmp_path / "leaves.py"
    f.write_text("import sys\nsys.exit(0)\n")
    assert main(["verify", "--claims-file", str(f), "-n", "3"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sys.exit(0)" in err[0]


@pytest.mark.parametrize("concl", [2 ** (1000 * S.eta) > 1 + S.eta,
                                   _sympy.Pow(_sympy.Pow(S.eta + 1, 16, evaluate=False), 16, evaluate=False) > S.eta,
                                   exp(_sympy.Mul(S.eta, 1000, evaluate=False)) > 1 + S.eta])
def test_degrees_hidden_in_symbolic_exponents_nested_or_unevaluated_powers_are_left_to_sampling(concl):
    """``2**(1000 eta)`` is ``(2**eta)**1000`` to SymPy (the prover hung); nested powers multiply (a recursion
    error)."""
    r = prove_prop("U", Prop("U.deg", concl), 3.0)
    assert r.verdict == Verdict.UNKNOWN and "left to salign verify" in r.note and r.seconds < 5, r.note


def test_a_pattern_or_a_second_symbol_under_a_model_symbols_name_is_refused():
    with pytest.raises(ClaimError, match="Wild"):
        Prop("U.w", _sympy.Wild("w") < S.eta)
    with pytest.raises(ClaimError, match="name of a model symbol"):
        Prop("U.same", _sympy.Symbol("eta", real=True) < S.eta + 1)


def test_a_constant_sympy_cannot_sign_leaves_the_prover_undecided_and_the_verifier_says_why():
    """``log 6 - log 2 - log 3`` is exactly 0, which SymPy cannot decide: the prover crashed on ``c > 0``."""
    from sympy import log

    zero = log(6) - log(2) - log(3)
    assert prove_prop("U", Prop("U.tie", S.eta * zero > 0), 3.0).verdict == Verdict.UNKNOWN
    claim = Claim("U", "t", "s", "h", {}, (Prop("U.tie", S.eta * zero >= 0),))
    r = verify_claims([claim], 5, 0)["U"].props["U.tie"]
    assert r.verdict == Verdict.UNCHECKED and "undecided" in r.reason, r.reason


# --- a third review: hypotheses within the band, step sizes named in any linear form, large times -----------------

_TINY = Rational(1, 10 ** 45)


@pytest.mark.parametrize("prop", [Prop("U.hyp_band", O.dL_D > 0, (S.eta > expression("eta_D") * (1 - _TINY),)),
                                  Prop("U.hyp_band_root", O.dL_D > 0, (S.eta > O.eta_D_root * (1 - _TINY),),
                                       verify_only=True)], ids=["closed form", "root oracle"])
def test_a_hypothesis_that_holds_by_less_than_the_band_is_decided_with_more_digits(prop):
    """At eta = eta_D the hypothesis holds (by 10^-45) and dL_D = 0: the hypothesis used to count as false within
    the band (vacuous), which hid the counterexample; now more digits decide it."""
    assert _verify(prop, 100) == Verdict.REFUTED


@pytest.mark.parametrize("concl", [abs(S.eta - Rational(3, 2) * O.eta_D_root) > 0,
                                   Ne(2 * S.eta, 3 * expression("eta_D")),
                                   Ne(Max(S.eta, Rational(3, 2) * expression("eta_D")),
                                      __import__("sympy").Min(S.eta, Rational(3, 2) * expression("eta_D"))),
                                   Ne(S.eta / expression("eta_D"), Rational(3, 2))],
                         ids=["oracle value", "a multiple of eta", "max and min", "a ratio"])
def test_a_step_size_named_in_any_linear_form_is_sampled(concl):
    """Each is false exactly at eta = 3/2 eta_D: the target was dropped when it used an oracle's value, and only
    ``eta`` as a bare side or ``c eta`` in a sum was recognised."""
    assert _verify(Prop("U.lin", concl, verify_only=concl.has(O.eta_D_root)), 50) == Verdict.REFUTED


def test_times_far_beyond_two_hundred_steps_are_sampled():
    """``2^t < 10^60`` fails for every t >= 200; t was drawn below 200 only."""
    assert _verify(Prop("U.time", 2 ** S.t < 10 ** 60, (), model="dynamics"), 50) == Verdict.REFUTED


def test_an_exploratory_conjectures_error_still_fails_the_claim():
    """Only an exploratory conjecture's REFUTED is a finding; its ERROR was hidden and the run exited 0."""
    from salign.verify.verdict import PropVerdict as PV
    from salign.verify.verdict import claim_verdict

    assert claim_verdict([PV("a", Verdict.PROVED), PV("x", Verdict.ERROR, expected=False)])[0] == Verdict.ERROR
    assert claim_verdict([PV("a", Verdict.PROVED), PV("x", Verdict.UNCHECKED, expected=False)])[0] == Verdict.UNCHECKED
    assert claim_verdict([PV("a", Verdict.PROVED), PV("x", Verdict.REFUTED, expected=False)])[0] == Verdict.PROVED


def test_a_statement_about_u_where_rho_B_is_zero_is_not_proved():
    """u = (rho_D/rho_B)^t is undefined at rho_B = 0 (eta = 1/lambda_B), so ``u = 1`` is false there even at t = 0;
    the prover's link ``t = 0 => u = 1`` and SymPy's ``zoo**0 = 1`` made it PROVED."""
    prop = Prop("U.u_undefined", Eq(S.u, 1), (Eq(S.t, 0), Eq(S.eta, 1 / S.lam_B)), model="dynamics")
    assert not proved(prove_prop("U", prop, TIMEOUT).verdict)
    assert _verify(prop, 50) == Verdict.REFUTED
    ok = Prop("U.u_defined", Eq(S.u, 1), (Eq(S.t, 0), S.rho_B > 0), model="dynamics")
    assert prove_prop("U", ok, TIMEOUT).verdict == Verdict.PROVED


# --- a fourth review: exact zeros and Max/Min hulls at escalation, irrational solver models, huge powers ---------

def test_a_hypothesis_exactly_zero_at_twice_the_digits_is_a_tie_not_a_hold():
    """rho_D > 0 means eta != 1/lambda_D (true).  On the target the hypothesis is exactly 0 at 100 digits and a
    rounding residue at 200: neither a tie nor stable, it was judged at 200 digits as holding, and the true
    statement was REFUTED."""
    prop = Prop("U.rho_pos", Ne(S.eta, 1 / S.lam_D), (S.rho_D > 0,), model="dynamics")
    for n, seed in ((50, 0), (50, 3)):
        r = verify_claims([Claim("U", "t", "s", "h", {}, (prop,))], n, seed)["U"].props[prop.name]
        assert r.verdict == Verdict.SAMPLED, (seed, r.verdict, r.counterexample)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("concl", [Max(S.eta, pi * expression("eta_D")) > pi * expression("eta_D"),
                                   Max(S.eta, pi * expression("eta_D"), expression("eta_D"))
                                   > Max(pi * expression("eta_D"), expression("eta_D"))],
                         ids=["two arguments", "three arguments"])
def test_max_at_an_exact_tie_is_refuted_whatever_the_seed(concl, seed):
    """At eta = pi eta_D, Max(eta, pi eta_D) = pi eta_D: the two balls' hull holds 0 at every precision (as a true
    gap below the resolution does), so the tie was never found and the false statement came out SAMPLED for
    some seeds.  A lone Max or Min compared with a term is now judged through its arguments
    (``Max(x, y) > c`` is ``x > c or y > c``), whose ties the digits find."""
    prop = Prop("U.max", concl, (O.spectral_gap, S.eta >= pi * expression("eta_D")))
    r = verify_claims([Claim("U", "t", "s", "h", {}, (prop,))], 50, seed)["U"].props[prop.name]
    assert r.verdict == Verdict.REFUTED, (r.verdict, r.checked, r.oracle_failures)


def test_true_statements_about_max_and_min_stay_sampled():
    for concl in (Max(S.eta, 2) > 1, __import__("sympy").Min(S.eta, 1) <= 1,
                  Max(S.eta, expression("eta_D")) >= S.eta, Max(S.eta, pi * expression("eta_D")) >= pi * expression("eta_D")):
        assert _verify(Prop("U.true_max", concl), 40) == Verdict.SAMPLED, concl


def test_an_irrational_solver_model_is_not_a_counterexample_and_not_a_crash():
    """eta > sqrt(2) eta_D under eta >= sqrt(2) eta_D: the solver's point is an algebraic number (a traceback)."""
    eta_D = expression("eta_D")
    r = prove_prop("U", Prop("U.sqrt2", S.eta > sqrt(2) * eta_D, (O.spectral_gap, S.eta >= sqrt(2) * eta_D)), 3.0)
    assert r.verdict in (Verdict.UNKNOWN, Verdict.REFUTED)


def test_a_huge_power_does_not_stall_the_search_for_step_sizes():
    """(eta + a)(a + 1)^10000 > a: finding where it is linear in eta expanded the power (minutes)."""
    from salign.verify.verifier.engine import eta_targets

    prop = Prop("U.huge_power", (S.eta + S.a) * (S.a + 1) ** 10000 > S.a, (), model="two-level")
    assert -S.a in eta_targets(prop)


# --- a fifth review: exact zeros that are true gaps, extrema inside arithmetic -------------------------------

def test_a_gap_exactly_zero_at_twice_the_digits_but_real_at_four_times_is_not_a_tie():
    """eta = 1 + 2^-400 rounds to exactly 1 at 50 and 100 digits, not at 200: counting every exact 0 at 2x as a tie
    REFUTED the true `eta >= 1 + c => eta > 1` and SAMPLED the false `1 + c <= eta <= 1 + c => eta <= 1`.  8x the
    digits now tell a rounding residue (it shrinks again) from a true gap (it stays)."""
    c = 1 + Rational(1, 2 ** 400)
    assert _verify(Prop("U.tie_true", S.eta > 1, (S.eta >= c,)), 50) == Verdict.SAMPLED
    assert _verify(Prop("U.tie_false", S.eta <= 1, (S.eta >= c, S.eta <= c)), 50) == Verdict.REFUTED


@pytest.mark.parametrize("form", ["ne", "difference", "scaled", "exp"])
@pytest.mark.parametrize("seed", [0, 2, 3])
def test_an_extremum_inside_arithmetic_at_a_tie_is_refuted_whatever_the_seed(form, seed):
    """M = Max(eta, pi eta_D) = pi eta_D at eta = pi eta_D: only a lone Max against a term was split, so these
    stayed hulls at the tie and came out SAMPLED for some seeds.  Every relation with an extremum is now split:
    R(Max(x, y)) is (x >= y and R(x)) or (y >= x and R(y))."""
    c = pi * expression("eta_D")
    M = Max(S.eta, c)
    concl = {"ne": Ne(M, c), "difference": M - c > 0, "scaled": 2 * M > 2 * c, "exp": exp(M) > exp(c)}[form]
    prop = Prop("U.hull", concl, (O.spectral_gap, S.eta >= c))
    r = verify_claims([Claim("U", "t", "s", "h", {}, (prop,))], 50, seed)["U"].props[prop.name]
    assert r.verdict == Verdict.REFUTED, (r.verdict, r.checked, r.oracle_failures)


def test_a_case_sympy_cannot_build_keeps_the_relation_whole():
    """1/(Max(eta, 1) - eta) > 0 under eta < 1 is true; its case Max = eta builds 1/0 > 0, zoo > 0, which SymPy
    refuses: an internal error, now the relation is judged whole."""
    assert _verify(Prop("U.zoo_case", 1 / (Max(S.eta, 1) - S.eta) > 0, (S.eta < 1,)), 50) == Verdict.SAMPLED


def test_many_extrema_in_one_relation_are_not_split_into_exponentially_many_cases():
    from salign.verify.verifier.engine import MAX_SPLIT, _split_extrema

    many = __import__("sympy").Add(*[Max(S.eta, i * S.lam_B) for i in range(1, MAX_SPLIT + 2)]) > S.eta
    assert _split_extrema(many) == many


# --- a prover-side review: an interval certificate on a box without a witness ------------------------------

def test_an_interval_certificate_on_a_box_that_misses_the_hypotheses_is_not_counted():
    """u < 1 under rho_D = 0, rho_B > 0 is false (t = 0: u = 1).  The box put rho_D in [0.001, 10], where the
    hypothesis rho_D = 0 holds nowhere, and the empty box was CERTIFIED."""
    prop = Prop("U.u_box", S.u < 1, (Eq(S.rho_D, 0), S.rho_B > 0), model="dynamics")
    (r,) = prove_claim(Claim("U", "t", "s", "h", {}, (prop,)), 3.0)
    assert not proved(r.verdict), (r.verdict, r.coverage)


# --- a twelfth review (of the table of meaning): points no state has, guards at their terms' scale ------------

def _dyn(name, concl, hyps=(), model="dynamics"):
    return Prop(name, concl, tuple(hyps), model=model)


@pytest.mark.parametrize("prop", [
    _dyn("TW.r5", S.rho_D > S.rho_B, (S.rho_B >= 1, S.eta <= 1)),  # the gap was dropped before the links
    _dyn("TW.r6", S.a_inf <= 0, (S.b_inf < 0, S.eta <= 1)),
    _dyn("TW.g1", S.chi > S.a / (S.a + S.b), model="two-level"),  # lambda_B = lambda_D = 1 was a counterexample
    _dyn("TW.r1", S.rho_D > S.rho_B, (S.rho_B >= 1,)),  # {rho_B: 1, rho_D: 0} was a counterexample
], ids=lambda p: p.name)
def test_true_statements_in_derived_symbols_are_proved_not_refuted_at_points_no_state_has(prop):
    """A derived symbol left free by the links (rho_D without eta, lambda_D; the gap dropped once the links
    brought the lambdas in) let a point no state has pass as a counterexample; every derived symbol now comes
    with its whole definition, and the gap with the lambdas."""
    assert prove_prop("TW", prop, 4.0).status == "PROVED"


def test_hypotheses_no_state_satisfies_are_not_proved_through_a_free_derived_symbol():
    """rho_B >= 1 and rho_D <= rho_B hold at no state (eta lambda_B >= 2 makes rho_D > rho_B): was PROVED with
    the witness {rho_B: 7/2, rho_D: 1/10}."""
    r = prove_prop("TW", _dyn("TW.v1", S.rho_D < S.rho_B + 1, (S.rho_B >= 1, S.rho_D <= S.rho_B)), 4.0)
    assert r.status == "VACUOUS"
    r = prove_prop("TW", _dyn("TW.v3", S.p < S.p_B + 1, (S.p_B > 1, S.p <= S.p_B)), 4.0)
    assert r.status != "PROVED"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_verifier_finds_u_undefined_at_eta_one_over_lambda_B(seed):
    """u = 1 at t = 0 is false at eta = 1/lambda_B (u has no value): rho_B rounded to 1e-100 there passed the
    guard rho_B != 0 relative to itself; the guard is now judged in the base symbols (1 - eta lambda_B != 0), and
    a face of a derived symbol is hit exactly in half of its retargets."""
    c = Claim("TW", "t", "t", "", {}, (_dyn("TW.u", Eq(S.u, 1), (Eq(S.t, 0),)),))
    res = verify_claims([c], n=300, seed=seed)["TW"]
    assert res.props["TW.u"].violations > 0


def test_the_round_trip_tells_a_negation_from_its_complement_where_a_symbol_has_no_value():
    """Not(b_inf > 0) is true where b_inf has no value, b_inf <= 0 false: the round trip no longer equates them."""
    from sympy import And, Not, Or

    from salign.theory.latex_parse import compare, roundtrip, statement

    neg = _dyn("TW.n", Not(S.b_inf > 0, evaluate=False), (Eq(S.eta * S.lam_B, 2),))
    le = _dyn("TW.l", S.b_inf <= 0, (Eq(S.eta * S.lam_B, 2),))
    assert roundtrip(neg) == (True, "") and roundtrip(le) == (True, "")
    assert compare(statement(neg), statement(le)) is not None
    x, y = _dyn("TW.x", Or(S.b_inf <= 0, S.n_B <= 0)), _dyn("TW.y", Not(And(S.b_inf > 0, S.n_B > 0)))
    assert compare(statement(x), statement(y)) is not None


@pytest.mark.parametrize("prop", [
    # a gap of 1e-3: (1 + 1e-3)^100 < 2 (kappa was drawn >= 1.01 only)
    Prop("U.gap100", S.lam_D**100 > 2 * S.lam_B**100, model="two-level"),
    # a coordinate is any real: x_i = -2 and x_i = 0 (the levels store |x|)
    Prop("U.xneg", S.x_i**65 + 1 > 0, model="coordinate"),
    Prop("U.xzero", S.x_i**66 > 0, model="coordinate"),
    # any positive tolerance (eps was drawn <= 1/2 only)
    Prop("U.eps", 2 * S.eps <= 1, model="dynamics"),
    # p = rho_D^t is 0 at eta = 1/lambda_D (t >= 1): the base of a power vanishes on a face the sampler now lands on
    Prop("U.expp", exp(-S.p) < 1, (S.eta < 2 / S.lam_D, S.t >= 1), model="dynamics"),
], ids=lambda p: p.name)
def test_the_sampler_reaches_what_the_model_allows(prop):
    """A red-team review: each false statement here was SAMPLED with exit 0 (100 of 100 checks), because the
    sampler never drew the part of the model where it fails; the prover declines a power beyond 64."""
    assert _verify(prop, 100) == Verdict.REFUTED


def test_an_interval_certificate_whose_tightened_hypotheses_miss_the_witness_is_not_counted():
    """A red-team review: eta/10000 > 1/10000 => eta^2 != 2 is false at eta = sqrt(2) (no rational
    counterexample: UNKNOWN, then the interval fallback).  Tightened to the certificate's margin the hypothesis
    reads eta >= 11, which no point of the box [0.1, 10] satisfies; the witness eta = 10 lies in the box, and the
    empty box was CERTIFIED.  The witness must now satisfy the tightened hypotheses (tests/test_prove.py keeps a
    certificate that counts)."""
    false = Prop("U.tight", Ne(S.eta**2, 2), (S.eta / 10000 > Rational(1, 10000),), model="two-level")
    (r,) = prove_claim(Claim("U", "t", "s", "h", {}, (false,)), 3.0)
    assert not proved(r.verdict), (r.verdict, r.coverage)
    assert "tightened" in r.evidence.get("interval_fallback", {}).get("not_counted", ""), r.evidence
