"""Linear solvers for grounded Laplacian systems ``A x = b`` (A symmetric positive definite).

One interface, two methods (as Circuitscape.jl's ``cholmod`` and ``cg+amg``):

* :class:`DirectSolver` — a sparse LU factorisation (SuperLU, minimum-degree ordering on A + Aᵀ,
  no pivoting: A is an SPD M-matrix) computed once and reused for every right-hand side;
* :class:`~.multigrid.MultigridSolver` — conjugate gradients preconditioned by a
  smoothed-aggregation algebraic multigrid hierarchy (built once, with pyamg's kernels),
  relative tolerance 1e-6 as Circuitscape, right-hand sides solved on two threads. Without
  pyamg, CG with a Jacobi preconditioner.

Both check the residual afterwards (``‖A x − b‖ ≤ 1e-4 ‖b‖``, Circuitscape.jl's hard limit).
:func:`choose_method` picks by memory and estimated time.
"""
import math

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import splu

from ...runtime.deps import available as has_module
from ...runtime.errors import ConvergenceError
from ...runtime.memory import available_memory, check_memory
from ...runtime.progress import ensure, run_cancellable
from .residual import check_residual

#: Right-hand sides back-substituted together by the direct solver.
DIRECT_BATCH = 64


def estimate_direct_memory(n, nnz):
    """Bytes of a SuperLU factorisation of a grid Laplacian with ``n`` unknowns and ``nnz`` entries.

    Fill-in of minimum-degree orderings on 2-D grids grows like n·log2(n); the constant (3 per
    triangle for 5-point stencils, ×(nnz/5n) for denser ones) was measured on the 1 M-cell
    reference grid. L and U are stored (12 bytes per entry) plus SuperLU's workspace.
    """
    if n == 0:
        return 0
    density = max(nnz / (5.0 * n), 1.0)
    fill = 3.0 * density * n * math.log2(max(n, 2))
    return int(2 * fill * 12 * 1.3 + nnz * 24)


def estimate_multigrid_memory(n, nnz, n_rhs=1):
    """Bytes of the multigrid solver on ``n`` unknowns, ``nnz`` entries and ``n_rhs`` right-hand
    sides: the float64 matrix (12 B per entry) plus the larger of the set-up's temporaries (about
    40 B per entry; up to 55 with short-circuit regions) and the solve — the single-precision
    hierarchy (about 14 B per entry), the solutions (8 B per unknown and right-hand side), two
    threads' work vectors (about 130 B per unknown) and the chunks summing the cumulative
    current. Measured on the 6 M cell benchmark grid: 3.1 GB peak for an estimate of 4.0 GB with
    the graph."""
    from .currents import CHUNK_BYTES, THREADS
    setup = nnz * 40
    solve = nnz * 14 + n * (8 * max(n_rhs, 1) + 130) + THREADS * CHUNK_BYTES
    return int(nnz * 12 + max(setup, solve))


def _free_memory():
    """Bytes of free memory (8 GiB when the system does not say)."""
    return available_memory() or 8 * 2 ** 30


def estimate_seconds(method, n, n_rhs):
    """Rough solve time of ``method`` on n unknowns with ``n_rhs`` right-hand sides, fitted on the
    8-neighbour 1 M cell benchmark grid cut to 135 k and 868 k unknowns (2 cores): the
    factorisation grows like n^1.4 and its back-substitutions like n^1.2; multigrid set-up and
    each CG solve grow like n. Only the ratio of the two methods is used."""
    scale = n / 135_000
    if method == "direct":
        return 0.67 * scale ** 1.41 + n_rhs * 0.016 * scale ** 1.17
    return 0.27 * scale + n_rhs * 0.047 * scale


def choose_method(n, nnz, n_rhs=1):
    """'direct' for small systems, 'multigrid' when the factorisation would not fit in 40 % of
    the free memory, otherwise the method with the smaller :func:`estimate_seconds` (without
    pyamg, direct whenever it fits)."""
    if n <= 20_000:
        return "direct"
    if estimate_direct_memory(n, nnz) >= 0.4 * _free_memory():
        return "multigrid"
    if not has_module("pyamg"):
        return "direct"
    faster = estimate_seconds("direct", n, n_rhs) <= estimate_seconds("multigrid", n, n_rhs)
    return "direct" if faster else "multigrid"


class DirectSolver:
    """SuperLU factorisation of an SPD matrix, reused for every right-hand side."""

    method = "direct"

    def __init__(self, matrix, progress=None):
        progress = ensure(progress)
        progress.update(0.0, "Factorising the conductance matrix / 分解电导矩阵")
        self.matrix = matrix.tocsr()
        columns = matrix.tocsc()
        self.lu = run_cancellable(lambda: splu(columns, permc_spec="MMD_AT_PLUS_A", diag_pivot_thresh=0.0,
                                               options={"SymmetricMode": True}), progress)
        progress.update(1.0)

    def solve(self, rhs, progress=None):
        """Solutions of A x = b for the columns of ``rhs`` ((n,) or (n, k), dense or sparse)."""
        progress = ensure(progress)
        if not sp.issparse(rhs) and np.ndim(rhs) == 1:
            b = np.asarray(rhs, dtype=np.float64)
            x = self.lu.solve(b)
            check_residual(self.matrix, x, b)
            return x
        columns = sp.csc_matrix(rhs, dtype=np.float64) if sp.issparse(rhs) else np.asarray(rhs, dtype=np.float64)
        k = columns.shape[1]
        out = np.empty(columns.shape, order="F")
        for start in range(0, k, DIRECT_BATCH):
            stop = min(start + DIRECT_BATCH, k)
            progress.update(start / k, f"Solving {k} right-hand sides / 求解 {k} 个右端项")
            block = columns[:, start:stop]
            block = np.asfortranarray(block.toarray() if sp.issparse(block) else block)
            out[:, start:stop] = self.lu.solve(block)
            check_residual(self.matrix, out[:, start:stop], block)
        progress.update(1.0)
        return out


def make_solver(matrix, method="auto", n_rhs=1, progress=None, choice=None):
    """A solver for the SPD ``matrix``: 'direct', 'multigrid' or 'auto' (see :func:`choose_method`).

    With 'auto', a multigrid solve that does not converge (conductances spanning many orders of
    magnitude) is redone by the direct solver when its factorisation fits in memory. ``choice``:
    the method 'auto' stands for, when a caller chose it for more right-hand sides than this
    solver gets (parallel batches; default: :func:`choose_method` for ``n_rhs``)."""
    matrix = sp.csr_matrix(matrix)
    n, nnz = matrix.shape[0], matrix.nnz
    chosen = (choice or choose_method(n, nnz, n_rhs)) if method == "auto" else method
    if chosen == "direct":
        check_memory(estimate_direct_memory(n, nnz) + n * n_rhs * 16,
                     f"The direct solver on {n} nodes", "Use the multigrid solver, or clip the input / 请改用多重网格求解器。")
        return DirectSolver(matrix, progress)
    check_memory(estimate_multigrid_memory(n, nnz, n_rhs), f"The multigrid solver on {n} nodes")
    from .multigrid import MultigridSolver
    solver = MultigridSolver(matrix, progress)
    direct_fits = estimate_direct_memory(n, nnz) + n * n_rhs * 16 < 0.8 * _free_memory()
    return _DirectFallback(solver, matrix) if method == "auto" and direct_fits else solver


class _DirectFallback:
    """A multigrid solver whose non-converging solves are redone by :class:`DirectSolver`."""

    def __init__(self, solver, matrix):
        self.solver, self.matrix, self.method = solver, matrix, solver.method

    def solve(self, rhs, progress=None):
        try:
            return self.solver.solve(rhs, progress)
        except ConvergenceError:
            self.solver = DirectSolver(self.matrix, progress)
            self.method = "direct"
            return self.solver.solve(rhs, progress)
