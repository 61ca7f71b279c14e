"""The ``salign`` command line.

    salign derive [--out DIR] [--check]   regenerate or check derivations/
    salign latex [--out DIR]              standalone LaTeX document of every claim
    salign verify [-n N] [--json FILE]    sample instances, check every claim against independent oracles
    salign prove [--timeout S]            exact proofs (Z3 + cvc5), interval certificates as fallback
    salign check                          the main job: derive --check, verify, prove; one line per claim
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROG = "salign"


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of the usage block."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _cmd_derive(args) -> int:
    from . import derive

    out = Path(args.out)
    t0 = time.perf_counter()
    if args.check:
        bad = derive.stale(out)
        if bad:
            print(f"{PROG} derive --check: {len(bad)} file(s) differ from a fresh regeneration; "
                  f"run '{PROG} derive':")
            for b in bad:
                print(f"  {b}")
            return 1
        print(f"{PROG} derive --check: {out}/ is up to date ({time.perf_counter() - t0:.1f}s)")
        return 0
    paths = derive.write(out)
    print(f"wrote {len(paths)} files to {out}/ in {time.perf_counter() - t0:.1f}s")
    return 0


def _cmd_latex(args) -> int:
    from salign.theory.latex import document
    from salign.verify.atomic import write_atomic

    path = write_atomic(Path(args.out) / "claims.tex", document())
    print(f"wrote {path} (compile with: pdflatex -output-directory {args.out} {path})")
    return 0


def _positive(kind):
    def conv(s):
        try:
            v = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{kind} must be a whole number, got {s!r}") from None
        if v < 1:
            raise argparse.ArgumentTypeError(f"{kind} must be >= 1, got {v}")
        return v
    return conv


def run_verify(claim_spec, n, seed, dps, jobs, claims_file=None, console=None, quiet=False):
    """Run the verifier; returns (results, c1 dict or None)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from salign.theory.registry import CLAIM_IDS, get, parse_ids
    from salign.verify.verifier.run import verify_claims

    console = console or Console()
    user, oracles = [], {}
    if claims_file:
        from salign.theory.userclaims import load

        user, oracles = load(claims_file)
    known = CLAIM_IDS + ("C1",) + tuple(c.id for c in user)
    ids = parse_ids(claim_spec, known) if claim_spec else CLAIM_IDS + tuple(c.id for c in user)
    claims = [get(i) if i in CLAIM_IDS else next(c for c in user if c.id == i) for i in ids if i != "C1"]
    with Progress(TextColumn("[bold]verify[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=quiet) as prog:
        task = prog.add_task(", ".join(c.id for c in claims), total=n * len(claims))
        results = verify_claims(claims, n, seed, dps, jobs, claims_file, oracles,
                                on_chunk=lambda cid, k: prog.advance(task, k))
    c1 = None
    if "C1" in ids:
        from salign.verify.experiments.concentration import gap_table, rate

        rows = gap_table(seed=seed)
        c1 = (rows, rate(rows))
    return results, c1


def _cmd_verify(args) -> int:
    from rich.console import Console
    from salign.verify.atomic import write_atomic
    from salign.verify.verifier.report import c1_table, verify_json, verify_table

    console = Console()
    results, c1 = run_verify(args.claims, args.n, args.seed, args.dps, args.jobs, args.claims_file, console)
    verify_table(results, console, args.detail)
    c1_doc = c1_table(*c1, console) if c1 else None
    if args.json:
        meta = {"n": args.n, "seed": args.seed, "dps": args.dps}
        write_atomic(args.json, verify_json(results, meta, c1_doc))
        console.print(f"wrote {args.json}")
    bad = [cid for cid, r in results.items() if r.violated]
    if bad:
        console.print(f"[red]violated: {', '.join(bad)}[/]")
    return 1 if bad else 0


def run_prove(claim_spec, timeout, console, quiet=False, certify_unknown=True):
    """Prove every formal proposition of the chosen claims; returns ``{claim id: (status, results, secs)}``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from salign.theory.registry import CLAIM_IDS, get, parse_ids
    from salign.verify.prover.prove import claim_status, prove_claim

    ids = parse_ids(claim_spec, CLAIM_IDS)
    claims = [get(i) for i in ids]
    out = {}
    with Progress(TextColumn("[bold]prove[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=quiet) as prog:
        task = prog.add_task("", total=sum(len(c.props) for c in claims))
        for c in claims:
            prog.update(task, description=c.id)
            t0 = time.perf_counter()
            results = prove_claim(c, timeout, on_prop=lambda r: prog.advance(task))
            if certify_unknown:
                _certify_unknowns(c, results)
            out[c.id] = (claim_status(results, c), results, time.perf_counter() - t0)
    return out


def _certify_unknowns(claim, results):
    """The interval fallback for propositions the solvers left UNKNOWN."""
    from salign.verify.prover.certify import certify
    from salign.verify.prover.prove import instantiate

    for r in results:
        if r.status != "UNKNOWN":
            continue
        p = claim.prop(r.prop)
        model = "general" if p.model == "general" else p.model
        hyps, concl = instantiate(p, model, 1)
        cert = certify(hyps, concl)
        r.settings = {**r.settings, "interval_fallback": cert.as_json()}
        if cert.status == "CERTIFIED":
            r.status, r.solver = "CERTIFIED", "mpmath.iv branch and bound"
            r.covers = [f"{model}, on the box {cert.box} ({cert.reason})"]


def _cmd_prove(args) -> int:
    import json

    from rich.console import Console
    from rich.table import Table
    from salign.verify.atomic import write_atomic

    console = Console()
    res = run_prove(args.claims, args.timeout, console)
    t = Table(title="salign prove")
    for col in ("claim / proposition", "status", "decided by", "covers", "seconds"):
        t.add_column(col, overflow="fold")
    for cid, (status, results, secs) in res.items():
        style = {"PROVED": "green", "CERTIFIED": "cyan", "REFUTED": "red"}.get(status, "yellow")
        t.add_row(f"[bold]{cid}[/]", f"[{style}]{status}[/]", "", "", f"{secs:.1f}")
        for r in results:
            t.add_row(f"  {r.prop}", r.status, r.solver, "; ".join(r.covers) or r.note[:60], f"{r.seconds:.2f}")
    console.print(t)
    for _cid, (_status, results, _) in res.items():
        for r in results:
            if r.status in ("REFUTED", "UNKNOWN") and r.counterexample:
                console.print(f"{r.prop}: {r.status}, model {r.counterexample} ({r.exact_check})", soft_wrap=True)
    total = sum(s for _, _, s in res.values())
    console.print(f"total {total:.1f}s")
    if args.json:
        doc = {cid: {"status": st, "seconds": round(secs, 3), "propositions": [r.as_json() for r in rs]}
               for cid, (st, rs, secs) in res.items()}
        write_atomic(args.json, json.dumps(doc, indent=1, default=str) + "\n")
        console.print(f"wrote {args.json}")
    return 1 if any(st == "REFUTED" for st, _, _ in res.values()) else 0


def _cmd_simulate(args) -> int:
    import io
    import json

    import numpy as np
    from rich.console import Console
    from salign.verify.atomic import write_atomic
    from salign.verify.experiments import simulate as sim

    console = Console()
    out = Path(args.out)
    if args.spectrum:
        spec = sim.Spectrum.parse(args.spectrum)
    else:
        spec = sim.Spectrum.two_level(args.kappa * args.lam_B, args.lam_B, args.k, args.d)
    if not 0 < args.chi < 1 or args.G <= 0:
        raise sim.SimulationError("need 0 < --chi < 1 and -G > 0")
    # the initial state: alignment chi and gradient norm G, spread over each block's levels by multiplicity
    wD = np.array(spec.m_D, float) / sum(spec.m_D)
    wB = np.array(spec.m_B, float) / sum(spec.m_B)
    gD = args.chi * args.G * wD
    gB = (1 - args.chi) * args.G * wB
    s0 = list(gD / np.array(spec.lam_D) ** 2) + list(gB / np.array(spec.lam_B) ** 2)
    runs = {}
    t0 = time.perf_counter()
    for variant in args.variants.split(","):
        run = sim.ENGINES[args.engine](spec, s0, args.eta, args.steps, args.seeds, args.preset, args.sigma2,
                                      variant.strip(), seed=args.seed)
        runs[variant.strip()] = run
    arrays = {f"{v}_{name}": arr for v, r in runs.items() for name, arr in r.as_dict().items()}
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    write_atomic(out / "run.npz", buf.getvalue())
    summary = {"spectrum": {"lambda_D": list(spec.lam_D), "m_D": list(spec.m_D), "lambda_B": list(spec.lam_B),
                            "m_B": list(spec.m_B), "k": spec.k, "d": spec.d},
               "initial": {"level_norms": s0, "chi": args.chi, "G": args.G},
               "runs": {v: {**r.meta, "chi_final_median": float(np.median(r.chi[:, -1])),
                            "loss_initial": float(r.loss[0, 0]), "loss_final_median": float(np.median(r.loss[:, -1]))}
                        for v, r in runs.items()},
               "seconds": round(time.perf_counter() - t0, 3)}
    if not args.no_figures:
        from rich.progress import Progress
        from salign.verify.experiments.figures import all_figures

        with Progress(console=console, transient=True) as prog:
            task = prog.add_task("figures", total=5)
            summary["figures"] = all_figures(out, quick=args.quick, progress=lambda name: prog.advance(task))
    write_atomic(out / "summary.json", json.dumps(summary, indent=1, default=str) + "\n")
    console.print(f"wrote {out}/run.npz, {out}/summary.json" + ("" if args.no_figures else " and figures fig1..fig5 "
                                                                  "(PNG and PDF)"))
    for name, fig in summary.get("figures", {}).items():
        keys = {k: v for k, v in fig.items() if k not in ("files", "rows", "losses")}
        console.print(f"  {name}: {keys}", soft_wrap=True)
    return 0


def _cmd_real(args) -> int:
    import json

    from rich.console import Console
    from rich.progress import Progress
    from salign.verify.atomic import write_atomic
    from salign.verify.experiments.real import run

    console = Console()
    out = Path(args.out)
    with Progress(console=console, transient=True) as prog:
        task = prog.add_task(f"real data: {args.dataset}", total=4)
        summary = run(args.dataset, args.k, args.batch, out, args.seeds, args.seed,
                      progress=lambda _: prog.advance(task))
    write_atomic(out / f"real_{args.dataset}.json", json.dumps(summary, indent=1, default=str) + "\n")
    ex = summary["exact_comparison_B1"]
    console.print(f"{args.dataset}: n={summary['n']}, p={summary['p']}, k={args.k}, null directions dropped: "
                  f"{summary['null_directions']}; state chi={summary['state']['chi']:.4f}, regime "
                  f"{summary['state']['regime']}")
    console.print(f"(a) predictions vs exact expectation over all samples (B = 1): at least "
                  f"{ex['min_significant_digits']:.1f} significant digits at {ex['etas']} step sizes")
    console.print(f"(b) trajectories: {summary.get('trajectory')}", soft_wrap=True)
    console.print(f"    suspicious: {summary.get('suspicious')}", soft_wrap=True)
    console.print(f"wrote {out}/real_{args.dataset}.json and figures")
    return 0


def collect_status(derivations: Path, n: int, seed: int, dps: int, jobs: int, timeout: float, prove: bool,
                   console, prove_claims: str | None = None) -> dict:
    """derive --check, verify and prove: the per-claim status table as a dict (shared by check and report)."""
    from salign.theory.registry import CLAIM_IDS, registry
    from salign.verify.experiments.concentration import rate
    from salign.verify.verifier.report import result_json

    from . import derive

    reg = registry()
    stale = derive.stale(derivations)
    results, c1 = run_verify(",".join(CLAIM_IDS + ("C1",)), n, seed, dps, jobs, console=console)
    proofs = run_prove(prove_claims, timeout, console) if prove else {}
    doc = {"derivations": "STALE: " + ", ".join(stale) if stale else "up to date", "claims": {}}
    for cid in CLAIM_IDS:
        r = results[cid]
        p_status, p_results, p_secs = proofs.get(cid, ("not run", [], 0.0))
        doc["claims"][cid] = {"status": combined_status(r, p_status), "title": reg[cid].title,
                              "derivation": "STALE" if stale else "DERIVED",
                              "prove": {"status": p_status, "seconds": round(p_secs, 3),
                                        "propositions": [x.as_json() for x in p_results]},
                              "verify": result_json(r)}
    if c1:
        rows, slope = c1
        doc["claims"]["C1"] = {"status": "MEASURED", "rate_exponent": rate(rows), "k_range": [rows[0].k, rows[-1].k]}
    doc["ok"] = not stale and not any(c["status"] == "REFUTED" for c in doc["claims"].values())
    return doc


def _cmd_check(args) -> int:
    import json

    from rich.console import Console
    from rich.table import Table
    from salign.verify.atomic import write_atomic

    console = Console()
    doc = collect_status(Path(args.derivations), args.n, args.seed, args.dps, args.jobs, args.timeout,
                         not args.no_prove, console)
    console.print(f"derive --check: {doc['derivations']}")
    t = Table(title="salign check: one line per claim")
    for col in ("claim", "status", "prove", "verify", "claim title"):
        t.add_column(col, overflow="fold")
    for cid, c in doc["claims"].items():
        if cid == "C1":
            t.add_row("C1", "MEASURED", "-", f"gap ~ k^{c['rate_exponent']:.2f} (k = {c['k_range'][0]}..{c['k_range'][1]})",
                      "real SGD approaches the mean field as k, d-k grow")
            continue
        formal = [x for x in c["prove"]["propositions"] if x.get("status") != "VERIFY-ONLY"]
        covers = sorted({x for p in formal for x in p.get("covers", [])}, key=len)
        p_evidence = (f"{sum(x['status'] == 'PROVED' for x in formal)}/{len(formal)} props PROVED"
                      + (f"; {covers[-1]}" if covers else "")) if formal else c["prove"]["status"]
        v = c["verify"]
        evidence = f"{v['instances']} inst., {v['checks']} checks" + (f", {v['violations']} violations"
                                                                    if v["violations"] else "")
        style = {"PROVED": "green", "CERTIFIED": "cyan", "SAMPLED": "yellow"}.get(c["status"], "red")
        t.add_row(cid, f"[{style}]{c['status']}[/]", p_evidence, evidence, c["title"])
    console.print(t)
    if args.json:
        write_atomic(args.json, json.dumps(doc, indent=1, default=str) + "\n")
        console.print(f"wrote {args.json}")
    return 0 if doc["ok"] else 1


def _cmd_report(args) -> int:
    from rich.console import Console
    from salign.verify.experiments.figures import all_figures
    from salign.verify.experiments.real import run as real_run

    from .html_report import write

    console = Console()
    out = Path(args.out)
    console.print("report: derive --check, verify, prove")
    status = collect_status(Path(args.derivations), 10 if args.quick else 100, 0, 50, 1, args.timeout, True,
                            console, prove_claims="L1,L4,T4" if args.quick else None)
    from rich.progress import Progress

    with Progress(console=console, transient=True) as prog:
        task = prog.add_task("figures and real data", total=9)
        sim = {"figures": all_figures(out, quick=args.quick, progress=lambda _: prog.advance(task))}
        real = real_run("diabetes", 1, 1, out, seeds=8 if args.quick else 30,
                        progress=lambda _: prog.advance(task))
    path = write(status, sim, real, out)
    console.print(f"wrote {path} (self-contained: figures embedded)")
    return 0 if status["ok"] else 1


def combined_status(verify_result, prove_status: str) -> str:
    """One status per claim: REFUTED if either side refutes it (nothing is PROVED that sampling
    violates), else the prover's PROVED / CERTIFIED, else SAMPLED."""
    if verify_result.violated or prove_status == "REFUTED":
        return "REFUTED"
    if prove_status in ("PROVED", "CERTIFIED"):
        return prove_status
    return "SAMPLED"


def _sampling_args(p, n_default: int, json_help: str) -> None:
    """The verifier's options, shared by verify and check."""
    p.add_argument("-n", type=_positive("-n"), default=n_default, help=f"instances per claim (default {n_default})")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0): runs are reproducible")
    p.add_argument("--dps", type=_positive("--dps"), default=50, help="decimal digits (default 50)")
    p.add_argument("--jobs", type=_positive("--jobs"), default=1, help="worker processes (default 1)")
    p.add_argument("--json", metavar="FILE", help=json_help)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Derive, check and export the claims of 'Suspicious "
                "Alignment of SGD' (arXiv 2601.11789).")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    d = sub.add_parser("derive", help="regenerate derivations/ (steps, LaTeX fragments, claims.json)",
                       description="Derive every claim with SymPy and write, per claim, the steps "
                       "(ID.md), a LaTeX fragment (ID.tex) and all named expressions (claims.json).")
    d.add_argument("--out", default="derivations", help="output folder (default: derivations)")
    d.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 naming the files that differ from a fresh regeneration")
    d.set_defaults(func=_cmd_derive)

    lx = sub.add_parser("latex", help="export a standalone LaTeX document of every claim",
                        description="Write DIR/claims.tex: amsmath document, every claim's statement "
                        "and derived expressions, labels by claim id (\\label{T1}, \\label{T1:eta_star}).")
    lx.add_argument("--out", default="latex", help="output folder (default: latex)")
    lx.set_defaults(func=_cmd_latex)

    v = sub.add_parser("verify", help="sample random instances and check every claim against independent oracles",
                       description="Sample N random instances per claim (mpmath, --dps digits), evaluate each "
                       "proposition with the registry's formulas against oracles computed from the model's "
                       "definition, shrink any violation to a small counterexample; print a table, optionally "
                       "JSON. Exit 0 only when no claim is violated. C1 (concentration) is measured by "
                       "Monte Carlo of real SGD steps.")
    v.add_argument("--claims", metavar="ID,...", help="claim ids (default: all; C1 on request)")
    _sampling_args(v, n_default=200, json_help="also write the results as JSON")
    v.add_argument("--claims-file", metavar="FILE", help="a Python file defining CLAIMS (user conjectures)")
    v.add_argument("--detail", action="store_true", help="one row per proposition")
    v.set_defaults(func=_cmd_verify)

    c = sub.add_parser("check", help="the main job: run every check and print one status line per claim",
                       description="Run derive --check (and, as they exist, the verifier and the "
                       "prover) and print one status line per claim id.")
    c.add_argument("--derivations", default="derivations", help="the derivations folder to check")
    _sampling_args(c, n_default=100, json_help="also write the status table as JSON")
    c.add_argument("--timeout", type=float, default=8.0, help="prover: seconds per solver call (default 8)")
    c.add_argument("--no-prove", action="store_true", help="skip the prover (derive --check and verify only)")

    sm = sub.add_parser("simulate", help="simulate real SGD, Dom-SGD and Bulk-SGD; figures against the theory",
                        description="Simulate SGD, Dom-SGD and Bulk-SGD on a two-level quadratic with the full "
                        "engine (every coordinate) or the reduced engine (exact in law, O(levels) per step), "
                        "write run.npz and summary.json, and the five figures (two phases, suspicious alignment, "
                        "phase diagram, interval against kappa, C1) as PNG and PDF.")
    sm.add_argument("--out", default="out/simulate", help="output folder (default: out/simulate)")
    sm.add_argument("--engine", choices=("full", "reduced"), default="reduced")
    sm.add_argument("--preset", choices=("isotropic", "hessian", "loss-scaled"), default="isotropic")
    sm.add_argument("--variants", default="sgd,dom,bulk", help="comma-separated: sgd, dom, bulk")
    sm.add_argument("--spectrum", help="multi-level spectrum 'lamxmult,.../lamxmult,...' (dominant/bulk), "
                    "e.g. '10x3,6x2/1x20,0.5x25'; default: two-level from --kappa, -k, -d")
    sm.add_argument("--kappa", type=float, default=10.0, help="lambda_D / lambda_B (default 10)")
    sm.add_argument("--lam-B", dest="lam_B", type=float, default=1.0)
    sm.add_argument("-k", type=_positive("-k"), default=100, help="dominant coordinates (default 100)")
    sm.add_argument("-d", type=_positive("-d"), default=1000, help="all coordinates (default 1000)")
    sm.add_argument("--chi", type=float, default=0.5, help="initial alignment (default 0.5)")
    sm.add_argument("-G", type=float, default=1.0, help="initial squared gradient norm (default 1)")
    sm.add_argument("--eta", type=float, default=0.05)
    sm.add_argument("--sigma2", type=float, default=1e-3, help="noise scale sigma^2 (default 1e-3)")
    sm.add_argument("--steps", type=_positive("--steps"), default=200)
    sm.add_argument("--seeds", type=_positive("--seeds"), default=20)
    sm.add_argument("--seed", type=int, default=0)
    sm.add_argument("--no-figures", action="store_true", help="only the custom run, no figures")
    sm.add_argument("--quick", action="store_true", help="small figures (fewer seeds and grid points)")
    sm.set_defaults(func=_cmd_simulate)

    rp = sub.add_parser("report", help="one self-contained HTML page: status table, figures, real data",
                        description="Run derive --check, verify, prove, the simulation figures and the real-data "
                        "comparison, and write DIR/report.html with every figure embedded.")
    rp.add_argument("--out", default="out/report", help="output folder (default: out/report)")
    rp.add_argument("--derivations", default="derivations")
    rp.add_argument("--timeout", type=float, default=8.0, help="prover: seconds per solver call")
    rp.add_argument("--quick", action="store_true", help="small version: fewer instances, quick figures, 3 claims proved")
    rp.set_defaults(func=_cmd_report)

    rl = sub.add_parser("real", help="least squares on a real dataset: the theory against minibatch SGD",
                        description="Least squares on a dataset shipped with scikit-learn (diabetes or digits): "
                        "eigenbasis of X^T X / n (null directions dropped), exact minibatch-noise diagonal, the "
                        "registry's predictions against the exact expectation over all samples (B = 1) and "
                        "against minibatch SGD, Dom-SGD and Bulk-SGD; figures and JSON.")
    rl.add_argument("--dataset", default="diabetes", help="diabetes (default) or digits")
    rl.add_argument("-k", "--k", dest="k", type=_positive("-k"), default=1, help="dominant directions (default 1)")
    rl.add_argument("--batch", type=_positive("--batch"), default=1, help="minibatch size (default 1)")
    rl.add_argument("--seeds", type=_positive("--seeds"), default=30)
    rl.add_argument("--seed", type=int, default=0)
    rl.add_argument("--out", default="out/real")
    rl.set_defaults(func=_cmd_real)

    pr = sub.add_parser("prove", help="prove each claim's propositions exactly (Z3 + cvc5), or refute them",
                        description="Translate each proposition (observables replaced by their definitions "
                        "from the SGD step, in the two-level model and a spectrum with 2 levels per block) to "
                        "nonlinear real arithmetic, assert its negation and run Z3 and cvc5 as a portfolio: "
                        "PROVED (unsat, with Z3's unsat core), REFUTED (model checked in exact rationals), "
                        "UNKNOWN (then interval branch and bound may CERTIFY it on a stated box).")
    pr.add_argument("--claims", metavar="ID,...", help="claim ids (default: all)")
    pr.add_argument("--timeout", type=float, default=8.0, help="seconds per solver call (default 8)")
    pr.add_argument("--json", metavar="FILE", help="also write the results and evidence as JSON")
    pr.set_defaults(func=_cmd_prove)
    c.set_defaults(func=_cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except (ValueError, KeyError, OSError, RuntimeError) as e:  # includes SimulationError, InstanceError
        sys.stderr.write(f"{PROG}: error: {e}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
