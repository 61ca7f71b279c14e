"""Sampled results kept between runs, like proofs: a rerun with nothing changed samples nothing.

The verifier's result for one claim (every proposition's counts, worst margin and shrunk
counterexample) is stored under a key that names everything the result depends on:

* the claim as the verifier reads it: its id (the sample stream is seeded by it) and, per
  proposition, the SymPy ``srepr`` of the conclusion and of each hypothesis, its model, whether it
  is oracle-only and whether it is expected to hold;
* the arguments: the seed, ``n`` and the precision ``dps``;
* the code that computes it: the source of :mod:`salign.verify.verifier` (the sampler, the oracles,
  the engine), of the shared modules under ``verify/``, of this module (the stored form), and
  :func:`salign.theory.cache.source_hash` (the symbolic layer's source, SymPy's and Python's
  versions), with the versions of mpmath, its backend and python-flint;
* for a user's claim, the user's oracles: the claims file's bytes and the source file of each
  oracle function.  A built-in claim takes them into its key too when an oracle names a symbol the
  verifier knows (an oracle for ``eta_star`` would change what every claim using it reads).

C1 (the concentration measurement) is kept the same way, keyed by its seed and the source of
the experiments that measure it.

The store is the proof cache's (:class:`salign.verify.prover.cache.ProofCache`): one JSON file per
key, written atomically, read only if nobody else could have written it, and an entry that
does not parse or does not record its own key is ignored with a warning and recomputed.  A
result with an ERROR is never stored (it may come from a passing condition, e.g. a user's
oracle that failed).  ``--no-cache`` (``SALIGN_NO_CACHE=1``) reads and writes nothing.

What the key cannot see: code a user's oracle calls in another module than its own file
(a helper module the oracle imports), and changes to installed libraries other than those
named above.  ``--no-cache`` recomputes in that case.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from functools import cache
from pathlib import Path

import sympy

from salign.verify.prover.cache import ProofCache

#: bumped when the stored form changes
FORMAT = 1

_VERIFY = Path(__file__).resolve().parent.parent  # the verify/ folder


def default_directory() -> Path:
    from salign.theory.cache import directory

    return directory() / "samples"


def verifier_sources() -> list[Path]:
    """The files whose source decides a sampled result: the verifier, the shared modules and this module."""
    return sorted([*(_VERIFY / "verifier").glob("*.py"), *_VERIFY.glob("*.py"), Path(__file__).resolve()])


def c1_sources() -> list[Path]:
    """The files that measure C1 (besides the verifier's oracles, :func:`verifier_sources`)."""
    return [_VERIFY / "experiments" / "concentration.py", _VERIFY / "experiments" / "simulate.py"]


def _hash_files(paths) -> str:
    h = hashlib.sha256()
    for f in paths:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


@cache
def code_hash() -> str:
    """A hash of the code and the libraries a sampled result depends on."""
    import flint
    import mpmath
    import numpy

    from salign.theory.cache import source_hash

    libs = f"mpmath {mpmath.__version__} {mpmath.libmp.BACKEND} flint {flint.__version__} numpy {numpy.__version__}"
    return hashlib.sha256(f"{_hash_files(verifier_sources())} {source_hash()} {libs}".encode()).hexdigest()[:24]


def oracles_digest(claims_file: str | os.PathLike | None, oracles: dict) -> str | None:
    """A hash of a user's oracles: the claims file and the source file of each oracle function; None when one
    of them cannot be read (then nothing that depends on them is cached)."""
    h = hashlib.sha256()
    files = {Path(claims_file).resolve()} if claims_file else set()
    for sym, fn in sorted(oracles.items(), key=lambda kv: sympy.srepr(kv[0])):
        h.update(f"{sympy.srepr(sym)} -> {getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', fn)!r}".encode())
        try:
            files.add(Path(inspect.getsourcefile(fn) or "").resolve(strict=True))
        except (TypeError, OSError):
            return None  # a builtin, a C function, code without a file: its changes would go unseen
    try:
        for data in sorted(f.read_bytes() for f in files):  # the contents, wherever the files are
            h.update(hashlib.sha256(data).digest())
    except OSError:
        return None
    return h.hexdigest()


@cache
def _known_names() -> frozenset:
    """Names of every symbol the verifier computes or reads: a user's oracle for one of them changes built-in claims."""
    from salign.theory.observables import project_symbols
    from salign.verify.verifier.context import INDEX

    return frozenset({s.name for s in project_symbols()} | {str(s) for s in INDEX})


def claim_payload(claim) -> dict:
    """The claim as the verifier reads it (what a change of the statement must change)."""
    return {"id": claim.id, "props": [{"name": p.name, "conclusion": sympy.srepr(p.conclusion),
                                       "hypotheses": [sympy.srepr(h) for h in p.hypotheses], "model": p.model,
                                       "verify_only": p.verify_only, "expected": p.expected} for p in claim.props]}


# --- the stored form of a claim's result --------------------------------------------------------------------

def _margin_out(x):
    """A margin (None, a float or an mpmath number) as JSON data that gives back the very value."""
    import mpmath

    if x is None:
        return None
    if type(x) is float:
        return {"float": x}  # JSON keeps a float's shortest repr: the same double
    if isinstance(x, mpmath.mpf):
        sign, man, exp, bc = x._mpf_
        return {"mpf": [sign, str(man), exp, bc]}
    raise TypeError(f"a margin of type {type(x).__name__} is not stored")


def _margin_in(v):
    import mpmath

    if v is None:
        return None
    if set(v) == {"float"} and isinstance(v["float"], float):
        return v["float"]
    sign, man, exp, bc = v["mpf"]
    if not (sign in (0, 1) and isinstance(exp, int) and isinstance(bc, int)):
        raise ValueError("not a stored mpf")
    with mpmath.workprec(max(bc, 53)):  # every bit back, not rounded to the working precision
        return mpmath.mpf((sign, int(man), exp, bc))


_PROP_FIELDS = ("name", "expected", "formal", "applicable", "checked", "vacuous", "violations", "oracle_failures",
                "counterexample", "error", "hypotheses")


def encode_result(r) -> dict:
    """A :class:`~salign.verify.verifier.engine.ClaimResult` as plain JSON data, exactly (a float margin as JSON's
    float, an mpmath one in its own binary form); raises ``TypeError`` for anything else."""
    return {"id": r.id, "n": r.n, "seconds": r.seconds,
            "props": [{**{f: getattr(p, f) for f in _PROP_FIELDS}, "worst_margin": _margin_out(p.worst_margin),
                       "faces": [[k, v] for k, v in sorted(p.faces.items())]} for p in r.props.values()]}


def decode_result(doc: dict):
    """The stored result back; raises (``KeyError``, ``TypeError``, ``ValueError``) on anything of another shape."""
    from salign.verify.verifier.engine import ClaimResult, PropResult

    props = {}
    for p in doc["props"]:
        fields = {f: p[f] for f in _PROP_FIELDS}
        props[p["name"]] = PropResult(**fields, worst_margin=_margin_in(p["worst_margin"]),
                                      faces={int(k): int(v) for k, v in p["faces"]})
    return ClaimResult(str(doc["id"]), int(doc["n"]), props, float(doc["seconds"]))


class SampleCache(ProofCache):
    """The verifier's results by claim, in the proof cache's store (under ``samples/``); ``reused`` names the claims
    answered from it in this run."""

    def __init__(self, directory: str | os.PathLike | None = None, enabled: bool = True):
        super().__init__(directory if directory is not None else default_directory(), enabled)
        self.reused: list[str] = []

    def key(self, kind: str, payload: dict) -> str:
        code = code_hash() if kind == "claim" else f"{code_hash()} {_hash_files(c1_sources())}"
        doc = {"format": FORMAT, "kind": kind, "payload": payload, "code": code}
        return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()

    # --- one claim ---------------------------------------------------------------------------------------
    def claim_key(self, claim, n: int, seed: int, dps: int, oracles: str | None = None) -> str:
        """``oracles``: :func:`oracles_digest` of the user's oracles when they can change this claim, else None."""
        return self.key("claim", {"claim": claim_payload(claim), "n": n, "seed": seed, "dps": dps, "oracles": oracles})

    def get_claim(self, key: str, claim):
        """The stored result, or None (missing, unreadable, or not this claim's)."""
        import warnings

        from salign.theory.cache import CacheWarning

        value = self.get(key)
        if value is None:
            return None
        try:
            r = decode_result(value)
            if r.id != claim.id or list(r.props) != [p.name for p in claim.props]:
                raise ValueError("it holds another claim's result")
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            warnings.warn(f"ignoring the sampled-result cache entry {key[:12]}... under {self.directory}: {e}",
                          CacheWarning, stacklevel=2)
            self.hits -= 1
            self.misses += 1
            return None
        self.reused.append(claim.id)
        return r

    def put_claim(self, key: str, result) -> None:
        if any(p.error for p in result.props.values()):
            return  # an ERROR is recomputed every time
        try:
            value = encode_result(result)
            json.dumps(value)  # only what JSON keeps as it is
        except (TypeError, ValueError):
            return
        self.put(key, value)

    # --- C1 ----------------------------------------------------------------------------------------------
    def get_c1(self, seed: int):
        from salign.verify.experiments.concentration import GapRow

        value = self.get(self.key("c1", {"seed": seed}))
        try:
            rows = None if value is None else [GapRow(**row) for row in value["rows"]]
        except (KeyError, TypeError):
            return None
        if rows:
            self.reused.append("C1")
        return rows or None

    def put_c1(self, seed: int, rows) -> None:
        self.put(self.key("c1", {"seed": seed}), {"rows": [dict(r.__dict__) for r in rows]})


def depends_on_oracles(claim, user_ids, oracles: dict) -> bool:
    """Can the user's oracles change what the verifier finds for ``claim``?"""
    if not oracles:
        return False
    return claim.id in user_ids or any(s.name in _known_names() for s in oracles)
