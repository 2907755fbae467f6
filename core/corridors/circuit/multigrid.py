"""Algebraic-multigrid preconditioned conjugate gradients for many right-hand sides.

* Hierarchy: smoothed aggregation with evolution strength of connection
  (:mod:`.aggregation`), built once per matrix.
* V-cycle: single precision, Chebyshev smoothing (degree 2, pre and post: a symmetric
  preconditioner made of matrix products only), a dense pseudo-inverse on the coarsest level.
  The levels are stored scaled by their diagonal, and every product goes through scipy's
  compiled CSR kernel, adding into preallocated work vectors: no temporaries, and the GIL is
  released, so two threads smooth two columns at once.
* Outer solver: preconditioned CG in double precision, one right-hand side per thread
  (:data:`THREADS`). With this hierarchy CG needs about 10 iterations on Circuitscape's 6 M
  cell benchmark grid whatever the number of columns, so block CG brings nothing.
* Stop when ``‖r‖ ≤ 1e-6 ‖b‖`` (Circuitscape's tolerance); the residual is checked again at
  the end (:func:`.residual.check_residual`).

Without pyamg (or for conductances beyond single precision) the same CG runs with a Jacobi
(diagonal) preconditioner — correct but much
slower on large grids; ``auto`` then prefers the direct solver whenever it fits in memory.
"""
import os
import threading

import numpy as np
import scipy.sparse as sp
from scipy.linalg.blas import daxpy, saxpy

from ...runtime.deps import available
from ...runtime.errors import ConvergenceError
from ...runtime.progress import WorkerStopped, ensure, run_workers
from .aggregation import aggregation_levels
from .csr import add_product, multiply_into, scale_entries
from .residual import RTOL, check_residual

#: Degree of the Chebyshev smoother and ratio of its eigenvalue interval (λmax/λmin). Degree 2
#: over [λmax/10, λmax] costs 4 products per level and cycle against 6 for degree 3 (and
#: pyamg's default interval λmax/30), for 11 CG iterations instead of 10 on the 6 M cell grid:
#: 15 % less time.
CHEBYSHEV_DEGREE = 2
CHEBYSHEV_RATIO = 10.0
#: Safety factor on the Lanczos estimate of λmax for the smoother: an interval that misses the top
#: of the spectrum makes the smoother amplify the highest modes (CG then stalls).
CHEBYSHEV_MARGIN = 1.1
#: Iteration limit of CG (Circuitscape: 100 000).
MAX_ITERATIONS = 2000
#: Conductance sums (matrix diagonal) the single-precision V-cycle handles; outside, Jacobi CG in
#: double precision is used.
SINGLE_RANGE = (1e-30, 1e30)
#: Largest coarsest level solved exactly (dense pseudo-inverse, 8 n² bytes).
DENSE_COARSE_LIMIT = 4000
#: Threads applying the matrix and the preconditioner to different columns (the kernels release
#: the GIL; the work is memory-bound, so more threads than cores do not help).
THREADS = max(1, min(2, os.cpu_count() or 1))
#: Seconds between progress reports (and cancel checks) while the threads solve.
POLL_SECONDS = 0.5


class _Level:
    """One level in single precision, scaled by the diagonal D so that smoothing needs no
    separate scaling passes: ``N = −D⁻¹A``, ``P``, and the restriction ``Rs = D_c⁻¹ Pᵀ D`` that
    takes a scaled residual D⁻¹r to the next level's scaled right-hand side (``Pᵀ D`` on the
    last level, whose coarse system is solved unscaled). Chebyshev interval [θ − δ, θ + δ]."""

    def __init__(self, matrix, prolongation, rho, coarse_diagonal, dtype=np.float32):
        diagonal = matrix.diagonal()
        self.N = sp.csr_matrix(matrix, dtype=dtype)
        scale_entries(self.N.indptr, self.N.indices, self.N.data, rows=-1.0 / diagonal)
        self.P = sp.csr_matrix(prolongation, dtype=dtype)
        self.Rs = self.P.T.tocsr()
        scale_entries(self.Rs.indptr, self.Rs.indices, self.Rs.data, columns=diagonal,
                      rows=None if coarse_diagonal is None else 1.0 / coarse_diagonal, shape=self.Rs.shape)
        self.inv_diag = (1.0 / diagonal).astype(dtype)
        gershgorin = _largest_absolute_row_sum(self.N)   # of D⁻¹A
        upper = min(CHEBYSHEV_MARGIN * rho, gershgorin)
        lower = upper / CHEBYSHEV_RATIO
        self.theta = (upper + lower) / 2.0
        self.delta = (upper - lower) / 2.0
        self.size = matrix.shape[0]


def _largest_absolute_row_sum(matrix):
    """max_i Σ_j |m_ij| (Gershgorin's bound on the spectral radius)."""
    magnitudes = sp.csr_matrix((np.abs(matrix.data), matrix.indices, matrix.indptr), shape=matrix.shape)
    return float(multiply_into(magnitudes, np.ones(matrix.shape[1], dtype=matrix.dtype),
                               np.empty(matrix.shape[0], dtype=matrix.dtype)).max())


class _Workspace:
    """Work vectors of one thread: scaled right-hand side, solution, scaled residual and the
    Chebyshev step of every level."""

    def __init__(self, levels, dtype):
        self.vectors = [{name: np.zeros(level.size, dtype) for name in ("b", "x", "r", "s")}
                        for level in levels]


class Hierarchy:
    """A single-precision multigrid V-cycle (see the module docstring)."""

    dtype = np.float32

    def __init__(self, matrix, progress=None):
        progress = ensure(progress)
        levels, coarse = aggregation_levels(matrix, progress.sub(0.0, 0.95))
        self.levels = []
        while levels:   # convert level by level, releasing the float64 copies
            a, prolongation, rho = levels.pop(0)
            below = levels[0][0].diagonal() if levels else None
            self.levels.append(_Level(a, prolongation, rho, below, self.dtype))
        if coarse.shape[0] <= DENSE_COARSE_LIMIT:
            self.coarse_inverse = np.linalg.pinv(coarse.toarray())
        else:   # coarsening stalled (it does not on circuit Laplacians): the coarsest level gets Jacobi
            self.coarse_inverse = sp.diags(1.0 / coarse.diagonal()).tocsr()
        progress.update(1.0)

    def workspace(self):
        """Work vectors for one thread (about 4.5 single-precision vectors per unknown)."""
        return _Workspace(self.levels, self.dtype)

    def apply(self, b, out, workspace):
        """``out`` = one V-cycle applied to ``b`` (float64 in, float64 out)."""
        if not self.levels:
            out[:] = self.coarse_inverse @ b
            return out
        top = workspace.vectors[0]
        np.multiply(b, self.levels[0].inv_diag, out=top["b"], casting="same_kind")
        self._cycle(workspace.vectors, 0)
        np.copyto(out, top["x"])
        return out

    def _cycle(self, vectors, depth):
        level, work = self.levels[depth], vectors[depth]
        x, r = work["x"], work["r"]
        self._smooth(level, work, start_from_zero=True)   # leaves r = D⁻¹(b − A x)
        if depth + 1 < len(self.levels):
            multiply_into(level.Rs, r, vectors[depth + 1]["b"])
            self._cycle(vectors, depth + 1)
            correction = vectors[depth + 1]["x"]
        else:
            correction = (self.coarse_inverse @ (level.Rs @ r).astype(np.float64)).astype(self.dtype)
        add_product(level.P, correction, x)
        self._smooth(level, work, start_from_zero=False)

    def _smooth(self, level, work, start_from_zero):
        """Chebyshev iteration on D⁻¹A over [θ − δ, θ + δ] (Saad 2003, Alg. 12.1), in place on x;
        from zero it also brings the scaled residual r up to date for the restriction."""
        b, x, r, s = work["b"], work["x"], work["r"], work["s"]
        sigma = level.theta / level.delta
        rho = 1.0 / sigma
        np.copyto(r, b)
        if not start_from_zero:
            add_product(level.N, x, r)
        np.multiply(r, self.dtype(1.0 / level.theta), out=s)
        if start_from_zero:
            np.copyto(x, s)
        else:
            saxpy(s, x)
        for _ in range(CHEBYSHEV_DEGREE - 1):
            add_product(level.N, s, r)
            rho_next = 1.0 / (2.0 * sigma - rho)
            s *= self.dtype(rho_next * rho)
            saxpy(r, s, a=2.0 * rho_next / level.delta)
            saxpy(s, x)
            rho = rho_next
        if start_from_zero:
            add_product(level.N, s, r)


class _Vectors:
    """Double-precision work vectors of one conjugate-gradient thread."""

    def __init__(self, n):
        self.b, self.r, self.z, self.p, self.q = (np.empty(n) for _ in range(5))


class MultigridSolver:
    """CG preconditioned by an AMG V-cycle (Jacobi without pyamg); see the module docstring."""

    method = "multigrid"

    def __init__(self, matrix, progress=None):
        self.matrix = sp.csr_matrix(matrix, dtype=np.float64)
        diagonal = self.matrix.diagonal()
        low, high = SINGLE_RANGE
        in_single_range = diagonal.size == 0 or (low < diagonal.min() and diagonal.max() < high)
        if available("pyamg") and in_single_range:
            self.hierarchy = Hierarchy(self.matrix, progress)
            self.method = "multigrid"
        else:
            self.hierarchy = None
            self.inv_diag = 1.0 / diagonal
            self.method = "jacobi-cg"

    def _preconditioner(self):
        """``apply(r, z)`` for one thread."""
        if self.hierarchy is None:
            return lambda r, z: np.multiply(r, self.inv_diag, out=z)
        workspace = self.hierarchy.workspace()
        return lambda r, z: self.hierarchy.apply(r, z, workspace)

    def solve(self, rhs, progress=None):
        """Solutions of A x = b for the columns of ``rhs`` ((n,) or (n, k), dense or sparse).

        The columns are shared out among :data:`THREADS` threads, each running its own
        preconditioned CG; the calling thread reports progress and polls for cancel (a cancel
        stops every thread within one iteration). Returns an (n, k) array in column-major order
        (solutions contiguous), or (n,) for a vector.
        """
        progress = ensure(progress)
        single = not sp.issparse(rhs) and np.ndim(rhs) == 1
        columns = sp.csc_matrix(rhs.reshape(-1, 1) if single else rhs, dtype=np.float64)
        n, k = columns.shape
        x = np.zeros((k, n))
        if k == 0:
            return x.T
        state = _SharedProgress(k)
        queue = iter(range(k))
        lock = threading.Lock()

        def worker():
            vectors, precondition = _Vectors(n), self._preconditioner()
            while not state.stop.is_set():
                with lock:
                    column = next(queue, None)
                if column is None:
                    return
                vectors.b[:] = columns[:, column].toarray().ravel()
                conjugate_gradients(self.matrix, vectors.b, x[column], precondition, vectors,
                                    lambda fraction: state.report(column, fraction))
                check_residual(self.matrix, x[column], vectors.b)
        run_workers([worker] * min(THREADS, k), progress,
                    lambda: (state.fraction(), f"Conjugate gradients: {state.finished()} of {k} solved"
                                               f" / 共轭梯度：已解 {state.finished()}/{k} 个"),
                    state.stop, POLL_SECONDS)
        progress.update(1.0)
        return x[0] if single else x.T


class _SharedProgress:
    """Progress of the columns solved by the worker threads, and their stop flag."""

    def __init__(self, k):
        self.done = np.zeros(k)
        self.stop = threading.Event()

    def report(self, column, fraction):
        self.done[column] = fraction
        if self.stop.is_set():
            raise WorkerStopped()

    def fraction(self):
        return float(self.done.mean())

    def finished(self):
        return int(np.count_nonzero(self.done >= 1.0))


def conjugate_gradients(matrix, b, x, precondition, vectors, report=None, rtol=RTOL,
                        max_iterations=MAX_ITERATIONS):
    """Preconditioned CG (Hestenes & Stiefel 1952) for ``matrix @ x = b`` from x = 0, in place on
    ``x``, until ‖r‖ ≤ rtol ‖b‖. ``vectors``: work vectors r, z, p, q; ``report(fraction)`` is
    called every iteration (log-scale progress towards the tolerance)."""
    r, z, p, q = vectors.r, vectors.z, vectors.p, vectors.q
    x[:] = 0.0
    r[:] = b
    norm_b = float(np.linalg.norm(b))
    if norm_b == 0.0:
        return x
    target = rtol * norm_b
    precondition(r, z)
    p[:] = z
    rz = float(r @ z)
    for _ in range(max_iterations):
        multiply_into(matrix, p, q)
        alpha = rz / float(p @ q)
        daxpy(p, x, a=alpha)
        daxpy(q, r, a=-alpha)
        norm_r = float(np.linalg.norm(r))
        if report is not None:
            report(1.0 if norm_r <= target else min(0.99, np.log(norm_b / norm_r) / np.log(1.0 / rtol)))
        if norm_r <= target:
            return x
        precondition(r, z)
        rz_next = float(r @ z)
        p *= rz_next / rz
        daxpy(z, p)
        rz = rz_next
    raise ConvergenceError(
        f"The multigrid solver did not reach the tolerance {rtol} in {max_iterations} iterations. "
        "Check the resistance surface for extreme values, or use the direct solver. "
        "/ 多重网格求解未收敛，请检查阻力面或改用直接求解器。")
