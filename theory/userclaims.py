"""Load user conjectures from a Python file (``salign verify --claims-file FILE``).

The file defines ``CLAIMS``: a list of :class:`salign.theory.Claim`, each with
propositions (:class:`salign.theory.Prop`) over the model's symbols
(``salign.theory.symbols``), the observables (``salign.theory.observables``) and, optionally,
symbols of its own whose values come from ``ORACLES``: a dict mapping each such
symbol to a function ``instance -> number`` computed from the model.
See ``examples/my_claims.py``.
"""

from __future__ import annotations

import runpy
import traceback
from functools import lru_cache
from pathlib import Path

from sympy import Symbol

from salign.theory import observables as O
from salign.theory.claim import Claim, Prop
from salign.theory.registry import CLAIM_IDS

from .errors import UserError


class ClaimFileError(UserError):
    """A claims file that cannot be used; the message names the file and the problem."""


KNOWN = O.project_symbols()


#: what a user's oracle symbol may assume, and what each assumption promises of its values: SymPy uses the
#: promise when it builds the statement (``Abs(w)`` becomes ``w`` for ``w`` positive), so a value that breaks it
#: would be judged by another statement.  Any other assumption (even, prime, rational, extended_positive,
#: integer=False, ...) is one the verifier cannot check on a number: such a symbol is refused.
PROMISES = {"positive": lambda v: v > 0, "nonnegative": lambda v: v >= 0, "negative": lambda v: v < 0,
            "nonpositive": lambda v: v <= 0, "nonzero": lambda v: v != 0, "integer": lambda v: v == int(v),
            "real": lambda v: True}  # every number an oracle may return is real


@lru_cache(maxsize=None)
def oracle_symbol_problem(s) -> str | None:
    """Why ``s`` cannot stand for an oracle's value (None if it can): its assumptions must be exactly those
    that follow from some of :data:`PROMISES`, each of which the verifier checks on every value."""
    from sympy import Symbol, Wild

    if not isinstance(s, Symbol) or isinstance(s, Wild):
        return f"{s!r} is not a plain SymPy Symbol"
    implied = Symbol("t", **{k: True for k in PROMISES if s.assumptions0.get(k) is True}).assumptions0
    extra = sorted(f"{k}={v}" for k, v in s.assumptions0.items() if implied.get(k) != v)
    if extra:
        return (f"the oracle symbol {s} assumes {', '.join(extra)}, which the verifier cannot check on the "
                f"oracle's values; declare only {', '.join(k for k in PROMISES)} (each is checked)")
    return None


def load(path: str | Path) -> tuple[list[Claim], dict]:
    path = Path(path)
    if not path.is_file():
        raise ClaimFileError(f"{path}: no such file")
    try:
        ns = runpy.run_path(str(path))
    except SyntaxError as e:
        raise ClaimFileError(f"{path}:{e.lineno}: syntax error: {e.msg}") from None
    except SystemExit as e:  # not an Exception: it would end salign with its code, nothing checked
        raise ClaimFileError(f"{path}: the file called sys.exit({e.code!r}) while it was loaded") from None
    except Exception as e:  # the user's code failed: say where, in one line
        tb = traceback.extract_tb(e.__traceback__)
        line = next((f.lineno for f in reversed(tb) if f.filename == str(path)), "?")
        raise ClaimFileError(f"{path}:{line}: {type(e).__name__}: {e}") from None
    claims = ns.get("CLAIMS")
    oracles = ns.get("ORACLES", {})
    if claims is None:
        raise ClaimFileError(f"{path}: defines no CLAIMS (a list of salign.theory.Claim)")
    if not isinstance(claims, (list, tuple)) or not claims:
        raise ClaimFileError(f"{path}: CLAIMS must be a non-empty list of salign.theory.Claim, got {type(claims).__name__}")
    if not isinstance(oracles, dict) or not all(isinstance(k, Symbol) and callable(f) for k, f in oracles.items()):
        raise ClaimFileError(f"{path}: ORACLES must map SymPy symbols to functions instance -> number")
    for sym in oracles:
        problem = oracle_symbol_problem(sym)
        if problem:
            raise ClaimFileError(f"{path}: {problem}")
    seen = set()
    for i, c in enumerate(claims):
        if not isinstance(c, Claim):
            raise ClaimFileError(f"{path}: CLAIMS[{i}] is a {type(c).__name__}, not a salign.theory.Claim")
        if c.id in CLAIM_IDS or c.id in seen or c.id == "C1":
            raise ClaimFileError(f"{path}: claim id {c.id!r} is already taken; choose another")
        seen.add(c.id)
        if not c.props or not all(isinstance(p, Prop) for p in c.props):
            raise ClaimFileError(f"{path}: claim {c.id} needs at least one salign.theory.Prop in props")
        for p in c.props:
            unknown = sorted(s.name for s in p.free_symbols() if s not in KNOWN and s not in oracles)
            if unknown:
                raise ClaimFileError(f"{path}: {p.name} uses unknown symbol(s) {', '.join(unknown)}: use "
                                     "salign.theory.symbols / salign.theory.observables, or give them an oracle in ORACLES")
    return list(claims), dict(oracles)
