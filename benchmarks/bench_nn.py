"""salign nn: seconds per training step and per refresh, Lanczos against a dense eigendecomposition, a whole run.

    python benchmarks/bench_nn.py [--width 50] [--samples 5000] [--dense-widths 2,5] [--repeat 3]
                                  [--e2e-steps 300] [--e2e-after 100] [--e2e-model mlp]

(a) one training step at the default size (SGD, batch 50; each step also records the
    full-batch loss and alignment, as ``salign nn`` does), from a block of ``refresh`` steps;
(b) one refresh: the top-10 subspace by Lanczos (``eigsh`` on Hessian-vector products) plus
    ``H V`` for the residuals, and the predictions (64 minibatch draws);
(c) the refresh's eigensolver against the dense route (``jax.hessian`` + ``numpy.linalg.eigh``)
    at widths where the d x d Hessian fits in memory.  At the default width d = 39,760: the
    dense Hessian alone would be 12.6 GB in float64, so the dense route is measured only at
    the smaller widths and the ratio is reported there;
(d) a whole ``salign nn`` run end to end (``nn.run`` and ``nn.write``, no figures) at the default
    sizes with ``--e2e-steps`` SGD steps and ``--e2e-after`` steps per continuation, each in a fresh
    process (so every compilation is counted): the code path before issue 19's item 7 (kept
    below as :func:`_old_block` and :func:`_old_init`: one compiled training program per variant,
    one compiled normal draw per layer shape, no persistent compilation cache), then the
    current one with an empty persistent cache (cold) and again with the cache it filled (warm),
    and the ratios; the three runs' arrays are checked equal, bit for bit.  ``--e2e-steps 0``
    skips (d).
The machine is shared and noisy: only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

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


# --- (d): the code path before item 7, kept as the reference --------------------------------------------------

def _old_block_program():
    """The training block as it was: ``variant`` static, so each of the four variants compiled a program."""
    import jax
    import jax.numpy as jnp

    from salign.verify.experiments.nn_model import loss
    from salign.verify.experiments.nn_train import EMA_FACTOR, _alignment

    @partial(jax.jit, static_argnums=(9, 10, 11, 12))
    def _block(w, e, started, idx, V, X, Y, eta, threshold, sizes, variant, on_full_sqrt, full=True):
        on_full, sqrt = on_full_sqrt

        def step(carry, i):
            w, e, started, done = carry
            if full:
                L, g = jax.value_and_grad(loss)(w, X, Y, sizes)
                gb = g if variant == "gd" else jax.grad(loss)(w, X[i], Y[i], sizes)
                chi_full = _alignment(V, g)
            else:
                gb = jax.grad(loss)(w, X, Y, sizes) if variant == "gd" else jax.grad(loss)(w, X[i], Y[i], sizes)
                L = chi_full = jnp.asarray(jnp.nan, dtype=w.dtype)
            chi_mini = _alignment(V, gb)
            a = chi_full if on_full else chi_mini
            a = jnp.sqrt(a) if sqrt else a
            e = jnp.where(started, EMA_FACTOR * e + (1 - EMA_FACTOR) * a, a)
            done = done | (e > threshold)
            if variant in ("sgd", "gd"):
                u = gb
            else:
                dom = V @ (V.T @ gb)
                u = dom if variant == "dom" else gb - dom
            w_next = jnp.where(done, w, w - eta * u)
            return (w_next, e, jnp.asarray(True), done), (L, chi_full, chi_mini, e, done)

        return jax.lax.scan(step, (w, e, started, jnp.asarray(False)), idx)

    return _block


def _old_block(program, obj, w, V, idx, eta, variant, threshold=np.inf, state=(0.0, False), on_full=True, sqrt=True,
               full=True):
    """:func:`salign.verify.experiments.nn_train.block` as it was (the same wrapper around the old program)."""
    import jax.numpy as jnp

    (w1, e, started, _), recs = program(jnp.asarray(w), jnp.asarray(state[0], dtype=jnp.float64),
                                        jnp.asarray(state[1]), jnp.asarray(idx), jnp.asarray(V), obj.X, obj.Y,
                                        float(eta), float(threshold), obj.sizes, variant, (bool(on_full), bool(sqrt)),
                                        bool(full))
    recs = {n: np.asarray(r) for n, r in zip(("loss", "chi_full", "chi_mini", "ema", "done"), recs)}
    hits = np.flatnonzero(recs.pop("done"))
    t_switch = int(hits[0]) if hits.size else None
    if t_switch is not None:
        recs = {n: r[:t_switch + 1] for n, r in recs.items()}
    return np.asarray(w1), (float(e), bool(started)), recs, t_switch


def _old_init(sizes, seed):
    """:func:`salign.verify.experiments.nn_model.init` as it was: one normal draw (one compilation) per layer shape."""
    import jax
    import jax.numpy as jnp

    from salign.verify.experiments.nn_model import CNN

    shapes = sizes.shapes() if isinstance(sizes, CNN) else [s for a, b in zip(sizes[:-1], sizes[1:])
                                                            for s in ((a, b), (b,))]
    keys = jax.random.split(jax.random.PRNGKey(seed), len(shapes) // 2)
    parts = []
    for key, ws, bs in zip(keys, shapes[0::2], shapes[1::2]):
        parts.append(np.asarray(jax.random.normal(key, ws, dtype=jnp.float64)).ravel() / np.sqrt(np.prod(ws[:-1])))
        parts.append(np.zeros(bs))
    return np.concatenate(parts)


def _child(path: str, config_json: str, out: str) -> None:
    """One whole run in this (fresh) process on the code path ``path`` (old, new); prints its seconds as JSON."""
    t0 = time.perf_counter()
    from salign.verify.experiments import nn, nn_device

    if path == "old":
        nn.block = partial(_old_block, _old_block_program())
        nn.init = _old_init
    else:
        nn_device.setup("auto", cache=True)  # the cache folder comes from $SALIGN_JAX_CACHE
    summary, arrays = nn.run(nn.NNConfig(**json.loads(config_json)))
    nn.write(out, summary, arrays, figures=False)
    print(json.dumps({"seconds": time.perf_counter() - t0, "run": summary["seconds"]}))


def _whole_run(path: str, config: dict, out: Path, cache: Path | None) -> float:
    """Seconds of one whole run (imports included) in a fresh process."""
    env = {**os.environ, "SALIGN_JAX_CACHE": str(cache) if cache else "off"}
    r = subprocess.run([sys.executable, __file__, "--child", path, json.dumps(config), str(out)], env=env,
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])["seconds"]


def end_to_end(steps: int, after: int, model: str) -> None:
    """(d): the old path, the new one cold and warm, in fresh processes; their ratios; the arrays compared."""
    config = {"steps": steps, "after": after, "model": model}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t_old = _whole_run("old", config, tmp / "old", None)
        t_cold = _whole_run("new", config, tmp / "cold", tmp / "cache")
        t_warm = _whole_run("new", config, tmp / "warm", tmp / "cache")
        same = []
        with np.load(tmp / "old" / "run.npz") as a, np.load(tmp / "cold" / "run.npz") as b, \
                np.load(tmp / "warm" / "run.npz") as c:
            for k in a.files:
                if k != "run_id":
                    same.append(np.array_equal(a[k], b[k], equal_nan=a[k].dtype.kind == "f")
                                and np.array_equal(a[k], c[k], equal_nan=a[k].dtype.kind == "f"))
    print(f"(d) a whole run (default sizes, {model}, --steps {steps} --after {after}, no figures; fresh process each): "
          f"before item 7 {t_old:.1f} s; now, empty cache {t_cold:.1f} s (ratio {t_old / t_cold:.2f}x); now, warm "
          f"cache {t_warm:.1f} s (ratio {t_old / t_warm:.2f}x); arrays identical bit for bit: "
          f"{'yes' if all(same) else 'NO'} ({len(same)} arrays)")


def main():
    """Measure (a), (b), (c), (d) and print them with their ratios."""
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        return _child(*sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=50)
    ap.add_argument("--samples", type=int, default=5000)
    ap.add_argument("--dense-widths", default="2,5", help="widths at which the dense route is measured")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--e2e-steps", type=int, default=300, help="(d): SGD steps before the switch (0: skip (d))")
    ap.add_argument("--e2e-after", type=int, default=100, help="(d): steps of each continuation")
    ap.add_argument("--e2e-model", default="mlp", choices=("mlp", "cnn"), help="(d): the network")
    ap.add_argument("--only-e2e", action="store_true", help="measure (d) alone")
    args = ap.parse_args()
    if args.e2e_steps:
        end_to_end(args.e2e_steps, args.e2e_after, args.e2e_model)
    if args.only_e2e:
        return
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
