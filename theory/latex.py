"""LaTeX a paper can use: the claims, their expressions and propositions as mathematics.

* :class:`PaperPrinter` prints SymPy the way the paper writes it: positive terms first, and a
  difference turned round when that removes a leading minus (``2ab(lambda_D - lambda_B)``,
  not ``-2ab(lambda_B - lambda_D)``), every project symbol under its own name.
* :func:`claim_tex` is one ``\\input``-able fragment per claim: statement and hypotheses as
  text with mathematics, each named expression in an ``align`` environment (``name &= expr``,
  long sums broken across lines, labelled ``ID:name``), each proposition as
  ``hypotheses => conclusion`` with the named expressions written by their names.
* :func:`document` is a standalone amsmath document of any list of claims (the register's,
  or a user's claims file).
"""

from __future__ import annotations

import re

from sympy import Add, Basic, MatrixBase, Mul, Pow, Symbol, log
from sympy.core.relational import Relational
from sympy.core.sorting import default_sort_key
from sympy.logic.boolalg import And, Equivalent, Implies, Not, Or
from sympy.printing.latex import LatexPrinter

from . import observables as O
from . import symbols as S

#: the paper's symbol for each named result (every name the register defines has one; see the tests)
RESULT_NAMES = {
    "E_x2": r"\mathbb{E}[x_i'^2 \mid x]", "EG_D": r"\mathbb{E}[G_D(x')]", "EG_B": r"\mathbb{E}[G_B(x')]",
    "P": "P", "Q": "Q", "eta_star": r"\eta^*", "Delta_over_eta": r"\Delta(\eta)/\eta",
    "P_2L": r"\tilde P", "Q_2L": r"\tilde Q", "eta_star_2L": r"\eta^*_{\mathrm{2L}}",
    "eta_star_noiseless": r"\eta^*_{\Sigma=0}", "h": r"h(\chi)", "h_second_derivative": r"h''(\chi)",
    "h_at_0": "h(0)", "h_at_1": "h(1)", "h_discriminant": r"\operatorname{disc} h", "chi_c": r"\chi_c(G)",
    "dchi_c_dG": r"\partial_G \chi_c", "chi_c_G_to_infinity": r"\lim_{G \to \infty} \chi_c",
    "chi_noise": r"\lim_{G \to 0} \chi_c", "dL_D": r"\Delta L_D(\eta)", "dL_B": r"\Delta L_B(\eta)",
    "dL_SGD": r"\Delta L(\eta)", "eta_D": r"\eta_D", "eta_B": r"\eta_B", "eta_SGD": r"\eta_{\mathrm{SGD}}",
    "eta_D_2L": r"\eta_D^{\mathrm{2L}}", "eta_B_2L": r"\eta_B^{\mathrm{2L}}", "T3_condition": r"c",
    "kappa_discriminant": r"\operatorname{disc}_\kappa", "kappa_0": r"\kappa_0", "kappa_sufficient": r"\kappa_1",
    "T3_condition_bulk_shrinking_limit": r"\lim_{\kappa \to \infty} c\big|_{\lambda_B = \lambda_D/\kappa}",
    "a_inf": r"a_\infty", "b_inf": r"b_\infty", "A_inf": r"A_\infty", "A_inf_isotropic": r"A_\infty^{\mathrm{iso}}",
    "A_t": "A_t", "s_t": "s_t", "alpha_0": r"\alpha_0", "beta_0": r"\beta_0", "R_eps": r"R_\varepsilon",
    "R_eps_uniform": r"R_\varepsilon^{\mathrm{unif}}", "det_M": r"\det M", "M": "M",
    "Q_loss_scaled": r"\tilde Q^{\mathrm{ls}}", "eta_star_loss_scaled": r"\eta^*_{\mathrm{ls}}",
}

LATEX_NAMES = {**S.LATEX_NAMES, **O.LATEX_NAMES}
#: the connectives of a statement (as :data:`salign.theory.claim.CONNECTIVES`): printed grouped when inside another
CONNECTIVES = (And, Or, Not, Implies, Equivalent)
#: characters that cannot stand in LaTeX text as they are
_TEXT_ESCAPE = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "#": r"\#",
                "$": r"\$", "%": r"\%", "&": r"\&", "~": r"\~{}", "<": r"$<$", ">": r"$>$"}
#: a source line of an align environment longer than this is broken at its sum's terms
LINE = 150
#: a named result is written by its name inside others only when it is at least this big (not h(0) = ...)
NAMED_OPS = 6


class PaperPrinter(LatexPrinter):
    """SymPy's LaTeX, ordered the way the paper writes it."""

    def __init__(self, names: dict | None = None):
        super().__init__({"symbol_names": {**LATEX_NAMES, **(names or {})}})

    def _print_Add(self, expr, order=None):
        terms = list(expr.args) if order == "none" else self._as_ordered_terms(expr, order=order)
        printed = []
        for term in terms:
            body = self._print(term)
            negative = body.startswith("-")
            body = body[1:].lstrip() if negative else body
            if self._needs_add_brackets(term) and not negative:
                body = rf"\left({body}\right)"
            printed.append((negative, body))
        printed = [t for t in printed if not t[0]] + [t for t in printed if t[0]]  # positive terms first
        out = ""
        for i, (negative, body) in enumerate(printed):
            out += ("- " if negative else "") + body if i == 0 else (" - " if negative else " + ") + body
        return out

    def _print_Mul(self, expr):
        try:
            turned = self._turned_factors(expr)
        except TypeError:  # a sign SymPy cannot decide (a relation left unevaluated): print the product as it stands
            turned = None
        return super()._print_Mul(expr if turned is None else turned)

    @staticmethod
    def _turned_factors(expr):
        """``expr`` with its differences turned round the way the paper writes them (unevaluated), or None."""
        coeff, factors = expr.as_coeff_mul()
        factors, flips, changed = list(factors), 0, False
        for i, f in enumerate(factors):  # (lambda_B - lambda_D) -> -(lambda_D - lambda_B); (eta lambda - 2) -> -(2 - eta lambda)
            base, exp = f.as_base_exp()
            parity = _parity(exp)
            if isinstance(base, Add) and parity is not None and _reads_negative(base):
                factors[i] = _turned(base, exp)
                flips += parity  # an even power turns round for free
                changed = True
        if (-1) ** flips * coeff < 0:  # a leading minus left: turn a denominator round instead
            for i, f in enumerate(factors):
                base, exp = f.as_base_exp()
                if isinstance(base, Add) and exp.is_Integer and exp < 0 and exp % 2 == 1:
                    factors[i] = _turned(base, exp)
                    flips += 1
                    changed = True
                    break
        if not changed:
            return None
        c = (-1) ** flips * coeff
        return Mul(*([c] if c != 1 else []), *factors, evaluate=False)

    # --- the connectives: each operand that is itself a connective is grouped, whatever the precedence ---

    def _operand(self, b) -> str:
        tex = self._print(b)
        return rf"\left({tex}\right)" if isinstance(b, CONNECTIVES) else tex

    def _join(self, args, op: str) -> str:
        return f" {op} ".join(self._operand(a) for a in args)

    def _print_And(self, e):
        return self._join(sorted(e.args, key=default_sort_key), r"\wedge")

    def _print_Or(self, e):
        return self._join(sorted(e.args, key=default_sort_key), r"\vee")

    def _print_Implies(self, e):
        return self._join(e.args, r"\Rightarrow")

    def _print_Equivalent(self, e):
        args = sorted(e.args, key=default_sort_key)
        if len(args) == 2:
            return self._join(args, r"\Leftrightarrow")
        # Equivalent(a, b, c) says all three agree; a chain a <=> b <=> c would read as ((a <=> b) <=> c)
        return self._join([Equivalent(x, y, evaluate=False) for x, y in zip(args, args[1:])], r"\wedge")

    def _print_Not(self, e):
        return r"\neg " + self._operand(e.args[0])

    def _print_Pow(self, expr):
        tex = super()._print_Pow(expr)
        if isinstance(expr.base, log):  # \log{(x)}^{2} would read as the log of (x)^2: write (\log x)^2
            base = self._print(expr.base)
            if tex.startswith(base + "^"):
                return rf"\left({base}\right)" + tex[len(base):]
        return tex

    def _print_Catalan(self, expr):
        return r"\mathrm{Catalan}"  # SymPy's G is the gradient's squared norm here


def _parity(exp):
    """0 or 1 for an exponent whose parity is known (``3``, ``2 t`` with ``t`` an integer), else None: only
    then can a difference under it be turned round (``(b - a)^t`` is no signed multiple of ``(a - b)^t``)."""
    if not exp.is_integer:
        return None
    parity = exp % 2
    return int(parity) if parity.is_Integer else None


def _turned(base: Add, exp):
    """``(-base)^exp``, unevaluated (so the printer keeps the turned difference)."""
    turned = Add(*[-t for t in base.args], evaluate=False)
    return turned if exp == 1 else Pow(turned, exp, evaluate=False)


#: differences the model makes positive (the spectral gap, bulk coordinates)
POSITIVE_DIFFERENCES = ((S.lam_D, S.lam_B), (S.d, S.k), (S.lam_min_D, S.lam_max_B))


def _reads_negative(f: Add) -> bool:
    """Is ``f`` a sum that reads negative: every term negative, a difference the wrong way round
    (``lambda_B - lambda_D``), or two terms whose constant is negative (``eta lambda_D - 2``)?"""
    if all(t.could_extract_minus_sign() for t in f.args):  # every term negative: -(a + b)
        return True
    if len(f.args) != 2:
        return False
    if any((f + (x - y)).expand() == 0 for x, y in POSITIVE_DIFFERENCES):
        return True
    consts = [t for t in f.args if t.is_number]
    return len(consts) == 1 and consts[0].is_extended_negative is True


def expr_tex(obj, names: dict | None = None) -> str:
    """LaTeX for an expression, relation or matrix (symbols by their paper names)."""
    if isinstance(obj, str):
        return r"\text{" + text_tex(obj) + "}"
    if isinstance(obj, Symbol) and obj not in LATEX_NAMES and not (names and obj in names) \
            and not re.match(r"^[A-Za-z]+(_\{?[A-Za-z0-9]+\}?)?$", obj.name):
        return r"\text{" + text_tex(obj.name) + "}"
    return PaperPrinter(names).doprint(obj)


#: a comparison written in plain text (``Q <= 0``, ``eta > 1``): typeset as mathematics
_PLAIN_RELATION = re.compile(r"\b([A-Za-z]\w*) ?(<=|>=|<|>|=) ?(-?\d+(?:\.\d+)?)\b")
_RELATION_TEX = {"<=": r"\le", ">=": r"\ge", "<": "<", ">": ">", "=": "="}


def text_tex(s: str, prose: bool = False) -> str:
    r"""Text for LaTeX text mode; ``$...$`` spans are mathematics and pass through as they are.  In ``prose``
    (titles, statements) a plain comparison such as ``Q <= 0`` becomes ``$Q \le 0$`` (never an ASCII ``<``
    in text, which prints as ¡); labels inside ``\text{}`` stay as they are."""
    out = []
    for i, part in enumerate(re.split(r"(\$[^$]*\$)", s)):
        if i % 2:
            out.append(part)
            continue
        pieces = re.split(_PLAIN_RELATION, part) if prose else [part]
        for j in range(0, len(pieces), 4):
            out.append("".join(_TEXT_ESCAPE.get(c, c) for c in pieces[j]))
            if j + 3 < len(pieces):
                lhs, op, rhs = pieces[j + 1: j + 4]
                name = lhs.replace("_", "\\_")
                out.append(f"${name} {_RELATION_TEX[op]} {rhs}$")
    return "".join(out)


def name_tex(name: str) -> str:
    """The paper's symbol for a named result (as text for a name without one: a user's)."""
    return RESULT_NAMES.get(name) or r"\mathrm{" + text_tex(name).replace(r"\_", r"\_") + "}"


def _terms(expr, names: dict | None = None) -> list[str]:
    """A sum's terms as printed, each with its sign (``+ a``, ``- b``), positive ones first."""
    p = PaperPrinter(names)
    out = []
    for t in expr.args:
        body = p.doprint(t)
        out.append("- " + body[1:].lstrip() if body.startswith("-") else "+ " + body)
    return [t for t in out if t.startswith("+")] + [t for t in out if t.startswith("-")]


def _lines(name: str, expr, names: dict | None = None) -> list[str]:
    """``name &= expr`` as align lines: a long sum is broken at its terms, continued with ``&\\quad``."""
    if isinstance(expr, (MatrixBase, Relational)) or not isinstance(expr, Add):
        return [f"{name} &= {expr_tex(expr, names)}"]
    pieces = _terms(expr, names)
    lines, cur = [], f"{name} &= " + (pieces[0][2:] if pieces[0].startswith("+") else pieces[0])
    for piece in pieces[1:]:
        if len(cur) + len(piece) > LINE:
            lines.append(cur)
            cur = r"&\quad " + piece
        else:
            cur += " " + piece
    return lines + [cur]


def _named(registry: dict | None, claim) -> dict:
    """Each named expression of the register (and ``claim``), mapped to a symbol printed by its name."""
    defines = {}
    for c in (registry or {}).values():
        defines.update(c.defines)
    defines.update(claim.defines)
    return {e: Symbol(f"__name_{name}") for name, e in defines.items()
            if isinstance(e, Basic) and not isinstance(e, MatrixBase) and e.count_ops() >= NAMED_OPS}


def _names(named: dict) -> dict:
    return {s: name_tex(s.name[len("__name_"):]) for s in named.values()}


def _too_long(lines: list[str]) -> bool:
    return any(len(ln) > 1.3 * LINE for ln in lines)


def _fit(tex: str) -> str:
    """A formula on one line, scaled to the line when it is longer (a fraction cannot be broken)."""
    if len(tex) <= 1.3 * LINE:
        return tex
    return r"\resizebox{\ifdim\width>0.85\linewidth 0.85\linewidth\else\width\fi}{!}{$\displaystyle " + tex + "$}"


def define_tex(claim, name: str, expr, named: dict) -> str:
    """One named result: align lines, written with the names of shorter results where it is long,
    scaled to the line as a last resort."""
    label = f"\\label{{{claim.id}:{name}}}"
    lines = _lines(name_tex(name), expr)
    if _too_long(lines) and named:
        others = {e: s for e, s in named.items() if e != expr}
        lines = _lines(name_tex(name), expr.xreplace(others), _names(others))
    if _too_long(lines):
        body = " ".join(ln.replace("&=", "=").replace(r"&\quad", "") for ln in lines)
        return "\\begin{equation}" + label + "\n" + _fit(body) + "\n\\end{equation}"
    lines[-1] += " " + label
    body = " \\\\\n".join([ln + r" \nonumber" for ln in lines[:-1]] + [lines[-1]])
    return "\\begin{align}\n" + body + "\n\\end{align}"


def _grouped(tex: str, b) -> str:
    return rf"\left({tex}\right)" if isinstance(b, CONNECTIVES) else tex


def prop_latex_parts(pr, named: dict | None = None) -> tuple[list[str], str]:
    """The LaTeX of each hypothesis and of the conclusion, as :func:`prop_tex` writes them between its
    ``\\wedge`` and ``\\Longrightarrow``: a hypothesis that is itself a compound (And, Or, Not, Implies,
    Equivalent) is grouped in ``\\left( \\right)``, and so is a compound conclusion after hypotheses, so that
    no precedence convention is needed to read them (a lone conclusion is the whole display and stands as it is).
    ``named`` maps named expressions to the symbols printed by their names (see :func:`_named`); none by default."""
    named = named or {}
    names = _names(named)
    hyps = [_grouped(expr_tex(h.xreplace(named), names), h) for h in pr.hypotheses]
    c = pr.conclusion
    if isinstance(c, Relational) and c.rel_op == "==":
        concl = " = ".join(expr_tex(side if side in named else side.xreplace(named), names) for side in (c.lhs, c.rhs))
    else:
        concl = expr_tex(c.xreplace(named), names)
    return hyps, _grouped(concl, c) if hyps else concl


def prop_tex(pr, named: dict) -> str:
    """``hypotheses => conclusion`` as a display, the named expressions written by their names (but an
    equation whose whole side is a named result keeps it written out: that is what it states).  With
    ``named={}`` everything is written out: the form :mod:`.latex_parse` reads back."""
    hyps, concl = prop_latex_parts(pr, named)
    if not hyps:
        return r"\[ " + _fit(concl) + r" \]"
    both = r" \;\wedge\; ".join(hyps) + r" \;\Longrightarrow\; " + concl
    if len(both) <= LINE:
        return r"\[ " + both + r" \]"
    return ("\\begin{align*}\n& " + _fit(r" \;\wedge\; ".join(hyps)) + " \\\\\n\\Longrightarrow\\; & " + _fit(concl)
            + "\n\\end{align*}")


def claim_tex(claim, registry: dict | None = None) -> str:
    """One ``\\input``-able fragment: the claim as a paper states it, labelled by its id."""
    named = _named(registry, claim)
    out = [f"\\subsection*{{{text_tex(claim.id)}: {text_tex(claim.title, prose=True)}}}\\label{{{claim.id}}}",
           f"\\textbf{{Claim.}} {text_tex(claim.statement, prose=True)}\\par",
           f"\\textbf{{Hypotheses.}} {text_tex(claim.hypotheses, prose=True)}\\par"]
    for name, expr in claim.defines.items():
        out.append(define_tex(claim, name, expr, named))
    out.append(r"\noindent\textbf{Propositions} (what \texttt{salign verify} and \texttt{salign prove} check)\textbf{.}")
    out.append(r"\begin{itemize}")
    for pr in claim.props:
        # the model it is checked in, as the Markdown says: an identity of the loss-scaled model is false in another
        tag = f" \\emph{{({pr.model} model{', by sampling only' if pr.verify_only else ''})}}"
        out.append(f"\\item \\texttt{{{text_tex(pr.name)}}}{tag}:\n{prop_tex(pr, named)}")
    out.append(r"\end{itemize}")
    return "\n".join(out) + "\n"


PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[a4paper,margin=2cm,landscape]{geometry}
\usepackage{amsmath,amssymb,graphicx}
\allowdisplaybreaks
\sloppy
\title{Suspicious alignment of SGD: the claims and their derived expressions}
\author{Generated by \texttt{salign latex}}
\date{}
\begin{document}
\maketitle
\noindent Model: $L(x)=\tfrac12 x^\top H x$, $H=\mathrm{diag}(\lambda_i)$, dominant block $D$ and bulk $B$ with a
spectral gap; SGD $x' = x - \eta(Hx+\xi)$ with $\mathbb{E}\xi=0$, $\mathrm{Cov}\,\xi=\Sigma$; block moments
$G_S^{(j)} = \sum_{i \in S} \lambda_i^{2+j} x_i^2$, $N_S = \sum_{i\in S} \lambda_i^2 \Sigma_{ii}$,
$M_S = \sum_{i\in S} \lambda_i \Sigma_{ii}$. Sections are labelled by claim id (\texttt{T1}), equations by
\texttt{ID:name} (\texttt{T1:eta\_star}).
"""


def document(claims=None) -> str:
    """The standalone document: the register's claims, or the given ones (a user's claims file)."""
    from .registry import registry

    reg = registry()
    body = "\n".join(claim_tex(c, reg) for c in (claims if claims is not None else reg.values()))
    return PREAMBLE + body + "\\end{document}\n"


__all__ = ["PaperPrinter", "claim_tex", "document", "expr_tex", "name_tex", "prop_latex_parts", "prop_tex", "text_tex"]
