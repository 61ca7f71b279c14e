"""The model's symbols, named as in the paper, with their SymPy assumptions.

Every other module takes its symbols from here, so that ``eta`` in a derivation,
a claim and a test is one and the same SymPy object.

An assumption on a symbol decides statements (SymPy simplifies ``eta > 0`` to ``True``;
the prover asserts it).  So every assumption here is either a hypothesis of the model
(THEORY.md §1, stated in every report) or a theorem about the quantity the symbol
stands for; :data:`ASSUMPTIONS` says which, and why, and the tests confirm each
theorem from the symbol's definition.  Quantities that can take any sign in some state
(the stationary point ``a_inf`` at an unstable step, ``alpha = a_0 - a_inf``, every
oracle's value) are only declared real.
"""

from sympy import Symbol

# --- step size and time -------------------------------------------------------
eta = Symbol("eta", positive=True)
t = Symbol("t", integer=True, nonnegative=True)

# --- block gradient and noise moments (general spectrum, THEORY.md §1) ---------
#   G_S^{(j)} = sum_{i in S} lambda_i^{2+j} x_i^2,  N_S = sum lambda_i^2 Sigma_ii,
#   M_S = sum lambda_i Sigma_ii.
G_D = Symbol("G_D", positive=True)
G_D1 = Symbol("G_D1", positive=True)
G_D2 = Symbol("G_D2", positive=True)
G_B = Symbol("G_B", positive=True)
G_B1 = Symbol("G_B1", positive=True)
G_B2 = Symbol("G_B2", positive=True)
N_D = Symbol("N_D", nonnegative=True)
N_B = Symbol("N_B", nonnegative=True)
M_D = Symbol("M_D", nonnegative=True)
M_B = Symbol("M_B", nonnegative=True)

#: the extreme eigenvalues of each block (the moment constraints of :mod:`salign.theory.moments`)
lam_min_D = Symbol("lambda_min_D", positive=True)
lam_max_D = Symbol("lambda_max_D", positive=True)
lam_min_B = Symbol("lambda_min_B", positive=True)
lam_max_B = Symbol("lambda_max_B", positive=True)
LAM_RANGE = {"D": (lam_min_D, lam_max_D), "B": (lam_min_B, lam_max_B)}

#: the moment symbols of a block, indexed by block name
MOMENTS = {
    "D": {"G": G_D, "G1": G_D1, "G2": G_D2, "N": N_D, "M": M_D},
    "B": {"G": G_B, "G1": G_B1, "G2": G_B2, "N": N_B, "M": M_B},
}

# --- two-level model ----------------------------------------------------------
lam_D = Symbol("lambda_D", positive=True)
lam_B = Symbol("lambda_B", positive=True)
a = Symbol("a", positive=True)  # ||P_D x||^2
b = Symbol("b", positive=True)  # ||P_B x||^2
n_D = Symbol("n_D", nonnegative=True)  # sum_{i in D} Sigma_ii
n_B = Symbol("n_B", nonnegative=True)  # sum_{i in B} Sigma_ii
kappa = Symbol("kappa", positive=True)  # lambda_D / lambda_B
chi = Symbol("chi", positive=True)  # alignment chi(x)
G = Symbol("G", positive=True)  # ||g||^2
sigma2 = Symbol("sigma2", nonnegative=True)  # noise scale sigma^2
k = Symbol("k", integer=True, positive=True)
d = Symbol("d", integer=True, positive=True)
d_B = Symbol("d_B", integer=True, positive=True)  # d - k bulk coordinates
eps = Symbol("epsilon", positive=True)

# --- constant-step dynamics (T4, T5) ------------------------------------------
rho_D = Symbol("rho_D", nonnegative=True)
rho_B = Symbol("rho_B", nonnegative=True)
a_0 = Symbol("a_0", positive=True)
b_0 = Symbol("b_0", positive=True)
alpha = Symbol("alpha", real=True)  # a_0 - a_inf
beta = Symbol("beta", real=True)  # b_0 - b_inf
p = Symbol("p", nonnegative=True)  # rho_D^t
p_B = Symbol("p_B", nonnegative=True)  # rho_B^t
u = Symbol("u", nonnegative=True)  # (rho_D/rho_B)^t
v = Symbol("v", nonnegative=True)  # (rho_B/rho_D)^t, the mirrored phase
R = Symbol("R", nonnegative=True)  # kappa n_D / n_B (0 when the dominant block is noiseless)
a_inf = Symbol("a_inf", real=True)  # stationary a (fixed point of the D step); negative if eta > 2/lambda_D
b_inf = Symbol("b_inf", real=True)
a_next = Symbol("a'", nonnegative=True)  # a after one mean-field step (a second moment)
b_next = Symbol("b'", nonnegative=True)
delta = Symbol("delta", positive=True)  # lambda_D - lambda_B, the gap written into the assumptions

# --- single coordinate (L1) ---------------------------------------------------
x_i = Symbol("x_i", real=True)
lam_i = Symbol("lambda_i", positive=True)
Sigma_ii = Symbol("Sigma_ii", nonnegative=True)
xi_i = Symbol("xi_i", real=True)


def level(block: str, j: int) -> tuple[Symbol, Symbol, Symbol]:
    """The symbols of level ``j`` of ``block`` in a multi-level spectrum: eigenvalue, squared norm
    ``sum x_i^2`` and noise trace ``sum Sigma_ii`` over the level's coordinates."""
    return (Symbol(f"lambda_{block}{j}", positive=True), Symbol(f"x2_{block}{j}", nonnegative=True),
            Symbol(f"s_{block}{j}", nonnegative=True))


#: why each assumption holds: ``("model", why)`` is a hypothesis of the model, stated in every
#: report; ``("theorem", why)`` follows from what the symbol stands for (tests/test_symbols.py
#: confirms each one that has a closed form in :data:`DEFINITIONS`)
ASSUMPTIONS = {
    eta: ("model", "the step size is positive"),
    t: ("model", "time counts steps"),
    G_D: ("model", "G_D > 0: the gradient has a dominant part (L2's hypothesis)"),
    G_B: ("model", "G_B > 0: the gradient has a bulk part (L2's hypothesis)"),
    G_D1: ("theorem", "a sum of lambda_i^3 x_i^2 >= 0 over D, positive when G_D > 0"),
    G_D2: ("theorem", "a sum of lambda_i^4 x_i^2 >= 0 over D, positive when G_D > 0"),
    G_B1: ("theorem", "a sum of lambda_i^3 x_i^2 >= 0 over B, positive when G_B > 0"),
    G_B2: ("theorem", "a sum of lambda_i^4 x_i^2 >= 0 over B, positive when G_B > 0"),
    N_D: ("theorem", "a sum of lambda_i^2 Sigma_ii, Sigma_ii >= 0 (a covariance's diagonal)"),
    N_B: ("theorem", "a sum of lambda_i^2 Sigma_ii, Sigma_ii >= 0"),
    M_D: ("theorem", "a sum of lambda_i Sigma_ii, Sigma_ii >= 0"),
    M_B: ("theorem", "a sum of lambda_i Sigma_ii, Sigma_ii >= 0"),
    lam_D: ("model", "H is positive definite"),
    lam_B: ("model", "H is positive definite"),
    a: ("model", "a = |P_D x|^2 > 0: the state has a dominant part"),
    b: ("model", "b = |P_B x|^2 > 0: the state has a bulk part"),
    n_D: ("theorem", "a trace of a covariance block"),
    n_B: ("theorem", "a trace of a covariance block"),
    kappa: ("theorem", "lambda_D / lambda_B with both positive"),
    chi: ("theorem", "lambda_D^2 a / G with a > 0"),
    G: ("theorem", "lambda_D^2 a + lambda_B^2 b with a, b > 0"),
    sigma2: ("model", "a noise scale is non-negative"),
    k: ("model", "1 <= k < d dominant coordinates"),
    d: ("model", "1 <= k < d coordinates"),
    d_B: ("model", "d - k >= 1 bulk coordinates"),
    eps: ("model", "the tolerance of A_inf >= 1 - eps is positive"),
    rho_D: ("theorem", "(1 - eta lambda_D)^2"),
    rho_B: ("theorem", "(1 - eta lambda_B)^2"),
    a_0: ("model", "the initial state has a dominant part"),
    b_0: ("model", "the initial state has a bulk part"),
    p: ("theorem", "rho_D^t"),
    p_B: ("theorem", "rho_B^t"),
    u: ("theorem", "(rho_D/rho_B)^t"),
    v: ("theorem", "(rho_B/rho_D)^t"),
    R: ("theorem", "kappa n_D / n_B >= 0 where it is defined (n_B > 0)"),
    a_next: ("theorem", "a second moment after one step"),
    b_next: ("theorem", "a second moment after one step"),
    delta: ("model", "lambda_D - lambda_B > 0: the spectral gap, written into the symbols for L3's limits"),
    lam_i: ("model", "H is positive definite"),
    lam_min_D: ("model", "H is positive definite"),
    lam_max_D: ("model", "H is positive definite"),
    lam_min_B: ("model", "H is positive definite"),
    lam_max_B: ("model", "H is positive definite"),
    Sigma_ii: ("theorem", "a covariance's diagonal entry"),
}

#: closed-form definitions: of the theorem-type symbols above (the tests check the assumption from these) and of
#: every derived symbol of the models (the table of meaning, :mod:`salign.theory.meaning`, reads them from here)
DEFINITIONS = {
    rho_D: (1 - eta * lam_D) ** 2, rho_B: (1 - eta * lam_B) ** 2, p: rho_D**t, p_B: rho_B**t,
    u: (rho_D / rho_B) ** t, v: (rho_B / rho_D) ** t, kappa: lam_D / lam_B,
    G: lam_D**2 * a + lam_B**2 * b, chi: lam_D**2 * a / (lam_D**2 * a + lam_B**2 * b),
    n_D: k * Sigma_ii, n_B: d_B * Sigma_ii,
    R: kappa * n_D / n_B, a_inf: eta**2 * n_D / (1 - rho_D), b_inf: eta**2 * n_B / (1 - rho_B),
    a_next: rho_D * a + eta**2 * n_D, b_next: rho_B * b + eta**2 * n_B,
    G_D1: lam_D**3 * a, G_D2: lam_D**4 * a, G_B1: lam_B**3 * b, G_B2: lam_B**4 * b,
    N_D: lam_D**2 * n_D, N_B: lam_B**2 * n_B, M_D: lam_D * n_D, M_B: lam_B * n_B,
}


def domain_hypotheses(syms) -> list[str]:
    """The model hypotheses (from :data:`ASSUMPTIONS`) that the symbols ``syms`` carry, as text."""
    out = []
    for s_ in sorted(syms, key=lambda x: x.name):
        kind, why = ASSUMPTIONS.get(s_, (None, None))
        if kind == "model":
            out.append(f"{s_.name}: {why}")
    return out


#: LaTeX spellings for symbols whose SymPy names do not print as the paper writes them
LATEX_NAMES = {
    G_D1: r"G_D^{(1)}",
    G_D2: r"G_D^{(2)}",
    G_B1: r"G_B^{(1)}",
    G_B2: r"G_B^{(2)}",
    sigma2: r"\sigma^2",
    eps: r"\varepsilon",
    x_i: r"x_i",
    lam_i: r"\lambda_i",
    Sigma_ii: r"\Sigma_{ii}",
    xi_i: r"\xi_i",
    p_B: r"p_B",
    lam_min_D: r"\lambda_{\min}(D)",
    lam_max_D: r"\lambda_{\max}(D)",
    lam_min_B: r"\lambda_{\min}(B)",
    lam_max_B: r"\lambda_{\max}(B)",
    a_inf: r"a_\infty",
    b_inf: r"b_\infty",
    a_next: r"a'",
    b_next: r"b'",
}
