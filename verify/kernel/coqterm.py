"""Coq terms over ``R``, built through the same interface as Z3's Python API.

:class:`salign.verify.prover.translate.Translator` turns a SymPy statement into a solver's formula through
``M.Real``, ``M.RealVal``, ``+ * /``, the comparisons, ``M.And``, ``M.Not``, ...  :data:`COQ` offers that interface
and builds Coq text instead, so that the theorem Coq checks is, symbol for symbol, the formula the solvers were
given: the same guards (every denominator ``<> 0``, every radicand ``>= 0``), the same square-root variables,
the same reading of ``Equivalent``.  There is one translation, read by three back ends.
"""

from __future__ import annotations

import re

#: names that Model.v or Coq's library already use: a statement's symbol never takes one of them
RESERVED = {"R", "G", "G1", "G2", "N", "M", "EG", "dL", "ex2", "bsum", "lam", "x2", "s", "mk", "coord", "exp", "ln",
            "sqrt", "PI", "Rabs", "Rmax", "Rmin", "IZR", "True", "False", "forall", "exists", "fun", "match", "with",
            "end", "let", "in", "if", "then", "else", "Type", "Prop", "Set", "nat"}


def coq_name(name: str) -> str:
    """A Coq identifier for a statement's symbol (``lambda_D`` stays, ``x_i'`` becomes ``x_i_39_``)."""
    out = "".join(c if c.isalnum() or c == "_" else f"_{ord(c)}_" for c in name)
    if not re.match(r"[A-Za-z]", out) or out in RESERVED:
        out = "v_" + out
    return out


class Term:
    """A Coq term (or proposition) as text; arithmetic and comparisons build bigger ones."""

    __slots__ = ("text", "prop")

    def __init__(self, text: str, prop: bool = False):
        self.text = text
        self.prop = prop  # a proposition (a relation, a connective): ``==`` between two of them is ``<->``

    def __repr__(self):
        return self.text

    __hash__ = object.__hash__

    @staticmethod
    def _t(x) -> "Term":
        return x if isinstance(x, Term) else Term(_literal(x))

    def __add__(self, o):
        return Term(f"({self.text} + {self._t(o).text})")

    def __radd__(self, o):
        return self._t(o) + self

    def __sub__(self, o):
        return Term(f"({self.text} - {self._t(o).text})")

    def __rsub__(self, o):
        return self._t(o) - self

    def __mul__(self, o):
        return Term(f"({self.text} * {self._t(o).text})")

    def __rmul__(self, o):
        return self._t(o) * self

    def __truediv__(self, o):
        return Term(f"({self.text} / {self._t(o).text})")

    def __rtruediv__(self, o):
        return self._t(o) / self

    def __neg__(self):
        return Term(f"(- {self.text})")

    def _rel(self, op, o):
        return Term(f"({self.text} {op} {self._t(o).text})", prop=True)

    def __lt__(self, o):
        return self._rel("<", o)

    def __le__(self, o):
        return self._rel("<=", o)

    def __gt__(self, o):
        return self._rel(">", o)

    def __ge__(self, o):
        return self._rel(">=", o)

    def __eq__(self, o):  # noqa: D105 - a Coq equation, as in Z3's API; between propositions, an equivalence
        if self.prop and isinstance(o, Term) and o.prop:
            return self._rel("<->", o)
        return self._rel("=", o)

    def __ne__(self, o):
        return self._rel("<>", o)


def _literal(x) -> str:
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x) if x >= 0 else f"(- {-x})"
    raise TypeError(f"not a Coq literal: {x!r}")


class _Coq:
    """The slice of Z3's Python API that the translator uses, building Coq text."""

    def __init__(self):
        self.declared: dict[str, None] = {}

    def Real(self, name: str) -> Term:  # noqa: N802 - Z3's spelling
        self.declared.setdefault(coq_name(name))
        return Term(coq_name(name))

    def RealVal(self, v) -> Term:  # noqa: N802
        return Term(_literal(int(v)))

    IntVal = RealVal

    def BoolVal(self, v) -> Term:  # noqa: N802
        return Term("True" if v else "False", prop=True)

    def And(self, *xs) -> Term:  # noqa: N802
        return Term("(" + " /\\ ".join(x.text for x in xs) + ")", prop=True) if xs else Term("True", prop=True)

    def Or(self, *xs) -> Term:  # noqa: N802
        return Term("(" + " \\/ ".join(x.text for x in xs) + ")", prop=True) if xs else Term("False", prop=True)

    def Not(self, x) -> Term:  # noqa: N802
        return Term(f"(~ {x.text})", prop=True)

    def Implies(self, a, b) -> Term:  # noqa: N802
        return Term(f"({a.text} -> {b.text})", prop=True)

    def If(self, c, a, b) -> Term:  # noqa: N802
        m = re.fullmatch(r"\((.*) (<=|<|>=|>) (.*)\)", c.text)
        if not m:
            raise TypeError(f"no decidable test for {c.text}")
        lhs, op, rhs = m.groups()
        test = {"<=": f"Rle_dec {lhs} {rhs}", "<": f"Rlt_dec {lhs} {rhs}",
                ">=": f"Rle_dec {rhs} {lhs}", ">": f"Rlt_dec {rhs} {lhs}"}[op]
        return Term(f"(if {test} then {a.text} else {b.text})")

    @staticmethod
    def is_int(_x) -> bool:
        return False

    @staticmethod
    def ToReal(x):  # noqa: N802
        return x


def module() -> _Coq:
    """A fresh builder (it records the variables declared)."""
    return _Coq()
