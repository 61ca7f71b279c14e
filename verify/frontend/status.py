"""What ``salign verify``, ``prove`` and ``check`` run and print: one status per claim, from both checkers.

Claims come from the registry and, with ``--claims-file``, from a user's file; both
are checked the same way.  The verdicts and the rule that combines the verifier's
with the prover's live in :mod:`salign.verify.verdict`; this module runs the two
sides, combines them per proposition, and renders the table and the JSON.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from salign.theory.errors import UserError
from salign.verify.verdict import PropVerdict, Verdict, claim_verdict, combine

STYLE = {Verdict.PROVED: "green", Verdict.CERTIFIED: "cyan", Verdict.SAMPLED: "yellow", Verdict.UNKNOWN: "yellow"}


class OutputError(UserError):
    """An output path that cannot be written (checked before the run, so no result is lost)."""


def writable(path: str | os.PathLike | None, directory: bool = False) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written, checked before any work: a file's folder must
    exist and take a new file (tried, not guessed: /proc says it is writable and is not), and an existing
    ``path`` must be a regular file (a device such as /dev/null is never replaced); an output folder may be
    new, under a folder that takes one."""
    if path is None:
        return
    p = Path(path)
    if not directory and p.is_dir():
        raise OutputError(f"{p} is a folder; give a file name, e.g. {p / 'results.json'}")
    if not directory and p.exists() and not p.is_file():
        raise OutputError(f"{p} is not a regular file (a device or a pipe); give a file name")
    if not directory and not p.parent.is_dir():
        raise OutputError(f"cannot write {p}: the folder {p.parent} does not exist")
    probe = p if directory else p.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {p}: {probe} is not a writable folder")
    try:  # the one reliable test: make (and remove) a file there
        import tempfile

        with tempfile.NamedTemporaryFile(dir=probe, prefix=".salign-probe-"):
            pass
    except OSError as e:
        raise OutputError(f"cannot write {p}: {probe} does not take new files ({e.strerror or e})") from None


# --- which claims ---------------------------------------------------------------------------

@dataclass
class Selection:
    claims: list
    oracles: dict = field(default_factory=dict)
    with_c1: bool = False
    user_ids: tuple = ()
    claims_file: str | None = None  # where the user's claims and oracles came from (part of a sampled result's key)


def select(spec: str | None, claims_file: str | None = None, allow_c1: bool = True,
           default_c1: bool = False) -> Selection:
    """The registry's claims (and a user's, from ``claims_file``) that ``spec`` ('T1,U2') names; all by default."""
    from salign.theory.registry import CLAIM_IDS, get, parse_ids

    user, oracles = [], {}
    if claims_file:
        from salign.theory.userclaims import load

        user, oracles = load(claims_file)
    user_ids = tuple(c.id for c in user)
    known = CLAIM_IDS + (("C1",) if allow_c1 else ()) + user_ids
    if spec is not None and not spec.replace(",", "").strip():
        raise UserError(f"--claims {spec!r} names no claim; give ids such as T1,L3")
    ids = tuple(dict.fromkeys(parse_ids(spec, known))) if spec else \
        CLAIM_IDS + user_ids + (("C1",) if default_c1 else ())  # each claim once, in the order given
    claims = [get(i) if i in CLAIM_IDS else next(c for c in user if c.id == i) for i in ids if i != "C1"]
    return Selection(claims, oracles, "C1" in ids, user_ids, str(claims_file) if claims_file else None)


# --- the two sides ---------------------------------------------------------------------------

def run_verify(sel: Selection, n, seed, dps, jobs, console, quiet=False, scheduler=None, cache=None):
    """Run the verifier; returns ``(results, c1)`` (``c1``: rows and rate, or None).  With ``cache`` (a
    :class:`~salign.verify.frontend.sample_cache.SampleCache`), a claim whose result is stored under the same
    statement, oracles, code, seed, ``n`` and ``dps`` is not sampled again, and what is sampled is stored."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from salign.verify.verifier.evaluate import tolerance
    from salign.verify.verifier.run import verify_claims

    tolerance(dps)  # a precision below the floor is refused before any work
    keys, stored = {}, {}
    if cache is not None and cache.enabled:
        from .sample_cache import depends_on_oracles, oracles_digest

        digest = oracles_digest(sel.claims_file, sel.oracles) if sel.oracles else None
        for c in sel.claims:
            mine = depends_on_oracles(c, sel.user_ids, sel.oracles)
            if mine and digest is None:
                continue  # oracles whose source cannot be read: sampled every time
            keys[c.id] = cache.claim_key(c, n, seed, dps, digest if mine else None)
            hit = cache.get_claim(keys[c.id], c)
            if hit is not None:
                stored[c.id] = hit
    todo = [c for c in sel.claims if c.id not in stored]
    fresh = {}
    if todo:
        with Progress(TextColumn("[bold]verify[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True, disable=quiet) as prog:
            task = prog.add_task(", ".join(c.id for c in todo), total=n * len(todo))
            fresh = verify_claims(todo, n, seed, dps, jobs, sel.oracles, scheduler=scheduler,
                                  on_chunk=lambda cid, k: prog.advance(task, k))
        for cid, r in fresh.items():
            if cid in keys:
                cache.put_claim(keys[cid], r)
    results = {c.id: stored.get(c.id) or fresh[c.id] for c in sel.claims if c.id in stored or c.id in fresh}
    c1 = None
    if sel.with_c1:
        from salign.verify.experiments.concentration import gap_table, rate

        rows = cache.get_c1(seed) if cache is not None and cache.enabled else None
        if rows is None:
            rows = gap_table(seed=seed)
            if cache is not None:
                cache.put_c1(seed, rows)
        c1 = (rows, rate(rows))
    return results, c1


@dataclass
class ClaimProof:
    verdict: Verdict
    partial: str
    results: list
    seconds: float

    @property
    def cached(self) -> int:
        return sum(r.cached for r in self.results)


def run_prove(sel: Selection, timeout, console, quiet=False, cache=None, coq: str | None = None) -> dict[str, ClaimProof]:
    """Prove every formal proposition of the selected claims; with ``coq`` (a folder), re-check every PROVED one
    with the Coq kernel (:mod:`salign.verify.kernel`)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from salign.verify.prover.prove import claim_status, prove_claim

    if not 0 < timeout <= 3600:
        raise UserError(f"--timeout {timeout}: the solvers need between 0 and 3600 seconds (default 8)")
    out = {}
    with Progress(TextColumn("[bold]prove[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=quiet) as prog:
        task = prog.add_task("", total=sum(len(c.props) for c in sel.claims))
        for c in sel.claims:
            prog.update(task, description=c.id)
            t0 = time.perf_counter()
            results = prove_claim(c, timeout, cache, on_prop=lambda r: prog.advance(task))
            v, partial = claim_status(results, c)
            out[c.id] = ClaimProof(v, partial, results, time.perf_counter() - t0)
    if coq:
        run_kernel(out, {c.id: c for c in sel.claims}, coq, console, quiet, cache)
    return out


def run_kernel(out: dict, claims: dict, directory: str, console, quiet=False, cache=None) -> dict:
    """The Coq kernel's check of every PROVED proposition (one ``.v`` file per claim in ``directory``); each
    result gets its theorems' status in ``kernel``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from salign.verify.kernel.check import kernel_check
    from salign.verify.kernel.coqc import CoqMissing, coqc

    try:
        coqc()
    except CoqMissing as e:
        raise UserError(str(e)) from None
    with Progress(TextColumn("[bold]coq[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=quiet) as prog:
        task = prog.add_task("", total=None)
        kernel = kernel_check({cid: p.results for cid, p in out.items()}, claims, directory,
                              cache=cache if cache is not None and cache.enabled else None,
                              progress=lambda th: prog.update(task, advance=1, description=th.prop))
    for cid, ths in kernel.items():
        for r in out[cid].results:
            r.kernel = [th.as_json() for th in ths if th.prop == r.prop]
    return kernel


def kernel_label(r) -> str:
    """The kernel column of a proposition: checked (and on what), or not (and why)."""
    if not r.kernel:
        return ""
    if all(k["status"] == "checked" for k in r.kernel):
        kinds = sorted({k["kind"] for k in r.kernel})
        return "checked (" + ", ".join(kinds) + ")"
    return "not checked"


def kernel_summary(res: dict) -> str:
    """One line: how many PROVED propositions the Coq kernel checked."""
    proved = [r for p in res.values() for r in p.results if r.verdict == Verdict.PROVED]
    checked = [r for r in proved if r.kernel and all(k["status"] == "checked" for k in r.kernel)]
    model = [r for r in checked if all(k["kind"] == "from the model" for k in r.kernel)]
    return (f"Coq kernel: {len(checked)} of {len(proved)} PROVED propositions checked ({len(model)} from the model, "
            f"{len(checked) - len(model)} on the solvers' problem)")


def prove_json(res: dict[str, ClaimProof]) -> dict:
    return {cid: {"verdict": p.verdict.value, "partial": p.partial, "seconds": round(p.seconds, 3),
                  "cached": p.cached, "propositions": [r.as_json() for r in p.results]} for cid, p in res.items()}


def prove_table(res: dict[str, ClaimProof], console) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="salign prove")
    kernel = any(r.kernel for p in res.values() for r in p.results)
    for col in ("claim / proposition", "verdict", "routes", "covers", "seconds") + (("Coq kernel",) if kernel else ()):
        t.add_column(col, overflow="fold")
    for cid, p in res.items():
        label = p.verdict.value + (f" (partial: {p.partial})" if p.partial else "")
        t.add_row(f"[bold]{cid}[/]", f"[{STYLE.get(p.verdict, 'red')}]{escape(label)}[/]",
                  f"{p.cached} cached" if p.cached else "", "", f"{p.seconds:.1f}")
        for r in p.results:
            t.add_row(f"  {r.prop}", escape(r.label), ", ".join(r.routes) + (" (cached)" if r.cached else ""),
                      escape(r.coverage or r.note[:80]), f"{r.seconds:.2f}", *((kernel_label(r),) if kernel else ()))
    console.print(t)
    for p in res.values():
        for r in p.results:
            if r.counterexample:
                console.print(escape(f"{r.prop}: {r.verdict}, counterexample {r.counterexample} ({r.exact_check})"),
                              soft_wrap=True)
            elif r.verdict in (Verdict.VACUOUS, Verdict.UNKNOWN) and r.note:
                console.print(escape(f"{r.prop}: {r.verdict}: {r.note}"), soft_wrap=True)


# --- both sides together -----------------------------------------------------------------------

def combine_claim(claim, verify_result, proof: ClaimProof | None) -> dict:
    """Per proposition: the verifier's verdict, the prover's, and their combination; then the claim's."""
    from salign.verify.verifier.report import result_json

    by_name = {r.prop: r for r in proof.results} if proof else {}
    rows, verdicts = [], []
    for p in claim.props:
        vr = verify_result.props.get(p.name) if verify_result else None
        pr = by_name.get(p.name)
        v_side = vr.verdict if vr else None
        p_side = pr.verdict if pr and pr.verdict != Verdict.VERIFY_ONLY else None
        combined = combine(v_side, p_side)
        formal = not p.verify_only and not (pr and pr.verdict == Verdict.VERIFY_ONLY)
        coverage, full = (pr.coverage, pr.full) if pr and combined in (Verdict.PROVED, Verdict.CERTIFIED) else ("", True)
        verdicts.append(PropVerdict(p.name, combined, formal, p.expected, coverage, full))
        rows.append({"name": p.name, "verdict": combined.value, "verify": v_side.value if v_side else None,
                     "prove": pr.label if pr else None, "coverage": coverage, "routes": pr.routes if pr else [],
                     "expected_true": p.expected})
    verdict, partial = claim_verdict(verdicts)
    return {"verdict": verdict.value, "partial": partial, "title": claim.title, "propositions": rows,
            "prove": prove_json({claim.id: proof})[claim.id] if proof else {"verdict": Verdict.NOT_RUN.value},
            "verify": result_json(verify_result) if verify_result else {"verdict": Verdict.NOT_RUN.value}}


def collect_status(derivations: str | Path | None, n: int, seed: int, dps: int, jobs: int, timeout: float, prove: bool,
                   console, prove_claims: str | None = None, claims_file: str | None = None, cache=None,
                   scheduler: str | None = None, coq: str | None = None, claims: str | None = None,
                   sample_cache=None, quiet: bool = False) -> dict:
    """derive --check, verify and prove: the per-claim status table as a dict (shared by check and report).
    ``derivations``: the folder to compare with (None: :func:`salign.verify.frontend.derive.reference`).
    ``claims``: the ids to check ('T1,MY_CLAIM'; default: every claim and C1).  ``sample_cache``: where sampled
    results are kept (default: a :class:`~salign.verify.frontend.sample_cache.SampleCache`, on when the proof
    ``cache`` given is on; none without a proof cache).  ``quiet``: no progress bars (the notebook API)."""
    from salign.verify.experiments.concentration import rate

    from . import derive

    sel = select(claims, claims_file, default_c1=True)
    if sample_cache is None and cache is not None:
        from .sample_cache import SampleCache

        sample_cache = SampleCache(enabled=cache.enabled)
    t0 = time.perf_counter()
    ref = derive.reference(derivations)
    stale = derive.stale(ref.path)
    results, c1 = run_verify(sel, n, seed, dps, jobs, console, quiet=quiet, scheduler=scheduler, cache=sample_cache)
    proofs = run_prove(select(prove_claims, claims_file, allow_c1=False) if prove_claims else sel, timeout, console,
                       quiet=quiet, cache=cache, coq=coq) if prove else {}
    doc = {"derivations": "STALE: " + ", ".join(stale) if stale else "up to date",
           "derivations_reference": {**ref.as_json(), "described": ref.describe()}, "claims": {},
           "meta": {"n": n, "seed": seed, "dps": dps, "timeout": timeout, "claims_file": claims_file,
                    "claims": [c.id for c in sel.claims] + (["C1"] if sel.with_c1 else []),
                    "proved": sorted(proofs) if prove else []}}
    for c in sel.claims:
        doc["claims"][c.id] = combine_claim(c, results.get(c.id), proofs.get(c.id))
        doc["claims"][c.id]["user"] = c.id in sel.user_ids
    if c1:
        rows, _ = c1
        doc["claims"]["C1"] = {"verdict": "MEASURED", "rate_exponent": rate(rows), "k_range": [rows[0].k, rows[-1].k]}
    doc["cached_proofs"] = sum(p.cached for p in proofs.values())
    if sample_cache is not None and sample_cache.enabled:
        doc["cached_samples"] = list(sample_cache.reused)
    if coq and proofs:
        doc["kernel"] = {"summary": kernel_summary(proofs), "directory": str(coq)}
    doc["seconds"] = round(time.perf_counter() - t0, 3)
    doc["ok"] = not stale and not any(Verdict(c["verdict"]).fails for cid, c in doc["claims"].items() if cid != "C1")
    return doc


def status_table(doc: dict, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="salign check: one line per claim")
    for col in ("claim", "verdict", "prove", "verify", "claim title"):
        t.add_column(col, overflow="fold")
    for cid, c in doc["claims"].items():
        if cid == "C1":
            t.add_row("C1", "MEASURED", "-", f"gap ~ k^{c['rate_exponent']:.2f} (k = {c['k_range'][0]}.."
                      f"{c['k_range'][1]})", "real SGD approaches the mean field as k, d-k grow")
            continue
        props = [x for x in c["prove"].get("propositions", []) if x.get("verdict") != "VERIFY-ONLY"]
        proved = sum(x["verdict"] == "PROVED" for x in props)
        double = sum(x["verdict"] == "PROVED" and len(x.get("routes", [])) >= 2 for x in props)
        covers = sorted({x.get("coverage", "") for x in props if x.get("verdict") == "PROVED"})
        # "3/3 proved (3 by two routes); any spectrum; 2 cached", "0/1 proved; 1 refuted": no empty fields
        others: dict = {}
        for x in props:
            if x["verdict"] != "PROVED":
                others[x["verdict"]] = others.get(x["verdict"], 0) + 1
        parts = [f"{proved}/{len(props)} proved" + (f" ({double} by two routes)" if proved else ""),
                 *(c_ for c_ in covers if c_), *(f"{k} {v.lower()}" for v, k in others.items()),
                 *([f"{c['prove']['cached']} cached"] if c["prove"].get("cached") else [])]
        p_text = "; ".join(parts) if props else c["prove"]["verdict"]
        v = c["verify"]
        v_text = (f"{v.get('instances', 0)} inst., {v.get('checks', 0)} checks"
                  + (f", {v['violations']} violations" if v.get("violations") else "")) if "checks" in v else v["verdict"]
        verdict = Verdict(c["verdict"])
        label = c["verdict"] + (" *" if c.get("partial") else "")
        t.add_row(cid + (" (user)" if c.get("user") else ""), f"[{STYLE.get(verdict, 'red')}]{escape(label)}[/]",
                  escape(p_text), escape(v_text), escape(c["title"]))
    console.print(t)
    for cid, c in doc["claims"].items():  # what a starred verdict does not cover
        if c.get("partial"):
            console.print(escape(f"* {cid}: {c['partial']}"), soft_wrap=True)
    for c in doc["claims"].values():
        for row in c.get("propositions", []):
            v = Verdict(row["verdict"])
            if v.fails and row["expected_true"]:
                console.print(escape(f"{row['name']}: {v} (verify: {row['verify']}, prove: {row['prove']})"),
                              soft_wrap=True)
