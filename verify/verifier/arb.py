"""Exact conversions between mpmath numbers and python-flint ``arb`` balls, and a scoped precision."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache

import flint
import mpmath

GUARD_BITS = 20


@contextmanager
def arb_prec(bits: int | None = None):
    """Set ``flint.ctx.prec`` (default: mpmath's working precision plus guard bits), restore after."""
    old = flint.ctx.prec
    flint.ctx.prec = bits if bits is not None else mpmath.mp.prec + GUARD_BITS
    try:
        yield
    finally:
        flint.ctx.prec = old


def to_arb(x) -> flint.arb:
    """An mpf (or int, or arb) as an exact arb ball (radius 0 for numbers)."""
    if isinstance(x, flint.arb):
        return x
    if isinstance(x, int):  # includes bool
        return flint.arb(flint.fmpz(int(x)))
    sign, man, exp, bc = mpmath.mpf(x)._mpf_  # (mpf.man_exp drops the sign)
    if man == 0 and exp != 0:  # inf or nan: a value the model leaves undefined; no relation on it holds
        return flint.arb("nan")
    m = -int(man) if sign else int(man)
    if bc + 2 <= flint.ctx.prec:  # the product is exact at the current precision
        return flint.arb(flint.fmpz(m)) * _pow2(int(exp), flint.ctx.prec)
    with arb_prec(int(bc) + 10):  # exact: enough bits for the mantissa
        return flint.arb(flint.fmpz(m)) * flint.arb(2) ** int(exp)


@lru_cache(maxsize=8192)
def _pow2(e: int, prec: int) -> flint.arb:
    """``2^e`` as an exact ball (cached: conversions repeat the same exponents)."""
    return flint.arb(2) ** e


def to_mpf(a: flint.arb) -> mpmath.mpf:
    """The midpoint of an arb ball as an mpf (exact, then rounded to mpmath's precision)."""
    man, exp = a.mid().man_exp()
    return mpmath.mpf((int(man), int(exp)))


def sign(a: flint.arb) -> int:
    """-1, 0 or 1, with 0 when the ball contains zero (the sign is not decided)."""
    if a > 0:
        return 1
    if a < 0:
        return -1
    return 0
