"""The HTML report speaks words: every number it prints is labelled (``html_report.LABELS``, one table), no raw
key of the results (``turns_of_ratio_of_means``, ``relative_gap_to_A_inf``) reaches the page, the quick mode
says what it did not run, and each figure's caption puts the theory's prediction next to the measurement.

The page is built from real result dicts (small runs of the simulation figures, the real-data run, a status
table of two claims with one proved), so a key added to any of them without a label fails here."""

from __future__ import annotations

import html
import io
import re

import numpy as np
import pytest
from rich.console import Console

from salign.verify.frontend import html_report as H

#: a raw key: letters/digits joined by an underscore (symbols are written with <sub>, identifiers as <code>)
RAW_KEY = re.compile(r"\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b")


def visible_words(page: str) -> str:
    """The text a reader sees: no style sheet, no tags (nor the images' data), no code identifiers."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r"<code>.*?</code>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def raw_keys(page: str) -> list[str]:
    unlabelled = re.findall(r'<span class="unlabelled">(.*?)</span>', page)
    return sorted(set(RAW_KEY.findall(visible_words(page)))) + [f"unlabelled: {k}" for k in unlabelled]


def _nn_summary() -> dict:
    """The network's summary with the dicts the report reads built by the experiment's own functions."""
    from salign.verify.experiments.nn import PRECISION, NNConfig, describe_switch
    from salign.verify.experiments.nn_predict import CHANGES, agreement, nonquadratic_summary
    from salign.verify.experiments.nn_train import VARIANTS

    rng = np.random.default_rng(0)
    names = (*CHANGES, "dL_SGD")
    records = [{side: {n: [float(rng.standard_normal()), 0.1] for n in names}
                for side in ("predicted", "measured", "nonquadratic")} for _ in range(6)]
    cfg = NNConfig.preset("tiny")
    return {"switch": {"rule": describe_switch(cfg), "step": 90, "reached": True},
            "config": {"batch": cfg.batch, "eta": cfg.eta, "k": cfg.k, "refresh": cfg.refresh, "after": cfg.after,
                       "draws": cfg.draws},
            "dataset": {"samples": cfg.samples}, "sizes": list(cfg.sizes), "parameters": cfg.parameters,
            "precision": PRECISION,
            "continuations": {v: {"loss_start": 0.2, "loss_end": 0.18, "chi_full_last10pct": 0.5,
                                  "sqrt_chi_full_last10pct": 0.7} for v in VARIANTS},
            "agreement": agreement(records), "nonquadratic": nonquadratic_summary(records), "figures": {}}


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    from salign.verify.experiments import figures as F
    from salign.verify.experiments.concentration import gap_table
    from salign.verify.experiments.real import run as real_run
    from salign.verify.frontend.status import collect_status

    out = tmp_path_factory.mktemp("report")
    sim = {"figures": {"fig1": F.fig_two_phases(out, seeds=2, k=10**3, d=10**4, steps=60),
                       "fig2": F.fig_suspicious(out, seeds=2, steps=100),
                       "fig3": F.fig_phase_diagram(out, n=4, seeds=10),
                       "fig4": F.fig_interval(out, seeds=10),
                       "fig5": F.fig_c1(out, gap_table(ks=(1, 10, 100), draws=2000, seed=4))}}
    real = real_run("diabetes", 1, 1, out, seeds=2)
    # quick mode's shape: two claims sampled, one of them proved, and C1
    status = collect_status(None, 6, 0, 30, 1, 8.0, True, Console(file=io.StringIO()), prove_claims="L1",
                            claims="L1,T1,C1")
    return status, sim, real, out


@pytest.fixture(scope="module")
def page(parts):
    status, sim, real, out = parts
    return H.build(status, sim, real, out, _nn_summary(), quick=True)


def test_no_raw_key_reaches_the_page(page):
    assert raw_keys(page) == []


def test_every_key_the_results_carry_has_a_label(parts):
    """The one table: each scalar of each figure's summary, of the trajectory, each quantity compared with the
    exact expectation, each variant and one-step change of the network."""
    from salign.verify.experiments.nn_predict import CHANGES
    from salign.verify.experiments.nn_train import VARIANTS

    status, sim, real, _ = parts
    keys = {k for f in sim["figures"].values() for k, v in f.items() if not isinstance(v, (dict, list))}
    keys |= {k for v in sim["figures"]["fig2"]["losses"].values() for k in v}
    keys |= set(real["trajectory"]) | set(real["exact_comparison_B1"]["rows"][0]["relative_difference"])
    keys |= set(VARIANTS) | set(CHANGES) | {"dL_SGD", "rate_exponent"}
    assert sorted(k for k in keys if k not in H.LABELS) == []


def test_a_key_without_a_label_is_caught():
    """The checks above can fail: an unknown key is marked, and a raw snake_case key is found."""
    assert raw_keys(f"<p>{H._kv({'brand_new_number': 1.5, 'novel': 2})}</p>") == [
        "brand_new_number", "unlabelled: brand_new_number", "unlabelled: novel"]
    assert raw_keys("<p>turns_of_ratio_of_means = 179</p>") == ["turns_of_ratio_of_means"]
    assert raw_keys("<p>P<sub>D</sub> and <code>jax_enable_x64</code></p>") == []


def test_the_trajectory_numbers_are_in_words(page):
    words = visible_words(page)
    assert "turns of the ratio of mean alignments A t" in " ".join(words.split())
    assert "relative gap between the two" in words


def test_quick_mode_says_what_it_did_not_run(page):
    rows = {m.group(1): m.group(0) for m in re.finditer(r"<tr><td>(\w+)</td>.*?</tr>", page, flags=re.S)}
    words = visible_words(page)
    assert "0/0 propositions" not in words and "0 of 0" not in words
    assert "prover not run (quick mode proves L1 only)" in rows["T1"]
    assert re.search(r"\d+ of \d+ formal propositions proved", rows["L1"])
    assert "the prover ran on <b>L1</b> only" in page and "Quick mode" in page


def test_each_figure_puts_the_theory_next_to_the_measurement(page):
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page, flags=re.S)
    sim = [c for c in captions if c.startswith("Figure")]
    assert len(sim) == 5 and all("Theory:" in c and "Measured:" in c for c in sim), sim
    real = [c for c in captions if not c.startswith("Figure")]
    assert len(real) == 3 and all("Theory" in c or "Measured" in c for c in real), real
