"""Simulation engines: cost of a full step against its unavoidable work, and reduced against full.

    python benchmarks/bench_simulate.py [--d 1000000] [--steps 10] [--seeds 64]

(a) one full-engine step at d coordinates against the work no engine can avoid, measured
    in the same run: drawing d Gaussians plus one pass over the vector;
(b) the reduced engine (exact in law, O(levels) per step, vectorised over seeds) against
    the full engine, same spectrum, steps and seeds;
(c) the two engines' agreement in distribution (Kolmogorov-Smirnov p-values).
The machine is shared and noisy: only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from salign.verify.experiments.simulate import Spectrum, agreement, full, reduced


def best_of(f, repeat=5):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--d", type=int, default=10**6)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--seeds", type=int, default=64)
    args = ap.parse_args()
    d, k = args.d, args.d // 10
    spec = Spectrum.two_level(10.0, 1.0, k, d)
    s0 = [1.0, 1.0]

    # (a) one full step vs drawing d Gaussians plus one pass over the vector
    rng = np.random.default_rng(0)
    x, z = np.ones(d), np.empty(d)

    def unavoidable():
        rng.standard_normal(out=z)
        np.add(x, z, out=x)

    t_unavoid = best_of(unavoidable, 10)
    t_full_run = best_of(lambda: full(spec, s0, 0.05, args.steps, 1, "isotropic", 1e-3), 3)
    t_full_step = t_full_run / args.steps
    print(f"(a) d = {d:,}: unavoidable work {1e3 * t_unavoid:.2f} ms, full-engine step {1e3 * t_full_step:.2f} ms, "
          f"ratio {t_full_step / t_unavoid:.2f}x")

    # (b) reduced vs full, same steps and seeds
    t0 = time.perf_counter()
    full(spec, s0, 0.05, args.steps, args.seeds, "isotropic", 1e-3)
    t_full = time.perf_counter() - t0
    t_red = best_of(lambda: reduced(spec, s0, 0.05, args.steps, args.seeds, "isotropic", 1e-3), 20)
    print(f"(b) {args.seeds} seeds x {args.steps} steps at d = {d:,}: full {t_full:.2f} s, reduced "
          f"{1e3 * t_red:.3f} ms, ratio {t_full / t_red:,.0f}x")
    huge = Spectrum.two_level(10.0, 1.0, 10**8, 10**9)
    t_huge = best_of(lambda: reduced(huge, s0, 0.05, args.steps, args.seeds, "isotropic", 1e-3), 5)
    print(f"    reduced engine at d = 10^9, same work: {1e3 * t_huge:.3f} ms")

    # (c) agreement in distribution (small d, many seeds)
    small = Spectrum((10.0, 6.0), (3, 2), (1.0, 0.5), (20, 25))
    print("(c) two-sample KS tests, full vs reduced engine, near the noise floor where the noise shapes the law\n"
          "    (1000 seeds each, independent streams per row):")
    pmin = 1.0
    for i, preset in enumerate(("isotropic", "hessian", "loss-scaled")):
        for j, variant in enumerate(("sgd", "dom", "bulk")):
            rows = agreement(small, [0.002, 0.002, 0.05, 0.05], 0.1, preset=preset, variant=variant,
                             sigma2=0.05 if preset == "loss-scaled" else 0.5, seed=100 * (3 * i + j))
            pmin = min([pmin] + [min(r["p_chi"], r["p_loss"]) for r in rows])
            ps = ", ".join(f"t={r['step']}: chi p={r['p_chi']:.2f} loss p={r['p_loss']:.2f}" for r in rows)
            print(f"    {preset:11s} {variant:4s}  {ps}")
    print(f"    smallest of 54 p-values: {pmin:.3f} (Bonferroni threshold at 5%: {0.05 / 54:.4f})")


if __name__ == "__main__":
    main()
