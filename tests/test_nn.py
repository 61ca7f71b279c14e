"""salign nn: Hessian-vector products, Lanczos, block moments, the switch rule, projections, output, errors.

Tiny sizes throughout (seconds).  Every check keeps a wrong variant beside it that it
must reject, so that it can fail.
"""

import json
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from salign.theory.errors import UserError
from salign.verify.experiments import nn
from salign.verify.experiments import nn_device as D
from salign.verify.experiments import nn_hessian as Hs
from salign.verify.experiments import nn_predict as Pr
from salign.verify.experiments import nn_train as Tr
from salign.verify.experiments.nn_data import NNError, load
from salign.verify.experiments.nn_model import Objective, init
from salign.verify.frontend import html_report
from salign.verify.frontend.cli import main

from .conftest import cli_error

#: one tiny configuration for every test that runs the whole protocol (compiled once)
TINY = dict(samples=100, width=4, batch=10, steps=40, after=20, refresh=20, draws=4, eta=0.05, switch=0.9)


def _dense_subspace(H, k):
    """Top-``k`` eigenvectors of a dense symmetric matrix, decreasing."""
    lam, U = np.linalg.eigh(H)
    return lam[::-1][:k], U[:, ::-1][:, :k]


@pytest.fixture(scope="module")
def small():
    """An MLP 12-6-3 (99 parameters) on 60 MNIST images: its 12 most variable pixels, 3 of the one-hot targets."""
    X, Y = load("mnist5k", 60)
    cols = np.argsort(X.var(0))[::-1][:12]
    obj = Objective(X[:, cols], Y[:, :3], (12, 6, 3))
    w = init(obj.sizes, 1)
    H = obj.dense_hessian(w)
    sub = Hs.top_k(lambda v: obj.hvp(w, v), obj.d, 4, v0=np.ones(obj.d), tol=1e-13,
                   hvp_many=lambda V: obj.hvp_many(w, V))
    return obj, w, H, sub


@pytest.fixture(scope="module")
def quadratic():
    """Least squares on 300 MNIST images (a linear model with the MSE loss: exactly quadratic), k = 3."""
    X, Y = load("mnist5k", 300)
    obj = Objective(X, Y[:, :1], (784, 1))
    w = init(obj.sizes, 3)
    sub = Hs.top_k(lambda v: obj.hvp(w, v), obj.d, 3, v0=np.ones(obj.d), tol=1e-13,
                   hvp_many=lambda V: obj.hvp_many(w, V))
    return obj, w, sub


# --- Hessian-vector products and Lanczos ------------------------------------------------------------------

def test_hessian_vector_products_agree_with_jax_hessian(small):
    obj, w, H, _ = small
    rng = np.random.default_rng(0)
    V = rng.standard_normal((obj.d, 3))
    assert np.allclose(H, H.T, atol=1e-13)
    for i in range(3):
        assert np.linalg.norm(obj.hvp(w, V[:, i]) - H @ V[:, i]) <= 1e-12 * np.linalg.norm(H @ V[:, i])
    assert np.allclose(obj.hvp_many(w, V), H @ V, rtol=0, atol=1e-12 * np.abs(H @ V).max())
    assert np.linalg.norm(obj.hvp(w, V[:, 0]) - H @ V[:, 1]) > 1e-3  # a different vector is told apart


def test_lanczos_top_k_agrees_with_the_dense_eigendecomposition(small):
    obj, w, H, sub = small
    lam, U = _dense_subspace(H, 4)
    assert np.allclose(sub.lam, lam, rtol=1e-10, atol=0), (sub.lam, lam)
    assert np.linalg.norm(sub.V @ sub.V.T - U @ U.T) < 1e-8
    assert np.max(sub.residuals) < 1e-9 * lam[0]
    assert Hs.overlap(sub, Hs.Subspace(lam, U, H @ U, 0)) > 1 - 1e-12
    lam5, U5 = _dense_subspace(H, 5)
    wrong = U5[:, [0, 1, 2, 4]]  # the 4th eigenvector swapped for the 5th
    assert np.linalg.norm(sub.V @ sub.V.T - wrong @ wrong.T) > 1.0


# --- block moments ------------------------------------------------------------------------------------------

def _dense_moments(H, U, g, xis):
    """G_S, G_S^(1), G_S^(2) and per-draw n_S, m_S with exact projectors from a dense eigendecomposition."""
    PD = U @ U.T
    PB = np.eye(len(g)) - PD
    out = {}
    for blk, P in (("D", PD), ("B", PB)):
        u = P @ g
        out.update({f"G_{blk}": u @ u, f"G_{blk}1": u @ H @ u, f"G_{blk}2": np.sum((H @ u) ** 2),
                    f"n_{blk}": np.array([np.sum((H @ P @ x) ** 2) for x in xis]),
                    f"m_{blk}": np.array([(P @ x) @ H @ (P @ x) for x in xis])})
    return out


def test_block_moments_agree_with_a_dense_computation(small):
    obj, w, H, sub = small
    g = obj.grad(w)
    idx = Tr.batches(np.random.default_rng(2), obj.n, 5, 12)
    xis = obj.batch_grads(w, idx) - g[None, :]
    G = {s.name: v for s, v in Pr.gradient_moments(g, obj.hvp(w, g), sub).items()}
    draws = Pr.draw_statistics(obj, w, g, sub, 0.1, idx, chunk=5)  # 12 draws in chunks of 5: padding used
    _, U = _dense_subspace(H, 4)
    dense = _dense_moments(H, U, g, xis)
    for name in ("G_D", "G_D1", "G_D2", "G_B", "G_B1", "G_B2"):
        assert G[name] == pytest.approx(dense[name], rel=1e-8, abs=1e-14), name
    for name in ("n_D", "n_B", "m_D", "m_B"):
        assert np.allclose(draws[name], dense[name], rtol=1e-8, atol=1e-14 * np.abs(dense[name]).max()), name
    # the measured side: one real SGD, Dom-SGD and Bulk-SGD step per draw, checked directly
    PD = U @ U.T
    gb = obj.batch_grads(w, idx)
    L0 = obj.loss(w)
    g1 = np.array([obj.grad(w - 0.1 * b) for b in gb])
    assert np.allclose(draws["G_D'"], np.sum((g1 @ PD) ** 2, 1), rtol=1e-8)
    assert np.allclose(draws["dL_D"], [obj.loss(w - 0.1 * PD @ b) - L0 for b in gb], rtol=1e-8, atol=1e-15)
    assert np.allclose(draws["dL_B"], [obj.loss(w - 0.1 * (b - PD @ b)) - L0 for b in gb], rtol=1e-8, atol=1e-15)
    # the MLP is not quadratic: the measured change departs from the local quadratic model's
    rem = Pr.nonquadratic(draws)
    assert abs(rem["dL_SGD"][0]) > 1e-9 * abs(np.mean(draws["dL_SGD"]))
    q_dom = [-0.1 * g @ (PD @ b) + 0.005 * (PD @ b) @ H @ (PD @ b) for b in gb]
    assert np.allclose(draws["q_dL_D"], q_dom, rtol=1e-8, atol=1e-15)
    # a wrong bulk projector (no projection at all) is told apart
    wrong_nB = np.array([np.sum((H @ x) ** 2) for x in xis])
    assert not np.allclose(draws["n_B"], wrong_nB, rtol=1e-3)


def test_predictions_equal_the_exact_expectation_on_a_quadratic_model(quadratic):
    """Least squares, batch size 1, the average over every sample: the registry is exact to 10 digits."""
    obj, w, sub = quadratic
    idx = np.arange(obj.n)[:, None]  # every minibatch of size 1
    for c in (0.2, 1.0, 1.9):
        eta = c / sub.lam[0]
        r = Pr.one_step(obj, w, sub, eta, idx)
        for name in ("dchi", "dL_D", "dL_B", "dL_SGD"):
            p, m = r["predicted"][name][0], r["measured"][name][0]
            assert abs(p - m) <= 1e-10 * max(abs(p), abs(m)), (eta, name, p, m)
        for name, (value, _se) in r["nonquadratic"].items():  # nothing beyond second order on a quadratic
            assert abs(value) <= 1e-10 * abs(r["measured"][name][0]) + 1e-15, (eta, name, value)
    # the noise term doubled no longer matches
    g = obj.grad(w)
    eta = 1.0 / sub.lam[0]
    draws = Pr.draw_statistics(obj, w, g, sub, eta, idx)
    G = Pr.gradient_moments(g, obj.hvp(w, g), sub)
    doubled = {**draws, **{k: 2 * draws[k] for k in ("n_D", "n_B", "m_D", "m_B")}}
    wrong, meas = Pr.predictions(G, doubled, eta), Pr.measured(draws, Pr.predictions(G, draws, eta)["chi"])
    for name in ("dchi", "dL_D", "dL_B"):
        p, m = wrong[name][0], meas[name][0]
        assert abs(p - m) > 1e-4 * max(abs(p), abs(m)), name


# --- the switch rule and the projections ----------------------------------------------------------------------

def test_the_switch_rule_is_an_ema_with_factor_0_9_started_at_the_first_value():
    crosses = [0.9] * 5 + [1.0] * 20  # 1 - e falls by 0.9 per step from 0.1: below 0.05 after 7 steps of 1.0
    assert Tr.first_crossing(crosses, 0.95) == 11
    assert Tr.first_crossing(crosses, 0.95, factor=0.8) == 8  # another factor switches elsewhere
    assert Tr.ema([0.5, 1.0])[1] == pytest.approx(0.55)
    never = list(np.linspace(0.5, 0.94, 60)) + [0.94] * 100
    assert Tr.first_crossing(never, 0.95) is None
    assert Tr.first_crossing(never, 0.9) is not None


def test_the_jitted_switch_matches_the_rule_and_stops_at_the_switch_state(small):
    obj, w, _, sub = small
    idx = Tr.batches(np.random.default_rng(4), obj.n, 5, 30)
    _, _, free, t = Tr.block(obj, w, sub.V, idx, 0.05, "sgd")
    assert t is None and len(free["loss"]) == 30
    values = np.sqrt(free["chi_full"])
    assert np.allclose(free["ema"], Tr.ema(values), rtol=1e-12)
    threshold = float(np.sort(free["ema"])[-5])  # the EMA passes this somewhere inside the block
    expected = Tr.first_crossing(values, threshold - 1e-12)
    w_sw, _, recs, t = Tr.block(obj, w, sub.V, idx, 0.05, "sgd", threshold - 1e-12)
    assert t == expected and len(recs["loss"]) == t + 1
    w_t, *_ = Tr.block(obj, w, sub.V, idx[:t], 0.05, "sgd")
    assert np.allclose(w_sw, w_t, rtol=0, atol=1e-14)  # the returned state is the state at the switch


def test_dominant_and_bulk_projections_are_idempotent_and_complementary():
    rng = np.random.default_rng(5)
    V = np.linalg.qr(rng.standard_normal((40, 6)))[0]
    sub = Hs.Subspace(np.arange(6.0, 0, -1), V, V, 0)
    u = rng.standard_normal((40, 3))
    assert np.allclose(sub.P_D(sub.P_D(u)), sub.P_D(u)) and np.allclose(sub.P_B(sub.P_B(u)), sub.P_B(u))
    assert np.allclose(sub.P_D(sub.P_B(u)), 0, atol=1e-14)
    assert np.allclose(sub.P_D(u) + sub.P_B(u), u)
    dropped = Hs.Subspace(sub.lam[:5], V[:, :5], V[:, :5], 0)  # one eigenvector dropped from D only
    assert not np.allclose(dropped.P_D(u) + sub.P_B(u), u)


def test_dom_sgd_moves_only_in_the_dominant_subspace_and_bulk_sgd_only_outside_it(small):
    obj, w, _, sub = small
    idx = Tr.batches(np.random.default_rng(6), obj.n, 5, 10)
    steps = {v: Tr.block(obj, w, sub.V, idx, 0.05, v)[0] - w for v in ("dom", "bulk", "sgd")}
    assert np.linalg.norm(sub.P_B(steps["dom"])) < 1e-12 * np.linalg.norm(steps["dom"])
    assert np.linalg.norm(sub.P_D(steps["bulk"])) < 1e-12 * np.linalg.norm(steps["bulk"])
    assert min(np.linalg.norm(sub.P_B(steps["sgd"])), np.linalg.norm(sub.P_D(steps["sgd"]))) > 1e-6


# --- the whole run: JSON, reproducibility, a threshold never reached --------------------------------------------

def test_the_cli_writes_figures_npz_and_a_summary_with_every_field(tmp_path, capsys, monkeypatch):
    args = [f"--{k}={v}" for k, v in TINY.items()]
    cache = tmp_path / "jax-cache"
    monkeypatch.setenv(D.CACHE_ENV, str(cache))
    try:
        assert main(["nn", *args, "--device", "cpu", "--out", str(tmp_path)]) == 0
    finally:
        D.disable_cache()
    assert cache.is_dir() and any(cache.iterdir())  # the compiled programs were kept for the next run
    s = json.loads((tmp_path / "summary.json").read_text())
    for key in ("run_id", "config", "parameters", "dataset", "precision", "device", "switch", "phase1",
                "continuations", "refreshes", "predictions", "agreement", "nonquadratic", "figures", "files", "seconds"):
        assert key in s, key
    assert s["device"]["platform"] == "cpu" and s["device"]["requested"] == "cpu"
    assert set(s["continuations"]) == {"sgd", "dom", "bulk", "gd"}
    assert s["switch"]["convention"] == "sqrt" and s["switch"]["gradient"] == "full"
    assert s["switch"]["reached"] and 0 < s["switch"]["step"] < TINY["steps"]  # TINY switches mid-way
    with np.load(tmp_path / "run.npz") as a:
        assert str(a["run_id"]) == s["run_id"] == s["files"]["run_id"]
        assert len(a["pred_step"]) == len(s["predictions"]) > 0
        assert len(a["sgd_loss"]) == TINY["after"] + 1
    for p in s["predictions"]:
        for key in ("step", "chi", "P", "Q", "regime", "eta_star", "eta_D", "eta_B", "moments", "noise"):
            assert key in p, key
        assert set(p["predicted"]) >= set(Pr.CHANGES) and set(p["measured"]) >= set(Pr.CHANGES)
        assert set(p["nonquadratic"]) >= set(Pr.CHANGES)
    for r in s["refreshes"]:
        assert len(r["residuals"]) == len(r["eigenvalues"]) == s["config"]["k"]
    for name, a in s["agreement"].items():
        assert a["cases"] == len(s["predictions"]) == sum(b["cases"] for b in a["bands"].values()), name
        assert a["decided"] == a["cases"] - a["bands"]["within 2 SE"]["cases"]
    for fig in s["figures"].values():
        assert len(fig["files"]) == 2 and all(Path(f).exists() for f in fig["files"])
    assert "wrote" in capsys.readouterr().out
    # the report's nn section: well-formed, the four figures embedded
    page = html_report.nn_section(s)
    parser = _Tags()
    parser.feed(page)
    assert not parser.stack and not parser.errors, (parser.stack, parser.errors)
    assert sum(src.startswith("data:image/png;base64,") for src in parser.srcs) == 4


class _Tags(HTMLParser):
    """Open/close tag balance and image sources."""

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.srcs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.srcs += [v for k, v in attrs if k == "src"]
        if tag not in ("img", "br", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors.append(tag)


def test_same_seed_same_numbers_and_a_threshold_never_reached_is_said(tmp_path, monkeypatch):
    cfg = nn.NNConfig.preset("tiny", **TINY)
    (s1, a1), (s2, a2) = nn.run(cfg), nn.run(cfg)
    # an interrupted write leaves no summary.json beside the older run.npz
    nn.write(tmp_path, s1, a1, figures=False)
    from salign.verify.experiments import nn_figures

    monkeypatch.setattr(nn_figures, "all_figures", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        nn.write(tmp_path, s2, a2)
    assert not (tmp_path / "summary.json").exists() and (tmp_path / "run.npz").exists()
    volatile = ("run_id", "seconds", "refreshes")
    assert {k: v for k, v in s1.items() if k not in volatile} == {k: v for k, v in s2.items() if k not in volatile}
    strip = lambda refs: [{k: v for k, v in r.items() if k != "seconds"} for r in refs]
    assert strip(s1["refreshes"]) == strip(s2["refreshes"])
    for k in a1:
        if k != "run_id":
            np.testing.assert_array_equal(a1[k], a2[k], err_msg=k)  # NaN equals NaN here
    other, _ = nn.run(nn.NNConfig.preset("tiny", **{**TINY, "seed": 1}))
    assert other["continuations"] != s1["continuations"]
    never, arrays = nn.run(nn.NNConfig.preset("tiny", **{**TINY, "switch": 1.0}))  # the EMA can never exceed 1
    assert never["switch"]["reached"] is False and "NOT REACHED" in never["switch"]["note"]
    assert never["switch"]["step"] == TINY["steps"] and len(arrays["gd_loss"]) == TINY["after"] + 1


# --- bad input ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, fix", [(["--k", "100000"], "--k below"), (["--width", "0"], "--width"),
                                       (["--steps", "0"], "--steps"), (["--dataset", "mnist"], "--dataset mnist5k"),
                                       (["--batch", "6000"], "--batch"), (["--eta", "0"], "--eta"),
                                       (["--depth", "0"], "--depth"), (["--refresh", "0"], "--refresh")])
def test_bad_input_is_one_line_that_names_the_fix(argv, fix, tmp_path, capsys):
    rc, err = cli_error(["nn", *argv, "--out", str(tmp_path / "x")], capsys)
    assert rc == 2 and len(err) == 1 and err[0].startswith("salign: error: ") and fix in err[0], err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("kwargs", [dict(k=39760), dict(width=0), dict(steps=0), dict(dataset="cifar"),
                                    dict(batch=0), dict(eta=-0.1), dict(refresh=0), dict(depth=0)])
def test_bad_input_raises_a_user_error_from_the_python_api(kwargs):
    with pytest.raises(NNError) as e:
        nn.NNConfig(**kwargs)
    assert isinstance(e.value, UserError) and "\n" not in str(e.value)
    assert nn.NNConfig(k=39759).k == 39759  # the largest possible k is accepted


# --- checkpoints (issue 19, item 1) ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def saved_run(tmp_path_factory):
    """The TINY run written with its checkpoints (the switch and the refreshes of phase 1 and of SGD)."""
    out = tmp_path_factory.mktemp("saved")
    summary, arrays = nn.run(nn.NNConfig.preset("tiny", **TINY))
    return out, nn.write(out, summary, arrays, figures=False), arrays


def test_a_checkpoint_loads_to_identical_arrays_and_gives_the_identical_next_steps(saved_run):
    from salign.verify.experiments import nn_checkpoint as C

    out, summary, arrays = saved_run
    saved = {c.name: c for c in arrays.checkpoints}
    sw = summary["switch"]["step"]
    assert [r["file"] for r in summary["checkpoints"]] == [f"checkpoints/{n}" for n in saved]
    assert f"switch-{sw:06d}.npz" in saved and "phase1-000000.npz" in saved and "phase1-000020.npz" in saved
    ck, config, obj = C.load(out / "checkpoints" / "phase1-000000.npz")
    orig = saved["phase1-000000.npz"]
    for x, y in ((ck.w, orig.w), (ck.sub.V, orig.sub.V), (ck.sub.lam, orig.sub.lam)):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_allclose(ck.sub.HV, orig.sub.HV, rtol=1e-12, atol=1e-14)  # recomputed by k HVPs
    assert (ck.ema, ck.ema_started, ck.rng, ck.run_id) == (orig.ema, orig.ema_started, orig.rng, summary["run_id"])
    assert config == nn.NNConfig.preset("tiny", **TINY)
    # the next 20 steps from the checkpoint land exactly on the next checkpoint
    idx = C.next_batches(config, ck, 20)
    w20, _, _, t_sw = Tr.block(obj, ck.w, ck.sub.V, idx, config.eta, "sgd", config.switch, (ck.ema, ck.ema_started))
    assert t_sw is None
    np.testing.assert_array_equal(w20, saved["phase1-000020.npz"].w)
    w_wrong, *_ = Tr.block(obj, ck.w, ck.sub.V, idx[::-1], config.eta, "sgd")  # other minibatch order: elsewhere
    assert np.max(np.abs(w_wrong - w20)) > 1e-8
    # from the switch, the SGD continuation's first refresh state
    cs, _, _ = C.load(out / "checkpoints" / f"switch-{sw:06d}.npz")
    assert cs.switch and cs.step == sw
    nxt = [c for c in arrays.checkpoints if c.trajectory == "sgd"][0]
    w_sgd, *_ = Tr.block(obj, cs.w, cs.sub.V, C.next_batches(config, cs, nxt.offset), config.eta, "sgd")
    np.testing.assert_array_equal(w_sgd, nxt.w)
    # the random streams restored continue as the run's did
    streams = nn._Streams(0)
    C.restore_rng(streams, cs.rng)
    assert C.rng_state(streams) == cs.rng and streams.draws.random() != nn._Streams(0).draws.random()


def _forge(path, **arrays):
    """An .npz with these arrays."""
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def test_a_malformed_or_foreign_checkpoint_is_one_line_not_a_traceback(saved_run, tmp_path, capsys):
    import json as _json

    from salign.verify.experiments import nn_checkpoint as C

    out, summary, _ = saved_run
    good = out / summary["checkpoints"][0]["file"]
    man, a = C.read(good)
    text = tmp_path / "notes.npz"
    text.write_text("hello")
    cases = {
        tmp_path / "missing.npz": "no checkpoint",
        text: "not a readable .npz",
        _forge(tmp_path / "nomanifest.npz", w=a["w"]): "no manifest",
        _forge(tmp_path / "foreign.npz", manifest=np.array(_json.dumps({"format": "other"})), **a): "format",
        _forge(tmp_path / "v2.npz", manifest=np.array(_json.dumps({**man, "version": 2})), **a): "version 2",
        _forge(tmp_path / "shape.npz", manifest=np.array(_json.dumps(man)), w=a["w"][:-1], V=a["V"], lam=a["lam"]):
            "do not fit",
        _forge(tmp_path / "cfg.npz", manifest=np.array(_json.dumps({**man, "config": {**man["config"], "width": 0}})),
               **a): "configuration is invalid",
        _forge(tmp_path / "nan.npz", manifest=np.array(_json.dumps(man)), w=a["w"] * np.nan, V=a["V"], lam=a["lam"]):
            "not finite",
        _forge(tmp_path / "pickle.npz", manifest=np.array([{"a": 1}], dtype=object), **a): "not a readable",
    }
    for path, why in cases.items():
        rc = main(["nn", "--from", str(path), "--out", str(tmp_path / "x")])
        err = capsys.readouterr().err.strip().splitlines()
        assert rc == 2 and len(err) == 1 and err[0].startswith("salign: error: ") and why in err[0], (path, err)
        with pytest.raises(UserError):
            C.load(path)
    assert C.load(good)[0].w.shape == (nn.NNConfig.preset("tiny", **TINY).parameters,)  # the good one loads


# --- salign real: the default k follows the dataset (issue 19, item 8) ---------------------------------------------

def test_real_mnist5k_default_k_has_a_spectral_gap():
    from salign.verify.experiments import real

    prob = real.load("mnist5k")  # the default k: 10, the first level of X^T X / n for each of the ten outputs
    assert prob.k == real.default_k("mnist5k") == 10 and prob.lam[9] > prob.lam[10] * 1.3
    with pytest.raises(real.RealDataError, match="no spectral gap after k = 1"):  # the old default
        real.load("mnist5k", 1)
    assert real.load("diabetes").k == 1 and real.load("digits").k == 1
    with pytest.raises(real.RealDataError):
        real.default_k("cifar")


# --- where it computes: --device, the persistent compilation cache (issue 19, item 7) -----------------------------

def test_the_default_device_is_an_accelerator_when_jax_has_one_else_the_cpu(monkeypatch):
    import jax

    platforms = {d.platform for d in jax.devices()}
    expected = next((p for p in ("gpu", "tpu") if p in platforms), "cpu")
    assert D.select("auto").platform == expected and D.select("cpu").platform == "cpu"
    fake = {"gpu": ["GPU-0"], "cpu": ["CPU-0"]}  # a machine with a GPU: auto takes it
    monkeypatch.setattr(D, "_platform_devices", lambda p: fake.get(p, []))
    assert D.select("auto") == "GPU-0" and D.select("cpu") == "CPU-0"
    with pytest.raises(NNError, match="--device auto, cpu, gpu, tpu"):
        D.select("cuda")


@pytest.mark.parametrize("device", ["gpu", "tpu"])
def test_asking_for_an_absent_accelerator_is_one_line_and_exit_2(device, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(D, "_platform_devices", lambda p: [] if p == device else ["CPU-0"])
    rc = main(["nn", "--preset", "tiny", "--device", device, "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and err[0].startswith("salign: error: ") and f"no {device.upper()}" in err[0], err
    assert "--device auto or cpu" in err[0] and not (tmp_path / "x").exists()


def test_a_run_records_its_device_and_the_python_api_takes_one(saved_run):
    import jax

    _, summary, _ = saved_run
    assert summary["device"]["platform"] == D.current().platform == jax.devices()[0].platform
    with pytest.raises(NNError, match="no GPU|no TPU"):
        nn.run(nn.NNConfig.preset("tiny", **TINY), device="gpu" if "gpu" not in {d.platform for d in jax.devices()}
               else "tpu")


def test_the_cache_folder_follows_the_environment(tmp_path):
    home = str(Path.home() / ".cache" / "salign" / "jax")
    assert str(D.cache_folder({})) == home
    assert D.cache_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "salign" / "jax"
    assert D.cache_folder({D.CACHE_ENV: str(tmp_path / "c"), "XDG_CACHE_HOME": "/elsewhere"}) == tmp_path / "c"
    for off in ("off", "", "0", "OFF"):
        assert D.cache_folder({D.CACHE_ENV: off}) is None
    assert D.cache_folder() is None and D.enable_cache() is None  # SALIGN_JAX_CACHE=off (the autouse fixture)
