"""The documentation site: it builds without a warning, a real browser renders the tutorial's formulas and
figure, the claims page lists every claim of the registry, and the tutorial's commands work as shown.

The site needs Sphinx and MyST (``pip install '.[docs]'``), a local MathJax (``apt-get install libjs-mathjax``)
and, for the browser, Debian's ``chromium``.  Without Sphinx these tests are skipped, unless
``SALIGN_REQUIRE_DOCS`` is set (``.ci/run`` sets it), and then nothing is skipped.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TUTORIAL = DOCS / "tutorial.md"
REQUIRED = bool(os.environ.get("SALIGN_REQUIRE_DOCS"))


def _need(ok: bool, what: str) -> None:
    """Skip without ``what``, unless the docs are required (CI): then fail, saying what is missing."""
    if not ok:
        if REQUIRED:
            pytest.fail(f"SALIGN_REQUIRE_DOCS is set but {what} is missing")
        pytest.skip(f"{what} is missing (pip install '.[docs]'; apt-get install chromium libjs-mathjax)")


def _ext():
    """The docs' Sphinx extension, imported from docs/_ext (its generators are plain functions)."""
    spec = importlib.util.spec_from_file_location("salign_docs", DOCS / "_ext" / "salign_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _browser() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


def _dom(browser: str, page: Path) -> str:
    """The page's DOM after headless Chromium has run its scripts (MathJax typesets, images decode)."""
    out = subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom",
                          "--virtual-time-budget=10000", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


# --- the claims page and the tutorial's figure agree with the code (no build needed) -----------------------

def test_claims_page_lists_every_registry_claim():
    pytest.importorskip("sympy")
    from salign.theory.registry import CLAIM_IDS, registry

    ext = _ext()
    index = ext.claims_index(registry(), ext.committed_proofs())
    for cid in CLAIM_IDS:
        assert f"[{cid}](/_generated/claims/{cid}.md)" in index, f"claim {cid} is missing from the claims page"
        assert f"/_generated/claims/{cid}\n" in index, f"claim {cid} is missing from the claims toctree"
    # every proposition has a row on its claim's page, with a verdict taken from the committed proofs
    page = ext.claim_page(registry()["T1"], ext.committed_proofs(), registry())
    for p in registry()["T1"].props:
        assert f"| `{p.name}` |" in page
    assert "| `T1.positive` | general | PROVED | any spectrum" in page


def test_committed_verdicts_are_read_from_proofs_coq(tmp_path):
    ext = _ext()
    (tmp_path / "Z.v").write_text("(* Z.a | any spectrum (block moments) | from the model *)\nTheorem Z_a : True.\n"
                                  "(* Z.b | two-level model | on the solvers' problem *)\n(* not checked: none\n")
    got = ext.committed_proofs(tmp_path)
    assert got["Z.a"][0]["kernel"] and got["Z.a"][0]["coverage"] == "any spectrum (block moments)"
    assert not got["Z.b"][0]["kernel"]


def test_tutorial_counterexample_is_the_figures_state():
    """The tutorial's figure is drawn at the state the tutorial shows as the prover's counterexample."""
    shown = re.search(r"counterexample (\{[^}]*\})", TUTORIAL.read_text())
    assert shown, "the tutorial shows no counterexample"
    assert ast.literal_eval(shown.group(1).replace("\n", " ")) == _ext().TUTORIAL_COUNTEREXAMPLE


# --- the built site, in a browser -----------------------------------------------------------------------------

@pytest.mark.slow
def test_site_builds_clean_and_the_tutorial_renders(tmp_path):
    _need(importlib.util.find_spec("sphinx") is not None and importlib.util.find_spec("myst_parser") is not None,
          "Sphinx with myst-parser")
    out = tmp_path / "html"
    build = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS),
                            str(out)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr[-4000:]

    # every claim of the registry has its page, linked from the claims page
    from salign.theory.registry import CLAIM_IDS

    claims = (out / "claims.html").read_text()
    for cid in CLAIM_IDS:
        assert f'href="_generated/claims/{cid}.html"' in claims and (out / "_generated" / "claims" / f"{cid}.html").is_file()

    # the API reference is generated from the docstrings
    api = (out / "api.html").read_text()
    for obj in ("salign.theory.claim.Claim", "salign.theory.registry.registry", "salign.verify.prover.prove.prove_claim",
                "salign.verify.verifier.run.verify_claims"):
        assert f'id="{obj}"' in api, f"the API reference lacks {obj}"

    # the tutorial: its math is MathJax's (a local copy), its figure a non-empty image of the build
    page = out / "tutorial.html"
    html = page.read_text()
    n_math = html.count('class="math notranslate nohighlight"')
    assert n_math >= 10, "the tutorial lost its formulas"
    assert 'src="_static/mathjax/MathJax.js' in html and (out / "_static" / "mathjax" / "MathJax.js").is_file()
    images = re.findall(r'<img[^>]* src="([^"]+)"', html)
    assert images, "the tutorial shows no figure"
    for src in images:
        assert (out / src).stat().st_size > 1000, f"{src} is missing or empty"

    browser = _browser()
    _need(browser is not None, "chromium")
    dom = _dom(browser, page)
    assert 'data-math="done"' in dom, "MathJax did not finish typesetting the tutorial"
    frames = re.findall(r'<span class="MathJax_SVG(?:_Display)?"[^>]* id="MathJax-Element-\d+-Frame"', dom)
    assert len(frames) == n_math, f"{len(frames)} of {n_math} formulas rendered"
    assert dom.count("<use ") >= n_math, "the formulas have no glyphs"
    assert 'stroke="rgb(204, 0, 0)"' not in dom, "a formula renders as a TeX error"
    assert f'data-images="{len(images)}/{len(images)}"' in dom, "a figure of the tutorial did not load"


# --- the tutorial, followed literally -------------------------------------------------------------------------

_FENCE = re.compile(r"^```(\{code-block\} )?(\w+)\n(?::caption: (\S+)\n)?(.*?)^```$", re.M | re.S)
#: the words of a shown output that the real output must contain too
_VERDICT_WORDS = ("REFUTED", "PROVED", "any spectrum", "counterexample", "two-level spectrum")


def tutorial_steps(text: str) -> list[tuple[str, str, str | None, str]]:
    """The tutorial's fenced blocks, in order: ``(kind, language, caption, body)`` with kind ``file`` (a block
    captioned with a file name), ``sh`` (commands) or ``output`` (a ``text`` block: what the last command printed)."""
    steps = []
    for m in _FENCE.finditer(text):
        lang, caption, body = m.group(2), m.group(3), m.group(4).lstrip("\n")
        kind = "file" if caption else "sh" if lang == "sh" else "output" if lang == "text" else "other"
        steps.append((kind, lang, caption, body))
    return steps


def test_tutorial_steps_are_found():
    kinds = [(k, c) for k, _, c, _ in tutorial_steps(TUTORIAL.read_text())]
    assert kinds.count(("file", "mine.py")) == 2 and ("file", "paper/MINE.tex") in kinds
    assert sum(1 for k, _ in kinds if k == "sh") >= 4


@pytest.mark.slow
def test_tutorial_commands_work_as_shown(tmp_path):
    """Run the tutorial in a new empty folder: write each version of mine.py, run each command, expect the exit
    code it states (``# exits 1``), the verdicts its shown output names, and the files it shows, byte for byte."""
    _need(shutil.which("salign") is not None, "the salign command (pip install .)")
    last_out = None
    for kind, lang, caption, body in tutorial_steps(TUTORIAL.read_text()):
        if kind == "file" and lang == "python":
            (tmp_path / caption).write_text(body)
        elif kind == "file":
            assert (tmp_path / caption).read_text() == body, f"{caption} differs from what the tutorial shows"
        elif kind == "sh":
            for line in filter(None, (ln.strip() for ln in body.splitlines())):
                if line.startswith("pdflatex") and not shutil.which("pdflatex"):
                    _need(not os.environ.get("SALIGN_REQUIRE_LATEX"), "pdflatex")
                    continue
                want = 1 if "# exits 1" in line else 0
                run = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                                     env={**os.environ, "COLUMNS": "120"})
                last_out = run.stdout + run.stderr
                assert run.returncode == want, f"{line}: exit {run.returncode}, expected {want}\n{last_out[-3000:]}"
        elif kind == "output":
            assert last_out is not None, "an output block before any command"
            for word in _VERDICT_WORDS:
                if word in body:
                    assert word in last_out, f"the tutorial shows {word!r}, the command printed:\n{last_out[-3000:]}"
    assert (tmp_path / "paper" / "claims.tex").is_file()
