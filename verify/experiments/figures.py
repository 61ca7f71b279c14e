"""The five figures of ``salign simulate``: measured SGD against the theory's predictions.

Predictions come from the registry (T4's ``A_t`` and ``A_inf``, T5's ``s_t``, L3's
``eta_star_2L`` and ``chi_c``, T3's ``eta_D_2L`` and ``eta_B_2L``); measurements from
:mod:`verify.simulate`.  Each figure is written as PNG and PDF, atomically.
"""

from __future__ import annotations

import io
from pathlib import Path

import mpmath
import numpy as np
from matplotlib.figure import Figure

from salign.theory import expression
from salign.theory import symbols as S
from salign.verify.atomic import write_atomic
from salign.verify.verifier.evaluate import numeric

from .concentration import gap_table, rate
from .simulate import SimulationError, Spectrum, reduced


def _save(fig, out: Path, name: str) -> list[Path]:
    paths = []
    for ext in ("png", "pdf"):
        buf = io.BytesIO()
        fig.savefig(buf, format=ext, dpi=130, bbox_inches="tight")
        paths.append(write_atomic(out / f"{name}.{ext}", buf.getvalue()))
    return paths


def _axes(figsize, *grid):
    """A figure of its own (no pyplot state, no backend switch) and its axes."""
    fig = Figure(figsize=figsize)
    return fig, fig.subplots(*grid)


def _num(name, vals):
    with mpmath.workdps(30):
        return float(numeric(expression(name), vals))


def switch_time(v: dict, a0: float, b0: float, horizon: int = 100_000) -> int | None:
    """T*: the first t with s_t >= 0 (T5), from the registry's s_t."""
    a_inf, b_inf = _num("a_inf", v), _num("b_inf", v)
    rho_D, rho_B = (1 - v[S.eta] * v[S.lam_D]) ** 2, (1 - v[S.eta] * v[S.lam_B]) ** 2
    base = {S.rho_D: rho_D, S.rho_B: rho_B, S.alpha: a0 - a_inf, S.beta: b0 - b_inf, S.a_inf: a_inf, S.b_inf: b_inf}
    st = expression("s_t")
    for t in range(horizon):
        if numeric(st, {**base, S.t: t}) >= 0:
            return t
    return None


# --- figure 1: the two phases ---------------------------------------------------------------------

def fig_two_phases(out: Path, seeds=60, k=10**6, d=10**7, steps=600, seed=0, eta=0.02) -> dict:
    """Figure 1 at step size ``eta`` (default 0.02 < 2/(lambda_D + lambda_B): the phase where rho_D < rho_B < 1)."""
    lam_D, lam_B, sigma2 = 10.0, 1.0, 1e-6
    if not 0 < eta < 2 / lam_D:
        raise SimulationError(f"figure 1 (lambda_D = {lam_D:g}) needs 0 < --eta < {2 / lam_D:g}, got {eta}")
    spec = Spectrum.two_level(lam_D, lam_B, k, d)
    v = {S.lam_D: lam_D, S.lam_B: lam_B, S.eta: eta, S.n_D: sigma2 * k, S.n_B: sigma2 * (d - k)}
    b_inf, A_inf = _num("b_inf", v), _num("A_inf", v)
    a0 = b0 = 1e3 * b_inf  # large initialisation, equal block norms: alignment starts near 1
    T_star = switch_time(v, a0, b0)
    run = reduced(spec, [a0, b0], eta, steps, seeds, "isotropic", sigma2, seed=seed)
    t = np.arange(steps + 1)
    At = [_num("A_t", {**v, S.a_0: a0, S.b_0: b0, S.t: int(i)}) for i in t]
    med, lo, hi = np.median(run.chi, 0), np.quantile(run.chi, 0.1, 0), np.quantile(run.chi, 0.9, 0)
    rises = np.nonzero(np.diff(med) >= 0)[0]
    T_meas = int(rises[0]) if len(rises) else None
    fig, ax = _axes((7, 4))
    ax.fill_between(t, lo, hi, alpha=0.3, label="real SGD, 10-90% over seeds")
    ax.plot(t, med, lw=2, label=f"real SGD, median ({seeds} seeds, k={k:.0e}, d={d:.0e})")
    ax.plot(t, At, "k--", lw=1, label="mean field $A_t$ (T4)")
    if T_star is not None:
        ax.axvline(T_star, color="C3", ls=":", label=f"predicted switch $T^*$ = {T_star} (T5)")
    ax.axhline(A_inf, color="C2", ls="-.", label=f"$A_\\infty$ = {A_inf:.3f} (T4)")
    ax.set(xlabel="step t", ylabel="alignment $\\chi$", yscale="log",
           title=f"Two phases: constant $\\eta$={eta}, large initialisation")
    ax.legend(fontsize=7)
    paths = _save(fig, out, "fig1_two_phases")
    return {"T_star": T_star, "T_measured": T_meas, "A_inf": A_inf, "A_final_median": float(med[-1]),
            "relative_gap_to_A_inf": float(abs(med[-1] - A_inf) / A_inf), "files": [str(p) for p in paths]}


# --- figure 2: the suspicious alignment ----------------------------------------------------------------

def fig_suspicious(out: Path, seeds=40, k=10**4, d=10**6, steps=3000, seed=1) -> dict:
    lam_D, lam_B, sigma2 = 10.0, 0.01, 1e-6
    spec = Spectrum.two_level(lam_D, lam_B, k, d)
    # engine agreement is tested separately; here the reduced engine makes d = 10^6 cheap
    eta = 0.19  # below 2/lambda_D; the dominant part starts at its noise floor a_inf, where eta_D(a_inf) = eta
    v = {S.lam_D: lam_D, S.lam_B: lam_B, S.eta: eta, S.n_D: sigma2 * k, S.n_B: sigma2 * (d - k)}
    a0 = _num("a_inf", v)
    b0 = 1e5 * a0  # high alignment: lambda_D^2 a0 / (lambda_D^2 a0 + lambda_B^2 b0) = 100/110
    chi0 = lam_D**2 * a0 / (lam_D**2 * a0 + lam_B**2 * b0)
    fig, ax = _axes((7, 4))
    finals = {}
    for variant, style in (("sgd", "-"), ("dom", "--"), ("bulk", ":")):
        run = reduced(spec, [a0, b0], eta, steps, seeds, "isotropic", sigma2, variant=variant, seed=seed)
        med = np.median(run.loss, 0)
        finals[variant] = {"initial": float(med[0]), "final": float(med[-1])}
        ax.plot(med, style, lw=2, label={"sgd": "SGD", "dom": "Dom-SGD (dominant subspace only)",
                                          "bulk": "Bulk-SGD (bulk subspace only)"}[variant])
    ax.set(xlabel="step t", ylabel="loss (median over seeds)", yscale="log",
           title=f"Suspicious alignment: start at $\\chi$={chi0:.4f}, $\\eta$={eta}")
    ax.legend()
    paths = _save(fig, out, "fig2_suspicious_alignment")
    return {"chi_0": chi0, "eta": eta, "losses": finals, "files": [str(p) for p in paths]}


# --- figure 3: the phase diagram --------------------------------------------------------------------------

def fig_phase_diagram(out: Path, n=36, seeds=200, k=10**5, d=10**6, seed=2) -> dict:
    lam_D, lam_B, G, sigma2 = 4.0, 1.0, 1.0, 2e-6
    spec = Spectrum.two_level(lam_D, lam_B, k, d)
    n_D, n_B = sigma2 * k, sigma2 * (d - k)
    chis = np.linspace(0.02, 0.98, n)
    etas = np.geomspace(0.02, 0.45, n)
    sign = np.zeros((n, n))
    rng_seed = seed
    for i, eta in enumerate(etas):
        for j, chi in enumerate(chis):
            a, b = chi * G / lam_D**2, (1 - chi) * G / lam_B**2
            run = reduced(spec, [a, b], float(eta), 1, seeds, "isotropic", sigma2, seed=rng_seed)
            rng_seed += 1
            sign[i, j] = np.sign(run.chi[:, 1].mean() - chi)
    v0 = {S.lam_D: lam_D, S.lam_B: lam_B, S.n_D: n_D, S.n_B: n_B, S.G: G}
    chi_c = _num("chi_c", v0)
    curve = []
    for chi in np.linspace(0.02, min(chi_c, 0.98) - 1e-6, 200):
        a, b = chi * G / lam_D**2, (1 - chi) * G / lam_B**2
        curve.append((chi, _num("eta_star_2L", {**v0, S.a: a, S.b: b})))
    fig, ax = _axes((6.5, 4.5))
    ax.pcolormesh(chis, etas, sign, cmap="coolwarm", shading="nearest", vmin=-1, vmax=1)
    cx, cy = np.array(curve).T
    ax.plot(cx, cy, "k-", lw=2, label="$\\eta^*(\\chi)$ (L3)")
    ax.axvline(chi_c, color="k", ls="--", label=f"$\\chi_c$ = {chi_c:.3f} (L3)")
    ax.axhline(2 / (lam_D + lam_B), color="k", ls=":", label="$2/(\\lambda_D+\\lambda_B)$")
    ax.set(xlabel="alignment $\\chi$", ylabel="step size $\\eta$", yscale="log", ylim=(etas[0], etas[-1]),
           title="Measured sign of the one-step alignment change (red: rises, blue: falls)")
    ax.legend(fontsize=7, loc="lower left")
    paths = _save(fig, out, "fig3_phase_diagram")
    # agreement of the measured sign with the theory: rises iff chi < chi_c and eta > eta*(chi)
    agree = total = 0
    for i, eta in enumerate(etas):
        for j, chi in enumerate(chis):
            a, b = chi * G / lam_D**2, (1 - chi) * G / lam_B**2
            low = chi < chi_c
            es = _num("eta_star_2L", {**v0, S.a: a, S.b: b}) if low else None
            predicted = 1 if (low and eta > es) else -1
            if es is not None and abs(eta / es - 1) < 0.05:
                continue  # too close to the boundary for the Monte Carlo sign
            total += 1
            agree += int(sign[i, j] == predicted)
    return {"chi_c": chi_c, "sign_agreement": agree / total, "points": total, "files": [str(p) for p in paths]}


# --- figure 4: the suspicious interval against kappa -----------------------------------------------------

def fig_interval(out: Path, seeds=400, k=10**4, d=10**6, seed=3) -> dict:
    lam_B, a, b, sigma2 = 1.0, 0.05, 1.0, 1e-6
    n_D, n_B = sigma2 * k, sigma2 * (d - k)
    kappas = np.geomspace(1.05, 300, 40)
    eD = [_num("eta_D_2L", {S.lam_D: kp * lam_B, S.a: a, S.n_D: n_D}) for kp in kappas]
    eB = _num("eta_B_2L", {S.lam_B: lam_B, S.b: b, S.n_B: n_B})
    k0 = _num("kappa_0", {S.lam_B: lam_B, S.a: a, S.b: b, S.n_D: n_D, S.n_B: n_B})
    fig, ax = _axes((6.5, 4.5))
    ax.fill_between(kappas, eD, eB, where=np.array(eD) < eB, alpha=0.2, color="C1",
                    label="suspicious interval $(\\eta_D, \\eta_B)$ (T3)")
    ax.plot(kappas, eD, "C0-", label="$\\eta_D(\\kappa)$")
    ax.axhline(eB, color="C3", label="$\\eta_B$")
    ax.axvline(k0, color="k", ls="--", label=f"$\\kappa_0$ = {k0:.2f}")
    agree = total = 0
    rs = seed
    for kp in kappas[::3]:
        spec = Spectrum.two_level(kp * lam_B, lam_B, k, d)
        for eta in np.geomspace(0.05, 3.0, 12):
            if eta >= 2 / (kp * lam_B) * 1.5:
                continue
            dom = reduced(spec, [a, b], float(eta), 1, seeds, "isotropic", sigma2, variant="dom", seed=rs)
            bulk = reduced(spec, [a, b], float(eta), 1, seeds, "isotropic", sigma2, variant="bulk", seed=rs + 1)
            rs += 2
            dL_D = dom.loss[:, 1].mean() - dom.loss[0, 0]
            dL_B = bulk.loss[:, 1].mean() - bulk.loss[0, 0]
            sus = dL_D > 0 and dL_B < 0
            ax.plot(kp, eta, "o" if sus else "x", color="C1" if sus else "0.5", ms=4)
            edk = _num("eta_D_2L", {S.lam_D: kp * lam_B, S.a: a, S.n_D: n_D})
            if min(abs(eta / edk - 1), abs(eta / eB - 1)) > 0.05:
                total += 1
                agree += int(sus == (edk < eta < eB))
    ax.plot([], [], "o", color="C1", label="measured: Dom-SGD raises, Bulk-SGD lowers the loss")
    ax.plot([], [], "x", color="0.5", label="measured: not suspicious")
    ax.set(xscale="log", yscale="log", xlabel="condition number $\\kappa$", ylabel="step size $\\eta$",
           title="The suspicious interval opens with ill-conditioning")
    ax.legend(fontsize=7)
    paths = _save(fig, out, "fig4_interval_vs_kappa")
    return {"kappa_0": k0, "sign_agreement": agree / max(total, 1), "points": total,
            "files": [str(p) for p in paths]}


# --- figure 5: C1, the gap against dimension ------------------------------------------------------------

def fig_c1(out: Path, rows=None) -> dict:
    """C1 up to k = 10^9: the gap between real SGD and the mean field against dimension."""
    rows = rows or gap_table(ks=tuple(10**e for e in range(10)), draws=2_000_000, seed=4)
    slope = rate(rows)
    ks = np.array([r.k for r in rows], dtype=float)
    gap = np.array([r.gap for r in rows])
    se = np.array([r.stderr for r in rows])
    fig, ax = _axes((6, 4))
    ax.errorbar(ks, gap, yerr=2 * se, fmt="o-", label="$|\\mathbb{E}\\chi(x') - \\bar\\chi'|$ (real SGD, reduced engine)")
    ax.plot(ks, 3 * se, "k:", label="3 standard errors (Monte Carlo floor)")
    ax.set(xscale="log", yscale="log", xlabel="k (d = 10 k)", ylabel="gap",
           title=f"C1: the gap shrinks like $k^{{{slope:.2f}}}$")
    ax.legend(fontsize=7)
    paths = _save(fig, out, "fig5_c1_gap")
    return {"rate_exponent": slope, "rows": [r.__dict__ for r in rows], "files": [str(p) for p in paths]}


def all_figures(out: Path, quick: bool = False, progress=None, eta: float | None = None) -> dict:
    """Make every figure; ``quick`` shrinks seeds and grids (for tests); ``eta`` sets figure 1's step size."""
    out = Path(out)
    fig1 = {**({"seeds": 8, "steps": 300} if quick else {}), **({"eta": eta} if eta is not None else {})}
    jobs = [
        ("fig1", lambda: fig_two_phases(out, **fig1)),
        ("fig2", lambda: fig_suspicious(out, **({"seeds": 6, "steps": 1500} if quick else {}))),
        ("fig3", lambda: fig_phase_diagram(out, **({"n": 8, "seeds": 40} if quick else {}))),
        ("fig4", lambda: fig_interval(out, **({"seeds": 50} if quick else {}))),
        ("fig5", lambda: fig_c1(out, gap_table(ks=(1, 10, 100, 10**9), draws=20_000, seed=4) if quick else None)),
    ]
    summary = {}
    for name, job in jobs:
        summary[name] = job()
        if progress:
            progress(name)
    return summary
