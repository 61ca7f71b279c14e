"""η-sweeps at a saved state: where each one-step change crosses zero, measured and predicted.

From a checkpoint (:mod:`.nn_checkpoint`) at weights ``w`` with the subspace ``V``:

* **the prediction** uses the gradient moments at ``w`` and the noise moments ``N_S``, ``M_S``
  averaged over ``moment_draws`` minibatches.  The registry's thresholds are ``eta_D`` (Dom-SGD
  loss), ``eta_B`` (Bulk-SGD loss), ``eta_SGD`` (SGD loss) and ``eta_star`` (the alignment; it
  exists when ``Q > 0``).  Their interval is a percentile bootstrap over the moment draws.
* **the measurement** takes ``draws`` FRESH minibatches, drawn from a stream independent of the
  moment draws, and at every ``eta`` of the grid the real one-step changes of the network:
  the loss after an SGD, Dom-SGD and Bulk-SGD step, and the full-batch gradient after the
  SGD step.  The same fresh draws serve every ``eta`` (common random numbers).

Every one-step change here is, in the local quadratic model, ``eta (-a + b eta)`` in the mean, so
its threshold is the zero of ``change / eta``, a line.  For the alignment the mean change
``E[G_D'] / (E[G_D'] + E[G_B']) - chi`` has the sign of the mean of
``(1 - chi) G_D' - chi G_B'`` per draw, which is also of that form.  :func:`threshold` finds the
first sign change of ``mean / eta`` on the grid by linear interpolation (exact when the mean
is quadratic through 0) and its interval by a percentile bootstrap over the draws.
"""

from __future__ import annotations

import json
import time
from functools import partial
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

from salign.theory import symbols as S

from .nn_data import NNError, json_default
from .nn_model import loss
from .nn_predict import _mean_se, _ratio_change, draw_statistics, gradient_moments, registry
from .nn_train import batches

#: quantity -> (its registry threshold, label)
QUANTITIES = {"dL_D": ("eta_D", "Dom-SGD loss"), "dL_B": ("eta_B", "Bulk-SGD loss"),
              "dL_SGD": ("eta_SGD", "SGD loss"), "dchi": ("eta_star", "alignment (SGD step)")}
FORMAT = "salign-nn-thresholds"


class SweepError(NNError):
    """A sweep that cannot be run as asked; the message names the fix."""


# --- the estimator: a pure function ---------------------------------------------------------------------------

def _crossing(etas: np.ndarray, r: np.ndarray, before: float) -> float:
    """The first zero of the piecewise-linear ``r(eta)`` leaving the sign ``before``; +inf if none, -inf if ``r`` never
    had that sign on the grid (the crossing lies below the grid)."""
    s = np.sign(r)
    if s[0] != before:
        return -np.inf
    out = np.flatnonzero(s != before)
    if not out.size:
        return np.inf
    i = out[0] - 1
    return float(etas[i] + (etas[i + 1] - etas[i]) * r[i] / (r[i] - r[i + 1]))


def threshold(etas, y, level: float = 0.95, boots: int = 2000, seed: int = 0, before: float | None = None) -> dict:
    """Where the mean one-step change crosses zero in ``eta``, with a percentile-bootstrap interval.

    ``etas`` (n,) increasing and positive; ``y`` (m, n) one change per draw (row) and step size
    (column), the same draws at every step size.  The estimate is the first zero of the
    piecewise-linear interpolation of ``mean(y) / eta`` leaving the sign ``before`` that the change
    has below its threshold (default: its sign at ``etas[0]``); it is exact when the mean is
    ``eta (-a + b eta)``.  The interval resamples the rows; a resample
    that does not cross on the grid counts as beyond its top (``+inf``), or below its bottom
    (``-inf``) when it starts on the other side.  Returns ``estimate`` (``None`` without a
    crossing on the grid), ``interval`` ``[lo, hi]`` (infinite ends possible), ``level``, the
    sign before the crossing and how many resamples did not cross.
    """
    etas = np.asarray(etas, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if etas.ndim != 1 or y.ndim != 2 or y.shape[1] != etas.size or etas.size < 2 or y.shape[0] < 2:
        raise SweepError(f"threshold needs etas (n,) and y (m, n) with n, m >= 2; got {etas.shape} and {y.shape}")
    if not (np.all(etas > 0) and np.all(np.diff(etas) > 0)):
        raise SweepError("threshold needs increasing positive step sizes")
    r = y.mean(0) / etas
    before = (float(np.sign(r[0])) or 1.0) if before is None else float(np.sign(before))
    est = _crossing(etas, r, before)
    rng = np.random.default_rng(seed)
    m = y.shape[0]
    W = rng.multinomial(m, np.full(m, 1.0 / m), size=boots) / m  # (boots, m) resampling weights
    rb = (W @ y) / etas[None, :]
    reps = np.array([_crossing(etas, row, before) for row in rb])
    a = (1 - level) / 2
    lo, hi = np.quantile(reps, [a, 1 - a], method="inverted_cdf") if boots else (np.nan, np.nan)
    return {"estimate": est if np.isfinite(est) else None, "interval": [float(lo), float(hi)], "level": level,
            "sign_before": before, "boots": boots, "boots_not_crossing": int(np.sum(~np.isfinite(reps))),
            "position": "on the grid" if np.isfinite(est) else ("above the grid" if est > 0 else "below the grid")}


def covers(result: dict, value: float) -> bool:
    """Whether ``value`` lies in the interval of a :func:`threshold` result."""
    lo, hi = result["interval"]
    return bool(lo <= value <= hi)


# --- the prediction, with a bootstrap over the moment draws -----------------------------------------------------

def _noise(draws: dict, weights=None) -> dict:
    """``N_S``, ``M_S``: the (weighted) means of the per-draw noise moments; ``weights`` (boots, m) gives one per row."""
    out = {}
    for blk in ("D", "B"):
        m = S.MOMENTS[blk]
        for sym, key in ((m["N"], f"n_{blk}"), (m["M"], f"m_{blk}")):
            x = np.asarray(draws[key], dtype=np.float64)
            out[sym] = x.mean() if weights is None else weights @ x
    return out


def predicted_thresholds(G: dict, draws: dict, level: float = 0.95, boots: int = 2000, seed: int = 0) -> dict:
    """The registry's thresholds at the moments, each with a percentile bootstrap interval over the moment draws."""
    at = {**G, **_noise(draws)}
    m = len(draws["n_D"])
    rng = np.random.default_rng(seed)
    W = rng.multinomial(m, np.full(m, 1.0 / m), size=boots) / m
    atb = {**G, **_noise(draws, W)}
    a = (1 - level) / 2
    out = {"Q": float(registry("Q", at))}
    Qb = np.broadcast_to(registry("Q", atb), (boots,))
    for name, _ in QUANTITIES.values():
        with np.errstate(all="ignore"):
            v = float(registry(name, at))
            vb = np.broadcast_to(np.asarray(registry(name, atb), dtype=np.float64), (boots,)).copy()
        if name == "eta_star":  # exists in the low regime only (T1)
            v = v if out["Q"] > 0 else None
            vb[Qb <= 0] = np.nan
        ok = np.isfinite(vb) & (vb > 0)
        lo, hi = np.quantile(vb[ok], [a, 1 - a]) if ok.sum() else (np.nan, np.nan)
        out[name] = {"estimate": v, "interval": [float(lo), float(hi)], "level": level, "boots": boots,
                     "boots_without_threshold": int(boots - ok.sum())}
    out["P"] = float(registry("P", at))
    out["regime"] = "low (T1)" if out["Q"] > 0 else "high (T2)"
    return out


def predicted_curves(G: dict, draws: dict, etas) -> dict:
    """The registry's expected one-step changes at every ``eta`` (the alignment as a ratio of expectations)."""
    etas = np.asarray(etas, dtype=np.float64)
    at = {S.eta: etas, **G, **_noise(draws)}
    chi = G[S.G_D] / (G[S.G_D] + G[S.G_B])
    out = {q: np.broadcast_to(registry(q, at), etas.shape).astype(float) for q in ("dL_D", "dL_B", "dL_SGD")}
    EG_D, EG_B = (np.broadcast_to(registry(n, at), etas.shape) for n in ("EG_D", "EG_B"))
    out["dchi"] = EG_D / (EG_D + EG_B) - chi
    return out


# --- the measurement: fresh draws, every eta ------------------------------------------------------------------

def _at_eta(eta, w, gb, V, X, Y, L0, sizes):
    """One draw's changes at one step size: SGD, Dom-SGD and Bulk-SGD losses; G_D', G_B' after the SGD step."""
    dom = V @ (V.T @ gb)
    L1, g1 = jax.value_and_grad(loss)(w - eta * gb, X, Y, sizes)
    GD = jnp.sum((V.T @ g1) ** 2)
    return {"dL_SGD": L1 - L0, "dL_D": loss(w - eta * dom, X, Y, sizes) - L0,
            "dL_B": loss(w - eta * (gb - dom), X, Y, sizes) - L0, "G_D'": GD, "G_B'": g1 @ g1 - GD}


@partial(jax.jit, static_argnums=7)
def _one_draw(i, etas, w, V, X, Y, L0, sizes):
    """Every step size for the minibatch ``i``."""
    gb = jax.grad(loss)(w, X[i], Y[i], sizes)
    return jax.vmap(_at_eta, in_axes=(0,) + (None,) * 7)(etas, w, gb, V, X, Y, L0, sizes)


def measure(obj, w, V, etas, idx, progress=None) -> dict:
    """Per-draw changes at every step size: arrays (draws, len(etas)) for each of ``dL_SGD, dL_D, dL_B, G_D', G_B'``."""
    args = (jnp.asarray(etas, dtype=jnp.float64), jnp.asarray(w), jnp.asarray(V), obj.X, obj.Y,
            jnp.asarray(obj.loss(w)))
    rows = []
    for j, i in enumerate(np.asarray(idx)):
        rows.append({k: np.asarray(v) for k, v in _one_draw(jnp.asarray(i), *args, obj.sizes).items()})
        if progress:
            progress(j + 1)
    return {k: np.stack([r[k] for r in rows]) for k in rows[0]}


# --- the sweep at a state -------------------------------------------------------------------------------------

def grid(thresholds: list[float], lam1: float, points: int, below: float = 4.0, above: float = 4.0) -> np.ndarray:
    """Geometric step sizes from ``min(thresholds)/below`` to ``max(above * max(thresholds), 1.5 * 2/lam1)``."""
    t = [x for x in thresholds if x is not None and np.isfinite(x) and x > 0]
    if not t:
        raise SweepError("no positive predicted threshold at this state; nothing to sweep around")
    return np.geomspace(min(t) / below, max(above * max(t), 3.0 / lam1), points)


def _streams(seed: int, sweep_seed: int):
    """Two independent generators (moment draws, fresh measurement draws), independent of the run's own streams."""
    a, b = np.random.SeedSequence([seed, sweep_seed, 19]).spawn(2)
    return np.random.default_rng(a), np.random.default_rng(b)


def sweep(path, draws: int = 128, moment_draws: int = 64, points: int = 32, boots: int = 2000, level: float = 0.95,
          seed: int = 0, progress=None) -> tuple[dict, dict]:
    """The η-sweep at the checkpoint ``path``: ``(thresholds summary, arrays)``; writes nothing."""
    from . import nn_checkpoint as ckpt

    for name, v, low in (("draws", draws, 2), ("moment_draws", moment_draws, 2), ("points", points, 3),
                         ("boots", boots, 10)):
        if isinstance(v, bool) or not isinstance(v, int) or v < low:
            raise SweepError(f"{name} must be an integer >= {low}, got {v!r}; pass --sweep-{name.replace('_', '-')} "
                             f"{low} or more")
    if not 0 < level < 1:
        raise SweepError(f"level must lie in (0, 1), got {level!r}")
    t0 = time.perf_counter()
    ck, config, obj = ckpt.load(path)
    w, sub = ck.w, ck.sub
    rng_m, rng_f = _streams(config.seed, seed)
    idx_m = batches(rng_m, obj.n, config.batch, moment_draws)
    idx_f = batches(rng_f, obj.n, config.batch, draws)
    g = obj.grad(w)
    Hg = obj.hvp(w, g)
    G = gradient_moments(g, Hg, sub)
    mom = draw_statistics(obj, w, g, sub, config.eta, idx_m, Hg=Hg)
    pred = predicted_thresholds(G, mom, level, boots, seed)
    lam1 = float(sub.lam[0])
    etas = grid([pred[n]["estimate"] for n, _ in QUANTITIES.values()], lam1, points)
    if progress:
        progress(0, f"{draws} fresh draws at {points} step sizes")
    meas = measure(obj, w, sub.V, etas, idx_f, progress=(lambda j: progress(1, f"draw {j}/{draws}")) if progress else None)
    chi = G[S.G_D] / (G[S.G_D] + G[S.G_B])
    curves = predicted_curves(G, mom, etas)
    fine_etas = np.geomspace(etas[0], etas[-1], 240)
    fine = predicted_curves(G, mom, fine_etas)
    per_draw = {"dL_D": meas["dL_D"], "dL_B": meas["dL_B"], "dL_SGD": meas["dL_SGD"],
                "dchi": (1 - chi) * meas["G_D'"] - chi * meas["G_B'"]}  # has the sign of the alignment change
    # the sign below each threshold, from the first order in eta (no noise enters it): a loss falls,
    # the alignment moves as -(1 - chi) G_D1 + chi G_B1
    first = {"dL_D": -1.0, "dL_B": -1.0, "dL_SGD": -1.0, "dchi": float(np.sign(chi * G[S.G_B1] - (1 - chi) * G[S.G_D1]))}
    quantities = {}
    for q, (name, label) in QUANTITIES.items():
        if q == "dchi":
            ms = [_ratio_change(meas["G_D'"][:, j], meas["G_B'"][:, j], chi) for j in range(points)]
        else:
            ms = [_mean_se(meas[q][:, j]) for j in range(points)]
        est = threshold(etas, per_draw[q], level, boots, seed, before=first[q])
        p = pred[name]
        quantities[q] = {
            "label": label, "threshold_name": name,
            "measured": {"mean": [m for m, _ in ms], "se": [s for _, s in ms]},
            "predicted_curve": curves[q].tolist(),
            "predicted_curve_fine": {"etas": fine_etas.tolist(), "values": fine[q].tolist()},
            "measured_threshold": est, "predicted_threshold": p,
            "predicted_in_measured_interval": (None if p["estimate"] is None or est["estimate"] is None
                                               else covers(est, p["estimate"])),
            "intervals_overlap": (None if p["estimate"] is None or est["estimate"] is None
                                  else bool(max(p["interval"][0], est["interval"][0])
                                            <= min(p["interval"][1], est["interval"][1]))),
            "ratio_measured_to_predicted": (None if p["estimate"] is None or est["estimate"] is None
                                            else est["estimate"] / p["estimate"])}
    summary = {"format": FORMAT, "version": 1,
               "state": {"checkpoint": str(path), "run_id": ck.run_id, "trajectory": ck.trajectory, "step": ck.step,
                         "switch": ck.switch, "chi": chi, "loss": obj.loss(w), "lambda_1": lam1,
                         "two_over_lambda_1": 2 / lam1, "k": sub.k, "eta_trained": config.eta},
               "predicted": {"Q": pred["Q"], "P": pred["P"], "regime": pred["regime"]},
               "draws": {"moments": moment_draws, "measured": draws, "batch": config.batch,
                         "independent": "moment draws and measurement draws come from two independent streams "
                                        "(SeedSequence([seed, sweep_seed, 19]).spawn(2)); the same measurement "
                                        "draws serve every eta"},
               "etas": etas.tolist(), "level": level, "boots": boots, "sweep_seed": seed,
               "quantities": quantities, "seconds": round(time.perf_counter() - t0, 2)}
    arrays = {"etas": etas, **{f"measured_{k}": v for k, v in meas.items()},
              **{f"predicted_{q}": c for q, c in curves.items()}}
    return summary, arrays


def write(out, summary: dict, arrays: dict, figures: bool = True) -> dict:
    """Write the figures, ``thresholds.npz`` and ``thresholds.json`` (last) into ``out``."""
    from .nn_sweep_figures import sweep_figures

    return write_result(out, "thresholds", summary, arrays, sweep_figures if figures else None)


def write_result(out, stem: str, summary: dict, arrays: dict, draw=None) -> dict:
    """Write ``draw(out, summary)``'s figures (listed in the summary), ``STEM.npz`` and ``STEM.json`` into ``out``,
    the JSON last and both as one set (an old ``STEM.json`` is removed first)."""
    import io

    from salign.verify.atomic import write_set

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.json").unlink(missing_ok=True)
    summary = dict(summary)
    if draw is not None:
        summary["figures"] = draw(out, summary)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    text = json.dumps(_finite(summary), indent=1, default=json_default, allow_nan=False) + "\n"
    write_set(out, {f"{stem}.npz": buf.getvalue(), f"{stem}.json": text}, marker=f"{stem}.json")
    return summary


def _finite(x):
    """``x`` with every non-finite float replaced by None (strict JSON; an unbounded interval end is null)."""
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_finite(v) for v in x]
    if isinstance(x, (float, np.floating)):
        return float(x) if np.isfinite(x) else None
    return x


__all__ = ["QUANTITIES", "SweepError", "covers", "grid", "measure", "predicted_curves", "predicted_thresholds",
           "sweep", "threshold", "write"]
