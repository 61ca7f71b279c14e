"""The ``salign`` command line.

    salign derive [--out DIR] [--check]   regenerate or check derivations/
    salign latex [--out DIR]              standalone LaTeX document of every claim
    salign verify [-n N] [--json FILE]    sample instances, check every claim against independent oracles
    salign prove [--timeout S]            exact proofs (Z3 + cvc5), interval certificates as fallback
    salign check                          the main job: derive --check, verify, prove; one line per claim
    salign selftest [-n N] [--seed S]     a differential fuzzer: every checker on random statements
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROG = "salign"
#: the longest a solver call may take (an hour): beyond it a timer cannot even be set
MAX_TIMEOUT = 3600.0


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of the usage block."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _cmd_derive(args) -> int:
    from . import derive

    t0 = time.perf_counter()
    if args.check:
        ref = derive.reference(args.out)
        bad = derive.stale(ref.path)
        if bad:
            print(f"{PROG} derive --check: {len(bad)} file(s) of {ref.describe()} differ from a fresh regeneration; "
                  f"run '{PROG} derive':")
            for b in bad:
                print(f"  {b}")
            return 1
        print(f"{PROG} derive --check: up to date, against {ref.describe()} ({time.perf_counter() - t0:.1f}s)")
        return 0
    out = Path(args.out or derive.FOLDER)
    paths = derive.write(out)
    print(f"wrote {len(paths)} files to {out}/ in {time.perf_counter() - t0:.1f}s")
    return 0


def _cmd_latex(args) -> int:
    from salign.theory.latex import claim_tex, document
    from salign.theory.registry import registry
    from salign.verify.atomic import write_atomic

    from .status import writable

    out = Path(args.out)
    writable(out, directory=True)
    claims = list(registry().values())
    if args.claims_file:
        from salign.theory.userclaims import load

        claims = load(args.claims_file)[0]
    for c in claims:  # one \input-able fragment per claim
        write_atomic(out / f"{c.id}.tex", claim_tex(c, registry()))
    path = write_atomic(out / "claims.tex", document(claims))
    print(f"wrote {path} and {len(claims)} fragments ({', '.join(f'{c.id}.tex' for c in claims)}); compile with: "
          f"pdflatex -output-directory {out} {path}")
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


def _cmd_verify(args) -> int:
    from rich.console import Console

    from salign.verify.atomic import write_atomic
    from salign.verify.verifier.report import c1_table, resolution, verify_json, verify_table

    from .status import run_verify, select, writable

    writable(args.json)
    console = Console()
    sel = select(args.claims, args.claims_file)
    results, c1 = run_verify(sel, args.n, args.seed, args.dps, args.jobs, console, scheduler=args.scheduler)
    verify_table(results, console, args.detail, dps=args.dps)
    c1_doc = c1_table(*c1, console) if c1 else None
    if args.json:
        meta = {"n": args.n, "seed": args.seed, "dps": args.dps, "resolution": resolution(args.dps)}
        write_atomic(args.json, verify_json(results, meta, c1_doc))
        console.print(f"wrote {args.json}")
    bad = [cid for cid, r in results.items() if r.verdict.fails]
    if bad:
        console.print(f"[red]failed: {', '.join(f'{cid} ({results[cid].verdict})' for cid in bad)}[/]")
    return 1 if bad else 0


def _cache(args):
    import os

    from salign.verify.prover.cache import ProofCache

    if args.no_cache:  # every cache: the registry's and the prover's
        os.environ["SALIGN_NO_CACHE"] = "1"
    return ProofCache(enabled=not args.no_cache)


def _cmd_prove(args) -> int:
    import json

    from rich.console import Console

    from salign.verify.atomic import write_atomic

    from .status import prove_json, prove_table, run_prove, select, writable

    writable(args.json)
    console = Console()
    cache = _cache(args)
    res = run_prove(select(args.claims, args.claims_file, allow_c1=False), args.timeout, console, cache=cache,
                    coq=args.coq)
    prove_table(res, console)
    if args.coq:
        from .status import kernel_summary

        console.print(f"{kernel_summary(res)}; the .v files are in {args.coq}")
    if cache.enabled:
        console.print(f"proof cache: {cache.hits} answers reused, {cache.misses} computed ({cache.directory})")
    if args.json:
        write_atomic(args.json, json.dumps(prove_json(res), indent=1, default=str) + "\n")
        console.print(f"wrote {args.json}")
    return 1 if any(p.verdict.fails for p in res.values()) else 0


def _cmd_simulate(args) -> int:
    import io
    import json

    import numpy as np
    from rich.console import Console

    from salign.verify.atomic import write_atomic, write_set
    from salign.verify.experiments import grid
    from salign.verify.experiments import simulate as sim

    from .status import writable

    console = Console()
    out = Path(args.out)
    base = {name: getattr(args, name) for name in sim.RUN_PARAMETERS}
    points = grid.parse(args.grid, sim.RUN_PARAMETERS)
    writable(out, directory=True)
    if args.grid:  # a grid: one summary per point, run here, on --jobs processes or on a cluster
        (out / "grid.json").unlink(missing_ok=True)
        results = grid.run(sim.grid_point, points, base, args.jobs, args.scheduler)
        write_atomic(out / "grid.json", json.dumps({"base": base, "points": [{"point": pt, "summary": r} for pt, r in
                                                                              zip(points, results)]},
                                                    indent=1, default=str) + "\n")
        for pt, r in zip(points, results):
            console.print(f"{pt}: " + ", ".join(f"{v} loss {x['loss_final_median']:.4g}, chi {x['chi_final_median']:.3g}"
                                                 for v, x in r["runs"].items()), soft_wrap=True)
        console.print(f"wrote {out}/grid.json ({len(points)} runs)")
        return 0
    (out / "summary.json").unlink(missing_ok=True)  # the marker of a complete run: written again last
    summary, arrays = sim.custom_run(base)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    if not args.no_figures:
        from rich.progress import Progress

        from salign.verify.experiments.figures import all_figures

        with Progress(console=console, transient=True) as prog:
            task = prog.add_task("figures", total=5)
            summary["figures"] = all_figures(out, quick=args.quick, eta=args.eta,
                                             progress=lambda name: prog.advance(task))
    write_set(out, {"run.npz": buf.getvalue(), "summary.json": json.dumps(summary, indent=1, default=str) + "\n"},
              marker="summary.json")
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

    from .status import writable

    console = Console()
    out = Path(args.out)
    writable(out, directory=True)
    (out / f"real_{args.dataset}.json").unlink(missing_ok=True)  # the marker of a complete run: written last
    with Progress(console=console, transient=True) as prog:
        task = prog.add_task(f"real data: {args.dataset}", total=4)
        summary = run(args.dataset, args.k, args.batch, out, args.seeds, args.seed,
                      progress=lambda _: prog.advance(task))
    write_atomic(out / f"real_{args.dataset}.json", json.dumps(summary, indent=1, default=str) + "\n")
    ex = summary["exact_comparison_B1"]
    console.print(f"{args.dataset}: n={summary['n']}, p={summary['p']}, k={summary['k']}, null directions dropped: "
                  f"{summary['null_directions']}; state chi={summary['state']['chi']:.4f}, regime "
                  f"{summary['state']['regime']}")
    console.print(f"(a) predictions vs exact expectation over all samples (B = 1): at least "
                  f"{ex['min_significant_digits']:.1f} significant digits at {ex['etas']} step sizes")
    console.print(f"(b) trajectories: {summary.get('trajectory')}", soft_wrap=True)
    console.print(f"    suspicious: {summary.get('suspicious')}", soft_wrap=True)
    console.print(f"wrote {out}/real_{args.dataset}.json and figures")
    return 0


def _cmd_nn(args) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from salign.verify.experiments import nn
    from salign.verify.experiments.nn_cli import config_from_args

    if getattr(args, "seeds", None) is not None:  # salign nn --seeds N: every seed, then seeds.json
        from salign.verify.experiments.nn_seeds import command

        from .status import writable

        writable(args.out, directory=True)
        return command(args)
    console = Console()
    config = config_from_args(args)
    if args.grid:
        return _nn_grid(args, config, console)
    console.print(f"nn: {config.dataset}, {nn.describe(config.sizes)['label']} ({config.parameters} parameters), "
                  f"batch {config.batch}, eta {config.eta}; switch when {nn.describe_switch(config)}")
    with Progress(TextColumn("[bold]nn[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as prog:
        task = prog.add_task("", total=config.steps + 4 * config.after)
        summary, arrays = nn.run(config, progress=lambda n, d: prog.update(task, advance=n, description=d))
        summary = nn.write(Path(args.out), summary, arrays, figures=not args.no_figures)
    sw, c = summary["switch"], summary["continuations"]
    console.print(("" if sw["reached"] else "[red]") + f"switch: {sw['note']}", soft_wrap=True)
    console.print("losses after " + ", ".join(f"{v}: {c[v]['loss_start']:.4g} -> {c[v]['loss_end']:.4g}" for v in c)
                  + f" ({config.after} steps)", soft_wrap=True)
    console.print("full-batch alignment chi, mean of the last 10%: "
                  + ", ".join(f"{v} {c[v]['chi_full_last10pct']:.3g}" for v in c), soft_wrap=True)
    for name, a in summary["agreement"].items():
        bands = "; ".join(f"{b}: {x['hits']}/{x['cases']}" for b, x in a["bands"].items())
        console.print(f"sign of {name}: predicted = measured in {a['agree_decided']}/{a['decided']} cases beyond "
                      f"2 SE ({bands})", soft_wrap=True)
    console.print("beyond the local quadratic model (measured minus quadratic, paired draws), refreshes beyond 2 SE: "
                  + ", ".join(f"{k} {x['beyond_2se']}/{x['cases']} (median size {x['median_relative_size']:.2g} of the "
                              f"change" + (f", largest {x['max_relative_size']:.2g}" if x.get("max_relative_size")
                                           is not None else "") + ")"
                              for k, x in summary["nonquadratic"].items()), soft_wrap=True)
    console.print(f"wrote {args.out}/run.npz, summary.json" + ("" if args.no_figures else ", figures nn1..nn4")
                  + f" in {summary['seconds']:.0f}s")
    return 0


def _nn_grid(args, config, console) -> int:
    """``salign nn --grid ...``: every combination, on any backend; each point's files in out/point-N/."""
    import json
    from dataclasses import replace

    from salign.verify.atomic import write_atomic
    from salign.verify.experiments import grid, nn

    from .status import writable

    out = Path(args.out)
    writable(out, directory=True)
    points = grid.parse(args.grid, nn.GRID_PARAMETERS)
    for pt in points:  # every point is a valid configuration before any run starts
        replace(config, **pt)
    (out / "grid.json").unlink(missing_ok=True)
    results = grid.run(nn.grid_point, points, config, args.jobs, args.scheduler,
                       progress=lambda pt: console.print(f"done: {pt}"))
    rows = []
    for i, (pt, (summary, arrays)) in enumerate(zip(points, results)):
        summary = nn.write(out / f"point-{i}", summary, arrays, figures=not args.no_figures)
        rows.append({"point": pt, "folder": f"point-{i}", "switch": summary["switch"],
                     "continuations": summary["continuations"], "agreement": summary["agreement"]})
    write_atomic(out / "grid.json", json.dumps({"points": rows}, indent=1, default=str) + "\n")
    console.print(f"wrote {out}/grid.json and {len(points)} folders point-0..point-{len(points) - 1}")
    return 0


def _cmd_check(args) -> int:
    import json

    from rich.console import Console

    from salign.verify.atomic import write_atomic

    from .status import collect_status, status_table, writable

    writable(args.json)
    console = Console()
    cache = _cache(args)
    doc = collect_status(args.derivations, args.n, args.seed, args.dps, args.jobs, args.timeout,
                         not args.no_prove, console, claims_file=args.claims_file, cache=cache,
                         scheduler=args.scheduler, coq=args.coq, claims=args.claims)
    console.print(f"derive --check: {doc['derivations']} (against {doc['derivations_reference']['described']})",
                  soft_wrap=True)
    status_table(doc, console)
    if "cached_samples" in doc:
        sampled = [cid for cid in doc["claims"] if cid not in doc["cached_samples"]]
        console.print(f"sampling cache: {len(doc['cached_samples'])} results reused, {len(sampled)} sampled"
                      + (f" ({', '.join(sampled)})" if sampled else ""), soft_wrap=True)
    if cache.enabled and not args.no_prove:
        console.print(f"proof cache: {cache.hits} answers reused, {cache.misses} computed; "
                      f"{doc['cached_proofs']} propositions entirely from the cache")
    if doc.get("kernel"):
        console.print(f"{doc['kernel']['summary']}; the .v files are in {doc['kernel']['directory']}")
    console.print(f"{doc['seconds']:.1f}s")
    if not doc["ok"]:
        console.print(f"[red]failed: {_failures(doc)}[/]", soft_wrap=True)
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
    from .status import collect_status

    # quick: 30 instances per claim, enough that every proposition's hypotheses hold somewhere (at 10, L3.noiseless
    # and T5.turns can go unchecked, which fails the run, as it should)
    status = collect_status(args.derivations, 30 if args.quick else 100, 0, 50, 1, args.timeout, True,
                            console, prove_claims="L1,L4,T4" if args.quick else None, cache=_cache(args))
    from rich.progress import Progress

    with Progress(console=console, transient=True) as prog:
        task = prog.add_task("figures, real data and the network", total=10)
        sim = {"figures": all_figures(out, quick=args.quick, progress=lambda _: prog.advance(task))}
        real = real_run("diabetes", 1, 1, out, seeds=8 if args.quick else 30,
                        progress=lambda _: prog.advance(task))
        from salign.verify.experiments import nn as nn_experiment  # the network: small (quick: tiny) run

        nn_summary = nn_experiment.write(out / "nn", *nn_experiment.run(
            nn_experiment.NNConfig.preset("tiny" if args.quick else "small")))
        prog.advance(task)
    path = write(status, sim, real, out, nn_summary, quick=args.quick)
    console.print(f"wrote {path} (self-contained: figures embedded)")
    if not status["ok"]:
        console.print(f"[red]failed: {_failures(status)}[/]", soft_wrap=True)
    return 0 if status["ok"] else 1


def _failures(status: dict) -> str:
    """Why a status table fails the run: stale derivations, and each failing claim with its verdict."""
    from salign.verify.verdict import Verdict

    bad = [f"{cid} ({c['verdict']})" for cid, c in status["claims"].items()
           if cid != "C1" and Verdict(c["verdict"]).fails]
    stale = [f"derivations {status['derivations']}"] if status["derivations"] != "up to date" else []
    return ", ".join(stale + bad)


def _dps(text):
    from salign.verify.verifier.evaluate import MIN_DPS

    v = _positive("--dps")(text)
    if v < MIN_DPS:
        raise argparse.ArgumentTypeError(f"--dps {v} decides nothing (tolerance 10^(12-dps)); use {MIN_DPS} or more")
    return v


#: salign selftest's models, default and all (named here so that --help needs no SymPy; tests/test_selftest.py
#: checks them against salign.verify.frontend.selftest.MODELS and ALL_MODELS)
ALL_MODELS = ("dynamics", "two-level", "general", "coordinate", "loss-scaled")
MODELS_DEFAULT = ALL_MODELS


def _models(text):
    names = ALL_MODELS if text.strip() == "all" else tuple(dict.fromkeys(m.strip() for m in text.split(",")))
    bad = [m for m in names if m not in ALL_MODELS]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"unknown model(s) {', '.join(map(repr, bad)) or '(none)'}; "
                                         f"choose among {', '.join(ALL_MODELS)}, or 'all'")
    return names


def _seconds(text):
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--timeout must be a number of seconds, got {text!r}") from None
    if not 0 < v <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(f"--timeout must be between 0 and {MAX_TIMEOUT:g} seconds, got {v}")
    return v


def _sampling_args(p, n_default: int, json_help: str) -> None:
    """The verifier's options, shared by verify and check."""
    p.add_argument("-n", type=_positive("-n"), default=n_default, help=f"instances per claim (default {n_default})")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0): runs are reproducible")
    p.add_argument("--dps", type=_dps, default=50, help="decimal digits, at least 20 (default 50)")
    p.add_argument("--jobs", type=_positive("--jobs"), default=1, help="worker processes (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster: the scheduler's address, "
                   "e.g. tcp://10.0.0.5:8786 (default: local processes, see --jobs)")
    p.add_argument("--json", metavar="FILE", help=json_help)


def _grid_args(p, what: str) -> None:
    """``--grid NAME=V1,V2`` (repeatable), ``--jobs``, ``--scheduler``: a grid of runs on any backend."""
    p.add_argument("--grid", action="append", metavar="NAME=V1,V2,...",
                   help=f"run every combination of these values of {what} (repeat for more names); writes grid.json")
    p.add_argument("--jobs", type=_positive("--jobs"), default=1, help="worker processes for a grid (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run a grid on a Dask cluster (the scheduler's address)")


def _claims_file_arg(p) -> None:
    p.add_argument("--claims-file", metavar="FILE", help="a Python file defining CLAIMS (your own conjectures; "
                   "see examples/my_claims.py)")


def _cmd_selftest(args) -> int:
    """Random statements through every checker; exit 1 on any disagreement between them."""
    import json

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from salign.verify.frontend import selftest

    console = Console(stderr=True)
    t0 = time.perf_counter()
    with Progress(TextColumn("selftest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[found]}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=args.n, found="")
        found = []

        def tick(j):
            for kind, detail in j.disagreements:  # as found: a long run shows them before it ends
                bar.console.print(f"DISAGREEMENT {kind}: {j.statement} [{j.model}]: {detail}", markup=False)
            found.extend(j.disagreements)
            bar.update(task, advance=1, found=f"{len(found)} disagreement(s)" if found else "")
            done = bar.tasks[0].completed
            if not console.is_terminal and done % 100 == 0:  # a log, not a terminal: a line now and then
                console.print(f"selftest: {done:.0f}/{args.n} statements, {len(found)} disagreement(s), "
                              f"{time.perf_counter() - t0:.0f} s", markup=False)

        meta = {"n": args.n, "seed": args.seed, "timeout": args.timeout, "samples": args.samples}
        if args.models != selftest.MODELS:  # the default run's log reads as it always has
            meta["models"] = list(args.models)
        done, log = {}, None
        if args.log:
            try:
                done = selftest.read_log(args.log, meta)
            except selftest.LogError as e:
                console.print(f"error: {e}", markup=False)
                return 2
            log = selftest.Log(args.log, meta)
            bar.update(task, completed=len(done))
            found.extend(d for j in done.values() for d in j.disagreements)
        try:
            judged = selftest.run(args.n, args.seed, args.timeout, args.samples, jobs=args.jobs, progress=tick,
                                  done=done, on_judged=log.write if log else None, models=args.models)
        finally:
            if log:
                log.close()
    summary = selftest.summary(judged)
    table = Table(title=f"salign selftest: {len(judged)} statements, seed {args.seed}")
    for col in ("checker", "verdicts"):
        table.add_column(col)
    for checker, counts in summary["verdicts"].items():
        table.add_row(checker, ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    Console().print(table)
    bad = [j for j in judged if j.disagreements]
    print(f"{len(judged)} statements, {sum(len(j.disagreements) for j in bad)} disagreement(s) "
          f"({', '.join(f'{k} {v}' for k, v in summary['disagreements'].items()) or 'none'}); "
          f"{sum(summary['missed'].values())} false statement(s) the verifier's small sample missed "
          "(SAMPLED, not a disagreement); "
          f"{time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps({"meta": meta, "summary": summary,
                                               "judgements": [j.as_json() for j in judged]}, indent=1))
    return 1 if bad else 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Derive, check and export the claims of 'Suspicious "
                "Alignment of SGD' (arXiv 2601.11789).")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    d = sub.add_parser("derive", help="regenerate derivations/ (steps, LaTeX fragments, claims.json)",
                       description="Derive every claim with SymPy and write, per claim, the steps "
                       "(ID.md), a LaTeX fragment (ID.tex) and all named expressions (claims.json).")
    d.add_argument("--out", help="output folder (default: derivations); with --check, the folder to compare with "
                   "(default: the repository's derivations/ when run inside the repository, else the copy shipped "
                   "in the installed package)")
    d.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 naming the files that differ from a fresh regeneration")
    d.set_defaults(func=_cmd_derive)

    lx = sub.add_parser("latex", help="export the claims as LaTeX: a standalone document and a fragment per claim",
                        description="Write DIR/claims.tex (a standalone amsmath document) and DIR/ID.tex for each "
                        "claim (a fragment to \\input in a paper): statements as mathematics, each named expression "
                        "in an align environment, each proposition as hypotheses => conclusion; labels by claim id "
                        "(\\label{T1}, \\label{T1:eta_star}).")
    lx.add_argument("--out", default="latex", help="output folder (default: latex)")
    _claims_file_arg(lx)
    lx.set_defaults(func=_cmd_latex)

    v = sub.add_parser("verify", help="sample random instances and check every claim against independent oracles",
                       description="Sample N random instances per claim (mpmath, --dps digits), evaluate each "
                       "proposition with the registry's formulas against oracles computed from the model's "
                       "definition, shrink any violation to a small counterexample; print a table, optionally "
                       "JSON. Exit 0 only when no claim is violated. C1 (concentration) is measured by "
                       "Monte Carlo of real SGD steps.")
    v.add_argument("--claims", metavar="ID,...", help="claim ids (default: all; C1 on request)")
    _sampling_args(v, n_default=200, json_help="also write the results as JSON")
    _claims_file_arg(v)
    v.add_argument("--detail", action="store_true", help="one row per proposition")
    v.set_defaults(func=_cmd_verify)

    c = sub.add_parser("check", help="the main job: run every check and print one status line per claim",
                       description="Run derive --check (and, as they exist, the verifier and the "
                       "prover) and print one status line per claim id.")
    c.add_argument("--claims", metavar="ID,...", help="check only these claims, built-in or from --claims-file "
                   "(default: all, and C1; name C1 to measure it)")
    c.add_argument("--derivations", help="the derivations folder to check (default: the repository's derivations/ "
                   "when run inside the repository, else the copy shipped in the installed package)")
    _sampling_args(c, n_default=100, json_help="also write the status table as JSON")
    c.add_argument("--timeout", type=_seconds, default=8.0,
                   help="prover: each solver call's budget in seconds of the reference machine, given to the solvers "
                   "as resource units, the same on every machine (default 8); also bounds SymPy preprocessing")
    c.add_argument("--no-prove", action="store_true", help="skip the prover (derive --check and verify only)")
    c.add_argument("--no-cache", action="store_true", help="sample and prove everything afresh (ignore the "
                   "sampled-result and proof caches)")
    _claims_file_arg(c)

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
    sm.add_argument("--eta", type=float, default=0.05, help="step size of the custom run and of figure 1 "
                    "(default 0.05; must be > 0)")
    sm.add_argument("--sigma2", type=float, default=1e-3, help="noise scale sigma^2 (default 1e-3)")
    sm.add_argument("--steps", type=_positive("--steps"), default=200)
    sm.add_argument("--seeds", type=_positive("--seeds"), default=20)
    sm.add_argument("--seed", type=int, default=0)
    sm.add_argument("--no-figures", action="store_true", help="only the custom run, no figures")
    _grid_args(sm, "a simulation parameter, e.g. eta, sigma2, kappa, chi, seed")
    sm.add_argument("--quick", action="store_true", help="small figures (fewer seeds and grid points)")
    sm.set_defaults(func=_cmd_simulate)

    rp = sub.add_parser("report", help="one self-contained HTML page: status table, figures, real data",
                        description="Run derive --check, verify, prove, the simulation figures and the real-data "
                        "comparison, and write DIR/report.html with every figure embedded.")
    rp.add_argument("--out", default="out/report", help="output folder (default: out/report)")
    rp.add_argument("--derivations", help="the derivations folder to check (default: as for check)")
    rp.add_argument("--timeout", type=_seconds, default=8.0, help="prover: each solver call's budget (as for check)")
    rp.add_argument("--quick", action="store_true", help="small version: fewer instances, quick figures, 3 claims proved")
    rp.add_argument("--no-cache", action="store_true", help="sample and prove everything afresh (ignore the "
                    "sampled-result and proof caches; those of a 'salign check' with the same settings are reused)")
    rp.set_defaults(func=_cmd_report)

    rl = sub.add_parser("real", help="least squares on a real dataset: the theory against minibatch SGD",
                        description="Least squares on a dataset shipped with scikit-learn (diabetes or digits): "
                        "eigenbasis of X^T X / n (null directions dropped), exact minibatch-noise diagonal, the "
                        "registry's predictions against the exact expectation over all samples (B = 1) and "
                        "against minibatch SGD, Dom-SGD and Bulk-SGD; figures and JSON.")
    rl.add_argument("--dataset", default="diabetes", help="diabetes (default), digits or mnist5k (MNIST-5k, "
                    "one-hot targets: ten outputs, so -k must be a multiple of 10, e.g. -k 10)")
    rl.add_argument("-k", "--k", dest="k", type=_positive("-k"), default=None,
                    help="dominant directions (default: per dataset, 1 for diabetes and digits, 10 for mnist5k)")
    rl.add_argument("--batch", type=_positive("--batch"), default=1, help="minibatch size (default 1)")
    rl.add_argument("--seeds", type=_positive("--seeds"), default=30)
    rl.add_argument("--seed", type=int, default=0)
    rl.add_argument("--out", default="out/real")
    rl.set_defaults(func=_cmd_real)

    from salign.verify.experiments.nn_cli import add_nn_parser  # argparse only: no JAX at startup

    add_nn_parser(sub, _cmd_nn)

    pr = sub.add_parser("prove", help="prove each claim's propositions exactly (Z3 + cvc5), or refute them",
                        description="Translate each proposition (observables replaced by their definitions "
                        "from the SGD step, in the two-level model and a spectrum with 2 levels per block) to "
                        "nonlinear real arithmetic, assert its negation and run Z3 and cvc5 as a portfolio: "
                        "PROVED (unsat, with Z3's unsat core), REFUTED (model checked in exact rationals), "
                        "UNKNOWN (then interval branch and bound may CERTIFY it on a stated box).")
    pr.add_argument("--claims", metavar="ID,...", help="claim ids (default: all)")
    pr.add_argument("--timeout", type=_seconds, default=8.0,
                    help="each solver call's budget in seconds of the reference machine, given to the solvers as "
                    "resource units, the same on every machine (default 8); also bounds SymPy preprocessing")
    pr.add_argument("--json", metavar="FILE", help="also write the results and evidence as JSON")
    pr.add_argument("--no-cache", action="store_true", help="prove everything afresh (ignore the proof cache)")
    _claims_file_arg(pr)
    for p_ in (pr, c):
        p_.add_argument("--coq", metavar="DIR", help="re-check every PROVED proposition with the Coq proof kernel: one "
                        ".v file per claim in DIR, compiled with coqc (Debian: apt-get install coq coinor-csdp)")
    pr.set_defaults(func=_cmd_prove)
    c.set_defaults(func=_cmd_check)

    st = sub.add_parser("selftest", help="a differential fuzzer: random statements through the prover, the "
                        "verifier, the exact evaluator and the LaTeX exporter; exit 1 on any disagreement",
                        description="Draw N random statements over each model's vocabulary (every symbol, partial "
                        "ones included; + * ^, Abs Max Min exp log; every relation and connective; hypotheses on "
                        "the faces where a symbol loses its value) and judge each with every checker. A "
                        "disagreement (a PROVED false at an exact state, PROVED against a verifier's violation, "
                        "VACUOUS where the hypotheses hold, a REFUTED whose counterexample does not violate the "
                        "statement, an exporter crash, a LaTeX round trip that changes the statement) is printed "
                        "and makes the exit code 1.")
    st.add_argument("-n", type=_positive(int), default=200, help="statements (default 200)")
    st.add_argument("--seed", type=int, default=0, help="the run's seed (default 0): the same seed, the same run")
    st.add_argument("--timeout", type=_seconds, default=1.0,
                    help="prover: each solver call's budget, in seconds of the reference rate (as for prove; default 1)")
    st.add_argument("--samples", type=_positive(int), default=24, help="verifier: instances per statement (default 24)")
    st.add_argument("--jobs", type=_positive(int), default=1, help="worker processes (default 1)")
    st.add_argument("--models", type=_models, default=MODELS_DEFAULT, metavar="M,M,...",
                    help=f"the models statements are drawn over, comma-separated, among {', '.join(ALL_MODELS)} "
                    "or 'all' (default: all)")
    st.add_argument("--json", metavar="FILE", help="also write every judgement as JSON")
    st.add_argument("--log", metavar="FILE", help="append each judgement to FILE (JSON lines) as it is made; a run "
                    "given an existing log of the same -n, --seed, --timeout, --samples and --models resumes from it")
    st.set_defaults(func=_cmd_selftest)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run a command.  Bad input (a :class:`~salign.theory.errors.UserError`, an unreadable or unwritable
    file) is one line on stderr and exit 2; anything else is a bug in salign, reported as such with its
    traceback (exit 3), never disguised as bad input."""
    import traceback

    from salign.theory.errors import UserError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except UserError as e:
        sys.stderr.write(f"{PROG}: error: {e}\n")
        return 2
    except OSError as e:
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        sys.stderr.write(f"{PROG}: error: {where}{e.strerror or e}\n")
        return 2
    except Exception as e:
        traceback.print_exc()
        sys.stderr.write(f"{PROG}: internal error: {type(e).__name__}: {e} (a bug in salign; please report it "
                         "with the traceback above)\n")
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
