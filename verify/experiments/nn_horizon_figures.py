"""The figures of a horizon analysis (:mod:`.nn_horizons`), PNG and PDF.

* ``horizons_{quantity}``: one panel per subspace mode; for each multiple ``c`` of the threshold,
  the mean change over the seeds against the number of steps, a band of ±1 standard deviation
  over the seeds, and the horizon marked (a dotted vertical line and a dot on the curve; a
  right-pointing triangle when censored: the predicted sign held up to the last step).
* ``horizons_thresholds``: for each quantity and mode, its own threshold (``eta_D`` along the
  Dom-SGD continuation, ...) recomputed at the refresh points (each tracked seed a dot, their
  mean a line; step 0 is the state) against the step size the continuation used (dashed).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .figures import _axes, _save

SYMBOLS = {"eta_D": "$\\eta_D$", "eta_B": "$\\eta_B$", "eta_SGD": "$\\eta_{SGD}$", "eta_star": "$\\eta^*$"}


def _label(run: dict, name: str) -> str:
    """A run's legend: the multiple, the step size and the horizon."""
    h = run["horizon"]
    lo, hi = h["interval"]
    return (f"{run['multiple']:g} x {SYMBOLS.get(name, name)} = {run['eta']:.3g}: horizon "
            f"{'>= ' if h['censored'] else ''}{h['steps']} [{lo:g}, {hi:g}]")


def horizon_figure(out: Path, summary: dict, q: str) -> list[str]:
    """The figure of the quantity ``q``; returns the paths of its files."""
    r = summary["quantities"][q]
    at = np.asarray(summary["record_steps"], dtype=float)
    modes = r["modes"]
    fig, axes = _axes((6.5 * len(modes), 4.5), 1, len(modes))
    fig.set_layout_engine("constrained")
    axes = np.atleast_1d(axes)
    name = r["threshold_name"]
    for ax, mode in zip(axes, modes):
        peak = 0.0
        for i, run in enumerate(x for x in r["runs"] if x["mode"] == mode):
            ch = run["change"]
            m = np.array(ch["mean"], dtype=float)
            sd = np.array(ch["std"], dtype=float)
            color = f"C{i}"
            ax.plot(at, m, color=color, lw=1.2, label=_label(run, name))
            ax.fill_between(at, m - sd, m + sd, color=color, alpha=0.15, lw=0)
            peak = max(peak, float(np.nanmax(np.abs(m))) if np.isfinite(m).any() else 0.0)
            h = run["horizon"]
            if h["steps"] >= 1:
                j = int(np.searchsorted(at, h["steps"]))
                ax.axvline(h["steps"], color=color, ls=":", lw=1)
                ax.plot([at[j]], [m[j]], ">" if h["censored"] else "o", color=color, ms=6)
        ax.axhline(0, color="0.5", lw=0.6)
        ax.set_xscale("log")
        small = [abs(x) for run in r["runs"] if run["mode"] == mode for x in run["change"]["mean"][:1]
                 if x is not None and np.isfinite(x) and x != 0]
        ax.set_yscale("symlog", linthresh=min(small) if small else max(peak, 1e-12) / 100)
        ax.set(xlabel="steps t from the state", ylabel=f"mean change of the {'alignment' if r['measure'] == 'chi' else 'loss'}",
               title=f"{r['label']}, subspace {mode}")
        ax.legend(fontsize=7)
    st, opt = summary["state"], summary["options"]
    fig.suptitle(f"{r['label']} from step {st['step']}: mean over {opt['seeds']} seeds, band ±1 std; horizon at "
                 f"z = {opt['z']:g} standard errors ({SYMBOLS.get(name, name)} = {r['threshold']:.4g} at the state)",
                 fontsize=9)
    return [str(x) for x in _save(fig, out, f"horizons_{q}")]


def thresholds_figure(out: Path, summary: dict) -> list[str] | None:
    """Each quantity's own threshold along its continuations against the step size used; None if none was tracked."""
    qs = [q for q, r in summary["quantities"].items() if any(run["thresholds_along"] for run in r["runs"])]
    if not qs:
        return None
    fig, axes = _axes((12, 3.6 * len(qs)), len(qs), 2)
    fig.set_layout_engine("constrained")
    axes = np.atleast_2d(axes)
    for row, q in zip(axes, qs):
        r = summary["quantities"][q]
        name = r["threshold_name"]
        for ax, mode in zip(row, ("fixed", "refreshed")):
            runs = [x for x in r["runs"] if x["mode"] == mode]
            if not runs:
                ax.remove()  # the SGD loss: its step does not use the subspace, one mode only
                continue
            for i, run in enumerate(runs):
                color = f"C{i}"
                steps = [0] + [p["step"] for p in run["thresholds_along"]]
                vals = [[r["threshold"]]] + [[v for v in p[name] if v is not None and v > 0]
                                             for p in run["thresholds_along"]]  # log axis: positive ones
                for t, v in zip(steps, vals):
                    ax.plot([t] * len(v), v, ".", color=color, ms=4)
                ax.plot(steps, [np.mean(v) if v else np.nan for v in vals], "-", color=color, lw=1.2,
                        label=f"{run['multiple']:g} x: {SYMBOLS.get(name, name)} along the run")
                ax.axhline(run["eta"], color=color, ls="--", lw=0.9)
            ax.set(xlabel="steps t from the state", ylabel=SYMBOLS.get(name, name), title=f"{r['label']}, subspace {mode}",
                   yscale="log")
            ax.legend(fontsize=7)
    fig.suptitle("each threshold recomputed along its own continuations (dots: tracked seeds; line: their mean) "
                 "against the step size used (dashed)", fontsize=9)
    return [str(x) for x in _save(fig, out, "horizons_thresholds")]


def horizon_figures(out, summary: dict) -> dict:
    """Every figure: ``{name: {"files": [...]}}``."""
    out = Path(out)
    figs = {f"horizons_{q}": {"files": horizon_figure(out, summary, q)}
            for q, r in summary["quantities"].items() if r["runs"]}
    files = thresholds_figure(out, summary)
    if files:
        figs["horizons_thresholds"] = {"files": files}
    return figs


__all__ = ["horizon_figure", "horizon_figures", "thresholds_figure"]
