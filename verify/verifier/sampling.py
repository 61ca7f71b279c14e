"""Random instances of the model, spread over the whole parameter space, every face of it included.

A sample is a :class:`Genotype`: the named parameters from which :func:`build` makes
an :class:`~salign.verify.verifier.instance.Instance`; shrinking a counterexample
means simplifying it (:mod:`.shrink`).  Draws cover condition numbers log-uniform
from 1.01 to 1e8, 1-3 levels per block, ``k`` and ``d`` from 1 to 1e6, every noise
preset of :mod:`salign.theory.model`, gradient norms from 1e-12 to 1e12, alignments
from 1e-9 to 1 - 1e-9, and step sizes over every regime, with extra mass

* near each boundary the claims name (eta*, eta_D, eta_B, eta_SGD, 2/(lD+lB), 2/lD,
  chi_c), at relative offsets from 1e-0.5 down to the working precision, and exactly on it;
* whole times ``t``: 0, 1, 2, 5, uniform in [0, 200) and [200, 2000), and powers of ten up to 10^12
  (an iterated trajectory runs at most 5000 steps: beyond, its oracles say so, and the sample is undecided);
* on every face of the table of meaning (:mod:`salign.theory.meaning`): each step size where a derived symbol
  loses its value (``eta = 2/lambda_S``, where ``a_inf`` or ``b_inf`` has none; ``1/lambda_S``, where ``u`` or ``v``
  has none), for every eigenvalue of its block;
* on the faces of the hypotheses: no noise at all, no noise in one block only
  (n_D = 0 < n_B and n_B = 0 < n_D), the state exactly at the regime threshold chi_c,
  the initial state exactly at the stationary point (alpha = 0 or beta = 0).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, fields, replace

import mpmath

from salign.theory import expression, meaning
from salign.theory import symbols as S
from salign.theory.model import NOISE_PRESETS, noise_variance

from .evaluate import numeric
from .instance import Instance, Level

#: fields a shrinker must leave alone (they select a branch, not a number)
FIXED = {"shrink": False}

#: the presets sampled (loss-scaled has its own sample kind: its noise depends on the state)
PRESETS = tuple(p for p in NOISE_PRESETS if p != "loss-scaled")
KINDS = ("two-level", "levels", "loss-scaled")


@dataclass(frozen=True)
class Genotype:
    """One sample's parameters.  ``kind``: ``two-level``, ``levels`` (1-3 levels per block) or
    ``loss-scaled`` (two-level, X1).  Fields marked FIXED select a branch and are never shrunk."""

    kind: str = field(metadata=FIXED)
    preset: str = field(metadata=FIXED)
    seed: int = field(default=0, metadata=FIXED)
    # two-level (and loss-scaled) state
    lam_D: object = None
    lam_B: object = None
    k: int | None = None
    d: int | None = None
    G: object = None
    chi: object = None
    a0: object = None
    b0: object = None
    t: int = 0
    eps: object = None
    # multi-level spectrum: per level eigenvalue, multiplicity, coordinate value
    lams_D: tuple = ()
    lams_B: tuple = ()
    mult_D: tuple = ()
    mult_B: tuple = ()
    x_D: tuple = ()
    x_B: tuple = ()
    # noise: scale, per-block weights of the diagonal preset (0 is the face "no noise in this block")
    sigma2: object = 0
    noise_D: object = 1
    noise_B: object = 1
    # step size
    eta_mode: str = field(default="loguniform", metadata=FIXED)
    eta_u: object = 0
    eta_boundary: int = field(default=0, metadata=FIXED)
    eta_offset: object = 0
    # regime threshold face and the stationary-point faces of the dynamics
    chi_near_c: bool = field(default=False, metadata=FIXED)  # chi at logit(chi_c) + chi_offset
    chi_offset: object = 0
    alpha_face: bool = field(default=False, metadata=FIXED)
    beta_face: bool = field(default=False, metadata=FIXED)
    # moving eta next to a step size a proposition's hypotheses name (see engine.retarget)
    retarget: int | None = field(default=None, metadata=FIXED)
    # a step size where a derived symbol loses its value (salign.theory.meaning.eta_faces), for some eigenvalue
    eta_face: int | None = field(default=None, metadata=FIXED)
    eta_offset_on: bool = field(default=True, metadata=FIXED)

    def shrinkable(self):
        """The names of the fields a shrinker may simplify (numbers, never branch selectors)."""
        return [f.name for f in fields(self) if f.metadata.get("shrink", True)]

    def replace(self, **changes) -> "Genotype":
        return replace(self, **changes)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _logu(rng: random.Random, lo: float, hi: float) -> mpmath.mpf:
    return mpmath.mpf(10) ** mpmath.mpf(rng.uniform(math.log10(lo), math.log10(hi)))


def _mults(rng: random.Random, m: int) -> tuple[int, ...]:
    top = rng.choice([1, 3, 30, 1000, 10**6])
    return tuple(max(1, int(_logu(rng, 1, top + 1))) for _ in range(m))


def _offset(rng: random.Random):
    """A signed relative offset from a boundary: exactly 0 (the face itself) one time in ten, else
    log-uniform from 10^-0.5 down to 10 digits above the working precision."""
    if rng.random() < 0.1:
        return mpmath.mpf(0)
    deepest = -(mpmath.mp.dps - 10)
    return rng.choice([-1, 1]) * mpmath.mpf(10) ** mpmath.mpf(rng.uniform(deepest, -0.5))


def smallest_offset() -> mpmath.mpf:
    """The smallest non-zero relative offset the sampler draws at the working precision (its resolution)."""
    return mpmath.mpf(10) ** -(mpmath.mp.dps - 10)


def _time(rng: random.Random, seed: int) -> int:
    """A whole time ``t``: 0, 1, 2, 5 or uniform in [0, 200) (from ``rng``), and in 2 of 7 draws instead uniform
    in [200, 2000) or a power of ten up to 10^12 (from a stream of its own: every other draw stays as it was)."""
    t = rng.choice([0, 1, 2, 5, rng.randrange(0, 200)])
    own = random.Random(seed ^ 0x5A17)
    if own.random() < 2 / 7:
        t = own.randrange(200, 2000) if own.random() < 0.5 else 10 ** own.randint(4, 12)
    return t


def draw(rng: random.Random, kind: str, preset: str | None = None) -> Genotype:
    """One genotype of ``kind``; ``preset`` fixes the noise preset (else drawn, with its faces)."""
    if kind not in KINDS:
        raise ValueError(f"unknown sample kind {kind!r}; one of {', '.join(KINDS)}")
    g: dict = {"kind": kind, "preset": "loss-scaled" if kind == "loss-scaled" else (preset or rng.choice(PRESETS))}
    lam_B = _logu(rng, 1e-3, 1e3)
    kappa = 1 + _logu(rng, 1e-6, 1e8)  # down to a gap of 1e-6: (1 + 1e-3)^100 < 2 must be drawn
    g["seed"] = rng.randrange(2**32)
    if kind in ("two-level", "loss-scaled"):
        k = _mults(rng, 1)[0]
        g.update(lam_D=lam_B * kappa, lam_B=lam_B, k=k, d=k + _mults(rng, 1)[0])
        g.update(G=_logu(rng, 1e-12, 1e12), chi=1 / (1 + mpmath.mpf(10) ** mpmath.mpf(rng.uniform(-9, 9))),
                 a0=_logu(rng, 1e-6, 1e8), b0=_logu(rng, 1e-6, 1e8),
                 t=_time(rng, g["seed"]), eps=_logu(rng, 1e-6, 10))  # any positive tolerance
    else:
        m_D, m_B = rng.randint(1, 3), rng.randint(1, 3)
        bulk = sorted((lam_B * _logu(rng, 1e-3, 1) for _ in range(m_B - 1)), reverse=True)
        dom = sorted((lam_B * kappa * _logu(rng, 1, 1e2) for _ in range(m_D - 1)), reverse=True)
        g["lams_D"], g["lams_B"] = tuple(sorted([lam_B * kappa] + dom, reverse=True)), tuple([lam_B] + bulk)
        g["mult_D"], g["mult_B"] = _mults(rng, m_D), _mults(rng, m_B)
        scale = _logu(rng, 1e-6, 1e6)
        g["x_D"] = tuple(scale * _logu(rng, 1e-4, 1e4) for _ in g["lams_D"])
        g["x_B"] = tuple(scale * _logu(rng, 1e-4, 1e4) for _ in g["lams_B"])
    g["sigma2"] = mpmath.mpf(0) if rng.random() < 0.2 else _logu(rng, 1e-8, 1e4)  # the noiseless face
    if g["preset"] == "diagonal":  # relative weights of Sigma_ii per block; 0 is "no noise in this block"
        face = rng.random()
        g["noise_D"] = mpmath.mpf(0) if face < 0.25 else _logu(rng, 1e-4, 1e4)
        g["noise_B"] = mpmath.mpf(0) if 0.25 <= face < 0.5 else _logu(rng, 1e-4, 1e4)
    g["eta_mode"] = rng.choice(["loguniform", "boundary", "boundary", "boundary"])
    g["eta_u"] = mpmath.mpf(rng.uniform(-3, 1))
    g["eta_boundary"] = rng.randrange(8)
    g["eta_offset"] = _offset(rng)
    side = rng.random()  # the state: near the regime threshold chi_c, well inside the high regime, or free
    g["chi_near_c"] = side < 0.5
    g["chi_offset"] = _offset(rng) if side < 0.3 else (mpmath.mpf(10) ** mpmath.mpf(rng.uniform(-1, 1.3))
                                                        if side < 0.5 else mpmath.mpf(0))
    g["alpha_face"], g["beta_face"] = rng.random() < 0.05, rng.random() < 0.05
    own = random.Random(g["seed"] ^ 0xFACE)  # a stream of its own: every other draw stays as it was
    if g["eta_mode"] == "boundary" and own.random() < 0.1:
        g["eta_face"] = own.randrange(1 << 16)
        if own.random() < 0.5:  # exactly on it half the time: the symbol has no value only there
            g["eta_offset"] = mpmath.mpf(0)
    return Genotype(**g)


def two_level_traces(g: Genotype, a, b):
    """``(n_D, n_B)`` of a two-level genotype at the state ``(a, b)`` (the loss enters only when loss-scaled)."""
    k, m = g.k, g.d - g.k
    loss = None if a is None else (g.lam_D * a + g.lam_B * b) / 2
    vD = noise_variance(g.preset, g.lam_D, loss, g.sigma2, g.noise_D)
    vB = noise_variance(g.preset, g.lam_B, loss, g.sigma2, g.noise_B)
    return k * vD, m * vB


#: the face chi = chi_c (+ offset) is placed only where chi_c is this far from 0 and 1
CHI_C_MARGIN = mpmath.mpf(10) ** -12


def _two_level_state(g: Genotype):
    """``(a, b)`` from the drawn ``G`` and ``chi`` (moved next to ``chi_c`` when asked)."""
    lam_D, lam_B, G, chi = g.lam_D, g.lam_B, g.G, g.chi
    if g.chi_near_c and g.kind == "two-level":
        n_D, n_B = two_level_traces(g, None, None)
        if n_D > 0 or n_B > 0:
            c = numeric(expression("chi_c"), {S.lam_D: lam_D, S.lam_B: lam_B, S.n_D: n_D, S.n_B: n_B, S.G: G})
            # only a chi_c that every working precision resolves: one within CHI_C_MARGIN of 0 or 1 (e.g. chi_c = 1
            # without bulk noise) would put chi on a rounding error, a different instance at every precision
            if isinstance(c, mpmath.mpf) and CHI_C_MARGIN < c < 1 - CHI_C_MARGIN:
                logit = mpmath.log(c / (1 - c)) + g.chi_offset
                chi = 1 / (1 + mpmath.exp(-logit))
    return chi * G / lam_D**2, (1 - chi) * G / lam_B**2


def _levels(g: Genotype):
    if g.kind in ("two-level", "loss-scaled"):
        a, b = _two_level_state(g)
        n_D, n_B = two_level_traces(g, a, b)
        k, m = g.k, g.d - g.k
        D = (Level(g.lam_D, k, mpmath.sqrt(a / k), mpmath.sqrt(n_D / k)),)
        B = (Level(g.lam_B, m, mpmath.sqrt(b / m), mpmath.sqrt(n_B / m)),)
        return D, B
    out = []
    for blk in ("D", "B"):
        weight = g.noise_D if blk == "D" else g.noise_B
        out.append(tuple(
            Level(lam, mult, x, mpmath.sqrt(noise_variance(g.preset, lam, None, g.sigma2, weight)))
            for lam, mult, x in zip(getattr(g, f"lams_{blk}"), getattr(g, f"mult_{blk}"), getattr(g, f"x_{blk}"))))
    return tuple(out)


def boundaries(D, B) -> list:
    """Step sizes where some claim changes its verdict, for this spectrum and state."""
    probe = Instance(D, B, mpmath.mpf(1))
    v = probe.moments()
    lD, lB = min(lv.lam for lv in D), max(lv.lam for lv in B)
    out = [2 / (lD + lB), 2 / max(lv.lam for lv in D), numeric(expression("eta_D"), v),
           numeric(expression("eta_B"), v), numeric(expression("eta_SGD"), v), 1 / max(lv.lam for lv in D)]
    Q = numeric(expression("Q"), v)
    if Q > 0:
        try:
            out.append(numeric(expression("eta_star"), v))
        except ZeroDivisionError:  # Q rounds to 0 in eta*'s own form: no critical step at this precision
            pass
    return [e for e in out if e > 0]


def definedness_faces(D, B) -> list:
    """The step sizes where a derived symbol of the table of meaning loses its value (``eta = 2/lambda_B``, where
    ``b_inf`` has none), for every eigenvalue of the block each face names."""
    out = []
    for face in meaning.eta_faces():
        blk = meaning.block_of(face)
        lam = S.lam_D if blk == "D" else S.lam_B
        for lv in (D if blk == "D" else B):
            e = numeric(face, {lam: lv.lam})
            if e > 0 and e not in out:
                out.append(e)
    return out


def build(g: Genotype) -> Instance:
    """The instance a genotype describes (step size placed by ``eta_mode``)."""
    D, B = _levels(g)
    lam_max = max(lv.lam for lv in D)
    if g.eta_mode == "loguniform":
        eta = mpmath.mpf(10) ** g.eta_u / lam_max
    else:
        bs = definedness_faces(D, B) if g.eta_face is not None else boundaries(D, B)
        pick = g.eta_face if g.eta_face is not None else g.eta_boundary
        eta = bs[pick % len(bs)] * (1 + g.eta_offset)
        if eta <= 0:
            eta = bs[pick % len(bs)] / 2
    return Instance(D, B, eta)


def sample(rng: random.Random, kind: str, preset: str | None = None) -> tuple[Genotype, Instance]:
    """Draw genotypes until one builds (degenerate draws, e.g. underflow, are redrawn)."""
    from .instance import InstanceError

    for _ in range(100):
        g = draw(rng, kind, preset)
        try:
            return g, build(g)
        except (InstanceError, ZeroDivisionError):
            continue
    raise RuntimeError("could not draw a valid instance in 100 tries")
