"""Evaluate the registry's expressions and relations on numbers.

``numeric`` lambdifies once per expression (cached) into mpmath, at the working
precision; ``exact`` substitutes rationals and returns a ``Fraction``.  Relations
evaluate to a *margin*: positive when the relation holds, negative when it fails,
so a checker can report the worst case.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import mpmath
from sympy import And, Basic, Eq, Equivalent, Implies, Not, Or, Rational, lambdify, sympify
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue


@lru_cache(maxsize=4096)
def _compiled(expr: Basic, names: tuple):
    syms = sorted(expr.free_symbols, key=lambda s: s.name)
    return syms, lambdify(syms, expr, modules="mpmath")


def numeric(expr, values: dict):
    """``expr`` at ``values`` (symbol -> number) in mpmath."""
    expr = sympify(expr)
    syms, f = _compiled(expr, ())
    missing = [s for s in syms if s not in values]
    if missing:
        raise KeyError(f"no value for {', '.join(s.name for s in missing)} in {expr}")
    return f(*[values[s] if isinstance(values[s], (bool, int)) else mpmath.mpf(values[s]) for s in syms])


def exact(expr, values: dict) -> Fraction:
    """``expr`` at rational ``values``, exactly."""
    sub = {s: Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
           for s, v in values.items() if s in expr.free_symbols}
    r = sympify(expr).xreplace(sub)
    if not r.is_Rational:
        raise ValueError(f"{expr} is not rational at these values: {r}")
    return Fraction(int(r.p), int(r.q))


def _real(x, rtol):
    """``x`` as a real mpf; ``None`` if it has a non-negligible imaginary part."""
    if isinstance(x, mpmath.mpc):
        if abs(x.imag) > rtol * max(1, abs(x.real)):
            return None
        return x.real
    return x


def _scale(*xs):
    return max([mpmath.mpf(1)] + [abs(mpmath.mpf(x)) for x in xs])


def margin(rel, values: dict, rtol):
    """How well ``rel`` holds at ``values``: ``> 0`` holds, ``< 0`` fails.

    ``Eq(l, r)`` has margin ``rtol - |l - r| / max(1, |l|, |r|)``; ``l < r`` has
    ``(r - l) / max(1, |l|, |r|) - band`` and ``l <= r`` the same ``+ band``, where
    ``band = 10^(12 - working dps)``: a tie fails a strict and passes a non-strict relation; ``And`` is the min,
    ``Or`` the max, ``Not`` flips, ``Implies(p, q)`` is ``max(-p, q)``.
    """
    if isinstance(rel, (BooleanTrue, bool)) and rel:
        return mpmath.mpf(1)
    if isinstance(rel, (BooleanFalse, bool)):
        return mpmath.mpf(-1)
    if isinstance(rel, Relational):
        lhs, rhs = _real(numeric(rel.lhs, values), rtol), _real(numeric(rel.rhs, values), rtol)
        if lhs is None or rhs is None:  # a relation between non-real numbers is false
            return mpmath.mpf(-1)
    if isinstance(rel, Eq):
        return rtol - abs(lhs - rhs) / _scale(lhs, rhs)
    if isinstance(rel, Relational):
        gap = {"<": rhs - lhs, "<=": rhs - lhs, ">": lhs - rhs, ">=": lhs - rhs}[rel.rel_op] / _scale(lhs, rhs)
        # a tie within the working precision's band counts as equality: strict fails, non-strict holds.
        # The band narrows when the verifier escalates precision, so true tiny signs are resolved.
        band = mpmath.mpf(10) ** (-mpmath.mp.dps + 12)
        return gap + band if rel.rel_op in ("<=", ">=") else gap - band
    if isinstance(rel, And):
        return min(margin(a, values, rtol) for a in rel.args)
    if isinstance(rel, Or):
        return max(margin(a, values, rtol) for a in rel.args)
    if isinstance(rel, Not):
        return -margin(rel.args[0], values, rtol)
    if isinstance(rel, Implies):
        return max(-margin(rel.args[0], values, rtol), margin(rel.args[1], values, rtol))
    if isinstance(rel, Equivalent):
        p, q = (margin(a, values, rtol) for a in rel.args)
        return max(min(p, q), min(-p, -q))
    if rel.is_Symbol and rel in values:
        return mpmath.mpf(1) if values[rel] else mpmath.mpf(-1)
    raise TypeError(f"cannot evaluate {rel!r} ({type(rel).__name__}) as a relation")
