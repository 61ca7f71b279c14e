"""Kernel checks: PROVED propositions re-checked by the Coq proof kernel (``salign prove --coq DIR``)."""
