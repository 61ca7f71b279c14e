"""The kernel check: every PROVED proposition's theorems, proved by Coq, one ``.v`` file per claim.

For each theorem the proof scripts are tried in turn (each in a ``coqc`` of its own, every tactic under Coq's
``Timeout``); the first that compiles is written into the claim's file, which is then compiled whole: a theorem is
*checked* only once that file compiles.  The result of a search (which script, or none) is kept in the proof cache,
keyed by the theorem's text, the scripts, ``Model.v`` and Coq's version.
"""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from salign.verify.atomic import write_atomic

from . import coqc
from .export import Theorem, coq_file, script_text, theorems

HEADER = ("Require Import Reals Lra Psatz List.\nRequire Import Model.\nOpen Scope R_scope.\n")


def _open_goal(output: str) -> str:
    """The first lines of Coq's complaint (the goal it could not close, or the error)."""
    lines = [ln for ln in output.splitlines() if ln.strip()]
    return "\n".join(lines[:12])


def _trial(th: Theorem, label: str, script: str, directory: Path) -> tuple[bool, str, float]:
    from .export import LAST, LAST_S

    script = script_text(script)
    if not script:
        return False, "no certificate found", 0.0
    body = script.rstrip(".")
    limit = LAST_S if label in dict(LAST) else coqc.TACTIC_S
    text = f"{HEADER}\nTheorem {th.name} :\n  {th.statement}.\nProof.\n  Timeout {limit} ({body}).\nQed.\n"
    h = hashlib.sha256(f"{th.name}|{label}".encode()).hexdigest()[:10]
    path = directory / f"trial_{h}.v"
    path.write_text(text, encoding="utf-8")
    res = coqc.compile_file(path, limit_s=coqc.TACTIC_S * 4 + 20)
    for suffix in (".v", ".vo", ".vok", ".vos", ".glob"):
        path.with_suffix(suffix).unlink(missing_ok=True)
    (directory / f".trial_{h}.aux").unlink(missing_ok=True)
    return res.ok, res.output, res.seconds


def _search(th: Theorem, directory: Path, cache, fingerprint: str) -> Theorem:
    if th.status == "not exported":
        return th
    scripts = [[label, script.key() if callable(script) else script] for label, script in th.scripts]
    key = cache.key("coq", {"statement": th.statement, "scripts": scripts,
                            "fingerprint": fingerprint}) if cache is not None else None
    hit = cache.get(key) if key else None
    if hit is not None:
        th.tactic, th.tactic_script, th.open_goal, th.tried = (hit.get("tactic", ""), hit.get("script", ""),
                                                             hit.get("open_goal", ""), hit.get("tried", []))
        th.reason = hit.get("reason", "")
        return th
    t0 = time.perf_counter()
    for label, script in th.scripts:
        script = script_text(script)
        if not script:
            th.tried.append({"script": label, "closed": False, "seconds": 0.0, "note": "no certificate found"})
            continue
        ok, output, seconds = _trial(th, label, script, directory)
        th.tried.append({"script": label, "closed": ok, "seconds": round(seconds, 2)})
        if ok:
            th.tactic, th.tactic_script = label, script
            break
        th.open_goal = _open_goal(output)
    else:
        th.reason = (f"none of {', '.join(lb for lb, _ in th.scripts)} closed it "
                     f"(at most {coqc.TACTIC_S} s per tactic)")
    th.seconds = time.perf_counter() - t0
    if key:
        cache.put(key, {"tactic": th.tactic, "script": th.tactic_script, "open_goal": th.open_goal,
                        "tried": th.tried, "reason": th.reason})
    return th


def fingerprint() -> str:
    """What a search result depends on besides the theorem: Model.v and Coq's version."""
    return hashlib.sha256((coqc.model_source() + coqc.version()).encode()).hexdigest()[:16]


def kernel_check(proofs: dict, claims: dict, directory: str | Path, cache=None, jobs: int = 2,
                 progress=None) -> dict[str, list[Theorem]]:
    """``proofs``: claim id -> prover results; ``claims``: claim id -> Claim.  Writes ``<claim>.v`` files (and
    ``Model.v``) into ``directory``, compiles them, and returns each claim's theorems with their status."""
    from salign.verify.verdict import Verdict

    directory = Path(directory)
    coqc.prepare(directory)
    fp = fingerprint()
    out: dict[str, list[Theorem]] = {}
    for cid, results in proofs.items():
        props = {p.name: p for p in claims[cid].props}
        out[cid] = [th for r in results if r.verdict == Verdict.PROVED for th in theorems(cid, props[r.prop], r)]
    todo = [th for ths in out.values() for th in ths]
    with ThreadPoolExecutor(max(1, jobs)) as ex:
        for th in ex.map(lambda t: _search(t, directory, cache, fp), todo):
            if progress:
                progress(th)
    for cid, ths in out.items():
        if not ths:
            continue
        path = directory / f"{cid}.v"
        write_atomic(path, coq_file(f"salign: the PROVED propositions of {cid}, re-checked by the Coq kernel", ths))
        res = coqc.compile_file(path)
        for th in ths:
            if th.tactic_script:  # closed by a trial: checked once the claim's file compiles whole
                th.status = "checked" if res.ok else "not checked"
                if not res.ok:
                    th.reason, th.open_goal = "the claim's file did not compile", _open_goal(res.output)
            th.seconds = round(th.seconds, 2)
    return out


__all__ = ["fingerprint", "kernel_check"]
