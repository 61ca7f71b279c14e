"""A content-addressed cache of proof results: nothing changed, nothing redone.

The key of an entry is the SHA-256 of everything the answer depends on: the exact
problem handed to the solvers (SymPy ``srepr`` of the domain, hypotheses and
conclusion in the scope's variables), the solvers' versions, SymPy's version and a
hash of the prover's own source.  A changed derivation, hypothesis, solver or prover
therefore misses.  Only decisive answers are stored (a proof with its routes, a
counterexample, a witness, unsatisfiable hypotheses), never a timeout.

Entries live under the user's cache directory (``platformdirs``; ``SALIGN_CACHE_DIR``
overrides it), one JSON file each, written atomically.  An entry that cannot be read,
does not parse, or whose recorded key differs from its name is ignored with a
warning and recomputed: it is never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from functools import cache
from pathlib import Path

import sympy

from salign.theory.cache import CacheWarning, private_dirs, trusted
from salign.verify.atomic import write_atomic

from .solvers import solver_versions

FORMAT = 1


def default_directory() -> Path:
    from salign.theory.cache import directory

    return directory() / "proofs"


@cache
def code_hash() -> str:
    """A hash of the prover's source: a change to how proofs are made invalidates every entry."""
    h = hashlib.sha256()
    here = Path(__file__).parent
    for f in sorted(here.glob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


class ProofCache:
    """Get and put decisive answers by key; ``enabled=False`` (``--no-cache``) reads and writes nothing."""

    def __init__(self, directory: str | os.PathLike | None = None, enabled: bool = True):
        from salign.theory.cache import enabled as caches_on

        self.directory = Path(directory) if directory is not None else default_directory()
        self.enabled = enabled and caches_on()
        self.hits = 0
        self.misses = 0

    def key(self, kind: str, payload: dict) -> str:
        doc = {"format": FORMAT, "kind": kind, "payload": payload, "solvers": solver_versions(),
               "sympy": sympy.__version__, "prover": code_hash()}
        return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if not self.enabled:
            return None
        path = self._path(key)
        if not path.exists() or not trusted(path, self.directory):
            self.misses += 1
            return None
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("key") != key or not isinstance(doc.get("value"), dict):
                raise ValueError("the entry does not record this key")
        except (OSError, ValueError, UnicodeDecodeError) as e:
            warnings.warn(f"ignoring the unreadable cache entry {path}: {e}", CacheWarning, stacklevel=2)
            self.misses += 1
            return None
        self.hits += 1
        return doc["value"]

    def put(self, key: str, value: dict) -> None:
        if not self.enabled:
            return
        try:
            path = self._path(key)
            private_dirs(path.parent, self.directory)
            write_atomic(path, json.dumps({"key": key, "value": value}, sort_keys=True, default=str), private=True)
        except OSError as e:  # a read-only cache directory costs speed, never a result
            warnings.warn(f"cannot write the proof cache under {self.directory}: {e}", CacheWarning, stacklevel=2)


def srepr_payload(**parts) -> dict:
    """SymPy objects (and lists of them) as their ``srepr``, for a cache key."""
    def enc(x):
        if isinstance(x, (list, tuple)):
            return [enc(y) for y in x]
        return sympy.srepr(x) if isinstance(x, sympy.Basic) else x
    return {k: enc(v) for k, v in parts.items()}
