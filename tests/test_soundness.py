"""Issue 9: no silent pass from the verifier, clear errors, atomic outputs, one typed verdict.

Each test is named after the class of defect it pins (the items of issue 9); every one failed on the
code before the fix.  Claims are built in-process or written to a claims file, as a user would.
"""

import json
import os
import random
import textwrap

import mpmath
import pytest
from sympy import Eq, Or, Rational

from salign.theory import expression, get
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Claim, ClaimError, Prop
from salign.verify import atomic
from salign.verify.frontend.cli import main
from salign.verify.verdict import PropVerdict as PV
from salign.verify.verdict import Verdict, claim_verdict, combine
from salign.verify.verifier import oracles
from salign.verify.verifier.evaluate import MIN_DPS, PrecisionError, tolerance
from salign.verify.verifier.instance import two_level
from salign.verify.verifier.run import verify_claims

from .variants import variant_claim


def claim(*props, cid="U"):
    return Claim(cid, "t", "s", "h", {}, tuple(props))


def verify_one(p, n=200, seed=0, **kw):
    c = claim(p)
    return verify_claims([c], n, seed, **kw)["U"].props[p.name]


def write_claims(tmp_path, body: str, name="mine.py"):
    f = tmp_path / name
    f.write_text("from sympy import Eq, Symbol\nfrom salign.theory import Claim, Prop, expression\n"
                 "from salign.theory import observables as O\nfrom salign.theory import symbols as S\n"
                 + textwrap.dedent(body))
    return f


def one_line_error(capsys, argv, code=2) -> str:
    try:
        rc = main(argv)
    except SystemExit as e:
        rc = e.code
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == code, err
    assert len(err) == 1, err
    return err[0]


# --- item 7: nothing checked is not a pass ------------------------------------------------------------

def test_a_proposition_whose_hypotheses_never_hold_is_unchecked_and_fails():
    Q = expression("Q")
    pr = verify_one(Prop("U.never", O.Dchi > 0, (Q > 0, Q < 0)), n=50)
    assert pr.checked == 0 and pr.verdict == Verdict.UNCHECKED and pr.verdict.fails
    assert "hypotheses never held" in pr.reason


def test_the_cli_fails_a_run_with_an_unchecked_claim(tmp_path, capsys):
    f = write_claims(tmp_path, """
        Q = expression("Q")
        CLAIMS = [Claim("U1", "t", "s", "h", {}, (Prop("U1.never", O.Dchi > 0, (Q > 0, Q < 0)),))]
    """)
    assert main(["verify", "--claims-file", str(f), "--claims", "U1", "-n", "30"]) == 1
    assert "UNCHECKED" in capsys.readouterr().out


# --- item 8: errors are errors, not oracle trouble --------------------------------------------------

@pytest.mark.parametrize("oracle, message", [("lambda inst: 1 / 0 if True else 0", "ZeroDivisionError"),
                                             ("lambda inst: int('x')", "ValueError"),
                                             ("lambda inst: 'a string'", "returned a str")])
def test_a_failing_user_oracle_is_an_error_that_names_the_claim_and_proposition(tmp_path, capsys, oracle, message):
    f = write_claims(tmp_path, f"""
        mine = Symbol("mine", real=True)
        ORACLES = {{mine: {oracle}}}
        CLAIMS = [Claim("U1", "t", "s", "h", {{}}, (Prop("U1.p", mine < 1),))]
    """)
    rc = main(["verify", "--claims-file", str(f), "--claims", "U1", "-n", "10", "--json", str(tmp_path / "o.json")])
    assert rc == 1
    prop = json.loads((tmp_path / "o.json").read_text())["claims"]["U1"]["propositions"]["U1.p"]
    assert prop["verdict"] == "ERROR" and prop["reason"].startswith("U1/U1.p: ") and message in prop["reason"]


# --- item 9: an oracle never invents a root ---------------------------------------------------------

def test_the_root_oracle_says_none_when_there_is_no_root():
    with mpmath.workdps(50):  # Q < 0 (high regime): the alignment falls for every eta, no positive root
        inst = two_level(10, 1, 1, 2, mpmath.mpf(1), mpmath.mpf("1e-6"), 0, mpmath.mpf(5), mpmath.mpf("0.01"))
        assert oracles.eta_root(inst) is None
        low = two_level(10, 1, 1, 2, mpmath.mpf(1), mpmath.mpf(1), 0, 0, mpmath.mpf("0.01"))  # noiseless: 2/11
        assert abs(oracles.eta_root(low) - mpmath.mpf(2) / 11) < mpmath.mpf(10) ** -40


def test_a_false_statement_about_a_missing_root_is_refuted():
    pr = verify_one(Prop("U.tiny_root", O.eta_root < Rational(1, 10**50), (expression("Q") <= 0,)), n=120)
    assert pr.verdict == Verdict.REFUTED, (pr.checked, pr.reason)


# --- item 10: no blind spots at the faces --------------------------------------------------------------

@pytest.mark.parametrize("noiseless, noisy", [(S.n_D, S.n_B), (S.n_B, S.n_D)])
def test_one_noiseless_block_is_sampled(noiseless, noisy):
    p = Prop("U.face", Or(noiseless > 0, Eq(noisy, 0)), model="two-level")  # false only at n_S = 0 < n_other
    assert verify_one(p, n=300).verdict == Verdict.REFUTED


def test_a_constant_wrong_by_one_part_in_1e14_is_caught():
    Q, es = expression("Q"), expression("eta_star")
    p = Prop("U.eta_star_1e-14", O.Dchi < 0, (Q > 0, O.spectral_gap, S.eta < es * (1 + Rational(1, 10**14))))
    assert verify_one(p, n=300).verdict == Verdict.REFUTED


def test_a_fixed_point_is_negative_at_an_unstable_step():
    p = Prop("U.a_inf_nonneg", S.a_inf >= 0, model="dynamics")
    assert verify_one(p, n=300).verdict == Verdict.REFUTED


# --- item 11: a precision that decides something -----------------------------------------------------

@pytest.mark.parametrize("dps", ["12", "3", "19"])
def test_a_precision_below_the_floor_is_a_one_line_error(capsys, dps):
    assert "decides nothing" in one_line_error(capsys, ["verify", "--claims", "L1", "-n", "1", "--dps", dps])
    with pytest.raises(PrecisionError):
        tolerance(int(dps))


def test_a_wrong_equality_is_caught_at_the_lowest_precision():
    res = verify_claims([variant_claim("L1")], 60, 0, dps=MIN_DPS)["L1"]
    assert res.verdict == Verdict.REFUTED


def test_escalation_does_not_forgive_a_retyped_constant():
    """A constant off by a relative 1e-30 survives the re-checks at 2x and 4x the digits (same tolerance)."""
    p = Prop("U.root_1e-30", Eq(O.eta_root, expression("eta_star") * (1 + Rational(1, 10**30))),
             (expression("Q") > 0, O.spectral_gap), verify_only=True)
    pr = verify_one(p, n=60)
    assert pr.verdict == Verdict.REFUTED and pr.counterexample


# --- item 12: --jobs checks the claims it was given ------------------------------------------------------

def _canonical(results):
    from salign.verify.verifier.report import result_json

    out = {cid: result_json(r) for cid, r in results.items()}
    for r in out.values():
        r.pop("seconds")
    return out


def test_any_number_of_jobs_checks_the_same_in_process_claims():
    claims = [variant_claim("T1"), variant_claim("L4")]
    one = verify_claims(claims, 60, 3, jobs=1)
    two = verify_claims(claims, 60, 3, jobs=2)
    assert _canonical(one) == _canonical(two)
    assert one["T1"].verdict == Verdict.REFUTED  # the variant, not the registry's T1


def test_any_number_of_jobs_checks_the_same_claims_file(tmp_path):
    from salign.theory.userclaims import load

    here = os.path.dirname(__file__)
    claims, oracles_ = load(os.path.join(here, "..", "examples", "my_claims.py"))
    one = verify_claims(claims, 50, 1, jobs=1, oracles=oracles_)
    two = verify_claims(claims, 50, 1, jobs=2, oracles=oracles_)
    assert _canonical(one) == _canonical(two)


# --- item 13: one-line errors, before the run ---------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    ('CLAIMS = [Claim("U1", "t", "s", "h", {}, (Prop("U1.p", S.eta < 1, S.eta < 2),))]', "must be a tuple"),
    ('CLAIMS = [Claim("U1", "t", "s", "h", {}, (Prop("U1.p", S.t > 1),))]', "general model does not define t"),
    ('CLAIMS = [Claim("U1", "t", "s", "h", {}, (Prop("U1.p", S.eta < 1), Prop("U1.p", S.eta < 2)))]', "used twice"),
    ('CLAIMS = [Claim("u1", "t", "s", "h", {}, (Prop("u1.p", S.eta < 1),))]', "upper-case"),
])
def test_a_malformed_claim_is_a_one_line_error(tmp_path, capsys, body, message):
    f = write_claims(tmp_path, body)
    assert message in one_line_error(capsys, ["verify", "--claims-file", str(f), "-n", "1"])


def test_claims_are_checked_when_built():
    with pytest.raises(ClaimError, match="must be a tuple"):
        Prop("U.p", S.eta < 1, [S.eta < 2])
    with pytest.raises(ClaimError, match="two-level model does not define rho_D"):
        Prop("U.p", S.rho_D < 1, model="two-level")


@pytest.mark.parametrize("argv", [["prove", "--claims", "L1", "--timeout", "0"],
                                  ["check", "--timeout", "-1", "-n", "1"]])
def test_a_non_positive_timeout_is_a_one_line_error(capsys, argv):
    assert "--timeout" in one_line_error(capsys, argv)


def test_an_unwritable_json_path_is_refused_before_the_run(capsys, monkeypatch, tmp_path):
    import salign.verify.verifier.run as run

    monkeypatch.setattr(run, "verify_claims", lambda *a, **k: pytest.fail("the run started"))
    (tmp_path / "file").write_text("x")
    line = one_line_error(capsys, ["verify", "--claims", "L1", "-n", "1", "--json", str(tmp_path / "file" / "o.json")])
    assert "cannot write" in line
    assert "is a folder" in one_line_error(capsys, ["verify", "--claims", "L1", "--json", str(tmp_path)])


def test_an_internal_error_is_not_disguised_as_bad_input(capsys, monkeypatch):
    import salign.verify.verifier.run as run

    def bug(*a, **k):
        raise KeyError("a bug")

    monkeypatch.setattr(run, "verify_claims", bug)
    assert main(["verify", "--claims", "L1", "-n", "1"]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" in err


# --- item 14: files a user can read, sets that never mix -------------------------------------------------

def test_written_files_get_the_users_umask(tmp_path):
    old = os.umask(0o022)
    try:
        p = atomic.write_atomic(tmp_path / "f.txt", "x")
    finally:
        os.umask(old)
    assert (p.stat().st_mode & 0o777) == 0o644


def test_an_interrupted_set_never_leaves_a_new_file_beside_the_old_marker(tmp_path, monkeypatch):
    (tmp_path / "run.npz").write_bytes(b"old")
    (tmp_path / "summary.json").write_text("old")
    real = atomic.write_atomic

    def crash_on_marker(path, data):
        if str(path).endswith("summary.json"):
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(atomic, "write_atomic", crash_on_marker)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_set(tmp_path, {"run.npz": b"new", "summary.json": "new"}, marker="summary.json")
    assert not (tmp_path / "summary.json").exists()  # no marker: visibly incomplete, never old-with-new


def test_an_interrupted_simulate_keeps_no_stale_summary(tmp_path, monkeypatch):
    (tmp_path / "summary.json").write_text('{"old": true}')
    (tmp_path / "run.npz").write_bytes(b"old")

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("salign.verify.experiments.figures.all_figures", interrupted)
    assert main(["simulate", "--out", str(tmp_path), "--steps", "2", "--seeds", "2", "-k", "2", "-d", "5"]) == 130
    assert not (tmp_path / "summary.json").exists() and (tmp_path / "run.npz").read_bytes() == b"old"


def test_an_interrupted_derive_leaves_the_old_folder_whole(tmp_path, monkeypatch):
    out = tmp_path / "d"
    assert main(["derive", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = atomic.write_atomic
    calls = {"n": 0}

    def crash_midway(path, data):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(atomic, "write_atomic", crash_midway)
    monkeypatch.setattr("salign.theory.render.claim_markdown", lambda c: "changed\n")
    assert main(["derive", "--out", str(out)]) == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["d"]


# --- item 15: one verdict type, one combining rule -------------------------------------------------------

def test_the_combining_rule():
    V = Verdict
    assert combine(V.REFUTED, V.PROVED) == V.REFUTED  # nothing is PROVED that sampling violates
    assert combine(V.SAMPLED, V.VACUOUS) == V.VACUOUS
    assert combine(V.UNCHECKED, V.PROVED) == V.PROVED
    assert combine(V.UNCHECKED, V.UNKNOWN) == V.UNCHECKED and V.UNCHECKED.fails
    assert combine(V.SAMPLED, V.UNKNOWN) == V.SAMPLED
    assert combine(V.ERROR, V.PROVED) == V.ERROR
    assert claim_verdict([PV("a", V.PROVED), PV("b", V.SAMPLED)])[0] == V.SAMPLED  # the weakest proposition
    assert claim_verdict([PV("a", V.PROVED), PV("r", V.SAMPLED, formal=False)]) == (V.PROVED, "r sampled, not proved")
    assert claim_verdict([PV("a", V.PROVED), PV("r", V.UNCHECKED, formal=False)])[0] == V.UNCHECKED
    assert claim_verdict([PV("a", V.PROVED), PV("x", V.REFUTED, expected=False)])[0] == V.PROVED


def test_the_sampler_draws_every_face(dps=50):
    from salign.verify.verifier.sampling import draw

    with mpmath.workdps(dps):
        gs = [draw(random.Random(i), "two-level") for i in range(600)]
    assert any(g.sigma2 == 0 for g in gs)
    assert any(g.preset == "diagonal" and g.noise_D == 0 for g in gs)
    assert any(g.preset == "diagonal" and g.noise_B == 0 for g in gs)
    assert any(g.eta_offset == 0 for g in gs) and any(g.chi_offset == 0 for g in gs)
    assert min(abs(g.eta_offset) for g in gs if g.eta_offset) < mpmath.mpf(10) ** -30
    assert any(g.alpha_face for g in gs) and any(g.beta_face for g in gs)


def test_registry_claims_are_checked_in_every_proposition():
    res = verify_claims([get("T3")], 100, 0)["T3"]
    assert all(p.checked > 0 for p in res.props.values()), {n: p.reason for n, p in res.props.items()}


def test_a_true_claim_reports_what_was_checked_and_on_which_faces():
    """The counts behind a SAMPLED: every check made, none failing; a hypothesis at equality is counted as a
    face only where it holds at equality (T1.at: eta = eta* always; T1.below: eta < eta* only sometimes at its
    face), and an oracle that is exact never fails."""
    from salign.theory import get as get_claim
    from salign.verify.verifier.run import verify_claims as run

    r = run([get_claim("T1"), get_claim("L1")], 120, 0)
    at, below, coord = r["T1"].props["T1.at"], r["T1"].props["T1.below"], r["L1"].props["L1.coordinate"]
    assert at.verdict.value == below.verdict.value == coord.verdict.value == "SAMPLED"
    assert at.checked > 0 and at.faces == {2: at.checked}, (at.checked, at.faces)
    assert below.checked > 0 and sum(below.faces.values()) < below.checked, (below.checked, below.faces)
    assert coord.checked == coord.applicable == 120 and coord.oracle_failures == 0 and coord.vacuous == 0
