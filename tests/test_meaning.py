"""The table of meaning (salign.theory.meaning): one definition per derived symbol, read the same way by the
prover's links, the exact checker, the verifier's oracles and the sampler's faces.

Each link set is checked against its definition on and off every face the table names: where the symbol has
a value, that value satisfies every link; where it has none, its guard is false and the links leave it free (a
link that ruled the point out would make true hypotheses unsatisfiable, VACUOUS; one that fixed a value would
let a false statement be PROVED).  The verifier's oracles are compared with the definitions at the same points.
"""

from itertools import product

import mpmath
import pytest
from sympy import And, Integer, Rational, false, nan, true

from salign.theory import meaning
from salign.theory import symbols as S
from salign.theory.claim import Claim, Prop, definedness
from salign.verify.prover import exact
from salign.verify.prover.prove import prove_prop
from salign.verify.verifier.context import Context
from salign.verify.verifier.instance import two_level
from salign.verify.verifier.sampling import Genotype, definedness_faces

R_ = Rational
LAM_D, LAM_B = R_(4), R_(1, 2)  # powers of two: every face below is exact in binary as well


def _points():
    """Model states on and off every face of the table: eta at each step-size face and between them, each
    noise trace zero or not, several whole times."""
    etas = sorted({f.xreplace({S.lam_D: LAM_D, S.lam_B: LAM_B}) for f in meaning.eta_faces()} | {R_(1, 8), R_(3)})
    for eta, n_D, n_B, t in product(etas, (R_(0), R_(1, 2)), (R_(0), R_(3)), (0, 1, 3)):
        yield {S.lam_D: LAM_D, S.lam_B: LAM_B, S.eta: eta, S.n_D: n_D, S.n_B: n_B, S.a: R_(1, 4), S.b: R_(2),
               S.a_0: R_(3, 4), S.b_0: R_(5), S.t: R_(t), S.k: R_(1), S.d: R_(3)}


def test_every_face_of_the_table_is_reached_by_the_points():
    """The points include each step-size face (eta = 1/lambda_S, 2/lambda_S) and each other face (n_B = 0)."""
    assert set(meaning.eta_faces()) == {2 / S.lam_D, 2 / S.lam_B, 1 / S.lam_D, 1 / S.lam_B}
    assert set(meaning.other_faces()) == {S.n_B}
    undefined = {s: 0 for s in meaning.partial()}
    for pt in _points():
        vals = meaning.evaluate(pt)
        for s in undefined:
            undefined[s] += vals[s] is nan
    assert all(undefined.values()), undefined  # every partial symbol is undefined at some point


@pytest.mark.parametrize("model", ["dynamics", "two-level", "loss-scaled"])
def test_each_link_set_agrees_with_its_definition_on_and_off_every_face(model):
    checked = 0
    for pt in _points():
        vals = meaning.evaluate(pt)
        for s, rels, _base, projection in meaning.links(model):
            m = meaning.MEANING[s]
            if vals[s] is not nan:
                assert all(exact.truth(g, vals) for g in m.where), (s, pt)
                for r in rels + projection:
                    assert exact.truth(r, vals), f"{s} = {vals[s]} breaks its link {r} at {pt}"
            else:
                assert not all(exact.truth(g, vals) for g in m.where), (s, pt)
                for free in (R_(0), R_(7), R_(-3)):  # the links leave an undefined symbol free
                    at = {**vals, s: free}
                    at = {k: (R_(1) if v is nan else v) for k, v in at.items()}  # others undefined: any value
                    for r in rels:
                        if not any(b in meaning.partial() and vals[b] is nan for b in r.free_symbols - {s}):
                            assert exact.truth(r, at), f"{s} has no value at {pt}, but {r} rules {free} out"
            checked += 1
    assert checked > 100


def test_a_wrong_link_is_caught_by_the_same_check():
    """The old link for b_inf, b_inf (1 - rho_B) = eta^2 n_B unguarded, rules out rho_B = 1 when n_B > 0."""
    from sympy import Eq

    old = Eq(S.b_inf * (1 - S.rho_B), S.eta**2 * S.n_B)
    broken = [pt for pt in _points() if meaning.evaluate(pt)[S.b_inf] is nan
              and not exact.truth(old, {**meaning.evaluate(pt), S.b_inf: R_(7)})]
    assert broken


def _context(pt):
    inst = two_level(*(mpmath.mpf(pt[x].p) / pt[x].q for x in (S.lam_D, S.lam_B)), 1, 3,
                     *(mpmath.mpf(pt[x].p) / pt[x].q for x in (S.a, S.b, S.n_D, S.n_B, S.eta)))
    g = Genotype(kind="two-level", preset="diagonal", t=int(pt[S.t]), a0=mpmath.mpf(3) / 4, b0=mpmath.mpf(5),
                 eps=mpmath.mpf(1) / 10)
    return Context(g, inst)


def test_the_verifiers_oracles_agree_with_the_table_on_and_off_every_face():
    """Where a symbol has a value the oracle gives it (to 30 digits); where it has none, the oracle says NaN or
    the guard the verifier evaluates with it is false at the oracle's values (a rounded face is still a face)."""
    syms = list(meaning.MEANING)
    with mpmath.workdps(50):
        _compare_oracles(syms)


def _compare_oracles(syms):
    for pt in _points():
        want = meaning.evaluate(pt)
        got = _context(pt).need(syms)
        for s in syms:
            if want[s] is nan:
                guards = definedness(s)
                at = {x: got[x] for g in guards for x in g.free_symbols}
                assert mpmath.isnan(got[s]) or not all(_holds(g, at) for g in guards), (s, pt, got[s])
            else:
                w = mpmath.mpf(want[s].p) / want[s].q
                assert abs(got[s] - w) <= mpmath.mpf(10) ** -30 * max(1, abs(w)), (s, pt, got[s], w)


def _holds(g, at):
    from salign.verify.verifier.evaluate import numeric

    gap = numeric(g.lhs - g.rhs, at)
    return {"!=": gap != 0, ">": gap > 0, ">=": gap >= 0, "<": gap < 0, "<=": gap <= 0, "==": gap == 0}[g.rel_op]


def test_the_sampler_lands_on_every_step_size_face_for_every_block():
    from salign.verify.verifier.instance import Level

    D = (Level(mpmath.mpf(4), 1, mpmath.mpf(1), mpmath.mpf(0)), Level(mpmath.mpf(3), 1, mpmath.mpf(1), mpmath.mpf(0)))
    B = (Level(mpmath.mpf(1) / 2, 2, mpmath.mpf(1), mpmath.mpf(0)),)
    faces = definedness_faces(D, B)
    for want in (mpmath.mpf(2) / 4, mpmath.mpf(2) / 3, mpmath.mpf(4), mpmath.mpf(1) / 4, mpmath.mpf(1) / 3, 2):
        assert any(abs(f - want) < mpmath.mpf(10) ** -40 for f in faces), want


# --- the examples (issue 17, item 1), pinned ---------------------------------------------------------

def _prop(name, concl, hyps):
    return Prop(name, concl, tuple(hyps), model="dynamics")


def test_b_inf_positive_under_bulk_noise_is_refuted_at_the_face_where_it_has_no_value():
    """n_B > 0, rho_B <= 1 => b_inf > 0 is false at eta = 2/lambda_B (no fixed point): was PROVED by both solvers."""
    r = prove_prop("I", _prop("I.b", S.b_inf > 0, (S.n_B > 0, S.rho_B <= 1)), 8)
    assert r.status == "REFUTED", r
    assert r.counterexample and r.counterexample.get("rho_B") == "1"


def test_a_inf_positive_implies_a_stable_step_is_proved():
    """a_inf > 0 => rho_D < 1 is true (a_inf has no value at rho_D = 1): was REFUTED at rho_D = 1, n_D = 0."""
    r = prove_prop("I", _prop("I.a", S.rho_D < 1, (S.a_inf > 0,)), 8)
    assert r.status == "PROVED", r


def test_hypotheses_at_the_face_are_not_vacuous():
    """n_B > 0, eta = 2/lambda_B => b_inf > 0 holds its hypotheses and fails its conclusion: was VACUOUS."""
    from sympy import Eq

    r = prove_prop("I", _prop("I.c", S.b_inf > 0, (S.n_B > 0, Eq(S.eta, 2 / S.lam_B))), 8)
    assert r.status == "REFUTED", r


def test_the_verifier_finds_the_face_where_b_inf_has_no_value():
    from salign.verify.verifier.engine import check_claim

    c = Claim("IB", "t", "t", "", {}, (_prop("IB.b", S.b_inf > 0, (S.n_B > 0, S.rho_B <= 1)),))
    for seed in (0, 1):
        res = check_claim(c, n=300, seed=seed)
        assert res.props["IB.b"].violations, seed


def test_alpha_and_beta_carry_the_guard_of_the_stationary_point():
    assert definedness(S.alpha) == definedness(S.a_inf) == [definedness(S.a_inf)[0]]
    assert str(definedness(S.beta)[0]) == "Ne(1 - rho_B, 0)"


def test_the_table_agrees_with_the_derivations():
    """a_inf, b_inf in the table are T4's derived fixed points (rsolve), not a look-alike."""
    from sympy import simplify

    from salign.theory.registry import get

    t4 = get("T4").defines
    rho = {S.rho_D: S.DEFINITIONS[S.rho_D], S.rho_B: S.DEFINITIONS[S.rho_B]}
    for s, name in ((S.a_inf, "a_inf"), (S.b_inf, "b_inf")):
        assert simplify(meaning.MEANING[s].definition.xreplace(rho) - t4[name]) == 0, s


def test_zero_to_a_symbolic_power_has_a_value_exactly_where_the_exponent_is_non_negative():
    """0^0 = 1, as p = rho_D^t at rho_D = t = 0 (red-team finding: rho_D^(t - 1) <= 1 under t >= 1 was REFUTED at
    rho_D = 0, t = 1, where the guard rho_D != 0 called 0^0 undefined)."""
    guard = And(*definedness(S.rho_D ** (S.t - 1)))
    assert guard.subs({S.rho_D: 0, S.t: 1}) is true and guard.subs({S.rho_D: 0, S.t: 3}) is true
    assert guard.subs({S.rho_D: 0, S.t: 0}) is false  # 0^(-1)
    assert guard.subs({S.rho_D: Rational(1, 2), S.t: 0}) is true
    from salign.verify.verifier.engine import check_claim

    prop = Prop("F.z", S.rho_D ** (S.t - 1) <= 1, (S.t >= 1, S.eta < 2 / S.lam_D), model="dynamics")
    report = check_claim(Claim("F", "f", "f", "", {}, (prop,)), n=200, seed=0).props["F.z"]
    assert report.violations == 0 and report.checked > 0, report


def test_a_power_too_large_to_compute_exactly_is_no_state_and_no_hang():
    """Red-team finding: salign prove --timeout 5 ran for minutes on t >= 10^9, computing rho_D^t exactly while
    completing a solver's model; such a point is now neither a state nor no state (the prover skips it)."""
    point = {S.eta: Rational(1, 4), S.lam_D: Integer(2), S.lam_B: Integer(1), S.t: Integer(10**9), S.p: Rational(1, 2),
             S.rho_D: Rational(1, 4)}
    with pytest.raises(meaning.TooLarge, match="too large"):
        meaning.evaluate(point)
    assert exact.realizations(point) == []
    small = {**point, S.t: Integer(3)}
    assert meaning.evaluate(small)[S.p] == Rational(1, 4) ** 3 and exact.realizations(small) != []
    assert meaning.evaluate({k: v for k, v in point.items() if k != S.rho_D} | {S.eta: Rational(1, 2)},
                            only={S.rho_D, S.p})[S.p] == 0  # 0^t is cheap at any t: computed
