"""Checkpoints of ``salign nn``: the state at the switch and at each refresh, saved to start analyses from.

One checkpoint is one ``.npz`` file (``numpy.savez_compressed``, read with ``allow_pickle=False``):

* ``manifest``: a JSON string (0-d unicode array), the small description below;
* ``w`` (d,): the weights and biases, flat, float64 (layout in :mod:`.nn_model`);
* ``V`` (d, k), ``lam`` (k,): the dominant subspace in use from this state on (Lanczos at this state);
  ``H V`` is not stored (``k`` Hessian-vector products recompute it, :func:`load`).

The manifest holds ``format`` (:data:`FORMAT`), ``version`` (:data:`VERSION`), the run's ``config``
(every field of :class:`.nn.NNConfig`) and ``run_id``, the ``trajectory`` (``phase1``, ``sgd``,
``dom``, ``bulk``, ``gd``), the global ``step`` and the ``offset`` into that trajectory's minibatch
array, ``switch`` (true for the state at the switch), the ``architecture`` (:func:`.nn_model.describe`
of the configuration's network: the MLP's sizes or the CNN's layers, and the parameter count; a file
without it predates the CNN and must hold an MLP's configuration), the optimizer state and the
random state:

* ``optimizer``: plain SGD keeps no state beyond the weights; what training carries from step to
  step is the switch rule's EMA: ``{"ema": float, "ema_started": bool}``;
* ``rng``: the run draws from four numpy streams spawned from ``SeedSequence(seed)``
  (``phase1`` and ``after`` minibatches, ``draws``, ``lanczos``); the ``bit_generator.state`` of each
  as it is when the checkpoint is taken (after this refresh's prediction draws).  The minibatches of
  a trajectory are drawn all at once when it starts, so the next ones are those of
  ``batches(stream, n, batch, length)`` from ``offset`` on (:func:`next_batches`).  JAX's only
  random key is ``PRNGKey(seed)``, used once for the initial weights.

Anything that is not such a file (missing, not an ``.npz``, no manifest, another format or
version, arrays that do not fit the configuration) is a :class:`CheckpointError` naming the problem.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np

from .nn_data import NNError, check_samples
from .nn_hessian import Subspace

#: the ``format`` field of every checkpoint's manifest
FORMAT = "salign-nn-checkpoint"
#: the manifest's version; a reader refuses any other
VERSION = 1
#: which checkpoints a run saves: ``all`` trajectories' refreshes, the SGD ones (phase 1 and the SGD
#: continuation, where the predictions are made), only the switch, or none
CHOICES = ("all", "sgd", "switch", "none")
STREAMS = ("phase1", "after", "draws", "lanczos")


class CheckpointError(NNError):
    """A file that is not a checkpoint ``salign nn`` can start from; the message says why."""


@dataclass
class Checkpoint:
    """A saved state: the weights, the subspace in use, the switch rule's EMA, the random streams."""

    config: dict
    run_id: str
    trajectory: str
    step: int
    offset: int
    switch: bool
    w: np.ndarray
    sub: Subspace
    ema: float
    ema_started: bool
    rng: dict

    @property
    def name(self) -> str:
        """The file name a run gives it: ``switch-000869.npz`` or ``phase1-000800.npz``."""
        return f"{'switch' if self.switch else self.trajectory}-{self.step:06d}.npz"

    def manifest(self) -> dict:
        """The JSON part of the file."""
        return {"format": FORMAT, "version": VERSION, "config": self.config, "run_id": self.run_id,
                "trajectory": self.trajectory, "step": self.step, "offset": self.offset, "switch": self.switch,
                "k": self.sub.k, "parameters": int(self.w.shape[0]), "architecture": _architecture(self.config),
                "optimizer": {"ema": self.ema, "ema_started": self.ema_started}, "rng": self.rng,
                "eigen_residuals": self.sub.residuals.tolist()}


def _architecture(config: dict) -> dict:
    """The architecture record of a run's configuration (:func:`.nn_model.describe`)."""
    from .nn import NNConfig
    from .nn_model import describe

    return describe(NNConfig(**config).sizes)


def rng_state(streams) -> dict:
    """The ``bit_generator.state`` of each of the run's four streams (JSON-able)."""
    return {name: getattr(streams, name).bit_generator.state for name in STREAMS}


def restore_rng(streams, state: dict) -> None:
    """Put the four streams back into ``state`` (as saved by :func:`rng_state`)."""
    for name in STREAMS:
        getattr(streams, name).bit_generator.state = state[name]


def to_bytes(ck: Checkpoint) -> bytes:
    """The ``.npz`` file's bytes."""
    buf = io.BytesIO()
    np.savez_compressed(buf, manifest=np.array(json.dumps(ck.manifest())), w=np.asarray(ck.w, np.float64),
                        V=np.asarray(ck.sub.V, np.float64), lam=np.asarray(ck.sub.lam, np.float64))
    return buf.getvalue()


def _fail(path, why: str):
    raise CheckpointError(f"{path} is not a salign nn checkpoint: {why}; pass --from a file that 'salign nn' wrote "
                          f"into OUT/checkpoints/")


def read(path) -> tuple[dict, dict]:
    """``(manifest, arrays)`` of a checkpoint file, every field checked; raises :class:`CheckpointError`."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"no checkpoint at {path}; pass --from a file that 'salign nn' wrote into OUT/checkpoints/")
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (ValueError, OSError, zipfile.BadZipFile, EOFError, KeyError) as e:
        _fail(path, f"not a readable .npz file ({type(e).__name__})")
    if not isinstance(arrays, dict) or "manifest" not in arrays:
        _fail(path, "no manifest inside")
    try:
        man = json.loads(str(arrays.pop("manifest")))
    except (json.JSONDecodeError, TypeError, ValueError):
        _fail(path, "the manifest is not JSON")
    if not isinstance(man, dict) or man.get("format") != FORMAT:
        _fail(path, f"its format is {man.get('format') if isinstance(man, dict) else None!r}, not {FORMAT!r}")
    if man.get("version") != VERSION:
        _fail(path, f"format version {man.get('version')!r}; this salign reads version {VERSION}")
    need = ("config", "run_id", "trajectory", "step", "offset", "switch", "optimizer", "rng")
    missing = [k for k in need if k not in man]
    if missing:
        _fail(path, f"the manifest lacks {', '.join(missing)}")
    for k in ("w", "V", "lam"):
        if k not in arrays:
            _fail(path, f"the array {k!r} is missing")
    return man, arrays


def load(path) -> tuple[Checkpoint, object, object]:
    """A checkpoint, the configuration and the objective it belongs to: ``(checkpoint, config, objective)``.

    The configuration is rebuilt (and so re-validated) from the manifest; the arrays must fit it
    (``w`` of the network's size, ``V`` orthonormal with ``k`` columns, everything finite);
    ``H V`` is recomputed at ``w`` from ``k`` Hessian-vector products.
    """
    from .nn import NNConfig
    from .nn_data import load as load_data
    from .nn_model import Objective

    man, a = read(path)
    known = {f.name for f in fields(NNConfig)}
    cfg = man["config"]
    if not isinstance(cfg, dict) or set(cfg) - known:
        _fail(path, f"its configuration has unknown fields {sorted(set(cfg) - known) if isinstance(cfg, dict) else cfg}")
    try:
        config = NNConfig(**cfg)
    except (NNError, TypeError) as e:
        _fail(path, f"its configuration is invalid ({e})")
    from .nn_model import describe

    arch = describe(config.sizes)
    if "architecture" not in man and config.model != "mlp":
        _fail(path, f"it has no architecture record, but its configuration asks for model {config.model!r}")
    got = man.get("architecture", arch)
    if got != arch:
        _fail(path, f"its architecture ({got.get('label') if isinstance(got, dict) else got!r}) is not its "
                    f"configuration's ({arch['label']})")
    d, k = config.parameters, config.k
    w, V, lam = a["w"], a["V"], a["lam"]
    if w.shape != (d,) or V.shape != (d, k) or lam.shape != (k,):
        _fail(path, f"arrays of shapes w {w.shape}, V {V.shape}, lam {lam.shape} do not fit the network "
                    f"({d} parameters, k = {k})")
    if not all(x.dtype == np.float64 and np.all(np.isfinite(x)) for x in (w, V, lam)):
        _fail(path, "its arrays are not finite float64")
    if np.max(np.abs(V.T @ V - np.eye(k))) > 1e-8:
        _fail(path, "the subspace V is not orthonormal")
    opt = man["optimizer"]
    if not (isinstance(opt, dict) and isinstance(opt.get("ema"), (int, float)) and isinstance(opt.get("ema_started"), bool)):
        _fail(path, "the optimizer state is not {ema, ema_started}")
    if not (isinstance(man["rng"], dict) and set(man["rng"]) == set(STREAMS)):
        _fail(path, f"the random state does not hold the streams {', '.join(STREAMS)}")
    X, Y = load_data(config.dataset, config.samples)
    obj = Objective(X, Y, config.sizes)
    sub = Subspace(lam, V, obj.hvp_many(w, V), 0)
    ck = Checkpoint(cfg, str(man["run_id"]), str(man["trajectory"]), int(man["step"]), int(man["offset"]),
                    bool(man["switch"]), w, sub, float(opt["ema"]), opt["ema_started"], man["rng"])
    return ck, config, obj


def next_batches(config, ck: Checkpoint, count: int) -> np.ndarray:
    """The minibatches the run used for the ``count`` steps after the checkpoint (shape (count, batch)).

    After the switch checkpoint come the continuations' minibatches (the ``after`` stream from 0).
    """
    from .nn import _Streams
    from .nn_train import batches

    streams = _Streams(config.seed)
    n = check_samples(config.dataset, config.samples)
    if ck.trajectory == "phase1" and not ck.switch:
        idx = batches(streams.phase1, n, config.batch, config.steps)
    else:
        idx = batches(streams.after, n, config.batch, config.after)
    start = 0 if ck.switch else ck.offset
    return idx[start:start + count]


def save_all(out, checkpoints: list[Checkpoint]) -> list[dict]:
    """Write every checkpoint into ``out/checkpoints/`` (each atomically); returns their index entries."""
    from salign.verify.atomic import write_atomic

    folder = Path(out) / "checkpoints"
    rows = []
    if checkpoints:
        folder.mkdir(parents=True, exist_ok=True)
    for ck in checkpoints:
        write_atomic(folder / ck.name, to_bytes(ck))
        rows.append({"file": f"checkpoints/{ck.name}", "trajectory": ck.trajectory, "step": ck.step,
                     "switch": ck.switch})
    return rows


def config_dict(config) -> dict:
    """The configuration as the manifest stores it."""
    return asdict(config)


__all__ = ["CHOICES", "FORMAT", "VERSION", "Checkpoint", "CheckpointError", "load", "next_batches", "read",
           "restore_rng", "rng_state", "save_all", "to_bytes"]
