"""Example user conjectures for ``salign verify --claims-file examples/my_claims.py``.

A claims file defines ``CLAIMS``: a list of ``salign.theory.Claim``, each with one or more
``salign.theory.Prop`` (hypotheses => conclusion, as SymPy relations over the model's
symbols and observables).  Symbols of your own get their values from ``ORACLES``:
functions of the sampled instance, computed from the model's definition.
"""

from sympy import Symbol

from salign.theory import Claim, Prop, expression
from salign.theory import observables as O
from salign.theory import symbols as S
from salign.verify.verifier import oracles

# An observable of our own: the full-SGD expected loss change at twice the step size.
dL_double = Symbol("dL_double", real=True)
ORACLES = {dL_double: lambda inst: oracles.expected_loss_change(inst, ("D", "B"), 2 * inst.eta)}

eta_SGD = expression("eta_SGD")

CLAIMS = [
    Claim(
        id="U1",
        title="The full SGD step never raises the loss below eta_SGD / 2",
        statement="If eta < eta_SGD / 2 then doubling the step still lowers the expected loss.",
        hypotheses="Any spectrum.",
        defines={},
        props=(Prop("U1.double_step", dL_double < 0, (S.eta < eta_SGD / 2,)),),
    ),
    Claim(
        id="U2",
        title="A false conjecture, to see a counterexample",
        statement="Dom-SGD never raises the loss (false: it does beyond eta_D).",
        hypotheses="Any spectrum.",
        defines={},
        props=(Prop("U2.dom_never_raises", O.dL_D <= 0),),
    ),
]
