"""The figures of an η-sweep (:mod:`.nn_sweep`): one per one-step change, PNG and PDF.

Each shows the measured mean change at every step size of the grid with ±2 standard errors
(fresh draws), the registry's predicted curve, the predicted threshold with its bootstrap
interval over the moment draws (shaded), the measured threshold with its bootstrap interval
over the fresh draws (shaded), and ``2/lambda_1``.  The y axis is symmetric-logarithmic: linear
near zero, where the thresholds are, logarithmic beyond.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .figures import _axes, _save

SYMBOLS = {"eta_D": "$\\eta_D$", "eta_B": "$\\eta_B$", "eta_SGD": "$\\eta_{SGD}$", "eta_star": "$\\eta^*$"}


def _span(ax, result: dict, color: str, label: str) -> None:
    """A threshold (line) and its interval (shaded, clipped to the axes)."""
    lo, hi = result["interval"]
    x0, x1 = ax.get_xlim()
    lo = x0 if lo is None or not np.isfinite(lo) else lo
    hi = x1 if hi is None or not np.isfinite(hi) else hi
    if np.isfinite(lo) and np.isfinite(hi) and hi > lo:
        ax.axvspan(lo, hi, color=color, alpha=0.15)
    if result["estimate"] is not None:
        ax.axvline(result["estimate"], color=color, ls="--", lw=1.2, label=label)


def sweep_figure(out: Path, summary: dict, q: str) -> list[str]:
    """The figure of the one-step change ``q``; returns the paths of its files."""
    r = summary["quantities"][q]
    etas = np.asarray(summary["etas"])
    mean, se = np.asarray(r["measured"]["mean"]), np.asarray(r["measured"]["se"])
    fig, ax = _axes((8, 4.5))
    fine = r.get("predicted_curve_fine")
    if fine:
        ax.plot(fine["etas"], fine["values"], "C0-", lw=1.2, label="predicted (registry, moment draws)")
    ax.errorbar(etas, mean, yerr=2 * se, fmt="ko", ms=3, capsize=2, lw=0.8,
                label=f"measured, ±2 SE ({summary['draws']['measured']} fresh draws)")
    ax.set_xscale("log")
    ax.set_xlim(etas[0] / 1.1, etas[-1] * 1.1)
    name = SYMBOLS.get(r["threshold_name"], r["threshold_name"])
    p, m = r["predicted_threshold"], r["measured_threshold"]
    pe = "none (Q <= 0)" if p["estimate"] is None else f"{p['estimate']:.4g}"
    me = f"none ({m['position']})" if m["estimate"] is None else f"{m['estimate']:.4g}"
    _span(ax, p, "C0", f"predicted {name} = {pe}")
    _span(ax, m, "C3", f"measured crossing = {me}")
    st = summary["state"]
    ax.axvline(st["two_over_lambda_1"], color="0.4", ls=":", lw=1, label=f"$2/\\lambda_1$ = {st['two_over_lambda_1']:.4g}")
    ax.axvline(st["eta_trained"], color="0.7", ls="-", lw=0.8, label=f"$\\eta$ of training = {st['eta_trained']:g}")
    ax.axhline(0, color="0.6", lw=0.5)
    near = np.abs(mean[etas <= 1.5 * max(x for x in (p["estimate"], m["estimate"], etas[1]) if x is not None)])
    lin = float(np.max(near)) / 3 if near.size and np.max(near) > 0 else 1e-6
    ax.set_yscale("symlog", linthresh=lin)
    lvl = int(round(100 * summary["level"]))
    ax.set(xlabel="$\\eta$", ylabel="one-step change",
           title=f"{r['label']} at step {st['step']} ({st['trajectory']}{', switch' if st['switch'] else ''}); "
                 f"shaded: {lvl}% bootstrap intervals")
    ax.legend(fontsize=7)
    return [str(x) for x in _save(fig, out, f"sweep_{q}")]


def sweep_figures(out, summary: dict) -> dict:
    """Every quantity's figure: ``{quantity: {"files": [...]}}``."""
    out = Path(out)
    return {q: {"files": sweep_figure(out, summary, q)} for q in summary["quantities"]}


__all__ = ["sweep_figure", "sweep_figures"]
