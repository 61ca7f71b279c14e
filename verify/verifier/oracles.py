"""Oracles: every quantity a claim speaks about, computed from the model's definition.

Nothing here reads a derived formula.  Expectations over the noise use a
two-point noise ``xi_i = +-sigma_i`` (mean 0, variance ``Sigma_ii``: the model
specifies only these two moments), applied to the SGD step itself; roots are
found numerically; dynamics are iterated step by step.  Arithmetic is generic:
``Fraction`` in, ``Fraction`` out; ``mpf`` in, ``mpf`` out.
"""

from __future__ import annotations

import flint
import mpmath

from salign.theory import observables as O
from salign.theory.model import alignment as chi_of
from salign.theory.model import noise_variance

from .arb import arb_prec, to_arb, to_mpf
from .arb import sign as arb_sign
from .instance import Instance


class OracleFailure(ArithmeticError):
    """Genuine numerical trouble: an oracle could not decide its value at the working precision."""

# --- one step, from the step's definition --------------------------------------

def step_second_moment(x, lam, sigma, eta, moves: bool = True):
    """``E[x_i'^2]`` for one coordinate: average of ``(x - eta(lam x +- sigma))^2`` (or ``x^2`` if frozen)."""
    if not moves:
        return x * x
    up = x - eta * (lam * x + sigma)
    down = x - eta * (lam * x - sigma)
    return (up * up + down * down) / 2


def _levels(inst: Instance, conv=lambda v: v) -> dict:
    """Per block, each level as ``(lam^2 m, lam m / 2, x, lam, sigma)``, converted by ``conv`` once."""
    return {blk: [(conv(lv.lam**2 * lv.mult), conv(lv.lam * lv.mult / 2), conv(lv.x), conv(lv.lam), conv(lv.sigma))
                  for lv in levels] for blk, levels in inst.blocks()}


def _E_G(levels, eta):
    """``E[G_S(x')] = sum lam^2 m E[x'^2]`` over a block's levels."""
    return sum(w2 * step_second_moment(x, lam, s, eta) for w2, _, x, lam, s in levels)


def _G(levels):
    return sum(w2 * x * x for w2, _, x, _, _ in levels)


def _dL(levels, eta, sign=-1):
    """``sum lam m (E[x'^2] - x^2) / 2`` (``sign=+1``: the magnitude, with ``+ x^2``)."""
    return sum(w1 * (step_second_moment(x, lam, s, eta) + sign * x * x) for _, w1, x, lam, s in levels)


def _dchi(eD, eB, gD, gB):
    """``eD/(eD+eB) - gD/(gD+gB)`` over one denominator (no loss of digits near alignment 1)."""
    return (eD * gB - eB * gD) / ((eD + eB) * (gD + gB))


def expected_G(inst: Instance, block: str, eta=None):
    """``E[G_S(x')]`` after one full SGD step."""
    return _E_G(_levels(inst)[block], inst.eta if eta is None else eta)


def G(inst: Instance, block: str):
    return _G(_levels(inst)[block])


def alignment(inst: Instance):
    """``chi(x)``, the definition of THEORY.md §1 applied to the instance's block gradients."""
    return chi_of(G(inst, "D"), G(inst, "B"))


def alignment_change(inst: Instance, eta=None):
    """``chi-bar'(eta) - chi``: mean-field alignment after one step minus the current one."""
    return alignment_change_fn(inst, exact=True)(inst.eta if eta is None else eta)


def expected_loss_change(inst: Instance, moving: tuple[str, ...], eta=None):
    """``E[L(x')] - L(x)`` when the blocks in ``moving`` take the SGD step (others frozen)."""
    return loss_change_fn(inst, moving, exact=True)(inst.eta if eta is None else eta)


# --- roots, found numerically ----------------------------------------------------

def _illinois(f, x0, x1, f0, f1, tol, to_x=lambda x: x, max_steps: int = 600, sign=mpmath.sign):
    """Illinois (regula falsi, halving the stale end) on a bracket [x0, x1] of ``f(to_x(.))``.

    Keeps a bracket at every step; forces a bisection when the bracket fails to halve
    in three steps.  Returns the final bracket.
    """
    side, width, stall = 0, x1 - x0, 0
    for _ in range(max_steps):
        if x1 - x0 <= tol:
            break
        if stall >= 3:
            x, stall = (x0 + x1) / 2, 0
        else:
            x = (x0 * f1 - x1 * f0) / (f1 - f0)
            if not x0 < x < x1:
                x = (x0 + x1) / 2
        fx = f(to_x(x))
        if fx == 0:
            return x, x, fx, fx
        if sign(fx) == sign(f0):
            x0, f0 = x, fx
            if side == -1:
                f1 /= 2
            side = -1
        else:
            x1, f1 = x, fx
            if side == 1:
                f0 /= 2
            side = 1
        if x1 - x0 <= width / 2:
            width, stall = x1 - x0, 0
        else:
            stall += 1
    return x0, x1, f0, f1


def bisect_log(f, lo, hi, f_lo=None, f_hi=None):
    """A root of ``f`` between ``0 < lo < hi`` where ``f`` changes sign.

    Illinois on ``log x`` while the bracket spans more than a factor 2, then on ``x``
    itself (no exp/log per step).  Both keep a bracket at every step, so the result
    is as safe as bisection.
    """
    f0 = f(lo) if f_lo is None else f_lo
    f1 = f(hi) if f_hi is None else f_hi
    if f0 == 0:
        return lo
    if f1 == 0:
        return hi
    if mpmath.sign(f0) == mpmath.sign(f1):
        raise ValueError("bisect_log needs a sign change")
    eps = mpmath.mpf(2) ** (-mpmath.mp.prec + 6)
    if hi > 2 * lo:
        x0, x1, _, _ = _illinois(f, mpmath.log(lo), mpmath.log(hi), f0, f1, mpmath.log(2), mpmath.exp)
        lo, hi = mpmath.exp(x0), mpmath.exp(x1)
        if lo == hi:
            return lo
        f0, f1 = f(lo), f(hi)
    x0, x1, f0, f1 = _illinois(f, lo, hi, f0, f1, mpmath.mpf(10) ** -10 * hi)
    if x0 == x1:
        return x0
    r = _secant_finish(f, x0, x1, f0, f1)
    if r is not None:
        return r
    x0, x1, _, _ = _illinois(f, x0, x1, f(x0), f(x1), eps * hi)
    return (x0 + x1) / 2


def _secant_finish(f, x0, x1, f0, f1, steps: int = 8):
    """Secant steps from a tight bracket, accepted only if ``f`` changes sign at ``r (1 +- 10^(6-dps))``."""
    a, fa, b, fb = x0, f0, x1, f1
    for _ in range(steps):
        if fb == fa:
            break
        c = b - fb * (b - a) / (fb - fa)
        if not x0 <= c <= x1:  # left the bracket: let the bracketed method finish
            return None
        a, fa, b, fb = b, fb, c, f(c)
        if fb == 0 or abs(b - a) <= mpmath.mpf(2) ** (-mpmath.mp.prec + 4) * abs(b):
            break
    if not (x0 <= b <= x1):
        return None
    if fb == 0:
        return b
    w = mpmath.mpf(10) ** (6 - mpmath.mp.dps)
    lo_s, hi_s = mpmath.sign(f(b * (1 - w))), mpmath.sign(f(b * (1 + w)))
    return b if lo_s != hi_s and lo_s != 0 and hi_s != 0 else None


def _float_bracket(f, lo: float, hi: float):
    """A tight float64 bracket of a sign change of ``f`` in ``(lo, hi)``, or ``None``.

    The same Illinois iteration as at full precision, on ``log eta`` in float64: about
    ten evaluations; any non-finite value or arithmetic error gives up (``None``).
    """
    import math

    def fs(x):
        v = f(x)
        if not math.isfinite(v):
            raise ValueError("non-finite")
        return v

    try:
        f0, f1 = fs(lo), fs(hi)
        if f0 == 0 or f1 == 0 or (f0 > 0) == (f1 > 0):
            return None
        x0, x1, _, _ = _illinois(fs, math.log(lo), math.log(hi), f0, f1, 1e-13 * max(1.0, abs(math.log(lo))),
                                 math.exp, max_steps=100, sign=lambda v: (v > 0) - (v < 0))
    except (ZeroDivisionError, OverflowError, ValueError):
        return None
    return (math.exp(x0) * (1 - 1e-12), math.exp(x1) * (1 + 1e-12)) if x0 == x1 else (math.exp(x0), math.exp(x1))


def polished_root(f, f_float, lo, hi):
    """Root of ``f`` in ``[lo, hi]`` (sign change): float64 bracket, checked and polished at full precision.

    The float bracket only proposes where to look; the sign change is re-checked with
    ``f`` at the working precision, and plain bisection takes over if it does not hold.
    """
    fb = _float_bracket(f_float, float(lo), float(hi)) if f_float is not None else None
    if fb is not None:  # the float bracket only proposes: verify it at full precision first
        a, b = mpmath.mpf(fb[0]) * (1 - mpmath.mpf(10) ** -9), mpmath.mpf(fb[1]) * (1 + mpmath.mpf(10) ** -9)
        if lo <= a < b <= hi:
            fa, fb_ = f(a), f(b)
            if fa != 0 and fb_ != 0 and mpmath.sign(fa) != mpmath.sign(fb_):
                r = _secant_finish(f, a, b, fa, fb_)
                return r if r is not None else bisect_log(f, a, b, fa, fb_)
    return bisect_log(f, lo, hi)


class ArbFunction:
    """``f(eta)`` built with its constants as arb balls: the midpoint as an mpf, and a *certified* sign.

    ``build(convert)`` makes ``f`` from the instance's numbers; the arithmetic is the step's
    own, arb only makes it cheap and says how far each value can be trusted.  ``bits``
    defaults to mpmath's working precision plus guard bits.
    """

    def __init__(self, build, bits: int | None = None):
        self.bits = bits
        with arb_prec(bits):
            self.f = build(to_arb)

    def ball(self, eta):
        with arb_prec(self.bits):
            return self.f(to_arb(eta))

    def __call__(self, eta):
        r = self.ball(eta)
        if not r.is_finite():
            raise OracleFailure("the oracle's value is not finite here")
        return to_mpf(r)

    def sign(self, eta) -> int:
        """+1 or -1 when the ball excludes 0, else 0 (not decided at this precision)."""
        r = self.ball(eta)
        return arb_sign(r) if r.is_finite() else 0


def _exact_sign(f):
    """The sign function of an exactly evaluated ``f`` (Fractions, or float64 for a quick look)."""
    def sign(eta):
        v = f(eta)
        return (v > 0) - (v < 0)
    return sign


#: the probes of :func:`nonzero_root`: a scale times 10^(+-10 j)
PROBE_DECADES = 400


def nonzero_root(f, scale, f_float=None, sign=None, decades: int = PROBE_DECADES):
    """The positive root of ``f(eta) / eta`` (``f`` vanishes at 0), probed at ``scale 10^(10 j)``, ``|j| <= decades/10``.

    Only *certified* signs count (``sign``: an arb ball that excludes 0).  The root is taken
    in the certified sign change nearest to ``scale`` and must come with a certified sign
    change around it.  ``None`` (no root) when the certified probes never change sign and
    the only undecided ones are the smallest step sizes, where ``f`` is a difference of
    nearly equal terms below the working precision (a root there cannot be resolved: the
    verifier's re-check at 2x and 4x the digits sees further).  Anything else raises
    :class:`OracleFailure`.  (Rounding noise near ``eta = 0`` used to look like a root at
    1e-60: now it is undecided, never a root.)
    """
    sign = sign or _exact_sign(f)
    seen: dict = {}

    def g(e):  # f(eta)/eta, remembering the points already evaluated
        if e not in seen:
            seen[e] = f(e) / e
        return seen[e]

    g_float = None if f_float is None else (lambda e: f_float(e) / e)
    scale = mpmath.mpf(scale)
    probed: dict = {}  # j -> (eta, certified sign), probed ring by ring outwards from the scale
    changes: list = []
    for ring in range(0, decades + 1, 10):
        for j in {-ring, ring}:
            e = scale * mpmath.mpf(10) ** j
            probed[j] = (e, sign(e))
        signs = [(j, e, s) for j, (e, s) in sorted(probed.items())]
        certified = [(j, e, s) for j, e, s in signs if s]
        changes = [(abs(j0) + abs(j1), e0, e1) for (j0, e0, s0), (j1, e1, s1) in zip(certified, certified[1:])
                   if s0 != s1]
        if changes:
            break
    certified = [(j, e, s) for j, e, s in signs if s]
    if changes:
        _, lo, hi = min(changes, key=lambda c: c[0])
        r = polished_root(g, g_float, lo, hi)
        w = mpmath.mpf(10) ** (6 - mpmath.mp.dps)
        s_left, s_right = sign(r * (1 - w)), sign(r * (1 + w))
        if not (s_left and s_right and s_left != s_right):
            raise OracleFailure(f"the root near {mpmath.nstr(r, 8)} has no certified sign change around it")
        return r
    if not certified:
        raise OracleFailure("no probe's sign could be decided at the working precision")
    undecided = [j for j, _, s in signs if not s]
    if all(j < certified[0][0] for j in undecided):
        return None
    raise OracleFailure(f"{len(undecided)} probes had undecided signs between decided ones")


def _closure(inst: Instance, make, exact: bool):
    """``make(levels)`` -> ``(f, sign)``: in arb for mpmath instances (certified signs, the fast path of root
    finding), in the instance's own arithmetic otherwise (exact for Fractions, float64 for floats)."""
    if exact or not isinstance(inst.eta, mpmath.mpf):
        f = make(_levels(inst))
        return f, _exact_sign(f)
    af = ArbFunction(lambda conv: make(_levels(inst, conv)))
    return af, af.sign


def _alignment_change_of(lv):
    """``eta -> chi-bar'(eta) - chi`` over prepared levels (what does not depend on eta, computed once)."""
    gD, gB = _G(lv["D"]), _G(lv["B"])
    return lambda eta: _dchi(_E_G(lv["D"], eta), _E_G(lv["B"], eta), gD, gB)


def _loss_change_of(moving: tuple[str, ...]):
    """``levels -> (eta -> E[L(x')] - L(x))`` for the blocks in ``moving`` (frozen blocks contribute nothing)."""
    return lambda lv: (lambda eta: sum(_dL(lv[blk], eta) for blk in ("D", "B") if blk in moving))


def alignment_change_fn(inst: Instance, exact: bool = False):
    """``eta -> chi-bar'(eta) - chi`` for a fixed instance."""
    return _closure(inst, _alignment_change_of, exact)[0]


def eta_root(inst: Instance):
    """Nonzero root of ``chi-bar'(eta) - chi``; ``None`` if it has none (as in the high regime)."""
    lam_max = max(lv.lam for lv in inst.D)
    f, sign = _closure(inst, _alignment_change_of, exact=False)
    return nonzero_root(f, 1 / lam_max, f_float=alignment_change_fn(inst.as_float()), sign=sign)


def loss_change_fn(inst: Instance, moving: tuple[str, ...], exact: bool = False):
    """``eta -> E[L(x')] - L(x)`` for the blocks in ``moving``."""
    return _closure(inst, _loss_change_of(moving), exact)[0]


def loss_root(inst: Instance, moving: tuple[str, ...]):
    """Nonzero root of the projected step's expected loss change (``None`` if it has none)."""
    lam_max = max(lv.lam for blk, lvs in inst.blocks() if blk in moving for lv in lvs)
    f, sign = _closure(inst, _loss_change_of(moving), exact=False)
    return nonzero_root(f, 1 / lam_max, f_float=loss_change_fn(inst.as_float(), moving), sign=sign)


def chi_root(inst: Instance, loss_scaled_sigma2=None):
    """The alignment at which the T1/T2 regimes switch, at this state's gradient norm ``G``.

    Moves the state along ``chi`` at fixed ``G`` (two-level) and finds where the
    one-step alignment change's ``eta^2`` behaviour flips: the sign of
    ``lim_{eta->oo} (chi-bar'(eta) - chi)``, evaluated as ``Delta(eta)/eta^2`` at a
    huge eta (``10^(dps+10)``, with doubled precision so the ``O(1/eta)`` rest vanishes).
    ``loss_scaled_sigma2``: under loss-scaled noise (``Sigma = 2 sigma^2 L(x) H``) its scale ``sigma^2``, so that
    each moved state has its own noise (a red-team review found the noise of the original state kept: the root
    of a model with frozen noise, not of this one); None: the instance's noise, which does not depend on the state.
    """
    from salign.theory import symbols as S

    vals = inst.two_level_values()
    (D,), (B,) = inst.D, inst.B
    dps = mpmath.mp.dps

    def build(conv):  # the state at alignment chi = odds / (1 + odds), gradient norm G, one block each
        Gv, lD2, lB2 = conv(vals[S.G]), conv(D.lam**2), conv(B.lam**2)
        cD = (conv(D.mult), conv(D.lam), conv(D.sigma))
        cB = (conv(B.mult), conv(B.lam), conv(B.sigma))
        big = flint.arb(10) ** (dps + 10)
        s2 = None if loss_scaled_sigma2 is None else conv(loss_scaled_sigma2)

        def regime_sign(odds):
            a, b = odds / (1 + odds) * Gv / lD2, 1 / (1 + odds) * Gv / lB2
            sD, sB = cD[2], cB[2]
            if s2 is not None:  # the noise at the moved state: Sigma_ii = 2 sigma^2 L(x) lambda_i
                loss = (cD[1] * a + cB[1] * b) / 2
                sD, sB = (noise_variance("loss-scaled", lam, loss, s2).sqrt() for lam in (cD[1], cB[1]))
            eD = lD2 * cD[0] * step_second_moment((a / cD[0]).sqrt(), cD[1], sD, big)
            eB = lB2 * cB[0] * step_second_moment((b / cB[0]).sqrt(), cB[1], sB, big)
            return (eD * lB2 * b - eB * lD2 * a) / big**2
        return regime_sign

    # eta -> oo at eta = 10^(dps+10): twice the bits so the O(1/eta) remainder falls below 10^-dps
    q_sign = ArbFunction(build, bits=2 * mpmath.mp.prec + 80)

    lD, lB, nD0, nB0, Gf = (float(vals[s]) for s in (S.lam_D, S.lam_B, S.n_D, S.n_B, S.G))
    s2f = None if loss_scaled_sigma2 is None else float(loss_scaled_sigma2)

    def q_sign_float(odds):  # the same limit in float64, at a moderately large eta: a bracket only
        a, b = odds / (1 + odds) * Gf / lD**2, 1 / (1 + odds) * Gf / lB**2
        nD, nB = nD0, nB0
        if loss_scaled_sigma2 is not None:
            loss = (lD * a + lB * b) / 2
            nD, nB = (float(lv.mult) * noise_variance("loss-scaled", lam, loss, s2f) for lv, lam in ((D, lD), (B, lB)))
        big = 1e6 / lB
        eD = lD**2 * (((1 - big * lD) ** 2) * a + big**2 * nD)
        eB = lB**2 * (((1 - big * lB) ** 2) * b + big**2 * nB)
        return (eD * lB**2 * b - eB * lD**2 * a) / big**2

    lo, hi = mpmath.mpf(10) ** -60, mpmath.mpf(10) ** 60
    if not (q_sign.sign(lo) and q_sign.sign(hi) and q_sign.sign(lo) != q_sign.sign(hi)):
        raise OracleFailure("the regime does not change sign between the alignments 1e-60 and 1 - 1e-60")
    r = polished_root(q_sign, q_sign_float, lo, hi)
    w = mpmath.mpf(10) ** (6 - mpmath.mp.dps)
    if not (q_sign.sign(r * (1 - w)) and q_sign.sign(r * (1 - w)) != q_sign.sign(r * (1 + w))):
        raise OracleFailure("the regime switch has no certified sign change around it")
    return r / (1 + r)


# --- every one-step observable at once ----------------------------------------------

def one_step_table(inst: Instance) -> dict:
    """Every one-step observable, and the magnitudes of the differences, at the instance's step size."""
    from .evaluate import MAGNITUDE

    eta, lv = inst.eta, _levels(inst)
    eD, eB, gD, gB = _E_G(lv["D"], eta), _E_G(lv["B"], eta), _G(lv["D"]), _G(lv["B"])
    dLD, dLB = _dL(lv["D"], eta), _dL(lv["B"], eta)
    mD, mB = _dL(lv["D"], eta, sign=+1), _dL(lv["B"], eta, sign=+1)
    defined = eD + eB != 0  # E[G(x')] = 0: the alignment after the step is 0/0, undefined
    nan = mpmath.mpf("nan")
    return {
        O.EG_D: eD, O.EG_B: eB, O.Dchi: _dchi(eD, eB, gD, gB) if defined else nan,
        O.dL_D: dLD, O.dL_B: dLB, O.dL: dLD + dLB,
        MAGNITUDE[O.Dchi]: (eD * gB + eB * gD) / ((eD + eB) * (gD + gB)) if defined else nan,
        MAGNITUDE[O.dL_D]: mD, MAGNITUDE[O.dL_B]: mB, MAGNITUDE[O.dL]: mD + mB,
    }
