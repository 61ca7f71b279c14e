"""The numeric verifier: sample instances, evaluate each proposition, shrink violations.

For every proposition of a claim and every sampled instance, the hypotheses and
the conclusion are evaluated with the registry's expressions on one side and the
oracles' values (``verify.oracles``: the model's definition) on the other.  A
violation is an instance where every hypothesis holds and the conclusion fails;
it is shrunk to a simpler counterexample before it is reported.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from functools import lru_cache

import mpmath
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Claim, Prop, relations
from sympy.core.relational import Relational

from . import oracles
from .arb import arb_prec, to_arb, to_mpf
from .arb import sign as arb_sign
from .evaluate import MAGNITUDE, combine, numeric, relation_margins
from .instance import Instance, InstanceError
from .sampling import _two_level_traces, build, sample

HORIZON = 400  # steps of iterated dynamics


class OracleFailure(ArithmeticError):
    """An oracle could not produce a value (no bracketed root, overflow)."""


# --- which samples a proposition can use ----------------------------------------------

def kinds_for(prop: Prop) -> tuple[str, ...]:
    return {"general": ("levels", "two-level"), "coordinate": ("levels", "two-level"),
            "two-level": ("two-level",), "dynamics": ("two-level",),
            "loss-scaled": ("loss-scaled",)}[prop.model]


# --- values of every symbol a proposition mentions ---------------------------------------

def _mean_field_step(g: dict, inst: Instance, a, b):
    """One mean-field step of ``(a, b)`` from the per-coordinate step (noise recomputed at (a, b))."""
    (D,), (B,) = inst.D, inst.B
    n_D, n_B = _two_level_traces(g, a, b) if g["kind"] == "loss-scaled" else (D.s, B.s)
    a1 = D.mult * oracles.step_second_moment(mpmath.sqrt(a / D.mult), D.lam, mpmath.sqrt(n_D / D.mult), inst.eta)
    b1 = B.mult * oracles.step_second_moment(mpmath.sqrt(b / B.mult), B.lam, mpmath.sqrt(n_B / B.mult), inst.eta)
    return a1, b1


def _step_map(g, inst):
    """The mean-field step as an affine map ``(a, b) -> M (a, b) + c``, read off the step itself.

    The step is affine in ``(a, b)`` (linear under loss-scaled noise), so three
    evaluations of the per-coordinate step determine it exactly.
    """
    zero = mpmath.mpf(0)
    c = _mean_field_step(g, inst, zero, zero) if g["kind"] != "loss-scaled" else (zero, zero)
    ea = _mean_field_step(g, inst, mpmath.mpf(1), zero) if g["kind"] == "loss-scaled" else None
    eb = _mean_field_step(g, inst, zero, mpmath.mpf(1)) if g["kind"] == "loss-scaled" else None
    if g["kind"] != "loss-scaled":  # decoupled: each block's own affine map
        one = _mean_field_step(g, inst, mpmath.mpf(1), mpmath.mpf(1))
        return ((one[0] - c[0], zero), (zero, one[1] - c[1])), c
    return ((ea[0], eb[0]), (ea[1], eb[1])), c


def _trajectory(g, inst, a0, b0, steps, early_stop: bool = False, step_map=None):
    """``(a_t, b_t)`` for ``t = 0..steps`` as arb balls, iterating the step map.

    The map's coefficients come from the step (in mpmath); the iteration runs in
    arb at the working precision, so every later sign is decided rigorously or
    reported as undecided.  With ``early_stop`` it stops once a step moves
    neither ``a`` nor ``b`` beyond the working precision's band.
    """
    (m, c) = step_map or _step_map(g, inst)
    with arb_prec():
        (m11, m12), (m21, m22) = (tuple(map(to_arb, row)) for row in m)
        c1, c2 = map(to_arb, c)
        band = to_arb(mpmath.mpf(10) ** (-mpmath.mp.dps + 12))
        a, b = to_arb(a0), to_arb(b0)
        out = [(a, b)]
        for _ in range(steps):
            a1, b1 = m11 * a + m12 * b + c1, m21 * a + m22 * b + c2
            out.append((a1, b1))
            if early_stop and abs(a1 - a) <= band * abs(a1) and abs(b1 - b) <= band * abs(b1):
                break
            a, b = a1, b1
    return out


def _alignment(inst, a, b):
    (D,), (B,) = inst.D, inst.B
    return D.lam**2 * a / (D.lam**2 * a + B.lam**2 * b)


class Context:
    """Lazily computed values of one sample; each oracle runs at most once."""

    def __init__(self, g: dict, inst: Instance):
        self.g, self.inst = g, inst
        self.vals = inst.values()
        self._trajs = {}
        self._step_map = None

    def step_map(self):
        if self._step_map is None:
            self._step_map = _step_map(self.g, self.inst)
        return self._step_map

    def trajectory(self, upto: int | None = None):
        """The iterated trajectory from (a_0, b_0): exactly ``upto`` steps, or up to the horizon
        (stopping once it stands still within the working precision) when ``upto`` is None."""
        key = ("horizon", HORIZON) if upto is None else ("upto", upto)
        if key not in self._trajs:
            steps = HORIZON if upto is None else upto
            self._trajs[key] = _trajectory(self.g, self.inst, self.g["a0"], self.g["b0"], steps,
                                           early_stop=upto is None, step_map=self.step_map())
        return self._trajs[key]

    def need(self, syms) -> dict:
        for s in syms:
            if s not in self.vals:
                self.vals[s] = self._compute(s)
        return self.vals

    def _increments(self):
        """X1: two steps from the state; both increments and their magnitudes in one pass."""
        with arb_prec():
            (a0, b0), (a1, b1), (a2, b2) = _trajectory(self.g, self.inst, self.vals[S.a], self.vals[S.b], 2,
                                                       step_map=self.step_map())
            self.vals.update({O.inc1: to_mpf(a1 * b0 - a0 * b1), O.inc2: to_mpf(a2 * b1 - a1 * b2),
                              MAGNITUDE[O.inc1]: to_mpf(a1 * b0 + a0 * b1),
                              MAGNITUDE[O.inc2]: to_mpf(a2 * b1 + a1 * b2)})

    def _compute(self, s):  # noqa: C901 - one branch per observable, read as a table
        g, inst = self.g, self.inst
        if s in ONE_STEP_SYMBOLS:  # one pass over the levels provides all of them
            table = oracles.one_step_table(inst)
            self.vals.update({k: v for k, v in table.items() if k not in self.vals})
            return table[s]
        if s in MAGNITUDES:
            return MAGNITUDES[s](self)
        if s in (S.x_i, S.lam_i, S.Sigma_ii, O.EX2):
            lv = inst.D[0]
            return {S.x_i: lv.x, S.lam_i: lv.lam, S.Sigma_ii: lv.sigma**2,
                    O.EX2: oracles.step_second_moment(lv.x, lv.lam, lv.sigma, inst.eta)}[s]
        if s == O.eta_root:
            return _need_root(oracles.eta_root(inst))
        if s == O.eta_D_root:
            return _need_root(oracles.loss_root(inst, ("D",)))
        if s == O.eta_B_root:
            return _need_root(oracles.loss_root(inst, ("B",)))
        if s == O.chi_root:
            return oracles.chi_root(inst)
        # two-level dynamics
        if s in (S.rho_D, S.rho_B):
            (D,), (B,) = inst.D, inst.B
            return (1 - inst.eta * (D.lam if s == S.rho_D else B.lam)) ** 2
        if s in (S.a_inf, S.b_inf):
            ((m11, _), (_, m22)), (c1, c2) = self.step_map()
            return c1 / (1 - m11) if s == S.a_inf else c2 / (1 - m22)
        t = g["t"]
        if s == S.a_0:
            return g["a0"]
        if s == S.b_0:
            return g["b0"]
        if s == S.t:
            return t
        if s == S.eps:
            return g["eps"]
        if s == S.sigma2:
            return g["sigma2"]
        rD, rB = self.need([S.rho_D, S.rho_B])[S.rho_D], self.vals[S.rho_B]
        if s == S.p:
            return rD**t
        if s == S.p_B:
            return rB**t
        if s == S.u:
            return (rD / rB) ** t
        if s == S.v:
            return (rB / rD) ** t
        if s in (S.alpha, S.beta):
            fp = self.need([S.a_inf, S.b_inf])
            return g["a0"] - fp[S.a_inf] if s == S.alpha else g["b0"] - fp[S.b_inf]
        if s in (S.a_next, S.b_next):
            a1, b1 = _mean_field_step(g, inst, self.vals[S.a], self.vals[S.b])
            return a1 if s == S.a_next else b1
        if s in (O.A_iter, O.A_iter_next):
            traj = self.trajectory(t + 1)
            a_, b_ = traj[min(t + (s == O.A_iter_next), len(traj) - 1)]
            return _alignment(inst, to_mpf(a_), to_mpf(b_))
        if s == O.dA_sign_iter:  # decided by the arb ball of a_{t+1} b_t - a_t b_{t+1}, or not at all
            traj = self.trajectory(t + 1)
            (a0_, b0_), (a1_, b1_) = traj[t], traj[t + 1]
            with arb_prec():
                z = arb_sign(a1_ * b0_ - a0_ * b1_)
            if z == 0:
                raise OracleFailure(f"the sign of A_(t+1) - A_t at t = {t} is below the working precision")
            return z
        if s == O.A_lim:
            fp = self.need([S.a_inf, S.b_inf])
            return _alignment(inst, fp[S.a_inf], fp[S.b_inf])
        if s == O.turns_iter:  # sign of A_{t+1} - A_t is the sign of a_{t+1} b_t - a_t b_{t+1}
            traj = self.trajectory()
            with arb_prec():  # arb decides each sign rigorously; a ball containing 0 is a tie
                signs = [z for z in (arb_sign(a1_ * b0_ - a0_ * b1_)
                                     for (a0_, b0_), (a1_, b1_) in zip(traj, traj[1:])) if z]
            return sum(1 for z0, z1 in zip(signs, signs[1:]) if z0 != z1)
        if s in (O.inc1, O.inc2):
            self._increments()
            return self.vals[s]
        raise KeyError(f"no oracle provides {s}")


#: observables (and magnitudes) provided together by oracles.one_step_table
ONE_STEP_SYMBOLS = frozenset({O.EG_D, O.EG_B, O.Dchi, O.dL_D, O.dL_B, O.dL} | {
    MAGNITUDE[s] for s in (O.Dchi, O.dL_D, O.dL_B, O.dL)})

#: magnitudes of the other observables that are differences of larger terms (see verify.evaluate)
MAGNITUDES = {
    MAGNITUDE[O.inc1]: lambda ctx: (ctx._increments(), ctx.vals[MAGNITUDE[O.inc1]])[1],
    MAGNITUDE[O.inc2]: lambda ctx: (ctx._increments(), ctx.vals[MAGNITUDE[O.inc2]])[1],
}


def _need_root(r):
    if r is None:
        raise OracleFailure("root finding bracketed no sign change")
    return r


# --- checking one proposition on one sample -------------------------------------------------

def warm(claims) -> None:
    """Compile every proposition's relation bundles (once per process, before any timing or forking)."""
    from .evaluate import compile_bundle

    for c in claims:
        for p in c.props:
            hyps, (_, con_rels, _) = _plan(p)
            compile_bundle(con_rels)
            for _, h_rels, _ in hyps:
                compile_bundle(h_rels)


def eta_targets(prop: Prop) -> list:
    """Expressions the step size is compared with in the hypotheses (sampled near on purpose)."""
    out = []
    for h in prop.hypotheses:
        if isinstance(h, Relational) and S.eta in (h.lhs, h.rhs):
            other = h.rhs if h.lhs == S.eta else h.lhs
            if S.eta not in other.free_symbols:
                out.append(other)
    return out


def _needed(syms) -> tuple:
    """The symbols to evaluate for ``syms``: themselves (not the gap atom) and their magnitudes."""
    syms = [s for s in sorted(syms, key=lambda s: s.name) if s != O.spectral_gap]
    return tuple(syms + [MAGNITUDE[s] for s in syms if s in MAGNITUDE])


@lru_cache(maxsize=None)
def _plan(prop: Prop):
    """Per hypothesis ``(h, relations, needed symbols)``, then the conclusion's; computed once."""
    hyps = tuple((h, relations(h), _needed(h.free_symbols)) for h in prop.hypotheses)
    concl = (prop.conclusion, relations(prop.conclusion), _needed(getattr(prop.conclusion, "free_symbols", ())))
    return hyps, concl


def evaluate(prop: Prop, ctx: Context, rtol, extra_oracles=None) -> tuple[str, object]:
    """``("vacuous", None)``, ``("held", margin)`` or ``("violated", margin)``.

    Hypotheses are judged one at a time, so no oracle runs past a failed hypothesis.
    """
    hyps, (concl, con_rels, con_needed) = _plan(prop)
    if extra_oracles:
        for s in prop.free_symbols():
            if s in extra_oracles and s not in ctx.vals:
                ctx.vals[s] = extra_oracles[s](ctx.inst)
    for h, h_rels, h_needed in hyps:
        vals = ctx.need([s for s in h_needed if s not in ctx.vals])
        if combine(h, relation_margins(h_rels, vals, rtol), vals) <= 0:
            return "vacuous", None
    vals = ctx.need([s for s in con_needed if s not in ctx.vals])
    m = combine(concl, relation_margins(con_rels, vals, rtol), vals)
    return ("held" if m > 0 else "violated"), m


# --- results ---------------------------------------------------------------------------------

@dataclass
class PropResult:
    name: str
    expected: bool = True
    checked: int = 0
    vacuous: int = 0
    violations: int = 0
    oracle_failures: int = 0
    worst_margin: object = None
    counterexample: dict | None = None

    def merge(self, other: "PropResult") -> "PropResult":
        wm = [m for m in (self.worst_margin, other.worst_margin) if m is not None]
        return replace(self, checked=self.checked + other.checked, vacuous=self.vacuous + other.vacuous,
                       violations=self.violations + other.violations,
                       oracle_failures=self.oracle_failures + other.oracle_failures,
                       worst_margin=min(wm) if wm else None,
                       counterexample=self.counterexample or other.counterexample)


@dataclass
class ClaimResult:
    id: str
    n: int
    props: dict[str, PropResult] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def violated(self) -> bool:
        return any(p.violations and p.expected for p in self.props.values())

    @property
    def status(self) -> str:
        return "REFUTED" if self.violated else "SAMPLED"

    @property
    def checked(self) -> int:
        return sum(p.checked for p in self.props.values())

    @property
    def worst_margin(self):
        ms = [p.worst_margin for p in self.props.values() if p.worst_margin is not None and p.expected]
        return min(ms) if ms else None


ESCALATE = (2, 4)  # precision multipliers tried before a violation is believed
NUMERIC_TROUBLE = (OracleFailure, InstanceError, ZeroDivisionError, ValueError, OverflowError)


def confirm(prop: Prop, g: dict, rtol, dps: int, extra_oracles=None):
    """Re-evaluate a violation from the genotype at 2x and 4x the digits (same tolerance).

    The verdict at the highest precision stands; a violation that disappears was
    rounding, not mathematics.
    """
    verdict, m, trouble = "violated", None, None
    for mult in ESCALATE:
        with mpmath.workdps(mult * dps):
            try:
                inst = _retarget(prop, g, build(g))
                verdict, m = evaluate(prop, Context(g, inst), rtol, extra_oracles)
                trouble = None
            except NUMERIC_TROUBLE as e:
                trouble = e
                continue
        if verdict != "violated":
            return verdict, m
    if trouble is not None:
        raise trouble
    return verdict, m


# --- shrinking ---------------------------------------------------------------------------------

def _simpler(x):
    """Candidates simpler than ``x`` (fewer significant digits, smaller integers)."""
    if isinstance(x, bool) or isinstance(x, str):
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
    if isinstance(x, list):
        return [x[:i] + [c] + x[i + 1:] for i, el in enumerate(x) for c in _simpler(el)]
    return []


def shrink(prop: Prop, g: dict, rtol, dps: int, budget: int = 150, extra_oracles=None) -> dict:
    """Simplify a violating genotype while it still violates ``prop`` (confirmed at high precision)."""
    def violates(cand):
        try:
            inst = _retarget(prop, cand, build(cand))
            if evaluate(prop, Context(cand, inst), rtol, extra_oracles)[0] != "violated":
                return False
            return confirm(prop, cand, rtol, dps, extra_oracles)[0] == "violated"
        except (InstanceError, ValueError, ZeroDivisionError, OracleFailure, ArithmeticError):
            return False

    changed = True
    while changed and budget > 0:
        changed = False
        for key in sorted(g):
            if key in ("kind", "preset", "seed", "eta_mode", "eta_boundary", "chi_near_c"):
                continue
            for c in _simpler(g[key]):
                budget -= 1
                cand = {**g, key: c}
                if violates(cand):
                    g, changed = cand, True
                    break
            if budget <= 0:
                break
    return g


def _retarget(prop: Prop, g: dict, inst: Instance) -> Instance:
    """Half the time, move eta next to a step size the proposition's hypotheses name."""
    targets = eta_targets(prop)
    if not targets or g.get("retarget") is None:
        return inst
    vals = inst.values()
    try:
        e = numeric(targets[g["retarget"] % len(targets)], vals)
    except (KeyError, TypeError):
        return inst
    if not (mpmath.isfinite(e) and e > 0):
        return inst
    return Instance(inst.D, inst.B, e * (1 + g["eta_offset"]) if g.get("eta_offset_on", True) else e)


def describe(g: dict, inst: Instance) -> dict:
    """A counterexample as plain strings, readable and re-buildable."""
    def fmt(x):
        if isinstance(x, mpmath.mpf):
            return mpmath.nstr(x, 20)
        if isinstance(x, list):
            return [fmt(y) for y in x]
        return x

    out = {"genotype": {k: fmt(x) for k, x in g.items()}}
    vals = inst.values()
    keep = [S.eta, S.lam_D, S.lam_B, S.a, S.b, S.n_D, S.n_B, S.k, S.d, S.chi, S.G]
    out["instance"] = {s.name: fmt(vals[s]) if not isinstance(vals[s], int) else vals[s] for s in keep if s in vals}
    if not inst.is_two_level():
        out["instance"]["levels"] = {blk: [{"lambda": fmt(lv.lam), "mult": lv.mult, "x": fmt(lv.x),
                                            "sigma": fmt(lv.sigma)} for lv in lvs] for blk, lvs in inst.blocks()}
    return out


# --- the run ------------------------------------------------------------------------------------

def check_claim(claim: Claim, n: int, seed: int, dps: int = 50, start: int = 0, shrink_budget: int = 150,
                extra_oracles=None, progress=None) -> ClaimResult:
    """Check every proposition of ``claim`` on samples ``start .. start+n-1`` of the stream ``seed``."""
    import time

    t0 = time.perf_counter()
    res = ClaimResult(claim.id, n, {p.name: PropResult(p.name, p.expected) for p in claim.props})
    kinds = sorted({k for p in claim.props for k in kinds_for(p)})
    with mpmath.workdps(dps):
        rtol = mpmath.mpf(10) ** (-dps + 12)
        for i in range(start, start + n):
            rng = random.Random(f"{seed}:{claim.id}:{i}")
            kind = kinds[i % len(kinds)]
            preset = "loss-scaled" if kind == "loss-scaled" else None
            try:
                g, inst = sample(rng, kind, preset)
            except RuntimeError:
                continue
            g["retarget"] = rng.randrange(4) if rng.random() < 0.5 else None
            g["eta_offset_on"] = rng.random() < 0.8
            base_ctx = Context(g, inst)
            for p in claim.props:
                if kind not in kinds_for(p):
                    continue
                pr = res.props[p.name]
                inst_p = _retarget(p, g, inst)
                ctx = base_ctx if inst_p is inst else Context(g, inst_p)
                try:
                    try:
                        verdict, m = evaluate(p, ctx, rtol, extra_oracles)
                    except NUMERIC_TROUBLE:  # an oracle ran out of digits: retry with more
                        verdict = "violated"
                    if verdict == "violated":  # decide near-boundary signs at higher precision
                        verdict, m = confirm(p, g, rtol, dps, extra_oracles)
                except NUMERIC_TROUBLE:
                    pr.oracle_failures += 1
                    continue
                if verdict == "vacuous":
                    pr.vacuous += 1
                    continue
                pr.checked += 1
                pr.worst_margin = m if pr.worst_margin is None else min(pr.worst_margin, m)
                if verdict == "violated":
                    pr.violations += 1
                    if pr.counterexample is None:
                        gs = shrink(p, dict(g), rtol, dps, shrink_budget, extra_oracles)
                        with mpmath.workdps(ESCALATE[-1] * dps):
                            inst_s = _retarget(p, gs, build(gs))
                            m_s = evaluate(p, Context(gs, inst_s), rtol, extra_oracles)[1]
                        pr.counterexample = {"sample": i, **describe(gs, inst_s), "margin": mpmath.nstr(m_s, 8)}
            if progress:
                progress()
    res.seconds = time.perf_counter() - t0
    return res


__all__ = ["check_claim", "ClaimResult", "PropResult", "evaluate", "Context", "shrink"]
