"""Smoothed-aggregation multigrid set-up for grounded circuit Laplacians.

Level by level, from an SPD matrix A with diagonal D and near-null vector B (constant on the
finest level, the aggregate norms below):

1. ρ = ρ(D⁻¹A) by a short Lanczos run (:func:`spectral_radius`);
2. evolution strength of connection (:func:`evolution_strength`, Olson, Schroder & Tuminaro
   2010, k = 2 time steps, drop tolerance ε = 4): on circuits with strongly varying
   conductances it aggregates along the conductive structures, which halves the CG iterations
   of Circuitscape's "every connection strong" aggregation;
3. standard aggregation of the strong graph and the tentative prolongation T fitted to B
   (pyamg's compiled kernels);
4. prolongation ``P = (I − ω/ρ D⁻¹A) T``, ω = 4/3, and the coarse operator ``PᵀAP`` (Vaněk,
   Mandel & Brezina 1996).

Cancel is checked between steps; the longest step on 5 M unknowns takes a few seconds.
"""
import numpy as np
import scipy.sparse as sp
from scipy.linalg import eigvalsh_tridiagonal
from scipy.linalg.blas import daxpy
from scipy.sparse._sparsetools import expandptr

from ...runtime.progress import ensure
from .csr import multiply_into, scale_entries

#: Jacobi weight of the prolongation smoother, divided by ρ(D⁻¹A) (pyamg's and ML's default).
PROLONGATION_OMEGA = 4.0 / 3.0
#: Lanczos steps of the spectral radius estimate; levels up to DENSE_SIZE use dense eigenvalues.
LANCZOS_STEPS = 15
DENSE_SIZE = 500
#: Coarsening stops at this many unknowns (solved by a dense pseudo-inverse) or this many levels.
COARSE_SIZE = 1000
MAX_LEVELS = 12
#: Drop tolerance of the evolution measure: j is a strong neighbour of i when its measure is
#: below EPSILON times the smallest measure of row i.
EPSILON = 4.0
#: Ratios |z_ii b_j / (b_i z_ij)| below this mark a weak connection (as pyamg).
WEAK_RATIO = 1e-4
#: Nodes with more neighbours than this are hubs (merged short-circuit or focal regions); a grid
#: node has at most 8, its aggregates a few dozen.
HUB_DEGREE = 256


def spectral_radius(matrix, steps=LANCZOS_STEPS, seed=0):
    """ρ(D⁻¹A) of a symmetric positive definite ``matrix`` A with diagonal D.

    D⁻¹A is similar to D^-½ A D^-½, whose largest eigenvalue is estimated by the largest Ritz
    value of ``steps`` Lanczos steps from a seeded random vector (Lanczos 1950; the extreme Ritz
    values converge first, from below). Exact (dense) on small matrices.
    """
    n = matrix.shape[0]
    scale = 1.0 / np.sqrt(matrix.diagonal())
    if n <= DENSE_SIZE:
        dense = matrix.toarray() * scale[:, None] * scale[None, :]
        return float(np.linalg.eigvalsh(dense)[-1])
    v = np.random.default_rng(seed).standard_normal(n)
    v /= np.linalg.norm(v)
    previous, scaled, w = np.zeros(n), np.empty(n), np.empty(n)
    alphas, betas = [], []
    beta = 0.0
    for _ in range(steps):
        np.multiply(v, scale, out=scaled)
        multiply_into(matrix, scaled, w)
        w *= scale
        alpha = float(v @ w)
        daxpy(v, w, a=-alpha)
        daxpy(previous, w, a=-beta)
        alphas.append(alpha)
        beta = float(np.linalg.norm(w))
        if beta <= 1e-10 * abs(alpha):
            break
        betas.append(beta)
        w /= beta
        previous, v, w = v, w, previous
    return float(eigvalsh_tridiagonal(np.array(alphas), np.array(betas[:len(alphas) - 1]))[-1])


def evolution_strength(matrix, rho, candidate, epsilon=EPSILON):
    """Strong connections of a symmetric ``matrix`` A (CSR, sorted indices, full diagonal) by
    the evolution measure with k = 2 and one near-null vector ``candidate`` b.

    With J = I − D⁻¹A/ρ (one weighted-Jacobi step) and Z = (J²)ᵀ evaluated only on the pattern
    of A, the measure of the pair (i, j) is ``|1 − z_ii b_j / (b_i z_ij)|``: how far the
    evolved point source at i is from its best approximation by b near j. The pair is weak when
    that ratio is negative (angle over 90°) or below 1e-4 in size; otherwise it is strong when
    its measure is below ``epsilon`` times the smallest measure of row i (values under √eps count
    as 1e-4). Returns the symmetric pattern of strong connections (CSR, ones, no diagonal);
    aggregation only reads the pattern.

    Hubs — nodes with more than :data:`HUB_DEGREE` neighbours, i.e. short-circuit regions and
    focal regions — are left out of Z (each entry of a hub's column would cost a pass over its
    whole row) and every connection of a hub counts as strong, as in Circuitscape's aggregation.
    """
    n, nnz = matrix.shape[0], matrix.nnz
    indptr, indices = matrix.indptr, matrix.indices
    rows = np.empty(nnz, dtype=indices.dtype)
    expandptr(n, indptr, rows)
    on_diagonal = indices == rows
    hub = np.diff(indptr) > HUB_DEGREE + 1
    if not hub.any():
        del rows
        strong = _evolution_strong(indptr, indices, matrix.data, np.flatnonzero(on_diagonal), rho, candidate,
                                   epsilon)
    else:
        touches_hub = (hub[rows] | hub[indices]) & ~on_diagonal
        kept = ~touches_hub
        sub_indptr = np.zeros(n + 1, dtype=indptr.dtype)
        np.cumsum(np.bincount(rows[kept], minlength=n), out=sub_indptr[1:])
        diagonal_at = np.flatnonzero(on_diagonal[kept])
        del rows, on_diagonal
        strong = touches_hub
        strong[kept] = _evolution_strong(sub_indptr, indices[kept], matrix.data[kept], diagonal_at, rho,
                                         candidate, epsilon)
    pattern = sp.csr_matrix((strong.view(np.int8), indices, indptr), shape=(n, n))
    return (pattern + pattern.T).tocsr()   # the sum stores no zeros: the strong pairs, symmetrised


def _evolution_strong(indptr, indices, data, diagonal_at, rho, candidate, epsilon):
    """Boolean per stored entry: strong by the evolution measure (see :func:`evolution_strength`)."""
    from pyamg.amg_core import incomplete_mat_mult_csr, maximum_row_value
    n, nnz = indptr.size - 1, data.size
    negative_scale = -1.0 / (rho * data[diagonal_at])
    jacobi_t = scale_entries(indptr, indices, data.copy(), columns=negative_scale)   # Jᵀ, CSR
    jacobi_t[diagonal_at] += 1.0
    jacobi = scale_entries(indptr, indices, data.copy(), rows=negative_scale)   # J = Jᵀ in CSC
    jacobi[diagonal_at] += 1.0
    z = np.empty(nnz)
    incomplete_mat_mult_csr(indptr, indices, jacobi_t, indptr, indices, jacobi, indptr, indices, z, n)
    del jacobi_t, jacobi
    b = np.where(candidate == 0, 1.0, candidate)
    ratio = scale_entries(indptr, indices, np.ones(nnz), rows=z[diagonal_at] / b, columns=b)  # z_ii b_j / b_i
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio /= z
        del z
        weak = ratio < WEAK_RATIO          # negative (angle over 90°) or too small
        ratio -= 1.0
        measure = np.abs(ratio, out=ratio)
        weak |= measure == 0.0
        weak[diagonal_at] = True
        measure[measure < np.sqrt(np.finfo(float).eps)] = WEAK_RATIO
        # closeness = 1 / measure (0 when weak): strong when above 1/ε of the row's largest
        closeness = np.divide(1.0, measure, out=measure)
        closeness[weak] = 0.0
        del weak
        largest = np.empty(n)
        maximum_row_value(n, largest, indptr, indices, closeness)
        return scale_entries(indptr, indices, closeness, rows=epsilon / largest) > 1.0


def aggregation_levels(matrix, progress=None):
    """Smoothed-aggregation hierarchy of an SPD ``matrix`` (see the module docstring).

    Returns ``(levels, coarse)``: ``levels`` a list of ``(A, P, rho)`` from fine to coarse
    (float64 CSR, ρ(D⁻¹A)), ``coarse`` the coarsest matrix.
    """
    progress = ensure(progress)
    from pyamg.aggregation import fit_candidates, standard_aggregation
    a = sp.csr_matrix(matrix, dtype=np.float64)
    candidate = np.ones(a.shape[0])
    levels = []
    total = a.nnz
    done = 0
    while a.shape[0] > COARSE_SIZE and len(levels) < MAX_LEVELS:
        def step(fraction, what):
            progress.update(min(0.99, (done + fraction * a.nnz) / (1.15 * total)), what)
        step(0.0, "Multigrid setup: spectral radius / 多重网格构建：谱半径")
        a.sum_duplicates()   # canonical CSR: sorted indices, no duplicates
        rho = spectral_radius(a)
        step(0.1, "Multigrid setup: strength of connection / 多重网格构建：强连接")
        strength = evolution_strength(a, rho, candidate)
        step(0.5, "Multigrid setup: aggregation / 多重网格构建：聚合")
        aggregates = standard_aggregation(strength)[0]
        del strength
        if aggregates.nnz == 0 or aggregates.shape[1] >= a.shape[0]:
            break
        tentative, coarse_candidate = fit_candidates(aggregates, candidate.reshape(-1, 1))
        tentative = sp.csr_matrix(tentative)
        step(0.6, "Multigrid setup: prolongation / 多重网格构建：延拓算子")
        smoothing = (a @ tentative).tocsr()
        smoothing.data *= -PROLONGATION_OMEGA / rho
        scale_entries(smoothing.indptr, smoothing.indices, smoothing.data, rows=1.0 / a.diagonal(), shape=smoothing.shape)
        prolongation = (tentative + smoothing).tocsr()
        del smoothing, tentative
        step(0.8, "Multigrid setup: coarse operator / 多重网格构建：粗网格算子")
        coarse = (prolongation.T.tocsr() @ (a @ prolongation)).tocsr()
        levels.append((a, prolongation, rho))
        done += a.nnz
        a, candidate = coarse, np.ravel(coarse_candidate)
    progress.update(1.0)
    return levels, a
