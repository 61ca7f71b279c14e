"""Claims and their propositions: the form every checker (verify, prove) reads.

A :class:`Claim` is one entry of THEORY.md §2.  Its content is a tuple of
:class:`Prop`: *under these hypotheses, this conclusion*, as SymPy booleans over
the model's symbols and the *observables* of :mod:`theory.observables`
(quantities such as the one-step alignment change that oracles compute from the
model's definition).  The prover substitutes each observable's definition; the
numeric verifier substitutes an oracle's value.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from sympy import Expr, true
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean, BooleanFalse, BooleanTrue

from .derivation import Derivation

#: the models a proposition can live in
MODELS = ("coordinate", "general", "two-level", "dynamics", "loss-scaled")


def relations(b) -> tuple:
    """The relational atoms of a boolean, in a fixed order."""
    if isinstance(b, Relational):
        return (b,)
    if isinstance(b, (bool, BooleanTrue, BooleanFalse)) or getattr(b, "is_Symbol", False):
        return ()
    out = []
    for a in b.args:
        for r in relations(a):
            if r not in out:
                out.append(r)
    return tuple(out)


@dataclass(frozen=True)
class Prop:
    """``hypotheses  =>  conclusion``, one checkable piece of a claim.

    ``model`` says over which variables it is stated: ``general`` (block
    moments; the prover instantiates a spectrum with m levels per block),
    ``two-level``, ``coordinate``, ``dynamics`` (two-level dynamics with
    ``p = rho_D^t``, ``u = (rho_D/rho_B)^t``) or ``loss-scaled`` (X1).
    ``verify_only`` marks propositions about oracle-only observables (a root
    found numerically, an iterated trajectory) that the prover cannot state.
    ``expected=False`` marks an exploratory conjecture (X1) that is reported
    REFUTED as a finding, not as a failure of THEORY.md.
    """

    name: str
    conclusion: Boolean
    hypotheses: tuple[Boolean, ...] = ()
    model: str = "general"
    verify_only: bool = False
    note: str = ""
    expected: bool = True  # False: an exploratory conjecture the checker is expected to refute

    def __post_init__(self):
        if self.model not in MODELS:
            raise ValueError(f"Prop {self.name}: model must be one of {MODELS}, got {self.model!r}")
        if not isinstance(self.conclusion, (Boolean, bool)) and self.conclusion is not true:
            raise TypeError(f"Prop {self.name}: conclusion must be a SymPy relation or boolean, "
                            f"got {type(self.conclusion).__name__}")

    def free_symbols(self):
        out = set(getattr(self.conclusion, "free_symbols", set()))
        for h in self.hypotheses:
            out |= h.free_symbols
        return out


@dataclass(frozen=True)
class Claim:
    """One claim of THEORY.md: id, a one-line statement, its derivation and propositions."""

    id: str
    title: str
    statement: str
    hypotheses: str
    defines: Mapping[str, Expr]
    props: tuple[Prop, ...]
    derivation: Derivation | None = field(default=None, compare=False, repr=False)

    def prop(self, name: str) -> Prop:
        for pr in self.props:
            if pr.name == name:
                return pr
        raise KeyError(f"{self.id} has no proposition {name!r}; it has "
                       f"{', '.join(p.name for p in self.props)}")

    def with_props(self, *props: Prop, **changes) -> "Claim":
        """A copy with other propositions (how the tests build wrong variants)."""
        return replace(self, props=tuple(props), **changes)
