"""The derivations reproduce the 40-digit reference table (tests/data/two_level.json).

The table was computed from the model's definitions by separate code; here the
registry's closed forms must match it, like a table in a paper.
"""

import json

import mpmath
import pytest

from salign.theory import expression
from salign.theory import symbols as S
from salign.verify.verifier.evaluate import numeric
from salign.verify.verifier.instance import two_level

from .conftest import DATA

ROWS = json.loads((DATA / "two_level.json").read_text())["rows"]
TOL = mpmath.mpf(10) ** -30


def _values(row):
    i = {k: (mpmath.mpf(v) if isinstance(v, str) else v) for k, v in row["inputs"].items()}
    inst = two_level(i["lambda_D"], i["lambda_B"], i["k"], i["d"], i["a"], i["b"], i["n_D"], i["n_B"], i["eta"])
    return inst.values(), i


def _close(x, ref):
    ref = mpmath.mpf(ref)
    return abs(x - ref) <= TOL * max(1, abs(ref))


def switch_time(v, a0, b0, horizon=100_000):
    """First t with s_t >= 0, from the derived s_t (T5)."""
    a_inf, b_inf = numeric(expression("a_inf"), v), numeric(expression("b_inf"), v)
    base = {S.rho_D: (1 - v[S.eta] * v[S.lam_D]) ** 2, S.rho_B: (1 - v[S.eta] * v[S.lam_B]) ** 2,
            S.alpha: a0 - a_inf, S.beta: b0 - b_inf, S.a_inf: a_inf,
            S.b_inf: b_inf}
    st = expression("s_t")
    for t in range(horizon):
        if numeric(st, {**base, S.t: t}) >= 0:
            return t
    return None


@pytest.mark.parametrize("row", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_registry_reproduces_the_reference_row(row):
    with mpmath.workdps(50):
        v, i = _values(row)
        if row["eta_star"] is None:
            assert numeric(expression("Q_2L"), v) <= 0
        else:
            assert _close(numeric(expression("eta_star_2L"), v), row["eta_star"])
        assert _close(numeric(expression("chi_c"), v), row["chi_c_at_G"])
        assert _close(numeric(expression("eta_D_2L"), v), row["eta_D"])
        assert _close(numeric(expression("eta_B_2L"), v), row["eta_B"])
        for name in ("a_inf", "b_inf", "A_inf"):
            assert _close(numeric(expression(name), v), row[name]), name
        assert switch_time(v, i["a0"], i["b0"]) == row["switch_time_from_a0_b0"]


def test_a_wrong_A_inf_does_not_reproduce_the_table():
    with mpmath.workdps(50):
        v, _ = _values(ROWS[0])
        wrong = expression("A_inf").xreplace({S.n_B: 2 * S.n_B})
        assert not _close(numeric(wrong, v), ROWS[0]["A_inf"])
