"""The network: a tanh MLP with the MSE loss, in JAX, and its derivatives on a fixed dataset.

``f(x) = W_L tanh(... tanh(W_1 x + b_1) ...) + b_L`` with layer sizes
``(p, width, ..., width, c)``; ``L(w) = 1/(2n) sum_i |f(x_i) - y_i|^2``.  Weights are drawn
LeCun-normal (``N(0, 1/fan_in)``), biases start at zero.  All parameters live in one flat
float64 vector ``w`` (layer by layer: ``W`` row-major, then ``b``).

Everything runs in float64: this module switches on ``jax_enable_x64`` when imported (a
process-wide JAX setting).  Hessian-vector products are forward-over-reverse:
``H v = jvp(grad L, (w,), (v,))``.  A model with no hidden layer (``sizes = (p, c)``) is
linear, so its loss is exactly quadratic: the tests use it as an exact oracle.

The architecture is a parameter, static under ``jax.jit`` (hashable): every function here that
takes ``sizes`` takes either an MLP's layer-size tuple (above) or a :class:`CNN`, the small
convolutional network of ``salign nn --model cnn`` (docs/experiments.md): ``init``, ``n_params``, ``apply``,
``loss`` and ``hvp`` dispatch on it, and everything built on ``loss`` (training, Lanczos, the
one-step predictions, the sweeps, the checkpoints) runs unchanged for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from math import isqrt, prod

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)


def sizes_of(p: int, width: int, depth: int, c: int) -> tuple[int, ...]:
    """Layer sizes ``(p, width, ..., width, c)`` with ``depth`` hidden layers."""
    return (p,) + (width,) * depth + (c,)


#: the architectures ``salign nn --model`` offers
MODELS = ("mlp", "cnn")
#: the CNN's channels per convolution (two 3x3 convolutions of stride 2: 28x28 -> 14x14x4 -> 7x7x8)
CNN_CHANNELS = (4, 8)


@dataclass(frozen=True)
class CNN:
    """A small CNN on ``side x side`` one-channel images, as a static (hashable) architecture.

    Per entry ``c`` of ``channels``: a ``kernel x kernel`` convolution to ``c`` channels with
    stride ``stride``, "SAME" zero padding (output side ``ceil(side/stride)``) and a bias, then
    tanh; then a dense layer from the flattened last feature map to ``outputs``.  In the flat
    vector ``w``, layer by layer: the kernel ``(kernel, kernel, c_in, c_out)`` row-major, then its
    bias; the dense ``W`` ``(features, outputs)`` row-major (features in (row, column, channel)
    order), then its bias.  Initialised like the MLP: LeCun-normal (``N(0, 1/fan_in)``,
    ``fan_in = kernel^2 c_in`` for a convolution), zero biases.
    """

    side: int
    channels: tuple[int, ...] = CNN_CHANNELS
    outputs: int = 10
    kernel: int = 3
    stride: int = 2

    def sides(self) -> list[int]:
        """The feature maps' sides: the input's, then after each convolution."""
        out = [self.side]
        for _ in self.channels:
            out.append(-(-out[-1] // self.stride))
        return out

    def shapes(self) -> list[tuple[int, ...]]:
        """The parameter blocks' shapes in the order of ``w``: (kernel, bias) per convolution, then (W, b)."""
        out, c_in = [], 1
        for c in self.channels:
            out += [(self.kernel, self.kernel, c_in, c), (c,)]
            c_in = c
        return out + [(self.sides()[-1] ** 2 * c_in, self.outputs), (self.outputs,)]


def architecture(model: str, p: int, c: int, width: int, depth: int):
    """The static architecture of ``model``: the MLP's sizes ``(p, width, ..., c)``, or the :class:`CNN` on
    ``sqrt(p) x sqrt(p)`` images (``width``, ``depth`` apply to the MLP only)."""
    if model == "mlp":
        return sizes_of(p, width, depth, c)
    if model == "cnn":
        if isqrt(p) ** 2 != p:
            raise ValueError(f"the CNN needs square images; {p} inputs are not a square")
        return CNN(isqrt(p), CNN_CHANNELS, c)
    raise ValueError(f"unknown model {model!r}; choose one of {', '.join(MODELS)}")


def describe(sizes) -> dict:
    """The architecture as JSON (summary.json, the checkpoints' manifest): model, layers, parameters, a label."""
    if isinstance(sizes, CNN):
        sides = sizes.sides()
        label = (f"CNN {sizes.side}x{sizes.side}x1 -> " + " -> ".join(
            f"conv{sizes.kernel}x{sizes.kernel}/{sizes.stride} {s}x{s}x{ch}" for s, ch in zip(sides[1:], sizes.channels))
            + f" -> dense {sizes.outputs}")
        return {"model": "cnn", "label": label, "side": sizes.side, "channels": list(sizes.channels),
                "kernel": sizes.kernel, "stride": sizes.stride, "padding": "same", "activation": "tanh",
                "outputs": sizes.outputs, "parameters": n_params(sizes)}
    return {"model": "mlp", "label": "MLP " + "-".join(map(str, sizes)), "sizes": list(sizes), "activation": "tanh",
            "parameters": n_params(sizes)}


def n_params(sizes) -> int:
    """Number of weights and biases of an MLP with these layer sizes (or of a :class:`CNN`)."""
    if isinstance(sizes, CNN):
        return sum(prod(s) for s in sizes.shapes())
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


@partial(jax.jit, static_argnums=(1, 2))
def _normals(seed, blocks: int, size: int):
    """``blocks`` rows of ``size`` standard normals, row ``j`` from the ``j``-th key of ``split(PRNGKey(seed), blocks)``.

    One compiled program per (``blocks``, ``size``): JAX's threefry is partitionable (the
    default), so the first ``m`` entries of a row are exactly ``normal(key, (m,))``, and a layer
    takes the prefix it needs of a row as long as the largest (values unchanged, pinned by tests).
    """
    keys = jax.random.split(jax.random.PRNGKey(seed), blocks)
    return jax.vmap(lambda key: jax.random.normal(key, (size,), dtype=jnp.float64))(keys)


def _lecun(shapes, seed: int) -> np.ndarray:
    """Per ``(W shape, b shape)`` pair of ``shapes``: ``W`` LeCun-normal (``N(0, 1/fan_in)``, fan_in = all but the
    last axis), ``b`` zero; flattened in that order."""
    pairs = list(zip(shapes[0::2], shapes[1::2]))
    if not jax.config.jax_threefry_partitionable:  # the prefix property needs it: draw each block on its own
        keys = jax.random.split(jax.random.PRNGKey(seed), len(pairs))
        rows = [np.asarray(jax.random.normal(key, (prod(ws),), dtype=jnp.float64)) for key, (ws, _) in zip(keys, pairs)]
    else:
        rows = np.asarray(_normals(seed, len(pairs), max(prod(ws) for ws, _ in pairs)))
    parts = []
    for row, (ws, bs) in zip(rows, pairs):
        parts.append(row[:prod(ws)] / np.sqrt(prod(ws[:-1])))
        parts.append(np.zeros(prod(bs)))
    return np.concatenate(parts)


def init(sizes, seed: int) -> np.ndarray:
    """LeCun-normal weights (variance 1/fan_in) and zero biases, flattened; reproducible from ``seed``."""
    if isinstance(sizes, CNN):
        return _lecun(sizes.shapes(), seed)
    return _lecun([s for a, b in zip(sizes[:-1], sizes[1:]) for s in ((a, b), (b,))], seed)


def _layers(w, sizes):
    """Split the flat vector ``w`` into ``(W, b)`` per layer."""
    out, off = [], 0
    for a, b in zip(sizes[:-1], sizes[1:]):
        W = w[off:off + a * b].reshape(a, b)
        off += a * b
        out.append((W, w[off:off + b]))
        off += b
    return out


def _apply_cnn(w, X, cnn: CNN):
    """The CNN's outputs ``f(X)``, shape (n, c); ``X`` (n, side^2), each row an image row by row."""
    blocks, off = [], 0
    for shape in cnn.shapes():
        blocks.append(w[off:off + prod(shape)].reshape(shape))
        off += prod(shape)
    h = X.reshape(X.shape[0], cnn.side, cnn.side, 1)
    for K, b in zip(blocks[0:-2:2], blocks[1:-2:2]):
        h = jnp.tanh(jax.lax.conv_general_dilated(h, K, (cnn.stride, cnn.stride), "SAME",
                                                  dimension_numbers=("NHWC", "HWIO", "NHWC")) + b)
    return h.reshape(h.shape[0], -1) @ blocks[-2] + blocks[-1]


def apply(w, X, sizes):
    """The network's outputs ``f(X)``, shape (n, c)."""
    if isinstance(sizes, CNN):
        return _apply_cnn(w, X, sizes)
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
    """The loss of a network (an MLP or a :class:`CNN`) on a fixed dataset, with jitted float64 derivatives.

    ``X`` (n, p), ``Y`` (n, c); ``sizes`` the architecture: an MLP's layer sizes or a :class:`CNN`.
    Every method takes and returns numpy or JAX float64 arrays; ``w`` is the flat parameter vector.
    """

    def __init__(self, X, Y, sizes):
        """Keep the data on the device as float64."""
        self.X = jnp.asarray(X, dtype=jnp.float64)
        self.Y = jnp.asarray(Y, dtype=jnp.float64)
        self.sizes = sizes if isinstance(sizes, CNN) else tuple(int(s) for s in sizes)
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


__all__ = ["CNN", "CNN_CHANNELS", "MODELS", "Objective", "apply", "architecture", "describe", "hvp", "init", "loss",
           "n_params", "sizes_of"]
