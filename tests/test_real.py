"""Real data: registry predictions against the exact minibatch expectation, and the HTML report."""

from html.parser import HTMLParser

import numpy as np
import pytest

from salign.verify.experiments import real as R
from salign.verify.frontend.cli import main


@pytest.mark.parametrize("name, k", [("diabetes", 1), ("digits", 2)])
def test_predictions_match_the_exact_batch_one_expectation_to_ten_digits(name, k):
    prob = R.load(name, k)
    rng = np.random.default_rng(1)
    for _ in range(3):
        w = prob.w_star + prob.V @ (rng.standard_normal(len(prob.lam)) * rng.uniform(0.1, 5))
        rows = R.compare(prob, w, np.geomspace(0.01, 1.9, 9) / prob.lam[0])
        assert min(r["digits"] for r in rows) >= 10, [r["relative_difference"] for r in rows]


def test_a_wrong_noise_diagonal_is_caught_by_the_exact_expectation():
    prob = R.load("diabetes", 1)
    w = prob.w_star + prob.V @ np.ones(len(prob.lam))
    real_noise = prob.noise_diag
    prob.noise_diag = lambda w_, batch=1: real_noise(w_, batch) * 1.02  # noise off by 2%
    rows = R.compare(prob, w, [0.05, 0.2])
    assert max(r["digits"] for r in rows) < 6


def test_null_directions_are_dropped_and_said():
    prob = R.load("digits", 2)
    assert prob.null_dims > 0 and prob.V.shape[1] == prob.X.shape[1] - prob.null_dims


def test_one_step_monte_carlo_agrees_with_the_prediction_within_its_error():
    prob = R.load("diabetes", 1)
    w = prob.w_star + prob.V @ np.r_[3.0, np.full(len(prob.lam) - 1, 0.5)]
    p = R.predictions(prob, w, 0.3, 8)
    mc = R.one_step_monte_carlo(prob, w, 0.3, 8, draws=20000, seed=5)
    for variant, key in (("sgd", "dL_SGD"), ("dom", "dL_D"), ("bulk", "dL_B")):
        assert abs(mc[variant]["mean"] - p[key]) < 4 * mc[variant]["stderr"], (variant, mc[variant], p[key])


@pytest.mark.parametrize("argv, message", [(["real", "--dataset", "mnist"], "unknown dataset"),
                                           (["real", "-k", "10"], "impossible"),
                                           (["real", "--batch", "0"], "--batch")])
def test_real_rejects_an_unknown_dataset_or_impossible_k(argv, message, capsys, tmp_path):
    try:
        rc = main(argv + ["--out", str(tmp_path)])
    except SystemExit as e:
        rc = e.code
    assert rc == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


class _Checker(HTMLParser):
    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.refs, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("src", "href") and v:
                self.refs.append(v)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()


def test_report_is_well_formed_html_with_every_figure_embedded(tmp_path):
    assert main(["report", "--quick", "--out", str(tmp_path)]) == 0  # quick, yet every proposition checked
    page = (tmp_path / "report.html").read_text()
    c = _Checker()
    c.feed(page)
    assert not c.errors and not c.stack, (c.errors, c.stack)
    assert page.startswith("<!DOCTYPE html>")
    assert all(r.startswith("data:image/png;base64,") or r.startswith("#") for r in c.refs), c.refs
    assert sum(r.startswith("data:image/png") for r in c.refs) == 12  # five simulation, three real-data, four network
    for cid in ("L1", "T1", "T5", "X1", "C1"):
        assert f"<td>{cid}</td>" in page


# --- mnist5k: one-hot targets, ten outputs, H = I_10 (x) X^T X / n ------------------------------------------------

@pytest.fixture(scope="module")
def mnist5k():
    return R.load("mnist5k", 10)


def test_mnist5k_predictions_match_the_exact_batch_one_expectation_to_ten_digits(mnist5k):
    prob = mnist5k
    w = prob.point(np.random.default_rng(2).standard_normal(len(prob.lam)) * 0.5)
    eta = 1.5 / prob.lam[0]
    (row,) = R.compare(prob, w, [eta])
    assert row["digits"] >= 10, row["relative_difference"]
    real_noise = prob.noise_diag
    prob.noise_diag = lambda w_, batch=1: real_noise(w_, batch) * 1.02  # noise off by 2%: caught
    try:
        wrong = R.predictions(prob, w, eta, 1)
    finally:
        del prob.noise_diag
    exact = row["exact"]["dL (SGD)"]
    assert abs(wrong["dL_SGD"] - exact) > 1e-6 * abs(exact)


def test_mnist5k_has_ten_outputs_per_eigenvalue_and_its_null_directions_dropped(mnist5k):
    prob = mnist5k
    r = prob.V.shape[1]
    assert prob.outputs == 10 and prob.y.shape == (prob.n, 10) and np.allclose(prob.y.mean(0), 0)
    assert len(prob.lam) == 10 * r and np.array_equal(prob.lam, np.repeat(prob.lam[::10], 10))
    assert prob.null_dims == 10 * (prob.X.shape[1] - r) > 0
    w = prob.point(np.arange(len(prob.lam), dtype=float))
    assert np.allclose(prob.coords(w), np.arange(len(prob.lam)))
    with pytest.raises(R.RealDataError, match="multiple of 10"):
        R.load("mnist5k", 1)
