"""salign nn --from: the threshold estimator on synthetic quadratics (exact answer known), the predicted
thresholds' bootstrap, and the sweep at a saved state end to end (a tiny network, seconds).

Every check keeps a wrong variant beside it that it must reject.
"""

import json

import numpy as np
import pytest

from salign.theory import symbols as S
from salign.theory.errors import UserError
from salign.verify.experiments import nn_checkpoint as C
from salign.verify.experiments import nn_sweep as W
from salign.verify.frontend.cli import main

from .conftest import tiny_checkpoint


def _quadratic_draws(rng, m, etas, a=2.0, b=50.0, noise=0.3):
    """Per-draw changes ``-a_j eta + b_j eta^2`` with ``E a_j = a``, ``E b_j = b``: the mean crosses zero at ``a/b``."""
    aj = a * (1 + noise * rng.standard_normal(m))
    bj = b * (1 + noise * rng.standard_normal(m))
    return -aj[:, None] * etas[None, :] + bj[:, None] * etas[None, :] ** 2


def test_the_estimator_finds_the_exact_zero_of_a_quadratic_off_the_grid():
    etas = np.geomspace(0.005, 0.4, 17)
    a, b = 2.0, 50.0  # zero at 0.04, not a grid point
    assert not np.any(np.isclose(etas, a / b))
    y = np.tile(-a * etas + b * etas**2, (5, 1))  # no noise: every draw the same
    r = W.threshold(etas, y, boots=50)
    assert r["estimate"] == pytest.approx(a / b, rel=1e-12)
    assert r["interval"] == pytest.approx([a / b, a / b], rel=1e-12) and W.covers(r, a / b)
    assert r["sign_before"] == -1.0 and r["position"] == "on the grid"
    shifted = W.threshold(etas, np.tile(-a * etas + 1.2 * b * etas**2, (5, 1)), boots=50)  # a wrong curve
    assert shifted["estimate"] == pytest.approx(a / (1.2 * b), rel=1e-12) and not W.covers(shifted, a / b)


def test_the_bootstrap_interval_covers_the_true_zero_and_not_a_shifted_one():
    etas = np.geomspace(0.005, 0.4, 24)
    rng = np.random.default_rng(0)
    true, reps = 0.04, 120
    hits = shifted = 0
    for i in range(reps):
        r = W.threshold(etas, _quadratic_draws(rng, 64, etas), boots=400, seed=i)
        hits += W.covers(r, true)
        shifted += W.covers(r, 1.25 * true)
    assert hits / reps >= 0.88, hits  # nominal 95 %
    assert shifted / reps <= 0.10, shifted


def test_no_crossing_on_the_grid_is_said_and_bad_input_is_a_user_error():
    etas = np.geomspace(0.001, 0.01, 8)  # the zero (0.04) lies above the grid
    r = W.threshold(etas, _quadratic_draws(np.random.default_rng(1), 32, etas, noise=0.01), boots=100)
    assert r["estimate"] is None and r["position"] == "above the grid" and r["interval"][1] == np.inf
    etas = np.geomspace(0.1, 1.0, 8)  # the zero lies below the grid: the change is already positive
    r = W.threshold(etas, _quadratic_draws(np.random.default_rng(1), 32, etas, noise=0.01), boots=100, before=-1)
    assert r["estimate"] is None and r["position"] == "below the grid"
    for bad in ((np.array([0.1, 0.05]), np.zeros((4, 2))), (np.array([0.1, 0.2]), np.zeros((4, 3))),
                (np.array([-0.1, 0.2]), np.zeros((4, 2)))):
        with pytest.raises(UserError):
            W.threshold(*bad)


def test_predicted_thresholds_are_the_registrys_with_a_bootstrap_over_the_moment_draws():
    G = {S.G_D: 2.0, S.G_D1: 40.0, S.G_D2: 900.0, S.G_B: 0.5, S.G_B1: 0.5, S.G_B2: 1.0}
    rng = np.random.default_rng(3)
    draws = {"n_D": 100 + 10 * rng.standard_normal(200), "m_D": 10 + rng.standard_normal(200),
             "n_B": 5 + rng.standard_normal(200), "m_B": 1 + 0.1 * rng.standard_normal(200)}
    p = W.predicted_thresholds(G, draws, boots=500)
    M_D = draws["m_D"].mean()
    assert p["eta_D"]["estimate"] == pytest.approx(2 * 2.0 / (40.0 + M_D), rel=1e-12)  # eta_D = 2 G_D/(G_D1 + M_D)
    assert p["eta_D"]["estimate"] != pytest.approx(2 * 2.0 / 40.0, rel=1e-3)  # without the noise term: wrong
    lo, hi = p["eta_D"]["interval"]
    assert lo < p["eta_D"]["estimate"] < hi and hi / lo < 1.1
    same = {k: np.full(200, v.mean()) for k, v in draws.items()}  # no spread: a degenerate interval
    q = W.predicted_thresholds(G, same, boots=50)
    assert q["eta_D"]["interval"] == pytest.approx([q["eta_D"]["estimate"]] * 2, rel=1e-12)
    curves = W.predicted_curves(G, draws, np.array([p["eta_D"]["estimate"], p["eta_B"]["estimate"]]))
    assert curves["dL_D"][0] == pytest.approx(0, abs=1e-12) and curves["dL_B"][1] == pytest.approx(0, abs=1e-12)


# --- end to end from a checkpoint -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    """A checkpoint of a tiny network (784-3-10 on 100 images) at its initial weights, written as a run would."""
    return tiny_checkpoint(tmp_path_factory.mktemp("ck"))


def test_the_sweep_from_a_checkpoint_writes_thresholds_json_and_figures(checkpoint, tmp_path, capsys):
    out = tmp_path / "sweep"
    assert main(["nn", "--from", str(checkpoint), "--out", str(out), "--sweep-draws", "6", "--sweep-points", "8",
                 "--sweep-moment-draws", "6", "--sweep-boots", "50"]) == 0
    s = json.loads((out / "thresholds.json").read_text())  # strict JSON: no Infinity
    assert s["draws"] == {**s["draws"], "moments": 6, "measured": 6} and len(s["etas"]) == 8
    assert max(s["etas"]) >= 1.5 * s["state"]["two_over_lambda_1"]  # the grid reaches beyond 2/lambda_1
    assert set(s["quantities"]) == {"dL_D", "dL_B", "dL_SGD", "dchi"}
    for q, r in s["quantities"].items():
        assert len(r["measured"]["mean"]) == len(r["measured"]["se"]) == 8, q
        assert all(se >= 0 for se in r["measured"]["se"]), q
        assert {"estimate", "interval", "position"} <= set(r["measured_threshold"]), q
        assert (out / f"sweep_{q}.png").exists()
    with np.load(out / "thresholds.npz") as a:
        assert a["measured_dL_D"].shape == (6, 8)
        # the measured change is a real step of the network: check one entry directly
        ck, config, obj = C.load(checkpoint)
        assert np.isfinite(a["measured_dL_SGD"]).all()
    assert "wrote" in capsys.readouterr().out


def test_training_options_with_from_are_refused(checkpoint, tmp_path, capsys):
    rc = main(["nn", "--from", str(checkpoint), "--eta", "0.1", "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "--eta" in err[0], err
