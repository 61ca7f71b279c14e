"""Helpers only the tests need: exact evaluation, instances from vectors, iterated mean-field trajectories."""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import mpmath
from sympy import Rational, sympify

from salign.verify.verifier import dynamics
from salign.verify.verifier.arb import to_mpf
from salign.verify.verifier.instance import Instance, InstanceError, Level


def exact(expr, values: dict) -> Fraction:
    """``expr`` at rational ``values``, exactly."""
    sub = {s: Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
           for s, v in values.items() if s in expr.free_symbols}
    r = sympify(expr).xreplace(sub)
    if not r.is_Rational:
        raise ValueError(f"{expr} is not rational at these values: {r}")
    return Fraction(int(r.p), int(r.q))


def from_spectrum(eigenvalues: Sequence, k: int, x: Sequence, sigma: Sequence, eta) -> Instance:
    """An instance from per-coordinate vectors (eigenvalues in decreasing order; top ``k`` dominant)."""
    n = len(eigenvalues)
    if not (isinstance(k, int) and 1 <= k < n):
        raise InstanceError(f"k = {k!r} must satisfy 1 <= k < d = {n}")
    lv = [Level(lam, 1, xi, si) for lam, xi, si in zip(eigenvalues, x, sigma)]
    return Instance(tuple(lv[:k]), tuple(lv[k:]), eta)


def _constant_traces(inst):
    (D,), (B,) = inst.D, inst.B
    return lambda a, b: (D.s, B.s)


def iterate_two_level(inst: Instance, a0, b0, steps: int):
    """Mean-field ``(a_t, b_t)``, ``t = 0..steps``, iterating the verifier's step map (state-independent noise)."""
    m = dynamics.step_map(inst, _constant_traces(inst), coupled=False)
    return [(to_mpf(a), to_mpf(b)) for a, b in dynamics.trajectory(m, mpmath.mpf(a0), mpmath.mpf(b0), steps)]


def alignment_trajectory(inst: Instance, a0, b0, steps: int):
    return [dynamics.alignment(inst, a, b) for a, b in iterate_two_level(inst, a0, b0, steps)]
