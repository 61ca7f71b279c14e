"""Coq theorems for PROVED propositions, their proof scripts, and what the kernel made of them.

For each PROVED proposition, one theorem per scope it was proved in:

* **the problem handed to the solvers**, over ``R``: every symbol's model hypothesis (``eta > 0``), the scope's
  domain (the spectral gap, the moment constraints, the links of derived symbols), the hypotheses and the
  conclusion, each relation guarded by its own definedness (every denominator ``<> 0``, every radicand ``>= 0``)
  exactly as the solvers read it: the text comes from the solvers' own translator
  (:mod:`salign.verify.kernel.coqterm`).  What Coq checks there is the solvers' answer; the substitution of the
  observables' definitions that produced the problem is SymPy's, and the table says so (``on the solvers'
  problem``);
* **from the model** (``from the model``), for identities between one-step observables and block moments
  (:mod:`salign.verify.prover.blocksum`): ``Model.v`` defines a block as a list of coordinates, the
  per-coordinate expectation of the step and every sum; the theorem states the proposition for blocks of any
  length, and its proof is an induction on the blocks.  No Python step is trusted there.

A proof script is a tactic that Coq runs; nothing from Python is taken on trust.  Scripts are tried in turn, each
under a time limit, in a ``coqc`` of its own (:mod:`.coqc`); the first that compiles is kept in the claim's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sympy import Eq

from salign.theory import observables as O
from salign.theory import symbols as S
from salign.theory.claim import Prop
from salign.verify.prover.translate import Negated, Translator, Untranslatable

from .coqterm import coq_name, module
from .roots import Preamble, has_roots

FROM_MODEL, SOLVERS_PROBLEM = "from the model", "on the solvers' problem"

#: proof scripts tried in turn on a theorem about the solvers' problem (``Timeout`` is added when trying)
SCRIPTS = (
    ("lra", "intros; lra."),
    ("nra", "intros; nra."),
    ("products; nra", "intros; pos_products; intuition nra."),
)
#: tried last (after the division bridge), with a short limit: when it fails, it takes all of it
LAST = (("psatz R 3", "intros; pos_products; intuition (psatz R 3)."),)
#: seconds per tactic for the scripts of :data:`LAST` (the others get :data:`salign.verify.kernel.coqc.TACTIC_S`)
LAST_S = 5

#: what proves an identity between block sums for blocks of any length: Model.v's induction (``block_sum``), or its
#: moment lemmas (themselves proved by induction) and ``field``, for identities that multiply sums
MODEL_SCRIPTS = (("induction on the blocks", "block_sum."), ("moment lemmas and field", "from_model."))

#: the tactic that ends a bridged script: the propositional structure, each atom by nra
FINISH = "intuition (first [nra | nz])"
#: the same, with products of the goal's positive variables first (slower: more hypotheses for nra)
FINISH_PRODUCTS = "pos_products; intuition (first [nra | nz])"


@dataclass
class Theorem:
    """One Coq theorem: its name, the proposition and scope it states, and its text (without proof)."""

    name: str
    prop: str
    scope: str
    kind: str  # FROM_MODEL or SOLVERS_PROBLEM
    statement: str
    scripts: tuple = ()
    # filled by the kernel check
    status: str = "not checked"  # "checked", "not checked", "not exported"
    tactic: str = ""
    tactic_script: str = ""
    open_goal: str = ""
    reason: str = ""
    seconds: float = 0.0
    tried: list = field(default_factory=list)

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "scripts" and v not in ("", [], 0.0)}


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


# --- the solvers' problem, as a theorem ---------------------------------------------------------------------

def problem_statement(problem) -> str:
    """``forall (vars : R), facts -> ... -> conclusion``: the solvers' problem (domain, hypotheses and the
    conclusion that was negated), through the solvers' translator."""
    M = module()
    t = Translator(M)
    parts = [t.boolean(b) for b in (*problem.domain, *problem.hyps)]
    concl = t.boolean(problem.concl)
    facts = [*t.domain, *parts]  # symbol hypotheses and square-root facts first, as the solvers assert them
    names = " ".join(M.declared)
    binder = f"forall {names} : R,\n  " if names else ""
    return binder + "".join(f"{f.text} ->\n  " for f in facts) + concl.text


# --- identities between block sums, from the model ----------------------------------------------------------

#: how Model.v spells each block-sum quantity: a statement's symbol -> Coq term over the blocks ``D`` and ``B``
_MODEL_TERMS = {
    **{m: f"({key} {blk})" for blk, ms in S.MOMENTS.items() for key, m in ms.items()},  # Model.v names them so
    O.EG_D: "(EG eta D)", O.EG_B: "(EG eta B)", O.dL_D: "(dL eta D)", O.dL_B: "(dL eta B)",
    O.dL: "(dL eta (D ++ B))", S.eta: "eta",
}


def _model_expr(e) -> str:
    """A polynomial in the block-sum quantities, as Coq text over Model.v's definitions."""
    from sympy import Add, Mul, Pow, Rational

    if e in _MODEL_TERMS:
        return _MODEL_TERMS[e]
    if e.is_Rational:
        r = Rational(e)
        return (f"({r.p})" if r.q == 1 else f"({r.p} / {r.q})").replace("(-", "(- ")
    if isinstance(e, Add):
        return "(" + " + ".join(_model_expr(a) for a in e.args) + ")"
    if isinstance(e, Mul):
        return "(" + " * ".join(_model_expr(a) for a in e.args) + ")"
    if isinstance(e, Pow) and e.exp.is_Integer and e.exp >= 0:
        return f"({_model_expr(e.base)} ^ {int(e.exp)})"
    raise Untranslatable(f"{e} is not a polynomial in the block sums")


def model_statement(prop: Prop) -> str:
    """``forall eta D B, lhs = rhs`` over Model.v's blocks (lists of coordinates of any length)."""
    c = prop.conclusion
    if not isinstance(c, Eq):
        raise Untranslatable("only equations between block sums are stated from the model")
    return f"forall (eta : R) (D B : list coord),\n  {_model_expr(c.lhs)} = {_model_expr(c.rhs)}"


# --- the theorems of a proposition --------------------------------------------------------------------------

def theorems(claim_id: str, prop: Prop, result) -> list[Theorem]:
    """The theorems that re-check a PROVED proposition: one per scope it was proved in."""
    from salign.verify.prover import blocksum
    from salign.verify.prover.scopes import instantiate, scopes_for

    base = _ident(f"{claim_id}_{prop.name.split('.', 1)[-1]}")
    proved = [s["scope"] for s in result.scopes if s.get("result") == "proved"]
    out = []
    for scope in scopes_for(prop):
        if scope.label not in proved:
            continue
        name = base + ("" if len(proved) == 1 else "_" + _ident(scope.kind + (str(scope.m) if scope.kind == "levels"
                                                                              else "")))
        if scope.kind == "moments" and blocksum.proves(prop):
            out.append(Theorem(name, prop.name, scope.label, FROM_MODEL, model_statement(prop), MODEL_SCRIPTS))
            continue
        pb = instantiate(prop, scope)
        try:
            text = problem_statement(pb)
        except (Untranslatable, TypeError) as e:
            out.append(Theorem(name, prop.name, scope.label, SOLVERS_PROBLEM, "", (), status="not exported",
                               reason=str(e)))
            continue
        bridge = bridge_script(pb, result.witness)
        bridges = ((("division bridge", bridge),
                    ("division bridge, products", bridge.replace(FINISH, FINISH_PRODUCTS))) if bridge else ())
        if has_roots(pb):
            # the translator's square-root variables: their facts, and certificates modulo s^2 = X (which subsume
            # the products' script), tried before nra (which, with a root's square among the facts, may overflow)
            scripts = (SCRIPTS[0], (ROOTS, _Lazy(root_script, pb, result.witness)), *SCRIPTS[1:], *bridges, *LAST)
        else:
            certificate = ((PRODUCTS, _Lazy(products_script, pb, result.witness, bridge)),)
            scripts = SCRIPTS + bridges + certificate + LAST
        out.append(Theorem(name, prop.name, scope.label, SOLVERS_PROBLEM, text, scripts))
    return out


# --- products of hypotheses (a Positivstellensatz certificate found on the Python side) ---------------------

#: the label of the script built from :mod:`.products`' certificates
PRODUCTS = "products of hypotheses (certificate)"
#: the label of the script for square roots (:mod:`.roots`): ``s >= 0``, ``s * s = X``, certificates modulo it
ROOTS = "square roots (certificate modulo s^2 = X)"


class _Lazy:
    """A script made only when it is tried (the certificate search costs an LP per atomic goal); its cache key
    is the label and the source of the code that makes it."""

    def __init__(self, fn, *args):
        self.fn, self.args, self._text = fn, args, None

    def __call__(self) -> str:
        if self._text is None:
            self._text = self.fn(*self.args)
        return self._text

    def key(self) -> str:
        import hashlib
        import inspect

        from . import lemmas, products, roots

        source = (inspect.getsource(products) + inspect.getsource(lemmas) + inspect.getsource(roots)
                  + inspect.getsource(bridge_script))  # the scripts start with the bridge's rewriting
        return "lazy:" + hashlib.sha256(source.encode()).hexdigest()[:16]


def script_text(script) -> str:
    """A script's text (a lazy one is made now; "" when it has nothing to say)."""
    return script() if callable(script) else script


def root_script(problem, witness: dict | None) -> str:
    """:func:`salign.verify.kernel.roots.root_script` (made when tried)."""
    from .roots import root_script as make

    return make(problem, witness)


def products_script(problem, witness: dict | None, bridge: str) -> str:
    """The bridge's rewriting (when there is one), then each atomic goal by the products its certificate names
    (:func:`salign.verify.kernel.products.leaf_scripts`), nra for the others; "" when no goal has a
    certificate."""
    from .lemmas import pose_lines
    from .products import leaf_scripts

    leaves = leaf_scripts(problem, witness)
    if not leaves:
        return ""
    if bridge:
        pre = bridge[: bridge.rindex(FINISH)]
    else:
        t = Translator(module())
        pre = ";\n  ".join(["intros", *pose_lines(problem, lambda x: t.expr(x)[0].text)]) + ";\n  "
    return pre + "intuition (first [" + " | ".join([*leaves, "nra"]) + "])"


# --- the division bridge --------------------------------------------------------------------------------------

#: how the side conditions of field (a denominator is not zero) are proved in a bridge
SIDE = "first [lra | nra | nz]"

_BRIDGE = {"<": "bridge_lt", "<=": "bridge_le", ">": "bridge_gt", ">=": "bridge_ge", "==": "bridge_eq",
           "!=": "bridge_ne"}


def _relations(b) -> list:
    from sympy.core.relational import Relational

    if isinstance(b, Relational):
        return [b]
    return [r for a in getattr(b, "args", ()) for r in _relations(a)]


def _sign_at(D, witness: dict | None) -> int | None:
    """The sign of a denominator: at the exact witness (a point where the hypotheses hold), else by structure.
    Only a proposal: the script proves it (nra), or the script fails."""
    from sympy import sign

    from salign.verify.prover.clearing import structural_sign

    if witness:
        vals = {}
        point = _with_moments(witness)
        for sym in D.free_symbols:
            if sym.name not in point:
                vals = None
                break
            vals[sym] = point[sym.name]
        if vals is not None:
            v = D.xreplace(vals)
            if v.is_Rational and v != 0:
                return int(sign(v))
            if v.is_number and not v.is_Rational:  # with a root's value: an algebraic number
                f = v.evalf(60)
                if f.is_real and abs(f) > 1e-40:
                    return 1 if f > 0 else -1
    return structural_sign(D)


def _with_moments(witness: dict) -> dict:
    """The witness (a two-level point, exact) with the block moments and eigenvalue bounds it defines: where a
    general proposition's denominators live."""
    from sympy import Basic, Rational

    from salign.theory.model import TWO_LEVEL

    point = {k: (v if isinstance(v, Basic) else Rational(str(v))) for k, v in witness.items()}  # a root: exact
    syms = {s.name: s for s in (S.lam_D, S.lam_B, S.a, S.b, S.n_D, S.n_B)}
    if all(n in point for n in syms):
        at = {syms[n]: point[n] for n in syms}
        point.update({str(m): e.xreplace(at) for m, e in TWO_LEVEL.moments().items() if str(m) not in point})
        for blk, lam in (("D", S.lam_D), ("B", S.lam_B)):
            point.setdefault(f"lambda_min_{blk}", at[lam])
            point.setdefault(f"lambda_max_{blk}", at[lam])
    return point


def _has_division(rel) -> bool:
    """Whether a relation divides by something (a power with a negative exponent): then ``l - r = n / d`` is
    worth bridging even where ``d`` simplifies to a number (the identity ``field`` proves replaces a nested
    fraction by a polynomial)."""
    from sympy import Pow

    return any(p.exp.is_negative for p in (rel.lhs - rel.rhs).atoms(Pow))


def _guards(rel) -> list:
    """The definedness conditions ``D != 0`` the solvers' translator puts beside a relation, one per product with
    a denominator, with ``D`` spelled as the translator spells it (the product of the denominators, in order):
    bridged like any relation, so that a conjunct such as ``(x - 2) * (n + n x / (x - 2)) <> 0`` becomes
    ``-2 n <> 0``."""
    from sympy import Integer, Mul, Ne, Pow, preorder_traversal

    out = []
    for e in preorder_traversal(rel.lhs - rel.rhs):
        if not isinstance(e, Mul):
            continue
        den = [Pow(a.base, -a.exp) for a in e.args if isinstance(a, Pow) and a.exp.is_Rational and a.exp < 0]
        den += [Integer(a.q) for a in e.args if a.is_Rational and a.q != 1]
        if den and any(x.free_symbols for x in den):
            D = den[0] if len(den) == 1 else Mul(*den, evaluate=False)
            if any(isinstance(p, Pow) and p.exp.is_negative for p in preorder_traversal(D)):
                out.append(Ne(D, 0, evaluate=False))
    return out


def bridge_script(problem, witness: dict | None = None, roots: Preamble | None = None) -> str:
    """A script that rewrites each relation with a denominator ``l op r`` as ``n op 0`` (Model.v's
    ``bridge_*``, with ``l - r = n / d`` proved by ``field`` and the sign of ``d`` by ``nra``), then ends with
    :data:`FINISH`; empty when no relation has a denominator or a sign is unknown.  With ``roots`` (the
    square roots' facts, :func:`salign.verify.kernel.roots.preamble`), every root is a variable ``sqrt_i``
    there: ``n`` and ``d`` are in the roots, and a certificate may use ``sqrt_i^2 = X_i``."""
    from sympy import Mul, Pow, fraction, together

    from .lemmas import pose_lines
    from .roots import ideal, roots_of, substitute, substituted_problem, translator, witness_with_roots

    t = translator(problem)  # the statement's numbering of the roots
    rts = roots_of(t) if roots is not None else []
    witness = witness_with_roots(witness, rts)

    def sub(e):
        return substitute(e, rts)

    poses = pose_lines(problem, lambda x: t.expr(x)[0].text)
    lines, seen, facts = ["intros", *poses, *(roots.lines if roots else ())], set(), {}
    def sign_tactic(e, certificate: str = "") -> str:
        """The alternatives that prove ``0 < e``.  With a lemma's conclusion in the context, lra and the lemma come
        first: nra, with forty facts of degree up to eight, may overflow Coq's stack, an anomaly that ``first``
        does not catch (L3.eta_star, T4.eta_star_fixed)."""
        if rts:  # nra, with a root's square among the facts, may overflow the stack: the certificate first
            return f"first [lra{certificate}{by_factors(e)} | pos]"
        if poses:
            return f"first [lra{from_lemmas(e)} | nra | pos_products; nra | pos{certificate}]"
        return f"first [nra | pos_products; nra | pos{certificate}]"

    def by_factors(e) -> str:
        """`` | script`` proving ``0 < e`` for a product from its factors' signs (in the context by then)."""
        from .products import Fact, _product_proof

        factors = []
        for f in Mul.make_args(e):
            base, m = (f.base, int(f.exp)) if isinstance(f, Pow) and f.exp.is_Integer and f.exp > 0 else (f, 1)
            if base.is_number:
                if base < 0:
                    return ""
                continue
            sgn = _sign_at(base, witness)
            if sgn is None:
                return ""
            factors += [Fact(sgn * base, True)] * m
        if len(factors) < 2:
            return ""
        try:
            return f" | (pose proof {_product_proof(lambda x: t.expr(x)[0].text, tuple(factors), True)}; lra)"
        except (Untranslatable, TypeError):
            return ""

    known = []  # the problem's facts, for a certificate of a denominator's sign (made once, when first needed)

    def by_products(e) -> str:
        """`` | script`` proving ``0 < e`` from products of the problem's facts, when a certificate has them."""
        from . import lemmas
        from .products import Fact, certificate, leaf_script, problem_facts

        if not known:
            known.append(lemmas.facts(problem) + problem_facts(substituted_problem(problem, rts), witness)
                         + (roots.facts if roots else []))
        try:
            prods = certificate(known[0], Fact(-e, False), ideal=ideal(rts))
        except (ValueError, TypeError, ArithmeticError):
            prods = None
        return f" | {leaf_script(lambda x: t.expr(x)[0].text, e, True, prods)}" if prods else ""

    def from_lemmas(e) -> str:
        """`` | script`` proving ``0 < e`` from a lemma of Model.v and a non-negative remainder, when one applies."""
        from .lemmas import by_lemma

        return "".join(f" | {s}" for s in by_lemma(problem, e, lambda x: t.expr(x)[0].text)) if poses else ""

    def positive(e) -> str:
        """Assert ``0 < e`` (nra, positivity by structure, a lemma, or products of the facts), once; its
        hypothesis' name."""
        text = t.expr(e)[0].text
        if text not in facts:
            facts[text] = f"Hs{len(facts) + 1}"
            lines.append(f"(assert ({facts[text]} : 0 < {text}) by {sign_tactic(e, by_products(e))})")
        return facts[text]

    rels = [r for b in (*problem.domain, *problem.hyps, problem.concl) for r in _relations(b)]
    for rel in rels + [g for r in rels for g in _guards(r)]:
        n, d = fraction(together(sub(rel.lhs - rel.rhs)))
        if rel in seen or not (d.free_symbols or _has_division(rel)):
            continue
        seen.add(rel)
        # the sign of each denominator inside the relation, where nra finds it: field's side conditions then
        # follow (lra) for a relation whose own fraction simplifies to a polynomial
        for p in sorted(sub(rel.lhs - rel.rhs).atoms(Pow), key=str):
            if p.exp.is_negative and p.base.free_symbols:
                for f in Mul.make_args(p.base):
                    if f.free_symbols and not any(isinstance(q, Pow) and q.exp.is_negative for q in f.atoms(Pow)):
                        sgn = _sign_at(f, witness)
                        try:
                            text = t.expr((sgn or 1) * f)[0].text
                        except (Untranslatable, TypeError):
                            continue
                        if text not in facts:
                            facts[text] = f"Hs{len(facts) + 1}"
                            cert = by_products((sgn or 1) * f) if rts and sgn else ""
                            fact = f"0 < {text}) by {sign_tactic((sgn or 1) * f, cert)}" if sgn else f"{text} <> 0) by nz"
                            lines.append(f"(try (assert ({facts[text]} : {fact}))")
        k = len(seen)
        # an equation (or its negation) needs only d <> 0: its sign may be either (nz proves it factor by factor);
        # an inequality needs the sign of each factor of d (the base of a power), proved on its own: field needs
        # every factor non-zero, and nra then makes the product's sign from the factors'
        nonzero_only = rel.rel_op in ("==", "!=")
        if not nonzero_only:
            total = -1 if d.as_coeff_Mul()[0] < 0 else 1
            for f in Mul.make_args(d):
                base, m = (f.base, f.exp) if isinstance(f, Pow) and f.exp.is_Integer and f.exp > 0 else (f, 1)
                if not base.free_symbols:
                    continue
                sgn = _sign_at(base, witness) or 1  # unknown: proposed positive (Coq proves it, or the script fails)
                positive(sgn * base)
                total *= sgn ** int(m)
            if total < 0:
                n, d = -n, -d
        try:
            (lt, _), (rt, _), (nt, _), (dt, _) = (t.expr(x) for x in (rel.lhs, rel.rhs, n, d))
        except (Untranslatable, TypeError):
            return ""
        if nonzero_only:  # when nz cannot prove d <> 0, the relation stays as it is
            lines.append(f"(try (assert (Hd{k} : {dt.text} <> 0) by nz))")
            lemma = _BRIDGE[rel.rel_op] + "_nz"
        else:
            lines.append(f"(assert (Hd{k} : 0 < {dt.text}) by {sign_tactic(d, by_products(d))})")
            lemma = _BRIDGE[rel.rel_op]
        lines.append(f"(try rewrite ({lemma} {lt.text} {rt.text} {nt.text} {dt.text} Hd{k}) in * "
                     f"by (field; repeat split; {SIDE}))")
    if len(lines) == 1:
        return ""
    return ";\n  ".join([*lines, FINISH])


def negated_problem(problem) -> list:
    """The formulas the solvers were given (for the JSON: the problem, by formula)."""
    return [*problem.domain, *problem.hyps, Negated(problem.concl)]


def coq_file(header: str, theorems_: list[Theorem]) -> str:
    """A claim's ``.v`` file: each theorem a trial closed, with the script Coq accepted; the others as comments
    with why not."""
    lines = ["(* " + header + " *)", "Require Import Reals Lra Psatz List.", "Require Import Model.",
             "Open Scope R_scope.", ""]
    for th in theorems_:
        lines.append(f"(* {th.prop} | {th.scope} | {th.kind} *)")
        if th.tactic_script:
            script = th.tactic_script if th.tactic_script.endswith(".") else th.tactic_script + "."
            lines += [f"Theorem {th.name} :", f"  {th.statement}.", "Proof.", f"  {script}", "Qed.", ""]
        else:
            why = (th.reason or "no script closed it").replace("*)", "* )")
            lines += [f"(* not checked: {why}", f"Theorem {th.name} :", f"  {th.statement}.", "*)", ""]
    return "\n".join(lines)


__all__ = ["FROM_MODEL", "SOLVERS_PROBLEM", "SCRIPTS", "Theorem", "coq_file", "coq_name", "model_statement",
           "negated_problem", "problem_statement", "theorems"]
