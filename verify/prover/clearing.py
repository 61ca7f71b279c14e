"""Rewriting a proposition into a form solvers handle well, and SymPy's own exact certificates.

*Clearing denominators*: a relation ``l op r`` with ``l - r = N / D`` becomes
``D != 0 and sign(D) N op 0`` once the sign of ``D`` (where it is non-zero) is proved;
that is the same atom, since ``l - r`` is defined exactly where ``D != 0``.  Each
sign is proved by structure (SymPy: a sum of products of non-negative factors) or by
a solver, and kept as evidence: an *obligation*, with the routes that proved it.

*Certificates* (checked by SymPy in exact arithmetic, no solver involved):

* an identity: ``lhs - rhs`` over one denominator has a zero numerator;
* positivity: after substituting ``x = y + delta`` (``delta > 0``) for hypotheses
  ``x > y`` on variables, the cleared numerator is a polynomial whose coefficients
  all have one sign in non-negative variables (with a strictly positive term where
  the relation is strict);
* a factorisation into factors of known sign (even powers, factors positive by the
  domain, factors with a positivity certificate).
"""

from __future__ import annotations

from functools import lru_cache
from math import comb

from sympy import Abs, And, Dummy, Max, Min, Mul, Ne, Poly, Symbol, exp, expand, fraction, log, together
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanFunction, BooleanTrue
from sympy.polys.polyerrors import PolynomialError

from salign.theory.derivation import is_zero

from .factoring import factor_list_q, factor_q
from .solvers import both_answers
from .translate import Negated


def identity(concl) -> bool:
    """Is ``concl`` an equation whose sides agree as rational functions (a SymPy identity)?"""
    return isinstance(concl, Relational) and concl.rel_op == "==" and is_zero(concl.lhs - concl.rhs)


# --- signs by structure ----------------------------------------------------------------------------------

def structural_sign(D):
    """+1 if ``D >= 0`` on the domain by structure, -1 if ``D <= 0``, else None.

    ``D`` is collected in the non-negative symbols it is linear in; if every
    coefficient, once factored, is non-negative by SymPy's assumptions (squares,
    positive symbols), so is ``D``.
    """
    if D.is_nonnegative:
        return 1
    if D.is_nonpositive:
        return -1
    try:
        lin = sorted((s for s in D.free_symbols if s.is_nonnegative and Poly(D, s).degree() == 1), key=str)
        if not lin:
            return None
        P = Poly(D, *lin)
    except PolynomialError:  # not a polynomial in its symbols (a root inside): leave it to the solvers
        return None
    signs = set()
    for monom, c in P.terms():
        if any(e > 1 for e in monom):
            return None
        fc = factor_q(c)
        if fc.is_nonnegative:
            signs.add(1)
        elif fc.is_nonpositive:
            signs.add(-1)
        else:
            return None
    return signs.pop() if len(signs) == 1 else None


class Signs:
    """Proved signs of denominators and factors, memoised per (expression, context) for one prover run (only
    answers no time limit shaped, so that a loaded machine never leaves a weaker answer behind)."""

    def __init__(self, timeout_s: float):
        self.timeout_s = timeout_s
        self.memo: dict = {}

    def of(self, D, hyps, structural=False) -> tuple[int, dict] | None:
        """The sign of ``D`` where it is non-zero, proved on the domain (then under ``hyps``), or None.
        ``structural``: :func:`structural_sign` of ``D`` if already computed (it is SymPy work)."""
        st = structural_sign(D) if structural is False else structural
        if st is not None:
            return st, {"statement": f"{'+' if st > 0 else '-'}({D}) >= 0 by structure", "routes": ["sympy"]}
        for context in ((), tuple(hyps)):
            key = (D, context)
            if key in self.memo:
                found = self.memo[key]
            else:
                found, complete = None, True
                for sign, goal in ((1, D > 0), (-1, D < 0)):
                    answers = both_answers(list(context) + [Ne(D, 0), Negated(goal)], self.timeout_s)
                    complete = complete and all(a.get("ended_by") in ("answer", "rlimit") for a in answers)
                    routes = sorted(a["solver"] for a in answers if a["result"] == "unsat")
                    if routes:
                        found = (sign, {"statement": f"({D}) {'>' if sign > 0 else '<'} 0 where non-zero, "
                                        f"{'on the domain' if not context else 'under the hypotheses'}",
                                        "routes": routes})
                        break
                if complete:  # remembered unless the wall clock ended a search (resource limits are the same
                    self.memo[key] = found  # on every machine: an answer they shaped is the same answer anywhere)
            if found is not None:
                return found
        return None


def _transcendental(e) -> bool:
    """Does ``e`` apply exp, log, Abs, Max or Min to a symbol?  SymPy's multivariate factorisation takes each such
    term as one more generator, and on a few of them nested in a polynomial it can run for minutes (found by
    ``salign selftest``: ``exp(dL^3)`` beside ``exp(exp(G_B1 dL_B))``), with no budget to stop it; factoring is
    only a simplification here, so such an expression is kept whole."""
    return any(f.free_symbols for f in e.atoms(exp, log, Abs, Max, Min))


@lru_cache(maxsize=4096)
def _positive_factors_dropped(N):
    """``N`` without the factors SymPy's assumptions prove positive (eta, lambda^2, a, ...).  Remembered: the
    same numerators recur in every staged formulation and scope of a run."""
    if N == 0 or _transcendental(N):
        return N
    try:
        coeff, factors = factor_list_q(N)
    except PolynomialError:
        return N
    keep = [f**k for f, k in factors if not f.is_positive]
    return (1 if coeff > 0 else -1) * Mul(*keep)


def _denominator_factors(D):
    """The SymPy half of :func:`denominator_sign`: ``("known", sign)`` if ``D`` is sign-definite as written,
    else ``("factors", coeff, [(factor, power, positive?, structural sign)])``."""
    for sign, known in ((1, D.is_nonnegative), (-1, D.is_nonpositive)):  # as written: sums of products of squares
        if known:
            return ("known", sign)
    try:
        coeff, factors = (1, [(D, 1)]) if _transcendental(D) else factor_list_q(D)
    except PolynomialError:
        coeff, factors = 1, [(D, 1)]
    rows = []
    for f, k in factors:
        positive = bool(k % 2 == 1 and f.is_positive)
        rows.append((f, k, positive, structural_sign(f) if k % 2 == 1 and not positive else None))
    return ("factors", coeff, rows)


def denominator_sign(D, hyps, signs: Signs, factors=None):
    """The proved sign of ``D`` where non-zero: the product of its factors' signs, with the evidence.
    ``factors``: :func:`_denominator_factors` of ``D`` if already computed."""
    factors = factors or _denominator_factors(D)
    if factors[0] == "known":
        sign = factors[1]
        return sign, [{"statement": f"{'+' if sign > 0 else '-'}({D}) >= 0 as written (SymPy)", "routes": ["sympy"]}]
    _, coeff, rows = factors
    sign, evidence = (1 if coeff > 0 else -1), []
    for f, k, positive, structural in rows:
        if k % 2 == 0:
            evidence.append({"statement": f"({f})^{k} > 0 where non-zero (even power)", "routes": ["sympy"]})
            continue
        if positive:
            evidence.append({"statement": f"{f} > 0 (domain)", "routes": ["sympy"]})
            continue
        found = signs.of(f, hyps, structural)
        if found is None:
            return None
        sign *= found[0]
        evidence.append(found[1])
    return sign, evidence


@lru_cache(maxsize=4096)
def _numerator_denominator(e):
    """``e`` as one fraction ``(N, D)``; remembered (the moment constraints recur in every problem of a run)."""
    return fraction(together(e))


def _fractions(diffs) -> dict:
    """Pass 1 of clearing, pure SymPy: each ``l - r`` as ``(N, D, factors of D)`` (None for a numeric ``D``)."""
    out = {}
    for e in diffs:
        N, D = _numerator_denominator(e)
        out[e] = (N, D, None if D.is_number else _denominator_factors(D))
    return out


def _cleared_numerators(numerators) -> dict:
    """Pass 2 of clearing, pure SymPy: each numerator expanded, without the factors known to be positive."""
    return {N: _positive_factors_dropped(expand(N)) for N in numerators}


# --- SymPy work that --timeout stops ---------------------------------------------------------------------

#: an expression whose expansion has at most this many terms (:func:`expansion_size`) is handled in this process:
#: SymPy's polynomial algebra on it takes milliseconds.  A larger one goes to a child process that the
#: preprocessing limit stops (:func:`salign.verify.prover.budget.bounded`): a degree-14 power of a sum of ten
#: symbols has 817,190 terms, and expanding it takes minutes.
IN_PROCESS_TERMS = 5000
_SIZE_CAP = 10**12


@lru_cache(maxsize=8192)
def expansion_size(e) -> int:
    """An upper bound on the number of terms of ``e`` fully expanded (a product multiplies its factors' counts, a
    whole power ``(t_1 + ... + t_k)^n`` has ``C(n + k - 1, k - 1)``), capped at 10^12.  A bound of the work of
    ``expand``, ``together`` and ``factor``, found without doing it: deterministic, so the same expressions run in
    process on every machine."""
    if not getattr(e, "args", ()):
        return 1
    if e.is_Add or isinstance(e, Relational) or isinstance(e, BooleanFunction):
        return min(_SIZE_CAP, sum(expansion_size(a) for a in e.args))
    if e.is_Mul:
        out = 1
        for a in e.args:
            out = min(_SIZE_CAP, out * expansion_size(a))
        return out
    if e.is_Pow:
        k = expansion_size(e.base)
        if e.exp.is_Integer and k > 1:
            n = abs(int(e.exp))
            return min(_SIZE_CAP, comb(n + k - 1, k - 1)) if n < _SIZE_CAP else _SIZE_CAP
        return min(_SIZE_CAP, k * expansion_size(e.exp))
    return min(_SIZE_CAP, sum(expansion_size(a) for a in e.args))


def small(*exprs) -> bool:
    """Is the SymPy algebra on ``exprs`` cheap enough for this process (see :data:`IN_PROCESS_TERMS`)?"""
    return all(expansion_size(x) <= IN_PROCESS_TERMS for x in exprs)


def stoppable(fn, args: tuple, exprs, limit_s: float | None, phase: str, timeout_s: float | None = None):
    """``fn(*args)``: here if the algebra on ``exprs`` is small (or ``limit_s`` is None), else in a child process
    stopped after ``limit_s`` seconds (:class:`~salign.verify.prover.budget.PhaseTimeout`, naming ``phase``)."""
    from .budget import bounded

    if limit_s is None or small(*exprs):
        return fn(*args)
    return bounded(fn, args, limit_s, phase, timeout_s)


#: what the two passes computed, per expression (the same relations recur in every problem of a run)
_ALGEBRA: dict = {}
_ALGEBRA_MAX = 20_000


def _algebra(fn, items, limit_s, phase, timeout_s=None):
    """``fn(items)`` for the items not yet computed (:func:`stoppable`: the small ones here, the others in a child
    process stopped after ``limit_s`` seconds), merged into :data:`_ALGEBRA`."""
    todo = list(dict.fromkeys(x for x in items if (fn.__name__, x) not in _ALGEBRA))
    got = {}
    here = [x for x in todo if limit_s is None or small(x)]
    if here:
        got.update(fn(here))
    there = [x for x in todo if x not in got]
    if there:
        got.update(stoppable(fn, (there,), there, limit_s, phase, timeout_s))
    if len(_ALGEBRA) > _ALGEBRA_MAX:
        _ALGEBRA.clear()
    _ALGEBRA.update({(fn.__name__, x): v for x, v in got.items()})
    return {x: got[x] if x in got else _ALGEBRA[(fn.__name__, x)] for x in items}


def _relations(b):
    if isinstance(b, Relational):
        yield b
    elif not isinstance(b, (BooleanTrue, BooleanFalse)) and getattr(b, "args", ()):
        for a in b.args:
            yield from _relations(a)


def clear_denominators(hyps, concl, signs: Signs, limit_s: float | None = None, timeout_s: float | None = None):
    """Rewrite each relation ``l op r`` as ``D != 0 and N op' 0`` where the sign of ``D`` is proved.

    Returns ``(hyps', concl', obligations)``: the same proposition atom by atom, and the
    sign proofs it rests on.  Atoms whose denominator's sign cannot be proved are left as stated.
    The SymPy work (fractions, factorisations, expansions) on large expressions runs in a child process
    stopped after ``limit_s`` seconds (:func:`stoppable`; :class:`~salign.verify.prover.budget.PhaseTimeout`,
    naming the phase); the signs' solver calls have their own budgets.
    """
    obligations: list = []
    rels = list(dict.fromkeys(r for b in (*hyps, concl) for r in _relations(b)))
    fractions = _algebra(_fractions, [r.lhs - r.rhs for r in rels], limit_s, "clearing denominators", timeout_s)
    plans = {}
    for rel in rels:
        N, D, factors = fractions[rel.lhs - rel.rhs]
        if D.is_number:
            plans[rel] = (N, D < 0, None, ())
            continue
        found = denominator_sign(D, hyps, signs, factors)
        if found is not None:
            sign, evidence = found
            plans[rel] = (N, sign < 0, Ne(D, 0), evidence)
    cleared = _algebra(_cleared_numerators, [N for N, *_ in plans.values() if not N.is_number], limit_s,
                       "clearing denominators: expanding the numerators", timeout_s)

    def rewrite(rel):
        if rel not in plans:
            return rel
        N, flip, guard, evidence = plans[rel]
        N2 = N if N.is_number else cleared[N]
        op = rel.rel_op
        if flip:
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[op]
        try:
            new = Relational(N2, 0, op)
        except TypeError:  # SymPy refuses to compare a value it knows is not real (log(-t) once log(-t log 2) is
            return rel  # expanded; found by salign selftest --seed 7): left as stated, read with its guards
        obligations.extend(e for e in evidence if e not in obligations)
        if guard is None or isinstance(new, BooleanFalse):
            return new
        return guard if isinstance(new, BooleanTrue) else And(guard, new)

    def walk(b):
        if isinstance(b, Relational):
            return rewrite(b)
        if isinstance(b, (BooleanTrue, BooleanFalse)) or not getattr(b, "args", ()):
            return b
        return b.func(*[walk(a) for a in b.args])

    return [walk(h) for h in hyps], walk(concl), obligations


# --- SymPy certificates --------------------------------------------------------------------------------

def _gap_substitution(hyps):
    """Slack variables for linear hypotheses: ``e > 0`` linear in a variable ``x`` (coefficient +-1) becomes
    ``x = (delta - rest) / c`` with ``delta > 0`` (``>= 0`` for non-strict), in turn.

    Each substituted hypothesis then holds identically, so proving the conclusion for every
    value of the slack variables proves it under these hypotheses (the others are dropped,
    and so is the substituted variable's own domain: both only make the statement stronger).
    """
    sub, stated = {}, []
    for h in hyps:
        if not isinstance(h, Relational) or h.rel_op not in ("<", "<=", ">", ">="):
            continue
        e = ((h.lhs - h.rhs) if h.rel_op in (">", ">=") else (h.rhs - h.lhs)).xreplace(sub)
        e = expand(e)
        for x in sorted(e.free_symbols, key=str):
            if not isinstance(x, Symbol) or isinstance(x, Dummy):
                continue
            c, rest = e.coeff(x, 1), e.coeff(x, 0)
            if c not in (1, -1) or expand(c * x + rest - e) != 0 or x in rest.free_symbols:
                continue
            strict = h.rel_op in ("<", ">")
            delta = Dummy(f"delta_{x.name}", positive=True) if strict else Dummy(f"delta_{x.name}", nonnegative=True)
            value = (delta - rest) / c
            sub = {k: v.xreplace({x: value}) for k, v in sub.items()}
            sub[x] = value
            stated.append(f"{h} as {x} = {value}")
            break
    return sub, stated


def polynomial_sign(expr, strict: bool):
    """+1 / -1 if ``expr`` is a polynomial in non-negative variables whose coefficients all have that sign
    (``strict``: with a term that is strictly positive everywhere: a constant or a monomial in positive
    variables), else None."""
    expr = expand(expr)
    if expr.is_number:  # a constant SymPy cannot decide (log 6 - log 2 - log 3) has no sign here
        return 1 if expr.is_positive else -1 if expr.is_negative else (None if strict or not expr.is_zero else 1)
    try:
        P = Poly(expr, *sorted(expr.free_symbols, key=str))
    except PolynomialError:
        return None
    if not all(g.is_nonnegative for g in P.gens):
        return None
    signs = {1 if c.is_positive else -1 if c.is_negative else None for _, c in P.terms()}
    if len(signs) != 1 or None in signs:
        return None
    if strict and not any(all(g.is_positive for g, e in zip(P.gens, mon) if e) for mon, _ in P.terms()):
        return None
    return signs.pop()


def positivity_certificate(rel, hyps):
    """SymPy's own proof of a relation ``l op r`` (op in ``> >= < <=``) under ``hyps``, or None.

    After the shift of :func:`_gap_substitution`, ``l - r = N / D`` where ``D`` is strictly
    sign-definite by its coefficients (so the relation is defined) and ``N`` has
    coefficients of the one sign the relation needs.
    """
    if isinstance(rel, And):
        parts = [positivity_certificate(a, hyps) for a in rel.args]
        return None if any(p is None for p in parts) else {"rule": "each conjunct", "parts": parts}
    if not isinstance(rel, Relational) or rel.rel_op not in (">=", ">", "<=", "<"):
        return None
    if rel.count_ops() > CERTIFICATE_MAX_OPS:
        return None
    sub, stated = _gap_substitution(hyps)
    N, D = fraction(together((rel.lhs - rel.rhs).xreplace(sub)))
    dsign = polynomial_sign(D, strict=True)
    if dsign is None:
        return None
    strict = rel.rel_op in (">", "<")
    nsign = polynomial_sign(N, strict=strict)
    want = 1 if rel.rel_op in (">", ">=") else -1
    if nsign is None or nsign * dsign != want:
        return None
    return {"rule": "coefficient signs after a shift", "substitution": stated,
            "numerator_sign": "+" if nsign > 0 else "-", "denominator_sign": "+" if dsign > 0 else "-"}


#: certificates are SymPy work; past this size they cost more than the solvers they would confirm
CERTIFICATE_MAX_OPS = 300


def _factor_sign(f):
    """``(sign, strict)`` of a factor by structure alone, or None."""
    if f.is_positive:
        return 1, True
    if f.is_negative:
        return -1, True
    st = structural_sign(f)
    if st is not None:
        return st, False
    ps = polynomial_sign(f, strict=True)
    if ps is not None:
        return ps, True
    ps = polynomial_sign(f, strict=False)
    return (ps, False) if ps is not None else None


def factor_certificate(rel):
    """SymPy's proof of ``l op r`` (op in ``> >= < <=``) from a factorisation of ``l - r`` into factors of
    known sign (even powers, factors positive or non-negative by structure), or None."""
    if isinstance(rel, And):
        parts = [factor_certificate(a) for a in rel.args]
        return None if any(p is None for p in parts) else {"rule": "each conjunct", "parts": parts}
    if not isinstance(rel, Relational) or rel.rel_op not in (">=", ">", "<=", "<"):
        return None
    N, D = fraction(together(rel.lhs - rel.rhs))
    if D.count_ops() + N.count_ops() > CERTIFICATE_MAX_OPS:
        return None
    sign, strict, evidence = 1, True, []
    for part, need_strict in ((N, False), (D, True)):
        try:
            coeff, factors = factor_list_q(part)
        except PolynomialError:
            return None
        sign *= 1 if coeff > 0 else -1 if coeff < 0 else 0
        for f, k in factors:
            if k % 2 == 0:
                if need_strict:
                    return None  # a square in the denominator may vanish: definedness is not shown
                strict = False
                evidence.append(f"({f})^{k} >= 0")
                continue
            fs = _factor_sign(f)
            if fs is None or (need_strict and not fs[1]):
                return None
            sign *= fs[0]
            strict &= fs[1]
            evidence.append(f"({f}) {'>' if fs[0] > 0 else '<'}{'' if fs[1] else '='} 0")
    want = 1 if rel.rel_op in (">", ">=") else -1
    if sign != want or (rel.rel_op in (">", "<") and not strict):
        return None
    return {"rule": "factorisation into factors of known sign", "factors": evidence}
