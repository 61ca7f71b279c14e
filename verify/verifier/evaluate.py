"""Evaluate the registry's relations on numbers, with margins that respect cancellation.

Each proposition's relations are compiled once (lambdify into mpmath, cached) into
a single function returning, per relation, ``lhs``, ``rhs`` and the *magnitude*
of the terms they sum: every ``Add(a, b, ...)`` becomes ``|a| + |b| + ...``, and
an observable that is a difference of large quantities (the alignment change,
a loss change) is replaced by its own magnitude.  Margins are relative to that
magnitude, so ``x = y`` means "equal up to ``rtol`` of the size of what was
added", whatever the scale of the instance.
"""

from __future__ import annotations

from functools import lru_cache

import flint
import mpmath
from sympy import Abs, Add, And, Basic, Equivalent, Implies, Max, Min, Mul, Not, Or, Symbol, lambdify, sympify
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

from salign.theory import observables as O
from salign.theory.errors import UserError
from salign.theory.meaning import MEANING

from .arb import GUARD_BITS, to_arb, to_mpf

#: digits kept back from the working precision for rounding: a relation is decided to 10^(GUARD - dps)
GUARD_DIGITS = 12
#: the least precision that decides anything (below it the tolerance would swallow real errors)
MIN_DPS = 20


class PrecisionError(UserError):
    """A working precision too low to decide anything."""


@lru_cache(maxsize=64)
def tolerance(dps: int):
    """The one tolerance: relative ``10^(GUARD_DIGITS - dps)``.

    At the run's base precision it is the equality tolerance ``rtol``; at the current
    (possibly escalated) precision it is the band within which a strict relation counts
    as a tie.  Escalation (2x, 4x the digits) therefore narrows the band, so rounding
    noise that shrinks with precision is forgiven, but never widens ``rtol``: a constant
    off by a fixed relative amount above ``tolerance(dps)`` is caught at every precision.
    """
    if dps < MIN_DPS:
        raise PrecisionError(f"--dps {dps} decides nothing: the tolerance would be 10^{GUARD_DIGITS - dps}; "
                             f"use --dps {MIN_DPS} or more (default 50)")
    with mpmath.workdps(dps):  # the value depends on dps alone, never on the precision of the first caller
        return mpmath.mpf(10) ** (GUARD_DIGITS - dps)


#: observables whose value is a difference of larger terms: their magnitude symbol
MAGNITUDE = {s: Symbol(f"|{s.name}|", nonnegative=True) for s in (O.Dchi, O.dL_D, O.dL_B, O.dL, O.inc1, O.inc2)}


def magnitude(expr: Basic) -> Basic:
    """The size of the terms ``expr`` adds up: ``|a| + |b| + ...`` for every sum, recursively.

    Products and positive integer powers take the magnitudes of their factors; ``1/b^k`` is
    ``k |b|_mag / |b|^(k+1)`` (how far ``1/b^k`` moves when the terms of ``b`` move by a relative
    ``10^-dps``: never less than ``|1/b^k|``); ``|x|``, ``max`` and ``min`` those of their arguments
    (``|eta - eta_D|`` is as uncertain as the difference inside it); a derived symbol of
    :data:`salign.theory.meaning.MEANING` its value's size plus the magnitude of its definition
    (``rho_D = (1 - eta lambda_D)^2`` at ``eta = 1/lambda_D`` is a cancellation, not a small number);
    numbers and symbols of unknown sign their absolute value; anything else (roots, functions) its own
    absolute value.  Always non-negative.
    """
    expr = expr.xreplace(MAGNITUDE)
    if expr.is_Add or isinstance(expr, (Abs, Max, Min)):
        return Add(*[magnitude(a) for a in expr.args])
    if expr.is_Mul:
        return Mul(*[magnitude(a) for a in expr.args])
    if expr.is_Pow and expr.exp.is_Integer:
        if expr.exp < 0:
            k = -expr.exp
            return k * magnitude(expr.base) / Abs(expr.base) ** (k + 1)
        return magnitude(expr.base) ** expr.exp
    if expr in MEANING:
        return Abs(expr) + magnitude(MEANING[expr].definition)
    if expr.is_Symbol and expr.is_nonnegative:
        return expr
    return Abs(expr)


@lru_cache(maxsize=4096)
def _compiled(expr: Basic):
    syms = sorted(expr.free_symbols, key=lambda s: s.name)
    return syms, lambdify(syms, expr, modules="mpmath")


def _arg(v):
    return v if isinstance(v, (bool, int, mpmath.mpf, mpmath.mpc)) else mpmath.mpf(v)


def numeric(expr, values: dict):
    """``expr`` at ``values`` (symbol -> number) in mpmath."""
    expr = sympify(expr)
    syms, f = _compiled(expr)
    missing = [s for s in syms if s not in values]
    if missing:
        raise KeyError(f"no value for {', '.join(s.name for s in missing)} in {expr}")
    return f(*[_arg(values[s]) for s in syms])


#: lambdify namespace evaluating in python-flint arb balls.  SymPy's mpmath printer writes a rational
#: constant as mpf(p)/mpf(q), which here becomes an arb quotient at the working precision.
def _constant_balls(bits: int = 20_000) -> dict:
    """pi and e as balls far tighter than any working precision (about 6,000 digits), computed once."""
    saved, flint.ctx.prec = flint.ctx.prec, bits
    try:
        return {"pi": flint.arb.pi(), "e": flint.arb(1).exp()}
    finally:
        flint.ctx.prec = saved


def _ball_extremum(method: str):
    """max / min of balls as a ball that contains the true extremum (Python's max would pick one ball when
    they overlap, which need not contain it)."""
    def extremum(*xs):
        out = flint.arb(xs[0])
        for x in xs[1:]:
            out = getattr(out, method)(flint.arb(x))
        return out
    return extremum


ARB_NAMESPACE = {"mpf": flint.arb, "sqrt": lambda v: flint.arb(v).sqrt(), "fabs": abs,
                 "exp": lambda v: flint.arb(v).exp(), "log": lambda v: flint.arb(v).log(),
                 "max": _ball_extremum("max"), "min": _ball_extremum("min"), **_constant_balls()}


#: compiled bundles by the identity of their tuple of relations (the plans keep their tuples for the run):
#: looking a bundle up by value would compare SymPy trees on every check
_BY_ID: dict = {}


def compile_bundle(rels: tuple):
    """One function returning ``[lhs, rhs, magnitude]`` for each relation in ``rels``, in arb."""
    hit = _BY_ID.get(id(rels))
    if hit is not None and hit[0] is rels:
        return hit[1]
    out = _compile_bundle(rels)
    _BY_ID[id(rels)] = (rels, out)  # holds rels: its id is never reused while the entry lives
    return out


@lru_cache(maxsize=4096)
def _compile_bundle(rels: tuple):
    exprs = []
    for r in rels:
        exprs += [r.lhs, r.rhs, magnitude(r.lhs) + magnitude(r.rhs)]
    syms = sorted(set().union(*[e.free_symbols for e in exprs]) if exprs else set(), key=lambda s: s.name)
    return syms, lambdify(syms, exprs, modules=[ARB_NAMESPACE, "mpmath"])


@lru_cache(maxsize=64)
def _arb_constants(dps: int, rtol):
    """``(band, rtol)`` as exact balls for a working precision (built once)."""
    return to_arb(tolerance(dps)), to_arb(rtol)


class Undecided(ArithmeticError):
    """A relation whose sign the working precision cannot decide: its ball straddles the threshold.

    Raised in the inner loop and usually caught at once: the relation is printed only if the message is read.
    """

    def __init__(self, relation, dps: int):
        super().__init__(relation, dps)
        self.relation, self.dps = relation, dps

    def __str__(self) -> str:
        return f"the sign of {self.relation} is not decided at {self.dps} digits"


#: the margin of a relation whose value is undefined (a zero denominator) or not real: it does not hold
UNDEFINED = -1.0
#: ``+ +`` strict relations fail at a tie, non-strict ones hold; an equality holds, an inequation fails
_TIE = {"<": -1, ">": -1, "!=": -1, "<=": 1, ">=": 1, "==": 1}


def relation_gaps(rels: tuple, values: dict, arb_cache: dict | None = None) -> list:
    """Per relation ``(gap, mag)``, arb balls: ``gap`` is what must be positive (``r - l`` for ``<``,
    ``l - r`` for ``>``, ``l - r`` for ``==`` and ``!=``), ``mag`` the size of the terms it adds up;
    ``None`` where the relation's value is undefined or not real.  ``arb_cache`` (a context's) keeps
    each value's exact ball between calls."""
    if not rels:
        return []
    syms, f = compile_bundle(rels)
    cache = arb_cache if arb_cache is not None else {}
    args = []
    for s in syms:
        a = cache.get(s)
        if a is None:
            if s not in values:
                raise KeyError(f"no value for {s.name}")
            a = cache[s] = to_arb(values[s])
        args.append(a)
    flint.ctx.prec = mpmath.mp.prec + GUARD_BITS  # every arb computation here sets its own precision
    try:
        balls = f(*args)
    except TypeError:  # a complex value met an arb ball (a logarithm of a negative number on the way): not real
        if len(rels) > 1:  # there only: the bundle's other relations keep their values
            return [gap for r in rels for gap in relation_gaps((r,), values, arb_cache)]
        return [None]
    out = []
    for i, r in enumerate(rels):
        lhs, rhs, mag = (b if isinstance(b, flint.arb) else flint.arb(b) for b in balls[3 * i: 3 * i + 3])
        if not (lhs.is_finite() and rhs.is_finite() and mag.is_finite()):
            out.append(None)
            continue
        out.append(((rhs - lhs) if r.rel_op in ("<", "<=") else (lhs - rhs), abs(mag)))
    return out


def relation_margins(rels: tuple, values: dict, rtol, arb_cache: dict | None = None, ties=None,
                     rtol_scale: float = 1.0, stable=None, sharp: bool = False) -> list:
    """The margin of each relation of ``rels``, in order: ``> 0`` holds, ``< 0`` fails.

    ``l = r``: ``rtol - |l - r| / m``; ``l != r``: ``|l - r| / m - band``; ``l < r``: ``(r - l)/m - band``;
    ``l <= r``: ``(r - l)/m + band``, with ``m`` the magnitude of the terms and
    ``band = tolerance(working dps)``: a tie within the working precision fails a strict relation (and the
    engine re-judges it with more digits); a non-strict one whose gap is not certainly >= 0 but within the
    band is :class:`Undecided` (a tie, or a violation hidden by the size of the terms: more digits tell).
    A margin is decided by its arb ball: a ball that straddles 0 raises
    :class:`Undecided` (more digits decide it).  ``ties`` (indices) are relations known to be exact
    ties (see :func:`salign.verify.verifier.engine.confirm`); ``rtol_scale`` tightens the equality
    tolerance (hypotheses use a much tighter one than conclusions).  ``stable`` (indices) are relations whose
    gap stayed the same from 2x to 4x the digits: no tie, so an inequality or inequation among them is judged
    by the sign of its gap, however small (an equality among them is false).  At that re-judgement (``ties`` given),
    a strict relation or inequation still within the band that is neither a tie nor stable is :class:`Undecided`:
    a violation is reported only where the digits show one.  ``sharp`` (a hypothesis, before that re-judgement):
    a strict relation or inequation within the band is :class:`Undecided` too, never simply false: a
    hypothesis that holds by less than the band (``eta > eta_D (1 - 10^-45)`` at ``eta = eta_D``) would
    otherwise hide the very point where the conclusion fails.
    """
    band, arb_rtol = _arb_constants(mpmath.mp.dps, rtol)
    final = ties is not None  # the re-judgement at the highest precision (confirm): ties are known there
    if rtol_scale != 1.0:
        arb_rtol = arb_rtol * flint.arb(rtol_scale)
    out = []
    for i, (r, gm) in enumerate(zip(rels, relation_gaps(rels, values, arb_cache))):
        op = r.rel_op
        if ties and i in ties:
            out.append(_TIE[op] * float(band.mid()))
            continue
        if gm is None:
            out.append(UNDEFINED)
            continue
        gap, mag = gm
        rel = gap / mag if not mag.is_zero() else gap  # every term zero: the gap is zero too
        if stable and i in stable:  # no tie: judged by the sign of its gap, however small; an equality too (its
            # tolerance differs between a hypothesis and a conclusion, and the same relation in both read two ways:
            # H => H was REFUTED, found by salign selftest)
            m = abs(rel) if op == "!=" else -abs(rel) if op == "==" else rel
            if not (m > 0 or m < 0):
                raise Undecided(r, mpmath.mp.dps)
            out.append(_margin(m))
            continue
        if op == "==":
            m = arb_rtol - abs(rel)
        elif op == "!=":  # the negation of a tie: judged with the band, as a strict relation
            m = abs(rel) - band
            if (final or sharp) and not m > 0:  # neither a tie nor beyond the band: undecided (more digits)
                raise Undecided(r, mpmath.mp.dps)
        elif op in ("<=", ">="):
            if not rel >= 0 and not rel < -band:  # a tie at this precision that may hide a violation: more digits
                raise Undecided(r, mpmath.mp.dps)
            m = rel + band
        else:
            m = rel - band
            if (final or sharp) and not m > 0 and not rel < -band:  # within the band, yet no tie: undecided
                raise Undecided(r, mpmath.mp.dps)
        if not (m > 0 or m < 0):
            raise Undecided(r, mpmath.mp.dps)
        out.append(_margin(m))
    return out


def _margin(m):
    """A margin as a Python float (its sign and size are all that matter), or an mpf where a float would
    underflow and lose the sign (margins below 1e-300 only occur at hundreds of digits)."""
    x = float(m.mid())
    return x if abs(x) > 1e-300 else to_mpf(m)


def compile_boolean(b, rels: tuple):
    """``(margins, values) -> margin`` for the boolean ``b``, from the margins of ``rels`` (a list, in order).

    And takes the least margin, Or the greatest, Not flips it, an Equivalent holds when both sides
    agree; built once per proposition, so no SymPy object is touched while checking.
    """
    if isinstance(b, (BooleanTrue, bool)) and b:
        return lambda m, v: 1.0
    if isinstance(b, (BooleanFalse, bool)):
        return lambda m, v: -1.0
    if isinstance(b, Relational):
        i = rels.index(b)
        return lambda m, v: m[i]
    if getattr(b, "is_Symbol", False):  # a boolean atom given by the instance (the spectral gap)
        return lambda m, v: 1.0 if v[b] else -1.0
    parts = [compile_boolean(a, rels) for a in b.args]
    if isinstance(b, And):
        return lambda m, v: min(f(m, v) for f in parts)
    if isinstance(b, Or):
        return lambda m, v: max(f(m, v) for f in parts)
    if isinstance(b, Not):
        (f,) = parts
        return lambda m, v: -f(m, v)
    if isinstance(b, Implies):
        f, g = parts
        return lambda m, v: max(-f(m, v), g(m, v))
    if isinstance(b, Equivalent):  # all true or all false (any number of arguments)
        def equivalent(m, v):
            xs = [f(m, v) for f in parts]
            return max(min(xs), -max(xs))
        return equivalent
    raise TypeError(f"cannot evaluate {b!r} ({type(b).__name__}) as a relation")
