"""Horizons at a saved state: for how many steps the sign that the one-step condition predicts still holds.

From a checkpoint (:mod:`.nn_checkpoint`) at weights ``w_0`` with the subspace ``V_0``:

* **the thresholds at the state** are :mod:`.nn_sweep`'s: the gradient moments at ``w_0`` and the
  noise moments over ``moment_draws`` minibatches of the sweep's moment stream
  (``nn_sweep._streams(seed of the run, sweep_seed)``) give the registry's ``eta_D``, ``eta_B``,
  ``eta_SGD`` and ``eta_star`` with bootstrap intervals (:func:`.nn_sweep.predicted_thresholds`).
  With the same ``sweep_seed`` and ``moment_draws`` they are the numbers of ``thresholds.json``.
* **the continuations**: for each quantity, the training step of :mod:`.nn_train` at
  ``eta = c * threshold`` for each multiple ``c`` (default 0.5, 0.8, 1.25, 2):

  ====================  ==============  =========  ====================================================
  quantity              continuation    threshold  measured change after ``t`` steps
  ====================  ==============  =========  ====================================================
  ``dL_D``              Dom-SGD         eta_D      ``L(w_t) - L(w_0)``
  ``dL_B``              Bulk-SGD        eta_B      ``L(w_t) - L(w_0)``
  ``dL_SGD``            SGD             eta_SGD    ``L(w_t) - L(w_0)``
  ``dchi``              SGD             eta_star   ``chi(w_t) - chi(w_0)``, ``chi = |V^T g|^2/|g|^2`` of the
                                                   full-batch gradient
  ====================  ==============  =========  ====================================================

  each over ``steps`` steps (default 300) and ``seeds`` independent minibatch streams (default 8;
  stream ``s`` is ``SeedSequence([seed of the run, horizon_seed, 19, 3]).spawn(seeds)[s]``, the same
  minibatches for every quantity, multiple and subspace mode: common random numbers), in two
  subspace **modes**: ``fixed`` (``V_0`` throughout) and ``refreshed`` (Lanczos every ``refresh``
  steps, the run's by default, as training does).  The SGD step and the loss do not use the
  subspace, so ``dL_SGD`` has the fixed mode only; ``dchi`` in the refreshed mode measures ``chi``
  with the subspace that the last step used (``V_0`` up to step ``refresh``, then the one computed
  at the last refresh).  Without ``eta_star`` (``Q <= 0`` at the state, T2) ``dchi`` is skipped.
* **the thresholds along each continuation**: at every refresh point ``t = refresh, 2 refresh, ...
  <= steps`` of the first ``track_seeds`` seeds, the same computation as at the state with
  ``track_draws`` minibatches (stream ``SeedSequence([seed of the run, horizon_seed, 19, 4, t])``),
  with the subspace of the mode (fixed: ``V_0`` with ``H V_0`` at ``w_t``; refreshed: Lanczos at ``w_t``).

The changes are recorded at the steps :func:`record_steps` (every step up to ``dense``, then
every ``every`` steps, the refresh points and the last step).

**The horizon** (:func:`horizon`).  Let ``Delta_{s,t}`` be the change after ``t`` steps with seed
``s``, ``m_t`` its mean over the ``S`` seeds, ``se_t = std_t / sqrt(S)`` (``ddof = 1``), and
``sigma`` the predicted sign at the state: the sign of the registry's expected one-step change at
this ``eta`` (:func:`.nn_sweep.predicted_curves`).  The mean *departs* from the prediction at the
recorded step ``t`` when ``sigma m_t < -z se_t`` (the mean lies on the other side of zero by more
than ``z`` standard errors; ``z = 2`` by default).  The horizon ``H`` is the last recorded step
before the first departure (0 when the mean departs after one step), or ``steps`` when it never
departs (then ``censored``: the sign held throughout, ``H >= steps``).  A seed whose trajectory
diverges (non-finite loss) ends the series at the step before; ``H`` is then censored there.
``confirmed_at`` is the first recorded step where ``sigma m_t > z se_t`` (the predicted sign is
established), ``None`` when the mean never leaves ``z`` standard errors of zero on that side.  The
horizon's interval is a percentile bootstrap over the seeds (resampled with replacement).

``horizons.json`` (strict JSON: a non-finite number is ``null``), written last with
``horizons.npz`` (every seed's series: ``{quantity}_{mode}_{i}``, shape (seeds, recorded steps),
``i`` the index of the multiple) by :func:`salign.verify.atomic.write_set`:

* ``format`` (:data:`FORMAT`), ``version`` (1), ``seconds``;
* ``state``: ``checkpoint``, ``run_id``, ``trajectory``, ``step``, ``switch``, ``chi``, ``loss``,
  ``lambda_1``, ``two_over_lambda_1``, ``k``, ``eta_trained``;
* ``predicted``: ``Q``, ``P``, ``regime`` and, per threshold name, ``nn_sweep``'s
  ``{"estimate", "interval", "level", "boots", "boots_without_threshold"}``;
* ``options``: ``multiples``, ``steps``, ``seeds``, ``refresh``, ``moment_draws``, ``track_draws``,
  ``track_seeds``, ``z``, ``level``, ``boots``, ``sweep_seed``, ``horizon_seed``, ``dense``, ``every``;
* ``record_steps``: the recorded steps ``t``; ``horizon_definition``: the rule above in words;
* ``quantities``: per quantity ``{"label", "variant", "threshold_name", "threshold", "measure",
  "modes", "runs"}``; each run ``{"multiple", "eta", "mode", "predicted_sign", "predicted_one_step",
  "change": {"mean", "std", "se", "min", "max"} (lists over the recorded steps), "diverged_seeds",
  "horizon": {"steps", "censored", "departs_at", "confirmed_at", "interval", "level", "z"},
  "thresholds_along": [{"step", "seeds", "eta_D", "eta_B", "eta_SGD", "eta_star", "Q", "chi"}
  (lists over the tracked seeds), ...]}``;
* ``table``: one row per run (``quantity``, ``multiple``, ``mode``, ``eta``, ``predicted_sign``,
  ``horizon``, ``censored``, ``horizon_interval``, ``confirmed_at``, ``final_step`` (the last step with
  every seed finite), ``final_mean``, ``final_std``, ``final_min``, ``final_max`` (the change there over
  the seeds), ``own_threshold_along``: ``[{"step", "mean"}]``, the run's own threshold at each refresh
  point, mean over the tracked seeds);
* ``figures`` (unless ``--no-figures``): ``{name: {"files": [png, pdf]}}``.

A quantity without a positive threshold at the state has no runs and says why in ``skipped``.
"""

from __future__ import annotations

import time

import numpy as np

from salign.theory import symbols as S

from .nn import _alignment, _refresh
from .nn_data import NNError
from .nn_hessian import Subspace
from .nn_predict import draw_statistics, gradient_moments
from .nn_sweep import QUANTITIES as SWEEP_QUANTITIES
from .nn_sweep import _streams, predicted_curves, predicted_thresholds, write_result
from .nn_train import batches, block

FORMAT = "salign-nn-horizons"
#: quantity -> (the continuation's variant, what is measured, subspace modes)
QUANTITIES = {"dL_D": ("dom", "loss", ("fixed", "refreshed")), "dL_B": ("bulk", "loss", ("fixed", "refreshed")),
              "dL_SGD": ("sgd", "loss", ("fixed",)), "dchi": ("sgd", "chi", ("fixed", "refreshed"))}
MODES = ("fixed", "refreshed")
#: the documented defaults
MULTIPLES = (0.5, 0.8, 1.25, 2.0)
STEPS, SEEDS, TRACK_SEEDS, TRACK_DRAWS, Z, DENSE, EVERY = 300, 8, 2, 16, 2.0, 20, 10
HORIZON_DEFINITION = ("the horizon is the last recorded step before the mean change over the seeds first lies on the "
                      "side of zero opposite to the predicted sign by more than z standard errors (sigma m_t < -z "
                      "se_t); 0 if that happens after one step; the last step, censored, if it never happens")


class HorizonError(NNError):
    """A horizon analysis that cannot be run as asked; the message names the fix."""


# --- the estimator: pure functions ----------------------------------------------------------------------------

def horizon(changes, steps_at, sign: float, z: float = Z) -> dict:
    """The horizon of the series ``changes`` (seeds x recorded steps) for the predicted sign ``sign``.

    ``steps_at`` (increasing, >= 1) are the steps of the columns.  With ``m_t``, ``se_t`` the mean
    over the rows and its standard error, the first departure is the first column with
    ``sign m_t < -z se_t``; the horizon is the step of the column before it (0 for the first
    column), or, with no departure, the step of the last column with every row finite
    (``censored``: the sign held as far as measured).  Returns ``steps``, ``censored``,
    ``departs_at`` (the step of the first departure or None), ``confirmed_at`` (the first step
    with ``sign m_t > z se_t`` or None) and ``z``.
    """
    y = np.asarray(changes, dtype=np.float64)
    at = np.asarray(steps_at)
    if y.ndim != 2 or y.shape[0] < 2 or y.shape[1] != at.size or at.size < 1:
        raise HorizonError(f"horizon needs changes (seeds, steps) with at least 2 seeds and one column per recorded "
                           f"step; got {y.shape} for {at.size} steps")
    if not (np.all(at >= 1) and np.all(np.diff(at) > 0)):
        raise HorizonError("horizon needs increasing recorded steps >= 1")
    if sign not in (1, -1, 1.0, -1.0) or not z >= 0:
        raise HorizonError(f"horizon needs a predicted sign +1 or -1 and z >= 0; got {sign!r}, {z!r}")
    ok = np.all(np.isfinite(y), axis=0)
    n = int(np.argmin(ok)) if not ok.all() else at.size  # columns before the first non-finite one
    m = y[:, :n].mean(0)
    se = y[:, :n].std(0, ddof=1) / np.sqrt(y.shape[0])
    dep = np.flatnonzero(sign * m < -z * se)
    conf = np.flatnonzero(sign * m > z * se)
    confirmed = int(at[conf[0]]) if conf.size and (not dep.size or conf[0] < dep[0]) else None
    if dep.size:
        j = int(dep[0])
        return {"steps": int(at[j - 1]) if j else 0, "censored": False, "departs_at": int(at[j]),
                "confirmed_at": confirmed, "z": z}
    return {"steps": int(at[n - 1]) if n else 0, "censored": True, "departs_at": None, "confirmed_at": confirmed,
            "z": z}


def horizon_interval(changes, steps_at, sign: float, z: float = Z, level: float = 0.95, boots: int = 2000,
                     seed: int = 0) -> list[float]:
    """A percentile-bootstrap interval of :func:`horizon` over the rows (seeds), resampled with replacement."""
    y = np.asarray(changes, dtype=np.float64)
    rng = np.random.default_rng(seed)
    reps = np.array([horizon(y[rng.integers(0, y.shape[0], y.shape[0])], steps_at, sign, z)["steps"]
                     for _ in range(boots)])
    a = (1 - level) / 2
    lo, hi = np.quantile(reps, [a, 1 - a], method="inverted_cdf")
    return [float(lo), float(hi)]


def spread(changes) -> dict:
    """Mean, standard deviation (``ddof = 1``), standard error, minimum and maximum over the rows, per column."""
    y = np.asarray(changes, dtype=np.float64)
    return {"mean": y.mean(0).tolist(), "std": y.std(0, ddof=1).tolist(),
            "se": (y.std(0, ddof=1) / np.sqrt(y.shape[0])).tolist(), "min": y.min(0).tolist(), "max": y.max(0).tolist()}


def record_steps(steps: int, refresh: int, dense: int = DENSE, every: int = EVERY) -> np.ndarray:
    """The steps where the changes are recorded: ``1..dense``, every ``every`` steps, the refresh points, ``steps``."""
    s = set(range(1, min(dense, steps) + 1)) | set(range(every, steps + 1, every))
    s |= set(range(refresh, steps + 1, refresh)) | {steps}
    return np.array(sorted(s))


# --- the state, the continuations -----------------------------------------------------------------------------

def predict_at(obj, w, sub: Subspace, eta: float, idx, level: float, boots: int, seed: int) -> tuple[dict, dict, dict]:
    """``(G, noise draws, thresholds)`` at ``w``: :mod:`.nn_sweep`'s prediction from the minibatches ``idx``."""
    g = obj.grad(w)
    Hg = obj.hvp(w, g)
    G = gradient_moments(g, Hg, sub)
    mom = draw_statistics(obj, w, g, sub, eta, idx, Hg=Hg)
    return G, mom, predicted_thresholds(G, mom, level, boots, seed)


def _chi(G: dict) -> float:
    """``chi = G_D / (G_D + G_B)``."""
    return G[S.G_D] / (G[S.G_D] + G[S.G_B])


def _at_fixed(obj, w, sub0: Subspace) -> Subspace:
    """``V_0`` with ``H V_0`` at ``w`` (what the moments need; ``lam`` stays the state's)."""
    return Subspace(sub0.lam, sub0.V, obj.hvp_many(w, sub0.V), 0)


def continuation(obj, w0, sub0: Subspace, idx, eta: float, variant: str, mode: str, refresh: int, at,
                 measure: str, track=None) -> tuple[np.ndarray, list[dict]]:
    """``len(idx)`` steps of ``variant`` at ``eta`` from ``w0``; the change of ``measure`` at the steps ``at``.

    The steps are :func:`.nn_train.block`'s (without its full-batch records).  ``mode``
    ``refreshed`` recomputes the subspace by Lanczos at every refresh point before the last step;
    ``fixed`` keeps ``V_0``.  ``measure`` is ``loss`` or ``chi`` (with the subspace the last step
    used).  ``track(w, sub, t)``, if given, is called at every refresh point ``t <= len(idx)`` with
    the mode's subspace at ``w_t``; its results are returned.  A non-finite state ends the series
    (NaN from there on).
    """
    steps, k = len(idx), sub0.k
    at = np.asarray(at)
    L0, chi0 = obj.loss(w0), _alignment(sub0, obj.grad(w0))
    events = sorted(set(at.tolist()) | set(range(refresh, steps + 1, refresh)))
    values, along = np.full(at.size, np.nan), []
    w, sub, t, v0 = np.asarray(w0), sub0, 0, sub0.V.sum(1)
    for e in events:
        w, *_ = block(obj, w, sub.V, idx[t:e], eta, variant, on_full=False, full=False)
        t = e
        if not np.all(np.isfinite(w)):
            break
        if t in at:
            v = obj.loss(w) - L0 if measure == "loss" else _alignment(sub, obj.grad(w)) - chi0
            if not np.isfinite(v):
                break
            values[np.searchsorted(at, t)] = v
        if t % refresh == 0:
            new = None
            if mode == "refreshed" and (t < steps or track):
                new, _ = _refresh(obj, w, k, v0)
                v0 = new.V.sum(1)
            if track:
                along.append(track(w, new if mode == "refreshed" else _at_fixed(obj, w, sub0), t))
            if new is not None:
                sub = new
    return values, along


def _check(name: str, value, low, kind=int) -> None:
    """Raise :class:`HorizonError` unless ``value`` is a ``kind`` >= ``low``."""
    ok = (not isinstance(value, bool) and isinstance(value, (int,) if kind is int else (int, float))
          and np.isfinite(value) and value >= low)
    if not ok:
        raise HorizonError(f"{name} must be {'an integer' if kind is int else 'a number'} >= {low}, got {value!r}; "
                           f"pass --horizons-{name.replace('_', '-')} {low} or more")


def check_multiples(multiples) -> tuple[float, ...]:
    """The multiples as increasing distinct positive floats; raise :class:`HorizonError` otherwise."""
    try:
        m = tuple(float(x) for x in multiples)
    except (TypeError, ValueError):
        m = ()
    if not m or not all(np.isfinite(x) and x > 0 for x in m) or len(set(m)) != len(m):
        raise HorizonError(f"multiples must be distinct positive numbers, got {multiples!r}; pass --horizons-multiples "
                           f"0.5,0.8,1.25,2")
    return tuple(sorted(m))


def horizons(path, multiples=MULTIPLES, steps: int = STEPS, seeds: int = SEEDS, refresh: int | None = None,
             moment_draws: int = 64, track_draws: int = TRACK_DRAWS, track_seeds: int = TRACK_SEEDS, z: float = Z,
             level: float = 0.95, boots: int = 2000, sweep_seed: int = 0, horizon_seed: int = 0,
             dense: int = DENSE, every: int = EVERY, progress=None) -> tuple[dict, dict]:
    """The horizons at the checkpoint ``path``: ``(horizons summary, per-seed arrays)``; writes nothing."""
    from . import nn_checkpoint as ckpt

    multiples = check_multiples(multiples)
    for name, v, low in (("steps", steps, 1), ("seeds", seeds, 2), ("moment_draws", moment_draws, 2),
                         ("track_draws", track_draws, 2), ("track_seeds", track_seeds, 0), ("boots", boots, 10),
                         ("dense", dense, 0), ("every", every, 1)):
        _check(name, v, low)
    _check("z", z, 0, float)
    if refresh is not None:
        _check("refresh", refresh, 1)
    if not 0 < level < 1:
        raise HorizonError(f"level must lie in (0, 1), got {level!r}")
    t0 = time.perf_counter()
    ck, config, obj = ckpt.load(path)
    refresh = config.refresh if refresh is None else refresh
    w0, sub0 = ck.w, ck.sub
    rng_m, _ = _streams(config.seed, sweep_seed)  # the sweep's moment draws: the same thresholds
    idx_m = batches(rng_m, obj.n, config.batch, moment_draws)
    G, mom, pred = predict_at(obj, w0, sub0, config.eta, idx_m, level, boots, sweep_seed)
    chi0, lam1 = _chi(G), float(sub0.lam[0])
    streams = np.random.SeedSequence([config.seed, horizon_seed, 19, 3]).spawn(seeds)
    idx = [batches(np.random.default_rng(s), obj.n, config.batch, steps) for s in streams]
    at = record_steps(steps, refresh, dense, every)
    track_idx = {t: batches(np.random.default_rng(np.random.SeedSequence([config.seed, horizon_seed, 19, 4, t])),
                            obj.n, config.batch, track_draws) for t in range(refresh, steps + 1, refresh)}

    def track(w, sub, t):
        """The thresholds at ``w_t`` (``track_draws`` minibatches, shared by every continuation at ``t``)."""
        Gt, _, p = predict_at(obj, w, sub, config.eta, track_idx[t], level, boots, sweep_seed)
        return {"step": t, "Q": p["Q"], "chi": _chi(Gt),
                **{n: p[n]["estimate"] for n in ("eta_D", "eta_B", "eta_SGD", "eta_star")}}

    quantities, arrays, table = {}, {"record_steps": at}, []
    for q, (variant, measure, modes) in QUANTITIES.items():
        name, label = SWEEP_QUANTITIES[q]
        thr = pred[name]["estimate"]
        if thr is None or not np.isfinite(thr) or thr <= 0:
            quantities[q] = {"label": label, "variant": variant, "threshold_name": name, "threshold": thr,
                             "measure": measure, "modes": list(modes), "runs": [],
                             "skipped": f"no positive {name} at the state (regime {pred['regime']})"}
            continue
        etas = np.array([c * thr for c in multiples])
        one = predicted_curves(G, mom, etas)[q]
        runs = []
        for i, (c, eta) in enumerate(zip(multiples, etas)):
            sigma = float(np.sign(one[i])) or 1.0
            for mode in modes:
                rows, along = [], []
                for s in range(seeds):
                    v, a = continuation(obj, w0, sub0, idx[s], float(eta), variant, mode, refresh, at, measure,
                                        track if s < track_seeds else None)
                    rows.append(v)
                    along.append(a)
                y = np.array(rows)
                arrays[f"{q}_{mode}_{i}"] = y
                h = horizon(y, at, sigma, z)
                h["interval"] = horizon_interval(y, at, sigma, z, level, boots, horizon_seed)
                h["level"] = level
                pts = _along(along)
                last = np.flatnonzero(np.all(np.isfinite(y), axis=0))
                j = int(last[-1]) if last.size else None
                runs.append({"multiple": c, "eta": float(eta), "mode": mode, "predicted_sign": sigma,
                             "predicted_one_step": float(one[i]), "change": spread(y),
                             "diverged_seeds": int(np.sum(~np.all(np.isfinite(y), axis=1))), "horizon": h,
                             "thresholds_along": pts})
                own = [{"step": p["step"], "mean": _mean([x for x in p[name] if x is not None])} for p in pts]
                table.append({"quantity": q, "multiple": c, "mode": mode, "eta": float(eta), "predicted_sign": sigma,
                              "horizon": h["steps"], "censored": h["censored"], "horizon_interval": h["interval"],
                              "confirmed_at": h["confirmed_at"], "final_step": None if j is None else int(at[j]),
                              **{f"final_{k}": (None if j is None else float(runs[-1]["change"][k][j]))
                                 for k in ("mean", "std", "min", "max")},
                              "own_threshold_along": own})
                if progress:
                    progress(f"{label}, {c:g} x {name} = {eta:.4g}, {mode}: horizon "
                             f"{'>= ' if h['censored'] else ''}{h['steps']} steps {h['interval']}")
        quantities[q] = {"label": label, "variant": variant, "threshold_name": name, "threshold": thr,
                         "measure": measure, "modes": list(modes), "runs": runs}
    summary = {"format": FORMAT, "version": 1,
               "state": {"checkpoint": str(path), "run_id": ck.run_id, "trajectory": ck.trajectory, "step": ck.step,
                         "switch": ck.switch, "chi": chi0, "loss": obj.loss(w0), "lambda_1": lam1,
                         "two_over_lambda_1": 2 / lam1, "k": sub0.k, "eta_trained": config.eta},
               "predicted": {"Q": pred["Q"], "P": pred["P"], "regime": pred["regime"],
                             **{n: pred[n] for n, _ in SWEEP_QUANTITIES.values()}},
               "options": {"multiples": list(multiples), "steps": steps, "seeds": seeds, "refresh": refresh,
                           "moment_draws": moment_draws, "track_draws": track_draws,
                           "track_seeds": min(track_seeds, seeds), "z": z, "level": level, "boots": boots,
                           "sweep_seed": sweep_seed, "horizon_seed": horizon_seed, "dense": dense, "every": every},
               "record_steps": at.tolist(), "horizon_definition": HORIZON_DEFINITION,
               "quantities": quantities, "table": table, "seconds": round(time.perf_counter() - t0, 2)}
    return summary, arrays


def _along(along: list[list[dict]]) -> list[dict]:
    """The thresholds at each refresh point, as lists over the tracked seeds that reached it."""
    steps = sorted({r["step"] for a in along for r in a})
    keys = ("eta_D", "eta_B", "eta_SGD", "eta_star", "Q", "chi")
    out = []
    for t in steps:
        rows = [(s, r) for s, a in enumerate(along) for r in a if r["step"] == t]
        out.append({"step": t, "seeds": [s for s, _ in rows], **{k: [r[k] for _, r in rows] for k in keys}})
    return out


def _mean(x) -> float | None:
    """The mean of a list, None when it is empty."""
    return float(np.mean(x)) if len(x) else None


def write(out, summary: dict, arrays: dict, figures: bool = True) -> dict:
    """Write the figures, ``horizons.npz`` and ``horizons.json`` (last, atomically) into ``out``."""
    from .nn_horizon_figures import horizon_figures

    return write_result(out, "horizons", summary, arrays, horizon_figures if figures else None)


__all__ = ["FORMAT", "HORIZON_DEFINITION", "MULTIPLES", "QUANTITIES", "HorizonError", "check_multiples",
           "continuation", "horizon", "horizon_interval", "horizons", "predict_at", "record_steps", "spread", "write"]
