"""Oracles: every quantity a claim speaks about, computed from the model's definition.

Nothing here reads a derived formula.  Expectations over the noise use a
two-point noise ``xi_i = +-sigma_i`` (mean 0, variance ``Sigma_ii``: the model
specifies only these two moments), applied to the SGD step itself; roots are
found numerically; dynamics are iterated step by step.  Arithmetic is generic:
``Fraction`` in, ``Fraction`` out; ``mpf`` in, ``mpf`` out.
"""

from __future__ import annotations

import mpmath

from theory import observables as O

from .instance import Instance

# --- one step, from the step's definition --------------------------------------

def step_second_moment(x, lam, sigma, eta, moves: bool = True):
    """``E[x_i'^2]`` for one coordinate: average of ``(x - eta(lam x +- sigma))^2`` (or ``x^2`` if frozen)."""
    if not moves:
        return x * x
    up = x - eta * (lam * x + sigma)
    down = x - eta * (lam * x - sigma)
    return (up * up + down * down) / 2


def expected_G(inst: Instance, block: str, eta=None):
    """``E[G_S(x')]`` after one full SGD step."""
    eta = inst.eta if eta is None else eta
    levels = inst.D if block == "D" else inst.B
    return sum(lv.lam**2 * lv.mult * step_second_moment(lv.x, lv.lam, lv.sigma, eta) for lv in levels)


def G(inst: Instance, block: str):
    levels = inst.D if block == "D" else inst.B
    return sum(lv.lam**2 * lv.mult * lv.x * lv.x for lv in levels)


def alignment(inst: Instance):
    gD, gB = G(inst, "D"), G(inst, "B")
    return gD / (gD + gB)


def alignment_change(inst: Instance, eta=None):
    """``chi-bar'(eta) - chi``: mean-field alignment after one step minus the current one.

    Computed as ``eD/(eD+eB) - gD/(gD+gB)`` brought over one denominator (no loss of
    digits when both alignments are within 1e-20 of 1).
    """
    eD, eB = expected_G(inst, "D", eta), expected_G(inst, "B", eta)
    gD, gB = G(inst, "D"), G(inst, "B")
    return (eD * gB - eB * gD) / ((eD + eB) * (gD + gB))


def expected_loss_change(inst: Instance, moving: tuple[str, ...], eta=None):
    """``E[L(x')] - L(x)`` when the blocks in ``moving`` take the SGD step (others frozen)."""
    eta = inst.eta if eta is None else eta
    out = 0
    for blk, levels in inst.blocks():
        for lv in levels:
            after = step_second_moment(lv.x, lv.lam, lv.sigma, eta, moves=blk in moving)
            out += lv.lam * lv.mult * (after - lv.x * lv.x) / 2
    return out


# --- roots, found numerically ----------------------------------------------------

def bisect_log(f, lo, hi, coarse: int = 80):
    """A root of ``f`` between ``lo < hi`` (both > 0, opposite signs): bisection in log space, then polish."""
    flo = mpmath.sign(f(lo))
    for _ in range(coarse):
        mid = mpmath.sqrt(lo * hi)
        fm = mpmath.sign(f(mid))
        if fm == 0:
            return mid
        if fm == flo:
            lo = mid
        else:
            hi = mid
    try:
        r = mpmath.findroot(f, (lo, hi), solver="illinois")
        if lo <= r <= hi:
            return r
    except (ValueError, ZeroDivisionError):
        pass
    for _ in range(4 * mpmath.mp.prec):  # plain bisection to full precision
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        if mpmath.sign(f(mid)) == flo:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def nonzero_root(f, scale, decades: int = 400):
    """The positive root of ``f(eta) / eta`` (``f`` vanishes at 0), searched outwards from ``scale``.

    The bracket widens by 10^10 per side until the sign changes; ``None`` if it never does
    within ``scale 10^-decades .. scale 10^decades``.
    """
    g = lambda e: f(e) / e  # noqa: E731
    scale = mpmath.mpf(scale)
    s0 = mpmath.sign(g(scale))
    for j in range(10, decades + 1, 10):
        for lo, hi in ((scale * mpmath.mpf(10) ** -j, scale * mpmath.mpf(10) ** (10 - j)),
                       (scale * mpmath.mpf(10) ** (j - 10), scale * mpmath.mpf(10) ** j)):
            if mpmath.sign(g(lo)) != mpmath.sign(g(hi)):
                return bisect_log(g, lo, hi)
    del s0
    return None


def eta_root(inst: Instance):
    """Nonzero root of ``chi-bar'(eta) - chi`` (``None`` if it has none, as in the high regime)."""
    lam_max = max(lv.lam for lv in inst.D)
    return nonzero_root(lambda e: alignment_change(inst, e), 1 / lam_max)


def loss_root(inst: Instance, moving: tuple[str, ...]):
    lam_max = max(lv.lam for blk, lvs in inst.blocks() if blk in moving for lv in lvs)
    return nonzero_root(lambda e: expected_loss_change(inst, moving, e), 1 / lam_max)


def chi_root(inst: Instance):
    """The alignment at which the T1/T2 regimes switch, at this state's gradient norm ``G``.

    Moves the state along ``chi`` at fixed ``G`` (two-level) and finds where the
    one-step alignment change's ``eta^2`` behaviour flips: the sign of
    ``lim_{eta->oo} (chi-bar'(eta) - chi)``, evaluated as ``Delta(eta)/eta^2`` at large eta.
    """
    vals = inst.two_level_values()
    from theory import symbols as S

    from .instance import two_level

    Gv = vals[S.G]
    dps = mpmath.mp.dps

    def q_sign(odds):  # the state at alignment chi = odds / (1 + odds), gradient norm G
        a = odds / (1 + odds) * Gv / vals[S.lam_D] ** 2
        b = 1 / (1 + odds) * Gv / vals[S.lam_B] ** 2
        other = two_level(vals[S.lam_D], vals[S.lam_B], inst.k, inst.d, a, b, vals[S.n_D], vals[S.n_B],
                          inst.eta)
        with mpmath.workdps(2 * dps + 20):  # eta -> oo: the O(1/eta) remainder drops below 10^-dps
            big = mpmath.mpf(10) ** (dps + 10)
            eD, eB = expected_G(other, "D", big), expected_G(other, "B", big)
            return (eD * G(other, "B") - eB * G(other, "D")) / big**2

    # bisect in the odds chi/(1-chi), so that thresholds within 1e-30 of 0 or 1 are found
    r = bisect_log(q_sign, mpmath.mpf(10) ** -60, mpmath.mpf(10) ** 60)
    return r / (1 + r)


# --- dynamics, iterated step by step -----------------------------------------------

def iterate_two_level(inst: Instance, a0, b0, steps: int):
    """Mean-field ``(a_t, b_t)`` for ``t = 0..steps`` by applying the one-step expectation."""
    (D,), (B,) = inst.D, inst.B
    traj = [(a0, b0)]
    a, b = a0, b0
    for _ in range(steps):
        a = D.mult * step_second_moment(mpmath.sqrt(a / D.mult), D.lam, D.sigma, inst.eta)
        b = B.mult * step_second_moment(mpmath.sqrt(b / B.mult), B.lam, B.sigma, inst.eta)
        traj.append((a, b))
    return traj


def alignment_trajectory(inst: Instance, a0, b0, steps: int):
    (D,), (B,) = inst.D, inst.B
    return [D.lam**2 * a / (D.lam**2 * a + B.lam**2 * b) for a, b in iterate_two_level(inst, a0, b0, steps)]


def first_rise(A) -> int | None:
    """First ``t`` with ``A_{t+1} >= A_t`` (``None`` if the trajectory never rises)."""
    for t in range(len(A) - 1):
        if A[t + 1] >= A[t]:
            return t
    return None


def turns(A) -> int:
    """How many times the direction of ``A_t`` changes."""
    signs = [mpmath.sign(A[t + 1] - A[t]) for t in range(len(A) - 1)]
    signs = [s for s in signs if s != 0]
    return sum(1 for s0, s1 in zip(signs, signs[1:]) if s0 != s1)


#: one-step observables an instance can always provide
ONE_STEP = {
    O.EG_D: lambda inst: expected_G(inst, "D"),
    O.EG_B: lambda inst: expected_G(inst, "B"),
    O.Dchi: alignment_change,
    O.dL_D: lambda inst: expected_loss_change(inst, ("D",)),
    O.dL_B: lambda inst: expected_loss_change(inst, ("B",)),
    O.dL: lambda inst: expected_loss_change(inst, ("D", "B")),
}
