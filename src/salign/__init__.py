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
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("suspicious-alignment")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without an install
    __version__ = "0+unknown"
