"""Exact truth of a proposition at a point with rational (or algebraic) coordinates.

Every REFUTED and every witness of satisfiable hypotheses is checked here, in
SymPy's exact arithmetic, on the proposition *as stated* (before any rewriting
the prover did).  The reading is the same as the translator's and the verifier's:
a relation about an undefined value (a zero denominator) or a non-real one (the
square root of a negative number) is false.  A point must also respect every
symbol's domain: a positive symbol gets a positive value, an integer symbol a
whole number.
"""

from __future__ import annotations

from fractions import Fraction

from sympy import And, Equivalent, Implies, Not, Or, Rational, Symbol, minimal_polynomial, nan, zoo
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

_X = Symbol("x")


def rational(text: str) -> Rational:
    """``"3/7"``, ``"-2"``, ``"0.125"`` as an exact SymPy rational."""
    return Rational(Fraction(str(text)))


def sign_of_number(v) -> int | None:
    """The exact sign of a real number expression: -1, 0, 1; ``None`` if it is undefined or not real."""
    if v.has(zoo, nan) or v.has(Symbol):
        return None
    if v.is_Rational:
        return int(bool(v > 0)) - int(bool(v < 0))
    if v.is_real is False or v.as_real_imag()[1] != 0:
        return None
    if v.is_zero:
        return 0
    try:
        if minimal_polynomial(v, _X) == _X:
            return 0
    except Exception:  # noqa: BLE001 - not algebraic (pi, E) or too hard: the numeric sign below decides it
        pass
    approx = v.evalf(120)
    if not approx.is_Number:
        return None
    return 1 if approx > 0 else -1 if approx < 0 else None


def truth(b, vals: dict) -> bool:
    """Is the boolean ``b`` true at ``vals`` (symbol -> exact number)?  Undefined relations are false."""
    if isinstance(b, (BooleanTrue, bool)) and b:
        return True
    if isinstance(b, (BooleanFalse, bool)):
        return False
    if isinstance(b, Relational):
        s = sign_of_number((b.lhs - b.rhs).xreplace(vals))
        if s is None:
            return False
        return {"<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0, "==": s == 0, "!=": s != 0}[b.rel_op]
    if isinstance(b, And):
        return all(truth(a, vals) for a in b.args)
    if isinstance(b, Or):
        return any(truth(a, vals) for a in b.args)
    if isinstance(b, Not):
        return not truth(b.args[0], vals)
    if isinstance(b, Implies):
        return (not truth(b.args[0], vals)) or truth(b.args[1], vals)
    if isinstance(b, Equivalent):
        xs = [truth(a, vals) for a in b.args]
        return all(x == xs[0] for x in xs)
    raise TypeError(f"cannot decide {type(b).__name__}: {b}")


def domain_violations(vals: dict) -> list[str]:
    """The symbols whose value breaks their declared domain (positive, non-negative, integer)."""
    bad = []
    for s, v in vals.items():
        if not isinstance(s, Symbol):
            continue
        if s.is_integer and not v.is_integer:
            bad.append(f"{s.name} = {v} is not an integer")
        if s.is_positive and not bool(v > 0):
            bad.append(f"{s.name} = {v} is not positive")
        elif s.is_nonnegative and not bool(v >= 0):
            bad.append(f"{s.name} = {v} is negative")
    return bad


def point(model: dict, symbols) -> dict:
    """The solver's model (name -> rational text) as ``{symbol: Rational}`` for ``symbols``."""
    by_name = {s.name: s for s in symbols}
    return {by_name[n]: rational(v) for n, v in model.items() if n in by_name}


def check_counterexample(hyps, concl, vals: dict) -> tuple[bool, str]:
    """Do the hypotheses hold and the conclusion fail at ``vals``, exactly, inside every symbol's domain?"""
    bad = domain_violations(vals)
    if bad:
        return False, "the point leaves the domain: " + "; ".join(bad)
    if not all(truth(h, vals) for h in hyps):
        return False, "a hypothesis does not hold exactly at the point"
    if truth(concl, vals):
        return False, "the conclusion holds exactly at the point"
    if undefined_atoms(concl, vals):
        return True, ("hypotheses hold and the conclusion is undefined there (a denominator vanishes or a root is "
                      "not real), in exact rational arithmetic")
    return True, "hypotheses hold and the conclusion fails, in exact rational arithmetic"


def undefined_atoms(b, vals: dict) -> list:
    """The relations of ``b`` that have no value at ``vals`` (a zero denominator, a non-real root)."""
    if isinstance(b, Relational):
        return [b] if sign_of_number((b.lhs - b.rhs).xreplace(vals)) is None else []
    return [a for arg in getattr(b, "args", ()) for a in undefined_atoms(arg, vals)]


def check_witness(hyps, vals: dict) -> tuple[bool, str]:
    """Do all hypotheses hold at ``vals``, exactly, inside every symbol's domain?"""
    bad = domain_violations(vals)
    if bad:
        return False, "the point leaves the domain: " + "; ".join(bad)
    if not all(truth(h, vals) for h in hyps):
        return False, "a hypothesis does not hold exactly at the point"
    return True, "every hypothesis holds, in exact rational arithmetic"
