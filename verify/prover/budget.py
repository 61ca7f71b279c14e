"""How much work the prover may do: resource limits that do not depend on the clock, the clock as a safety net.

**Solvers.**  ``--timeout S`` is the user's knob; each solver call gets ``S`` seconds of the
*reference budget*: ``S * RLIMIT_PER_SECOND[solver]`` resource units (Z3's ``rlimit``, cvc5's
``rlimit-per``).  A solver counts its units deterministically, so a call ends at the same
point of its search on any machine and under any load, and the verdict and its routes
are the same everywhere.  The rates are calibrated on the built-in claims (see the README,
"Budgets"): with them every built-in proposition gets at least the routes the old wall-clock
limits gave it on an idle machine.  Units are not seconds: a unit costs from a fraction of
a microsecond to tens of microseconds depending on the problem, so a call may take more or
less wall time than ``S``.

The wall clock stays as a safety net only: ``WALL_FACTOR * S + WALL_EXTRA_S`` seconds, far
more than a search that counts its units needs (on a loaded machine too), for a solver stuck
in a step that does not count them (some root isolations do).  Every answer says which
limit ended its search (``ended_by``: ``answer``, ``rlimit``, ``wall-clock``, ``incomplete``
or ``error``).

**SymPy preprocessing** has no resource counter.  Clearing denominators, SymPy identities and
certificates run in this process when the expressions are small (a bound on the terms of
their expansion, computed without expanding: :func:`salign.verify.prover.clearing.expansion_size`),
else in a child process stopped after ``PREPROCESSING_FACTOR * S + PREPROCESSING_EXTRA_S``
seconds (:func:`bounded`); so is the interval fallback.  What does not finish leaves its
problem UNKNOWN with the phase named (:class:`PhaseTimeout`).  The built-in claims'
preprocessing takes a small fraction of that limit, so on them the clock decides nothing.
A scope's substitution (:func:`salign.verify.prover.scopes.instantiate`) runs in process:
it replaces symbols by their definitions without expanding anything, linear in the
statement's size.
"""

from __future__ import annotations

import pickle
import time
from dataclasses import dataclass

from salign.theory.cache import dumps
from salign.verify.processes import context

#: resource units per second of budget, per solver.  Calibrated on the built-in claims (``salign prove --no-cache``
#: on an idle 2-core machine): the decisive answers took at most 3.6 M z3 units and 64 k cvc5 units, the old
#: 1-second quick stage and 8-second limit let z3 count up to 5 M units a second on easy searches and cvc5 up to
#: 140 k; these rates give every built-in proposition at least its old routes (README, "Budgets")
RLIMIT_PER_SECOND = {"z3": 4_000_000, "cvc5": 80_000}
#: Z3 takes its ``rlimit`` as an unsigned 32-bit number (a larger one wraps around): the most a call can get
#: (about 1070 seconds of budget)
Z3_MAX_RLIMIT = 2**32 - 1
#: the wall-clock safety net: this many times the budget's seconds, plus WALL_EXTRA_S (the slowest decisive answer
#: of the built-in claims took 2.6 s on a budget of 1 s, idle: 8 s leaves room for a machine three times as busy)
WALL_FACTOR = 4.0
WALL_EXTRA_S = 4.0
#: a SymPy preprocessing phase may take this many times the budget's seconds, plus PREPROCESSING_EXTRA_S
PREPROCESSING_FACTOR = 2.0
PREPROCESSING_EXTRA_S = 2.0


@dataclass(frozen=True)
class Budget:
    """``seconds`` of the reference budget: a resource limit per solver and a wall-clock safety net."""

    seconds: float

    def rlimit(self, solver: str) -> int:
        units = max(1, int(round(self.seconds * RLIMIT_PER_SECOND[solver])))
        return min(units, Z3_MAX_RLIMIT) if solver == "z3" else units

    @property
    def wall_s(self) -> float:
        return WALL_FACTOR * self.seconds + WALL_EXTRA_S

    @property
    def preprocessing_s(self) -> float:
        return PREPROCESSING_FACTOR * self.seconds + PREPROCESSING_EXTRA_S

    def settings(self, solver: str) -> dict:
        return {"rlimit": self.rlimit(solver), "wall_clock_s": self.wall_s}


def budget(limit) -> Budget:
    """A :class:`Budget` from a number of seconds (or a budget, unchanged)."""
    return limit if isinstance(limit, Budget) else Budget(float(limit))


#: what a fork server imports once for every child it starts (solvers and preprocessing alike: the first caller's
#: list is the one a fork server keeps)
PRELOAD = ("salign.verify.prover.solvers", "salign.verify.prover.prove", "z3", "cvc5.pythonic")


# --- preprocessing that can be stopped -----------------------------------------------------------------

class PhaseTimeout(Exception):
    """A preprocessing phase did not finish within its wall-clock limit."""

    def __init__(self, phase: str, seconds: float, timeout_s: float | None = None):
        self.phase, self.seconds, self.timeout_s = phase, seconds, timeout_s
        knob = f" (--timeout {timeout_s:g})" if timeout_s is not None else ""
        super().__init__(f"preprocessing ({phase}) exceeded its limit of {seconds:g}s{knob}")


def _child(fn, payload, conn) -> None:
    try:
        args = pickle.loads(payload) if isinstance(payload, bytes) else payload
        out = ("ok", fn(*args))
    except BaseException as e:  # noqa: B036 - reported to the parent, which raises it there
        out = ("error", e)
    try:
        data = dumps(out)
    except Exception as e:  # an unpicklable result or exception: say what it was
        data = dumps(("error", RuntimeError(f"{type(e).__name__}: {e}")))
    conn.send_bytes(data)
    conn.close()


def bounded(fn, args: tuple, seconds: float, phase: str, timeout_s: float | None = None):
    """``fn(*args)`` computed in a child process, or :class:`PhaseTimeout` if it takes more than ``seconds``.

    ``fn`` must be a module-level function and its result picklable (SymPy expressions come back structurally
    identical, :func:`salign.theory.cache.dumps`).  The caller's process never runs the computation, so stopping
    it leaves no half-updated cache behind.
    """
    ctx = context(PRELOAD)
    recv, send = ctx.Pipe(duplex=False)
    payload = args if ctx.get_start_method() == "fork" else dumps(args)
    p = ctx.Process(target=_child, args=(fn, payload, send), daemon=True)
    p.start()
    send.close()
    try:
        t_end = time.monotonic() + seconds
        if not recv.poll(max(0.0, t_end - time.monotonic())):
            raise PhaseTimeout(phase, seconds, timeout_s)
        try:
            status, value = pickle.loads(recv.recv_bytes())
        except EOFError:
            raise RuntimeError(f"preprocessing ({phase}): the child process died (exit code {p.exitcode})") from None
    finally:
        recv.close()
        if p.is_alive():
            p.kill()
        p.join(5)
    if status == "error":
        raise value
    return value
