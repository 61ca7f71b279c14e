"""Simulation: the two engines agree in distribution, the mean field matches T4, figures are written."""

import json

import numpy as np
import pytest
from scipy.stats import ks_2samp

from salign.theory import expression
from salign.theory import symbols as S
from salign.verify.experiments import simulate as sim
from salign.verify.frontend.cli import main
from salign.verify.verifier.evaluate import numeric

SPEC = sim.Spectrum((10.0, 6.0), (3, 2), (1.0, 0.5), (20, 25))
S0 = [5.0, 2.0, 30.0, 40.0]
#: near the noise floor the noise shapes the law, so a two-sample test has power there
S0_NOISY = [0.002, 0.002, 0.05, 0.05]


@pytest.mark.parametrize("preset", sim.PRESETS)
@pytest.mark.parametrize("variant", sim.VARIANTS)
def test_full_and_reduced_engines_agree_in_distribution(preset, variant):
    sigma2 = 0.05 if preset == "loss-scaled" else 0.5
    seed = 7 * sim.PRESETS.index(preset) + sim.VARIANTS.index(variant)
    for row in sim.agreement(SPEC, S0_NOISY, 0.1, steps_at=(1, 8), seeds=600, preset=preset, variant=variant,
                             sigma2=sigma2, seed=seed):
        assert row["p_chi"] > 1e-3 and row["p_loss"] > 1e-3, row


def test_the_agreement_test_rejects_a_wrong_reduced_engine(monkeypatch):
    """chi-square with m (not m - 1) degrees of freedom: one coordinate's noise counted twice."""
    real_rng = np.random.default_rng

    class WrongChiSquare:
        def __init__(self, seed):
            self.g = real_rng(seed)

        def standard_normal(self, *a, **k):
            return self.g.standard_normal(*a, **k)

        def chisquare(self, df, size=None):
            return self.g.chisquare(np.asarray(df) + 1, size)

    F = sim.full(SPEC, S0_NOISY, 0.1, 1, 600, "isotropic", 0.5, seed=1)
    monkeypatch.setattr(sim.np.random, "default_rng", WrongChiSquare)
    R = sim.reduced(SPEC, S0_NOISY, 0.1, 1, 600, "isotropic", 0.5, seed=2)
    assert ks_2samp(F.loss[:, 1], R.loss[:, 1]).pvalue < 1e-6
    assert ks_2samp(F.chi[:, 1], R.chi[:, 1]).pvalue < 1e-6


def test_mean_field_is_the_registry_T4_trajectory():
    spec = sim.Spectrum.two_level(10.0, 1.0, 3, 40)
    a0, b0, eta, sigma2 = 2.0, 7.0, 0.05, 0.3
    mf = sim.mean_field(spec, [a0, b0], eta, 25, "isotropic", sigma2)
    v = {S.lam_D: 10.0, S.lam_B: 1.0, S.eta: eta, S.n_D: 3 * sigma2, S.n_B: 37 * sigma2, S.a_0: a0, S.b_0: b0}
    for t in (0, 1, 10, 25):
        assert abs(float(numeric(expression("A_t"), {**v, S.t: t})) - mf.chi[0, t]) < 1e-12


def test_reduced_engine_costs_the_same_at_any_dimension():
    small = sim.reduced(sim.Spectrum.two_level(10.0, 1.0, 1, 10), [1, 1], 0.05, 5, 3, "isotropic", 1e-3)
    huge = sim.reduced(sim.Spectrum.two_level(10.0, 1.0, 10**8, 10**9), [1, 1], 0.05, 5, 3, "isotropic", 1e-3)
    assert small.chi.shape == huge.chi.shape and np.isfinite(huge.chi).all()


@pytest.mark.parametrize("kwargs, message", [
    ({"lam_D": (1.0,), "m_D": (1,), "lam_B": (2.0,), "m_B": (1,)}, "no spectral gap"),
    ({"lam_D": (-1.0,), "m_D": (1,), "lam_B": (-2.0,), "m_B": (1,)}, "positive"),
    ({"lam_D": (), "m_D": (), "lam_B": (1.0,), "m_B": (1,)}, "empty"),
])
def test_bad_spectra_get_a_clear_error(kwargs, message):
    with pytest.raises(sim.SimulationError, match=message):
        sim.Spectrum(**kwargs)


def test_bad_run_arguments_get_a_clear_error():
    with pytest.raises(sim.SimulationError, match="eta"):
        sim.reduced(SPEC, S0, -0.1, 5)
    with pytest.raises(sim.SimulationError, match="variant"):
        sim.reduced(SPEC, S0, 0.1, 5, variant="sideways")


def test_simulate_runs_a_multi_level_spectrum_with_every_variant(tmp_path):
    assert main(["simulate", "--out", str(tmp_path), "--no-figures", "--spectrum", "10x3,6x2/1x20,0.5x25",
                 "--engine", "full", "--preset", "loss-scaled", "--sigma2", "0.01", "--steps", "5"]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["spectrum"]["d"] == 50 and set(summary["runs"]) == {"sgd", "dom", "bulk"}


@pytest.mark.parametrize("argv", [["simulate", "--spectrum", "10x3/oops", "--no-figures"],
                                  ["simulate", "-k", "5", "-d", "3", "--no-figures"],
                                  ["simulate", "--kappa", "0.5", "--no-figures"],
                                  ["simulate", "--preset", "pink"]])
def test_simulate_rejects_impossible_settings_in_one_line(argv, capsys, tmp_path):
    try:
        rc = main(argv + ["--out", str(tmp_path)])
    except SystemExit as e:
        rc = e.code
    assert rc == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_simulate_writes_runs_figures_and_the_predicted_phenomena(tmp_path):
    assert main(["simulate", "--out", str(tmp_path), "--quick", "--steps", "20", "--seeds", "4"]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    for name in ("fig1_two_phases", "fig2_suspicious_alignment", "fig3_phase_diagram", "fig4_interval_vs_kappa",
                 "fig5_c1_gap"):
        for ext in ("png", "pdf"):
            data = (tmp_path / f"{name}.{ext}").read_bytes()
            assert data[:4] in (b"\x89PNG", b"%PDF")
    f1 = summary["figures"]["fig1"]
    assert abs(f1["T_measured"] - f1["T_star"]) <= 0.1 * f1["T_star"]  # the turn where T5 predicts it
    f2 = summary["figures"]["fig2"]["losses"]
    assert f2["dom"]["final"] >= 0.99 * f2["dom"]["initial"]  # Dom-SGD does not lower the loss
    assert f2["bulk"]["final"] < 0.5 * f2["bulk"]["initial"]  # Bulk-SGD does, like SGD
    assert abs(f2["bulk"]["final"] - f2["sgd"]["final"]) < 0.05 * f2["sgd"]["final"]
    assert summary["figures"]["fig3"]["sign_agreement"] > 0.95
    assert summary["figures"]["fig5"]["rate_exponent"] < -0.5  # the C1 gap shrinks with dimension
    with np.load(tmp_path / "run.npz") as z:
        assert z["sgd_chi"].shape == (4, 21)
