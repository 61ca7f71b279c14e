"""Which regime the network's states are in, and where the step size sits against the thresholds.

At every state where ``salign nn`` makes its predictions (:mod:`.nn_predict`) the sign of

    ``Q = G_B (G_D^(2) + N_D) - G_D (G_B^(2) + N_B)``

decides the regime: ``Q > 0`` is T1's low-alignment regime (the alignment falls below
``eta* = P/Q`` and rises above it), ``Q <= 0`` is T2's high-alignment regime (an SGD step lowers
the alignment for every ``eta > 0``: self-correction).  ``Q`` carries the scale of the gradient,
which changes by orders of magnitude along training, so the scale-free margin

    ``rho = G_B (G_D^(2) + N_D) / (G_D (G_B^(2) + N_B))``    (``Q <= 0`` iff ``rho <= 1``)

says how far a state is from T2: the dominant block's second moment per unit of gradient,
``(G_D^(2) + N_D)/G_D``, against the bulk's.  Beside it the step in use against the
thresholds: ``eta/eta_D`` (> 1: Dom-SGD raises the loss, L4), ``eta/eta_B`` (< 1: Bulk-SGD lowers
it) and ``eta/eta*`` (> 1: the alignment rises, T1).

:func:`distribution` reads the prediction records of one run (each a dict with ``chi``, ``P``,
``Q``, ``eta``, ``eta_star``, ``eta_D``, ``eta_B``, ``moments``, ``noise`` and, when the run
recorded it, ``trajectory`` and ``Q_se``, the standard error of ``Q`` over the noise draws) and returns
the count, quantiles and extremes of each quantity; ``Q_below_minus_2se`` counts the states where
``Q <= 0`` is more than sampling noise.
"""

from __future__ import annotations

import numpy as np

#: the quantiles every distribution reports (besides min and max)
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


def rho(record: dict) -> float:
    """``G_B (G_D^(2) + N_D) / (G_D (G_B^(2) + N_B))`` at one prediction record (``Q <= 0`` iff ``rho <= 1``)."""
    G, N = record["moments"], record["noise"]
    return float(G["G_B"] * (G["G_D2"] + N["N_D"]["mean"]) / (G["G_D"] * (G["G_B2"] + N["N_B"]["mean"])))


def quantiles(values) -> dict | None:
    """``count``, ``min``, the :data:`QUANTILES` (``q10`` ... ``q90``; ``q50`` is the median) and ``max``; None if empty."""
    x = np.asarray([v for v in values if v is not None], dtype=float)
    x = x[np.isfinite(x)]
    if not x.size:
        return None
    out = {"count": int(x.size), "min": float(x.min())}
    out.update({f"q{round(100 * q)}": float(np.quantile(x, q)) for q in QUANTILES})
    out["max"] = float(x.max())
    return out


def state(record: dict) -> dict:
    """One state's regime numbers: ``chi``, ``P``, ``Q``, ``rho`` and the step against each threshold."""
    eta = record["eta"]
    ratio = lambda t: None if t is None or not np.isfinite(t) or t == 0 else eta / t  # noqa: E731
    return {"trajectory": record.get("trajectory"), "step": record["step"], "chi": record["chi"], "P": record["P"],
            "Q": record["Q"], "Q_se": record.get("Q_se"), "rho": rho(record), "eta_star": record["eta_star"],
            "eta_over_eta_star": ratio(record["eta_star"]), "eta_over_eta_D": ratio(record["eta_D"]),
            "eta_over_eta_B": ratio(record["eta_B"])}


def _summary(rows: list[dict]) -> dict:
    """The distribution of every quantity over ``rows`` (outputs of :func:`state`)."""
    nonpos = [r for r in rows if r["Q"] <= 0]
    ed = [r["eta_over_eta_D"] for r in rows if r["eta_over_eta_D"] is not None]
    eb = [r["eta_over_eta_B"] for r in rows if r["eta_over_eta_B"] is not None]
    se = [r for r in rows if r["Q_se"] is not None]
    return {"states": len(rows), "Q_nonpositive": len(nonpos),
            "Q_with_se": len(se), "Q_below_minus_2se": sum(r["Q"] < -2 * r["Q_se"] for r in se),
            "Q_above_2se": sum(r["Q"] > 2 * r["Q_se"] for r in se),
            "Q_nonpositive_states": [{"trajectory": r["trajectory"], "step": r["step"]} for r in nonpos],
            **{name: quantiles(r[name] for r in rows) for name in
               ("Q", "rho", "chi", "P", "eta_star", "eta_over_eta_star", "eta_over_eta_D", "eta_over_eta_B")},
            "eta_inside_eta_D_eta_B": sum(1 < a and b < 1 for a, b in zip(ed, eb)),
            "closest_to_T2": min(rows, key=lambda r: r["rho"]) if rows else None}


def distribution(records: list[dict]) -> dict:
    """The regimes of the prediction ``records`` of a run: over all of them and per trajectory.

    ``Q_nonpositive`` counts T2's states; ``rho`` (:func:`rho`) is the scale-free margin;
    ``eta_inside_eta_D_eta_B`` counts the states where ``eta_D < eta < eta_B`` (the suspicious
    interval, T3); ``closest_to_T2`` is the state of least ``rho``.
    """
    rows = [state(r) for r in records]
    out = {"note": "Q <= 0 (T2, self-correction) iff rho = G_B (G_D2 + N_D) / (G_D (G_B2 + N_B)) <= 1", **_summary(rows)}
    labels = sorted({r["trajectory"] for r in rows if r["trajectory"] is not None})
    out["by_trajectory"] = {lab: _summary([r for r in rows if r["trajectory"] == lab]) for lab in labels}
    return out


__all__ = ["QUANTILES", "distribution", "quantiles", "rho", "state"]
