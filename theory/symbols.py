"""The model's symbols, named as in the paper, with their SymPy assumptions.

Every other module takes its symbols from here, so that ``eta`` in a derivation,
a claim and a test is one and the same SymPy object.
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
R = Symbol("R", positive=True)  # kappa n_D / n_B
a_inf = Symbol("a_inf", nonnegative=True)  # stationary a (fixed point of the D step)
b_inf = Symbol("b_inf", nonnegative=True)
a_next = Symbol("a'", positive=True)  # a after one mean-field step
b_next = Symbol("b'", positive=True)
delta = Symbol("delta", positive=True)  # lambda_D - lambda_B, the gap written into the assumptions

# --- single coordinate (L1) ---------------------------------------------------
x_i = Symbol("x_i", real=True)
lam_i = Symbol("lambda_i", positive=True)
Sigma_ii = Symbol("Sigma_ii", nonnegative=True)
xi_i = Symbol("xi_i", real=True)


def level(block: str, j: int) -> tuple[Symbol, Symbol, Symbol]:
    """The symbols of level ``j`` of ``block`` in a multi-level spectrum: eigenvalue, squared norm
    ``sum x_i^2`` and noise trace ``sum Sigma_ii`` over the level's coordinates."""
    return (Symbol(f"lambda_{block}{j}", positive=True), Symbol(f"x2_{block}{j}", positive=True),
            Symbol(f"s_{block}{j}", nonnegative=True))


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
    a_inf: r"a_\infty",
    b_inf: r"b_\infty",
    a_next: r"a'",
    b_next: r"b'",
}
