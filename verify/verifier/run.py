"""Run the verifier over many claims, in chunks, optionally on several cores."""

from __future__ import annotations

import multiprocessing as mp
from dataclasses import replace
from typing import Callable

from salign.theory.claim import Claim

from .engine import ClaimResult, check_claim

CHUNK = 25


def _merge(a: ClaimResult, b: ClaimResult) -> ClaimResult:
    props = {}
    for name, pa in a.props.items():
        pb = b.props[name]
        merged = pa.merge(pb)
        ces = [c for c in (pa.counterexample, pb.counterexample) if c]
        merged.counterexample = min(ces, key=lambda c: c["sample"]) if ces else None  # deterministic
        props[name] = merged
    return replace(a, n=a.n + b.n, props=props, seconds=a.seconds + b.seconds)


_STATE: dict = {}


def _init(claims_file):
    if claims_file:
        from salign.theory.userclaims import load

        claims, oracles = load(claims_file)
        _STATE["user"] = {c.id: c for c in claims}
        _STATE["oracles"] = oracles


def _task(args):
    cid, start, n, seed, dps = args
    from salign.theory.registry import get

    claim = _STATE.get("user", {}).get(cid) or get(cid)  # in-process variants shadow the registry
    return cid, check_claim(claim, n, seed, dps, start=start, extra_oracles=_STATE.get("oracles"))


def verify_claims(claims: list[Claim], n: int, seed: int, dps: int = 50, jobs: int = 1,
                  claims_file: str | None = None, oracles: dict | None = None,
                  on_chunk: Callable[[str, int], None] | None = None) -> dict[str, ClaimResult]:
    """``{claim id: result}`` for ``n`` samples per claim; identical for any ``jobs``."""
    from .engine import warm

    warm(claims)  # compile every expression once (before forking workers)
    tasks = [(c.id, s, min(CHUNK, n - s), seed, dps) for c in claims for s in range(0, n, CHUNK)]
    results: dict[str, ClaimResult] = {}

    def take(cid, r):
        results[cid] = r if cid not in results else _merge(results[cid], r)
        if on_chunk:
            on_chunk(cid, r.n)

    if jobs <= 1:
        _STATE["user"] = {c.id: c for c in claims}
        _STATE["oracles"] = oracles or {}
        for t in tasks:
            take(*_task(t))
    else:
        from salign.theory.registry import registry

        registry()  # derive once before forking
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs, initializer=_init, initargs=(claims_file,)) as pool:
            for cid, r in pool.imap_unordered(_task, tasks):
                take(cid, r)
    return {c.id: results[c.id] for c in claims if c.id in results}
