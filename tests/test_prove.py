"""The prover: true propositions are PROVED, wrong variants REFUTED with an exactly checked counterexample."""

import pytest
import z3
from salign.theory import get
from salign.verify.prover.certify import certify
from salign.verify.prover.prove import exact_check, instantiate, prove_prop
from salign.verify.prover.translate import Translator, Untranslatable
from sympy import Rational, exp, sqrt, symbols

from .variants import prover_variants

TIMEOUT = 8.0


@pytest.mark.parametrize("cid", ["L1", "L2", "T1", "T2", "L3", "L4", "T3", "T4", "T5", "X1"])
def test_wrong_variant_is_refuted_with_an_exact_counterexample(cid):
    v = prover_variants()[cid]
    r = prove_prop(cid, v, TIMEOUT)
    assert r.status == "REFUTED", f"{v.name}: {r.status} {r.note}"
    assert r.counterexample and "exact rational" in r.exact_check
    model = v.model if v.model != "general" else "general"
    hyps, concl = instantiate(v, model, 1)
    assert exact_check(hyps, concl, r.counterexample)[0]


@pytest.mark.parametrize("cid, name", [("L2", "L2.P_positive"), ("T5", "T5.increasing"), ("T3", "T3.nonempty"),
                                       ("L3", "L3.unique"), ("T1", "T1.below"), ("L1", "L1.D")])
def test_true_propositions_are_proved(cid, name):
    r = prove_prop(cid, get(cid).prop(name), TIMEOUT)
    assert r.status == "PROVED", r.note
    assert r.covers
    if r.solver == "z3":
        assert r.unsat_core and "negated_conclusion" in r.unsat_core


def test_general_spectrum_claims_are_proved_beyond_two_levels():
    r = prove_prop("T1", get("T1").prop("T1.below"), TIMEOUT)
    assert any("2 levels per block" in c for c in r.covers), r.covers


def test_oracle_only_propositions_are_left_to_the_verifier():
    assert prove_prop("T1", get("T1").prop("T1.root")).status == "VERIFY-ONLY"


def test_translator_records_definedness_and_square_roots():
    x, y = symbols("x y", positive=True)
    T = Translator(z3)
    f = T.boolean(x / (y - 1) + sqrt(x + 1) > Rational(1, 3))
    assert any("!= 0" in str(c) or "Not" in str(c) for c in T.side)  # y - 1 != 0
    assert any("sqrt_0" in str(c) for c in T.domain)  # s >= 0, s^2 = x + 1
    assert f is not None
    with pytest.raises(Untranslatable, match="exp"):
        Translator(z3).boolean(exp(x) > 1)


def test_interval_fallback_certifies_on_a_box_and_reports_where_it_fails():
    p = get("L3").prop("L3.h0")
    hyps, concl = instantiate(p, "two-level")
    c = certify(hyps, concl)
    assert c.status == "CERTIFIED" and c.box["n_D"] == [0.001, 10.0]
    wrong = certify(hyps, concl.lhs < 0)  # lambda_D^2 n_D < 0 is false on every box
    assert wrong.status == "FAILED" and "false on this whole box" in wrong.reason and wrong.failed_box


def test_nothing_is_proved_that_sampling_violates():
    from salign.verify.frontend.cli import combined_status
    from salign.verify.verifier.engine import ClaimResult, PropResult

    violated = ClaimResult("T1", 1, {"T1.below": PropResult("T1.below", violations=1, checked=1)})
    clean = ClaimResult("T1", 1, {"T1.below": PropResult("T1.below", checked=1)})
    assert combined_status(violated, "PROVED") == "REFUTED"
    assert combined_status(clean, "PROVED") == "PROVED"
    assert combined_status(clean, "UNKNOWN") == "SAMPLED"
