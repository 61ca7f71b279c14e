"""One table of meaning: every derived symbol, its definition, and where it is defined.

A *derived* symbol is one a model defines from others: ``chi`` and ``G`` of a two-level
state, the contraction factors ``rho_S``, the stationary point ``a_inf``, the powers
``p = rho_D^t`` and ``u = (rho_D/rho_B)^t``, the noise ratio ``R``.  Some are *partial*:
``a_inf = eta^2 n_D / (1 - rho_D)`` has no value where ``rho_D = 1``, ``u`` none where
``rho_B = 0``.  A relation about a symbol where it has no value is false, for every checker.

Each checker reads a derived symbol from :data:`MEANING`, never from a copy of its own:

* the guards of every relation (:func:`salign.theory.claim.definedness`) add :attr:`Meaning.where`
  wherever the symbol occurs (the verifier evaluates them, the prover translates them);
* the prover's links (:func:`links`): ``where => symbol * den = num`` for a quotient, what every
  whole power satisfies for ``p``, ``u``, ... (a relaxation; a counterexample counts only once
  recomputed exactly);
* the exact checker (:func:`evaluate`): every derived symbol recomputed from its definition at a
  point, NaN where it has no value;
* the sampler's faces (:func:`eta_faces`, :func:`other_faces`): each denominator the table names,
  set to zero, is a face the sampler lands on (``eta = 2/lambda_B`` for ``b_inf``), for every block.

``tests/test_meaning.py`` checks each link set against the definition on and off every face, and
the verifier's oracles against the definition at the same points.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sympy import And, Eq, Expr, Implies, Pow, Symbol, fraction, nan, solve, sympify, together, zoo
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanTrue

from . import symbols as S


@dataclass(frozen=True)
class Meaning:
    """``symbol := definition`` in ``models``; ``projection``: what the definition says about the symbol alone
    (used where a problem mentions none of the definition's symbols); ``facts``: further relations between
    derived symbols that the definitions imply (``u v = 1`` where both exist), each checked in the tests."""

    symbol: Symbol
    definition: Expr
    models: tuple
    what: str
    projection: tuple = ()
    facts: tuple = ()

    @property
    def base(self) -> frozenset:
        """The symbols the definition is written in."""
        return frozenset(self.definition.free_symbols)

    @property
    def where(self) -> tuple:
        """Where the definition has a real value (every denominator non-zero, ...), recursively through the
        derived symbols it uses (``alpha = a_0 - a_inf`` exists where ``a_inf`` does)."""
        from .claim import definedness

        return tuple(definedness(self.definition))

    @property
    def power(self) -> bool:
        """A whole power with a symbolic exponent (``rho_D^t``): the solvers get what it satisfies, not the power."""
        return isinstance(self.definition, Pow) and bool(self.definition.exp.free_symbols)


_TWO = ("two-level", "loss-scaled", "dynamics")
_DYN = ("dynamics",)
_D = S.DEFINITIONS


def _table() -> tuple:
    a_t, b_t = S.a_0 - S.a_inf, S.b_0 - S.b_inf
    return (
        Meaning(S.G, _D[S.G], _TWO, "|g|^2 of the state (a, b)"),
        Meaning(S.chi, _D[S.chi], _TWO, "the alignment of the state", projection=(S.chi < 1,)),
        Meaning(S.kappa, _D[S.kappa], _TWO, "the condition number lambda_D / lambda_B", projection=(S.kappa > 1,)),
        Meaning(S.rho_D, _D[S.rho_D], _DYN, "the D block's contraction factor"),
        Meaning(S.rho_B, _D[S.rho_B], _DYN, "the B block's contraction factor"),
        Meaning(S.a_inf, _D[S.a_inf], _DYN, "the stationary a (fixed point of the D step)"),
        Meaning(S.b_inf, _D[S.b_inf], _DYN, "the stationary b"),
        Meaning(S.alpha, a_t, _DYN, "a_0 - a_inf"),
        Meaning(S.beta, b_t, _DYN, "b_0 - b_inf"),
        Meaning(S.a_next, _D[S.a_next], _DYN, "a after one mean-field step"),
        Meaning(S.b_next, _D[S.b_next], _DYN, "b after one mean-field step"),
        Meaning(S.p, _D[S.p], _DYN, "rho_D^t"),
        Meaning(S.p_B, _D[S.p_B], _DYN, "rho_B^t"),
        Meaning(S.u, _D[S.u], _DYN, "(rho_D/rho_B)^t", facts=(Implies(And(S.rho_D > 0, S.rho_B > 0), Eq(S.u * S.v, 1)),)),
        Meaning(S.v, _D[S.v], _DYN, "(rho_B/rho_D)^t, the mirrored phase"),
        Meaning(S.R, _D[S.R], _DYN, "kappa n_D / n_B"),
    )


#: symbol -> its meaning, in an order where each definition uses only symbols defined before it (or base ones)
MEANING: dict = {m.symbol: m for m in _table()}


def closure(symbols) -> set:
    """``symbols`` and every symbol their definitions use, transitively (``alpha`` brings ``a_inf``): what a
    point must give its true value for a statement over ``symbols`` to mean the same there."""
    out, todo = set(), list(symbols)
    while todo:
        x = todo.pop()
        if x not in out:
            out.add(x)
            if x in MEANING:
                todo += list(MEANING[x].definition.free_symbols)
    return out


@lru_cache(maxsize=None)
def in_base(symbol) -> Expr:
    """``symbol``'s definition with every derived symbol in it replaced by its own, down to the model's base
    symbols (``b_inf = eta^2 n_B / (1 - (1 - eta lambda_B)^2)``)."""
    e = MEANING[symbol].definition
    for _ in range(len(MEANING)):
        nxt = e.xreplace({s: m.definition for s, m in MEANING.items()})
        if nxt == e:
            return e
        e = nxt
    return e


def partial() -> dict:
    """The derived symbols that have no value somewhere, each with where it has one."""
    return {s: m.where for s, m in MEANING.items() if m.where}


# --- the prover's links -----------------------------------------------------------------------------------

def _power_name(expr) -> Symbol | None:
    """The derived symbol defined as ``expr`` (``rho_D^t`` is ``p``), if any."""
    for s, m in MEANING.items():
        if m.definition == expr:
            return s
    return None


def _power_facts(m: Meaning) -> tuple:
    """What every value of the whole power ``m.definition = base^t`` (``t >= 0`` whole) satisfies, as relations
    the solvers can take: 1 at ``t = 0``; at most (at least) 1 when the base is; positive when the base is; for a
    quotient base ``num/den``, ``x den^t = num^t`` through the symbols naming those powers."""
    x, base, t = m.symbol, m.definition.base, m.definition.exp
    num, den = fraction(base)
    out = [Implies(Eq(t, 0), Eq(x, 1))]
    if den == 1:
        out += [Implies(base <= 1, x <= 1), Implies(base >= 1, x >= 1), Implies(base > 0, x > 0)]
        return tuple(out)
    p_num, p_den = _power_name(Pow(num, t)), _power_name(Pow(den, t))
    if p_num is not None and p_den is not None:
        out.append(Implies(den > 0, Eq(x * p_den, p_num)))
    out += [Implies(And(den > 0, num <= den), x <= 1), Implies(And(den > 0, num >= den), x >= 1),
            Implies(And(den > 0, num > 0), x > 0)]
    return tuple(out)


def _rest_of_definition(m: Meaning) -> tuple:
    """``symbol * den = num`` (or the power's facts), under ``where``: a link says nothing where the symbol has no
    value (``b_inf (1 - rho_B) = eta^2 n_B`` would otherwise rule out ``rho_B = 1`` when ``n_B > 0``)."""
    if m.power:
        rels = _power_facts(m)
    else:
        num, den = fraction(together(m.definition))
        rels = (Eq(m.symbol * den, num) if den != 1 else Eq(m.symbol, num),)
    where = m.where
    rels = tuple(Implies(And(*where), r) for r in rels) if where else rels
    return rels + m.facts


@lru_cache(maxsize=None)
def links(model: str) -> tuple:
    """``(symbol, relations, base, projection)`` for each derived symbol of ``model``: what the prover states
    about it (see :func:`salign.verify.prover.scopes.instantiate`)."""
    out = []
    for s, m in MEANING.items():
        if model not in m.models:
            continue
        rels = _rest_of_definition(m)
        base = frozenset().union(*[r.free_symbols for r in rels]) - {s}
        out.append((s, rels, base, m.projection))
    return tuple(out)


# --- exact values -----------------------------------------------------------------------------------------

#: the largest whole exponent of a power (``p = rho_D^t``) recomputed exactly: rho_D^(10^9) has billions of digits
MAX_EXACT_EXPONENT = 4096


class TooLarge(ArithmeticError):
    """A derived power whose exact value is too large to compute (``rho_D^t`` at ``t = 10^9``): the point is
    neither a state nor no state for a checker that needs it exactly."""


def _exact_power_too_large(m: Meaning, vals: dict) -> bool:
    if not m.power:
        return False
    x, base = sympify(m.definition.exp.xreplace(vals)), sympify(m.definition.base.xreplace(vals))
    return bool(x.is_Integer and abs(x) > MAX_EXACT_EXPONENT and not (base.is_Number and abs(base) in (0, 1)))


def evaluate(vals: dict, only=None) -> dict:
    """``vals`` with every derived symbol whose definition's symbols all have values recomputed from its
    definition, exactly, in the table's order; ``nan`` where it has no value (a zero denominator: SymPy's
    ``zoo``, or ``(x/0)^0``, which SymPy calls 1, so definedness is judged on the definition too).  ``only``:
    recompute just these symbols (others keep their given values).  Raises :class:`TooLarge` for a power whose
    whole exponent exceeds :data:`MAX_EXACT_EXPONENT` (its exact value would not fit in memory)."""
    from .claim import definedness

    out = dict(vals)
    for s, m in MEANING.items():
        if (only is not None and s not in only) or not m.base <= set(out):
            continue
        if any(out[b] is nan for b in m.base):
            out[s] = nan
            continue
        if _exact_power_too_large(m, out):
            raise TooLarge(f"{s} = {m.definition} at {m.definition.exp} = {m.definition.exp.xreplace(out)}: too "
                           f"large an exponent to compute exactly (at most {MAX_EXACT_EXPONENT})")
        value = m.definition.xreplace(out)
        ok = not value.has(zoo, nan) and value.is_real is not False
        if ok:
            for g in definedness(m.definition):
                g_at = g.xreplace(out)
                if not (isinstance(g_at, BooleanTrue) or g_at is True):
                    ok = False
                    break
        out[s] = value if ok else nan
    return out


# --- the sampler's faces ----------------------------------------------------------------------------------

def _guard_relations(m: Meaning) -> list:
    """The relations of ``m``'s guards: each guard itself, or each relation of a compound one (0^x has a value
    where ``rho != 0 or x >= 0``)."""
    return [r for g in m.where for r in ([g] if isinstance(g, Relational) else sorted(g.atoms(Relational), key=str))]


def _faces() -> list:
    """Each relation of a ``where`` as the equation of its face (``1 - rho_B = 0``), once."""
    out = []
    for m in MEANING.values():
        for r in _guard_relations(m):
            lhs = r.lhs - r.rhs
            if lhs not in out:
                out.append(lhs)
    return out


_RHO = {S.rho_D: S.DEFINITIONS[S.rho_D], S.rho_B: S.DEFINITIONS[S.rho_B]}


@lru_cache(maxsize=None)
def _eta_roots(face) -> tuple:
    """The positive step sizes on the face ``face = 0``, with ``rho_S`` written out (none if it is not a step size)."""
    f = face.xreplace(_RHO)
    if S.eta not in f.free_symbols:
        return ()
    return tuple(r for r in solve(f, S.eta) if r != 0)


def eta_faces_of(symbol) -> tuple:
    """The step sizes where ``symbol`` (a derived symbol) has no value (``2/lambda_B`` for ``b_inf``), or, for a
    power, where its base vanishes (``1/lambda_D`` for ``p = rho_D^t``: 0 there for every ``t >= 1``, a face a
    statement about ``p > 0`` fails on and a loguniform step size all but never lands on)."""
    if symbol not in MEANING:
        return ()
    m, out = MEANING[symbol], []
    for f in [r.lhs - r.rhs for r in _guard_relations(m)] + ([m.definition.base] if m.power else []):
        out += [r for r in _eta_roots(f) if r not in out]
    return tuple(out)


@lru_cache(maxsize=None)
def eta_faces() -> tuple:
    """The step sizes at which a derived symbol loses its value, as expressions in ``lambda_D, lambda_B``
    (``2/lambda_B`` for ``b_inf``, ``1/lambda_B`` for ``u``), from every face of the table: the sampler lands
    on each, for every eigenvalue of its block."""
    out = []
    for f in _faces():
        out += [r for r in _eta_roots(f) if r not in out]
    return tuple(out)


@lru_cache(maxsize=None)
def other_faces() -> tuple:
    """The faces that are not step sizes: the symbols set to zero there (``n_B`` for ``R``)."""
    out = []
    for f in _faces():
        if S.eta in f.xreplace(_RHO).free_symbols:
            continue
        out.append(f)
    return tuple(out)


def block_of(expr) -> str | None:
    """The block whose eigenvalue an eta face names (``2/lambda_B`` is B's)."""
    syms = expr.free_symbols
    if syms == {S.lam_D}:
        return "D"
    if syms == {S.lam_B}:
        return "B"
    return None


__all__ = ["MEANING", "Meaning", "block_of", "eta_faces", "eta_faces_of", "evaluate", "links", "other_faces", "partial"]
