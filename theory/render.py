"""Render derivations: per-claim Markdown and LaTeX fragments, and ``claims.json``.

Everything here is a pure function of the registry, so output is byte-identical
from run to run (SymPy orders terms canonically; we sort everything else).
"""

from __future__ import annotations

import json
import re

import sympy
from sympy import Basic, MatrixBase, Symbol, latex, srepr

from . import observables as O
from . import symbols as S
from .claim import Claim, Prop
from .registry import registry

_PLAIN = re.compile(r"^[A-Za-z]+(_\{?[A-Za-z0-9]+\}?)?$")
_TEX_ESCAPE = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}",
               "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "~": r"\~{}"}
LATEX_NAMES = {**S.LATEX_NAMES, **O.LATEX_NAMES}


#: LaTeX for the names of derived results
RESULT_NAMES = {
    "eta_star": r"\eta^*", "eta_star_2L": r"\eta^*_{\text{2L}}", "eta_star_noiseless": r"\eta^*_{\sigma=0}",
    "chi_c": r"\chi_c", "chi_noise": r"\chi_c(0^+)", "chi_c_G_to_infinity": r"\chi_c(\infty)",
    "dchi_c_dG": r"\partial_G \chi_c", "a_inf": r"a_\infty", "b_inf": r"b_\infty", "A_inf": r"A_\infty",
    "A_inf_isotropic": r"A_\infty^{\text{iso}}", "kappa_0": r"\kappa_0", "kappa_sufficient": r"\kappa_1",
    "alpha_0": r"\alpha_0", "beta_0": r"\beta_0", "R_eps": r"R_\varepsilon",
    "R_eps_uniform": r"R_\varepsilon^{\text{unif}}", "eta_D": r"\eta_D", "eta_B": r"\eta_B",
    "eta_SGD": r"\eta_{\text{SGD}}", "eta_D_2L": r"\eta_D^{\text{2L}}", "eta_B_2L": r"\eta_B^{\text{2L}}",
}


def name_tex(name: str) -> str:
    """LaTeX for a result's name: the paper's symbol where there is one, else the name as text."""
    return RESULT_NAMES.get(name) or r"\mathtt{" + text_tex(name) + "}"


def text_tex(s: str) -> str:
    """Escape prose for LaTeX text mode."""
    return "".join(_TEX_ESCAPE.get(c, c) for c in s)


def tex(obj) -> str:
    """LaTeX for an expression, relation or a descriptive label."""
    if isinstance(obj, str):
        return r"\text{" + text_tex(obj) + "}"
    if isinstance(obj, Symbol) and obj not in LATEX_NAMES and not _PLAIN.match(obj.name):
        return r"\text{" + text_tex(obj.name) + "}"
    if isinstance(obj, (int, Basic, MatrixBase)):
        return latex(obj, symbol_names=LATEX_NAMES)
    raise TypeError(f"cannot render {type(obj).__name__} as LaTeX")


def prop_tex(pr: Prop) -> str:
    hyps = r" \wedge ".join(tex(h) for h in pr.hypotheses)
    concl = tex(pr.conclusion)
    return f"{hyps} \\;\\Longrightarrow\\; {concl}" if hyps else concl


def claim_markdown(c: Claim) -> str:
    out = [f"# {c.id} — {c.title}", "", f"**Claim.** {c.statement}", "",
           f"**Hypotheses.** {c.hypotheses}", "", "## Derivation", ""]
    for i, st in enumerate(c.derivation.steps, 1):
        lhs = name_tex(st.lhs.name) if isinstance(st.lhs, Symbol) and st.lhs.name in c.defines else tex(st.lhs)
        out += [f"{i}. {st.text}", "", "   $$" + lhs + " = " + tex(st.rhs) + "$$", ""]
    out += ["## Results", ""]
    for name, expr in c.defines.items():
        out += [f"- `{name}` = `{sympy.sstr(expr)}`", "", f"  $${name_tex(name)} = {tex(expr)}$$", ""]
    out += ["## Propositions (what `salign verify` and `salign prove` check)", ""]
    for pr in c.props:
        tag = f" ({pr.model} model{', oracle only' if pr.verify_only else ''})"
        out += [f"- **{pr.name}**{tag}{': ' + pr.note if pr.note else ''}", "",
                "  $$" + prop_tex(pr) + "$$", ""]
    return "\n".join(out).rstrip() + "\n"


def claim_tex(c: Claim) -> str:
    """A LaTeX fragment: the statement and the named results, labelled by claim id."""
    out = [f"\\subsection*{{{c.id}: {text_tex(c.title)}}}\\label{{{c.id}}}",
           f"\\textbf{{Claim.}} {text_tex(c.statement)}\\\\",
           f"\\textbf{{Hypotheses.}} {text_tex(c.hypotheses)}", ""]
    for name, expr in c.defines.items():
        out += [r"\begin{equation}\label{" + f"{c.id}:{name}" + "}",
                r"\begin{aligned}&" + name_tex(name) + r" \\ &\quad= "
                + tex(expr) + r"\end{aligned}", r"\end{equation}"]
    return "\n".join(out) + "\n"


def claims_json() -> str:
    reg = registry()
    names: dict[str, str] = {}
    claims = {}
    for cid, c in reg.items():
        for name in c.defines:
            if name in names:
                raise ValueError(f"expression name {name!r} defined by both {names[name]} and {cid}")
            names[name] = cid
        claims[cid] = {
            "title": c.title,
            "statement": c.statement,
            "hypotheses": c.hypotheses,
            "expressions": {n: {"srepr": srepr(e), "str": sympy.sstr(e)} for n, e in c.defines.items()},
            "propositions": [{"name": p.name, "model": p.model, "verify_only": p.verify_only,
                              "hypotheses": [sympy.sstr(h) for h in p.hypotheses],
                              "conclusion": sympy.sstr(p.conclusion)} for p in c.props],
        }
    doc = {
        "generator": f"suspicious-alignment (sympy {sympy.__version__})",
        "claims": claims,
        "expressions": {n: {"claim": names[n], "srepr": claims[names[n]]["expressions"][n]["srepr"],
                            "str": claims[names[n]]["expressions"][n]["str"]} for n in sorted(names)},
    }
    return json.dumps(doc, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def derivation_files() -> dict[str, str]:
    """Every file of ``derivations/``: relative name -> content."""
    files = {}
    for cid, c in registry().items():
        files[f"{cid}.md"] = claim_markdown(c)
        files[f"{cid}.tex"] = claim_tex(c)
    files["claims.json"] = claims_json()
    index = ["# Derivations", "", "Generated by `salign derive`; do not edit. One file per claim of "
             "THEORY.md: the steps SymPy took (`ID.md`), a LaTeX fragment with `\\label{ID}` "
             "(`ID.tex`), and every named expression in `claims.json`.", ""]
    index += [f"- [{cid}]({cid}.md) — {c.title}" for cid, c in registry().items()]
    files["README.md"] = "\n".join(index) + "\n"
    return files
