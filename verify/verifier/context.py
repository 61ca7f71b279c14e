"""The values of one sample: every symbol a proposition may mention, each computed at most once.

:data:`PROVIDERS` is the table: for each group of symbols, the function of a
:class:`Context` that computes them (from the instance and the oracles, never from a
derived formula).  A proposition asks for the symbols it needs; the context runs
only the providers that give them.  A value the model leaves undefined (no root
exists, a zero denominator) is NaN, which makes every relation using it false.
"""

from __future__ import annotations

import numbers
from fractions import Fraction

import mpmath

from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.userclaims import PROMISES, oracle_symbol_problem

from . import dynamics, oracles
from .evaluate import MAGNITUDE
from .instance import Instance
from .sampling import Genotype, two_level_traces

HORIZON = 5000  # steps of iterated dynamics before a trajectory that has not settled is an oracle failure
NAN = mpmath.mpf("nan")

#: what an oracle may return (a user's oracle too)
NUMBERS = (int, float, Fraction, mpmath.mpf)


class Context:
    """Lazily computed values of one sample ``(g, inst)``; each provider runs at most once."""

    def __init__(self, g: Genotype, inst: Instance, extra_oracles: dict | None = None):
        self.g, self.inst = g, inst
        self.vals = inst.values()
        self.extra = extra_oracles or {}
        self._memo: dict = {}
        self.arb: dict = {}  # each value as an exact arb ball, converted once (see evaluate.relation_margins)

    # --- shared intermediate results ------------------------------------------------------------
    def once(self, key, fn):
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]

    def traces(self):
        """``(a, b) -> (n_D, n_B)``: recomputed at each state under loss-scaled noise, else constant."""
        if self.g.kind == "loss-scaled":
            return lambda a, b: two_level_traces(self.g, a, b)
        (D,), (B,) = self.inst.D, self.inst.B
        return lambda a, b: (D.s, B.s)

    def step_map(self):
        return self.once("step_map", lambda: dynamics.step_map(self.inst, self.traces(), self.g.kind == "loss-scaled"))

    def fixed_point(self):
        return self.once("fixed_point", lambda: dynamics.fixed_point(self.step_map()))

    def faces(self) -> tuple[bool, bool]:
        """Does the trajectory start exactly at the stationary point, in ``a`` (``alpha = 0``), in ``b``
        (``beta = 0``)?  A face only where it is a state of the model (``a_inf, b_inf > 0``)."""
        a_inf, b_inf = self.fixed_point()
        return bool(self.g.alpha_face and a_inf > 0), bool(self.g.beta_face and b_inf > 0)

    def initial(self):
        """``(a_0, b_0)``: drawn, or the stationary point on the faces ``alpha = 0``, ``beta = 0``."""
        (a_inf, b_inf), (fa, fb) = self.fixed_point(), self.faces()
        return (a_inf if fa else self.g.a0), (b_inf if fb else self.g.b0)

    def trajectory(self, upto: int | None = None):
        """From ``(a_0, b_0)``: exactly ``upto`` steps, or until it stands still within the working precision
        (what a count of turns needs: the whole trajectory).  One that has not settled within the horizon
        is a :class:`salign.verify.verifier.dynamics.Unsettled` oracle failure, never a count of the turns seen so
        far."""
        if upto is not None and upto > HORIZON:
            raise oracles.OracleFailure(f"t = {upto - 1} is beyond the {HORIZON} steps an iterated trajectory runs")
        return self.once(("trajectory", upto), lambda: dynamics.trajectory(
            self.step_map(), *self.initial(), HORIZON if upto is None else upto, early_stop=upto is None,
            stationary=self.faces()))

    # --- values -----------------------------------------------------------------------------------
    def need(self, syms) -> dict:
        vals = self.vals
        for s in syms:
            if s in vals:
                continue
            if s in self.extra:
                try:
                    value = self.extra[s](self.inst)
                except SystemExit as e:  # not an Exception: it would end the run with exit 0, nothing checked
                    raise RuntimeError(f"the oracle for {s} called sys.exit({e.code!r})") from None
                self.vals[s] = _checked_user_value(s, value)
                continue
            provider = INDEX.get(s)
            if provider is None:
                raise KeyError(f"no oracle provides {s}")
            self.vals.update({k: v for k, v in provider(self).items() if k not in self.vals})
        return self.vals


def _checked_user_value(s, v):
    """A user oracle's value, if it is a finite number that keeps every promise of the symbol's assumptions."""
    problem = oracle_symbol_problem(s)
    if problem:
        raise ValueError(problem)
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):  # numpy's integers too
        v = int(v)
    elif isinstance(v, Fraction):  # exact: rounded once, at the working precision, like any oracle value
        v = mpmath.mpf(v.numerator) / v.denominator
    elif isinstance(v, numbers.Real) and not isinstance(v, float):  # numpy.float32, ...
        v = float(v)
    if isinstance(v, bool) or not isinstance(v, NUMBERS):
        raise TypeError(f"the oracle for {s} returned a {type(v).__name__}, not a number")
    if not mpmath.isfinite(v):  # a bug in the oracle, not a value where the statement is undefined
        raise ValueError(f"the oracle for {s} returned {v}, not a finite number")
    for assumption, kept in PROMISES.items():
        if s.assumptions0.get(assumption) and not kept(v):
            raise ValueError(f"the oracle for {s} returned {v}, but {s} is declared {assumption}: SymPy built the "
                             "statement on that assumption; fix the oracle or the symbol's assumptions")
    return v


def _undefined_is_nan(fn):
    """A value the model leaves undefined (a zero denominator) is NaN: every relation using it is false."""
    try:
        return fn()
    except ZeroDivisionError:
        return NAN


def _one_step(c: Context) -> dict:
    return oracles.one_step_table(c.inst)


def _coordinate(c: Context) -> dict:
    """One coordinate of the D block's first level, with a sign of its own: negative in 4 samples of 10, zero in
    1 (a coordinate is any real; the levels store |x|, which never showed x_i^65 + 1 > 0 false at x_i = -2)."""
    import random

    lv = c.inst.D[0]
    u = random.Random(c.g.seed ^ 0xC00D).random()
    x = -lv.x if u < 0.4 else 0 * lv.x if u < 0.5 else lv.x
    return {S.x_i: x, S.lam_i: lv.lam, S.Sigma_ii: lv.sigma**2,
            O.EX2: oracles.step_second_moment(x, lv.lam, lv.sigma, c.inst.eta)}


def _root(fn):
    """A root oracle: the root, or NaN where none exists (then no statement about it holds)."""
    def provide(c: Context):
        r = fn(c.inst)
        return NAN if r is None else r
    return provide


def _dynamics_parameters(c: Context) -> dict:
    (D,), (B,) = c.inst.D, c.inst.B
    eta, g = c.inst.eta, c.g
    rho_D, rho_B = (1 - eta * D.lam) ** 2, (1 - eta * B.lam) ** 2
    a_inf, b_inf = c.fixed_point()
    a0, b0 = c.initial()
    t = g.t
    return {S.rho_D: rho_D, S.rho_B: rho_B, S.a_inf: a_inf, S.b_inf: b_inf, S.a_0: a0, S.b_0: b0, S.t: t,
            S.eps: g.eps, S.p: rho_D**t, S.p_B: rho_B**t, S.u: _undefined_is_nan(lambda: (rho_D / rho_B) ** t),
            S.v: _undefined_is_nan(lambda: (rho_B / rho_D) ** t), S.alpha: a0 - a_inf, S.beta: b0 - b_inf}


def _noise_scale(c: Context) -> dict:
    vals = c.vals
    return {S.sigma2: c.g.sigma2, S.R: _undefined_is_nan(lambda: vals[S.kappa] * vals[S.n_D] / vals[S.n_B])}


def _next_state(c: Context) -> dict:
    a1, b1 = dynamics.mean_field_step(c.inst, c.vals[S.a], c.vals[S.b], c.traces())
    return {S.a_next: a1, S.b_next: b1}


def _iterated(c: Context) -> dict:
    from .arb import to_mpf

    t = c.g.t
    traj = c.trajectory(t + 1)
    (a_t, b_t), (a_n, b_n) = traj[t], traj[t + 1]
    return {O.A_iter: _undefined_is_nan(lambda: dynamics.alignment(c.inst, to_mpf(a_t), to_mpf(b_t))),
            O.A_iter_next: _undefined_is_nan(lambda: dynamics.alignment(c.inst, to_mpf(a_n), to_mpf(b_n)))}


def _limit(c: Context) -> dict:
    return {O.A_lim: _undefined_is_nan(lambda: dynamics.alignment(c.inst, *c.fixed_point()))}


def _increments(c: Context) -> dict:
    inc = dynamics.increments(c.step_map(), c.vals[S.a], c.vals[S.b])
    return {O.inc1: inc["inc1"], O.inc2: inc["inc2"], MAGNITUDE[O.inc1]: inc["|inc1|"],
            MAGNITUDE[O.inc2]: inc["|inc2|"]}


#: each group of symbols with the function that computes it
PROVIDERS = [
    ((O.EG_D, O.EG_B, O.Dchi, O.dL_D, O.dL_B, O.dL, *(MAGNITUDE[s] for s in (O.Dchi, O.dL_D, O.dL_B, O.dL))),
     _one_step),
    ((S.x_i, S.lam_i, S.Sigma_ii, O.EX2), _coordinate),
    ((O.eta_root,), lambda c: {O.eta_root: _root(oracles.eta_root)(c)}),
    ((O.eta_D_root,), lambda c: {O.eta_D_root: _root(lambda i: oracles.loss_root(i, ("D",)))(c)}),
    ((O.eta_B_root,), lambda c: {O.eta_B_root: _root(lambda i: oracles.loss_root(i, ("B",)))(c)}),
    ((O.chi_root,), lambda c: {O.chi_root: oracles.chi_root(
        c.inst, c.g.sigma2 if c.g.kind == "loss-scaled" else None)}),
    ((S.rho_D, S.rho_B, S.a_inf, S.b_inf, S.a_0, S.b_0, S.t, S.eps, S.p, S.p_B, S.u, S.v, S.alpha, S.beta),
     _dynamics_parameters),
    ((S.sigma2, S.R), _noise_scale),
    ((S.a_next, S.b_next), _next_state),
    ((O.A_iter, O.A_iter_next), _iterated),
    ((O.A_lim,), _limit),
    ((O.dA_iter,), lambda c: {O.dA_iter: dynamics.relative_change(c.trajectory(c.g.t + 1), c.g.t)}),
    ((O.turns_iter,), lambda c: {O.turns_iter: dynamics.turns(c.trajectory())}),
    ((O.inc1, O.inc2, MAGNITUDE[O.inc1], MAGNITUDE[O.inc2]), _increments),
]

#: symbol -> the provider that computes it
INDEX = {s: fn for syms, fn in PROVIDERS for s in syms}
