"""Square roots for the kernel (verify/kernel/roots.py): ``s >= 0`` and ``s * s = X`` as facts, certificates
modulo ``s^2 - X``, checked by coqc; a wrong quotient, a flipped sign of ``s`` or a false goal is rejected."""

from __future__ import annotations

from sympy import Symbol, symbols

from salign.verify.kernel import coqc
from salign.verify.kernel.check import HEADER, _trial
from salign.verify.kernel.export import ROOTS, has_roots, problem_statement, script_text, theorems
from salign.verify.kernel.products import Fact, Products, certificate, equation_script, leaf_script
from salign.verify.kernel.roots import Root, ideal, preamble
from salign.verify.prover.scopes import instantiate, scopes_for

x = symbols("x", positive=True)
s = Symbol("sqrt_0")  # as the solvers' translator names the first root
ROOT = Root(s, x, False)
FACTS = [Fact(x, True)]
#: x > 0, s >= 0, x >= 0 -> s * s = x (the translator's facts for s = sqrt(x)), then a goal
STATEMENT = "forall x sqrt_0 : R, x > 0 -> sqrt_0 >= 0 -> ((x >= 0) -> sqrt_0 * sqrt_0 = x) -> "


def _text(e) -> str:
    from salign.verify.kernel.coqterm import module
    from salign.verify.prover.translate import Translator

    return Translator(module()).expr(e)[0].text


def _compiles(d, name: str, goal: str, script: str) -> bool:
    path = d / f"{name}.v"
    path.write_text(f"{HEADER}\nTheorem {name} : {STATEMENT}{goal}.\nProof.\n  {script}.\nQed.\n")
    return coqc.compile_file(path, limit_s=120).ok


def _prefix() -> str:
    pre = preamble([ROOT], FACTS, _text)
    assert pre is not None
    return ";\n  ".join(["intros", *pre.lines]) + ";\n  "


def test_a_certificate_modulo_the_root_is_found_and_a_false_goal_gets_none():
    # s > 0: (-s) s = -s^2 = -x modulo s^2 = x, and x > 0
    prods = certificate(FACTS + [Fact(s, False)], Fact(-s, False), ideal=ideal([ROOT]))
    assert prods is not None and prods.quotients
    assert certificate(FACTS + [Fact(s, False)], Fact(s, False), ideal=ideal([ROOT])) is None  # s < 0: false
    # without the relation s^2 = x, nothing makes s > 0
    assert certificate(FACTS + [Fact(s, False)], Fact(-s, False)) is None


def test_coq_checks_an_ideal_membership_and_rejects_a_wrong_quotient(tmp_path):
    coqc.prepare(tmp_path)
    # x s^2 = x^2: zero modulo s^2 = x with the quotient x (not linear in s * s = x: lra alone cannot use it)
    goal = "x * (sqrt_0 * sqrt_0) = x * x"
    script = equation_script(_text, x * s**2 - x**2, ideal([ROOT]))
    assert "assert (x * (sqrt_0 * sqrt_0 - x) = 0) by (rewrite Hsqrt_0; ring)" in script
    assert _compiles(tmp_path, "member", goal, _prefix() + script)
    assert not _compiles(tmp_path, "member_lra", goal, _prefix() + "lra")
    assert not _compiles(tmp_path, "member_ring", goal, "intros; ring")  # not an identity without s^2 = x
    # a wrong quotient (x^2: a number would do no harm, lra scales the equation)
    wrong = script.replace("assert (x * (sqrt_0", "assert ((x * x) * (sqrt_0")
    assert wrong != script
    assert not _compiles(tmp_path, "member_wrong", goal, _prefix() + wrong)
    assert equation_script(_text, x * s**2 - x, ideal([ROOT])) == ""  # not zero modulo s^2 = x: no script


def test_coq_checks_a_certificate_with_the_root_and_rejects_a_flipped_sign_of_s(tmp_path):
    coqc.prepare(tmp_path)
    prods = certificate(FACTS + [Fact(s, False)], Fact(-s, False), ideal=ideal([ROOT]))
    goal = "0 < sqrt_0"
    assert _compiles(tmp_path, "pos", goal, _prefix() + leaf_script(_text, s, True, prods))
    flipped = Products(tuple(Fact(-f.poly, f.strict) if f.poly == s else f for f in p) for p in prods)
    flipped.quotients = prods.quotients
    assert list(flipped) != list(prods)
    assert not _compiles(tmp_path, "pos_flipped", goal, _prefix() + leaf_script(_text, s, True, flipped))


def _theorem(claim: str, name: str, witness: dict):
    from salign.theory.registry import registry
    from salign.verify.prover.prove import ProofResult
    from salign.verify.verdict import Verdict

    p = next(p for p in registry()[claim].props if p.name == name)
    scope = next(sc for sc in scopes_for(p) if sc.kind == "two-level")
    fake = ProofResult(claim, p.name, Verdict.PROVED, scopes=[{"scope": scope.label, "result": "proved"}],
                       witness=witness)
    (th,) = theorems(claim, p, fake)
    assert th.statement == problem_statement(instantiate(p, scope))
    assert has_roots(instantiate(p, scope))
    return th


def _closed(tmp_path, cid: str, name: str, witness: dict):
    """The theorem and root script of a built-in proposition, the script checked by coqc."""
    coqc.prepare(tmp_path)
    th = _theorem(cid, name, witness)
    script = script_text(dict(th.scripts)[ROOTS])
    ok, out, _ = _trial(th, ROOTS, script, tmp_path)
    assert ok, out
    return th, script


def test_t3_kappa_0_is_closed_on_the_solvers_problem(tmp_path):
    """kappa above the larger root of a quadratic, (sqrt(a) sqrt(Y) + ...) / (2 a b lambda_B^2): two roots,
    a certificate modulo both (t^2 + 2 t sqrt(a) sqrt(Y) = 4 A Q, t the hypothesis' margin)."""
    th, script = _closed(tmp_path, "T3", "T3.kappa_0", {"a": "2/3", "b": "1/2", "kappa": "50", "lambda_B": "2",
                                                         "lambda_D": "100", "n_B": "2", "n_D": "0"})
    assert "Hsqrt_0" in script and "Hsqrt_1" in script
    # the same script with the sign of sqrt_1 flipped in the hypothesis it takes s * s = X from fails
    wrong = script.replace("(Hsqrt_1 : sqrt_1 * sqrt_1 =", "(Hsqrt_1 : sqrt_1 * sqrt_1 = - ")
    assert wrong != script
    ok, _, _ = _trial(th, ROOTS, wrong, tmp_path)
    assert not ok


def test_l3_chi_c_root_is_closed_on_the_solvers_problem(tmp_path):
    """chi_c = 2 n_D lambda_D^2 / (sqrt(X) - P) is a root of the quadratic: after the division bridge the
    equation is zero modulo sqrt(X)^2 = X (ring checks the quotient); X >= 0 as a square plus a product."""
    _, script = _closed(tmp_path, "L3", "L3.chi_c_root", {"G": "91/9", "a": "1/10", "b": "1", "lambda_B": "1/3",
                                                            "lambda_D": "10", "n_B": "7/2", "n_D": "1/10"})
    assert "apply Rle_0_sqr" in script and "rewrite Hsqrt_0; ring" in script
