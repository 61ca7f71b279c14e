"""salign nn --seeds and the regimes: the spread over seeds of every headline number, the distribution of Q.

The aggregation is checked on synthetic per-seed summaries whose every number is known (exact
means, standard deviations, medians, totals), the regime margin ``rho`` against the registry's own
``Q``, and the command on a tiny network (two seeds, then resumed).  Every check keeps a wrong
variant beside it.
"""

import json
import math

import numpy as np
import pytest

from salign.theory import symbols as S
from salign.theory.errors import UserError
from salign.verify.experiments import nn
from salign.verify.experiments import nn_regimes as R
from salign.verify.experiments import nn_seeds as Sd
from salign.verify.experiments.nn_predict import predictions, registry
from salign.verify.frontend.cli import main

from .conftest import cli_error

#: a tiny network that switches within its budget (as in test_nn.py)
TINY = dict(samples=100, width=4, batch=10, steps=40, after=20, refresh=20, draws=4, eta=0.05, switch=0.9)


# --- synthetic summaries ----------------------------------------------------------------------------------------

def _record(step, eta, G, N, measured=0.5, departure=0.01, trajectory="phase1"):
    """A prediction record with gradient moments ``G`` (G_D, G_D1, G_D2, G_B, G_B1, G_B2) and noise ``N`` (N_D, N_B)."""
    vals = {S.eta: eta, **{getattr(S, k): v for k, v in G.items()}, S.N_D: N[0], S.N_B: N[1], S.M_D: 0.0, S.M_B: 0.0}
    Q = float(registry("Q", vals))
    P = float(registry("P", vals))
    pair = {q: [measured, 0.1] for q in ("dchi", "dL_D", "dL_B", "dL_SGD")}
    return {"trajectory": trajectory, "step": step, "eta": eta, "chi": G["G_D"] / (G["G_D"] + G["G_B"]), "P": P, "Q": Q,
            "eta_star": P / Q if Q > 0 else None, "eta_D": float(registry("eta_D", vals)),
            "eta_B": float(registry("eta_B", vals)), "moments": dict(G),
            "noise": {"N_D": {"mean": N[0], "se": 0.0}, "N_B": {"mean": N[1], "se": 0.0},
                      "M_D": {"mean": 0.0, "se": 0.0}, "M_B": {"mean": 0.0, "se": 0.0}},
            "predicted": pair, "measured": pair, "nonquadratic": {q: [departure * measured, 0.0] for q in pair}}


#: moments of a low-alignment state (rho = 1 * (900 + 0) / (9 * (1 + 1)) = 50) and a high one
#: (rho = 0.01 * 9900 / (99 * (0.01 + 1.99)) = 0.5)
LOW = ({"G_D": 9.0, "G_D1": 90.0, "G_D2": 900.0, "G_B": 1.0, "G_B1": 1.0, "G_B2": 1.0}, (0.0, 1.0))
HIGH = ({"G_D": 99.0, "G_D1": 990.0, "G_D2": 9900.0, "G_B": 0.01, "G_B1": 0.01, "G_B2": 0.01}, (0.0, 1.99))


def _summary(seed, switch, loss_dom, departures=(0.01, 0.03), eta=0.01, agree=(3, 4, 5)):
    """A per-seed summary: two prediction states (the second at the switch), the given numbers."""
    preds = [_record(0, eta, *LOW, departure=departures[0]), _record(switch, eta, *HIGH, departure=departures[1])]
    cont = {v: {"loss_end": 0.2, "loss_ratio_end_to_start": 1.0, "chi_full_end": 0.5, "chi_full_last10pct": 0.9}
            for v in ("sgd", "bulk", "gd")}
    cont["dom"] = {"loss_end": loss_dom, "loss_ratio_end_to_start": loss_dom / 0.25, "chi_full_end": 0.9,
                   "chi_full_last10pct": 0.9}
    cont["gd"]["chi_full_end"] = 1e-6
    return {"config": {"seed": seed, "eta": eta}, "switch": {"step": switch}, "phase1": {"loss_at_switch": 0.25},
            "continuations": cont, "predictions": preds, "seconds": 100.0 + seed,
            "agreement": {q: {"agree_decided": a, "decided": a, "cases": 6} for q, a in zip(("dchi", "dL_D", "dL_B"), agree)}}


def test_rho_is_at_most_one_exactly_when_the_registry_says_q_is_not_positive():
    rng = np.random.default_rng(5)
    signs = set()
    for _ in range(400):
        G = dict(zip(("G_D", "G_D1", "G_D2", "G_B", "G_B1", "G_B2"), rng.lognormal(0, 2, 6)))
        r = _record(0, 0.01, G, tuple(rng.lognormal(0, 2, 2)))
        assert (R.rho(r) <= 1) == (r["Q"] <= 0), (R.rho(r), r["Q"])
        signs.add(r["Q"] > 0)
    assert signs == {True, False}  # both regimes drawn
    assert R.rho(_record(0, 0.01, *LOW)) == pytest.approx(50, rel=1e-14)
    assert R.rho(_record(0, 0.01, *HIGH)) == pytest.approx(0.5, rel=1e-12)
    assert R.rho(_record(0, 0.01, *LOW)) != pytest.approx(1 / 50)  # the inverse ratio is told apart


def test_the_regime_distribution_counts_the_states_with_q_not_positive_and_their_quantiles():
    recs = [_record(s, 0.01, *LOW, trajectory="sgd") for s in range(3)] + [_record(9, 0.01, *HIGH, trajectory="bulk")]
    d = R.distribution(recs)
    assert d["states"] == 4 and d["Q_nonpositive"] == 1
    assert d["Q_nonpositive_states"] == [{"trajectory": "bulk", "step": 9}]
    assert d["by_trajectory"]["sgd"]["Q_nonpositive"] == 0 and d["by_trajectory"]["bulk"]["Q_nonpositive"] == 1
    assert d["rho"]["min"] == pytest.approx(0.5) and d["rho"]["max"] == pytest.approx(50)
    assert d["closest_to_T2"]["step"] == 9
    assert d["eta_star"]["count"] == 3  # eta* is undefined where Q <= 0
    q = R.quantiles(range(11))
    assert q == {"count": 11, "min": 0.0, "q10": 1.0, "q25": 2.5, "q50": 5.0, "q75": 7.5, "q90": 9.0, "max": 10.0}
    assert R.quantiles([None, float("nan")]) is None


def test_q_has_the_standard_error_of_its_per_draw_values_and_the_counts_use_it():
    G = {getattr(S, k): v for k, v in LOW[0].items()}
    rng = np.random.default_rng(2)
    draws = {"n_D": rng.lognormal(0, 1, 50), "n_B": rng.lognormal(0, 1, 50), "m_D": np.zeros(50), "m_B": np.zeros(50)}
    p = predictions(G, draws, 0.01)
    per_draw = 1.0 * (900.0 + draws["n_D"]) - 9.0 * (1.0 + draws["n_B"])
    assert p["Q"] == pytest.approx(per_draw.mean(), rel=1e-12)
    assert p["Q_se"] == pytest.approx(per_draw.std(ddof=1) / np.sqrt(50), rel=1e-12)
    assert p["Q_se"] != pytest.approx((draws["n_D"] - draws["n_B"]).std(ddof=1) / np.sqrt(50), rel=1e-3)
    recs = [{**_record(0, 0.01, *HIGH), "Q_se": 0.1}, {**_record(1, 0.01, *HIGH), "Q_se": 1e6},
            {**_record(2, 0.01, *LOW), "Q_se": 1.0}, _record(3, 0.01, *LOW)]
    d = R.distribution(recs)
    assert (d["Q_nonpositive"], d["Q_with_se"], d["Q_below_minus_2se"], d["Q_above_2se"]) == (2, 3, 1, 1)


def test_the_spread_is_mean_sample_std_min_median_max():
    s = Sd.spread([1, 2, 3, 4, 10, None])
    assert (s["n"], s["undefined"], s["mean"], s["min"], s["median"], s["max"]) == (5, 1, 4.0, 1.0, 3.0, 10.0)
    assert s["std"] == pytest.approx(math.sqrt(12.5), rel=1e-15)  # ddof = 1, not sqrt(10) (ddof = 0)
    assert Sd.spread([7.0])["std"] is None


def test_aggregating_known_per_seed_summaries_gives_exact_numbers():
    summaries = [_summary(s, sw, ld, dep) for s, sw, ld, dep in
                 ((0, 869, 0.20, (0.01, 0.03)), (1, 900, 0.21, (0.02, 0.05)), (2, 831, 0.22, (0.005, 0.15)))]
    summaries[2]["predictions"][1]["measured"]["dchi"] = [0.5, 0.3]  # within 2 SE of zero: undecided
    doc = Sd.aggregate(summaries)
    h = doc["headlines"]
    assert doc["seeds"] == [0, 1, 2] and h["switch_step"]["values"] == [869, 900, 831]
    assert h["switch_step"]["mean"] == pytest.approx(2600 / 3) and h["switch_step"]["median"] == 869
    assert h["switch_step"]["std"] == pytest.approx(np.std([869, 900, 831], ddof=1))
    assert (h["loss_end_dom"]["min"], h["loss_end_dom"]["max"]) == (0.20, 0.22)
    assert h["dom_loss_end_over_start"]["mean"] == pytest.approx(0.84)
    # the switch state is the HIGH record: Q < 0 there, so eta* is undefined at every seed
    assert h["eta_star_over_eta_at_switch"]["undefined"] == 3 and h["eta_star_over_eta_at_switch"]["n"] == 0
    assert h["eta_D_over_eta_at_switch"]["mean"] == pytest.approx(2 * 99 / 990 / 0.01)
    assert h["Q_nonpositive"]["values"] == [1, 1, 1] and h["rho_min"]["mean"] == pytest.approx(0.5)
    # departure from the quadratic model: per seed the median (of two) and the max; pooled over all six states
    assert h["nonquadratic_dchi_median"]["values"] == pytest.approx([0.02, 0.035, 0.0775])
    assert h["nonquadratic_dchi_max"]["values"] == pytest.approx([0.03, 0.05, 0.15])
    assert h["nonquadratic_dchi_max_decided"]["values"] == pytest.approx([0.03, 0.05, 0.005])
    assert h["nonquadratic_dL_D_max_decided"]["values"] == pytest.approx([0.03, 0.05, 0.15])
    pooled = doc["nonquadratic_pooled"]["dchi"]["all_states"]
    assert pooled["max"] == pytest.approx(0.15) and pooled["q50"] == pytest.approx(0.025) and pooled["count"] == 6
    decided = doc["nonquadratic_pooled"]["dchi"]["decided_states"]
    assert decided["max"] == pytest.approx(0.05) and decided["count"] == 5
    tot = doc["agreement_total"]
    assert tot["dchi"] == {"agree": 9, "decided": 9, "dropped_within_2se": 9, "states": 6}
    assert h["dropped_dL_B"]["values"] == [1, 1, 1]
    assert doc["regimes_pooled"]["Q_nonpositive"] == 3 and doc["regimes_pooled"]["states"] == 6
    assert doc["seconds_per_seed"]["mean"] == 101.0
    assert set(doc["per_seed"][0]) == {"seed", *Sd.HEADLINES}
    json.dumps(doc, allow_nan=False)  # strict JSON


@pytest.mark.parametrize("mutate, says", [
    (lambda ss: ss[1]["config"].update(eta=0.02), "eta"),
    (lambda ss: ss[1]["config"].update(seed=0), "seed 0 appears twice"),
    (lambda ss: ss[2].pop("continuations"), "'continuations'"),
    (lambda ss: ss[0]["switch"].update(step="869"), "'switch.step'"),
    (lambda ss: ss[0]["agreement"]["dL_D"].update(decided=True), "'decided'"),
    (lambda ss: ss[1].update(predictions=[]), "no prediction records"),
    (lambda ss: ss[1]["predictions"][0].pop("moments"), "'moments'"),
    (lambda ss: ss[2]["config"].update(width=0), "invalid"),
    (lambda ss: ss[2]["config"].update(colour="red"), "unknown fields"),
    (lambda ss: ss.__setitem__(1, [1, 2]), "not a JSON object"),
    (lambda ss: ss.__delitem__(slice(1, 3)), "at least 2 seeds"),
])
def test_malformed_or_inconsistent_summaries_are_a_one_line_error(mutate, says):
    ss = [_summary(s, 800 + s, 0.2) for s in range(3)]
    Sd.aggregate(ss)  # intact, they aggregate
    mutate(ss)
    with pytest.raises(Sd.SeedsError) as e:
        Sd.aggregate(ss)
    assert isinstance(e.value, UserError) and "\n" not in str(e.value) and says in str(e.value), str(e.value)


def test_an_unreadable_summary_file_is_a_one_line_error(tmp_path):
    (tmp_path / "summary.json").write_text("{not json")
    for path, says in ((tmp_path / "summary.json", "not JSON"), (tmp_path / "none.json", "no summary")):
        with pytest.raises(Sd.SeedsError, match=says):
            Sd.read_summary(path)


# --- the network: predictions on every trajectory, the command -------------------------------------------------

def test_predicting_on_every_trajectory_adds_their_states_and_changes_no_sgd_number():
    base, _ = nn.run(nn.NNConfig.preset("tiny", **TINY, checkpoints="none"))
    every, _ = nn.run(nn.NNConfig.preset("tiny", **TINY, checkpoints="none", predict_on="all"))
    for key in ("predictions", "agreement", "nonquadratic", "continuations"):
        assert every[key] == base[key], key
    reg, reg0 = every["regimes"], base["regimes"]
    assert set(reg0["by_trajectory"]) == {"phase1", "sgd"} and reg0["states"] == len(base["predictions"])
    assert set(reg["by_trajectory"]) == {"phase1", "sgd", "dom", "bulk", "gd"}
    assert reg["states"] == reg0["states"] + 3 * reg0["by_trajectory"]["sgd"]["states"]
    assert reg["Q"]["count"] == reg["states"] and reg["Q"]["min"] <= reg["Q"]["q50"] <= reg["Q"]["max"]


def test_the_seeds_command_writes_the_spread_and_resumes(tmp_path, capsys):
    args = ["nn", *(f"--{k}={v}" for k, v in TINY.items()), "--checkpoints", "none", "--no-figures", "--out", str(tmp_path)]
    assert main([*args, "--seeds", "2"]) == 0
    doc = json.loads((tmp_path / "seeds.json").read_text())
    first = [json.loads((tmp_path / f"seed-{s}" / "summary.json").read_text()) for s in (0, 1)]
    assert doc["seeds"] == [0, 1] and doc["reused"] == [] and doc["machine"]["cpus"] >= 1
    assert doc["headlines"]["switch_step"]["values"] == [s["switch"]["step"] for s in first]
    assert doc["headlines"]["loss_end_dom"]["values"] == [s["continuations"]["dom"]["loss_end"] for s in first]
    assert "2 seeds [0, 1]" in capsys.readouterr().out
    assert main([*args, "--seeds", "3"]) == 0  # seeds 0 and 1 are reused, seed 2 runs
    doc = json.loads((tmp_path / "seeds.json").read_text())
    assert doc["reused"] == [0, 1] and doc["seeds"] == [0, 1, 2]
    assert [json.loads((tmp_path / f"seed-{s}" / "summary.json").read_text())["run_id"] for s in (0, 1)] == \
        [s["run_id"] for s in first]
    assert "reusing seeds 0, 1" in capsys.readouterr().out
    assert main([*args, "--eta", "0.04", "--seeds", "2"]) == 0  # another configuration: nothing reused
    assert json.loads((tmp_path / "seeds.json").read_text())["reused"] == []


@pytest.mark.parametrize("extra, says", [(["--seeds", "1"], "at least 2 seeds"), (["--seeds", "2", "--grid", "seed=0,1"],
                                                                                 "drop --grid"),
                                         (["--seeds", "2", "--predict-on", "none"], "invalid choice")])
def test_bad_seeds_options_are_one_line(extra, says, tmp_path, capsys):
    rc, err = cli_error(["nn", "--preset", "tiny", "--out", str(tmp_path / "x"), *extra], capsys)
    assert rc == 2 and len(err) == 1 and says in err[0], err
    assert not (tmp_path / "x" / "seeds.json").exists()


def test_every_seed_runs_on_the_device_asked_for(monkeypatch, tmp_path):
    """Worker processes do not inherit JAX's default device: --device travels with each seed's job."""
    class Asked(Exception):
        pass

    def one_seed(seed, base, device=None):
        raise Asked(device)

    monkeypatch.setattr(Sd, "_one_seed", one_seed)
    with pytest.raises(Asked, match="cpu"):
        Sd.run_seeds(nn.NNConfig(**TINY), 2, tmp_path, device="cpu")
    monkeypatch.undo()
    seen = {}
    monkeypatch.setattr(nn, "run", lambda config, progress=None, device=None: seen.setdefault("device", device))
    Sd._one_seed(3, nn.NNConfig(**TINY), "cpu")
    assert seen == {"device": "cpu"}
