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
"""


def _img(path: Path) -> str:
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f'<img alt="{html.escape(Path(path).stem)}" src="data:image/png;base64,{data}">'


def _figure(path: Path, caption: str) -> str:
    return f"<figure>{_img(path)}<figcaption>{html.escape(caption)}</figcaption></figure>"


def _kv(d: dict) -> str:
    return html.escape(", ".join(f"{k} = {v:.4g}" if isinstance(v, float) else f"{k} = {v}"
                                 for k, v in d.items() if not isinstance(v, (dict, list))))


NN_CAPTIONS = {
    "nn1_alignment": "Alignment with the top-k Hessian subspace over training (per step, subspace from the latest "
                     "refresh), the EMA the switch watches, the threshold and the switch; after it, the full-batch "
                     "gradient's alignment under each continuation.",
    "nn2_losses": "Full-batch training loss of SGD, Dom-SGD, Bulk-SGD and GD from the same state at the switch.",
    "nn3_step_sizes": "The registry's eta* (T1), eta_D and eta_B (L4) at the network's block moments, at every "
                      "refresh of the SGD run, against the step in use.",
    "nn4_one_step": "Predicted against measured one-step changes (mean over minibatch draws from the same weights, "
                    "error bars 1 SE): alignment, Dom-SGD loss, Bulk-SGD loss.",
}


def nn_section(nn: dict) -> str:
    """The report's section on the network (``salign nn``): switch, losses, sign agreement, the four figures."""
    sw, cfg = nn["switch"], nn["config"]
    switch = (f"the switch rule ({html.escape(sw['rule'])}) fired at step <b>{sw['step']}</b>" if sw["reached"] else
              f"<b>the threshold was NOT reached</b> within {sw['step']} steps ({html.escape(sw['rule'])}); the "
              f"continuations start from the last state")
    losses = "".join(f"<tr><td>{v}</td><td>{c['loss_start']:.5g}</td><td>{c['loss_end']:.5g}</td>"
                     f"<td>{c['chi_full_last10pct']:.3g}</td><td>{c['sqrt_chi_full_last10pct']:.3g}</td></tr>"
                     for v, c in nn["continuations"].items())
    agree = "".join(f"<tr><td>{html.escape(name)}</td><td>{a['agree_decided']}/{a['decided']}</td>"
                    + "".join(f"<td>{b['hits']}/{b['cases']}</td>" for b in a["bands"].values()) + "</tr>"
                    for name, a in nn["agreement"].items())
    nonquad = "".join(f"<tr><td>{html.escape(name)}</td><td>{x['beyond_2se']}/{x['cases']}</td>"
                      f"<td>{x['median_relative_size']:.2g}</td></tr>" for name, x in nn.get("nonquadratic", {}).items())
    bands = "".join(f"<th>{html.escape(b)}: hits/cases</th>" for b in next(iter(nn["agreement"].values()))["bands"])
    figs = "".join(_figure(Path(next(p for p in f["files"] if p.endswith(".png"))), NN_CAPTIONS.get(name, name))
                   for name, f in nn.get("figures", {}).items())
    return f"""<h2>A real network: Dom-SGD and Bulk-SGD on MNIST-{nn['dataset']['samples']}</h2>
<p>MLP {'-'.join(map(str, nn['sizes']))} ({nn['parameters']} parameters, tanh), MSE loss, batch {cfg['batch']},
eta = {cfg['eta']}, top-{cfg['k']} Hessian subspace by Lanczos on Hessian-vector products, refreshed every
{cfg['refresh']} steps; {html.escape(nn['precision'])}. SGD ran until {switch}.</p>
<table><tr><th>after the switch</th><th>loss at the switch</th><th>loss after {cfg['after']} steps</th>
<th>chi (full gradient), last 10%</th><th>sqrt(chi)</th></tr>{losses}</table>
<p>Sign of the one-step change predicted by the registry (at the network's block moments, {cfg['draws']} minibatch
draws per refresh) against the measured one, counted where the measurement is at least 2 standard errors from
zero:</p>
<table><tr><th>change</th><th>agree beyond 2 SE</th>{bands}</tr>{agree}</table>
<p>Where the network leaves its local quadratic model within one step (the measured change minus the quadratic
model's, draw by draw on the same minibatches):</p>
<table><tr><th>change</th><th>refreshes beyond 2 SE</th><th>median size relative to the change</th></tr>{nonquad}</table>
{figs}
"""


def build(status: dict, sim: dict, real: dict, out: Path, nn: dict | None = None) -> str:
    """The page's HTML from the check's status table, the simulation summary, the real-data summary and the network run."""
    rows = []
    for cid, c in status["claims"].items():
        if cid == "C1":
            continue  # measured, not proved: its own row below
        st = c["verdict"]
        prove = c.get("prove", {})
        formal = [p for p in prove.get("propositions", []) if p.get("verdict") != "VERIFY-ONLY"]
        covers = sorted({p.get("coverage", "") for p in formal if p.get("verdict") == "PROVED"} - {""})
        proved = sum(p.get("verdict") == "PROVED" for p in formal)
        double = sum(p.get("verdict") == "PROVED" and len(p.get("routes", [])) >= 2 for p in formal)
        v = c.get("verify", {})
        label = st + (f" (partial: {c['partial']})" if c.get("partial") else "")
        rows.append(f"<tr><td>{cid}</td><td class='{st}'>{html.escape(label)}</td>"
                    f"<td>{proved}/{len(formal)} propositions proved ({double} by two routes)"
                    f"{'; ' + html.escape(', '.join(covers)) if covers else ''}</td>"
                    f"<td>{v.get('instances', '-')} instances, {v.get('checks', '-')} checks, "
                    f"{v.get('violations', '-')} violations</td><td>{html.escape(c.get('title', ''))}</td></tr>")
    c1 = status["claims"].get("C1")
    if c1:
        rows.append(f"<tr><td>C1</td><td class='MEASURED'>MEASURED</td><td>-</td><td>gap shrinks like "
                    f"k^{c1.get('rate_exponent', float('nan')):.2f}</td><td>concentration of real SGD</td></tr>")
    figs = sim.get("figures", {})
    captions = {
        "fig1": "Figure 1 (T4, T5): alignment of real SGD from a large initialisation; the measured turn and the "
                "predicted switch T*, the limit A_inf.",
        "fig2": "Figure 2 (T3): loss of SGD, Dom-SGD and Bulk-SGD from the same high-alignment state.",
        "fig3": "Figure 3 (T1, T2, L3): measured sign of the one-step alignment change over (chi, eta), "
                "with eta*(chi), chi_c and 2/(lambda_D + lambda_B).",
        "fig4": "Figure 4 (T3): the interval (eta_D, eta_B) against kappa, with measured Dom/Bulk loss changes.",
        "fig5": "Figure 5 (C1): gap between real SGD and the mean field against dimension.",
    }
    sim_html = []
    for key in ("fig1", "fig2", "fig3", "fig4", "fig5"):
        f = figs.get(key)
        if f:
            png = next(p for p in f["files"] if p.endswith(".png"))
            sim_html.append(_figure(Path(png), f"{captions[key]} Measured: {_kv(f)}"))
    ex = real["exact_comparison_B1"]
    real_rows = "".join(
        f"<tr><td>{r['eta']:.4g}</td>" + "".join(f"<td>{r['relative_difference'][k]:.1e}</td>"
                                                for k in sorted(r["relative_difference"])) + "</tr>"
        for r in ex["rows"][::4])
    real_head = "".join(f"<th>{html.escape(k)}</th>" for k in sorted(ex["rows"][0]["relative_difference"]))
    real_figs = "".join(_figure(Path(next(p for p in fs if p.endswith(".png"))), name)
                        for name, fs in real.get("figures", {}).items())
    sus = real.get("suspicious", {})
    mc = sus.get("monte_carlo_one_step", {})
    pred = sus.get("predicted_one_step", {})
    mc_rows = "".join(f"<tr><td>{v}</td><td>{pred.get(k, float('nan')):.4g}</td>"
                      f"<td>{mc[v]['mean']:.4g} ± {mc[v]['stderr']:.2g}</td></tr>"
                      for v, k in (("sgd", "dL_SGD"), ("dom", "dL_D"), ("bulk", "dL_B")) if v in mc)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>suspicious-alignment report</title>
<style>{CSS}</style></head><body>
<h1>Suspicious alignment of SGD: the claims, checked</h1>
<p>Derivations: <b>{html.escape(status.get('derivations', ''))}</b>. Status: PROVED (exact, Z3/cvc5 or a SymPy
identity), CERTIFIED (interval bound on a stated box), SAMPLED (no violation among the sampled instances),
REFUTED (counterexample).</p>
<h2>Status of every claim</h2>
<table><tr><th>claim</th><th>status</th><th>prove</th><th>verify</th><th>title</th></tr>
{''.join(rows)}</table>
<h2>Simulations</h2>
{''.join(sim_html)}
<h2>Real data: least squares on {html.escape(real['dataset'])}</h2>
<p>n = {real['n']}, p = {real['p']}, k = {real['k']} dominant direction(s), {real['null_directions']} null
direction(s) dropped (they carry no gradient and no noise). State: chi = {real['state']['chi']:.4f}, regime
{html.escape(real['state']['regime'])}.</p>
<h3>(a) Predictions against the exact expectation over all samples (batch size 1)</h3>
<p>At least <b>{ex['min_significant_digits']:.1f}</b> significant digits at {ex['etas']} step sizes.
Relative differences (every fourth step size):</p>
<table><tr><th>eta</th>{real_head}</tr>{real_rows}</table>
<h3>(b) Minibatch SGD</h3>
<p>One step from a high-alignment state (chi = {sus.get('chi', float('nan')):.3f}, batch {sus.get('batch', '-')},
eta = {sus.get('eta', float('nan')):.4g} inside (eta_D, eta_SGD)): predicted expected loss change against the mean
over 20000 minibatches.</p>
<table><tr><th>variant</th><th>predicted</th><th>measured (± 1 s.e.)</th></tr>{mc_rows}</table>
<p>Trajectory from a large initialisation: {_kv(real.get('trajectory', {}))}.</p>
{real_figs}
{nn_section(nn) if nn else ''}
</body></html>
"""


def write(status: dict, sim: dict, real: dict, out: Path, nn: dict | None = None) -> Path:
    page = build(status, sim, real, out, nn)
    return write_atomic(Path(out) / "report.html", page)


__all__ = ["build", "nn_section", "write"]
