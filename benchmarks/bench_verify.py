"""Time the verification suite against the naive baseline, on the same instances, in the same run.

The baseline is what a newcomer writes: for every instance and proposition,
``relation.subs(values).evalf(50)`` with SymPy.  The fast path is
``salign.verify.verifier.engine.evaluate`` (expressions lambdified once into mpmath, cached).
Both compute the same oracle values the same way, so the ratio is the whole
suite's.  The machine is shared and noisy: only the ratio measured in one run
means anything.

    python benchmarks/bench_verify.py [--per-claim N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import time

import mpmath
from sympy import Float

from salign.theory import registry
from salign.verify.verifier import engine
from salign.verify.verifier.sampling import sample

DPS = 50


def instances(per_claim: int, seed: int):
    out = []
    for cid, claim in registry().items():
        kinds = sorted({k for p in claim.props for k in engine.kinds_for(p)})
        for i in range(per_claim):
            rng = random.Random(f"bench:{seed}:{cid}:{i}")
            kind = kinds[i % len(kinds)]
            g, inst = sample(rng, kind, "loss-scaled" if kind == "loss-scaled" else None)
            g["retarget"], g["eta_offset_on"] = None, True
            out.append((claim, g, inst))
    return out


def naive_truth(rel, vals):
    """The newcomer's evaluation: substitute 50-digit Floats, evalf, read the boolean."""
    sub = {s: (Float(str(v), DPS) if isinstance(v, mpmath.mpf) else v) for s, v in vals.items()}
    r = rel.subs(sub)
    return bool(r.evalf(DPS) if hasattr(r, "evalf") else r)


def run_fast(cases):
    verdicts = []
    rtol = mpmath.mpf(10) ** (-DPS + 12)
    for claim, g, inst in cases:
        ctx = engine.Context(g, inst)
        for p in claim.props:
            if g["kind"] in engine.kinds_for(p):
                try:
                    verdicts.append(engine.evaluate(p, ctx, rtol)[0] != "violated")
                except engine.NUMERIC_TROUBLE:
                    verdicts.append(None)
    return verdicts


def run_naive(cases):
    verdicts = []
    for claim, g, inst in cases:
        ctx = engine.Context(g, inst)
        for p in claim.props:
            if g["kind"] not in engine.kinds_for(p):
                continue
            try:
                vals = ctx.need([s for s in p.free_symbols() if s not in ctx.vals and s.name != "spectral_gap"])
                held = all(naive_truth(h, vals) for h in p.hypotheses)
                verdicts.append(True if not held else naive_truth(p.conclusion, vals))
            except (engine.NUMERIC_TROUBLE + (TypeError,)):
                verdicts.append(None)
    return verdicts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-claim", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with mpmath.workdps(DPS):
        registry()
        cases = instances(args.per_claim, args.seed)
        engine.warm(registry().values())  # compile once, as every verify run does
        t0 = time.perf_counter()
        fast = run_fast(cases)
        t_fast = time.perf_counter() - t0
        t0 = time.perf_counter()
        naive = run_naive(cases)
        t_naive = time.perf_counter() - t0
    n_checks = sum(v is not None for v in fast)
    print(f"instances: {len(cases)}  proposition checks: {n_checks}  precision: {DPS} digits")
    print(f"naive  subs().evalf({DPS}): {t_naive:8.3f} s  ({1e3 * t_naive / n_checks:.2f} ms/check)")
    print(f"salign engine          : {t_fast:8.3f} s  ({1e3 * t_fast / n_checks:.3f} ms/check)")
    print(f"ratio naive / engine   : {t_naive / t_fast:8.1f}x")
    agree = sum(1 for a, b in zip(fast, naive) if a is not None and b is not None and a == b)
    print(f"verdicts agree on {agree} of {sum(1 for a, b in zip(fast, naive) if a is not None and b is not None)}")


if __name__ == "__main__":
    main()
