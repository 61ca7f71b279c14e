"""Identities between one-step observables and block moments, proved for any number of levels.

Over the block moments, an observable such as ``E[G_D(x')]`` *is* its moment form (the scope names the sums
as moments: :func:`salign.theory.observables.moment_definitions`), so a claim that states that form becomes
``True`` by substitution: it is true by definition there, and checks nothing.  What such a claim asserts is that
summing the per-coordinate step over a block of any size gives that form.  This module proves it so: each
block is ``m_S`` levels ``(lambda_j, x2_j, s_j)`` with ``m_S`` a symbol; each observable is the sum over ``j`` of
its one-level definition (the model's, from the per-coordinate expectation), each moment the sum of its one-level
value (:meth:`salign.theory.model.LevelModel.moments`); a sum is split by linearity into coefficients free of
``j`` times sums of monomials, and the identity holds when the two sides have the same coefficients.
"""

from __future__ import annotations

from functools import lru_cache

from sympy import Add, Dummy, Eq, IndexedBase, Mul, Sum, Symbol, expand
from sympy.core.relational import Relational

from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop
from salign.theory.model import LevelModel

_j = Symbol("j", integer=True, positive=True)
#: the one-level variables of each block in ``LevelModel(1, 1)``: eigenvalue, squared norm, noise trace
_LEVEL = {"D": (S.lam_D, S.a, S.n_D), "B": (S.lam_B, S.b, S.n_B)}


@lru_cache(maxsize=None)
def _blocks() -> dict:
    """Per block: ``(indexed level variables, the number of levels m_S)``."""
    return {blk: ((IndexedBase(f"lambda_{blk}"), IndexedBase(f"x2_{blk}"), IndexedBase(f"s_{blk}")),
                  Symbol(f"m_{blk}", integer=True, positive=True)) for blk in _LEVEL}


def _block_of(term) -> str | None:
    found = {blk for blk, vs in _LEVEL.items() if term.free_symbols & set(vs)}
    if len(found) > 1:
        raise ValueError(f"{term} mixes the levels of both blocks")
    return found.pop() if found else None


def _summed(expr):
    """A one-level expression as a sum over each block's ``m_S`` levels (each additive term over its block)."""
    out = []
    for term in Add.make_args(expand(expr)):
        blk = _block_of(term)
        if blk is None:
            out.append(term)
            continue
        (lam, x2, s), m = _blocks()[blk]
        sub = dict(zip(_LEVEL[blk], (lam[_j], x2[_j], s[_j])))
        out.append(Sum(term.xreplace(sub), (_j, 1, m)))
    return Add(*out)


@lru_cache(maxsize=None)
def definitions() -> dict:
    """Each observable and moment of a general spectrum, as sums over levels of the model's one-level value."""
    lm = LevelModel(1, 1)
    one = {**lm.moments(), **O.definitions(lm)}
    wanted = (*(s for blk in S.MOMENTS.values() for s in blk.values()), O.EG_D, O.EG_B, O.dL_D, O.dL_B, O.dL)
    return {sym: _summed(one[sym]) for sym in wanted}


def _linear(expr):
    """``expr`` with every ``Sum`` split by linearity: coefficients free of ``j`` times sums of monomials."""
    def split(sm):
        body, lim = sm.args[0], sm.args[1:]
        parts = []
        for term in Add.make_args(expand(body)):
            const, dep = [], []
            for f in Mul.make_args(term):
                (dep if _j in f.free_symbols else const).append(f)
            parts.append(Mul(*const) * Sum(Mul(*dep), *lim))
        return Add(*parts)

    return expand(expr.replace(lambda e: isinstance(e, Sum), split))


def applies(prop: Prop) -> bool:
    """Does ``prop`` state an equation between block-sum quantities only (no hypotheses to use)?"""
    c = prop.conclusion
    return (prop.model == "general" and isinstance(c, Relational) and isinstance(c, Eq)
            and not prop.hypotheses and c.free_symbols <= set(definitions()) | {S.eta})


def proves(prop: Prop) -> bool:
    """``prop`` (see :func:`applies`) holds for blocks of any number of levels: both sides, written as sums of
    the per-level step over each block, have the same linear normal form."""
    if not applies(prop):
        return False
    c = prop.conclusion
    sub = definitions()
    diff = _linear((c.lhs - c.rhs).xreplace(sub))
    # a sum of monomials is a symbol of its own: what is left must vanish identically
    atoms = {sm: Dummy() for sm in diff.atoms(Sum)}
    return expand(diff.xreplace(atoms)) == 0


__all__ = ["applies", "definitions", "proves"]
