"""Lemmas of ``Model.v`` as facts: what a proof script may use beside the hypotheses of the solvers' problem.

Some goals rest on a fact that no product of a few hypotheses reaches.  The expected squared gradient after a
step, ``E[G_D'] + E[G_B'] > 0`` for any spectrum, holds because each block's part is a sum of squares
``sum lambda_i^2 x_i^2 (1 - eta lambda_i)^2`` that vanishes only where every ``lambda_i = 1/eta`` in the block,
and the spectral gap keeps the two blocks from both doing so: a chain of twelve steps through the Cauchy-Schwarz
facts, beyond the degree-3 search of :mod:`.products` (whose pool of forty facts keeps it there).  Such a chain is
proved once, by hand, as a lemma of ``Model.v`` (compiled with every claim's file; nothing here is trusted), and
stated here by its variables and its conclusion.

For a problem whose symbols include a lemma's, the script instantiates it (``pose proof``), each of its hypotheses
proved by ``lra`` from the problem's own facts in Coq's context (when one is not there, the ``try`` leaves the
script as it was); the certificate search of :mod:`.products` gets its conclusion as one more fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Symbol

from .products import Fact


@dataclass(frozen=True)
class Lemma:
    """A lemma of Model.v: ``forall params, hypotheses -> 0 < conclusion``; ``bind`` names the problem's symbol
    for each parameter (the scope where the lemma applies)."""

    name: str
    params: tuple[str, ...]
    hypotheses: int
    conclusion: object  # sympy polynomial in Symbol(param)
    bind: tuple[tuple[str, str], ...]

    def instance(self, names: dict[str, Symbol]) -> dict | None:
        """The parameter -> problem symbol map, if the problem has every symbol the lemma names."""
        out = {}
        for p, sym in self.bind:
            if sym not in names:
                return None
            out[p] = names[sym]
        return out


def _gap_step_pos() -> Lemma:
    eta, gD, gD1, gD2, nD, gB, gB1, gB2, nB = (Symbol(x) for x in ("eta", "gD", "gD1", "gD2", "nD", "gB", "gB1",
                                                                      "gB2", "nB"))
    concl = gD - 2 * gD1 * eta + eta**2 * (gD2 + nD) + gB - 2 * gB1 * eta + eta**2 * (gB2 + nB)
    bind = (("eta", "eta"), ("gD", "G_D"), ("gD1", "G_D1"), ("gD2", "G_D2"), ("nD", "N_D"), ("gB", "G_B"),
            ("gB1", "G_B1"), ("gB2", "G_B2"), ("nB", "N_B"), ("lminD", "lambda_min_D"), ("lmaxB", "lambda_max_B"))
    return Lemma("gap_step_pos", tuple(p for p, _ in bind), 12, concl, bind)


def _gap_moment_order() -> Lemma:
    gD, gD1, gB, gB1 = (Symbol(x) for x in ("gD", "gD1", "gB", "gB1"))
    bind = (("gD", "G_D"), ("gD1", "G_D1"), ("gB", "G_B"), ("gB1", "G_B1"), ("lminD", "lambda_min_D"),
            ("lmaxB", "lambda_max_B"))
    return Lemma("gap_moment_order", tuple(p for p, _ in bind), 5, gB * gD1 - gB1 * gD, bind)


def _two_level_sq_pos() -> Lemma:
    a, b, lD, lB, eta = (Symbol(x) for x in ("a", "b", "lD", "lB", "eta"))
    bind = (("a", "a"), ("b", "b"), ("lD", "lambda_D"), ("lB", "lambda_B"), ("eta", "eta"))
    concl = lD**2 * a * (eta * lD - 1) ** 2 + lB**2 * b * (eta * lB - 1) ** 2
    return Lemma("two_level_sq_pos", tuple(p for p, _ in bind), 5, concl, bind)


#: the lemmas of Model.v offered to every script: for any spectrum with a gap, E[G'] > 0 (L2.sign, T1, T2) and
#: G_B G1_D > G1_B G_D (the numerator of eta*: T1.positive, T2); for two levels, the noiseless part of E[G'] > 0
#: (with the noise terms, by :func:`by_lemma`: X1)
LEMMAS = (_gap_step_pos(), _gap_moment_order(), _two_level_sq_pos())


def instances(problem) -> list[tuple[Lemma, dict]]:
    """The lemmas whose symbols the problem has, each with its parameter -> symbol map."""
    syms = set().union(*(b.free_symbols for b in (*problem.domain, *problem.hyps, problem.concl)))
    names = {s.name: s for s in syms}
    return [(lem, m) for lem in LEMMAS if (m := lem.instance(names)) is not None]


def pose_lines(problem, text) -> list[str]:
    """``(try pose proof (lemma x y ... ltac:(lra) ...) as HLk)`` for each lemma instance (``text`` renders a
    symbol as Coq does)."""
    out = []
    for k, (lem, m) in enumerate(instances(problem), 1):
        args = " ".join(text(m[p]) for p in lem.params)
        proofs = " ".join(["ltac:(lra)"] * lem.hypotheses)
        out.append(f"(try pose proof ({lem.name} {args} {proofs}) as HL{k})")
    return out


def by_lemma(problem, e, text) -> list[str]:
    """Scripts proving ``0 < e`` from a lemma instance's conclusion ``C`` (in the context, from
    :func:`pose_lines`) where ``e - C`` is a polynomial with positive coefficients in non-negative symbols
    (noise terms): that remainder by ``nneg``, then lra."""
    from sympy import Poly

    out = []
    for c in facts(problem):
        r = (e - c.poly).expand()
        if r == 0:
            out.append("lra")
            continue
        syms = sorted(r.free_symbols, key=str)
        if not syms or not all(x.is_nonnegative for x in syms):
            continue
        P = Poly(r, *syms)
        if all(coef > 0 for coef in P.coeffs()):
            out.append(f"(assert (0 <= {text(r)}) by nneg; lra)")
    return out


def facts(problem) -> list[Fact]:
    """The lemma instances' conclusions, as facts for the certificate search."""
    out = []
    for lem, m in instances(problem):
        out.append(Fact(lem.conclusion.xreplace({Symbol(p): m[p] for p in lem.params}).expand(), True))
    return out


__all__ = ["LEMMAS", "Lemma", "by_lemma", "facts", "instances", "pose_lines"]
