"""The Coq kernel's check of PROVED propositions (salign prove --coq): it checks, and it can fail."""

from __future__ import annotations

import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sympy import Eq, Equivalent, sympify

from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop
from salign.theory.registry import registry
from salign.verify.kernel import coqc
from salign.verify.kernel.check import _trial, kernel_check
from salign.verify.kernel.export import FROM_MODEL, bridge_script, model_statement, problem_statement, theorems
from salign.verify.prover.prove import prove_prop
from salign.verify.prover.scopes import Scope, instantiate, scopes_for
from salign.verify.verdict import Verdict

BLOCK_SUMS = ("L1.D", "L1.B", "L4.D", "L4.B", "L4.full")
#: the kernel-checked proofs of the built-in claims, committed (``salign prove --coq proofs/coq`` writes them)
PROOFS = Path(__file__).resolve().parents[1] / "proofs" / "coq"

if shutil.which("coqc") is None:
    if os.environ.get("SALIGN_REQUIRE_COQ") == "1":  # CI installs Coq (.ci/run): never skipped there
        raise RuntimeError("coqc is missing but SALIGN_REQUIRE_COQ=1")
    pytest.skip("coqc is not installed (apt-get install coq coinor-csdp)", allow_module_level=True)


def _prop(name: str) -> Prop:
    return next(p for p in registry()[name.split(".")[0]].props if p.name == name)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("coq")
    coqc.prepare(d)
    return d


def _compiles(workdir, name: str, statement: str, script: str) -> bool:
    text = (f"Require Import Reals Lra Psatz List Setoid.\nRequire Import Model.\nOpen Scope R_scope.\n"
            f"Theorem {name} :\n  {statement}.\nProof.\n  {script}\nQed.\n")
    path = workdir / f"{name}.v"
    path.write_text(text)
    return coqc.compile_file(path, limit_s=120).ok


# --- no PROVED is a tautology by construction ---------------------------------------------------------------

@pytest.mark.parametrize("name", BLOCK_SUMS)
def test_a_moment_form_is_proved_from_the_step_not_from_its_own_definition(name):
    r = prove_prop(name.split(".")[0], _prop(name))
    assert r.verdict == Verdict.PROVED and r.coverage == "any spectrum"
    assert r.routes == ["sympy block sum"]  # not z3/cvc5 on `True`
    assert "block_sum" in r.evidence["any spectrum (block moments)"]


def test_a_wrong_moment_form_is_not_proved():
    good = _prop("L1.D").conclusion
    bad = Prop("bad", Eq(good.lhs, good.rhs + S.eta**2 * S.N_D))  # the noise counted twice
    r = prove_prop("U", bad)
    assert r.verdict == Verdict.REFUTED


def test_a_statement_true_by_definition_over_moments_is_not_counted_there():
    p = Prop("ge", O.EG_D >= O.moment_definitions()[O.EG_D])  # not an equation: no block-sum proof is tried
    assert instantiate(p, Scope("moments")).concl is sympify(True)
    r = prove_prop("U", p)
    moments = next(s for s in r.scopes if s["scope"].startswith("any spectrum"))
    assert moments["result"] == "by definition"
    assert r.coverage != "any spectrum"  # the level-by-level scopes decide what it covers


# --- the kernel checks from the model, and fails on wrong statements and certificates ----------------------

def test_block_sum_identities_are_kernel_checked_from_the_model(tmp_path):
    claims = {cid: registry()[cid] for cid in ("L1", "L4")}
    proofs = {cid: [prove_prop(cid, p) for p in c.props if p.name in BLOCK_SUMS] for cid, c in claims.items()}
    kernel = kernel_check(proofs, claims, tmp_path, cache=None, jobs=1)
    ths = [th for ths in kernel.values() for th in ths]
    assert sorted(th.prop for th in ths) == sorted(BLOCK_SUMS)
    assert all(th.status == "checked" and th.kind == FROM_MODEL for th in ths)
    assert coqc.compile_file(tmp_path / "L1.v").ok and "block_sum" in (tmp_path / "L4.v").read_text()


def test_a_wrong_moment_form_fails_in_coq(workdir):
    good = _prop("L1.D").conclusion
    wrong = Prop("w", Eq(good.lhs, good.rhs.subs(S.G_D1, 3 * S.G_D1 / 2)))  # -3 eta G^(1) for -2 eta G^(1)
    assert _compiles(workdir, "L1_D_right", model_statement(_prop("L1.D")), "block_sum.")
    assert not _compiles(workdir, "L1_D_wrong", model_statement(wrong), "block_sum.")
    assert not _compiles(workdir, "L1_D_wrong2", model_statement(wrong), "from_model.")


def test_a_flipped_denominator_sign_fails_in_coq(workdir):
    p = _prop("T4.fixed_point")
    pb = instantiate(p, scopes_for(p)[0])
    statement, script = problem_statement(pb), bridge_script(pb, prove_prop("T4", p).witness)
    assert "0 < " in script
    assert _compiles(workdir, "fixed_right", statement, script + ".")
    flipped = script.replace("(assert (Hd1 : 0 < ", "(assert (Hd1 : 0 < - ", 1)
    assert flipped != script
    assert not _compiles(workdir, "fixed_flipped", statement, flipped + ".")


def test_an_equation_is_bridged_on_a_denominator_known_only_not_to_be_zero(workdir):
    """T4.recursion: its denominator lambda_D (eta lambda_D - 2) has either sign (eta on either side of
    2/lambda_D); the bridge needs only that it is not zero.  A wrong numerator leaves the fraction in place,
    and the script fails."""
    p = _prop("T4.recursion")
    pb = instantiate(p, scopes_for(p)[0])
    statement, script = problem_statement(pb), bridge_script(pb, None)
    assert "bridge_eq_nz" in script and "by nz" in script
    assert _compiles(workdir, "recursion_right", statement, script + ".")
    wrong = script.replace("(((n_D * lambda_D) * (eta * eta))", "(((n_D * lambda_D) * (eta * 2))", 1)
    assert wrong != script
    assert not _compiles(workdir, "recursion_wrong", statement, "Timeout 30 (" + wrong + ").")


def test_a_dropped_product_fails_in_coq(workdir):
    pb = instantiate(_prop("L3.h0"), scopes_for(_prop("L3.h0"))[0])
    statement = problem_statement(pb)
    assert _compiles(workdir, "h0_products", statement, "intros; pos_products; nra.")
    assert not _compiles(workdir, "h0_no_products", statement, "intros; Timeout 20 nra.")


def test_a_false_statement_is_never_closed(workdir):
    """A false variant of T4.stable (1/lambda_D for 2/lambda_D): every script fails on its solvers' problem."""
    false = Prop("flip", Equivalent(S.eta < 1 / S.lam_D, (S.eta * S.lam_D - 1) ** 2 < 1), model="dynamics")
    th = Theorem_from(false)
    assert th.scripts
    for label, script in th.scripts:
        ok, _, _ = _trial(th, label, script, workdir)
        assert not ok, label


def Theorem_from(prop):  # noqa: N802 - a Theorem, as theorems() builds it for a PROVED result
    from salign.verify.prover.prove import ProofResult

    scope = scopes_for(prop)[0]
    fake = ProofResult("U", prop.name, Verdict.PROVED, scopes=[{"scope": scope.label, "result": "proved"}])
    return theorems("U", prop, fake)[0]


def test_coqc_is_ended_with_its_process_group_at_its_limit(tmp_path):
    path = tmp_path / "loop.v"
    path.write_text("Goal True.\nProof.\n  let rec f := (idtac; f) in f.\nQed.\n")
    res = coqc.compile_file(path, limit_s=3)
    assert not res.ok and "ended after" in res.output  # ended by the limit (no wall-clock assertion: CI is shared)


# --- the JSON alone says what was proved -------------------------------------------------------------------

def test_the_json_carries_the_statement_the_problem_and_the_core_by_formula():
    r = prove_prop("T4", _prop("T4.stable"))
    doc = json.loads(json.dumps(r.as_json(), default=str))
    st = doc["statement"]
    assert sympify(st["conclusion_srepr"]) == _prop("T4.stable").conclusion
    assert st["infix"].endswith(str(_prop("T4.stable").conclusion))
    scope = doc["scopes"][0]
    assert scope["problem"]["conclusion"] and scope["problem"]["domain"]
    core = next(v["unsat_core"] for v in doc["evidence"].values() if "unsat_core" in v)
    assert core and all(text for text in core.values())


def test_prove_coq_writes_a_file_per_claim_and_a_kernel_column(tmp_path, capsys):
    from salign.verify.frontend.cli import main

    out = tmp_path / "p.json"
    code = main(["prove", "--claims", "L1", "--no-cache", "--coq", str(tmp_path / "coq"), "--json", str(out)])
    assert code == 0
    assert (tmp_path / "coq" / "L1.v").exists() and (tmp_path / "coq" / "Model.v").exists()
    doc = json.loads(out.read_text())
    kernel = {r["prop"]: r.get("kernel") for r in doc["L1"]["propositions"]}
    assert all(k and k[0]["status"] == "checked" for k in kernel.values())
    assert "Coq kernel: 3 of 3 PROVED propositions checked" in capsys.readouterr().out


def test_a_user_claims_file_gets_the_kernel_too(tmp_path):
    from salign.verify.frontend.cli import main

    f = tmp_path / "mine.py"
    f.write_text("from sympy import Eq\nfrom salign.theory import symbols as S\n"
                 "from salign.theory import Claim, Prop\n"
                 "CLAIMS = [Claim(id='U1', title='a square', statement='x', hypotheses='h', defines={},\n"
                 "                props=(Prop('U1.sq', S.eta**2 + 1 >= 2 * S.eta),))]\n")
    code = main(["prove", "--claims-file", str(f), "--claims", "U1", "--coq", str(tmp_path / "coq"), "--no-cache"])
    assert code == 0 and "U1_sq" in (tmp_path / "coq" / "U1.v").read_text()



# --- the committed proofs: they compile, and they state what the prover proved --------------------------------

_BLOCK = re.compile(r"\(\* (?P<prop>\S+) \| (?P<scope>[^|]+) \| (?P<kind>[^*]+) \*\)\n"
                    r"Theorem (?P<name>\S+) :\n  (?P<statement>.*?)\.\nProof\.", re.S)


def _committed() -> list[dict]:
    out = []
    for f in sorted(PROOFS.glob("*.v")):
        if f.name != "Model.v":
            out += [{**m.groupdict(), "file": f.name} for m in _BLOCK.finditer(f.read_text())]
    return out


def test_the_committed_model_is_the_one_the_package_ships():
    assert (PROOFS / "Model.v").read_text() == coqc.model_source()


def test_every_committed_proof_compiles(tmp_path):
    coqc.prepare(tmp_path)
    files = [f for f in sorted(PROOFS.glob("*.v")) if f.name != "Model.v"]
    assert files
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    with ThreadPoolExecutor(2) as ex:  # each file needs only Model.vo: two coqc at a time
        results = list(ex.map(lambda f: coqc.compile_file(tmp_path / f.name, limit_s=300), files))
    for f, res in zip(files, results):
        assert res.ok, f"{f.name}: {res.output[:2000]}"


def test_the_committed_theorems_state_the_solvers_problems_or_the_model():
    """Each checked theorem is, symbol for symbol, what export writes today for its proposition and scope."""
    blocks = _committed()
    assert len(blocks) >= 15  # see docs/verdicts.md: the kernel-checked count
    for b in blocks:
        prop = _prop(b["prop"])
        if b["kind"] == FROM_MODEL:
            assert b["statement"] == model_statement(prop), b["prop"]
            continue
        scope = next(s for s in scopes_for(prop) if s.label == b["scope"].strip())
        assert b["statement"] == problem_statement(instantiate(prop, scope)), b["prop"]


def test_every_block_sum_identity_is_committed_from_the_model():
    kinds = {b["prop"]: b["kind"] for b in _committed()}
    assert all(kinds.get(name) == FROM_MODEL for name in BLOCK_SUMS)
