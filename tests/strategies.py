"""Hypothesis strategies drawing from the verifier's own sampler, plus pinned boundary cases."""

import random

import mpmath
from hypothesis import strategies as st

from salign.verify.verifier.sampling import draw


def _drawn(kind: str, s: int):
    with mpmath.workdps(50):
        g = draw(random.Random(s), kind)
    return g.replace(retarget=s % 4 if s % 2 else None, eta_offset_on=s % 5 != 0)


def genotypes(kind: str):
    """Genotypes of ``kind``; the seed is the draw, so a failure prints a reproducible genotype."""
    return st.integers(0, 2**63 - 1).map(lambda s: _drawn(kind, s))


def pin(kind="two-level", **over):
    """A fixed genotype for ``@example``: a moderate instance with some fields overridden."""
    with mpmath.workdps(50):
        g = draw(random.Random(12345), kind, over.pop("preset", "isotropic") if kind != "loss-scaled" else None)
        g = g.replace(lam_D=mpmath.mpf(10), lam_B=mpmath.mpf(1), G=mpmath.mpf(3), chi=mpmath.mpf("0.4"), k=3, d=50,
                      sigma2=mpmath.mpf("0.02"), a0=mpmath.mpf(1000), b0=mpmath.mpf(1000), t=3,
                      eps=mpmath.mpf("0.01"), chi_near_c=False, retarget=None, eta_offset_on=True,
                      alpha_face=False, beta_face=False, noise_D=mpmath.mpf(1), noise_B=mpmath.mpf(1), eta_face=None)
        return g.replace(**over)


#: boundary pins: eta exactly at each named boundary (index into sampling.boundaries), chi exactly at chi_c,
#: and the faces of the hypotheses: one block noiseless, the initial state at the stationary point
BOUNDARY_PINS = [
    pin(eta_mode="boundary", eta_boundary=6, eta_offset=mpmath.mpf(0)),  # eta = eta* exactly
    pin(eta_mode="boundary", eta_boundary=0, eta_offset=mpmath.mpf(0)),  # eta = 2/(lD+lB)
    pin(eta_mode="boundary", eta_boundary=1, eta_offset=mpmath.mpf("-1e-12")),  # just below 2/lD
    pin(eta_mode="boundary", eta_boundary=2, eta_offset=mpmath.mpf(0)),  # eta = eta_D
    pin(chi_near_c=True, chi_offset=mpmath.mpf(0), eta_mode="loguniform", eta_u=mpmath.mpf(-1)),  # chi = chi_c
    pin(sigma2=mpmath.mpf(0), eta_mode="boundary", eta_boundary=0, eta_offset=mpmath.mpf("1e-9")),  # noiseless
    pin(preset="diagonal", noise_D=mpmath.mpf(0), eta_mode="loguniform", eta_u=mpmath.mpf(-1)),  # n_D = 0 < n_B
    pin(preset="diagonal", noise_B=mpmath.mpf(0), eta_mode="loguniform", eta_u=mpmath.mpf(-1)),  # n_B = 0 < n_D
    pin(alpha_face=True, eta_mode="loguniform", eta_u=mpmath.mpf(-1.5)),  # a_0 = a_inf
    pin(eta_mode="boundary", eta_face=1, eta_offset=mpmath.mpf(0)),  # eta = 2/lambda_B: b_inf has no value
    pin(eta_mode="boundary", eta_face=2, eta_offset=mpmath.mpf(0)),  # eta = 1/lambda_B: u has no value
]
