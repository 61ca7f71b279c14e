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
from functools import lru_cache

from sympy import And, Equivalent, Implies, Not, Or, Rational, Symbol, exp, minimal_polynomial, nan, postorder_traversal, zoo
from sympy.core.evalf import PrecisionExhausted
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

_X = Symbol("x")


def rational(text: str) -> Rational:
    """``"3/7"``, ``"-2"``, ``"0.125"`` as an exact SymPy rational."""
    return Rational(Fraction(str(text)))


class TooHard(ArithmeticError):
    """A value whose sign exact evaluation cannot reach in reasonable time (``exp(exp(1000))``): neither true nor
    false, so a point that needs it is no counterexample and no witness."""


#: the largest argument of exp whose value is computed: exp(exp(1000)) has about 10^434 digits before the point
EXP_ARGUMENT_MAX = 10**4


def _brief(v) -> str:
    """``v`` for a message: as SymPy prints it, or to six digits where that text would be long (SymPy cannot
    even print an integer beyond 4300 digits: found by salign selftest -n 10000 --seed 12, statement 2918)."""
    try:
        text = str(v)
    except ValueError:
        text = ""
    if text and len(text) <= 200:
        return text
    try:
        return f"{v.evalf(6)} (shortened)" if getattr(v, "is_Number", False) else f"{text[:200]}... (shortened)"
    except (ValueError, TypeError):
        return "(a number too long to print)"


def _within_reach(v) -> None:
    """Raise :class:`TooHard` if ``v`` applies exp to a number beyond :data:`EXP_ARGUMENT_MAX` (inner ones first)."""
    for node in postorder_traversal(v):
        if isinstance(node, exp) and not node.args[0].is_Rational:
            a = node.args[0].evalf(15)
            if a.is_Number and abs(a) > EXP_ARGUMENT_MAX:
                raise TooHard(f"exp of {a} is beyond exact evaluation")
        elif isinstance(node, exp) and abs(node.args[0]) > EXP_ARGUMENT_MAX:
            raise TooHard(f"exp({_brief(node.args[0])}) is beyond exact evaluation")


def sign_of_number(v) -> int | None:
    """The exact sign of a real number expression: -1, 0, 1; ``None`` if it is undefined or not real.  Raises
    :class:`TooHard` where it cannot be computed in reasonable time."""
    if v.has(zoo, nan) or v.has(Symbol):
        return None
    _within_reach(v)
    if v.is_Rational:
        return int(bool(v > 0)) - int(bool(v < 0))
    try:  # SymPy's evalf reaches the requested correct digits or says it cannot: a non-zero real number's sign
        # (numbers first: SymPy's assumptions, is_zero included, can take minutes on nested radicals)
        approx = v.evalf(60, strict=True)
        if approx.is_Number and approx != 0:
            return 1 if approx > 0 else -1
    except PrecisionExhausted:  # zero, or closer to it than evalf reaches: the minimal polynomial decides
        pass
    except (ValueError, TypeError):
        return None
    degree = _algebraic_degree_bound(v)
    if degree > MAX_DEGREE:
        raise TooHard(f"{_brief(v)} is zero to 60 digits and of degree up to {degree}")
    if v.is_real is False or v.as_real_imag()[1] != 0:
        return None
    if v.is_zero:
        return 0
    try:
        if minimal_polynomial(v, _X) == _X:
            return 0
    except Exception:  # noqa: BLE001 - not algebraic (pi, E): the numeric sign below decides it
        pass
    try:
        approx = v.evalf(120, maxn=2000, strict=True)
    except PrecisionExhausted:
        raise TooHard(f"the sign of {_brief(v)} is beyond 2000 digits") from None
    if not approx.is_Number or approx == 0:
        return None
    return 1 if approx > 0 else -1


#: the largest degree of an algebraic number whose minimal polynomial is computed (a resultant of that degree;
#: ``N_B^(37/61)`` nested in a sum held a selftest worker for minutes, found by salign selftest --seed 6)
MAX_DEGREE = 48


def _algebraic_degree_bound(v) -> int:
    """An upper bound of the degree of ``v`` over the rationals: the product of the denominators of its radicals."""
    out = 1
    for node in postorder_traversal(v):
        if node.is_Pow and node.exp.is_Rational and not node.exp.is_Integer:
            out *= int(node.exp.q)
    return out


def value_at(expr, vals: dict):
    """``expr`` at ``vals``, exactly; ``nan`` where it has no value (SymPy refuses ``max(zoo, 1)``, ``max(I, 1)``)."""
    try:
        return expr.xreplace(vals)
    except (TypeError, ValueError):
        return nan


def _relation_sign(rel, vals: dict) -> int | None:
    """The sign of ``lhs - rhs`` at ``vals``; ``None`` if either side is undefined or not real (the imaginary
    parts of two non-real sides may cancel in their difference)."""
    lhs, rhs = value_at(rel.lhs, vals), value_at(rel.rhs, vals)
    if any(not v.is_Rational and sign_of_number(v) is None for v in (lhs, rhs)):
        return None
    return sign_of_number(lhs - rhs)


@lru_cache(maxsize=4096)
def _guards(rel) -> tuple:
    from salign.theory.claim import definedness

    return tuple(definedness(rel))


def truth(b, vals: dict) -> bool:
    """Is the boolean ``b`` true at ``vals`` (symbol -> exact number)?  Undefined relations are false."""
    if isinstance(b, (BooleanTrue, bool)) and b:
        return True
    if isinstance(b, (BooleanFalse, bool)):
        return False
    if isinstance(b, Relational):
        # where a side is undefined the relation is false, with the guards every checker reads (the table of
        # meaning, salign.theory.claim.definedness): a logarithm of a negative number is undefined even inside
        # Abs, whose value would be real (found by salign selftest -n 10000 --seed 5: |log(-G_B2)| < 4 held here
        # while the prover and the verifier read it as false); a guard over symbols the point lacks is not judged
        for g in _guards(b):
            if isinstance(g, (BooleanFalse, bool)) and not g:
                return False
            if not isinstance(g, (BooleanTrue, bool)) and g.free_symbols <= set(vals) and not truth(g, vals):
                return False
        s = _relation_sign(b, vals)
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
        if not isinstance(s, Symbol) or v is nan:  # undefined at the point (see realizations): no value to judge
            continue
        if s.is_integer and not v.is_integer:
            bad.append(f"{s.name} = {v} is not an integer")
        if s.is_positive and not bool(v > 0):
            bad.append(f"{s.name} = {v} is not positive")
        elif s.is_nonnegative and not bool(v >= 0):
            bad.append(f"{s.name} = {v} is negative")
    return bad


#: the whole exponents tried for ``t`` where a point needs one and the solver's model did not give it
T_CANDIDATES = (0, 1, 2, 3)


def realizations(vals: dict, essential=None) -> list[dict]:
    """The states of the model that ``vals`` stands for: each derived symbol present (``a_inf``, ``p``, ``u``,
    ``R``, ...) recomputed from its definition in the table of meaning (:func:`salign.theory.meaning.evaluate`)
    wherever all of that definition's symbols are present (with ``t`` tried at 0..3 when the point lacks a whole
    one); a symbol whose definition has no value there (``a_inf`` at ``rho_D = 1``, ``u`` at ``rho_B = 0``) is NaN
    in that state, so every relation about it is false.  A point without derived symbols is its own state.
    Where a definition's symbols are not all present the value is any the definition can reach (e.g.
    ``p = rho_D`` at ``t = 1``), so it is kept as given.  ``essential``: the symbols the statement itself uses;
    one of the others whose definition has no value at the point (``v`` at ``rho_D = 0``) only helps state
    another's facts, and keeps its value."""
    from sympy import Integer

    from salign.theory import symbols as S
    from salign.theory.meaning import MEANING, TooLarge, evaluate

    defined = {s: m.definition for s, m in MEANING.items() if s in vals}
    if not defined:
        return [vals]
    uses_t = any(S.t in d.free_symbols and (d.free_symbols - {S.t}) <= set(vals) for d in defined.values())
    whole_t = S.t in vals and vals[S.t].is_integer and vals[S.t] >= 0  # the solvers treat t as a real
    ts = [None] if whole_t or not uses_t else [Integer(t) for t in T_CANDIDATES]
    out = []
    for t in ts:
        v = dict(vals) if t is None else {**vals, S.t: t}
        try:
            got = evaluate(v, only=set(defined))
        except TooLarge:  # rho_D^t at t = 10^9: no state this point stands for can be checked exactly
            continue
        for s in defined:
            if got[s] is nan and essential is not None and s not in essential:
                continue  # undefined here and only a helper of another link (its facts are guarded): as given
            if got[s] is not nan and not got[s].is_Rational:
                got[s] = nan if essential is None or s in essential else v[s]
            v[s] = got[s]
        out.append(v)
    return out


def point(model: dict, symbols) -> dict:
    """The solver's model (name -> rational text) as ``{symbol: Rational}`` for ``symbols``."""
    by_name = {s.name: s for s in symbols}
    return {by_name[n]: rational(v) for n, v in model.items() if n in by_name}


def check_counterexample(hyps, concl, vals: dict) -> tuple[bool, str]:
    """Do the hypotheses hold and the conclusion fail at ``vals``, exactly, inside every symbol's domain?"""
    try:
        return _check_counterexample(hyps, concl, vals)
    except TooHard as e:
        return False, f"the point is beyond exact evaluation ({e})"


def _check_counterexample(hyps, concl, vals: dict) -> tuple[bool, str]:
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
        return [b] if _relation_sign(b, vals) is None else []
    return [a for arg in getattr(b, "args", ()) for a in undefined_atoms(arg, vals)]


def check_witness(hyps, vals: dict) -> tuple[bool, str]:
    """Do all hypotheses hold at ``vals``, exactly, inside every symbol's domain?"""
    try:
        return _check_witness(hyps, vals)
    except TooHard as e:
        return False, f"the point is beyond exact evaluation ({e})"


def _check_witness(hyps, vals: dict) -> tuple[bool, str]:
    bad = domain_violations(vals)
    if bad:
        return False, "the point leaves the domain: " + "; ".join(bad)
    if not all(truth(h, vals) for h in hyps):
        return False, "a hypothesis does not hold exactly at the point"
    return True, "every hypothesis holds, in exact rational arithmetic"
