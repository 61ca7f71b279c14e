"""salign nn: seconds per training step and per refresh, and Lanczos on HVPs against a dense eigendecomposition.

    python benchmarks/bench_nn.py [--width 50] [--samples 5000] [--dense-widths 2,5] [--repeat 3]

(a) one training step at the default size (SGD, batch 50; each step also records the
    full-batch loss and alignment, as ``salign nn`` does), from a block of ``refresh`` steps;
(b) one refresh: the top-10 subspace by Lanczos (``eigsh`` on Hessian-vector products) plus
    ``H V`` for the residuals, and the predictions (64 minibatch draws);
(c) the refresh's eigensolver against the dense route (``jax.hessian`` + ``numpy.linalg.eigh``)
    at widths where the d x d Hessian fits in memory.  At the default width d = 39,760: the
    dense Hessian alone would be 12.6 GB in float64, so the dense route is measured only at
    the smaller widths and the ratio is reported there.
The machine is shared and noisy: only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from salign.verify.experiments.nn_data import load
from salign.verify.experiments.nn_hessian import top_k
from salign.verify.experiments.nn_model import Objective, init, sizes_of
from salign.verify.experiments.nn_predict import one_step
from salign.verify.experiments.nn_train import batches, block


def best_of(f, repeat):
    """The shortest of ``repeat`` timings of ``f()`` (after one warm-up call that also compiles)."""
    return timed(f, repeat)[0]


def timed(f, repeat):
    """``(shortest time, last result)`` of ``repeat`` calls of ``f()``, after one warm-up call."""
    f()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def lanczos(obj, w, k=10):
    """The refresh's eigensolver: top-k by eigsh on HVPs, plus H V."""
    return top_k(lambda v: obj.hvp(w, v), obj.d, k, v0=np.ones(obj.d), hvp_many=lambda V: obj.hvp_many(w, V))


def dense(obj, w, k=10):
    """The dense route: the d x d Hessian by jax.hessian, then numpy.linalg.eigh."""
    H = obj.dense_hessian(w)
    lam, U = np.linalg.eigh(H)
    return lam[::-1][:k], U[:, ::-1][:, :k]


def main():
    """Measure (a), (b), (c) and print them with their ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=50)
    ap.add_argument("--samples", type=int, default=5000)
    ap.add_argument("--dense-widths", default="2,5", help="widths at which the dense route is measured")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    X, Y = load("mnist5k", args.samples)
    rng = np.random.default_rng(0)

    obj = Objective(X, Y, sizes_of(784, args.width, 1, 10))
    w = init(obj.sizes, 0)
    sub = lanczos(obj, w)
    idx = batches(rng, obj.n, 50, 100)
    t_block = best_of(lambda: block(obj, w, sub.V, idx, 0.01, "sgd"), args.repeat)
    g = obj.grad(w)
    t_grad = best_of(lambda: obj.grad(w), args.repeat)
    t_hvp = best_of(lambda: obj.hvp(w, g), args.repeat)
    print(f"MLP 784-{args.width}-10 on {obj.n} samples: d = {obj.d:,} parameters, float64")
    print(f"(a) training step: {1e3 * t_block / len(idx):.2f} ms (full-batch gradient {1e3 * t_grad:.2f} ms, "
          f"HVP {1e3 * t_hvp:.2f} ms)")
    t_lanczos = best_of(lambda: lanczos(obj, w), args.repeat)
    draws = batches(rng, obj.n, 50, 64)
    t_pred = best_of(lambda: one_step(obj, w, sub, 0.01, draws), args.repeat)
    print(f"(b) refresh: Lanczos top-10 + H V {t_lanczos:.2f} s ({sub.hvps} + 10 HVPs, max residual "
          f"{sub.residuals.max():.1e}); predictions over 64 draws {t_pred:.2f} s; total {t_lanczos + t_pred:.2f} s "
          f"= {(t_lanczos + t_pred) / (t_block / len(idx)):.0f} training steps")
    print(f"(c) dense route at d = {obj.d:,}: not run (the Hessian alone is {8 * obj.d**2 / 1e9:.1f} GB in float64)")
    for width in (int(s) for s in args.dense_widths.split(",") if s.strip()):
        small = Objective(X, Y, sizes_of(784, width, 1, 10))
        ws = init(small.sizes, 0)
        t_l, sub_l = timed(lambda small=small, ws=ws: lanczos(small, ws), args.repeat)
        t_d, (lam_d, _) = timed(lambda small=small, ws=ws: dense(small, ws), 1)
        lam_l = sub_l.lam
        print(f"    width {width}, d = {small.d:,}: Lanczos {t_l:.3f} s, dense (jax.hessian + eigh) {t_d:.2f} s, "
              f"ratio dense/Lanczos {t_d / t_l:.0f}x; top-10 eigenvalues agree to "
              f"{np.max(np.abs(lam_l - lam_d) / np.abs(lam_d)):.1e}")


if __name__ == "__main__":
    main()
