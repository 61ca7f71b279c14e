"""suspicious-alignment: a symbolic-plus-numeric checker for *Suspicious Alignment of SGD* (arXiv 2601.11789).

One package, two layers:

* :mod:`salign.theory` (the repository's ``theory/``): the model, the claims of
  THEORY.md and their SymPy derivations: the single source of every formula;
* :mod:`salign.verify` (``verify/``): everything numeric, in four subpackages whose
  dependencies point one way, ``frontend -> experiments / prover -> verifier -> theory``:

  - ``verifier``: random instances, oracles from the model's definition, the sampling checker;
  - ``prover``: SymPy -> SMT translation, the Z3 + cvc5 portfolio, interval certificates;
  - ``experiments``: simulations of SGD, Dom-SGD and Bulk-SGD, real data, figures;
  - ``frontend``: the ``salign`` command line, ``derivations/``, the HTML report.

>>> from salign.theory import expression
>>> expression("eta_star_noiseless")
2/(lambda_B + lambda_D)

For notebooks and scripts, the commands as functions that return typed results
(:mod:`salign.verify.frontend.api`): ``salign.check(...)``, ``salign.prove(...)`` and
``salign.verify(...)``, e.g. ``salign.check("L1,T1", n=20)``.  They are imported on first use, so
``import salign`` stays fast.
"""

import importlib
import types
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("suspicious-alignment")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without an install
    __version__ = "0+unknown"

#: the API's functions and result types, loaded on first use (PEP 562)
_API = ("check", "prove", "CheckResult", "ProveResult", "VerifyResult", "ClaimReport", "PropositionResult")


def __getattr__(name):
    if name in _API:
        return getattr(importlib.import_module("salign.verify.frontend.api"), name)
    raise AttributeError(f"module 'salign' has no attribute {name!r}")


class _CallablePackage(types.ModuleType):
    """``salign.verify`` is the numeric layer's package *and* the function ``salign.verify(...)``: calling the
    package runs :func:`salign.verify.frontend.api.verify` (its subpackages stay where they are)."""

    def __call__(self, *args, **kwargs):
        from salign.verify.frontend.api import verify

        return verify(*args, **kwargs)


# the package's own __init__ holds only its docstring: importing it here costs nothing
importlib.import_module("salign.verify").__class__ = _CallablePackage

__all__ = ["__version__", "check", "prove", "verify"]
