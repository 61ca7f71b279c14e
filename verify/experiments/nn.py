"""``salign nn``: Dom-SGD and Bulk-SGD on a real network, with the theory's predictions beside it.

Song, Ahn and Yun's protocol (ICLR 2025) on MNIST-5k with the MSE loss: train an MLP with
SGD until an exponential moving average (factor 0.9) of the alignment passes a threshold,
then continue from that same state four ways -- SGD, Dom-SGD, Bulk-SGD and full-batch GD.
At every refresh of the dominant subspace along the SGD trajectory (before and after the
switch) the registry's predictions (``P``, ``Q``, the regime, ``eta*``, ``eta_D``,
``eta_B``; the signs of the one-step alignment and Dom/Bulk loss changes) are set beside
the network's measured one-step changes (:mod:`.nn_predict`).

One run is a pure function of a frozen, picklable :class:`NNConfig`: :func:`run` returns
the summary dict and the curves, and writes nothing; :func:`write` writes figures,
``run.npz`` and ``summary.json``.
"""

from __future__ import annotations

import io
import json
import math
import time
import uuid
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import numpy as np

from salign.verify.atomic import write_set

from . import nn_checkpoint as ckpt
from . import nn_device
from .nn_data import SHAPES, NNError, check_dataset, check_samples, json_default, load
from .nn_hessian import Subspace, overlap, top_k
from .nn_model import MODELS, Objective, architecture, describe, init, n_params
from .nn_predict import agreement, nonquadratic_summary, one_step
from .nn_regimes import distribution as regimes
from .nn_train import VARIANTS, batches, block

SWITCH_ON = ("full", "minibatch")
CONVENTIONS = ("sqrt", "chi")
#: where the predictions are made: the SGD states (phase 1 and the SGD continuation) or every trajectory's
PREDICT_ON = ("sgd", "all")
PRECISION = "float64 throughout (training, Hessian-vector products, Lanczos, moments): jax_enable_x64"


def _positive_int(name: str, flag: str, value, low: int = 1) -> None:
    """Raise :class:`NNError` unless ``value`` is an integer >= ``low``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise NNError(f"{name} must be an integer >= {low}, got {value!r}; pass {flag} {low} or more")


@dataclass(frozen=True)
class NNConfig:
    """Everything one run depends on (frozen and picklable: a grid of these can be farmed out).

    ``steps`` is the SGD budget before the switch; ``after`` the steps of each of the four
    continuations; the subspace is refreshed every ``refresh`` steps; ``draws`` minibatches
    estimate the noise moments and the measured one-step changes at each refresh.  The
    switch uses the EMA of the alignment of the ``switch_on`` gradient (``full`` or
    ``minibatch``) in the ``convention`` ``sqrt`` (Song et al.'s ``|P_D g|/|g|``) or ``chi``
    (THEORY.md's ``|P_D g|^2/|g|^2``).  ``checkpoints`` says which states are saved
    (:mod:`.nn_checkpoint`): ``sgd`` (default) the switch and every refresh of phase 1 and of the
    SGD continuation, ``all`` also those of Dom-SGD, Bulk-SGD and GD, ``switch``, or ``none``.
    ``predict_on`` says where the predictions are made: ``sgd`` (default) at the refreshes of phase 1 and
    of the SGD continuation, ``all`` also at those of Dom-SGD, Bulk-SGD and GD (the states they reach,
    for the regimes of :mod:`.nn_regimes`; the sign agreements stay those of the SGD states).
    ``model`` is the architecture (:mod:`.nn_model`): ``mlp`` (default; ``width``, ``depth``) or ``cnn``
    (the small CNN, :class:`.nn_model.CNN`; ``width`` and ``depth`` do not apply to it).
    """

    dataset: str = "mnist5k"
    samples: int | None = None
    width: int = 50
    depth: int = 1
    batch: int = 50
    eta: float = 0.01
    steps: int = 3000
    after: int = 1000
    refresh: int = 100
    k: int = 10
    draws: int = 64
    switch: float = 0.95
    switch_on: str = "full"
    convention: str = "sqrt"
    seed: int = 0
    checkpoints: str = "sgd"
    predict_on: str = "sgd"
    model: str = "mlp"

    def __post_init__(self):
        """Validate every field; raise :class:`NNError` naming the option to change."""
        check_dataset(self.dataset)
        n = check_samples(self.dataset, self.samples)
        for name in ("width", "depth", "steps", "after", "refresh", "k"):
            _positive_int(name, f"--{name}", getattr(self, name))
        _positive_int("draws", "--draws", self.draws, 2)
        _positive_int("seed", "--seed", self.seed, 0)
        if isinstance(self.batch, bool) or not isinstance(self.batch, int) or not 1 <= self.batch <= n:
            raise NNError(f"batch = {self.batch!r} is impossible with {n} samples; pass --batch between 1 and {n}")
        if not (isinstance(self.eta, (int, float)) and math.isfinite(self.eta) and self.eta > 0):
            raise NNError(f"eta = {self.eta!r} is not a step size; pass --eta, a positive number such as 0.01")
        if self.model not in MODELS:
            raise NNError(f"model = {self.model!r}; pass --model {' or '.join(MODELS)}")
        d = self.parameters
        if self.k >= d:
            raise NNError(f"k = {self.k} needs more parameters than the network has ({d} for the "
                          f"{describe(self.sizes)['label']}); pass --k below {d}")
        if not (isinstance(self.switch, (int, float)) and 0 < self.switch <= 1):
            raise NNError(f"switch = {self.switch!r} is not an alignment threshold; pass --switch in (0, 1]")
        if self.switch_on not in SWITCH_ON:
            raise NNError(f"switch_on = {self.switch_on!r}; pass --switch-on {' or '.join(SWITCH_ON)}")
        if self.checkpoints not in ckpt.CHOICES:
            raise NNError(f"checkpoints = {self.checkpoints!r}; pass --checkpoints {' or '.join(ckpt.CHOICES)}")
        if self.predict_on not in PREDICT_ON:
            raise NNError(f"predict_on = {self.predict_on!r}; pass --predict-on {' or '.join(PREDICT_ON)}")
        if self.convention not in CONVENTIONS:
            raise NNError(f"convention = {self.convention!r}; pass --switch-convention {' or '.join(CONVENTIONS)}")

    @property
    def sizes(self):
        """The architecture: the MLP's layer sizes ``(inputs, width, ..., width, outputs)``, or the CNN."""
        _, p, c = SHAPES[self.dataset]
        return architecture(self.model, p, c, self.width, self.depth)

    @property
    def parameters(self) -> int:
        """Number of weights and biases."""
        return n_params(self.sizes)

    @classmethod
    def preset(cls, name: str, **overrides) -> NNConfig:
        """``default``; ``small`` (the report: about half a minute); ``tiny`` (the report's quick mode, seconds)."""
        sizes = {"default": {},
                 "small": {"samples": 1000, "width": 20, "eta": 0.02, "seed": 1, "steps": 1500, "after": 500,
                           "refresh": 50, "draws": 32},
                 "tiny": {"samples": 500, "width": 10, "batch": 25, "steps": 120, "after": 60, "refresh": 30,
                          "draws": 8, "eta": 0.05}}
        if name not in sizes:
            raise NNError(f"unknown preset {name!r}; choose one of {', '.join(sizes)}")
        return replace(cls(), **{**sizes[name], **overrides})


def describe_switch(config: NNConfig) -> str:
    """The switch rule in words."""
    a = "|P_D g|/|g| (Song et al., sqrt(chi))" if config.convention == "sqrt" else "chi = |P_D g|^2/|g|^2"
    g = "full-batch" if config.switch_on == "full" else "minibatch"
    return f"EMA (factor 0.9) of {a} of the {g} gradient exceeds {config.switch}"


# --- one trajectory: blocks of steps between refreshes ----------------------------------------------------------

class _Streams:
    """Independent random streams from the seed: phase-1 batches, continuation batches, draws, Lanczos start."""

    def __init__(self, seed: int):
        """Spawn the four streams from ``SeedSequence(seed)``."""
        a, b, c, d = np.random.SeedSequence(seed).spawn(4)
        self.phase1, self.after, self.draws, self.lanczos = (np.random.default_rng(s) for s in (a, b, c, d))


def _refresh(obj: Objective, w, k: int, v0) -> tuple[Subspace, float]:
    """The top-``k`` subspace at ``w`` (Lanczos on HVPs) and the seconds it took."""
    t0 = time.perf_counter()
    sub = top_k(lambda v: obj.hvp(w, v), obj.d, k, v0=v0, hvp_many=lambda V: obj.hvp_many(w, V))
    return sub, time.perf_counter() - t0


def _refresh_record(label: str, step: int, sub: Subspace, prev: Subspace | None, secs: float) -> dict:
    """What a refresh records: eigenpairs' residuals, Lanczos cost, overlap with the previous subspace."""
    res = sub.residuals
    return {"trajectory": label, "step": step, "eigenvalues": sub.lam.tolist(), "residuals": res.tolist(),
            "max_relative_residual": float(np.max(res / np.abs(sub.lam))), "hvps": sub.hvps,
            "overlap_with_previous": None if prev is None else overlap(prev, sub), "seconds": round(secs, 3)}


def _prediction_record(obj, w, sub, config, rng, step: int) -> dict:
    """Predicted and measured one-step changes at ``w`` over ``config.draws`` fresh minibatches."""
    idx = batches(rng, obj.n, config.batch, config.draws)
    r = one_step(obj, w, sub, config.eta, idx)
    p = r["predicted"]
    return {"step": step, "eta": config.eta, "draws": r["draws"], **{k: p[k] for k in (
        "chi", "P", "Q", "Q_se", "regime", "eta_star", "eta_D", "eta_B", "eta_SGD", "moments", "noise")},
        "predicted": {k: list(p[k]) for k in ("dchi", "dL_D", "dL_B", "dL_SGD")},
        "measured": {k: list(v) for k, v in r["measured"].items()},
        "nonquadratic": {k: list(v) for k, v in r["nonquadratic"].items()}}


def _refresh_at(obj, w, config, label, step, prev, v0, streams, predict) -> tuple[Subspace, dict]:
    """Refresh the subspace at ``w`` and record it (with the predictions when ``predict``)."""
    sub, secs = _refresh(obj, w, config.k, v0)
    rec = _refresh_record(label, step, sub, prev, secs)
    if predict:
        rec["prediction"] = {"trajectory": label, **_prediction_record(obj, w, sub, config, streams.draws, step)}
    return sub, rec


def _alignment(sub: Subspace, g) -> float:
    """``chi = |P_D g|^2 / |g|^2``."""
    return float(np.sum((sub.V.T @ g) ** 2) / np.sum(g ** 2))


def _wants_checkpoint(config: NNConfig, label: str) -> bool:
    """Whether the refreshes of trajectory ``label`` are saved."""
    return config.checkpoints == "all" or (config.checkpoints == "sgd" and label in ("phase1", "sgd"))


def _checkpoint(config, run_id, label, step, t, w, sub, ema, started, streams, switch=False) -> ckpt.Checkpoint:
    """The state at a refresh (or at the switch) as a :class:`.nn_checkpoint.Checkpoint`."""
    return ckpt.Checkpoint(asdict(config), run_id, label, int(step), int(t), switch, np.array(w, np.float64), sub,
                           float(ema), bool(started), ckpt.rng_state(streams))


def _trajectory(obj, w, variant, config, idx, label, step0, streams, sub0=None, threshold=np.inf,
                predict=False, progress=None, run_id="") -> dict:
    """``len(idx)`` steps of ``variant`` from ``w`` (stopping at the switch, if any), refreshing every ``config.refresh``.

    Returns the per-step curves (state before each step, plus the final state), every
    refresh record (with predictions when ``predict``), the final state and subspace,
    the switch step (global) or None, and the step of divergence or None.
    """
    curves = {n: [] for n in ("loss", "chi_full", "chi_mini", "ema")}
    refreshes, state, t, switch, diverged, saved = [], (0.0, False), 0, None, None, []
    keep = _wants_checkpoint(config, label)
    sub = sub0
    v0 = streams.lanczos.standard_normal(obj.d) if sub0 is None else sub0.V.sum(1)
    while True:
        if t > 0 or sub is None:
            sub, rec = _refresh_at(obj, w, config, label, step0 + t, sub, v0, streams, predict)
            refreshes.append(rec)
            v0 = sub.V.sum(1)
            if keep:
                saved.append(_checkpoint(config, run_id, label, step0 + t, t, w, sub, *state, streams))
        if t >= len(idx):
            break
        R = min(config.refresh, len(idx) - t)
        w_new, state, recs, ts = block(obj, w, sub.V, idx[t:t + R], config.eta, variant, threshold, state,
                                       config.switch_on == "full", config.convention == "sqrt")
        for n in curves:
            curves[n].append(recs[n])
        bad = np.flatnonzero(~np.isfinite(recs["loss"]))
        if bad.size or not np.all(np.isfinite(w_new)):
            diverged = step0 + t + (int(bad[0]) if bad.size else R)
            break
        w = w_new
        if progress:
            progress(R if ts is None else ts + 1, f"{label}: step {step0 + t + R}")
        if ts is not None:
            switch = step0 + t + ts
            break
        t += R
    curves = {n: np.concatenate(c) if c else np.zeros(0) for n, c in curves.items()}
    if switch is not None:  # the switch state is the last record; a fresh subspace there serves all four continuations
        if refreshes[-1]["step"] != switch:  # else the last refresh was at this very state
            sub, rec = _refresh_at(obj, w, config, label, switch, sub, v0, streams, predict)
            refreshes.append(rec)
        if config.checkpoints != "none":
            if saved and saved[-1].step == switch:
                saved.pop()  # the last refresh was at this very state: saved once, as the switch
            saved.append(_checkpoint(config, run_id, label, switch, switch - step0, w, sub, curves["ema"][-1],
                                     True, streams, switch=True))
        curves["chi_full_fresh_at_switch"] = np.array([_alignment(sub, obj.grad(w))])
    elif diverged is None:  # the final state: loss and (fresh) alignment, no step taken
        curves["loss"] = np.r_[curves["loss"], obj.loss(w)]
        curves["chi_full"] = np.r_[curves["chi_full"], _alignment(sub, obj.grad(w))]
        curves["chi_mini"] = np.r_[curves["chi_mini"], np.nan]
        curves["ema"] = np.r_[curves["ema"], np.nan]
    return {"curves": curves, "refreshes": refreshes, "w": w, "sub": sub, "switch": switch, "diverged": diverged,
            "checkpoints": saved}


# --- the run ------------------------------------------------------------------------------------------------

def _tail(x, frac: float = 0.1) -> float:
    """Mean of the last ``frac`` of the finite values of ``x``."""
    x = np.asarray(x, float)
    x = x[np.isfinite(x)]
    return float(np.mean(x[-max(1, int(len(x) * frac)):])) if x.size else float("nan")


def _continuation_summary(tr: dict, steps: int) -> dict:
    """Losses and alignments of one continuation, in both conventions."""
    c = tr["curves"]
    L = c["loss"]
    return {"steps": steps, "diverged_at": tr["diverged"], "loss_start": float(L[0]), "loss_end": float(L[-1]),
            "loss_min": float(np.nanmin(L)), "loss_ratio_end_to_start": float(L[-1] / L[0]),
            "chi_full_start": float(c["chi_full"][0]), "chi_full_end": float(c["chi_full"][-1]),
            "chi_full_last10pct": _tail(c["chi_full"]), "sqrt_chi_full_last10pct": _tail(np.sqrt(c["chi_full"])),
            "chi_mini_last10pct": _tail(c["chi_mini"]), "sqrt_chi_mini_last10pct": _tail(np.sqrt(c["chi_mini"]))}


def run(config: NNConfig, progress=None, device: str | None = None) -> tuple[dict, dict]:
    """One run of Song et al.'s protocol with the theory's predictions: ``(summary, arrays)``; writes nothing.

    ``progress(steps_done, description)`` (optional) is called after every block of steps.
    ``device`` (:data:`.nn_device.DEVICES`; default: JAX's default device, which ``salign nn
    --device`` sets) is where it computes; ``summary["device"]`` records it.
    """
    if device is not None:
        import jax

        with jax.default_device(nn_device.select(device)):
            summary, arrays = run(config, progress)
        summary["device"]["requested"] = device
        return summary, arrays
    t_start = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    X, Y = load(config.dataset, config.samples)
    obj = Objective(X, Y, config.sizes)
    streams = _Streams(config.seed)
    w0 = init(config.sizes, config.seed)
    idx1 = batches(streams.phase1, obj.n, config.batch, config.steps)
    ph1 = _trajectory(obj, w0, "sgd", config, idx1, "phase1", 0, streams, threshold=config.switch, predict=True,
                      progress=progress, run_id=run_id)
    if ph1["diverged"] is not None:
        raise NNError(f"SGD diverged at step {ph1['diverged']} (the loss is not finite); pass a smaller --eta")
    reached = ph1["switch"] is not None
    t_sw = ph1["switch"] if reached else config.steps
    if progress and not reached:
        progress(0, "threshold not reached: continuing from the last state")
    elif progress:
        progress(config.steps - t_sw - 1, "switch reached")
    idx2 = batches(streams.after, obj.n, config.batch, config.after)  # the same minibatches for SGD, Dom-, Bulk-SGD
    conts = {}
    for v in VARIANTS:
        conts[v] = _trajectory(obj, ph1["w"], v, config, idx2, v, t_sw, streams, sub0=ph1["sub"],
                               predict=(v == "sgd" or config.predict_on == "all"), progress=progress, run_id=run_id)
    preds = [r["prediction"] for tr in (ph1, conts["sgd"]) for r in tr["refreshes"] if "prediction" in r]
    c1 = ph1["curves"]
    switch = {"rule": describe_switch(config), "gradient": config.switch_on, "convention": config.convention,
              "threshold": config.switch, "reached": reached, "step": t_sw,
              "ema_at_switch": float(c1["ema"][-1]) if reached else None,
              "chi_full_at_switch_fresh_subspace": float(c1["chi_full_fresh_at_switch"][0]) if reached else None,
              "note": (f"the EMA passed {config.switch} at step {t_sw}" if reached else
                       f"THRESHOLD NOT REACHED within {config.steps} steps (EMA max "
                       f"{np.nanmax(c1['ema']):.4f}); the four continuations start from the last state")}
    summary = {
        "run_id": run_id, "config": asdict(config), "parameters": config.parameters,
        "dataset": {"name": config.dataset, "samples": obj.n, "inputs": obj.X.shape[1], "outputs": obj.Y.shape[1]},
        "precision": PRECISION, "device": nn_device.describe(), "sizes": list(config.sizes) if config.model == "mlp" else None,
        "architecture": describe(config.sizes), "switch": switch,
        "phase1": {"steps": t_sw, "loss_start": float(c1["loss"][0]), "loss_at_switch": float(c1["loss"][-1]),
                   "ema_max": float(np.nanmax(c1["ema"])), "chi_full_last10pct": _tail(c1["chi_full"]),
                   "chi_mini_last10pct": _tail(c1["chi_mini"])},
        "continuations": {v: _continuation_summary(conts[v], config.after) for v in VARIANTS},
        "refreshes": [r for tr in (ph1, *conts.values()) for r in tr["refreshes"]],
        "predictions": preds, "agreement": agreement(preds), "nonquadratic": nonquadratic_summary(preds),
        "regimes": regimes([r["prediction"] for tr in (ph1, *conts.values()) for r in tr["refreshes"]
                            if "prediction" in r]),
        "seconds": round(time.perf_counter() - t_start, 2)}
    arrays = _Arrays(_arrays(ph1, conts, preds, summary))
    arrays.checkpoints = [c for tr in (ph1, *conts.values()) for c in tr["checkpoints"]]
    return summary, arrays


class _Arrays(dict):
    """``run.npz``'s arrays; the attribute ``checkpoints`` carries the saved states to :func:`write`."""

    checkpoints: list = []


def _arrays(ph1: dict, conts: dict, preds: list[dict], summary: dict) -> dict:
    """The curves and per-refresh predictions as arrays (what ``run.npz`` holds)."""
    out = {"run_id": np.array(summary["run_id"])}
    for name in ("loss", "chi_full", "chi_mini", "ema"):
        out[f"phase1_{name}"] = ph1["curves"][name]
        for v, tr in conts.items():
            out[f"{v}_{name}"] = tr["curves"][name]
    out["switch_step"] = np.array(summary["switch"]["step"])
    out["pred_step"] = np.array([p["step"] for p in preds])
    for key in ("eta_star", "eta_D", "eta_B", "eta_SGD", "chi", "Q"):
        out[f"pred_{key}"] = np.array([np.nan if p[key] is None else p[key] for p in preds], dtype=float)
    for key in ("dchi", "dL_D", "dL_B", "dL_SGD"):
        for side in ("predicted", "measured", "nonquadratic"):
            out[f"{side}_{key}"] = np.array([p[side][key][0] for p in preds])
            out[f"{side}_{key}_se"] = np.array([p[side][key][1] for p in preds])
    refs = summary["refreshes"]
    out["refresh_step"] = np.array([r["step"] for r in refs])
    out["refresh_trajectory"] = np.array([r["trajectory"] for r in refs])
    out["refresh_eigenvalues"] = np.array([r["eigenvalues"] for r in refs])
    out["refresh_residuals"] = np.array([r["residuals"] for r in refs])
    return out


# --- output -------------------------------------------------------------------------------------------------

def write(out, summary: dict, arrays: dict, figures: bool = True) -> dict:
    """Write figures, ``run.npz`` and ``summary.json`` into ``out``; returns the summary with the figure paths.

    Order: the old ``summary.json`` is removed first, then the figures, the checkpoints
    (``checkpoints/*.npz``, :mod:`.nn_checkpoint`) and ``run.npz`` are
    written (each atomically), and ``summary.json`` last (:func:`salign.verify.atomic.write_set`
    with the summary as marker); both files carry the same ``run_id``.  An interrupted run
    can leave a new ``run.npz`` without a summary, never beside an old one: a
    ``summary.json`` always describes the ``run.npz`` and the figures next to it.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").unlink(missing_ok=True)  # before the figures, too
    summary = dict(summary)
    if figures:
        from .nn_figures import all_figures

        summary["figures"] = all_figures(out, summary, arrays)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    summary["files"] = {"arrays": "run.npz", "run_id": summary["run_id"]}
    summary["checkpoints"] = ckpt.save_all(out, getattr(arrays, "checkpoints", []))
    text = json.dumps(summary, indent=1, default=json_default) + "\n"
    write_set(out, {"run.npz": buf.getvalue(), "summary.json": text}, marker="summary.json")
    return summary


__all__ = ["CONVENTIONS", "NNConfig", "NNError", "PRECISION", "PREDICT_ON", "SWITCH_ON", "describe_switch", "run",
           "write"]


#: what a grid may vary (``salign nn --grid eta=0.005,0.01 --grid seed=0,1``)
GRID_PARAMETERS = {f.name: (float if f.type in ("float", float) else int if f.type in ("int", int) else str)
                   for f in fields(NNConfig) if f.name not in ("samples",)}


def grid_point(point: dict, base: NNConfig) -> tuple[dict, dict]:
    """One point of a grid: the run of ``base`` with ``point``'s fields changed (computed wherever it runs)."""
    return run(replace(base, **point))
