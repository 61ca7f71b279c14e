"""Conjectures about the model, some true and some false: ``salign prove --claims-file examples/conjectures.py``.

Each is a ``salign.theory.Claim`` like the built-in ones; ``salign check --claims-file`` samples and
proves them next to the register, and ``salign latex --claims-file`` exports them.  None of them is a
SymPy identity: the solvers have to decide each one.
"""

from sympy import Eq, Equivalent

from salign.theory import Claim, Prop, expression
from salign.theory import observables as O
from salign.theory import symbols as S

eta_D, eta_B, eta_star, Q = expression("eta_D"), expression("eta_B"), expression("eta_star"), expression("Q")

CLAIMS = [
    Claim(
        id="SAFE_STEP",
        title="Below both projected thresholds, full SGD lowers the loss (true)",
        statement="If eta < eta_D and eta < eta_B, the full SGD step lowers the expected loss.",
        hypotheses="Any spectrum, any diagonal noise.",
        defines={},
        props=(Prop("SAFE_STEP.lowers", O.dL < 0, (S.eta < eta_D, S.eta < eta_B)),),
    ),
    Claim(
        id="AT_ETA_D",
        title="At eta_D, full SGD lowers the loss exactly when the suspicious interval is open (true)",
        statement="At eta = eta_D, the full SGD step lowers the expected loss iff eta_D < eta_B.",
        hypotheses="Any spectrum, any diagonal noise.",
        defines={},
        props=(Prop("AT_ETA_D.iff", Equivalent(O.dL < 0, eta_D < eta_B), (Eq(S.eta, eta_D),)),),
    ),
    Claim(
        id="DOM_FOLLOWS",
        title="Dom-SGD raises the loss whenever the alignment rises (false)",
        statement="If the mean-field alignment increases over one step, the Dom-SGD step raises the loss.",
        hypotheses="Any spectrum with a gap.",
        defines={},
        props=(Prop("DOM_FOLLOWS.raises", O.dL_D > 0, (O.Dchi > 0, O.spectral_gap)),),
    ),
    Claim(
        id="CRITICAL_BELOW_BULK",
        title="The critical step size lies below Bulk-SGD's threshold (false)",
        statement="In the low-alignment regime, eta* < eta_B.",
        hypotheses="Any spectrum with a gap, Q > 0.",
        defines={},
        props=(Prop("CRITICAL_BELOW_BULK.below", eta_star < eta_B, (Q > 0, O.spectral_gap)),),
    ),
]
