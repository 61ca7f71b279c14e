"""The claim registry: every claim id of THEORY.md §2, derived once and cached."""

from __future__ import annotations

from functools import cache

from .alignment import derive_L1, derive_L2, derive_T1, derive_T2
from .claim import Claim
from .dynamics import derive_T4, derive_T5, derive_X1
from .errors import UserError
from .loss import derive_L4, derive_T3
from .regimes import derive_L3

#: claim ids in THEORY.md order, each with the function that derives it
DERIVERS = {
    "L1": derive_L1, "L2": derive_L2, "T1": derive_T1, "T2": derive_T2, "L3": derive_L3,
    "L4": derive_L4, "T3": derive_T3, "T4": derive_T4, "T5": derive_T5, "X1": derive_X1,
}
CLAIM_IDS = tuple(DERIVERS)


class UnknownClaim(UserError, KeyError):
    """A claim id that neither the registry nor the claims file defines."""


def parse_ids(spec: str | None, known=CLAIM_IDS) -> tuple[str, ...]:
    """``"T1,L3"`` -> ``("T1", "L3")``; ``None`` or ``""`` -> every id. Unknown ids raise."""
    if not spec:
        return tuple(known)
    ids = tuple(s.strip().upper() for s in spec.split(",") if s.strip())
    bad = [i for i in ids if i not in known]
    if bad:
        raise UnknownClaim(f"unknown claim id(s) {', '.join(bad)}; known: {', '.join(known)}")
    return ids


def get(claim_id: str) -> Claim:
    """The derived claim ``claim_id``."""
    try:
        return registry()[claim_id]
    except KeyError:
        raise UnknownClaim(f"unknown claim id {claim_id!r}; known: {', '.join(CLAIM_IDS)}") from None


@cache
def registry() -> dict[str, Claim]:
    """All claims, derived (or loaded from the cache when this source was derived before, see :mod:`.cache`)."""
    from . import cache as store

    claims = store.load_registry()
    if claims is None or tuple(claims) != CLAIM_IDS:
        claims = {cid: DERIVERS[cid]() for cid in CLAIM_IDS}
        store.save_registry(claims)
    return claims


def expression(name: str):
    """A named derived expression (``eta_star``, ``chi_c``, ...) from whichever claim defines it."""
    for claim in registry().values():
        if name in claim.defines:
            return claim.defines[name]
    raise KeyError(f"no claim defines {name!r}")
