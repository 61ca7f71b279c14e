"""Exact proofs: each proposition's negation handed to Z3 and cvc5 (nonlinear real arithmetic).

For a proposition ``hypotheses => conclusion`` the observables are replaced by
their definitions from the SGD step (``theory.observables``) in a concrete model
(two-level, or ``m`` eigenvalue levels per block), the formula is translated
generically (``verify.translate``) and

    domain  and  definedness  and  hypotheses  and  not conclusion

is given to a portfolio of Z3 and cvc5 running in two processes.  ``unsat`` is a
proof (PROVED, with Z3's unsat core of named hypotheses when it gives one);
``sat`` yields a model that is checked back in exact rationals (REFUTED only when
the exact check confirms it); a timeout is UNKNOWN, and the interval fallback
(``verify.certify``) may still CERTIFY the proposition on an explicit box.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from dataclasses import dataclass, field
from fractions import Fraction

from salign.theory import observables as O
from salign.theory.claim import Claim, Prop
from salign.theory.derivation import is_zero
from salign.theory.model import TWO_LEVEL, LevelModel, coordinate_second_moment, two_level_noise_traces
from sympy import Eq, Mul, Ne, Poly, Rational, expand, factor, factor_list, fraction, nsimplify, together
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFalse, BooleanTrue
from sympy.polys.polyerrors import PolynomialError

from .translate import Translator, Untranslatable

#: level counts tried for propositions stated for a general spectrum
GENERAL_LEVELS = (1, 2)
#: seconds for the quick attempts (the formula as stated, denominator sign obligations)
QUICK_S = 2.0


@dataclass
class ProofResult:
    claim: str
    prop: str
    status: str  # PROVED, REFUTED, UNKNOWN, CERTIFIED, VERIFY-ONLY
    model: str = ""
    solver: str = ""
    seconds: float = 0.0
    settings: dict = field(default_factory=dict)
    unsat_core: list | None = None
    counterexample: dict | None = None
    exact_check: str = ""
    note: str = ""
    covers: list = field(default_factory=list)  # models proved, e.g. ["two-level", "general m=2"]

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", [], {})}


# --- instantiating a proposition in a model ------------------------------------------------

def instantiate(prop: Prop, model: str, m: int = 1):
    """``(hypotheses, conclusion)`` with observables and moments replaced by the model's definitions."""
    sub: dict = {}
    if model == "general":
        lm = LevelModel(m, m)
        sub.update(lm.moments())
        sub.update(O.definitions(lm))
    elif model == "two-level":
        sub.update(TWO_LEVEL.moments())
        sub.update(O.definitions(TWO_LEVEL))
    elif model == "coordinate":
        sub[O.EX2] = coordinate_second_moment()
    elif model == "loss-scaled":
        traces = two_level_noise_traces("loss-scaled")
        defs = O.definitions(TWO_LEVEL)
        sub.update({k: v.xreplace(traces) for k, v in defs.items()})
        sub.update(TWO_LEVEL.moments())
        sub.update(O.loss_scaled_increments())
    elif model != "dynamics":
        raise ValueError(f"unknown model {model!r}")
    hyps = [h.xreplace(sub) for h in prop.hypotheses]
    concl = prop.conclusion.xreplace(sub)
    return hyps, concl


def models_for(prop: Prop) -> list[tuple[str, int]]:
    if prop.model == "general":
        return [("general", m) for m in GENERAL_LEVELS]
    return [(prop.model, 1)]


def model_label(model: str, m: int) -> str:
    return f"general spectrum, {m} level{'s' if m > 1 else ''} per block" if model == "general" else model


# --- one solver, in a child process ----------------------------------------------------------

def _solve(which: str, hyps, concl, timeout_ms: int, queue) -> None:
    t0 = time.perf_counter()
    try:
        if which == "z3":
            import z3 as M

            s = M.SolverFor("QF_NRA")
            s.set("timeout", timeout_ms)
            settings = {"logic": "QF_NRA", "timeout_ms": timeout_ms}
        else:
            from cvc5 import pythonic as M

            s = M.SolverFor("QF_NRA")
            s.set("tlimit-per", timeout_ms)
            s.set("nl-cov", True)
            settings = {"logic": "QF_NRA", "nl-cov": True, "tlimit-per": timeout_ms}
        T = Translator(M)
        named = [(f"hyp{i}", T.boolean(h)) for i, h in enumerate(hyps)]
        neg = M.Not(T.boolean(concl))
        base = T.domain + T.side
        if which == "z3":
            for i, c in enumerate(base):
                s.assert_and_track(c, f"domain{i}")
            for name, h in named:
                s.assert_and_track(h, name)
            s.assert_and_track(neg, "negated_conclusion")
        else:
            s.add(*base, *[h for _, h in named], neg)
        r = s.check()
        out = {"solver": which, "result": str(r), "seconds": time.perf_counter() - t0, "settings": settings}
        if str(r) == "unsat" and which == "z3":
            out["unsat_core"] = sorted(str(c) for c in s.unsat_core())
        if str(r) == "sat":
            mdl = s.model()
            out["model"] = {str(sym): _value(M, mdl, v) for sym, v in T.vars.items()}
        queue.put(out)
    except Untranslatable as e:
        queue.put({"solver": which, "result": "untranslatable", "error": str(e), "seconds": time.perf_counter() - t0})
    except Exception as e:  # a solver crash is an UNKNOWN, with the reason
        queue.put({"solver": which, "result": "error", "error": f"{type(e).__name__}: {e}",
                   "seconds": time.perf_counter() - t0})


def _value(M, mdl, v) -> str:
    """A model value as an exact rational string (algebraic numbers: a 40-digit rational approximation)."""
    val = mdl.eval(v, model_completion=True)
    text = str(val.sexpr() if hasattr(val, "sexpr") else val)
    if getattr(val, "approx", None) is not None and "root-obj" in text:  # algebraic: 40-digit rational
        return str(Fraction(val.approx(40).as_fraction()))
    if hasattr(val, "as_fraction"):
        try:
            return str(Fraction(val.as_fraction()))
        except Exception:  # noqa: BLE001 - fall through to the printed value
            pass
    text = str(val).replace("?", "")
    try:
        return str(Fraction(text))
    except ValueError:
        return text


def portfolio(hyps, concl, timeout_s: float, solvers=("z3", "cvc5")) -> dict:
    """Run the solvers concurrently; the first ``sat``/``unsat`` wins, the others are stopped."""
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    procs = [ctx.Process(target=_solve, args=(w, hyps, concl, int(timeout_s * 1000), q), daemon=True)
             for w in solvers]
    for p in procs:
        p.start()
    answers, deadline = [], time.monotonic() + timeout_s + 5
    try:
        while len(answers) < len(procs) and time.monotonic() < deadline:
            try:
                a = q.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:  # time is up
                break
            answers.append(a)
            if a["result"] in ("sat", "unsat"):
                return {**a, "others": answers[:-1]}
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(1)
    return {"result": "unknown", "others": answers,
            "reason": "; ".join(f"{a['solver']}: {a['result']} {a.get('error', '')}".strip() for a in answers)
            or f"no answer within {timeout_s}s"}


# --- exact check of a counterexample --------------------------------------------------------------

def exact_check(hyps, concl, model: dict) -> tuple[bool, str]:
    """Substitute the model's rationals and decide hypotheses and conclusion exactly (SymPy).

    Variables the solver never saw (divided out as positive factors when clearing
    denominators) get admissible values 1, 2, 1/3 in turn; the check is on the
    proposition as stated.  On success the model is completed in place.
    """
    free = set().union(*[h.free_symbols for h in hyps]) | set(getattr(concl, "free_symbols", set()))
    missing = sorted((s for s in free if s.name not in model), key=lambda s: s.name)
    why = "no completion of the model was checked"
    for filler in ("1", "2", "1/3"):
        trial = {**model, **{s.name: filler for s in missing}}
        ok, why = _exact_check(hyps, concl, trial, free)
        if ok:
            model.update(trial)
            return ok, why
        if not missing:
            break
    return False, why


def _exact_check(hyps, concl, model: dict, free) -> tuple[bool, str]:
    vals = {}
    for s in free:
        vals[s] = Rational(model[s.name]) if "/" in model[s.name] or model[s.name].lstrip("-").isdigit() \
            else nsimplify(model[s.name], rational=True)

    def decide(b):
        r = b.xreplace(vals)
        if isinstance(r, (BooleanTrue, BooleanFalse)):
            return bool(r)
        r = r.simplify() if hasattr(r, "simplify") else r
        if isinstance(r, (BooleanTrue, BooleanFalse)):
            return bool(r)
        return None

    try:
        hv = [decide(h) for h in hyps]
        cv = decide(concl)
    except ZeroDivisionError:
        return False, "a denominator vanishes at the model"
    if any(h is not True for h in hv):
        return False, "a hypothesis does not hold exactly at the model"
    if cv is not False:
        return False, "the conclusion is not exactly false at the model"
    return True, "hypotheses hold and the conclusion fails, in exact rational arithmetic"


# --- clearing denominators (generic, with proved sign obligations) ---------------------------------

def _positive_factors_dropped(N):
    """``N`` without the factors SymPy's assumptions prove positive (η, λ², a, ...), and their count."""
    if N == 0:
        return N, 0
    try:
        coeff, factors = factor_list(N)
    except PolynomialError:
        return N, 0
    keep, dropped = [], 0
    for f, k in factors:
        if f.is_positive:
            dropped += 1
            continue
        keep.append(f**k)
    sign = 1 if coeff > 0 else -1
    return sign * Mul(*keep), dropped


_SIGN_MEMO: dict = {}


def _denominator_sign(D, hyps, timeout_s):
    """The proved sign of ``D`` where ``D != 0``: the product of its factors' signs.

    Each factor ``f^k`` is settled by an even power, by SymPy's assumptions
    (``f.is_positive``) or by a solver proof of ``f != 0 => f > 0`` (or ``< 0``).
    """
    try:
        coeff, factors = factor_list(D)
    except PolynomialError:
        coeff, factors = 1, [(D, 1)]
    sign, evidence = (1 if coeff > 0 else -1), []
    for f, k in factors:
        if k % 2 == 0:
            evidence.append({"statement": f"({f})^{k} > 0 where non-zero (even power)"})
            continue
        if f.is_positive:
            evidence.append({"statement": f"{f} > 0 (SymPy assumptions)"})
            continue
        found = _factor_sign(f, hyps, timeout_s)
        if found is None:
            return None
        sign *= found[0]
        evidence.append(found[1])
    return sign, {"D": str(D), "sign": "+" if sign > 0 else "-", "factors": evidence}


def _structural_sign(D):
    """+1 if ``D >= 0`` on the domain by structure, -1 if ``D <= 0``, else None.

    ``D`` is collected in the non-negative symbols it is linear in; if every
    coefficient, once factored, is non-negative by SymPy's assumptions (squares,
    positive symbols), so is ``D``.  Together with ``D != 0`` this fixes its sign.
    """
    try:
        lin = sorted((s for s in D.free_symbols if s.is_nonnegative and Poly(D, s).degree() == 1), key=str)
        if not lin:
            return None
        P = Poly(D, *lin)
    except PolynomialError:  # not a polynomial in its symbols (a root inside): leave it to the solvers
        return None
    signs = set()
    for monom, c in P.terms():
        if any(e > 1 for e in monom):
            return None
        fc = factor(c)
        if fc.is_nonnegative:
            signs.add(1)
        elif fc.is_nonpositive:
            signs.add(-1)
        else:
            return None
    return signs.pop() if len(signs) == 1 else None


def _factor_sign(D, hyps, timeout_s):
    """Prove ``D != 0 => D > 0`` (or ``< 0``): by structure, else by the solvers on the domain
    alone (memoized), then under ``hyps``."""
    st = _structural_sign(D)
    if st is not None:
        return st, {"statement": f"D {'>=' if st > 0 else '<='} 0 by structure (collected in its linear "
                    "variables, every coefficient factors into non-negative parts), and D != 0", "D": str(D)}
    for context in ((), tuple(hyps)):
        key = (D, context)
        if key not in _SIGN_MEMO:
            _SIGN_MEMO[key] = None
            for sign, goal in ((1, D > 0), (-1, D < 0)):
                a = portfolio(list(context) + [Ne(D, 0)], goal, timeout_s)
                if a["result"] == "unsat":
                    _SIGN_MEMO[key] = (sign, {"statement": f"D {'>' if sign > 0 else '<'} 0 where D != 0, "
                                              f"{'on the domain' if not context else 'under the hypotheses'}",
                                              "D": str(D), "solver": a["solver"], "seconds": round(a["seconds"], 3)})
                    break
        if _SIGN_MEMO[key] is not None:
            return _SIGN_MEMO[key]
    return None


def clear_denominators(hyps, concl, timeout_s: float):
    """Rewrite each relation ``l op r`` as ``N op 0`` where ``l - r = N / D`` and the sign of ``D`` is proved.

    Returns ``(hyps', concl', obligations)``.  Each obligation is a proved statement
    ``D != 0 => D > 0`` (or ``< 0``); ``D != 0`` joins the hypotheses (where ``D = 0``
    the original relation is undefined), so the rewritten proposition is equivalent
    to the original wherever the original is defined.  Atoms whose denominator's
    sign cannot be proved are left as they are.
    """
    obligations, nonzero = [], []

    def rewrite(rel):
        if not isinstance(rel, Relational):
            return rel
        N, D = fraction(together(rel.lhs - rel.rhs))
        if D.is_number:
            flip = D < 0
        else:
            found = _denominator_sign(D, hyps, timeout_s)
            if found is None:
                return rel
            sign, evidence = found
            if evidence not in obligations:
                obligations.append(evidence)
            if Ne(D, 0) not in nonzero:
                nonzero.append(Ne(D, 0))
            flip = sign < 0
        N2 = _positive_factors_dropped(expand(N))[0] if not N.is_number else N
        op = rel.rel_op
        if flip:
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[op]
        return Relational(N2, 0, op)

    def walk(b):
        if isinstance(b, Relational):
            return rewrite(b)
        if isinstance(b, (BooleanTrue, BooleanFalse)) or not getattr(b, "args", ()):
            return b
        return b.func(*[walk(a) for a in b.args])

    new_hyps = [walk(h) for h in hyps]
    new_concl = walk(concl)
    return new_hyps + nonzero, new_concl, obligations


# --- sign of a product, factor by factor ---------------------------------------------------------------

def sign_by_factors(rel, hyps, timeout_s: float):
    """Decide ``N op 0`` (``op`` in ``>= > <= <``) from the signs of ``N``'s factors, or return None.

    Each factor ``f^k`` is ``>= 0`` when ``k`` is even, else its sign comes from its
    structure or from a solver proof of ``hyps => f >= 0`` (``f > 0``, ``f <= 0``,
    ``f < 0``); the product's sign follows.  Returns the evidence when it decides.
    """
    if not isinstance(rel, Relational) or rel.rel_op not in (">=", ">", "<=", "<") or rel.rhs != 0:
        return None
    try:
        coeff, factors = factor_list(expand(rel.lhs))
    except PolynomialError:
        return None
    if len(factors) < 2:
        return None
    neg, strict, evidence = coeff < 0, True, []
    for f, k in factors:
        if k % 2 == 0:
            strict = False
            evidence.append(f"({f})^{k} >= 0 (even power)")
            continue
        if f.is_positive:
            evidence.append(f"{f} > 0 (assumptions)")
            continue
        decided = False
        for goal, is_neg, is_strict in ((f > 0, False, True), (f >= 0, False, False),
                                        (f < 0, True, True), (f <= 0, True, False)):
            if _structural_sign(f) == 1 and goal.rel_op == ">=":
                decided = True
            else:
                decided = portfolio(hyps, goal, timeout_s)["result"] == "unsat"
            if decided:
                neg ^= is_neg
                strict &= is_strict
                evidence.append(f"{goal} (proved)")
                break
        if not decided:
            return None
    want_pos = rel.rel_op in (">=", ">")
    want_strict = rel.rel_op in (">", "<")
    if (not neg) == want_pos and (strict or not want_strict):
        return {"rule": "sign of a product, factor by factor", "factors": evidence}
    return None


# --- proving one proposition --------------------------------------------------------------------------

def _prove_in_model(claim_id: str, prop: Prop, model: str, m: int, timeout_s: float) -> ProofResult:
    """One proposition in one model: identity, else the portfolio on the cleared formula (the formula as
    stated when that fails), else the factor-by-factor sign rule; sat models are checked exactly."""
    label = model_label(model, m)
    hyps, concl = instantiate(prop, model, m)
    t0 = time.perf_counter()
    # an equality that simplifies to zero is an identity: proved symbolically, whatever the hypotheses
    if isinstance(concl, Eq) and is_zero(concl.lhs - concl.rhs):
        return ProofResult(claim_id, prop.name, "PROVED", label, "sympy identity", time.perf_counter() - t0)
    h2, c2, obligations = clear_denominators(hyps, concl, QUICK_S)
    a = portfolio(h2, c2, timeout_s)
    check = exact_check(hyps, concl, a["model"]) if a["result"] == "sat" else None
    undecided = a["result"] not in ("sat", "unsat")
    if (undecided or (check and not check[0])) and (obligations or h2 != hyps or c2 != concl):
        a2 = portfolio(hyps, concl, timeout_s)  # the formula as stated
        if a2["result"] == "unsat" or (a2["result"] == "sat" and undecided):
            a, obligations = a2, []
            check = exact_check(hyps, concl, a["model"]) if a["result"] == "sat" else None
    if a["result"] not in ("sat", "unsat"):
        by_factors = sign_by_factors(c2, h2, QUICK_S)
        if by_factors is not None:
            a = {"result": "unsat", "solver": "factorization + z3/cvc5", "seconds": 0.0,
                 "settings": {"by_factors": by_factors}}
    secs = time.perf_counter() - t0
    if a["result"] == "unsat":
        settings = {**a["settings"], "denominators_cleared": obligations} if obligations else a["settings"]
        return ProofResult(claim_id, prop.name, "PROVED", label, a["solver"], secs, settings, a.get("unsat_core"))
    if a["result"] == "sat":
        ok, why = check
        return ProofResult(claim_id, prop.name, "REFUTED" if ok else "UNKNOWN", label, a["solver"], secs,
                           a["settings"], counterexample=a["model"], exact_check=why,
                           note="" if ok else "solver model not confirmed exactly")
    return ProofResult(claim_id, prop.name, "UNKNOWN", label, "z3+cvc5", secs, note=a.get("reason", ""))


def prove_prop(claim_id: str, prop: Prop, timeout_s: float = 20.0) -> ProofResult:
    """Prove ``prop`` in each of its models in turn (two-level, then more levels per block).

    A refutation ends the search; the result of the largest proved model is reported, with every
    model it covers; a model that fails after a proved one is noted and ends the search.
    """
    if prop.verify_only:
        return ProofResult(claim_id, prop.name, "VERIFY-ONLY", note="numeric observable: salign verify")
    best: ProofResult | None = None
    covers: list[str] = []
    for model, m in models_for(prop):
        r = _prove_in_model(claim_id, prop, model, m, timeout_s)
        if r.status == "REFUTED":
            r.covers = covers
            return r
        if r.status == "PROVED":
            covers.append(r.model)
            best = r
        elif best is not None and best.status == "PROVED":
            best.note = f"{r.model}: {r.status} ({r.note or 'timeout'})"
            break
        elif best is None:
            best = r
    best.covers = covers
    return best


def prove_claim(claim: Claim, timeout_s: float = 20.0, on_prop=None) -> list[ProofResult]:
    out = []
    for p in claim.props:
        r = prove_prop(claim.id, p, timeout_s)
        out.append(r)
        if on_prop:
            on_prop(r)
    return out


def claim_status(results: list[ProofResult], claim: Claim) -> str:
    """PROVED / CERTIFIED / REFUTED / UNKNOWN for a claim, from its formal propositions."""
    expected = {p.name: p.expected for p in claim.props}
    formal = [r for r in results if r.status != "VERIFY-ONLY" and expected.get(r.prop, True)]
    if any(r.status == "REFUTED" for r in formal):
        return "REFUTED"
    if formal and all(r.status == "PROVED" for r in formal):
        return "PROVED"
    if formal and all(r.status in ("PROVED", "CERTIFIED") for r in formal):
        return "CERTIFIED"
    return "UNKNOWN"


__all__ = ["prove_prop", "prove_claim", "claim_status", "ProofResult", "instantiate", "exact_check",
           "portfolio"]
