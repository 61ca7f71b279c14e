"""Oracles for the constant-step dynamics (T4, T5, X1): the mean-field step, iterated; never a closed form.

The two-level mean-field step maps the block second moments ``(a, b)`` to their
expectations after one SGD step, computed per coordinate from the step itself
(:func:`salign.verify.verifier.oracles.step_second_moment`).  With state-independent
noise it is affine and decoupled; with loss-scaled noise it is linear and couples
``a`` and ``b``.  Either way three evaluations of the step read it off exactly as
``(a, b) -> M (a, b) + c``; the iteration then runs in arb balls at the working
precision, so every later sign is decided rigorously or reported undecided.
"""

from __future__ import annotations

from typing import Callable

import mpmath

from salign.theory.model import alignment as chi_of

from .arb import arb_prec, to_arb, to_mpf
from .arb import sign as arb_sign
from .instance import Instance
from .oracles import OracleFailure, step_second_moment

#: ``(a, b) -> (n_D, n_B)``: the block noise traces at a state (constant unless the noise is loss-scaled)
Traces = Callable[[object, object], tuple]


class Unsettled(OracleFailure):
    """A trajectory that does not stand still within the horizon: more digits would not help (a smaller band
    needs more steps), so the sample counts as an oracle failure at once."""


def mean_field_step(inst: Instance, a, b, traces: Traces):
    """``(E a', E b')`` after one step from ``(a, b)``, with the noise recomputed at ``(a, b)``."""
    (D,), (B,) = inst.D, inst.B
    n_D, n_B = traces(a, b)
    a1 = D.mult * step_second_moment(mpmath.sqrt(a / D.mult), D.lam, mpmath.sqrt(n_D / D.mult), inst.eta)
    b1 = B.mult * step_second_moment(mpmath.sqrt(b / B.mult), B.lam, mpmath.sqrt(n_B / B.mult), inst.eta)
    return a1, b1


def step_map(inst: Instance, traces: Traces, coupled: bool):
    """``((m11, m12), (m21, m22)), (c1, c2)`` with ``(a', b') = M (a, b) + c``, read off the step.

    ``coupled`` (loss-scaled noise): the step is linear, ``c = 0``, and the columns of ``M``
    are the steps from ``(1, 0)`` and ``(0, 1)``.  Otherwise each block is its own affine map.
    """
    zero, one = mpmath.mpf(0), mpmath.mpf(1)
    if coupled:
        ea, eb = mean_field_step(inst, one, zero, traces), mean_field_step(inst, zero, one, traces)
        return ((ea[0], eb[0]), (ea[1], eb[1])), (zero, zero)
    c = mean_field_step(inst, zero, zero, traces)
    s = mean_field_step(inst, one, one, traces)
    return ((s[0] - c[0], zero), (zero, s[1] - c[1])), c


def fixed_point(m):
    """``(a_inf, b_inf)`` of a decoupled affine map (``c_S / (1 - m_SS)``; negative where the step is unstable)."""
    ((m11, _), (_, m22)), (c1, c2) = m
    nan = mpmath.mpf("nan")  # rho = 1 (eta = 2/lambda or 0): no stationary point
    return (c1 / (1 - m11) if m11 != 1 else nan), (c2 / (1 - m22) if m22 != 1 else nan)


def trajectory(m, a0, b0, steps: int, early_stop: bool = False, stationary: tuple[bool, bool] = (False, False)):
    """``(a_t, b_t)`` for ``t = 0..steps`` as arb balls, iterating the map ``m``.

    With ``early_stop`` it stops once ``A_t`` stands still: two steps in a row that change it by
    less than the working precision's band (relative to the terms of the change); one that does
    not within ``steps`` raises :class:`Unsettled`.

    ``stationary`` (a decoupled map only): the start is exactly the map's own fixed point in ``a``,
    in ``b`` (the faces ``alpha = 0``, ``beta = 0``), taken as the ball of ``c / (1 - m)`` rather
    than its rounding ``a0``, ``b0`` (a rounded start would move, by the rounding error, in a
    direction no face has); at both, the trajectory is constant, exactly.
    """
    (m11, m12), (m21, m22) = m[0]
    if any(stationary) and (m12 != 0 or m21 != 0):
        raise ValueError("a stationary start needs a decoupled map")
    with arb_prec():
        m11, m12, m21, m22 = map(to_arb, (m11, m12, m21, m22))
        c1, c2 = map(to_arb, m[1])
        band = to_arb(mpmath.mpf(10) ** (-mpmath.mp.dps + 12))
        a = c1 / (1 - m11) if stationary[0] else to_arb(a0)
        b = c2 / (1 - m22) if stationary[1] else to_arb(b0)
        out = [(a, b)]
        if all(stationary):  # the same state at every step: each A_{t+1} - A_t is exactly 0
            return out * (min(steps, 1) + 1 if early_stop else steps + 1)
        still = 0
        for _ in range(steps):
            a1, b1 = m11 * a + m12 * b + c1, m21 * a + m22 * b + c2
            out.append((a1, b1))
            if early_stop:
                # A stands still once its change, relative to the terms it subtracts, is within the band two steps
                # in a row (one small step may be a turn; under loss-scaled noise (a, b) -> 0 but A settles)
                r = abs(a1 * b - a * b1) / abs(a1 * b + a * b1)
                still = still + 1 if r <= band else 0
                if still >= 2:
                    return out
            a, b = a1, b1
    if early_stop:
        raise Unsettled(f"the trajectory has not settled within {steps} steps")
    return out


def alignment(inst: Instance, a, b):
    """``A = lambda_D^2 a / (lambda_D^2 a + lambda_B^2 b)`` for a two-level state."""
    (D,), (B,) = inst.D, inst.B
    return chi_of(D.lam**2 * a, B.lam**2 * b)


def relative_change(traj, t: int):
    """``(a_{t+1} b_t - a_t b_{t+1}) / (a_{t+1} b_t + a_t b_{t+1})``: the sign of ``A_{t+1} - A_t``, decided
    by its arb ball, with a size relative to the terms it subtracts (exactly 0 on a stationary trajectory).

    A change that is zero at the instance the sample describes (a face) is a rounding error here and
    shrinks as the digits grow, so the engine sees a tie (see ``engine.confirm``); a real change keeps
    its size at every precision, however small it is against ``A``.
    """
    (a0, b0), (a1, b1) = traj[t], traj[t + 1]
    if traj[t] is traj[t + 1]:  # a stationary trajectory (see trajectory): no change, exactly
        return mpmath.mpf(0)
    with arb_prec():
        num, den = a1 * b0 - a0 * b1, a1 * b0 + a0 * b1
        if arb_sign(num) == 0:
            raise OracleFailure(f"the sign of A_(t+1) - A_t at t = {t} is below the working precision")
        return to_mpf(num / den)


def turns(traj) -> int:
    """Changes of direction of ``A_t`` along a trajectory (signs decided in arb; a tie is skipped)."""
    with arb_prec():
        signs = [z for z in (0 if s0 is s1 else arb_sign(s1[0] * s0[1] - s0[0] * s1[1])
                             for s0, s1 in zip(traj, traj[1:])) if z]
    return sum(1 for z0, z1 in zip(signs, signs[1:]) if z0 != z1)


def increments(m, a, b) -> dict:
    """X1: ``inc1 = a_1 b_0 - a_0 b_1`` and ``inc2 = a_2 b_1 - a_1 b_2`` two steps from ``(a, b)``,
    with the magnitudes of the terms each one subtracts."""
    (a0, b0), (a1, b1), (a2, b2) = trajectory(m, a, b, 2)
    with arb_prec():
        return {"inc1": to_mpf(a1 * b0 - a0 * b1), "inc2": to_mpf(a2 * b1 - a1 * b2),
                "|inc1|": to_mpf(a1 * b0 + a0 * b1), "|inc2|": to_mpf(a2 * b1 + a1 * b2)}
