"""The Python API (``salign.check``, ``salign.prove``, ``salign.verify``): the command line's verdicts as typed
results, clear errors on bad input, and the renderings a notebook shows."""

import json
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError

import pytest
from sympy import Symbol

import salign
from salign.theory import Claim, Prop, expression, get
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.errors import UserError
from salign.theory.latex import claim_tex, text_tex
from salign.theory.registry import registry
from salign.verify.frontend import api
from salign.verify.frontend.cli import main
from salign.verify.verdict import Verdict

from .conftest import ROOT
from .variants import variants

#: what changes from one run to the next with nothing else changed: timings, and what came from a cache
VOLATILE = {"seconds", "cached", "cached_proofs", "cached_samples", "wall_clock_s"}


def _steady(doc):
    """``doc`` without the keys that a rerun may change (see :data:`VOLATILE`)."""
    if isinstance(doc, dict):
        return {k: _steady(v) for k, v in doc.items() if k not in VOLATILE}
    if isinstance(doc, list):
        return [_steady(v) for v in doc]
    return doc


def _cli_json(argv, path) -> dict:
    main([*argv, "--json", str(path)])
    return json.loads(path.read_text())


# --- import ---------------------------------------------------------------------------------------------

def test_import_salign_is_light_and_verify_is_both_the_package_and_the_function():
    code = ("import sys, salign; print('sympy' in sys.modules, 'salign.verify.frontend.api' in sys.modules, "
            "callable(salign.verify), callable(salign.check), callable(salign.prove)); "
            "import salign.verify.prover.prove as p; print(p.__name__, salign.verify.prover.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/").stdout
    assert out.split() == ["False", "False", "True", "True", "True", "salign.verify.prover.prove",
                           "salign.verify.prover"]


# --- the same verdicts as the command line ------------------------------------------------------------------

def test_check_returns_what_salign_check_json_writes(tmp_path):
    cli = _cli_json(["check", "--claims", "L1,T1", "-n", "12"], tmp_path / "check.json")
    r = salign.check("L1,T1", n=12)
    assert isinstance(r, api.CheckResult) and r.ids == ("L1", "T1")
    assert _steady(json.loads(r.to_json())) == _steady(cli)
    assert r.ok is cli["ok"] is True
    for cid in ("L1", "T1"):
        c = cli["claims"][cid]
        assert r[cid].verdict == Verdict(c["verdict"]) and r[cid].partial == c["partial"] and r[cid].title == c["title"]
        assert r[cid].checks == c["verify"]["checks"] and r[cid].instances == 12
        for p, row in zip(r[cid].propositions, c["propositions"], strict=True):
            assert (p.name, p.verdict.value, p.verify.value, p.prove, list(p.routes), p.coverage) == \
                (row["name"], row["verdict"], row["verify"], row["prove"], row["routes"], row["coverage"])
            assert p.checked == c["verify"]["propositions"][p.name]["checked"]
    assert r["T1"].partial == "T1.root sampled, not proved"
    with pytest.raises(FrozenInstanceError):
        r["T1"].verdict = Verdict.REFUTED


def test_verify_returns_what_salign_verify_json_writes(tmp_path):
    cli = _cli_json(["verify", "--claims", "T2,L1", "-n", "15"], tmp_path / "verify.json")
    r = salign.verify(["T2", "L1"], n=15)
    assert isinstance(r, api.VerifyResult) and r.ok
    assert _steady(json.loads(r.to_json())) == _steady(cli)
    assert r.verdicts == {cid: Verdict(c["verdict"]) for cid, c in cli["claims"].items()}
    assert r["T2"].checks == cli["claims"]["T2"]["checks"] > 0


def test_prove_returns_what_salign_prove_json_writes(tmp_path):
    cli = _cli_json(["prove", "--claims", "L1"], tmp_path / "prove.json")
    r = salign.prove("L1")
    assert isinstance(r, api.ProveResult) and r.ok
    assert _steady(json.loads(r.to_json())) == _steady(cli)
    assert [(p.name, p.prove, list(p.routes)) for p in r["L1"].propositions] == \
        [(p["prop"], p["label"], p["routes"]) for p in cli["L1"]["propositions"]]


# --- user claims: refuted, with a counterexample ---------------------------------------------------------------

@pytest.fixture(scope="module")
def refuted():
    """T1 with its critical step size 3 % too large (a wrong variant), passed as a Claim object."""
    wrong = get("T1").with_props(variants()["T1"], id="T1_WRONG", title="T1 with eta* 3% too large <wrong> & more")
    return salign.check([wrong, "T2"], n=60)


def test_a_wrong_variant_passed_as_a_claim_is_refuted(refuted):
    assert not refuted.ok and refuted.failed == ("T1_WRONG",)
    c = refuted["T1_WRONG"]
    assert c.verdict == Verdict.REFUTED and c.user and not refuted["T2"].user
    (p,) = c.propositions
    assert p.verdict == Verdict.REFUTED and p.verify == Verdict.REFUTED and p.prove == "REFUTED"
    assert p.exact_counterexample and p.sampled_counterexample and p.violations > 0
    assert p.counterexample is p.exact_counterexample and "eta" in p.exact_counterexample
    doc = refuted.as_dict()
    assert doc["claims"]["T1_WRONG"]["user"] is True and doc["meta"]["claims_file"] is None
    assert doc["meta"]["claims"] == ["T1_WRONG", "T2"]


def test_a_claims_file_and_claims_with_their_own_oracles(tmp_path):
    r = salign.verify("U1,U2", claims_file=ROOT / "examples" / "my_claims.py", n=40)
    assert r.verdicts == {"U1": Verdict.SAMPLED, "U2": Verdict.REFUTED} and r.failed == ("U2",)
    assert r["U2"].propositions[0].sampled_counterexample["eta"]
    # the same kind of claim as an object, its symbol's values given by oracles=
    from salign.verify.verifier import oracles

    w = Symbol("dL_double", real=True)
    mine = Claim("MINE", "doubling a small step still lowers the loss", "s", "h", {},
                 (Prop("MINE.double", w < 0, (S.eta < expression("eta_SGD") / 2,)),))
    r = salign.verify([mine], oracles={w: lambda inst: oracles.expected_loss_change(inst, ("D", "B"), 2 * inst.eta)},
                      n=20)
    assert r["MINE"].verdict == Verdict.SAMPLED and r["MINE"].checks > 0
    with pytest.raises(UserError, match=r"^the claims given: MINE.double uses unknown symbol\(s\) dL_double"):
        salign.verify([mine], n=5)


def test_nothing_is_printed_by_default(capfd):
    salign.verify("T2", n=5)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# --- bad input -----------------------------------------------------------------------------------------------

def _variant_with_a_taken_id():
    return get("T1").with_props(variants()["T1"])


@pytest.mark.parametrize("call, message", [
    (lambda: salign.check("T9"), r"unknown claim id\(s\) T9; known: L1"),
    (lambda: salign.check(["T1", 3]), r"claims\[1\] is a int, not a claim id"),
    (lambda: salign.check([]), r"claims=\[\] names no claim"),
    (lambda: salign.check({"T1": 1}), r"claims must be ids"),
    (lambda: salign.check(n=0), r"n \(instances per claim\) must be >= 1, got 0"),
    (lambda: salign.verify(n=2.5), r"n \(instances per claim\) must be a whole number, got 2.5"),
    (lambda: salign.verify(dps=12), r"dps=12 decides nothing .* use dps=20 or more"),
    (lambda: salign.verify(jobs=True), r"jobs \(worker processes\) must be a whole number"),
    (lambda: salign.prove(timeout=0), r"timeout must be between 0 and 3600 seconds, got 0"),
    (lambda: salign.prove(timeout="8"), r"timeout must be a number of seconds"),
    (lambda: salign.check(cache="no"), r"cache must be True or False"),
    (lambda: salign.verify(claims_file="/nonexistent/mine.py"), r"/nonexistent/mine.py: no such file"),
    (lambda: salign.verify("T1", oracles={Symbol("w"): abs}), r"oracles= gives values to the symbols of Claim objects"),
    (lambda: salign.prove([_variant_with_a_taken_id()]), r"^the claims given: claim id 'T1' is already taken"),
])
def test_bad_input_raises_a_user_error_naming_the_fix(call, message):
    with pytest.raises(UserError, match=message):
        call()


# --- rendering -----------------------------------------------------------------------------------------------

def test_results_render_as_an_html_table_and_as_text(refuted):
    page = refuted._repr_html_()
    for text in ("<table", "T1_WRONG", "REFUTED", "refuted: a counterexample was found and checked", "T1~eta_star_3pct",
                 "exact counterexample: ", "60 instances", "T2.decreases", refuted["T2"].verdict.value,
                 "the run fails: T1_WRONG REFUTED"):
        assert text in page, text
    assert "&lt;wrong&gt; &amp; more" in page and "<wrong>" not in page  # the title, escaped
    text = str(refuted)
    assert text == repr(refuted) and text.splitlines()[0] == refuted.caption()
    assert re.search(r"^T1_WRONG \(user\) +REFUTED", text, re.M) and re.search(r"^  T1~eta_star_3pct +REFUTED", text, re.M)
    assert "T1~eta_star_3pct: REFUTED, exact counterexample: " in text and "<table" not in text


def test_every_markup_character_of_a_result_is_escaped():
    c = api.ClaimReport("X<1", "a <b> & 'c'", Verdict.SAMPLED,
                        (api.PropositionResult("X<1.p", Verdict.REFUTED, sampled_counterexample={"eta": "<1>"}),))
    r = api.VerifyResult("verify", (c,), False, {"n": 1}, "{}")
    page = r._repr_html_()
    assert "X&lt;1" in page and "a &lt;b&gt; &amp; &#x27;c&#x27;" in page and "eta=&lt;1&gt;" in page
    text = re.sub(r"</?(div|table|caption|thead|tbody|tr|th|td|b|br|small|code|ul|li)( [^<>]*)?>", "", page)
    assert "<" not in text and ">" not in text  # no markup but the table's own


def _displays(tex: str) -> list[str]:
    """The displayed formulas of a LaTeX text, as a notebook shows them (labels and \\resizebox removed)."""
    tex = re.sub(r"\s*\\label\{[^}]*\}", "", tex)
    tex = re.sub(r"\\resizebox\{\\ifdim.*?\\fi\}\{!\}\{\$(.*?)\$\}", r"\1", tex, flags=re.S)
    return re.findall(r"\\\[.*?\\\]|\\begin\{(?:align\*?|equation)\}.*?\\end\{(?:align\*?|equation)\}", tex, re.S)


@pytest.mark.parametrize("cid", ["T1", "L3", "T4"])
def test_a_claim_renders_the_formulas_salign_latex_exports(tmp_path, cid):
    assert main(["latex", "--out", str(tmp_path)]) == 0
    exported = (tmp_path / f"{cid}.tex").read_text()
    claim = get(cid)
    shown = claim._repr_latex_()
    assert _displays(shown) == _displays(exported) and len(_displays(shown)) == len(claim.defines) + len(claim.props)
    assert "\\label" not in shown and "\\resizebox" not in shown  # MathJax: no label defined twice, no resizebox
    assert claim.title.split(" (")[0] in shown and f"\\mathbf{{{cid}}}" in shown
    for p in claim.props:
        (display,) = _displays(p._repr_latex_())
        assert display in _displays(exported) and p._repr_latex_().startswith(f"$\\mathtt{{{text_tex(p.name)}}}$:")


def test_a_users_claim_renders_as_salign_latex_exports_it_with_markup_escaped():
    eta_D, eta_B = expression("eta_D"), expression("eta_B")
    mine = Claim("MY_CLAIM", "below eta_D & eta_B <safe>", "If eta < eta_D ...", "", {},
                 (Prop("MY_CLAIM.lowers", O.dL < 0, (S.eta < eta_D, S.eta < eta_B)),
                  Prop("odd<name>", S.eta < eta_B)))
    shown = mine._repr_latex_()
    assert _displays(shown) == _displays(claim_tex(mine, registry()))
    assert r"\& eta\_B $<$safe$>$" in shown and "<safe>" not in shown and r"$\mathtt{MY\_CLAIM.lowers}$" in shown
    assert "odd$<$name$>$:" in shown
