"""The four figures of ``salign nn`` (PNG and PDF, written atomically by :func:`.figures._save`).

nn1: the alignment over training, the switch marked; nn2: the four losses after the switch;
nn3: the predicted ``eta*``, ``eta_D``, ``eta_B`` against the step in use; nn4: predicted
against measured one-step changes, with the sign-agreement rate.  Every number a figure
shows is in ``summary.json`` (scalars, per-refresh predictions) or ``run.npz`` (curves).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .figures import _axes, _save
from .nn_predict import BANDS, CHANGES
from .nn_train import VARIANTS

LABELS = {"sgd": "SGD", "dom": "Dom-SGD", "bulk": "Bulk-SGD", "gd": "GD (full batch)"}
COLORS = {"sgd": "C0", "dom": "C1", "bulk": "C2", "gd": "C3"}
TITLES = {"dchi": "alignment change $\\bar\\chi' - \\chi$", "dL_D": "Dom-SGD loss change $\\Delta L_D$",
          "dL_B": "Bulk-SGD loss change $\\Delta L_B$"}


def _files(paths) -> list[str]:
    """Paths as strings (for JSON)."""
    return [str(p) for p in paths]


def fig_alignment(out: Path, summary: dict, a: dict) -> dict:
    """nn1: the switch's alignment (and the other gradient's) over training; threshold and switch marked."""
    sw = summary["switch"]
    conv = (lambda x: np.sqrt(x)) if sw["convention"] == "sqrt" else (lambda x: x)
    name = "$|P_D g|/|g|$" if sw["convention"] == "sqrt" else "$\\chi = |P_D g|^2/|g|^2$"
    t1 = np.arange(len(a["phase1_chi_full"]))
    fig, ax = _axes((9, 4.5))
    ax.plot(t1, conv(a["phase1_chi_full"]), color="0.5", lw=0.5, label="full-batch gradient (SGD run)")
    ax.plot(t1, conv(a["phase1_chi_mini"]), color="C4", lw=0.3, alpha=0.5, label="minibatch gradient (SGD run)")
    ax.plot(t1, a["phase1_ema"], "k-", lw=1.5, label=f"EMA (0.9) of the {sw['gradient']} gradient's alignment")
    t0 = sw["step"]
    for v in VARIANTS:
        c = a[f"{v}_chi_full"]
        ax.plot(t0 + np.arange(len(c)), conv(c), color=COLORS[v], lw=0.8, label=f"after the switch: {LABELS[v]} (full)")
    ax.axhline(sw["threshold"], color="C3", ls="--", lw=0.8, label=f"threshold {sw['threshold']}")
    ax.axvline(t0, color="k", ls=":", lw=1)
    status = f"switch at step {t0}" if sw["reached"] else f"threshold NOT reached in {t0} steps"
    ax.set(xlabel="step", ylabel=f"alignment {name}", ylim=(0, 1.02),
           title=f"MNIST-{summary['dataset']['samples']} {summary.get('config', {}).get('model', 'mlp').upper()}: "
                 f"alignment with the top-{summary['config']['k']} "
                 f"Hessian subspace ({status})")
    ax.legend(fontsize=6, loc="lower right", ncol=2)
    files = _save(fig, out, "nn1_alignment")
    return {"files": _files(files), "switch_step": t0, "reached": sw["reached"], "threshold": sw["threshold"],
            "ema_max": summary["phase1"]["ema_max"]}


def fig_losses(out: Path, summary: dict, a: dict) -> dict:
    """nn2: the loss of SGD, Dom-SGD, Bulk-SGD and GD from the same state at the switch."""
    fig, ax = _axes((7, 4.5))
    for v in VARIANTS:
        L = a[f"{v}_loss"]
        ax.plot(np.arange(len(L)), L, color=COLORS[v], lw=1.2, label=LABELS[v])
    flag = "" if summary["switch"]["reached"] else " (threshold NOT reached: from the last state)"
    ax.set(xlabel="steps after the switch", ylabel="full-batch training loss", yscale="log",
           title=f"after the switch at step {summary['switch']['step']}{flag}")
    ax.legend()
    files = _save(fig, out, "nn2_losses")
    return {"files": _files(files), **{f"loss_end_{v}": c["loss_end"] for v, c in summary["continuations"].items()},
            "loss_at_switch": summary["phase1"]["loss_at_switch"]}


def fig_step_sizes(out: Path, summary: dict, a: dict) -> dict:
    """nn3: the registry's eta*, eta_D, eta_B at every refresh of the SGD run, against the step in use."""
    fig, ax = _axes((8, 4.5))
    t = a["pred_step"]
    for key, style, lab in (("eta_star", "C3o-", "$\\eta^*$ (T1; only where Q > 0)"),
                            ("eta_D", "C1s-", "$\\eta_D$ (L4: Dom-SGD raises the loss above it)"),
                            ("eta_B", "C2^-", "$\\eta_B$ (L4: Bulk-SGD lowers the loss below it)")):
        ax.plot(t, a[f"pred_{key}"], style, ms=3, lw=0.8, label=lab)
    eta = summary["config"]["eta"]
    ax.axhline(eta, color="k", lw=1, label=f"step in use $\\eta$ = {eta}")
    ax.axvline(summary["switch"]["step"], color="k", ls=":", lw=1, label="switch")
    ax.set(xlabel="step (SGD before and after the switch)", ylabel="step size", yscale="log",
           title="the theory's critical step sizes on the network")
    ax.legend(fontsize=7)
    files = _save(fig, out, "nn3_step_sizes")
    q = a["pred_Q"]
    return {"files": _files(files), "refreshes": int(len(t)), "low_regime_refreshes": int(np.sum(q > 0)),
            "eta_above_eta_D": int(np.sum(eta > a["pred_eta_D"])), "eta_below_eta_B": int(np.sum(eta < a["pred_eta_B"]))}


def fig_one_step(out: Path, summary: dict, a: dict) -> dict:
    """nn4: predicted against measured one-step changes; grey within 2 SE, green same sign, red opposite."""
    fig, axes = _axes((13, 4.2), 1, 3)
    agr = summary["agreement"]
    for ax, key in zip(axes, CHANGES):
        p, m, se = a[f"predicted_{key}"], a[f"measured_{key}"], a[f"measured_{key}_se"]
        z = np.where(se > 0, np.abs(m) / np.where(se > 0, se, 1), np.inf)
        hit = np.sign(p) == np.sign(m)
        for mask, color, lab in ((z < BANDS[0], "0.6", f"|measured| < {BANDS[0]:g} SE"),
                                 ((z >= BANDS[0]) & hit, "C2", "same sign"),
                                 ((z >= BANDS[0]) & ~hit, "C3", "opposite sign")):
            if mask.any():
                ax.errorbar(p[mask], m[mask], yerr=se[mask], fmt="o", ms=3, color=color, lw=0.6, label=lab)
        lim = np.nanmax(np.abs(np.r_[p, m, 1e-300]))
        small = np.nanmin(np.abs(np.r_[p, m])[np.abs(np.r_[p, m]) > 0]) if np.any(np.r_[p, m] != 0) else 1.0
        ax.plot([-lim, lim], [-lim, lim], color="0.3", lw=0.5)
        ax.axhline(0, color="0.7", lw=0.5)
        ax.axvline(0, color="0.7", lw=0.5)
        linthresh = max(small, lim * 1e-3)
        ax.set_xscale("symlog", linthresh=linthresh, linscale=2)
        ax.set_yscale("symlog", linthresh=linthresh, linscale=2)
        ax.tick_params(labelsize=6)
        ax.tick_params(axis="x", labelrotation=45)
        g = agr[key]
        rate = "n/a" if g["rate_decided"] is None else f"{100 * g['rate_decided']:.0f}%"
        ax.set(xlabel="predicted (registry at the network's moments)", ylabel="measured (mean over draws)",
               title=f"{TITLES[key]}\nsigns agree {g['agree_decided']}/{g['decided']} ({rate}) beyond 2 SE")
        ax.title.set_fontsize(8)
        ax.legend(fontsize=6)
    files = _save(fig, out, "nn4_one_step")
    return {"files": _files(files), **{f"agree_{k}": f"{agr[k]['agree_decided']}/{agr[k]['decided']}" for k in CHANGES}}


def all_figures(out, summary: dict, arrays: dict) -> dict:
    """Write nn1..nn4; returns, per figure, its files and the numbers it shows."""
    out = Path(out)
    return {"nn1_alignment": fig_alignment(out, summary, arrays), "nn2_losses": fig_losses(out, summary, arrays),
            "nn3_step_sizes": fig_step_sizes(out, summary, arrays), "nn4_one_step": fig_one_step(out, summary, arrays)}


__all__ = ["all_figures", "fig_alignment", "fig_losses", "fig_one_step", "fig_step_sizes"]
