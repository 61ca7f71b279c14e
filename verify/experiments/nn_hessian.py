"""The dominant subspace: the top-``k`` eigenpairs of the full-batch Hessian, by Lanczos on HVPs.

``scipy.sparse.linalg.eigsh`` (ARPACK's implicitly restarted Lanczos) runs on a
``LinearOperator`` whose matvec is a Hessian-vector product, so the Hessian is never
formed.  Each eigenpair's residual ``|H v - lambda v|`` is recorded from one more HVP per
eigenvector; those products ``H V`` are kept, so that ``H P_D u = (H V)(V^T u)`` costs no
further HVP.  ``P_D = V V^T`` (dominant) and ``P_B = I - V V^T`` (bulk) are the spectral
projectors up to the eigenvectors' residuals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse.linalg import LinearOperator, eigsh


@dataclass(frozen=True)
class Subspace:
    """Top-``k`` eigenpairs at one point: ``lam`` (k,) decreasing, ``V`` (d, k) orthonormal, ``HV = H V``."""

    lam: np.ndarray
    V: np.ndarray
    HV: np.ndarray
    hvps: int  # Hessian-vector products the Lanczos iteration used

    @property
    def k(self) -> int:
        """Dimension of the dominant subspace."""
        return self.V.shape[1]

    @property
    def residuals(self) -> np.ndarray:
        """``|H v_i - lambda_i v_i|`` per eigenpair."""
        return np.linalg.norm(self.HV - self.V * self.lam[None, :], axis=0)

    def P_D(self, u) -> np.ndarray:
        """Projection on the dominant subspace, ``V V^T u`` (``u``: (d,) or (d, m))."""
        return self.V @ (self.V.T @ u)

    def P_B(self, u) -> np.ndarray:
        """Projection on the bulk, ``u - V V^T u``."""
        return u - self.P_D(u)


def top_k(hvp, d: int, k: int, v0=None, tol: float = 1e-10, hvp_many=None) -> Subspace:
    """The ``k`` algebraically largest eigenpairs of the symmetric operator ``v -> hvp(v)`` on R^d.

    ``v0`` starts the Lanczos iteration (pass one from a seeded generator, or the previous
    subspace, for reproducible and warm-started runs); ``tol`` is ARPACK's relative accuracy.
    ``hvp_many`` (optional, ``V -> H V`` for a (d, m) block) computes ``H V`` in one batch.
    """
    count = [0]

    def matvec(v):
        """One Hessian-vector product, counted."""
        count[0] += 1
        return np.asarray(hvp(np.ascontiguousarray(v.ravel(), dtype=np.float64)), dtype=np.float64)

    op = LinearOperator((d, d), matvec=matvec, dtype=np.float64)
    lam, V = eigsh(op, k=k, which="LA", v0=v0, tol=tol)
    order = np.argsort(lam)[::-1]
    lam, V = lam[order], np.ascontiguousarray(V[:, order])
    HV = np.asarray(hvp_many(V)) if hvp_many is not None else np.column_stack([hvp(V[:, i]) for i in range(k)])
    return Subspace(lam, V, HV, count[0])


def overlap(a: Subspace, b: Subspace) -> float:
    """``|V_a^T V_b|_F^2 / k``: 1 when the two dominant subspaces coincide, about k/d when unrelated."""
    return float(np.sum((a.V.T @ b.V) ** 2) / a.k)


__all__ = ["Subspace", "overlap", "top_k"]
