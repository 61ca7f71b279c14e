"""The prover: true propositions PROVED (with their coverage and routes), wrong ones REFUTED exactly, and no
false PROVED by any of the routes a careful user found (issue 9: coverage rounded up, vacuous hypotheses,
square roots assumed real, assumptions deciding conclusions, the interval fallback, integers)."""

import pytest
import z3
from sympy import Abs, And, Eq, Equivalent, Ge, Implies, Le, Max, Min, Ne, Or, Pow, Rational, exp, sqrt, symbols

from salign.theory import expression, get
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Claim, ClaimError, Prop
from salign.verify.prover import exact
from salign.verify.prover import prove as PV
from salign.verify.prover.certify import certify
from salign.verify.prover.prove import claim_status, prove_claim, prove_prop
from salign.verify.prover.scopes import ANY_SPECTRUM, UP_TO_2, Scope, instantiate
from salign.verify.prover.translate import Translator, Untranslatable
from salign.verify.verdict import Verdict

from .variants import prover_variants

TIMEOUT = 8.0
GENERAL_CLAIMS = ["L1", "L2", "T1", "T2", "L4"]


@pytest.mark.parametrize("cid", ["L1", "L2", "T1", "T2", "L3", "L4", "T3", "T4", "T5", "X1"])
def test_wrong_variant_is_refuted_with_an_exact_counterexample(cid):
    v = prover_variants()[cid]
    r = prove_prop(cid, v, TIMEOUT)
    assert r.verdict == Verdict.REFUTED, f"{v.name}: {r.label} {r.note}"
    assert r.counterexample and "exact rational" in r.exact_check
    scope = Scope("levels", 1) if v.model == "general" else Scope(v.model)
    pb = instantiate(v, scope)
    vals = exact.point(r.counterexample, pb.symbols())
    assert exact.check_counterexample(pb.domain + pb.hyps, pb.concl, vals)[0]


@pytest.mark.parametrize("cid", ["L1", "L2", "T1", "T2", "L3", "L4", "T3", "T4", "T5", "X1"])
def test_every_built_in_proposition_is_proved_where_its_hypotheses_hold(cid):
    """Every proposition the prover can state is PROVED, with a point where its hypotheses hold: a derived
    definition gone wrong (a refuted or vacuous built-in) fails here, not only in the byte-identical files."""
    claim = get(cid)
    for r in prove_claim(claim, TIMEOUT):
        if claim.prop(r.prop).verify_only:
            assert r.verdict == Verdict.VERIFY_ONLY, (r.prop, r.label)
            continue
        assert r.verdict == Verdict.PROVED, (r.prop, r.label, r.note, r.counterexample)
        assert r.witness, f"{r.prop}: a PROVED comes with a point where the hypotheses hold"


SHARP = [("T1", "T1.below"), ("T1", "T1.above"), ("L3", "L3.eta_star"), ("L3", "L3.noiseless"),
         ("T3", "T3.interval"), ("T3", "T3.kappa_0"), ("T3", "T3.kappa_all"), ("T3", "T3.kappa_sufficient"),
         ("T3", "T3.sgd_between"), ("T3", "T3.sgd_works"), ("T3", "T3.sgd_fails"), ("T5", "T5.large_init"),
         ("T5", "T5.mirror_large_init"), ("X1", "X1.T1_below"), ("X1", "X1.T1_above")]


@pytest.mark.parametrize("cid, name", SHARP, ids=[n for _, n in SHARP])
def test_each_strict_bound_is_sharp(cid, name):
    """Relaxing the last strict hypothesis (``<`` to ``<=``) makes the proposition false: the bound is sharp,
    and a bound written one way too loose is caught."""
    p = get(cid).prop(name)
    h = p.hypotheses[-1]
    loose = Le(h.lhs, h.rhs) if h.rel_op == "<" else Ge(h.lhs, h.rhs)
    r = prove_prop(cid, Prop(f"{name}~loose", p.conclusion, p.hypotheses[:-1] + (loose,), model=p.model), TIMEOUT)
    assert r.verdict == Verdict.REFUTED, (r.label, r.note)


@pytest.mark.parametrize("cid", GENERAL_CLAIMS)
def test_general_spectrum_claims_are_proved_for_any_spectrum_over_the_moments(cid):
    for p in get(cid).props:
        if p.verify_only or p.model != "general":
            continue
        r = prove_prop(cid, p, TIMEOUT)
        assert r.verdict == Verdict.PROVED and r.coverage == ANY_SPECTRUM and r.full, (p.name, r.label, r.scopes)
        assert len(r.scopes) == 1 and r.scopes[0]["scope"].startswith("any spectrum"), r.scopes
        assert r.witness, "a PROVED comes with a point where the hypotheses hold"


def test_a_wrong_general_variant_is_not_implied_by_the_moments_and_refuted_on_a_real_spectrum():
    r = prove_prop("L1", prover_variants()["L1"], TIMEOUT)
    assert r.verdict == Verdict.REFUTED
    assert r.scopes[0]["result"].startswith("not implied by the moment constraints")
    assert "two-level" in r.coverage


@pytest.mark.parametrize("cid, name", [("L2", "L2.P_positive"), ("T5", "T5.increasing"), ("T3", "T3.nonempty"),
                                       ("L3", "L3.unique"), ("T1", "T1.below"), ("L2", "L2.factor")])
def test_true_propositions_are_proved_by_two_routes(cid, name, monkeypatch):
    """Both solvers get the whole budget here (not the grace budget after the first answer): what is tested is
    that two independent routes exist, not how cheap the second one is."""
    from salign.verify.prover import solvers

    monkeypatch.setattr(solvers, "GRACE_MIN_S", float("inf"))
    r = prove_prop(cid, get(cid).prop(name), TIMEOUT)
    assert r.verdict == Verdict.PROVED, r.note
    assert len(r.routes) >= 2, r.routes
    assert r.label == "PROVED"


def test_a_proof_with_one_route_is_labelled_so(monkeypatch):
    real = PV.both_answers

    def z3_only(formulas, timeout_s, solvers=("z3", "cvc5"), names=None):
        return [a if a["solver"] == "z3" else {"solver": "cvc5", "result": "timeout"}
                for a in real(formulas, timeout_s, solvers, names)]

    monkeypatch.setattr(PV, "both_answers", z3_only)
    monkeypatch.setattr("salign.verify.prover.clearing.both_answers", z3_only)
    PV._CUTS.clear()
    PV._SIGNS.memo.clear()
    r = prove_prop("T1", get("T1").prop("T1.positive"), TIMEOUT)
    PV._CUTS.clear()
    PV._SIGNS.memo.clear()
    assert r.verdict == Verdict.PROVED and r.routes == ["z3"] and r.label == "PROVED (z3 only)"


# --- issue 9, item 1: coverage is never rounded up ----------------------------------------------------

CS_EQUALITY = Prop("U.cs_equality", Eq(S.G_D1**2, S.G_D * S.G_D2))  # true for one level per block only


def test_a_statement_true_only_for_two_levels_is_refuted_on_a_richer_spectrum():
    r = prove_prop("U", CS_EQUALITY, TIMEOUT)
    assert r.verdict == Verdict.REFUTED and "2 levels" in r.coverage, (r.label, r.scopes)


def test_a_timeout_beyond_two_levels_leaves_the_proof_at_two_levels(monkeypatch):
    real = PV.decide

    def m2_times_out(problem, *a, **k):
        if problem.scope == Scope("levels", 2):
            return {"result": "unknown", "reason": "timeout (simulated)"}
        return real(problem, *a, **k)

    monkeypatch.setattr(PV, "decide", m2_times_out)
    r = prove_prop("U", CS_EQUALITY, TIMEOUT)
    assert r.verdict == Verdict.PROVED and not r.full and r.coverage == "two-level"
    assert r.label.endswith("two-level only)")
    claim = Claim("U", "t", "s", "h", {}, (CS_EQUALITY,))
    verdict, partial = claim_status([r], claim)
    assert verdict == Verdict.PROVED and "U.cs_equality on two-level only" in partial


def test_moments_undecided_falls_back_to_real_spectra(monkeypatch):
    """An undecided moment scope is not the end: the level counts are tried next."""
    real = PV.decide

    def moments_time_out(problem, *a, **k):
        if problem.scope.kind == "moments":
            return {"result": "unknown", "reason": "timeout (simulated)"}
        return real(problem, *a, **k)

    monkeypatch.setattr(PV, "decide", moments_time_out)
    r = prove_prop("L2", get("L2").prop("L2.factor"), TIMEOUT)
    assert r.verdict == Verdict.PROVED and not r.full and r.coverage == UP_TO_2, (r.label, r.scopes)
    assert r.scopes[0]["scope"].startswith("any spectrum") and len(r.scopes) == 3, r.scopes


def test_an_undecided_single_level_ends_the_search(monkeypatch):
    """m = 2 levels per block is tried only once m = 1 is proved: a proof at m = 2 alone covers no stated model."""
    real = PV.decide

    def m1_times_out(problem, *a, **k):
        if problem.scope.kind == "moments" or problem.scope == Scope("levels", 1):
            return {"result": "unknown", "reason": "timeout (simulated)"}
        return real(problem, *a, **k)

    monkeypatch.setattr(PV, "decide", m1_times_out)
    r = prove_prop("L2", get("L2").prop("L2.factor"), TIMEOUT)
    assert r.verdict == Verdict.UNKNOWN and not r.coverage, (r.label, r.scopes)
    assert [s["scope"] for s in r.scopes][-1].startswith("two-level"), r.scopes


# --- the translator: each connective and each kind of power, true and wrong, against its exact truth ----------

_ETA, _LD, _LB = S.eta, S.lam_D, S.lam_B
CONNECTIVES = [  # (name, conclusion, hypotheses, verdict)
    ("implies", Implies(_ETA > 2, _ETA > 1), (), Verdict.PROVED),
    ("implies_wrong", Implies(_ETA > 1, _ETA > 2), (), Verdict.REFUTED),
    ("equivalent", Equivalent(_ETA > 1, 1 / _ETA < 1), (), Verdict.PROVED),
    ("equivalent_wrong", Equivalent(_ETA > 1, 1 / _ETA > 1), (), Verdict.REFUTED),
    ("or", Or(_ETA < _LD, _ETA > _LB), (), Verdict.PROVED),
    ("or_wrong", Or(_ETA > _LD, _ETA < _LB), (), Verdict.REFUTED),
    ("and_wrong", And(_ETA < _LD, _ETA > _LB), (), Verdict.REFUTED),
    ("abs", Abs(_ETA - _LD) >= _ETA - _LD, (), Verdict.PROVED),
    ("abs_wrong", Abs(_ETA - _LD) <= _ETA - _LD, (), Verdict.REFUTED),
    ("max", Max(_LD, _LB, _ETA) >= _ETA, (), Verdict.PROVED),
    ("max_wrong", Max(_LD, _ETA) > _LD, (), Verdict.REFUTED),
    ("min", Min(_LD, 1 / _ETA) <= 1 / _ETA, (), Verdict.PROVED),
    ("min_wrong", Min(_LD, _LB) < _LB, (), Verdict.REFUTED),
    ("max_undefined", Max(_LD, 1 / (_ETA - 1)) >= _LD, (), Verdict.REFUTED),  # 1/0 at eta = 1
    ("inverse_square", 1 / (_ETA - 1) ** 2 > 0, (Ne(_ETA, 1),), Verdict.PROVED),
    ("inverse_square_undefined", 1 / (_ETA - 1) ** 2 > 0, (), Verdict.REFUTED),  # 1/0 at eta = 1
    ("inverse_root", 1 / sqrt(_ETA - 1) > 0, (_ETA > 1,), Verdict.PROVED),
    ("inverse_root_undefined", 1 / sqrt(_ETA - 1) > 0, (Ne(_ETA, 1),), Verdict.REFUTED),
    ("three_halves", (_ETA - 1) ** Rational(3, 2) >= 0, (_ETA >= 1,), Verdict.PROVED),
    ("three_halves_undefined", (_ETA - 1) ** Rational(3, 2) >= 0, (), Verdict.REFUTED),
]


@pytest.mark.parametrize("name, concl, hyps, verdict", CONNECTIVES, ids=[c[0] for c in CONNECTIVES])
def test_each_connective_and_power_is_translated_faithfully(name, concl, hyps, verdict):
    r = prove_prop("U", Prop(f"U.{name}", concl, hyps, model="two-level"), TIMEOUT)
    assert r.verdict == verdict, (r.label, r.note, r.counterexample)
    if verdict == Verdict.REFUTED:
        assert r.exact_check.startswith("hypotheses hold"), r.exact_check
        assert ("undefined" in r.exact_check) == name.endswith("undefined"), r.exact_check
    for s in r.scopes:
        assert 0 <= s["seconds"] <= r.seconds + 0.01, (s, r.seconds)


# --- item 2: vacuous hypotheses -------------------------------------------------------------------------

def test_contradictory_hypotheses_are_vacuous_not_proved():
    Q = expression("Q")
    p = Prop("U.contradiction", O.Dchi > 0, (Q > 0, Q < 0))
    r = prove_prop("U", p, TIMEOUT)
    assert r.verdict == Verdict.VACUOUS and r.verdict.fails


def test_a_negative_noise_variance_is_rejected_when_the_claim_is_built():
    with pytest.raises(ClaimError, match="constant"):
        Prop("U.neg", O.Dchi > 0, (S.N_D < 0,))


# --- item 3: square roots are not assumed real -----------------------------------------------------

def test_a_statement_about_a_root_that_may_be_complex_is_refuted():
    X = S.a - S.lam_D + S.lam_B
    p = Prop("U.root", sqrt(X) >= 0, model="two-level")
    r = prove_prop("U", p, TIMEOUT)
    assert r.verdict == Verdict.REFUTED, r.label
    vals = {s: exact.rational(v) for s, v in ((s, r.counterexample[s.name]) for s in (S.a, S.lam_D, S.lam_B))}
    assert X.xreplace(vals) < 0  # the counterexample is where the root is not real


def test_the_same_statement_with_realness_stated_is_proved():
    X = S.a - S.lam_D + S.lam_B
    p = Prop("U.root_real", sqrt(X) >= 0, (X >= 0,), model="two-level")
    assert prove_prop("U", p, TIMEOUT).verdict == Verdict.PROVED


def test_the_translator_guards_each_atom_instead_of_assuming_definedness():
    x, y = symbols("x y", positive=True)
    T = Translator(z3)
    f = str(T.boolean(x / (y - 1) + sqrt(x + 1) > Rational(1, 3)))
    assert f.startswith("And(") and "-1 + y != 0" in f and "1 + x >= 0" in f  # the atom carries its guards
    assert not any("-1 + y != 0" in str(c) for c in T.domain)  # ... and nothing is assumed globally
    assert any("Implies" in str(c) and "sqrt_0" in str(c) for c in T.domain)
    g = str(T.boolean(Pow(y - 1, -2, evaluate=False) > 0))  # a negative power on its own carries its guard too
    assert g.startswith("And(") and "!= 0" in g, g
    with pytest.raises(Untranslatable, match="exp"):
        Translator(z3).boolean(exp(x) > 1)


# --- item 4: assumptions never decide a conclusion -------------------------------------------------------

def test_a_conclusion_decided_by_assumptions_is_an_error():
    with pytest.raises(ClaimError, match="constant"):
        Prop("U.eta_positive", S.eta > 0)
    with pytest.raises(ClaimError, match="hypothesis 0"):
        Prop("U.hyp", O.Dchi > 0, (S.lam_D > 0,))


def test_a_fixed_point_is_not_assumed_non_negative():
    r = prove_prop("U", Prop("U.a_inf", S.a_inf >= 0, model="dynamics"), TIMEOUT)
    assert r.verdict == Verdict.REFUTED


# --- item 5: the interval fallback names its box and its tightening, and is sound on it -----------------

def test_interval_fallback_certifies_on_a_named_box_and_reports_where_it_fails():
    p = get("L3").prop("L3.h0")
    pb = instantiate(p, Scope("two-level"))
    c = certify(pb.hyps, pb.concl)
    assert c.status == "CERTIFIED" and c.box["n_D"] == ["0.001", "10"]
    assert "tightened" in c.reason and "n_D in [0.001, 10]" in c.box_text()
    wrong = certify(pb.hyps, pb.concl.lhs < 0)
    assert wrong.status == "FAILED" and "false on this whole box" in wrong.reason and wrong.failed_box


def test_interval_fallback_is_not_fooled_at_the_edge_of_its_box():
    x = symbols("x", positive=True)
    assert certify([], x > Rational(1, 10), box={x: ("0.1", "10")}, max_boxes=200).status == "FAILED"
    assert certify([], x >= Rational(1, 20), box={x: ("0.1", "10")}).status == "CERTIFIED"


def test_a_certificate_never_counts_beyond_its_box(monkeypatch):
    monkeypatch.setattr(PV, "decide", lambda *a, **k: {"result": "unknown", "reason": "simulated"})
    claim = get("L3").with_props(get("L3").prop("L3.h0"))
    (r,) = prove_claim(claim, TIMEOUT)
    assert r.verdict == Verdict.CERTIFIED and not r.full and "on the box" in r.coverage and "tightened" in r.coverage
    verdict, partial = claim_status([r], claim)
    assert verdict == Verdict.CERTIFIED and "on the box" in partial


# --- item 6: integers stay integers ---------------------------------------------------------------------

def test_a_true_statement_about_whole_numbers_is_not_refuted_with_fractions():
    p = Prop("U.whole", S.d >= S.k + 1, (S.d > S.k,), model="two-level")
    r = prove_prop("U", p, TIMEOUT)
    assert r.verdict != Verdict.REFUTED, r.counterexample
    assert r.verdict == Verdict.PROVED and r.routes == ["z3 (integers)"]
    false = Prop("U.whole_false", S.d >= S.k + 2, (S.d > S.k,), model="two-level")
    rf = prove_prop("U", false, TIMEOUT)
    assert rf.verdict == Verdict.REFUTED and all(float(rf.counterexample[n]).is_integer() for n in ("k", "d"))


def test_oracle_only_propositions_are_left_to_the_verifier():
    assert prove_prop("T1", get("T1").prop("T1.root")).verdict == Verdict.VERIFY_ONLY
    user = Prop("U.own", symbols("my_observable", real=True) > 0)
    r = prove_prop("U", user)
    assert r.verdict == Verdict.VERIFY_ONLY and "my_observable" in r.note


def test_a_proof_states_the_model_hypotheses_it_assumed():
    r = prove_prop("L3", get("L3").prop("L3.unique"), TIMEOUT)
    assert r.verdict == Verdict.PROVED
    assert "lambda_D: H is positive definite" in r.domain and "lambda_D > lambda_B" in r.domain, r.domain


# --- mutation survivors: a rational constant, an undecided witness search, a solver error ----------------------

def test_a_rational_constant_reaches_the_solvers_as_itself():
    """Clearing usually multiplies constants out; a relation with a bare fraction must still mean that fraction."""
    x = symbols("x", positive=True)
    for r in (Rational(1, 2), Rational(-7, 3), Rational(22, 7)):
        s = z3.Solver()
        s.add(Translator(z3).boolean(Eq(x, r, evaluate=False)))
        assert s.check() == z3.sat and z3.simplify(s.model().eval(z3.Real("x")) - z3.RealVal(f"{r.p}/{r.q}")) == 0, r


def test_an_undecided_witness_search_is_unknown_not_unsatisfiable(monkeypatch):
    """Only an unsat answer says that no point satisfies the hypotheses; a timeout says nothing."""
    monkeypatch.setattr(PV, "_try_points", lambda problem, tries=24: None)
    monkeypatch.setattr(PV, "_witness_attempts",
                        lambda problem, t: iter([(False, {"solver": "z3", "result": "timeout", "reason": "simulated"})]))
    pb = instantiate(get("L1").prop("L1.D"), Scope("moments"))
    from salign.verify.prover.cache import ProofCache

    assert PV.find_witness(pb, TIMEOUT, ProofCache(enabled=False))["result"] == "unknown"


def test_a_solver_error_in_the_integer_search_leaves_the_statement_undecided(monkeypatch):
    """The search for a whole-number counterexample gets an error, not a model: the statement stays undecided."""
    monkeypatch.setattr(PV, "first_answer", lambda *a, **k: {"solver": "z3", "result": "error", "error": "simulated"})
    r = prove_prop("U", Prop("U.int_err", S.d >= S.k + 1, (S.d > S.k,), model="two-level"), TIMEOUT)
    assert r.verdict == Verdict.UNKNOWN, (r.label, r.note)


def test_the_loss_scaled_scope_leaves_free_only_what_the_sampler_draws():
    """Every symbol a loss-scaled sample gives a value is, in the prover's scope, the same function of what the
    sample draws (red-team finding: n_D, n_B were left free, so a "counterexample" named n_D = 1 beside sigma2 = 0
    refuted the true n_D = k 2 sigma^2 L lambda_D)."""
    import random

    import mpmath

    from salign.theory import meaning
    from salign.verify.prover.scopes import substitution
    from salign.verify.verifier import sampling

    sub, _ = substitution(Scope("loss-scaled"))
    rng = random.Random(0)
    for _ in range(6):
        g, inst = sampling.sample(rng, "loss-scaled")
        vals = inst.values()
        drawn = {S.lam_D: g.lam_D, S.lam_B: g.lam_B, S.k: g.k, S.d_B: g.d - g.k, S.a: vals[S.a], S.b: vals[S.b],
                 S.sigma2: g.sigma2, S.eta: inst.eta}
        for x in sorted(O.VOCABULARY["loss-scaled"] & set(vals), key=str):
            if isinstance(vals[x], bool):
                continue  # the spectral gap: a fact of every scope's domain
            m = meaning.MEANING.get(x)
            e = meaning.in_base(x) if m is not None and "loss-scaled" in m.models else x  # linked by the table
            for _ in range(4):
                e = e.xreplace(sub) if hasattr(e, "xreplace") else e
            assert e.free_symbols <= set(drawn), (x, e.free_symbols - set(drawn))
            mine = mpmath.mpf(e.evalf(40, subs=drawn)) if e.free_symbols else mpmath.mpf(e)
            assert mpmath.almosteq(mine, vals[x], rel_eps=mpmath.mpf(10) ** -12, abs_eps=mpmath.mpf(10) ** -30), x
