"""Where a proposition is proved: its *scope*, and the formula it becomes there.

A proposition about a general spectrum is tried, in turn,

* over the block moments with the constraints every spectrum satisfies
  (:mod:`salign.theory.moments`): a proof there covers **any spectrum**;
* on a spectrum with 1, then 2, eigenvalue levels per block (level variables):
  together these cover **m <= 2** (1 alone: the **two-level** spectrum).

Any other proposition lives in its own model (``two-level``, ``coordinate``,
``dynamics``, ``loss-scaled``), which is then its full scope.  In every scope the
observables are replaced by their definitions from the SGD step, and the model's
hypotheses that the substitution would hide (``G_D > 0`` once ``G_D`` is a sum over
levels) are added to the domain, stated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sympy import Symbol
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

from salign.theory import meaning, moments
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop, guarded
from salign.theory.model import TWO_LEVEL, LevelModel, coordinate_second_moment, two_level_noise_traces


@dataclass(frozen=True)
class Scope:
    """``kind`` is ``moments``, ``levels`` (with ``m`` levels per block) or a proposition's own model."""

    kind: str
    m: int = 1

    @property
    def label(self) -> str:
        if self.kind == "moments":
            return "any spectrum (block moments)"
        if self.kind == "levels":
            return "two-level spectrum" if self.m == 1 else f"spectra with {self.m} levels per block"
        return f"{self.kind} model"


#: what each scope contributes to a general proposition's coverage
ANY_SPECTRUM, UP_TO_2, TWO_LEVEL_ONLY = "any spectrum", "m <= 2", "two-level"


@dataclass
class Problem:
    """``domain and hypotheses => conclusion``, in the scope's variables."""

    scope: Scope
    domain: list  # model hypotheses made explicit by the substitution (stated in the report)
    hyps: list
    concl: object
    notes: list = field(default_factory=list)

    def symbols(self) -> set:
        out = self.own_symbols()
        for b in self.domain:
            out |= b.free_symbols
        return out

    def own_symbols(self) -> set:
        """The symbols of the hypotheses and the conclusion (not those only the domain's links bring in)."""
        out = set(getattr(self.concl, "free_symbols", set()))
        for b in self.hyps:
            out |= b.free_symbols
        return out


def scopes_for(prop: Prop) -> list[Scope]:
    if prop.model == "general":
        return [Scope("moments"), Scope("levels", 1), Scope("levels", 2)]
    return [Scope(prop.model)]


def witness_scopes(prop: Prop) -> list[Scope]:
    """Where the hypotheses are shown satisfiable, in turn: real spectra (one, then two levels per block)
    for general propositions; the proposition's own model otherwise."""
    return [Scope("levels", 1), Scope("levels", 2)] if prop.model == "general" else [Scope(prop.model)]


def witness_scope(prop: Prop) -> Scope:
    """The first of :func:`witness_scopes` (where the interval fallback works)."""
    return witness_scopes(prop)[0]


def oracle_only_symbols(prop: Prop) -> set:
    """Symbols the prover cannot define: oracle-only observables and a user's own symbols."""
    known = O.project_symbols()
    return {s for s in prop.free_symbols() if s in O.ORACLE_ONLY or s not in known}


def _stated(sub: dict) -> list:
    """The model hypotheses carried by substituted symbols (``G_D > 0``), as relations on their definitions."""
    out = []
    for s, e in sub.items():
        kind = S.ASSUMPTIONS.get(s, (None,))[0]
        if kind != "model" or not isinstance(s, Symbol):
            continue
        rel = (e > 0) if s.is_positive else (e >= 0) if s.is_nonnegative else None
        if rel is not None and not isinstance(rel, (BooleanTrue, BooleanFalse)):
            out.append(rel)
    return out


@dataclass(frozen=True)
class Link:
    """How a model defines a derived symbol: ``relations`` over ``base`` symbols.

    Where a problem mentions the symbol but none of the base symbols, the link is replaced by
    ``projection``: what the link says about the symbol alone once the base symbols are eliminated
    (``chi`` is the alignment of some state iff ``0 < chi < 1``), so that no variable is added for
    nothing.
    """

    symbol: Symbol
    relations: tuple
    base: frozenset
    projection: tuple = ()


def _links(model: str) -> list[Link]:
    """What ``model`` makes of its derived symbols (``G``, ``chi``, ``rho_D``, ``a_inf``, ``p``, ``u``, ...): built from
    the table of meaning (:func:`salign.theory.meaning.links`), each link stated only where its symbol has a value.
    Whole powers (``p = rho_D^t``) are not polynomial: the solvers get what every such power satisfies (a
    relaxation, sound for proofs and for unsatisfiable hypotheses), and a counterexample or witness counts only
    once the derived symbols are recomputed from their definitions at the point
    (:func:`salign.verify.prover.exact.realizations`)."""
    return [Link(s, rels, base, projection) for s, rels, base, projection in meaning.links(model)]


def _linked(links: list[Link], syms: set) -> list:
    """The links a problem over ``syms`` needs, each in full, repeated while links add symbols: every derived
    symbol comes with its whole definition down to the model's base symbols, so that a solver's model is a state
    of the model (a derived value left free, ``rho_D = 0`` beside ``rho_B = 1``, is a point no state has: it was
    taken for a counterexample, and for a witness of hypotheses no state satisfies)."""
    out, done = [], set()
    while True:
        new = [lk for lk in links if lk.symbol in syms and lk.symbol not in done]
        if not new:
            return out
        for lk in new:
            done.add(lk.symbol)
            out += [r for r in lk.relations + lk.projection if r not in out]
            for r in lk.relations:
                syms = syms | r.free_symbols


@lru_cache(maxsize=None)
def substitution(scope: Scope) -> tuple[dict, list]:
    """``(symbol -> definition, domain)`` for a scope (computed once per process).

    The domain states what the model is: the spectral gap (part of every model of THEORY.md §1),
    the moment constraints of any spectrum, and how the two-level and dynamics models define
    their derived symbols (``chi``, ``G``, ``kappa``, ``rho_S``, ``a_inf``, ...), exactly as the
    verifier computes them from an instance.
    """
    if scope.kind == "moments":
        return {**O.moment_definitions(), O.spectral_gap: moments.gap()}, [*moments.constraints(), moments.gap()]
    if scope.kind == "levels":
        lm = LevelModel(scope.m, scope.m)
        sub = {**lm.moments(), **O.definitions(lm)}
        return sub, [*_stated(lm.moments()), lm.spectral_gap()]
    if scope.kind == "two-level":
        sub = {**TWO_LEVEL.moments(), **O.definitions(TWO_LEVEL)}
        return sub, [*_stated(TWO_LEVEL.moments()), S.lam_D > S.lam_B, S.d > S.k]
    if scope.kind == "coordinate":
        return {O.EX2: coordinate_second_moment()}, []
    if scope.kind == "loss-scaled":
        traces = two_level_noise_traces("loss-scaled")
        sub = {k: v.xreplace(traces) for k, v in O.definitions(TWO_LEVEL).items()}
        sub.update({k: v.xreplace(traces) for k, v in TWO_LEVEL.moments().items()})
        sub.update(O.loss_scaled_increments())
        # the noise traces are no free symbols here: n_D = k 2 sigma^2 L(x) lambda_D at the state, as the verifier
        # computes them (left free, a "counterexample" named n_D = 1 beside sigma2 = 0)
        sub.update(traces)
        # d > k: write d = k + d_B with d_B >= 1 bulk coordinates, so that d - k is visibly positive
        d_sub = {S.d: S.k + S.d_B}
        return {**{k_: v.xreplace(d_sub) for k_, v in sub.items()}, **d_sub}, [S.lam_D > S.lam_B]
    if scope.kind == "dynamics":
        sub = {**TWO_LEVEL.moments(), **O.definitions(TWO_LEVEL)}
        return sub, [S.lam_D > S.lam_B, S.d > S.k]
    raise ValueError(f"unknown scope {scope.kind!r}")


def instantiate(prop: Prop, scope: Scope) -> Problem:
    """The proposition in a scope: observables and moments replaced by their definitions there, each relation
    guarded by where it is defined as the proposition states it (:func:`salign.theory.claim.guarded`)."""
    sub, domain = substitution(scope)
    hyps = [guarded(h, sub) for h in prop.hypotheses]
    concl = guarded(prop.conclusion, sub)
    links = _links(scope.kind) if scope.kind in ("two-level", "loss-scaled", "dynamics") else []
    syms = set(getattr(concl, "free_symbols", set())).union(*[h.free_symbols for h in hyps])
    linked = _linked(links, syms)
    syms = syms.union(*[r.free_symbols for r in linked])  # the links bring in lambda_D, lambda_B: the gap with them
    # a fact over symbols the problem never mentions changes nothing (each is satisfiable): leave it out
    domain = [f for f in domain if f.free_symbols & syms or scope.kind in ("moments", "levels")]
    return Problem(scope, domain + linked, hyps, concl)
