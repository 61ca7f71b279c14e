"""``salign nn --seeds N``: every headline number of the network over ``N`` seeds, with its spread.

The run of :mod:`.nn` is repeated with seeds ``seed, seed + 1, ..., seed + N - 1`` (every other
option the same); each run's files go to ``OUT/seed-S/`` exactly as ``salign nn --seed S --out
OUT/seed-S`` writes them, and a folder whose ``summary.json`` already holds the same configuration
is reused, not run again (an interrupted command resumes).  :func:`aggregate` then reads the
per-seed summaries and writes ``OUT/seeds.json``: for each headline number (:data:`HEADLINES`)
its value at every seed and the mean, the sample standard deviation (``ddof = 1``), the minimum,
the median and the maximum over the seeds; the sign agreements summed over the seeds; and the
departure from the quadratic model and the regime numbers (:mod:`.nn_regimes`) pooled over every
state of every seed.

A summary that lacks a field, holds a value of the wrong kind, repeats a seed or was run with
another configuration is a :class:`SeedsError` naming the file and the field.
"""

from __future__ import annotations

import json
import math
import os
import platform
import time
from dataclasses import asdict, fields, replace
from pathlib import Path

import numpy as np

from .nn_data import NNError
from .nn_predict import CHANGES
from .nn_regimes import distribution, quantiles, state

#: the per-seed output folder
FOLDER = "seed-{}"
#: the one-step changes whose departure from the local quadratic model is reported
NONQUADRATIC = (*CHANGES, "dL_SGD")
#: the continuations whose final loss is reported
VARIANTS = ("sgd", "dom", "bulk", "gd")


class SeedsError(NNError):
    """Per-seed summaries that cannot be aggregated; the message names the file and the field."""


def _headlines() -> dict[str, str]:
    """Every per-seed headline number and what it is."""
    h = {"switch_step": "the step at which the switch rule fired (the budget --steps when it did not)",
         "loss_at_switch": "the full-batch loss at the switch",
         **{f"loss_end_{v}": f"the full-batch loss after --after steps of {v}" for v in VARIANTS},
         "dom_loss_end_over_start": "Dom-SGD's loss after --after steps over its loss at the switch (the plateau)",
         "gd_chi_end": "GD's alignment chi = |P_D g|^2/|g|^2 of the full-batch gradient after --after steps",
         "sgd_chi_last10pct": "SGD's alignment chi, mean over the last 10 % of its continuation",
         "chi_at_switch": "chi at the switch state (the fresh subspace there)",
         "eta_D_over_eta_at_switch": "eta_D / eta at the switch state (> 1: Dom-SGD lowers the loss there, L4)",
         "eta_B_over_eta_at_switch": "eta_B / eta at the switch state",
         "eta_star_over_eta_at_switch": "eta* / eta at the switch state (> 1: the alignment falls there, T1)",
         "max_eta_over_eta_B": "the largest eta / eta_B over the prediction states (Bulk-SGD lowers the loss below 1)",
         "states_eta_in_eta_D_eta_B": "prediction states with eta_D < eta < eta_B (the suspicious interval, T3)",
         "states": "prediction states (the refreshes of phase 1 and of the SGD continuation)",
         "Q_nonpositive": "prediction states with Q <= 0 (T2's regime)",
         "rho_min": "the least rho = G_B (G_D2 + N_D) / (G_D (G_B2 + N_B)) over the prediction states (Q <= 0 iff "
                    "rho <= 1)"}
    for q in CHANGES:
        h[f"agree_{q}"] = f"states where the predicted sign of {q} is the measured one, |measured| >= 2 SE"
        h[f"decided_{q}"] = f"states where the measured {q} is at least 2 SE from zero"
        h[f"dropped_{q}"] = f"states where the measured {q} is within 2 SE of zero (neither hit nor miss)"
    for q in NONQUADRATIC:
        h[f"nonquadratic_{q}_median"] = (f"median over the states of |measured - quadratic model| / |measured| for "
                                         f"{q} (paired draws)")
        h[f"nonquadratic_{q}_max"] = "the same, largest over the states (large where the measured change is near 0)"
        h[f"nonquadratic_{q}_max_decided"] = (f"the same, largest over the states where the measured {q} is at least "
                                              f"2 SE from zero")
    return h


#: per-seed headline number -> what it is (the keys of ``per_seed`` and ``headlines`` in seeds.json)
HEADLINES = _headlines()


# --- one summary ------------------------------------------------------------------------------------------------

def _field(summary: dict, path: str, where: str, kind=(int, float)):
    """``summary[a][b]...`` for ``path = "a.b..."``, checked to be of ``kind``; raises :class:`SeedsError`."""
    x = summary
    for key in path.split("."):
        if not isinstance(x, dict) or key not in x:
            raise SeedsError(f"{where}: the summary has no {path!r}; it is not a complete 'salign nn' summary.json "
                             f"(rerun that seed)")
        x = x[key]
    if kind is not None and (not isinstance(x, kind) or (isinstance(x, bool) and kind is not bool)):
        raise SeedsError(f"{where}: {path!r} is {x!r}, not a {getattr(kind, '__name__', 'number')}; the summary is "
                         f"malformed (rerun that seed)")
    return x


def _records(summary: dict, where: str) -> list[dict]:
    """The prediction records of a summary, each checked to hold what :mod:`.nn_regimes` reads."""
    preds = _field(summary, "predictions", where, list)
    if not preds:
        raise SeedsError(f"{where}: the summary holds no prediction records; rerun that seed")
    for i, r in enumerate(preds):
        for key in ("step", "eta", "chi", "P", "Q", "eta_D", "eta_B"):
            _field(r, key, f"{where}, predictions[{i}]")
        for key in ("moments", "noise", "measured", "predicted", "nonquadratic"):
            _field(r, key, f"{where}, predictions[{i}]", dict)
    return preds


def _at_switch(preds: list[dict], step: int) -> dict:
    """The prediction record at the switch state (the last one of phase 1 at or before ``step``)."""
    before = [r for r in preds if r.get("trajectory", "phase1") == "phase1" and r["step"] <= step]
    return max(before or preds, key=lambda r: r["step"])


def headline(summary: dict, where: str = "summary") -> dict:
    """The per-seed headline numbers (:data:`HEADLINES`) of one run's summary; raises :class:`SeedsError`."""
    preds = _records(summary, where)
    cont = _field(summary, "continuations", where, dict)
    eta = _field(summary, "config.eta", where)
    sw = _at_switch(preds, _field(summary, "switch.step", where, int))
    h = {"switch_step": _field(summary, "switch.step", where, int),
         "loss_at_switch": _field(summary, "phase1.loss_at_switch", where)}
    for v in VARIANTS:
        h[f"loss_end_{v}"] = _field(cont, f"{v}.loss_end", where)
    h["dom_loss_end_over_start"] = _field(cont, "dom.loss_ratio_end_to_start", where)
    h["gd_chi_end"] = _field(cont, "gd.chi_full_end", where)
    h["sgd_chi_last10pct"] = _field(cont, "sgd.chi_full_last10pct", where)
    h["chi_at_switch"] = sw["chi"]
    h["eta_D_over_eta_at_switch"] = sw["eta_D"] / eta
    h["eta_B_over_eta_at_switch"] = sw["eta_B"] / eta
    h["eta_star_over_eta_at_switch"] = None if sw.get("eta_star") is None else sw["eta_star"] / eta
    rows = [state(r) for r in preds]
    over_B = [r["eta_over_eta_B"] for r in rows if r["eta_over_eta_B"] is not None]
    h["max_eta_over_eta_B"] = max(over_B) if over_B else None
    h["states_eta_in_eta_D_eta_B"] = sum(None not in (r["eta_over_eta_D"], r["eta_over_eta_B"])
                                         and r["eta_over_eta_D"] > 1 > r["eta_over_eta_B"] for r in rows)
    h["states"] = len(rows)
    h["Q_nonpositive"] = sum(r["Q"] <= 0 for r in rows)
    h["rho_min"] = min(r["rho"] for r in rows)
    for q in CHANGES:
        a = _field(summary, f"agreement.{q}", where, dict)
        h[f"agree_{q}"] = _field(a, "agree_decided", where, int)
        h[f"decided_{q}"] = _field(a, "decided", where, int)
        h[f"dropped_{q}"] = _field(a, "cases", where, int) - h[f"decided_{q}"]
    for q in NONQUADRATIC:
        rel, decided = _relative_departures(preds, q, where)
        h[f"nonquadratic_{q}_median"], h[f"nonquadratic_{q}_max"] = float(np.median(rel)), float(np.max(rel))
        h[f"nonquadratic_{q}_max_decided"] = float(np.max(rel[decided])) if decided.any() else None
    return h


def _relative_departures(preds: list[dict], q: str, where: str) -> tuple[np.ndarray, np.ndarray]:
    """``|measured - quadratic| / |measured|`` of the change ``q`` at every prediction record, and where the
    measured change is at least 2 SE from zero (elsewhere the ratio divides by noise)."""
    try:
        nq = np.array([r["nonquadratic"][q][0] for r in preds], dtype=float)
        m = np.array([r["measured"][q][:2] for r in preds], dtype=float).reshape(-1, 2)
    except (KeyError, IndexError, TypeError, ValueError):
        raise SeedsError(f"{where}: a prediction record lacks the measured or non-quadratic {q}; the summary is "
                         f"malformed (rerun that seed)") from None
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.abs(nq) / np.abs(m[:, 0]), np.abs(m[:, 0]) >= 2 * m[:, 1]


# --- over the seeds ---------------------------------------------------------------------------------------------

def spread(values: list) -> dict:
    """``n``, ``mean``, ``std`` (sample, ``ddof = 1``; None for one value), ``min``, ``median``, ``max``, ``values``.

    ``None`` values (a threshold undefined at a seed) are left out of the statistics and counted in
    ``undefined``.
    """
    x = np.array([v for v in values if v is not None], dtype=float)
    out = {"n": int(x.size), "undefined": sum(v is None for v in values), "values": list(values)}
    if x.size:
        out.update(mean=float(x.mean()), std=float(x.std(ddof=1)) if x.size > 1 else None, min=float(x.min()),
                   median=float(np.median(x)), max=float(x.max()))
    return out


def _same_config(configs: list[tuple[str, dict]]) -> dict:
    """The shared configuration of the runs (seed aside), every one completed with the defaults; else SeedsError."""
    from .nn import NNConfig

    names = {f.name for f in fields(NNConfig)}
    full = []
    for where, cfg in configs:
        unknown = sorted(set(cfg) - names) if isinstance(cfg, dict) else None
        if unknown is None or unknown:
            raise SeedsError(f"{where}: its config {'is not a dict' if unknown is None else f'has unknown fields {unknown}'}")
        try:
            full.append((where, asdict(NNConfig(**cfg))))
        except (NNError, TypeError) as e:
            raise SeedsError(f"{where}: its config is invalid ({e})") from None
    (w0, c0), rest = full[0], full[1:]
    for where, c in rest:
        diff = [k for k in c if k != "seed" and c[k] != c0[k]]
        if diff:
            k = diff[0]
            raise SeedsError(f"{where} was run with {k} = {c[k]!r} but {w0} with {k} = {c0[k]!r}; aggregate runs "
                             f"that differ only in --seed")
    return {k: v for k, v in c0.items() if k != "seed"}


def aggregate(summaries: list[dict], where: list[str] | None = None) -> dict:
    """The headline numbers of ``summaries`` (one ``salign nn`` summary per seed) with their spread.

    ``where`` names each summary in error messages (default ``summaries[i]``).  Needs at least two
    runs that differ only in their seed.
    """
    if not isinstance(summaries, list) or len(summaries) < 2:
        n = len(summaries) if isinstance(summaries, list) else 0
        raise SeedsError(f"{n} run(s) to aggregate; a spread needs at least 2 seeds (pass --seeds 2 or more)")
    where = where or [f"summaries[{i}]" for i in range(len(summaries))]
    for w, s in zip(where, summaries):
        if not isinstance(s, dict):
            raise SeedsError(f"{w}: not a JSON object; it is not a 'salign nn' summary.json")
    config = _same_config([(w, _field(s, "config", w, dict)) for w, s in zip(where, summaries)])
    seeds = [_field(s, "config.seed", w, int) for w, s in zip(where, summaries)]
    if len(set(seeds)) != len(seeds):
        dup = sorted({s for s in seeds if seeds.count(s) > 1})
        raise SeedsError(f"seed {dup[0]} appears twice among the runs; aggregate distinct seeds")
    per_seed = [headline(s, w) for w, s in zip(where, summaries)]
    out = {"seeds": seeds, "config": config, "definitions": HEADLINES,
           "headlines": {name: spread([h[name] for h in per_seed]) for name in HEADLINES},
           "per_seed": [{"seed": s, **h} for s, h in zip(seeds, per_seed)]}
    out["agreement_total"] = {q: {"agree": sum(h[f"agree_{q}"] for h in per_seed),
                                  "decided": sum(h[f"decided_{q}"] for h in per_seed),
                                  "dropped_within_2se": sum(h[f"dropped_{q}"] for h in per_seed),
                                  "states": sum(h["states"] for h in per_seed)} for q in CHANGES}
    records = [r for w, s in zip(where, summaries) for r in _records(s, w)]
    out["nonquadratic_pooled"] = {}
    for q in NONQUADRATIC:
        rel, decided = _relative_departures(records, q, "pooled")
        out["nonquadratic_pooled"][q] = {"all_states": quantiles(rel), "decided_states": quantiles(rel[decided])}
    out["regimes_pooled"] = distribution(records)
    out["seconds_per_seed"] = spread([s.get("seconds") if isinstance(s.get("seconds"), (int, float)) else None
                                      for s in summaries])
    return out


# --- files and the command ------------------------------------------------------------------------------------

def read_summary(path: Path) -> dict:
    """A ``summary.json``; raises :class:`SeedsError` when it is missing or not JSON."""
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        raise SeedsError(f"no summary at {path}; run that seed (salign nn --seeds resumes)") from None
    except (json.JSONDecodeError, UnicodeDecodeError, IsADirectoryError) as e:
        raise SeedsError(f"{path} is not JSON ({type(e).__name__}); remove it and rerun that seed") from None


def _reusable(folder: Path, config) -> bool:
    """Whether ``folder`` holds a complete run of exactly ``config`` (its summary.json is written last)."""
    path = folder / "summary.json"
    if not path.is_file():
        return False
    try:
        s = read_summary(path)
        _same_config([("this run", asdict(config)), (str(path), s["config"])])
        return s["config"].get("seed") == config.seed
    except (SeedsError, KeyError, TypeError, AttributeError):
        return False


def _one_seed(seed: int, base, device: str | None = None) -> tuple:
    """The run of ``base`` with ``seed`` on ``device`` (module level: it may run in a worker process, which does
    not inherit the parent's JAX default device, so the device travels with the job)."""
    from . import nn

    return nn.run(replace(base, seed=seed), device=device)


def machine() -> dict:
    """Where the numbers were measured: CPU model and count, load averages, Python and platform."""
    model = platform.processor() or ""
    try:
        model = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                     if ln.startswith("model name")) or model
    except (OSError, StopIteration):
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpu": model, "cpus": os.cpu_count(), "load_average_1_5_15min": load, "platform": platform.platform(),
            "python": platform.python_version()}


def run_seeds(config, n: int, out, jobs: int = 1, scheduler: str | None = None, figures: bool = True,
              console=None, device: str | None = None) -> dict:
    """Run (or reuse) seeds ``config.seed ... config.seed + n - 1`` into ``out/seed-S/``; write ``out/seeds.json``."""
    from salign.verify.atomic import write_atomic
    from salign.verify.parallel import runner

    from . import nn
    from .nn_data import json_default

    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise SeedsError(f"--seeds {n!r}: a spread needs at least 2 seeds; pass --seeds 5 (issue 19 asks for >= 5)")
    say = console.print if console else (lambda *a, **k: None)
    out = Path(out)
    seeds = list(range(config.seed, config.seed + n))
    (out / "seeds.json").unlink(missing_ok=True)  # the marker of a complete aggregate: written last
    before = machine()
    t0 = time.perf_counter()
    reused = [s for s in seeds if _reusable(out / FOLDER.format(s), replace(config, seed=s))]
    todo = [s for s in seeds if s not in reused]
    if reused:
        say(f"reusing seeds {', '.join(map(str, reused))} (their summary.json holds this configuration)")
    with runner(jobs, scheduler) as go:
        for seed, (summary, arrays) in go(_one_seed, todo, config, device):
            nn.write(out / FOLDER.format(seed), summary, arrays, figures=figures)
            say(f"seed {seed}: switch at step {summary['switch']['step']}, {summary['seconds']:.0f}s")
    folders = [FOLDER.format(s) for s in seeds]
    summaries = [read_summary(out / f / "summary.json") for f in folders]
    doc = aggregate(summaries, [f"{f}/summary.json" for f in folders])
    doc.update(folders=folders, reused=reused, seconds=round(time.perf_counter() - t0, 1),
               machine={**machine(), "load_average_at_start": before["load_average_1_5_15min"]})
    write_atomic(out / "seeds.json", json.dumps(doc, indent=1, default=json_default) + "\n")
    return doc


def _fmt(x) -> str:
    """A number for the console: 4 significant digits."""
    return "-" if x is None or (isinstance(x, float) and not math.isfinite(x)) else f"{x:.4g}"


def report_lines(doc: dict) -> list[str]:
    """The console's lines for an aggregate: each headline's mean ± std [min, max] (median), the totals."""
    lines = [f"{len(doc['seeds'])} seeds {doc['seeds']}: mean ± std [min, max] (median) over the seeds"]
    for name, s in doc["headlines"].items():
        if s["n"]:
            lines.append(f"  {name}: {_fmt(s['mean'])} ± {_fmt(s['std'])} [{_fmt(s['min'])}, {_fmt(s['max'])}] "
                         f"(median {_fmt(s['median'])})" + (f", undefined at {s['undefined']}" if s["undefined"] else ""))
    for q, a in doc["agreement_total"].items():
        lines.append(f"  sign of {q}, all seeds: {a['agree']}/{a['decided']} beyond 2 SE, {a['dropped_within_2se']} of "
                     f"{a['states']} states dropped within 2 SE")
    reg = doc["regimes_pooled"]
    lines.append(f"  Q <= 0 at {reg['Q_nonpositive']} of {reg['states']} states; rho from {_fmt(reg['rho']['min'])} to "
                 f"{_fmt(reg['rho']['max'])} (median {_fmt(reg['rho']['q50'])})")
    return lines


def command(args) -> int:
    """``salign nn --seeds N``: run or reuse every seed, aggregate, print the spread, write seeds.json."""
    from rich.console import Console

    from .nn_cli import config_from_args

    if args.grid:
        raise SeedsError("--seeds runs a grid of seeds itself; drop --grid (or run --grid seed=... without --seeds)")
    config = config_from_args(args)  # the output folder was checked by the command line (frontend.cli)
    console = Console()
    doc = run_seeds(config, args.seeds, args.out, args.jobs, args.scheduler, not args.no_figures, console,
                    device=getattr(args, "device", None))
    for line in report_lines(doc):
        console.print(line, soft_wrap=True, markup=False)
    console.print(f"wrote {args.out}/seeds.json and the folders {', '.join(doc['folders'])} in {doc['seconds']:.0f}s")
    return 0


__all__ = ["FOLDER", "HEADLINES", "SeedsError", "aggregate", "command", "headline", "machine", "read_summary",
           "report_lines", "run_seeds", "spread"]
