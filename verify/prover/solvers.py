"""Z3 and cvc5 on nonlinear real arithmetic, each in a child process with a resource limit.

A *query* is a list of SymPy booleans to be asserted together (with the domain their
symbols' assumptions state, see :mod:`salign.verify.prover.translate`).  ``unsat``
means no point satisfies them all; ``sat`` comes with a model (exact rationals,
algebraic values as 40-digit rational approximations) that the caller checks
exactly before it believes it.

Two ways to run the solvers: :func:`first_answer` takes the first decisive answer in the
order of ``solvers`` (for side questions such as a witness), :func:`both_answers` lets each
solver finish within its budget, so that a proof can rest on two independent solvers.

Each call's limit is a :class:`~salign.verify.prover.budget.Budget` (or a number of seconds,
converted to one): resource units that the solvers count the same way on any machine, with
the wall clock as a safety net.  Once one solver has decided, the others keep only a grace
budget, also in resource units (see :func:`_run`); no answer is chosen because it came first.
Which answers count is a function of the solvers' work, never of the clock, unless the
safety net ends a search, which its ``ended_by`` says.
"""

from __future__ import annotations

import pickle
import queue as queue_module
import time
from fractions import Fraction
from functools import cache
from importlib.metadata import version
from multiprocessing.connection import wait

from salign.theory.cache import dumps
from salign.verify.processes import context

from .budget import PRELOAD, RLIMIT_PER_SECOND, Budget, budget
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


def _solve(which: str, formulas, names, limits: dict, integers: bool, out, tag: int = 0) -> None:
    """Child process: translate, assert, check; send ``(tag, answer dict)`` on the connection ``out``.

    ``limits``: ``{"rlimit": units, "wall_clock_s": seconds}`` (see :mod:`.budget`).
    """
    t0 = time.perf_counter()
    try:
        if isinstance(formulas, bytes):  # from a fork server: rebuilt exactly as the caller built them
            formulas = pickle.loads(formulas)
        M = _module(which)
        wall_ms = int(limits["wall_clock_s"] * 1000)
        if which == "z3":
            s = M.SolverFor("QF_NIRA" if integers else "QF_NRA")
            s.set("rlimit", limits["rlimit"])  # counted from this check on: a fresh process, a fresh context
            s.set("timeout", wall_ms)
            settings = {"logic": "QF_NIRA" if integers else "QF_NRA", **limits}
        else:
            import os
            logic = os.environ.get("SALIGN_CVC5_LOGIC", "QF_NRA")
            s = M.SolverFor(logic)
            s.set("rlimit-per", limits["rlimit"])
            s.set("tlimit-per", wall_ms)
            settings = {"logic": logic, **limits}
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
        used = _resources(which, s)
        ans = {"solver": which, "result": r, "seconds": time.perf_counter() - t0, "settings": settings,
               "ended_by": _ended_by(which, s, r, used, limits["rlimit"]), "resources": used}
        if r == "unknown":
            ans["reason"] = str(s.reason_unknown())
        if r == "unsat" and which == "z3":
            ans["unsat_core"] = sorted(str(c) for c in s.unsat_core())
            # by formula, not only by label: the JSON alone says which facts the proof used
            text = {**{f"domain{i}": str(c) for i, c in enumerate(T.domain)}, **{n: str(f) for n, f in zip(names, formulas)}}
            ans["unsat_core_formulas"] = {c: text.get(c, "") for c in ans["unsat_core"]}
        if r == "sat":
            mdl = s.model()
            ans["model"] = {str(sym): _value(mdl, v) for sym, v in T.vars.items()}
        out.send((tag, ans))
    except Untranslatable as e:
        out.send((tag, {"solver": which, "result": "untranslatable", "error": str(e),
                       "seconds": time.perf_counter() - t0, "ended_by": "error"}))
    except Exception as e:  # a solver crash is an undecided answer, with the reason
        out.send((tag, {"solver": which, "result": "error", "error": f"{type(e).__name__}: {e}",
                       "seconds": time.perf_counter() - t0, "ended_by": "error"}))


def _ended_by(which: str, s, result: str, used: int | None, rlimit: int) -> str:
    """What ended the search: ``answer``, ``rlimit`` (the resource budget), ``wall-clock`` (the safety net) or
    ``incomplete`` (the solver gave up on its own)."""
    if result in ("sat", "unsat"):
        return "answer"
    why = str(s.reason_unknown()).lower()
    # z3 says "max. resource limit exceeded", or "canceled" where a tactic stops at the limit; cvc5 RESOURCEOUT
    if "resource" in why or (used is not None and used >= rlimit):
        return "rlimit"
    if "timeout" in why or "canceled" in why:
        return "wall-clock"
    return "incomplete"


def _resources(which: str, s) -> int | None:
    """The resource units the check used (what its ``rlimit`` is measured in)."""
    try:
        if which == "z3":
            return int(s.statistics().get_key_value("rlimit count"))
        return int(s.statistics()["resource::resourceUnitsUsed"]["value"])
    except Exception:
        return None


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


def _settled(answers: list[dict], solvers) -> dict | None:
    """The first decisive answer in the order of ``solvers`` once every solver before it has answered, else None
    (a later solver's answer never wins because it came sooner)."""
    by = {a["solver"]: a for a in answers}
    for w in solvers:
        if w not in by:
            return None
        if by[w]["result"] in ("sat", "unsat"):
            return by[w]
    return None


#: once a solver has answered, another solver's answer counts only if it took at most GRACE_FACTOR times the
#: budget the cheapest answer took (and at least GRACE_MIN_S seconds of budget, the quick stage's): a second opinion
#: on a problem both find easy, never the whole budget again on one that only one solver finds easy.  Measured in
#: resource units, so that which answers count is the same on any machine.
GRACE_FACTOR = 4.0
GRACE_MIN_S = 1.0


def _spent(a: dict, b: Budget) -> float:
    """Seconds of the reference budget an answer took (its resource units at its solver's rate)."""
    used = a.get("resources")
    return used / RLIMIT_PER_SECOND[a["solver"]] if used is not None else b.seconds


def _grace(answers, b: Budget) -> Budget | None:
    """The budget every answer must fit in once one solver has decided (see GRACE_FACTOR), or None."""
    spent = [_spent(a, b) for a in answers if a["result"] in ("sat", "unsat")]
    if not spent:
        return None
    return Budget(min(b.seconds, max(GRACE_MIN_S, GRACE_FACTOR * min(spent))))


def _run(formulas, limit, solvers, stop_at_first: bool, integers: bool = False,
         names=None) -> list[dict]:
    """Every solver on ``formulas`` with the budget ``limit``, side by side, each in its own child process.

    ``stop_at_first``: stop once the first solver in order that decides has decided (:func:`_settled`).
    Otherwise, once a solver decides, the others only have the grace budget (:func:`_grace`): a solver still
    running is started again with that budget (a fresh search, so that what it finds does not depend on how far
    it had got on this machine), and an answer that took more is not counted.  What counts is a function of the
    resource units each search took, whichever solver finished first.
    """
    b = budget(limit)
    names = list(names or [f"f{i}" for i in range(len(formulas))])
    ctx = context(PRELOAD)
    sent = formulas if ctx.get_start_method() == "fork" else dumps(formulas)
    tags = iter(range(1, 1 << 30))
    running: dict = {}  # solver -> (process, tag, budget, started, connection)

    def start(w, bw):
        tag = next(tags)
        recv, send = ctx.Pipe(duplex=False)  # one pipe per search: stopping one never blocks another's answer
        p = ctx.Process(target=_solve, args=(w, sent, names, bw.settings(w), integers, send, tag), daemon=True)
        p.start()
        send.close()
        running[w] = (p, tag, bw, time.monotonic(), recv)

    def stop(w):
        p, *_, recv = running.pop(w)
        if p.is_alive():
            p.terminate()
        p.join(1)
        recv.close()

    def receive(timeout):
        ready = wait([r[4] for r in running.values()], timeout)
        for w, r in list(running.items()):
            if r[4] in ready:
                try:
                    return r[4].recv()
                except (EOFError, OSError):  # the process died without an answer
                    return r[1], {"solver": w, "result": "error", "error": f"the {w} process died "
                                  f"(exit code {r[0].exitcode})", "seconds": time.monotonic() - r[3], "ended_by": "error"}
        raise queue_module.Empty

    for w in solvers:
        start(w, b)
    answers: dict = {}
    try:
        while running:
            # each solver stops itself at its wall-clock limit; this deadline is for one that cannot
            deadline = min(t + bw.wall_s + 1.0 for _, _, bw, t, _ in running.values())
            try:
                tag, a = receive(max(0.01, deadline - time.monotonic()))
            except queue_module.Empty:
                for w, (_, _, bw, t, _) in list(running.items()):
                    if time.monotonic() >= t + bw.wall_s + 1.0:
                        stop(w)
                        answers[w] = {"solver": w, "result": "timeout", "seconds": bw.wall_s, "ended_by": "wall-clock",
                                      "settings": bw.settings(w), "budget_s": bw.seconds}
                continue
            w = a["solver"]
            if w not in running or running[w][1] != tag:
                continue  # from a search started again with the grace budget
            a["budget_s"] = running[w][2].seconds
            stop(w)
            answers[w] = a
            if stop_at_first:
                if _settled(list(answers.values()), solvers) is not None:
                    break
                continue
            g = _grace(answers.values(), b)
            for w2 in [w2 for w2, (_, _, bw, _, _) in running.items() if g is not None and bw.seconds > g.seconds]:
                stop(w2)
                start(w2, g)
    finally:
        for w in list(running):
            stop(w)
    out = [answers[w] for w in solvers if w in answers]
    if not stop_at_first:
        g = _grace(out, b)
        out = [_discounted(a, b, g) for a in out]
    return out


def _discounted(a: dict, b: Budget, g: Budget | None) -> dict:
    """``a``, or an undecided answer if it took more than the grace budget ``g`` (see :func:`_run`)."""
    if g is None or a["result"] not in ("sat", "unsat") or _spent(a, b) <= g.seconds:
        return a
    return {**{k: v for k, v in a.items() if k not in ("model", "unsat_core")}, "result": "unknown",
            "ended_by": "rlimit", "discounted": a["result"],
            "reason": f"answered after {_spent(a, b):.2f}s of budget, beyond the grace of {g.seconds:.2f}s "
                      "that another solver's answer leaves"}


def first_answer(formulas, timeout_s, solvers=SOLVERS, integers: bool = False, names=None) -> dict:
    """The decisive answer of the first solver in ``solvers`` that has one (the solvers run side by side), or
    ``{"result": "unknown", ...}``.  ``timeout_s``: seconds of the reference budget, or a :class:`Budget`."""
    answers = _run(formulas, timeout_s, solvers, True, integers, names)
    a = _settled(answers, solvers)
    if a is not None:
        return {**a, "others": [b for b in answers if b is not a]}
    return {"result": "unknown", "others": answers, "ended_by": ended_by(answers),
            "reason": "; ".join(f"{a['solver']}: {a['result']} {a.get('error', '')}".strip() for a in answers)}


def both_answers(formulas, timeout_s, solvers=SOLVERS, names=None) -> list[dict]:
    """Every solver's own answer within its budget (``timeout_s``: seconds of the reference budget, or a
    :class:`Budget`); an undecided one says what ended it (``ended_by``)."""
    return _run(formulas, timeout_s, solvers, False, False, names)


def ended_by(answers) -> dict:
    """``{solver: what ended its search}`` for answers that decided nothing (empty if every one decided)."""
    return {a["solver"]: a.get("ended_by", "wall-clock") for a in answers if a["result"] not in ("sat", "unsat")}
