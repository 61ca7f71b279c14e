"""Z3 and cvc5 on nonlinear real arithmetic, each in a child process with a time limit.

A *query* is a list of SymPy booleans to be asserted together (with the domain their
symbols' assumptions state, see :mod:`salign.verify.prover.translate`).  ``unsat``
means no point satisfies them all; ``sat`` comes with a model (exact rationals,
algebraic values as 40-digit rational approximations) that the caller checks
exactly before it believes it.

Two ways to run the solvers: :func:`first_answer` stops at the first decisive answer
(for side questions such as a denominator's sign), :func:`both_answers` lets each
solver finish within the limit, so that a proof can rest on two independent solvers.
"""

from __future__ import annotations

import pickle
import queue as queue_module
import time
from fractions import Fraction
from functools import cache
from importlib.metadata import version

from salign.theory.cache import dumps
from salign.verify.processes import context

from .translate import Translator, Untranslatable

SOLVERS = ("z3", "cvc5")


@cache
def solver_versions() -> dict[str, str]:
    """The installed solvers' versions (part of every cache key)."""
    return {"z3": version("z3-solver"), "cvc5": version("cvc5")}


def _module(which: str):
    if which == "z3":
        import z3 as M
    else:
        from cvc5 import pythonic as M
    return M


def _solve(which: str, formulas, names, timeout_ms: int, integers: bool, out) -> None:
    """Child process: translate, assert, check; put one answer dict on ``out``."""
    t0 = time.perf_counter()
    try:
        if isinstance(formulas, bytes):  # from a fork server: rebuilt exactly as the caller built them
            formulas = pickle.loads(formulas)
        M = _module(which)
        if which == "z3":
            s = M.SolverFor("QF_NIRA" if integers else "QF_NRA")
            s.set("timeout", timeout_ms)
            settings = {"logic": "QF_NIRA" if integers else "QF_NRA", "timeout_ms": timeout_ms}
        else:
            import os
            logic = os.environ.get("SALIGN_CVC5_LOGIC", "QF_NRA")
            s = M.SolverFor(logic)
            s.set("tlimit-per", timeout_ms)
            settings = {"logic": logic, "tlimit-per": timeout_ms}
            if logic == "QF_NRA":
                s.set("nl-cov", True)
                settings["nl-cov"] = True
        T = Translator(M, integers=integers)
        named = [(n, T.boolean(f)) for n, f in zip(names, formulas)]
        if which == "z3":
            for i, c in enumerate(T.domain):
                s.assert_and_track(c, f"domain{i}")
            for n, f in named:
                s.assert_and_track(f, n)
        else:
            s.add(*T.domain, *[f for _, f in named])
        r = str(s.check())
        ans = {"solver": which, "result": r, "seconds": time.perf_counter() - t0, "settings": settings}
        if r == "unsat" and which == "z3":
            ans["unsat_core"] = sorted(str(c) for c in s.unsat_core())
        if r == "sat":
            mdl = s.model()
            ans["model"] = {str(sym): _value(mdl, v) for sym, v in T.vars.items()}
        out.put(ans)
    except Untranslatable as e:
        out.put({"solver": which, "result": "untranslatable", "error": str(e), "seconds": time.perf_counter() - t0})
    except Exception as e:  # a solver crash is an undecided answer, with the reason
        out.put({"solver": which, "result": "error", "error": f"{type(e).__name__}: {e}",
                 "seconds": time.perf_counter() - t0})


def _value(mdl, v) -> str:
    """A model value as an exact rational string (algebraic numbers: a 40-digit rational approximation)."""
    val = mdl.eval(v, model_completion=True)
    text = str(val.sexpr() if hasattr(val, "sexpr") else val)
    if getattr(val, "approx", None) is not None and "root-obj" in text:
        return str(Fraction(val.approx(40).as_fraction()))
    if hasattr(val, "as_fraction"):
        try:
            return str(Fraction(val.as_fraction()))
        except Exception:
            pass
    text = str(val).replace("?", "")
    try:
        return str(Fraction(text))
    except ValueError:
        return text


def _grace(first_seconds: float, timeout_s: float) -> float:
    """How long the other solvers may still run once one has answered: enough for a second opinion on an
    easy problem, never the whole limit again on a problem that only one solver finds easy."""
    return min(timeout_s, max(0.5, 3 * first_seconds))


def _run(formulas, timeout_s: float, solvers, stop_at_first: bool, integers: bool = False,
         names=None) -> list[dict]:
    names = list(names or [f"f{i}" for i in range(len(formulas))])
    ctx = context(("salign.verify.prover.solvers", "z3", "cvc5.pythonic"))
    q = ctx.Queue()
    sent = formulas if ctx.get_start_method() == "fork" else dumps(formulas)
    procs = [ctx.Process(target=_solve, args=(w, sent, names, int(timeout_s * 1000), integers, q), daemon=True)
             for w in solvers]
    for p in procs:
        p.start()
    answers, deadline = [], time.monotonic() + timeout_s + 0.5
    try:
        while len(answers) < len(procs) and time.monotonic() < deadline:
            try:
                a = q.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue_module.Empty:
                break
            answers.append(a)
            if a["result"] in ("sat", "unsat"):
                if stop_at_first:
                    break
                deadline = min(deadline, time.monotonic() + _grace(a["seconds"], timeout_s))
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(1)
    got = {a["solver"] for a in answers}
    answers += [{"solver": w, "result": "timeout", "seconds": timeout_s} for w in solvers if w not in got
                and not (stop_at_first and any(a["result"] in ("sat", "unsat") for a in answers))]
    return answers


def first_answer(formulas, timeout_s: float, solvers=SOLVERS, integers: bool = False, names=None) -> dict:
    """The first decisive answer of the solvers run side by side, or ``{"result": "unknown", ...}``."""
    answers = _run(formulas, timeout_s, solvers, True, integers, names)
    for a in answers:
        if a["result"] in ("sat", "unsat"):
            return {**a, "others": [b for b in answers if b is not a]}
    return {"result": "unknown", "others": answers,
            "reason": "; ".join(f"{a['solver']}: {a['result']} {a.get('error', '')}".strip() for a in answers)}


def both_answers(formulas, timeout_s: float, solvers=SOLVERS, names=None) -> list[dict]:
    """Every solver's own answer within the limit (``timeout`` where it ran out)."""
    return _run(formulas, timeout_s, solvers, False, False, names)
