"""Training: SGD, Dom-SGD, Bulk-SGD and full-batch GD in blocks between subspace refreshes.

One step from ``w`` with minibatch gradient ``g_b`` (``B`` distinct samples drawn uniformly,
independently at every step) and full-batch gradient ``g``:

* SGD ``w - eta g_b``; Dom-SGD ``w - eta P_D g_b``; Bulk-SGD ``w - eta P_B g_b``; GD ``w - eta g``,

with ``P_D = V V^T`` from the most recent refresh.  Every step records, at the state before
the step, the full-batch loss, the alignment ``chi = |P_D g|^2/|g|^2`` of the full-batch
gradient and that of the minibatch gradient (for GD the two coincide), and an exponential
moving average (factor 0.9, started at the first value) of the switch's alignment.

The switch rule (Song, Ahn, Yun): the first step at which the EMA exceeds the threshold.
Inside a block the state freezes from that step on, so the block returns the state at the
switch.
"""

from __future__ import annotations

from functools import partial

import jax
import jax.numpy as jnp
import numpy as np

from .nn_model import loss

VARIANTS = ("sgd", "dom", "bulk", "gd")
#: the index of full-batch GD in :data:`VARIANTS`
GD = VARIANTS.index("gd")
#: the EMA factor of the switch rule
EMA_FACTOR = 0.9


def ema(values, factor: float = EMA_FACTOR, start: float | None = None) -> np.ndarray:
    """``e_t = factor e_(t-1) + (1 - factor) a_t``, ``e_0 = a_0`` (or continuing from ``start``)."""
    out = np.empty(len(values))
    e = start
    for t, a in enumerate(values):
        e = a if e is None else factor * e + (1 - factor) * a
        out[t] = e
    return out


def first_crossing(values, threshold: float, factor: float = EMA_FACTOR) -> int | None:
    """The first index at which the EMA of ``values`` exceeds ``threshold``, or None."""
    hits = np.flatnonzero(ema(values, factor) > threshold)
    return int(hits[0]) if hits.size else None


def _alignment(V, u):
    """``|V^T u|^2 / |u|^2``."""
    return jnp.sum((V.T @ u) ** 2) / jnp.sum(u ** 2)


@partial(jax.jit, static_argnums=(9, 11, 12))
def _block(w, e, started, idx, V, X, Y, eta, threshold, sizes, variant, on_full_sqrt, full=True):
    """``len(idx)`` steps of ``variant`` from ``w`` with the subspace ``V``; freezes once the EMA passes ``threshold``.

    ``variant`` is the index of the variant in :data:`VARIANTS`, a traced integer: the four
    variants share one compiled program (each step computes the minibatch gradient and picks
    its update with ``lax.switch``; the arithmetic of each update is the same as in a program
    of its own).  ``on_full_sqrt = (use the full-batch gradient?, take the square root?)``
    chooses the switch's alignment.  Returns the final carry ``(w, ema, started, done)`` and
    per-step records ``(loss, chi_full, chi_mini, ema, done)`` at the state before each step.
    ``full=False`` skips the full-batch loss and gradient of the records (NaN); GD still takes
    its full-batch step: the same steps at the cost of the minibatch gradients alone.
    """
    on_full, sqrt = on_full_sqrt
    nan = jnp.asarray(jnp.nan, dtype=w.dtype)

    def step(carry, i):
        """One step: records at the current state, then the (possibly frozen) update."""
        w, e, started, done = carry
        if full:
            L, g = jax.value_and_grad(loss)(w, X, Y, sizes)
            chi_full = _alignment(V, g)
        else:
            g = jax.lax.cond(variant == GD, lambda w: jax.grad(loss)(w, X, Y, sizes), jnp.zeros_like, w)
            L = chi_full = nan
        gb = jax.lax.cond(variant == GD, lambda w: g, lambda w: jax.grad(loss)(w, X[i], Y[i], sizes), w)

        def dom(gb):
            """``P_D g_b``."""
            return V @ (V.T @ gb)

        u = jax.lax.switch(variant, (lambda gb: gb, dom, lambda gb: gb - dom(gb), lambda gb: gb), gb)
        chi_mini = _alignment(V, gb)
        a = chi_full if on_full else chi_mini
        a = jnp.sqrt(a) if sqrt else a
        e = jnp.where(started, EMA_FACTOR * e + (1 - EMA_FACTOR) * a, a)
        done = done | (e > threshold)
        w_next = jnp.where(done, w, w - eta * u)
        return (w_next, e, jnp.asarray(True), done), (L, chi_full, chi_mini, e, done)

    return jax.lax.scan(step, (w, e, started, jnp.asarray(False)), idx)


def block(obj, w, V, idx, eta: float, variant: str, threshold: float = np.inf, state=(0.0, False),
          on_full: bool = True, sqrt: bool = True, full: bool = True):
    """Run one block; returns ``(w, (ema, started), records, t_switch)``.

    ``records`` is a dict of per-step arrays truncated at the switch (inclusive) when the
    EMA passes ``threshold`` at block step ``t_switch``; then ``w`` is the state at that step.
    ``full=False``: no full-batch record (``loss`` and ``chi_full`` are NaN), see :func:`_block`.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    (w1, e, started, _), recs = _block(jnp.asarray(w), jnp.asarray(state[0], dtype=jnp.float64),
                                       jnp.asarray(state[1]), jnp.asarray(idx), jnp.asarray(V), obj.X, obj.Y,
                                       float(eta), float(threshold), obj.sizes, VARIANTS.index(variant),
                                       (bool(on_full), bool(sqrt)), bool(full))
    names = ("loss", "chi_full", "chi_mini", "ema", "done")
    recs = {n: np.asarray(r) for n, r in zip(names, jax.device_get(recs))}
    hits = np.flatnonzero(recs.pop("done"))
    t_switch = int(hits[0]) if hits.size else None
    if t_switch is not None:
        recs = {n: r[:t_switch + 1] for n, r in recs.items()}
    return np.asarray(w1), (float(e), bool(started)), recs, t_switch


def batches(rng: np.random.Generator, n: int, B: int, steps: int) -> np.ndarray:
    """``steps`` minibatches of ``B`` distinct indices each, drawn independently: shape (steps, B)."""
    return np.stack([rng.choice(n, B, replace=False) for _ in range(steps)]) if steps else np.zeros((0, B), int)


__all__ = ["EMA_FACTOR", "VARIANTS", "batches", "block", "ema", "first_crossing"]
