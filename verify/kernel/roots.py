"""Square roots for the kernel: ``s >= 0`` and ``s^2 = X``, and certificates modulo ``s^2 - X``.

The solvers' translator replaces each square root ``sqrt(X)`` by a fresh variable ``sqrt_i`` with the facts
``sqrt_i >= 0`` and ``X >= 0 -> sqrt_i * sqrt_i = X`` (:mod:`salign.verify.prover.translate`); the Coq theorem
states the same.  Here the Python side does likewise: every ``X**(k/2)`` of a problem becomes ``sqrt_i**k`` (a
symbol, numbered as the statement numbers it), so that every relation is a rational function in the symbols and
the roots, and the certificate search of :mod:`.products` applies, with each product reduced modulo
``sqrt_i**2 - X_i`` (an identity that holds modulo that ideal is a certificate; the quotients are computed
exactly and Coq checks ``q * (sqrt_i * sqrt_i - X_i) = 0`` from ``sqrt_i * sqrt_i = X_i`` by ``ring``).

Before anything uses ``sqrt_i * sqrt_i = X_i``, the script proves ``0 <= X_i`` (a radicand is split into the
squares it is written with, each ``>= 0`` by ``Rle_0_sqr``, and a remainder proved positive by a certificate of
products), then takes the equation from the hypothesis.  Nothing here is trusted: a wrong quotient, a wrong
sign of a root, a wrong product, and ``coqc`` fails.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sympy import Add, Mul, Pow, Symbol, expand, sqrt

from salign.verify.prover.translate import Translator

from .coqterm import module
from .products import Fact, certificate, leaf_script, monomial_content, root_hypothesis

#: a goal ``False`` from ``x = 0`` where ``x <> 0`` by ``nz`` (a guard ``x <> 0``, once intuition has read it)
NONZERO = "(match goal with H : ?x = 0 |- False => revert H; change (x <> 0); nz end)"


@dataclass(frozen=True)
class Root:
    """``symbol`` (``sqrt_i``, as the statement names it) stands for ``sqrt(radicand)``; ``guarded``: the
    radicand has definedness conditions of its own (a denominator), which this module does not prove."""

    symbol: Symbol
    radicand: object
    guarded: bool


def translator(problem) -> Translator:
    """A translator that has read the problem in the statement's order: its roots are numbered as in the Coq
    theorem (:func:`salign.verify.kernel.export.problem_statement`)."""
    t = Translator(module())
    for b in (*problem.domain, *problem.hyps):
        t.boolean(b)
    t.boolean(problem.concl)
    return t


def has_roots(problem) -> bool:
    """Whether the problem's statement has a square root (a variable ``sqrt_i``)."""
    return bool(translator(problem)._sqrt)


def roots_of(t: Translator) -> list[Root]:
    """The roots a primed translator met, in the statement's numbering."""
    return [Root(Symbol(s.text), X, len(defined) > 1) for X, (s, defined) in t._sqrt.items()]


def substitute(e, roots: list[Root]):
    """``e`` with every ``X**(k/2)`` of a known radicand ``X`` replaced by ``sqrt_i**k``."""
    if not roots or not hasattr(e, "replace"):
        return e
    by = {r.radicand: r.symbol for r in roots}
    return e.replace(lambda x: isinstance(x, Pow) and x.exp.is_Rational and x.exp.q == 2 and x.base in by,
                     lambda x: by[x.base] ** int(x.exp.p))


def substituted_problem(problem, roots: list[Root]):
    """The problem with its roots as symbols (the same relations, as rational functions)."""
    from salign.verify.prover.translate import Negated

    def sub(b):
        return Negated(sub(b.arg)) if isinstance(b, Negated) else substitute(b, roots)

    return replace(problem, domain=[sub(b) for b in problem.domain], hyps=[sub(b) for b in problem.hyps],
                   concl=sub(problem.concl))


def witness_with_roots(witness: dict | None, roots: list[Root]) -> dict | None:
    """The witness with each root's value (exact, an algebraic number) where its radicand is non-negative
    there: the sign of a denominator with a root is read at the witness like any other."""
    from .export import _with_moments

    if not witness or not roots:
        return witness
    point = _with_moments(witness)
    out = dict(witness)
    for r in roots:
        vals = {x: point[x.name] for x in r.radicand.free_symbols if x.name in point}
        if len(vals) == len(r.radicand.free_symbols):
            v = r.radicand.xreplace(vals)
            if v.is_Rational and v >= 0:
                out[r.symbol.name] = sqrt(v)
    return out


def squares(X) -> list:
    """The bases ``B`` of the terms ``c * B**(2k)`` (``c > 0``) a radicand is written with."""
    out = []
    for term in Add.make_args(X):
        c, rest = term.as_coeff_Mul()
        if c <= 0:
            continue
        facs = Mul.make_args(rest)
        if len(facs) == 1 and isinstance(facs[0], Pow) and facs[0].exp.is_Integer and facs[0].exp % 2 == 0:
            b = facs[0].base ** (int(facs[0].exp) // 2)
            if b.free_symbols:
                out.append(b)
    return out


def square_fact(base) -> Fact:
    """``0 <= B * B``, proved in Coq by ``Rle_0_sqr``."""
    return Fact(expand(base**2), False, square=base)


def ideal(roots: list[Root]) -> tuple:
    """``((sqrt_i, X_i), ...)``: the relations a certificate may be reduced by."""
    return tuple((r.symbol, expand(r.radicand)) for r in roots)


@dataclass
class Preamble:
    """The lines that establish each root's facts in Coq, and the facts they give to certificates."""

    lines: list
    facts: list


def preamble(roots: list[Root], facts: list[Fact], text, witness: dict | None = None) -> Preamble | None:
    """For each root: ``0 <= B * B`` for the squares of its radicand, ``0 < R`` (or ``0 <= R``) for the
    remainder (a certificate of products), ``0 <= X`` and then ``sqrt_i * sqrt_i = X`` from the statement's
    hypothesis.  None when a radicand has a guard or no certificate proves it non-negative."""
    lines, extra = [], []
    for r in roots:
        if r.guarded:
            return None
        X = r.radicand
        sq = [square_fact(b) for b in squares(X)]
        R = expand(X - sum(f.poly for f in sq))
        for f in sq:
            lines.append(f"(assert (0 <= {text(f.square)} * {text(f.square)}) by apply Rle_0_sqr)")
        pool = facts + extra + sq
        if R != 0 and R.free_symbols:
            proof = _sign_proof(pool, R, text, witness)
            if proof is None:
                return None
            strict, script = proof
            lines.append(f"(assert (0 {'<' if strict else '<='} {text(R)}) by {script})")
            extra.append(Fact(R, strict))
        elif R != 0 and R < 0:
            return None
        extra += sq
        s = text(r.symbol)
        name = root_hypothesis(s)
        lines.append(f"(assert ({name}_X : 0 <= {text(X)}) by lra)")
        # the statement's hypothesis X >= 0 -> s * s = X (found by trying each: a pattern naming s would be read
        # before intros binds s, and match nothing)
        lines.append(f"(assert ({name} : {s} * {s} = {text(X)}) by (match goal with H : _ |- _ => apply H; lra end))")
        extra += [Fact(expand(X), False), Fact(r.symbol, False)]
    return Preamble(lines, extra)


def _sign_proof(pool: list[Fact], R, text, witness: dict | None = None) -> tuple[bool, str] | None:
    """``(strict, script)`` proving ``0 < R`` (else ``0 <= R``) by a certificate of products, or factor by
    factor (:func:`salign.verify.kernel.products.factor_script`)."""
    from .products import factor_script

    known = [f for f in pool if expand(f.poly - R) == 0]
    if known:  # a fact of the problem (a hypothesis in Coq's context)
        return any(f.strict for f in known), "lra"
    m, q = monomial_content(R)
    if q.is_number and q > 0:  # a monomial of positive symbols
        return True, f"(enough (0 < {text(m)}) by lra; pos)"
    script = factor_script(text, R, pool, witness)
    if script:
        return True, script
    for strict in (True, False):
        try:
            prods = certificate(pool, Fact(-q, not strict), every=True)
        except (ValueError, TypeError, ArithmeticError):
            prods = None
        if prods is not None:
            return strict, leaf_script(text, R, strict, prods, monomial=m)
    return None



def root_script(problem, witness: dict | None) -> str:
    """The division bridge and the certificates of :mod:`.products`, with every square root a variable
    ``sqrt_i`` whose facts the :func:`preamble` proves; "" for a problem without roots (or whose radicands
    this module cannot prove non-negative)."""
    from . import lemmas
    from .export import FINISH, bridge_script
    from .products import leaf_scripts, problem_facts

    t = translator(problem)
    rts = roots_of(t)
    if not rts:
        return ""

    def text(e) -> str:
        return t.expr(e)[0].text

    w = witness_with_roots(witness, rts)
    plain = substituted_problem(problem, rts)
    pre = preamble(rts, lemmas.facts(problem) + problem_facts(plain, w), text, w)
    if pre is None:
        return ""
    bridge = bridge_script(problem, witness, roots=pre)
    if bridge:
        head = bridge[: bridge.rindex(FINISH)]
    else:
        head = ";\n  ".join(["intros", *lemmas.pose_lines(problem, text), *pre.lines]) + ";\n  "
    leaves = leaf_scripts(plain, w, ideal=ideal(rts), extra=pre.facts)
    return head + "intuition idtac; first [" + " | ".join(["lra", *leaves, NONZERO, "nra"]) + "]"


def linear_script(text, P, facts: list[Fact], witness: dict | None, ideal_: tuple) -> str:
    """``0 < P`` for ``P = A + B s`` linear in one root ``s = sqrt(X)`` (``A``, ``B`` free of roots), by squaring:
    where ``A > 0 >= B`` (the witness says which), ``0 < A``, ``0 <= -B`` and ``0 < A^2 - B^2 X``, each by a
    certificate, give ``A - B s > 0`` and ``(A - B s) (A + B s) = A^2 - B^2 X`` (modulo ``s^2 = X``); where
    ``A <= 0 < B``, ``0 <= -A``, ``0 <= B`` and ``0 < B^2 X - A^2``, with ``B s - A >= 0``.  "" otherwise."""
    from sympy import Poly

    from .products import _product_proof, _sign, root_hypothesis

    P = expand(P)
    here = [s for s, _ in ideal_ if s in P.free_symbols]
    if len(here) != 1:
        return ""
    s = here[0]
    X = dict(ideal_)[s]
    poly = Poly(P, s)
    if poly.degree() != 1:
        return ""
    B, A = poly.coeff_monomial(s), poly.coeff_monomial(1)
    if any(r in (A.free_symbols | B.free_symbols) for r, _ in ideal_):
        return ""
    sa, sb = _sign(A, witness) if A.free_symbols else (1 if A > 0 else -1 if A < 0 else 0), _sign(B, witness)
    if sa == 1 and sb == -1:
        claims = [(A, True), (-B, False), (expand(A**2 - B**2 * X), True)]
        other = A - B * s  # > 0
    elif sa == -1 and sb == 1:
        claims = [(-A, False), (B, False), (expand(B**2 * X - A**2), True)]
        other = B * s - A  # >= 0
    else:
        return ""
    steps = [f"enough (0 < {text(P)}) by lra"]
    for e, strict in claims:
        proof = _positive(e, strict, facts, text)
        if proof is None:
            return ""
        steps.append(f"assert (0 {'<' if strict else '<='} {text(e)}) by {proof}")
    nb = -B if sa == 1 else B
    steps += ["apply Rnot_le_lt", "intro",
              f"pose proof {_product_proof(text, (Fact(nb, False), Fact(s, False)), False)}",
              f"assert (0 <= ({text(expand(other))}) * ({text(-P)})) by (apply Rmult_le_pos; lra)",
              f"assert ({text(expand(B**2))} * ({text(s)} * {text(s)} - {text(X)}) = 0) by "
              f"(rewrite {root_hypothesis(text(s))}; ring)", "lra"]
    return "(" + "; ".join(steps) + ")"


def _positive(e, strict: bool, facts: list[Fact], text, depth: int = 1) -> str | None:
    """A script proving ``0 < e`` (``strict``) or ``0 <= e``: lra, a monomial, a certificate of products, or
    (``depth`` times) a fact times a positive quotient."""
    e = expand(e)
    if e.is_number:
        return "lra" if (e > 0 or (not strict and e >= 0)) else None
    m, q = monomial_content(e)
    if q.is_number and q > 0:
        return f"(enough (0 < {text(m)}) by lra; pos)" if strict else f"(enough (0 < {text(m)}) by lra; pos)"
    try:
        prods = certificate(facts, Fact(-q, not strict), every=True)
    except (ValueError, TypeError, ArithmeticError):
        prods = None
    if prods is None:
        return _multiple(e, facts, text, depth) if depth > 0 else None
    return f"first [lra | {leaf_script(text, e, strict, prods, monomial=m)}]"


def _multiple(e, facts: list[Fact], text, depth: int) -> str | None:
    """``0 < e`` where ``e = c F`` for a fact ``F > 0`` (exact division) and ``0 < c``: their product."""
    from sympy import div

    for f in facts:
        if not f.strict or not f.poly.free_symbols or f.square is not None or f.poly.is_Symbol:
            continue
        gens = sorted(e.free_symbols | f.poly.free_symbols, key=str)
        try:
            c, r = div(e, expand(f.poly), *gens)
        except Exception:  # noqa: BLE001 - SymPy's division fails on some inputs; then this fact does not serve
            continue
        if r != 0 or c == 0 or (c.is_number and c < 0):
            continue
        proof = "lra" if c.is_number else _positive(c, True, facts, text, depth - 1)
        if proof is None:
            continue
        pre = f"assert (0 < {text(f.poly)}) by {f.proof}; " if f.proof else ""
        return (f"({pre}assert (0 < {text(c)}) by {proof}; "
                f"pose proof (Rmult_lt_0_compat ({text(c)}) ({text(f.poly)}) ltac:(lra) ltac:(lra)); lra)")
    return None


def derived_facts(facts: list[Fact], ideal_: tuple, witness: dict | None, text) -> list[Fact]:
    """Facts that follow from the given ones, each with its proof from Coq's context (:attr:`Fact.proof`):

    * ``q > 0`` from ``m q > 0`` where ``m`` is a monomial of positive symbols (a certificate then needs
      ``deg m`` fewer factors);
    * from ``A + B s > 0`` linear in a root ``s = sqrt(X)``, with ``B <= 0`` (a certificate; the witness says
      which sign): ``A > 0`` (as ``A > -B s >= 0``) and ``A^2 - B^2 X > 0`` (``(A - B s)(A + B s)``, modulo
      ``s^2 = X``): polynomial facts, without the root."""
    from sympy import Poly

    from .products import _polynomial, _product_proof, _sign, root_hypothesis

    out = []
    for f in facts:
        if not f.poly.free_symbols or not _polynomial(f.poly) or f.proof or f.square is not None:
            continue
        m, q = monomial_content(f.poly)
        if m != 1 and q.free_symbols:
            rel, lemma, pos = ("<", "Rnot_le_lt", "Rmult_le_pos") if f.strict else ("<=", "Rnot_lt_le",
                                                                                   "Rmult_lt_0_compat")
            proof = (f"(apply {lemma}; intro; pose proof ({pos} {text(m)} (- {text(q)}) "
                     f"ltac:(enough (0 < {text(m)}) by lra; pos) ltac:(lra)); lra)")
            out.append(Fact(q, f.strict, proof=proof))
        roots = [s for s, _ in ideal_ if s in f.poly.free_symbols]
        if len(roots) != 1 or not f.strict:
            continue
        s = roots[0]
        X = dict(ideal_)[s]
        P = Poly(expand(f.poly), s)
        if P.degree() != 1:
            continue
        B, A = P.coeff_monomial(s), P.coeff_monomial(1)
        if any(r in (A.free_symbols | B.free_symbols) for r, _ in ideal_) or _sign(B, witness) != -1:
            continue
        nb = _positive(-B, False, facts, text)
        if nb is None:
            continue
        st = text(s)
        base = (f"assert (0 <= {text(expand(-B))}) by {nb}; "
                f"pose proof {_product_proof(text, (Fact(expand(-B), False), Fact(s, False)), False)}")
        out.append(Fact(expand(A), True, proof=f"({base}; lra)"))
        D = expand(A**2 - B**2 * X)
        out.append(Fact(D, True, proof=(
            f"({base}; pose proof (Rmult_lt_0_compat ({text(expand(A - B * s))}) ({text(f.poly)}) ltac:(lra) "
            f"ltac:(lra)); assert ({text(expand(B**2))} * ({st} * {st} - {text(X)}) = 0) by "
            f"(rewrite {root_hypothesis(st)}; ring); lra)")))
    return out


def quotient_script(text, P, facts: list[Fact]) -> str:
    """``0 < P`` where a fact is ``F = c P`` (exact division) with ``c > 0`` (a certificate): were ``P <= 0``,
    ``c (-P) >= 0`` would contradict ``F > 0``.  "" when no fact is such a multiple."""
    from sympy import div

    P = expand(P)
    if not P.free_symbols:
        return ""
    for f in facts:
        if not f.strict or not f.poly.free_symbols or f.square is not None:
            continue
        gens = sorted(P.free_symbols | f.poly.free_symbols, key=str)
        try:
            c, r = div(expand(f.poly), P, *gens)
        except Exception:  # noqa: BLE001 - SymPy's division fails on some inputs; then this fact does not serve
            continue
        if r != 0 or c == 0 or (c.is_number and c < 0):
            continue
        proof = "lra" if c.is_number else _positive(c, True, [g for g in facts if g is not f], text)
        if proof is None:
            continue
        pre = f"assert (0 < {text(f.poly)}) by {f.proof}; " if f.proof else ""
        return (f"(enough (0 < {text(P)}) by lra; {pre}assert (0 < {text(c)}) by {proof}; apply Rnot_le_lt; intro; "
                f"pose proof (Rmult_le_pos ({text(c)}) (- {text(P)}) ltac:(lra) ltac:(lra)); lra)")
    return ""


__all__ = ["NONZERO", "Preamble", "Root", "derived_facts", "has_roots", "ideal", "linear_script", "preamble",
           "quotient_script", "root_script", "roots_of", "square_fact", "squares", "substitute", "substituted_problem",
           "translator", "witness_with_roots"]
