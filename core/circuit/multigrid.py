"""Algebraic-multigrid preconditioned conjugate gradients for many right-hand sides.

* Hierarchy: smoothed aggregation (pyamg ``smoothed_aggregation_solver``: standard aggregation
  with every connection strong, Jacobi-smoothed prolongation, constant near-null vector) as
  Circuitscape 4 and Circuitscape.jl use it, built once per matrix. The V-cycle runs in single
  precision on CSR copies of the levels with Chebyshev smoothing (degree 3, pre and post: a symmetric preconditioner made of
  matrix products only) and a dense pseudo-inverse on the coarsest level.
* Outer solver: block conjugate gradients in double precision over all right-hand sides
  (O'Leary 1980, with the search block orthonormalised each step so that it never breaks down,
  Ji & Li 2017). Solving the k systems together needs about half the preconditioner
  applications of k separate CG runs; the V-cycles of the k columns run on two threads.
* Stop when every column has ``‖r‖ ≤ 1e-6 ‖b‖`` (Circuitscape's tolerance); the residual is
  checked again at the end (:func:`.solvers.check_residual`).

Without pyamg the same block CG runs with a Jacobi (diagonal) preconditioner — correct but much
slower on large grids; ``auto`` then prefers the direct solver whenever it fits in memory.
"""
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import scipy.sparse as sp
from scipy.linalg.blas import dgemm

from ..deps import available
from ..errors import EcoSecurityError
from ..progress import ensure
from .solvers import RTOL, check_residual

#: Degree of the Chebyshev smoother and ratio of its eigenvalue interval (λmax/λmin).
CHEBYSHEV_DEGREE = 3
CHEBYSHEV_RATIO = 30.0
#: Levels larger than this use Gershgorin's bound for the smoother (the Lanczos estimate costs more
#: than it gains there; on the finest level of a grid Laplacian both are close to 2).
LANCZOS_MAX_ROWS = 1_000_000
#: Iteration limit of the block CG (Circuitscape: 100 000 for single CG).
MAX_ITERATIONS = 2000
#: Threads applying the matrix and the preconditioner to different columns (scipy releases the GIL).
THREADS = max(1, min(2, os.cpu_count() or 1))
#: Memory for the work blocks of block CG; right-hand sides beyond it are solved in batches.
BLOCK_BYTES = 1_000_000_000
#: Smallest batch of right-hand sides solved together.
MIN_BLOCK = 4


class _Level:
    """One level: matrix A, prolongation P, restriction R = Pᵀ, inverse diagonal, Chebyshev bounds."""

    def __init__(self, matrix, prolongation, dtype):
        self.A = sp.csr_matrix(matrix, dtype=dtype)
        self.P = sp.csr_matrix(prolongation, dtype=dtype)
        self.R = self.P.T.tocsr()
        diagonal = self.A.diagonal().astype(np.float64)
        self.inv_diag = (1.0 / diagonal).astype(dtype)
        upper = _chebyshev_upper_bound(sp.csr_matrix(matrix, dtype=np.float64), diagonal)
        lower = upper / CHEBYSHEV_RATIO
        self.theta = (upper + lower) / 2.0
        self.delta = (upper - lower) / 2.0


def _chebyshev_upper_bound(matrix, diagonal):
    """An upper bound of the spectrum of D⁻¹A for the Chebyshev smoother: Gershgorin's bound
    max_i Σ_j |a_ij| / a_ii (2 for a grid Laplacian), tightened on levels below
    :data:`LANCZOS_MAX_ROWS` to 1.1 × the Lanczos estimate of the largest eigenvalue. An estimate
    below the true value would make the smoother amplify the highest modes (CG then stalls)."""
    gershgorin = float(np.max(np.asarray(abs(matrix).sum(axis=1)).ravel() / diagonal))
    if matrix.shape[0] > LANCZOS_MAX_ROWS:
        return gershgorin
    from pyamg.util.linalg import approximate_spectral_radius
    scale = sp.diags(1.0 / np.sqrt(diagonal))
    estimate = approximate_spectral_radius((scale @ matrix @ scale).tocsr(), tol=0.01, maxiter=20,
                                           symmetric=True)
    return min(1.1 * float(estimate), gershgorin)


class Hierarchy:
    """A single-precision multigrid V-cycle built from a pyamg smoothed-aggregation hierarchy."""

    def __init__(self, matrix, progress=None):
        progress = ensure(progress)
        pyamg = __import__("pyamg")
        progress.update(0.0, "Building the multigrid hierarchy")
        # every connection strong (Circuitscape's symmetric strength with theta = 0 keeps them all);
        # the constant near-null vector needs no improvement for a Laplacian
        solver = pyamg.smoothed_aggregation_solver(matrix, symmetry="hermitian", strength=None,
                                                   improve_candidates=None, keep=False)
        progress.update(0.8)
        self.levels = []
        for level in solver.levels[:-1]:   # convert level by level, releasing pyamg's copies
            self.levels.append(_Level(level.A, level.P, np.float32))
            level.A = level.P = level.R = None
        coarse = solver.levels[-1].A.toarray().astype(np.float64)
        self.coarse_inverse = np.linalg.pinv(coarse)
        progress.update(1.0)

    def _smooth(self, level, b, x):
        theta, delta = level.theta, level.delta
        sigma = theta / delta
        rho = 1.0 / sigma
        if x is None:
            residual = level.inv_diag * b
            x = np.zeros_like(b)
        else:
            residual = level.inv_diag * (b - level.A @ x)
        step = residual * np.float32(1.0 / theta)
        for k in range(CHEBYSHEV_DEGREE):
            x += step
            if k == CHEBYSHEV_DEGREE - 1:
                break
            residual -= level.inv_diag * (level.A @ step)
            rho_next = 1.0 / (2.0 * sigma - rho)
            step *= np.float32(rho_next * rho)
            step += np.float32(2.0 * rho_next / delta) * residual
            rho = rho_next
        return x

    def cycle(self, b, depth=0):
        """Apply one V-cycle to the single-precision vector ``b``."""
        if depth == len(self.levels):
            return (self.coarse_inverse @ b.astype(np.float64)).astype(b.dtype)
        level = self.levels[depth]
        x = self._smooth(level, b, None)
        x += level.P @ self.cycle(level.R @ (b - level.A @ x), depth + 1)
        return self._smooth(level, b, x)


class MultigridSolver:
    """Block CG preconditioned by an AMG V-cycle (Jacobi without pyamg); see the module docstring."""

    method = "multigrid"

    def __init__(self, matrix, progress=None):
        self.matrix = sp.csr_matrix(matrix)
        if available("pyamg"):
            self.hierarchy = Hierarchy(self.matrix, progress)
            self.method = "multigrid"
        else:
            self.hierarchy = None
            self.inv_diag = 1.0 / self.matrix.diagonal()
            self.method = "jacobi-cg"

    def _precondition(self, rows, out, pool):
        if self.hierarchy is None:
            np.multiply(rows, self.inv_diag, out=out)
            return out

        def one(k):
            out[k] = self.hierarchy.cycle(rows[k].astype(np.float32))
        list(pool.map(one, range(rows.shape[0])))
        return out

    def _multiply(self, rows, out, pool):
        def one(k):
            out[k] = self.matrix @ rows[k]
        list(pool.map(one, range(rows.shape[0])))
        return out

    def solve(self, rhs, progress=None):
        """Solutions of A x = b for the columns of ``rhs`` ((n,) or (n, k), dense or sparse), in
        batches of columns small enough that the four work blocks of block CG stay within
        :data:`BLOCK_BYTES`. Returns an (n, k) array in column-major order (solutions contiguous)."""
        progress = ensure(progress)
        single = not sp.issparse(rhs) and np.ndim(rhs) == 1
        columns = sp.csc_matrix(rhs.reshape(-1, 1) if single else rhs, dtype=np.float64)
        n, k = columns.shape
        x = np.zeros((k, n))
        width = int(max(MIN_BLOCK, min(k, BLOCK_BYTES // max(4 * 8 * n, 1))))
        count = -(-k // width)
        edges = [round(i * k / count) for i in range(count + 1)]
        with ThreadPoolExecutor(THREADS) as pool:
            for number, (start, stop) in enumerate(zip(edges[:-1], edges[1:])):
                part = progress.sub(number / count, (number + 1) / count)
                b = columns[:, start:stop].T.toarray()
                block_cg(b, x[start:stop], lambda rows, out: self._multiply(rows, out, pool),
                         lambda rows, out: self._precondition(rows, out, pool), part)
                for row in range(stop - start):
                    check_residual(self.matrix, x[start + row], b[row])
        return x[0] if single else x.T


def _orthonormalise(rows, out):
    """An orthonormal basis of the rows of ``rows`` (dependent rows dropped), written into ``out``
    when no row was dropped."""
    values, vectors = np.linalg.eigh(rows @ rows.T)
    keep = values > values.max() * 1e-12
    transform = (vectors[:, keep] / np.sqrt(values[keep])).T
    if keep.all():
        return np.dot(transform, rows, out=out)
    return transform @ rows


def _add_product(target, coefficients, rows, scale):
    """``target += scale · coefficientsᵀ @ rows`` in place, in one BLAS call (no temporary)."""
    if target.flags.c_contiguous and rows.flags.c_contiguous:
        dgemm(scale, rows.T, coefficients, 1.0, target.T, overwrite_c=True)
    else:
        target += scale * (coefficients.T @ rows)


def _row_norms(rows):
    return np.sqrt(np.einsum("ij,ij->i", rows, rows))


def block_cg(b, x, multiply, precondition, progress=None, rtol=RTOL, max_iterations=MAX_ITERATIONS):
    """Breakdown-free block preconditioned CG (Ji & Li 2017) for A x_k = b_k, k = 1..m, from
    x = 0. Vectors are the rows of ``b`` and ``x`` (m, n); ``x`` is filled in place until
    ‖A x_k − b_k‖ ≤ rtol ‖b_k‖ for every k.

    ``multiply(rows, out)`` and ``precondition(rows, out)`` apply A and the preconditioner row by
    row into ``out``. Work memory: four (m, n) float64 blocks (residual, preconditioned residual,
    A times the search block, the search block).
    """
    progress = ensure(progress)
    m, n = b.shape
    norms = _row_norms(b)
    target = rtol * np.where(norms > 0, norms, 1.0)
    x[:] = 0.0
    residual = b.copy()
    z = precondition(residual, np.empty((m, n)))
    product = np.empty((m, n))
    basis = np.empty((m, n))
    search = _orthonormalise(z, basis)
    start = None
    for iteration in range(1, max_iterations + 1):
        q = multiply(search, product[:search.shape[0]])
        gram = q @ search.T
        alpha = np.linalg.solve(gram, search @ residual.T)
        _add_product(x, alpha, search, 1.0)
        _add_product(residual, alpha, q, -1.0)
        ratio = float(np.max(_row_norms(residual) / target))
        if ratio <= 1.0:
            progress.update(1.0)
            return x
        start = ratio if start is None or start < ratio else start
        progress.update(min(0.99, np.log(start / ratio) / max(np.log(start), 1e-9)),
                        f"Conjugate gradients: iteration {iteration}")
        precondition(residual, z)
        beta = -np.linalg.solve(gram, q @ z.T)
        _add_product(z, beta, search, 1.0)
        search = _orthonormalise(z, basis)
    raise EcoSecurityError(
        f"The multigrid solver did not reach the tolerance {rtol} in {max_iterations} iterations. "
        "Check the resistance surface for extreme values, or use the direct solver. "
        "/ 多重网格求解未收敛，请检查阻力面或改用直接求解器。")
