"""A generic SymPy -> SMT translator, for Z3 and for cvc5 (through its z3py-compatible API).

One translator serves every claim.  Symbols become real variables with the domain
their SymPy assumptions state (the model's hypotheses, listed in
:data:`salign.theory.symbols.ASSUMPTIONS`).  Nothing else is assumed:

* **definedness is guarded, atom by atom.**  Solvers treat ``x/0`` as an arbitrary
  value and have no complex numbers, so each relation is translated as
  ``(every denominator in it != 0) and (every radicand in it >= 0) and (lhs op rhs)``:
  a relation about an undefined or non-real value is *false*, exactly as the
  numeric verifier and the exact checker (:mod:`salign.verify.prover.exact`) read it.
  A conclusion is therefore proved only where the hypotheses force it to be defined
  and real; a hypothesis that is undefined somewhere simply does not hold there.
* **each square root** ``sqrt(X)`` becomes a fresh ``s >= 0`` with
  ``X >= 0 => s^2 = X``; ``s`` means nothing where ``X < 0``, and every atom that
  uses it is then false through its guard.
"""

from __future__ import annotations

from sympy import Abs, Add, And, Equivalent, Implies, Integer, Max, Min, Mul, Not, Or, Pow, Rational, Symbol
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue


class Negated:
    """The negation of a SymPy boolean, kept as a negation.

    SymPy rewrites ``Not(x >= 0)`` as ``x < 0`` on construction; under the guarded reading
    (an undefined relation is false) those differ where ``x`` is undefined.  A query that
    asserts "the conclusion fails" must say exactly that, so it wraps the conclusion here
    and the translator negates the guarded formula.
    """

    __slots__ = ("arg",)

    def __init__(self, arg):
        self.arg = arg

    def __repr__(self):
        return f"Negated({self.arg})"


class Untranslatable(TypeError):
    """An expression outside what the translator covers (named in the message)."""


def _smt_name(name: str) -> str:
    return "".join(c if c.isalnum() or c == "_" else f"_{ord(c)}_" for c in name)  # names are the vocabulary's


class Translator:
    """Translate SymPy booleans into the solver module ``M`` (``z3`` or ``cvc5.pythonic``).

    ``integers=True`` declares integer symbols as integers (used to search for a
    counterexample that respects ``k, d`` being whole numbers); by default they are
    reals, which is sound for proofs (a statement true for every real ``k`` holds for
    every integer one) and only relaxes the search for counterexamples.
    """

    def __init__(self, M, integers: bool = False):
        self.M = M
        self.integers = integers
        self.vars: dict[Symbol, object] = {}
        self.domain: list = []  # from symbol assumptions, and the square roots' defining facts
        self._sqrt: dict = {}
        self._cache: dict = {}

    # --- variables --------------------------------------------------------------------
    def var(self, s: Symbol):
        if s not in self.vars:
            M = self.M
            if self.integers and s.is_integer:
                v = M.Int(_smt_name(s.name))
            else:
                v = M.Real(_smt_name(s.name))
            self.vars[s] = v
            if s.is_positive:
                self.domain.append(v > 0)
            elif s.is_nonnegative:
                self.domain.append(v >= 0)
        return self.vars[s]

    # --- expressions: (term, guards) ---------------------------------------------------------
    def num(self, r: Rational):
        M = self.M
        if r.q == 1:
            return M.IntVal(int(r.p)) if self.integers else M.RealVal(int(r.p))
        return M.RealVal(int(r.p)) / M.RealVal(int(r.q))

    def expr(self, e):
        """``(term, guards)``: the SMT term and the conditions under which it is defined and real."""
        if e not in self._cache:
            self._cache[e] = self._expr(e)
        return self._cache[e]

    def _terms(self, args):
        terms, guards = [], []
        for a in args:
            t, g = self.expr(a)
            terms.append(t)
            guards += [x for x in g if not any(x is y for y in guards)]
        return terms, guards

    def _expr(self, e):
        M = self.M
        if e.is_Symbol:
            return self.var(e), []
        if e.is_Rational:
            return self.num(e), []
        if isinstance(e, Add):
            terms, guards = self._terms(e.args)
            out = terms[0]
            for t in terms[1:]:
                out = out + t
            return out, guards
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
            nt, guards = self._terms(num) if num else ([M.RealVal(1)], [])
            n = _product(nt)
            if not den:
                return n, guards
            dt, dg = self._terms(den)
            d = _product(dt)
            return self._real(n) / d, guards + dg + [d != 0]
        if isinstance(e, Pow):
            b, x = e.base, e.exp
            if not x.is_Rational:
                raise Untranslatable(f"non-rational exponent in {e}")
            if x.q == 1:
                bt, g = self.expr(b)
                if x.p >= 0:
                    return _power(M, bt, int(x.p)), g
                d = _power(M, bt, int(-x.p))
                return M.RealVal(1) / d, g + [d != 0]
            if x.q == 2:
                s, g = self._root(b)
                if x.p >= 0:
                    return _power(M, s, int(x.p)), g
                d = _power(M, s, int(-x.p))
                return M.RealVal(1) / d, g + [d != 0]
            raise Untranslatable(f"exponent {x} (only integers and halves) in {e}")
        if isinstance(e, Abs):
            a, g = self.expr(e.args[0])
            return M.If(a >= 0, a, -a), g
        if isinstance(e, (Max, Min)):  # defined where every argument is: their guards together
            terms, guards = self._terms(e.args)
            out = terms[0]
            for t in terms[1:]:
                out = M.If(t > out, t, out) if isinstance(e, Max) else M.If(t < out, t, out)
            return out, guards
        raise Untranslatable(f"cannot translate {type(e).__name__}: {e}")

    def _real(self, x):
        """``x`` as a real term (an integer-sorted numerator would make ``/`` integer division)."""
        return self.M.ToReal(x) if self.integers and self.M.is_int(x) else x

    def _root(self, radicand):
        if radicand not in self._sqrt:
            s = self.M.Real(f"sqrt_{len(self._sqrt)}")
            r, g = self.expr(radicand)
            defined = [*g, r >= 0]
            self.domain += [s >= 0, self.M.Implies(self.M.And(*defined), s * s == r)]
            self._sqrt[radicand] = (s, defined)
        return self._sqrt[radicand]

    # --- booleans ------------------------------------------------------------------------
    def boolean(self, b):
        """A SymPy boolean as an SMT formula; each relation is guarded by its own definedness."""
        M = self.M
        if isinstance(b, Negated):
            return M.Not(self.boolean(b.arg))
        if isinstance(b, (BooleanTrue, bool)) and b:
            return M.BoolVal(True)
        if isinstance(b, (BooleanFalse, bool)):
            return M.BoolVal(False)
        if isinstance(b, Relational):
            (lhs, g1), (rhs, g2) = self.expr(b.lhs), self.expr(b.rhs)
            op = b.rel_op
            rel = {"<": lhs < rhs, "<=": lhs <= rhs, ">": lhs > rhs, ">=": lhs >= rhs,
                   "==": lhs == rhs, "!=": lhs != rhs}[op]
            guards = g1 + [x for x in g2 if not any(x is y for y in g1)]
            return M.And(*guards, rel) if guards else rel
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


def _product(xs):
    out = xs[0]
    for x in xs[1:]:
        out = out * x
    return out


def _power(M, b, n: int):
    if n == 0:
        return M.RealVal(1)
    out = b
    for _ in range(n - 1):
        out = out * b
    return out
