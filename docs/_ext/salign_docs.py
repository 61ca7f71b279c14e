"""Sphinx extension: the pages that must not drift, generated from the code at build time.

On ``builder-inited`` it writes ``docs/_generated/`` (git-ignored); the hand-written pages include the files of
``include/`` (fragments, not pages of their own):

* ``model.md``: the SGD step, the block moments, the observables, the noise presets, every symbol with its
  assumption and why it holds, and the table of meaning (derived symbols and where they have a value), each
  formula printed from :mod:`salign.theory` by its LaTeX printer;
* ``claims.md`` and ``claims/ID.md``: one page per claim of :mod:`salign.theory.registry` (statement,
  derivation, propositions: what ``salign derive`` writes to ``derivations/``), its LaTeX export, and the
  verdict of each proposition recorded in the committed ``proofs/coq/`` (written by ``salign prove --coq``);
* ``figures/``: the tutorial's figure (the loss changes at the counterexample state), and two small
  simulation figures from :mod:`salign.verify.experiments.figures` (a few seconds, cached by the code's hash).

On ``build-finished`` it copies a local MathJax 2 (Debian's ``libjs-mathjax``; ``SALIGN_MATHJAX_DIR`` to point
elsewhere) into ``_static/mathjax``: the site renders its math without a network.  A missing MathJax is a
warning, so a ``-W`` build fails and says what to install.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from sphinx.util import logging

from salign.theory.render import mathjax_text as _mathjax_text

logger = logging.getLogger(__name__)

DOCS = Path(__file__).resolve().parent.parent
ROOT = DOCS.parent
GENERATED = DOCS / "_generated"

#: what of MathJax 2 the site loads (TeX in, SVG out: no web fonts, so it renders from file:// as well)
MATHJAX_PARTS = ("MathJax.js", "extensions", "jax/input/TeX", "jax/output/SVG/jax.js", "jax/output/SVG/config.js",
                 "jax/output/SVG/autoload", "jax/output/SVG/fonts/TeX", "jax/element", "localization/en")
MATHJAX_DIRS = ("/usr/share/javascript/mathjax", "/usr/share/mathjax", "/usr/share/nodejs/mathjax")


# --- helpers ---------------------------------------------------------------------------------------------

def _write(path: Path, text: str | bytes) -> None:
    """Write ``path`` only if its content changes (Sphinx then re-reads only what changed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode() if isinstance(text, str) else text
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _tex(obj) -> str:
    from salign.theory.latex import expr_tex

    return expr_tex(obj)


def _demote(markdown: str) -> str:
    """Every heading one level down (an included file's ``#`` becomes a section of the including page)."""
    return re.sub(r"^(#+) ", r"#\1 ", markdown, flags=re.M)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


# --- committed verdicts: proofs/coq/ ---------------------------------------------------------------------

_HEADER = re.compile(r"^\(\* (?P<name>[A-Za-z0-9_]+\.[A-Za-z0-9_]+) \| (?P<coverage>[^|]+?) \| (?P<kind>[^|]+?) \*\)$")


def committed_proofs(folder: Path = ROOT / "proofs" / "coq") -> dict[str, list[dict]]:
    """Proposition name -> its PROVED scopes as recorded in the committed Coq files: coverage, kind of theorem,
    and whether the Coq kernel checked it (a scope whose theorem is commented out as ``not checked`` was not)."""
    out: dict[str, list[dict]] = {}
    for v in sorted(folder.glob("*.v")):
        lines = v.read_text().splitlines()
        for i, line in enumerate(lines):
            m = _HEADER.match(line)
            if m:
                checked = not (i + 1 < len(lines) and lines[i + 1].startswith("(* not checked"))
                out.setdefault(m["name"], []).append({"coverage": m["coverage"], "kind": m["kind"],
                                                      "kernel": checked, "file": v.name})
    return out


def prop_verdict(prop, proofs: dict) -> tuple[str, str, str]:
    """(verdict, coverage, Coq kernel) of one proposition as committed."""
    scopes = proofs.get(prop.name)
    if scopes:
        checked = [s for s in scopes if s["kernel"]]
        kernel = (f"checked ({', '.join(sorted({s['kind'] for s in checked}))})" if checked else "not checked")
        return "PROVED", "; ".join(dict.fromkeys(s["coverage"] for s in scopes)), kernel
    if prop.verify_only:
        return "VERIFY-ONLY", "sampled (oracle only)", "-"
    return "not PROVED in the committed run", "-", "-"


def claim_verdict(claim, proofs: dict) -> str:
    """``PROVED`` when every formal proposition is, starred (``PROVED *``) when the claim also has sampled-only
    ones; else how many of its formal propositions are PROVED."""
    formal = [p for p in claim.props if not p.verify_only]
    proved = [p for p in formal if p.name in proofs]
    star = " \\*" if len(formal) < len(claim.props) else ""
    if formal and len(proved) == len(formal):
        return f"**PROVED**{star}"
    return f"{len(proved)}/{len(formal)} PROVED"




# --- the pages --------------------------------------------------------------------------------------------

def model_page() -> str:
    from sympy import Symbol

    from salign.theory import model as M
    from salign.theory import moments as MO
    from salign.theory import observables as O
    from salign.theory import symbols as S
    from salign.theory.meaning import MEANING
    from salign.theory.render import moments_markdown

    out = ["## The step", "",
           "One SGD step on the quadratic loss, per coordinate of the eigenbasis (`salign.theory.model.sgd_coordinate`), "
           "and its expected square over the noise (`coordinate_second_moment`):", "",
           f"$$x_i' = {_tex(M.sgd_coordinate(S.x_i, S.lam_i, S.xi_i))}$$", "",
           f"$${_tex(O.EX2)} = {_tex(M.coordinate_second_moment())}$$", "",
           "## Block moments", "",
           "Sums over the coordinates of a block $S$ (the dominant block $D$ or the bulk $B$), "
           "from `salign.theory.model.block_moments`:", ""]
    for sym, term in M.block_moments({"D": [(S.lam_i, S.x_i**2, S.Sigma_ii)]}).items():
        out += [f"- $${_tex(sym).replace('D', 'S')} = \\sum_{{i \\in S}} {_tex(term)}$$"]
    out += ["", "## Observables of one step, in the block moments", "",
            "What the prover substitutes for each observable (`salign.theory.observables.moment_definitions`), "
            "computed from the step, for a spectrum with any number of levels per block:", ""]
    for sym, defn in O.moment_definitions().items():
        out += [f"- $${_tex(sym)} = {_tex(defn)}$$"]
    out += ["", "## Noise presets", "",
            "The per-coordinate noise variance $\\Sigma_{ii}$ of each preset (`salign.theory.model.noise_variance`; "
            "the loss-scaled one at a two-level state):", ""]
    w = Symbol("w_i", positive=True)
    for preset in M.NOISE_PRESETS:
        v = M.noise_variance(preset, S.lam_i, loss=M.TWO_LEVEL.loss(), weight=w)
        out += [f"- **{preset}**: $$\\Sigma_{{ii}} = {_tex(v)}$$"]
    out += ["", "## The two-level model", "",
            "One eigenvalue per block: $\\lambda_D > \\lambda_B$, $a = \\|P_D x\\|^2$, $b = \\|P_B x\\|^2$, noise "
            "traces $n_D, n_B$. Its block moments (`salign.theory.model.TWO_LEVEL_MOMENTS`):", ""]
    for sym, defn in M.TWO_LEVEL_MOMENTS.items():
        out += [f"- $${_tex(sym)} = {_tex(defn)}$$"]
    out += ["", "## Every symbol and why its assumption holds", "",
            "An assumption on a symbol decides statements, so each is a hypothesis of the model or a theorem about "
            "what the symbol stands for (`salign.theory.symbols.ASSUMPTIONS`):", "",
            "| symbol | assumed | kind | why |", "|---|---|---|---|"]
    for sym, (kind, why) in S.ASSUMPTIONS.items():
        a0 = sym.assumptions0
        assumed = ", ".join(k for k in ("integer", "positive", "nonnegative", "real") if a0.get(k))
        assumed = assumed.replace("positive, nonnegative, real", "positive").replace("nonnegative, real", "nonnegative")
        out += [f"| ${_tex(sym)}$ | {assumed} | {kind} | {_cell(why)} |"]
    out += ["", "## Derived symbols and where they have a value", "",
            "The table of meaning (`salign.theory.meaning.MEANING`): every checker reads a derived symbol from it, "
            "and a relation about a symbol where it has no value is false.", "",
            "| symbol | definition | has a value where | models | what |", "|---|---|---|---|---|"]
    for sym, m in MEANING.items():
        where = ", ".join(f"${_tex(w)}$" for w in m.where) or "everywhere"
        out += [f"| ${_tex(sym)}$ | ${_tex(m.definition)}$ | {where} | {', '.join(m.models)} | {_cell(m.what)} |"]
    out += ["", "## The spectral constraints", "", MO.__doc__.strip().split("\n\n")[0] if MO.__doc__ else "", ""]
    out += [_demote(moments_markdown().split("\n", 1)[1])]
    return "\n".join(out) + "\n"


def claim_page(claim, proofs: dict, registry: dict) -> str:
    from salign.theory.latex import claim_tex
    from salign.theory.render import claim_markdown

    out = [_mathjax_text(claim_markdown(claim)).rstrip(), "",
           "## Verdict", "",
           f"Claim: {claim_verdict(claim, proofs)} (as recorded in the committed `proofs/coq/{claim.id}.v`, written "
           "by `salign prove --coq proofs/coq`; `salign check` gives the verdict of the code you have, and "
           "[what each verdict promises](../../verdicts.md)).", "",
           "| proposition | model | verdict | covers | Coq kernel |", "|---|---|---|---|---|"]
    for p in claim.props:
        verdict, coverage, kernel = prop_verdict(p, proofs)
        out += [f"| `{p.name}` | {p.model} | {verdict} | {coverage} | {kernel} |"]
    out += ["", "## LaTeX", "", "What `salign latex` writes for this claim (`latex/" + claim.id + ".tex`):", "",
            # as plain text: Pygments' TeX lexer fails on some of it, and how depends on its version (2.21 warns)
            "```text", claim_tex(claim, registry).rstrip(), "```", ""]
    return "\n".join(out)


def claims_index(registry: dict, proofs: dict) -> str:
    total = sum(len(c.props) for c in registry.values())
    proved = sum(1 for c in registry.values() for p in c.props if p.name in proofs)
    kernel = sum(1 for c in registry.values() for p in c.props if any(s["kernel"] for s in proofs.get(p.name, ())))
    out = [f"{len(registry)} claims, {total} propositions: {proved} PROVED, {kernel} of them re-checked by the Coq "
           "kernel (in at least one scope), the others sampled only (an observable only an oracle defines). "
           "A star: the claim has such a sampled-only proposition.", "",
           "| id | claim | propositions | verdict | covers |", "|---|---|---|---|---|"]
    for cid, c in registry.items():
        cover = sorted({cv for p in c.props for cv in [prop_verdict(p, proofs)[1]] if p.name in proofs})
        out += [f"| [{cid}](/_generated/claims/{cid}.md) | {_cell(c.title)} | {len(c.props)} | "
                f"{claim_verdict(c, proofs)} | {'; '.join(cover)} |"]
    out += ["", "```{toctree}", ":maxdepth: 1", ":hidden:", ""]
    out += [f"/_generated/claims/{cid}" for cid in registry]
    out += ["```", ""]
    return "\n".join(out)


def api_notebook() -> str:
    """The notebook API's reference where the module exists (``salign.verify.frontend.api``), else a note."""
    import importlib.util

    if importlib.util.find_spec("salign.verify.frontend.api") is None:
        return "The notebook API (`salign.check`, `salign.prove`, `salign.verify`) is described in [the notebook " \
               "page](/notebook.md).\n"
    return ("## The notebook API: `salign.verify.frontend.api`\n\n"
            "```{eval-rst}\n.. automodule:: salign.verify.frontend.api\n   :members:\n```\n")


def notebook_page(path: Path = ROOT / "examples" / "first_conjecture.ipynb") -> str:
    """The example notebook's cells as Markdown (its text cells as they are, its code cells as code blocks): the
    notebook is stored without outputs and executed by the tests (``tests/test_notebook.py``), not by the build."""
    nb = json.loads(path.read_text())
    out = [f"The notebook, cell by cell (`examples/{path.name}` in the repository):", ""]
    for cell in nb["cells"]:
        text = "".join(cell["source"]).rstrip()
        if not text:
            continue
        if cell["cell_type"] == "markdown":
            out += [_demote(text), ""]
        elif cell["cell_type"] == "code":
            out += ["```python", text, "```", ""]
    return "\n".join(out)


# --- figures ----------------------------------------------------------------------------------------------

#: the counterexample the prover gives to the first version of the tutorial's conjecture (a two-level state and
#: a step size below eta_B where full SGD raises the loss), as the tutorial shows it
TUTORIAL_COUNTEREXAMPLE = {"a": "2", "b": "2", "eta": "3/2", "lambda_B": "15/16", "lambda_D": "3", "n_B": "1/16", "n_D": "0"}


def tutorial_figure(path: Path) -> None:
    """The expected loss change of SGD, Dom-SGD and Bulk-SGD against the step size at the state of
    :data:`TUTORIAL_COUNTEREXAMPLE`, from the two-level model's observables, with the registry's thresholds
    eta_D, eta_B and the counterexample's step marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sympy import Rational, lambdify

    from salign.theory import symbols as S
    from salign.theory.model import TWO_LEVEL, TWO_LEVEL_MOMENTS
    from salign.theory.registry import expression

    by_name = {s.name: s for s in (S.a, S.b, S.eta, S.lam_B, S.lam_D, S.n_B, S.n_D)}
    vals = {by_name[k]: Rational(v) for k, v in TUTORIAL_COUNTEREXAMPLE.items()}
    eta_c = vals.pop(S.eta)
    dLD = TWO_LEVEL.projected_loss_change("D").subs(vals)
    dLB = TWO_LEVEL.projected_loss_change("B").subs(vals)
    thresholds = {n: float(expression(n).subs(TWO_LEVEL_MOMENTS).subs(vals)) for n in ("eta_D", "eta_B")}
    eta = np.linspace(0.0, 1.2 * max(thresholds.values()), 400)
    fD, fB = lambdify(S.eta, dLD, "numpy"), lambdify(S.eta, dLB, "numpy")
    yD, yB = fD(eta) * np.ones_like(eta), fB(eta) * np.ones_like(eta)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=110)
    ax.plot(eta, yD + yB, label=r"full SGD $\Delta L$", lw=2)
    ax.plot(eta, yD, "--", label=r"Dom-SGD $\Delta L_D$")
    ax.plot(eta, yB, ":", label=r"Bulk-SGD $\Delta L_B$")
    ax.axhline(0, color="k", lw=0.6)
    ax.set_yscale("symlog", linthresh=1.0)  # the dominant block's change dwarfs the bulk's: both signs stay visible
    ax.plot([float(eta_c)], [float((dLD + dLB).subs(S.eta, eta_c))], "o", color="C3",
            label=rf"the counterexample, $\eta = {eta_c}$")
    for name, x in thresholds.items():
        ax.axvline(x, color="grey", lw=0.8)
        ax.annotate(r"$\eta_%s$" % name[-1], (x, ax.get_ylim()[1]), ha="center", va="bottom", fontsize=9)
    ax.set_xlabel(r"step size $\eta$")
    ax.set_ylabel("expected loss change (symlog)")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _code_hash() -> str:
    h = hashlib.sha256()
    for folder in (ROOT / "theory", ROOT / "verify" / "experiments", Path(__file__).parent):
        for f in sorted(folder.glob("*.py")):
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def figures(folder: Path) -> None:
    """The figures, remade only when the code that makes them changed (a stamp of its hash)."""
    stamp = folder / "stamp"
    want = _code_hash()
    if stamp.exists() and stamp.read_text() == want and len(list(folder.glob("*.png"))) >= 3:
        return
    folder.mkdir(parents=True, exist_ok=True)
    tutorial_figure(folder / "tutorial_loss_changes.png")
    from salign.verify.experiments import figures as F

    # quick versions of the simulation's figures 2 and 4 (seconds); salign simulate makes the full ones
    F.fig_suspicious(folder, seeds=6, steps=1500)
    F.fig_interval(folder, seeds=50)
    for pdf in folder.glob("*.pdf"):
        pdf.unlink()
    stamp.write_text(want)


# --- the hooks --------------------------------------------------------------------------------------------

def generate(app) -> None:
    from salign.theory.registry import registry

    reg = registry()
    proofs = committed_proofs()
    unknown = sorted(n for n in proofs if n.split(".")[0] in reg and n not in {p.name for c in reg.values()
                                                                                for p in c.props})
    if unknown:
        logger.warning("proofs/coq names propositions the registry does not have: %s (rerun salign prove --coq "
                       "proofs/coq)", ", ".join(unknown))
    _write(GENERATED / "include" / "model.md", model_page())
    _write(GENERATED / "include" / "claims.md", claims_index(reg, proofs))
    for cid, c in reg.items():
        _write(GENERATED / "claims" / f"{cid}.md", claim_page(c, proofs, reg))
    for stale in (GENERATED / "claims").glob("*.md"):
        if stale.stem not in reg:
            stale.unlink()
    _write(GENERATED / "include" / "api_notebook.md", api_notebook())
    _write(GENERATED / "include" / "notebook.md", notebook_page())
    figures(GENERATED / "figures")


def mathjax_source() -> Path | None:
    for d in filter(None, (os.environ.get("SALIGN_MATHJAX_DIR"), *MATHJAX_DIRS)):
        if (Path(d) / "MathJax.js").is_file() and (Path(d) / "jax" / "output" / "SVG").is_dir():
            return Path(d)
    return None


def copy_mathjax(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    src = mathjax_source()
    if src is None:
        logger.warning("no local MathJax 2 found (looked in %s): the formulas would not render offline; "
                       "install it with 'apt-get install libjs-mathjax' or set SALIGN_MATHJAX_DIR",
                       ", ".join(MATHJAX_DIRS))
        return
    dest = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        s, d = src / part, dest / part
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        elif s.is_file():
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(s, d)
        else:
            logger.warning("MathJax at %s lacks %s", src, part)


def setup(app):
    app.connect("builder-inited", generate)
    app.connect("build-finished", copy_mathjax)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
