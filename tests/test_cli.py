"""The command line: derive, derive --check, latex, check, and clear errors."""

import shutil
import subprocess

import pytest

from salign.verify.atomic import write_atomic
from salign.verify.frontend.cli import main

from .conftest import ROOT

REQUIRED = ["P", "Q", "eta_star", "eta_star_2L", "h", "chi_c", "eta_D", "eta_B", "a_inf", "b_inf",
            "A_inf", "s_t", "kappa_0"]


def test_committed_derivations_are_up_to_date(capsys):
    assert main(["derive", "--check", "--out", str(ROOT / "derivations")]) == 0, capsys.readouterr().out


def test_derive_twice_is_byte_identical(tmp_path):
    assert main(["derive", "--out", str(tmp_path / "a")]) == 0
    assert main(["derive", "--out", str(tmp_path / "b")]) == 0
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_derive_check_names_the_stale_files(tmp_path, capsys):
    out = tmp_path / "d"
    main(["derive", "--out", str(out)])
    (out / "T1.md").write_text("edited by hand\n")
    (out / "L2.tex").unlink()
    (out / "stray.txt").write_text("x")
    capsys.readouterr()
    assert main(["derive", "--check", "--out", str(out)]) == 1
    text = capsys.readouterr().out
    assert "T1.md (differs)" in text and "L2.tex (missing)" in text and "stray.txt" in text


def test_claims_json_holds_every_required_expression():
    import json

    doc = json.loads((ROOT / "derivations" / "claims.json").read_text())
    for name in REQUIRED:
        assert name in doc["expressions"], name
        assert doc["expressions"][name]["srepr"] and doc["expressions"][name]["str"]


def test_claims_json_srepr_round_trips_to_the_registry():
    import json

    from sympy import srepr

    from salign.theory import expression

    doc = json.loads((ROOT / "derivations" / "claims.json").read_text())
    for name in REQUIRED:
        assert doc["expressions"][name]["srepr"] == srepr(expression(name))


@pytest.mark.parametrize("argv", [["bogus"], ["derive", "--nope"], ["latex", "--out"], []])
def test_bad_options_give_a_one_line_error_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("salign") and ": error: " in err[0]


def test_help_explains_every_subcommand(capsys):
    for cmd in ("derive", "latex", "check"):
        with pytest.raises(SystemExit) as e:
            main([cmd, "--help"])
        assert e.value.code == 0
        assert len(capsys.readouterr().out) > 100


def test_atomic_write_leaves_the_old_file_on_a_crash(tmp_path, monkeypatch):
    target = tmp_path / "x.md"
    target.write_text("old\n")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]


def test_latex_document_compiles_with_pdflatex(tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed here (Debian: apt-get install texlive-latex-base); "
                    "the document is still written and checked for balanced braces")
    assert main(["latex", "--out", str(tmp_path)]) == 0
    r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "claims.tex"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:]
    assert (tmp_path / "claims.pdf").stat().st_size > 10_000


def test_latex_document_has_a_label_per_claim_and_balanced_braces(tmp_path):
    from salign.theory import CLAIM_IDS

    main(["latex", "--out", str(tmp_path)])
    tex = (tmp_path / "claims.tex").read_text()
    for cid in CLAIM_IDS:
        assert f"\\label{{{cid}}}" in tex
    assert "\\label{T1:eta_star}" in tex
    depth = 0
    for i, ch in enumerate(tex):
        if ch in "{}" and (i == 0 or tex[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0
