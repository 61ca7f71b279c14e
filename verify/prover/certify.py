"""Rigorous interval certification: branch and bound with interval arithmetic over an explicit box.

Where the solvers answer UNKNOWN, a proposition can still be certified on a stated
parameter box: every relation is evaluated with endpoint interval arithmetic
(``mpmath.iv``; ball arithmetic such as arb overestimates badly on wide boxes,
e.g. ``[0.1, 10]^2`` as ``25.5 +- 74.5``) in three-valued logic (true / false / undecided); a box on which a
hypothesis is certainly false, or the conclusion certainly true, is done; an
undecided box is split along its widest side (geometrically for positive
variables).  The result is CERTIFIED on the whole box, or the box where
certification failed (undecided when the budget ran out, or the conclusion
certainly false there: a counterexample region).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache

import mpmath
from mpmath import iv
from sympy import (
    Add,
    And,
    Equivalent,
    Implies,
    Integer,
    Mul,
    Not,
    Or,
    Pow,
    Rational,
    lambdify,
    preorder_traversal,
    together,
)
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue
from sympy.polys.polyerrors import PolynomialError

from salign.theory.claim import relations

from .factoring import factor_q


class Undecided(ArithmeticError):
    """An interval operation whose result is not a real interval on the whole box (a root of a maybe-negative)."""


def _sqrt(x):
    """``sqrt`` of an interval, only where the whole interval is non-negative (else undecided here)."""
    x = x if isinstance(x, type(iv.mpf(0))) else iv.mpf(x)
    if not x.a >= 0:
        raise Undecided("square root of an interval that reaches below 0")
    return iv.sqrt(x)


IV = {"mpf": iv.mpf, "sqrt": _sqrt, "fabs": abs}

#: default box: positive symbols in [1/10, 10], non-negative in [1/1000, 10], others in [-10, 10]
#: (exact decimal endpoints: each side becomes the smallest interval that contains it)
DEFAULT_BOX = {"positive": ("0.1", "10"), "nonnegative": ("0.001", "10"), "real": ("-10", "10")}


#: strict hypotheses are tightened by this margin (stated in the certificate): on a degenerate boundary itself
#: nothing can be decided by intervals
MARGIN = 1e-3


@dataclass
class Certificate:
    status: str  # CERTIFIED, FAILED
    box: dict  # variable -> [lo, hi]
    boxes: int  # boxes examined
    failed_box: dict | None = None
    reason: str = ""

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}

    def box_text(self) -> str:
        return ", ".join(f"{name} in [{lo}, {hi}]" for name, (lo, hi) in self.box.items())


def default_box(symbols) -> dict:
    out = {}
    for s in sorted(symbols, key=lambda s: s.name):
        kind = "positive" if s.is_positive else "nonnegative" if s.is_nonnegative else "real"
        out[s] = DEFAULT_BOX[kind]
    return out


@lru_cache(maxsize=1024)
def _compiled(rels: tuple, syms: tuple):
    """Each relation as ``factor(lhs - rhs)`` compared with 0: factored forms keep intervals tight."""
    exprs = []
    for r in rels:
        d = together(r.lhs - r.rhs)
        try:
            d = factor_q(d)
        except PolynomialError:
            pass
        exprs += [d, Integer(0)]
    return lambdify(syms, exprs, modules=[IV, "mpmath"])


def tighten(hyps, delta: float):
    """Strict hypotheses ``l > r`` become ``l - r >= delta`` (away from degenerate boundaries)."""
    out = []
    for h in hyps:
        if isinstance(h, Relational) and h.rel_op in ("<", ">"):
            d = (h.lhs - h.rhs) if h.rel_op == ">" else (h.rhs - h.lhs)
            out.append(d >= Rational(str(delta)))
        else:
            out.append(h)
    return out


def _outward(lo, hi):
    """Binary endpoints of an interval that contains ``[lo, hi]`` (decimal strings or numbers)."""
    return mpmath.mpf(iv.mpf(str(lo)).a), mpmath.mpf(iv.mpf(str(hi)).b)


def _interval(lo, hi):
    """The smallest interval (outward rounded) that contains ``[lo, hi]`` (numbers or decimal strings)."""
    return iv.mpf([iv.mpf(lo).a, iv.mpf(hi).b])


def _supported(e) -> bool:
    """Nodes interval arithmetic evaluates rigorously here: numbers, symbols, sums, products, integer powers,
    square roots, relations and boolean connectives (no Max, Min, Piecewise, exp, cube roots, ...)."""
    if e.is_Symbol or e.is_Rational:
        return True
    if isinstance(e, Pow):
        return e.exp.is_Rational and e.exp.q in (1, 2)
    return isinstance(e, (Add, Mul, Relational, And, Or, Not, Implies, Equivalent, BooleanTrue, BooleanFalse))


def _truth(rel, d):
    """True / False / None (undecided) for ``d op 0``, ``d`` a real interval (or a rational number);
    anything else (a complex interval, a float) decides nothing."""
    if isinstance(d, (int, Rational)) and not isinstance(d, bool):
        d = iv.mpf(str(d))
    if not isinstance(d, type(iv.mpf(0))):
        return None
    lo, hi = d.a, d.b
    if not (mpmath.isfinite(lo) and mpmath.isfinite(hi)):
        return None
    op = rel.rel_op
    if op == "<":
        return True if hi < 0 else False if lo >= 0 else None
    if op == "<=":
        return True if hi <= 0 else False if lo > 0 else None
    if op == ">":
        return True if lo > 0 else False if hi <= 0 else None
    if op == ">=":
        return True if lo >= 0 else False if hi < 0 else None
    if op == "==":
        return True if lo == hi == 0 else False if (lo > 0 or hi < 0) else None
    if op == "!=":
        return False if lo == hi == 0 else True if (lo > 0 or hi < 0) else None
    return None


def _three(b, truth: dict):
    """Three-valued logic over relation truths."""
    if isinstance(b, (BooleanTrue, bool)) and b:
        return True
    if isinstance(b, (BooleanFalse, bool)):
        return False
    if isinstance(b, Relational):
        return truth[b]
    if isinstance(b, And):
        vals = [_three(a, truth) for a in b.args]
        return False if False in vals else True if all(v is True for v in vals) else None
    if isinstance(b, Or):
        vals = [_three(a, truth) for a in b.args]
        return True if True in vals else False if all(v is False for v in vals) else None
    if isinstance(b, Not):
        v = _three(b.args[0], truth)
        return None if v is None else not v
    if isinstance(b, Implies):
        p, q = _three(b.args[0], truth), _three(b.args[1], truth)
        return True if (p is False or q is True) else False if (p is True and q is False) else None
    if isinstance(b, Equivalent):
        p, q = (_three(a, truth) for a in b.args)
        return None if p is None or q is None else p == q
    raise TypeError(f"cannot certify {type(b).__name__}")


def certify(hyps, concl, box: dict | None = None, max_boxes: int = 20000, prec: int = 128,
            delta: float = MARGIN) -> Certificate:
    """Certify ``hyps => concl`` on ``box`` (symbol -> (lo, hi)) by breadth-first branch and bound.

    Strict hypotheses are tightened by ``delta`` (stated in the certificate): on the
    degenerate boundary itself nothing can be decided by intervals.
    """
    hyps = tighten(hyps, delta)
    syms = tuple(sorted(set().union(*[h.free_symbols for h in hyps]) | set(concl.free_symbols),
                        key=lambda s: s.name))
    unsupported = sorted({type(e).__name__ for b in (*hyps, concl) for e in preorder_traversal(b)
                          if not _supported(e)})
    if unsupported:  # only what outward-rounded interval arithmetic evaluates rigorously
        return Certificate("FAILED", {}, 0, reason=f"interval arithmetic here covers + - * /, integer powers and "
                           f"square roots only, not {', '.join(unsupported)}")
    box = dict(box or default_box(syms))
    missing = [s.name for s in syms if s not in box]
    if missing:
        raise ValueError(f"the box has no range for {', '.join(missing)}")
    hyp = And(*hyps) if hyps else BooleanTrue()
    rels = tuple(dict.fromkeys(relations(hyp) + relations(concl)))
    f = _compiled(rels, syms)
    root = tuple(_outward(*box[s]) for s in syms)
    stack, n = deque([root]), 0
    old = iv.prec
    iv.prec = prec
    try:
        while stack:
            b = stack.popleft()
            n += 1
            if n > max_boxes:
                return Certificate("FAILED", _named(syms, box.values()), n, _named(syms, b),
                                   f"undecided after {max_boxes} boxes")
            try:
                vals = f(*[_interval(lo, hi) for lo, hi in b])
                truth = {r: _truth(r, vals[2 * i]) for i, r in enumerate(rels)}
            except (ZeroDivisionError, ArithmeticError, ValueError, TypeError):  # undecided on this box
                truth = {r: None for r in rels}
            h = _three(hyp, truth)
            if h is False:
                continue
            c = _three(concl, truth)
            if c is True:
                continue
            if c is False and h is True:
                return Certificate("FAILED", _named(syms, box.values()), n, _named(syms, b),
                                   "the conclusion is false on this whole box")
            stack.extend(_split(b, syms, root))
    finally:
        iv.prec = old
    return Certificate("CERTIFIED", _named(syms, box.values()), n,
                       reason=f"strict hypotheses tightened to a margin of at least {delta}" if delta else "no tightening")


def _split(b, syms, root):
    """Split the side that is widest relative to the original box (log scale for positive variables)."""
    widths = []
    for (lo, hi), s, (L, H) in zip(b, syms, root):
        if lo > 0 and L > 0 and s.is_positive:
            widths.append(mpmath.log(hi / lo) / mpmath.log(H / L))
        else:
            widths.append((hi - lo) / (H - L))
    i = max(range(len(b)), key=lambda j: widths[j])
    lo, hi = b[i]
    mid = mpmath.sqrt(lo * hi) if lo > 0 else (lo + hi) / 2
    left, right = list(b), list(b)
    left[i], right[i] = (lo, mid), (mid, hi)
    return [tuple(left), tuple(right)]


def _named(syms, ranges) -> dict:
    return {s.name: [str(lo), str(hi)] for s, (lo, hi) in zip(syms, ranges)}
