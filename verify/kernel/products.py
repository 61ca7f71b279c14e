"""Products of hypotheses for the kernel: a Positivstellensatz search on the Python side, checked by Coq.

``nra`` multiplies hypotheses two at a time; a goal such as ``(1 - eta l_D)^2 < (1 - eta l_B)^2`` from
``eta (l_B + l_D) < 2`` needs a product of three (``eta``, ``l_D - l_B`` and ``2 - eta (l_B + l_D)``).  This
module finds such products.  For each atomic goal ``g > 0`` (or ``>= 0``) of a proposition, with the facts
``f_i > 0`` / ``f_i >= 0`` that hold there (the solvers' domain and hypotheses, the antecedents of the goal's
implications and equivalences, and the goal's negation ``-g >= 0``), a linear program over the products of at
most three facts looks for non-negative weights ``c`` with

    sum_j c_j * prod_j  ==  -c_0      (an identity of polynomials; c_0 >= 0),

strictly positive somewhere (``c_0 > 0``, or a weight on a product of strict facts): a contradiction, so the
goal holds.  The LP (SciPy's HiGHS) runs in floating point; its support is re-solved in exact rationals and the
identity checked exactly before anything is emitted.

Nothing here is trusted.  What Coq receives is the list of products the certificate uses, each asserted with its
sign proved from the factors' (``Rmult_le_pos``, ``Rmult_lt_0_compat``, each factor's sign by ``lra`` from the
hypotheses in Coq's own context), after the goal is negated in Coq (``by_contra``); ``lra`` then finds the
weights again.  A wrong product (a factor whose sign does not follow, a product dropped) makes the script fail.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction

from sympy import And, Equivalent, Implies, Poly, fraction, together
from sympy.core.relational import Relational

#: products of at least this many facts are tried (with the goal's negation first) ...
DEGREE = 3
#: ... and of up to this many where the number of products stays within MAX_PRODUCTS (a small problem)
MAX_DEGREE = 5
#: the LP is given at most this many products (those with the goal's negation first)
MAX_PRODUCTS = 6000
#: the goal's negation is also multiplied by each monomial of the positive symbols up to this degree (a goal
#: ``Q > 0`` that only ``a b lambda_B^2 Q`` makes a combination of the facts: T3's quadratic in kappa)
MONOMIAL_DEGREE = 4


class Products(list):
    """A certificate: the products (tuples of facts) it weighs, and ``quotients``, ``(s, X, q)`` for each
    root ``s = sqrt(X)`` it was reduced by: the identity holds once ``q * (s^2 - X)`` is subtracted."""

    quotients: tuple = ()


@dataclass(frozen=True)
class Fact:
    """``poly > 0`` (strict) or ``poly >= 0``, a polynomial over the rationals."""

    poly: object  # sympy expression, a polynomial
    strict: bool
    #: ``B`` where the fact is ``0 <= B * B`` (proved by ``Rle_0_sqr``, not from the hypotheses)
    square: object = field(default=None, compare=False)
    #: a script proving the fact from Coq's context, where it is derived (not a hypothesis)
    proof: str = field(default="", compare=False)


@dataclass
class Certificate:
    """The products of facts (each a tuple of facts) whose weights close one atomic goal, and that goal."""

    goal: object
    products: list
    weights: list


def _sign(d, witness) -> int | None:
    from .export import _sign_at

    return _sign_at(d, witness)


def _facts_of(rel, witness) -> list[Fact]:
    """A relation as facts ``p > 0`` / ``p >= 0`` (an equation as two), its denominator cleared where its sign is
    known at the witness; [] where it is not (or for ``!=``)."""
    if not isinstance(rel, Relational) or rel.rel_op == "!=":
        return []
    n, d = fraction(together(rel.lhs - rel.rhs))
    if d.free_symbols:
        s = _sign(d, witness)
        if s is None:
            return []
        n = s * n
    elif d.is_number and d < 0:
        n = -n
    op = rel.rel_op
    if op in (">", ">="):
        return [Fact(n, op == ">")]
    if op in ("<", "<="):
        return [Fact(-n, op == "<")]
    return [Fact(n, False), Fact(-n, False)]  # ==


def _atoms(b) -> list:
    """The relations a boolean asserts as a conjunction (others: [])."""
    if isinstance(b, Relational):
        return [b]
    if isinstance(b, And):
        return [r for a in b.args for r in _atoms(a)]
    return []


def leaves(concl, assumed=()) -> list[tuple]:
    """``(goal relation, assumed relations)`` for each atomic goal of the conclusion: conjunctions split,
    an implication's or an equivalence's antecedent assumed."""
    if isinstance(concl, Relational):
        return [(concl, tuple(assumed))]
    if isinstance(concl, And):
        return [leaf for a in concl.args for leaf in leaves(a, assumed)]
    if isinstance(concl, Implies):
        return leaves(concl.args[1], (*assumed, *_atoms(concl.args[0])))
    if isinstance(concl, Equivalent) and len(concl.args) == 2:
        a, b = concl.args
        return leaves(b, (*assumed, *_atoms(a))) + leaves(a, (*assumed, *_atoms(b)))
    return []


def _goal_facts(goal, witness) -> list[tuple[Fact, object]]:
    """The negations of a goal, as facts, each with the goal it refutes (a ``!=`` goal: either sign)."""
    from sympy import Gt, Lt

    if goal.rel_op == "!=":
        n, d = fraction(together(goal.lhs - goal.rhs))
        s = _sign(n, witness) if not d.free_symbols else None
        tries = [Gt(goal.lhs, goal.rhs), Lt(goal.lhs, goal.rhs)]
        if s == -1:
            tries.reverse()
        return [(f, g) for g in tries for f in _negation(g, witness)]
    return [(f, goal) for f in _negation(goal, witness)]


def _negation(goal, witness) -> list[Fact]:
    from sympy import Ge, Gt, Le, Lt

    if not isinstance(goal, Relational):  # a comparison of numbers, decided on construction
        return []
    neg = {">": Le, ">=": Lt, "<": Ge, "<=": Gt}.get(goal.rel_op)
    return _facts_of(neg(goal.lhs, goal.rhs), witness) if neg else []


def _lp(columns: list[dict], strict: list[bool]) -> list[float] | None:
    """Weights ``c >= 0`` (and ``c_0``) with ``sum c_j col_j + c_0 == 0`` for every monomial, sum of weights 1,
    maximal weight on strict columns and ``c_0``; None if that maximum is 0."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import lil_matrix

    # the constant monomial always has its row: where no product has a constant term, c_0 must be 0 (without the
    # row, c_0 = 1 met every constraint, and the LP answered that, a "certificate" the exact check then rejected)
    monos = sorted({m for col in columns for m in col} | {None}, key=lambda m: (m is not None, m or ()))
    index = {m: i for i, m in enumerate(monos)}
    ncol = len(columns) + 1  # the last is c_0, the constant
    A = lil_matrix((len(monos) + 1, ncol))
    for j, col in enumerate(columns):
        for m, v in col.items():
            A[index[m], j] = float(v)
    A[index[None], ncol - 1] = 1.0
    A[len(monos), :] = 1.0
    b = np.zeros(len(monos) + 1)
    b[-1] = 1.0
    cost = -np.array([1.0 if s else 0.0 for s in strict] + [1.0])
    res = linprog(cost, A_eq=A.tocsr(), b_eq=b, bounds=(0, None), method="highs")
    if res.status != 0 or -res.fun < 1e-7:
        return None
    return list(res.x)


def _exact(columns: list[dict], strict: list[bool], support: list[int]) -> list[Fraction] | None:
    """Exact rational weights on ``support`` (the LP's), checked: the identity holds exactly, every weight is
    non-negative and one strict weight (or the constant) is positive."""
    from sympy import Rational, linsolve, symbols

    monos = sorted({m for j in support for m in columns[j]} | {None}, key=lambda m: (m is not None, m or ()))
    cs = symbols(f"c0:{len(support) + 1}")
    eqs = []
    for m in monos:
        e = sum(Rational(columns[j].get(m, 0)) * cs[k] for k, j in enumerate(support))
        if m is None:
            e += cs[-1]
        eqs.append(e)
    eqs.append(sum(cs) - 1)
    sol = linsolve(eqs, *cs)
    if not sol:
        return None
    (vals,) = sol
    free = set().union(*(v.free_symbols for v in vals))
    if free:  # a family of solutions: take the point where the free weights are equal to the LP's choice
        return None
    w = [Fraction(int(v.p), int(v.q)) for v in map(Rational, vals)]
    if any(x < 0 for x in w):
        return None
    if w[-1] <= 0 and not any(w[k] > 0 and strict[j] for k, j in enumerate(support)):
        return None
    return w


def _columns(products: list[tuple], gens: tuple, ideal: tuple = ()) -> list[dict]:
    """Each product as ``{monomial: coefficient}`` (``None`` for the constant), multiplied by FLINT; reduced
    modulo ``s^2 - X`` for each ``(s, X)`` of ``ideal`` (every even power of ``s`` replaced by ``X``)."""
    import flint

    ctx = flint.fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(len(gens))), "lex")
    cache: dict = {}

    def mpoly(poly):
        if poly not in cache:
            P = Poly(poly, *gens, domain="QQ")
            cache[poly] = ctx.from_dict({m: flint.fmpq(int(c.p), int(c.q)) for m, c in P.terms()})
        return cache[poly]

    roots = [(gens.index(sym), mpoly(X)) for sym, X in ideal]

    def reduce(p):
        for k, X in roots:
            if p.degrees()[k] < 2:
                continue
            parts: dict = {}
            for m, c in p.to_dict().items():
                m = tuple(m)
                parts.setdefault(m[k] // 2, {})[m[:k] + (m[k] % 2,) + m[k + 1:]] = c
            p = sum((ctx.from_dict(d) * X**j for j, d in parts.items()), ctx.from_dict({}))
        return p

    cols = []
    for prod in products:
        p = mpoly(prod[0].poly)
        for f in prod[1:]:
            p = p * mpoly(f.poly)
        p = reduce(p)
        cols.append({(tuple(int(e) for e in m) if any(m) else None): Fraction(int(c.p), int(c.q))
                     for m, c in p.to_dict().items()})
    return cols


def _polynomial(e) -> bool:
    """A polynomial in symbols (no root, no function, no symbol in a denominator)."""
    return bool(e.free_symbols) and e.is_polynomial(*e.free_symbols)


def _monomial_products(pool: list, negated: Fact, cols: list[dict], gens: tuple, every: bool = False) -> list[tuple]:
    """Products that multiply monomials of the positive symbols: the goal's negation (with ``every``, each fact)
    times each monomial of degree at most :data:`MONOMIAL_DEGREE`, and each monomial (a positive term) that the
    other products have."""
    pos = {f.poly: f for f in pool if f.poly.is_Symbol and f.strict}
    syms = sorted(pos, key=str)
    out = []
    for f in (pool if every else [negated]):
        if f.poly.is_Symbol:
            continue
        small = every and Poly(f.poly, *gens).total_degree() <= 2
        for k in range(1, MONOMIAL_DEGREE + 1 + small):
            for m in itertools.combinations_with_replacement(syms, k):
                out.append((f, *(pos[x] for x in m)))
    index = {x: i for i, x in enumerate(gens)}
    seen = set()
    for col in cols:
        for m in col:
            if m is None or m in seen:
                continue
            seen.add(m)
            used = [gens[i] for i, e in enumerate(m) if e]
            if all(x in pos for x in used) and sum(m) > 1:
                out.append(tuple(pos[x] for x in used for _ in range(m[index[x]])))
    return out


def certificate(facts: list[Fact], negated: Fact, degree: int | None = None, ideal: tuple = (),
                every: bool = False) -> Products | None:
    """The products (tuples of facts, the goal's negation among them where used) whose non-negative weights make
    a contradiction with ``negated``; None when none of degree at most ``degree`` does (by default
    :data:`DEGREE`, or more, up to :data:`MAX_DEGREE`, while every product of that degree fits in
    :data:`MAX_PRODUCTS`).  With ``ideal`` (``(s, X)`` pairs, ``s = sqrt(X)``), the identity is the one modulo
    every ``s^2 - X``; the answer's ``quotients`` say by how much.  Where none is found, products with monomials
    of the positive symbols are added (:func:`_monomial_products`; ``every``: each fact times them)."""
    from math import comb

    if not _polynomial(negated.poly):
        return None
    strongest: dict = {}  # one fact per polynomial, the strict one where both are known
    for f in facts:
        if f.poly.free_symbols and _polynomial(f.poly):
            strongest[f.poly] = f if f.strict or f.poly not in strongest else strongest[f.poly]
    pool = [negated] + [f for f in strongest.values() if f.poly != negated.poly]
    gens = tuple(sorted(set().union(*(f.poly.free_symbols for f in pool), *(X.free_symbols for _, X in ideal),
                                      (s for s, _ in ideal)), key=str))
    if not gens:
        return None
    if degree is None:
        degree = DEGREE
        while degree < MAX_DEGREE and sum(comb(len(pool) + k - 1, k) for k in range(1, degree + 2)) <= MAX_PRODUCTS:
            degree += 1
    products = []
    for k in range(1, degree + 1):
        for prod in itertools.combinations_with_replacement(range(len(pool)), k):
            products.append(tuple(pool[i] for i in prod))
            if len(products) >= MAX_PRODUCTS:
                break
    cols = _columns(products, gens, ideal)
    strict = [all(f.strict for f in prod) for prod in products]
    x = _lp(cols, strict)
    if x is None:  # again, with the monomials of the positive symbols
        have = set(products)
        more = [p for p in _monomial_products(pool, negated, cols, gens, every) if p not in have]
        if not more:
            return None
        products += more
        cols += _columns(more, gens, ideal)
        strict += [all(f.strict for f in prod) for prod in more]
        x = _lp(cols, strict)
    if x is None:
        return None
    support = [j for j, v in enumerate(x[:-1]) if v > 1e-9]
    w = _exact(cols, strict, support)
    if w is None:
        return None
    out = Products(products[j] for j in support
                   if len(products[j]) > 1 or products[j][0].square is not None or products[j][0].proof)
    if ideal:
        out.quotients = _quotients([products[j] for j in support], w, gens, ideal)
        if out.quotients is None:
            return None
    return out


def _quotients(products: list[tuple], w: list, gens: tuple, ideal: tuple) -> tuple | None:
    """``(s, X, q)`` with ``sum w_j prod_j + w_0 == sum q (s^2 - X)`` exactly (SymPy's division by the
    relations, a Groebner basis: their leading terms ``s^2`` are coprime); None if the remainder is not 0."""
    from sympy import Mul, Rational, expand, reduced

    total = sum(Rational(c.numerator, c.denominator) * Mul(*(f.poly for f in prod)) for c, prod in zip(w, products))
    total = expand(total + Rational(w[-1].numerator, w[-1].denominator))
    order = tuple(s for s, _ in ideal) + tuple(g for g in gens if g not in {s for s, _ in ideal})
    rels = [s**2 - X for s, X in ideal]
    qs, r = reduced(total, rels, *order, order="lex")
    if expand(r) != 0 or expand(total - sum(q * g for q, g in zip(qs, rels))) != 0:
        return None
    return tuple((s, X, expand(q)) for (s, X), q in zip(ideal, qs) if expand(q) != 0)


def problem_facts(problem, witness: dict | None) -> list[Fact]:
    """The facts that hold throughout a problem: its hypotheses' relations (conjunctions), each symbol's own
    hypothesis, its domain's relations; in that order, the statement's own facts first (the search enumerates
    products in the order of its pool, and stops at :data:`MAX_PRODUCTS`)."""
    def of(bs):
        return [f for b in bs for r in _atoms(b) for f in _facts_of(r, witness)]

    return of(problem.hyps) + symbol_facts(problem) + of(problem.domain)


def symbol_facts(problem) -> list[Fact]:
    """Each symbol's own hypothesis (``eta > 0``, ``n_D >= 0``), as the translator states it to the solvers
    and to Coq."""
    syms = set().union(*(b.free_symbols for b in (*problem.domain, *problem.hyps, problem.concl)))
    out = []
    for x in sorted(syms, key=str):
        if x.is_positive:
            out.append(Fact(x, True))
        elif x.is_nonnegative:
            out.append(Fact(x, False))
    return out


# --- the proof script ----------------------------------------------------------------------------------------

def _product_proof(text, factors: tuple, strict: bool) -> str:
    """A Coq term proving ``0 < f1 * ... * fk`` (strict) or ``0 <= ...``, each factor's sign by lra."""
    lemma = "Rmult_lt_0_compat" if strict else "Rmult_le_pos"
    term, proof = text(factors[0].poly), "ltac:(lra)"
    for f in factors[1:]:
        ft = text(f.poly)
        proof = f"({lemma} {term} {ft} {proof} ltac:(lra))"
        term = f"({term} * {ft})"
    return proof


def root_hypothesis(s: str) -> str:
    """The name of ``s * s = X`` in a script (:func:`salign.verify.kernel.roots.preamble` asserts it)."""
    return f"H{s}"


def leaf_script(text, goal_poly, strict_goal: bool, products: list[tuple], monomial=1) -> str:
    """``0 < P`` (or ``0 <= P``) for the leaf's goal (lra reads the leaf from it), by contradiction: the products,
    each with its sign, then lra.  With ``monomial`` ``m`` (a product of positive symbols, ``P = m Q``): ``0 < m``
    by ``pos`` and ``0 < Q`` so (the certificate is for ``Q``)."""
    rel, intro = ("<", "apply Rnot_le_lt") if strict_goal else ("<=", "apply Rnot_lt_le")
    if monomial != 1:
        inner = leaf_script(text, (goal_poly / monomial).expand(), strict_goal, products)
        lemma, sign = ("Rmult_lt_0_compat", "pos") if strict_goal else ("Rmult_le_pos", "nneg")
        return (f"(enough (0 {rel} {text(monomial)} * ({text((goal_poly / monomial).expand())})) by lra; "
                f"apply {lemma}; [{sign} | {inner}])")
    steps = [f"enough (0 {rel} {text(goal_poly)}) by lra", intro, "intro"]
    bases = list(dict.fromkeys(f.square for prod in products for f in prod if f.square is not None))
    steps += [f"assert (0 <= {text(b)} * {text(b)}) by apply Rle_0_sqr" for b in bases]
    derived = list(dict.fromkeys(f for prod in products for f in prod if f.proof))
    steps += [f"assert (0 {'<' if f.strict else '<='} {text(f.poly)}) by {f.proof}" for f in derived]
    steps += [f"pose proof {_product_proof(text, prod, all(f.strict for f in prod))}" for prod in products
              if len(prod) > 1]
    for sym, X, q in getattr(products, "quotients", ()):
        s = text(sym)
        steps.append(f"assert ({text(q)} * ({s} * {s} - {text(X)}) = 0) by (rewrite {root_hypothesis(s)}; ring)")
    return "(" + "; ".join([*steps, "lra"]) + ")"


def monomial_content(poly):
    """``(m, q)`` with ``poly = m q``, ``m`` the largest monomial of positive symbols dividing ``poly`` (1 if
    none): a goal ``m q > 0`` is ``q > 0``, and the search for ``q`` needs ``deg m`` fewer factors (X1's goals
    carry ``eta lambda_B^2 lambda_D^2``, a product of five)."""
    syms = sorted(poly.free_symbols, key=str)
    if not syms:
        return 1, poly
    P = Poly(poly, *syms)
    exps, _ = P.terms_gcd()
    m = 1
    for x, e in zip(syms, exps):
        if e and x.is_positive:
            m *= x**e
    return m, (poly / m).expand()


def equation_script(text, n, ideal: tuple) -> str:
    """``n = 0`` where ``n`` is zero modulo the roots' relations: ``n = sum q (s^2 - X)`` (the quotients by
    SymPy's division, the remainder checked to be 0), each ``q (s * s - X) = 0`` by ``ring`` once ``s * s = X``
    is rewritten, then lra; "" when the remainder is not 0."""
    from sympy import expand, reduced

    n = expand(n)
    if not n.free_symbols or not _polynomial(n):
        return ""
    roots = {s for s, _ in ideal}
    gens = tuple(s for s, _ in ideal) + tuple(sorted(n.free_symbols.union(*(X.free_symbols for _, X in ideal))
                                                     - roots, key=str))
    rels = [s**2 - X for s, X in ideal]
    qs, r = reduced(n, rels, *gens, order="lex")
    if expand(r) != 0 or expand(n - sum(q * g for q, g in zip(qs, rels))) != 0:
        return ""
    steps = [f"enough ({text(n)} = 0) by lra"]
    for (sym, X), q in zip(ideal, qs):
        if expand(q) != 0:
            s = text(sym)
            steps.append(f"assert ({text(expand(q))} * ({s} * {s} - {text(X)}) = 0) by "
                         f"(rewrite {root_hypothesis(s)}; ring)")
    return "(" + "; ".join([*steps, "lra"]) + ")"


def factor_script(text, P, facts: list[Fact], witness: dict | None, ideal: tuple = ()) -> str:
    """``0 < P`` (which also gives ``0 <= P``) for a product ``P = c f_1^e_1 ... f_k^e_k``: each factor's sign
    read at the witness, ``0 < +-f_i`` each by a certificate of its own (or lra), then their product (a term
    whose sign follows from the factors', :func:`_product_proof`) and lra.  "" when a sign is unknown, the signs
    do not make ``P`` positive, or a factor has no certificate."""
    from sympy import factor_list

    if not _polynomial(P):
        return ""
    try:
        c, fl = factor_list(P)
    except Exception:  # noqa: BLE001 - SymPy's factoring fails in many ways; then there is no script
        return ""
    if sum(e for _, e in fl) < 2:
        return ""
    total = 1 if c > 0 else -1
    steps, product = [f"enough (0 < {text(P)}) by lra"], []
    for f, e in fl:
        sgn = _sign(f, witness)
        if sgn is None:
            return ""
        total *= sgn**e
        F = (sgn * f).expand()
        m, q = monomial_content(F)
        if q.is_number:
            proof = "pos"
        else:
            try:
                prods = certificate(facts, Fact(-q, False), ideal=ideal)
            except (ValueError, TypeError, ArithmeticError):
                prods = None
            if prods is None:
                return ""
            proof = f"first [lra | {leaf_script(text, F, True, prods, monomial=m)}]"
        steps.append(f"assert (0 < {text(F)}) by {proof}")
        product += [Fact(F, True)] * int(e)
    if total != 1:
        return ""
    steps.append(f"pose proof {_product_proof(text, tuple(product), True)}")
    return "(" + "; ".join([*steps, "lra"]) + ")"


def completed_squares(q) -> list[Fact]:
    """``0 <= (2 A x + B)^2`` for each symbol ``x`` in which ``q = A x^2 + B x + C`` is quadratic: with ``q``
    times ``A`` (a product with a monomial), the square leaves ``4 A C - B^2``, the discriminant a hypothesis may
    bound (T3: ``kappa`` beyond the roots of a quadratic)."""
    out = []
    for x in sorted(q.free_symbols, key=str):
        P = Poly(q, x)
        if P.degree() != 2:
            continue
        A, B = P.coeff_monomial(x**2), P.coeff_monomial(x)
        if B == 0:
            continue
        base = (2 * A * x + B).expand()
        c, prim = Poly(base, *sorted(base.free_symbols, key=str)).primitive()
        base = prim.as_expr()
        out.append(Fact((base**2).expand(), False, square=base))
    return out


def leaf_scripts(problem, witness: dict | None, ideal: tuple = (), extra: list = ()) -> list[str]:
    """One script per atomic goal of the conclusion that a certificate of products closes (Python's proposal;
    Coq checks it).  ``ideal`` and ``extra``: a problem's square roots, as :mod:`.roots` states them (the
    problem then has its roots as symbols)."""
    from salign.verify.prover.translate import Translator, Untranslatable

    from .coqterm import module

    t = Translator(module())

    def text(e) -> str:
        return t.expr(e)[0].text

    from . import lemmas

    facts = lemmas.facts(problem) + problem_facts(problem, witness) + list(extra)
    out = []
    for goal, assumed in leaves(problem.concl):
        if ideal and isinstance(goal, Relational) and goal.rel_op == "==":
            script = equation_script(text, fraction(together(goal.lhs - goal.rhs))[0], ideal)
            if script:
                out.append(script)
            continue
        here = [f for r in assumed for f in _facts_of(r, witness)] + facts
        if ideal:
            from .roots import derived_facts

            here = here + derived_facts(here, ideal, witness, text)
        for negated, _g in _goal_facts(goal, witness):
            try:
                m, q = monomial_content(negated.poly) if _polynomial(negated.poly) else (1, negated.poly)
                prods = certificate(here, Fact(q, negated.strict), ideal=ideal)
                if prods is None and _polynomial(q) and (sq := completed_squares(q)):
                    prods = certificate(here + sq, Fact(q, negated.strict), ideal=ideal)
            except (ValueError, TypeError, ArithmeticError):  # not a polynomial (a root, a function): no search
                prods = None
            if prods is None:
                script = ""
                if ideal:
                    from .roots import linear_script, quotient_script

                    script = (factor_script(text, -negated.poly, here, witness, ideal)
                              or linear_script(text, -negated.poly, here, witness, ideal)
                              or (quotient_script(text, -negated.poly, here) if not negated.strict else ""))
                if script:
                    out.append(script)
                    break
                continue
            try:
                out.append(leaf_script(text, -negated.poly, not negated.strict, prods, monomial=m))
            except (Untranslatable, TypeError):
                continue
            break
    return out


__all__ = ["Certificate", "Fact", "certificate", "leaf_script", "leaf_scripts", "leaves", "monomial_content"]
