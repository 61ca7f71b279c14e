"""A generic SymPy -> SMT translator, for Z3 and for cvc5 (through its z3py-compatible API).

One translator serves every claim: symbols become real variables with the domain
their SymPy assumptions state, every division records the side condition that its
denominator is non-zero (solvers treat ``x/0`` as an arbitrary value), and every
square root ``sqrt(X)`` becomes a fresh ``s >= 0`` with ``s^2 = X`` (and ``X >= 0``).
"""

from __future__ import annotations

from sympy import Abs, Add, And, Equivalent, Implies, Integer, Mul, Not, Or, Pow, Rational, Symbol
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue


class Untranslatable(TypeError):
    """An expression outside what the translator covers (named in the message)."""


def _smt_name(name: str) -> str:
    out = "".join(c if c.isalnum() or c == "_" else f"_{ord(c)}_" for c in name)
    return out if out and not out[0].isdigit() else "v_" + out


class Translator:
    """Translate SymPy booleans into the solver module ``M`` (``z3`` or ``cvc5.pythonic``)."""

    def __init__(self, M):
        self.M = M
        self.vars: dict[Symbol, object] = {}
        self.domain: list = []  # from symbol assumptions
        self.side: list = []  # definedness: denominators != 0, radicands >= 0
        self._sqrt: dict = {}
        self._cache: dict = {}

    # --- variables --------------------------------------------------------------------
    def var(self, s: Symbol):
        if s not in self.vars:
            v = self.M.Real(_smt_name(s.name))
            self.vars[s] = v
            if s.is_positive:
                self.domain.append(v > 0)
            elif s.is_nonnegative:
                self.domain.append(v >= 0)
        return self.vars[s]

    # --- expressions --------------------------------------------------------------------
    def num(self, r: Rational):
        M = self.M
        if r.q == 1:
            return M.RealVal(int(r.p))
        return M.RealVal(int(r.p)) / M.RealVal(int(r.q))

    def expr(self, e):
        if e in self._cache:
            return self._cache[e]
        out = self._expr(e)
        self._cache[e] = out
        return out

    def _expr(self, e):
        M = self.M
        if e.is_Symbol:
            return self.var(e)
        if e.is_Rational:
            return self.num(e)
        if isinstance(e, Add):
            terms = [self.expr(a) for a in e.args]
            out = terms[0]
            for t in terms[1:]:
                out = out + t
            return out
        if isinstance(e, Mul):
            num, den = [], []
            for a in e.args:
                if isinstance(a, Pow) and a.exp.is_Rational and a.exp < 0:
                    den.append(Pow(a.base, -a.exp))
                elif a.is_Rational and a.q != 1:
                    num.append(Integer(a.p))
                    den.append(Integer(a.q))
                else:
                    num.append(a)
            n = self._product([self.expr(a) for a in num]) if num else M.RealVal(1)
            if not den:
                return n
            d = self._product([self.expr(a) for a in den])
            self.side.append(d != 0)
            return n / d
        if isinstance(e, Pow):
            b, x = e.base, e.exp
            if not x.is_Rational:
                raise Untranslatable(f"non-rational exponent in {e}")
            if x.q == 1:
                if x.p >= 0:
                    return self._power(self.expr(b), int(x.p))
                d = self._power(self.expr(b), int(-x.p))
                self.side.append(d != 0)
                return M.RealVal(1) / d
            if x.q == 2:
                s = self._root(b)
                if x.p >= 0:
                    return self._power(s, int(x.p))
                d = self._power(s, int(-x.p))
                self.side.append(d != 0)
                return M.RealVal(1) / d
            raise Untranslatable(f"exponent {x} (only integers and halves) in {e}")
        if isinstance(e, Abs):
            a = self.expr(e.args[0])
            return M.If(a >= 0, a, -a)
        raise Untranslatable(f"cannot translate {type(e).__name__}: {e}")

    def _product(self, xs):
        out = xs[0]
        for x in xs[1:]:
            out = out * x
        return out

    def _power(self, b, n: int):
        if n == 0:
            return self.M.RealVal(1)
        out = b
        for _ in range(n - 1):
            out = out * b
        return out

    def _root(self, radicand):
        if radicand not in self._sqrt:
            s = self.M.Real(f"sqrt_{len(self._sqrt)}")
            r = self.expr(radicand)
            self.side.append(r >= 0)
            self.domain += [s >= 0, s * s == r]
            self._sqrt[radicand] = s
        return self._sqrt[radicand]

    # --- booleans ------------------------------------------------------------------------
    def boolean(self, b):
        M = self.M
        if isinstance(b, (BooleanTrue, bool)) and b:
            return M.BoolVal(True)
        if isinstance(b, (BooleanFalse, bool)):
            return M.BoolVal(False)
        if isinstance(b, Relational):
            lhs, rhs = self.expr(b.lhs), self.expr(b.rhs)
            op = b.rel_op
            return {"<": lhs < rhs, "<=": lhs <= rhs, ">": lhs > rhs, ">=": lhs >= rhs,
                    "==": lhs == rhs, "!=": lhs != rhs}[op]
        if isinstance(b, And):
            return M.And(*[self.boolean(a) for a in b.args])
        if isinstance(b, Or):
            return M.Or(*[self.boolean(a) for a in b.args])
        if isinstance(b, Not):
            return M.Not(self.boolean(b.args[0]))
        if isinstance(b, Implies):
            return M.Implies(self.boolean(b.args[0]), self.boolean(b.args[1]))
        if isinstance(b, Equivalent):
            xs = [self.boolean(a) for a in b.args]
            return M.And(*[xs[0] == x for x in xs[1:]])
        raise Untranslatable(f"cannot translate boolean {type(b).__name__}: {b}")
