"""Run the verifier over many claims, in chunks: here, on several local processes, or on a Dask cluster.

The work is cut into chunks of :data:`CHUNK` samples of one claim; sample ``i`` of a
claim depends only on ``(seed, claim id, i)``, so the result is the same however the
chunks are spread: one process, ``--jobs J`` local processes or a cluster
(:mod:`salign.verify.parallel`).  Chunks are merged in sample order, never in
completion order.  The claims themselves (the registry's, a user's file, a test's
wrong variant) travel with the work, so every worker checks exactly the claims asked for.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from salign.theory.cache import dumps
from salign.theory.claim import Claim

from .engine import ClaimResult, check_claim, warm

CHUNK = 25


@dataclass(frozen=True)
class Chunk:
    claim: str
    start: int
    n: int
    seed: int
    dps: int


def _merge(a: ClaimResult, b: ClaimResult) -> ClaimResult:
    props = {name: pa.merge(b.props[name]) for name, pa in a.props.items()}
    return ClaimResult(a.id, a.n + b.n, props, a.seconds + b.seconds)


@lru_cache(maxsize=8)
def _claims_from(blob: bytes) -> dict:
    return pickle.loads(blob)


def run_chunk(chunk: Chunk, claims: dict | bytes, oracles: dict) -> ClaimResult:
    """Check one chunk (in whichever process runs it).  ``claims`` arrive as they are (a forked local worker
    shares them) or as :func:`salign.theory.cache.dumps` bytes (a cluster: every expression rebuilt exactly,
    so every worker evaluates the very same formulas)."""
    if isinstance(claims, bytes):
        claims = _claims_from(claims)
    return check_claim(claims[chunk.claim], chunk.n, chunk.seed, chunk.dps, start=chunk.start, extra_oracles=oracles)


def chunks(claims: list[Claim], n: int, seed: int, dps: int) -> list[Chunk]:
    return [Chunk(c.id, s, min(CHUNK, n - s), seed, dps) for c in claims for s in range(0, n, CHUNK)]


def verify_claims(claims: list[Claim], n: int, seed: int, dps: int = 50, jobs: int = 1,
                  oracles: dict | None = None, on_chunk: Callable[[str, int], None] | None = None,
                  scheduler: str | None = None) -> dict[str, ClaimResult]:
    """``{claim id: result}`` for ``n`` samples per claim; identical for any ``jobs`` and any cluster."""
    from salign.verify.parallel import runner

    warm(claims)  # compile every expression once (before forking workers)
    work = chunks(claims, n, seed, dps)
    by_id = {c.id: c for c in claims}
    done: dict = {}
    shared = dumps(by_id) if scheduler else by_id
    with runner(jobs, scheduler) as run:
        for chunk, result in run(run_chunk, work, shared, oracles or {}):
            done[chunk] = result
            if on_chunk:
                on_chunk(chunk.claim, chunk.n)
    results: dict[str, ClaimResult] = {}
    for chunk in work:  # merge in sample order: the result does not depend on who finished first
        r = done[chunk]
        results[chunk.claim] = r if chunk.claim not in results else _merge(results[chunk.claim], r)
    return {c.id: results[c.id] for c in claims if c.id in results}
