"""salign nn --from FILE --horizons: the horizon estimator on synthetic series (a known sign change), the analysis
end to end on a tiny network (the JSON schema, the series checked against steps taken by hand, the fixed and the
refreshed subspace, the state's thresholds equal to the sweep's), the CLI's one-line errors and the report's section.

Every check keeps a wrong variant beside it that it must reject.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from salign.theory.errors import UserError
from salign.verify.experiments import nn_checkpoint as C
from salign.verify.experiments import nn_horizons as HZ
from salign.verify.experiments import nn_sweep as W
from salign.verify.experiments.nn_train import batches
from salign.verify.frontend import html_report as R
from salign.verify.frontend.cli import main

from .conftest import tiny_checkpoint
from .test_report_labels import raw_keys

# --- the estimator on synthetic series ------------------------------------------------------------------------

STEPS = np.arange(1, 101)


def _series(t0: int, seeds: int = 8, noise: float = 0.1, seed: int = 0) -> np.ndarray:
    """Changes +1 up to step ``t0`` and -1 after it, plus Gaussian noise: the sign changes after ``t0`` steps."""
    rng = np.random.default_rng(seed)
    return np.where(STEPS <= t0, 1.0, -1.0)[None, :] + noise * rng.standard_normal((seeds, STEPS.size))


def test_the_horizon_is_the_last_step_before_the_mean_departs():
    h = HZ.horizon(_series(40), STEPS, +1)
    assert h == {"steps": 40, "censored": False, "departs_at": 41, "confirmed_at": 1, "z": 2.0}
    assert HZ.horizon(_series(60), STEPS, +1)["steps"] == 60  # it follows the series: another change, another horizon
    wrong = HZ.horizon(_series(40), STEPS, -1)  # the opposite prediction is contradicted at once
    assert wrong["steps"] == 0 and wrong["departs_at"] == 1 and wrong["confirmed_at"] is None


def test_one_seed_alone_does_not_make_a_departure_but_the_mean_does():
    y = _series(40)
    y[0, 9:20] = -5.0  # one seed dips below zero for ten steps; the mean stays positive
    assert HZ.horizon(y, STEPS, +1)["steps"] == 40
    assert np.any(y[0] < 0) and int(STEPS[np.argmax(y[0] < 0)]) == 10  # a per-seed rule would have stopped at 9
    y[:, 9:20] = -5.0  # every seed: now the mean departs
    assert HZ.horizon(y, STEPS, +1)["steps"] == 9


def test_a_sparse_grid_a_censored_series_and_a_diverged_seed():
    at = np.array([1, 2, 3, 10, 20, 30])
    y = np.tile(np.where(at < 15, 1.0, -1.0), (4, 1)) + 0.01 * np.arange(4)[:, None]
    assert HZ.horizon(y, at, +1) == {"steps": 10, "censored": False, "departs_at": 20, "confirmed_at": 1, "z": 2.0}
    up = _series(1000)
    assert HZ.horizon(up, STEPS, +1)["censored"] and HZ.horizon(up, STEPS, +1)["steps"] == 100
    up[3, 30:] = np.nan  # seed 3 diverged after 30 steps: the series ends there, censored
    assert HZ.horizon(up, STEPS, +1) == {"steps": 30, "censored": True, "departs_at": None, "confirmed_at": 1, "z": 2.0}


def test_the_bootstrap_interval_over_seeds():
    lo, hi = HZ.horizon_interval(_series(40), STEPS, +1, boots=200)
    assert lo <= 40 <= hi and hi - lo <= 2
    assert HZ.horizon_interval(np.tile(np.where(STEPS <= 40, 1.0, -1.0), (3, 1)), STEPS, +1, boots=50) == [40, 40]
    lo, hi = HZ.horizon_interval(_series(60), STEPS, +1, boots=200)
    assert not lo <= 40 <= hi


def test_bad_input_to_the_estimator_is_a_user_error():
    for args in ((np.zeros((1, 100)), STEPS, 1), (np.zeros((3, 99)), STEPS, 1), (np.zeros((3, 100)), STEPS, 0),
                 (np.zeros((3, 100)), STEPS[::-1], 1)):
        with pytest.raises(UserError):
            HZ.horizon(*args)
    for bad in ((), (0.5, -1), (0.5, 0.5), ("a",), (float("nan"),)):
        with pytest.raises(UserError, match="multiples"):
            HZ.check_multiples(bad)
    assert HZ.check_multiples((2, 0.5)) == (0.5, 2.0)


def test_record_steps():
    default = HZ.record_steps(300, 100)
    assert default.tolist() == list(range(1, 21)) + list(range(30, 301, 10))
    assert HZ.record_steps(12, 5, dense=3, every=4).tolist() == [1, 2, 3, 4, 5, 8, 10, 12]


# --- end to end on a tiny network -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    """A checkpoint of a tiny network (784-3-10 on 100 images, k = 2) at its initial weights, written as a run would."""
    return tiny_checkpoint(tmp_path_factory.mktemp("ck"), refresh=4)


ARGS = ["--horizons", "--horizons-steps", "8", "--horizons-seeds", "2", "--horizons-multiples", "0.5,2",
        "--horizons-track-seeds", "1", "--horizons-track-draws", "3", "--horizons-dense", "3", "--horizons-every", "2",
        "--sweep-moment-draws", "6", "--sweep-boots", "50", "--no-figures"]


@pytest.fixture(scope="module")
def result(checkpoint, tmp_path_factory):
    """``salign nn --from CK --horizons`` (8 steps, 2 seeds, the run's refresh every 4 steps): the output folder."""
    out = tmp_path_factory.mktemp("horizons")
    assert main(["nn", "--from", str(checkpoint), "--out", str(out), *ARGS]) == 0
    return out


def _strict(text: str):
    """JSON that refuses NaN and Infinity."""
    return json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))


def test_horizons_json_follows_its_schema(result):
    s = _strict((result / "horizons.json").read_text())
    assert (s["format"], s["version"]) == (HZ.FORMAT, 1)
    assert s["record_steps"] == [1, 2, 3, 4, 6, 8]
    assert s["options"] == {**s["options"], "multiples": [0.5, 2.0], "steps": 8, "seeds": 2, "refresh": 4,
                            "track_seeds": 1, "track_draws": 3, "z": 2.0}
    assert {"Q", "P", "regime", "eta_D", "eta_B", "eta_SGD", "eta_star"} <= set(s["predicted"])
    assert set(s["quantities"]) == {"dL_D", "dL_B", "dL_SGD", "dchi"}
    for q, r in s["quantities"].items():
        assert len(r["runs"]) == 2 * len(r["modes"]), q
        for run in r["runs"]:
            assert run["eta"] == pytest.approx(run["multiple"] * r["threshold"], rel=1e-12)
            assert all(len(run["change"][k]) == 6 for k in ("mean", "std", "se", "min", "max"))
            assert all(lo <= m <= hi for lo, m, hi in zip(run["change"]["min"], run["change"]["mean"],
                                                          run["change"]["max"]))
            h = run["horizon"]
            assert 0 <= h["steps"] <= 8 and h["interval"][0] <= h["interval"][1]
            assert h["censored"] == (h["departs_at"] is None)
            assert [p["step"] for p in run["thresholds_along"]] == [4, 8]
            assert all(p["seeds"] == [0] and len(p["eta_D"]) == 1 for p in run["thresholds_along"])
    assert s["quantities"]["dL_SGD"]["modes"] == ["fixed"]
    assert len(s["table"]) == 14 and {r["quantity"] for r in s["table"]} == set(s["quantities"])
    with np.load(result / "horizons.npz") as a:
        assert a["dL_D_fixed_0"].shape == (2, 6) and a["record_steps"].tolist() == s["record_steps"]
    assert "figures" not in s and not list(result.glob("*.png"))  # --no-figures


@pytest.fixture(scope="module")
def figures(result, tmp_path_factory):
    """One quantity's figure and the thresholds along its runs, written by :func:`nn_horizons.write` (matplotlib is
    slow on a loaded machine: one quantity is enough, the others go through the same function)."""
    s = json.loads((result / "horizons.json").read_text())
    out = tmp_path_factory.mktemp("figures")
    one = {**s, "quantities": {"dL_D": s["quantities"]["dL_D"]}, "table": [r for r in s["table"] if r["quantity"] == "dL_D"]}
    return out, HZ.write(out, one, {"record_steps": np.array(s["record_steps"])}, figures=True)


def test_the_figures(figures):
    out, summary = figures
    assert set(summary["figures"]) == {"horizons_dL_D", "horizons_thresholds"}
    for f in summary["figures"].values():
        assert all(Path(x).is_file() and Path(x).stat().st_size > 1000 for x in f["files"]), f
    assert json.loads((out / "horizons.json").read_text())["figures"].keys() == summary["figures"].keys()


def test_the_predicted_sign_is_below_and_above_each_threshold(result):
    s = json.loads((result / "horizons.json").read_text())
    for q in ("dL_D", "dL_B", "dL_SGD"):
        signs = {run["multiple"]: run["predicted_sign"] for run in s["quantities"][q]["runs"]}
        assert signs == {0.5: -1.0, 2.0: 1.0}, q  # a loss falls below its threshold and rises above it


def test_the_series_are_the_networks_own_steps(checkpoint, result):
    """The first recorded change of seed 0, recomputed by hand: the minibatch stream, the projection, the loss."""
    s = json.loads((result / "horizons.json").read_text())
    ck, config, obj = C.load(checkpoint)
    stream = np.random.SeedSequence([config.seed, 0, 19, 3]).spawn(2)[0]
    i = batches(np.random.default_rng(stream), obj.n, config.batch, 8)[:1]
    gb = obj.batch_grads(ck.w, i)[0]
    dom = ck.sub.V @ (ck.sub.V.T @ gb)
    L0 = obj.loss(ck.w)
    with np.load(result / "horizons.npz") as a:
        for q, u in (("dL_D", dom), ("dL_B", gb - dom)):
            eta = s["quantities"][q]["runs"][0]["eta"]
            assert a[f"{q}_fixed_0"][0, 0] == pytest.approx(obj.loss(ck.w - eta * u) - L0, rel=1e-9, abs=1e-15), q
        eta = s["quantities"]["dL_D"]["runs"][0]["eta"]
        assert a["dL_D_fixed_0"][0, 0] != pytest.approx(obj.loss(ck.w - eta * gb) - L0, rel=1e-6)  # not an SGD step
        # fixed and refreshed: the same steps up to the first refresh (t <= 4), apart after it
        for q in ("dL_D", "dL_B", "dchi"):
            f, r = a[f"{q}_fixed_1"], a[f"{q}_refreshed_1"]
            assert np.array_equal(f[:, :4], r[:, :4]), q
            assert not np.allclose(f[:, 4:], r[:, 4:], rtol=1e-9, atol=0), q


def test_the_states_thresholds_are_the_sweeps(checkpoint, result):
    s = json.loads((result / "horizons.json").read_text())
    sweep, _ = W.sweep(checkpoint, draws=2, moment_draws=6, points=3, boots=50)
    for q, r in sweep["quantities"].items():
        assert s["predicted"][r["threshold_name"]] == r["predicted_threshold"], q
    other, _ = W.sweep(checkpoint, draws=2, moment_draws=7, points=3, boots=50)  # other moment draws: other numbers
    assert other["quantities"]["dL_D"]["predicted_threshold"]["estimate"] != s["predicted"]["eta_D"]["estimate"]


# --- the command line ----------------------------------------------------------------------------------------

def test_the_options_defaults_are_the_modules():
    """The CLI states its defaults without importing JAX; they must be nn_horizons' own."""
    from salign.verify.experiments.nn_horizons_cli import HORIZON_OPTIONS, parse_multiples

    d = {name: default for name, default, *_ in HORIZON_OPTIONS}
    assert parse_multiples(d["multiples"]) == HZ.MULTIPLES
    assert (d["steps"], d["seeds"], d["track-seeds"], d["track-draws"], d["z"], d["dense"], d["every"]) == (
        HZ.STEPS, HZ.SEEDS, HZ.TRACK_SEEDS, HZ.TRACK_DRAWS, HZ.Z, HZ.DENSE, HZ.EVERY)


@pytest.mark.parametrize("argv, says", [
    (["--horizons"], "--from"),
    (["--from", "CK", "--horizons", "--horizons-multiples", "0.5,-1"], "multiples"),
    (["--from", "CK", "--horizons", "--horizons-multiples", "a,b"], "multiples"),
    (["--from", "CK", "--horizons", "--horizons-multiples", "0.5,0.5"], "multiples"),
    (["--from", "CK", "--horizons", "--horizons-seeds", "1"], "--horizons-seeds"),
    (["--from", "CK", "--horizons", "--horizons-steps", "0"], "--horizons-steps"),
    (["--from", "CK", "--horizons-steps", "5"], "--horizons"),
    (["--from", "CK", "--horizons", "--eta", "0.1"], "--eta"),
])
def test_bad_requests_are_one_line_errors(checkpoint, tmp_path, capsys, argv, says):
    argv = [str(checkpoint) if a == "CK" else a for a in argv]
    rc = main(["nn", *argv, "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and says in err[0], err
    assert not (tmp_path / "x" / "horizons.json").exists()


# --- the report ----------------------------------------------------------------------------------------------

def test_the_report_shows_horizons_json_and_only_when_present(result, figures, tmp_path):
    section = R.nn_saved_state_section(result)
    s = json.loads((result / "horizons.json").read_text())
    assert "Horizons:" in section and section.count("<tr><td>") == len(s["table"])
    assert raw_keys(section) == []
    assert section.count("<img") == 0  # run with --no-figures: none to show
    assert R.nn_saved_state_section(figures[0]).count("<img") == 2  # the figures that exist are shown
    assert R.nn_saved_state_section(tmp_path) == ""  # nothing there: no section
    (tmp_path / "horizons.json").write_text(json.dumps({**s, "format": "something-else"}))
    assert R.nn_saved_state_section(tmp_path) == ""  # another format is not guessed at


def test_the_report_page_carries_the_section(result, tmp_path):
    """``build`` looks for them in OUT/nn, where ``salign report`` writes the network's run."""
    import shutil

    from .test_report_labels import _nn_summary

    shutil.copytree(result, tmp_path / "nn")
    real = {"exact_comparison_B1": {"rows": [{"eta": 0.1, "relative_difference": {}}], "min_significant_digits": 12.0,
                                    "etas": 1}, "dataset": "diabetes", "n": 1, "p": 1, "k": 1, "null_directions": 0,
            "state": {"chi": 0.5, "regime": "low"}, "suspicious": {}, "trajectory": {}}
    page = R.build({"claims": {}}, {}, real, tmp_path, _nn_summary())
    assert "thresholds located in &eta;, horizons measured in steps" in page and "Horizons:" in page
    shutil.rmtree(tmp_path / "nn")
    assert "Horizons:" not in R.build({"claims": {}}, {}, real, tmp_path, _nn_summary())
