"""Factorisation of polynomials over the rationals, by FLINT: exact, deterministic, and fast.

SymPy's multivariate factorisation (Wang's algorithm) draws random evaluation points, and on some draws its
Hensel lifting runs for minutes: ``factor_list`` of a 15-term quartic in nine moment symbols took 0.03 s four
times and 146 s the fifth (found by ``salign selftest``, where it held the prover far beyond ``--timeout``).
FLINT's ``fmpz_mpoly`` factorisation returns the same factors (unique up to order and sign) without that
variance.  Where the expression is not a polynomial in symbols with rational coefficients (``pi`` in a
coefficient, a float, a square root), SymPy's own ``factor_list`` is used as before, and where that fails
(a symbolic power among the generators: it compares degrees such as ``t > 2``) the part is one factor.

Every caller only needs *a* factorisation: ``coeff * prod(f**k) == expr``; that identity is what is returned.
"""

from __future__ import annotations

import flint
from sympy import Integer, Mul, Poly, PolynomialError, Rational, factor_list, fraction, together

__all__ = ["factor_list_q", "factor_q", "PolynomialError"]


def _flint_factors(P: Poly) -> tuple | None:
    """``(coeff, [(Poly factor, k)])`` of a polynomial in symbols over ZZ or QQ, by FLINT; None for any other
    (a root or a function as a generator: SymPy's factorisation knows ``sqrt(X)`` is ``X^(1/2)``)."""
    if not all(g.is_Symbol for g in P.gens):
        return None
    if P.domain.is_QQ:
        den, P = P.clear_denoms(convert=True)
        scale = Rational(1, int(den))
    elif P.domain.is_ZZ:
        scale = Integer(1)
    else:
        return None
    n = len(P.gens)
    if n == 0 or P.is_ground:
        return scale * P.LC(), []
    ctx = flint.fmpz_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
    content, factors = ctx.from_dict({m: int(c) for m, c in P.terms()}).factor()
    out = []
    for f, k in factors:
        out.append((Poly.from_dict({tuple(int(e) for e in m): int(c) for m, c in f.to_dict().items()}, *P.gens), int(k)))
    return scale * Integer(int(content)), out


def factor_list_q(expr) -> tuple:
    """``(coeff, [(factor, k)])`` with ``coeff * prod(factor**k) == expr`` for a polynomial ``expr`` (SymPy's
    ``factor_list`` contract); a rational function's denominator factors come with negative ``k``."""
    num, den = fraction(together(expr)) if not expr.is_polynomial() else (expr, Integer(1))
    coeff, out = Integer(1), []
    for part, sign in ((num, 1), (den, -1)):
        if part.is_number:
            coeff *= part ** sign
            continue
        got = _flint_factors(Poly(part))
        if got is None:  # coefficients beyond the rationals: SymPy's factorisation
            try:
                c, fs = factor_list(part)
            except TypeError:  # SymPy cannot order the factors of rho_D^t e^2 (it asks whether t > 2; found by
                c, fs = Integer(1), [(part, 1)]  # salign selftest -n 10000 --seed 11): the part is one factor
        else:
            c, fs = got[0], [(f.as_expr(), k) for f, k in got[1]]
        coeff *= c ** sign
        out += [(f, sign * k) for f, k in fs]
    merged: dict = {}  # a factor of both the numerator and the denominator cancels, as in SymPy's factor
    for f, k in out:
        merged[f] = merged.get(f, 0) + k
    return coeff, [(f, k) for f, k in merged.items() if k]


def factor_q(expr):
    """``expr`` as the product of its factors (SymPy's ``factor``, through :func:`factor_list_q`)."""
    coeff, fs = factor_list_q(expr)
    return Mul(coeff, *[f**k for f, k in fs])
