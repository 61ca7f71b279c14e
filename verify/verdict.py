"""Verdicts: what a check promises, and the one rule that combines the verifier's and the prover's.

A verdict is a promise.  PROVED means exact, on the coverage it names (a proposition
stated for a general spectrum may be proved for every spectrum, for spectra with at
most two eigenvalue levels per block, or only for the two-level model); CERTIFIED means
rigorous on the box it names; SAMPLED means n checks and none violated; REFUTED comes
with a checked counterexample.  The other verdicts say what was *not* decided, and
three of them fail a run: VACUOUS (the hypotheses are unsatisfiable, so a "proof"
says nothing), UNCHECKED (zero checks: the hypotheses never held, or every oracle
failed) and ERROR (a proposition or a user's oracle raised).

The verifier (:mod:`salign.verify.verifier`) and the prover (:mod:`salign.verify.prover`)
each give one verdict per proposition; :func:`combine` merges the two, and
:func:`claim_verdict` says what a whole claim earns: never more than its weakest
proposition.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Verdict(str, Enum):
    PROVED = "PROVED"
    CERTIFIED = "CERTIFIED"
    SAMPLED = "SAMPLED"
    REFUTED = "REFUTED"
    VACUOUS = "VACUOUS"
    UNCHECKED = "UNCHECKED"
    UNKNOWN = "UNKNOWN"
    VERIFY_ONLY = "VERIFY-ONLY"  # the prover does not state it (an oracle-only observable)
    NOT_RUN = "NOT RUN"
    ERROR = "ERROR"

    def __str__(self) -> str:
        return self.value

    @property
    def fails(self) -> bool:
        """Does this verdict fail a run (exit code 1)?"""
        return self in FAILING

    @property
    def decided_true(self) -> bool:
        """Is this positive evidence (a proof, a certificate or clean sampling)?"""
        return self in (Verdict.PROVED, Verdict.CERTIFIED, Verdict.SAMPLED)


FAILING = frozenset({Verdict.REFUTED, Verdict.VACUOUS, Verdict.UNCHECKED, Verdict.ERROR})

#: from the weakest (worst) to the strongest verdict
ORDER = (Verdict.ERROR, Verdict.REFUTED, Verdict.VACUOUS, Verdict.UNCHECKED, Verdict.NOT_RUN, Verdict.UNKNOWN,
         Verdict.VERIFY_ONLY, Verdict.SAMPLED, Verdict.CERTIFIED, Verdict.PROVED)
RANK = {v: i for i, v in enumerate(ORDER)}


def weakest(verdicts) -> Verdict:
    """The weakest of ``verdicts`` (NOT_RUN for none)."""
    vs = list(verdicts)
    return min(vs, key=RANK.__getitem__) if vs else Verdict.NOT_RUN


def combine(verify: Verdict | None, prove: Verdict | None) -> Verdict:
    """One proposition's verdict from both sides.

    An error or a refutation from either side wins (nothing is PROVED that sampling
    violates); unsatisfiable hypotheses are VACUOUS; then a proof or certificate; then
    clean sampling; zero checks without a proof is UNCHECKED; anything else UNKNOWN.
    """
    sides = [v for v in (verify, prove) if v is not None]
    for bad in (Verdict.ERROR, Verdict.REFUTED, Verdict.VACUOUS):
        if bad in sides:
            return bad
    if prove in (Verdict.PROVED, Verdict.CERTIFIED):
        return prove
    if verify == Verdict.SAMPLED:
        return Verdict.SAMPLED
    if verify == Verdict.UNCHECKED:
        return Verdict.UNCHECKED
    if not sides or all(v == Verdict.NOT_RUN for v in sides):
        return Verdict.NOT_RUN
    return Verdict.UNKNOWN


@dataclass(frozen=True)
class PropVerdict:
    """One proposition's combined verdict and what it covers."""

    name: str
    verdict: Verdict
    formal: bool = True  # stated for the prover (False: an oracle-only observable, checked by sampling)
    expected: bool = True  # False: an exploratory conjecture, whose refutation is a finding, not a failure
    coverage: str = ""  # what a PROVED / CERTIFIED covers: "any spectrum", "m <= 2", "two-level", a box
    full: bool = True  # does the coverage reach the proposition's own scope?


def claim_verdict(props: list[PropVerdict]) -> tuple[Verdict, str]:
    """A claim's verdict: the weakest of its formal propositions, unless an oracle check fails.

    Exploratory conjectures (``expected=False``) do not count, except that their ERROR, UNCHECKED or
    VACUOUS fails the claim as any other's does (only their REFUTED is a finding).  Oracle-only propositions
    can at best be SAMPLED; a failing one (REFUTED, UNCHECKED, ERROR) fails the claim, and
    a PROVED or CERTIFIED claim names them in the second value ("T1.root sampled, not
    proved"), which says what the verdict does not cover (empty when it covers everything).
    """
    counted = [p for p in props if p.expected]
    # an exploratory conjecture's REFUTED is a finding; its ERROR, UNCHECKED or VACUOUS is still a failure
    failing = [p for p in props if p.verdict.fails and (p.expected or p.verdict != Verdict.REFUTED)]
    if failing:
        return weakest(p.verdict for p in failing), ""
    formal = [p for p in counted if p.formal]
    if not formal:
        return weakest(p.verdict for p in counted), ""
    v = weakest(p.verdict for p in formal)
    if v not in (Verdict.PROVED, Verdict.CERTIFIED):
        return v, ""
    partial = [f"{p.name} on {p.coverage} only" for p in formal if not p.full]
    for verdict in sorted({p.verdict for p in counted if not p.formal}, key=RANK.__getitem__):
        names = ", ".join(p.name for p in counted if not p.formal and p.verdict == verdict)
        partial.append(f"{names} {_NOT_PROVED.get(verdict, verdict.value.lower())}")
    return v, "; ".join(partial)


#: how a claim's PROVED names an oracle-only proposition it does not cover
_NOT_PROVED = {Verdict.SAMPLED: "sampled, not proved", Verdict.VERIFY_ONLY: "left to salign verify",
               Verdict.NOT_RUN: "not checked", Verdict.UNKNOWN: "undecided"}


def run_fails(verdicts) -> bool:
    """Does a run with these claim verdicts fail?"""
    return any(Verdict(v).fails for v in verdicts)
