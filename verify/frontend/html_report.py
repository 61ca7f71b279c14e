"""``salign report``: one self-contained HTML page with the status table, the figures and the real-data run.

Figures are embedded as base64 data URIs, so the page references no other file.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from salign.verify.atomic import write_atomic

CSS = """
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.PROVED { color: #060; font-weight: bold; } .CERTIFIED { color: #066; font-weight: bold; }
.SAMPLED { color: #860; font-weight: bold; } .REFUTED, .VACUOUS, .UNCHECKED, .ERROR { color: #a00; font-weight: bold; }
.MEASURED { color: #336; font-weight: bold; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.9em; color: #444; } code { background: #f6f6f6; }
.unlabelled { color: #a00; }
"""


def _img(path: Path) -> str:
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f'<img alt="{html.escape(Path(path).stem)}" src="data:image/png;base64,{data}">'


def _figure(path: Path, caption: str, escape: bool = True) -> str:
    """A figure with its caption (``escape=False``: the caption is the report's own HTML)."""
    return f"<figure>{_img(path)}<figcaption>{html.escape(caption) if escape else caption}</figcaption></figure>"


#: Every number the report prints, by the key it has in the results, labelled in words with its symbol (HTML).
#: The one table of labels: a key printed without one shows as ``<span class="unlabelled">`` (and fails
#: ``tests/test_report_labels.py``).
LABELS = {
    # the simulation's figures (salign.verify.experiments.figures)
    "T_star": "predicted switch time, the first step t with s<sub>t</sub> &ge; 0 (T5), T<sup>*</sup>",
    "T_measured": "measured turn, the first step where the median alignment of real SGD stops falling",
    "A_inf": "predicted limit of the mean-field alignment (T4), A<sub>&infin;</sub>",
    "A_final_median": "measured median alignment at the last step, &chi;<sub>T</sub>",
    "relative_gap_to_A_inf": "relative gap between the two, |&chi;<sub>T</sub> &minus; A<sub>&infin;</sub>| / "
                             "A<sub>&infin;</sub>",
    "chi_0": "initial alignment, &chi;<sub>0</sub>",
    "eta": "step size, &eta;",
    "chi_c": "critical alignment of the two-level model (L3), &chi;<sub>c</sub>",
    "sign_agreement": "share of grid points where the measured sign agrees with the prediction",
    "points": "grid points compared (those within 5 % of a predicted boundary left out)",
    "kappa_0": "predicted condition number above which the suspicious interval opens (T3), &kappa;<sub>0</sub>",
    "rate_exponent": "measured exponent of the gap's decay in k, r in gap &sim; k<sup>r</sup>",
    "initial": "loss at the start",
    "final": "median loss at the last step",
    # the real-data run (salign.verify.experiments.real): the one-step comparison
    "E[G_D']": "dominant gradient moment after one step, E[G<sub>D</sub>&prime;]",
    "E[G_B']": "bulk gradient moment after one step, E[G<sub>B</sub>&prime;]",
    "dL (SGD)": "expected loss change of SGD, &Delta;L<sub>SGD</sub>",
    "dL_D (Dom-SGD)": "expected loss change of Dom-SGD, &Delta;L<sub>D</sub>",
    "dL_B (Bulk-SGD)": "expected loss change of Bulk-SGD, &Delta;L<sub>B</sub>",
    "chi-bar' - chi": "one-step alignment change, &chi;&#772;&prime; &minus; &chi;",
    # the real-data run: the trajectory from a large initialisation
    "batch": "batch size, B",
    "ratio_start": "ratio of mean alignments at the start, A<sub>0</sub> = E[G<sub>D</sub>]/E[G] at t = 0",
    "t_min": "step where the ratio of mean alignments is lowest, t<sub>min</sub>",
    "ratio_min": "lowest ratio of mean alignments, A<sub>t<sub>min</sub></sub>",
    "ratio_end": "ratio of mean alignments at the last step, A<sub>T</sub>",
    "turns_of_ratio_of_means": "turns of the ratio of mean alignments A<sub>t</sub> (sign changes of its "
                               "step-to-step change, Monte Carlo noise included; T5 predicts at most one for the "
                               "mean field)",
    "falls_then_rises": "A<sub>t</sub> falls, then rises by more than 5 % (T5's two phases)",
    "median_single_run_spread_10_90": "median spread of single runs, 90 % over 10 % quantile of &chi;<sub>t</sub>",
    # the real-data run: one step from a high-alignment state
    "chi": "alignment, &chi;",
    "eta_D": "Dom-SGD's critical step (L4), &eta;<sub>D</sub>",
    "eta_B": "Bulk-SGD's critical step (L4), &eta;<sub>B</sub>",
    "eta_SGD": "SGD's critical step, &eta;<sub>SGD</sub>",
    # variants of SGD and the network's one-step changes (salign.verify.experiments.nn)
    "sgd": "SGD", "dom": "Dom-SGD (dominant subspace only)", "bulk": "Bulk-SGD (bulk subspace only)",
    "gd": "GD (full batch)",
    "dchi": "alignment change, &chi;&#772;&prime; &minus; &chi;",
    "dL_D": "Dom-SGD loss change, &Delta;L<sub>D</sub>",
    "dL_B": "Bulk-SGD loss change, &Delta;L<sub>B</sub>",
    "dL_SGD": "SGD loss change, &Delta;L<sub>SGD</sub>",
    # the network from a saved state: eta-sweeps (thresholds.json) and horizons (horizons.json)
    "eta_star": "critical step of the alignment (T1), &eta;<sup>*</sup>",
    "fixed": "subspace fixed at the state, V<sub>0</sub>",
    "refreshed": "subspace refreshed by Lanczos as in training",
    "horizon": "horizon, the steps for which the predicted sign holds in the mean, H",
}


def label(key: str) -> str:
    """The words and symbol for ``key`` (HTML); a key without a label is marked, never passed off as one."""
    return LABELS.get(key) or f'<span class="unlabelled">{html.escape(key)}</span>'


def _value(v) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if v is None:
        return "none"
    if isinstance(v, float):
        return f"{v:.4g}"
    return html.escape(str(v))


def number(key: str, d: dict) -> str:
    """``label: value`` for ``d[key]``."""
    return f"{label(key)}: <b>{_value(d.get(key))}</b>"


def _kv(d: dict) -> str:
    """Every number of ``d`` (nested dicts and lists left out), each with its label."""
    return "; ".join(number(k, d) for k, v in d.items() if not isinstance(v, (dict, list)))


def prose(text: str) -> str:
    """Free text from a summary (a rule, a title) as HTML: ``P_D`` written as P<sub>D</sub>, identifiers as code."""
    import re

    out = html.escape(str(text))
    out = re.sub(r"\b([A-Za-z])_([A-Za-z0-9]{1,3})\b", r"\1<sub>\2</sub>", out)
    return re.sub(r"\b(\w+_\w+)\b", r"<code>\1</code>", out)


NN_CAPTIONS = {
    "nn1_alignment": "Alignment with the top-k Hessian subspace over training (per step, subspace from the latest "
                     "refresh), the EMA the switch watches, the threshold and the switch; after it, the full-batch "
                     "gradient's alignment under each continuation. Theory (T2, T5): with noise the alignment settles "
                     "high; without noise (GD) nothing holds it up.",
    "nn2_losses": "Full-batch training loss of SGD, Dom-SGD, Bulk-SGD and GD from the same state at the switch. "
                  "Theory (T3): at a step inside (&eta;<sub>D</sub>, &eta;<sub>B</sub>) Dom-SGD does not lower the "
                  "loss while Bulk-SGD lowers it as SGD does.",
    "nn3_step_sizes": "Predicted critical steps at the network's block moments, at every refresh of the SGD run: "
                      "&eta;<sup>*</sup> (T1), &eta;<sub>D</sub> and &eta;<sub>B</sub> (L4), against the step in use "
                      "(measured). Theory (T4): at the stationary state they settle around the step in use.",
    "nn4_one_step": "Predicted (registry, at the network's moments) against measured one-step changes (mean over "
                    "minibatch draws from the same weights, error bars 1 SE): alignment change, Dom-SGD loss change "
                    "&Delta;L<sub>D</sub>, Bulk-SGD loss change &Delta;L<sub>B</sub>.",
}


def nn_section(nn: dict) -> str:
    """The report's section on the network (``salign nn``): switch, losses, sign agreement, the four figures."""
    sw, cfg = nn["switch"], nn["config"]
    switch = (f"the switch rule ({prose(sw['rule'])}) fired at step <b>{sw['step']}</b>" if sw["reached"] else
              f"<b>the threshold was NOT reached</b> within {sw['step']} steps ({prose(sw['rule'])}); the "
              f"continuations start from the last state")
    losses = "".join(f"<tr><td>{label(v)}</td><td>{c['loss_start']:.5g}</td><td>{c['loss_end']:.5g}</td>"
                     f"<td>{c['chi_full_last10pct']:.3g}</td><td>{c['sqrt_chi_full_last10pct']:.3g}</td></tr>"
                     for v, c in nn["continuations"].items())
    agree = "".join(f"<tr><td>{label(name)}</td><td>{a['agree_decided']}/{a['decided']}</td>"
                    + "".join(f"<td>{b['hits']}/{b['cases']}</td>" for b in a["bands"].values()) + "</tr>"
                    for name, a in nn["agreement"].items())
    nonquad = "".join(f"<tr><td>{label(name)}</td><td>{x['beyond_2se']}/{x['cases']}</td>"
                      f"<td>{_value(x['median_relative_size'])}</td><td>{_value(x.get('max_relative_size'))}</td></tr>"
                      for name, x in nn.get("nonquadratic", {}).items())
    bands = "".join(f"<th>measured {html.escape(b)} from zero: agree/cases</th>"
                    for b in next(iter(nn["agreement"].values()))["bands"])
    figs = "".join(_figure(Path(next(p for p in f["files"] if p.endswith(".png"))),
                           NN_CAPTIONS.get(name, html.escape(name)), escape=False)
                   for name, f in nn.get("figures", {}).items())
    arch = nn["architecture"]["label"] if "architecture" in nn else "MLP " + "-".join(map(str, nn["sizes"]))
    return f"""<h2>A real network: Dom-SGD and Bulk-SGD on MNIST-{nn['dataset']['samples']}</h2>
<p>{html.escape(arch)} ({nn['parameters']} parameters, tanh), MSE loss, batch size B = {cfg['batch']},
step size &eta; = {cfg['eta']}, top-{cfg['k']} Hessian subspace by Lanczos on Hessian-vector products, refreshed every
{cfg['refresh']} steps; {prose(nn['precision'])}. SGD ran until {switch}.</p>
<table><tr><th>after the switch</th><th>loss at the switch</th><th>loss after {cfg['after']} steps</th>
<th>alignment of the full gradient &chi; = |P<sub>D</sub>g|<sup>2</sup>/|g|<sup>2</sup>, mean of the last 10 %</th>
<th>its square root |P<sub>D</sub>g|/|g| (Song et al.'s convention)</th></tr>{losses}</table>
<p>Sign of the one-step change predicted by the registry (at the network's block moments, {cfg['draws']} minibatch
draws per refresh) against the measured one, counted where the measurement is at least 2 standard errors (SE) from
zero:</p>
<table><tr><th>one-step change</th><th>predicted sign = measured sign, beyond 2 SE</th>{bands}</tr>{agree}</table>
<p>Where the network leaves its local quadratic model within one step (the measured change minus the quadratic
model's, draw by draw on the same minibatches):</p>
<table><tr><th>one-step change</th><th>refreshes where the departure exceeds 2 SE</th>
<th>median size of the departure relative to the change</th><th>largest size (at any state, noise included)</th>
</tr>{nonquad}</table>
{figs}
"""


def _interval(x: dict) -> str:
    """``estimate [lo, hi]`` of a threshold (an unbounded end is shown as such)."""
    lo, hi = x.get("interval") or (None, None)
    lo = "&minus;&infin;" if lo is None else _value(float(lo))
    hi = "&infin;" if hi is None else _value(float(hi))
    return f"{_value(x.get('estimate'))} [{lo}, {hi}]"


def _saved_figures(folder: Path, names, caption) -> str:
    """The figures ``folder/NAME.png`` that exist, each with ``caption(NAME)``."""
    return "".join(_figure(folder / f"{n}.png", caption(n), escape=False) for n in names if (folder / f"{n}.png").is_file())


def _thresholds_part(folder: Path, d: dict) -> str:
    """``thresholds.json``: each one-step change's predicted threshold and measured crossing, and the sweep figures."""
    rows = "".join(
        f"<tr><td>{label(q)}</td><td>{label(r['threshold_name'])}: {_interval(r['predicted_threshold'])}</td>"
        f"<td>{_interval(r['measured_threshold'])}</td><td>{_value(r.get('ratio_measured_to_predicted'))}</td></tr>"
        for q, r in d["quantities"].items())

    def caption(n: str) -> str:
        return (f"{label(n[len('sweep_'):])} at one step against the step size &eta;: measured means (&plusmn;2 "
                f"standard errors, fresh draws) against the registry's predicted curve; the predicted threshold and "
                f"the measured crossing with their intervals (shaded), and 2/&lambda;<sub>1</sub>.")

    return (f"<p>&eta;-sweep: {d['draws']['measured']} fresh minibatches at {len(d['etas'])} step sizes, the noise "
            f"moments from {d['draws']['moments']} other minibatches; {round(100 * d['level'])} % bootstrap "
            f"intervals.</p><table><tr><th>one-step change</th><th>predicted threshold [interval over the moment "
            f"draws]</th><th>measured zero crossing [interval over the fresh draws]</th><th>measured / predicted</th>"
            f"</tr>{rows}</table>" + _saved_figures(folder, [f"sweep_{q}" for q in d["quantities"]], caption))


def _horizons_part(folder: Path, d: dict) -> str:
    """``horizons.json``: one row per continuation (quantity, multiple, subspace), and the horizon figures."""
    o = d["options"]
    rows = []
    for r in d["table"]:
        q = d["quantities"][r["quantity"]]
        lo, hi = r["horizon_interval"]
        along = ", ".join(f"{_value(a['mean'])} (t = {a['step']})" for a in r["own_threshold_along"]
                          if a["mean"] is not None) or "not tracked"
        rows.append(
            f"<tr><td>{label(r['quantity'])}</td><td>{r['multiple']:g} &times; {label(q['threshold_name'])} = "
            f"{_value(r['eta'])}</td><td>{label(r['mode'])}</td><td>{'+' if r['predicted_sign'] > 0 else '&minus;'}"
            f"</td><td><b>{'&ge; ' if r['censored'] else ''}{r['horizon']}</b> [{_value(lo)}, {_value(hi)}]</td>"
            f"<td>{_value(r['confirmed_at'])}</td><td>{_value(r['final_mean'])} &plusmn; {_value(r['final_std'])} "
            f"[{_value(r['final_min'])}, {_value(r['final_max'])}]</td><td>{along}</td></tr>")

    def caption(n: str) -> str:
        if n == "horizons_thresholds":
            return "Each threshold recomputed along its own continuations against the step size used (dashed)."
        return (f"{label(n[len('horizons_'):])} from the state against the number of steps, one curve per multiple "
                f"of the threshold: mean over the seeds, band &plusmn;1 standard deviation, the horizon marked.")

    return (f"<p>Horizons: Dom-SGD, Bulk-SGD and SGD from the state at multiples of each quantity's predicted "
            f"threshold, {o['steps']} steps, {o['seeds']} independent minibatch streams, the subspace fixed at the "
            f"state or refreshed every {o['refresh']} steps. The horizon H is the last recorded step before the mean "
            f"change over the seeds lies on the wrong side of zero by more than z = {_value(o['z'])} standard errors "
            f"(&ge;: it never did); its interval is a {round(100 * o['level'])} % bootstrap over the seeds. "
            f"Thresholds along each run: mean over {o['track_seeds']} seeds, {o['track_draws']} minibatches each.</p>"
            f"<table><tr><th>change from the state</th><th>step size &eta;</th><th>subspace</th><th>predicted sign"
            f"</th><th>{label('horizon')}, in steps [interval]</th><th>sign established at step</th><th>mean change "
            f"after {o['steps']} steps &plusmn; standard deviation [min, max] over the seeds</th><th>the threshold "
            f"recomputed along the run, at step t</th></tr>{''.join(rows)}</table>"
            + _saved_figures(folder, [f"horizons_{q}" for q in d["quantities"]] + ["horizons_thresholds"], caption))


def nn_saved_state_section(folder: Path, run_id: str | None = None) -> str:
    """The network from a saved state (``salign nn --from``): ``thresholds.json`` and ``horizons.json`` in ``folder``,
    each shown when present; the empty string when neither is."""
    import json

    folder = Path(folder)
    docs = {}
    for name in ("thresholds", "horizons"):
        try:
            d = json.loads((folder / f"{name}.json").read_text())
        except (OSError, ValueError):
            continue
        if isinstance(d, dict) and d.get("format") == f"salign-nn-{name}" and d.get("version") == 1:
            docs[name] = d  # another format or version is not guessed at
    if not docs:
        return ""
    parts = ["<h3>The network from a saved state: thresholds located in &eta;, horizons measured in steps</h3>"]
    for name, d in docs.items():
        st = d["state"]
        other = (f" (a checkpoint of run {html.escape(str(st.get('run_id')))}, not of the run above)"
                 if run_id and st.get("run_id") != run_id else "")
        parts.append(f"<p>From the state at step <b>{st['step']}</b>{' (the switch)' if st.get('switch') else ''}"
                     f"{other}: {number('chi', st)}, largest Hessian eigenvalue &lambda;<sub>1</sub> = "
                     f"<b>{_value(st['lambda_1'])}</b> (2/&lambda;<sub>1</sub> = {_value(st['two_over_lambda_1'])}), "
                     f"regime {prose(d['predicted']['regime'])}.</p>")
        parts.append(_thresholds_part(folder, d) if name == "thresholds" else _horizons_part(folder, d))
    return "\n".join(parts)


def _prove_text(c: dict, proved_ids, quick: bool, cid: str) -> str:
    """The prover's column: what was proved, or that the prover did not run on this claim (and why)."""
    prove = c.get("prove", {})
    if prove.get("verdict") == "NOT RUN" or (proved_ids is not None and cid not in proved_ids):
        why = " (quick mode proves " + ", ".join(proved_ids) + " only)" if quick and proved_ids else ""
        return f"prover not run{html.escape(why)}; verdict from sampling alone"
    formal = [p for p in prove.get("propositions", []) if p.get("verdict") != "VERIFY-ONLY"]
    if not formal:
        return "no formal proposition: sampling only"
    covers = sorted({p.get("coverage", "") for p in formal if p.get("verdict") == "PROVED"} - {""})
    proved = sum(p.get("verdict") == "PROVED" for p in formal)
    double = sum(p.get("verdict") == "PROVED" and len(p.get("routes", [])) >= 2 for p in formal)
    return (f"{proved} of {len(formal)} formal propositions proved ({double} by two independent routes)"
            + (f"; for {html.escape(', '.join(covers))}" if covers else ""))


def _verify_text(c: dict) -> str:
    v = c.get("verify", {})
    if "checks" not in v:
        return "sampler not run"
    bad = v.get("violations", 0)
    return f"{v['instances']} random instances, {v['checks']} checks, " + (f"<b>{bad} violations</b>" if bad else
                                                                          "no violation")


def _partial(text: str) -> str:
    """A starred verdict's note: proposition names (identifiers) as code."""
    return prose(text)


def _fig_caption(key: str, f: dict) -> str:
    """What the theory predicts next to what was measured, for each simulation figure."""
    if key == "fig1":
        theory = (f"{number('T_star', f)} and {number('A_inf', f)}: the alignment falls, turns once and settles "
                  "at A<sub>&infin;</sub>")
        measured = f"{number('T_measured', f)}; {number('A_final_median', f)}; {number('relative_gap_to_A_inf', f)}"
        head = "Figure 1 (T4, T5): alignment of real SGD from a large initialisation against the mean field A<sub>t</sub>."
    elif key == "fig2":
        theory = ("at this step, from the dominant block's noise floor, Dom-SGD cannot lower the loss while "
                  "Bulk-SGD lowers it like SGD")
        losses = f.get("losses", {})
        measured = f"{number('chi_0', f)}, {number('eta', f)}; " + "; ".join(
            f"{label(v)}: loss {x['initial']:.4g} &rarr; {x['final']:.4g}" for v, x in losses.items())
        head = "Figure 2 (T3): loss of SGD, Dom-SGD and Bulk-SGD from the same high-alignment state."
    elif key == "fig3":
        theory = (f"the alignment rises exactly where &chi; &lt; &chi;<sub>c</sub> and &eta; &gt; &eta;<sup>*</sup>(&chi;); "
                  f"{number('chi_c', f)}")
        measured = f"{number('sign_agreement', f)} over {number('points', f)}"
        head = "Figure 3 (T1, T2, L3): measured sign of the one-step alignment change over (&chi;, &eta;)."
    elif key == "fig4":
        theory = f"Dom-SGD raises and Bulk-SGD lowers the loss exactly inside (&eta;<sub>D</sub>, &eta;<sub>B</sub>), " \
                 f"non-empty once &kappa; &gt; &kappa;<sub>0</sub>; {number('kappa_0', f)}"
        measured = f"{number('sign_agreement', f)} over {number('points', f)}"
        head = "Figure 4 (T3): the suspicious interval against the condition number &kappa;."
    else:
        theory = "the gap between real SGD and the mean field vanishes as k and d &minus; k grow (C1)"
        measured = number("rate_exponent", f)
        head = "Figure 5 (C1): gap between real SGD and the mean field against dimension."
    return f"{head} <b>Theory:</b> {theory}. <b>Measured:</b> {measured}."


def _real_captions(real: dict) -> dict:
    ex, tr, sus = real["exact_comparison_B1"], real.get("trajectory", {}), real.get("suspicious", {})
    one_step = (f"One step, every step size: the registry's predictions (lines, L1, L2, L4) against the exact "
                f"average over all samples (dots). <b>Measured:</b> they agree to at least "
                f"<b>{ex['min_significant_digits']:.1f}</b> significant digits.")
    traj = ("Alignment from a large initialisation: single minibatch runs and the ratio of mean alignments "
            "A<sub>t</sub> = E[G<sub>D</sub>]/E[G], the quantity the mean field describes. <b>Theory</b> (T5): "
            "A<sub>t</sub> falls, then rises, turning at most once. <b>Measured:</b> "
            + "; ".join(number(k, tr) for k in ("turns_of_ratio_of_means", "falls_then_rises", "t_min")) + ".")
    if sus.get("found"):
        pred = sus["predicted_one_step"]
        sus_text = ("SGD, Dom-SGD and Bulk-SGD from a high-alignment state at a step inside (&eta;<sub>D</sub>, "
                    "&eta;<sub>SGD</sub>). <b>Theory</b> (L4, T3): one-step expected loss changes "
                    f"&Delta;L<sub>D</sub> = {pred['dL_D']:.4g}, &Delta;L<sub>B</sub> = {pred['dL_B']:.4g}, "
                    f"&Delta;L<sub>SGD</sub> = {pred['dL_SGD']:.4g}. <b>Measured</b> (Monte Carlo, table above): "
                    + ", ".join(f"{label(v)} {x['mean']:.4g} &plusmn; {x['stderr']:.2g}"
                                for v, x in sus.get("monte_carlo_one_step", {}).items()) + ".")
    else:
        sus_text = prose(sus.get("note", "no high-alignment state with a suspicious interval was found"))
    return {"real1_one_step": one_step, "real2_trajectory": traj, "real3_suspicious": sus_text}


def build(status: dict, sim: dict, real: dict, out: Path, nn: dict | None = None, quick: bool = False) -> str:
    """The page's HTML from the check's status table, the simulation summary, the real-data summary and the network run;
    ``quick``: the report's small version (said at the top, and next to each claim the prover did not run)."""
    meta = status.get("meta", {})
    proved_ids = meta.get("proved")
    rows = []
    for cid, c in status["claims"].items():
        if cid == "C1":
            continue  # measured, not proved: its own row below
        st = c["verdict"]
        label_ = html.escape(st) + (f" (partial: {_partial(c['partial'])})" if c.get("partial") else "")
        rows.append(f"<tr><td>{cid}</td><td class='{st}'>{label_}</td><td>{_prove_text(c, proved_ids, quick, cid)}</td>"
                    f"<td>{_verify_text(c)}</td><td>{html.escape(c.get('title', ''))}</td></tr>")
    c1 = status["claims"].get("C1")
    if c1:
        rows.append(f"<tr><td>C1</td><td class='MEASURED'>MEASURED</td><td>not a proposition: measured</td>"
                    f"<td>{number('rate_exponent', c1)} (the gap shrinks like k<sup>r</sup>)</td>"
                    f"<td>concentration of real SGD</td></tr>")
    run = (f"Each claim was sampled at <b>{meta.get('n', '?')}</b> random instances (seed {meta.get('seed', '?')}, "
           f"{meta.get('dps', '?')} digits)")
    if proved_ids is not None and set(proved_ids) != {cid for cid in status["claims"] if cid != "C1"}:
        run += (f"; the prover ran on <b>{html.escape(', '.join(proved_ids) or 'no claim')}</b> only, so the other "
                "claims' verdicts come from sampling alone")
    else:
        run += "; the prover ran on every claim"
    run += ("." + (" <b>Quick mode</b>: fewer instances, the prover on three claims, small figures and a tiny "
                   "network; run <code>salign report</code> for the full version." if quick else ""))
    figs = sim.get("figures", {})
    sim_html = []
    for key in ("fig1", "fig2", "fig3", "fig4", "fig5"):
        f = figs.get(key)
        if f:
            png = next(p for p in f["files"] if p.endswith(".png"))
            sim_html.append(_figure(Path(png), _fig_caption(key, f), escape=False))
    ex = real["exact_comparison_B1"]
    names = sorted(ex["rows"][0]["relative_difference"])
    real_rows = "".join(
        f"<tr><td>{r['eta']:.4g}</td>" + "".join(f"<td>{r['relative_difference'][k]:.1e}</td>" for k in names) + "</tr>"
        for r in ex["rows"][::4])
    real_head = "".join(f"<th>{label(k)}</th>" for k in names)
    captions = _real_captions(real)
    real_figs = "".join(_figure(Path(next(p for p in fs if p.endswith(".png"))), captions.get(name, html.escape(name)),
                                escape=False)
                        for name, fs in real.get("figures", {}).items())
    sus = real.get("suspicious", {})
    mc = sus.get("monte_carlo_one_step", {})
    pred = sus.get("predicted_one_step", {})
    mc_rows = "".join(f"<tr><td>{label(v)}</td><td>{pred.get(k, float('nan')):.4g}</td>"
                      f"<td>{mc[v]['mean']:.4g} &plusmn; {mc[v]['stderr']:.2g}</td></tr>"
                      for v, k in (("sgd", "dL_SGD"), ("dom", "dL_D"), ("bulk", "dL_B")) if v in mc)
    state = real["state"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>suspicious-alignment report</title>
<style>{CSS}</style></head><body>
<h1>Suspicious alignment of SGD: the claims, checked</h1>
<p>Derivations: <b>{html.escape(status.get('derivations', ''))}</b>. {run}</p>
<p>Status: PROVED (exact, Z3/cvc5 or a SymPy identity), CERTIFIED (interval bound on a stated box), SAMPLED (no
violation among the sampled instances), REFUTED (counterexample).</p>
<h2>Status of every claim</h2>
<table><tr><th>claim</th><th>status</th><th>prover</th><th>sampler</th><th>title</th></tr>
{''.join(rows)}</table>
<h2>Simulations</h2>
{''.join(sim_html)}
<h2>Real data: least squares on {html.escape(real['dataset'])}</h2>
<p>n = {real['n']} samples, p = {real['p']} features, k = {real['k']} dominant direction(s), {real['null_directions']}
null direction(s) dropped (they carry no gradient and no noise). State: {number('chi', state)}, regime
{prose(state['regime'])}.</p>
<h3>(a) Predictions against the exact expectation over all samples (batch size 1)</h3>
<p>At least <b>{ex['min_significant_digits']:.1f}</b> significant digits at {ex['etas']} step sizes.
Relative differences between prediction and exact value (every fourth step size):</p>
<table><tr><th>step size &eta;</th>{real_head}</tr>{real_rows}</table>
<h3>(b) Minibatch SGD</h3>
<p>One step from a high-alignment state ({number('chi', sus)}, {number('batch', sus)}, {number('eta', sus)}, inside
(&eta;<sub>D</sub>, &eta;<sub>SGD</sub>)): predicted expected loss change against the mean over 20000 minibatches.</p>
<table><tr><th>variant</th><th>predicted</th><th>measured (&plusmn; 1 standard error)</th></tr>{mc_rows}</table>
<p>Trajectory from a large initialisation: {_kv(real.get('trajectory', {}))}.</p>
{real_figs}
{nn_section(nn) if nn else ''}
{nn_saved_state_section(Path(out) / "nn", nn.get("run_id")) if nn else ''}
</body></html>
"""


def write(status: dict, sim: dict, real: dict, out: Path, nn: dict | None = None, quick: bool = False) -> Path:
    page = build(status, sim, real, out, nn, quick=quick)
    return write_atomic(Path(out) / "report.html", page)


__all__ = ["LABELS", "build", "label", "nn_saved_state_section", "nn_section", "write"]
