"""Claims and their propositions: the form every checker (verify, prove) reads.

A :class:`Claim` is one entry of THEORY.md §2.  Its content is a tuple of
:class:`Prop`: *under these hypotheses, this conclusion*, as SymPy booleans over
the model's symbols and the *observables* of :mod:`theory.observables`
(quantities such as the one-step alignment change that oracles compute from the
model's definition).  The prover substitutes each observable's definition; the
numeric verifier substitutes an oracle's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from sympy import (
    Abs,
    Add,
    Eq,
    Expr,
    Float,
    Ge,
    Gt,
    Le,
    Lt,
    Max,
    Min,
    Mul,
    Ne,
    NumberSymbol,
    Pow,
    Rational,
    Symbol,
    Wild,
    exp,
    log,
    preorder_traversal,
)
from sympy.core.function import Application
from sympy.core.relational import Relational
from sympy.logic.boolalg import And, Boolean, BooleanFalse, BooleanTrue, Equivalent, Implies, Not, Or, false

from .derivation import Derivation
from .errors import UserError

#: the models a proposition can live in
MODELS = ("coordinate", "general", "two-level", "dynamics", "loss-scaled")


def relations(b) -> tuple:
    """The relational atoms of a boolean, in a fixed order."""
    if isinstance(b, Relational):
        return (b,)
    if isinstance(b, (bool, BooleanTrue, BooleanFalse)) or getattr(b, "is_Symbol", False):
        return ()
    out = []
    for a in b.args:
        for r in relations(a):
            if r not in out:
                out.append(r)
    return tuple(out)


def _compared(x, rel):
    """``rel(x, 0)``; ``false`` where SymPy knows ``x`` is not real (``log(-eta - 1)`` with ``eta > 0``: SymPy refuses
    to compare it, and the value, not being real, makes every relation about it false)."""
    try:
        return rel(x, 0)
    except TypeError:
        return false


def definedness(expr, base: bool = False) -> list:
    """Where ``expr`` (as built) is defined and real: every denominator non-zero, every base of a power that is
    not a whole number non-negative (SymPy's principal root of a negative number is not real; a symbolic
    exponent may be anything), every logarithm's argument positive.  Taken from the expression *before* the
    checkers rewrite it, which may cancel a factor or merge two roots and so lose the very point where the
    expression is undefined.  ``base``: a derived symbol's guards written in the model's base symbols
    (``u`` exists where ``1 - eta lambda_B != 0``, not ``rho_B != 0``), so that a numeric checker judges them at the
    scale of their terms (``rho_B`` rounded to 1e-100 at ``eta = 1/lambda_B`` is a rounding residue of
    ``1 - eta lambda_B``, not a value far from 0 relative to itself)."""
    from .meaning import MEANING, in_base

    out = []
    for node in preorder_traversal(expr):
        if node in MEANING:  # a derived symbol (a_inf, u, R, ...): defined where its definition is
            out += definedness(in_base(node) if base else MEANING[node].definition, base)
        elif isinstance(node, Pow):
            x = node.exp
            if x.is_negative:
                out.append(Ne(node.base, 0))
            elif not (x.is_nonnegative or x.is_Rational):  # 0^x has a value exactly where x >= 0 (0^0 = 1, as p =
                out.append(Or(Ne(node.base, 0), _compared(x, Ge)))  # rho_D^t at rho_D = t = 0)
            if not x.is_integer:
                out.append(_compared(node.base, Ge))
        elif isinstance(node, log):
            out.append(_compared(node.args[0], Gt))
    return [g for g in dict.fromkeys(out) if not isinstance(g, BooleanTrue)]


def guarded(b, sub: dict | None = None, base: bool = False):
    """``b`` with each relation replaced by ``(where its sides are defined) and (the relation)``, then substituted
    (``sub``): a relation about an undefined or non-real value is false, for every checker.  What is judged is
    the statement as SymPy built it: SymPy rewrites some forms when the claim is built (``sqrt(x)**2`` is ``x``,
    ``Not(x < 5)`` is ``x >= 5``), and the definedness of the rewritten form is what counts."""
    sub = sub or {}
    if isinstance(b, Relational):
        guards = [g.xreplace(sub) if sub else g for g in definedness(b.lhs, base) + definedness(b.rhs, base)]
        rel = b.xreplace(sub) if sub else b
        guards = [g for g in dict.fromkeys(guards) if not isinstance(g, BooleanTrue)]
        return And(*guards, rel) if guards else rel
    if isinstance(b, (BooleanTrue, BooleanFalse, bool)) or not getattr(b, "args", ()) or b.is_Symbol:
        return b.xreplace(sub) if sub and not isinstance(b, bool) else b
    return b.func(*[guarded(a, sub, base) for a in b.args])


class ClaimError(UserError):
    """A claim or proposition that cannot be checked as written; the message names the fix."""


#: claim ids: upper-case letters, digits and underscores, starting with a letter (L1, T3, U1, MY_CLAIM)
CLAIM_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _constant(b) -> bool:
    return isinstance(b, (bool, BooleanTrue, BooleanFalse))


def _is_boolean(b) -> bool:
    return isinstance(b, Boolean) or _constant(b)


#: the connectives a proposition may use (each checker judges exactly these); Xor, Nand, ITE, ... are rewritten
#: by the author with them
CONNECTIVES = (And, Or, Not, Implies, Equivalent)


#: the functions a statement may apply: continuous ones, which both checkers read at face value (a jump such as
#: sign, floor or Piecewise would let rounding noise at the jump decide the verdict: write the relation instead)
FUNCTIONS = (Abs, Max, Min, exp, log)


#: the relations a statement may use; each compares two numbers
RELATIONS = (Eq, Ne, Lt, Le, Gt, Ge)

#: the numbers a statement may write: exact rationals and named constants (pi, E, ...)
NUMBERS = (Rational, NumberSymbol)


def _check_vocabulary(name: str, b) -> None:
    """Refuse what neither checker can take at face value.  A statement is built from relations
    (:data:`RELATIONS`) between terms, joined by :data:`CONNECTIVES`; the only other atom is
    ``spectral_gap``.  A term is built from symbols and :data:`NUMBERS` with ``+``, ``*``, powers and
    :data:`FUNCTIONS`: nothing else, so no float (a binary approximation), no integral, sum,
    derivative or root object that a checker would approximate, no relation between booleans."""
    from .observables import spectral_gap

    def formula(f) -> None:
        if isinstance(f, (BooleanTrue, BooleanFalse)) or f == spectral_gap:
            return
        if isinstance(f, CONNECTIVES):
            for a in f.args:
                formula(a)
            return
        if isinstance(f, RELATIONS):
            for side in f.args:
                term(side)
            return
        if isinstance(f, Relational) or not isinstance(f, Boolean) or f.is_Symbol:
            raise ClaimError(f"Prop {name}: {f} is not a statement a checker can judge: compare two numbers "
                             "with ==, !=, <, <=, > or >= (Eq, Ne, Lt, Le, Gt, Ge)")
        raise ClaimError(f"Prop {name}: {type(f).__name__} is not one of the connectives "
                         f"{', '.join(c.__name__ for c in CONNECTIVES)}; write it with them")

    def term(t) -> None:
        if isinstance(t, Float):
            raise ClaimError(f"Prop {name}: the float {t} is a binary approximation that neither checker takes "
                             "at face value; write an exact number, e.g. Rational(1, 10) or S('1/10')")
        if t == spectral_gap or isinstance(t, Boolean) and not isinstance(t, Symbol):
            raise ClaimError(f"Prop {name}: {t} is a statement, not a number: it cannot be compared or computed "
                             "with; use it as a hypothesis or join it with And/Or")
        if isinstance(t, Wild):
            raise ClaimError(f"Prop {name}: {t} is a pattern (Wild), not a symbol; use Symbol")
        if isinstance(t, (Symbol, *NUMBERS)):
            return
        if isinstance(t, (Add, Mul, Pow, *FUNCTIONS)):
            for a in t.args:
                term(a)
            return
        if isinstance(t, Application):
            raise ClaimError(f"Prop {name}: {type(t).__name__} is not one of the functions "
                             f"{', '.join(f.__name__ for f in FUNCTIONS)} (a jump lets rounding decide); "
                             "state it with relations, e.g. Q > 0 for sign(Q) > 0")
        raise ClaimError(f"Prop {name}: {type(t).__name__} ({t}) is not a term both checkers read exactly; "
                         "write it with +, *, powers and the functions "
                         f"{', '.join(f.__name__ for f in FUNCTIONS)} (compute an integral, sum or "
                         "derivative first, or give it an oracle)")

    formula(b)


@dataclass(frozen=True)
class Prop:
    """``hypotheses  =>  conclusion``, one checkable piece of a claim.

    ``model`` says over which variables it is stated: ``general`` (block
    moments; the prover instantiates a spectrum with m levels per block),
    ``two-level``, ``coordinate``, ``dynamics`` (two-level dynamics with
    ``p = rho_D^t``, ``u = (rho_D/rho_B)^t``) or ``loss-scaled`` (X1).
    ``verify_only`` marks propositions about oracle-only observables (a root
    found numerically, an iterated trajectory) that the prover cannot state.
    ``expected=False`` marks an exploratory conjecture (X1) that is reported
    REFUTED as a finding, not as a failure of THEORY.md.

    A proposition is checked when it is built: the hypotheses are a tuple of SymPy
    booleans, and neither they nor the conclusion may be a constant.  (A relation
    such as ``eta_root > 0`` over a symbol *declared* positive collapses to ``True``
    when it is built: the checker would then check nothing.  Assumptions on symbols
    are the model's stated hypotheses, listed in :mod:`salign.theory.symbols`.)
    Every project symbol it uses must be one that its ``model`` defines.
    """

    name: str
    conclusion: Boolean
    hypotheses: tuple[Boolean, ...] = ()
    model: str = "general"
    verify_only: bool = False
    note: str = ""
    expected: bool = True  # False: an exploratory conjecture the checker is expected to refute

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise ClaimError(f"a proposition needs a non-empty name, got {self.name!r}")
        if self.model not in MODELS:
            raise ClaimError(f"Prop {self.name}: model must be one of {', '.join(MODELS)}, got {self.model!r}")
        if not isinstance(self.hypotheses, tuple):
            raise ClaimError(f"Prop {self.name}: hypotheses must be a tuple of SymPy relations, got a "
                             f"{type(self.hypotheses).__name__} (write (h,) for a single hypothesis)")
        if not _is_boolean(self.conclusion):
            raise ClaimError(f"Prop {self.name}: the conclusion must be a SymPy relation or boolean, "
                             f"got {type(self.conclusion).__name__}")
        if _constant(self.conclusion):
            raise ClaimError(f"Prop {self.name}: the conclusion is the constant {self.conclusion} once built (SymPy "
                             "decided it from the symbols' assumptions or by evaluation): it checks nothing; state "
                             "it over symbols whose assumptions do not decide it")
        for i, h in enumerate(self.hypotheses):
            if not _is_boolean(h):
                raise ClaimError(f"Prop {self.name}: hypothesis {i} must be a SymPy relation or boolean, "
                                 f"got {type(h).__name__}")
            if _constant(h):
                raise ClaimError(f"Prop {self.name}: hypothesis {i} is the constant {h} once built: drop it, or "
                                 "state it over symbols whose assumptions do not decide it")
        for part in (self.conclusion, *self.hypotheses):
            _check_vocabulary(self.name, part)
        from .observables import foreign_symbols, project_symbols

        known = project_symbols()
        impostors = sorted({s.name for s in self.free_symbols() - known} & {s.name for s in known})
        if impostors:
            raise ClaimError(f"Prop {self.name}: {', '.join(impostors)} is the name of a model symbol, but the symbol "
                             "used is another one (other assumptions); use salign.theory.symbols / observables, "
                             "or give your own symbol another name")
        foreign = foreign_symbols(self.model, self.free_symbols())
        if foreign:
            raise ClaimError(f"Prop {self.name}: the {self.model} model does not define "
                             f"{', '.join(sorted(s.name for s in foreign))}; use a model that does "
                             f"({', '.join(MODELS)}) or another symbol")

    def free_symbols(self):
        out = set(getattr(self.conclusion, "free_symbols", set()))
        for h in self.hypotheses:
            out |= h.free_symbols
        return out

    def _repr_latex_(self) -> str:
        r"""Jupyter's rendering: the display ``salign latex`` writes for this proposition (named results of the
        register by their names, :func:`salign.theory.latex.prop_tex`), without the ``\resizebox`` that MathJax
        cannot draw."""
        from types import SimpleNamespace

        from .latex import _named, prop_tex, text_tex
        from .registry import registry

        name = f"$\\mathtt{{{text_tex(self.name)}}}$" if re.fullmatch(r"[\w.]+", self.name) else text_tex(self.name)
        tex = name + ":\n" + prop_tex(self, _named(registry(), SimpleNamespace(defines={})))  # as in a claim without defines
        return re.sub(r"\\resizebox\{\\ifdim.*?\\fi\}\{!\}\{\$(.*?)\$\}", lambda m: m.group(1), tex, flags=re.S)


@dataclass(frozen=True)
class Claim:
    """One claim of THEORY.md: id, a one-line statement, its derivation and propositions."""

    id: str
    title: str
    statement: str
    hypotheses: str
    defines: Mapping[str, Expr]
    props: tuple[Prop, ...]
    derivation: Derivation | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.id, str) or not CLAIM_ID.match(self.id):
            raise ClaimError(f"claim id {self.id!r}: use upper-case letters, digits and underscores, starting "
                             "with a letter (e.g. 'U1')")
        if not isinstance(self.props, tuple) or not self.props or not all(isinstance(p, Prop) for p in self.props):
            raise ClaimError(f"claim {self.id}: props must be a non-empty tuple of Prop")
        names = [p.name for p in self.props]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ClaimError(f"claim {self.id}: proposition name(s) {', '.join(dup)} used twice; give each its own name")

    def prop(self, name: str) -> Prop:
        for pr in self.props:
            if pr.name == name:
                return pr
        raise KeyError(f"{self.id} has no proposition {name!r}; it has "
                       f"{', '.join(p.name for p in self.props)}")

    def with_props(self, *props: Prop, **changes) -> "Claim":
        """A copy with other propositions (how the tests build wrong variants)."""
        return replace(self, props=tuple(props), **changes)

    def _repr_latex_(self) -> str:
        r"""Jupyter's rendering: id, title and statement, then the formulas of the fragment ``salign latex`` writes
        for this claim (:func:`salign.theory.latex.claim_tex`: each named result, each proposition), without what
        MathJax cannot draw or would see twice (``\resizebox``, ``\label``)."""
        from .latex import _named, define_tex, prop_tex, text_tex
        from .registry import registry

        named = _named(registry(), self)
        parts = [f"$\\mathbf{{{text_tex(self.id)}}}$: {text_tex(self.title, prose=True)}.",
                 text_tex(self.statement, prose=True) + (f" Hypotheses: {text_tex(self.hypotheses, prose=True)}"
                                                         if self.hypotheses else "")]
        parts += [define_tex(self, name, expr, named) for name, expr in self.defines.items()]
        parts += [(f"$\\mathtt{{{text_tex(pr.name)}}}$" if re.fullmatch(r"[\w.]+", pr.name) else text_tex(pr.name))
                  + ":\n" + prop_tex(pr, named) for pr in self.props]
        tex = re.sub(r"\s*\\label\{[^}]*\}", "", "\n\n".join(parts))
        return re.sub(r"\\resizebox\{\\ifdim.*?\\fi\}\{!\}\{\$(.*?)\$\}", lambda m: m.group(1), tex, flags=re.S)
