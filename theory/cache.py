"""What salign keeps between runs, in the user's cache directory: nothing changed, nothing redone.

* the derived registry (every claim, its derivation and its expressions), keyed by a hash of
  the symbolic layer's source and SymPy's version: deriving takes seconds, loading milliseconds;
* the prover's answers (:mod:`salign.verify.prover.cache`), under ``proofs/``;
* the verifier's sampled results (:mod:`salign.verify.frontend.sample_cache`), under ``samples/``.

``SALIGN_CACHE_DIR`` moves the directory; ``SALIGN_NO_CACHE=1`` (what ``--no-cache`` sets) turns
every cache off.  An entry that cannot be read is ignored with a warning and recomputed.

The cache is trusted like the code (a cached PROVED is not proved again), so an entry is read only if
nobody else could have written it: it and every directory from the cache's root down to it belong to
this user (or root) and are writable by nobody else (:func:`trusted`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import platform
import stat
import warnings
from functools import cache
from pathlib import Path

from sympy import Symbol, evaluate
from sympy.core.basic import Basic
from sympy.core.operations import AssocOp


class CacheWarning(UserWarning):
    """A cache entry was unreadable or inconsistent and has been ignored."""


def enabled() -> bool:
    return os.environ.get("SALIGN_NO_CACHE", "") not in ("1", "true", "yes")


def directory() -> Path:
    env = os.environ.get("SALIGN_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("salign"))


#: write permission for anyone but the owner: what makes a cache entry untrustworthy
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _down_to(path: Path, root: Path) -> list[Path]:
    """``path`` and each folder above it up to ``root`` (included), deepest first."""
    path, root = Path(path).absolute(), Path(root).absolute()
    return [path, *(q for q in path.parents if q == root or root in q.parents)]


def trusted(path: Path, root: Path) -> bool:
    """Could only this user (or root) have written ``path``: it and each directory from ``root`` down to it
    belong to this user or root, and none is writable by its group or by all?  (A shared cache directory
    would let others plant a verdict.)  Warns and says False otherwise; salign writes its own entries
    that way whatever the umask (:func:`private_dirs`, :func:`_store`)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - no POSIX owners to check
        return True
    for q in _down_to(path, root):
        st = q.stat()
        if st.st_uid not in (os.getuid(), 0) or st.st_mode & _OTHERS_WRITE:
            who = "writable by others" if st.st_mode & _OTHERS_WRITE else f"owned by user {st.st_uid}"
            warnings.warn(f"ignoring cache entries under {q}: it is {who}, so someone else could have written "
                          f"them (chmod go-w {q}, or set SALIGN_CACHE_DIR to a private directory)", CacheWarning,
                          stacklevel=3)
            return False
    return True


def private_dirs(directory: Path, root: Path) -> None:
    """Create ``directory`` (and what is missing between ``root`` and it) writable by its owner only; what is
    missing above ``root`` (``~/.cache`` on a new machine) is created as any folder the user makes."""
    root.parent.mkdir(parents=True, exist_ok=True)
    for q in reversed(_down_to(directory, root)):
        if not q.exists():
            q.mkdir(exist_ok=True)
            q.chmod(q.stat().st_mode & ~_OTHERS_WRITE)


@cache
def source_hash() -> str:
    """A hash of everything a derivation depends on: this layer's source, SymPy's and Python's versions."""
    import sympy

    h = hashlib.sha256(f"sympy {sympy.__version__} python {platform.python_version()}".encode())
    for f in sorted(Path(__file__).parent.glob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


#: bumped when the stored form changes
FORMAT = 2


def _node(cls, args):
    """Rebuild a SymPy expression node exactly as it was: its class and arguments, in their order, unevaluated.

    (SymPy's own pickling re-evaluates, which can rewrite an unevaluated form such as ``2 (a - b)``
    into ``2a - 2b``: equal in value, but no longer the derivation's expression, so the files
    regenerated from it would differ.)
    """
    if issubclass(cls, AssocOp):
        return cls._from_args(args)
    with evaluate(False):
        return cls(*args)


@cache
def _vocabulary() -> dict:
    """The model's own symbols by ``(name, assumptions)``: what an unpickled symbol is interned to."""
    from . import observables, symbols

    out = {}
    for mod in (symbols, observables):
        for v in vars(mod).values():
            if type(v) is Symbol:
                out.setdefault((v.name, tuple(sorted(v.assumptions0.items()))), v)
    return out


def _symbol(name: str, assumptions: tuple):
    """A symbol as the model defines it: the very object (so that dictionaries keyed by symbols find it by
    identity, without comparing trees), or a new one with the same assumptions."""
    return _vocabulary().get((name, assumptions)) or Symbol(name, **dict(assumptions))


def exact_reduction(obj):
    """The pickling reduction of a compound SymPy expression that rebuilds it exactly (see :func:`_node`), and
    of a symbol that rebuilds it as the model's own object; ``NotImplemented`` for anything else (a pickler's
    ``reducer_override`` protocol)."""
    if type(obj) is Symbol:
        return _symbol, (obj.name, tuple(sorted(obj.assumptions0.items())))
    if isinstance(obj, Basic) and not obj.is_Atom:
        return _node, (type(obj), obj.args)
    return NotImplemented


class _ExactPickler(pickle.Pickler):
    def reducer_override(self, obj):
        return exact_reduction(obj)


def dumps(obj) -> bytes:
    """Pickle ``obj`` so that every SymPy expression in it comes back structurally identical."""
    buf = io.BytesIO()
    _ExactPickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buf.getvalue()


def _registry_path() -> Path:
    return directory() / "registry" / f"{source_hash()}-v{FORMAT}.pickle"


def load_registry():
    """The cached registry, or None (missing, unreadable, or not what this source derives)."""
    if not enabled():
        return None
    path = _registry_path()
    if not path.exists() or not trusted(path, directory()):
        return None
    try:
        with open(path, "rb") as fh:
            doc = pickle.load(fh)
        if not (isinstance(doc, dict) and doc.get("source") == source_hash() and isinstance(doc.get("claims"), dict)):
            raise ValueError("the entry was not written by this version of the symbolic layer")
        return doc["claims"]
    except Exception as e:
        warnings.warn(f"ignoring the unreadable registry cache {path}: {e}", CacheWarning, stacklevel=2)
        return None


def save_registry(claims: dict) -> None:
    if not enabled():
        return
    _store(_registry_path(), dumps({"source": source_hash(), "claims": claims}))


def _store(path: Path, data: bytes) -> None:
    """Write a cache entry whole (a temporary file, then a rename); a read-only cache costs time, never a result."""
    try:
        private_dirs(path.parent, directory())
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.chmod(tmp.stat().st_mode & ~_OTHERS_WRITE)
        os.replace(tmp, path)
    except OSError as e:
        warnings.warn(f"cannot write the cache entry {path}: {e}", CacheWarning, stacklevel=3)


def memo(name: str, build):
    """``build()``, computed once per source of this layer (see :func:`source_hash`) and kept beside the cached
    registry as JSON (``build`` returns plain data).  An unreadable entry is ignored with a warning."""
    if not enabled():
        return build()
    path = directory() / "registry" / f"{source_hash()}-{name}-v{FORMAT}.json"
    if path.exists() and trusted(path, directory()):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not (isinstance(doc, dict) and doc.get("source") == source_hash() and "value" in doc):
                raise ValueError("the entry was not written by this version of the symbolic layer")
            return doc["value"]
        except Exception as e:
            warnings.warn(f"ignoring the unreadable cache entry {path}: {e}", CacheWarning, stacklevel=2)
    value = build()
    _store(path, json.dumps({"source": source_hash(), "value": value}).encode("utf-8"))
    return value
