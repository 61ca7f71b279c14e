"""The theory's one-step predictions on the network, and the network's own one-step changes.

At weights ``w`` take the local quadratic model (THEORY.md section 4): ``H`` the full-batch
Hessian, ``g`` the full-batch gradient, ``xi = g_b - g`` the minibatch noise.  With the
dominant subspace ``V`` (top ``k`` eigenvectors) and ``P_D = V V^T``, ``P_B = I - P_D``:

* ``G_S = |P_S g|^2``, ``G_S^(1) = (P_S g)^T H P_S g``, ``G_S^(2) = |H P_S g|^2``;
* ``N_S = E |H P_S xi|^2``, ``M_S = E (P_S xi)^T H P_S xi``, averaged over minibatch draws.

Every product with ``H`` is a Hessian-vector product: ``H P_D u = (H V)(V^T u)`` and the
bulk part is the whole minus the dominant part.  The registry's expressions (``P``, ``Q``,
``eta_star``, ``eta_D``, ``eta_B``, ``EG_D``, ``EG_B``, ``dL_D``, ``dL_B``, ``dL_SGD``,
``eta_SGD``) are evaluated at these moments with ``sympy.lambdify``; no formula is typed here.

The measurement uses the same draws: for each minibatch ``b`` the network takes the real
step (SGD ``w - eta g_b``, Dom-SGD ``w - eta P_D g_b``, Bulk-SGD ``w - eta P_B g_b``); the
loss changes are averaged, and the alignment change is the ratio of averages
``E[G_D'] / (E[G_D'] + E[G_B'])`` of the full-batch gradient after the SGD step, projected on
the subspace computed at ``w``, minus ``chi``.  Standard errors: ``std/sqrt(m)`` for means,
the delta method for the ratio.
"""

from __future__ import annotations

from functools import cache, partial

import jax
import jax.numpy as jnp
import numpy as np
from sympy import lambdify

from salign.theory import expression
from salign.theory import symbols as S

from .nn_hessian import Subspace
from .nn_model import Objective, hvp, loss

#: the registry's expressions this module evaluates
NAMES = ("P", "Q", "eta_star", "eta_D", "eta_B", "eta_SGD", "EG_D", "EG_B", "dL_D", "dL_B", "dL_SGD")
#: the one-step changes whose predicted sign is compared with the network
CHANGES = ("dchi", "dL_D", "dL_B")
#: bands of |measured| / (its standard error): below the first, a case is neither hit nor miss
BANDS = (2.0, 5.0)


@cache
def _compiled(name: str):
    """``(symbols, f)``: the registry's expression ``name`` lambdified for numpy (vectorised)."""
    expr = expression(name)
    syms = tuple(sorted(expr.free_symbols, key=lambda s: s.name))
    return syms, lambdify(syms, expr, modules="numpy")


def registry(name: str, values: dict):
    """The registry's expression ``name`` at ``values`` (symbol -> float or array)."""
    syms, f = _compiled(name)
    return f(*[values[s] for s in syms])


def gradient_moments(g, Hg, sub: Subspace) -> dict:
    """``G_S, G_S^(1), G_S^(2)`` for ``S = D, B`` from ``g``, ``H g`` and the subspace (bulk = whole - dominant)."""
    c = sub.V.T @ g
    PDg, HPDg = sub.V @ c, sub.HV @ c
    PBg, HPBg = g - PDg, Hg - HPDg
    out = {}
    for blk, (u, Hu) in (("D", (PDg, HPDg)), ("B", (PBg, HPBg))):
        m = S.MOMENTS[blk]
        out[m["G"]], out[m["G1"]], out[m["G2"]] = float(u @ u), float(u @ Hu), float(Hu @ Hu)
    return out


def _one_draw(i, w, g, Hg, L0, V, HV, X, Y, eta, sizes):
    """Noise moments, measured one-step changes and the local quadratic model's, for the minibatch ``i``.

    The quadratic model's changes (keys ``q_...``) are those of ``L(w) + g^T s + s^T H s / 2``
    and of its gradient ``g + H s`` for the same step ``s``: measured minus quadratic is the
    part of the one-step change that the local quadratic model misses.
    """
    gb = jax.grad(loss)(w, X[i], Y[i], sizes)
    xi = gb - g
    Hxi = hvp(w, xi, X, Y, sizes)
    c = V.T @ xi
    PDxi, HPDxi = V @ c, HV @ c
    PBxi, HPBxi = xi - PDxi, Hxi - HPDxi
    cb = V.T @ gb
    dom, Hdom = V @ cb, HV @ cb
    Hgb = Hg + Hxi
    L1, g1 = jax.value_and_grad(loss)(w - eta * gb, X, Y, sizes)
    g1B = g1 - V @ (V.T @ g1)
    q1 = g - eta * Hgb  # the quadratic model's gradient after the SGD step
    q1B = q1 - V @ (V.T @ q1)

    def quad(s, Hs):
        """The quadratic model's loss change for the step ``-eta s``."""
        return -eta * (g @ s) + 0.5 * eta**2 * (s @ Hs)

    return {"n_D": HPDxi @ HPDxi, "n_B": HPBxi @ HPBxi, "m_D": PDxi @ HPDxi, "m_B": PBxi @ HPBxi,
            "G_D'": jnp.sum((V.T @ g1) ** 2), "G_B'": g1B @ g1B, "dL_SGD": L1 - L0,
            "dL_D": loss(w - eta * dom, X, Y, sizes) - L0, "dL_B": loss(w - eta * (gb - dom), X, Y, sizes) - L0,
            "q_G_D'": jnp.sum((V.T @ q1) ** 2), "q_G_B'": q1B @ q1B, "q_dL_SGD": quad(gb, Hgb),
            "q_dL_D": quad(dom, Hdom), "q_dL_B": quad(gb - dom, Hgb - Hdom)}


@partial(jax.jit, static_argnums=10)
def _draws(idx, w, g, Hg, L0, V, HV, X, Y, eta, sizes):
    """:func:`_one_draw` for every row of ``idx`` (vectorised)."""
    return jax.vmap(_one_draw, in_axes=(0,) + (None,) * 10)(idx, w, g, Hg, L0, V, HV, X, Y, eta, sizes)


def draw_statistics(obj: Objective, w, g, sub: Subspace, eta: float, idx, chunk: int = 16, Hg=None) -> dict:
    """Per-draw arrays (noise moments ``n_S, m_S``; measured ``G_S'`` and loss changes), one entry per row of ``idx``.

    Rows are processed ``chunk`` at a time; the last chunk is padded by repeating its
    first row, and the padding is dropped.
    """
    idx = np.asarray(idx)
    m = idx.shape[0]
    L0 = jnp.asarray(obj.loss(w))
    Hg = obj.hvp(w, g) if Hg is None else Hg
    args = (jnp.asarray(w), jnp.asarray(g), jnp.asarray(Hg), L0, jnp.asarray(sub.V), jnp.asarray(sub.HV), obj.X, obj.Y,
            float(eta))
    parts = []
    for s in range(0, m, chunk):
        rows = idx[s:s + chunk]
        pad = chunk - rows.shape[0]
        if pad:
            rows = np.concatenate([rows, np.repeat(rows[:1], pad, axis=0)])
        out = _draws(jnp.asarray(rows), *args, obj.sizes)
        parts.append({k: np.asarray(v)[:chunk - pad] for k, v in out.items()})
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def _mean_se(x) -> tuple[float, float]:
    """Mean and its standard error ``std/sqrt(m)``."""
    x = np.asarray(x, dtype=np.float64)
    return float(x.mean()), float(x.std(ddof=1) / np.sqrt(len(x))) if len(x) > 1 else 0.0


def _ratio(a, b) -> tuple[float, np.ndarray]:
    """``mean(a)/(mean(a)+mean(b))`` and each draw's influence on it (the delta method)."""
    A, B = float(np.mean(a)), float(np.mean(b))
    r = A / (A + B)
    return r, ((1 - r) * np.asarray(a) - r * np.asarray(b)) / (A + B)


def _ratio_change(a, b, chi: float) -> tuple[float, float]:
    """``mean(a)/(mean(a)+mean(b)) - chi`` and its delta-method standard error."""
    r, infl = _ratio(a, b)
    return r - chi, _mean_se(infl)[1]


def predictions(G: dict, draws: dict, eta: float) -> dict:
    """The registry's predictions at the gradient moments ``G`` and the per-draw noise moments.

    ``N_S``, ``M_S`` are the averages of ``n_S``, ``m_S`` over the draws.  Each predicted
    change is also evaluated with every draw's own noise moment, which gives its standard
    error (the registry's ``EG_S`` and ``dL_S`` are linear in ``N_S`` and ``M_S``).
    """
    noise = {}
    for blk in ("D", "B"):
        m = S.MOMENTS[blk]
        noise[m["N"]], noise[m["M"]] = draws[f"n_{blk}"], draws[f"m_{blk}"]
    mean_noise = {s: float(np.mean(v)) for s, v in noise.items()}
    at_mean = {S.eta: eta, **G, **mean_noise}
    per_draw = {S.eta: eta, **G, **noise}
    Q = float(registry("Q", at_mean))
    chi = G[S.G_D] / (G[S.G_D] + G[S.G_B])
    out = {"moments": {s.name: v for s, v in G.items()},
           "noise": {s.name: {"mean": v, "se": _mean_se(noise[s])[1]} for s, v in mean_noise.items()},
           "P": float(registry("P", at_mean)), "Q": Q, "regime": "low (T1)" if Q > 0 else "high (T2)",
           "eta_star": float(registry("eta_star", at_mean)) if Q > 0 else None,
           "eta_D": float(registry("eta_D", at_mean)), "eta_B": float(registry("eta_B", at_mean)),
           "eta_SGD": float(registry("eta_SGD", at_mean)), "chi": chi}
    out["Q_se"] = _mean_se(np.broadcast_to(registry("Q", per_draw), draws["n_D"].shape))[1]  # Q is linear in N_D, N_B
    EG_D, EG_B = (np.broadcast_to(registry(n, per_draw), draws["n_D"].shape) for n in ("EG_D", "EG_B"))
    out["dchi"] = _ratio_change(EG_D, EG_B, chi)
    for name in ("dL_D", "dL_B", "dL_SGD"):
        out[name] = _mean_se(np.broadcast_to(registry(name, per_draw), draws["n_D"].shape))
    return out


def measured(draws: dict, chi: float) -> dict:
    """The network's one-step changes averaged over the draws, each with its standard error."""
    out = {"dchi": _ratio_change(draws["G_D'"], draws["G_B'"], chi)}
    for name in ("dL_D", "dL_B", "dL_SGD"):
        out[name] = _mean_se(draws[name])
    return out


def nonquadratic(draws: dict) -> dict:
    """Measured minus the local quadratic model's one-step change, draw by draw (paired), with its standard error.

    Both sides see the same minibatches, so the noise cancels: what is left is the part of
    the change beyond second order in the step (for the alignment, of the gradient beyond first).
    """
    r_m, i_m = _ratio(draws["G_D'"], draws["G_B'"])
    r_q, i_q = _ratio(draws["q_G_D'"], draws["q_G_B'"])
    out = {"dchi": (r_m - r_q, _mean_se(i_m - i_q)[1])}
    for name in ("dL_D", "dL_B", "dL_SGD"):
        out[name] = _mean_se(draws[name] - draws[f"q_{name}"])
    return out


def one_step(obj: Objective, w, sub: Subspace, eta: float, idx, chunk: int = 16) -> dict:
    """Predicted and measured one-step changes at ``w`` over the minibatches ``idx`` (m, B), and the non-quadratic part."""
    g = obj.grad(w)
    Hg = obj.hvp(w, g)
    G = gradient_moments(g, Hg, sub)
    draws = draw_statistics(obj, w, g, sub, eta, idx, chunk, Hg)
    pred = predictions(G, draws, eta)
    return {"predicted": pred, "measured": measured(draws, pred["chi"]), "nonquadratic": nonquadratic(draws),
            "draws": int(np.asarray(idx).shape[0])}


def band(value: float, se: float) -> int:
    """0 when ``|value| < 2 se`` (neither hit nor miss), 1 below ``5 se``, 2 beyond."""
    z = abs(value) / se if se > 0 else (np.inf if value != 0 else 0.0)
    return int(np.searchsorted(BANDS, z, side="right"))


def agreement(records: list[dict]) -> dict:
    """How often the predicted sign of each one-step change agrees with the measured one, split by SE band."""
    labels = ("within 2 SE", "2-5 SE", "beyond 5 SE")
    out = {}
    for name in CHANGES:
        rows = [{"band": labels[band(*r["measured"][name])], "hit": bool(np.sign(r["predicted"][name][0])
                                                                       == np.sign(r["measured"][name][0]))}
                for r in records]
        bands = {lab: {"cases": sum(r["band"] == lab for r in rows), "hits": sum(r["hit"] for r in rows if r["band"] == lab)}
                 for lab in labels}
        for lab in labels:
            bands[lab]["misses"] = bands[lab]["cases"] - bands[lab]["hits"]
        decided = [r for r in rows if r["band"] != labels[0]]
        out[name] = {"cases": len(rows), "agree_all": sum(r["hit"] for r in rows),
                     "decided": len(decided), "agree_decided": sum(r["hit"] for r in decided),
                     "rate_decided": (sum(r["hit"] for r in decided) / len(decided)) if decided else None,
                     "bands": bands}
    return out


def nonquadratic_summary(records: list[dict]) -> dict:
    """Per one-step change: in how many refreshes the network departs from its local quadratic model beyond 2 SE,
    and the median and the largest size of that departure relative to the measured change."""
    out = {}
    for name in (*CHANGES, "dL_SGD"):
        rem = np.array([r["nonquadratic"][name] for r in records]).reshape(-1, 2)
        meas = np.array([abs(r["measured"][name][0]) for r in records])
        rel = np.abs(rem[:, 0]) / meas
        out[name] = {"cases": len(records), "beyond_2se": int(np.sum(np.abs(rem[:, 0]) > 2 * rem[:, 1])),
                     "median_relative_size": float(np.median(rel)) if records else None,
                     "max_relative_size": float(np.max(rel)) if records else None}
    return out


__all__ = ["BANDS", "CHANGES", "NAMES", "agreement", "band", "draw_statistics", "gradient_moments", "measured",
           "nonquadratic", "nonquadratic_summary", "one_step", "predictions", "registry"]
