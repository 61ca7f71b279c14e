"""Every assumption on a symbol is a hypothesis of the model or a theorem about what the symbol stands for."""

from sympy import Symbol

from salign.theory import observables as O
from salign.theory import symbols as S


def _assumed(s: Symbol) -> str | None:
    return "positive" if s.is_positive else "nonnegative" if s.is_nonnegative else None


def test_every_assumption_is_accounted_for():
    for s in O.project_symbols():
        if _assumed(s) and s not in (O.turns_iter,):
            assert s in S.ASSUMPTIONS, f"{s} carries '{_assumed(s)}' but ASSUMPTIONS does not say why"


def test_every_theorem_follows_from_its_definition():
    checked = 0
    for s, (kind, why) in S.ASSUMPTIONS.items():
        if kind != "theorem" or s not in S.DEFINITIONS:
            continue
        d = S.DEFINITIONS[s]
        holds = d.is_positive if _assumed(s) == "positive" else d.is_nonnegative
        if holds is None and _assumed(s) == "nonnegative":  # where it is defined: every base of a power is > 0
            where_defined = d.xreplace({x: Symbol(x.name, positive=True) for x in d.free_symbols if x.is_nonnegative})
            holds = where_defined.is_nonnegative
        assert holds, f"{s} is assumed {_assumed(s)} ({why}), but its definition {d} is not visibly so"
        checked += 1
    assert checked >= 15


def test_a_wrong_theorem_would_be_caught():
    """rho = 1 - eta lambda is not non-negative: the same check rejects it."""
    assert not (1 - S.eta * S.lam_D).is_nonnegative


def test_oracle_values_and_stationary_points_carry_no_sign():
    for s in (*O.ORACLE_ONLY, S.a_inf, S.b_inf, S.alpha, S.beta):
        assert not s.is_positive and not s.is_nonnegative, s


def test_the_definitions_are_the_models():
    """The closed forms the assumptions are checked on are the model's own (not a look-alike)."""
    from sympy import expand

    from salign.theory.model import TWO_LEVEL_MOMENTS

    for s, d in S.DEFINITIONS.items():
        if s in TWO_LEVEL_MOMENTS and s not in (S.N_D, S.N_B, S.M_D, S.M_B):
            assert expand(d - TWO_LEVEL_MOMENTS[s]) == 0, s
    for s in (S.N_D, S.N_B, S.M_D, S.M_B):  # in the traces n_S: N_S = lambda_S^2 n_S, M_S = lambda_S n_S
        assert expand(S.DEFINITIONS[s] - TWO_LEVEL_MOMENTS[s]) == 0, s
    assert S.DEFINITIONS[S.rho_D] == (1 - S.eta * S.lam_D) ** 2


def test_every_proposition_states_what_was_pinned():
    """What each built-in proposition claims (its model, hypotheses and conclusion) is pinned: a hypothesis
    made stronger or a conclusion made weaker leaves a true statement that no checker can object to, and
    is caught here.  After a deliberate change: python tests/pin_propositions.py"""
    import json

    from .pin_propositions import PINNED, statements

    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    now = statements()
    changed = sorted(n for n in set(pinned) | set(now) if pinned.get(n) != now.get(n))
    assert not changed, f"propositions changed: {changed}; if deliberate, run python tests/pin_propositions.py"


def test_the_defined_totals_and_presets_are_the_models():
    """G and chi in DEFINITIONS are the model's G_D + G_B and alignment; the diagonal preset is sigma^2 w_i."""
    from sympy import Symbol, expand, simplify

    from salign.theory.model import TWO_LEVEL_MOMENTS, alignment, noise_variance

    G_D, G_B = TWO_LEVEL_MOMENTS[S.G_D], TWO_LEVEL_MOMENTS[S.G_B]
    assert expand(S.DEFINITIONS[S.G] - (G_D + G_B)) == 0
    assert simplify(S.DEFINITIONS[S.chi] - alignment(G_D, G_B)) == 0
    w, lam = Symbol("w", positive=True), Symbol("lam", positive=True)
    assert noise_variance("diagonal", lam, weight=w) == S.sigma2 * w


def test_T2_exports_delta_over_eta_of_the_model():
    """Delta(eta)/eta, exported by T2, against L1's one-step moments: Delta = E[G_D'] G_B - E[G_B'] G_D."""
    from sympy import expand

    from salign.theory import get

    l1 = get("L1").defines
    delta = l1["EG_D"] * S.G_B - l1["EG_B"] * S.G_D
    assert expand(get("T2").defines["Delta_over_eta"] * S.eta - delta) == 0
