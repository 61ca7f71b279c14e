"""Symbolic layer of suspicious-alignment: the model, the claims, their derivations.

>>> from salign.theory import registry, expression
>>> expression("eta_star_noiseless")
2/(lambda_B + lambda_D)
"""

from . import symbols
from .claim import Claim, Prop
from .model import TWO_LEVEL, LevelModel, ModelError
from .registry import CLAIM_IDS, UnknownClaim, expression, get, parse_ids, registry

__all__ = ["symbols", "Claim", "Prop", "LevelModel", "ModelError", "TWO_LEVEL", "CLAIM_IDS",
           "UnknownClaim", "expression", "get", "parse_ids", "registry"]
