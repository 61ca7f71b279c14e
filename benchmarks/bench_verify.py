"""Time the verifier's inner loop against the naive baseline, on the same instances, in the same run.

The inner loop is the evaluation of every proposition of every claim on prepared
instances: the oracles' values (the model's definition, the same for both paths) are
computed once beforehand, then each path decides every hypothesis and conclusion.

* baseline: what a newcomer writes, ``relation.subs(values).evalf(50)`` with SymPy;
* salign: ``verify.verifier.engine.evaluate`` (relations compiled once; a float64 pass
  with a rigorous error bound decides what it can, arb balls at full precision the rest).

The machine is shared and noisy: only the ratio measured in one run means anything.

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
from salign.verify.verifier.context import Context
from salign.verify.verifier.evaluate import tolerance
from salign.verify.verifier.sampling import sample

DPS = 50


def cases(per_claim: int, seed: int):
    """``(claim, context)`` with every value each proposition needs already computed by the oracles."""
    out = []
    for cid, claim in registry().items():
        kinds = sorted({k for p in claim.props for k in engine.kinds_for(p)})
        for i in range(per_claim):
            rng = random.Random(f"bench:{seed}:{cid}:{i}")
            g, inst = sample(rng, kinds[i % len(kinds)])
            ctx = Context(g, inst)
            for p in claim.props:
                if g.kind in engine.kinds_for(p):
                    try:
                        ctx.need(engine._needed(p.free_symbols()))
                    except engine.NUMERIC_TROUBLE:
                        pass
            out.append((claim, g, ctx))
    return out


def naive_truth(rel, vals):
    """The newcomer's evaluation: substitute 50-digit Floats, evalf, read the boolean."""
    sub = {s: (Float(str(v), DPS) if isinstance(v, mpmath.mpf) else v) for s, v in vals.items()}
    r = rel.subs(sub)
    return bool(r.evalf(DPS) if hasattr(r, "evalf") else r)


def checks(work) -> list:
    """``(proposition, context)`` for every proposition whose values are all at hand (prepared once)."""
    return [(p, ctx) for claim, g, ctx in work for p in claim.props
            if g.kind in engine.kinds_for(p) and all(s in ctx.vals for s in engine._needed(p.free_symbols()))]


def _fast_one(p, ctx, rtol):
    try:
        return engine.evaluate(p, ctx, rtol).verdict != "violated"
    except engine.NUMERIC_TROUBLE:  # undecided at this precision: a run would retry with more digits
        return None


def run_fast(work):
    rtol = tolerance(DPS)
    return [_fast_one(p, ctx, rtol) for p, ctx in work]


def run_naive(work):
    verdicts = []
    for p, ctx in work:
        try:
            held = all(naive_truth(h, ctx.vals) for h in p.hypotheses)
            verdicts.append(True if not held else naive_truth(p.conclusion, ctx.vals))
        except TypeError:  # SymPy cannot compare what it evaluated (a complex or undefined value)
            verdicts.append(None)
    return verdicts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-claim", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with mpmath.workdps(DPS):
        registry()
        work = checks(cases(args.per_claim, args.seed))
        engine.warm(registry().values())  # compile once, as every verify run does
        run_fast(work)  # warm caches (the plans)
        for _, ctx in work:  # ... but not the contexts' converted values: a real run converts each once
            ctx.arb.clear()
        t0 = time.perf_counter()
        fast = run_fast(work)
        t_fast = time.perf_counter() - t0
        t0 = time.perf_counter()
        naive = run_naive(work)
        t_naive = time.perf_counter() - t0
        from salign.verify.verifier import evaluate as E

        stats = getattr(E, "STATS", {})
        stats.clear()
        run_fast(work)
        stats = dict(stats)
    n = len(fast)
    print(f"instances: {len({id(c) for _, c in work})}  proposition checks: {n}  precision: {DPS} digits")
    print(f"naive  subs().evalf({DPS}): {t_naive:8.3f} s  ({1e3 * t_naive / n:.3f} ms/check)")
    print(f"salign engine          : {t_fast:8.3f} s  ({1e3 * t_fast / n:.4f} ms/check)")
    print(f"ratio naive / engine   : {t_naive / t_fast:8.1f}x")
    decided = stats.get("float", 0) + stats.get("arb", 0)
    if decided:
        print(f"relations decided in float64: {stats.get('float', 0)} of {decided} "
              f"({100 * stats.get('float', 0) / decided:.0f}%); the rest in arb at {DPS} digits")
    both = [(a, b) for a, b in zip(fast, naive) if a is not None and b is not None]
    print(f"undecided at {DPS} digits (a run retries them at 2x and 4x): {sum(a is None for a in fast)}")
    agree = sum(a == b for a, b in both)
    print(f"verdicts agree on {agree} of {len(both)} (where they differ, the naive path compares "
          "floats exactly: ties within rounding, undefined values)")


if __name__ == "__main__":
    main()
