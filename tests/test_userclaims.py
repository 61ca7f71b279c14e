"""User conjectures: a good claims file is checked like the registry; a bad one gets a clear error."""

import pytest

from salign.theory.userclaims import ClaimFileError, load
from salign.verify.frontend.cli import main

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "my_claims.py"


def test_the_example_claims_file_is_checked_and_its_false_claim_refuted(tmp_path, capsys):
    rc = main(["verify", "--claims-file", str(EXAMPLE), "--claims", "U1,U2", "-n", "60",
               "--json", str(tmp_path / "u.json")])
    out = capsys.readouterr().out
    assert rc == 1, out  # U2 is false
    import json

    doc = json.loads((tmp_path / "u.json").read_text())
    assert doc["claims"]["U1"]["verdict"] == "SAMPLED" and doc["claims"]["U1"]["checks"] > 0
    assert doc["claims"]["U2"]["verdict"] == "REFUTED"
    ce = doc["claims"]["U2"]["propositions"]["U2.dom_never_raises"]["counterexample"]
    assert ce["instance"]["eta"]


@pytest.mark.parametrize("body, message", [
    ("x = 1\n", "defines no CLAIMS"),
    ("CLAIMS = 3\n", "non-empty list"),
    ("CLAIMS = [1]\n", "not a salign.theory.Claim"),
    ("def f(:\n", "syntax error"),
    ("raise RuntimeError('boom')\n", ":1: RuntimeError: boom"),
    ("from sympy import Symbol\nfrom salign.theory import Claim, Prop\n"
     "CLAIMS = [Claim('U9', 't', 's', 'h', {}, (Prop('U9.p', Symbol('zz') > 0),))]\n", "unknown symbol(s) zz"),
    ("from salign.theory import Claim, Prop\nfrom salign.theory.symbols import eta\n"
     "CLAIMS = [Claim('T1', 't', 's', 'h', {}, (Prop('x', eta < 1),))]\n", "already taken"),
])
def test_a_malformed_claims_file_gets_a_one_line_error_naming_the_problem(tmp_path, capsys, body, message):
    f = tmp_path / "bad.py"
    f.write_text(body)
    with pytest.raises(ClaimFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(f)
    assert main(["verify", "--claims-file", str(f), "-n", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.py" in err[0]


def test_a_missing_claims_file_is_named(capsys):
    assert main(["verify", "--claims-file", "/nonexistent/x.py", "-n", "1"]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["verify", "-n", "0"], ["verify", "--claims", "T9"], ["verify", "--dps", "x"]])
def test_bad_verify_options_are_rejected_in_one_line(argv, capsys):
    try:
        rc = main(argv)
    except SystemExit as e:  # argparse-level errors
        rc = e.code
    assert rc == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
