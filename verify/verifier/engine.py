"""The numeric verifier: for each sampled instance, evaluate each proposition, confirm and shrink violations.

For every proposition of a claim and every sample, the hypotheses and the conclusion
are evaluated with the registry's expressions on one side and the oracles' values
(:mod:`.context`: the model's definition) on the other.  A violation is an instance
where every hypothesis holds and the conclusion fails, confirmed at 2x and 4x the
digits (:func:`confirm`) and shrunk (:mod:`.shrink`) before it is reported.

What each proposition earns (:class:`PropResult.verdict`): REFUTED with a violation,
ERROR when evaluating it raised anything but genuine numerical trouble (the message
names the claim and the proposition), UNCHECKED when nothing was checked (and why),
else SAMPLED.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations

import flint
import mpmath
from mpmath.libmp import NoConvergence
from sympy import (
    Abs,
    Add,
    And,
    Derivative,
    Equivalent,
    Implies,
    Max,
    Min,
    Not,
    Or,
    postorder_traversal,
    preorder_traversal,
    together,
)
from sympy import exp as exp_function
from sympy.core.relational import Relational

from salign.theory import meaning
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Claim, Prop, guarded, relations
from salign.verify.verdict import PropVerdict, Verdict, claim_verdict

from .context import Context
from .dynamics import Unsettled
from .evaluate import (
    MAGNITUDE,
    Undecided,
    compile_boolean,
    compile_bundle,
    numeric,
    relation_gaps,
    relation_margins,
    tolerance,
)
from .instance import Instance, InstanceError
from .oracles import OracleFailure
from .sampling import Genotype, build, sample
from .shrink import shrink

#: genuine numerical trouble: an oracle, or a relation's sign, could not be decided at the working precision
#: (retried at more digits, then counted as undecided samples, never an error and never a check)
NUMERIC_TROUBLE = (OracleFailure, NoConvergence, Undecided)
#: precision multipliers tried before a violation is believed
ESCALATE = (2, 4)


# --- which samples a proposition can use ----------------------------------------------

def kinds_for(prop: Prop) -> tuple[str, ...]:
    return {"general": ("levels", "two-level"), "coordinate": ("levels", "two-level"),
            "two-level": ("two-level",), "dynamics": ("two-level",),
            "loss-scaled": ("loss-scaled",)}[prop.model]


# --- checking one proposition on one sample -------------------------------------------------

@lru_cache(maxsize=None)
def eta_targets(prop: Prop) -> tuple:
    """Expressions the step size is compared with (sampled near on purpose): where a difference the
    proposition compares is zero and linear in ``eta`` (``eta < eta_D``, ``|eta - 3/2 eta_D| > 0``,
    ``2 eta != 3 eta_D``, ``eta/eta_D != 3/2``, ``Max(eta, c) = Min(eta, c)``), from the hypotheses, then
    the conclusion (there also inside a sum); then the roots of the one-step observables it uses (:data:`ROOTS`)."""
    out = []
    for part in (*prop.hypotheses, prop.conclusion):
        for node in preorder_traversal(part):
            if isinstance(node, Relational):
                candidates = [node.lhs - node.rhs]
            elif isinstance(node, (Max, Min)):
                candidates = [a - b for a, b in combinations(node.args, 2)]
            elif isinstance(node, Abs):
                candidates = [node.args[0]]
            elif isinstance(node, Add) and part is prop.conclusion and node.coeff(S.eta).is_Number \
                    and node.coeff(S.eta) != 0:  # c eta + rest, c a number: eta is compared with -rest/c
                candidates = [node]
            else:
                continue
            for target in map(_zero_in_eta, candidates):
                if target is not None and target not in out:
                    out.append(target)
    for observable, root in ROOTS.items():  # where an observable the proposition uses changes sign
        if observable in prop.free_symbols() and root not in out:
            out.append(root)
    return tuple(out)


@lru_cache(maxsize=None)
def face_targets(prop: Prop) -> tuple:
    """The step sizes where a derived symbol the proposition uses has no value (the table of meaning's faces:
    ``eta = 2/lambda_B`` for ``b_inf``): named by the statement implicitly, like the roots of :data:`ROOTS`."""
    out = []
    for s in sorted(prop.free_symbols(), key=lambda x: x.name):
        out += [f for f in meaning.eta_faces_of(s) if f not in out]
    return tuple(out)


#: the share of retargeted samples put next to a face of a derived symbol instead of a named step size
FACE_SHARE = 0.2


#: the step size where each one-step observable changes sign (a root oracle): a boundary every statement about
#: the observable names implicitly
ROOTS = {O.Dchi: O.eta_root, O.dL_D: O.eta_D_root, O.dL_B: O.eta_B_root}


def _zero_in_eta(expr):
    """``-B/A`` where ``expr``'s numerator is ``A eta + B`` with ``A``, ``B`` free of ``eta``, else None."""
    if S.eta not in expr.free_symbols or expr.count_ops() > 60:
        return None
    num = together(expr).as_numer_denom()[0]
    A = num.diff(S.eta)  # free of eta exactly when num = A eta + B (nothing is expanded: powers may be huge)
    if A == 0 or A.has(S.eta) or A.has(Derivative):
        return None
    return -num.subs(S.eta, 0) / A


def _needed(syms) -> tuple:
    """The symbols to evaluate for ``syms``: themselves (not the gap atom) and their magnitudes."""
    syms = [s for s in sorted(syms, key=lambda s: s.name) if s != O.spectral_gap]
    return tuple(syms + [MAGNITUDE[s] for s in syms if s in MAGNITUDE])


@lru_cache(maxsize=None)
def _plan(prop: Prop):
    """Per hypothesis ``(combiner, relations, needed symbols)``, then the conclusion's; computed once."""
    def part(b):
        b = guarded(b, base=True)  # each relation and where it is defined (in the base symbols: judged at the scale
        # of their terms): an undefined value (at a tie, too) is false
        b = _split_extrema(b)
        rels = relations(b)
        # the derived symbols' definitions too: their magnitudes are read from them
        return compile_boolean(b, rels), rels, _needed(meaning.closure(getattr(b, "free_symbols", ())))
    return tuple(part(h) for h in prop.hypotheses), part(prop.conclusion)


#: ``Max(x, y) op c`` as relations of ``x`` and ``y``: an extremum of two equal balls is their hull, which no
#: precision separates from 0, while ``x op c`` and ``y op c`` are ties the digits find
_EXTREMUM_SPLIT = {(Max, ">"): Or, (Max, ">="): Or, (Max, "<"): And, (Max, "<="): And,
                   (Min, ">"): And, (Min, ">="): And, (Min, "<"): Or, (Min, "<="): Or}
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
#: the most extrema one relation is split over (2^k cases)
MAX_SPLIT = 8


def _split_extrema(b):
    """``b`` with no ``Max``/``Min`` left in a relation: an inequality between a lone extremum and a term is the
    equivalent ``Or``/``And`` of inequalities on the arguments (``Max(x, y) > c`` is ``x > c or y > c``); any
    other relation ``R(Max(x, y))`` is ``(x >= y and R(x)) or (y >= x and R(y))``."""
    if isinstance(b, Relational) and b.rel_op in _FLIP:
        for ext, other, op in ((b.lhs, b.rhs, b.rel_op), (b.rhs, b.lhs, _FLIP[b.rel_op])):
            if isinstance(ext, (Max, Min)) and not other.has(Max, Min):
                join = _EXTREMUM_SPLIT[(type(ext), op)]
                return join(*[_split_extrema(Relational(a, other, op)) for a in ext.args], evaluate=False)
    if isinstance(b, Relational):
        extrema = [e for e in preorder_traversal(b) if isinstance(e, (Max, Min))]
        if not extrema or len(extrema) > MAX_SPLIT:  # none, or too many cases: the hull (undecided at a tie)
            return b
        ext = extrema[0]
        wins = (lambda a, o: a >= o) if isinstance(ext, Max) else (lambda a, o: a <= o)
        try:
            return Or(*[And(*[_split_extrema(wins(a, o)) for o in ext.args if o is not a],
                            _split_extrema(b.xreplace({ext: a})), evaluate=False) for a in ext.args], evaluate=False)
        except TypeError:  # a case SymPy cannot even build (1/(eta - eta) > 0 is zoo > 0): keep the hull
            return b
    if isinstance(b, (And, Or, Not, Implies, Equivalent)):
        return b.func(*[_split_extrema(a) for a in b.args], evaluate=False)
    return b


def warm(claims) -> None:
    """Compile every proposition's relation bundles (once per process, before any timing or forking)."""
    for c in claims:
        for p in c.props:
            eta_targets(p)
            hyps, (_, con_rels, _) = _plan(p)
            compile_bundle(con_rels)
            for _, h_rels, _ in hyps:
                compile_bundle(h_rels)


@dataclass
class Outcome:
    verdict: str  # "vacuous", "held", "violated"
    margin: object = None
    faces: tuple = ()  # indices of the hypotheses that held at equality (within the resolution)


#: a hypothesis' equality must hold this much more tightly than a conclusion's: a point that satisfies
#: ``eta = eta*`` only to within the conclusion's tolerance would let the conclusion's amplified error
#: through as a false violation
HYPOTHESIS_RTOL = 1e-6


def evaluate(prop: Prop, ctx: Context, rtol, ties: dict | None = None, stable: dict | None = None) -> Outcome:
    """Judge the hypotheses one at a time (no oracle runs past a failed one), then the conclusion.

    ``ties``: per hypothesis index (and ``"c"`` for the conclusion) the relations that are exact ties
    (found by :func:`confirm`).  Raises :class:`Undecided` where the working precision cannot decide.
    """
    hyps, (concl, con_rels, con_needed) = _plan(prop)
    at_face = _at_face(mpmath.mp.dps)
    faces = []
    for i, (h, h_rels, h_needed) in enumerate(hyps):
        vals = ctx.need(h_needed)
        m = h(relation_margins(h_rels, vals, rtol, ctx.arb, (ties or {}).get(i), HYPOTHESIS_RTOL,
                               (stable or {}).get(i), sharp=ties is None), vals)
        if m <= 0:
            return Outcome("vacuous", faces=tuple(faces))
        if m <= at_face:
            faces.append(i)
    vals = ctx.need(con_needed)
    m = concl(relation_margins(con_rels, vals, rtol, ctx.arb, (ties or {}).get("c"), stable=(stable or {}).get("c")),
              vals)
    return Outcome("held" if m > 0 else "violated", m, tuple(faces))


@lru_cache(maxsize=64)
def _at_face(dps: int) -> float:
    """Within this margin a hypothesis holds at equality: it was checked on its face."""
    return float(100 * tolerance(dps))


def retarget(prop: Prop, g: Genotype, inst: Instance, extra_oracles=None, ctx: Context | None = None) -> Instance:
    """Half the time, move eta next to (or onto) a step size the proposition names (see :func:`eta_targets`).
    A target that uses an oracle's value (``3/2 eta_D_root``, a user's symbol) takes it at the drawn instance."""
    targets, faces = eta_targets(prop), face_targets(prop)
    if not (targets or faces) or g.retarget is None:
        return inst
    own = random.Random(g.seed ^ 0x7A96E7)  # a stream of its own: the draws of every other sample stay as they were
    exactly = False
    if faces and own.random() < FACE_SHARE:
        target = faces[own.randrange(len(faces))]
        exactly = own.random() < 0.5  # a derived symbol has no value only exactly there
    elif not targets:
        return inst
    elif len(targets) > 4:  # g.retarget is one of 4: every named step size gets its turn
        target = targets[own.randrange(len(targets))]
    else:
        target = targets[g.retarget % len(targets)]
    try:
        values = inst.values()
        if not target.free_symbols <= set(values):
            ctx = ctx or Context(g, inst, extra_oracles)  # the drawn instance's context: its oracles run once
            values = {**ctx.need(_needed(target.free_symbols)), **values}
        if not _within_reach(target, values):
            return inst
        e = numeric(target, values)
    except Exception:  # no target here (an oracle that fails says so when the proposition is evaluated)
        return inst
    if not (isinstance(e, mpmath.mpf) and mpmath.isfinite(e) and e > 0):  # none here: complex (log of a negative), ...
        return inst
    eta = e * (1 + g.eta_offset) if g.eta_offset_on and not exactly else e
    return Instance(inst.D, inst.B, eta) if eta > 0 else inst


#: the largest argument of exp a step-size target may have (mpmath's exp of a huge argument can run for minutes,
#: in one call no signal interrupts: a worker of salign selftest stood 9 minutes in one)
EXP_ARGUMENT_MAX = 10**4


def _within_reach(target, values) -> bool:
    """Is every exp in ``target`` applied to a number of at most :data:`EXP_ARGUMENT_MAX` (inner ones first, at
    15 digits)?  A step size beyond it is no target: the sampler never draws one so far out."""
    for node in postorder_traversal(target):
        if isinstance(node, exp_function):
            with mpmath.workdps(15):
                a = numeric(node.args[0], values)
            if not (isinstance(a, mpmath.mpf) and abs(a) <= EXP_ARGUMENT_MAX):
                return False
    return True


def _gaps(prop: Prop, ctx: Context) -> dict:
    """The absolute gap of every relation of ``prop`` (per hypothesis index, ``"c"`` for the conclusion); None
    for each relation of a part whose oracles fail (a hypothesis' tie is still found when the conclusion's
    oracle cannot run)."""
    hyps, (_, con_rels, con_needed) = _plan(prop)
    out = {}
    for key, rels, needed in [*((i, r, n) for i, (_, r, n) in enumerate(hyps)), ("c", con_rels, con_needed)]:
        try:
            gaps = relation_gaps(rels, ctx.need(needed), ctx.arb)
        except NUMERIC_TROUBLE:
            gaps = [None] * len(rels)
        out[key] = [None if g is None else abs(g[0]) for g in gaps]
    return out


def _rebuilt(prop: Prop, g: Genotype, extra_oracles) -> tuple[Context, dict]:
    """The sample rebuilt from its genotype at the current precision: its context and every relation's gap."""
    ctx = Context(g, retarget(prop, g, build(g), extra_oracles), extra_oracles)
    return ctx, _gaps(prop, ctx)


def _ties_and_stable(low: dict, high: dict, dps: int) -> tuple[dict, dict]:
    """Per relation, from its gap at 2x and at 4x the digits: a *tie* shrinks with the working precision (by
    ``10^(dps/2)`` or more), so it is exactly zero at the instance the genotype describes, whatever sign
    rounding gives it; a *stable* gap stays (within a factor of 2), so it is the value, however small, and its
    sign is judged as it is, without the tie band.  Returns ``(ties, stable)``, index sets per part."""
    factor = flint.arb(10) ** (-(dps // 2))
    ties, stable = {}, {}
    for key, gaps in high.items():
        tied, kept = set(), set()
        for j, (g2, g4) in enumerate(zip(low[key], gaps)):
            if g2 is None or g4 is None:
                continue
            # exactly 0 at 2x and not at 4x is neither yet: see _exact_zeros.  Two balls that both hold 0 are
            # not a tie either: a true gap below the resolution looks the same (undecided, never a tie)
            if g4 <= g2 * factor or g4.is_zero():
                tied.add(j)
            elif g4 > 0 and g2 > 0 and 2 * g4 > g2 and g4 < 2 * g2:
                kept.add(j)
        ties[key], stable[key] = tied, kept
    return ties, stable


def _exact_zeros(prop, g, low, high, ties, stable, dps, extra_oracles) -> None:
    """A gap exactly 0 at 2x the digits but not at 4x: a rounding residue of the instance (eta = 1/lambda_D
    exactly at 2x, off by 10^-200 at 4x) or a true gap the 2x instance rounded away (eta = 1 + 2^-400).  8x the
    digits tell them apart: a residue shrinks again (a tie), a true gap stays (stable, judged by its sign)."""
    pending = {key: [j for j, (g2, g4) in enumerate(zip(low[key], gaps))
                     if g2 is not None and g4 is not None and g2.is_zero() and not g4.is_zero()]
               for key, gaps in high.items()}
    if not any(pending.values()):
        return
    with mpmath.workdps(2 * ESCALATE[-1] * dps):
        try:
            _, higher = _rebuilt(prop, g, extra_oracles)
        except (InstanceError, ZeroDivisionError):
            return  # neither: undecided at the final judgement
    more_ties, more_stable = _ties_and_stable(high, higher, 2 * dps)
    for key, js in pending.items():
        for j in js:
            if j in more_ties[key]:
                ties[key].add(j)
            elif j in more_stable[key]:
                stable[key].add(j)


def confirm(prop: Prop, g: Genotype, rtol, dps: int, extra_oracles=None) -> Outcome:
    """Re-evaluate a violation from the genotype at 2x and 4x the digits (same ``rtol``).

    A relation whose gap shrinks with the digits is exactly zero at the instance the genotype
    describes (a face the sampler placed it on): it is judged as a tie, whatever sign rounding
    gives it at any finite precision.  Every other relation is judged at 4x the digits.  What this
    forgives is exactly what shrinks as the digits grow; a violation that does not shrink stands.
    """
    contexts = []
    for mult in ESCALATE:
        with mpmath.workdps(mult * dps):
            try:
                contexts.append((mult * dps, *_rebuilt(prop, g, extra_oracles)))
            except (InstanceError, ZeroDivisionError) as e:  # a boundary that exists at one precision only
                raise OracleFailure(f"the sample cannot be rebuilt at {mult * dps} digits ({e})") from None
    (d2, ctx2, low), (d4, ctx4, high) = contexts
    eta2, eta4 = ctx2.inst.eta, ctx4.inst.eta
    if abs(eta2 - eta4) > abs(eta4) * mpmath.mpf(10) ** (-dps):  # not one instance at every precision
        raise OracleFailure("the sample's step size depends on the precision (a boundary appears at one only)")
    ties, stable = _ties_and_stable(low, high, dps)
    _exact_zeros(prop, g, low, high, ties, stable, dps, extra_oracles)
    with mpmath.workdps(d4):
        return evaluate(prop, ctx4, rtol, ties, stable)


def describe(g: Genotype, inst: Instance, own: dict | None = None) -> dict:
    """A counterexample as plain strings, readable and re-buildable; ``own``: the values of the statement's own
    symbols there (``x_i``, ``t``, ``rho_D``: what makes it fail), shown beside the instance's."""
    def fmt(x):
        if isinstance(x, mpmath.mpf):
            return mpmath.nstr(x, 20)
        if isinstance(x, (list, tuple)):
            return [fmt(y) for y in x]
        return x

    out = {"genotype": {k: fmt(x) for k, x in g.as_dict().items()}}
    vals = inst.values()
    keep = [S.eta, S.lam_D, S.lam_B, S.a, S.b, S.n_D, S.n_B, S.k, S.d, S.chi, S.G]
    out["instance"] = {s.name: fmt(vals[s]) if not isinstance(vals[s], int) else vals[s] for s in keep if s in vals}
    for s_, v in sorted((own or {}).items(), key=lambda kv: kv[0].name):
        if s_.name not in out["instance"] and isinstance(v, (int, mpmath.mpf)) and not isinstance(v, bool):
            out["instance"][s_.name] = fmt(v)
    if not inst.is_two_level():
        out["instance"]["levels"] = {blk: [{"lambda": fmt(lv.lam), "mult": lv.mult, "x": fmt(lv.x),
                                            "sigma": fmt(lv.sigma)} for lv in lvs] for blk, lvs in inst.blocks()}
    return out


# --- results ---------------------------------------------------------------------------------

@dataclass
class PropResult:
    name: str
    expected: bool = True
    formal: bool = True  # False: an oracle-only proposition (the prover cannot state it)
    applicable: int = 0  # samples of a kind this proposition speaks about
    checked: int = 0
    vacuous: int = 0
    violations: int = 0
    oracle_failures: int = 0
    worst_margin: object = None
    counterexample: dict | None = None
    error: str = ""
    faces: dict = field(default_factory=dict)  # hypothesis index -> checks made with it at equality
    hypotheses: int = 0

    def merge(self, other: "PropResult") -> "PropResult":
        wm = [m for m in (self.worst_margin, other.worst_margin) if m is not None]
        faces = dict(self.faces)
        for k, v in other.faces.items():
            faces[k] = faces.get(k, 0) + v
        ces = [c for c in (self.counterexample, other.counterexample) if c]
        return replace(self, applicable=self.applicable + other.applicable, checked=self.checked + other.checked,
                       vacuous=self.vacuous + other.vacuous, violations=self.violations + other.violations,
                       oracle_failures=self.oracle_failures + other.oracle_failures,
                       worst_margin=min(wm) if wm else None, faces=faces, error=self.error or other.error,
                       counterexample=min(ces, key=lambda c: c["sample"]) if ces else None)

    @property
    def verdict(self) -> Verdict:
        if self.error:
            return Verdict.ERROR
        if self.violations:
            return Verdict.REFUTED
        if self.checked == 0:
            return Verdict.UNCHECKED
        return Verdict.SAMPLED

    @property
    def reason(self) -> str:
        """Why a proposition is UNCHECKED (or ERROR)."""
        if self.error:
            return self.error
        if self.checked:
            return ""
        if not self.applicable:
            return "no sample of the kind this proposition speaks about"
        if self.oracle_failures and not self.vacuous:
            return (f"every sample was undecided ({self.oracle_failures} of {self.applicable}): a tie that no "
                    "precision tried could settle, or an oracle that failed or ran out of digits")
        return (f"the hypotheses never held ({self.vacuous} of {self.applicable} samples"
                + (f"; {self.oracle_failures} undecided" if self.oracle_failures else "") + ")")

    def as_verdict(self) -> PropVerdict:
        return PropVerdict(self.name, self.verdict, self.formal, self.expected)


@dataclass
class ClaimResult:
    id: str
    n: int
    props: dict[str, PropResult] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def verdict(self) -> Verdict:
        return claim_verdict([p.as_verdict() for p in self.props.values()])[0]

    @property
    def status(self) -> str:
        return self.verdict.value

    @property
    def violated(self) -> bool:
        return any(p.violations and p.expected for p in self.props.values())

    @property
    def checked(self) -> int:
        return sum(p.checked for p in self.props.values())

    @property
    def worst_margin(self):
        ms = [p.worst_margin for p in self.props.values() if p.worst_margin is not None and p.expected]
        return min(ms) if ms else None


# --- the run ------------------------------------------------------------------------------------

def _sample_kinds(claim: Claim) -> list[str]:
    return sorted({k for p in claim.props for k in kinds_for(p)})


def check_claim(claim: Claim, n: int, seed: int, dps: int = 50, start: int = 0, shrink_budget: int = 150,
                extra_oracles=None, progress=None) -> ClaimResult:
    """Check every proposition of ``claim`` on samples ``start .. start+n-1`` of the stream ``seed``."""
    t0 = time.perf_counter()
    res = ClaimResult(claim.id, n, {p.name: PropResult(p.name, p.expected, not p.verify_only,
                                                       hypotheses=len(p.hypotheses)) for p in claim.props})
    kinds = _sample_kinds(claim)
    with mpmath.workdps(dps):
        rtol = tolerance(dps)
        for i in range(start, start + n):
            rng = random.Random(f"{seed}:{claim.id}:{i}")
            kind = kinds[i % len(kinds)]
            try:
                g, inst = sample(rng, kind)
            except RuntimeError:
                continue
            g = g.replace(retarget=rng.randrange(4) if rng.random() < 0.5 else None,
                          eta_offset_on=rng.random() < 0.8)
            base_ctx = Context(g, inst, extra_oracles)
            for p in claim.props:
                if kind not in kinds_for(p):
                    continue
                pr = res.props[p.name]
                if pr.error:
                    continue
                pr.applicable += 1
                _check_one(claim, p, pr, g, inst, base_ctx, i, rtol, dps, shrink_budget, extra_oracles)
            if progress:
                progress()
    res.seconds = time.perf_counter() - t0
    return res


def _check_one(claim, p, pr, g, inst, base_ctx, i, rtol, dps, shrink_budget, extra_oracles) -> None:
    inst_p = retarget(p, g, inst, extra_oracles, base_ctx)
    ctx = base_ctx if inst_p is inst else Context(g, inst_p, extra_oracles)
    try:
        try:
            out = evaluate(p, ctx, rtol)
        except Unsettled:  # more digits would not settle it
            raise
        except NUMERIC_TROUBLE:  # an oracle ran out of digits: retry with more
            out = Outcome("violated")
        if out.verdict == "violated":  # decide near-boundary signs at higher precision
            out = confirm(p, g, rtol, dps, extra_oracles)
    except NUMERIC_TROUBLE:
        pr.oracle_failures += 1
        return
    except (InstanceError, ZeroDivisionError) as e:  # a retargeted step size the model excludes
        if isinstance(e, InstanceError):
            pr.vacuous += 1
            return
        pr.error = f"{claim.id}/{p.name}: {type(e).__name__}: {e} (sample {i})"
        return
    except Exception as e:
        pr.error = f"{claim.id}/{p.name}: {type(e).__name__}: {e} (sample {i})"
        return
    if out.verdict == "vacuous":
        pr.vacuous += 1
        return
    pr.checked += 1
    for f in out.faces:
        pr.faces[f] = pr.faces.get(f, 0) + 1
    pr.worst_margin = out.margin if pr.worst_margin is None else min(pr.worst_margin, out.margin)
    if out.verdict == "violated":
        pr.violations += 1
        if pr.counterexample is None:
            pr.counterexample = _shrunk_counterexample(p, g, i, rtol, dps, shrink_budget, extra_oracles)


def _shrunk_counterexample(p, g, i, rtol, dps, budget, extra_oracles) -> dict:
    def still_violates(cand):
        try:
            if evaluate(p, Context(cand, retarget(p, cand, build(cand), extra_oracles), extra_oracles),
                        rtol).verdict != "violated":
                return False
            return confirm(p, cand, rtol, dps, extra_oracles).verdict == "violated"
        except NUMERIC_TROUBLE:  # a simpler sample that the digits cannot decide is not a simpler counterexample
            return False

    gs = shrink(g, still_violates, budget)
    with mpmath.workdps(ESCALATE[-1] * dps):
        inst_s = retarget(p, gs, build(gs), extra_oracles)
        try:
            m_s = evaluate(p, Context(gs, inst_s, extra_oracles), rtol).margin
        except NUMERIC_TROUBLE:  # the margin is reported, not judged: a tie the digits cannot size has none
            m_s = None
        own = _own_values(p, Context(gs, inst_s, extra_oracles))
    return {"sample": i, **describe(gs, inst_s, own), "margin": mpmath.nstr(m_s, 8) if m_s is not None else None}


def _own_values(p, ctx) -> dict:
    """The values the counterexample gives the statement's own symbols (those an oracle provides), or {}."""
    own = {}
    for s_ in sorted(p.free_symbols(), key=lambda x: x.name):
        try:
            own[s_] = ctx.need([s_])[s_]
        except Exception:  # noqa: BLE001 - no oracle, or one that fails here: left out of the description only
            continue
    return own


__all__ = ["check_claim", "ClaimResult", "PropResult", "evaluate", "Context", "confirm", "retarget", "kinds_for",
           "NUMERIC_TROUBLE"]
