"""The network: a tanh MLP with the MSE loss, in JAX, and its derivatives on a fixed dataset.

``f(x) = W_L tanh(... tanh(W_1 x + b_1) ...) + b_L`` with layer sizes
``(p, width, ..., width, c)``; ``L(w) = 1/(2n) sum_i |f(x_i) - y_i|^2``.  Weights are drawn
LeCun-normal (``N(0, 1/fan_in)``), biases start at zero.  All parameters live in one flat
float64 vector ``w`` (layer by layer: ``W`` row-major, then ``b``).

Everything runs in float64: this module switches on ``jax_enable_x64`` when imported (a
process-wide JAX setting).  Hessian-vector products are forward-over-reverse:
``H v = jvp(grad L, (w,), (v,))``.  A model with no hidden layer (``sizes = (p, c)``) is
linear, so its loss is exactly quadratic: the tests use it as an exact oracle.
"""

from __future__ import annotations

from functools import partial

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)


def sizes_of(p: int, width: int, depth: int, c: int) -> tuple[int, ...]:
    """Layer sizes ``(p, width, ..., width, c)`` with ``depth`` hidden layers."""
    return (p,) + (width,) * depth + (c,)


def n_params(sizes: tuple[int, ...]) -> int:
    """Number of weights and biases of an MLP with these layer sizes."""
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


def init(sizes: tuple[int, ...], seed: int) -> np.ndarray:
    """LeCun-normal weights (variance 1/fan_in) and zero biases, flattened; reproducible from ``seed``."""
    keys = jax.random.split(jax.random.PRNGKey(seed), len(sizes) - 1)
    parts = []
    for key, a, b in zip(keys, sizes[:-1], sizes[1:]):
        parts.append(np.asarray(jax.random.normal(key, (a, b), dtype=jnp.float64)).ravel() / np.sqrt(a))
        parts.append(np.zeros(b))
    return np.concatenate(parts)


def _layers(w, sizes):
    """Split the flat vector ``w`` into ``(W, b)`` per layer."""
    out, off = [], 0
    for a, b in zip(sizes[:-1], sizes[1:]):
        W = w[off:off + a * b].reshape(a, b)
        off += a * b
        out.append((W, w[off:off + b]))
        off += b
    return out


def apply(w, X, sizes):
    """The network's outputs ``f(X)``, shape (n, c)."""
    layers = _layers(w, sizes)
    h = X
    for W, b in layers[:-1]:
        h = jnp.tanh(h @ W + b)
    W, b = layers[-1]
    return h @ W + b


def loss(w, X, Y, sizes):
    """``L(w) = 1/(2n) sum_i |f(x_i) - y_i|^2``."""
    return 0.5 * jnp.mean(jnp.sum((apply(w, X, sizes) - Y) ** 2, axis=1))


def hvp(w, v, X, Y, sizes):
    """``H(w) v``, forward-over-reverse, on the data ``(X, Y)``."""
    return jax.jvp(lambda u: jax.grad(loss)(u, X, Y, sizes), (w,), (v,))[1]


_loss = jax.jit(loss, static_argnums=3)
_value_and_grad = jax.jit(jax.value_and_grad(loss), static_argnums=3)
_hvp = jax.jit(hvp, static_argnums=4)
_hvp_many = jax.jit(jax.vmap(hvp, in_axes=(None, 0, None, None, None)), static_argnums=4)


@partial(jax.jit, static_argnums=4)
def _batch_grads(w, X, Y, idx, sizes):
    """Minibatch gradients, one per row of ``idx`` (shape (m, B)): shape (m, d)."""
    return jax.vmap(lambda i: jax.grad(loss)(w, X[i], Y[i], sizes))(idx)


class Objective:
    """The loss of an MLP on a fixed dataset, with jitted float64 derivatives.

    ``X`` (n, p), ``Y`` (n, c); ``sizes`` the layer sizes.  Every method takes and returns
    numpy or JAX float64 arrays; ``w`` is the flat parameter vector.
    """

    def __init__(self, X, Y, sizes: tuple[int, ...]):
        """Keep the data on the device as float64."""
        self.X = jnp.asarray(X, dtype=jnp.float64)
        self.Y = jnp.asarray(Y, dtype=jnp.float64)
        self.sizes = tuple(int(s) for s in sizes)
        self.n = int(self.X.shape[0])
        self.d = n_params(self.sizes)

    def loss(self, w) -> float:
        """Full-batch loss."""
        return float(_loss(jnp.asarray(w), self.X, self.Y, self.sizes))

    def grad(self, w) -> np.ndarray:
        """Full-batch gradient ``g = grad L(w)``."""
        return np.asarray(_value_and_grad(jnp.asarray(w), self.X, self.Y, self.sizes)[1])

    def hvp(self, w, v) -> np.ndarray:
        """Full-batch Hessian-vector product ``H(w) v``."""
        return np.asarray(_hvp(jnp.asarray(w), jnp.asarray(v), self.X, self.Y, self.sizes))

    def hvp_many(self, w, V) -> np.ndarray:
        """``H(w) V`` for the columns of ``V`` (d, m): shape (d, m)."""
        return np.asarray(_hvp_many(jnp.asarray(w), jnp.asarray(V).T, self.X, self.Y, self.sizes)).T

    def batch_grads(self, w, idx) -> np.ndarray:
        """Minibatch gradients for each row of the index array ``idx`` (m, B): shape (m, d)."""
        return np.asarray(_batch_grads(jnp.asarray(w), self.X, self.Y, jnp.asarray(idx), self.sizes))

    def dense_hessian(self, w) -> np.ndarray:
        """The full Hessian by ``jax.hessian`` (small models only: d x d floats)."""
        return np.asarray(jax.jit(jax.hessian(loss), static_argnums=3)(jnp.asarray(w), self.X, self.Y, self.sizes))


__all__ = ["Objective", "apply", "hvp", "init", "loss", "n_params", "sizes_of"]
