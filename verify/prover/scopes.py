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

from salign.theory import moments
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop
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
        out = set(getattr(self.concl, "free_symbols", set()))
        for b in self.domain + self.hyps:
            out |= b.free_symbols
        return out


def scopes_for(prop: Prop) -> list[Scope]:
    if prop.model == "general":
        return [Scope("moments"), Scope("levels", 1), Scope("levels", 2)]
    return [Scope(prop.model)]


def witness_scope(prop: Prop) -> Scope:
    """Where the hypotheses are shown satisfiable: a real spectrum (two levels) for general propositions."""
    return Scope("levels", 1) if prop.model == "general" else Scope(prop.model)


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


@lru_cache(maxsize=None)
def substitution(scope: Scope) -> tuple[dict, list]:
    """``(symbol -> definition, domain)`` for a scope (computed once per process)."""
    if scope.kind == "moments":
        return {**O.moment_definitions(), O.spectral_gap: moments.gap()}, moments.constraints()
    if scope.kind == "levels":
        lm = LevelModel(scope.m, scope.m)
        sub = {**lm.moments(), **O.definitions(lm)}
        return sub, _stated(lm.moments())
    if scope.kind == "two-level":
        sub = {**TWO_LEVEL.moments(), **O.definitions(TWO_LEVEL)}
        return sub, _stated(TWO_LEVEL.moments())
    if scope.kind == "coordinate":
        return {O.EX2: coordinate_second_moment()}, []
    if scope.kind == "loss-scaled":
        traces = two_level_noise_traces("loss-scaled")
        sub = {k: v.xreplace(traces) for k, v in O.definitions(TWO_LEVEL).items()}
        sub.update({k: v.xreplace(traces) for k, v in TWO_LEVEL.moments().items()})
        sub.update(O.loss_scaled_increments())
        # d > k: write d = k + d_B with d_B >= 1 bulk coordinates, so that d - k is visibly positive
        return {**{k_: v.xreplace({S.d: S.k + S.d_B}) for k_, v in sub.items()}, S.d: S.k + S.d_B}, []
    if scope.kind == "dynamics":
        return {}, []
    raise ValueError(f"unknown scope {scope.kind!r}")


def instantiate(prop: Prop, scope: Scope) -> Problem:
    """The proposition in a scope: observables and moments replaced by their definitions there."""
    sub, domain = substitution(scope)
    hyps = [h.xreplace(sub) for h in prop.hypotheses]
    concl = prop.conclusion.xreplace(sub)
    return Problem(scope, list(domain), hyps, concl)
