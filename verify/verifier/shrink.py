"""Shrinking a counterexample: simplify the genotype while the proposition still fails on it.

Candidates round one number at a time to fewer significant digits, or make an integer
smaller; a candidate is kept when the violation survives, confirmed at higher
precision.  Which fields may change is the genotype's business
(:meth:`~salign.verify.verifier.sampling.Genotype.shrinkable`), not the shrinker's.
"""

from __future__ import annotations

import mpmath

from .instance import InstanceError
from .oracles import OracleFailure
from .sampling import Genotype


def simpler(x) -> list:
    """Candidates simpler than ``x`` (fewer significant digits, smaller integers)."""
    if isinstance(x, (bool, str)) or x is None:
        return []
    if isinstance(x, int):
        return [c for c in (1, 2, x // 2) if c < x]
    if isinstance(x, mpmath.mpf):
        if x == 0:
            return []
        out = []
        for digits in (1, 2, 3):
            c = mpmath.mpf(mpmath.nstr(x, digits))
            if c != x:
                out.append(c)
        return out
    if isinstance(x, tuple):
        return [x[:i] + (c,) + x[i + 1:] for i, el in enumerate(x) for c in simpler(el)]
    return []


def shrink(g: Genotype, still_violates, budget: int = 150) -> Genotype:
    """The simplest genotype reachable from ``g`` by :func:`simpler` steps on which ``still_violates`` holds.

    ``still_violates(candidate) -> bool``; a candidate that cannot be built or evaluated is
    simply not simpler-and-violating.
    """
    changed = True
    while changed and budget > 0:
        changed = False
        for name in g.shrinkable():
            for c in simpler(getattr(g, name)):
                budget -= 1
                cand = g.replace(**{name: c})
                try:
                    ok = still_violates(cand)
                except (InstanceError, OracleFailure, ArithmeticError, ValueError):
                    ok = False
                if ok:
                    g, changed = cand, True
                    break
            if budget <= 0:
                break
    return g
