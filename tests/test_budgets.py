"""Budgets: solver limits that do not depend on the clock, and --timeout bounding the SymPy preprocessing too.

* a solver call gets resource units (Z3's ``rlimit``, cvc5's ``rlimit-per``), counted the same way on any
  machine; the wall clock is a safety net, and every answer says which limit ended its search;
* once one solver has decided, which other answers count is decided by resource units, not by arrival;
* SymPy work too large to finish runs where it can be stopped: a statement whose preprocessing cannot finish
  ends UNKNOWN with the phase named (no wall-clock assertion here: a generous subprocess timeout guards a hang).
"""

import json
import subprocess
import sys
import textwrap

import pytest
from sympy import Symbol, symbols

from salign.verify.prover import budget as B
from salign.verify.prover import solvers
from salign.verify.prover.clearing import IN_PROCESS_TERMS, expansion_size, small
from salign.verify.prover.translate import Negated


def test_a_budget_is_resource_units_per_second_with_a_larger_wall_clock():
    b = B.Budget(2.0)
    assert b.rlimit("z3") == 2 * B.RLIMIT_PER_SECOND["z3"] and b.rlimit("cvc5") == 2 * B.RLIMIT_PER_SECOND["cvc5"]
    assert b.wall_s > 2.0 and b.preprocessing_s > 2.0
    assert b.settings("z3") == {"rlimit": b.rlimit("z3"), "wall_clock_s": b.wall_s}
    assert B.Budget(3600).rlimit("z3") == B.Z3_MAX_RLIMIT  # Z3 takes 32 bits: never a limit that wraps around
    assert B.budget(2.0) == b and B.budget(b) is b


x, y, z = symbols("x y z", real=True)
#: a query no solver decides within a handful of resource units
HARD = [x**3 - 2 * x * y + y**3 * z > 1, x * y * z < -3, x**2 + y**2 + z**2 < 10, z**2 * x > 2]


def test_a_search_ends_by_its_resource_limit_at_the_same_point_every_time():
    tiny = B.Budget(1e-4)
    runs = [solvers.both_answers(HARD, tiny) for _ in range(2)]
    for answers in runs:
        assert [a["solver"] for a in answers] == ["z3", "cvc5"]
        for a in answers:
            assert a["result"] == "unknown" and a["ended_by"] == "rlimit", a
            assert a["settings"]["rlimit"] == tiny.rlimit(a["solver"])
    assert [a["resources"] for a in runs[0]] == [a["resources"] for a in runs[1]]  # counted, not timed


def test_a_decided_search_says_so_and_how_much_it_used():
    a = solvers.first_answer([x > 1, Negated(x > 0)], 1.0)
    assert a["result"] == "unsat" and a["ended_by"] == "answer" and a["solver"] == "z3"
    assert 0 < a["resources"] <= B.Budget(1.0).rlimit("z3")


def _answer(solver, result, seconds_of_budget):
    return {"solver": solver, "result": result, "resources": int(seconds_of_budget * B.RLIMIT_PER_SECOND[solver])}


@pytest.mark.parametrize("order", [("z3", "cvc5"), ("cvc5", "z3")])
def test_which_answers_count_depends_on_resources_not_on_which_came_first(order):
    b = B.Budget(8.0)
    got = {"z3": _answer("z3", "unsat", 0.1), "cvc5": _answer("cvc5", "unsat", 5.0)}  # cvc5: beyond the grace
    answers = [got[w] for w in order]
    g = solvers._grace(answers, b)
    assert g.seconds == max(solvers.GRACE_MIN_S, solvers.GRACE_FACTOR * 0.1)
    kept = {a["solver"]: solvers._discounted(a, b, g) for a in answers}
    assert kept["z3"]["result"] == "unsat"
    assert kept["cvc5"]["result"] == "unknown" and kept["cvc5"]["discounted"] == "unsat"
    assert kept["cvc5"]["ended_by"] == "rlimit"
    close = {"z3": _answer("z3", "unsat", 0.1), "cvc5": _answer("cvc5", "unsat", 0.3)}  # both within it
    assert all(solvers._discounted(a, b, solvers._grace(close.values(), b))["result"] == "unsat"
               for a in close.values())


def test_the_size_of_an_expansion_is_bounded_without_expanding():
    a, b_, c = symbols("a b c")
    assert expansion_size(a) == 1 and expansion_size((a + b_) ** 2) == 3 and expansion_size((a + b_) * (a + c)) == 4
    ten = sum(Symbol(f"m{i}") for i in range(10))
    assert expansion_size(ten**14) == 817_190  # C(23, 9): why expanding it takes minutes
    assert small((a + b_) ** 3) and not small(ten**14) and IN_PROCESS_TERMS < 817_190


def test_a_preprocessing_phase_that_cannot_finish_is_stopped_and_named():
    ten = sum(Symbol(f"m{i}") for i in range(10))
    with pytest.raises(B.PhaseTimeout) as e:
        B.bounded(_expand, (ten**14,), 0.5, "clearing denominators", timeout_s=0.1)
    assert e.value.phase == "clearing denominators" and "preprocessing (clearing denominators)" in str(e.value)
    assert B.bounded(_expand, ((x + y) ** 2,), 60, "clearing denominators") == x**2 + 2 * x * y + y**2


def _expand(e):
    return e.expand()


CLAIMS_FILE = textwrap.dedent('''
    from salign.theory import Claim, Prop
    from salign.theory import observables as O
    from salign.theory import symbols as S
    from salign.theory.symbols import MOMENTS

    _all = sum(MOMENTS[b][k] for b in ("D", "B") for k in ("G", "G1", "G2", "N", "M"))
    CLAIMS = [Claim(id="U9", title="a false statement of degree 14 in ten moments", statement="false",
                    hypotheses="Any spectrum.", defines={},
                    props=(Prop("U9.big", _all**14 * O.dL > S.eta),))]
''')


@pytest.mark.slow
def test_a_statement_whose_preprocessing_cannot_finish_ends_unknown_with_the_phase_named(tmp_path):
    """``salign prove --timeout 1`` on a degree-14 statement in ten moment symbols: expanding it takes minutes,
    so the prover stops the phase and says which it was (before the fix it ran for minutes)."""
    (tmp_path / "big.py").write_text(CLAIMS_FILE)
    out = tmp_path / "out.json"
    r = subprocess.run([sys.executable, "-m", "salign", "prove", "--claims-file", str(tmp_path / "big.py"),
                        "--claims", "U9", "--timeout", "1", "--no-cache", "--json", str(out)],
                       capture_output=True, text=True, timeout=900, cwd=tmp_path)  # a hang guard only
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]  # UNKNOWN does not fail a run
    (prop,) = json.loads(out.read_text())["U9"]["propositions"]
    assert prop["verdict"] == "UNKNOWN"
    assert "preprocessing (clearing denominators" in prop["note"] and "--timeout 1" in prop["note"], prop["note"]
    stopped = [s for s in prop["scopes"] if s.get("phase")]
    assert stopped and all(s["ended_by"] == {"preprocessing": "wall-clock"} for s in stopped)
    assert "preprocessing (clearing denominators" in r.stdout
