"""Products of hypotheses (verify/kernel/products.py): the certificate search finds what nra cannot, finds nothing
for a false goal, and Coq rejects a certificate with a product dropped or a factor's sign flipped."""

from __future__ import annotations

import os
import shutil

import pytest
from sympy import Equivalent, symbols

from salign.theory import symbols as S
from salign.theory.claim import Prop
from salign.verify.kernel import coqc
from salign.verify.kernel.export import PRODUCTS, bridge_script, problem_statement, products_script, script_text, theorems
from salign.verify.kernel.products import Fact, certificate, leaf_script, leaves, monomial_content
from salign.verify.prover.scopes import instantiate, scopes_for

eta, lD, lB = symbols("eta lambda_D lambda_B", positive=True)

#: eta > 0, lambda_D - lambda_B > 0, 2 - eta (lambda_B + lambda_D) > 0 (T5.phase's forward direction)
FACTS = [Fact(eta, True), Fact(lD - lB, True), Fact(2 - eta * (lB + lD), True)]
#: the goal (1 - eta lambda_B)^2 - (1 - eta lambda_D)^2 > 0, negated
GOAL = (1 - eta * lB) ** 2 - (1 - eta * lD) ** 2


def test_a_product_of_three_hypotheses_is_found():
    prods = certificate(FACTS, Fact(-GOAL, False))
    assert prods is not None
    assert any(len(p) == 3 for p in prods)  # eta (lD - lB) (2 - eta (lB + lD)): what nra does not multiply


def test_a_false_goal_has_no_certificate():
    # the wrong direction: (1 - eta lD)^2 > (1 - eta lB)^2 is false under the same facts
    assert certificate(FACTS, Fact(GOAL, False)) is None
    # and a goal that needs a hypothesis that is not there (no gap)
    assert certificate(FACTS[::2], Fact(-GOAL, False)) is None


def test_the_leaves_of_an_equivalence_assume_each_side():
    a, b = eta < 1, lD > lB
    got = leaves(Equivalent(a, b))
    assert {(g, tuple(h)) for g, h in got} == {(b, (a,)), (a, (b,))}


# --- Coq checks the certificate, and rejects a wrong one --------------------------------------------------------

if shutil.which("coqc") is None:
    if os.environ.get("SALIGN_REQUIRE_COQ") == "1":
        raise RuntimeError("coqc is missing but SALIGN_REQUIRE_COQ=1")
    pytest.skip("coqc is not installed (apt-get install coq coinor-csdp)", allow_module_level=True)

STATEMENT = ("forall eta lambda_D lambda_B : R, eta > 0 -> lambda_D - lambda_B > 0 -> "
             "2 - eta * (lambda_B + lambda_D) > 0 -> "
             "(1 - eta * lambda_D) * (1 - eta * lambda_D) < (1 - eta * lambda_B) * (1 - eta * lambda_B)")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("coq_products")
    coqc.prepare(d)
    return d


def _text(e) -> str:
    from salign.verify.kernel.coqterm import module
    from salign.verify.prover.translate import Translator

    return Translator(module()).expr(e)[0].text


def _compiles(d, name: str, script: str) -> bool:
    path = d / f"{name}.v"
    path.write_text("Require Import Reals Lra Psatz List.\nRequire Import Model.\nOpen Scope R_scope.\n"
                    f"Theorem {name} : {STATEMENT}.\nProof.\n  intros; {script}.\nQed.\n")
    return coqc.compile_file(path, limit_s=120).ok


def test_coq_checks_the_certificate_and_nra_alone_does_not_close_it(workdir):
    prods = certificate(FACTS, Fact(-GOAL, False))
    assert _compiles(workdir, "phase_cert", leaf_script(_text, GOAL, True, prods))
    assert not _compiles(workdir, "phase_nra", "Timeout 20 nra")


def test_a_dropped_product_or_a_flipped_factor_fails_in_coq(workdir):
    prods = certificate(FACTS, Fact(-GOAL, False))
    three = [p for p in prods if len(p) == 3]
    dropped = [p for p in prods if len(p) != 3]
    assert not _compiles(workdir, "phase_dropped", leaf_script(_text, GOAL, True, dropped))
    flipped = [tuple(Fact(-f.poly, f.strict) if f.poly == lD - lB else f for f in p) for p in three]
    assert flipped != three
    assert not _compiles(workdir, "phase_flipped", leaf_script(_text, GOAL, True, flipped + dropped))


def test_t5_phase_is_closed_by_its_certificate_on_the_solvers_problem(workdir):
    """The built-in T5.phase: every other script fails (see proofs/coq/T5.v); the certificate closes it."""
    from salign.theory.registry import registry
    from salign.verify.kernel.check import _trial

    p = next(p for p in registry()["T5"].props if p.name == "T5.phase")
    pb = instantiate(p, scopes_for(p)[0])
    witness = {"eta": "1/10", "lambda_B": "1/10", "lambda_D": "1"}
    script = products_script(pb, witness, bridge_script(pb, witness))
    assert "Rmult_lt_0_compat" in script
    th = _theorem(p)
    th.statement = problem_statement(pb)
    ok, out, _ = _trial(th, PRODUCTS, script, workdir)
    assert ok, out


def test_a_false_equivalence_gets_no_certificate():
    false = Prop("flip", Equivalent(S.eta < 2 / (S.lam_B + S.lam_D), (1 - S.eta * S.lam_D) ** 2 > (1 - S.eta * S.lam_B) ** 2),
                 model="dynamics")
    th = _theorem(false)
    scripts = dict(th.scripts)
    assert PRODUCTS in scripts
    text = script_text(scripts[PRODUCTS])
    assert "pose proof" not in text  # no leaf of the false statement has a certificate


def _theorem(prop):
    from salign.verify.prover.prove import ProofResult
    from salign.verify.verdict import Verdict

    scope = scopes_for(prop)[0]
    fake = ProofResult("U", prop.name, Verdict.PROVED, scopes=[{"scope": scope.label, "result": "proved"}],
                       witness={"eta": "1/10", "lambda_B": "1/10", "lambda_D": "1"})
    return theorems("U", prop, fake)[0]


def test_a_goal_without_constant_terms_gets_its_certificate():
    """x > 0, y > 0 |- x y > 0: no product has a constant term.  The LP once left the constant's weight free (no
    row for it), answered weight 1 on the constant alone, and the exact check rightly threw that away: every
    homogeneous goal (T1.above, T1.below) went without a certificate."""
    x, y = symbols("x y", positive=True)
    prods = certificate([Fact(x, True), Fact(y, True)], Fact(-x * y, False))
    assert prods == [(Fact(x, True), Fact(y, True))] or prods == [(Fact(y, True), Fact(x, True))]


#: a two-level point where T2.decreases' hypotheses hold (Q <= 0: much noise in the bulk); its moments give the
#: denominators' signs
T2_WITNESS = {"a": "1", "b": "1", "lambda_D": "2", "lambda_B": "1", "n_D": "0", "n_B": "10", "eta": "1/4"}


def _t2_decreases():
    from salign.theory.registry import registry

    p = next(p for p in registry()["T2"].props if p.name == "T2.decreases")
    return p, instantiate(p, scopes_for(p)[0])


def test_a_lemma_of_the_model_closes_t2_decreases(workdir):
    """T2.decreases needs G_B G1_D > G1_B G_D (from the gap: a product of four facts) and E[G'] > 0: Model.v's
    lemmas, instantiated in the script, each hypothesis by lra, and the certificate closes it in Coq.  (What the
    Python side says of a lemma is not trusted: a fact Coq cannot derive makes the product's factor fail, as
    the dropped-product and flipped-factor tests show; a lemma's hypotheses are proved in Coq's context.)"""
    from salign.verify.kernel import lemmas
    from salign.verify.kernel.check import _trial

    p, pb = _t2_decreases()
    assert [lem.name for lem, _ in lemmas.instances(pb)] == ["gap_step_pos", "gap_moment_order"]
    th = _theorem(p)
    th.statement = problem_statement(pb)
    script = products_script(pb, T2_WITNESS, bridge_script(pb, T2_WITNESS))
    assert "pose proof (gap_moment_order" in script
    ok, out, _ = _trial(th, PRODUCTS, script, workdir)
    assert ok, out


def test_a_positive_monomial_factor_is_split_off_and_coq_checks_the_split(workdir):
    """X1's goals carry eta lambda_B^2 lambda_D^2 times the hypothesis: a product of six facts, beyond the search.
    The monomial of positive symbols is split off (0 < m by pos), and the certificate is for what is left."""
    x, h = symbols("x h", positive=True)
    u = symbols("u", real=True)
    goal = eta * x**2 * (u - 1)  # 0 < goal, from u - 1 > 0
    m, q = monomial_content(-goal)
    assert m == eta * x**2 and q == 1 - u
    pool = [Fact(eta, True), Fact(x, True), Fact(u - 1, True)]
    assert certificate(pool, Fact(-goal, False), degree=3) is None  # eta x x (u - 1): four factors
    prods = certificate([Fact(u - 1, True)], Fact(q, False))
    assert prods is not None
    script = leaf_script(_text, goal, True, prods, monomial=m)
    path = workdir / "content.v"
    path.write_text("Require Import Reals Lra Psatz List.\nRequire Import Model.\nOpen Scope R_scope.\n"
                    "Theorem content : forall eta x u : R, eta > 0 -> x > 0 -> u - 1 > 0 -> "
                    f"0 < eta * (x * x) * (u - 1).\nProof.\n  intros; {script}.\nQed.\n")
    assert coqc.compile_file(path, limit_s=120).ok
    wrong = leaf_script(_text, goal, True, prods, monomial=eta * x)  # a factor left out: the identity fails
    path.write_text(path.read_text().replace(script, wrong))
    assert not coqc.compile_file(path, limit_s=120).ok
