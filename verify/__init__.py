"""Numeric layer of suspicious-alignment (installed as ``salign.verify``).

Subpackages, with dependencies pointing one way (``tests/test_layout.py`` checks it):

* :mod:`~salign.verify.verifier` -- instances, sampling, oracles, the sampling checker;
* :mod:`~salign.verify.prover` -- exact proofs (Z3 + cvc5) and interval certificates;
* :mod:`~salign.verify.experiments` -- simulation, real data, figures;
* :mod:`~salign.verify.frontend` -- the ``salign`` command line, derivations, the report.

Modules at this level (:mod:`~salign.verify.atomic`) are shared leaves that import
nothing from the subpackages.
"""
