"""Exact proofs: each proposition's negation handed to Z3 and cvc5, and SymPy's own certificates.

For a proposition ``hypotheses => conclusion`` in a scope (:mod:`.scopes`), the prover

1. shows the hypotheses **satisfiable**: a solver's model, checked in exact rationals
   (:mod:`.exact`) on a real spectrum.  Unsatisfiable hypotheses make the proposition
   VACUOUS (which fails a run); if no witness is found, nothing is PROVED;
2. proves it in each scope: a SymPy identity, or ``domain and hypotheses and not
   conclusion`` unsatisfiable.  Each proof names its **routes**: every solver that
   answered unsat on its own (Z3, cvc5), the SymPy identity or a SymPy coefficient
   certificate.  One route is shown as such (``PROVED (z3 only)``);
3. checks every ``sat`` model exactly, on the proposition as stated and inside each
   symbol's domain (integers are whole): only then is it REFUTED.

A general-spectrum proposition is PROVED for *any spectrum* when its moment form
follows from the constraints every spectrum satisfies, else for the spectra with
at most 2 levels per block that it was proved on (``m <= 2``), or the two-level one;
the verdict names that coverage and never more.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from sympy import Add, And, Mul, Ne, Pow, Rational, exp, preorder_traversal, true
from sympy.core.relational import Relational

from salign.theory import meaning
from salign.theory.claim import Claim, Prop
from salign.verify.verdict import PropVerdict, Verdict, claim_verdict

from . import exact
from .budget import PhaseTimeout, bounded, budget
from .cache import ProofCache, srepr_payload
from .clearing import Signs, clear_denominators, factor_certificate, identity, positivity_certificate, stoppable
from .scopes import (
    ANY_SPECTRUM,
    TWO_LEVEL_ONLY,
    UP_TO_2,
    Problem,
    Scope,
    instantiate,
    oracle_only_symbols,
    scopes_for,
    witness_scope,
    witness_scopes,
)
from .solvers import SOLVERS, both_answers, ended_by, first_answer
from .translate import Negated

#: the largest integer exponent the prover expands (larger ones make polynomial algebra explode)
MAX_EXPONENT = 64
#: the largest degree (see :func:`_degree`) a relation may reach in polynomial algebra; the built-in claims
#: reach 59 (L3.monotone), nested powers multiply
MAX_DEGREE = 200
#: seconds of the reference budget for side questions (a denominator's sign; see :mod:`.budget`)
QUICK_S = 2.0
#: proved signs, shared by every proposition of a run (the same denominators recur)
_SIGNS = Signs(QUICK_S)


@dataclass
class ProofResult:
    claim: str
    prop: str
    verdict: Verdict
    coverage: str = ""  # "any spectrum", "m <= 2", "two-level", "<model> model", or a box
    full: bool = True  # does the coverage reach the proposition's own scope?
    routes: list = field(default_factory=list)  # independent confirmations of a PROVED
    seconds: float = 0.0
    domain: list = field(default_factory=list)  # the model hypotheses the proof assumed (stated)
    witness: dict | None = None  # a point where the hypotheses hold, exactly
    scopes: list = field(default_factory=list)  # what each scope tried gave
    unsat_core: list | None = None
    counterexample: dict | None = None
    exact_check: str = ""
    evidence: dict = field(default_factory=dict)  # obligations, certificates, solver settings, unsat cores by formula
    statement: dict = field(default_factory=dict)  # the proposition as stated: infix and srepr
    kernel: list = field(default_factory=list)  # the Coq kernel's check (salign prove --coq), per theorem
    note: str = ""
    cached: bool = False

    @property
    def status(self) -> str:
        return self.verdict.value

    @property
    def label(self) -> str:
        """``PROVED``, ``PROVED (z3 only)``, ``PROVED (m <= 2 only)``, ..."""
        quals = []
        if self.verdict == Verdict.PROVED and len(self.routes) == 1:
            quals.append(f"{self.routes[0]} only")
        if self.verdict in (Verdict.PROVED, Verdict.CERTIFIED) and not self.full:
            quals.append(f"{self.coverage} only")
        return self.verdict.value + (f" ({', '.join(quals)})" if quals else "")

    def as_verdict(self, formal: bool = True, expected: bool = True) -> PropVerdict:
        return PropVerdict(self.prop, self.verdict, formal, expected, self.coverage, self.full)

    def as_json(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if v not in (None, "", [], {})}
        out["verdict"] = self.verdict.value
        out["label"] = self.label
        out["full"] = self.full
        out["cached"] = self.cached
        return out


# --- deciding one problem ---------------------------------------------------------------------------------

def _complete(problem: Problem, model: dict) -> list[dict]:
    """Exact points from a solver's model: its values, with the symbols it never saw set to 1, 2 or 1/3, and the
    symbols the model defines by powers recomputed (:func:`salign.verify.prover.exact.realizations`)."""
    syms = problem.symbols()
    try:
        base = exact.point(model, syms)
    except ValueError:  # an irrational value (a solver's algebraic root): no exact rational point to check
        return []
    missing = sorted((s for s in syms if s not in base), key=lambda s: s.name)
    fills = [Rational(1), Rational(2), Rational(1, 3)] if missing else [None]
    points = [{**base, **({s: f for s in missing} if f is not None else {})} for f in fills]
    # the symbols the statement uses and those their definitions use (alpha brings a_inf: a_inf = 0 where it has
    # no value is no state, found by salign selftest -n 10000 --seed 5); a helper of another link keeps its value
    own = meaning.closure(problem.own_symbols())
    return [r for v in points for r in exact.realizations(v, own)]  # states of the model only (p = rho_D^t, ...)


def _confirm_counterexample(problem: Problem, model: dict) -> tuple[dict | None, str]:
    why = "no completion of the model was checked"
    for vals in _complete(problem, model):
        ok, why = exact.check_counterexample(problem.domain + problem.hyps, problem.concl, vals)
        if ok:
            return {s.name: str(v) for s, v in sorted(vals.items(), key=lambda kv: kv[0].name)}, why
    return None, why


def _integer_symbols(problem: Problem) -> bool:
    return any(s.is_integer for s in problem.symbols())


def _witness_attempts(problem: Problem, timeout_s: float):
    """``(restricted, answer)``: solver queries for a witness; with integer symbols, Z3 over whole numbers
    first (a restricted search: its unsat says nothing about the reals), then both solvers over the reals."""
    formulas = problem.domain + problem.hyps
    if any(s.is_integer for s in problem.symbols()):  # whole k, d: Z3 with integer variables first
        yield True, first_answer(formulas, min(timeout_s, 2.0), solvers=("z3",), integers=True)
    yield False, first_answer(formulas, timeout_s)


#: the values tried for a witness before asking a solver (each symbol's domain permitting)
WITNESS_VALUES = tuple(Rational(n, d) for n, d in ((1, 1), (2, 1), (1, 2), (3, 1), (1, 3), (5, 1), (1, 10), (7, 2),
                                                   (10, 1), (2, 3), (0, 1), (-1, 1), (-2, 1), (1, 100), (100, 1)))


def _try_points(problem: Problem, tries: int = 24) -> dict | None:
    """A witness by trying small rational points exactly (cheap; the solvers take over if none works)."""
    import random

    syms = sorted(problem.symbols(), key=lambda s: s.name)
    rng = random.Random(0)
    formulas = problem.domain + problem.hyps
    for _ in range(tries):
        drawn = {s: rng.choice([v for v in WITNESS_VALUES if not exact.domain_violations({s: v})]) for s in syms}
        for vals in exact.realizations(drawn, problem.own_symbols()):
            if exact.check_witness(formulas, vals)[0]:
                return {"result": "sat", "solver": "sympy (a small rational point)",
                        "point": {s.name: str(v) for s, v in sorted(vals.items(), key=lambda kv: kv[0].name)}}
    return None


def find_witness(problem: Problem, timeout_s: float, cache: ProofCache) -> dict:
    """A point where the domain and hypotheses hold, exactly; ``{"result": "unsat"}`` if there is none."""
    key = cache.key("witness", srepr_payload(domain=problem.domain, hyps=problem.hyps))
    hit = cache.get(key)
    if hit is not None:
        return {**hit, "cached": True}
    found = _try_points(problem)
    if found is not None:
        cache.put(key, found)
        return found
    formulas = problem.domain + problem.hyps
    out = {"result": "unknown", "reason": "no solver answered"}
    for pinned, a in _witness_attempts(problem, timeout_s):
        if a["result"] == "sat":
            for vals in _complete(problem, a["model"]):
                ok, why = exact.check_witness(formulas, vals)
                if ok:
                    point = {s.name: str(v) for s, v in sorted(vals.items(), key=lambda kv: kv[0].name)}
                    out = {"result": "sat", "solver": a["solver"], "point": point}
                    break
                out = {"result": "unknown", "reason": f"the solver's model failed the exact check: {why}"}
            if out["result"] == "sat":
                break
        elif a["result"] == "unsat" and not pinned:  # over the reals, hence over the integers too
            out = {"result": "unsat", "solver": a["solver"], "unsat_core": a.get("unsat_core")}
        elif not pinned:
            out = {"result": "unknown", "reason": a.get("reason", "")}
    if out["result"] in ("sat", "unsat"):
        cache.put(key, out)
    return out


_CUTS: dict = {}


def _definedness_cuts(domain, hyps, concl, obligations, timeout_s) -> list:
    """Prove, on their own, that the hypotheses make the conclusion's cleared denominators non-zero.

    Each such fact ``D != 0`` joins the hypotheses as an obligation (with the solvers that proved it):
    the main query is then about signs alone, which is where solvers are quick.  The fact is tried
    first from the hypotheses on eigenvalues alone (the spectral gap: a lemma shared by many
    propositions, memoised), then from all of them.
    """
    guards = [a for a in (concl.args if isinstance(concl, And) else (concl,)) if isinstance(a, Ne)]
    spectral = tuple(domain) + tuple(h for h in hyps if h.free_symbols
                                     and all(s.name.startswith("lambda") for s in h.free_symbols))
    everything = tuple(domain) + tuple(hyps)
    cuts = []
    for g in guards:
        for context in dict.fromkeys((spectral, everything)):
            key = (g, context)
            routes = _CUTS.get(key)
            if routes is None:
                answers = both_answers([*context, Negated(g)], timeout_s)
                routes = sorted(a["solver"] for a in answers if a["result"] == "unsat")
                if all(a.get("ended_by") in ("answer", "rlimit") for a in answers):  # not when the clock decided
                    _CUTS[key] = routes
            if routes:
                source = "the domain and the spectral gap imply" if context != everything else "the hypotheses imply"
                obligations.append({"statement": f"{source} {g}", "routes": routes})
                cuts.append(g)
                break
    return cuts


def _solver_routes(answers, obligations) -> list[str]:
    """Solvers that proved the problem *and* every denominator-sign obligation it rests on (or SymPy did)."""
    routes = []
    for a in answers:
        if a["result"] != "unsat":
            continue
        if all(a["solver"] in ob["routes"] or "sympy" in ob["routes"] for ob in obligations):
            routes.append(a["solver"])
    return sorted(routes, key=SOLVERS.index)


#: seconds of the reference budget (resource units, :mod:`.budget`) each formulation gets first: most problems are
#: decided well within this, and a formulation that the solvers find hard (a cleared one, or the one as stated) does
#: not hold up the other.  A budget, not a clock: which stage decides is the same on every machine.
QUICK = 1.0


def _decisive(answers) -> bool:
    return any(a["result"] in ("unsat", "sat") for a in answers)


def _staged(forms, timeout_s: float):
    """Both solvers on each formulation ``(formulas, obligations)`` with a budget of ``QUICK`` seconds in turn, then
    with the whole budget; the first decisive answers win.  Returns ``(answers, obligations they rest on)``."""
    answers, used = [], forms[0][1]
    for limit in dict.fromkeys((min(QUICK, timeout_s), timeout_s)):
        for formulas, obligations in forms:
            answers, used = both_answers(formulas, limit), obligations
            if _decisive(answers):
                return answers, used
    return answers, used


def decide(problem: Problem, timeout_s: float, signs: Signs, cache: ProofCache) -> dict:
    """``{"result": "proved", "routes": [...]}``, ``{"result": "refuted", "counterexample": ...}`` or unknown."""
    key = cache.key("decide", srepr_payload(scope=problem.scope.label, domain=problem.domain, hyps=problem.hyps,
                                            concl=problem.concl))
    hit = cache.get(key)
    if hit is not None:
        return {**hit, "cached": True}
    out = _decide(problem, timeout_s, signs)
    if out["result"] in ("proved", "refuted"):
        cache.put(key, out)
    return out


def _decide(problem: Problem, timeout_s: float, signs: Signs) -> dict:
    t0 = time.perf_counter()
    try:
        return _decide_bounded(problem, timeout_s, signs, t0)
    except PhaseTimeout as e:  # SymPy preprocessing that does not finish: undecided, and which phase it was
        return {"result": "unknown", "reason": str(e), "phase": e.phase,
                "ended_by": {"preprocessing": "wall-clock"}, "seconds": time.perf_counter() - t0}


def _preprocessing_limit(timeout_s: float) -> float:
    """Seconds a SymPy preprocessing phase may take (:mod:`.budget`)."""
    return budget(timeout_s).preprocessing_s


def _certificate(concl, hyps):
    return factor_certificate(concl) or positivity_certificate(concl, hyps)


def _decide_bounded(problem: Problem, timeout_s: float, signs: Signs, t0: float) -> dict:
    hyps, concl, domain = problem.hyps, problem.concl, problem.domain
    routes, evidence = [], {}
    limit = _preprocessing_limit(timeout_s)
    if stoppable(identity, (concl,), (concl,), limit, "a SymPy identity", timeout_s):
        routes.append("sympy identity")
    h2, c2, obligations = clear_denominators(domain + hyps, concl, signs, limit, timeout_s)
    h2 = h2 + _definedness_cuts(h2[:len(domain)], h2[len(domain):], c2, obligations, timeout_s)
    cleared = [*h2, Negated(c2)]
    forms = [(cleared, obligations)]
    if h2 != domain + hyps or c2 != concl:  # the formula as stated, where clearing changed it
        forms.append(([*domain, *hyps, Negated(concl)], []))
    answers, used = _staged(forms, timeout_s)
    ended = ended_by(answers)  # what stopped each solver that decided nothing: its resource budget or the clock
    solver_routes = _solver_routes(answers, used)
    if used and solver_routes:
        evidence["denominators_cleared"] = used
    for a in answers:  # a counterexample, once checked exactly, wins over any route (and would be a bug in it)
        if a["result"] == "sat":
            cex, why = _confirm_counterexample(problem, a["model"])
            if cex is not None:
                return {"result": "refuted", "counterexample": cex, "exact_check": why, "solver": a["solver"],
                        "seconds": time.perf_counter() - t0,
                        **({"note": f"{', '.join(routes)} claimed a proof that the counterexample contradicts"}
                           if routes else {})}
    routes += solver_routes
    if len(routes) < 2 and not any(a["result"] == "sat" for a in answers):  # SymPy's own certificates
        try:
            certificate = stoppable(_certificate, (concl, domain + hyps), (concl, *domain, *hyps), limit,
                                    "SymPy certificates", timeout_s)
        except PhaseTimeout as e:
            certificate = None
            ended["certificates"] = "wall-clock"
            evidence["certificate_timeout"] = str(e)
        if certificate is not None:
            routes.append("sympy certificate")
            evidence["certificate"] = certificate
    core = next((a.get("unsat_core") for a in answers if a["result"] == "unsat" and a.get("unsat_core")), None)
    core_text = next((a.get("unsat_core_formulas") for a in answers if a["result"] == "unsat"
                      and a.get("unsat_core_formulas")), None)
    if core_text:
        evidence["unsat_core"] = core_text
    if routes:
        evidence["settings"] = {a["solver"]: a.get("settings") for a in answers if a["result"] == "unsat"}
        return {"result": "proved", "routes": routes, "evidence": evidence, "unsat_core": core,
                "seconds": time.perf_counter() - t0, **({"ended_by": ended} if ended else {})}
    for a in answers:
        if a["result"] == "sat":
            cex, why = _confirm_counterexample(problem, a["model"])
            if cex is None and _integer_symbols(problem):  # look for a counterexample with whole k, d
                ai = first_answer([*domain, *hyps, Negated(concl)], timeout_s, solvers=("z3",), integers=True)
                if ai["result"] == "sat":
                    cex, why = _confirm_counterexample(problem, ai["model"])
                elif ai["result"] == "unsat":  # no counterexample with whole numbers: proved over the integers
                    return {"result": "proved", "routes": ["z3 (integers)"], "unsat_core": ai.get("unsat_core"),
                            "evidence": {"integers": "k, d declared integers (QF_NIRA); a real relaxation has "
                                         "counterexamples that are not whole numbers"},
                            "seconds": time.perf_counter() - t0}
            if cex is not None:
                return {"result": "refuted", "counterexample": cex, "exact_check": why, "solver": a["solver"],
                        "seconds": time.perf_counter() - t0}
            return {"result": "unknown", "reason": f"{a['solver']}'s model is not a counterexample: {why}",
                    "seconds": time.perf_counter() - t0, **({"ended_by": ended} if ended else {})}
    reason = "; ".join(f"{a['solver']}: {a['result']}" + (f" ({a['ended_by']})" if a.get("ended_by") else "")
                       + (f" {a['error']}" if a.get("error") else "") for a in answers)
    return {"result": "unknown", "reason": reason or f"no answer within a budget of {timeout_s}s",
            "seconds": time.perf_counter() - t0, **({"ended_by": ended} if ended else {})}


# --- proving one proposition --------------------------------------------------------------------------

def _vacuous_everywhere(prop: Prop, unsat_in: list, timeout_s: float, cache: ProofCache) -> bool:
    """Unsatisfiable hypotheses in every scope tried; for a general proposition also over the block moments
    (a relaxation of every spectrum: unsatisfiable there, unsatisfiable for any spectrum)."""
    if prop.model != "general":
        return True
    w = find_witness(instantiate(prop, Scope("moments")), timeout_s, cache)
    if w["result"] == "unsat":
        unsat_in.append((Scope("moments").label, w))
        return True
    return False


def _coverage(prop: Prop, proved: list[Scope]) -> tuple[str, bool]:
    if prop.model != "general":
        return (f"{prop.model} model", True) if proved else ("", True)
    kinds = {(s.kind, s.m) for s in proved}
    if ("moments", 1) in kinds:
        return ANY_SPECTRUM, True
    if {("levels", 1), ("levels", 2)} <= kinds:
        return UP_TO_2, False
    if ("levels", 1) in kinds:
        return TWO_LEVEL_ONLY, False
    return "", False


def statement_of(prop: Prop) -> dict:
    """The proposition as stated, for the JSON: infix text and SymPy's ``srepr`` (which rebuilds it exactly)."""
    from sympy import srepr

    return {"infix": (f"{' & '.join(f'({h})' for h in prop.hypotheses)} => " if prop.hypotheses else "")
            + str(prop.conclusion), "model": prop.model,
            "hypotheses_srepr": [srepr(h) for h in prop.hypotheses], "conclusion_srepr": srepr(prop.conclusion)}


def problem_text(pb: Problem) -> dict:
    """The problem handed to the solvers in a scope: they were asked to show that ``domain and hypotheses and
    not conclusion`` has no solution (each relation guarded by its definedness; every symbol within its domain)."""
    return {"domain": [str(d) for d in pb.domain], "hypotheses": [str(h) for h in pb.hyps],
            "conclusion": str(pb.concl)}


BY_DEFINITION = ("true by definition in this scope (the substitution of the observables' definitions turns the "
                 "conclusion into True): not counted as a proof")


def _by_definition(prop: Prop, pb: Problem) -> dict:
    """The block moments, where the conclusion is ``True`` once the observables' definitions are substituted: the
    scope's definition *is* the statement, so nothing was checked there.  Over the block moments, an identity between
    block sums is then proved from the per-coordinate step for any number of levels (:mod:`.blocksum`);
    otherwise the scope proves nothing, and the other scopes decide."""
    from . import blocksum

    if pb.scope.kind == "moments" and blocksum.proves(prop):
        return {"result": "proved", "routes": ["sympy block sum"],
                "evidence": {"block_sum": "over the block moments the statement is true by definition; it was "
                                          "proved for blocks of any number m_D, m_B of levels, each side written "
                                          "as sums of the per-coordinate step over the levels and compared term "
                                          "by term after splitting the sums by linearity"}}
    return {"result": "by definition", "reason": BY_DEFINITION}


def prove_prop(claim_id: str, prop: Prop, timeout_s: float = 8.0, cache: ProofCache | None = None,
               signs: Signs | None = None) -> ProofResult:
    """Prove, refute or leave undecided one proposition, in each of its scopes.

    A decisive result is also kept whole, keyed by the proposition as written, the symbolic layer's source
    (which defines every scope it is instantiated in), the prover's source and the solvers' versions: an
    unchanged proposition is answered without rebuilding its problems.
    """
    from salign.theory.cache import source_hash

    cache = cache or ProofCache(enabled=False)
    if prop.verify_only or oracle_only_symbols(prop):  # left to the verifier at once: nothing to keep
        return _prove_prop(claim_id, prop, timeout_s, cache, signs)
    key = cache.key("proposition", {**srepr_payload(concl=prop.conclusion, hyps=list(prop.hypotheses)),
                                    "claim": claim_id, "name": prop.name, "model": prop.model,
                                    "verify_only": prop.verify_only, "theory": source_hash(), "timeout": timeout_s})
    hit = cache.get(key)
    if hit is not None:
        try:
            return ProofResult(**{**hit, "verdict": Verdict(hit["verdict"]), "cached": True})
        except (TypeError, ValueError):
            pass  # an entry of another shape: recompute
    res = _prove_prop(claim_id, prop, timeout_s, cache, signs)
    if res.verdict in (Verdict.PROVED, Verdict.REFUTED, Verdict.VACUOUS):
        cache.put(key, {**asdict(res), "verdict": res.verdict.value, "cached": False})
    return res


def _coefficients(e):
    """Each rational number multiplying a term of ``e`` (also in an unevaluated product)."""
    for term in Add.make_args(e):
        for f in Mul.make_args(term):
            if f.is_Rational:
                yield abs(f.p)
                yield f.q


def _multiplier(e) -> int | None:
    """The exponent polynomial algebra would expand for a power or an exponential (``b**(p/q)``: the larger of
    ``p`` and ``q``; ``b**(c x)`` and ``exp(c x)`` are ``(b**x)**c`` and ``exp(x)**c``: the largest ``c``), else
    None."""
    if isinstance(e, Pow):
        return max(abs(e.exp.p), e.exp.q) if e.exp.is_Rational else max(_coefficients(e.exp), default=1)
    if isinstance(e, exp):
        return max(_coefficients(e.args[0]), default=1)
    return None


def _degree(e) -> int:
    """A bound on the degree polynomial algebra would see in ``e``: a power or an exponential multiplies its
    argument's degree by its :func:`_multiplier` (nested powers multiply)."""
    if isinstance(e, Pow):
        return _degree(e.base) * _multiplier(e) + (0 if e.exp.is_Rational else _degree(e.exp))
    if isinstance(e, exp):
        return _multiplier(e) * _degree(e.args[0])
    if isinstance(e, Mul):
        return sum(_degree(a) for a in e.args)
    return max((_degree(a) for a in e.args), default=1)


def _exponents(b):
    """Each exponent polynomial algebra would expand in ``b`` (see :func:`_multiplier`)."""
    for e in preorder_traversal(b):
        k = _multiplier(e)
        if k is not None:
            yield k


def _degrees(b):
    """The degree each relation of ``b`` would have in polynomial algebra (see :func:`_degree`)."""
    for e in preorder_traversal(b):
        if isinstance(e, Relational):
            yield max(_degree(e.lhs), _degree(e.rhs))


def _prove_prop(claim_id: str, prop: Prop, timeout_s: float, cache: ProofCache, signs: Signs | None) -> ProofResult:
    from salign.theory.symbols import domain_hypotheses

    signs = signs or _SIGNS
    t0 = time.perf_counter()
    hits0 = cache.hits
    res = ProofResult(claim_id, prop.name, Verdict.UNKNOWN, statement=statement_of(prop))
    foreign = oracle_only_symbols(prop)
    parts = (prop.conclusion, *prop.hypotheses)
    huge = sorted(k for b in parts for k in _exponents(b) if k > MAX_EXPONENT)
    degree = max(d for b in parts for d in (*_degrees(b), 0))
    if (huge or degree > MAX_DEGREE) and not (prop.verify_only or foreign):
        res.note = ((f"an exponent of {huge[-1]} is beyond what the prover expands (at most {MAX_EXPONENT})" if huge
                     else f"a degree of up to {degree} is beyond what the prover expands (at most {MAX_DEGREE})")
                    + ": left to salign verify")
        return res
    if prop.verify_only or foreign:
        res.verdict = Verdict.VERIFY_ONLY
        res.note = ("numeric observable: checked by salign verify" if prop.verify_only else
                    f"uses {', '.join(sorted(s.name for s in foreign))}, which only an oracle defines: "
                    "checked by salign verify")
        return res
    w, unsat_in = {"result": "unknown"}, []
    for ws in witness_scopes(prop):
        wp = instantiate(prop, ws)  # a substitution: linear in the statement's size (see .budget)
        res.domain = res.domain or domain_hypotheses(wp.symbols()) + [str(d) for d in wp.domain]
        w = find_witness(wp, timeout_s, cache)
        if w["result"] == "sat":
            used = {s.name for s in prop.free_symbols()} | {s.name for s in wp.symbols()}
            res.witness = {k: v for k, v in w["point"].items() if k in used}
            break
        if w["result"] == "unsat":
            unsat_in.append((wp.scope.label, w))
    if res.witness is None and unsat_in and _vacuous_everywhere(prop, unsat_in, timeout_s, cache):
        res.verdict, res.unsat_core = Verdict.VACUOUS, unsat_in[-1][1].get("unsat_core")
        res.note = (f"the hypotheses cannot all hold ({'; '.join(label for label, _ in unsat_in)}: "
                    f"{unsat_in[-1][1].get('solver')} found them unsatisfiable)")
        res.seconds = time.perf_counter() - t0
        return res
    proved: list[Scope] = []
    routes_by_scope: list[list[str]] = []
    for scope in scopes_for(prop):
        if scope.kind == "levels" and any(s.kind == "moments" for s in proved):
            break  # any spectrum already covers every level count
        pb = instantiate(prop, scope)
        # over the block moments an observable *is* its moment form: a conclusion that the substitution makes True
        # there is true by definition (elsewhere the substitution computes: one level per block, a level's sum)
        r = _by_definition(prop, pb) if scope.kind == "moments" and pb.concl is true else None
        r = r or decide(pb, timeout_s, signs, cache)
        res.scopes.append({"scope": scope.label, "result": r["result"], "routes": r.get("routes", []),
                           "problem": problem_text(pb),
                           "seconds": round(r.get("seconds", 0.0), 3), "cached": bool(r.get("cached")),
                           **{k: r[k] for k in ("reason", "phase", "ended_by") if r.get(k)}})
        if r["result"] == "proved":
            proved.append(scope)
            routes_by_scope.append(r["routes"])
            res.unsat_core = res.unsat_core or r.get("unsat_core")
            res.evidence.setdefault(scope.label, r.get("evidence", {}))
        elif r["result"] == "refuted" and scope.kind != "moments":
            res.verdict, res.counterexample, res.exact_check = Verdict.REFUTED, r["counterexample"], r["exact_check"]
            res.coverage, res.note = scope.label, f"counterexample found by {r.get('solver')}"
            break
        elif r["result"] == "refuted":  # a moment point need not come from a spectrum: try real spectra
            res.scopes[-1]["result"] = "not implied by the moment constraints (counterexample over moments)"
        elif scope.kind == "levels":
            break  # m = 2 needs m = 1 first; an undecided level count ends the search
    if res.verdict != Verdict.REFUTED and proved:
        res.coverage, res.full = _coverage(prop, proved)
        res.routes = min(routes_by_scope, key=len)
        if res.witness is None:
            res.verdict = Verdict.UNKNOWN
            res.note = (f"proved ({res.coverage}), but no point satisfying the hypotheses was found "
                        f"({w.get('reason', 'timeout')}): it may be vacuous")
        else:
            res.verdict = Verdict.PROVED
    elif res.verdict != Verdict.REFUTED:
        res.note = "; ".join(f"{s['scope']}: {s['result']} {s.get('reason', '')}".strip() for s in res.scopes)
    res.cached = cache.hits > hits0 and all(s["cached"] for s in res.scopes)
    res.seconds = time.perf_counter() - t0
    return res


def prove_claim(claim: Claim, timeout_s: float = 8.0, cache: ProofCache | None = None, on_prop=None,
                certify_unknown: bool = True) -> list[ProofResult]:
    """Every proposition of ``claim``; undecided ones may still be CERTIFIED on a stated box."""
    out = []
    for p in claim.props:
        r = prove_prop(claim.id, p, timeout_s, cache)
        if certify_unknown and r.verdict == Verdict.UNKNOWN and r.witness is not None:
            _certify(p, r, timeout_s)
        out.append(r)
        if on_prop:
            on_prop(r)
    return out


def _witness_problem(witness: dict | None, box: dict, tightened) -> str:
    """"" if the exact witness gives every box variable a value inside the box and satisfies the hypotheses as the
    interval search read them (strict ones tightened to the certificate's margin), else why it does not count: a
    box where no point is known to satisfy those hypotheses may prove nothing.  (A red-team review found
    ``eta/10000 > 1/10000 => eta^2 != 2`` CERTIFIED on eta in [0.1, 10]: tightened, its hypothesis is eta >= 11,
    which no point of the box satisfies, and the witness eta = 10 was only checked to lie in the box.)"""
    if not witness:
        return "the prover found no witness"
    try:
        point = {name: exact.rational(v) for name, v in witness.items()}
    except (ValueError, TypeError, ZeroDivisionError):
        return "the witness is no rational point"
    for name, (lo, hi) in box.items():
        if name not in point or not Rational(str(lo)) <= point[name] <= Rational(str(hi)):
            return ("the witness lies outside the box: no point of the box is known to satisfy the hypotheses, so "
                    "the box may prove nothing (a boundary such as rho_D = 0 is not in it)")
    by_name = {}
    for h in tightened:
        by_name.update({x.name: x for x in h.free_symbols})
    missing = sorted(n for n in by_name if n not in point)
    if missing:
        return f"the witness names no value for {', '.join(missing)}"
    vals = {x: point[n] for n, x in by_name.items()}
    try:
        if all(exact.truth(h, vals) for h in tightened):
            return ""
    except (exact.TooHard, TypeError, ValueError):
        pass
    return ("the witness does not satisfy the hypotheses as tightened to the certificate's margin: no point of the "
            "box is known to satisfy them, so the box may prove nothing")


def _interval_certificate(prop: Prop, witness: dict | None = None):
    """``(scope label, certificate, why the witness does not count or "")`` for the interval fallback."""
    from .certify import MARGIN, certify, tighten

    pb = instantiate(prop, witness_scope(prop))
    cert = certify(pb.domain + pb.hyps, pb.concl, delta=MARGIN)
    problem = _witness_problem(witness, cert.box, tighten(pb.domain + pb.hyps, MARGIN)) \
        if cert.status == "CERTIFIED" else ""
    return pb.scope.label, cert, problem


def _certify(prop: Prop, r: ProofResult, timeout_s: float = 8.0) -> None:
    """The interval fallback, on the two-level (or the proposition's own) model and a stated box (in a child
    process, stopped like every preprocessing phase: then nothing is certified, and the evidence says why).
    It counts only where the prover's exact witness lies in the box and satisfies the hypotheses as tightened."""
    try:
        label, cert, problem = bounded(_interval_certificate, (prop, r.witness), _preprocessing_limit(timeout_s),
                                       "the interval fallback", timeout_s)
    except PhaseTimeout as e:
        r.evidence["interval_fallback"] = {"status": "UNKNOWN", "reason": str(e), "ended_by": "wall-clock"}
        return
    r.evidence["interval_fallback"] = cert.as_json()
    if cert.status != "CERTIFIED":
        return
    if problem:
        r.evidence["interval_fallback"]["not_counted"] = problem
        r.note = (r.note + "; " if r.note else "") + "interval certificate not counted: the box holds no known witness"
        return
    r.verdict, r.routes, r.full = Verdict.CERTIFIED, ["mpmath.iv branch and bound"], False
    r.coverage = f"{label}, on the box {cert.box_text()} ({cert.reason})"


def claim_status(results: list[ProofResult], claim: Claim) -> tuple[Verdict, str]:
    """A claim's prover verdict: the weakest of its formal propositions (exploratory conjectures aside)."""
    expected = {p.name: p.expected for p in claim.props}
    verdicts = [r.as_verdict(formal=r.verdict != Verdict.VERIFY_ONLY, expected=expected.get(r.prop, True))
                for r in results]
    if not any(v.formal for v in verdicts):
        return Verdict.VERIFY_ONLY, ""
    return claim_verdict(verdicts)


__all__ = ["prove_prop", "prove_claim", "claim_status", "ProofResult", "decide", "find_witness"]
