"""A derivation: the steps SymPy took, each an equation, and the named results.

Steps are recorded as they are computed, so the Markdown and LaTeX written to
``derivations/`` show exactly what was derived.  :meth:`Derivation.zero` is the
one place where a derivation asserts something: it fails loudly when an
expression that must vanish does not simplify to zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sympy import Basic, Expr, Symbol, cancel, expand, together


class DerivationError(AssertionError):
    """A derivation step that should hold did not (a bug, or a false claim)."""


@dataclass(frozen=True)
class Step:
    """One step: ``text`` says what was done; the step shows ``lhs = rhs``."""

    text: str
    lhs: Basic | str
    rhs: Basic | str


def is_zero(expr: Expr) -> bool:
    """Targeted zero test: put over one denominator and expand the numerator."""
    num = together(cancel(expr)).as_numer_denom()[0]
    return expand(num) == 0


@dataclass
class Derivation:
    claim_id: str
    steps: list[Step] = field(default_factory=list)
    results: dict[str, Expr] = field(default_factory=dict)

    def eq(self, text: str, lhs: Basic | str, rhs: Basic) -> Basic:
        """Record ``lhs = rhs`` and return ``rhs`` (so a step reads as an assignment)."""
        self.steps.append(Step(text, lhs, rhs))
        return rhs

    def zero(self, text: str, lhs: Basic | str, expr: Expr,
             test: Callable[[Expr], bool] = is_zero) -> None:
        """Assert that ``expr`` simplifies to zero and record ``lhs = 0``."""
        if not test(expr):
            raise DerivationError(f"{self.claim_id}: {text}: {lhs} does not vanish: {expr}")
        self.steps.append(Step(text, lhs, 0))

    def result(self, name: str, expr: Expr, text: str | None = None) -> Expr:
        """Name a final expression; it goes to ``claims.json`` under ``name``."""
        if name in self.results:
            raise DerivationError(f"{self.claim_id}: result {name!r} defined twice")
        self.results[name] = expr
        self.steps.append(Step(text or f"Result `{name}`.", Symbol(name), expr))
        return expr
